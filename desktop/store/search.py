"""The case list query: name search (FTS5 trigram over folded names), filters, sort, pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop.domain.catalogues import ResidenceStatus
from desktop.domain.model import Client
from desktop.domain.names import search_terms
from desktop.store.database import Connection
from desktop.store.deadlines import (
    clients_with_deadlines,
    clients_with_open_measures,
    has_deadline,
    has_open_measure,
)
from desktop.store.specs import CLIENT

# Whitelisted sort orders: user input never becomes SQL text.
SORTS = {
    "name": "c.sort_key",
    "file_number": "c.file_number",
    "birth_date": "coalesce(c.birth_date, '')",
    "nationality": "c.nationality",
    "residence_status": "coalesce(c.residence_status, '')",
    "valid_until": "coalesce(c.status_valid_until, '9999')",
    "opened_on": "coalesce(c.opened_on, '')",
}
STATES = ("all", "open", "closed")


@dataclass(frozen=True)
class ClientQuery:
    """What the case list shows: search text, filters, sort order and the page."""

    text: str = ""
    residence_status: ResidenceStatus | None = None
    state: str = "all"
    valid_until_before: date | None = None
    # A deadline of the radar's kinds up to today + N days, overdue too; measures due not counted
    # (the open-measures filter is theirs).
    deadline_within_days: int | None = None
    open_measures: bool = False  # a planned or in-progress measure in any plan
    today: date | None = None  # None: date.today()
    sort: str = "name"
    descending: bool = False
    limit: int = 100
    offset: int = 0


@dataclass(frozen=True)
class ClientPage:
    """One page of matching clients and how many match in all."""

    clients: list[Client] = field(default_factory=list)
    total: int = 0


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _text_conditions(text: str, column: str) -> tuple[list[str], list[object]]:
    """Conditions on client_search for the typed words; `column` names its text column."""
    terms = search_terms(text)
    long_terms = [t for t in terms if len(t) >= 3]
    conditions: list[str] = []
    params: list[object] = []
    if long_terms:
        # Each term a quoted FTS5 string: trigram matches it as a substring anywhere.
        conditions.append("client_search MATCH ?")
        params.append(" AND ".join('"' + t.replace('"', '""') + '"' for t in long_terms))
    for t in terms:
        if len(t) < 3:  # too short for a trigram: scan the folded text
            conditions.append(f"{column} LIKE ? ESCAPE '\\'")
            params.append(_like(t))
    return conditions, params


def _index_only(query: ClientQuery) -> bool:
    """True if the search index alone can filter, sort and count (no client columns needed)."""
    return (
        bool(search_terms(query.text))
        and query.sort == "name"
        and query.residence_status is None
        and query.valid_until_before is None
        and query.deadline_within_days is None
        and not query.open_measures
    )


# Above this many matches a search walks the name index and stops after one page: a one- or
# two-letter word matches thousands, and sorting them all cost 15 ms on 50,000 clients.
BROAD_MATCHES = 1000


def _index_page(conn: Connection, query: ClientQuery) -> ClientPage:
    conditions, params = _text_conditions(query.text, "text")
    if query.state != "all":
        conditions.append("closed = ?")
        params.append(1 if query.state == "closed" else 0)
    where = " AND ".join(conditions)  # columns of client_search only: no alias needed
    d = "DESC" if query.descending else "ASC"
    total = conn.execute(f"SELECT count(*) FROM client_search WHERE {where}", params).fetchone()[0]
    if total >= BROAD_MATCHES:
        rows_sql = (
            f"SELECT c.* FROM client c JOIN client_search ON client_search.rowid = c.num"
            f" WHERE {where} ORDER BY c.sort_key {d}, c.num {d} LIMIT ? OFFSET ?"
        )
    else:  # few matches: take them from the index and sort just those
        rows_sql = (
            "SELECT c.* FROM (SELECT rowid AS num, sort_key FROM client_search"
            f" WHERE {where} ORDER BY sort_key {d}, rowid {d} LIMIT ? OFFSET ?) AS hit"
            f" JOIN client c ON c.num = hit.num ORDER BY hit.sort_key {d}, hit.num {d}"
        )
    rows = conn.execute(rows_sql, [*params, query.limit, query.offset]).fetchall()
    return ClientPage([CLIENT.from_row(r) for r in rows], total)


def _run(
    conn: Connection, query: ClientQuery, rows_sql: str, count_sql: str, params: list[object]
) -> ClientPage:
    """One page of clients (rows_sql ends in LIMIT ? OFFSET ?) and the total count."""
    rows = conn.execute(rows_sql, [*params, query.limit, query.offset]).fetchall()
    total = conn.execute(count_sql, params).fetchone()[0]
    return ClientPage([CLIENT.from_row(r) for r in rows], total)


def _where(query: ClientQuery) -> tuple[str, str, list[object]]:
    """FROM and WHERE clauses with their bound parameters, for filters on client columns."""
    conditions, params = _text_conditions(query.text, "s.text")
    # A name search narrows the list: probe each match for deadlines rather than build a set.
    narrowed = bool(conditions)
    source = "client c"
    if conditions:
        source = "client_search s JOIN client c ON c.num = s.rowid"
    if query.residence_status is not None:
        conditions.append("c.residence_status = ?")
        params.append(query.residence_status.value)
    if query.state == "open":
        conditions.append("c.closed_on IS NULL")
    elif query.state == "closed":
        conditions.append("c.closed_on IS NOT NULL")
    if query.valid_until_before is not None:
        conditions.append("c.status_valid_until <= ?")
        params.append(query.valid_until_before.isoformat())
    if query.deadline_within_days is not None:
        today = query.today or date.today()
        conditions.append("c.closed_on IS NULL")  # deadlines count for open cases only
        if narrowed:
            sql, more = has_deadline("c", today, query.deadline_within_days)
        else:
            ids_sql, more = clients_with_deadlines(today, query.deadline_within_days)
            sql = f"c.id IN ({ids_sql})"
        conditions.append(sql)
        params.extend(more)
    if query.open_measures:
        if narrowed:
            sql, more = has_open_measure("c")
        else:
            ids_sql, more = clients_with_open_measures()
            sql = f"c.id IN ({ids_sql})"
        conditions.append(sql)
        params.extend(more)
    where = " WHERE " + " AND ".join(conditions) if conditions else ""
    return source, where, params


def client_page(conn: Connection, query: ClientQuery) -> ClientPage:
    """Run the case-list query: one page of clients plus the total count."""
    if query.sort not in SORTS or query.state not in STATES:
        raise ValueError(f"unknown sort or state: {query.sort!r} {query.state!r}")
    if _index_only(query):
        return _index_page(conn, query)
    source, where, params = _where(query)
    direction = "DESC" if query.descending else "ASC"
    return _run(
        conn,
        query,
        f"SELECT c.* FROM {source}{where}"
        f" ORDER BY {SORTS[query.sort]} {direction}, c.sort_key, c.num LIMIT ? OFFSET ?",
        f"SELECT count(*) FROM {source}{where}",
        params,
    )
