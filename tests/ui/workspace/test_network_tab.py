"""The network tab over a real case file: who supports the client; add, end and remove support."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.domain.catalogues import OrganisationKind
from desktop.domain.model import Client, Organisation, SupportLink
from desktop.services import casework
from desktop.services.casefile import Store
from desktop.services.workspace import load_case
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.workspace.network_tab import NetworkTab

Settle = Callable[[DbWorker], None]


@pytest.fixture
def organisations(store: Store) -> dict[str, Organisation]:
    found = {
        "caritas": Organisation(
            "Caritas Migrationsdienst",
            OrganisationKind.MIGRATION_COUNSELLING,
            contact_person="Ms Berger",
            phone="07621 1234",
        ),
        "diakonie": Organisation("Diakonie Beratung", OrganisationKind.MIGRATION_COUNSELLING),
        "jobcenter": Organisation("Jobcenter Loerrach", OrganisationKind.JOBCENTER),
    }
    casework.add(store, *found.values())
    return found


@pytest.fixture
def client(add: Callable[..., Client]) -> Client:
    return add(family_name="Haddad", given_names="Layla")


@pytest.fixture
def tab(qtbot: QtBot, db: DbWorker, store: Store, client: Client, organisations: Any) -> NetworkTab:
    widget = NetworkTab(db)
    qtbot.addWidget(widget)
    widget.show()
    widget.set_case(load_case(store, client.id))
    return widget


def rows(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


def add_support(qtbot: QtBot, tab: NetworkTab, name: str, purpose: str, since: str) -> None:
    tab.organisation.setCurrentIndex(tab.organisation.findText(name))
    tab.purpose.setText(purpose)
    tab.since.setText(since)
    with qtbot.waitSignal(tab.changed):
        qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)


def texts_of(widget: QWidget) -> list[str]:
    texts = [w.text() for w in widget.findChildren(QLabel)]
    texts += [w.text() for w in widget.findChildren(QLineEdit)]
    texts += [w.toPlainText() for w in widget.findChildren(QPlainTextEdit)]
    texts += [w.currentText() for w in widget.findChildren(QComboBox)]
    for table in widget.findChildren(QTableWidget):
        texts += [cell for row in rows(table) for cell in row]
    return texts


def test_a_client_without_support_shows_the_hint(tab: NetworkTab) -> None:
    assert rows(tab.table) == []
    assert tab.no_support_hint.isVisible()
    assert tab.no_support_hint.text() == "Nobody supports this client yet."


def test_every_organisation_can_be_chosen_by_name(tab: NetworkTab) -> None:
    names = [tab.organisation.itemText(i) for i in range(tab.organisation.count())]
    assert names == ["Caritas Migrationsdienst", "Diakonie Beratung", "Jobcenter Loerrach"]


def test_adding_support_shows_it_and_the_hint_disappears(
    qtbot: QtBot, tab: NetworkTab, store: Store, client: Client
) -> None:
    add_support(qtbot, tab, "Caritas Migrationsdienst", "Asylum counselling", "2026-02-01")
    assert rows(tab.table) == [
        [
            "Caritas Migrationsdienst",
            "Migration counselling",
            "Asylum counselling",
            "2026-02-01",
            "",
            "Ms Berger",
            "07621 1234",
        ]
    ]
    assert not tab.no_support_hint.isVisible()
    (stored,) = load_case(store, client.id).support
    assert (stored.purpose, stored.since, stored.until) == (
        "Asylum counselling",
        date(2026, 2, 1),
        None,
    )
    assert tab.purpose.text() == ""


def test_an_invalid_since_date_adds_nothing(
    qtbot: QtBot, tab: NetworkTab, store: Store, client: Client, db: DbWorker, settle: Settle
) -> None:
    tab.organisation.setCurrentIndex(0)
    tab.since.setText("2026-13-01")
    with qtbot.assertNotEmitted(tab.changed):
        qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
        settle(db)
    assert load_case(store, client.id).support == []
    assert "'2026-13-01' is not a valid date" in tab.error.text()


def test_support_needs_an_organisation(
    qtbot: QtBot, tab: NetworkTab, db: DbWorker, settle: Settle
) -> None:
    with qtbot.assertNotEmitted(tab.changed):
        qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
        settle(db)
    assert tab.error.text() == "Choose an organisation first."


def test_a_double_click_adds_the_support_once(
    qtbot: QtBot, tab: NetworkTab, store: Store, client: Client, db: DbWorker, settle: Settle
) -> None:
    gate = threading.Event()
    db.run(lambda _store: gate.wait(10))  # the worker is busy: the first click's save waits
    tab.organisation.setCurrentIndex(tab.organisation.findText("Jobcenter Loerrach"))
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    gate.set()
    with qtbot.waitSignal(tab.changed):
        settle(db)
    assert len(load_case(store, client.id).support) == 1
    assert len(rows(tab.table)) == 1
    assert tab.add_button.isEnabled()


def test_two_supporters_of_the_same_kind_are_pointed_out(qtbot: QtBot, tab: NetworkTab) -> None:
    add_support(qtbot, tab, "Caritas Migrationsdienst", "Counselling", "2026-01-01")
    add_support(qtbot, tab, "Jobcenter Loerrach", "Benefits", "2026-01-01")
    assert not tab.double_hint.isVisible()
    add_support(qtbot, tab, "Diakonie Beratung", "Counselling", "2026-01-05")
    assert tab.double_hint.isVisible()
    assert "Migration counselling" in tab.double_hint.text()


def test_ending_support_sets_until_today(
    qtbot: QtBot, tab: NetworkTab, store: Store, client: Client
) -> None:
    add_support(qtbot, tab, "Caritas Migrationsdienst", "Counselling", "2026-01-01")
    add_support(qtbot, tab, "Diakonie Beratung", "Counselling", "2026-01-05")
    tab.table.selectRow(0)
    with qtbot.waitSignal(tab.changed):
        qtbot.mouseClick(tab.end_button, Qt.MouseButton.LeftButton)
    ended = [s for s in load_case(store, client.id).support if s.until is not None]
    assert [s.until for s in ended] == [date.today()]
    assert date.today().isoformat() in rows(tab.table)[0]
    assert not tab.double_hint.isVisible()  # an ended support is no double support


def test_removing_support_asks_first(
    qtbot: QtBot,
    tab: NetworkTab,
    store: Store,
    client: Client,
    monkeypatch: pytest.MonkeyPatch,
    db: DbWorker,
    settle: Settle,
) -> None:
    add_support(qtbot, tab, "Jobcenter Loerrach", "Benefits", "2026-01-01")
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def answer(_parent: QWidget, _title: str, text: str, *args: Any) -> Any:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", answer)
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    settle(db)
    assert len(load_case(store, client.id).support) == 1  # "No" keeps it
    with qtbot.waitSignal(tab.changed):
        qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    assert load_case(store, client.id).support == []
    assert "Jobcenter Loerrach" in asked[0]
    assert tab.no_support_hint.isVisible()


def test_existing_support_is_shown_from_the_view(
    qtbot: QtBot,
    tab: NetworkTab,
    store: Store,
    client: Client,
    organisations: dict[str, Organisation],
) -> None:
    link = SupportLink(client.id, organisations["jobcenter"].id, purpose="Benefits")
    casework.add(store, link)
    tab.set_case(load_case(store, client.id))
    assert rows(tab.table)[0][:3] == ["Jobcenter Loerrach", "Jobcenter", "Benefits"]
    assert tab.selected() is None
    assert not tab.end_button.isEnabled()


def test_clear_leaves_no_client_data(qtbot: QtBot, tab: NetworkTab) -> None:
    add_support(qtbot, tab, "Caritas Migrationsdienst", "Layla's asylum hearing", "2026-01-01")
    tab.purpose.setText("Haddad family")
    tab.clear()
    assert not any("Layla" in text or "Haddad" in text for text in texts_of(tab))
    assert rows(tab.table) == []
    assert not tab.add_button.isEnabled()
