"""Answering a data access request from the window: the open client's PDF and JSON.

The client is read by the database worker; the two files are written there behind a progress
dialog.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop.domain.model import Client
from desktop.services.access_request import write_access_request
from desktop.services.clients import find_client
from desktop.ui.shell.protocol import MESSAGE_MS, Shell
from desktop.ui.widgets import file_dialogs
from desktop.ui.widgets.progress import run_with_progress

CONTEXT = "AccessRequest"


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


def export_access_request(shell: Shell) -> None:
    """Ask where (and in which language), write the open client's statement and JSON in the
    worker, and name both files in the status bar. Nothing happens without an open client.

    Typed text is saved first; the client is then read by the worker and the save dialog
    follows when it is there."""
    client_id = shell.current_client_id()
    if not shell.db.is_open or client_id is None or not shell.save_pending():
        return
    shell.db.run(
        lambda store: find_client(store, client_id), lambda client: _ask_and_write(shell, client)
    )


def _ask_and_write(shell: Shell, client: Client | None) -> None:
    if client is None or shell.current_client_id() != client.id:  # gone or another case shown
        return
    german, english = _tr("PDF in German (*.pdf)"), _tr("PDF in English (*.pdf)")
    chosen_filter = english if statement_language(client) == "en" else german
    name, chosen_filter = file_dialogs.save_file(
        shell.widget(),
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
    client_id = client.id
    files = run_with_progress(
        shell.db,
        shell.widget(),
        _tr("Writing data access request"),
        lambda store, _p, _c: write_access_request(store, client_id, target, lang),
    )
    if files is None:
        return
    message = _tr("Data access request written: {0} and {1}.")
    shell.show_message(
        message.replace("{0}", str(files.pdf)).replace("{1}", str(files.json)), MESSAGE_MS
    )
