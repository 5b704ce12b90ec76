"""The integration plan tab over a real case file: goals, measures, templates, progress."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.catalogues import (
    FieldOfAction,
    GoalStatus,
    MeasureStatus,
    OrganisationKind,
    PlanStatus,
    Responsible,
)
from desktop.domain.errors import InvalidInput
from desktop.domain.model import (
    Client,
    Goal,
    IntegrationPlan,
    LanguageSkill,
    Measure,
    Organisation,
)
from desktop.domain.rules import PLAN_TEMPLATES
from desktop.services import casework, workspace
from desktop.services.casefile import Store
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.i18n import set_language
from desktop.ui.workspace.plan.plan_measure_dialog import MeasureDialog
from desktop.ui.workspace.plan.plan_tab import PlanTab
from desktop.ui.workspace.plan.plan_tree import DUE, OVERDUE_COLOUR, RESPONSIBLE, STATUS, TITLE

Settle = Callable[[DbWorker], None]


@pytest.fixture
def client(add: Callable[..., Client]) -> Client:
    return add(
        family_name="Ahmadi", given_names="Farid",
        languages=(LanguageSkill("ar", "native"), LanguageSkill("de", "A2")),
    )  # fmt: skip


@pytest.fixture
def tab(qtbot: QtBot, db: DbWorker) -> PlanTab:
    widget = PlanTab(db)
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def plan(store: Store, client: Client) -> IntegrationPlan:
    return workspace.ensure_plan(store, client.id)


def show(tab: PlanTab, store: Store, client: Client) -> None:
    tab.set_case(workspace.load_case(store, client.id))


def stored_goals(store: Store, client: Client) -> list[Goal]:
    plan = store.plan_of(client.id)
    return store.goals_of([plan.id]) if plan else []


def stored_measures(store: Store, client: Client) -> list[Measure]:
    return store.measures_of([g.id for g in stored_goals(store, client)])


def rows(tab: PlanTab) -> list[list[str]]:
    """The tree's rows as lists of cell texts, top to bottom."""
    columns = tab.tree.columnCount()
    texts = tab.tree.texts()
    return [texts[i : i + columns] for i in range(0, len(texts), columns)]


def visible_texts(widget: QWidget) -> str:
    texts = [w.text() for w in widget.findChildren(QLabel)]
    texts += [w.text() for w in widget.findChildren(QLineEdit)]
    for combo in widget.findChildren(QComboBox):
        texts += [combo.itemText(i) for i in range(combo.count())]
    if isinstance(widget, PlanTab):
        texts += widget.tree.texts()
    return "\n".join(texts)


def test_a_goal_and_a_measure_are_added_shown_and_stored(
    tab: PlanTab, store: Store, client: Client, qtbot: QtBot
) -> None:
    partner = Organisation("Jobcenter Nord", OrganisationKind.JOBCENTER)
    casework.add(store, partner)
    show(tab, store, client)
    assert tab.details.start_button.isVisible()

    tab.field_combo.setCurrentIndex(tab.field_combo.findText("Work and training"))
    qtbot.keyClicks(tab.goal_title_edit, "Find an apprenticeship")
    with qtbot.waitSignal(tab.changed):
        tab.add_goal_button.click()

    [goal] = stored_goals(store, client)
    assert (goal.field_of_action, goal.title) == (FieldOfAction.WORK, "Find an apprenticeship")
    assert tab.goal_title_edit.text() == ""
    assert not tab.details.start_button.isVisible()  # adding a goal started the plan
    assert tab.tree.selected() == goal

    dialog = tab.add_measure()
    assert dialog is not None
    dialog.title_edit.setText("Write a CV")
    dialog.responsible_combo.setCurrentIndex(dialog.responsible_combo.findData("organisation"))
    dialog.organisation_combo.setCurrentIndex(dialog.organisation_combo.findText("Jobcenter Nord"))
    dialog.due_edit.setText("2031-05-17")
    dialog.texts_editor.edits["ar"].setText("كتابة سيرة ذاتية")
    with qtbot.waitSignal(tab.changed):
        dialog.accept()

    [measure] = stored_measures(store, client)
    assert (measure.goal_id, measure.title, measure.responsible) == (
        goal.id,
        "Write a CV",
        Responsible.ORGANISATION,
    )
    assert (measure.organisation_id, measure.due_on) == (partner.id, date(2031, 5, 17))
    assert dict(measure.texts) == {"ar": "كتابة سيرة ذاتية"}
    assert rows(tab) == [
        ["Work and training", "", "", "", "", ""],
        ["Find an apprenticeship", "open", "", "", "", "⚠ no Arabic text"],
        ["Write a CV", "planned", "Jobcenter Nord", "2031-05-17", "", "كتابة سيرة ذاتية"],
    ]


def test_a_measure_without_a_title_is_refused_in_the_dialog(
    tab: PlanTab, store: Store, client: Client, plan: IntegrationPlan, db: DbWorker, settle: Settle
) -> None:
    casework.add(store, Goal(plan.id, FieldOfAction.HEALTH, "See a doctor"))
    show(tab, store, client)
    tab.tree.select(stored_goals(store, client)[0].id)
    dialog = tab.add_measure()
    assert dialog is not None
    dialog.due_edit.setText("2031-02-30")
    dialog.title_edit.setText("Book an appointment")
    dialog.accept()
    settle(db)
    assert dialog.isVisible() and "2031-02-30" in dialog.error_label.text()
    assert stored_measures(store, client) == []
    dialog.reject()


def test_add_from_template_adds_the_goal_with_its_measures(
    tab: PlanTab, store: Store, client: Client, db: DbWorker, settle: Settle
) -> None:
    show(tab, store, client)
    field, title, steps = PLAN_TEMPLATES[0]
    [action] = [a for a in tab.template_menu.actions() if a.text() == f"Language: {title}"]
    action.trigger()
    settle(db)

    [goal] = stored_goals(store, client)
    assert (goal.field_of_action, goal.title) == (field, title)
    assert [m.title for m in stored_measures(store, client)] == [step for step, _who in steps]
    shown = [row[TITLE] for row in rows(tab)]
    assert shown == ["Language", title, *(step for step, _who in steps)]
    assert rows(tab)[2][RESPONSIBLE] == "client"
    assert tab.details.progress_text() == f"0 of {len(steps)} measures done, 0 of 1 goals reached"


def test_the_progress_text_follows_a_measure_set_to_done(
    tab: PlanTab, store: Store, client: Client, plan: IntegrationPlan, db: DbWorker, settle: Settle
) -> None:
    goal = Goal(plan.id, FieldOfAction.HOUSING, "Own flat")
    late = Measure(goal.id, "Apply for WBS", due_on=date.today() - timedelta(days=3))
    casework.add(store, goal, late, Measure(goal.id, "Visit flats", position=1))
    show(tab, store, client)
    assert tab.details.progress_text() == "0 of 2 measures done, 1 overdue, 0 of 1 goals reached"
    assert tab.details.progress_bar.value() == 0

    tab.tree.select(late.id)
    combo = tab.editor.measure_status
    assert combo.isVisible() and combo.currentText() == "planned"
    combo.setCurrentIndex(combo.findText("done"))
    combo.activated.emit(combo.currentIndex())
    settle(db)

    assert store.get(Measure, late.id).status is MeasureStatus.DONE
    assert tab.details.progress_text() == "1 of 2 measures done, 0 of 1 goals reached"
    assert tab.details.progress_bar.value() == 1
    assert tab.tree.selected() == store.get(Measure, late.id)  # the selection stayed


def test_an_overdue_measure_shows_its_due_date_in_red(
    tab: PlanTab, store: Store, client: Client, plan: IntegrationPlan
) -> None:
    goal = Goal(plan.id, FieldOfAction.RESIDENCE, "Secure the stay")
    overdue = date.today() - timedelta(days=1)
    casework.add(store, goal, Measure(goal.id, "Renew the permit", due_on=overdue))
    show(tab, store, client)
    item = tab.tree.topLevelItem(0).child(0).child(0)
    assert item.text(DUE) == overdue.isoformat()
    assert item.foreground(DUE).color() == QColor(OVERDUE_COLOUR)
    assert item.toolTip(DUE) == "Overdue"


def test_a_long_title_leaves_status_who_and_due_in_view(
    tab: PlanTab, store: Store, client: Client, plan: IntegrationPlan
) -> None:
    """The workspace on a 1366-px laptop is about 700 px wide: the due date stays readable,
    the title ends in "…" and shows in full as its tooltip."""
    tab.resize(700, 500)
    goal = Goal(plan.id, FieldOfAction.CHILDCARE, "Einen Kita-Platz für das Kind bekommen")
    title = "Den Anspruch auf einen Kita-Platz beim Jugendamt geltend machen und Fristen wahren"
    casework.add(store, goal, Measure(goal.id, title, due_on=date(2027, 1, 15)))
    show(tab, store, client)
    tree = tab.tree
    right = tree.header().sectionViewportPosition(DUE) + tree.columnWidth(DUE)
    assert right <= tree.viewport().width()
    assert tree.columnWidth(DUE) >= tree.sizeHintForColumn(DUE)
    assert tree.topLevelItem(0).child(0).child(0).toolTip(TITLE) == title


def test_a_goal_is_marked_reached_and_an_outcome_saved(
    tab: PlanTab,
    store: Store,
    client: Client,
    plan: IntegrationPlan,
    qtbot: QtBot,
    db: DbWorker,
    settle: Settle,
) -> None:
    goal = Goal(plan.id, FieldOfAction.LANGUAGE, "Reach B1")
    measure = Measure(goal.id, "Take the DTZ exam")
    casework.add(store, goal, measure)
    show(tab, store, client)

    tab.tree.select(measure.id)
    tab.editor.outcome_edit.setFocus()
    qtbot.keyClicks(tab.editor.outcome_edit, "passed with B1")
    tab.flush()
    settle(db)
    assert store.get(Measure, measure.id).outcome == "passed with B1"
    assert rows(tab)[2][4] == "passed with B1"

    tab.tree.select(goal.id)
    combo = tab.editor.goal_status
    combo.setCurrentIndex(combo.findText("reached"))
    combo.activated.emit(combo.currentIndex())
    settle(db)
    assert store.get(Goal, goal.id).status is GoalStatus.REACHED
    assert rows(tab)[1][STATUS] == "reached"
    assert tab.details.progress_text().endswith("1 of 1 goals reached")


def test_an_outcome_typed_is_saved_when_another_row_is_chosen(
    tab: PlanTab,
    store: Store,
    client: Client,
    plan: IntegrationPlan,
    qtbot: QtBot,
    db: DbWorker,
    settle: Settle,
) -> None:
    goal = Goal(plan.id, FieldOfAction.HEALTH, "Family doctor")
    measure = Measure(goal.id, "Find a practice")
    casework.add(store, goal, measure)
    show(tab, store, client)
    tab.tree.select(measure.id)
    tab.editor.outcome_edit.setText("")
    qtbot.keyClicks(tab.editor.outcome_edit, "Dr Weber")
    tab.tree.select(goal.id)
    settle(db)
    assert store.get(Measure, measure.id).outcome == "Dr Weber"


def test_plan_status_and_dates_are_saved_and_a_bad_date_reported(
    tab: PlanTab,
    store: Store,
    client: Client,
    plan: IntegrationPlan,
    qtbot: QtBot,
    db: DbWorker,
    settle: Settle,
) -> None:
    show(tab, store, client)
    details = tab.details
    details.status_combo.setCurrentIndex(details.status_combo.findText("agreed"))
    details.status_combo.activated.emit(details.status_combo.currentIndex())
    settle(db)
    assert store.get(IntegrationPlan, plan.id).status is PlanStatus.AGREED

    qtbot.keyClicks(details.agreed_edit, "01.03.2031")
    qtbot.keyClicks(details.review_edit, "2031-09-01")
    tab.flush()
    settle(db)
    saved = store.get(IntegrationPlan, plan.id)
    assert (saved.agreed_on, saved.review_on) == (date(2031, 3, 1), date(2031, 9, 1))
    assert details.agreed_edit.text() == "2031-03-01"  # shown as the UI language writes it

    details.review_edit.setText("")
    qtbot.keyClicks(details.review_edit, "2030-01-01")  # before the agreement
    with pytest.raises(InvalidInput):  # the workspace keeps the case open to fix it
        tab.flush()
    settle(db)
    assert "review_on" in tab.error_label.text()
    assert details.review_edit.text() == "2030-01-01"
    assert store.get(IntegrationPlan, plan.id).review_on == date(2031, 9, 1)

    details.review_edit.setText("")
    qtbot.keyClicks(details.review_edit, "31.13.2031")
    details.review_edit.editingFinished.emit()  # leaving the field: shown, not raised
    assert "31.13.2031" in tab.error_label.text()


def test_a_client_without_a_plan_can_start_one(
    tab: PlanTab, store: Store, client: Client, qtbot: QtBot
) -> None:
    show(tab, store, client)
    assert tab.details.no_plan_label.text() == "This client has no integration plan yet."
    assert not tab.details.status_combo.isVisible()
    with qtbot.waitSignal(tab.changed):
        tab.details.start_button.click()
    assert store.plan_of(client.id) is not None
    assert tab.details.status_combo.isVisible()
    assert tab.details.status_combo.currentText() == "draft"


def test_a_goal_is_deleted_with_its_measures_after_confirmation(
    tab: PlanTab,
    store: Store,
    client: Client,
    plan: IntegrationPlan,
    monkeypatch: pytest.MonkeyPatch,
    db: DbWorker,
    settle: Settle,
) -> None:
    goal = Goal(plan.id, FieldOfAction.MOBILITY, "Driving licence")
    casework.add(store, goal, Measure(goal.id, "Theory lessons"), Measure(goal.id, "Exam"))
    show(tab, store, client)
    tab.tree.select(goal.id)
    questions: list[str] = []
    monkeypatch.setattr(tab, "confirm", lambda q: questions.append(q) or False)
    tab.delete_button.click()
    settle(db)
    assert len(stored_measures(store, client)) == 2

    monkeypatch.setattr(tab, "confirm", lambda q: questions.append(q) or True)
    tab.delete_button.click()
    settle(db)
    assert stored_goals(store, client) == [] and stored_measures(store, client) == []
    assert rows(tab) == []
    assert questions[0] == "Delete the goal “Driving licence” with all its measures (2)?"


def test_a_measure_is_edited_in_the_dialog(
    tab: PlanTab, store: Store, client: Client, plan: IntegrationPlan, db: DbWorker, settle: Settle
) -> None:
    goal = Goal(plan.id, FieldOfAction.FINANCES, "Clear the debts")
    measure = Measure(goal.id, "Debt counselling", due_on=date(2031, 1, 1))
    casework.add(store, goal, measure)
    show(tab, store, client)
    tab.tree.select(measure.id)
    dialog = tab.edit_measure()
    assert dialog is not None and dialog.title_edit.text() == "Debt counselling"
    assert dialog.due_edit.text() == "2031-01-01"
    dialog.due_edit.setText("")
    dialog.accept()
    settle(db)
    edited = store.get(Measure, measure.id)
    assert (edited.title, edited.due_on) == ("Debt counselling", None)


def test_clear_leaves_no_client_data(
    tab: PlanTab, store: Store, client: Client, plan: IntegrationPlan
) -> None:
    goal = Goal(plan.id, FieldOfAction.LEISURE, "Zebra club")
    measure = Measure(goal.id, "Quokka training", outcome="Wombat outcome")
    casework.add(store, goal, measure)
    show(tab, store, client)
    tab.tree.select(measure.id)
    assert "Wombat outcome" in visible_texts(tab)
    tab.clear()
    texts = visible_texts(tab)
    assert not any(word in texts for word in ("Zebra", "Quokka", "Wombat"))
    assert tab.details.progress_text() == ""
    assert not tab.isEnabled()


def test_clear_closes_a_measure_dialog_being_filled_in(
    tab: PlanTab, store: Store, client: Client, plan: IntegrationPlan, db: DbWorker, settle: Settle
) -> None:
    casework.add(store, Goal(plan.id, FieldOfAction.WORK, "A job"))
    show(tab, store, client)
    tab.tree.select(stored_goals(store, client)[0].id)
    dialog = tab.add_measure()
    assert dialog is not None
    dialog.title_edit.setText("Zebra step")
    tab.clear()
    settle(db)
    assert tab.measure_dialog is None
    assert tab.findChildren(MeasureDialog) == []
    assert stored_measures(store, client) == []


def test_a_language_switch_relabels_the_plan(
    tab: PlanTab, store: Store, client: Client, plan: IntegrationPlan, qtbot: QtBot
) -> None:
    goal = Goal(plan.id, FieldOfAction.HOUSING, "Own flat")
    casework.add(store, goal, Measure(goal.id, "Visit flats", due_on=date(2031, 4, 1)))
    show(tab, store, client)
    set_language("de")
    try:
        qtbot.waitUntil(lambda: rows(tab)[0][TITLE] == "Wohnen")  # Qt posts the language change
        assert rows(tab)[2][STATUS] == "geplant" and rows(tab)[2][DUE] == "01.04.2031"
        assert tab.details.status_combo.currentText() == "Entwurf"
    finally:
        set_language("en")
    qtbot.waitUntil(lambda: rows(tab)[0][TITLE] == "Housing")
