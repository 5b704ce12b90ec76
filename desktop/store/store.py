"""The open case file: transactions that record changes, and the reads the services need."""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from desktop.domain.errors import NotFound
from desktop.domain.model import Client, Goal, IntegrationPlan, Measure
from desktop.store.changes import HybridClock, Transaction
from desktop.store.database import Connection, schema_version, storage_errors
from desktop.store.search import ClientPage, ClientQuery, client_page
from desktop.store.specs import BY_CLASS, ERASED, GOAL, MEASURE, SPECS, EntitySpec

T = TypeVar("T")


@dataclass(frozen=True)
class Counts:
    """How much the case file holds, for `status`."""

    clients: int
    open_clients: int
    by_entity: dict[str, int]
    changes: int
    schema: int


class Store:
    """One open, unlocked case file. Not thread-safe: one worker thread owns it."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.device_id, self.device_num, seq = self._self_device()
        last = conn.execute("SELECT value FROM meta WHERE key = 'hlc'").fetchone()
        self.clock = HybridClock(int(last[0]) if last else 0)
        self._seq = seq

    def _self_device(self) -> tuple[str, int, int]:
        row = self.conn.execute(
            "SELECT device_id, num, last_seq FROM device WHERE is_self = 1"
        ).fetchone()
        if row is None:
            with storage_errors():
                device_id = uuid.uuid4().hex
                self.conn.execute(
                    "INSERT INTO device (device_id, is_self) VALUES (?, 1)", (device_id,)
                )
            return self._self_device()
        return row[0], row[1], row[2]

    def close(self) -> None:
        """Close the connection; the key is forgotten with it."""
        self.conn.close()

    # -- writing -----------------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """All writes inside commit together, change rows included, or not at all."""
        clock_before = self.clock.last
        with storage_errors():
            self.conn.execute("BEGIN IMMEDIATE")
            tx = Transaction(self.conn, self.device_num, self.clock, self._seq)
            try:
                yield tx
                tx.flush()
                if tx.seq != self._seq:
                    self.conn.execute(
                        "UPDATE device SET last_seq = ? WHERE num = ?", (tx.seq, self.device_num)
                    )
                    self.conn.execute(
                        "INSERT OR REPLACE INTO meta (key, value) VALUES ('hlc', ?)",
                        (str(self.clock.last),),
                    )
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                self.clock.last = clock_before
                raise
            self._seq = tx.seq

    def set_meta(self, key: str, value: str) -> None:
        """Store an installation-local setting (not case data: no change row)."""
        with storage_errors():
            self.conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value)
            )

    def meta(self, key: str, default: str | None = None) -> str | None:
        """An installation-local setting."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    # -- reading -----------------------------------------------------------------------------

    def find(self, cls: type[T], entity_id: str) -> T | None:
        """The entity with this id, or None."""
        spec = BY_CLASS[cls]
        row = self.conn.execute(f"SELECT * FROM {spec.table} WHERE id = ?", (entity_id,)).fetchone()
        return spec.from_row(row) if row else None

    def get(self, cls: type[T], entity_id: str) -> T:
        """The entity with this id, or NotFound."""
        found = self.find(cls, entity_id)
        if found is None:
            raise NotFound(BY_CLASS[cls].name, entity_id)
        return found

    def of_client(self, cls: type[T], client_id: str) -> list[T]:
        """The client's plans, documents, appointments, notes or support links."""
        spec = BY_CLASS[cls]
        rows = self.conn.execute(
            f"SELECT * FROM {spec.table} WHERE client_id = ? ORDER BY {_ORDER[spec.name]}",
            (client_id,),
        )
        return [spec.from_row(r) for r in rows]

    def goals_of(self, plan_ids: list[str]) -> list[Goal]:
        """The goals of these plans, in their order."""
        return self._children(GOAL, "plan_id", plan_ids)

    def measures_of(self, goal_ids: list[str]) -> list[Measure]:
        """The measures of these goals, in their order."""
        return self._children(MEASURE, "goal_id", goal_ids)

    def _children(self, spec: EntitySpec, parent: str, ids: list[str]) -> list[Any]:
        if not ids:
            return []
        rows = self.conn.execute(
            f"SELECT * FROM {spec.table} WHERE {parent} IN (SELECT value FROM json_each(?))"
            f" ORDER BY {_ORDER[spec.name]}",
            (_json_list(ids),),
        )
        return [spec.from_row(r) for r in rows]

    def all(self, cls: type[T]) -> Iterator[T]:
        """Every entity of a kind, by id."""
        spec = BY_CLASS[cls]
        for row in self.conn.execute(f"SELECT * FROM {spec.table} ORDER BY id"):
            yield spec.from_row(row)

    def clients(self, query: ClientQuery) -> ClientPage:
        """One page of the case list, searched, filtered and sorted in SQL."""
        return client_page(self.conn, query)

    def client_by_file_number(self, file_number: str) -> Client | None:
        """The client with exactly this file number, if any."""
        row = self.conn.execute(
            "SELECT * FROM client WHERE file_number = ? LIMIT 1", (file_number,)
        ).fetchone()
        return BY_CLASS[Client].from_row(row) if row else None

    def counts(self) -> Counts:
        """How many rows of each kind the case file holds."""
        by_entity = {
            s.name: self.conn.execute(f"SELECT count(*) FROM {s.table}").fetchone()[0]
            for s in SPECS
        }
        open_clients = self.conn.execute(
            "SELECT count(*) FROM client WHERE closed_on IS NULL"
        ).fetchone()[0]
        changes = self.conn.execute("SELECT count(*) FROM change").fetchone()[0]
        return Counts(
            by_entity["client"], open_clients, by_entity, changes, schema_version(self.conn)
        )

    def household_members(self, household_id: str) -> list[Client]:
        """The clients of one household, by name."""
        rows = self.conn.execute(
            "SELECT * FROM client WHERE household_id = ? ORDER BY sort_key", (household_id,)
        )
        return [BY_CLASS[Client].from_row(r) for r in rows]

    def is_erased(self, entity_id: str) -> bool:
        """True if this id was erased for data protection (only its tombstone is left)."""
        row = self.conn.execute(
            "SELECT 1 FROM change WHERE row_id = ? AND field_group = ?", (entity_id, ERASED)
        ).fetchone()
        return row is not None

    def plan_of(self, client_id: str) -> IntegrationPlan | None:
        """The client's current plan (the newest agreed or draft one)."""
        plans = self.of_client(IntegrationPlan, client_id)
        return plans[-1] if plans else None


_ORDER = {
    "plan": "coalesce(agreed_on, ''), id",
    "goal": "position, id",
    "measure": "position, coalesce(due_on, '9999'), id",
    "document": "kind, id",
    "appointment": "starts_at, id",
    "note": "written_on DESC, id",
    "support": "coalesce(since, ''), id",
}


def _json_list(values: list[str]) -> str:
    return json.dumps(values)
