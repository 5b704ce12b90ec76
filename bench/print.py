"""Printing benchmark: one plan, progress report and slip (median of 20), a batch of 500 plans.

    uv run python bench/print.py

Absolute times and peak memory are printed; nothing is asserted (budget: 300 ms for one plan).
"""

from __future__ import annotations

import resource
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.domain.catalogues import DocumentKind, FieldOfAction, MeasureStatus, Responsible
from desktop.domain.model import (
    Appointment,
    Client,
    DocumentItem,
    Goal,
    IntegrationPlan,
    Measure,
    Organisation,
)
from desktop.report.plan import render_plan
from desktop.report.progress import render_progress
from desktop.report.slip import render_slip
from desktop.services.workspace import CaseView

TODAY = date(2026, 3, 2)
BUDGET_MS = 300


def typical_case(n: int) -> CaseView:
    """A plan as printed on the sofa: 4 goals, 12 measures, 3 papers missing, 3 appointments."""
    client = Client(f"Haddad {n}", "Amal", file_number=f"AZ-2026/{n:04d}")
    org = Organisation("Jobcenter Musterstadt")
    plan = IntegrationPlan(client.id, agreed_on=date(2026, 2, 20), review_on=date(2026, 8, 20))
    fields = (
        FieldOfAction.LANGUAGE,
        FieldOfAction.WORK,
        FieldOfAction.HOUSING,
        FieldOfAction.HEALTH,
    )
    goals = [
        Goal(plan.id, f, f"Ziel im Bereich {f.label('de')}", position=i)
        for i, f in enumerate(fields)
    ]
    measures = [
        Measure(
            g.id,
            f"Schritt {j + 1} zu {g.title}",
            responsible=Responsible.ORGANISATION,
            organisation_id=org.id,
            due_on=date(2026, 4, 1 + j),
            status=MeasureStatus.PLANNED,
            client_text="التسجيل في دورة الاندماج",
            position=j,
        )
        for g in goals
        for j in range(3)
    ]
    kinds = (DocumentKind.PASSPORT, DocumentKind.BIRTH_CERTIFICATE, DocumentKind.TAX_ID)
    return CaseView(
        client=client,
        plans=[plan],
        goals=goals,
        measures=measures,
        documents=[DocumentItem(client.id, k) for k in kinds],
        appointments=[
            Appointment(
                client.id,
                datetime(2026, 3, 10 + d, 9, 30),
                place="Rathaus",
                organisation_id=org.id,
                purpose="Beratung",
            )
            for d in range(3)
        ],
        organisations={org.id: org},
    )


def median_ms(render: Callable[[], bytes]) -> float:
    """The median time of 20 renders, after one to load the fonts."""
    render()
    times = []
    for _ in range(20):
        start = time.perf_counter()
        render()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    case = typical_case(0)
    render_plan(case, language="ar", office_name="Welcome-Center", today=TODAY)  # fonts load once
    times = []
    for _ in range(20):
        start = time.perf_counter()
        render_plan(case, language="ar", office_name="Welcome-Center", today=TODAY)
        times.append(time.perf_counter() - start)
    one = statistics.median(times) * 1000
    print(f"one plan (de+ar, 12 measures): median {one:.1f} ms of 20 (budget {BUDGET_MS} ms)")

    report = median_ms(
        lambda: render_progress(
            case,
            language="ar",
            office_name="Welcome-Center",
            start=date(2026, 3, 1),
            end=date(2026, 5, 31),
            today=TODAY,
        )
    )
    print(f"one progress report (de+ar, 12 measures): median {report:.1f} ms of 20")
    kinds = [d.kind for d in case.documents]
    slip = median_ms(
        lambda: render_slip(
            case.client,
            case.appointments[0],
            "Jobcenter Musterstadt",
            kinds,
            language="ti",
            office_name="Welcome-Center",
            today=TODAY,
        )
    )
    print(f"one appointment slip (de+ti, 3 papers): median {slip:.1f} ms of 20")

    cases = [typical_case(n) for n in range(500)]
    start = time.perf_counter()
    size = sum(
        len(render_plan(c, language=("ar", "uk", "ti", None)[i % 4], office_name="WC", today=TODAY))
        for i, c in enumerate(cases)
    )
    batch = time.perf_counter() - start
    print(
        f"500 plans (de+ar/uk/ti/de): {batch:.2f} s, {batch / 500 * 1000:.1f} ms each, "
        f"{size / 1e6:.1f} MB of PDF"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak memory (ru_maxrss): {peak / 1024:.0f} MB")


if __name__ == "__main__":
    main()
