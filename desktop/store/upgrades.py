"""Data steps of schema migrations that SQL alone cannot do, and the same step for changes that
arrive from a colleague whose Welcome Desk still writes the older shape.

Schema 5 replaced a measure's single `client_text` by texts tagged with their language. The old
text is given the client's first language: the first language marked "native", else the first
one that is not German. Where the client has none (or the measure's client is not known here), it
stays UNASSIGNED for the coordinator to assign; it is kept, never printed, never dropped.

The change log is rewritten the same way, so that a colleague who receives this computer's
history later reads the new shape, and so that every computer that migrates arrives at the same
values.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from desktop.domain.texts import UNASSIGNED
from desktop.domain.texts import first_language as first_language_of

if TYPE_CHECKING:
    from sqlite3 import Connection

# The fields each group gained in schema 5, with the value an older writer means by leaving
# them out.
_NEW_IN_5: dict[tuple[str, str], dict[str, Any]] = {
    ("goal", "main"): {"phrase_key": "", "texts": None},
    ("measure", "main"): {"phrase_key": "", "texts": None},
    ("appointment", "details"): {"purpose_key": "", "purpose_texts": None},
}


def first_language(languages: str | None) -> str | None:
    """The client's first language from the stored `languages` column, or None."""
    try:
        skills = json.loads(languages) if languages else []
    except ValueError:
        return None
    parts = [str(s).partition(":") for s in skills if isinstance(s, str)]
    return first_language_of([(code, level) for code, _, level in parts])


def measure_language(conn: Connection, measure_id: str) -> str:
    """The language the old client text of a measure is taken to be in. The chain measure →
    goal → plan → client is read from the change log: during a merge the rows of the same bundle
    are not built yet."""
    goal_id = _logged(conn, measure_id, "link", "goal_id")
    plan_id = _logged(conn, goal_id, "link", "plan_id") if goal_id else None
    client_id = _logged(conn, plan_id, "link", "client_id") if plan_id else None
    languages = _logged(conn, client_id, "languages", "languages") if client_id else None
    return first_language(languages) or UNASSIGNED


def _logged(conn: Connection, row_id: str, group: str, name: str) -> str | None:
    """A field's value as the newest change of its group holds it."""
    log = "change_log" if _has_view(conn, "change_log") else "change"  # before schema 9: no view
    row = conn.execute(
        f"SELECT value FROM {log} WHERE row_id = ? AND field_group = ? ORDER BY hlc DESC LIMIT 1",
        (row_id, group),
    ).fetchone()
    try:
        values = json.loads(row[0]) if row and row[0] else None
    except ValueError:
        return None
    found = values.get(name) if isinstance(values, dict) else None
    return found if isinstance(found, str) else None


def _has_view(conn: Connection, name: str) -> bool:
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = ?", (name,)
    ).fetchone()
    return found is not None


def upgrade_values(
    conn: Connection, entity: str, group: str, row_id: str, values: dict[str, Any]
) -> dict[str, Any]:
    """A field group's values in the current shape (unchanged if they already are)."""
    added = _NEW_IN_5.get((entity, group))
    if added is None or all(name in values for name in added):
        return values
    out = {**added, **{k: v for k, v in values.items() if k != "client_text"}}
    old = values.get("client_text")
    if entity == "measure" and isinstance(old, str) and old.strip():
        language = measure_language(conn, row_id)
        out["texts"] = json.dumps({language: old.strip()}, ensure_ascii=False, sort_keys=True)
    return out


def _rewrite_value(conn: Connection, entity: str, group: str, row_id: str, raw: str | None) -> Any:
    try:
        values = json.loads(raw) if raw else None
    except ValueError:
        return raw
    if not isinstance(values, dict):
        return raw
    upgraded = upgrade_values(conn, entity, group, row_id, values)
    return json.dumps(upgraded, ensure_ascii=False, sort_keys=True) if upgraded != values else raw


def upgraded_value(
    conn: Connection, entity: str, group: str, row_id: str, raw: str | None
) -> str | None:
    """A change's stored value in the current shape; anything that is not a field group's
    values of an upgraded group comes back unchanged (the merge's checks judge it)."""
    if (entity, group) not in _NEW_IN_5:
        return raw
    new = _rewrite_value(conn, entity, group, row_id, raw)
    return new if isinstance(new, str) or new is None else raw


def _schema_5(conn: Connection) -> None:
    for measure_id, text in conn.execute(
        "SELECT id, client_text FROM measure WHERE trim(client_text) != ''"
    ).fetchall():
        language = measure_language(conn, measure_id)
        conn.execute(
            "UPDATE measure SET texts = ? WHERE id = ?",
            (json.dumps({language: text.strip()}, ensure_ascii=False), measure_id),
        )
    conn.execute("ALTER TABLE measure DROP COLUMN client_text")
    for entity, group in _NEW_IN_5:
        for seq, row_id, value in conn.execute(
            "SELECT seq, row_id, value FROM change WHERE entity = ? AND field_group = ?",
            (entity, group),
        ).fetchall():
            new = _rewrite_value(conn, entity, group, row_id, value)
            if new != value:
                conn.execute("UPDATE change SET value = ? WHERE seq = ?", (new, seq))
        for num, row_id, lost, won in conn.execute(
            "SELECT num, row_id, lost_value, won_value FROM conflict"
            " WHERE entity = ? AND field_group = ?",
            (entity, group),
        ).fetchall():
            conn.execute(
                "UPDATE conflict SET lost_value = ?, won_value = ? WHERE num = ?",
                (
                    _rewrite_value(conn, entity, group, row_id, lost),
                    _rewrite_value(conn, entity, group, row_id, won),
                    num,
                ),
            )


def _schema_6(conn: Connection) -> None:
    """The search text of every client written again (spellings and scripts, issue 16)."""
    rebuild_search_index(conn)


def search_index_current(conn: Connection) -> bool:
    """Whether the name search index was written by this version's rules
    (`search_text.INDEX_VERSION`)."""
    from desktop.store.search_text import INDEX_VERSION

    row = conn.execute("SELECT value FROM meta WHERE key = 'search_index'").fetchone()
    return row is not None and row[0] == INDEX_VERSION


def rebuild_search_index(conn: Connection) -> None:
    """Every client's search text written again by this version's rules, inside the caller's
    transaction: the index made anew and filled at once (one update per client took 2 ms each
    with the index's secure delete, 2 minutes for 50,000 clients)."""
    from desktop.store.search_text import INDEX_VERSION, search_text
    from desktop.store.specs import CLIENT

    made, config = conn.execute(
        "SELECT (SELECT sql FROM sqlite_master WHERE name = 'client_search'),"
        " (SELECT json_group_array(json_array(k, v)) FROM client_search_config)"
    ).fetchone()
    kept = {
        row["num"]: (row["sort_key"], 1 if row["closed_on"] else 0, CLIENT.from_row(row))
        for row in conn.execute("SELECT * FROM client")
    }
    conn.execute("DROP TABLE client_search")
    conn.execute(made)
    for key, value in json.loads(config):
        if key != "version":  # written by FTS5 itself
            conn.execute(
                "INSERT INTO client_search (client_search, rank) VALUES (?, ?)", (key, value)
            )
    conn.executemany(
        "INSERT INTO client_search (rowid, text, sort_key, closed) VALUES (?, ?, ?, ?)",
        ((num, search_text(c), key, closed) for num, (key, closed, c) in kept.items()),
    )
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('search_index', ?)", (INDEX_VERSION,)
    )


# schema number → the data step run after that schema's SQL, in the same transaction
DATA_STEPS: dict[int, Callable[[Connection], None]] = {5: _schema_5, 6: _schema_6}
