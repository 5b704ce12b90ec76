"""Likely duplicate persons in a real (encrypted) case file."""

from __future__ import annotations

from datetime import date

from desktop.domain.catalogues import Sex
from desktop.domain.dates import PartialDate
from desktop.domain.model import Client
from desktop.domain.similarity import person_of, score
from desktop.services import casework
from desktop.services.demo import fill_demo
from desktop.services.duplicates import (
    LIKELY_THRESHOLD,
    candidate_pairs,
    likely_pairs,
    reason_text,
)
from desktop.store.store import Store


def pair_ids(pairs) -> set[frozenset[str]]:
    return {frozenset((p.a, p.b)) for p in pairs}


def test_known_pairs_are_found_and_look_alikes_are_not(store: Store) -> None:
    mohammed = Client("Ali", "Mohammed", birth_date=PartialDate(1990), nationality="SY")
    muhammad = Client("Ali", "Muhammad", birth_date=PartialDate(1990, 4, 2), nationality="SY")
    older = Client("Ali", "Mohammed", birth_date=PartialDate(1975), nationality="SY")
    omar = Client("Omar", "Abdul Rahman", birth_date=PartialDate(1985, 6, 2), nationality="SY")
    swapped = Client("Abdulrahman", "Omar", birth_date=PartialDate(1985), nationality="SY")
    oleksandr = Client("Shevchenko", "Oleksandr", birth_date=PartialDate(1980, 5, 3))
    aleksandr = Client(
        "Schewtschenko", "Aleksandr", birth_date=PartialDate(1980, 3, 5), nationality="UA"
    )
    tesfaye = Client("Gebremariam", "Tesfaye", birth_date=PartialDate(1992), nationality="ER")
    tesfay = Client("Gebre-Mariam", "Tesfay", nationality="ER")  # birth date unknown
    hassan = Client("Ali", "Hassan", birth_date=PartialDate(1990), nationality="SY")
    hussein = Client("Ali", "Hussein", birth_date=PartialDate(1990), nationality="SY")
    farid = Client("Karimi", "Farid", sex=Sex.MALE, birth_date=PartialDate(1990))
    farida = Client("Karimi", "Farida", sex=Sex.FEMALE, birth_date=PartialDate(1990))
    casework.add(
        store,
        mohammed, muhammad, older, omar, swapped, oleksandr, aleksandr, tesfaye, tesfay,
        hassan, hussein, farid, farida,
    )  # fmt: skip
    found = likely_pairs(store)
    assert pair_ids(found) == {
        frozenset((mohammed.id, muhammad.id)),
        frozenset((omar.id, swapped.id)),
        frozenset((oleksandr.id, aleksandr.id)),
        frozenset((tesfaye.id, tesfay.id)),
    }
    assert all(p.a < p.b and LIKELY_THRESHOLD <= p.score <= 1 for p in found)
    assert [p.score for p in found] == sorted((p.score for p in found), reverse=True)
    by_ids = {frozenset((p.a, p.b)): p for p in found}
    assert "names_swapped" in by_ids[frozenset((omar.id, swapped.id))].reasons
    assert "birth_day_month_swapped" in by_ids[frozenset((oleksandr.id, aleksandr.id))].reasons


def test_partial_birth_dates_are_compatible(store: Store) -> None:
    year = Client("Ahmadi", "Fatima", birth_date=PartialDate(1990), nationality="AF")
    month = Client("Ahmadi", "Fatimah", birth_date=PartialDate(1990, 3), nationality="AF")
    day = Client("Ahmadi", "Fatima", birth_date=PartialDate(1990, 3, 15), nationality="AF")
    other_year = Client("Ahmadi", "Fatima", birth_date=PartialDate(1991, 3, 15), nationality="AF")
    casework.add(store, year, month, day, other_year)
    found = pair_ids(likely_pairs(store))
    assert found == {
        frozenset((year.id, month.id)),
        frozenset((year.id, day.id)),
        frozenset((month.id, day.id)),
    }


def test_the_same_file_number_finds_a_pair_across_birth_years(store: Store) -> None:
    a = Client("Alali", "Bilal", birth_date=PartialDate(1994), file_number="BAMF-777")
    b = Client("Al Ali", "Bilal", birth_date=PartialDate(1995), file_number="bamf 777")
    casework.add(store, a, b)
    [pair] = likely_pairs(store)
    assert {pair.a, pair.b} == {a.id, b.id}
    assert "file_number_same" in pair.reasons


def test_only_pairs_with_the_given_clients_and_threshold(store: Store) -> None:
    a = Client("Haddad", "Omar", birth_date=PartialDate(1978), nationality="SY")
    b = Client("Hadad", "Omar", birth_date=PartialDate(1978), nationality="SY")
    c = Client("Mansour", "Layla", birth_date=PartialDate(1993), nationality="SY")
    d = Client("Mansur", "Leila", birth_date=PartialDate(1993), nationality="SY")
    casework.add(store, a, b, c, d)
    assert len(likely_pairs(store)) == 2
    [only] = likely_pairs(store, client_ids=[d.id])
    assert {only.a, only.b} == {c.id, d.id}
    assert likely_pairs(store, client_ids=[]) == []
    assert likely_pairs(store, threshold=1.0) == []


def test_reason_texts_in_both_languages() -> None:
    assert reason_text("names_swapped") == "given and family name swapped"
    assert reason_text("names_swapped", "de") == "Vor- und Familienname vertauscht"
    assert reason_text("unheard_of") == "unheard_of"


def test_blocking_keeps_candidates_few_on_demo_data(store: Store) -> None:
    fill_demo(store, 600, seed=3, today=date(2026, 3, 1))
    people = {c.id: person_of(c) for c in store.all(Client)}
    candidates = candidate_pairs(people)
    assert len(candidates) < len(people) * (len(people) - 1) // 2 // 10
    # every likely pair is among the candidates, found by brute force on a sample
    sample = sorted(people)[:150]

    brute = {
        (x, y)
        for i, x in enumerate(sample)
        for y in sample[i + 1 :]
        if score(people[x], people[y]) >= LIKELY_THRESHOLD
    }
    assert brute <= candidates
