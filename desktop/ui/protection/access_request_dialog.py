"""Answering a data access request from the window: the open client's PDF and JSON."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from desktop.domain.model import Client
from desktop.services.access_request import write_access_request
from desktop.ui.widgets.worker import run_with_progress

if TYPE_CHECKING:
    from desktop.ui.shell.main_window import MainWindow

CONTEXT = "AccessRequest"
MESSAGE_MS = 30_000


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def statement_language(client: Client) -> str:
    """English if the client's first language is English, else German (the office's language)."""
    first = client.languages[0].code if client.languages else "de"
    return "en" if first == "en" else "de"


def suggested_name(client: Client, today: date) -> str:
    """ "Auskunft-<file number or family name>-<YYYY-MM-DD>.pdf", safe as a file name."""
    label = client.file_number or client.family_name
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in label).strip("-") or "client"
    return f"Auskunft-{safe}-{today.isoformat()}.pdf"


def export_access_request(window: MainWindow) -> None:
    """Ask where (and in which language), write the open client's statement and JSON in the
    worker, and name both files in the status bar. Nothing happens without an open client."""
    store, view = window.store, window.workspace.view
    if store is None or view is None or not window.workspace.save_pending():
        return
    client = view.client
    german, english = _tr("PDF in German (*.pdf)"), _tr("PDF in English (*.pdf)")
    chosen_filter = english if statement_language(client) == "en" else german
    name, chosen_filter = QFileDialog.getSaveFileName(
        window,
        _tr("Save data access request"),
        suggested_name(client, date.today()),
        f"{german};;{english}",
        chosen_filter,
    )
    if not name:
        return
    target = Path(name)
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    lang = "en" if chosen_filter == english else "de"
    files = run_with_progress(
        window,
        _tr("Writing data access request"),
        lambda _p, _c: write_access_request(store, client.id, target, lang),
    )
    if files is None:
        return
    message = _tr("Data access request written: {0} and {1}.")
    window.statusBar().showMessage(
        message.replace("{0}", str(files.pdf)).replace("{1}", str(files.json)), MESSAGE_MS
    )
