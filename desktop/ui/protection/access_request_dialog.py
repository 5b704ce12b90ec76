"""Answering a data access request from the window: the open client's PDF and JSON.

The client is read by the database worker; the two files are written there behind a progress
dialog.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop.domain.model import Client
from desktop.domain.places import language_name
from desktop.services.access_request import LANGUAGES, write_access_request
from desktop.services.clients import find_client
from desktop.services.phrases import client_languages
from desktop.ui.shell.protocol import MESSAGE_MS, Shell
from desktop.ui.widgets import file_dialogs
from desktop.ui.widgets.i18n import current_language
from desktop.ui.widgets.progress import run_with_progress


def statement_language(client: Client) -> str:
    """The client's first language (the rule of services.phrases: native first, German not
    counted) if the statement has it, else German (the office's)."""
    first = next(iter(client_languages(client)), "de")
    return first if first in LANGUAGES else "de"


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
    ui = current_language()
    named = sorted((language_name(code, ui), code) for code in LANGUAGES if code != "de")
    filters = {QCoreApplication.translate("AccessRequest", "PDF in German (*.pdf)"): "de"}
    filters |= {
        QCoreApplication.translate("AccessRequest", "PDF in {0} (*.pdf)").replace("{0}", n): code
        for n, code in named
    }
    wanted = statement_language(client)
    chosen_filter = next(f for f, code in filters.items() if code == wanted)
    name, chosen_filter = file_dialogs.save_file(
        shell.widget(),
        QCoreApplication.translate("AccessRequest", "Save data access request"),
        suggested_name(client, date.today()),
        ";;".join(filters),
        chosen_filter,
    )
    if not name:
        return
    target = Path(name)
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    lang = filters.get(chosen_filter, "de")
    client_id = client.id
    files = run_with_progress(
        shell.db,
        shell.widget(),
        QCoreApplication.translate("AccessRequest", "Writing data access request"),
        lambda store, _p, _c: write_access_request(store, client_id, target, lang),
    )
    if files is None:
        return
    pdf, json = str(files.pdf), str(files.json)

    def written() -> str:
        message = QCoreApplication.translate(
            "AccessRequest", "Data access request written: {0} and {1}."
        )
        return message.replace("{0}", pdf).replace("{1}", json)

    shell.show_message(written, MESSAGE_MS)
