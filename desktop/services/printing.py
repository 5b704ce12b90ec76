"""Printing a client's integration plan to PDF: the use case shared by the app and the CLI.

The page layouts (reportlab) load with the first print, not with the window.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.domain.errors import InvalidInput
from desktop.domain.model import Appointment, Client, DocumentItem, Organisation
from desktop.domain.rules import checklist_state
from desktop.fsutil import atomic_write_bytes
from desktop.report import labels
from desktop.services import audit
from desktop.services.phrases import phrase_book
from desktop.services.settings import load_settings
from desktop.services.workspace import load_case
from desktop.store.store import Store

if TYPE_CHECKING:  # the layouts (reportlab) load with the first print
    from desktop.report.plan import Untranslated


def check_language(language: str | None) -> str | None:
    """The print language (None for German only); an unsupported code is InvalidInput."""
    if language is None or language.strip().lower() in labels.SUPPORTED:
        return labels.normalise(language)
    codes = ", ".join(sorted(labels.SUPPORTED))
    raise InvalidInput(
        "language",
        f"'{language}' is not a print language; choose one of: {codes}.",
        f"'{language}' ist keine Drucksprache; möglich sind: {codes}.",
    )


def plan_pdf(
    store: Store, client_id: str, language: str | None, today: date | None = None
) -> bytes:
    """The client's integration plan as PDF bytes (for a preview, or to write)."""
    lang = check_language(language)
    view = load_case(store, client_id)
    from desktop.report.plan import render_plan

    return render_plan(
        view,
        language=lang,
        office_name=load_settings(store).office_name,
        today=today or date.today(),
        book=phrase_book(store, [lang] if lang else []),
    )


def print_plan(
    store: Store, client_id: str, out: Path, language: str | None = None, today: date | None = None
) -> Path:
    """Write the client's integration plan to `out` (atomically); returns `out`."""
    atomic_write_bytes(Path(out), plan_pdf(store, client_id, language, today))
    audit.record(store, "printed", client_id, what="integration plan")
    return Path(out)


def progress_report_pdf(
    store: Store,
    client_id: str,
    language: str | None,
    start: date,
    end: date,
    today: date | None = None,
) -> bytes:
    """The client's progress report over `start`..`end` as PDF bytes."""
    lang = check_language(language)
    if end < start:
        raise InvalidInput(
            "period",
            "The period ends before it starts.",
            "Der Zeitraum endet, bevor er beginnt.",
        )
    view = load_case(store, client_id)
    from desktop.report.progress import render_progress

    return render_progress(
        view,
        language=lang,
        office_name=load_settings(store).office_name,
        start=start,
        end=end,
        today=today or date.today(),
        book=phrase_book(store, [lang] if lang else []),
    )


def appointment_slip_pdf(
    store: Store, appointment_id: str, language: str | None, today: date | None = None
) -> bytes:
    """The slip for one appointment (one A6 page) as PDF bytes; "please bring" lists the
    client's still-missing documents. An unknown appointment is NotFound."""
    lang = check_language(language)
    appointment = store.get(Appointment, appointment_id)
    client = store.get(Client, appointment.client_id)
    day = today or date.today()
    organisation = (
        store.find(Organisation, appointment.organisation_id)
        if appointment.organisation_id
        else None
    )
    missing = checklist_state(store.of_client(DocumentItem, client.id), day).missing_kinds
    from desktop.report.slip import render_slip

    return render_slip(
        client,
        appointment,
        organisation.name if organisation else "",
        list(missing),
        language=lang,
        office_name=load_settings(store).office_name,
        today=day,
        book=phrase_book(store, [lang]) if lang else None,
    )


def print_languages() -> tuple[str, ...]:
    """The languages a print can show beside German (codes, sorted), for a choice in the UI."""
    return tuple(sorted(code for code in labels.SUPPORTED if code != "de"))


def untranslated_items(
    store: Store, client_id: str, language: str | None, today: date | None = None
) -> list[Untranslated]:
    """The items the client's plan prints without a text in `language`, in print order (goals,
    measures, appointment purposes: kind, id, German text, a text waiting for its language);
    none for a German-only print. Laid out, not rendered."""
    lang = check_language(language)
    if not lang or lang == "de":
        return []
    view = load_case(store, client_id)
    from desktop.report.plan import PlanLayout

    layout = PlanLayout(
        view,
        lang,
        load_settings(store).office_name,
        today or date.today(),
        phrase_book(store, [lang]),
    )
    return layout.untranslated()
