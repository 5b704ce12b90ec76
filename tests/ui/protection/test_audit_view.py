"""The audit trail in the window: the whole log and one case's history, filtered, read-only.

The dialog reads the trail through the database worker: the tests wait for its answers
(`settle`) before they look at what the dialog shows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop.domain.catalogues import ResidenceStatus
from desktop.domain.model import Client
from desktop.services import audit
from desktop.services.audit import TrailQuery, trail_rows
from desktop.services.clients import delete_client, erase_client, update_client
from desktop.store.store import Store
from desktop.ui.protection.audit_model import CASE, WHAT, WHEN, WHO
from desktop.ui.protection.audit_view import (
    EARLIEST,
    AuditLogDialog,
    open_audit_log,
    open_case_history,
)
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.widgets import i18n
from desktop.ui.widgets.db_worker import DbWorker
from tests.ui.fake_german import german_translator

# A few German texts, as the lead's welcome_desk_de.qm will hold them (from /tmp/wd-i18n/E.json).
GERMAN = {
    "When": "Wann",
    "Who": "Wer",
    "Case": "Fall",
    "What": "Was",
    "(erased)": "(gelöscht)",
    "Audit trail": "Protokoll",
    "The audit trail cannot be changed.": "Das Protokoll kann nicht geändert werden.",
}


FakeGerman = german_translator(GERMAN)


@pytest.fixture
def german(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(i18n, "QTranslator", FakeGerman)
    i18n.set_language("de")
    yield
    i18n.set_language("en")


@pytest.fixture
def cases(store: Store, add: Callable[..., Client]) -> tuple[Client, Client]:
    """Amal Haddad (created, changed, opened) and Omar Schmidt (created)."""
    audit.set_coordinator_name(store, "Anna")
    haddad = add(family_name="Haddad", given_names="Amal")
    update_client(store, haddad.id, {"residence_status": ResidenceStatus.DULDUNG})
    audit.opened(store, haddad.id)
    schmidt = add(family_name="Schmidt", given_names="Omar")
    return haddad, schmidt


Settle = Callable[[DbWorker], None]


def make(
    qtbot: QtBot, db: DbWorker, settle: Settle, client_id: str | None = None
) -> AuditLogDialog:
    """The dialog, shown once the worker has answered."""
    dialog = AuditLogDialog(db, None, client_id)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(db)
    return dialog


def column(dialog: AuditLogDialog, col: int) -> list[str]:
    model = dialog.model
    return [model.data(model.index(row, col)) for row in range(model.rowCount())]


def choose(dialog: AuditLogDialog, kind: str, db: DbWorker, settle: Settle) -> None:
    """Pick a filter and wait for the worker's answer."""
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    settle(db)


def test_the_whole_log_shows_who_did_what_to_which_case(
    qtbot: QtBot, db: DbWorker, settle: Settle, cases: tuple[Client, Client]
) -> None:
    dialog = make(qtbot, db, settle)
    headers = [dialog.model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["When", "Who", "Case", "What"]
    assert dialog.windowTitle() == "Audit trail"
    assert column(dialog, CASE) == [
        "Schmidt, Omar",
        "Haddad, Amal",
        "Haddad, Amal",
        "Haddad, Amal",
    ]
    assert column(dialog, WHAT) == [
        "Case created",
        "Opened",
        "Changed: residence status",
        "Case created",
    ]
    assert set(column(dialog, WHO)) == {"Anna (this computer)"}
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", w) for w in column(dialog, WHEN))
    assert dialog.hint.text() == "The audit trail cannot be changed."
    assert dialog.count.text() == "Events: 4"
    assert not dialog.table.isColumnHidden(CASE)


def test_nothing_in_the_trail_can_be_edited(
    qtbot: QtBot, db: DbWorker, settle: Settle, cases: tuple[Client, Client]
) -> None:
    dialog = make(qtbot, db, settle)
    index = dialog.model.index(0, WHAT)
    assert not dialog.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not dialog.model.setData(index, "tampered")
    assert dialog.model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags


def test_filters_ask_the_case_file_again(
    qtbot: QtBot, db: DbWorker, settle: Settle, store: Store, cases: tuple[Client, Client]
) -> None:
    dialog = make(qtbot, db, settle)
    choose(dialog, "opened", db, settle)
    assert column(dialog, WHAT) == ["Opened"]
    choose(dialog, "changes", db, settle)
    assert column(dialog, WHAT) == ["Case created", "Changed: residence status", "Case created"]
    choose(dialog, "security", db, settle)
    assert column(dialog, WHAT) == []
    audit.record(store, "backup", path="backups/one.wdbak")
    choose(dialog, "sync", db, settle)
    choose(dialog, "security", db, settle)  # a new query sees the new event
    assert column(dialog, WHAT) == ["Backup written: backups/one.wdbak"]
    assert column(dialog, CASE) == ["–"]

    choose(dialog, "all", db, settle)
    dialog.name.setText("hadd")
    settle(db)
    assert set(column(dialog, CASE)) == {"Haddad, Amal"} and dialog.model.rowCount() == 3
    dialog.name.setText("nobody of that name")
    settle(db)
    assert dialog.model.rowCount() == 0
    dialog.name.clear()
    settle(db)
    assert dialog.model.rowCount() == 5

    last_year = date.today() - timedelta(days=400)
    dialog.end.setDate(QDate(last_year.year, last_year.month, last_year.day))
    settle(db)
    assert dialog.model.rowCount() == 0 and dialog.count.text() == "Events: 0"


def test_the_whole_log_opens_on_the_last_30_days_one_case_on_everything(
    qtbot: QtBot, db: DbWorker, settle: Settle, cases: tuple[Client, Client]
) -> None:
    dialog = make(qtbot, db, settle)
    today = date.today()
    assert dialog.start.date().toPython() == today - timedelta(days=30)
    assert dialog.end.date().toPython() == today
    history = make(qtbot, db, settle, cases[0].id)
    assert history.start.date() == EARLIEST and history.query().start is None


def test_one_case_shows_only_that_case(
    qtbot: QtBot, db: DbWorker, settle: Settle, cases: tuple[Client, Client]
) -> None:
    haddad, schmidt = cases
    dialog = make(qtbot, db, settle, haddad.id)
    assert dialog.windowTitle() == "History of Haddad, Amal"
    assert column(dialog, WHAT) == ["Opened", "Changed: residence status", "Case created"]
    assert {dialog.model.event_at(r).client_id for r in range(3)} == {haddad.id}
    assert dialog.table.isColumnHidden(CASE)
    assert not dialog.name.isVisibleTo(dialog)  # no name filter for one case
    assert [e.action for e in make(qtbot, db, settle, schmidt.id).rows.events] == ["created"]


def test_erased_and_deleted_cases_keep_their_events_without_a_name(
    qtbot: QtBot, db: DbWorker, settle: Settle, store: Store, cases: tuple[Client, Client]
) -> None:
    haddad, schmidt = cases
    erase_client(store, haddad.id)
    delete_client(store, schmidt.id)
    dialog = make(qtbot, db, settle)
    shown = dict(zip(column(dialog, WHAT), column(dialog, CASE), strict=False))
    assert shown["Erased (data protection)"] == "(erased)"
    assert shown["Case deleted"] == "(deleted)"
    assert "Haddad, Amal" not in column(dialog, CASE)
    assert column(dialog, CASE).count("(erased)") == 4
    assert make(qtbot, db, settle, haddad.id).windowTitle() == "History of (erased)"


def test_copy_puts_the_selected_rows_on_the_clipboard(
    qtbot: QtBot, db: DbWorker, settle: Settle, cases: tuple[Client, Client]
) -> None:
    dialog = make(qtbot, db, settle, cases[0].id)
    dialog.select_row(1)
    text = dialog.copy_selection()
    assert text.endswith("\tAnna (this computer)\tChanged: residence status")
    assert QGuiApplication.clipboard().text() == text


def test_too_many_events_say_so(store: Store, cases: tuple[Client, Client]) -> None:
    rows = trail_rows(store, TrailQuery(), limit=2)
    assert len(rows.events) == 2 and rows.capped
    assert not trail_rows(store, TrailQuery(), limit=4).capped


def test_the_trail_speaks_german(
    german: None,
    qtbot: QtBot,
    db: DbWorker,
    settle: Settle,
    store: Store,
    cases: tuple[Client, Client],
) -> None:
    haddad, _schmidt = cases
    erase_client(store, haddad.id)
    dialog = make(qtbot, db, settle)
    headers = [dialog.model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Wann", "Wer", "Fall", "Was"]
    assert dialog.windowTitle() == "Protokoll"
    assert dialog.hint.text() == "Das Protokoll kann nicht geändert werden."
    assert set(column(dialog, WHO)) == {"Anna (dieser Computer)"}
    assert all(re.fullmatch(r"\d\d\.\d\d\.\d{4} \d\d:\d\d", w) for w in column(dialog, WHEN))
    assert "Gelöscht nach Datenschutzrecht" in column(dialog, WHAT)
    assert "(gelöscht)" in column(dialog, CASE)
    assert dialog.start.displayFormat() == "dd.MM.yyyy"
    i18n.set_language("en")  # switched live
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Audit trail")
    assert "Erased (data protection)" in column(dialog, WHAT)


def test_showing_a_case_records_it_opened_once_and_history_opens_it(
    qtbot: QtBot,
    db: DbWorker,
    settle: Settle,
    store: Store,
    case_root: Path,
    cases: tuple[Client, Client],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _haddad, schmidt = cases
    shown: list[AuditLogDialog] = []
    monkeypatch.setattr(AuditLogDialog, "open", lambda self: shown.append(self))
    window = MainWindow(db, case_root)
    qtbot.addWidget(window)
    window.show()
    settle(db)
    assert open_case_history(window) is None  # no case open yet
    assert window.workspace.show_client(schmidt.id)
    assert window.workspace.show_client(schmidt.id)
    settle(db)
    assert [e.action for e in audit.trail(store, client_id=schmidt.id)] == ["opened", "created"]

    window.workspace.history_button.click()
    settle(db)
    assert shown[-1].client_id == schmidt.id
    assert [e.action for e in shown[-1].rows.events] == ["opened", "created"]
    history = open_case_history(window)
    assert history is not None and history.client_id == schmidt.id
    log = open_audit_log(window)
    settle(db)
    assert isinstance(log, QDialog) and log.client_id is None and log.model.rowCount() == 5
