"""The merge's reads of the change log, each one query per batch of changes.

A merge decides every change against what the log holds for its row: the winner of its field
group, the row's causal length, an erasure, and rebuilds the row from the winners. Reading that
row by row cost three or four queries per change; instead the merger reads the whole history of
the rows a batch touches once (`row_histories`) and keeps it up to date in memory while it adds
the batch. Which change numbers are already held is read the same way (`held_numbers`).
"""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import NamedTuple

from desktop.store.database import Connection

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
    """Every logged change of these rows, oldest entry first (in log order)."""
    found: dict[str, list[Logged]] = {row_id: [] for row_id in row_ids}
    ids = sorted(found)
    for start in range(0, len(ids), CHUNK):
        rows = conn.execute(
            "SELECT c.row_id, c.entity, c.field_group, c.value, c.hlc, d.device_id, c.prev_hlc"
            " FROM change c JOIN device d ON d.num = c.origin"
            " WHERE c.row_id IN (SELECT value FROM json_each(?)) ORDER BY c.seq",
            (json.dumps(ids[start : start + CHUNK]),),
        )
        for r in rows:
            found[r[0]].append(Logged(r[1], r[2], r[3], r[4], r[5], r[6]))
    return found


def held_numbers(
    conn: Connection, origin: int, seqs: Collection[int]
) -> dict[int, tuple[str, str, int]]:
    """The changes held under these sequence numbers of one origin: seq -> (row, group, hlc)."""
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
