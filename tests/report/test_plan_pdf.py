"""The printed integration plan, read back from real PDFs with pypdf."""

from __future__ import annotations

import dataclasses
import io
import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.domain.catalogues import DocumentKind, FieldOfAction, MeasureStatus, Responsible
from desktop.domain.errors import InvalidInput, NotFound
from desktop.domain.model import Client, Goal, IntegrationPlan, Measure
from desktop.report import labels, phrasebook
from desktop.report.plan import render_plan
from desktop.report.shaping import shape
from desktop.resources import resource_path
from desktop.services import casework, printing
from desktop.services.settings import Settings, save_settings
from tests.report.glyphs import outside_fonts

STANDARD_14 = {"Helvetica", "Times-Roman", "Courier", "Symbol", "ZapfDingbats"}
OFFICE = "Welcome-Center Musterstadt"


def render(case, lang, today, **kw) -> bytes:
    return render_plan(case, language=lang, office_name=kw.get("office", OFFICE), today=today)


def fonts_of(data: bytes) -> list[dict]:
    found = []
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if font.get("/Subtype") == "/Type0":
                font = font["/DescendantFonts"][0].get_object()
            found.append(font)
    return found


def arabic_letters(text: str) -> set[str]:
    return {c for c in unicodedata.normalize("NFKC", text) if "\u0621" <= c <= "\u06ff"}


def test_the_plan_shows_client_office_measures_and_the_sections(case, text_of, today):
    view = case(3)
    text = "\n".join(text_of(render(view, None, today)))

    for expected in (
        OFFICE,
        "Integrationsplan und Vereinbarung",
        "Amal Haddad",
        "AZ-2026/0815",
        "02.03.2026",
        "Vereinbart am",
        "20.02.2026",
        "20.08.2026",
        "Sprache",
        "Arbeit und Ausbildung",
        "Deutsch auf B1 bis Jahresende",
        "Zeugnisse übersetzen lassen",
        "Jobcenter Musterstadt",
        "Bis wann",
        "erledigt",
        "Bitte mitbringen",
        "Reisepass",
        "Geburtsurkunde",
        "Nächste Termine",
        "10.03.2026",
        "09:30",
        "Rathaus, Zimmer 12",
        "Erstgespräch Jobcenter",
        "Unterschriften",
        "Koordinator/in",
        "Ort, Datum",
        "Datenschutz",
        "Seite 1 von 1",
    ):
        assert expected in text, expected
    for m in view.measures:
        assert m.title in text
    assert "Aufenthaltstitel" not in text  # seen, so not asked for again
    assert "Vergangen" not in text  # past appointments are not printed


@pytest.mark.parametrize("lang", ["en", "fr", "tr", "uk"])
def test_a_bilingual_print_carries_the_german_and_the_client_language(lang, case, text_of, today):
    view = case(2, {0: "client wording " + lang}, text_lang=lang)
    pages = text_of(render(view, lang, today))
    text = "\n".join(pages)

    for key in (
        "title",
        "file_number",
        "goals",
        "please_bring",
        "appointments",
        "signatures",
        "place_date",
        "agreement",
    ):
        assert labels.text(key, "de") in text
        assert labels.text(key, lang) in text, (lang, key)
    assert labels.label(FieldOfAction.WORK, lang) in text
    assert labels.label(DocumentKind.PASSPORT, lang) in text
    assert labels.label(MeasureStatus.DONE, lang) in text
    assert labels.label(Responsible.COORDINATOR, lang) in text
    assert labels.text("page", lang).format(page=1, pages=len(pages)) in text
    assert "client wording " + lang in text


@pytest.mark.parametrize("lang", ["ar", "fa", "ps"])
def test_arabic_script_prints_carry_the_letters_of_their_labels(lang, case, text_of, today):
    view = case(2, {0: "التسجيل في دورة الاندماج"}, text_lang=lang)
    text = "\n".join(text_of(render(view, lang, today)))

    assert "Integrationsplan und Vereinbarung" in text
    for key in ("title", "please_bring", "signatures", "privacy"):
        assert arabic_letters(labels.text(key, lang)) <= arabic_letters(text), key
    assert arabic_letters("التسجيل في دورة الاندماج") <= arabic_letters(text)


def test_shaping_reorders_arabic_and_leaves_other_scripts_alone() -> None:
    line = shape("خطة الاندماج", "ar")
    first_word = shape("خطة", "ar").runs[0].glyphs
    assert line.runs[-1].glyphs[-len(first_word) :] == first_word  # the first word is rightmost
    assert "".join(r.text for r in shape("План інтеграції", "uk").runs) == "План інтеграції"
    assert "".join(r.text for r in shape("Deutsch", None).runs) == "Deutsch"


@pytest.mark.parametrize("lang", ["de", "ar", "ti", "uk"])
def test_every_font_is_embedded_and_none_is_a_standard_font(lang, case, today):
    fonts = fonts_of(render(case(2), lang, today))

    assert fonts
    for font in fonts:
        assert "/FontFile2" in font["/FontDescriptor"], font["/BaseFont"]
        assert not any(std in font["/BaseFont"] for std in STANDARD_14), font["/BaseFont"]


@pytest.mark.parametrize("lang", ["ar", "fa", "ps", "ti"])
def test_no_shaped_text_falls_outside_its_font(lang) -> None:
    frame = [k for k in phrasebook.entries() if k.startswith(("frame.", "label."))]
    texts = [phrasebook.text(k, lang) or phrasebook.text(k, "de") or "" for k in frame]
    texts.append(labels.text("page", lang).format(page=12, pages=13))
    assert outside_fonts(texts, lang) == set()


def test_forty_measures_flow_onto_pages_that_each_repeat_the_table_header(case, text_of, today):
    pages = text_of(render(case(40), "uk", today))

    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert f"Seite {number} von {len(pages)}" in page
        assert f"Сторінка {number} з {len(pages)}" in page
        if "Maßnahme" in page:
            assert "Bis wann" in page and "До коли" in page, number
    assert "Maßnahme 40: Integrationskurs anmelden" in "\n".join(pages)


def test_an_empty_plan_prints_one_sensible_page(empty, text_of, today):
    data = render(empty(), "fr", today, office="")
    pages = text_of(data)

    assert len(pages) == 1
    for expected in (
        "Lina Leer",
        "Noch keine Ziele vereinbart.",
        "Aucun objectif",
        "Es fehlen keine Unterlagen.",
        "Keine Termine geplant.",
        "Unterschriften",
        "Seite 1 von 1",
        "Page 1 sur 1",
    ):
        assert expected in pages[0], expected


def test_dari_prints_with_the_persian_texts_and_unknown_codes_are_refused(case, text_of, today):
    text = "\n".join(text_of(render(case(1), "prs", today)))
    assert arabic_letters(labels.text("title", "fa")) <= arabic_letters(text)
    with pytest.raises(ValueError):
        render(case(1), "xx", today)


# -- the printing service over a real case file --------------------------------------------------


def test_print_plan_writes_the_pdf_with_the_office_name_from_the_settings(store, tmp_path, today):
    client = Client("Yilmaz", "Deniz", file_number="AZ-7")
    plan = IntegrationPlan(client.id)
    goal = Goal(plan.id, FieldOfAction.HOUSING, "Eigene Wohnung finden")
    casework.add(store, client, plan, goal, Measure(goal.id, "Wohnberechtigungsschein beantragen"))
    save_settings(store, Settings(office_name="Integrationsbüro Nordstadt"))

    out = printing.print_plan(store, client.id, tmp_path / "plan.pdf", "tr", today)

    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    for expected in (
        "Integrationsbüro Nordstadt",
        "Deniz Yilmaz",
        "Eigene Wohnung finden",
        "Wohnberechtigungsschein beantragen",
        "Konut",
        "Entegrasyon planı",
    ):
        assert expected in text
    assert printing.plan_pdf(store, client.id, None, today).startswith(b"%PDF")


def test_print_plan_refuses_an_unknown_language_or_client_and_writes_nothing(store, tmp_path):
    client = Client("Yilmaz", "Deniz")
    casework.add(store, client)
    out = tmp_path / "plan.pdf"

    with pytest.raises(InvalidInput) as refused:
        printing.print_plan(store, client.id, out, "xx")
    assert refused.value.field == "language" and "ar" in refused.value.en
    with pytest.raises(NotFound):
        printing.print_plan(store, "no-such-id", out, "ar")
    assert not out.exists()
    assert list(Path(tmp_path).glob("*.pdf")) == []


def test_the_report_package_knows_only_the_domain() -> None:
    import re

    package = Path(resource_path()).parent / "desktop" / "report"
    for path in package.glob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            found = re.match(r"^\s*(?:from|import) (desktop\.\w+|PySide6|sqlcipher3)", line)
            if found:
                assert found.group(1) in {
                    "desktop.domain",
                    "desktop.report",
                    "desktop.resources",
                }, (path.name, line)


def with_interpreter(view, code: str):
    """`view` with `code` as the interpreter language of its next appointment."""
    upcoming = view.appointments[0]
    view.appointments[0] = dataclasses.replace(upcoming, interpreter_language=code)
    return view


@pytest.mark.parametrize(
    ("lang", "code", "client_words"),
    [
        ("ru", "ru", ["Переводчик", "русский"]),
        ("uk", "uk", ["Перекладач", "українська"]),
        ("en", "kmr", ["Interpreter", "Kurdish (Kurmanji)"]),
        ("so", "so", ["Turjumaan", "Soomaali"]),
    ],
)
def test_an_appointment_names_its_interpreter_language_in_german_and_the_print_language(
    lang, code, client_words, case, text_of, today
):
    pages = text_of(render(with_interpreter(case(3), code), lang, today))
    text = " ".join(" ".join(pages).split())  # a name may wrap in the narrow column
    german = labels.language(code, "de")
    assert f"{labels.text('interpreter', 'de')}: {german}" in text
    assert labels.language(code, lang) in text
    for word in client_words:
        assert word in text, word
    assert re.search(rf"(?<![A-Za-z]){code}(?![A-Za-z])", text) is None  # never the bare code


def test_an_arabic_print_names_the_interpreter_language_in_arabic_letters(case, text_of, today):
    text = "\n".join(text_of(render(with_interpreter(case(3), "ar"), "ar", today)))
    assert "Dolmetschung: Arabisch" in text
    assert arabic_letters(labels.language("ar", "ar")) <= arabic_letters(text)


def test_an_appointment_without_an_interpreter_prints_no_interpreter_line(case, text_of, today):
    text = "\n".join(text_of(render(case(3), "en", today)))
    assert "Dolmetschung" not in text and "Interpreter" not in text
