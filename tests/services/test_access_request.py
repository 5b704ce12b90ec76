"""The access request: a client with every kind of record, the PDF and the JSON beside it."""

from __future__ import annotations

import io
import json
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.domain.catalogues import (
    ConsentScope,
    DocumentKind,
    DocumentStatus,
    FieldOfAction,
    HouseholdRole,
    MeasureStatus,
    ResidenceStatus,
    Responsible,
)
from desktop.domain.dates import PartialDate
from desktop.domain.errors import InvalidInput, NotFound
from desktop.domain.model import (
    Appointment,
    Client,
    DocumentItem,
    Goal,
    Household,
    IntegrationPlan,
    Measure,
    Note,
    Organisation,
    SupportLink,
)
from desktop.report.access_texts import text as access_text
from desktop.services import casework
from desktop.services.access_request import (
    access_request_pdf,
    json_path_for,
    write_access_request,
)
from desktop.services.attachments import attach_file
from desktop.services.settings import Settings, save_settings
from desktop.store.store import Store
from tests.report.test_plan_pdf import arabic_letters

TODAY = date(2026, 11, 21)
OFFICE = "Welcome-Center Musterstadt"
ARABIC = "أمل حداد"
LONG_NOTE = " ".join(f"Satz {i}: Beratung zur Wohnungssuche und Kita-Platz." for i in range(400))


@dataclass(frozen=True)
class FullCase:
    """A client with every kind of record, and people whose data must not appear."""

    client: Client
    ids: dict[str, set[str]]
    outsiders: tuple[str, ...]


def full_case(store: Store, tmp_path: Path) -> FullCase:
    """Plan, goal, measure with an organisation, document with a scan, appointment, two notes
    (one longer than a page), a support link, a household with another member, consent, a
    closed case with a retention date, an alias and an Arabic spelling; and a second client."""
    save_settings(store, Settings(office_name=OFFICE))
    household = Household("Haushalt Haddad")
    org = Organisation("Sprachschule Nordlicht")
    helper = Organisation("Tafel Südstadt")
    client = Client(
        "Haddad",
        "Amal",
        file_number="AZ-2026/0815",
        other_names=("Hadad", ARABIC),
        birth_date=PartialDate.parse("1990-05"),
        nationality="SY",
        household_id=household.id,
        household_role=HouseholdRole.PARTNER,
        residence_status=ResidenceStatus.SUBSIDIARY,
        phone="0151 2345678",
        street="Lindenweg 7",
        postcode="12345",
        city="Musterstadt",
        consent_given_on=date(2026, 1, 10),
        consent_scope=(ConsentScope.STORE, ConsentScope.SHARE_PARTNERS),
        opened_on=date(2026, 1, 10),
        closed_on=date(2026, 10, 31),
        retention_until=date(2029, 12, 31),
    )
    member = Client("Haddad", "Karim", household_id=household.id)
    stranger = Client("Okonkwo", "Chidi", phone="0170 9999999")
    plan = IntegrationPlan(client.id, agreed_on=date(2026, 2, 20))
    goal = Goal(plan.id, FieldOfAction.LANGUAGE, "Deutsch auf B1 bis Jahresende")
    measure = Measure(
        goal.id,
        "Integrationskurs besuchen",
        responsible=Responsible.ORGANISATION,
        organisation_id=org.id,
        due_on=date(2026, 4, 15),
        status=MeasureStatus.IN_PROGRESS,
        outcome="Modul 3 bestanden",
    )
    doc = DocumentItem(
        client.id,
        DocumentKind.PASSPORT,
        status=DocumentStatus.COPY_ON_FILE,
        holder="Ausländerbehörde",
        expires_on=date(2031, 3, 3),
        note="Kopie beglaubigt",
    )
    appointment = Appointment(
        client.id, datetime(2026, 3, 10, 9, 30), place="Rathaus, Zimmer 12", purpose="Erstgespräch"
    )
    notes = [
        Note(client.id, date(2026, 2, 1), "Kurze Notiz zum Sprachkurs."),
        Note(client.id, date(2026, 3, 1), LONG_NOTE + " Ende der langen Notiz."),
    ]
    support = SupportLink(client.id, helper.id, purpose="Lebensmittel", since=date(2026, 2, 2))
    other_note = Note(stranger.id, date(2026, 2, 1), "Geheimnis von Chidi")
    casework.add(store, household, org, helper, client, member, stranger)
    casework.add(store, plan, goal, measure, doc, appointment, *notes, support, other_note)
    scan = tmp_path / "reisepass-scan.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    attachment = attach_file(store, doc.id, scan)
    ids = {
        "clients": {client.id},
        "households": {household.id},
        "plans": {plan.id},
        "goals": {goal.id},
        "measures": {measure.id},
        "documents": {doc.id},
        "attachments": {attachment.id},
        "appointments": {appointment.id},
        "notes": {n.id for n in notes},
        "organisations": {org.id, helper.id},
        "support": {support.id},
    }
    stored = store.get(Client, client.id)
    return FullCase(stored, ids, ("Karim", "Okonkwo", "Chidi", "Geheimnis"))


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_files_list_every_record_and_nothing_of_other_people(
    store: Store, tmp_path: Path
) -> None:
    case = full_case(store, tmp_path)
    target = tmp_path / "out" / "Auskunft.pdf"
    target.parent.mkdir()

    files = write_access_request(store, case.client.id, target, today=TODAY)

    assert files.pdf == target and files.json == tmp_path / "out" / "Auskunft.json"
    data = json.loads(files.json.read_text("utf-8"))
    for section, ids in case.ids.items():
        assert {o["id"] for o in data[section]} == ids, section
    json_text = files.json.read_text("utf-8")
    text = pdf_text(files.pdf.read_bytes())
    for outsider in case.outsiders:
        assert outsider not in json_text
        assert outsider not in text
    assert len(PdfReader(files.pdf).pages) >= 3


def test_the_pdf_shows_a_value_of_every_kind_of_record(store: Store, tmp_path: Path) -> None:
    case = full_case(store, tmp_path)
    text = pdf_text(access_request_pdf(store, case.client.id, "de", TODAY))

    for expected in (
        "Auskunft über gespeicherte Daten (Art. 15 DSGVO)",
        OFFICE,
        "21.11.2026",
        "Amal Haddad",
        "Hadad",
        "05.1990",  # the partial birth date as stored
        "Syrien",
        "Subsidiärer Schutz",
        "Lindenweg 7",
        "10.01.2026",
        "31.10.2026",
        "31.12.2029",
        "Haushalt Haddad",
        "Partner",
        "Deutsch auf B1 bis Jahresende",
        "Integrationskurs besuchen",
        "Sprachschule Nordlicht",
        "15.04.2026",
        "Modul 3 bestanden",
        "Reisepass",
        "Ausländerbehörde",
        "Kopie beglaubigt",
        "reisepass-scan.pdf",
        "Rathaus, Zimmer 12",
        "Kurze Notiz zum Sprachkurs.",
        "Ende der langen Notiz.",
        "Tafel Südstadt",
        "Lebensmittel",
        "Seite 1 von",
        "Aufsichtsbehörde",
        "JSON",
    ):
        assert expected in text, expected
    letters = {c for c in unicodedata.normalize("NFKC", text) if "\u0621" <= c <= "\u06ff"}
    assert set(ARABIC.replace(" ", "")) <= letters


def test_english_statement(store: Store, tmp_path: Path) -> None:
    case = full_case(store, tmp_path)
    text = pdf_text(access_request_pdf(store, case.client.id, "en", TODAY))

    assert "Information about stored data (Art. 15 GDPR)" in text
    assert "Page 1 of" in text and "Passport" in text and "2029-12-31" in text
    assert "Seite" not in text


def test_a_statement_in_russian_and_in_dari(store: Store, tmp_path: Path) -> None:
    case = full_case(store, tmp_path)
    russian = pdf_text(access_request_pdf(store, case.client.id, "ru", TODAY))
    assert "Персональные данные" in russian and "Persönliche Daten" in russian
    assert "Reisepass" in russian and "Seite 1 von" in russian  # values as stored, in German
    dari = pdf_text(access_request_pdf(store, case.client.id, "prs", TODAY))
    assert "Persönliche Daten" in dari and "Page 1 of" not in dari
    assert arabic_letters(access_text("personal", "fa")) <= arabic_letters(dari)


def test_unknown_client_and_language_are_refused_and_write_nothing(
    store: Store, tmp_path: Path
) -> None:
    case = full_case(store, tmp_path)
    with pytest.raises(NotFound):
        write_access_request(store, "no-such-id", tmp_path / "a.pdf")
    with pytest.raises(InvalidInput):
        write_access_request(store, case.client.id, tmp_path / "a.pdf", lang="xx")
    assert not (tmp_path / "a.pdf").exists() and not (tmp_path / "a.json").exists()


def test_json_path_is_beside_the_pdf() -> None:
    assert json_path_for(Path("/x/Auskunft-AZ.pdf")) == Path("/x/Auskunft-AZ.json")


def test_the_audit_trail_of_the_client_is_in_both_files(store: Store, tmp_path: Path) -> None:
    case = full_case(store, tmp_path)
    write_access_request(store, case.client.id, tmp_path / "first.pdf", today=TODAY)

    files = write_access_request(store, case.client.id, tmp_path / "second.pdf", today=TODAY)

    events = json.loads(files.json.read_text("utf-8"))["audit"]
    assert [e["action"] for e in events].count("access_request") == 1  # the first one
    assert "created" in {e["action"] for e in events}
    assert set(events[0]) == {"id", "at", "action", "client", "who", "device", "detail"}
    assert {e["client"] for e in events} == {case.client.id}
    assert events == sorted(events, key=lambda e: e["at"])
    text = pdf_text(files.pdf.read_bytes())
    assert "Auskunft erteilt" in text and "Fall angelegt" in text
    assert "dieser Computer" in text


def test_the_whole_file_export_has_the_whole_audit_trail(store: Store, tmp_path: Path) -> None:
    from desktop.services.export import export_document

    case = full_case(store, tmp_path)
    everything = export_document(store)["audit"]
    one = export_document(store, case.client.id)["audit"]
    assert one and {e["client"] for e in one} == {case.client.id}
    assert {e["id"] for e in one} < {e["id"] for e in everything}
