"""The sync merge: changes from colleagues merged into the case file, all in one transaction.

The rules (DESIGN.md, "Sync between colleagues"): per field group the last writer wins by HLC with
the origin device id as tie-break; a row exists while its causal length is odd, and the largest
length wins; an erasure is final (nothing recorded about the row survives it, no later change
brings it back); notes are append-only. The table rows are derived from the log: after changes
are added, each touched row is rebuilt from the winners of its field groups, so that any order of
arrival ends in the same state.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, NamedTuple

import sqlcipher3

from desktop.store import erasure_ledger
from desktop.store.audit import AUDIT, check_value, insert_event
from desktop.store.changelog.reading import LoggedChange, is_erased, version_vector
from desktop.store.changelog.settled import (
    compacted_tips,
    compacted_vector,
    fill_value,
    move_origin,
    reused_number,
)
from desktop.store.changelog.transaction import REQUIRED, Transaction, group_defaults
from desktop.store.specs import BY_NAME, CLIENT, ERASED, EXISTS, MERGED, EntitySpec
from desktop.store.sync_merge.checks import ChangeLike, MergeError, check_change, decode_group
from desktop.store.sync_merge.orphans import sweep_orphans
from desktop.store.upgrades import upgraded_value


class RolledBack(Exception):
    """A device sent changes under numbers it had used before: its file went back to a copy."""

    def __init__(self, device_id: str) -> None:
        super().__init__(device_id)
        self.device_id = device_id


class _Version(NamedTuple):
    value: str | None
    hlc: int
    device: str
    prev_hlc: int

    def beats(self, other: _Version) -> bool:
        return (self.hlc, self.device) > (other.hlc, other.device)


@dataclass
class MergeResult:
    """What one merge did."""

    applied: int = 0  # changes new to this case file
    already_had: int = 0  # changes skipped because they were applied before
    dropped: int = 0  # changes to erased rows, never applied
    erased: int = 0  # rows erased here by this merge (the file is scrubbed afterwards)
    conflicts: int = 0
    changed_rows: set[tuple[str, str]] = field(default_factory=set)
    new_clients: set[str] = field(default_factory=set)  # clients this case file had not held


# -- merging ---------------------------------------------------------------------------------


class Merger:
    """Adds a bundle's changes to the log and rebuilds the rows they touch, in one transaction."""

    def __init__(self, tx: Transaction, self_device: str, vector: dict[str, int]) -> None:
        self.tx = tx
        self.vector = vector
        self.conn = tx.conn
        self.self_device = self_device
        self.nums = {r[0]: r[1] for r in self.conn.execute("SELECT device_id, num FROM device")}
        self.have = version_vector(self.conn)
        self.compacted = compacted_vector(self.conn)
        self.tips = compacted_tips(self.conn)
        self.result = MergeResult()
        self._pending: dict[tuple[str, str], None] = {}
        self._gone: set[str] = set()
        self._max_hlc = 0
        self._own: list[ChangeLike] = []
        self.forked = False
        self._now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    def add(self, batch: Iterable[ChangeLike]) -> None:
        """Merge a batch of changes; rows are rebuilt at the end of each batch."""
        for received in batch:
            change = self._current_shape(received)
            check_change(change, self.vector)
            if change.origin == self.self_device:
                self._own.append(change)  # settled at the end: see _settle_own
            else:
                self._add_one(change)
        self._rebuild()

    def _add_one(self, change: ChangeLike) -> None:
        if change.origin_seq <= self.have.get(change.origin, 0):
            held = self._held_under_number(change)
            if held is False:
                raise RolledBack(change.origin)
            if held or (
                change.origin_seq <= self.compacted.get(change.origin, 0)
                and self._settled_already(change)
            ):
                self.result.already_had += 1
                return
            # Not here under its number: held back by its sender until the client consented to
            # sharing, or purged by an erasure here (then dropped below as a change of it).
        self._max_hlc = max(self._max_hlc, change.hlc)
        if change.entity == AUDIT:
            self._insert(change)
            value = check_value(change.value)
            assert value is not None  # checked in _check
            insert_event(self.conn, change.row_id, change.hlc, change.origin, value)
        elif change.field_group == ERASED:
            self._erase(change)
        elif self._is_erased(change.row_id):
            self.result.dropped += 1
        else:
            self._merge(change)

    def _held_under_number(self, change: ChangeLike) -> bool | None:
        """True: this change is held under its number; False: another one is; None: nothing."""
        row = self.conn.execute(
            "SELECT row_id, field_group, hlc FROM change WHERE origin = ? AND origin_seq = ?",
            (self.nums.get(change.origin, -1), change.origin_seq),
        ).fetchone()
        if row is None:  # settled, held back by its sender, or erased here
            if reused_number(self.tips, change.origin, change.origin_seq, change.hlc):
                return False
            if change.origin == self.self_device and not self._trace_of(change):
                return False  # our own change, settled here, would have left a trace
            return None
        return tuple(row) == (change.row_id, change.field_group, change.hlc)

    def _settled_already(self, change: ChangeLike) -> bool:
        """A change below the compacted vector that is not held under its number: True if it
        adds nothing (settled here before, or it loses to what is settled); a late one that
        wins (held back by consent until now) is merged as any other."""
        if change.entity == AUDIT:
            found = self.conn.execute(
                "SELECT 1 FROM audit WHERE id = ?", (change.row_id,)
            ).fetchone()
            return found is not None
        if change.field_group == ERASED:
            return self._is_erased(change.row_id)
        if change.field_group == EXISTS:
            return self.tx.causal_length(change.entity, change.row_id) >= int(change.value or 0)
        winner = self._winner(change.row_id, change.field_group, fill=False)
        incoming = _Version(change.value, change.hlc, change.origin, change.prev_hlc)
        return winner is not None and not incoming.beats(winner)

    def _trace_of(self, change: ChangeLike) -> bool:
        """True if the row (or audit event) of a change is known here."""
        if change.entity == AUDIT:
            sql = "SELECT 1 FROM audit WHERE id = ?"
        else:
            sql = "SELECT 1 FROM change_log WHERE row_id = ? LIMIT 1"
        return self.conn.execute(sql, (change.row_id,)).fetchone() is not None

    def _settle_own(self) -> None:
        """This computer's own changes, sent back by a colleague.

        If this case file was put back to an older copy, the numbers of the changes made since
        were used before for changes the colleague holds. Those local changes move to a new
        device id (so that nothing is lost on either side), and the colleague's become foreign.
        """
        own = sorted(self._own, key=lambda c: c.origin_seq)
        held = self.have.get(self.self_device, 0)
        reused = [
            c.origin_seq
            for c in own
            if c.origin_seq <= held and self._held_under_number(c) is False
        ]
        if reused:
            self._fork(min(reused))
        for change in own:
            self._add_one(change)
        self._own.clear()
        self._rebuild()

    def _fork(self, first: int) -> None:
        old_id, old_num = self.self_device, self.nums[self.self_device]
        held = self.have.get(old_id, 0)
        new_id = uuid.uuid4().hex
        self.conn.execute(
            "UPDATE device SET is_self = 0, last_seq = ? WHERE num = ?", (first - 1, old_num)
        )
        new_num = self._num(new_id)
        moved = held - (first - 1)
        self.conn.execute(
            "UPDATE device SET is_self = 1, last_seq = ? WHERE num = ?", (moved, new_num)
        )
        self.conn.execute(
            "UPDATE change SET origin = ?, origin_seq = origin_seq - ?"
            " WHERE origin = ? AND origin_seq >= ?",
            (new_num, first - 1, old_num, first),
        )
        move_origin(self.conn, (old_id, old_num), (new_id, new_num), first)
        self.compacted = compacted_vector(self.conn)
        self.tips = compacted_tips(self.conn)
        self.have[old_id], self.have[new_id] = first - 1, moved
        self.self_device = new_id
        self.tx.device_num, self.tx.seq = new_num, moved
        self.forked = True

    def finish(self) -> MergeResult:
        """Record what is now held from each device, tidy orphans and move the clock on."""
        self._settle_own()
        vector = self.vector
        for device_id, seq in vector.items():
            if seq > self.have.get(device_id, 0):
                self.conn.execute(
                    "UPDATE device SET last_seq = ? WHERE num = ?", (seq, self._num(device_id))
                )
        own = vector.get(self.self_device, 0)
        self.tx.seq = max(self.tx.seq, own)  # our own changes, brought back after a restore
        self.tx.clock.observe(self._max_hlc)
        self._sweep_orphans()
        self.conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('hlc', ?)",
            (str(self.tx.clock.last),),
        )
        return self.result

    def _current_shape(self, change: ChangeLike) -> ChangeLike:
        """A change written by an older Welcome Desk, in the shape of this one's schema."""
        value = upgraded_value(
            self.conn, change.entity, change.field_group, change.row_id, change.value
        )
        if value == change.value:
            return change
        return LoggedChange(
            change.entity,
            change.row_id,
            change.field_group,
            value,
            change.hlc,
            change.origin,
            change.origin_seq,
            change.prev_hlc,
        )

    # -- one change ----------------------------------------------------------------------

    def _insert(self, change: ChangeLike) -> None:
        try:
            self._write(change)
        except sqlcipher3.IntegrityError:
            raise MergeError("the same change twice") from None
        self.result.applied += 1

    def _write(self, change: ChangeLike) -> None:
        self.conn.execute(
            "INSERT INTO change"
            " (entity, row_id, field_group, value, hlc, origin, origin_seq, prev_hlc)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                change.entity,
                change.row_id,
                change.field_group,
                change.value,
                change.hlc,
                self._num(change.origin),
                change.origin_seq,
                change.prev_hlc,
            ),
        )

    def _erase(self, change: ChangeLike) -> None:
        spec = BY_NAME[change.entity]
        if not self._is_erased(change.row_id):
            self.tx.purge(spec, change.row_id)
            self.result.erased += 1
            self._gone.add(change.row_id)
            self.result.changed_rows.add((spec.name, change.row_id))
        self._pending.pop((change.entity, change.row_id), None)
        self._insert(change)
        if change.entity == CLIENT.name:  # a colleague erased a client: the ledger keeps it
            erasure_ledger.add(self.conn, [change.row_id], date.today())

    def _merge(self, change: ChangeLike) -> None:
        if change.field_group == EXISTS:
            self._deleted_edits(change)
            if (
                change.entity == CLIENT.name
                and int(change.value or 0) % 2
                and not self._held(change.row_id)
            ):
                self.result.new_clients.add(change.row_id)
        elif change.field_group != MERGED:  # where a merged client went: read by the sweep
            winner = self._winner(change.row_id, change.field_group)
            incoming = _Version(change.value, change.hlc, change.origin, change.prev_hlc)
            if winner is not None and winner.value != incoming.value:
                if incoming.beats(winner):
                    if incoming.prev_hlc < winner.hlc and winner.device != incoming.device:
                        self._conflict("edit", change, lost=winner, won=incoming)
                elif winner.prev_hlc < incoming.hlc and winner.device != incoming.device:
                    self._conflict("edit", change, lost=incoming, won=winner)
            self._edit_of_deleted(change, incoming)
        self._insert(change)
        self._pending[(change.entity, change.row_id)] = None

    def _winner(self, row_id: str, group: str, *, fill: bool = True) -> _Version | None:
        row = self.conn.execute(
            "SELECT c.value, c.hlc, d.device_id, c.prev_hlc, c.entity FROM change_log c"
            " JOIN device d ON d.num = c.origin WHERE c.row_id = ? AND c.field_group = ?"
            " ORDER BY c.hlc DESC, d.device_id DESC LIMIT 1",
            (row_id, group),
        ).fetchone()
        if row is None:
            return None
        value = row[0]
        if value is None and fill:  # settled: the entity row holds it
            value = fill_value(self.conn, row[4], row_id, group)
        return _Version(value, row[1], row[2], row[3])

    def _deleted_edits(self, change: ChangeLike) -> None:
        """A delete arriving now overrides the edits its author had not seen."""
        if int(change.value or 0) % 2:
            return
        rows = self.conn.execute(
            "SELECT c.field_group, c.value, c.hlc, d.device_id, c.prev_hlc FROM change_log c"
            " JOIN device d ON d.num = c.origin WHERE c.row_id = ? AND c.hlc > ?"
            " AND c.field_group NOT IN (?, ?) AND d.device_id != ?",
            (change.row_id, change.prev_hlc, EXISTS, ERASED, change.origin),
        ).fetchall()
        won = _Version(None, change.hlc, change.origin, change.prev_hlc)
        for group, value, hlc, device, prev in rows:
            if value is None:  # settled: the entity row holds it
                value = fill_value(self.conn, change.entity, change.row_id, group)
            lost = _Version(value, hlc, device, prev)
            self._conflict("deleted", change, lost=lost, won=won, group=group)

    def _edit_of_deleted(self, change: ChangeLike, incoming: _Version) -> None:
        """An edit arriving now for a row that a delete it had not seen removed."""
        row = self.conn.execute(
            "SELECT c.value, c.hlc, d.device_id, c.prev_hlc FROM change_log c"
            " JOIN device d ON d.num = c.origin WHERE c.row_id = ? AND c.field_group = ?"
            " ORDER BY CAST(c.value AS INTEGER) DESC, c.hlc DESC LIMIT 1",
            (change.row_id, EXISTS),
        ).fetchone()
        if row and int(row[0]) % 2 == 0 and row[3] < incoming.hlc and row[2] != incoming.device:
            won = _Version(None, row[1], row[2], row[3])
            self._conflict("deleted", change, lost=incoming, won=won)

    def _conflict(
        self,
        kind: str,
        change: ChangeLike,
        *,
        lost: _Version,
        won: _Version,
        group: str | None = None,
    ) -> None:
        self.conn.execute(
            "INSERT INTO conflict (kind, entity, row_id, field_group, lost_value, lost_hlc,"
            " lost_device, won_value, won_hlc, won_device, found_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                kind,
                change.entity,
                change.row_id,
                group or change.field_group,
                lost.value,
                lost.hlc,
                lost.device,
                won.value,
                won.hlc,
                won.device,
                self._now,
            ),
        )
        self.result.conflicts += 1

    # -- rebuilding rows -----------------------------------------------------------------

    def _rebuild(self) -> None:
        for entity, row_id in self._pending:
            spec = BY_NAME[entity]
            state = self._state(spec, row_id)
            self.tx.write_state(spec, row_id, state)
            if state is None:
                self._gone.add(row_id)
            self.result.changed_rows.add((entity, row_id))
        self._pending.clear()

    def _state(self, spec: EntitySpec, row_id: str) -> dict[str, Any] | None:
        """The row as the winners of its field groups make it; None while it does not exist."""
        rows = self.conn.execute(
            "SELECT c.field_group, c.value, c.hlc, d.device_id FROM change_log c"
            " JOIN device d ON d.num = c.origin WHERE c.row_id = ? AND c.entity = ?",
            (row_id, spec.name),
        ).fetchall()
        length = 0
        best: dict[str, tuple[int, str, str | None]] = {}
        for group, value, hlc, device in rows:
            if group == EXISTS:
                length = max(length, int(value))
            elif group in spec.groups and (group not in best or (hlc, device) > best[group][:2]):
                best[group] = (hlc, device, value)
        if length % 2 == 0:
            return None
        values: dict[str, Any] = {}
        current = None
        for group, defaults in group_defaults(spec).items():
            if group in best and best[group][2] is None:  # settled: the entity row holds it
                if current is None:
                    current = self.conn.execute(
                        f"SELECT * FROM {spec.table} WHERE id = ?", (row_id,)
                    ).fetchone()
                if current is not None:
                    values.update({f: current[f] for f in spec.groups[group]})
                    continue
            values.update(decode_group(best[group][2]) or {} if group in best else defaults)
        if any(v is REQUIRED for v in values.values()):
            return None  # the log lacks a required field (never written by a sender that works)
        try:
            spec.from_row({"id": row_id, **values})
        except (ValueError, TypeError, KeyError) as exc:
            raise MergeError(f"{spec.name} {row_id}: {exc}") from None
        return values

    def _sweep_orphans(self) -> None:
        arrived = [r for e, r in self.result.changed_rows if r not in self._gone]
        for entity, row_id, gone in sweep_orphans(self.tx, self._gone, arrived):
            if gone:
                self._gone.add(row_id)
            self.result.changed_rows.add((entity, row_id))

    # -- helpers -------------------------------------------------------------------------

    def _held(self, client_id: str) -> bool:
        found = self.conn.execute("SELECT 1 FROM client WHERE id = ?", (client_id,)).fetchone()
        return found is not None

    def _is_erased(self, row_id: str) -> bool:
        return is_erased(self.conn, row_id)

    def _num(self, device_id: str) -> int:
        if device_id not in self.nums:
            cursor = self.conn.execute("INSERT INTO device (device_id) VALUES (?)", (device_id,))
            assert cursor.lastrowid is not None
            self.nums[device_id] = cursor.lastrowid
        return self.nums[device_id]
