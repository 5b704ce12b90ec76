"""Two records of the same person become one, here and on every colleague's computer."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from desktop.domain.catalogues import DocumentKind, FieldOfAction
from desktop.domain.dates import PartialDate
from desktop.domain.errors import InvalidInput
from desktop.domain.model import (
    Appointment,
    Client,
    DocumentItem,
    Goal,
    IntegrationPlan,
    Note,
    Organisation,
    SupportLink,
)
from desktop.services import casework
from desktop.services.duplicate_merge import merge_clients
from tests.conftest import Cli
from tests.sync.devices import Device, exchange_all, make_devices, shared_client


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Device, Device]]:
    anna, bea = make_devices(tmp_path, ["Anna", "Bea"])
    yield anna, bea
    anna.store.close()
    bea.store.close()


def two_records(device: Device) -> tuple[Client, Client, list[object]]:
    """Mohammed registered by one colleague, Muhammad by another, each with parts."""
    first = shared_client("Ali", "Mohammed", birth_date=PartialDate(1990), phone="0151 1")
    second = shared_client(
        "Ali", "Muhammad", birth_date=PartialDate(1990, 5, 17), nationality="SY", city="Kassel"
    )
    organisation = Organisation("Jobcenter Kassel")
    plan = IntegrationPlan(second.id)
    parts: list[object] = [
        organisation,
        plan,
        Goal(plan.id, FieldOfAction.WORK, "Praktikum"),
        DocumentItem(second.id, DocumentKind.PASSPORT),
        Appointment(second.id, datetime(2026, 3, 4, 10, 0), purpose="Beratung"),
        Note(second.id, date(2026, 3, 1), "Erstgespräch"),
        SupportLink(second.id, organisation.id),
        Note(first.id, date(2026, 2, 1), "Anmeldung"),
    ]
    casework.add(device.store, first, second, *parts)
    return first, second, parts


def test_merging_keeps_every_part_of_both_and_fills_gaps(pair: tuple[Device, Device]) -> None:
    anna, _ = pair
    first, second, _parts = two_records(anna)
    kept = merge_clients(anna.store, first.id, second.id)
    assert anna.store.find(Client, second.id) is None
    assert kept.phone == "0151 1" and kept.city == "Kassel" and kept.nationality == "SY"
    assert kept.birth_date == PartialDate(1990)  # the kept record's own value stays
    assert "Muhammad Ali" in kept.other_names
    store = anna.store
    assert len(store.of_client(IntegrationPlan, first.id)) == 1
    assert len(store.of_client(DocumentItem, first.id)) == 1
    assert len(store.of_client(Appointment, first.id)) == 1
    assert sorted(n.text for n in store.of_client(Note, first.id)) == ["Anmeldung", "Erstgespräch"]
    assert len(store.of_client(SupportLink, first.id)) == 1
    assert len(list(store.all(Goal))) == 1


def test_a_client_cannot_be_merged_with_itself(pair: tuple[Device, Device]) -> None:
    anna, _ = pair
    first, _second, _ = two_records(anna)
    with pytest.raises(InvalidInput):
        merge_clients(anna.store, first.id, first.id)


def test_a_merge_travels_as_a_merge_and_takes_a_colleagues_new_note_along(
    pair: tuple[Device, Device],
) -> None:
    anna, bea = pair
    first, second, _ = two_records(anna)
    exchange_all([anna, bea], rounds=1)
    merge_clients(anna.store, first.id, second.id)
    late = Note(second.id, date(2026, 3, 5), "Rückruf")  # Bea has not heard of the merge yet
    casework.add(bea.store, late)
    exchange_all([anna, bea], rounds=2)
    for device in (anna, bea):
        assert device.store.find(Client, second.id) is None
        assert device.store.get(Note, late.id).client_id == first.id
        texts = sorted(n.text for n in device.store.of_client(Note, first.id))
        assert texts == ["Anmeldung", "Erstgespräch", "Rückruf"]
    assert anna.case_data() == bea.case_data()


def test_a_merged_record_deleted_elsewhere_still_ends_merged(
    pair: tuple[Device, Device],
) -> None:
    anna, bea = pair
    first, second, _ = two_records(anna)
    exchange_all([anna, bea], rounds=1)
    merge_clients(anna.store, first.id, second.id)
    casework.remove(bea.store, Client, second.id)  # Bea deletes the double record instead
    exchange_all([anna, bea], rounds=2)
    for device in (anna, bea):
        assert device.store.find(Client, second.id) is None
        assert device.store.get(Client, first.id).city == "Kassel"
    assert anna.case_data() == bea.case_data()


def test_the_command_line_merges_two_records(cli: Cli, initialised: str) -> None:
    first = cli("client", "add", "--family-name", "Ali", "--given-names", "Mohammed").stdout.strip()
    second = cli(
        "client", "add", "--family-name", "Ali", "--given-names", "Muhammad", "--phone", "0151 9"
    ).stdout.strip()
    merged = cli("client", "merge", first, second)
    assert (merged.returncode, merged.stdout.strip()) == (0, first)
    assert second not in cli("client", "list", "--json").stdout
    assert "0151 9" in cli("export-json", "-").stdout
    refused = cli("client", "merge", first, "no-such-id")
    assert refused.returncode == 5 and refused.stderr.count("\n") == 1
