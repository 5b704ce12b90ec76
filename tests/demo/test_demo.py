"""The demo data: deterministic, lazy, and as varied as a real welcome centre's case file."""

from __future__ import annotations

import inspect
import itertools
import uuid
from datetime import date, timedelta

import pytest

from desktop.demo import DemoCase, DemoData, generate
from desktop.domain.catalogues import DocumentStatus, MeasureStatus, ResidenceStatus, Responsible
from desktop.domain.dates import add_months

TODAY = date(2026, 5, 18)
ORIGINS = {"SY", "AF", "UA", "IQ", "TR", "ER", "IR", "SO", "GN", "NG", "stateless"}


def canonical(data: DemoData, clients: int) -> list[str]:
    """Everything generated, as text: organisations, households and every row of each case."""
    return (
        [repr(o) for o in data.organisations]
        + [repr(h) for h in data.households]
        + [repr(case) for case in itertools.islice(data.cases, clients)]
    )


@pytest.fixture(scope="module")
def demo() -> tuple[DemoData, list[DemoCase]]:
    data = generate(500, 7, TODAY)
    return data, list(data.cases)


def test_same_seed_and_day_give_identical_content_ids_included() -> None:
    first = canonical(generate(300, 42, TODAY), 300)
    again = canonical(generate(300, 42, TODAY), 300)
    assert first == again
    assert canonical(generate(300, 43, TODAY), 300) != first


def test_exactly_the_requested_number_of_clients(demo: tuple[DemoData, list[DemoCase]]) -> None:
    assert len(demo[1]) == 500
    assert list(generate(0, 1, TODAY).cases) == []


def test_every_origin_appears(demo: tuple[DemoData, list[DemoCase]]) -> None:
    nationalities = {case.client.nationality for case in demo[1]}
    assert nationalities >= ORIGINS


def test_names_as_on_real_papers(demo: tuple[DemoData, list[DemoCase]]) -> None:
    clients = [case.client for case in demo[1]]
    names = [c.family_name + c.given_names for c in clients]
    assert any(not name.isascii() for name in names)  # "Şahin", "Yılmaz", "Keïta", "Müller"
    with_aliases = [c for c in clients if c.other_names]
    assert len(with_aliases) > 50
    assert all(c.display_name not in c.other_names for c in with_aliases)
    cyrillic = [a for c in clients for a in c.other_names if "\u0400" <= a[0] <= "\u04ff"]
    assert cyrillic  # Ukrainians' names in the original script


def test_partial_birth_dates_of_both_kinds(demo: tuple[DemoData, list[DemoCase]]) -> None:
    births = [case.client.birth_date for case in demo[1]]
    assert all(b is not None for b in births)
    year_only = [b for b in births if b and b.month is None]
    year_month = [b for b in births if b and b.month is not None and b.day is None]
    assert len(year_only) > 25
    assert len(year_month) > 5
    ages = [b.age_on(TODAY) for b in births if b]
    assert min(ages) == 0
    assert 60 <= max(ages) <= 85


def test_statuses_that_run_out_soon_or_have_run_out(
    demo: tuple[DemoData, list[DemoCase]],
) -> None:
    open_clients = [case.client for case in demo[1] if case.client.is_open]
    left = [(c.status_valid_until - TODAY).days for c in open_clients if c.status_valid_until]
    assert any(0 <= days <= 30 for days in left)
    assert any(days < 0 for days in left)
    for c in open_clients:
        if c.status_granted_on and c.status_valid_until:
            assert c.status_granted_on < c.status_valid_until
    ukrainians = [c for c in open_clients if c.nationality == "UA"]
    protected = [
        c for c in ukrainians if c.residence_status is ResidenceStatus.TEMPORARY_PROTECTION
    ]
    assert len(protected) > len(ukrainians) / 2
    assert any(
        c.status_valid_until and c.status_valid_until.timetuple()[1:3] == (3, 4) for c in protected
    )


def test_passports_held_in_custody_for_weeks(demo: tuple[DemoData, list[DemoCase]]) -> None:
    held = [d for case in demo[1] for d in case.documents if d.status is DocumentStatus.IN_CUSTODY]
    assert held
    assert all(d.holder and d.held_since and d.held_since <= TODAY for d in held)
    assert any(d.holder == "Ausländerbehörde" for d in held)
    assert any(TODAY - d.held_since > timedelta(days=28) for d in held if d.held_since)


def test_households_hold_families(demo: tuple[DemoData, list[DemoCase]]) -> None:
    data, cases = demo
    households = {h.id for h in data.households}
    members: dict[str, int] = {}
    for case in cases:
        if case.client.household_id is not None:
            assert case.client.household_id in households
            assert case.client.household_role is not None
            members[case.client.household_id] = members.get(case.client.household_id, 0) + 1
    assert set(members) == households
    assert all(n >= 2 for n in members.values())


def test_every_organisation_referred_to_exists(demo: tuple[DemoData, list[DemoCase]]) -> None:
    data, cases = demo
    organisations = {o.id for o in data.organisations}
    assert 25 <= len(organisations) <= 40
    referred = [
        *(m.organisation_id for case in cases for m in case.measures),
        *(a.organisation_id for case in cases for a in case.appointments),
        *(s.organisation_id for case in cases for s in case.support),
    ]
    assert any(referred)
    assert {r for r in referred if r is not None} <= organisations
    for case in cases:
        for m in case.measures:
            assert (m.organisation_id is not None) == (m.responsible is Responsible.ORGANISATION)


def test_double_support_is_there_to_be_seen(demo: tuple[DemoData, list[DemoCase]]) -> None:
    doubled = [
        case for case in demo[1] if len({s.purpose for s in case.support}) < len(case.support)
    ]
    assert doubled
    assert any(not case.support for case in demo[1] if case.client.is_open)


def test_file_numbers_and_ids_are_unique(demo: tuple[DemoData, list[DemoCase]]) -> None:
    data, cases = demo
    numbers = [case.client.file_number for case in cases]
    assert len(set(numbers)) == len(numbers)
    assert all(n.startswith("WD-20") and len(n) == len("WD-2024-00017") for n in numbers)
    ids = [o.id for o in data.organisations] + [h.id for h in data.households]
    for case in cases:
        ids.append(case.client.id)
        for rows in (
            case.plans,
            case.goals,
            case.measures,
            case.documents,
            case.appointments,
            case.notes,
            case.support,
        ):
            ids += [row.id for row in rows]
    assert len(set(ids)) == len(ids)
    assert all(uuid.UUID(i).version == 4 for i in ids)


def test_dates_of_a_case_fit_together(demo: tuple[DemoData, list[DemoCase]]) -> None:
    for case in demo[1]:
        c = case.client
        assert c.opened_on and c.opened_on <= TODAY
        assert c.consent_given_on == c.opened_on
        if c.arrival_date:
            assert c.arrival_date <= c.opened_on
        if c.closed_on:
            assert c.retention_until == add_months(c.closed_on, 36)
            assert not case.appointments
        for a in case.appointments:
            assert a.starts_at.weekday() < 5
            assert (8, 0) <= (a.starts_at.hour, a.starts_at.minute) <= (16, 30)
            assert a.starts_at.minute % 15 == 0
            assert TODAY - timedelta(days=91) <= a.starts_at.date() <= TODAY + timedelta(days=63)
        notes = [n.written_on for n in case.notes]
        assert notes == sorted(notes)


def test_measures_look_like_work_in_progress(demo: tuple[DemoData, list[DemoCase]]) -> None:
    measures = [m for case in demo[1] if case.client.is_open for m in case.measures]
    past = [m for m in measures if m.due_on and m.due_on < TODAY]
    future = [m for m in measures if m.due_on and m.due_on >= TODAY]
    done_past = sum(m.status is MeasureStatus.DONE for m in past)
    assert done_past > len(past) / 2
    assert any(m.status is not MeasureStatus.DONE for m in past)  # overdue steps
    assert sum(m.status is MeasureStatus.DONE for m in future) < len(future) / 4
    assert any(m.outcome for m in measures)
    assert all(m.status is MeasureStatus.DONE for m in measures if m.outcome)
    texts = {t for m in measures for t in m.texts.values()}
    assert any("\u0600" <= t[0] <= "\u06ff" for t in texts)  # Arabic or Persian script
    assert any("\u0400" <= t[0] <= "\u04ff" for t in texts)  # Ukrainian or Russian
    assert "Записатися на інтеграційний курс" in texts or "التسجيل في دورة الاندماج" in texts


def test_generation_is_lazy() -> None:
    data = generate(50_000, 3, TODAY)
    assert inspect.isgenerator(data.cases)
    first = next(data.cases)
    assert first.client.family_name
    assert data.households  # known before any case is written
