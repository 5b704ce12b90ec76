"""The rules behind the agenda, the plan's progress bar and the document checklist."""

import subprocess
import sys
from datetime import date, timedelta

import pytest

from desktop.domain.catalogues import (
    DocumentKind,
    DocumentStatus,
    FieldOfAction,
    GoalStatus,
    MeasureStatus,
    PlanStatus,
    ResidenceStatus,
)
from desktop.domain.errors import InvalidInput
from desktop.domain.model import Client, DocumentItem, Goal, IntegrationPlan, Measure
from desktop.domain.rules import (
    CHECKLIST_LABELS,
    PLAN_TEMPLATES,
    STANDARD_CHECKLISTS,
    DeadlineKind,
    apply_template,
    checklist_state,
    deadlines_for,
    plan_progress,
    standard_checklist,
    status_runs_out_soon,
)

TODAY = date(2026, 3, 2)  # a Monday morning


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


def client(**fields) -> Client:
    fields.setdefault("residence_status", ResidenceStatus.SUBSIDIARY)
    fields.setdefault("status_valid_until", days(10))
    return Client("Haddad", "Amina", opened_on=date(2025, 1, 6), **fields)


def case_file(person: Client):
    """A plan with a review, an open measure, a passport expiring and a diploma in custody."""
    plan = IntegrationPlan(person.id, status=PlanStatus.AGREED, review_on=days(5))
    goal = Goal(plan.id, FieldOfAction.LANGUAGE, "Deutschkurs B1 abschließen")
    measure = Measure(goal.id, "Anmeldung Integrationskurs", due_on=days(-3))
    documents = [
        DocumentItem(
            person.id,
            DocumentKind.PASSPORT,
            status=DocumentStatus.COPY_ON_FILE,
            expires_on=days(20),
        ),
        DocumentItem(
            person.id,
            DocumentKind.VOCATIONAL_CERTIFICATE,
            status=DocumentStatus.IN_CUSTODY,
            holder="Anerkennungsstelle",
            held_since=days(-30),
        ),
    ]
    return {"plans": [plan], "goals": [goal], "measures": [measure], "documents": documents}


def test_every_kind_of_deadline_comes_up_on_the_agenda():
    person = client()
    found = deadlines_for(person, **case_file(person), today=TODAY)
    by_kind = {d.kind: d for d in found}
    assert set(by_kind) == set(DeadlineKind) - {DeadlineKind.CHANCENAUFENTHALT_END}
    assert by_kind[DeadlineKind.RESIDENCE_EXPIRY].due_on == days(10)
    assert by_kind[DeadlineKind.PLAN_REVIEW].due_on == days(5)
    assert by_kind[DeadlineKind.DOCUMENT_EXPIRY].due_on == days(20)
    assert by_kind[DeadlineKind.CUSTODY_TOO_LONG].due_on == days(-2)
    assert by_kind[DeadlineKind.MEASURE_DUE].due_on == days(-3)
    assert all(d.client_id == person.id for d in found)

    chance = client(
        residence_status=ResidenceStatus.CHANCENAUFENTHALT,
        status_granted_on=date(2024, 9, 15),
        status_valid_until=None,
    )
    (ending,) = deadlines_for(chance, today=TODAY)
    assert ending.kind is DeadlineKind.CHANCENAUFENTHALT_END
    assert ending.due_on == date(2026, 3, 15)


def test_deadlines_are_sorted_by_date_and_flag_what_is_overdue():
    person = client()
    found = deadlines_for(person, **case_file(person), today=TODAY)
    assert [d.due_on for d in found] == sorted(d.due_on for d in found)
    assert [d.overdue for d in found] == [d.due_on < TODAY for d in found]
    assert found[0].kind is DeadlineKind.MEASURE_DUE and found[0].overdue
    due_today = deadlines_for(client(status_valid_until=TODAY), today=TODAY)
    assert [d.overdue for d in due_today] == [False]


def test_same_day_deadlines_are_ordered_by_kind():
    person = client(status_valid_until=days(5))
    found = deadlines_for(person, **case_file(person), today=TODAY)
    same_day = [d.kind for d in found if d.due_on == days(5)]
    assert same_day == [DeadlineKind.RESIDENCE_EXPIRY, DeadlineKind.PLAN_REVIEW]


def test_the_window_decides_what_comes_up():
    at_edge = client(status_valid_until=days(30))
    beyond = client(status_valid_until=days(31))
    assert [d.due_on for d in deadlines_for(at_edge, today=TODAY)] == [days(30)]
    assert deadlines_for(beyond, today=TODAY) == []
    assert len(deadlines_for(beyond, today=TODAY, within_days=60)) == 1
    long_ago = client(status_valid_until=days(-400))
    assert deadlines_for(long_ago, today=TODAY)[0].overdue


def test_a_closed_case_has_no_deadlines():
    person = client(closed_on=days(-1))
    assert deadlines_for(person, **case_file(person), today=TODAY) == []


@pytest.mark.parametrize(
    "status", [ResidenceStatus.SETTLEMENT, ResidenceStatus.EU, ResidenceStatus.CITIZEN]
)
def test_permanent_statuses_do_not_expire(status):
    assert deadlines_for(client(residence_status=status), today=TODAY) == []
    assert not status_runs_out_soon(client(residence_status=status), TODAY)


@pytest.mark.parametrize(
    ("granted", "valid_until", "ends"),
    [
        (date(2025, 8, 31), None, date(2027, 2, 28)),
        (date(2025, 8, 31), date(2026, 12, 31), date(2026, 12, 31)),
        (date(2025, 8, 31), date(2027, 6, 30), date(2027, 2, 28)),
        (None, date(2026, 4, 1), date(2026, 4, 1)),
    ],
)
def test_chancenaufenthalt_ends_18_months_after_it_was_granted(granted, valid_until, ends):
    person = client(
        residence_status=ResidenceStatus.CHANCENAUFENTHALT,
        status_granted_on=granted,
        status_valid_until=valid_until,
    )
    found = deadlines_for(person, today=TODAY, within_days=3650)
    assert [(d.kind, d.due_on) for d in found] == [(DeadlineKind.CHANCENAUFENTHALT_END, ends)]


def test_a_status_that_runs_out_soon_warns_in_the_overview():
    assert status_runs_out_soon(client(status_valid_until=days(20)), TODAY)
    assert status_runs_out_soon(client(status_valid_until=days(-5)), TODAY)
    assert not status_runs_out_soon(client(status_valid_until=days(40)), TODAY)
    assert status_runs_out_soon(client(status_valid_until=days(40)), TODAY, within_days=60)
    assert not status_runs_out_soon(client(status_valid_until=None), TODAY)
    assert not status_runs_out_soon(client(closed_on=TODAY), TODAY)
    chance = client(
        residence_status=ResidenceStatus.CHANCENAUFENTHALT,
        status_granted_on=date(2024, 9, 20),
        status_valid_until=None,
    )
    assert status_runs_out_soon(chance, TODAY)


@pytest.mark.parametrize(
    ("held_days_ago", "status", "due_in"),
    [
        (29, DocumentStatus.IN_CUSTODY, -1),
        (10, DocumentStatus.IN_CUSTODY, 18),
        (0, DocumentStatus.IN_CUSTODY, 28),
        (90, DocumentStatus.RETURNED, None),
        (90, DocumentStatus.COPY_ON_FILE, None),
    ],
)
def test_an_original_held_over_four_weeks_comes_up(held_days_ago, status, due_in):
    person = client(residence_status=None)
    passport = DocumentItem(
        person.id, DocumentKind.PASSPORT, status=status, held_since=days(-held_days_ago)
    )
    found = deadlines_for(person, documents=[passport], today=TODAY)
    expected = [] if due_in is None else [(DeadlineKind.CUSTODY_TOO_LONG, days(due_in))]
    assert [(d.kind, d.due_on) for d in found] == expected


def test_only_papers_we_hold_can_expire():
    person = client(residence_status=None)
    papers = [
        DocumentItem(person.id, DocumentKind.PASSPORT, status=status, expires_on=days(3))
        for status in DocumentStatus
    ]
    found = deadlines_for(person, documents=papers, today=TODAY)
    assert {d.entity_id for d in found} == {
        p.id
        for p in papers
        if p.status
        in {
            DocumentStatus.COPY_ON_FILE,
            DocumentStatus.ORIGINAL_SEEN,
            DocumentStatus.IN_CUSTODY,
            DocumentStatus.RETURNED,
        }
    }


def test_finished_plans_goals_and_measures_and_other_clients_bring_no_deadlines():
    person = client(residence_status=None)
    other = client(residence_status=None)
    ended = IntegrationPlan(person.id, status=PlanStatus.COMPLETED, review_on=days(1))
    foreign = IntegrationPlan(other.id, status=PlanStatus.AGREED, review_on=days(1))
    active = IntegrationPlan(person.id, status=PlanStatus.AGREED)
    dropped_goal = Goal(active.id, FieldOfAction.WORK, "Ausbildung", status=GoalStatus.DROPPED)
    live_goal = Goal(active.id, FieldOfAction.HOUSING, "Eigene Wohnung beziehen")
    old_goal = Goal(ended.id, FieldOfAction.HEALTH, "Hausarzt")
    measures = [
        Measure(live_goal.id, "Wohnberechtigungsschein beantragen", due_on=days(2)),
        Measure(live_goal.id, "Erledigt", due_on=days(2), status=MeasureStatus.DONE),
        Measure(live_goal.id, "Entfallen", due_on=days(2), status=MeasureStatus.DROPPED),
        Measure(live_goal.id, "Ohne Datum"),
        Measure(dropped_goal.id, "Bewerbung", due_on=days(2)),
        Measure(old_goal.id, "Termin", due_on=days(2)),
    ]
    other_passport = DocumentItem(
        other.id, DocumentKind.PASSPORT, status=DocumentStatus.ORIGINAL_SEEN, expires_on=days(2)
    )
    found = deadlines_for(
        person,
        plans=[ended, foreign, active],
        goals=[dropped_goal, live_goal, old_goal],
        measures=measures,
        documents=[other_passport],
        today=TODAY,
    )
    assert [d.subject_text() for d in found] == ["Wohnberechtigungsschein beantragen"]


def test_deadlines_name_the_paper_or_step_but_not_the_person():
    person = client()
    found = deadlines_for(person, **case_file(person), today=TODAY)
    texts = {d.kind: d.text("de") for d in found}
    assert texts[DeadlineKind.DOCUMENT_EXPIRY] == "Dokument läuft ab: Reisepass"
    assert texts[DeadlineKind.MEASURE_DUE] == "Maßnahme fällig: Anmeldung Integrationskurs"
    assert {d.kind: d.text("en") for d in found}[DeadlineKind.DOCUMENT_EXPIRY] == (
        "Document expires: Passport"
    )
    assert not any("Haddad" in d.text(lang) for d in found for lang in ("de", "en"))
    assert DeadlineKind.parse("Maßnahme fällig", "kind") is DeadlineKind.MEASURE_DUE


def test_plan_progress_leaves_dropped_measures_out_of_the_ratio():
    goals = [
        Goal("p", FieldOfAction.LANGUAGE, "B1", status=GoalStatus.REACHED),
        Goal("p", FieldOfAction.WORK, "Arbeit"),
        Goal("p", FieldOfAction.HOUSING, "Wohnung", status=GoalStatus.DROPPED),
    ]
    measures = [
        Measure("g", "a", status=MeasureStatus.DONE),
        Measure("g", "b", status=MeasureStatus.DONE),
        Measure("g", "c", status=MeasureStatus.DROPPED, due_on=days(-10)),
        Measure("g", "d", status=MeasureStatus.PLANNED, due_on=days(-1)),
        Measure("g", "e", status=MeasureStatus.IN_PROGRESS, due_on=days(7)),
    ]
    progress = plan_progress(goals, measures, TODAY)
    assert (progress.total, progress.done, progress.dropped) == (5, 2, 1)
    assert (progress.open, progress.overdue) == (2, 1)
    assert (progress.goals_total, progress.goals_reached) == (2, 1)
    assert progress.ratio == 0.5


def test_a_plan_with_nothing_countable_shows_no_progress():
    assert plan_progress([], [], TODAY).ratio == 0.0
    only_dropped = [Measure("g", "x", status=MeasureStatus.DROPPED)]
    assert plan_progress([], only_dropped, TODAY).ratio == 0.0
    all_done = [Measure("g", "x", status=MeasureStatus.DONE)]
    assert plan_progress([], all_done, TODAY).ratio == 1.0


def item(kind: DocumentKind, status: DocumentStatus, **fields) -> DocumentItem:
    return DocumentItem("c", kind, status=status, **fields)


def test_the_checklist_counts_and_names_what_is_still_missing():
    items = [
        item(DocumentKind.PASSPORT, DocumentStatus.ORIGINAL_SEEN, expires_on=days(100)),
        item(DocumentKind.TAX_ID, DocumentStatus.REQUESTED),
        item(DocumentKind.BIRTH_CERTIFICATE, DocumentStatus.MISSING),
        item(DocumentKind.RESIDENCE_TITLE, DocumentStatus.COPY_ON_FILE, expires_on=days(-1)),
        item(DocumentKind.MARRIAGE_CERTIFICATE, DocumentStatus.NOT_APPLICABLE),
        item(DocumentKind.SCHOOL_CERTIFICATE, DocumentStatus.IN_CUSTODY),
        item(DocumentKind.BANK_ACCOUNT, DocumentStatus.EXPIRED),
    ]
    state = checklist_state(items, TODAY)
    assert state.missing_kinds == (
        DocumentKind.BIRTH_CERTIFICATE,
        DocumentKind.RESIDENCE_TITLE,
        DocumentKind.TAX_ID,
        DocumentKind.BANK_ACCOUNT,
    )
    assert not state.complete
    assert (state.total, state.present, state.missing, state.requested) == (7, 2, 1, 1)
    assert (state.in_custody, state.expired, state.not_applicable) == (1, 2, 1)
    assert (
        state.present + state.missing + state.requested + state.expired + (state.not_applicable)
        == state.total
    )


def test_only_the_passport_is_still_missing():
    items = [
        item(DocumentKind.PASSPORT, DocumentStatus.MISSING),
        item(DocumentKind.REGISTRATION, DocumentStatus.COPY_ON_FILE),
        item(DocumentKind.DULDUNG, DocumentStatus.NOT_APPLICABLE),
    ]
    assert checklist_state(items, TODAY).missing_kinds == (DocumentKind.PASSPORT,)


def test_a_new_paper_makes_up_for_an_expired_one_of_the_same_kind():
    items = [
        item(DocumentKind.PASSPORT, DocumentStatus.EXPIRED),
        item(DocumentKind.PASSPORT, DocumentStatus.RETURNED, expires_on=days(3000)),
        item(DocumentKind.DULDUNG, DocumentStatus.NOT_APPLICABLE),
    ]
    state = checklist_state(items, TODAY)
    assert state.complete and state.missing_kinds == ()
    assert checklist_state([], TODAY).complete


def test_a_standard_checklist_adds_only_kinds_not_yet_on_file():
    existing = [
        DocumentItem("c1", DocumentKind.PASSPORT, status=DocumentStatus.COPY_ON_FILE),
        DocumentItem("c1", DocumentKind.TAX_ID, status=DocumentStatus.NOT_APPLICABLE),
    ]
    added = standard_checklist("work_start", "c1", existing)
    kinds = [i.kind for i in added]
    assert DocumentKind.PASSPORT not in kinds and DocumentKind.TAX_ID not in kinds
    assert DocumentKind.RESIDENCE_TITLE in kinds and DocumentKind.BANK_ACCOUNT in kinds
    assert all(i.client_id == "c1" and i.status is DocumentStatus.MISSING for i in added)
    assert standard_checklist("work_start", "c1", existing + added) == []


def test_every_standard_checklist_has_labels_and_no_kind_twice():
    assert set(CHECKLIST_LABELS) == set(STANDARD_CHECKLISTS)
    for group, kinds in STANDARD_CHECKLISTS.items():
        assert len(set(kinds)) == len(kinds), group
        assert all(CHECKLIST_LABELS[group])
    with pytest.raises(InvalidInput):
        standard_checklist("holiday", "c1")


def test_plan_templates_cover_the_main_fields_of_action():
    fields = {field for field, _, _ in PLAN_TEMPLATES}
    assert {
        FieldOfAction.LANGUAGE,
        FieldOfAction.WORK,
        FieldOfAction.HOUSING,
        FieldOfAction.EDUCATION,
        FieldOfAction.CHILDCARE,
        FieldOfAction.HEALTH,
    } <= fields
    language = next(t for t in PLAN_TEMPLATES if t[0] is FieldOfAction.LANGUAGE)
    goal, measures = apply_template(language, "plan-1")
    assert goal.plan_id == "plan-1" and goal.title == "Deutschkurs B1 abschließen"
    assert "Anmeldung Integrationskurs" in [m.title for m in measures]
    assert all(m.goal_id == goal.id and m.status is MeasureStatus.PLANNED for m in measures)


def test_the_domain_loads_no_qt_and_no_database():
    code = (
        "import sys, desktop.domain.rules, desktop.domain.model; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'sqlite3', 'sqlcipher3', 'shiboken6')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
