"""Merging colleagues' changes: last writer per field group, deletes, erasure, conflicts."""

from __future__ import annotations

import dataclasses
import hashlib
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desktop.domain.catalogues import DocumentKind, FieldOfAction, ResidenceStatus
from desktop.domain.model import (
    Attachment,
    Client,
    DocumentItem,
    Goal,
    IntegrationPlan,
    Measure,
    Note,
)
from desktop.services import casework, sync
from tests.sync.devices import Device, exchange_all, make_devices, shared_client


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Device, Device]]:
    anna, bea = make_devices(tmp_path, ["Anna", "Bea"])
    yield anna, bea
    anna.store.close()
    bea.store.close()


def a_client(**fields: object) -> Client:
    values: dict[str, object] = {"family_name": "Haddad", "given_names": "Amal", **fields}
    return shared_client(**values)  # type: ignore[arg-type]


def send(sender: Device, receiver: Device) -> sync.ImportSummary:
    return receiver.import_(sender.export_to(receiver))


def test_a_new_case_with_all_its_parts_arrives_whole(pair: tuple[Device, Device]) -> None:
    anna, bea = pair
    client = a_client(residence_status=ResidenceStatus.DULDUNG, opened_on=date(2026, 3, 1))
    plan = IntegrationPlan(client.id)
    goal = Goal(plan.id, FieldOfAction.LANGUAGE, "B1-Kurs")
    measure = Measure(goal.id, "Anmeldung VHS", "Beraterin", due_on=date(2026, 5, 1))
    casework.add(anna.store, client, plan, goal, measure, Note(client.id, date(2026, 3, 2), "Hi"))
    summary = send(anna, bea)
    assert summary.sender == "Anna" and summary.applied > 5 and summary.conflicts == 0
    assert bea.case_data() == anna.case_data()
    assert bea.store.get(Measure, measure.id).title == "Anmeldung VHS"


def test_importing_a_bundle_twice_changes_nothing(pair: tuple[Device, Device]) -> None:
    anna, bea = pair
    casework.add(anna.store, a_client())
    bundle = anna.export_to(bea)
    bea.import_(bundle)
    before = bea.case_data()
    again = bea.import_(bundle)
    assert again.already_imported and again.applied == 0
    assert bea.case_data() == before


def test_a_later_edit_wins_and_an_unseen_one_is_a_conflict_on_both_sides(
    pair: tuple[Device, Device],
) -> None:
    anna, bea = pair
    client = a_client()
    casework.add(anna.store, client)
    send(anna, bea)
    casework.save(bea.store, dataclasses.replace(client, given_names="Amal Bea"))
    casework.save(anna.store, dataclasses.replace(client, given_names="Amal Anna"))  # later
    send(bea, anna)
    send(anna, bea)
    assert anna.store.get(Client, client.id).given_names == "Amal Anna"
    assert bea.case_data() == anna.case_data()
    for device, lost_by in ((anna, "Bea"), (bea, "")):
        (conflict,) = sync.conflicts(device.store)
        assert conflict.kind == "edit" and conflict.field_group == "name"
        assert conflict.lost == {"given_names": "Amal Bea"}
        assert conflict.won == {"given_names": "Amal Anna"}
        assert conflict.lost_by == lost_by
        assert conflict.client_name == "Haddad, Amal Anna"


def test_an_edit_made_after_seeing_the_other_is_no_conflict(pair: tuple[Device, Device]) -> None:
    anna, bea = pair
    client = a_client()
    casework.add(anna.store, client)
    send(anna, bea)
    casework.save(bea.store, dataclasses.replace(client, phone="0151 1"))
    send(bea, anna)
    casework.save(anna.store, dataclasses.replace(client, phone="0151 2"))
    send(anna, bea)
    assert bea.store.get(Client, client.id).phone == "0151 2"
    assert sync.conflicts(anna.store) == [] and sync.conflicts(bea.store) == []


def test_edits_of_different_field_groups_both_survive(pair: tuple[Device, Device]) -> None:
    anna, bea = pair
    client = a_client()
    casework.add(anna.store, client)
    send(anna, bea)
    casework.save(anna.store, dataclasses.replace(client, phone="0151 1"))
    casework.save(bea.store, dataclasses.replace(client, city="Kassel", postcode="34117"))
    exchange_all([anna, bea], rounds=1)
    merged = anna.store.get(Client, client.id)
    assert (merged.phone, merged.city, merged.postcode) == ("0151 1", "Kassel", "34117")
    assert bea.case_data() == anna.case_data()
    assert sync.conflicts(anna.store) == []


def test_a_residence_status_never_mixes_two_edits(pair: tuple[Device, Device]) -> None:
    anna, bea = pair
    client = a_client()
    casework.add(anna.store, client)
    send(anna, bea)
    casework.save(
        bea.store,
        dataclasses.replace(
            client,
            residence_status=ResidenceStatus.DULDUNG,
            status_valid_until=date(2026, 6, 30),
        ),
    )
    casework.save(
        anna.store,
        dataclasses.replace(
            client,
            residence_status=ResidenceStatus.WORK,
            status_valid_until=date(2029, 1, 31),
        ),
    )
    exchange_all([anna, bea], rounds=1)
    for device in (anna, bea):
        merged = device.store.get(Client, client.id)
        assert (merged.residence_status, merged.status_valid_until) == (
            ResidenceStatus.WORK,
            date(2029, 1, 31),
        )


def test_an_erased_client_stays_erased_when_an_older_edit_arrives(
    pair: tuple[Device, Device],
) -> None:
    anna, bea = pair
    client = a_client(phone="0151 1")
    casework.add(anna.store, client, Note(client.id, date(2026, 1, 5), "Erstgespräch"))
    send(anna, bea)
    casework.save(bea.store, dataclasses.replace(client, phone="0151 9"))  # not yet seen by Anna
    casework.add(bea.store, Note(client.id, date(2026, 1, 6), "Folgetermin Haddad"))
    casework.erase_client(anna.store, client.id)
    exchange_all([anna, bea], rounds=2)
    for device in (anna, bea):
        assert device.store.find(Client, client.id) is None
        assert device.store.is_erased(client.id)
        assert device.store.of_client(Note, client.id) == []
        assert sync.conflicts(device.store) == []  # nothing about an erased person is kept
    assert anna.case_data() == bea.case_data()


def test_a_delete_that_overrides_an_edit_is_listed(pair: tuple[Device, Device]) -> None:
    anna, bea = pair
    client = a_client()
    casework.add(anna.store, client)
    send(anna, bea)
    casework.save(bea.store, dataclasses.replace(client, phone="0151 9"))
    casework.remove(anna.store, Client, client.id)
    exchange_all([anna, bea], rounds=1)
    for device in (anna, bea):
        assert device.store.find(Client, client.id) is None
        (conflict,) = sync.conflicts(device.store)
        assert conflict.kind == "deleted" and conflict.lost["phone"] == "0151 9"
        assert conflict.lost_by == ("Bea" if device is anna else "")


def test_a_plan_added_to_a_case_a_colleague_deleted_goes_too(
    pair: tuple[Device, Device],
) -> None:
    anna, bea = pair
    client = a_client()
    casework.add(anna.store, client)
    send(anna, bea)
    plan = IntegrationPlan(client.id)
    goal = Goal(plan.id, FieldOfAction.WORK, "Praktikum")
    casework.add(bea.store, plan, goal, Measure(goal.id, "Bewerbung", "Klientin"))
    casework.remove(anna.store, Client, client.id)
    exchange_all([anna, bea], rounds=2)
    for device in (anna, bea):
        assert device.store.find(IntegrationPlan, plan.id) is None
        assert device.store.find(Goal, goal.id) is None
        assert list(device.store.all(Measure)) == []
    assert anna.case_data() == bea.case_data()


def test_notes_from_both_sides_are_all_kept(pair: tuple[Device, Device]) -> None:
    anna, bea = pair
    client = a_client()
    casework.add(anna.store, client)
    send(anna, bea)
    casework.add(anna.store, Note(client.id, date(2026, 2, 1), "von Anna"))
    casework.add(bea.store, Note(client.id, date(2026, 2, 1), "von Bea"))
    exchange_all([anna, bea], rounds=1)
    texts = sorted(n.text for n in bea.store.of_client(Note, client.id))
    assert texts == ["von Anna", "von Bea"]
    assert sync.conflicts(bea.store) == []


def test_a_scan_travels_with_its_checklist_item(pair: tuple[Device, Device]) -> None:
    anna, bea = pair
    client = a_client()
    item = DocumentItem(client.id, DocumentKind.PASSPORT)
    scan = b"%PDF-1.4 passport scan " * 5000
    sha = hashlib.sha256(scan).hexdigest()
    attachment = Attachment(item.id, "pass.pdf", "application/pdf", len(scan), sha)
    casework.add(anna.store, client, item)
    with anna.store.transaction() as tx:
        tx.put_blob(sha, scan)
        tx.insert(attachment)
    summary = sync.export_for(anna.store, "Bea", anna.folder / "scan.wdb")
    assert summary.blobs == 1
    bea.import_(summary.path)
    assert bea.store.blob(sha) == scan
    assert bea.store.attachments_of([item.id]) == [attachment]


def test_changes_travel_through_a_colleague(tmp_path: Path) -> None:
    anna, bea, cem = make_devices(tmp_path, ["Anna", "Bea", "Cem"])
    client = a_client()
    casework.add(anna.store, client)
    send(anna, bea)
    send(bea, cem)  # Cem never heard from Anna directly
    assert cem.store.get(Client, client.id) == client
    send(cem, anna)  # and Anna learns that Cem has it: nothing of hers waits for Cem
    assert next(c for c in sync.colleagues(anna.store) if c.name == "Cem").waiting == 0


def test_a_full_export_onboards_a_new_colleague(tmp_path: Path) -> None:
    anna, bea = make_devices(tmp_path, ["Anna", "Bea"])
    casework.add(anna.store, a_client(), a_client(given_names="Samir"))
    bea.import_(anna.export_to(bea, full=True))
    assert bea.case_data() == anna.case_data()


def test_a_restored_computer_gets_its_own_changes_back(tmp_path: Path) -> None:
    anna, bea = make_devices(tmp_path, ["Anna", "Bea"])
    casework.add(anna.store, a_client())
    send(anna, bea)
    saved = anna.copy_of_file()
    late = a_client(given_names="Late")
    casework.add(anna.store, late)
    send(anna, bea)
    anna.put_back(saved)  # the laptop comes back from a backup
    assert anna.store.find(Client, late.id) is None
    bea.import_(anna.export_to(bea))  # Bea already holds Anna's later changes: nothing new
    send(bea, anna)
    assert anna.store.get(Client, late.id) == late
    newer = a_client(given_names="After restore")
    casework.add(anna.store, newer)  # new changes do not reuse the numbers of the lost ones
    send(anna, bea)
    assert bea.store.get(Client, newer.id) == newer
    assert bea.case_data() == anna.case_data()


def test_the_clock_moves_past_what_a_colleague_sent(pair: tuple[Device, Device]) -> None:
    anna, bea = pair
    now = time.time_ns() // 1_000_000
    anna.store.clock._wall_ms = lambda: now + 5 * 3600 * 1000  # Anna's clock runs 5 hours ahead
    client = a_client()
    casework.add(anna.store, client)
    bea.import_(anna.export_to(bea))
    casework.save(bea.store, dataclasses.replace(client, phone="after"))  # Bea's clock is behind
    send(bea, anna)
    assert anna.store.get(Client, client.id).phone == "after"


def test_conflicts_can_be_kept_or_the_lost_value_restored(pair: tuple[Device, Device]) -> None:
    anna, bea = pair
    client = a_client()
    casework.add(anna.store, client)
    send(anna, bea)
    casework.save(bea.store, dataclasses.replace(client, given_names="Amal Bea"))
    casework.save(anna.store, dataclasses.replace(client, given_names="Amal Anna"))
    send(bea, anna)
    (conflict,) = sync.conflicts(anna.store)
    sync.resolve_conflict(anna.store, conflict.num, restore=True)
    assert anna.store.get(Client, client.id).given_names == "Amal Bea"
    assert sync.conflicts(anna.store) == []
    assert [c.resolved for c in sync.conflicts(anna.store, include_resolved=True)] == [True]
    exchange_all([anna, bea], rounds=1)
    assert bea.store.get(Client, client.id).given_names == "Amal Bea"


def test_work_after_restoring_an_older_copy_reaches_colleagues_after_one_round(
    tmp_path: Path,
) -> None:
    anna, bea = make_devices(tmp_path, ["Anna", "Bea"])
    saved = anna.copy_of_file()
    sent = a_client(given_names="Sent")
    casework.add(anna.store, sent)
    send(anna, bea)
    anna.put_back(saved)  # Anna's laptop goes back to the older copy
    after = a_client(given_names="After restore")
    casework.add(anna.store, after)  # reuses the numbers of the changes Bea holds as "Sent"
    before = bea.case_data()
    with pytest.raises(sync.BundleRejected) as refused:
        send(anna, bea)
    assert refused.value.reason == "rolled_back" and "older copy" in refused.value.en
    assert bea.case_data() == before
    old_device = anna.store.device_id
    send(bea, anna)  # Anna's computer notices and moves its new work to a new device id
    assert anna.store.device_id != old_device
    assert anna.store.get(Client, sent.id) == sent
    send(anna, bea)
    for device in (anna, bea):
        assert device.store.get(Client, after.id) == after
        assert device.store.get(Client, sent.id) == sent
    later = a_client(given_names="Later")
    casework.add(anna.store, later)
    send(anna, bea)
    assert bea.store.get(Client, later.id) == later
    assert bea.case_data() == anna.case_data()
