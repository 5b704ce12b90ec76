"""Before creating a client: is this person probably already in the case file?"""

from __future__ import annotations

from desktop.domain.dates import PartialDate
from desktop.domain.model import Client
from desktop.services import casework
from desktop.services.clients import likely_existing
from desktop.store.store import Store


def names(found: list[Client]) -> list[str]:
    return [c.display_name for c in found]


def test_the_same_person_typed_differently_is_found(store: Store) -> None:
    existing = Client("Müller", "Anna", birth_date=PartialDate(1990, 5, 17))
    casework.add(store, existing, Client("Müllerová", "Anna"), Client("Anna", "Schmidt"))
    for family, given in (("Müller", "Anna"), ("MULLER", "anna"), ("Mueller", "Anna")):
        assert likely_existing(store, family, given, PartialDate(1990)) == [existing], family
    assert likely_existing(store, "Müller", "Anna-Lena", None) == [existing]  # same family name


def test_family_and_given_names_swapped_are_found(store: Store) -> None:
    swapped = Client("Mohammed", "Abdulrahman", birth_date=PartialDate(1985))
    casework.add(store, swapped)
    assert likely_existing(store, "Abdulrahman", "Mohammed", PartialDate(1985, 3)) == [swapped]
    assert likely_existing(store, "Abdulrahman", "Mohammed", PartialDate(1990)) == []


def test_a_different_birth_year_is_someone_else(store: Store) -> None:
    casework.add(
        store,
        Client("Haddad", "Rania", birth_date=PartialDate(1988, 4)),
        Client("Haddad", "Omar", birth_date=PartialDate(2015)),
        Client("Haddad", "Lina"),  # birth date unknown: could be anyone
    )
    assert names(likely_existing(store, "Haddad", "Rania", PartialDate(1988, 4, 2))) == [
        "Haddad, Rania",
        "Haddad, Lina",
    ]
    assert len(likely_existing(store, "Haddad", "Rania", None)) == 3
    assert likely_existing(store, "Hadad", "Rania", None) == []  # not the same name
    assert likely_existing(store, "  ", "Rania", None) == []


def test_at_most_five_and_the_most_alike_first(store: Store) -> None:
    many = [Client("Ahmadi", f"Person {i}", birth_date=PartialDate(1990)) for i in range(8)]
    same = Client("Ahmadi", "Ali", birth_date=PartialDate(1990, 1, 1))
    casework.add(store, *many, same)
    found = likely_existing(store, "Ahmadi", "Ali", PartialDate(1990))
    assert len(found) == 5
    assert found[0] == same
