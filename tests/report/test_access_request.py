"""The access request PDF rendered from data in memory: pages, fonts, long notes, scripts, and
its frame in every print language."""

from __future__ import annotations

import io
import unicodedata
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.platypus import Table

from desktop.domain.catalogues import DocumentKind
from desktop.domain.dates import PartialDate
from desktop.domain.model import Attachment, Client, DocumentItem, Household, LanguageSkill, Note
from desktop.report import access_texts, labels, phrasebook
from desktop.report.access_request import (
    AccessData,
    AccessLayout,
    AuditLine,
    render_access_request,
)
from desktop.report.layout import TextBlock
from tests.report.glyphs import outside_fonts
from tests.report.test_plan_pdf import STANDARD_14, arabic_letters, fonts_of

TODAY = date(2026, 11, 21)
PERSIAN = "زهرا احمدی"


def sample() -> AccessData:
    client = Client(
        "Ahmadi",
        "Zahra",
        other_names=(PERSIAN,),
        birth_date=PartialDate.parse("1988"),
        retention_until=date(2030, 1, 31),
    )
    doc = DocumentItem(client.id, DocumentKind.BIRTH_CERTIFICATE)
    long_text = "\n".join(
        f"Absatz {i}: " + "Wohnung und Sprachkurs besprochen. " * 12 for i in range(60)
    )
    return AccessData(
        client=client,
        household=Household("Familie Ahmadi"),
        documents=[doc],
        attachments=[Attachment(doc.id, "geburtsurkunde.jpg", "image/jpeg", 123456, "a" * 64)],
        notes=[Note(client.id, date(2026, 5, 4), long_text + "\nLetzter Absatz.")],
        audit=[
            AuditLine(
                datetime(2026, 5, 4, 8, 15, tzinfo=UTC),
                "Anna (dieser Computer)",
                "Geändert: Anschrift",
            )
        ],
        office="Integrationsbüro Nord",
    )


def pages_of(data: bytes) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]


def test_a_long_note_breaks_across_pages_which_are_numbered() -> None:
    pages = pages_of(render_access_request(sample(), today=TODAY))

    total = len(pages)
    assert total >= 3
    for number, text in enumerate(pages, start=1):
        assert f"Seite {number} von {total}" in text
    first = next(i for i, t in enumerate(pages) if "Absatz 0:" in t)
    last = next(i for i, t in enumerate(pages) if "Letzter Absatz." in t)
    assert last > first


def test_partial_dates_scans_audit_and_the_closing_text() -> None:
    text = "\n".join(pages_of(render_access_request(sample(), today=TODAY)))

    for expected in (
        "Integrationsbüro Nord",
        "Auskunft über gespeicherte Daten (Art. 15 DSGVO)",
        "Geburtsdatum",
        "1988",
        "Familie Ahmadi",
        "Geburtsurkunde",
        "geburtsurkunde.jpg",
        "123.456 B",
        "als Kopie",
        "Geändert: Anschrift",
        "Anna (dieser Computer)",
        "Speicherdauer: bis 31.01.2030.",
        "Beratung und Unterstützung",
        "Berichtigung, Löschung und Einschränkung",
        "widersprechen",
        "Aufsichtsbehörde",
        "(JSON, Art. 20 DSGVO)",
    ):
        assert expected in text, expected


def test_fonts_are_embedded_and_persian_is_shaped() -> None:
    data = render_access_request(sample(), lang="en", today=TODAY)

    fonts = fonts_of(data)
    assert fonts
    for font in fonts:
        assert font["/BaseFont"].split("+")[-1].lstrip("/") not in STANDARD_14
        assert "/FontFile2" in font["/FontDescriptor"]
    text = unicodedata.normalize("NFKC", "\n".join(pages_of(data)))
    assert arabic_letters(PERSIAN) <= arabic_letters(text)
    assert "Page 1 of" in text and "Kept until" in text and "2030-01-31" in text


@pytest.mark.parametrize(
    ("lang", "shown"),
    [("de", "Arabisch (Muttersprache), Deutsch (A2)"), ("en", "Arabic (native), German (A2)"),
     ("ar", "Arabisch (Muttersprache), Deutsch (A2)")],  # other print languages: German values
)  # fmt: skip
def test_languages_print_with_their_level_in_the_statements_language(lang: str, shown: str) -> None:
    speaks = (LanguageSkill("ar", "native"), LanguageSkill("de", "A2"))
    data = AccessData(Client("Haddad", "Layla", languages=speaks))
    text = "\n".join(pages_of(render_access_request(data, lang=lang, today=TODAY)))
    assert shown in text


def test_an_empty_case_says_so_in_each_section() -> None:
    text = "\n".join(pages_of(render_access_request(AccessData(Client("Leer", "")), today=TODAY)))

    assert text.count("Keine Einträge.") == 7  # household to audit trail
    assert "solange die Beratung läuft" in text


# -- the statement in the print languages ----------------------------------------------------


@pytest.mark.parametrize("lang", ["ar", "ckb", "ti", "ru", "so"])
def test_a_statement_in_a_print_language_has_its_headings_with_the_german(lang: str) -> None:
    text = unicodedata.normalize(
        "NFKC", "\n".join(pages_of(render_access_request(sample(), lang=lang, today=TODAY)))
    )

    for key in ("title", "personal", "household", "documents", "notes", "audit", "about"):
        german, translated = access_texts.text(key, "de"), access_texts.text(key, lang)
        assert translated != german and translated != access_texts.text(key, "en")
        assert german in text, key  # a draft translation: the German heading beside it
        if labels.is_rtl(lang):
            assert arabic_letters(translated) <= arabic_letters(text), key
        else:  # a line is extracted in pieces where the font changes
            assert "".join(translated.split()) in "".join(text.split()), key
    assert "Seite 1 von" in text  # the footer in German too
    assert "Geburtsurkunde" in text and "31.01.2030" in text  # values as stored


def test_right_to_left_the_label_stands_right_of_its_value_and_is_right_aligned() -> None:
    def first_table(lang: str) -> Table:
        story = AccessLayout(sample(), lang, TODAY).story()
        return next(f for f in story if isinstance(f, Table))

    arabic, french = first_table("ar"), first_table("fr")
    label_ar, value_ar = arabic._cellvalues[0][1][0], arabic._cellvalues[0][0][0]
    assert isinstance(label_ar, TextBlock) and label_ar.right and value_ar.right
    label_fr = french._cellvalues[0][0][0]
    assert isinstance(label_fr, TextBlock) and not label_fr.right
    assert arabic._colWidths == french._colWidths[::-1]


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        render_access_request(sample(), lang="xx", today=TODAY)


@pytest.mark.parametrize("lang", labels.LANGS)
def test_every_text_of_the_statement_is_in_the_fonts(lang: str) -> None:
    texts = [access_texts.text(key, lang) for key in access_texts.all_keys()]
    assert len(texts) >= 80
    assert outside_fonts(texts, lang) == set()


@pytest.mark.parametrize("lang", phrasebook.TRANSLATED)
def test_every_text_of_the_statement_is_translated_and_only_english_is_reviewed(
    lang: str,
) -> None:
    for key in access_texts.all_keys():
        found = phrasebook.translation(f"frame.access.{key}", lang)
        assert found is not None and found.text.strip(), (lang, key)
        assert found.reviewed == (lang == "en"), (lang, key)


ACCESS_POT = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

#. Date
msgctxt "frame.access.date"
msgid "Datum"
msgstr ""

#. Person
msgctxt "frame.access.person"
msgid "Person"
msgstr ""
"""

ACCESS_PO = """\
msgid ""
msgstr ""
"Language: {lang}\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgctxt "frame.access.date"
msgid "Datum"
msgstr "{date}"
"""


def test_a_missing_translation_falls_back_to_english_then_german(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / phrasebook.TEMPLATE).write_text(ACCESS_POT, encoding="utf-8")
    (tmp_path / "en.po").write_text(ACCESS_PO.format(lang="en", date="Date"), encoding="utf-8")
    (tmp_path / "so.po").write_text(ACCESS_PO.format(lang="so", date=""), encoding="utf-8")
    monkeypatch.setattr(phrasebook, "_catalogue", phrasebook._Catalogue(tmp_path))

    assert access_texts.all_keys() == ["date", "person"]
    assert access_texts.text("date", "so") == "Date"
    assert access_texts.text("person", "so") == "Person"
    assert access_texts.text("date", "de") == "Datum"
    with pytest.raises(KeyError):
        access_texts.text("nothing", "so")
