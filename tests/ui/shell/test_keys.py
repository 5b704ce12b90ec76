"""The keyboard paths of a counselling session: search, results, case, tabs and back.

Down or Enter in the search reach the results (also while the search still waits for the
typing to stop), Enter opens the case with the focus in its first field, Esc goes back to the
search, and Ctrl+Tab / Ctrl+PgDn switch the case's tabs wherever the focus is on the page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.model import Client
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.widgets.db_worker import DbWorker

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(
    qtbot: QtBot,
    db: DbWorker,
    case_root: Path,
    add: Callable[..., Client],
    settle: Callable[[DbWorker], None],
) -> MainWindow:
    add(family_name="Schmidt", given_names="Omar")
    add(family_name="Schneider", given_names="Lena")
    add(family_name="Haddad", given_names="Layla")
    window = MainWindow(db, case_root)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    settle(db)
    return window


def _focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def _in(container: QWidget) -> bool:
    focused = QApplication.focusWidget()
    return focused is not None and container.isAncestorOf(focused)


def test_down_in_the_search_reaches_the_results_before_the_search_has_run(
    qtbot: QtBot, window: MainWindow, settle: Callable[[DbWorker], None]
) -> None:
    search = window.case_list.search
    _focus(qtbot, search)
    qtbot.keyClicks(search, "schn")  # the search waits 150 ms for more typing
    qtbot.keyClick(search, Qt.Key.Key_Down)  # at once, not after five Tabs
    qtbot.waitUntil(window.case_list.table.hasFocus)
    settle(window.db)
    client = window.case_list.current_client()
    assert client is not None and client.family_name == "Schneider"
    qtbot.waitUntil(lambda: window.workspace.client_id == client.id)


def test_enter_in_the_search_opens_the_first_case_with_the_focus_in_it(
    qtbot: QtBot, window: MainWindow, settle: Callable[[DbWorker], None]
) -> None:
    search = window.case_list.search
    _focus(qtbot, search)
    qtbot.keyClicks(search, "haddad")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    settle(window.db)
    qtbot.waitUntil(lambda: _in(window.workspace.tab_widget))
    view = window.workspace.view
    assert view is not None and view.client.family_name == "Haddad"


def test_enter_on_a_row_opens_the_case_and_esc_goes_back_to_the_search(
    qtbot: QtBot, window: MainWindow, settle: Callable[[DbWorker], None]
) -> None:
    table = window.case_list.table
    _focus(qtbot, window.case_list.search)
    qtbot.keyClick(window.case_list.search, Qt.Key.Key_Down)
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Down)  # the second person
    second = window.case_list.current_client()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    settle(window.db)
    qtbot.waitUntil(lambda: _in(window.workspace.tab_widget))
    assert second is not None and window.workspace.client_id == second.id
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_Escape)
    qtbot.waitUntil(window.case_list.search.hasFocus)
    assert window.workspace.client_id == second.id  # the case stays shown


def test_up_on_the_first_row_and_esc_in_the_list_go_back_to_the_search(
    qtbot: QtBot, window: MainWindow
) -> None:
    table = window.case_list.table
    search = window.case_list.search
    _focus(qtbot, search)
    qtbot.keyClick(search, Qt.Key.Key_Down)
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Up)
    qtbot.waitUntil(search.hasFocus)
    qtbot.keyClick(search, Qt.Key.Key_Down)
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Escape)
    qtbot.waitUntil(search.hasFocus)


def test_esc_in_the_search_clears_it(qtbot: QtBot, window: MainWindow) -> None:
    search = window.case_list.search
    _focus(qtbot, search)
    qtbot.keyClicks(search, "omar")
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert search.text() == ""


@pytest.mark.parametrize(
    ("key", "modifiers", "step"),
    [
        (Qt.Key.Key_PageDown, CTRL, 1),
        (Qt.Key.Key_Tab, CTRL, 1),
        (Qt.Key.Key_PageUp, CTRL, -1),
        (Qt.Key.Key_Backtab, CTRL | Qt.KeyboardModifier.ShiftModifier, -1),
    ],
)
def test_ctrl_keys_switch_the_tabs_from_a_field_and_from_the_list(
    qtbot: QtBot,
    window: MainWindow,
    settle: Callable[[DbWorker], None],
    key: Qt.Key,
    modifiers: Qt.KeyboardModifier,
    step: int,
) -> None:
    tabs = window.workspace.tab_widget
    _focus(qtbot, window.case_list.search)
    qtbot.keyClick(window.case_list.search, Qt.Key.Key_Return)
    settle(window.db)
    qtbot.waitUntil(lambda: _in(tabs))
    shown = window.workspace.client_id
    count = tabs.count()
    before = tabs.currentIndex()
    field = QApplication.focusWidget()
    assert field is not None
    qtbot.keyClick(field, key, modifiers)  # from a field of the case
    assert tabs.currentIndex() == (before + step) % count
    assert _in(tabs.currentWidget()) or tabs.tabBar().hasFocus()
    _focus(qtbot, window.case_list.table)
    qtbot.keyClick(window.case_list.table, key, modifiers)  # from the list: the tab, not the row
    assert tabs.currentIndex() == (before + 2 * step) % count
    settle(window.db)
    assert window.workspace.client_id == shown
