"""Settled history: change rows every active colleague has acknowledged, kept compact.

Settling moves change rows at or below a horizon (per origin device, a sequence number) out of
`change` into `settled`: one row per entity row (and per audit event) that keeps, per field group,
only the winner a merge compares with (last writer by HLC and device id; for `_exists` the
largest causal length) with its clock, origin, sequence and the clock it replaced. The value is
kept for the groups that are read by value (`VALUE_GROUPS`) and wherever the entity row does not
hold the winner; otherwise it is NULL and the entity row (or the audit table) holds it.

The view `change_log` shows `change` and the settled winners with the same columns; readers of
the history read it, writers of new changes still write `change` (migration 0009 describes the
compact encoding).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from desktop.store.audit import AUDIT, EVENT
from desktop.store.changelog.reading import LoggedChange
from desktop.store.changelog.values import encode_value
from desktop.store.database import Connection, storage_errors
from desktop.store.specs import BY_NAME, ERASED, EXISTS, MERGED

# The groups read by value outside the merge (consent, retention, the audit's owner, orphans,
# the erasure ledger): their values stay in the settled row.
VALUE_GROUPS = frozenset({EXISTS, ERASED, MERGED, "link", "consent", "household"})
COMPACTED = "compacted"  # meta key: the highest horizon settled so far, {device id: seq}
# meta key: per device the newest change settled, {device id: [seq, hlc]}. A device's clock grows
# with its sequence, so a change below it with a later clock is not the one settled under its
# number: that device's file went back to an older copy and used the numbers again.
TIPS = "compacted_tips"


class Entry:
    """One field group's settled winner (or a candidate for it)."""

    __slots__ = ("group", "hlc", "origin", "origin_seq", "prev_hlc", "value")

    def __init__(
        self, group: str, value: str | None, hlc: int, origin: int, origin_seq: int, prev: int
    ) -> None:
        self.group = group
        self.value = value
        self.hlc = hlc
        self.origin = origin
        self.origin_seq = origin_seq
        self.prev_hlc = prev

    def key(self, device_ids: dict[int, str]) -> tuple[Any, ...]:
        """The merge order: the larger wins."""
        if self.group == EXISTS:
            return (int(self.value or 0), self.hlc, device_ids.get(self.origin, ""))
        return (self.hlc, device_ids.get(self.origin, ""))


# -- the compact encoding ----------------------------------------------------------------------


def encode_groups(entries: list[Entry]) -> tuple[int, int, int, str]:
    """(base hlc, base origin, base seq, groups JSON) of a settled row."""
    base = min(entries, key=lambda e: (e.hlc, e.origin_seq))
    groups: dict[str, list[Any]] = {}
    for e in sorted(entries, key=lambda e: e.group):
        item: list[Any] = [
            e.hlc - base.hlc,
            e.origin_seq - base.origin_seq,
            None if e.origin == base.origin else e.origin,
            None if e.prev_hlc == 0 else e.hlc - e.prev_hlc,
            e.value,
        ]
        while item[-1] is None:
            item.pop()
        groups[e.group] = item
    text = json.dumps(groups, ensure_ascii=False, separators=(",", ":"))
    return base.hlc, base.origin, base.origin_seq, text


def decode_groups(hlc: int, origin: int, seq: int, text: str) -> list[Entry]:
    """The entries of a settled row (the inverse of `encode_groups`)."""
    entries = []
    for group, item in json.loads(text).items():
        item = item + [None] * (5 - len(item))
        at = hlc + item[0]
        entries.append(
            Entry(
                group,
                item[4],
                at,
                origin if item[2] is None else item[2],
                seq + item[1],
                0 if item[3] is None else at - item[3],
            )
        )
    return entries


# -- settling ----------------------------------------------------------------------------------


def compacted_vector(conn: Connection) -> dict[str, int]:
    """The highest horizon settled so far per origin device ({} if never compacted)."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (COMPACTED,)).fetchone()
    return {k: int(v) for k, v in json.loads(row[0]).items()} if row else {}


def record_compacted(conn: Connection, horizon: dict[str, int]) -> None:
    """Raise the recorded compacted vector to `horizon` (it never goes down)."""
    merged = compacted_vector(conn)
    for device, seq in horizon.items():
        if seq > merged.get(device, 0):
            merged[device] = seq
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
        (COMPACTED, json.dumps(merged, sort_keys=True)),
    )


def compacted_tips(conn: Connection) -> dict[str, tuple[int, int]]:
    """Per device the (sequence, HLC) of the newest change settled."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (TIPS,)).fetchone()
    return {k: (int(v[0]), int(v[1])) for k, v in json.loads(row[0]).items()} if row else {}


def _record_tips(conn: Connection, tips: dict[str, tuple[int, int]]) -> None:
    merged = compacted_tips(conn)
    for device, tip in tips.items():
        if tip > merged.get(device, (0, 0)):
            merged[device] = tip
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
        (TIPS, json.dumps({k: list(v) for k, v in merged.items()}, sort_keys=True)),
    )


def reused_number(tips: dict[str, tuple[int, int]], device: str, origin_seq: int, hlc: int) -> bool:
    """True if a change not held under its number cannot be the one settled under it."""
    tip = tips.get(device)
    if tip is None or origin_seq > tip[0]:
        return False
    return hlc != tip[1] if origin_seq == tip[0] else hlc >= tip[1]


def move_origin(conn: Connection, old: tuple[str, int], new: tuple[str, int], first: int) -> None:
    """A fork (this file went back to an older copy): settled changes of device `old` from
    sequence `first` on become the new device's, renumbered from 1 as in `change`."""
    (old_id, old_num), (new_id, new_num) = old, new
    rows = conn.execute(
        "SELECT DISTINCT row_id FROM change_log WHERE seq IS NULL AND origin = ?"
        " AND origin_seq >= ?",
        (old_num, first),
    ).fetchall()
    for (row_id,) in rows:
        found = conn.execute(
            "SELECT hlc, origin, origin_seq, groups FROM settled WHERE row_id = ?", (row_id,)
        ).fetchone()
        entries = decode_groups(found[0], found[1], found[2], found[3])
        for e in entries:
            if e.origin == old_num and e.origin_seq >= first:
                e.origin, e.origin_seq = new_num, e.origin_seq - (first - 1)
        hlc, origin, seq, text = encode_groups(entries)
        conn.execute(
            "UPDATE settled SET hlc = ?, origin = ?, origin_seq = ?, groups = ? WHERE row_id = ?",
            (hlc, origin, seq, text, row_id),
        )
    vector = compacted_vector(conn)
    if vector.get(old_id, 0) >= first:
        vector[new_id] = vector[old_id] - (first - 1)
        vector[old_id] = first - 1
        conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            (COMPACTED, json.dumps(vector, sort_keys=True)),
        )
    tips = {k: v for k, v in compacted_tips(conn).items() if k != old_id}
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
        (TIPS, json.dumps({k: list(v) for k, v in tips.items()}, sort_keys=True)),
    )


def settleable_rows(
    conn: Connection, horizon: dict[int, int], after_seq: int, limit: int
) -> tuple[list[str], int, int]:
    """Row ids with change rows at or below the horizon among the next `limit` rows of `change`
    after `after_seq`: (row ids, last seq looked at, how many rows were looked at)."""
    rows = conn.execute(
        "SELECT seq, row_id, origin, origin_seq FROM change WHERE seq > ? ORDER BY seq LIMIT ?",
        (after_seq, limit),
    ).fetchall()
    found: dict[str, None] = {}
    for _seq, row_id, origin, origin_seq in rows:
        if origin_seq <= horizon.get(origin, 0):
            found[row_id] = None
    return list(found), (rows[-1][0] if rows else after_seq), len(rows)


def settle_row(
    conn: Connection,
    row_id: str,
    horizon: dict[int, int],
    device_ids: dict[int, str],
    tips: dict[str, tuple[int, int]] | None = None,
) -> int:
    """Settle one row's change rows at or below the horizon; how many change rows went.
    `tips` gets per device the newest change settled."""
    rows = conn.execute(
        "SELECT seq, entity, field_group, value, hlc, origin, origin_seq, prev_hlc FROM change"
        " WHERE row_id = ?",
        (row_id,),
    ).fetchall()
    due = [r for r in rows if r[6] <= horizon.get(r[5], 0)]
    if not due:
        return 0
    entity = due[0][1]
    if tips is not None:
        for r in due:
            device = device_ids[r[5]]
            if (r[6], r[4]) > tips.get(device, (0, 0)):
                tips[device] = (r[6], r[4])
    old = conn.execute(
        "SELECT hlc, origin, origin_seq, groups FROM settled WHERE row_id = ?", (row_id,)
    ).fetchone()
    best: dict[str, Entry] = {}
    candidates = [] if old is None else decode_groups(old[0], old[1], old[2], old[3])
    candidates += [Entry(r[2], r[3], r[4], r[5], r[6], r[7]) for r in due]
    for entry in candidates:
        current = best.get(entry.group)
        if current is None or entry.key(device_ids) > current.key(device_ids):
            best[entry.group] = entry
    unsettled = {r[2] for r in rows if r[6] > horizon.get(r[5], 0)}
    table_row = _table_row(conn, entity, row_id)
    for group, entry in best.items():
        if (
            entry.value is not None
            and group not in VALUE_GROUPS
            and group not in unsettled
            and _holds(entity, table_row, group, entry.value)
        ):
            entry.value = None  # the entity row (or the audit table) holds it
    hlc, origin, seq, text = encode_groups(list(best.values()))
    conn.execute(
        "INSERT OR REPLACE INTO settled (row_id, entity, hlc, origin, origin_seq, groups)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (row_id, entity, hlc, origin, seq, text),
    )
    conn.executemany("DELETE FROM change WHERE seq = ?", [(r[0],) for r in due])
    return len(due)


def _table_row(conn: Connection, entity: str, row_id: str) -> Any:
    if entity == AUDIT:
        return conn.execute("SELECT * FROM audit WHERE id = ?", (row_id,)).fetchone()
    spec = BY_NAME.get(entity)
    if spec is None:
        return None
    return conn.execute(f"SELECT * FROM {spec.table} WHERE id = ?", (row_id,)).fetchone()


def _holds(entity: str, table_row: Any, group: str, value: str) -> bool:
    """True if the table row gives back exactly this value of the group."""
    return table_row is not None and stored_value(entity, table_row, group) == value


def stored_value(entity: str, table_row: Any, group: str) -> str | None:
    """A group's value as its change row carried it, from the entity row (or audit row)."""
    if entity == AUDIT:
        if group != EVENT:
            return None
        return encode_value(
            {
                "at": table_row["at"],
                "coordinator": table_row["coordinator"],
                "action": table_row["action"],
                "client": table_row["client_id"],
                "detail": json.loads(table_row["detail"]),
            }
        )
    spec = BY_NAME[entity]
    if group not in spec.groups:
        return None
    return encode_value({f: table_row[f] for f in spec.groups[group]})


def keep_values(
    conn: Connection, entity: str, row_id: str, table_row: Any, groups: Iterable[str]
) -> None:
    """The entity row is about to stop holding these groups' values (an update, a delete): where
    the settled row left a value to it, the settled row takes the value now, so that a conflict
    or a snapshot still reads the settled winner's own value later."""
    old = conn.execute(
        "SELECT hlc, origin, origin_seq, groups FROM settled WHERE row_id = ?", (row_id,)
    ).fetchone()
    if old is None or table_row is None:
        return
    wanted = set(groups)
    entries = decode_groups(old[0], old[1], old[2], old[3])
    missing = [e for e in entries if e.value is None and e.group in wanted]
    if not missing:
        return
    for entry in missing:
        entry.value = stored_value(entity, table_row, entry.group)
    hlc, origin, seq, text = encode_groups(entries)
    conn.execute(
        "UPDATE settled SET hlc = ?, origin = ?, origin_seq = ?, groups = ? WHERE row_id = ?",
        (hlc, origin, seq, text, row_id),
    )


def fill_value(conn: Connection, entity: str, row_id: str, group: str) -> str | None:
    """The value of a settled winner whose value the entity row holds (None if it is gone)."""
    table_row = _table_row(conn, entity, row_id)
    return None if table_row is None else stored_value(entity, table_row, group)


def settled_changes(conn: Connection) -> Iterator[LoggedChange]:
    """Every settled winner as a change row, values filled in from the entity rows.

    A winner whose value is gone with its row (a deleted row) is left out: its row's `_exists`
    says that it is gone, which is all a colleague needs of it.
    """
    devices = {r[0]: r[1] for r in conn.execute("SELECT num, device_id FROM device")}
    rows = conn.execute("SELECT row_id, entity, hlc, origin, origin_seq, groups FROM settled")
    for row_id, entity, hlc, origin, seq, text in rows:
        entries = decode_groups(hlc, origin, seq, text)
        table_row = None
        if any(e.value is None and e.group != ERASED for e in entries):
            table_row = _table_row(conn, entity, row_id)
        for e in sorted(entries, key=lambda e: (e.origin_seq, e.group)):
            value = e.value
            if value is None and e.group != ERASED:
                if table_row is None:
                    continue
                value = stored_value(entity, table_row, e.group)
                if value is None:
                    continue
            yield LoggedChange(
                entity, row_id, e.group, value, e.hlc, devices[e.origin], e.origin_seq, e.prev_hlc
            )


class SettledLog:
    """The settled history of one open case file (`store.settled`)."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def compacted_vector(self) -> dict[str, int]:
        """The highest horizon settled so far per origin device."""
        return compacted_vector(self._conn)

    def changes(self) -> Iterator[LoggedChange]:
        """Every settled winner as a change row, values filled in (for a snapshot bundle)."""
        return settled_changes(self._conn)

    def settle_slice(
        self, horizon: dict[str, int], after_seq: int, limit: int
    ) -> tuple[int, int, int, int]:
        """Settle the rows met in the next `limit` change rows after `after_seq`, in one
        transaction: (rows settled, change rows dropped, last seq looked at, rows looked at)."""
        with storage_errors():
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                nums = {r[1]: r[0] for r in self._conn.execute("SELECT num, device_id FROM device")}
                device_ids = {num: device for device, num in nums.items()}
                by_num = {nums[d]: s for d, s in horizon.items() if d in nums}
                record_compacted(self._conn, horizon)
                rows, cursor, seen = settleable_rows(self._conn, by_num, after_seq, limit)
                settled_rows = dropped = 0
                tips: dict[str, tuple[int, int]] = {}
                for row_id in rows:
                    gone = settle_row(self._conn, row_id, by_num, device_ids, tips)
                    if gone:
                        settled_rows += 1
                        dropped += gone
                _record_tips(self._conn, tips)
                self._conn.execute("COMMIT")
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
        return settled_rows, dropped, cursor, seen
