"""A person's access request (Art. 15 / Art. 20 DSGVO): a readable PDF and a JSON file beside it.

Shared by the window and the command line. Both files are built in memory first and each is
written atomically, so a failure leaves no half-written statement behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.domain.errors import InvalidInput
from desktop.domain.model import (
    Appointment,
    Client,
    DocumentItem,
    Household,
    IntegrationPlan,
    Note,
    Organisation,
    SupportLink,
)
from desktop.fsutil import atomic_write_bytes, atomic_write_text
from desktop.report.labels import LANGS as PRINT_LANGUAGES
from desktop.report.labels import SUPPORTED
from desktop.services import audit
from desktop.services.export import export_json_text

if TYPE_CHECKING:  # the layout (reportlab) loads with the first access request, not before
    from desktop.report.access_request import AccessData, AuditLine
from desktop.services.settings import load_settings
from desktop.store.store import Store

# German, then the print languages; "prs" (Dari) prints with the Persian texts
LANGUAGES = (*PRINT_LANGUAGES, *sorted(SUPPORTED - set(PRINT_LANGUAGES)))


@dataclass(frozen=True)
class AccessRequestFiles:
    """The two files handed to the person."""

    pdf: Path
    json: Path


def check_language(lang: str | None) -> str:
    """ "de" (also for None) or a print language (LANGUAGES); any other is InvalidInput."""
    code = (lang or "de").strip().lower()
    if code not in LANGUAGES:
        choice = ", ".join(LANGUAGES)
        raise InvalidInput(
            "language",
            f"'{lang}' is not a language of the access request; choose one of {choice}.",
            f"'{lang}' ist keine Sprache der Auskunft; möglich sind {choice}.",
        )
    return code


def json_path_for(pdf_path: Path) -> Path:
    """The JSON file written beside the PDF: the same name ending in .json."""
    return Path(pdf_path).with_suffix(".json")


def access_data(store: Store, client_id: str, lang: str = "de") -> AccessData:
    """Everything stored about the client, for the print; NotFound for an unknown id."""
    client = store.get(Client, client_id)
    plans = store.of_client(IntegrationPlan, client_id)
    goals = store.goals_of([p.id for p in plans])
    measures = store.measures_of([g.id for g in goals])
    documents = store.of_client(DocumentItem, client_id)
    appointments = store.of_client(Appointment, client_id)
    support = store.of_client(SupportLink, client_id)
    org_ids = (
        {m.organisation_id for m in measures}
        | {a.organisation_id for a in appointments}
        | {s.organisation_id for s in support}
    )
    organisations = {o.id: o for o in store.of_ids(Organisation, sorted(i for i in org_ids if i))}
    events = sorted(audit.trail(store, client_id=client_id), key=lambda e: (e.at, e.id))
    from desktop.report.access_request import AccessData

    return AccessData(
        client=client,
        household=store.find(Household, client.household_id) if client.household_id else None,
        plans=plans,
        goals=goals,
        measures=measures,
        documents=documents,
        attachments=store.attachments_of([d.id for d in documents]),
        appointments=appointments,
        notes=store.of_client(Note, client_id),
        support=support,
        organisations=organisations,
        audit=[_line(e, "en" if lang == "en" else "de") for e in events],
        office=load_settings(store).office_name,
    )


def _line(event: audit.AuditEvent, lang: str) -> AuditLine:
    who = audit.who_text(
        event.coordinator, event.own_device, event.colleague, event.device_id, lang
    )
    from desktop.report.access_request import AuditLine

    return AuditLine(event.at, who, audit.describe(event, lang))


def access_request_pdf(
    store: Store, client_id: str, lang: str = "de", today: date | None = None
) -> bytes:
    """The readable statement as PDF bytes in German or a print language (the frame only:
    values print as stored)."""
    code = check_language(lang)
    data = access_data(store, client_id, code)
    from desktop.report.access_request import render_access_request

    return render_access_request(data, lang=code, today=today or date.today())


def write_access_request(
    store: Store,
    client_id: str,
    pdf_path: Path,
    lang: str = "de",
    today: date | None = None,
) -> AccessRequestFiles:
    """Write the PDF and the JSON beside it (each atomically), then record the request in the
    audit trail. NotFound for an unknown client, InvalidInput for another language."""
    pdf_path = Path(pdf_path)
    files = AccessRequestFiles(pdf_path, json_path_for(pdf_path))
    pdf = access_request_pdf(store, client_id, lang, today)
    text = export_json_text(store, client_id)
    atomic_write_text(files.json, text)
    atomic_write_bytes(files.pdf, pdf)
    audit.record(store, "access_request", client_id)
    return files
