"""The case list query: name search (FTS5 trigram over folded names and their spellings),
filters, sort, pages.

A search finds a client when every word typed is part of one of its names, file number or
birth year (as before), or is the same name in another spelling or script: the index holds
the neighbours of each name word's written consonants (`spellings.search_words`), which every
name the matcher takes for the same shares, so the index finds all candidates, and the one
name matcher (`name_match.names_cover`, the matcher of the duplicates report and the
new-client warning) decides. Sorted by name, the
results come ranked: names with a word as typed first, then what contains the words typed,
then other spellings, the closest first.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from desktop.domain.catalogues import ResidenceStatus
from desktop.domain.model import Client
from desktop.domain.name_match import SAME_NAME, digits, may_cover, names_cover, word_similarity
from desktop.domain.names import fold, search_terms, typed_name
from desktop.domain.spellings import LOST, WORD_SEPARATORS, is_particle, name_tokens, search_words
from desktop.store.database import Connection
from desktop.store.deadlines import (
    clients_with_deadlines,
    clients_with_open_measures,
    has_deadline,
    has_open_measure,
)
from desktop.store.search_text import SPELLINGS
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
    """One page of matching clients and how many match in all; `found_as` the name words of
    clients found by another spelling or script (client id → the words as stored)."""

    clients: list[Client] = field(default_factory=list)
    total: int = 0
    found_as: dict[str, str] = field(default_factory=dict)
    # clients whose names only contain the words typed (a word still being typed): not found
    # as a name by the matcher
    partial: frozenset[str] = frozenset()


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


@dataclass(frozen=True)
class _Hit:
    num: int
    rank: tuple[int, float, str]
    variant: bool  # found by another spelling or script only
    partial: bool = False  # words typed are parts of its names, not names of it


def _name_word(term: str) -> bool:
    """A word that may be a name in another spelling (not a number, not a year)."""
    return term.replace(LOST, "").isalpha()


def _groups(text: str) -> list[list[str]]:
    """What each word typed may be found as in the index: itself (part of a name, as ever),
    its spellings and written consonants, and those of it written together with the word
    before or after it (al Hassan = Alhassan, Abdul Rahman = Abdelrahman); a short word alone
    (an article) and bin/ibn add nothing."""
    groups: list[list[str]] = []
    words = [w for w in WORD_SEPARATORS.split(text) if fold(w)]
    for i, word in enumerate(words):
        folded = fold(word)
        if (len(folded) < 3 or is_particle(word)) and len(words) > 1:
            continue
        found = [folded] if len(folded) >= 3 else []
        found += search_words(word)
        if i:
            found += search_words(f"{words[i - 1]}{word}")
        if i + 1 < len(words):
            found += search_words(f"{word}{words[i + 1]}")
        groups.append(list(dict.fromkeys(w for w in found if len(w) >= 3)))
    return groups


def _fts(groups: list[list[str]]) -> str | None:
    """The MATCH expression: every group, each as any of its alternatives."""
    parts = []
    for alternatives in groups:
        if not alternatives:
            return None
        parts.append(
            "(" + " OR ".join('"' + a.replace('"', '""') + '"' for a in alternatives) + ")"
        )
    return " AND ".join(parts)


def _judge(terms: list[str], wanted: tuple[str, ...], row: Any) -> _Hit | None:
    """Whether a candidate matches what was typed, and how: every name word typed is one of
    its names in this or another spelling or script (the one matcher decides), or else every
    word typed is part of its names, number or year (while a word is being typed)."""
    num, text, sort_key = row[0], row[1], row[2]
    typed = text.split(SPELLINGS, 1)[0]
    words = set(typed.replace("|", " ").split())
    contained = bool(terms) and all(LOST not in t and t in typed for t in terms)
    if contained and all(t in words or len(t) < 3 for t in terms):
        return _Hit(num, (0, -1.0, sort_key), variant=False)  # the words as typed
    # Contained in longer words only: a word being typed, unless a word is nearly as short
    # (mohamad in mohamadou): the matcher is asked only then, it is the dear part.
    if (
        wanted
        and (not contained or _nearly_whole(terms, words))
        and may_cover(wanted, _index_codes(text))
    ):
        parts = [name_tokens(p) for p in typed.split("|") if not digits(p)]
        score = names_cover(wanted, parts, decide=True)  # names only: no number, no year
        if score >= SAME_NAME:
            return _Hit(num, (1, -score, sort_key), variant=True)
    if contained:
        return _Hit(num, (2, 0.0, sort_key), variant=False, partial=True)
    return None


def _index_codes(text: str) -> Callable[[str], bool]:
    """Whether the client's index text holds a code neighbour ("~mhmd" as "~mhmd~")."""
    spelled = set(text.partition(SPELLINGS)[2].split())
    return lambda code: code + "~" in spelled


def _nearly_whole(terms: list[str], words: set[str]) -> bool:
    """Whether each word typed is part of a stored word at most two letters longer, or two of
    them are parts of one stored word (Abdul Rahman in Abdulrahman)."""
    return all(any(t in w and len(w) <= len(t) + 2 for w in words) for t in terms) or any(
        sum(t in w for t in terms) >= 2 for w in words
    )


def _name_hits(conn: Connection, query: ClientQuery) -> list[_Hit] | None:
    """The clients whose names match what was typed, in another spelling too, ranked; None
    when that is too short or too common for it (the plain search runs then)."""
    text = typed_name(query.text)
    terms = search_terms(text)
    wanted = name_tokens(text) if all(_name_word(t) for t in terms) else ()
    if not terms or any(len(w) < 3 for w in wanted):
        return None  # a word too short to be a name yet (ګل, "~gl", is one): the plain search
    groups = _groups(text) if wanted else [[t] for t in terms]
    lost = [t for t in terms if LOST in t]  # "O?uz": a letter lost, any one letter there
    groups = [g for g in groups if not any(LOST in a for a in g)]
    if any(not g for g in groups) or any(len(t) < 3 for t in terms if not wanted):
        return None
    expression = _fts(groups) if groups else ""
    if expression is None:
        return None
    conditions: list[str] = ["client_search MATCH ?"] if expression else []
    params: list[object] = [expression] if expression else []
    for term in lost:
        conditions.append("text LIKE ? ESCAPE '\\'")
        params.append(_like(term).replace(LOST, "_"))
    if not conditions:
        return None
    sql = f"SELECT rowid, text, sort_key FROM client_search WHERE {' AND '.join(conditions)}"
    if query.state != "all":
        sql += " AND closed = ?"
        params.append(1 if query.state == "closed" else 0)
    rows = conn.execute(sql + " LIMIT ?", [*params, BROAD_MATCHES + 1]).fetchall()
    if len(rows) > BROAD_MATCHES:
        return None
    judged = (_judge(terms, wanted, r) for r in rows)
    return sorted((h for h in judged if h is not None), key=lambda h: (h.rank, h.num))


def found_as(client: Client, text: str) -> str:
    """The words of the client's names that the words typed found by another spelling or
    script ("" if every word typed is part of the names as written)."""
    terms = search_terms(text)
    typed = [tokens[0] for tokens in map(name_tokens, terms) if tokens]
    found = []
    for name in (client.family_name, client.given_names, *client.other_names):
        for word in name.split():
            if any(term in fold(word) for term in terms):
                continue
            if any(word_similarity(w, t) >= SAME_NAME for w in typed for t in name_tokens(word)):
                found.append(word)
    return " ".join(dict.fromkeys(found))


def _hits_page(conn: Connection, query: ClientQuery, hits: list[_Hit]) -> ClientPage:
    """A page of the hits, with the filters and the sort order of the query."""
    by_num = {h.num: h for h in hits}
    if not by_num:
        return ClientPage()
    source, where, params = _where(dataclasses.replace(query, text=""))
    marks = ", ".join("?" * len(by_num))
    where = f"{where} AND c.num IN ({marks})" if where else f" WHERE c.num IN ({marks})"
    params = [*params, *by_num]
    if query.sort == "name" and not query.descending:  # ranked: the closest first
        nums = [r[0] for r in conn.execute(f"SELECT c.num FROM {source}{where}", params)]
        nums.sort(key=lambda n: (by_num[n].rank, n))
        page = nums[query.offset : query.offset + query.limit]
        order = {n: i for i, n in enumerate(page)}
        rows = sorted(
            conn.execute(
                f"SELECT * FROM client WHERE num IN ({', '.join('?' * len(page))})", page
            ).fetchall(),
            key=lambda r: order[r["num"]],
        )
        total = len(nums)
    else:
        direction = "DESC" if query.descending else "ASC"
        rows = conn.execute(
            f"SELECT c.* FROM {source}{where}"
            f" ORDER BY {SORTS[query.sort]} {direction}, c.sort_key, c.num LIMIT ? OFFSET ?",
            [*params, query.limit, query.offset],
        ).fetchall()
        total = conn.execute(f"SELECT count(*) FROM {source}{where}", params).fetchone()[0]
    clients = [CLIENT.from_row(r) for r in rows]
    spelled = {
        c.id: found_as(c, query.text)
        for c, r in zip(clients, rows, strict=True)
        if by_num[r["num"]].variant
    }
    partial = frozenset(
        c.id for c, r in zip(clients, rows, strict=True) if by_num[r["num"]].partial
    )
    return ClientPage(clients, total, {k: v for k, v in spelled.items() if v}, partial)


def client_page(conn: Connection, query: ClientQuery) -> ClientPage:
    """Run the case-list query: one page of clients plus the total count."""
    if query.sort not in SORTS or query.state not in STATES:
        raise ValueError(f"unknown sort or state: {query.sort!r} {query.state!r}")
    hits = _name_hits(conn, query) if query.text.strip() else None
    if hits is not None:
        return _hits_page(conn, query, hits)
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
