"""Which clients have a deadline coming up, in SQL: the same date rules as `rules.deadlines_for`.

The case-list filter "deadline within N days" and the deadline radar both start here, so that the
list and the radar always agree (a test compares both with the rules on demo cases). Each rule is
a range scan on a covering date index; their union is the set of candidate clients.

Measures due are left out unless asked for (`measures=True`): they have their own place (the
"open measures" filter, overdue due dates in the plan tab), and in a large case file the overdue
ones would outnumber every other deadline. The filter never asks; the radar on request.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from desktop.domain.catalogues import (
    DOCUMENT_PRESENT,
    EXPIRING_STATUSES,
    DocumentStatus,
    GoalStatus,
    PlanStatus,
    ResidenceStatus,
)
from desktop.domain.dates import add_months
from desktop.domain.model import Client, DocumentItem, Goal, IntegrationPlan, Measure
from desktop.domain.rules import CHANCENAUFENTHALT_MONTHS, CUSTODY_LIMIT, OPEN_MEASURES
from desktop.store.database import Connection
from desktop.store.specs import CLIENT, DOCUMENT, GOAL, MEASURE, PLAN, EntitySpec

_ACTIVE_PLANS = (PlanStatus.DRAFT.value, PlanStatus.AGREED.value)
_OPEN_MEASURES = tuple(sorted(m.value for m in OPEN_MEASURES))
_PRESENT = tuple(sorted(s.value for s in DOCUMENT_PRESENT))
_EXPIRING = tuple(sorted(s.value for s in EXPIRING_STATUSES))
_IN_CUSTODY = DocumentStatus.IN_CUSTODY.value


def _marks(values: tuple[str, ...]) -> str:
    """Placeholders for a fixed tuple of catalogue values (the values themselves are bound)."""
    return ", ".join("?" * len(values))


def latest_grant_due(horizon: date) -> date:
    """The latest § 104c grant date whose 18 months end on or before `horizon`.

    `add_months` clamps to the month's end (31 Aug + 18 months = 28 Feb), so a plain "minus 18
    months" would miss grants made on the last days of a month.
    """
    day = add_months(horizon, -CHANCENAUFENTHALT_MONTHS)
    while add_months(day + timedelta(days=1), CHANCENAUFENTHALT_MONTHS) <= horizon:
        day += timedelta(days=1)
    while add_months(day, CHANCENAUFENTHALT_MONTHS) > horizon:
        day -= timedelta(days=1)
    return day


Clause = tuple[str, list[object]]  # a WHERE clause and its bound parameters


@dataclass(frozen=True)
class Conditions:
    """The WHERE clauses of each deadline rule, for one horizon (overdue ones included)."""

    horizon: date

    def status_ends(self, c: str = "client") -> list[Clause]:
        """Residence status ending by the horizon: valid-until, or 18 months after § 104c grant."""
        grant = latest_grant_due(self.horizon).isoformat()
        chance = ResidenceStatus.CHANCENAUFENTHALT.value
        return [
            (
                f"{c}.status_valid_until <= ? AND {c}.residence_status IN ({_marks(_EXPIRING)})",
                [self.horizon.isoformat(), *_EXPIRING],
            ),
            (f"{c}.status_granted_on <= ? AND {c}.residence_status = ?", [grant, chance]),
        ]

    def plan_review(self, p: str = "plan") -> Clause:
        """Draft or agreed plans due for review by the horizon."""
        sql = f"{p}.review_on <= ? AND {p}.status IN ({_marks(_ACTIVE_PLANS)})"
        return sql, [self.horizon.isoformat(), *_ACTIVE_PLANS]

    def document_due(self, d: str = "document") -> list[Clause]:
        """Papers we hold that expire, and originals in custody over four weeks, by the horizon."""
        custody_since = (self.horizon - CUSTODY_LIMIT).isoformat()
        return [
            (
                f"{d}.expires_on <= ? AND {d}.status IN ({_marks(_PRESENT)})",
                [self.horizon.isoformat(), *_PRESENT],
            ),
            (f"{d}.held_since <= ? AND {d}.status = ?", [custody_since, _IN_CUSTODY]),
        ]

    def measure_due(self) -> Clause:
        """Open measures of live goals in active plans due by the horizon (aliases m, g, p)."""
        sql = (
            f"m.due_on <= ? AND m.status IN ({_marks(_OPEN_MEASURES)})"
            f" AND g.status <> ? AND p.status IN ({_marks(_ACTIVE_PLANS)})"
        )
        params = [self.horizon.isoformat(), *_OPEN_MEASURES, GoalStatus.DROPPED.value]
        return sql, [*params, *_ACTIVE_PLANS]


# The date index drives the search: without statistics, SQLite would pick the status index.
MEASURE_JOIN = (
    "measure m INDEXED BY measure_due"
    " JOIN goal g ON g.id = m.goal_id JOIN plan p ON p.id = g.plan_id"
)


def clients_with_deadlines(today: date, within_days: int, *, measures: bool = False) -> Clause:
    """A SELECT of client ids (open or closed, maybe repeated) with a deadline by the horizon.

    Overdue deadlines are included. Residence status (valid-until; § 104c end), review of a draft
    or agreed plan, expiry of a paper we hold, an original in custody over four weeks, and, with
    `measures`, an open measure of a live goal in an active plan.
    """
    rules = Conditions(today + timedelta(days=within_days))
    parts: list[Clause] = [
        *(_select("id FROM client", clause) for clause in rules.status_ends()),
        _select("client_id FROM plan", rules.plan_review()),
        *(_select("client_id FROM document", clause) for clause in rules.document_due()),
    ]
    if measures:
        parts.append(_select(f"p.client_id FROM {MEASURE_JOIN}", rules.measure_due()))
    # UNION ALL: IN (...) ignores repeats, and a plain UNION would sort every part to merge them.
    return " UNION ALL ".join(sql for sql, _ in parts), [p for _, ps in parts for p in ps]


def _select(what: str, clause: Clause) -> Clause:
    return f"SELECT {what} WHERE {clause[0]}", clause[1]


def has_deadline(c: str, today: date, within_days: int, *, measures: bool = False) -> Clause:
    """A condition on the client row aliased `c`: it has a deadline by the horizon.

    The same rules as `clients_with_deadlines` (measures due only with `measures`), as EXISTS
    probes per row: cheaper when a name search has already narrowed the clients down to a few.
    """
    rules = Conditions(today + timedelta(days=within_days))
    plan_sql, plan_params = rules.plan_review("plan")
    (expiry_sql, expiry_params), (custody_sql, custody_params) = rules.document_due("document")
    parts: list[Clause] = [
        *rules.status_ends(c),
        (f"EXISTS (SELECT 1 FROM plan WHERE plan.client_id = {c}.id AND {plan_sql})", plan_params),
        (
            f"EXISTS (SELECT 1 FROM document WHERE document.client_id = {c}.id"
            f" AND (({expiry_sql}) OR ({custody_sql})))",
            [*expiry_params, *custody_params],
        ),
    ]
    if measures:
        measure_sql, measure_params = rules.measure_due()
        parts.append(
            (f"EXISTS (SELECT 1 FROM {_measures_of(c)} AND {measure_sql})", measure_params)
        )
    return _any(parts)


def clients_with_open_measures() -> Clause:
    """A SELECT of client ids with a planned or in-progress measure in any of their plans."""
    sql = (
        f"SELECT p.client_id FROM measure m JOIN goal g ON g.id = m.goal_id"
        f" JOIN plan p ON p.id = g.plan_id WHERE m.status IN ({_marks(_OPEN_MEASURES)})"
    )
    return sql, list(_OPEN_MEASURES)


def has_open_measure(c: str) -> Clause:
    """`clients_with_open_measures` as an EXISTS probe on the client row aliased `c`."""
    sql = f"EXISTS (SELECT 1 FROM {_measures_of(c)} AND m.status IN ({_marks(_OPEN_MEASURES)}))"
    return sql, list(_OPEN_MEASURES)


def _measures_of(c: str) -> str:
    """From the client row aliased `c` to the measures of its plans (ends in a WHERE).

    CROSS JOIN keeps SQLite's loops in this order (plans of the client, their goals, their
    measures); it would otherwise scan every open measure for each client.
    """
    return (
        "plan p CROSS JOIN goal g ON g.plan_id = p.id CROSS JOIN measure m ON m.goal_id = g.id"
        f" WHERE p.client_id = {c}.id"
    )


def _any(parts: list[Clause]) -> Clause:
    sql = " OR ".join(f"({part})" for part, _ in parts)
    return f"({sql})", [p for _, params in parts for p in params]


@dataclass(frozen=True)
class DeadlineSources:
    """What can make a deadline by a horizon: open clients and only their rows that fall due.

    With measures, each plan, goal and measure a due measure hangs on is included, so
    `rules.deadlines_for` over these gives the same as over whole cases. Without, `goals` and
    `measures` are empty and `plans` holds only the plans due for review: the same as over whole
    cases, less every measure due.
    """

    clients: list[Client]  # only names, residence status and case dates: never save these
    plans: list[IntegrationPlan]
    goals: list[Goal]
    measures: list[Measure]  # only goal, title, status and due date: never save these
    documents: list[DocumentItem]


_OPEN = "IN (SELECT id FROM client WHERE closed_on IS NULL)"
# What the deadline rules (and a list of names) read of a client and of a measure. The whole
# records (thirty validated fields of a client; the measure table behind its date index) would
# cost most of the radar's time; `measure_due` covers exactly these measure fields.
_CLIENT_FIELDS = (
    "family_name",
    "given_names",
    "residence_status",
    "status_granted_on",
    "status_valid_until",
    "opened_on",
    "closed_on",
)
_MEASURE_FIELDS = ("goal_id", "title", "status", "due_on")


def _partial(spec: EntitySpec, row: Any, fields: tuple[str, ...]) -> Any:
    """An entity with only `fields` read (the others at their defaults): never to be saved."""
    codecs = spec.codecs
    return spec.cls(id=row["id"], **{f: codecs[f].decode(row[f]) for f in fields})


def deadline_sources(
    conn: Connection, today: date, within_days: int, *, measures: bool = False
) -> DeadlineSources:
    """What `rules.deadlines_for` needs for each open client with a deadline by the horizon.

    Without `measures` no measure or goal is read, and plans only for their review.
    """
    rules = Conditions(today + timedelta(days=within_days))
    ids_sql, ids_params = clients_with_deadlines(today, within_days, measures=measures)
    clients = conn.execute(
        f"SELECT id, {', '.join(_CLIENT_FIELDS)} FROM client"
        f" WHERE closed_on IS NULL AND id IN ({ids_sql}) ORDER BY id",
        ids_params,
    ).fetchall()
    review_sql, review_params = rules.plan_review()
    due_measures: list[Any] = []
    goals: list[Any] = []
    if measures:
        measure_sql, measure_params = rules.measure_due()
        due_measures = conn.execute(
            f"SELECT m.id, {', '.join('m.' + f for f in _MEASURE_FIELDS)} FROM {MEASURE_JOIN}"
            f" WHERE {measure_sql} AND p.client_id {_OPEN}",
            measure_params,
        ).fetchall()
        goals = _by_ids(conn, GOAL, {m["goal_id"] for m in due_measures})
        # The plans those goals belong to, due for review or not.
        review_sql = f"({review_sql}) OR id IN (SELECT value FROM json_each(?))"
        review_params = [*review_params, json.dumps(sorted({g["plan_id"] for g in goals}))]
    plans = conn.execute(
        f"SELECT * FROM plan WHERE ({review_sql}) AND client_id {_OPEN}", review_params
    ).fetchall()
    # Driven by the date indexes: SQLite would otherwise probe every open client's checklist.
    (expiry_sql, expiry_params), (custody_sql, custody_params) = rules.document_due()
    documents = conn.execute(
        f"SELECT * FROM document INDEXED BY document_expires WHERE {expiry_sql}"
        f" AND client_id {_OPEN} UNION"
        f" SELECT * FROM document INDEXED BY document_held WHERE {custody_sql}"
        f" AND client_id {_OPEN}",
        [*expiry_params, *custody_params],
    ).fetchall()
    return DeadlineSources(
        [_partial(CLIENT, r, _CLIENT_FIELDS) for r in clients],
        [PLAN.from_row(r) for r in plans],
        [GOAL.from_row(r) for r in goals],
        [_partial(MEASURE, r, _MEASURE_FIELDS) for r in due_measures],
        [DOCUMENT.from_row(r) for r in documents],
    )


def _by_ids(conn: Connection, spec: EntitySpec, ids: set[str]) -> list[Any]:
    return conn.execute(
        f"SELECT * FROM {spec.table} WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(ids)),),
    ).fetchall()
