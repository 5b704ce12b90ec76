"""Printing a client's integration plan to PDF: the use case shared by the app and the CLI."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.domain.errors import InvalidInput
from desktop.report import labels
from desktop.report.plan import render_plan
from desktop.services.settings import load_settings
from desktop.services.workspace import load_case
from desktop.store.store import Store
from desktop.store.writes import atomic_write_bytes


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
    return render_plan(
        view,
        language=lang,
        office_name=load_settings(store).office_name,
        today=today or date.today(),
    )


def print_plan(
    store: Store, client_id: str, out: Path, language: str | None = None, today: date | None = None
) -> Path:
    """Write the client's integration plan to `out` (atomically); returns `out`."""
    atomic_write_bytes(Path(out), plan_pdf(store, client_id, language, today))
    return Path(out)
