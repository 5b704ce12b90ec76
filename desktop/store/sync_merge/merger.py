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
from typing import Any, cast

import sqlcipher3

from desktop.store import erasure_ledger
from desktop.store.audit import AUDIT, check_value, insert_events
from desktop.store.changelog.reading import LoggedChange, version_vector
from desktop.store.changelog.settled import (
    compacted_tips,
    compacted_vector,
    move_origin,
    reused_number,
)
from desktop.store.changelog.transaction import REQUIRED, Transaction, group_defaults
from desktop.store.database import Connection
from desktop.store.specs import BY_NAME, CLIENT, ERASED, EXISTS, MERGED, EntitySpec
from desktop.store.sync_merge import conflicts
from desktop.store.sync_merge.checks import ChangeLike, MergeError, check_change, decode_group
from desktop.store.sync_merge.conflicts import causal_length
from desktop.store.sync_merge.log_reads import Logged, held_numbers, row_histories
from desktop.store.sync_merge.orphans import sweep_orphans
from desktop.store.upgrades import upgraded_value


class RolledBack(Exception):
    """A device sent changes under numbers it had used before: its file went back to a copy."""

    def __init__(self, device_id: str) -> None:
        super().__init__(device_id)
        self.device_id = device_id


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
    """Adds a bundle's changes to the log and rebuilds the rows they touch, in one transaction.

    Each batch is decided against the history of the rows it touches, read in one query at the
    start of the batch (`log_reads`) and kept up to date in memory as changes are added; the new
    change rows are written together before the rows are rebuilt (and before anything else reads
    the log).
    """

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
        # What the log holds for the current batch, kept up to date as changes are added.
        self._unwritten: list[tuple[str, str, str, str | None, int, int, int, int]] = []
        self._events: list[tuple[str, int, str, dict[str, Any]]] = []  # audit events, with them
        self._history: dict[str, list[Logged]] = {}
        self._winners: dict[tuple[str, str], Logged] = {}
        self._lengths: dict[str, Logged] = {}  # per row its causal-length change that counts
        self._erased: set[str] = set()
        self._held: dict[tuple[int, int], tuple[str, str, int]] = {}
        self._clients_here: set[str] = set()  # clients of the batch this file holds
        self._decoded: dict[str, dict[str, Any]] = {}  # field-group values the checks decoded
        self._reader = cast(Connection, _FlushFirst(self))

    def add(self, batch: Iterable[ChangeLike]) -> None:
        """Merge a batch of changes; rows are rebuilt at the end of each batch."""
        changes = list(batch)
        self._prefetch([c for c in changes if c.origin != self.self_device])
        for received in changes:
            change = self._current_shape(received)
            values = check_change(change, self.vector)
            if values is not None and change.value is not None:
                self._decoded[change.value] = values
            if change.origin == self.self_device:
                self._own.append(change)  # settled at the end: see _settle_own
            else:
                self._add_one(change)
        self._rebuild()

    def _prefetch(self, changes: list[ChangeLike]) -> None:
        """Read what the log holds for these changes' rows and numbers (one query each)."""
        self._history = row_histories(self.conn, {c.row_id for c in changes if c.entity != AUDIT})
        self._winners.clear()
        self._lengths.clear()
        self._erased.clear()
        for row_id, logged in self._history.items():
            for entry in logged:
                self._note(row_id, entry)
        wanted: dict[int, list[int]] = {}
        for c in changes:
            if c.origin_seq <= self.have.get(c.origin, 0) and c.origin in self.nums:
                wanted.setdefault(self.nums[c.origin], []).append(c.origin_seq)
        self._held = {
            (num, seq): found
            for num, seqs in wanted.items()
            for seq, found in held_numbers(self.conn, num, seqs).items()
        }
        clients = {c.row_id for c in changes if c.entity == CLIENT.name and c.field_group == EXISTS}
        self._clients_here = set(self.tx.stored_rows(CLIENT, clients)) if clients else set()

    def _note(self, row_id: str, entry: Logged) -> None:
        """Keep the winners, the causal length and the erasure of a row up to date."""
        if entry.field_group == EXISTS:
            best = self._lengths.get(row_id)
            if best is None or (causal_length(entry.value), entry.hlc) > (
                causal_length(best.value),
                best.hlc,
            ):
                self._lengths[row_id] = entry
            return
        if entry.field_group == ERASED:
            self._erased.add(row_id)
        key = (row_id, entry.field_group)
        winner = self._winners.get(key)
        if winner is None or (entry.hlc, entry.device) > (winner.hlc, winner.device):
            self._winners[key] = entry

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
            self._events.append((change.row_id, change.hlc, change.origin, value))
        elif change.field_group == ERASED:
            self._erase(change)
        elif change.row_id in self._erased:
            self.result.dropped += 1
        else:
            self._merge(change)

    def _held_under_number(self, change: ChangeLike) -> bool | None:
        """True: this change is held under its number; False: another one is; None: nothing.

        Read from what `_prefetch` found for the batch (and what the batch added since).
        """
        found = self._held.get((self.nums.get(change.origin, -1), change.origin_seq))
        if found is None:  # settled, held back by its sender, or erased here
            if reused_number(self.tips, change.origin, change.origin_seq, change.hlc):
                return False
            if change.origin == self.self_device and not self._trace_of(change):
                return False  # our own change, settled here, would have left a trace
            return None
        return found == (change.row_id, change.field_group, change.hlc)

    def _settled_already(self, change: ChangeLike) -> bool:
        """A change below the compacted vector that is not held under its number: True if it
        adds nothing (settled here before, or it loses to what is settled); a late one that
        wins (held back by consent until now) is merged as any other.

        Decided on the batch's history (settled winners included) as `_prefetch` read it.
        """
        if change.entity == AUDIT:
            return self._audit_held(change.row_id)
        if change.field_group == ERASED:
            return change.row_id in self._erased
        if change.field_group == EXISTS:
            length = self._lengths.get(change.row_id)
            return causal_length(length.value if length else None) >= causal_length(change.value)
        winner = self._winners.get((change.row_id, change.field_group))
        if winner is None:
            return False
        return not conflicts.incoming(change).beats(conflicts.logged(winner))

    def _trace_of(self, change: ChangeLike) -> bool:
        """True if the row (or audit event) of a change is known here."""
        if change.entity != AUDIT:
            return bool(self._history.get(change.row_id))
        return self._audit_held(change.row_id)

    def _audit_held(self, event_id: str) -> bool:
        """True if the audit trail holds this event."""
        self._flush()  # the batch's audit events wait in `_events` until then
        found = self.conn.execute("SELECT 1 FROM audit WHERE id = ?", (event_id,))
        return found.fetchone() is not None

    def _settle_own(self) -> None:
        """This computer's own changes, sent back by a colleague.

        If this case file was put back to an older copy, the numbers of the changes made since
        were used before for changes the colleague holds. Those local changes move to a new
        device id (so that nothing is lost on either side), and the colleague's become foreign.
        """
        own = sorted(self._own, key=lambda c: c.origin_seq)
        if not own:
            return
        held = self.have.get(self.self_device, 0)
        self._prefetch(own)
        reused = [
            c.origin_seq
            for c in own
            if c.origin_seq <= held and self._held_under_number(c) is False
        ]
        if reused:
            self._fork(min(reused))
            self._prefetch(own)  # the moved changes have a new origin now
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
            self._reader, change.entity, change.field_group, change.row_id, change.value
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
        """Add the change to the log (written with the batch's others by `_flush`)."""
        num = self._num(change.origin)
        self._unwritten.append(
            (
                change.entity,
                change.row_id,
                change.field_group,
                change.value,
                change.hlc,
                num,
                change.origin_seq,
                change.prev_hlc,
            )
        )
        if change.origin_seq <= self.have.get(change.origin, 0):  # looked up by number
            self._held[(num, change.origin_seq)] = (change.row_id, change.field_group, change.hlc)
        if change.entity != AUDIT:
            entry = Logged(
                change.entity,
                change.field_group,
                change.value,
                change.hlc,
                change.origin,
                change.prev_hlc,
            )
            self._history.setdefault(change.row_id, []).append(entry)
            self._note(change.row_id, entry)
        self.result.applied += 1

    def _flush(self) -> None:
        """Write the change rows added since the last flush (before anything reads the log)."""
        if not self._unwritten:
            return
        try:
            self.conn.executemany(
                "INSERT INTO change"
                " (entity, row_id, field_group, value, hlc, origin, origin_seq, prev_hlc)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                self._unwritten,
            )
        except sqlcipher3.IntegrityError:
            raise MergeError("the same change twice") from None
        self._unwritten.clear()
        if self._events:
            insert_events(self.conn, self._events)
            self._events.clear()

    def _erase(self, change: ChangeLike) -> None:
        spec = BY_NAME[change.entity]
        if change.row_id not in self._erased:
            self._flush()
            self.tx.purge(spec, change.row_id)
            self._forget(change.row_id)
            self.result.erased += 1
            self._gone.add(change.row_id)
            self.result.changed_rows.add((spec.name, change.row_id))
        self._pending.pop((change.entity, change.row_id), None)
        self._insert(change)
        if change.entity == CLIENT.name:  # a colleague erased a client: the ledger keeps it
            erasure_ledger.add(self.conn, [change.row_id], date.today())

    def _forget(self, row_id: str) -> None:
        """A row was purged from the log: forget what the batch knew of it."""
        self._history[row_id] = []
        self._lengths.pop(row_id, None)
        for group_key in [k for k in self._winners if k[0] == row_id]:
            del self._winners[group_key]
        for number in [k for k, found in self._held.items() if found[0] == row_id]:
            del self._held[number]

    def _merge(self, change: ChangeLike) -> None:
        if change.field_group == EXISTS:
            self._list(
                change, *conflicts.deleted_edits(change, self._history.get(change.row_id, []))
            )
            if (
                change.entity == CLIENT.name
                and int(change.value or 0) % 2
                and change.row_id not in self._clients_here
            ):
                self.result.new_clients.add(change.row_id)
        elif change.field_group != MERGED:  # where a merged client went: read by the sweep
            winner = self._winners.get((change.row_id, change.field_group))
            self._list(change, conflicts.edit(change, winner))
            self._list(change, conflicts.edit_of_deleted(change, self._lengths.get(change.row_id)))
        self._insert(change)
        self._pending[(change.entity, change.row_id)] = None

    def _list(self, change: ChangeLike, *found: conflicts.Found | None) -> None:
        for one in found:
            if one is not None:
                conflicts.record(self.conn, change, one, self._now)
                self.result.conflicts += 1

    # -- rebuilding rows -----------------------------------------------------------------

    def _rebuild(self) -> None:
        """Write the batch's change rows, then each touched row as its winners make it."""
        self._flush()
        by_entity: dict[str, list[str]] = {}
        for entity, row_id in self._pending:
            by_entity.setdefault(entity, []).append(row_id)
        self._pending.clear()
        for entity, row_ids in by_entity.items():
            spec = BY_NAME[entity]
            states = [(row_id, self._state(spec, row_id)) for row_id in row_ids]
            self.tx.write_states(spec, states)
            for row_id, state in states:
                if state is None:
                    self._gone.add(row_id)
                self.result.changed_rows.add((entity, row_id))
        self._decoded.clear()

    def _state(self, spec: EntitySpec, row_id: str) -> Any | None:
        """The row as the winners of its field groups make it; None while it does not exist."""
        length = 0
        best: dict[str, tuple[int, str, str | None]] = {}
        for entry in self._history.get(row_id, []):
            if entry.entity != spec.name:
                continue
            group, value, hlc, device = entry.field_group, entry.value, entry.hlc, entry.device
            if group == EXISTS:
                length = max(length, causal_length(value))
            elif group in spec.groups and (group not in best or (hlc, device) > best[group][:2]):
                best[group] = (hlc, device, value)
        if length % 2 == 0:
            return None
        values: dict[str, Any] = {}
        for group, defaults in group_defaults(spec).items():
            if group in best:
                value = best[group][2]
                decoded = self._decoded.get(value) if value is not None else None
                values.update(decoded or decode_group(value) or {})
            else:
                values.update(defaults)
        if any(v is REQUIRED for v in values.values()):
            return None  # the log lacks a required field (never written by a sender that works)
        try:
            return spec.from_row({"id": row_id, **values})
        except (ValueError, TypeError, KeyError) as exc:
            raise MergeError(f"{spec.name} {row_id}: {exc}") from None

    def _sweep_orphans(self) -> None:
        arrived: dict[str, list[str]] = {}
        for entity, row_id in self.result.changed_rows:
            if row_id not in self._gone:
                arrived.setdefault(entity, []).append(row_id)
        for entity, row_id, gone in sweep_orphans(self.tx, self._gone, arrived):
            if gone:
                self._gone.add(row_id)
            self.result.changed_rows.add((entity, row_id))

    # -- helpers -------------------------------------------------------------------------

    def _num(self, device_id: str) -> int:
        if device_id not in self.nums:
            cursor = self.conn.execute("INSERT INTO device (device_id) VALUES (?)", (device_id,))
            assert cursor.lastrowid is not None
            self.nums[device_id] = cursor.lastrowid
        return self.nums[device_id]


class _FlushFirst:
    """The connection as `upgraded_value` reads the log through it: the merger's unwritten
    change rows are written first (an old measure's language is read from the links of the
    same bundle)."""

    def __init__(self, merger: Merger) -> None:
        self._merger = merger

    def execute(self, sql: str, parameters: Any = (), /) -> Any:
        self._merger._flush()
        return self._merger.conn.execute(sql, parameters)
