"""Monday triage without a database: groups by urgency, legal deadlines first, marks."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.domain.catalogues import DeadlineKind, MarkStatus
from desktop.domain.errors import InvalidInput
from desktop.domain.model import DeadlineMark
from desktop.domain.rules import Deadline
from desktop.domain.triage import (
    Urgency,
    deadline_key,
    group_by_urgency,
    mark_key,
    marks_by_deadline,
    urgency,
    week_end,
)

MONDAY = date(2026, 11, 23)
K = DeadlineKind


def due(kind: DeadlineKind, days: int, client: str = "c1", entity: str = "") -> Deadline:
    day = MONDAY + timedelta(days=days)
    return Deadline(kind, day, client, entity or f"{kind.value}{days}", day < MONDAY)


def test_the_week_ends_on_sunday_whatever_day_today_is() -> None:
    sunday = MONDAY + timedelta(days=6)
    assert [week_end(MONDAY + timedelta(days=n)) for n in range(7)] == [sunday] * 7
    assert week_end(sunday + timedelta(days=1)) == sunday + timedelta(days=7)


@pytest.mark.parametrize(
    ("today_offset", "due_offset", "expected"),
    [
        (0, -1, Urgency.OVERDUE),
        (0, 0, Urgency.THIS_WEEK),  # due today is not overdue yet
        (0, 6, Urgency.THIS_WEEK),  # Sunday
        (0, 7, Urgency.NEXT_WEEKS),  # next Monday
        (6, 6, Urgency.THIS_WEEK),  # on Sunday only today is left of the week
        (6, 7, Urgency.NEXT_WEEKS),
        (3, 2, Urgency.OVERDUE),
    ],
)
def test_urgency_by_due_day(today_offset: int, due_offset: int, expected: Urgency) -> None:
    today = MONDAY + timedelta(days=today_offset)
    assert urgency(MONDAY + timedelta(days=due_offset), today) is expected


def test_groups_put_legal_deadlines_first_then_papers_then_plans() -> None:
    deadlines = [
        due(K.PLAN_REVIEW, -40),
        due(K.CUSTODY_TOO_LONG, -20),
        due(K.RESIDENCE_EXPIRY, -3),  # a Duldung ran out three days ago
        due(K.PLAN_REVIEW, -2),
        due(K.CHANCENAUFENTHALT_END, -49),
        due(K.DOCUMENT_EXPIRY, 2),
        due(K.MEASURE_DUE, 1),
        due(K.RESIDENCE_EXPIRY, 5),
        due(K.PLAN_REVIEW, 10),
        due(K.CHANCENAUFENTHALT_END, 30),
    ]
    groups = group_by_urgency(deadlines, MONDAY, lambda d: d)
    assert [g.urgency for g in groups] == [Urgency.OVERDUE, Urgency.THIS_WEEK, Urgency.NEXT_WEEKS]
    overdue, week, later = ([(d.kind, d.due_on) for d in g.items] for g in groups)
    day = lambda n: MONDAY + timedelta(days=n)  # noqa: E731
    assert overdue == [
        (K.CHANCENAUFENTHALT_END, day(-49)),  # the § 104c end seven weeks ago leads
        (K.RESIDENCE_EXPIRY, day(-3)),
        (K.CUSTODY_TOO_LONG, day(-20)),
        (K.PLAN_REVIEW, day(-40)),  # however old, a review is the office's own date
        (K.PLAN_REVIEW, day(-2)),
    ]
    assert week == [
        (K.RESIDENCE_EXPIRY, day(5)),
        (K.DOCUMENT_EXPIRY, day(2)),
        (K.MEASURE_DUE, day(1)),
    ]
    assert later == [(K.CHANCENAUFENTHALT_END, day(30)), (K.PLAN_REVIEW, day(10))]
    assert groups[0].counts == (
        (K.RESIDENCE_EXPIRY, 1),
        (K.CHANCENAUFENTHALT_END, 1),
        (K.CUSTODY_TOO_LONG, 1),
        (K.PLAN_REVIEW, 2),
    )


def test_items_equal_in_kind_and_day_keep_their_order() -> None:
    same = [due(K.PLAN_REVIEW, 3, client=c, entity=f"p-{c}") for c in ("b", "a", "c")]
    (group,) = group_by_urgency(same, MONDAY, lambda d: d)
    assert [d.client_id for d in group.items] == ["b", "a", "c"]


def test_headings_count_the_group_and_each_kind_in_either_language() -> None:
    deadlines = [
        *(due(K.RESIDENCE_EXPIRY, -n) for n in (1, 2, 3)),
        due(K.CHANCENAUFENTHALT_END, -4),
        *(due(K.PLAN_REVIEW, -n) for n in range(5, 13)),
    ]
    (group,) = group_by_urgency(deadlines, MONDAY, lambda d: d)
    assert group.heading("de") == "Überfällig (12) — 3 Aufenthalt, 1 § 104c, 8 Planüberprüfung"
    assert group.heading("en") == "Overdue (12) — 3 residence, 1 § 104c, 8 plan review"


def test_set_aside_items_form_a_last_group_of_their_own() -> None:
    deadlines = [due(K.RESIDENCE_EXPIRY, -3), due(K.PLAN_REVIEW, 2), due(K.DOCUMENT_EXPIRY, -1)]
    aside = {deadlines[0].entity_id}
    groups = group_by_urgency(deadlines, MONDAY, lambda d: d, lambda d: d.entity_id in aside)
    assert [(g.urgency, len(g.items)) for g in groups] == [
        (Urgency.OVERDUE, 1),
        (Urgency.THIS_WEEK, 1),
        (Urgency.SET_ASIDE, 1),
    ]
    assert groups[-1].heading("de") == "Erledigt oder zurückgestellt (1) — 1 Aufenthalt"
    assert group_by_urgency([], MONDAY, lambda d: d) == []


def mark(deadline: Deadline, until: date | None = None, mark_id: str = "") -> DeadlineMark:
    status = MarkStatus.SNOOZED if until else MarkStatus.DONE
    extra = {"id": mark_id} if mark_id else {}
    return DeadlineMark(
        deadline.client_id,
        deadline.kind,
        deadline.entity_id,
        deadline.due_on,
        status=status,
        snoozed_until=until,
        marked_on=MONDAY,
        **extra,
    )


def test_a_mark_names_its_deadline_by_client_kind_row_and_due_day() -> None:
    permit = due(K.RESIDENCE_EXPIRY, 10, entity="c1")
    assert (
        mark_key(mark(permit))
        == deadline_key(permit)
        == ("c1", K.RESIDENCE_EXPIRY, "c1", permit.due_on)
    )
    renewed = Deadline(K.RESIDENCE_EXPIRY, permit.due_on + timedelta(days=365), "c1", "c1", False)
    assert deadline_key(renewed) != mark_key(mark(permit))  # a new permit date: a new deadline


def test_done_hides_for_good_and_a_snooze_until_its_day() -> None:
    review = due(K.PLAN_REVIEW, -5)
    assert mark(review).hides(MONDAY + timedelta(days=1000))
    snoozed = mark(review, until=MONDAY + timedelta(days=7))
    assert snoozed.hides(MONDAY + timedelta(days=6))
    assert not snoozed.hides(MONDAY + timedelta(days=7))  # back on the radar on that day


def test_a_mark_is_done_or_snoozed_with_a_day_never_half_of_each() -> None:
    review = due(K.PLAN_REVIEW, -5)
    with pytest.raises(InvalidInput):
        DeadlineMark(
            "c1", K.PLAN_REVIEW, review.entity_id, review.due_on, status=MarkStatus.SNOOZED
        )
    with pytest.raises(InvalidInput):
        DeadlineMark("c1", K.PLAN_REVIEW, review.entity_id, review.due_on, snoozed_until=MONDAY)
    with pytest.raises(InvalidInput):
        DeadlineMark("c1", K.PLAN_REVIEW, "", review.due_on)


def test_concurrent_marks_of_one_deadline_agree_done_beats_snoozed_later_day_beats_earlier() -> (
    None
):
    review = due(K.PLAN_REVIEW, -5)
    early = mark(review, until=MONDAY + timedelta(days=3), mark_id="b")
    late = mark(review, until=MONDAY + timedelta(days=9), mark_id="a")
    done = mark(review, mark_id="c")
    key = deadline_key(review)
    for order in ([early, late], [late, early]):
        assert marks_by_deadline(order)[key] is late
    for order in ([early, done, late], [done, late, early], [late, early, done]):
        assert marks_by_deadline(order)[key] is done
    other = due(K.DOCUMENT_EXPIRY, 3)
    assert set(marks_by_deadline([early, mark(other)])) == {key, deadline_key(other)}
