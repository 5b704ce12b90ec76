"""The access request PDF rendered from data in memory: pages, fonts, long notes, scripts."""

from __future__ import annotations

import io
import unicodedata
from datetime import UTC, date, datetime

from pypdf import PdfReader

from desktop.domain.catalogues import DocumentKind
from desktop.domain.dates import PartialDate
from desktop.domain.model import Attachment, Client, DocumentItem, Household, Note
from desktop.report.access_request import AccessData, AuditLine, render_access_request
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


def test_an_empty_case_says_so_in_each_section() -> None:
    text = "\n".join(pages_of(render_access_request(AccessData(Client("Leer", "")), today=TODAY)))

    assert text.count("Keine Einträge.") == 7  # household to audit trail
    assert "solange die Beratung läuft" in text
