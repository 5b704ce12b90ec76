"""Which merges go on the conflict list: an edit that lost without its editor having seen the
winner (each change records the clock of the value it replaced), and a delete that overrode
edits its author had not seen (or an edit arriving for a row a delete removed).

Pure decisions over what the merge holds for a row (`log_reads.Logged`), plus the one INSERT.
"""

from __future__ import annotations

from typing import NamedTuple

from desktop.store.database import Connection
from desktop.store.specs import ERASED, EXISTS
from desktop.store.sync_merge.checks import ChangeLike
from desktop.store.sync_merge.log_reads import Logged


class Version(NamedTuple):
    """One value of a field group as the merge weighs it."""

    value: str | None
    hlc: int
    device: str
    prev_hlc: int

    def beats(self, other: Version) -> bool:
        return (self.hlc, self.device) > (other.hlc, other.device)


class Found(NamedTuple):
    """A conflict to list: the losing and the winning version of one field group."""

    kind: str  # "edit" or "deleted"
    field_group: str
    lost: Version
    won: Version


def incoming(change: ChangeLike) -> Version:
    return Version(change.value, change.hlc, change.origin, change.prev_hlc)


def logged(entry: Logged) -> Version:
    return Version(entry.value, entry.hlc, entry.device, entry.prev_hlc)


def causal_length(value: str | None) -> int:
    """A causal length as logged (as SQLite's CAST reads it: 0 if it is not a number)."""
    try:
        return int(value or 0)
    except ValueError:
        return 0


def edit(change: ChangeLike, winner: Logged | None) -> Found | None:
    """An edit against the field group's current winner: the one that loses unseen."""
    if winner is None or winner.value == change.value:
        return None
    held, new = logged(winner), incoming(change)
    if new.beats(held):
        if new.prev_hlc < held.hlc and held.device != new.device:
            return Found("edit", change.field_group, lost=held, won=new)
    elif held.prev_hlc < new.hlc and held.device != new.device:
        return Found("edit", change.field_group, lost=new, won=held)
    return None


def deleted_edits(change: ChangeLike, history: list[Logged]) -> list[Found]:
    """A delete arriving now overrides the edits its author had not seen."""
    if causal_length(change.value) % 2:
        return []
    lost = [
        e
        for e in history
        if e.hlc > change.prev_hlc
        and e.field_group not in (EXISTS, ERASED)
        and e.device != change.origin
    ]
    lost.sort(key=lambda e: e.field_group)  # by field group, then as logged
    won = Version(None, change.hlc, change.origin, change.prev_hlc)
    return [Found("deleted", e.field_group, lost=logged(e), won=won) for e in lost]


def edit_of_deleted(change: ChangeLike, length: Logged | None) -> Found | None:
    """An edit arriving now for a row that a delete it had not seen removed (`length`: the
    row's causal-length change that counts)."""
    if (
        length
        and causal_length(length.value) % 2 == 0
        and length.prev_hlc < change.hlc
        and length.device != change.origin
    ):
        won = Version(None, length.hlc, length.device, length.prev_hlc)
        return Found("deleted", change.field_group, lost=incoming(change), won=won)
    return None


def record(conn: Connection, change: ChangeLike, found: Found, now: str) -> None:
    """Put one conflict on the list."""
    conn.execute(
        "INSERT INTO conflict (kind, entity, row_id, field_group, lost_value, lost_hlc,"
        " lost_device, won_value, won_hlc, won_device, found_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            found.kind,
            change.entity,
            change.row_id,
            found.field_group,
            found.lost.value,
            found.lost.hlc,
            found.lost.device,
            found.won.value,
            found.won.hlc,
            found.won.device,
            now,
        ),
    )
