"""The client's languages in the overview: chosen from a list, each with its level, saved as the
other fields are, shown in the UI language."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.model import Client, LanguageSkill
from desktop.services.casefile import Store
from desktop.services.workspace import load_case
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.i18n import set_language
from desktop.ui.workspace.overview.languages_editor import LanguagesEditor, LanguagesList, SkillRow
from desktop.ui.workspace.overview.overview_tab import OverviewTab

Settle = Callable[[DbWorker], None]
AR, DE = LanguageSkill("ar", "native"), LanguageSkill("de", "A2")


@pytest.fixture
def layla(add: Callable[..., Client]) -> Client:
    return add(family_name="Haddad", given_names="Layla", nationality="SY", languages=(AR, DE))


@pytest.fixture
def tab(qtbot: QtBot, db: DbWorker, store: Store, layla: Client) -> OverviewTab:
    widget = OverviewTab(db)
    qtbot.addWidget(widget)
    widget.resize(850, 700)
    widget.show()
    widget.set_case(load_case(store, layla.id))
    return widget


def languages(tab: OverviewTab) -> LanguagesList:
    editor = tab.editors["languages"]
    assert isinstance(editor, LanguagesEditor)
    return editor.list


def rows_of(tab: OverviewTab) -> list[tuple[str, str]]:
    return [(r.language.combo.currentText(), r.level.currentText()) for r in languages(tab).rows]


def stored(store: Store, client: Client) -> tuple[LanguageSkill, ...]:
    return load_case(store, client.id).client.languages


def type_language(qtbot: QtBot, row: SkillRow, text: str) -> None:
    """Type a language's name or code into the row (ASCII) and press Return."""
    line = row.language.combo.lineEdit()
    assert line is not None
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def choose_level(row: SkillRow, level: str) -> None:
    row.level.setCurrentIndex(row.level.findData(level))


def visible_errors(tab: OverviewTab) -> list[str]:
    return [label.text() for label in tab.findChildren(QLabel) if label.isVisible()]


def test_each_language_shows_in_a_row_with_its_level(tab: OverviewTab) -> None:
    assert rows_of(tab) == [("Arabic", "native"), ("German", "A2")]
    levels = languages(tab).rows[0].level
    assert [levels.itemText(i) for i in range(levels.count())] == [
        "—", "A1", "A2", "B1", "B2", "C1", "C2", "native"
    ]  # fmt: skip
    assert languages(tab).saved_label.text() == "Arabic (native), German (A2)"


def test_a_level_chosen_is_saved(
    tab: OverviewTab, store: Store, layla: Client, db: DbWorker, settle: Settle
) -> None:
    choose_level(languages(tab).rows[1], "B1")
    settle(db)
    assert stored(store, layla) == (AR, LanguageSkill("de", "B1"))
    assert languages(tab).saved_label.text() == "Arabic (native), German (B1)"


@pytest.mark.parametrize(
    ("typed", "code", "shown"),
    [("Persisch", "fa", "Persian (Farsi)"), ("ti", "ti", "Tigrinya"), ("dari", "prs", "Dari")],
)
def test_a_language_is_added_by_its_name_in_either_language_or_its_code(
    qtbot: QtBot,
    tab: OverviewTab,
    store: Store,
    layla: Client,
    db: DbWorker,
    settle: Settle,
    typed: str,
    code: str,
    shown: str,
) -> None:
    qtbot.mouseClick(languages(tab).add_button, Qt.MouseButton.LeftButton)
    row = languages(tab).rows[-1]
    assert row.language.combo.hasFocus() or row.language.combo.lineEdit().hasFocus()
    type_language(qtbot, row, typed)
    settle(db)
    assert stored(store, layla) == (AR, DE, LanguageSkill(code))
    assert rows_of(tab)[-1] == (shown, "—")
    choose_level(row, "A1")
    settle(db)
    assert stored(store, layla)[-1] == LanguageSkill(code, "A1")


def test_the_list_is_searched_by_any_part_of_a_name(tab: OverviewTab) -> None:
    combo = languages(tab).rows[0].language.combo
    completer = combo.completer()
    assert completer is not None
    assert completer.filterMode() == Qt.MatchFlag.MatchContains
    completer.setCompletionPrefix("grinya")
    found = [completer.completionModel().index(i, 0).data() for i in range(3)]
    assert "Tigrinya" in found


def test_a_row_removed_is_saved_and_the_focus_stays_in_the_list(
    qtbot: QtBot, tab: OverviewTab, store: Store, layla: Client, db: DbWorker, settle: Settle
) -> None:
    first = languages(tab).rows[0]
    first.remove_button.setFocus()
    qtbot.keyClick(first.remove_button, Qt.Key.Key_Space)
    settle(db)
    assert stored(store, layla) == (DE,)
    assert rows_of(tab) == [("German", "A2")]
    remaining = languages(tab).rows[0].language.combo
    assert remaining.hasFocus() or remaining.isAncestorOf(tab.focusWidget())


def test_a_language_listed_twice_or_unknown_is_refused_and_stays_for_correction(
    qtbot: QtBot, tab: OverviewTab, store: Store, layla: Client, db: DbWorker, settle: Settle
) -> None:
    second = languages(tab).rows[1]
    type_language(qtbot, second, "Arabic")
    settle(db)
    assert stored(store, layla) == (AR, DE)
    assert any("Arabic is listed twice." in text for text in visible_errors(tab))
    type_language(qtbot, second, "Klingon")
    settle(db)
    assert any("'Klingon' is not a known language" in text for text in visible_errors(tab))
    assert second.language.combo.currentText() == "Klingon"
    type_language(qtbot, second, "French")
    settle(db)
    assert stored(store, layla) == (AR, LanguageSkill("fr", "A2"))
    assert not any("language" in text for text in visible_errors(tab))


def test_a_row_just_added_stays_when_another_field_is_saved(
    qtbot: QtBot, tab: OverviewTab, store: Store, layla: Client
) -> None:
    languages(tab).add_button.click()
    phone = tab.editors["phone"].widget
    phone.setFocus()
    qtbot.keyClicks(phone, "0761")
    with qtbot.waitSignal(tab.changed):
        qtbot.keyClick(phone, Qt.Key.Key_Return)
    tab.set_case(load_case(store, layla.id))  # the workspace shows the case anew after a save
    assert rows_of(tab) == [("Arabic", "native"), ("German", "A2"), ("", "—")]


def test_flush_saves_a_language_typed_but_not_finished(
    qtbot: QtBot, tab: OverviewTab, store: Store, layla: Client
) -> None:
    row = languages(tab).add_row()
    line = row.language.combo.lineEdit()
    assert line is not None
    line.setText("Turkish")
    with qtbot.waitSignal(tab.changed):
        tab.flush()
    assert stored(store, layla) == (AR, DE, LanguageSkill("tr"))


def test_another_client_shows_their_languages_and_clear_leaves_none(
    tab: OverviewTab, store: Store, add: Callable[..., Client]
) -> None:
    omar = add(family_name="Haddad", given_names="Omar", languages=(LanguageSkill("ti"),))
    tab.set_case(load_case(store, omar.id))
    assert rows_of(tab) == [("Tigrinya", "—")]
    tab.clear()
    assert rows_of(tab) == []
    assert languages(tab).saved_label.text() == ""


def test_in_german_names_and_levels_are_german_and_english_names_still_read(
    qtbot: QtBot, tab: OverviewTab, store: Store, layla: Client, db: DbWorker, settle: Settle
) -> None:
    set_language("de")
    qtbot.waitUntil(lambda: rows_of(tab)[0] == ("Arabisch", "Muttersprache"))
    assert languages(tab).saved_label.text() == "Arabisch (Muttersprache), Deutsch (A2)"
    assert languages(tab).add_button.text() == "&Sprache hinzufügen"
    assert languages(tab).rows[0].remove_button.text() == "Entfernen"
    type_language(qtbot, languages(tab).add_row(), "Turkish")
    settle(db)
    assert stored(store, layla)[-1] == LanguageSkill("tr")
    assert rows_of(tab)[-1] == ("Türkisch", "—")


def focus_order(start: QWidget, stop: QWidget) -> list[QWidget]:
    """The widgets Tab goes to from `start` up to `stop` (the focus chain, as Qt walks it)."""
    order, widget = [], start.nextInFocusChain()
    while widget is not stop and len(order) < 200:
        tab_stop = widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None
        if tab_stop and widget.isVisible() and widget.isEnabled():
            order.append(widget)
        widget = widget.nextInFocusChain()
    return order


def test_tab_goes_through_the_rows_in_order_then_add_then_the_next_field(
    qtbot: QtBot, tab: OverviewTab
) -> None:
    rows = languages(tab)
    added = rows.add_row()  # made after the form: Qt would put it last in the window
    qtbot.waitUntil(added.isVisible)
    nationality = tab.editors["nationality"].widget
    after = tab.editors["interpreter_needed"].widget
    expected = [w for row in rows.rows for w in row.focus_widgets()] + [rows.add_button]
    got = focus_order(nationality, after)
    assert [w for w in got if not isinstance(w.parent(), QComboBox)] == expected


def test_the_rows_fit_the_workspace_of_a_laptop(qtbot: QtBot, tab: OverviewTab) -> None:
    """Long names in both languages: the form still fits the workspace (about 850 pixels)."""
    many = ("ary", "azb", "aii", "ckb", "pcm")
    for lang in ("en", "de"):
        set_language(lang)
        tab.editors["languages"].show_value(tuple(LanguageSkill(c, "native") for c in many))
        qtbot.waitUntil(lambda: all(row.isVisible() for row in languages(tab).rows))
        form = tab.form_area.widget()
        assert form is not None
        assert form.minimumSizeHint().width() <= 800
        assert languages(tab).minimumSizeHint().width() <= 420
