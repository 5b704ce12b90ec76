"""Monday triage over a real case file: deadlines marked done or snoozed, grouped by urgency."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest

from desktop.domain.catalogues import (
    DocumentKind,
    DocumentStatus,
    MarkStatus,
    PlanStatus,
    ResidenceStatus,
)
from desktop.domain.errors import InvalidInput
from desktop.domain.model import Client, DeadlineMark, DocumentItem, IntegrationPlan
from desktop.domain.rules import DeadlineKind
from desktop.domain.triage import Urgency
from desktop.services import agenda, casework, clients
from desktop.services.duplicate_merge import merge_clients
from desktop.services.export import case_data
from desktop.store.store import Store

TODAY = date(2026, 11, 23)  # a Monday


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


@pytest.fixture
def case(store: Store) -> dict[str, object]:
    """A Duldung run out seven weeks ago, a plan review overdue, a passport expiring this week."""
    omar = Client(
        "Rahimi",
        "Omar",
        residence_status=ResidenceStatus.DULDUNG,
        status_valid_until=days(-49),
    )
    plan = IntegrationPlan(omar.id, status=PlanStatus.AGREED, review_on=days(-10))
    passport = DocumentItem(
        omar.id, DocumentKind.PASSPORT, status=DocumentStatus.COPY_ON_FILE, expires_on=days(4)
    )
    lea = Client(
        "Berg", "Lea", residence_status=ResidenceStatus.FIKTION, status_valid_until=days(20)
    )
    casework.add(store, omar, plan, passport, lea)
    return {"omar": omar, "plan": plan, "passport": passport, "lea": lea}


def shown(store: Store, today: date = TODAY, **options: object) -> list[tuple[Urgency, list[str]]]:
    """What the radar shows: each group with its deadlines as "kind client"."""
    entries = agenda.radar_entries(store, today)
    triage = agenda.triage(entries, today, **options)  # type: ignore[arg-type]
    return [
        (g.urgency, [f"{e.deadline.kind.value} {e.client_name}" for e in g.items])
        for g in triage.groups
    ]


def entry(
    store: Store, kind: DeadlineKind, today: date = TODAY, name: str = "Rahimi, Omar"
) -> agenda.RadarEntry:
    return next(
        e
        for e in agenda.radar_entries(store, today)
        if e.deadline.kind is kind and e.client_name == name
    )


def test_the_radar_groups_by_urgency_with_the_legal_deadline_first(
    store: Store, case: dict
) -> None:
    assert shown(store) == [
        (Urgency.OVERDUE, ["residence_expiry Rahimi, Omar", "plan_review Rahimi, Omar"]),
        (Urgency.THIS_WEEK, ["document_expiry Rahimi, Omar"]),
        (Urgency.NEXT_WEEKS, ["residence_expiry Berg, Lea"]),
    ]
    kinds = agenda.triage(agenda.radar_entries(store, TODAY), TODAY, kind=DeadlineKind.PLAN_REVIEW)
    assert [len(g.items) for g in kinds.groups] == [1] and kinds.set_aside == 0


def test_a_deadline_marked_done_is_stored_and_leaves_the_radar(store: Store, case: dict) -> None:
    review = entry(store, DeadlineKind.PLAN_REVIEW)
    mark = agenda.mark_done(store, review.deadline, TODAY)
    stored = store.get(DeadlineMark, mark.id)
    assert (stored.status, stored.snoozed_until, stored.marked_on) == (MarkStatus.DONE, None, TODAY)
    assert (stored.client_id, stored.entity_id, stored.due_on) == (
        case["omar"].id,
        case["plan"].id,
        days(-10),
    )
    assert shown(store)[0] == (Urgency.OVERDUE, ["residence_expiry Rahimi, Omar"])
    assert shown(store, days(300))[0][1][0] != "plan_review Rahimi, Omar"  # done for good
    # Asked for, it is shown in a group of its own, with its mark; the count tells it is there.
    triage = agenda.triage(agenda.radar_entries(store, TODAY), TODAY, set_aside=True)
    assert triage.set_aside == 1
    assert triage.groups[-1].urgency is Urgency.SET_ASIDE
    (aside,) = triage.groups[-1].items
    assert aside.deadline == review.deadline and aside.mark == stored


def test_a_snoozed_deadline_is_back_on_its_day(store: Store, case: dict) -> None:
    permit = entry(store, DeadlineKind.RESIDENCE_EXPIRY)
    agenda.snooze(store, permit.deadline, days(7), TODAY)
    assert "residence_expiry Rahimi, Omar" not in shown(store)[0][1]
    assert "residence_expiry Rahimi, Omar" not in shown(store, days(6))[0][1]
    assert shown(store, days(7))[0][1][0] == "residence_expiry Rahimi, Omar"
    with pytest.raises(InvalidInput):
        agenda.snooze(store, permit.deadline, TODAY, TODAY)  # today is no later day


def test_a_new_due_date_makes_the_old_mark_void(store: Store, case: dict) -> None:
    permit = entry(store, DeadlineKind.RESIDENCE_EXPIRY)
    agenda.mark_done(store, permit.deadline, TODAY)
    assert "residence_expiry Rahimi, Omar" not in shown(store)[0][1]
    # The Ausländerbehörde extends the Duldung only until next week: a new deadline, shown again.
    clients.update_client(store, case["omar"].id, {"status_valid_until": days(5)})
    assert shown(store)[1] == (
        Urgency.THIS_WEEK,
        ["residence_expiry Rahimi, Omar", "document_expiry Rahimi, Omar"],
    )
    # Marking the new deadline replaces the old mark: one mark per deadline, none left over.
    agenda.mark_done(store, entry(store, DeadlineKind.RESIDENCE_EXPIRY).deadline, TODAY)
    marks = store.of_client(DeadlineMark, case["omar"].id)
    assert [(m.kind, m.due_on) for m in marks] == [(DeadlineKind.RESIDENCE_EXPIRY, days(5))]


def test_marking_again_changes_the_one_mark_and_reopening_removes_it(
    store: Store, case: dict
) -> None:
    passport = entry(store, DeadlineKind.DOCUMENT_EXPIRY)
    first = agenda.snooze(store, passport.deadline, days(3), TODAY)
    second = agenda.mark_done(store, passport.deadline, days(1))
    assert second.id == first.id
    assert store.of_client(DeadlineMark, case["omar"].id) == [second]
    assert agenda.reopen(store, passport.deadline) == 1
    assert store.of_client(DeadlineMark, case["omar"].id) == []
    assert shown(store)[1] == (Urgency.THIS_WEEK, ["document_expiry Rahimi, Omar"])
    assert agenda.reopen(store, passport.deadline) == 0


def test_erasing_or_deleting_the_client_takes_the_marks(store: Store, case: dict) -> None:
    agenda.mark_done(store, entry(store, DeadlineKind.PLAN_REVIEW).deadline, TODAY)
    mark = agenda.snooze(store, entry(store, DeadlineKind.DOCUMENT_EXPIRY).deadline, days(9), TODAY)
    lea_mark = agenda.mark_done(
        store, entry(store, DeadlineKind.RESIDENCE_EXPIRY, name="Berg, Lea").deadline, TODAY
    )
    clients.erase_client(store, case["omar"].id)
    assert store.of_client(DeadlineMark, case["omar"].id) == []
    assert store.is_erased(mark.id)
    left = store.conn.execute("SELECT field_group, value FROM change WHERE row_id = ?", (mark.id,))
    assert [tuple(r) for r in left] == [("_erased", None)]  # the tombstone only
    assert [m.id for m in store.all(DeadlineMark)] == [lea_mark.id]
    clients.delete_client(store, case["lea"].id)
    assert list(store.all(DeadlineMark)) == []


def test_a_merged_duplicate_hands_its_marks_to_the_record_kept(store: Store, case: dict) -> None:
    mark = agenda.mark_done(store, entry(store, DeadlineKind.PLAN_REVIEW).deadline, TODAY)
    twin = Client("Rahimi", "Omar")
    casework.add(store, twin)
    merge_clients(store, twin.id, case["omar"].id)
    assert store.get(DeadlineMark, mark.id).client_id == twin.id
    assert "plan_review Rahimi, Omar" not in [k for _u, ks in shown(store) for k in ks]


def test_the_marks_are_in_the_export(store: Store, case: dict) -> None:
    mark = agenda.snooze(store, entry(store, DeadlineKind.PLAN_REVIEW).deadline, days(2), TODAY)
    (exported,) = case_data(store)["deadline_marks"]
    assert exported == {
        "id": mark.id,
        "client_id": case["omar"].id,
        "kind": "plan_review",
        "entity_id": case["plan"].id,
        "due_on": days(-10).isoformat(),
        "status": "snoozed",
        "snoozed_until": days(2).isoformat(),
        "marked_on": TODAY.isoformat(),
    }
    assert case_data(store, case["lea"].id)["deadline_marks"] == []
    assert dataclasses.asdict(mark)["status"] is MarkStatus.SNOOZED
