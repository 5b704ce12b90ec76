"""The main window offscreen over a real case file: search, filter, workspace, lock and unlock.

The window reaches the case file only through its database worker; the tests wait for the
worker's answers (`settle`) before they look at what the window shows.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from desktop.domain.catalogues import FieldOfAction, MeasureStatus, ResidenceStatus
from desktop.domain.model import Client, Goal, IntegrationPlan, Measure
from desktop.domain.names import fold
from desktop.services import casefile, casework
from desktop.services.clients import ClientQuery, list_clients
from desktop.services.demo import fill_demo
from desktop.store.store import Store
from desktop.ui.case_list.new_client_dialog import NewClientDialog
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.widgets.db_worker import DbWorker

PASSPHRASE = "correct horse battery staple"
NAMES = ("Müller, Anna", "Schmidt, Omar", "Haddad, Layla")


@pytest.fixture
def window(
    qtbot: QtBot, db: DbWorker, store: Store, case_root: Path, add: Callable[..., Client]
) -> MainWindow:
    add(family_name="Müller", given_names="Anna", other_names=("Mueller",), file_number="A-1")
    add(
        family_name="Schmidt",
        given_names="Omar",
        residence_status=ResidenceStatus.DULDUNG,
        status_valid_until=date.today() + timedelta(days=10),
    )
    add(
        family_name="Haddad",
        given_names="Layla",
        opened_on=date(2020, 1, 1),
        closed_on=date(2021, 1, 1),
    )
    window = MainWindow(db, case_root)
    qtbot.addWidget(window)
    window.show()
    settled(window, qtbot)
    return window


def settled(window: MainWindow, qtbot: QtBot) -> None:
    """Wait until the window's worker has answered everything asked of it."""
    qtbot.waitUntil(window.db.is_idle, timeout=10_000)


def shown_names(window: MainWindow) -> list[str]:
    model = window.case_list.model
    return [model.client_at(row).display_name for row in range(model.rowCount())]


def select(window: MainWindow, name: str, qtbot: QtBot) -> None:
    """Select a row and wait until its case is shown."""
    window.case_list.table.selectRow(shown_names(window).index(name))
    settled(window, qtbot)


def clients_in(window: MainWindow, qtbot: QtBot) -> int:
    """How many clients the case file open in the window's worker holds."""
    total: list[int] = []
    window.db.run(lambda store: list_clients(store, ClientQuery()).total, total.append)
    qtbot.waitUntil(lambda: bool(total))
    return total[0]


def test_the_list_shows_open_cases_and_counts_them(window: MainWindow) -> None:
    assert sorted(shown_names(window)) == ["Müller, Anna", "Schmidt, Omar"]
    assert window.count_label.text() == "2 people"


def test_typing_ascii_finds_the_name_with_umlaut(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClicks(window.case_list.search, "muller")
    qtbot.waitUntil(lambda: shown_names(window) == ["Müller, Anna"])
    assert window.count_label.text() == "1 person"
    window.case_list.search.clear()
    qtbot.waitUntil(lambda: window.case_list.model.rowCount() == 2)


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2,000 synthetic clients, made once; each test gets a copy of the folder."""
    root = tmp_path_factory.mktemp("demo") / "data"
    store = casefile.init(root, PASSPHRASE).store
    try:
        fill_demo(store, 2000, 1, date.today())
    finally:
        store.close()
    return root


def test_typing_ascii_narrows_two_thousand_demo_clients(
    demo_template: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    root = tmp_path / "demo"
    shutil.copytree(demo_template, root)
    store = casefile.unlock(root, passphrase=PASSPHRASE, use_keyring=False)
    everyone = list_clients(store, ClientQuery(state="open", limit=2000)).clients
    worker = DbWorker()
    worker.attach(store)
    window = MainWindow(worker, root)
    qtbot.addWidget(window)
    window.show()
    settled(window, qtbot)
    target = next(c for c in everyone if not c.family_name.isascii())
    typed = fold(target.family_name).split(" ")[0]  # "Öztürk" -> "ozturk": ASCII only
    assert typed.isascii()
    total = window.case_list.model.total
    assert total == len(everyone) and window.count_label.text() == f"{total:,} people"
    qtbot.keyClicks(window.case_list.search, typed)
    qtbot.waitUntil(lambda: window.case_list.model.total < total)
    model = window.case_list.model
    shown = [model.client_at(row) for row in range(model.rowCount())]
    assert target.id in {c.id for c in shown}
    for client in shown:
        spellings = " ".join((client.display_name, *client.other_names, client.file_number))
        assert typed in fold(spellings)


def test_the_state_filter_shows_closed_and_all_cases(window: MainWindow, qtbot: QtBot) -> None:
    states = window.case_list.state_filter
    states.setCurrentIndex(states.findData("closed"))
    settled(window, qtbot)
    assert shown_names(window) == ["Haddad, Layla"]
    states.setCurrentIndex(states.findData("all"))
    settled(window, qtbot)
    assert sorted(shown_names(window)) == sorted(NAMES)
    assert window.count_label.text() == "3 people"


def test_the_residence_status_filter(window: MainWindow, qtbot: QtBot) -> None:
    statuses = window.case_list.status_filter
    assert statuses.itemText(0) == "All"
    assert statuses.count() == 1 + len(ResidenceStatus)
    statuses.setCurrentIndex(statuses.findData(ResidenceStatus.DULDUNG.value))
    settled(window, qtbot)
    assert shown_names(window) == ["Schmidt, Omar"]
    assert statuses.currentText() == ResidenceStatus.DULDUNG.label("en")
    statuses.setCurrentIndex(0)
    settled(window, qtbot)
    assert len(shown_names(window)) == 2


def test_deadline_and_open_measures_filters(
    window: MainWindow, store: Store, add: Callable[..., Client], qtbot: QtBot
) -> None:
    planned = add(family_name="Nasser", given_names="Rami")
    plan = IntegrationPlan(planned.id)
    goal = Goal(plan.id, FieldOfAction.LANGUAGE, "B1")
    casework.add(store, plan, goal, Measure(goal.id, "Kurs", status=MeasureStatus.PLANNED))
    case_list = window.case_list
    case_list.run_query()
    settled(window, qtbot)
    assert len(shown_names(window)) == 3
    case_list.deadline_filter.setChecked(True)  # Schmidt's Duldung runs out in 10 days
    settled(window, qtbot)
    assert shown_names(window) == ["Schmidt, Omar"]
    case_list.deadline_filter.setChecked(False)
    case_list.measures_filter.click()
    settled(window, qtbot)
    assert shown_names(window) == ["Nasser, Rami"]
    assert case_list.query().open_measures and case_list.query().deadline_within_days is None


def test_selecting_a_row_shows_the_case_in_the_workspace(window: MainWindow, qtbot: QtBot) -> None:
    assert window.workspace.client_id is None
    select(window, "Müller, Anna", qtbot)
    view = window.workspace.view
    assert view is not None and view.client.display_name == "Müller, Anna"
    titles = [window.workspace.tab_widget.tabText(i) for i in range(6)]
    assert titles == [
        "&Overview",
        "&Integration plan",
        "&Documents",
        "&Appointments",
        "No&tes",
        "Net&work",
    ]


def test_sorting_by_a_column_reorders_in_sql(window: MainWindow, qtbot: QtBot) -> None:
    window.case_list.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    settled(window, qtbot)
    assert shown_names(window) == ["Schmidt, Omar", "Müller, Anna"]
    query = window.case_list.model.query
    assert query.sort == "name" and query.descending


def test_ctrl_n_adds_a_client_who_appears_selected(window: MainWindow, qtbot: QtBot) -> None:
    window.case_list.search.setText("Schmidt")
    window.case_list.run_query()
    settled(window, qtbot)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(NewClientDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.family_name, "Okafor")
    qtbot.keyClicks(dialog.given_names, "Chidi")
    qtbot.keyClicks(dialog.birth_date, "1988")
    qtbot.keyClicks(dialog.nationality, "Nigeria")
    with qtbot.waitSignal(dialog.accepted):  # the person is in the case file
        dialog.add_button.click()
    assert dialog.message.isHidden(), dialog.message.text()
    settled(window, qtbot)
    current = window.case_list.current_client()
    assert current is not None and current.display_name == "Okafor, Chidi"
    assert current.nationality == "NG" and str(current.birth_date) == "1988"
    assert window.workspace.client_id == current.id
    assert window.db.is_open
    assert clients_in(window, qtbot) == 4


def test_a_likely_duplicate_is_named_before_it_is_added(window: MainWindow, qtbot: QtBot) -> None:
    dialog = window.new_client()
    assert dialog is not None
    qtbot.keyClicks(dialog.family_name, "Mueller")
    qtbot.keyClicks(dialog.given_names, "Anna")
    dialog.add_button.click()
    settled(window, qtbot)
    assert dialog.isVisible() and dialog.client is None
    assert "Müller, Anna" in dialog.message.text()
    assert dialog.add_button.text() == "Add &anyway"
    dialog.add_button.click()
    settled(window, qtbot)
    assert dialog.client is not None
    assert window.db.is_open and clients_in(window, qtbot) == 4


def test_a_wrong_birth_date_is_said_in_one_sentence(window: MainWindow, qtbot: QtBot) -> None:
    dialog = window.new_client()
    assert dialog is not None
    qtbot.keyClicks(dialog.family_name, "Okafor")
    qtbot.keyClicks(dialog.birth_date, "sometime")
    dialog.add_button.click()
    settled(window, qtbot)
    assert dialog.isVisible() and "sometime" in dialog.message.text()


def test_after_locking_the_passphrase_brings_the_list_back(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.lock()
    assert window.unlock_button.isVisible() and window.unlock_button.text() == "Unlock…"
    dialog = window.request_unlock()
    dialog.field.setText("not the passphrase")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.waiting)
    assert not window.db.is_open and dialog.isVisible()
    dialog.field.setText(PASSPHRASE)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: window.db.is_open)
    settled(window, qtbot)
    assert window.db.is_open
    assert clients_in(window, qtbot) == 3
    assert sorted(shown_names(window)) == ["Müller, Anna", "Schmidt, Omar"]
    assert window.lock_action.isEnabled()
    select(window, "Schmidt, Omar", qtbot)
    assert window.workspace.client_id is not None


def _unlock(window: MainWindow, qtbot: QtBot) -> None:
    dialog = window.request_unlock()
    dialog.field.setText(PASSPHRASE)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: window.db.is_open)
    settled(window, qtbot)


def test_after_unlocking_the_search_the_case_and_its_tab_come_back(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.case_list.search.setText("schmidt")
    window.case_list.deadline_filter.setChecked(True)
    window.case_list.run_query()
    settled(window, qtbot)
    select(window, "Schmidt, Omar", qtbot)
    shown = window.workspace.client_id
    window.workspace.show_tab("DocumentsTab")
    window.lock()
    assert window.case_list.search.text() == "" and window.workspace.client_id is None
    _unlock(window, qtbot)
    qtbot.waitUntil(lambda: window.workspace.client_id == shown)
    assert window.case_list.search.text() == "schmidt"
    assert window.case_list.deadline_filter.isChecked()
    assert shown_names(window) == ["Schmidt, Omar"]
    assert type(window.workspace.tab_widget.currentWidget()).__name__ == "DocumentsTab"
    current = window.case_list.current_client()
    assert current is not None and current.id == shown


def test_after_unlocking_the_agenda_comes_back_if_it_was_shown(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.show_agenda()
    settled(window, qtbot)
    window.lock()
    _unlock(window, qtbot)
    assert window.agenda.isVisible()
    window.show_cases()
    window.lock()  # locked from the cases page: the cases come back
    _unlock(window, qtbot)
    assert window.cases.isVisible() and not window.agenda.isVisible()


def test_ctrl_l_locks_and_asks_for_the_passphrase(
    window: MainWindow, store: Store, qtbot: QtBot
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.db.is_open
    dialog = window.request_unlock()
    qtbot.waitUntil(dialog.isVisible)
    dialog.reject()


def test_ctrl_f_puts_the_cursor_in_the_search_field(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.case_list.table.setFocus()
    qtbot.keyClick(window.case_list.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.case_list.search.hasFocus)


def test_the_agenda_and_back_to_the_cases(window: MainWindow, qtbot: QtBot) -> None:
    window.agenda_action.trigger()
    assert window.agenda.isVisible()
    window.cases_action.trigger()
    assert window.case_list.isVisible()


def test_a_client_opened_from_the_agenda_is_shown_even_if_filtered_out(
    window: MainWindow, store: Store, qtbot: QtBot
) -> None:
    closed = list_clients(store, ClientQuery(state="closed")).clients[0]  # not in the "open" list
    window.agenda_action.trigger()
    window.agenda.open_client.emit(closed.id)
    qtbot.waitUntil(lambda: window.workspace.client_id == closed.id)
    assert window.case_list.isVisible()
    current = window.case_list.current_client()
    assert current is not None and current.id == closed.id


def test_the_organisations_open_from_the_view_menu(window: MainWindow, qtbot: QtBot) -> None:
    dialog = window.open_organisations()
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.reject()


def test_typing_in_a_tab_is_saved_when_another_case_is_chosen(
    window: MainWindow, store: Store, qtbot: QtBot
) -> None:
    select(window, "Müller, Anna", qtbot)
    view = window.workspace.view
    assert view is not None
    phone = window.workspace.tabs[0].editors["phone"].widget
    phone.setFocus()
    qtbot.keyClicks(phone, "0151 2345")
    assert window.saved_label.text() == "Unsaved changes"
    select(window, "Schmidt, Omar", qtbot)  # no focus change, no Enter: the switch saves
    assert store.get(Client, view.client.id).phone == "0151 2345"
    assert window.saved_label.text().startswith("Saved ")
    assert window.workspace.client_id != view.client.id


def test_closing_the_window_closes_the_store(window: MainWindow, store: Store) -> None:
    window.close()
    with pytest.raises(Exception):  # noqa: B017
        store.conn.execute("SELECT 1")


def test_menus_and_filters_are_english_and_retranslated(window: MainWindow, qtbot: QtBot) -> None:
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Case file", "&View", "&Sync", "&Reports", "Data &protection", "&Help"]
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    entries = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    assert entries == [
        "&New client…",
        "&Print plan…",
        "&Import clients from a spreadsheet…",
        "&Lock",
        "&Settings…",
        "Phrase &book…",
        "&Quit",
    ]
    assert window.case_list.deadline_filter.text() == "Dead&line within 30 days"
    assert window.case_list.measures_filter.text() == "Open &measures"
    assert window.case_list.state_label.text() == "Cas&es:"
