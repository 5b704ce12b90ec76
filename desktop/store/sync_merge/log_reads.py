"""The merge's reads of the change log, each one query per batch of changes.

A merge decides every change against what the log holds for its row: the winner of its field
group, the row's causal length, an erasure, and rebuilds the row from the winners. Reading that
row by row cost three or four queries per change; instead the merger reads the whole history of
the rows a batch touches once (`row_histories`) and keeps it up to date in memory while it adds
the batch. Which change numbers are already held is read the same way (`held_numbers`).

The history is read through the view `change_log`: settled winners come with the change rows,
oldest first, and a settled value the entity row holds (NULL in the view) is filled in from it.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import Any, NamedTuple

from desktop.store.audit import AUDIT
from desktop.store.changelog.settled import stored_value
from desktop.store.database import Connection
from desktop.store.specs import BY_NAME, ERASED

CHUNK = 500  # ids per query: the JSON array stays small, one query covers a typical batch


class Logged(NamedTuple):
    """One change of a row as the merge weighs it (origin as device id)."""

    entity: str
    field_group: str
    value: str | None
    hlc: int
    device: str
    prev_hlc: int


def row_histories(conn: Connection, row_ids: Collection[str]) -> dict[str, list[Logged]]:
    """Every logged change of these rows, settled or not, oldest entry first (in log order: the
    settled winners, which are older than any change row of their row, come first)."""
    found: dict[str, list[Logged]] = {row_id: [] for row_id in row_ids}
    ids = sorted(found)
    unfilled: dict[str, list[tuple[str, int]]] = {}  # entity -> (row id, index in its history)
    for start in range(0, len(ids), CHUNK):
        rows = conn.execute(
            "SELECT c.row_id, c.entity, c.field_group, c.value, c.hlc, d.device_id, c.prev_hlc,"
            " c.seq IS NULL FROM change_log c JOIN device d ON d.num = c.origin"
            " WHERE c.row_id IN (SELECT value FROM json_each(?))"
            " ORDER BY c.seq IS NOT NULL, c.seq, c.origin_seq, c.field_group",
            (json.dumps(ids[start : start + CHUNK]),),
        )
        for r in rows:
            history = found[r[0]]
            if r[3] is None and r[7] and r[2] != ERASED:  # settled: the entity row holds it
                unfilled.setdefault(r[1], []).append((r[0], len(history)))
            history.append(Logged(r[1], r[2], r[3], r[4], r[5], r[6]))
    for entity, places in unfilled.items():
        table_rows = _table_rows(conn, entity, {row_id for row_id, _ in places})
        for row_id, index in places:
            table_row = table_rows.get(row_id)
            if table_row is not None:
                entry = found[row_id][index]
                value = stored_value(entity, table_row, entry.field_group)
                found[row_id][index] = entry._replace(value=value)
    return found


def _table_rows(conn: Connection, entity: str, row_ids: Collection[str]) -> dict[str, Any]:
    """The entity rows (or audit rows) of these ids that exist, by id."""
    if entity == AUDIT:
        table = "audit"
    elif entity in BY_NAME:
        table = BY_NAME[entity].table
    else:
        return {}
    ids = sorted(row_ids)
    rows: dict[str, Any] = {}
    for start in range(0, len(ids), CHUNK):
        cursor = conn.execute(
            f"SELECT * FROM {table} WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids[start : start + CHUNK]),),
        )
        rows.update((row["id"], row) for row in cursor)
    return rows


def held_numbers(
    conn: Connection, origin: int, seqs: Collection[int]
) -> dict[int, tuple[str, str, int]]:
    """The changes held under these sequence numbers of one origin: seq -> (row, group, hlc).

    Only the change rows count (as one at a time read them): a settled change keeps no number
    of its own here, the merger's rule for changes below the compacted vector decides on it."""
    numbers = sorted(set(seqs))
    held: dict[int, tuple[str, str, int]] = {}
    for start in range(0, len(numbers), CHUNK):
        rows = conn.execute(
            "SELECT origin_seq, row_id, field_group, hlc FROM change"
            " WHERE origin = ? AND origin_seq IN (SELECT value FROM json_each(?))",
            (origin, json.dumps(numbers[start : start + CHUNK])),
        )
        held.update({r[0]: (r[1], r[2], r[3]) for r in rows})
    return held
