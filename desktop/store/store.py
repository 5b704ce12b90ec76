"""The open case file: transactions that record changes, and the reads the services need."""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from desktop.domain.errors import NotFound
from desktop.domain.model import Appointment, Attachment, Client, Goal, IntegrationPlan, Measure
from desktop.store import backup_copy, erasure_ledger
from desktop.store.audit import AuditTrail
from desktop.store.changelog.clock import HybridClock
from desktop.store.changelog.reading import ChangeLog, is_erased
from desktop.store.changelog.settled import SettledLog
from desktop.store.changelog.transaction import Transaction
from desktop.store.consent import ConsentRules
from desktop.store.database import Connection, schema_version, storage_errors
from desktop.store.deadlines import DeadlineSources, clients_with_deadlines, deadline_sources
from desktop.store.instance_lock import CaseFileLock
from desktop.store.retention import RetentionRules
from desktop.store.search import ClientPage, ClientQuery, client_page
from desktop.store.specs import (
    APPOINTMENT,
    ATTACHMENT,
    BY_CLASS,
    CLIENT,
    GOAL,
    MEASURE,
    SPECS,
    EntitySpec,
)
from desktop.store.statistics import PeriodCounts, period_counts
from desktop.store.sync_state import SyncState

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
    """One open, unlocked case file. Not thread-safe: one worker thread owns it.

    Services reach the data through its methods and its parts: `log` (the change log read for
    bundles), `consent` (what may go to colleagues), `audit_trail`, `retention` and
    `sync_state`. `conn` is for the modules of `desktop/store` only.
    """

    def __init__(
        self,
        conn: Connection,
        held: CaseFileLock | None = None,
        *,
        root: Path | None = None,
        key: bytes | None = None,
    ) -> None:
        self.conn = conn
        self._held = held  # one Welcome Desk per case file, until close()
        # The data folder and the data key (SQLCipher holds the key anyway while the file is
        # open): erasure reaches the copies in the folder and keeps its ledger there.
        self.root = root
        self._key = key
        self.log = ChangeLog(conn)
        self.settled = SettledLog(conn)
        self.consent = ConsentRules(conn)
        self.audit_trail = AuditTrail(conn)
        self.retention = RetentionRules(conn)
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
        """Close the connection (the key is forgotten with it) and let go of the case file."""
        try:
            self.conn.close()
        finally:
            if self._held is not None:
                self._held.release()

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
                tx.record_audit()
                tx.flush()
                if tx.seq != self._seq:
                    self.conn.execute(
                        "UPDATE device SET last_seq = ? WHERE num = ?", (tx.seq, tx.device_num)
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
            if tx.device_num != self.device_num:  # a merge gave this computer a new device id
                self.device_id, self.device_num, self._seq = self._self_device()

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads inside see one consistent state of the file (for writing a bundle)."""
        self.conn.execute("BEGIN")
        try:
            yield
        finally:
            if self.conn.in_transaction:
                self.conn.execute("COMMIT")

    def scrub(self) -> None:
        """Overwrite what deleted rows left in the file (after an erasure, outside a write)."""
        self.retention.scrub()

    def file_size(self) -> int:
        """The bytes the case file takes (its pages; the WAL not counted)."""
        pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
        return int(pages) * int(self.conn.execute("PRAGMA page_size").fetchone()[0])

    def export_copy(self, target: Path) -> int:
        """An encrypted copy of the whole file at `target` (same data key); its schema number."""
        return backup_copy.export_copy(self.conn, target)

    @property
    def data_key(self) -> bytes | None:
        """The data key, to open copies of this same case file (backups); None for a copy."""
        return self._key

    def erasure_ledger(self) -> list[erasure_ledger.Erasure]:
        """Every erasure in the ledger: the table and `erasures.json` made whole first (a
        restored older file takes the later erasures from the file, the file those of sync)."""
        if self.root is None or self._key is None:
            return erasure_ledger.entries(self.conn)
        path = self.root / erasure_ledger.FILE_NAME
        return erasure_ledger.reconcile(self.conn, path, erasure_ledger.mac_key(self._key))

    def enter_erasures(self, client_ids: list[str], on: date) -> None:
        """Enter erased clients in the ledger table (inside the erasure's transaction)."""
        erasure_ledger.add(self.conn, client_ids, on)

    def not_erased_yet(self, client_ids: list[str]) -> list[str]:
        """Those ids of which this file still holds a client row or recorded values."""
        return erasure_ledger.not_applied(self.conn, client_ids)

    @property
    def sync_state(self) -> SyncState:
        """Colleagues, imported bundles and the conflict list."""
        return SyncState(self.conn)

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
        """The client's plans, documents, appointments, notes, support links or deadline marks."""
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

    def of_clients(self, cls: type[T], client_ids: list[str]) -> list[T]:
        """The plans, documents, appointments, notes or support links of many clients at once."""
        spec = BY_CLASS[cls]
        if spec.parent != "client_id":
            raise TypeError(f"{spec.name} does not belong to a client directly")
        return self._children(spec, "client_id", client_ids)

    def of_ids(self, cls: type[T], entity_ids: list[str]) -> list[T]:
        """The entities with these ids (unknown ids are skipped), by id."""
        return self._children(BY_CLASS[cls], "id", entity_ids, order="id")

    def attachments_of(self, document_ids: list[str]) -> list[Attachment]:
        """The attachments of these checklist items, by file name."""
        return self._children(ATTACHMENT, "document_id", document_ids)

    def _children(
        self, spec: EntitySpec, parent: str, ids: list[str], order: str | None = None
    ) -> list[Any]:
        found: list[Any] = []
        for start in range(0, len(ids), _BATCH):
            rows = self.conn.execute(
                f"SELECT * FROM {spec.table} WHERE {parent} IN (SELECT value FROM json_each(?))"
                f" ORDER BY {order or _ORDER[spec.name]}",
                (_json_list(ids[start : start + _BATCH]),),
            )
            found.extend(spec.from_row(r) for r in rows)
        return found

    def appointments_between(self, start: datetime, end: datetime) -> list[Appointment]:
        """Every client's appointments starting at or after `start` and before `end`."""
        rows = self.conn.execute(
            "SELECT * FROM appointment WHERE starts_at >= ? AND starts_at < ?"
            f" ORDER BY {_ORDER['appointment']}",
            (_minutes(start), _minutes(end)),
        )
        return [APPOINTMENT.from_row(r) for r in rows]

    def deadline_candidates(
        self, today: date, within_days: int, *, measures: bool = False
    ) -> list[str]:
        """Ids of open clients with a deadline due by today + `within_days` (overdue too).

        Measures due count only with `measures`.
        """
        sql, params = clients_with_deadlines(today, within_days, measures=measures)
        rows = self.conn.execute(
            f"SELECT id FROM client WHERE closed_on IS NULL AND id IN ({sql}) ORDER BY id",
            params,
        )
        return [r[0] for r in rows]

    def deadline_sources(
        self, today: date, within_days: int, *, measures: bool = False
    ) -> DeadlineSources:
        """Open clients with a deadline by today + `within_days`, and their rows that are due.

        Measures due (and the goals they hang on) are read only with `measures`.
        """
        return deadline_sources(self.conn, today, within_days, measures=measures)

    def clients_by_folded_family_name(self, folded_family: str) -> list[Client]:
        """Clients whose folded family name is exactly this (a range of the sort-key index)."""
        rows = self.conn.execute(
            "SELECT * FROM client WHERE sort_key >= ? AND sort_key < ? ORDER BY sort_key, num",
            (f"{folded_family}\x1f", f"{folded_family}\x20"),
        )
        return [CLIENT.from_row(r) for r in rows]

    def display_names(self, client_ids: list[str]) -> dict[str, str]:
        """ "Family, Given" of these clients by id, without reading their whole records."""
        names: dict[str, str] = {}
        for start in range(0, len(client_ids), _BATCH):
            rows = self.conn.execute(
                "SELECT id, family_name, given_names FROM client"
                " WHERE id IN (SELECT value FROM json_each(?))",
                (_json_list(client_ids[start : start + _BATCH]),),
            )
            names.update((r[0], Client(r[1], r[2], id=r[0]).display_name) for r in rows)
        return names

    def support_counts(self) -> dict[str, int]:
        """How many different clients each organisation supports (by organisation id)."""
        rows = self.conn.execute(
            "SELECT organisation_id, count(DISTINCT client_id) FROM support"
            " GROUP BY organisation_id"
        )
        return {r[0]: r[1] for r in rows}

    def has_blob(self, sha256: str) -> bool:
        """True if the bytes with this SHA-256 are stored."""
        return (
            self.conn.execute("SELECT 1 FROM blob WHERE sha256 = ?", (sha256,)).fetchone()
            is not None
        )

    def blob(self, sha256: str) -> bytes:
        """The bytes stored under this SHA-256, or NotFound."""
        row = self.conn.execute("SELECT data FROM blob WHERE sha256 = ?", (sha256,)).fetchone()
        if row is None:
            raise NotFound("blob", sha256)
        return bytes(row[0])

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

    def file_numbers(self) -> list[str]:
        """Every client's file number, the most recently added client's first."""
        rows = self.conn.execute(
            "SELECT file_number FROM client WHERE file_number != '' ORDER BY num DESC"
        )
        return [row[0] for row in rows]

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

    def period_counts(self, start: date, end: date) -> PeriodCounts:
        """The counts of a period's statistics, counted in SQL (no person is read)."""
        return period_counts(self.conn, start, end)

    def household_members(self, household_id: str) -> list[Client]:
        """The clients of one household, by name."""
        rows = self.conn.execute(
            "SELECT * FROM client WHERE household_id = ? ORDER BY sort_key", (household_id,)
        )
        return [BY_CLASS[Client].from_row(r) for r in rows]

    def is_erased(self, entity_id: str) -> bool:
        """True if this id was erased for data protection (only its tombstone is left)."""
        return is_erased(self.conn, entity_id)

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
    "attachment": "file_name, id",
    "deadline_mark": "due_on, kind, id",
}
_BATCH = 10_000  # ids per query when reading the parts of many clients


def _minutes(moment: datetime) -> str:
    """A moment as stored (ISO 8601 to the minute; seconds would sort after the minute)."""
    return moment.isoformat(timespec="minutes")


def _json_list(values: list[str]) -> str:
    return json.dumps(values)
