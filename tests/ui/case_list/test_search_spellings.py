"""The case list's search across spellings and scripts, as the coordinator sees it: the row
says which words another spelling found, and an empty answer says what was searched and offers
the closed cases."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.domain.model import Client
from desktop.ui.case_list.case_list import CaseList
from desktop.ui.case_list.case_list_model import FOUND_AS_ROLE, NAME
from desktop.ui.case_list.found_as_delegate import FoundAsDelegate, found_as_suffix
from desktop.ui.widgets.db_worker import DbWorker

Settle = Callable[[DbWorker], None]


@pytest.fixture
def case_list(qtbot: QtBot, db: DbWorker, settle: Settle) -> Iterator[CaseList]:
    widget = CaseList()
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    widget.set_db(db)
    settle(db)
    yield widget
    widget.clear()


def search(case_list: CaseList, db: DbWorker, settle: Settle, text: str) -> None:
    """Type (set) the search text and wait for the worker's answer."""
    case_list.search.setText(text)
    case_list.run_query()
    settle(db)


def shown(case_list: CaseList) -> list[str]:
    model = case_list.model
    return [model.data(model.index(row, NAME)) for row in range(model.rowCount())]


def name_cell(case_list: CaseList, name: str) -> tuple[str, str]:
    """(the grey suffix painted after the name, the tooltip) of the row showing `name`."""
    model = case_list.model
    row = shown(case_list).index(name)
    index = model.index(row, NAME)
    assert isinstance(case_list.table.itemDelegateForColumn(NAME), FoundAsDelegate)
    case_list.table.viewport().grab()  # the delegate paints the row with its suffix
    return found_as_suffix(index), model.data(index, Qt.ItemDataRole.ToolTipRole)


def test_a_latin_spelling_is_found_and_shown_as_found_as(
    case_list: CaseList, db: DbWorker, settle: Settle, add: Callable[..., Client], qtbot: QtBot
) -> None:
    add(family_name="Haddad", given_names="Mohammed")
    add(family_name="Schmidt", given_names="Anna")
    settle(db)
    qtbot.keyClicks(case_list.search, "mohamad")
    qtbot.waitUntil(lambda: shown(case_list) == ["Haddad, Mohammed"])
    settle(db)
    suffix, tooltip = name_cell(case_list, "Haddad, Mohammed")
    assert suffix == "≈ Mohammed"
    assert tooltip == "Haddad, Mohammed – found as Mohammed"
    assert not case_list.no_match.isVisible()
    # found as typed: the name alone, no suffix and no tooltip
    search(case_list, db, settle, "Schmidt")
    assert shown(case_list) == ["Schmidt, Anna"]
    assert name_cell(case_list, "Schmidt, Anna") == ("", None)


def test_a_name_in_arabic_script_is_found_by_its_latin_spelling(
    case_list: CaseList, db: DbWorker, settle: Settle, add: Callable[..., Client]
) -> None:
    add(family_name="حداد", given_names="محمد")
    search(case_list, db, settle, "Haddad Mohammed")
    assert shown(case_list) == ["حداد, محمد"]
    suffix, tooltip = name_cell(case_list, "حداد, محمد")
    assert case_list.model.data(case_list.model.index(0, NAME), FOUND_AS_ROLE) == "حداد محمد"
    assert suffix == "≈ حداد محمد"
    assert tooltip == "حداد, محمد – found as حداد محمد"


def test_nothing_found_says_so_and_offers_the_closed_cases(
    case_list: CaseList, db: DbWorker, settle: Settle, add: Callable[..., Client], qtbot: QtBot
) -> None:
    add(
        family_name="Haddad",
        given_names="Mohammed",
        opened_on=date(2020, 1, 1),
        closed_on=date(2021, 1, 1),
    )
    assert case_list.query().state == "open"
    qtbot.keyClicks(case_list.search, "mohamad")
    qtbot.waitUntil(case_list.no_match.isVisible)
    settle(db)
    hint = case_list.no_match
    assert case_list.model.rowCount() == 0
    assert hint.message.text() == (
        'No client found for "mohamad". Other spellings and scripts were searched too.'
    )
    button = hint.search_closed_button
    assert button.isVisible() and button.focusPolicy() & Qt.FocusPolicy.TabFocus
    # by keyboard: Tab from the search field reaches the button, Space presses it
    case_list.search.setFocus()
    qtbot.waitUntil(case_list.search.hasFocus)
    qtbot.keyClick(case_list.search, Qt.Key.Key_Tab)
    qtbot.waitUntil(button.hasFocus)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: shown(case_list) == ["Haddad, Mohammed"])
    settle(db)
    assert case_list.query().state == "all"
    assert not hint.isVisible()
    assert name_cell(case_list, "Haddad, Mohammed")[0] == "≈ Mohammed"


def test_the_hint_goes_when_the_search_is_emptied(
    case_list: CaseList, db: DbWorker, settle: Settle, add: Callable[..., Client], qtbot: QtBot
) -> None:
    add(family_name="Schmidt", given_names="Anna")
    search(case_list, db, settle, "Nobodyhere")
    assert case_list.no_match.isVisible()
    case_list.search.clear()
    assert not case_list.no_match.isVisible()  # at once, not only when the answer comes
    qtbot.waitUntil(lambda: shown(case_list) == ["Schmidt, Anna"])
    settle(db)
    assert not case_list.no_match.isVisible()


def test_no_closed_cases_button_when_the_filter_shows_them(
    case_list: CaseList, db: DbWorker, settle: Settle
) -> None:
    case_list.state_filter.setCurrentIndex(2)  # all
    search(case_list, db, settle, "Nobodyhere")
    assert case_list.no_match.isVisible()
    assert not case_list.no_match.search_closed_button.isVisible()


def test_locking_hides_the_hint_and_its_name(
    case_list: CaseList, db: DbWorker, settle: Settle
) -> None:
    search(case_list, db, settle, "Nobodyhere")
    assert "Nobodyhere" in case_list.no_match.message.text()
    case_list.clear()
    assert not case_list.no_match.isVisible()
    assert case_list.no_match.message.text() == ""
