"""The case workspace over a real case file, with small stand-in tabs that follow the protocol:
the case is read by the database worker, a tab's save goes there before the next case is read."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.errors import InvalidInput
from desktop.domain.model import Client
from desktop.services.clients import update_client
from desktop.services.workspace import CaseView
from desktop.store.store import Store
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.workspace.case_workspace import CaseWorkspace, default_tab_types

Settle = Callable[[DbWorker], None]


class PhoneTab(QWidget):
    """Edits the phone number; saves on flush only, as a tab with unsaved text would."""

    changed = Signal()

    def __init__(self, db: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.view: CaseView | None = None
        self.field = QLineEdit()
        QVBoxLayout(self).addWidget(self.field)
        self.flushes = 0
        self.cases: list[str] = []
        self.fail_with: InvalidInput | None = None

    def set_case(self, view: CaseView) -> None:
        self.view = view
        self.cases.append(view.client.id)
        self.field.setText(view.client.phone)

    def flush(self) -> None:
        self.flushes += 1
        if self.fail_with is not None:
            raise self.fail_with
        if self.view is not None and self.field.text() != self.view.client.phone:
            client_id, phone = self.view.client.id, self.field.text()
            self.db.run(
                lambda store: update_client(store, client_id, {"phone": phone}),
                lambda _client: self.changed.emit(),
            )

    def clear(self) -> None:
        self.view = None
        self.field.clear()

    def save_now(self) -> None:
        """As a tab does when an edit is finished (Enter, focus out)."""
        self.flush()


class NamesTab(PhoneTab):
    """A second tab: shows the name, never edits."""

    def set_case(self, view: CaseView) -> None:
        self.view = view
        self.cases.append(view.client.id)
        self.field.setText(view.client.display_name)

    def flush(self) -> None:
        self.flushes += 1


@pytest.fixture
def people(add: Callable[..., Client]) -> tuple[Client, Client]:
    return (
        add(family_name="Müller", given_names="Anna"),
        add(family_name="Haddad", given_names="Layla"),
    )


@pytest.fixture
def workspace(qtbot: QtBot, db: DbWorker) -> CaseWorkspace:
    workspace = CaseWorkspace(db, tab_types=[PhoneTab, NamesTab])
    qtbot.addWidget(workspace)
    workspace.show()
    return workspace


def show(workspace: CaseWorkspace, client_id: str, db: DbWorker, settle: Settle) -> bool:
    """Ask for a case and wait until the worker's answer is on screen."""
    asked = workspace.show_client(client_id)
    settle(db)
    return asked


def tabs(workspace: CaseWorkspace) -> tuple[PhoneTab, NamesTab]:
    phone, names = workspace.tabs
    assert isinstance(phone, PhoneTab) and isinstance(names, NamesTab)
    return phone, names


def test_the_real_tabs_are_the_six_of_the_issue() -> None:
    names = [t.__name__ for t in default_tab_types()]
    assert names == [
        "OverviewTab",
        "PlanTab",
        "DocumentsTab",
        "AppointmentsTab",
        "NotesTab",
        "NetworkTab",
    ]


def test_showing_a_client_fills_every_tab(
    workspace: CaseWorkspace, people: tuple[Client, Client], db: DbWorker, settle: Settle
) -> None:
    anna, _ = people
    assert workspace.client_id is None
    assert show(workspace, anna.id, db, settle)
    phone, names = tabs(workspace)
    assert names.field.text() == "Müller, Anna"
    assert phone.cases == [anna.id] and names.cases == [anna.id]
    assert workspace.tab_widget.isVisible()


def test_typed_text_is_saved_before_the_case_changes(
    workspace: CaseWorkspace,
    people: tuple[Client, Client],
    store: Store,
    qtbot: QtBot,
    db: DbWorker,
    settle: Settle,
) -> None:
    anna, layla = people
    show(workspace, anna.id, db, settle)
    phone, _ = tabs(workspace)
    saved: list[datetime] = []
    changed: list[str] = []
    workspace.saved.connect(saved.append)
    workspace.client_changed.connect(changed.append)
    phone.field.setFocus()
    qtbot.keyClicks(phone.field, "0151 777")  # typed, never confirmed
    assert workspace.has_unsaved
    show(workspace, layla.id, db, settle)
    assert phone.flushes == 1
    assert store.get(Client, anna.id).phone == "0151 777"
    assert changed == [anna.id] and len(saved) == 1
    assert workspace.client_id == layla.id and phone.field.text() == ""
    assert not workspace.has_unsaved


def test_a_save_in_one_tab_reloads_the_case_into_all_tabs_once(
    workspace: CaseWorkspace,
    people: tuple[Client, Client],
    qtbot: QtBot,
    db: DbWorker,
    settle: Settle,
) -> None:
    anna, _ = people
    show(workspace, anna.id, db, settle)
    phone, names = tabs(workspace)
    phone.field.setText("0151 888")
    with qtbot.waitSignal(workspace.saved):
        phone.save_now()
    qtbot.waitUntil(lambda: len(names.cases) == 2)
    view = workspace.view
    assert view is not None and view.client.phone == "0151 888"
    assert names.view is view and phone.view is view  # one load, pushed to every tab
    settle(db)
    qtbot.wait(20)
    assert len(names.cases) == 2


def test_a_value_that_cannot_be_saved_keeps_the_case(
    workspace: CaseWorkspace,
    people: tuple[Client, Client],
    monkeypatch: pytest.MonkeyPatch,
    db: DbWorker,
    settle: Settle,
) -> None:
    anna, layla = people
    show(workspace, anna.id, db, settle)
    phone, _ = tabs(workspace)
    phone.fail_with = InvalidInput("phone", "The phone number is not valid.")
    warnings: list[str] = []
    monkeypatch.setattr(
        "desktop.ui.workspace.case_workspace.QMessageBox.warning",
        lambda _parent, _title, text: warnings.append(text),
    )
    assert not show(workspace, layla.id, db, settle)
    assert workspace.client_id == anna.id
    assert warnings == ["A change in this case could not be saved: The phone number is not valid."]


def test_clear_and_closing_the_case_file_forget_everything(
    workspace: CaseWorkspace, people: tuple[Client, Client], db: DbWorker, settle: Settle
) -> None:
    anna, _ = people
    show(workspace, anna.id, db, settle)
    phone, names = tabs(workspace)
    workspace.clear()
    assert workspace.view is None and names.field.text() == "" and phone.field.text() == ""
    db.close()  # locking: the worker closes the case file
    assert not workspace.show_client(anna.id)
    assert workspace.view is None and names.field.text() == "" and phone.field.text() == ""


def test_a_case_asked_for_while_another_is_on_its_way_wins(
    workspace: CaseWorkspace, people: tuple[Client, Client], db: DbWorker, settle: Settle
) -> None:
    anna, layla = people
    workspace.show_client(anna.id)
    workspace.show_client(layla.id)  # clicked on before Anna's case arrived
    settle(db)
    _phone, names = tabs(workspace)
    assert workspace.client_id == layla.id
    assert names.cases == [layla.id]  # Anna's case was never shown on the way


def test_the_tab_titles_are_translatable_english_sources(
    workspace: CaseWorkspace, db: DbWorker
) -> None:
    assert workspace.tab_widget.tabText(0) == "PhoneTab"  # unknown tabs keep their class name
    real = CaseWorkspace(db)
    try:
        titles = [real.tab_widget.tabText(i) for i in range(real.tab_widget.count())]
        assert titles[0] == "&Overview" and titles[-1] == "Net&work"
    finally:
        real.deleteLater()
