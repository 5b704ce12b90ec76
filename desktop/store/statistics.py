"""The statistics of a period counted in SQL: GROUP BY over the tables, nothing read into Python
but the counts (no name, no id leaves this module).

The populations are those of `services/statistics.py` (see its docstring): cases open at the end
of the period (opened on or before it, not closed by then), new and closed within it; measures,
missing papers and support of the cases open at the end; appointments that start in the period.
A document kind is missing for a client when an item of it is missing, requested or expired
(expired: marked so, or present with an expiry date before the end) and no item of the same kind
is present and valid — the rule of `domain.rules.checklist_state`, written as SQL.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from desktop.domain.catalogues import DOCUMENT_PRESENT, DocumentStatus
from desktop.store.database import Connection


@dataclass(frozen=True)
class PeriodCounts:
    """Raw counts of one period, keyed by the stored values (catalogue values as text)."""

    open_at_end: int
    new: int
    closed: int
    residence: dict[str | None, int]  # residence status of open cases -> clients
    measures: dict[tuple[str, str], int]  # (field of action, measure status) -> measures
    documents_missing: dict[str, int]  # document kind -> open clients lacking it
    clients_missing_documents: int
    appointments: dict[str, int]  # appointment status -> appointments in the period
    support: dict[int, int]  # 0, 1, 2 (several) partner organisations -> open clients


# The open cases at the end of the period (one parameter, :end, an ISO day).
_OPEN = (
    "SELECT id FROM client WHERE (opened_on IS NULL OR opened_on <= :end)"
    " AND (closed_on IS NULL OR closed_on > :end)"
)
# The statuses are bound as JSON lists (:present, :wanted) and a value (:expired).
_PRESENT = "(SELECT value FROM json_each(:present))"
_EXPIRED = (
    f"(d.status = :expired OR (d.status IN {_PRESENT}"
    " AND d.expires_on IS NOT NULL AND d.expires_on < :end))"
)
_LACKING = f"""
WITH open_client AS ({_OPEN}),
per_kind AS (
    SELECT d.client_id, d.kind,
           max(d.status IN {_PRESENT} AND NOT {_EXPIRED}) AS have,
           max(d.status IN (SELECT value FROM json_each(:wanted)) OR {_EXPIRED}) AS wanted
    FROM document d JOIN open_client o ON o.id = d.client_id
    GROUP BY d.client_id, d.kind
),
lacking AS MATERIALIZED (SELECT client_id, kind FROM per_kind WHERE wanted AND NOT have)
SELECT kind, count(*) FROM lacking GROUP BY kind
UNION ALL
SELECT NULL, count(DISTINCT client_id) FROM lacking
"""
_STATUSES = {
    "present": json.dumps(sorted(s.value for s in DOCUMENT_PRESENT)),
    "wanted": json.dumps([DocumentStatus.MISSING.value, DocumentStatus.REQUESTED.value]),
    "expired": DocumentStatus.EXPIRED.value,
}
_MEASURES = f"""
WITH open_client AS ({_OPEN})
SELECT g.field_of_action, m.status, count(*)
FROM measure m
JOIN goal g ON g.id = m.goal_id
JOIN plan p ON p.id = g.plan_id
JOIN open_client o ON o.id = p.client_id
GROUP BY g.field_of_action, m.status
"""
_SUPPORT = f"""
WITH open_client AS ({_OPEN})
SELECT min(n, 2), count(*) FROM (
    SELECT (SELECT count(DISTINCT s.organisation_id) FROM support s
            WHERE s.client_id = o.id
              AND (s.since IS NULL OR s.since <= :end)
              AND (s.until IS NULL OR s.until >= :end)) AS n
    FROM open_client o
) GROUP BY min(n, 2)
"""


def period_counts(conn: Connection, start: date, end: date) -> PeriodCounts:
    """Every count of the statistics of the period from `start` to `end` (both included)."""
    days = {"start": start.isoformat(), "end": end.isoformat()}
    open_at_end, new, closed = conn.execute(
        "SELECT"
        f" (SELECT count(*) FROM ({_OPEN})),"
        " (SELECT count(*) FROM client WHERE opened_on BETWEEN :start AND :end),"
        " (SELECT count(*) FROM client WHERE closed_on BETWEEN :start AND :end)",
        days,
    ).fetchone()
    residence = conn.execute(
        f"SELECT residence_status, count(*) FROM client WHERE id IN ({_OPEN})"
        " GROUP BY residence_status",
        days,
    ).fetchall()
    measures = conn.execute(_MEASURES, days).fetchall()
    # One pass over the checklists: per kind, and (the row without a kind) clients lacking any.
    documents = conn.execute(_LACKING, {**days, **_STATUSES}).fetchall()
    lacking = [r for r in documents if r[0] is not None]
    incomplete = next(r[1] for r in documents if r[0] is None)
    first = datetime.combine(start, time.min).isoformat(timespec="minutes")
    after = datetime.combine(end + timedelta(days=1), time.min).isoformat(timespec="minutes")
    appointments = conn.execute(
        "SELECT a.status, count(*) FROM appointment a JOIN client c ON c.id = a.client_id"
        " WHERE a.starts_at >= ? AND a.starts_at < ? GROUP BY a.status",
        (first, after),
    ).fetchall()
    support = conn.execute(_SUPPORT, days).fetchall()
    return PeriodCounts(
        open_at_end=open_at_end,
        new=new,
        closed=closed,
        residence={r[0]: r[1] for r in residence},
        measures={(r[0], r[1]): r[2] for r in measures},
        documents_missing={r[0]: r[1] for r in lacking},
        clients_missing_documents=incomplete,
        appointments={r[0]: r[1] for r in appointments},
        support={r[0]: r[1] for r in support},
    )
