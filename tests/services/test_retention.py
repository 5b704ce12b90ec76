"""Retention period, the closing rule on every path that saves a client, and the due list."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.errors import InvalidInput
from desktop.domain.model import Client, Household
from desktop.services import casework, clients, retention
from desktop.store.store import Store


def test_the_retention_period_is_36_months_unless_set(store: Store) -> None:
    assert retention.retention_months(store) == 36
    retention.set_retention_months(store, 120)
    assert retention.retention_months(store) == 120
    for wrong in (0, 121, -3):
        with pytest.raises(InvalidInput) as caught:
            retention.set_retention_months(store, wrong)
        assert caught.value.field == "retention_months"
    assert retention.retention_months(store) == 120


def test_closing_a_case_sets_its_retention_date_and_reopening_clears_it(store: Store) -> None:
    retention.set_retention_months(store, 18)
    client = clients.add_client(store, {"family_name": "Haddad", "opened_on": date(2024, 1, 1)})
    assert client.retention_until is None
    closed = clients.update_client(store, client.id, {"closed_on": date(2025, 8, 31)})
    assert closed.retention_until == date(2027, 2, 28)
    assert store.get(Client, client.id).retention_until == date(2027, 2, 28)
    moved = clients.update_client(store, client.id, {"closed_on": date(2025, 9, 30)})
    assert moved.retention_until == date(2027, 3, 30)
    unrelated = clients.update_client(store, client.id, {"city": "Kassel"})
    assert unrelated.retention_until == date(2027, 3, 30)
    reopened = clients.update_client(store, client.id, {"closed_on": None})
    assert reopened.retention_until is None


def test_a_retention_date_given_in_the_same_edit_is_kept(store: Store) -> None:
    client = clients.add_client(store, {"family_name": "Haddad", "opened_on": date(2024, 1, 1)})
    changed = clients.update_client(
        store, client.id, {"closed_on": date(2025, 1, 1), "retention_until": date(2035, 1, 1)}
    )
    assert changed.retention_until == date(2035, 1, 1)


def test_a_client_added_closed_and_one_saved_by_casework_get_the_date(store: Store) -> None:
    added = clients.add_client(
        store,
        {"family_name": "Nowak", "opened_on": date(2020, 1, 1), "closed_on": date(2021, 5, 1)},
    )
    assert store.get(Client, added.id).retention_until == date(2024, 5, 1)
    other = Client("Okafor", "Ada", opened_on=date(2020, 1, 1))
    casework.add(store, other)
    casework.save(store, Client("Okafor", "Ada", id=other.id, closed_on=date(2022, 2, 2)))
    assert store.get(Client, other.id).retention_until == date(2025, 2, 2)


def test_due_cases_are_closed_ones_past_their_date_oldest_first(store: Store) -> None:
    today = date(2026, 6, 1)
    late = Client("Late", "Lea", file_number="A-1", closed_on=date(2020, 1, 1))
    early = Client("Early", "Eli", closed_on=date(2019, 1, 1))
    on_the_day = Client("Day", "", closed_on=date(2023, 6, 1))
    not_yet = Client("Young", "Yara", closed_on=date(2024, 1, 1))
    still_open = Client("Open", "Omar", retention_until=date(2020, 1, 1))
    casework.add(store, late, early, on_the_day, not_yet, still_open)
    due = retention.due_for_erasure(store, today)
    assert [d.id for d in due] == [early.id, late.id, on_the_day.id]
    assert due[1].display_name == "Late, Lea" and due[1].file_number == "A-1"
    assert due[1].closed_on == date(2020, 1, 1) and due[1].retention_until == date(2023, 1, 1)


def test_erasing_several_reports_progress_and_takes_an_empty_household(store: Store) -> None:
    family = Household("Familie Berisha")
    a = Client("Berisha", "Arta", household_id=family.id)
    b = Client("Berisha", "Besa", household_id=family.id)
    shared = Household("WG Ost")
    c = Client("Cano", "Cem", household_id=shared.id)
    d = Client("Diallo", "Dia", household_id=shared.id)
    casework.add(store, family, shared, a, b, c, d)
    seen: list[tuple[int, int]] = []
    clients.erase_clients(store, [a.id, b.id, c.id], lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert store.find(Household, family.id) is None and store.is_erased(family.id)
    assert store.find(Household, shared.id) is not None  # Diallo still lives there
    assert [x.id for x in store.all(Client)] == [d.id]
    assert all(store.is_erased(x.id) for x in (a, b, c))
