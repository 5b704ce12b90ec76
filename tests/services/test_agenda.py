"""Monday morning: the week's appointments of every client, and the deadline radar."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from desktop.domain.catalogues import (
    DocumentKind,
    DocumentStatus,
    FieldOfAction,
    PlanStatus,
    ResidenceStatus,
)
from desktop.domain.model import Appointment, Client, DocumentItem, Goal, IntegrationPlan, Measure
from desktop.domain.rules import DeadlineKind, deadlines_for
from desktop.services import agenda, casework
from desktop.services.demo import fill_demo
from desktop.services.workspace import load_case
from desktop.store import store as store_module
from desktop.store.deadlines import DeadlineSources
from desktop.store.search import ClientQuery
from desktop.store.store import Store

TODAY = date(2026, 11, 23)  # a Monday


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(days(day), datetime.min.time()).replace(hour=hour, minute=minute)


def test_the_week_shows_everyones_appointments_in_time_order(store: Store) -> None:
    amal, bilal = Client("Haddad", "Amal"), Client("Rahimi", "Bilal")
    casework.add(
        store,
        amal,
        bilal,
        Appointment(amal.id, at(2, 14), purpose="Jobcenter"),
        Appointment(bilal.id, at(0, 9, 30), purpose="Ausländerbehörde"),
        Appointment(amal.id, at(0, 8), purpose="Erstgespräch"),  # the week starts at 8:00 sharp
        Appointment(bilal.id, at(7, 8), purpose="next Monday"),  # the end is not included
        Appointment(bilal.id, at(-1, 18), purpose="last Sunday"),
    )
    week = agenda.appointments_between(store, at(0, 8), at(7, 8))
    assert [(e.appointment.purpose, e.client_name) for e in week] == [
        ("Erstgespräch", "Haddad, Amal"),
        ("Ausländerbehörde", "Rahimi, Bilal"),
        ("Jobcenter", "Haddad, Amal"),
    ]
    assert {e.client_id for e in week} == {amal.id, bilal.id}
    assert agenda.appointments_between(store, at(3, 0), at(4, 0)) == []


def radar_case(store: Store) -> dict[str, Client]:
    people = {
        "duldung": Client(
            "Duldung",
            "Dana",
            residence_status=ResidenceStatus.DULDUNG,
            status_valid_until=days(20),
        ),
        "overdue": Client("Overdue", "Omar"),
        "later": Client(
            "Later", "Lea", residence_status=ResidenceStatus.REFUGEE, status_valid_until=days(200)
        ),
        "closed": Client(
            "Closed",
            "Chris",
            residence_status=ResidenceStatus.DULDUNG,
            status_valid_until=days(-1),
            opened_on=date(2024, 1, 1),
            closed_on=date(2025, 1, 1),
        ),
    }
    o = people["overdue"].id
    plan = IntegrationPlan(o, status=PlanStatus.AGREED, review_on=days(-10))
    goal = Goal(plan.id, FieldOfAction.LANGUAGE, "Deutsch B1")
    casework.add(
        store,
        *people.values(),
        plan,
        goal,
        Measure(goal.id, "Integrationskurs anmelden", due_on=days(3)),
        DocumentItem(
            o, DocumentKind.PASSPORT, status=DocumentStatus.IN_CUSTODY, held_since=days(-40)
        ),
    )
    return people


def test_the_radar_lists_every_open_clients_deadlines_overdue_first(store: Store) -> None:
    people = radar_case(store)
    radar = agenda.deadline_radar(store, TODAY)  # six weeks ahead, measures left out
    assert [e.deadline.due_on for e in radar] == sorted(e.deadline.due_on for e in radar)
    assert [(e.client_name, e.deadline.kind) for e in radar] == [
        ("Overdue, Omar", DeadlineKind.CUSTODY_TOO_LONG),
        ("Overdue, Omar", DeadlineKind.PLAN_REVIEW),
        ("Duldung, Dana", DeadlineKind.RESIDENCE_EXPIRY),
    ]
    assert [e.deadline.overdue for e in radar] == [True, True, False]
    assert radar[0].deadline.due_on == days(-12)  # held since 40 days, four weeks allowed
    assert {e.client_id for e in radar} == {people["overdue"].id, people["duldung"].id}
    # Asked for, the measure due in three days takes its place by date.
    with_measures = agenda.deadline_radar(store, TODAY, measures=True)
    assert [(e.client_name, e.deadline.kind) for e in with_measures] == [
        ("Overdue, Omar", DeadlineKind.CUSTODY_TOO_LONG),
        ("Overdue, Omar", DeadlineKind.PLAN_REVIEW),
        ("Overdue, Omar", DeadlineKind.MEASURE_DUE),
        ("Duldung, Dana", DeadlineKind.RESIDENCE_EXPIRY),
    ]
    assert with_measures[2].deadline.text("de") == "Maßnahme fällig: Integrationskurs anmelden"
    # A shorter horizon keeps what is overdue; a longer one reaches the refugee's permit.
    assert len(agenda.deadline_radar(store, TODAY, within_days=0)) == 2
    assert "Later, Lea" in {e.client_name for e in agenda.deadline_radar(store, TODAY, 365)}


def test_an_overdue_measure_is_on_the_radar_only_when_asked_for(store: Store) -> None:
    late = Client("Late", "Lina")
    plan = IntegrationPlan(late.id, status=PlanStatus.AGREED)  # no review date: no other deadline
    goal = Goal(plan.id, FieldOfAction.WORK, "Arbeit")
    measure = Measure(goal.id, "Lebenslauf erstellen", due_on=days(-30))
    casework.add(store, late, plan, goal, measure)
    assert agenda.deadline_radar(store, TODAY) == []
    assert store.deadline_candidates(TODAY, 42) == []
    assert store.deadline_sources(TODAY, 42) == DeadlineSources([], [], [], [], [])
    radar = agenda.deadline_radar(store, TODAY, measures=True)
    assert [(e.client_id, e.deadline.kind, e.deadline.entity_id) for e in radar] == [
        (late.id, DeadlineKind.MEASURE_DUE, measure.id)
    ]
    assert radar[0].deadline.overdue and radar[0].deadline.due_on == days(-30)
    assert store.deadline_candidates(TODAY, 42, measures=True) == [late.id]
    assert store.clients(ClientQuery(deadline_within_days=42, today=TODAY)).total == 0
    assert store.clients(ClientQuery(text="late", deadline_within_days=42, today=TODAY)).total == 0


@pytest.mark.parametrize("within", [0, 42, 400])
def test_the_radar_and_the_case_list_filter_agree_with_the_rules_on_demo_cases(
    store: Store, within: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "_BATCH", 7)  # reads in several batches
    fill_demo(store, 120, seed=11, today=TODAY)
    every = set()
    for client in store.all(Client):
        case = load_case(store, client.id)
        for d in deadlines_for(
            case.client,
            plans=case.plans,
            goals=case.goals,
            measures=case.measures,
            documents=case.documents,
            today=TODAY,
            within_days=within,
        ):
            every.add((d.client_id, d.entity_id, d.kind, d.due_on))
    expected = {d for d in every if d[2] is not DeadlineKind.MEASURE_DUE}
    assert expected < every  # the demo has measures due, so leaving them out is tested
    radar = agenda.deadline_radar(store, TODAY, within)
    found = {(e.client_id, e.deadline.entity_id, e.deadline.kind, e.deadline.due_on) for e in radar}
    assert found == expected and expected
    # Measures due when asked for: then the radar holds every deadline of the rules.
    with_measures = agenda.deadline_radar(store, TODAY, within, measures=True)
    assert {
        (e.client_id, e.deadline.entity_id, e.deadline.kind, e.deadline.due_on)
        for e in with_measures
    } == every
    for entries in (radar, with_measures):  # overdue first, by date
        assert [e.deadline.due_on for e in entries] == sorted(e.deadline.due_on for e in entries)
    # The case-list filter counts the radar's kinds, measures due not.
    query = ClientQuery(deadline_within_days=within, today=TODAY, limit=1000)
    assert {c.id for c in store.clients(query).clients} == {d[0] for d in expected}
    names = {c.id: c.display_name for c in store.all(Client)}
    assert all(e.client_name == names[e.client_id] for e in with_measures)
