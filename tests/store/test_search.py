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
