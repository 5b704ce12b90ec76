"""How long a closed case is kept, which cases are due for erasure, and the closing rule.

Closing a case sets its retention date (closed on + the retention period); re-opening it clears
the date. Erasure itself is `casework.erase_clients` (this module must not import casework: the
closing rule is called from it).
"""

from __future__ import annotations

import dataclasses
from datetime import date

from desktop.domain.dates import add_months
from desktop.domain.errors import InvalidInput
from desktop.domain.model import Client
from desktop.store.retention import DueCase
from desktop.store.store import Store

__all__ = [
    "DEFAULT_MONTHS",
    "MONTHS_RANGE",
    "DueCase",
    "closing_rule",
    "due_for_erasure",
    "retention_months",
    "scrub",
    "set_retention_months",
]

DEFAULT_MONTHS = 36
MONTHS_RANGE = (1, 120)
_KEY = "retention.months"


def retention_months(store: Store) -> int:
    """How many months a closed case is kept (36 unless set; an unusable value is the default)."""
    raw = store.meta(_KEY)
    try:
        months = int(raw) if raw is not None else DEFAULT_MONTHS
    except ValueError:
        return DEFAULT_MONTHS
    low, high = MONTHS_RANGE
    return months if low <= months <= high else DEFAULT_MONTHS


def set_retention_months(store: Store, months: int) -> None:
    """Set the retention period for cases closed from now on; InvalidInput outside 1..120."""
    low, high = MONTHS_RANGE
    if type(months) is not int or not low <= months <= high:
        raise InvalidInput(
            "retention_months",
            f"The retention period must be between {low} and {high} months.",
            f"Die Aufbewahrungsfrist muss zwischen {low} und {high} Monaten liegen.",
        )
    store.set_meta(_KEY, str(months))


def closing_rule(store: Store, before: Client | None, after: Client) -> Client:
    """`after` with the retention date that follows from closing or re-opening the case.

    When the closing date is set or changed, the retention date becomes closing date + the
    retention period; when the case is re-opened it is cleared. An edit that sets the retention
    date itself (it differs from `before`) keeps it.
    """
    old_closed = before.closed_on if before else None
    old_until = before.retention_until if before else None
    if after.closed_on == old_closed or after.retention_until != old_until:
        return after
    if after.closed_on is None:
        until = None
    else:
        until = add_months(after.closed_on, retention_months(store))
    return dataclasses.replace(after, retention_until=until)


def due_for_erasure(store: Store, today: date | None = None) -> list[DueCase]:
    """Closed cases whose retention date is today or earlier, the oldest date first."""
    return store.retention.due_for_erasure(today or date.today())


def scrub(store: Store) -> None:
    """Make the case file forget deleted data for good (after an erasure, also one by sync)."""
    store.scrub()
