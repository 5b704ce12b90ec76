"""Deadlines marked done or snoozed travel to colleagues: Monday triage is done once per office."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.domain.catalogues import PlanStatus, ResidenceStatus
from desktop.domain.model import Client, DeadlineMark, IntegrationPlan
from desktop.domain.rules import DeadlineKind
from desktop.services import agenda, casework
from tests.sync.devices import Device, make_devices, shared_client

TODAY = date(2026, 11, 23)


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Device, Device]]:
    anna, bea = make_devices(tmp_path, ["Anna", "Bea"])
    yield anna, bea
    anna.store.close()
    bea.store.close()


def send(sender: Device, receiver: Device) -> None:
    receiver.import_(sender.export_to(receiver))


def on_radar(device: Device) -> list[DeadlineKind]:
    """The kinds of the deadlines the device's radar shows today (marked ones left out)."""
    triage = agenda.triage(agenda.radar_entries(device.store, TODAY), TODAY)
    return [e.deadline.kind for g in triage.groups for e in g.items]


def a_case(device: Device) -> Client:
    client = shared_client(
        "Haddad",
        "Amal",
        residence_status=ResidenceStatus.DULDUNG,
        status_valid_until=TODAY - timedelta(days=3),
    )
    plan = IntegrationPlan(client.id, status=PlanStatus.AGREED, review_on=TODAY + timedelta(days=2))
    casework.add(device.store, client, plan)
    return client


def deadline(device: Device, kind: DeadlineKind) -> agenda.RadarEntry:
    return next(e for e in agenda.radar_entries(device.store, TODAY) if e.deadline.kind is kind)


def test_a_mark_travels_in_a_bundle_and_hides_the_deadline_there_too(
    pair: tuple[Device, Device],
) -> None:
    anna, bea = pair
    client = a_case(anna)
    send(anna, bea)
    both = [DeadlineKind.RESIDENCE_EXPIRY, DeadlineKind.PLAN_REVIEW]
    assert on_radar(bea) == both
    done = agenda.mark_done(anna.store, deadline(anna, DeadlineKind.PLAN_REVIEW).deadline, TODAY)
    snoozed = agenda.snooze(
        anna.store,
        deadline(anna, DeadlineKind.RESIDENCE_EXPIRY).deadline,
        TODAY + timedelta(days=7),
        TODAY,
    )
    send(anna, bea)
    assert bea.store.get(DeadlineMark, done.id) == done
    assert bea.store.get(DeadlineMark, snoozed.id) == snoozed
    assert bea.store.of_client(DeadlineMark, client.id) == anna.store.of_client(
        DeadlineMark, client.id
    )
    assert on_radar(bea) == []
    assert bea.case_data() == anna.case_data()
    # Bea takes the snooze off again: back on both radars once Anna has her bundle.
    agenda.reopen(bea.store, deadline(bea, DeadlineKind.RESIDENCE_EXPIRY).deadline)
    send(bea, anna)
    assert on_radar(anna) == on_radar(bea) == [DeadlineKind.RESIDENCE_EXPIRY]
    assert anna.store.find(DeadlineMark, snoozed.id) is None


def test_two_colleagues_marking_one_deadline_at_once_end_alike(
    pair: tuple[Device, Device],
) -> None:
    anna, bea = pair
    a_case(anna)
    send(anna, bea)
    review = deadline(anna, DeadlineKind.PLAN_REVIEW).deadline
    agenda.snooze(anna.store, review, TODAY + timedelta(days=30), TODAY)
    agenda.mark_done(bea.store, review, TODAY)  # before either has seen the other's mark
    send(anna, bea)
    send(bea, anna)
    assert anna.case_data() == bea.case_data()
    for device in pair:
        assert on_radar(device) == [DeadlineKind.RESIDENCE_EXPIRY]
        (shown,) = agenda.triage(
            agenda.radar_entries(device.store, TODAY), TODAY, kind=review.kind, set_aside=True
        ).groups
        assert shown.items[0].mark is not None and shown.items[0].mark.snoozed_until is None
    # Reopened on one computer, every mark of it is gone on both.
    agenda.reopen(anna.store, review)
    send(anna, bea)
    assert (
        on_radar(anna)
        == on_radar(bea)
        == [
            DeadlineKind.RESIDENCE_EXPIRY,
            DeadlineKind.PLAN_REVIEW,
        ]
    )


def test_an_erasure_takes_the_marks_on_the_colleagues_computer_too(
    pair: tuple[Device, Device],
) -> None:
    anna, bea = pair
    client = a_case(anna)
    mark = agenda.mark_done(anna.store, deadline(anna, DeadlineKind.PLAN_REVIEW).deadline, TODAY)
    send(anna, bea)
    assert bea.store.find(DeadlineMark, mark.id) is not None
    casework.erase_client(anna.store, client.id)
    send(anna, bea)
    assert bea.store.find(Client, client.id) is None
    assert bea.store.find(DeadlineMark, mark.id) is None and bea.store.is_erased(mark.id)
