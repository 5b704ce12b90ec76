"""Reading the change log for bundles: what is held from each device, and what is above it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from desktop.store.database import Connection
from desktop.store.specs import ERASED


class LoggedChange(NamedTuple):
    """One row of the change log, with its origin as a device id."""

    entity: str
    row_id: str
    field_group: str
    value: str | None
    hlc: int
    origin: str
    origin_seq: int
    prev_hlc: int


def is_erased(conn: Connection, row_id: str) -> bool:
    """True if this id was erased for data protection (only its tombstone is left)."""
    row = conn.execute(
        "SELECT 1 FROM change_log WHERE row_id = ? AND field_group = ?", (row_id, ERASED)
    ).fetchone()
    return row is not None


def version_vector(conn: Connection) -> dict[str, int]:
    """The highest origin sequence held from each device (this one included)."""
    rows = conn.execute("SELECT device_id, last_seq FROM device WHERE last_seq > 0")
    return {r[0]: r[1] for r in rows}


def changes_since(conn: Connection, vector: dict[str, int]) -> Iterator[LoggedChange]:
    """Every change in the log above `vector`, origin by origin in sequence order."""
    devices = conn.execute("SELECT num, device_id FROM device ORDER BY device_id").fetchall()
    for num, device_id in devices:
        rows = conn.execute(
            "SELECT entity, row_id, field_group, value, hlc, origin_seq, prev_hlc FROM change"
            " WHERE origin = ? AND origin_seq > ? ORDER BY origin_seq",
            (num, vector.get(device_id, 0)),
        )
        for r in rows:
            yield LoggedChange(r[0], r[1], r[2], r[3], r[4], device_id, r[5], r[6])


def count_since(conn: Connection, vector: dict[str, int]) -> int:
    """How many changes `changes_since` would yield."""
    total = 0
    for num, device_id in conn.execute("SELECT num, device_id FROM device").fetchall():
        total += conn.execute(
            "SELECT count(*) FROM change WHERE origin = ? AND origin_seq > ?",
            (num, vector.get(device_id, 0)),
        ).fetchone()[0]
    return total


def change_time(conn: Connection, device_id: str, seq: int) -> int | None:
    """The HLC of one device's change with this sequence number (or the one before it), settled
    or not (only for the message about a gap: it reads all of the settled history)."""
    row = conn.execute(
        "SELECT c.hlc FROM change_log c JOIN device d ON d.num = c.origin"
        " WHERE d.device_id = ? AND c.origin_seq <= ? ORDER BY c.origin_seq DESC LIMIT 1",
        (device_id, seq),
    ).fetchone()
    return int(row[0]) if row else None


class ChangeLog:
    """The change log of one open case file, read for bundles (`store.log`)."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def version_vector(self) -> dict[str, int]:
        """The highest origin sequence held from each device (this one included)."""
        return version_vector(self._conn)

    def changes_since(self, vector: dict[str, int]) -> Iterator[LoggedChange]:
        """Every change above `vector`, origin by origin in sequence order."""
        return changes_since(self._conn, vector)

    def count_since(self, vector: dict[str, int]) -> int:
        """How many changes `changes_since` would yield."""
        return count_since(self._conn, vector)

    def change_time(self, device_id: str, seq: int) -> int | None:
        """The HLC of one device's change with this sequence number (or the one before it), settled
        or not (only for the message about a gap: it reads all of the settled history)."""
        return change_time(self._conn, device_id, seq)
