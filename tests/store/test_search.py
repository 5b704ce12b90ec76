"""Name search: case- and diacritic-insensitive substrings over names, spellings, file number."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from desktop.domain.catalogues import ResidenceStatus
from desktop.domain.dates import PartialDate
from desktop.domain.model import Client
from desktop.domain.names import fold
from desktop.services import casework, clients
from desktop.store.search import ClientQuery
from desktop.store.store import Store

PEOPLE = [
    Client("Müller", "Anna", file_number="WD-2024-00017"),
    Client("Şahin", "Mehmet", other_names=("Sahin Mehmed",), birth_date=PartialDate(1990)),
    Client(
        "Öztürk",
        "Ayşe",
        residence_status=ResidenceStatus.DULDUNG,
        status_valid_until=date(2026, 12, 1),
    ),
    Client("Nguyễn", "Thị Lan"),
    Client(
        "Abdulrahman",
        "Mohammed",
        other_names=("Abdul Rahman Muhammad",),
        closed_on=date(2025, 3, 1),
        opened_on=date(2024, 1, 1),
    ),
    Client("Yılmaz", "Emre"),
    Client("Großmann", "Jörg"),
]


@pytest.fixture
def people(store: Store) -> Store:
    casework.add(store, *PEOPLE)
    return store


def names(store: Store, **query: object) -> list[str]:
    return [c.family_name for c in store.clients(ClientQuery(**query)).clients]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("muller", ["Müller"]),
        ("MÜLLER", ["Müller"]),
        ("mueller", ["Müller"]),
        ("sahin", ["Şahin"]),
        ("şahin", ["Şahin"]),
        ("ozturk", ["Öztürk"]),
        ("oeztuerk", ["Öztürk"]),
        ("nguyen", ["Nguyễn"]),
        ("yilmaz", ["Yılmaz"]),
        ("grossmann", ["Großmann"]),
        ("ahi", ["Şahin"]),  # a substring in the middle of a name
        ("mehmed", ["Şahin"]),  # another spelling
        ("abdul rahman", ["Abdulrahman"]),
        ("muhammad", ["Abdulrahman"]),
        ("2024-00017", ["Müller"]),  # file number fragment
        ("1990", ["Şahin"]),  # birth year
        ("anna muller", ["Müller"]),  # given and family name, any order
        ("muller mehmet", []),
        ("ay", ["Öztürk"]),  # two letters: still found
        ("zzz", []),
    ],
)
def test_search_finds_the_person_however_typed(people: Store, typed: str, found: list[str]) -> None:
    assert names(people, text=typed) == found


def test_search_follows_edits_and_deletes(people: Store) -> None:
    mehmet = next(c for c in PEOPLE if c.family_name == "Şahin")
    clients.update_client(people, mehmet.id, {"family_name": "Demir"})
    assert names(people, text="sahin") == ["Demir"]  # the other spelling still finds him
    assert names(people, text="demir") == ["Demir"]
    clients.update_client(people, mehmet.id, {"other_names": ()})
    assert names(people, text="sahin") == []
    clients.delete_client(people, mehmet.id)
    assert names(people, text="demir") == []


def test_filters_and_sorting(people: Store) -> None:
    assert names(people, state="closed") == ["Abdulrahman"]
    assert "Abdulrahman" not in names(people, state="open")
    assert names(people, residence_status=ResidenceStatus.DULDUNG) == ["Öztürk"]
    assert names(people, valid_until_before=date(2026, 12, 31)) == ["Öztürk"]
    alphabetical = names(people)
    assert alphabetical == [
        "Abdulrahman",
        "Großmann",
        "Müller",
        "Nguyễn",
        "Öztürk",
        "Şahin",
        "Yılmaz",
    ]
    assert names(people, descending=True) == alphabetical[::-1]


def test_pages_cover_every_match_once(store: Store) -> None:
    many = [Client(f"Family{i:03d}", "Given") for i in range(250)]
    casework.add(store, *many)
    seen = []
    for offset in range(0, 250, 100):
        page = store.clients(ClientQuery(text="family", limit=100, offset=offset))
        assert page.total == 250
        seen += [c.id for c in page.clients]
    assert sorted(seen) == sorted(c.id for c in many)
    assert list(clients.all_clients(store, ClientQuery(text="family0"), page_size=7)) == sorted(
        many[:100], key=lambda c: c.family_name
    )


def test_search_text_with_quotes_and_wildcards_is_just_text(people: Store) -> None:
    for typed in ['"', "'", "%", "_", "mül*", "a OR b", "NEAR(x)", "\\"]:
        assert isinstance(people.clients(ClientQuery(text=typed)).total, int)
    assert names(people, text="%") == []


def test_unknown_sort_is_a_programming_error(people: Store) -> None:
    with pytest.raises(ValueError):
        people.clients(dataclasses.replace(ClientQuery(), sort="family_name; DROP TABLE client"))


def test_text_combined_with_every_filter_and_sort(people: Store) -> None:
    # The index answers text + open/closed sorted by name; other filters and sorts join the
    # client table. Both must agree with what the coordinator asked for.
    assert names(people, text="abdul", state="closed") == ["Abdulrahman"]
    assert names(people, text="abdul", state="open") == []
    assert names(people, text="mu", state="open") == ["Müller"]
    assert names(people, text="ay", residence_status=ResidenceStatus.DULDUNG) == ["Öztürk"]
    assert names(people, text="ay", residence_status=ResidenceStatus.REFUGEE) == []
    assert names(people, text="oz", valid_until_before=date(2026, 12, 31)) == ["Öztürk"]
    people_with_e = names(people, text="e")
    assert people_with_e == sorted(people_with_e, key=lambda n: fold(n))
    assert names(people, text="e", descending=True) == people_with_e[::-1]
    assert names(people, text="e", sort="file_number")[-1] == "Müller"  # empty ones first
    assert people.clients(ClientQuery(text="e", state="open")).total == len(
        [n for n in people_with_e if n != "Abdulrahman"]
    )


def test_closing_a_case_moves_it_between_open_and_closed_searches(people: Store) -> None:
    anna = next(c for c in PEOPLE if c.family_name == "Müller")
    clients.update_client(people, anna.id, {"closed_on": date(2026, 6, 1)})
    assert names(people, text="muller", state="open") == []
    assert names(people, text="muller", state="closed") == ["Müller"]


# -- deadline and open-measure filters ----------------------------------------------------------

TODAY = date(2026, 11, 21)


def deadline_people(store: Store) -> dict[str, Client]:
    """One person per deadline rule (and near misses), keyed by what they stand for."""
    from datetime import timedelta

    from desktop.domain.catalogues import (
        DocumentKind,
        DocumentStatus,
        FieldOfAction,
        GoalStatus,
        MeasureStatus,
        PlanStatus,
    )
    from desktop.domain.model import DocumentItem, Goal, IntegrationPlan, Measure

    def days(n: int) -> date:
        return TODAY + timedelta(days=n)

    duldung = ResidenceStatus.DULDUNG
    chance = ResidenceStatus.CHANCENAUFENTHALT
    people = {
        "permit": Client("Permit", "A", residence_status=duldung, status_valid_until=days(10)),
        "settled": Client(
            "Settled", "A", residence_status=ResidenceStatus.SETTLEMENT, status_valid_until=days(1)
        ),
        "closed": Client(
            "Closed",
            "A",
            residence_status=duldung,
            status_valid_until=days(-5),
            opened_on=date(2020, 1, 1),
            closed_on=date(2025, 1, 1),
        ),
        # 31 May 2025 + 18 months = 30 Nov 2026 (clamped), 9 days from today
        "chance": Client(
            "Chance", "A", residence_status=chance, status_granted_on=date(2025, 5, 31)
        ),
        "review": Client("Review", "A"),
        "completed_plan": Client("Completedplan", "A"),
        "document": Client("Document", "A"),
        "missing_document": Client("Missingdocument", "A"),
        "custody": Client("Custody", "A"),
        "measure": Client("Measure", "A"),
        "done_measure": Client("Donemeasure", "A"),
        "dropped_goal": Client("Droppedgoal", "A"),
        "nothing": Client("Nothing", "A"),
    }
    p = {k: c.id for k, c in people.items()}
    review = IntegrationPlan(p["review"], status=PlanStatus.AGREED, review_on=days(-3))
    completed = IntegrationPlan(p["completed_plan"], status=PlanStatus.COMPLETED, review_on=days(1))
    m_plan = IntegrationPlan(p["measure"])
    m_goal = Goal(m_plan.id, FieldOfAction.WORK, "Arbeit")
    d_plan = IntegrationPlan(p["done_measure"])
    d_goal = Goal(d_plan.id, FieldOfAction.WORK, "Arbeit")
    x_plan = IntegrationPlan(p["dropped_goal"])
    x_goal = Goal(x_plan.id, FieldOfAction.WORK, "Arbeit", status=GoalStatus.DROPPED)
    casework.add(
        store,
        *people.values(),
        review,
        completed,
        m_plan,
        m_goal,
        Measure(m_goal.id, "Bewerbung", due_on=days(5), status=MeasureStatus.IN_PROGRESS),
        d_plan,
        d_goal,
        Measure(d_goal.id, "Bewerbung", due_on=days(-1), status=MeasureStatus.DONE),
        x_plan,
        x_goal,
        Measure(x_goal.id, "Bewerbung", due_on=days(-1)),
        DocumentItem(
            p["document"],
            DocumentKind.PASSPORT,
            status=DocumentStatus.COPY_ON_FILE,
            expires_on=days(20),
        ),
        DocumentItem(p["missing_document"], DocumentKind.PASSPORT, expires_on=days(1)),
        DocumentItem(
            p["custody"],
            DocumentKind.PASSPORT,
            status=DocumentStatus.IN_CUSTODY,
            held_since=days(-30),
        ),
    )
    return people


def with_deadline(store: Store, within: int, **query: object) -> list[str]:
    return names(store, deadline_within_days=within, today=TODAY, limit=1000, **query)


def test_deadline_filter_finds_every_kind_of_deadline_and_nothing_else(store: Store) -> None:
    deadline_people(store)
    # The radar's kinds; a measure due (in 5 days) is not one: the open-measures filter has it.
    assert with_deadline(store, 30) == ["Chance", "Custody", "Document", "Permit", "Review"]
    # Overdue ones stay however short the horizon: the review 3 days ago, custody since 30 days.
    assert with_deadline(store, 0) == ["Custody", "Review"]
    assert with_deadline(store, 9) == ["Chance", "Custody", "Review"]
    assert with_deadline(store, 8) == ["Custody", "Review"]
    assert with_deadline(store, 30, text="cus") == ["Custody"]  # text and filter together
    assert with_deadline(store, 30, text="meas") == []  # probed per match: no measures either
    assert store.clients(ClientQuery(deadline_within_days=30, today=TODAY)).total == 5


def test_open_measures_filter(store: Store) -> None:
    deadline_people(store)
    # Any plan counts, dropped goal or not; a done measure does not.
    assert names(store, open_measures=True) == ["Droppedgoal", "Measure"]
    assert names(store, open_measures=True, text="meas") == ["Measure"]
    # Both filters together: an open measure and a deadline of the radar's kinds (none has both).
    assert names(store, open_measures=True, deadline_within_days=30, today=TODAY) == []


def test_deadline_filter_agrees_with_the_rules_on_demo_cases(store: Store) -> None:
    from desktop.domain.rules import DeadlineKind, deadlines_for
    from desktop.services.demo import fill_demo
    from desktop.services.workspace import load_case

    fill_demo(store, 150, seed=3, today=TODAY)
    cases = [load_case(store, c.id) for c in store.all(Client)]
    for within in (0, 14, 42, 365):
        expected = {
            d.client_id
            for case in cases
            for d in deadlines_for(
                case.client,
                plans=case.plans,
                goals=case.goals,
                measures=case.measures,
                documents=case.documents,
                today=TODAY,
                within_days=within,
            )
            if d.kind is not DeadlineKind.MEASURE_DUE  # the filter counts the radar's kinds
        }
        query = ClientQuery(deadline_within_days=within, today=TODAY, limit=1000)
        assert {c.id for c in store.clients(query).clients} == expected, within
        assert expected  # the demo has deadlines, so this compares something


def test_broad_searches_walk_the_name_index_and_give_the_same_pages(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.store import search

    many = [
        Client(
            f"Family{i % 37:02d}",
            f"Given{i:03d}",
            closed_on=None if i % 5 else date(2026, 1, 1),
            opened_on=date(2025, 1, 1),
        )
        for i in range(300)
    ]
    casework.add(store, *many)
    queries = [
        ClientQuery(text=t, state=state, descending=desc, limit=40, offset=offset)
        for t in ("fa", "y1", "g", "family0", "given1")
        for state in ("all", "open", "closed")
        for desc in (False, True)
        for offset in (0, 40, 280)
    ]
    narrow = [store.clients(q) for q in queries]
    monkeypatch.setattr(search, "BROAD_MATCHES", 1)
    broad = [store.clients(q) for q in queries]
    for q, a, b in zip(queries, narrow, broad, strict=True):
        assert a.total == b.total, q
        assert [c.id for c in a.clients] == [c.id for c in b.clients], q
