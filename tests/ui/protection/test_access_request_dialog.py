"""The data access request from the window: save dialog, language, worker, status bar.

The window reaches the case file through its database worker: the tests wait for its answers
(`settle`) before they look at the files or the status bar.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from desktop.domain.model import LanguageSkill
from desktop.report.access_texts import text as access_text
from desktop.services.clients import add_client
from desktop.store.store import Store
from desktop.ui.protection.access_request_dialog import export_access_request
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.widgets.db_worker import DbWorker
from tests.report.test_plan_pdf import arabic_letters

Settle = Callable[[DbWorker], None]


@pytest.fixture
def window(qtbot: QtBot, db: DbWorker, settle: Settle, case_root: Path) -> MainWindow:
    window = MainWindow(db, case_root)
    qtbot.addWidget(window)
    window.show()
    settle(db)
    return window


def show_client(window: MainWindow, client_id: str, qtbot: QtBot) -> None:
    """Open the client in the window and wait until its case is shown."""
    window.open_client(client_id)
    qtbot.waitUntil(lambda: window.workspace.client_id == client_id)


def save_as(monkeypatch: pytest.MonkeyPatch, path: Path | None, pick: int | None = None) -> list:
    """Answer the save dialog with `path` and the filter it offered first (or number `pick`)."""
    asked: list[tuple[Any, ...]] = []

    def answer(*args: Any, **_k: Any) -> tuple[str, str]:
        asked.append(args)
        filters = args[3].split(";;")
        return (str(path) if path else "", filters[pick] if pick is not None else args[4])

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return asked


def pdf_text(path: Path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(path).pages)


def test_the_open_client_is_written_as_pdf_and_json_named_in_the_status_bar(
    window: MainWindow,
    qtbot: QtBot,
    db: DbWorker,
    settle: Settle,
    store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client = add_client(
        store, {"family_name": "Haddad", "given_names": "Amal", "file_number": "AZ 7/26"}
    )
    add_client(store, {"family_name": "Okonkwo", "given_names": "Chidi"})
    show_client(window, client.id, qtbot)
    asked = save_as(monkeypatch, tmp_path / "statement")

    export_access_request(window)
    settle(db)

    pdf, js = tmp_path / "statement.pdf", tmp_path / "statement.json"
    assert Path(asked[0][2]).name == f"Auskunft-AZ-7-26-{date.today().isoformat()}.pdf"
    assert asked[0][4] == "PDF in German (*.pdf)"  # no language given: German
    text = pdf_text(pdf)
    assert "Auskunft über gespeicherte Daten" in text and "Amal Haddad" in text
    assert "Okonkwo" not in text
    assert [c["id"] for c in json.loads(js.read_text("utf-8"))["clients"]] == [client.id]
    assert window.statusBar().currentMessage() == (f"Data access request written: {pdf} and {js}.")


def test_an_english_speaking_client_gets_english_by_default_and_german_can_be_chosen(
    window: MainWindow,
    qtbot: QtBot,
    db: DbWorker,
    settle: Settle,
    store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client = add_client(
        store, {"family_name": "Smith", "given_names": "Jo", "languages": (LanguageSkill("en"),)}
    )
    show_client(window, client.id, qtbot)
    asked = save_as(monkeypatch, tmp_path / "a.pdf")
    export_access_request(window)
    settle(db)
    assert asked[0][4] == "PDF in English (*.pdf)"
    assert Path(asked[0][2]).name.startswith("Auskunft-Smith-")
    assert "Information about stored data" in pdf_text(tmp_path / "a.pdf")

    save_as(monkeypatch, tmp_path / "b.pdf", pick=0)
    export_access_request(window)
    settle(db)
    assert "Auskunft über gespeicherte Daten" in pdf_text(tmp_path / "b.pdf")


def test_nothing_happens_without_an_open_client_or_when_cancelled(
    window: MainWindow,
    qtbot: QtBot,
    db: DbWorker,
    settle: Settle,
    store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked = save_as(monkeypatch, tmp_path / "a.pdf")
    export_access_request(window)
    settle(db)
    assert asked == [] and not (tmp_path / "a.pdf").exists()

    client = add_client(store, {"family_name": "Haddad"})
    show_client(window, client.id, qtbot)
    save_as(monkeypatch, None)
    export_access_request(window)
    settle(db)
    assert list(tmp_path.glob("*.pdf")) == []


def test_every_print_language_is_offered_by_name_and_the_clients_own_is_chosen(
    window: MainWindow,
    qtbot: QtBot,
    db: DbWorker,
    settle: Settle,
    store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client = add_client(
        store,
        {"family_name": "Tesfay", "given_names": "Selam", "languages": (LanguageSkill("ti"),)},
    )
    show_client(window, client.id, qtbot)
    asked = save_as(monkeypatch, tmp_path / "a.pdf")
    export_access_request(window)
    settle(db)

    filters = asked[0][3].split(";;")
    assert len(filters) == 14 and filters[0] == "PDF in German (*.pdf)"
    for name in ("Arabic", "Dari", "Kurdish (Sorani)", "Kurdish (Kurmanji)", "Somali", "Russian"):
        assert f"PDF in {name} (*.pdf)" in filters
    assert asked[0][4] == "PDF in Tigrinya (*.pdf)"
    text = pdf_text(tmp_path / "a.pdf")
    assert "Persönliche Daten" in text and "ውልቃዊ" in text

    sorani = filters.index("PDF in Kurdish (Sorani) (*.pdf)")
    save_as(monkeypatch, tmp_path / "b.pdf", pick=sorani)
    export_access_request(window)
    settle(db)
    sorani_text = pdf_text(tmp_path / "b.pdf")
    assert "Persönliche Daten" in sorani_text and "ውልቃዊ" not in sorani_text
    assert arabic_letters(access_text("personal", "ckb")) <= arabic_letters(sorani_text)


def test_the_statement_suggests_the_first_language_not_the_first_listed() -> None:
    from desktop.domain.model import Client, LanguageSkill
    from desktop.ui.protection.access_request_dialog import statement_language

    speaks = (LanguageSkill("de", "A2"), LanguageSkill("ar", "native"))
    assert statement_language(Client("Haddad", "Amal", languages=speaks)) == "ar"
    assert statement_language(Client("Haddad", "Amal", languages=(LanguageSkill("prs"),))) == "prs"
    assert statement_language(Client("Haddad", "Amal")) == "de"
