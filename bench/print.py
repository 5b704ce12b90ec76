"""Printing benchmark: one plan in every print language, HarfBuzz shaping against the old
presentation-form path, progress report and slip (median of 20), a batch of 500 plans, font sizes.

    uv run --group bench python bench/print.py

Absolute times and peak memory are printed; nothing is asserted (budget: 300 ms for one plan).
The old path (arabic-reshaper + python-bidi, reportlab paragraphs) is kept here only, to measure
what HarfBuzz costs; arabic-reshaper is in the `bench` dependency group, not shipped.
"""

from __future__ import annotations

import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any
from unittest import mock
from xml.sax.saxutils import escape

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
from desktop.domain.texts import Texts
from desktop.report import layout, plan, shaping
from desktop.report.fonts import FONT_FILES, runs
from desktop.report.labels import LANGS
from desktop.report.phrasebook import shipped_book
from desktop.report.plan import render_plan
from desktop.report.progress import render_progress
from desktop.report.slip import render_slip
from desktop.services.workspace import CaseView

TODAY = date(2026, 3, 2)
BUDGET_MS = 300


BOOK = shipped_book()


def typical_case(n: int) -> CaseView:
    """A plan as printed on the sofa, built from the phrase book as the demo's are: 4 goals,
    12 measures (one of them free text with its own Arabic text), 3 papers missing, 3
    appointments."""
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
        Goal(plan.id, f, p.texts["de"], position=i, phrase_key=p.key)
        for i, f in enumerate(fields)
        for p in BOOK.phrases(f, "goal")[:1]
    ]
    measures = [
        Measure(
            g.id,
            p.texts["de"],
            responsible=Responsible.ORGANISATION,
            organisation_id=org.id,
            due_on=date(2026, 4, 1 + j),
            status=MeasureStatus.PLANNED,
            phrase_key=p.key,
            position=j,
        )
        for g in goals
        for j, p in enumerate(BOOK.phrases(g.field_of_action, "measure")[:3])
    ]
    measures[-1] = Measure(
        goals[-1].id,
        "Zur Zahnärztin Dr. Özdemir gehen",
        due_on=date(2026, 4, 9),
        texts=Texts({"ar": "الذهاب إلى طبيبة الأسنان د. أوزدمير"}),
        position=2,
    )
    visits = BOOK.phrases(FieldOfAction.WORK, "appointment")
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
                purpose=visits[d].texts["de"],
                purpose_key=visits[d].key,
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


@contextmanager
def old_path() -> Iterator[None]:
    """The print as it was before HarfBuzz: arabic-reshaper presentation forms, python-bidi
    visual order, reportlab paragraphs with font markup (the code of desktop/report before
    issue 15, kept here only)."""
    import arabic_reshaper
    from bidi.algorithm import get_display
    from reportlab.lib.enums import TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph

    reshaper = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False})

    def width(text: str, size: float, bold: bool = False) -> float:
        return sum(stringWidth(r.text, r.font, size) for r in runs(text, bold=bold))

    def shape(text: str, lang: str | None) -> str:
        if not text or not shaping.needs_bidi(text, lang):
            return text
        return str(get_display(reshaper.reshape(text)))

    def shape_lines(
        text: str, lang: str | None, size: float, max_width: float, bold: bool
    ) -> list[str]:
        lines: list[str] = []
        for part in text.splitlines() or [""]:
            line = ""
            for word in part.split(" "):
                candidate = f"{line} {word}" if line else word
                if line and width(reshaper.reshape(candidate), size, bold) > max_width:
                    lines.append(line)
                    line = word
                else:
                    line = candidate
            lines.append(line)
        return [shape(line, lang) for line in lines]

    def markup(text: str, bold: bool) -> str:
        return (
            "".join(f'<font name="{r.font}">{escape(r.text)}</font>' for r in runs(text, bold=bold))
            or "&nbsp;"
        )

    def para(
        text: str, st: Any, lang: str | None, avail: float, *, bold: bool | None = None
    ) -> Paragraph:
        bold = st.name in layout.BOLD_STYLES if bold is None else bold
        rtl = layout.labels.is_rtl(lang)
        if shaping.needs_bidi(text, lang):
            lines = shape_lines(text, lang if rtl else "ar", st.fontSize, avail - 1, bold)
            body = "<br/>".join(markup(line, bold) for line in lines)
        else:
            body = markup(text, bold)
        aligned = ParagraphStyle(st.name + "-a", parent=st, alignment=TA_RIGHT if rtl else TA_LEFT)
        return Paragraph(body, aligned)

    def draw_text(
        canvas: Any,
        x: float,
        y: float,
        text: str,
        size: float,
        *,
        right: bool = False,
        lang: str | None = None,
    ) -> None:
        text = shape(text, lang)
        start = x - width(text, size) if right else x
        for run in runs(text):
            canvas.setFont(run.font, size)
            canvas.drawString(start, y, run.text)
            start += canvas.stringWidth(run.text, run.font, size)

    with (
        mock.patch.object(layout, "para", para),
        mock.patch.object(plan, "para", para),
        mock.patch.object(layout, "draw_text", draw_text),
    ):
        yield


def plan_ms(case: CaseView, lang: str | None, *, cold: bool) -> float:
    """The median time of 20 renders of one plan; `cold` empties the shaping cache each time."""
    render_plan(case, language=lang, office_name="Welcome-Center", today=TODAY, book=BOOK)
    times = []
    for _ in range(20):
        if cold:
            shaping._shape_run.cache_clear()
        start = time.perf_counter()
        render_plan(case, language=lang, office_name="Welcome-Center", today=TODAY, book=BOOK)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def languages() -> None:
    """One plan in every print language: HarfBuzz (cold and warm cache) against the old path."""
    case = typical_case(0)
    try:
        import arabic_reshaper  # noqa: F401

        has_old = True
    except ImportError:
        has_old = False
        print("old path not measured: run with `uv run --group bench` (arabic-reshaper)")
    print("one plan (12 measures, 3 appointments), median of 20, per print language:")
    print(
        f"  {'lang':5} {'HarfBuzz cold':>14} {'HarfBuzz warm':>14} {'old path':>9} {'cold/old':>9}"
    )
    worst = 0.0
    for lang in LANGS:
        code = None if lang == "de" else lang
        cold = plan_ms(case, code, cold=True)
        warm = plan_ms(case, code, cold=False)
        worst = max(worst, cold)
        if has_old:
            with old_path():
                old = plan_ms(case, code, cold=False)
            print(f"  {lang:5} {cold:11.1f} ms {warm:11.1f} ms {old:6.1f} ms {cold / old:8.2f}x")
        else:
            print(f"  {lang:5} {cold:11.1f} ms {warm:11.1f} ms")
    print(f"  slowest plan {worst:.1f} ms (budget {BUDGET_MS} ms)")
    untranslated = {
        lang: len(plan.PlanLayout(case, lang, "", TODAY, BOOK).untranslated()) for lang in LANGS[1:]
    }
    print(f"  items without a text (of 19 printed): {untranslated}")
    shaping._shape_run.cache_clear()
    words = "نېټه تړون ګامونه ښځه ڕێگا کۆمەڵ " * 20
    start = time.perf_counter()
    for _ in range(200):
        shaping._shape_run.cache_clear()
        shaping.shape_lines(words, "ps", 9, 300)
    per_line = (time.perf_counter() - start) / 200 * 1000
    print(f"shaping 120 Pashto/Sorani words into lines (cold cache): {per_line:.2f} ms")
    sizes = {
        file: (ROOT / "resources" / "fonts" / file).stat().st_size for file in FONT_FILES.values()
    }
    for file, size in sizes.items():
        print(f"  font {file}: {size / 1024:.0f} KiB")
    print(f"shipped fonts: {sum(sizes.values()) / 2**20:.2f} MiB in {len(sizes)} files")


ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    languages()
    case = typical_case(0)
    render_plan(
        case, language="ar", office_name="Welcome-Center", today=TODAY, book=BOOK
    )  # fonts load once
    times = []
    for _ in range(20):
        start = time.perf_counter()
        render_plan(case, language="ar", office_name="Welcome-Center", today=TODAY, book=BOOK)
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
            book=BOOK,
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
            book=BOOK,
        )
    )
    print(f"one appointment slip (de+ti, 3 papers): median {slip:.1f} ms of 20")

    cases = [typical_case(n) for n in range(500)]
    start = time.perf_counter()
    size = sum(
        len(
            render_plan(
                c,
                language=("ar", "uk", "ti", None)[i % 4],
                office_name="WC",
                today=TODAY,
                book=BOOK,
            )
        )
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
