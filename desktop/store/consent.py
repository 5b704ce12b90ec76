"""Which rows may go to colleagues: clients who consented to sharing, and what belongs to them.

A client may be shared while their consent is given, includes "share with colleagues" and is not
withdrawn (as of today). Everything else about a client who may not be shared stays here: the
client row, its plans with goals and measures, documents with scans, appointments, notes,
support links, the audit events about them, and a household none of whose members may be shared.
Only two kinds of change of such a client still travel, neither with personal data: an erasure
tombstone, and the consent record of a client who withdrew (so that colleagues who hold them
learn of it). The decision is read from the change log, so deleted rows are covered too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.domain.catalogues import ConsentScope
from desktop.store.audit import owner_of
from desktop.store.changelog.reading import LoggedChange
from desktop.store.changelog.settled import fill_value
from desktop.store.database import Connection, storage_errors
from desktop.store.specs import ERASED

CONSENT = "consent"  # the client's field group that holds the consent


@dataclass(frozen=True)
class Sharing:
    """The outcome for one export: what stays here, and whose withdrawal still travels."""

    held: frozenset[str]  # row ids whose changes stay here
    held_clients: int  # how many clients that is
    withdrawn: frozenset[str]  # held clients whose consent record still travels


def may_share(consent: dict[str, Any] | None, today: date) -> bool:
    """True if this consent value (a change row's, decoded) allows sharing with colleagues."""
    if not consent or not consent.get("consent_given_on"):
        return False
    scopes = json.loads(consent.get("consent_scope") or "[]")
    if ConsentScope.SHARE_COLLEAGUES.value not in scopes:
        return False
    withdrawn = consent.get("consent_withdrawn_on")
    return not withdrawn or date.fromisoformat(withdrawn) > today


def sharing(conn: Connection, today: date) -> Sharing:
    """What may not go to colleagues today."""
    consent = _latest(conn, "client", CONSENT)
    # An erased client has nothing left to hold back but the tombstone and the audit events,
    # neither with personal data: they travel, so that every computer's trail agrees.
    clients = {
        r[0]
        for r in conn.execute(
            "SELECT row_id FROM change_log WHERE entity = 'client' GROUP BY row_id"
            " HAVING sum(field_group = ?) = 0",
            (ERASED,),
        )
    }
    held_clients = {c for c in clients if not may_share(consent.get(c), today)}
    withdrawn = frozenset(
        c for c in held_clients if (consent.get(c) or {}).get("consent_withdrawn_on")
    )
    held = set(held_clients)
    links = _latest_links(conn)
    link_values = {row_id: value for row_id, (_entity, value) in links.items()}
    owners: dict[str, str | None] = {}
    for row_id, (entity, _value) in links.items():
        if owner_of(conn, entity, row_id, link_values, owners) in held_clients:
            held.add(row_id)
    held |= _lonely_households(conn, held_clients)
    held |= {
        r[0]
        for r in conn.execute("SELECT id, client_id FROM audit WHERE client_id IS NOT NULL")
        if r[1] in held_clients
    }
    return Sharing(frozenset(held), len(held_clients), withdrawn)


def _latest(conn: Connection, entity: str, group: str) -> dict[str, dict[str, Any]]:
    """Each row's newest value of one field group, decoded."""
    rows = conn.execute(
        "SELECT row_id, value, max(hlc) FROM change_log WHERE entity = ? AND field_group = ?"
        " GROUP BY row_id",
        (entity, group),
    )
    found = {}
    for row_id, value, _hlc in rows:
        decoded = json.loads(value) if value else None
        if isinstance(decoded, dict):
            found[row_id] = decoded
    return found


def _latest_links(conn: Connection) -> dict[str, tuple[str, dict[str, Any]]]:
    """Each part's newest link (which client, plan, goal or document it belongs to)."""
    rows = conn.execute(
        "SELECT entity, row_id, value, max(hlc) FROM change_log WHERE field_group = 'link'"
        " GROUP BY row_id"
    )
    found = {}
    for entity, row_id, value, _hlc in rows:
        decoded = json.loads(value) if value else None
        if isinstance(decoded, dict):
            found[row_id] = (entity, decoded)
    return found


def _lonely_households(conn: Connection, held_clients: set[str]) -> set[str]:
    """Households (named after a family, as a rule) with no member who may be shared."""
    households = {
        r[0]
        for r in conn.execute("SELECT DISTINCT row_id FROM change_log WHERE entity = 'household'")
    }
    shared = {
        value.get("household_id")
        for client, value in _latest(conn, "client", "household").items()
        if client not in held_clients
    }
    return households - shared


# -- what was held back from whom -------------------------------------------------------------


@dataclass(frozen=True)
class HeldBack:
    """The rows held back from one colleague, and those released since (not yet acknowledged)."""

    held: frozenset[str]
    released: dict[str, tuple[str, int]]  # row id -> (this device, its sequence at release)


def held_back(conn: Connection, colleague: str) -> HeldBack:
    """What earlier bundles to this colleague left out."""
    held, released = set(), {}
    for row_id, device, seq in conn.execute(
        "SELECT row_id, released_device, released_seq FROM held_back WHERE colleague = ?",
        (colleague,),
    ):
        if device is None:
            held.add(row_id)
        else:
            released[row_id] = (device, int(seq))
    return HeldBack(frozenset(held), released)


def record_held_back(
    conn: Connection,
    colleague: str,
    now_held: frozenset[str],
    released: dict[str, tuple[str, int]],
) -> None:
    """After a bundle: what it held back, and the releases it carried, not yet acknowledged."""
    with storage_errors():
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("DELETE FROM held_back WHERE colleague = ?", (colleague,))
            conn.executemany(
                "INSERT INTO held_back (colleague, row_id) VALUES (?, ?)",
                [(colleague, r) for r in sorted(now_held)],
            )
            conn.executemany(
                "INSERT INTO held_back"
                " (colleague, row_id, released_device, released_seq) VALUES (?, ?, ?, ?)",
                [
                    (colleague, r, device, seq)
                    for r, (device, seq) in sorted(released.items())
                    if r not in now_held
                ],
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def changes_of_rows(
    conn: Connection, row_ids: set[str], vector: dict[str, int]
) -> list[LoggedChange]:
    """Every change of these rows at or below `vector` (released rows: older than the base)."""
    found: list[LoggedChange] = []
    ids = sorted(row_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = conn.execute(
            "SELECT c.entity, c.row_id, c.field_group, c.value, c.hlc, d.device_id,"
            " c.origin_seq, c.prev_hlc FROM change_log c JOIN device d ON d.num = c.origin"
            f" WHERE c.row_id IN ({', '.join('?' * len(chunk))})",
            chunk,
        )
        for r in rows:
            if r[6] > vector.get(r[5], 0):
                continue
            change = LoggedChange(*tuple(r))
            if change.value is None and change.field_group != ERASED:  # settled: from the row
                value = fill_value(conn, change.entity, change.row_id, change.field_group)
                if value is None:
                    continue
                change = change._replace(value=value)
            found.append(change)
    found.sort(key=lambda c: (c.origin, c.origin_seq))
    return found


class ConsentRules:
    """What may go to colleagues from one open case file (`store.consent`)."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def sharing(self, today: date) -> Sharing:
        """The rows that may be shared today, and those held back."""
        return sharing(self._conn, today)

    def held_back(self, colleague: str) -> HeldBack:
        """What the last bundle for `colleague` held back, and releases not yet acknowledged."""
        return held_back(self._conn, colleague)

    def record_held_back(
        self, colleague: str, now_held: frozenset[str], released: dict[str, tuple[str, int]]
    ) -> None:
        """After a bundle: what it held back, and the releases it carried."""
        record_held_back(self._conn, colleague, now_held, released)

    def changes_of_rows(self, row_ids: set[str], vector: dict[str, int]) -> list[LoggedChange]:
        """Every change of these rows at or below `vector`."""
        return changes_of_rows(self._conn, row_ids, vector)
