"""Phrases in the plan editor over a real case file: suggested as German is typed, chosen by
keyboard, stored with their key; texts per language; items without a client-language text
marked in the tree."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.domain.catalogues import FieldOfAction
from desktop.domain.model import Client, Goal, IntegrationPlan, LanguageSkill, Measure
from desktop.domain.texts import Texts
from desktop.services import casework, workspace
from desktop.services.casefile import Store
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.phrase_completer import PhraseCompleter
from desktop.ui.workspace.plan.plan_tab import PlanTab
from desktop.ui.workspace.plan.plan_tree import CLIENT_TEXT, MISSING_TEXT_COLOUR

Settle = Callable[[DbWorker], None]
COURSE = "Den Integrationskurs abschließen"
COURSE_KEY = "goal.language.integration_course"
CV_KEY = "measure.work.cv"


@pytest.fixture
def client(add: Callable[..., Client]) -> Client:
    return add(
        family_name="Haddad", given_names="Rana",
        languages=(LanguageSkill("de", "B1"), LanguageSkill("ar", "native")),
    )  # fmt: skip


@pytest.fixture
def plan(store: Store, client: Client) -> IntegrationPlan:
    return workspace.ensure_plan(store, client.id)


@pytest.fixture
def tab(qtbot: QtBot, db: DbWorker) -> PlanTab:
    widget = PlanTab(db)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def show(tab: PlanTab, store: Store, client: Client, db: DbWorker, settle: Settle) -> None:
    """Show the case and wait for the phrase book the worker reads."""
    tab.set_case(workspace.load_case(store, client.id))
    settle(db)


def choose_first(qtbot: QtBot, completer: PhraseCompleter) -> None:
    """Arrow down to the first suggestion and press Enter, as the coordinator would."""
    popup = completer.completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)


def client_text(tab: PlanTab, entity_id: str) -> tuple[str, str]:
    """The client-text cell of a goal's or measure's row and its colour."""
    tab.tree.select(entity_id)
    item = tab.tree.currentItem()
    assert item is not None
    return item.text(CLIENT_TEXT), item.foreground(CLIENT_TEXT).color().name()


def test_a_goal_typed_in_german_is_chosen_from_the_phrase_book(
    tab: PlanTab, store: Store, client: Client, plan: IntegrationPlan, db: DbWorker,
    settle: Settle, qtbot: QtBot,
) -> None:  # fmt: skip
    show(tab, store, client, db, settle)
    tab.field_combo.setCurrentIndex(tab.field_combo.findData(FieldOfAction.WORK.value))
    qtbot.keyClicks(tab.goal_title_edit, "Integr")
    suggestions = tab.goal_completer.suggestions()
    assert suggestions[0] == COURSE
    shown = tab.goal_completer.model.item(0).text()
    assert shown.startswith(f"{COURSE} — ") and "الاندماج" in shown  # Arabic beside

    choose_first(qtbot, tab.goal_completer)
    assert tab.goal_title_edit.text() == COURSE
    assert tab.goal_completer.phrase_key() == COURSE_KEY
    assert tab.field_combo.currentData() == FieldOfAction.LANGUAGE.value  # the phrase's field
    assert workspace.load_case(store, client.id).goals == []  # Enter chose, it did not add

    with qtbot.waitSignal(tab.changed):
        tab.add_goal_button.click()
    [goal] = workspace.load_case(store, client.id).goals
    assert (goal.title, goal.phrase_key, goal.field_of_action) == (
        COURSE, COURSE_KEY, FieldOfAction.LANGUAGE,
    )  # fmt: skip
    assert tab.goal_completer.phrase_key() == ""  # the row is empty for the next goal
    text, colour = client_text(tab, goal.id)
    assert "الاندماج" in text and colour != MISSING_TEXT_COLOUR.name()


def test_editing_a_chosen_text_by_hand_makes_it_free_text(
    tab: PlanTab, store: Store, client: Client, plan: IntegrationPlan, db: DbWorker,
    settle: Settle, qtbot: QtBot,
) -> None:  # fmt: skip
    show(tab, store, client, db, settle)
    qtbot.keyClicks(tab.goal_title_edit, "Integr")
    popup = tab.goal_completer.completer.popup()
    assert popup is not None and popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Escape)  # Esc closes the list, the text stays
    assert not popup.isVisible() and tab.goal_title_edit.text() == "Integr"
    assert tab.goal_completer.phrase_key() == ""
    qtbot.keyClicks(tab.goal_title_edit, "ation")
    choose_first(qtbot, tab.goal_completer)
    assert tab.goal_completer.phrase_key() == COURSE_KEY
    qtbot.keyClicks(tab.goal_title_edit, " bis Mai")
    assert tab.goal_completer.phrase_key() == ""
    with qtbot.waitSignal(tab.changed):
        tab.add_goal_button.click()
    [goal] = workspace.load_case(store, client.id).goals
    assert (goal.title, goal.phrase_key) == (f"{COURSE} bis Mai", "")
    assert client_text(tab, goal.id) == ("⚠ no Arabic text", MISSING_TEXT_COLOUR.name())


def test_the_goal_dialog_stores_the_phrase_and_the_texts_typed(
    tab: PlanTab, store: Store, client: Client, plan: IntegrationPlan, db: DbWorker,
    settle: Settle, qtbot: QtBot,
) -> None:  # fmt: skip
    goal = Goal(plan.id, FieldOfAction.WORK, "Kurs")
    casework.add(store, goal)
    show(tab, store, client, db, settle)
    tab.tree.select(goal.id)
    dialog = tab.edit_goal()
    assert dialog is not None
    assert list(dialog.texts_editor.edits) == ["ar"]  # German is the title, Arabic the row

    dialog.title_edit.clear()
    qtbot.keyClicks(dialog.title_edit, "Integr")
    choose_first(qtbot, dialog.completer)
    assert dialog.field_combo.currentData() == FieldOfAction.LANGUAGE.value
    placeholder = dialog.texts_editor.edits["ar"].placeholderText()
    assert "الاندماج" in placeholder  # the phrase's Arabic, to override only if needed
    assert dialog.texts_editor.edits["ar"].layoutDirection() == Qt.LayoutDirection.RightToLeft
    dialog.texts_editor.edits["ar"].setText("إنهاء دورة الاندماج قبل الصيف")
    with qtbot.waitSignal(tab.changed):
        dialog.accept()

    saved = store.get(Goal, goal.id)
    assert (saved.title, saved.phrase_key, saved.field_of_action) == (
        COURSE, COURSE_KEY, FieldOfAction.LANGUAGE,
    )  # fmt: skip
    assert dict(saved.texts) == {"ar": "إنهاء دورة الاندماج قبل الصيف"}
    assert client_text(tab, goal.id)[0] == "إنهاء دورة الاندماج قبل الصيف"  # its own text wins


def test_a_measure_from_the_phrase_book_keeps_its_key_and_texts_in_other_languages(
    tab: PlanTab, store: Store, client: Client, plan: IntegrationPlan, db: DbWorker,
    settle: Settle, qtbot: QtBot,
) -> None:  # fmt: skip
    goal = Goal(plan.id, FieldOfAction.WORK, "Arbeit finden")
    casework.add(store, goal)
    show(tab, store, client, db, settle)
    tab.tree.select(goal.id)
    dialog = tab.add_measure()
    assert dialog is not None
    qtbot.keyClicks(dialog.title_edit, "Lebensl")
    assert dialog.completer.suggestions()[0] == "Einen Lebenslauf schreiben"
    choose_first(qtbot, dialog.completer)
    editor = dialog.texts_editor
    editor.add_combo.setCurrentIndex(editor.add_combo.findData("fa"))
    editor.add_combo.activated.emit(editor.add_combo.currentIndex())
    assert list(editor.edits) == ["ar", "fa"]
    editor.edits["fa"].setText("نوشتن رزومه")
    with qtbot.waitSignal(tab.changed):
        dialog.accept()
    [measure] = workspace.load_case(store, client.id).measures
    assert (measure.title, measure.phrase_key) == ("Einen Lebenslauf schreiben", CV_KEY)
    assert dict(measure.texts) == {"fa": "نوشتن رزومه"}


def test_a_text_without_a_language_is_assigned_in_the_dialog(
    tab: PlanTab, store: Store, client: Client, plan: IntegrationPlan, db: DbWorker,
    settle: Settle, qtbot: QtBot,
) -> None:  # fmt: skip
    goal = Goal(plan.id, FieldOfAction.WORK, "Arbeit finden")
    measure = Measure(goal.id, "Bewerbung schreiben", texts=Texts({"und": "نوشتن درخواست"}))
    casework.add(store, goal, measure)
    show(tab, store, client, db, settle)
    assert client_text(tab, measure.id) == (
        "⚠ language not set: نوشتن درخواست", MISSING_TEXT_COLOUR.name(),
    )  # fmt: skip

    dialog = tab.edit_measure()
    assert dialog is not None
    editor = dialog.texts_editor
    assert list(editor.edits) == ["ar", "und"] and editor.assign_combo is not None
    assert editor.edits["und"].text() == "نوشتن درخواست"
    editor.assign_combo.setCurrentIndex(editor.assign_combo.findData("fa"))
    editor.assign_combo.activated.emit(editor.assign_combo.currentIndex())
    assert list(editor.edits) == ["ar", "fa"] and editor.assign_combo is None
    with qtbot.waitSignal(tab.changed):
        dialog.accept()
    assert dict(store.get(Measure, measure.id).texts) == {"fa": "نوشتن درخواست"}
    assert client_text(tab, measure.id) == ("⚠ no Arabic text", MISSING_TEXT_COLOUR.name())


def test_the_tree_marks_items_without_a_text_in_the_first_language(
    tab: PlanTab, store: Store, client: Client, plan: IntegrationPlan, db: DbWorker,
    settle: Settle,
) -> None:  # fmt: skip
    goal = Goal(plan.id, FieldOfAction.WORK, "Arbeit finden")
    free = Measure(goal.id, "Zum Amt gehen", texts=Texts({"fa": "رفتن به اداره"}))
    from_phrase = Measure(goal.id, "Einen Lebenslauf schreiben", phrase_key=CV_KEY)
    casework.add(store, goal, free, from_phrase)
    show(tab, store, client, db, settle)
    text, colour = client_text(tab, free.id)
    assert (text, colour) == ("⚠ no Arabic text", MISSING_TEXT_COLOUR.name())
    item = tab.tree.currentItem()
    assert item is not None and "Arabic" in item.toolTip(CLIENT_TEXT)
    text, colour = client_text(tab, from_phrase.id)
    assert text == "كتابة سيرة ذاتية (Lebenslauf)" and colour != MISSING_TEXT_COLOUR.name()


def test_nothing_is_marked_for_a_client_who_reads_german_only(
    tab: PlanTab, store: Store, add: Callable[..., Client], db: DbWorker, settle: Settle
) -> None:
    client = add(family_name="Berg", given_names="Anna", languages=(LanguageSkill("de"),))
    plan = workspace.ensure_plan(store, client.id)
    goal = Goal(plan.id, FieldOfAction.WORK, "Arbeit finden")
    casework.add(store, goal)
    show(tab, store, client, db, settle)
    assert client_text(tab, goal.id)[0] == ""
    tab.tree.select(goal.id)
    dialog = tab.edit_goal()
    assert dialog is not None and dialog.texts_editor.edits == {}
    dialog.reject()


def test_the_phrase_book_is_read_once_per_window_and_again_when_it_changed(
    tab: PlanTab, store: Store, client: Client, plan: IntegrationPlan, db: DbWorker,
    settle: Settle, add: Callable[..., Client],
) -> None:  # fmt: skip
    from desktop.services import phrases
    from desktop.ui.widgets.phrase_source import phrase_source

    show(tab, store, client, db, settle)
    books = phrase_source(db)
    first = books.book
    assert first is not None and tab.tree._book is first
    other = add(family_name="Rahimi", given_names="Omid")
    show(tab, store, other, db, settle)
    show(tab, store, client, db, settle)
    assert books.book is first  # not read again per client shown
    own = phrases.add_office_phrase(store, FieldOfAction.LEISURE, "goal", "Im Chor singen")
    books.reload()  # as the phrase book dialog does when it closes
    settle(db)
    assert books.book is not first and books.book.get(own.id) is not None
    assert tab.tree._book is books.book
