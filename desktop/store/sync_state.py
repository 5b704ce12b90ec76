"""This installation's sync bookkeeping: trusted colleagues, imported bundles, the conflict list.

None of it is case data: it never travels in a bundle and `export-json` leaves it out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from desktop.store.database import Connection, storage_errors


@dataclass(frozen=True)
class ColleagueRecord:
    """A trusted colleague as stored."""

    name: str
    signing_key: bytes
    exchange_key: bytes
    device_id: str | None
    acked: dict[str, int]  # their version vector as of their last bundle
    added_at: str
    last_import_at: str | None
    last_export_at: str | None


@dataclass(frozen=True)
class ConflictRecord:
    """An edit that lost a merge without its editor having seen the winner.

    Fields in the order of the `conflict` table's columns.
    """

    num: int
    kind: str  # "edit" or "deleted"
    entity: str
    row_id: str
    field_group: str
    lost_value: str | None
    lost_hlc: int
    lost_device: str
    won_value: str | None
    won_hlc: int
    won_device: str
    found_at: str
    resolved_at: str | None
    resolution: str | None


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class SyncState:
    """Reads and writes of the sync bookkeeping tables."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # -- colleagues --------------------------------------------------------------------------

    def colleagues(self) -> list[ColleagueRecord]:
        """Every trusted colleague, by name."""
        rows = self.conn.execute("SELECT * FROM colleague ORDER BY name COLLATE NOCASE, name")
        return [self._colleague(r) for r in rows]

    def colleague(self, name: str) -> ColleagueRecord | None:
        """The colleague with this name (exact), if any."""
        row = self.conn.execute("SELECT * FROM colleague WHERE name = ?", (name,)).fetchone()
        return self._colleague(row) if row else None

    def colleague_by_key(self, signing_key: bytes) -> ColleagueRecord | None:
        """The colleague who signs with this key, if any."""
        row = self.conn.execute(
            "SELECT * FROM colleague WHERE signing_key = ?", (signing_key.hex(),)
        ).fetchone()
        return self._colleague(row) if row else None

    def colleague_by_device(self, device_id: str) -> ColleagueRecord | None:
        """The colleague whose bundles came from this device, if any."""
        row = self.conn.execute(
            "SELECT * FROM colleague WHERE device_id = ?", (device_id,)
        ).fetchone()
        return self._colleague(row) if row else None

    def save_colleague(self, name: str, signing_key: bytes, exchange_key: bytes) -> None:
        """Trust these keys under this name (a known name gets the new keys)."""
        with storage_errors():
            self.conn.execute(
                "INSERT INTO colleague (name, signing_key, exchange_key, added_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET"
                " signing_key = excluded.signing_key, exchange_key = excluded.exchange_key",
                (name, signing_key.hex(), exchange_key.hex(), _now()),
            )

    def remove_colleague(self, name: str) -> None:
        """Stop trusting a colleague."""
        with storage_errors():
            self.conn.execute("DELETE FROM colleague WHERE name = ?", (name,))
            self.conn.execute("DELETE FROM held_back WHERE colleague = ?", (name,))

    def record_import(
        self, name: str, device_id: str, acked: dict[str, int], bundle_id: str
    ) -> None:
        """After a merged bundle (inside its transaction): what they hold, and when."""
        now = _now()
        self.conn.execute(
            "UPDATE colleague SET device_id = ?, acked = ?, last_import_at = ? WHERE name = ?",
            (device_id, json.dumps(acked, sort_keys=True), now, name),
        )
        self.conn.execute(
            "INSERT OR IGNORE INTO bundle_seen (bundle_id, sender, imported_at) VALUES (?, ?, ?)",
            (bundle_id, name, now),
        )

    def forget_acknowledgement(self, name: str, device_id: str) -> None:
        """Stop assuming the colleague holds a device's changes (its file went back in time)."""
        record = self.colleague(name)
        if record is None:
            return
        acked = {k: v for k, v in record.acked.items() if k != device_id}
        with storage_errors():
            self.conn.execute(
                "UPDATE colleague SET acked = ? WHERE name = ?",
                (json.dumps(acked, sort_keys=True), name),
            )

    def record_export(self, name: str) -> None:
        """A bundle for this colleague was written."""
        with storage_errors():
            self.conn.execute(
                "UPDATE colleague SET last_export_at = ? WHERE name = ?", (_now(), name)
            )

    def seen(self, bundle_id: str) -> bool:
        """True if a bundle with this id was imported before."""
        row = self.conn.execute(
            "SELECT 1 FROM bundle_seen WHERE bundle_id = ?", (bundle_id,)
        ).fetchone()
        return row is not None

    # -- conflicts ---------------------------------------------------------------------------

    def conflicts(self, *, open_only: bool = True) -> list[ConflictRecord]:
        """The conflict list, newest first."""
        sql = "SELECT * FROM conflict"
        if open_only:
            sql += " WHERE resolved_at IS NULL"
        rows = self.conn.execute(sql + " ORDER BY num DESC")
        return [ConflictRecord(*tuple(r)) for r in rows]

    def conflict(self, num: int) -> ConflictRecord | None:
        """One entry of the conflict list."""
        row = self.conn.execute("SELECT * FROM conflict WHERE num = ?", (num,)).fetchone()
        return ConflictRecord(*tuple(row)) if row else None

    def resolve(self, num: int, resolution: str) -> None:
        """Mark an entry reviewed ("kept" the winner or "restored" the lost value)."""
        with storage_errors():
            self.conn.execute(
                "UPDATE conflict SET resolved_at = ?, resolution = ? WHERE num = ?",
                (_now(), resolution, num),
            )

    def open_conflict_count(self) -> int:
        """How many entries of the conflict list wait for review."""
        return int(
            self.conn.execute("SELECT count(*) FROM conflict WHERE resolved_at IS NULL").fetchone()[
                0
            ]
        )

    @staticmethod
    def _colleague(r: Any) -> ColleagueRecord:
        return ColleagueRecord(
            name=r["name"],
            signing_key=bytes.fromhex(r["signing_key"]),
            exchange_key=bytes.fromhex(r["exchange_key"]),
            device_id=r["device_id"],
            acked={k: int(v) for k, v in json.loads(r["acked"]).items()},
            added_at=r["added_at"],
            last_import_at=r["last_import_at"],
            last_export_at=r["last_export_at"],
        )
