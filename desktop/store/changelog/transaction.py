"""Writes of case data, each recorded as change rows in the same transaction.

This is the only module that writes to the entity tables. Every insert, update, delete and erasure
goes through `Transaction`, which records one change row per changed field group (entity, row id,
field group, value, HLC, origin device, per-origin sequence). Sync builds its bundles on these rows.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from desktop.domain.errors import InvalidInput, NotFound
from desktop.domain.model import Client
from desktop.store.audit import (
    AUDIT,
    EVENT,
    coordinator,
    derive_events,
    device_of,
    event_value,
    insert_events,
    new_event_id,
)
from desktop.store.changelog.clock import HybridClock
from desktop.store.changelog.settled import keep_values
from desktop.store.changelog.values import encode_value
from desktop.store.database import Connection
from desktop.store.search_text import search_text, sort_key
from desktop.store.specs import (
    ATTACHMENT,
    BY_CLASS,
    CLIENT,
    ERASED,
    EXISTS,
    MERGED,
    NOTE,
    EntitySpec,
)


@dataclass
class ChangeRow:
    """One recorded change of one field group of one row."""

    entity: str
    row_id: str
    field_group: str
    value: str | None
    hlc: int
    origin_seq: int
    prev_hlc: int = 0


def _closed(client: Client) -> int:
    return 0 if client.closed_on is None else 1


class Transaction:
    """One atomic unit of writes; every write also records its change rows."""

    def __init__(self, conn: Connection, device_num: int, clock: HybridClock, seq: int) -> None:
        self.conn = conn
        self.device_num = device_num
        self.clock = clock
        self.seq = seq
        self.changes: list[ChangeRow] = []
        self.recorded: list[ChangeRow] = []  # every change of this transaction, for the audit
        self.events: list[tuple[str, str | None, dict[str, Any], bool]] = []

    def audit(
        self,
        action: str,
        client_id: str | None = None,
        detail: dict[str, Any] | None = None,
        *,
        travels: bool = True,
    ) -> None:
        """Add an audit event for what this transaction does beyond its changes.

        `travels=False` keeps it on this computer (no change row): that a bundle came in is
        this computer's fact, and sending it on would only cause another round of bundles.
        """
        self.events.append((action, client_id, detail or {}, travels))

    # -- recording ---------------------------------------------------------------------------

    def _record(self, entity: str, row_id: str, group: str, value: Any, prev_hlc: int = 0) -> None:
        self.seq += 1
        encoded = None if value is None else encode_value(value)
        change = ChangeRow(entity, row_id, group, encoded, self.clock.tick(), self.seq, prev_hlc)
        self.changes.append(change)
        self.recorded.append(change)

    def flush(self) -> None:
        """Write the recorded change rows (called before commit and before reads of the log)."""
        if self.changes:
            self.conn.executemany(
                "INSERT INTO change"
                " (entity, row_id, field_group, value, hlc, origin, origin_seq, prev_hlc)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        c.entity,
                        c.row_id,
                        c.field_group,
                        c.value,
                        c.hlc,
                        self.device_num,
                        c.origin_seq,
                        c.prev_hlc,
                    )
                    for c in self.changes
                ],
            )
            self.changes.clear()

    def causal_length(self, entity: str, row_id: str) -> int:
        """The row's current causal length (0: never existed; odd: exists; even: deleted).

        Causal lengths only grow, so the largest one recorded by any device is the current one.
        """
        self.flush()
        row = self.conn.execute(
            "SELECT max(CAST(value AS INTEGER)) FROM change_log"
            " WHERE row_id = ? AND field_group = ? AND entity = ?",
            (row_id, EXISTS, entity),
        ).fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def last_hlc(self, row_id: str, group: str | None = None) -> int:
        """The newest HLC recorded for the row (or one field group of it); 0 if none."""
        self.flush()
        if group is None:
            row = self.conn.execute(
                "SELECT max(hlc) FROM change_log WHERE row_id = ?", (row_id,)
            ).fetchone()
        else:
            row = self.conn.execute(
                "SELECT max(hlc) FROM change_log WHERE row_id = ? AND field_group = ?",
                (row_id, group),
            ).fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    # -- writes ------------------------------------------------------------------------------

    def insert(self, obj: Any, *, record: bool = True) -> None:
        """Add a new entity (its id must be new); `record=False` only when merging a bundle."""
        spec = BY_CLASS[type(obj)]
        row = spec.row(obj)
        columns = list(row)
        values = list(row.values())
        if spec is CLIENT:
            columns.append("sort_key")
            values.append(sort_key(obj))
        cursor = self.conn.execute(
            f"INSERT INTO {spec.table} ({', '.join(columns)})"
            f" VALUES ({', '.join('?' * len(columns))})",
            values,
        )
        if spec is CLIENT:
            self.conn.execute(
                "INSERT INTO client_search (rowid, text, sort_key, closed) VALUES (?, ?, ?, ?)",
                (cursor.lastrowid, search_text(obj), sort_key(obj), _closed(obj)),
            )
        if not record:
            return
        self._record(spec.name, obj.id, EXISTS, 1)
        defaults = group_defaults(spec)
        for group in spec.groups:
            values_of_group = spec.group_values(obj, group)
            if values_of_group != defaults[group]:
                self._record(spec.name, obj.id, group, values_of_group)

    def update(self, new: Any, *, record: bool = True, current: Any = None) -> list[str]:
        """Save a changed entity; returns the field groups that changed (none: nothing written).

        `record=False` only when merging a bundle: the change rows came with it (and `current`,
        the table row as it is, read for many rows at once).
        """
        spec = BY_CLASS[type(new)]
        if spec is NOTE and record:
            raise InvalidInput(
                "note",
                "Counselling notes cannot be changed once written; add a new note instead.",
                "Beratungsnotizen können nicht geändert werden; bitte eine neue Notiz anlegen.",
            )
        if current is None:
            current = self.conn.execute(
                f"SELECT * FROM {spec.table} WHERE id = ?", (new.id,)
            ).fetchone()
        if current is None:
            raise NotFound(spec.name, new.id)
        new_values = {group: spec.group_values(new, group) for group in spec.groups}
        changed = [
            group
            for group, values in new_values.items()
            if any(current[f] != v for f, v in values.items())
        ]
        if changed:
            # Settled history may leave a winner's value to this row: it keeps it from now on.
            keep_values(self.conn, spec.name, new.id, current, changed)
        for group in changed:
            values = new_values[group]
            assignments = ", ".join(f"{f} = ?" for f in values)
            self.conn.execute(
                f"UPDATE {spec.table} SET {assignments} WHERE id = ?",
                [*values.values(), new.id],
            )
            if record:
                self._record(spec.name, new.id, group, values, self.last_hlc(new.id, group))
        if spec is CLIENT and changed:
            self.conn.execute(
                "UPDATE client SET sort_key = ?,"
                " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?",
                (sort_key(new), new.id),
            )
            self.conn.execute(
                "UPDATE client_search SET text = ?, sort_key = ?, closed = ? WHERE rowid ="
                " (SELECT num FROM client WHERE id = ?)",
                (search_text(new), sort_key(new), _closed(new), new.id),
            )
        if spec is ATTACHMENT and current["sha256"] != new.sha256:
            self._drop_unused_blob(current["sha256"])
        return changed

    def delete(self, spec: EntitySpec, row_id: str) -> None:
        """Delete a row; a tombstone (even causal length) travels by sync."""
        self._remove_row(spec, row_id)
        length = self.causal_length(spec.name, row_id)
        new_length = length + 1 if length % 2 else length + 2
        self._record(spec.name, row_id, EXISTS, new_length, self.last_hlc(row_id))

    def erase(self, spec: EntitySpec, row_id: str) -> None:
        """Data-protection erasure: the row and every recorded value of it are gone for good.

        What stays is a tombstone with the entity name and the random id only, so that no older
        edit arriving by sync can bring the person back.
        """
        self.purge(spec, row_id)
        self._record(spec.name, row_id, ERASED, None)

    def purge(self, spec: EntitySpec, row_id: str) -> None:
        """Remove the row, every recorded value of it and any conflict about it (for erasure)."""
        self._remove_row(spec, row_id, must_exist=False, keep=False)
        self.flush()
        self.conn.execute("DELETE FROM change WHERE row_id = ?", (row_id,))
        self.conn.execute("DELETE FROM settled WHERE row_id = ?", (row_id,))
        self.conn.execute("DELETE FROM conflict WHERE row_id = ?", (row_id,))

    def stored_rows(self, spec: EntitySpec, row_ids: Collection[str]) -> dict[str, Any]:
        """The table rows of these ids that exist, by id (one query per 500 ids)."""
        ids = sorted(set(row_ids))
        found: dict[str, Any] = {}
        for start in range(0, len(ids), 500):
            rows = self.conn.execute(
                f"SELECT * FROM {spec.table} WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(ids[start : start + 500]),),
            )
            found.update((row["id"], row) for row in rows)
        return found

    def write_state(self, spec: EntitySpec, row_id: str, values: dict[str, Any] | None) -> None:
        """Make the row hold these column values (None: absent), recording nothing: one row of
        `write_states`."""
        obj = None if values is None else spec.from_row({"id": row_id, **values})
        self.write_states(spec, [(row_id, obj)])

    def write_states(self, spec: EntitySpec, states: list[tuple[str, Any | None]]) -> None:
        """Make each row hold its object (None: absent), recording nothing.

        Only the merge of a bundle calls this: the change rows it derives the states from are
        already in the log. The rows as they are now are read at once, new rows are inserted
        together.
        """
        stored = self.stored_rows(spec, [row_id for row_id, _ in states])
        new = []
        for row_id, obj in states:
            current = stored.get(row_id)
            if obj is None:
                if current is not None:
                    self._remove_row(spec, row_id, must_exist=False)
            elif current is None:
                new.append(obj)
            else:
                self.update(obj, record=False, current=current)
        self._insert_rows(spec, new)

    def _insert_rows(self, spec: EntitySpec, objs: list[Any]) -> None:
        """Insert new rows of one entity (recording nothing), one statement for all of them."""
        if not objs:
            return
        rows = [spec.row(obj) for obj in objs]
        columns = list(rows[0])
        values: list[list[Any]] = [list(row.values()) for row in rows]
        if spec is CLIENT:
            columns.append("sort_key")
            for row_values, obj in zip(values, objs, strict=True):
                row_values.append(sort_key(obj))
        self.conn.executemany(
            f"INSERT INTO {spec.table} ({', '.join(columns)})"
            f" VALUES ({', '.join('?' * len(columns))})",
            values,
        )
        if spec is CLIENT:
            self.conn.executemany(
                "INSERT INTO client_search (rowid, text, sort_key, closed)"
                " VALUES ((SELECT num FROM client WHERE id = ?), ?, ?, ?)",
                [(obj.id, search_text(obj), sort_key(obj), _closed(obj)) for obj in objs],
            )

    def relink(self, spec: EntitySpec, row_id: str, client_id: str) -> None:
        """Move a plan, checklist item, appointment, note or support link to another client.

        Only the link changes (notes stay as written); the change travels like any other.
        """
        row = self.conn.execute(f"SELECT * FROM {spec.table} WHERE id = ?", (row_id,)).fetchone()
        if row is None:
            raise NotFound(spec.name, row_id)
        moved = dataclasses.replace(spec.from_row(row), client_id=client_id)
        values = spec.group_values(moved, "link")
        assignments = ", ".join(f"{f} = ?" for f in values)
        self.conn.execute(
            f"UPDATE {spec.table} SET {assignments} WHERE id = ?", [*values.values(), row_id]
        )
        self._record(spec.name, row_id, "link", values, self.last_hlc(row_id, "link"))

    def merge_into(self, source_id: str, target_id: str) -> None:
        """The client `source_id` is the same person as `target_id`: it goes, and says where.

        Its parts are moved first (`relink`); a part a colleague adds to it meanwhile follows
        when the merge reaches them, instead of being deleted with it.
        """
        self.delete(CLIENT, source_id)
        self._record(CLIENT.name, source_id, MERGED, target_id)

    def record_audit(self) -> None:
        """Write the audit events of this transaction: derived from its changes, then added ones.

        Called once, just before commit. Each event is a change row (so it travels by sync) and
        a row of the audit table.
        """
        derived = derive_events(self.conn, self.recorded)
        if not derived and not self.events:
            return
        who = coordinator(self.conn)
        device = device_of(self.conn, self.device_num)
        rows = []
        for action, client_id, detail, travels in [
            *((*event, True) for event in derived),
            *self.events,
        ]:
            event_id = new_event_id()
            value = event_value(who, action, client_id, detail)
            if travels:
                self._record(AUDIT, event_id, EVENT, value)
                hlc = self.changes[-1].hlc
            else:
                hlc = self.clock.tick()
            rows.append((event_id, hlc, device, value))
        insert_events(self.conn, rows)
        self.recorded.clear()
        self.events.clear()

    def put_blob(self, sha256: str, data: bytes) -> None:
        """Store the bytes of an attachment under their SHA-256 (kept once, however often used).

        Not case data of its own: the attachment's change rows carry the hash, sync ships blobs
        by hash.
        """
        if hashlib.sha256(data).hexdigest() != sha256:
            raise ValueError("the bytes do not match their SHA-256")
        self.conn.execute("INSERT OR IGNORE INTO blob (sha256, data) VALUES (?, ?)", (sha256, data))

    def drop_unused_blobs(self, hashes: list[str]) -> None:
        """Delete those of these blobs that no attachment refers to (after a merge)."""
        for sha256 in hashes:
            self._drop_unused_blob(sha256)

    def _drop_unused_blob(self, sha256: str) -> None:
        """Delete a blob once no attachment refers to it (secure_delete overwrites its pages)."""
        self.conn.execute(
            "DELETE FROM blob WHERE sha256 = ?"
            " AND NOT EXISTS (SELECT 1 FROM attachment WHERE sha256 = ?)",
            (sha256, sha256),
        )

    def _remove_row(
        self, spec: EntitySpec, row_id: str, must_exist: bool = True, *, keep: bool = True
    ) -> None:
        if keep:  # settled history may leave values to this row: it keeps them from now on
            row = self.conn.execute(
                f"SELECT * FROM {spec.table} WHERE id = ?", (row_id,)
            ).fetchone()
            if row is not None:
                keep_values(self.conn, spec.name, row_id, row, spec.groups)
        blob = None
        if spec is ATTACHMENT:
            found = self.conn.execute(
                "SELECT sha256 FROM attachment WHERE id = ?", (row_id,)
            ).fetchone()
            blob = found[0] if found else None
        if spec is CLIENT:
            self.conn.execute(
                "DELETE FROM client_search WHERE rowid = (SELECT num FROM client WHERE id = ?)",
                (row_id,),
            )
        cursor = self.conn.execute(f"DELETE FROM {spec.table} WHERE id = ?", (row_id,))
        if must_exist and cursor.rowcount == 0:
            raise NotFound(spec.name, row_id)
        if blob is not None:
            self._drop_unused_blob(blob)


_DEFAULTS: dict[str, dict[str, dict[str, Any]]] = {}
REQUIRED = object()  # a required field: never equal to a value, so its group is always logged


def group_defaults(spec: EntitySpec) -> dict[str, dict[str, Any]]:
    """Each group's column values when every field has its default (absent from the log)."""
    if spec.name not in _DEFAULTS:
        codecs = spec.codecs
        defaults: dict[str, Any] = {}
        for f in dataclasses.fields(spec.cls):
            if f.name == "id":
                continue
            if f.default is not dataclasses.MISSING:
                defaults[f.name] = codecs[f.name].encode(f.default)
            elif f.default_factory is not dataclasses.MISSING:
                defaults[f.name] = codecs[f.name].encode(f.default_factory())
            else:
                defaults[f.name] = REQUIRED
        _DEFAULTS[spec.name] = {
            g: {f: defaults[f] for f in fields} for g, fields in spec.groups.items()
        }
    return _DEFAULTS[spec.name]
