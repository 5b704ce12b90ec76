"""The main window offscreen over a real case file: search, filter, summary, lock and unlock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableView
from pytestqt.qtbot import QtBot

from desktop.domain.catalogues import ResidenceStatus
from desktop.domain.model import Client
from desktop.store.search import ClientQuery
from desktop.store.store import Store
from desktop.ui.main_window import MainWindow

PASSPHRASE = "correct horse battery staple"
NAMES = ("Müller, Anna", "Schmidt, Omar", "Haddad, Layla")


@pytest.fixture
def window(qtbot: QtBot, store: Store, case_root: Path, add: Callable[..., Client]) -> MainWindow:
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
    window = MainWindow(store, case_root)
    qtbot.addWidget(window)
    window.show()
    return window


def shown_names(window: MainWindow) -> list[str]:
    model = window.model
    return [model.client_at(row).display_name for row in range(model.rowCount())]


def visible_texts(window: MainWindow) -> list[str]:
    """Every label text, every cell of every table, and the window title."""
    texts = [label.text() for label in window.findChildren(QLabel)]
    for view in window.findChildren(QTableView):
        model = view.model()
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                texts.append(str(model.index(row, column).data()))
    return [*texts, window.windowTitle()]


def test_the_list_shows_open_cases_and_counts_them(window: MainWindow) -> None:
    assert sorted(shown_names(window)) == ["Müller, Anna", "Schmidt, Omar"]
    assert window.count_label.text() == "2 Personen"


def test_typing_ascii_finds_the_name_with_umlaut(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClicks(window.search, "muller")
    qtbot.waitUntil(lambda: shown_names(window) == ["Müller, Anna"])
    assert window.count_label.text() == "1 Person"
    window.search.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)


def test_the_state_filter_shows_closed_and_all_cases(window: MainWindow) -> None:
    window.state_filter.setCurrentIndex(window.state_filter.findData("closed"))
    assert shown_names(window) == ["Haddad, Layla"]
    window.state_filter.setCurrentIndex(window.state_filter.findData("all"))
    assert sorted(shown_names(window)) == sorted(NAMES)
    assert window.count_label.text() == "3 Personen"


def test_selecting_a_row_shows_the_person_beside_the_list(window: MainWindow) -> None:
    row = shown_names(window).index("Müller, Anna")
    window.table.selectRow(row)
    texts = [label.text() for label in window.summary.findChildren(QLabel)]
    assert "Müller, Anna" in texts
    assert "Mueller" in texts and "A-1" in texts


def test_a_status_running_out_within_30_days_is_marked(window: MainWindow) -> None:
    window.table.selectRow(shown_names(window).index("Schmidt, Omar"))
    marked = [
        label for label in window.summary.findChildren(QLabel) if "läuft bald ab" in label.text()
    ]
    assert len(marked) == 1 and marked[0].styleSheet()
    expected = f"{date.today() + timedelta(days=10):%d.%m.%Y}"
    assert marked[0].text().startswith(expected)


def test_sorting_by_a_column_reorders_in_sql(window: MainWindow, qtbot: QtBot) -> None:
    window.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert shown_names(window) == ["Schmidt, Omar", "Müller, Anna"]
    assert window.model.query.sort == "name" and window.model.query.descending


def test_lock_closes_the_store_and_hides_every_name(
    window: MainWindow, store: Store, qtbot: QtBot
) -> None:
    window.state_filter.setCurrentIndex(window.state_filter.findData("all"))
    window.table.selectRow(0)
    window.search.setText("Müller")
    window.lock()
    with pytest.raises(Exception):  # noqa: B017 - any error: the connection is gone
        store.conn.execute("SELECT 1")
    assert window.store is None
    assert window.model.rowCount() == 0
    assert window.search.text() == ""
    texts = " ".join(visible_texts(window))
    for name in ("Müller", "Mueller", "Schmidt", "Haddad", "Anna", "Omar", "Layla", "A-1"):
        assert name not in texts
    assert not window.lock_action.isEnabled()


def test_after_locking_the_passphrase_brings_the_list_back(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.lock()
    dialog = window.request_unlock()
    dialog.field.setText("not the passphrase")
    dialog.ok_button.click()
    assert window.store is None and dialog.isVisible()
    dialog.field.setText(PASSPHRASE)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: window.store is not None)
    assert window.store is not None
    try:
        assert window.store.clients(ClientQuery()).total == 3
        assert sorted(shown_names(window)) == ["Müller, Anna", "Schmidt, Omar"]
        assert window.lock_action.isEnabled()
    finally:
        window.store.close()


def test_ctrl_f_puts_the_cursor_in_the_search_field(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search.hasFocus)


def test_closing_the_window_closes_the_store(window: MainWindow, store: Store) -> None:
    window.close()
    with pytest.raises(Exception):  # noqa: B017
        store.conn.execute("SELECT 1")
