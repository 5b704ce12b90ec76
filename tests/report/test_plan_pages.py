"""How the printed plan falls onto pages: no heading left alone at the foot of a page."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from desktop.report.plan import render_plan
from desktop.report.progress import render_progress
from tests.report.conftest import sample_case

# a heading, and the text of the first thing that follows it in sample_case
HEADINGS = (
    ("Ziele und Maßnahmen", "Sprache"),
    ("Arbeit und Ausbildung", "Ziel: Anerkennung als Pflegefachkraft"),
    ("Ziel: Deutsch auf B1 bis Jahresende", "Maßnahme 1: Integrationskurs anmelden"),
    ("Ziel: Anerkennung als Pflegefachkraft", "Zeugnisse übersetzen lassen"),
    ("Bitte mitbringen", "Reisepass"),
    ("Nächste Termine", "Erstgespräch Jobcenter"),
    ("Unterschriften", "Ort, Datum"),
)


def first_page(pages: list[str], text: str) -> int:
    return next(number for number, page in enumerate(pages) if text in page)


# Each added measure pushes the sections below it down by one table row; over these ranges every
# heading of sample_case comes to the foot of page 1 once (German only: 18 measures left "Bitte
# mitbringen" alone there, as the issue reported; with the Arabic lines 8 measures did).
@pytest.mark.parametrize(
    ("lang", "measures"),
    [(None, n) for n in range(12, 24)] + [("ar", n) for n in range(3, 13)],
)
def test_every_heading_is_on_the_page_of_what_follows_it(lang, measures, today) -> None:
    pdf = render_plan(sample_case(measures), language=lang, office_name="Amt", today=today)
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    assert len(pages) >= 2
    for heading, first in HEADINGS:
        assert first_page(pages, heading) == first_page(pages, first), (heading, first)


PROGRESS_HEADINGS = (
    ("Noch offen", "Maßnahme 1: Integrationskurs anmelden"),
    ("Arbeit und Ausbildung", "Ziel: Anerkennung als Pflegefachkraft"),
    ("Ziel: Anerkennung als Pflegefachkraft", "Zeugnisse übersetzen lassen"),
    ("Erledigt im Zeitraum", "Zeugnisse übersetzen lassen"),
)


@pytest.mark.parametrize("measures", range(20, 32))
def test_the_progress_report_keeps_its_headings_with_what_follows(measures, today) -> None:
    pdf = render_progress(
        sample_case(measures),
        language=None,
        office_name="Amt",
        start=date(2026, 3, 1),
        end=date(2026, 5, 31),
        today=today,
    )
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    assert len(pages) >= 2
    for heading, first in PROGRESS_HEADINGS:
        assert first_page(pages, heading) == first_page(pages, first), (heading, first)
