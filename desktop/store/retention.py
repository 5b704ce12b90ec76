"""Retention and erasure in SQL: the cases due for erasure, what else an erasure must take, scrub.

An erasure removes rows and their change rows (`Transaction.erase`); this module finds what the
case left elsewhere (the history of parts deleted earlier, a duplicate record merged into it) and
makes the file forget the deleted bytes: the full-text index is optimised, the WAL emptied and the
file rebuilt with VACUUM, so that no page, free or in use, still holds the erased data.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from desktop.store.database import Connection, storage_errors
from desktop.store.specs import BY_NAME, MERGED

# The field in a part's "link" group that names its owner.
_OWNER_FIELDS = ("client_id", "plan_id", "goal_id", "document_id")
_MAX_DEPTH = 10  # client > plan > goal > measure, merges of merges: far more than ever needed


@dataclass(frozen=True)
class DueCase:
    """A closed case whose retention date has come: it may be erased now."""

    id: str
    family_name: str
    given_names: str
    file_number: str
    closed_on: date
    retention_until: date

    @property
    def display_name(self) -> str:
        """ "Family, Given" as lists show it."""
        if self.given_names:
            return f"{self.family_name}, {self.given_names}"
        return self.family_name


def due_for_erasure(conn: Connection, today: date) -> list[DueCase]:
    """Closed cases with a retention date on or before `today`, oldest retention date first."""
    rows = conn.execute(
        "SELECT id, family_name, given_names, file_number, closed_on, retention_until"
        " FROM client WHERE closed_on IS NOT NULL AND retention_until IS NOT NULL"
        " AND retention_until <= ? ORDER BY retention_until, sort_key, id",
        (today.isoformat(),),
    )
    return [
        DueCase(
            r[0],
            r[1],
            r[2],
            r[3],
            date.fromisoformat(r[4][:10]),
            date.fromisoformat(r[5][:10]),
        )
        for r in rows
    ]


def traces_of(conn: Connection, client_ids: list[str]) -> list[tuple[str, str]]:
    """(entity, id) of rows gone from the tables whose history still belongs to these clients.

    Parts deleted earlier (their change rows keep what they said), their own parts, and records
    of the same person merged into one of them. Rows that still exist are not listed: the cascade
    of the erasure finds those.
    """
    owners = set(client_ids)
    found: dict[str, str] = {}
    frontier = list(client_ids)
    for _ in range(_MAX_DEPTH):
        if not frontier:
            break
        rows = conn.execute(
            "SELECT DISTINCT entity, row_id FROM change_log WHERE (field_group = 'link' AND ("
            + " OR ".join(
                f"json_extract(value, '$.{f}') IN (SELECT value FROM json_each(?1))"
                for f in _OWNER_FIELDS
            )
            + ")) OR (field_group = ?2 AND json_extract(value, '$') IN"
            " (SELECT value FROM json_each(?1)))",
            (json.dumps(frontier), MERGED),
        ).fetchall()
        frontier = []
        for entity, row_id in rows:
            if row_id in owners:
                continue
            owners.add(row_id)
            frontier.append(row_id)
            if entity in BY_NAME and not _exists(conn, entity, row_id):
                found[row_id] = entity
    return [(entity, row_id) for row_id, entity in found.items()]


def _exists(conn: Connection, entity: str, row_id: str) -> bool:
    table = BY_NAME[entity].table
    return conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone() is not None


# Merging an FTS5 table's segments drops the terms of deleted rows (one statement per table).
OPTIMIZE = {
    "client_search": "INSERT INTO client_search (client_search) VALUES ('optimize')",
}


def fts_tables(conn: Connection) -> list[str]:
    """The names of the full-text (FTS5) tables of the case file."""
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'"
        " AND lower(sql) LIKE 'create virtual table%using fts5%' ORDER BY name"
    )
    return [r[0] for r in rows]


def scrub(conn: Connection) -> None:
    """Overwrite what deleted rows left in the file: FTS segments, the WAL, free pages.

    Must run outside a transaction. Merging the FTS5 segments drops deleted terms; VACUUM writes
    every live page anew (secure_delete zeroed what was freed), and truncating the WAL before and
    after removes the old page images it held.
    """
    with storage_errors():
        for table in fts_tables(conn):
            conn.execute(OPTIMIZE[table])  # KeyError: a new FTS table needs its line below
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


class RetentionRules:
    """Retention and erasure in one open case file (`store.retention`)."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def due_for_erasure(self, today: date) -> list[DueCase]:
        """Closed cases with a retention date on or before `today`."""
        return due_for_erasure(self._conn, today)

    def traces_of(self, client_ids: list[str]) -> list[tuple[str, str]]:
        """Rows gone from the tables whose history still belongs to these clients."""
        return traces_of(self._conn, client_ids)

    def scrub(self) -> None:
        """Overwrite what deleted rows left in the file (outside a transaction)."""
        scrub(self._conn)
