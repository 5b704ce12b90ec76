"""The duplicate merge: two records of the same person become one, keeping every part of both.

The client kept takes the other's plans, checklist items, appointments, notes, support links and
deadline marks; fields it leaves empty are filled from the other, and the other's names become
other spellings.
The merge travels to colleagues as a merge: a note a colleague adds meanwhile to the record that
went follows it to the one kept, instead of disappearing with it.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from desktop.domain.errors import InvalidInput
from desktop.domain.model import (
    Appointment,
    Client,
    DeadlineMark,
    DocumentItem,
    IntegrationPlan,
    Note,
    SupportLink,
)
from desktop.store.specs import BY_CLASS
from desktop.store.store import Store

_PARTS: tuple[type, ...] = (
    IntegrationPlan,
    DocumentItem,
    Appointment,
    Note,
    SupportLink,
    DeadlineMark,
)


def merge_clients(store: Store, keep_id: str, other_id: str) -> Client:
    """Merge the client `other_id` into `keep_id`; returns the client kept, as it is now."""
    if keep_id == other_id:
        raise InvalidInput(
            "client",
            "A client cannot be merged with itself.",
            "Ein Eintrag kann nicht mit sich selbst zusammengeführt werden.",
        )
    keep = store.get(Client, keep_id)
    other = store.get(Client, other_id)
    with store.transaction() as tx:
        for cls in _PARTS:
            parts: list[Any] = store.of_client(cls, other_id)
            for part in parts:
                tx.relink(BY_CLASS[cls], part.id, keep_id)
        tx.update(combined(keep, other))
        tx.merge_into(other_id, keep_id)
    return store.get(Client, keep_id)


def combined(keep: Client, other: Client) -> Client:
    """`keep` with its empty fields filled from `other`, and `other`'s names as spellings."""
    changes: dict[str, Any] = {}
    for field in dataclasses.fields(Client):
        name = field.name
        if name in ("id", "family_name", "given_names", "other_names"):
            continue
        mine, theirs = getattr(keep, name), getattr(other, name)
        if _empty(mine) and not _empty(theirs):
            changes[name] = theirs
    spellings = list(keep.other_names)
    for candidate in (
        *other.other_names,
        f"{other.given_names} {other.family_name}".strip(),
    ):
        known = {s.casefold() for s in spellings}
        mine = f"{keep.given_names} {keep.family_name}".strip().casefold()
        if candidate and candidate.casefold() not in known and candidate.casefold() != mine:
            spellings.append(candidate)
    changes["other_names"] = tuple(spellings)
    return dataclasses.replace(keep, **changes)


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == () or value is False
