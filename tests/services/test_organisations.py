"""The network directory: find partners however typed, and see whom each one supports."""

from __future__ import annotations

import dataclasses
from datetime import date

from desktop.domain.catalogues import OrganisationKind
from desktop.domain.model import Client, Organisation, SupportLink
from desktop.services import casework, organisations
from desktop.store.store import Store

CARITAS = Organisation(
    "Caritas Lörrach", OrganisationKind.WELFARE_ASSOCIATION, contact_person="Frau Weiß"
)
JOBCENTER = Organisation(
    "Jobcenter Landkreis Lörrach", OrganisationKind.JOBCENTER, contact_person="Herr Müller"
)
SPRACHSCHULE = Organisation("Sprachschule Babel")


def directory(store: Store) -> list[Client]:
    for organisation in (SPRACHSCHULE, JOBCENTER, CARITAS):
        organisations.add_organisation(store, organisation)
    people = [Client("Haddad", "Rania"), Client("Rahimi", "Bilal"), Client("Tesfaye", "Meron")]
    casework.add(
        store,
        *people,
        SupportLink(people[0].id, JOBCENTER.id, purpose="Bürgergeld", since=date(2025, 1, 1)),
        SupportLink(  # the same client again, for something else
            people[0].id, JOBCENTER.id, purpose="Arbeitsvermittlung", since=date(2026, 3, 1)
        ),
        SupportLink(people[1].id, JOBCENTER.id),
        SupportLink(people[0].id, CARITAS.id, since=date(2026, 2, 1)),
    )
    return people


def shown(store: Store, text: str = "") -> list[tuple[str, int]]:
    return [
        (row.organisation.name, row.clients_supported)
        for row in organisations.list_organisations(store, text)
    ]


def test_the_directory_lists_by_name_with_how_many_clients_each_supports(store: Store) -> None:
    directory(store)
    assert shown(store) == [
        ("Caritas Lörrach", 1),
        ("Jobcenter Landkreis Lörrach", 2),  # two links for Rania count as one client
        ("Sprachschule Babel", 0),
    ]


def test_the_directory_finds_names_and_contact_people_however_typed(store: Store) -> None:
    directory(store)
    assert [name for name, _ in shown(store, "CARITAS")] == ["Caritas Lörrach"]
    assert [name for name, _ in shown(store, "lorrach")] == [
        "Caritas Lörrach",
        "Jobcenter Landkreis Lörrach",
    ]
    assert [name for name, _ in shown(store, "loerrach job")] == ["Jobcenter Landkreis Lörrach"]
    assert [name for name, _ in shown(store, "mueller")] == ["Jobcenter Landkreis Lörrach"]
    assert [name for name, _ in shown(store, "weiss")] == ["Caritas Lörrach"]
    assert shown(store, "volkshochschule") == []
    assert len(shown(store, "   ")) == 3


def test_adding_and_saving_an_organisation_shows_in_the_directory(store: Store) -> None:
    directory(store)
    organisations.add_organisation(
        store, Organisation("Diakonie", OrganisationKind.WELFARE_ASSOCIATION)
    )
    moved = dataclasses.replace(SPRACHSCHULE, name="Sprachschule Babel (neu)", phone="07621 1")
    organisations.save_organisation(store, moved)
    assert [name for name, _ in shown(store)] == [
        "Caritas Lörrach",
        "Diakonie",
        "Jobcenter Landkreis Lörrach",
        "Sprachschule Babel (neu)",
    ]
    assert store.get(Organisation, SPRACHSCHULE.id).phone == "07621 1"


def test_supporters_of_a_client_come_with_their_organisation(store: Store) -> None:
    rania, bilal, meron = directory(store)
    supporters = organisations.supporters_of(store, rania.id)
    assert [(o.name, s.purpose) for s, o in supporters] == [
        ("Caritas Lörrach", ""),
        ("Jobcenter Landkreis Lörrach", "Bürgergeld"),
        ("Jobcenter Landkreis Lörrach", "Arbeitsvermittlung"),
    ]
    assert all(s.client_id == rania.id for s, _ in supporters)
    assert [o.name for _, o in organisations.supporters_of(store, bilal.id)] == [
        "Jobcenter Landkreis Lörrach"
    ]
    assert organisations.supporters_of(store, meron.id) == []  # nobody's support shows too
    casework.add(store, SupportLink(meron.id, "an-organisation-not-here-yet"))  # e.g. by sync
    assert organisations.supporters_of(store, meron.id) == []
