"""The progress report and the appointment slip, read back from real PDFs with pypdf."""

from __future__ import annotations

import io
import re
from datetime import date, datetime

import pytest
from pypdf import PdfReader

from desktop.domain.catalogues import DocumentKind, FieldOfAction, GoalStatus, MeasureStatus
from desktop.domain.errors import InvalidInput, NotFound
from desktop.domain.model import (
    Appointment,
    Client,
    DocumentItem,
    Goal,
    IntegrationPlan,
    Measure,
    Organisation,
)
from desktop.domain.places import LANGUAGES
from desktop.report import labels
from desktop.report.progress import render_progress
from desktop.report.slip import render_slip
from desktop.services import casework, printing
from desktop.services.settings import Settings, save_settings
from tests.report.glyphs import outside_fonts
from tests.report.test_plan_pdf import OFFICE, STANDARD_14, arabic_letters, fonts_of

START, END = date(2026, 3, 1), date(2026, 5, 31)


def progress(view, lang, today) -> bytes:
    return render_progress(
        view, language=lang, office_name=OFFICE, start=START, end=END, today=today
    )


def dated_case(case):
    """The sample case plus a done measure outside the period, a dropped one and a reached goal."""
    view = case(2)
    work = view.goals[1]
    view.goals[1] = Goal(
        work.plan_id,
        work.field_of_action,
        work.title,
        id=work.id,
        status=GoalStatus.REACHED,
        position=1,
    )
    view.measures.append(
        Measure(
            work.id,
            "Alter Sprachkurs abgeschlossen",
            due_on=date(2025, 11, 1),
            status=MeasureStatus.DONE,
        )
    )
    view.measures.append(
        Measure(
            work.id, "Praktikum im Altenheim", due_on=date(2026, 4, 2), status=MeasureStatus.DROPPED
        )
    )
    return view


def slip(lang, kinds=(DocumentKind.PASSPORT, DocumentKind.BIRTH_CERTIFICATE), **kw) -> bytes:
    client = Client("Haddad", "Amal")
    appointment = Appointment(
        client.id,
        datetime(2026, 3, 10, 9, 30),
        place="Rathaus, Zimmer 12",
        purpose="Erstgespräch Jobcenter",
        interpreter_language=kw.get("interpreter", ""),
    )
    return render_slip(
        client,
        appointment,
        "Jobcenter Musterstadt",
        list(kinds),
        language=lang,
        office_name=OFFICE,
        today=date(2026, 3, 2),
    )


def test_progress_lists_done_in_period_and_open_but_not_outside_the_period(case, text_of, today):
    pages = text_of(progress(dated_case(case), None, today))
    text = "\n".join(pages)

    for expected in (
        OFFICE,
        "Fortschrittsbericht",
        "Amal Haddad",
        "AZ-2026/0815",
        "01.03.2026 – 31.05.2026",
        "Erledigt im Zeitraum",
        "Zeugnisse übersetzen lassen",
        "Noch offen",
        "Maßnahme 1: Integrationskurs anmelden",
        "Entfallen",
        "Praktikum im Altenheim",
        "✓",
        "erreicht",
        "1 von 3 Maßnahmen erledigt, 1 von 2 Zielen erreicht",
        "Datenschutz",
        "Seite 1 von 1",
    ):
        assert expected in text, expected
    assert "Alter Sprachkurs abgeschlossen" not in text


def test_a_period_without_that_measure_leaves_it_out(case, text_of, today):
    text = "\n".join(
        text_of(
            render_progress(
                case(1),
                language=None,
                office_name="",
                start=date(2026, 6, 1),
                end=date(2026, 6, 30),
                today=today,
            )
        )
    )
    assert "Zeugnisse übersetzen lassen" not in text  # done, due 15.05.
    assert "Maßnahme 1: Integrationskurs anmelden" in text  # open is open in any period


def test_progress_is_bilingual_in_ukrainian(case, text_of, today):
    text = "\n".join(text_of(progress(dated_case(case), "uk", today)))
    for key in ("progress_title", "period", "done_in_period", "still_open", "privacy"):
        assert labels.text(key, "de") in text and labels.text(key, "uk") in text, key
    assert labels.label(GoalStatus.REACHED, "uk") in text
    assert labels.label(FieldOfAction.WORK, "uk") in text
    assert "Сторінка 1 з 1" in text


def test_progress_in_arabic_carries_the_arabic_letters(case, text_of, today):
    text = "\n".join(text_of(progress(dated_case(case), "ar", today)))
    assert "Amal Haddad" in text and "Fortschrittsbericht" in text
    for key in ("progress_title", "done_in_period", "still_open", "privacy"):
        assert arabic_letters(labels.text(key, "ar")) <= arabic_letters(text), key


def test_an_empty_case_prints_a_sensible_progress_report(empty, text_of, today):
    pages = text_of(progress(empty(), "fr", today))
    assert len(pages) == 1
    for expected in (
        "Lina Leer",
        "0 von 0 Maßnahmen erledigt",
        "Noch keine Ziele",
        "Aucun objectif",
    ):
        assert expected in pages[0], expected


def test_the_slip_is_one_a6_page_with_the_appointment_in_both_languages(text_of):
    data = slip("uk", interpreter="uk")
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 298) < 1 and abs(float(box.height) - 420) < 1
    text = reader.pages[0].extract_text()
    for expected in (
        OFFICE,
        "Termin",
        "Зустріч",
        "Amal Haddad",
        "Dienstag, 10.03.2026",
        "вівторок, 10.03.2026",
        "09:30",
        "Rathaus, Zimmer 12",
        "Jobcenter Musterstadt",
        "Erstgespräch Jobcenter",
        "Dolmetschung",
        "Перекладач",
        "Bitte mitbringen",
        "Будь ласка, принесіть",
        "Reisepass",
        "Паспорт",
        "Geburtsurkunde",
    ):
        assert expected in text, expected


def test_a_slip_in_arabic_and_one_with_nothing_to_bring(text_of):
    text = text_of(slip("ar"))[0]
    assert "Amal Haddad" in text
    for key in ("slip_title", "please_bring", "place"):
        assert arabic_letters(labels.text(key, "ar")) <= arabic_letters(text), key
    assert arabic_letters(labels.weekday(date(2026, 3, 10), "ar")) <= arabic_letters(text)
    assert "Es fehlen keine Unterlagen." in text_of(slip(None, kinds=()))[0]


def test_a_slip_with_every_document_missing_still_fits_one_page() -> None:
    data = slip("ti", kinds=list(DocumentKind))
    assert len(PdfReader(io.BytesIO(data)).pages) == 1


@pytest.mark.parametrize("lang", ["ar", "ti", "uk"])
def test_progress_and_slip_embed_every_font_and_no_standard_one(lang, case, today):
    for data in (progress(dated_case(case), lang, today), slip(lang)):
        fonts = fonts_of(data)
        assert fonts
        for font in fonts:
            assert "/FontFile2" in font["/FontDescriptor"], font["/BaseFont"]
            assert not any(std in font["/BaseFont"] for std in STANDARD_14), font["/BaseFont"]


@pytest.mark.parametrize("lang", ["ar", "fa", "ps", "ti", "uk"])
def test_the_new_texts_and_weekdays_fall_inside_their_fonts(lang) -> None:
    keys = (
        "progress_title",
        "period",
        "done_in_period",
        "still_open",
        "dropped_in_period",
        "slip_title",
        "interpreter",
    )
    texts = [labels.text(key, lang) for key in keys]
    texts.append(labels.text("summary", lang).format(done=1, total=2, reached=3, goals=4))
    texts += [labels.weekday(date(2026, 3, d), lang) for d in range(2, 9)]
    texts += [labels.label(s, lang) for s in GoalStatus]
    assert outside_fonts(texts, lang) == set()


# -- the printing service over a real case file --------------------------------------------------


def test_the_services_print_progress_and_slip_from_the_case_file(store, today):
    client = Client("Yilmaz", "Deniz", file_number="AZ-7")
    plan = IntegrationPlan(client.id)
    goal = Goal(plan.id, FieldOfAction.HOUSING, "Eigene Wohnung finden")
    org = Organisation("Wohnungsamt")
    appointment = Appointment(
        client.id,
        datetime(2026, 3, 12, 14, 0),
        organisation_id=org.id,
        place="Amt, Raum 3",
        purpose="Wohnberechtigung",
    )
    casework.add(
        store,
        client,
        plan,
        goal,
        org,
        appointment,
        Measure(goal.id, "WBS beantragen", due_on=date(2026, 3, 20), status=MeasureStatus.DONE),
        DocumentItem(client.id, DocumentKind.RENTAL_CONTRACT),
    )
    save_settings(store, Settings(office_name="Integrationsbüro Nordstadt"))

    report = printing.progress_report_pdf(store, client.id, "tr", START, END, today)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(report)).pages)
    for expected in (
        "Integrationsbüro Nordstadt",
        "Deniz Yilmaz",
        "WBS beantragen",
        "İlerleme raporu",
    ):
        assert expected in text, expected

    data = printing.appointment_slip_pdf(store, appointment.id, "tr", today)
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    for expected in (
        "Deniz Yilmaz",
        "Wohnungsamt",
        "Amt, Raum 3",
        "Donnerstag, 12.03.2026",
        "Perşembe",
        "Mietvertrag",
        "Kira sözleşmesi",
    ):
        assert expected in text, expected
    assert printing.appointment_slip_pdf(store, appointment.id, None).startswith(b"%PDF")


def test_the_services_refuse_unknown_ids_and_languages(store, today):
    client = Client("Yilmaz", "Deniz")
    appointment = Appointment(client.id, datetime(2026, 3, 12, 14, 0))
    casework.add(store, client, appointment)

    with pytest.raises(NotFound):
        printing.appointment_slip_pdf(store, "no-such-id", "ar", today)
    with pytest.raises(InvalidInput) as refused:
        printing.appointment_slip_pdf(store, appointment.id, "xx", today)
    assert refused.value.field == "language"
    with pytest.raises(InvalidInput):
        printing.progress_report_pdf(store, client.id, "xx", START, END, today)
    with pytest.raises(InvalidInput):
        printing.progress_report_pdf(store, client.id, None, END, START, today)
    with pytest.raises(NotFound):
        printing.progress_report_pdf(store, "no-such-id", None, START, END, today)


def test_the_slip_names_the_interpreter_language_in_german_and_the_print_language(text_of):
    text = text_of(slip("fa", interpreter="ar"))[0]
    assert "Arabisch" in text
    farsi = labels.language("ar", "fa")
    assert farsi != "Arabisch" and arabic_letters(farsi)
    assert arabic_letters(farsi) <= arabic_letters(text)
    assert re.search(r"(?<![A-Za-z])ar(?![A-Za-z])", text) is None  # no bare code
    german = text_of(slip(None, interpreter="ar"))[0]
    assert "Arabisch" in german
    assert re.search(r"(?<![A-Za-z])ar(?![A-Za-z])", german) is None


def test_every_language_has_a_name_in_german_and_every_print_language() -> None:
    for code, (german, _english) in LANGUAGES.items():
        assert labels.language(code, "de") == german, code
        for lang in labels.LANGS[1:]:
            assert labels.language(code, lang) not in ("", code), (code, lang)
    assert labels.language("AR", "fa") == labels.language("ar", "fa")  # any form of the code
    assert labels.language("prs", "de") == "Dari"
    assert labels.language("xx-unknown", "fa") == "xx-unknown"  # an unknown code prints as is
