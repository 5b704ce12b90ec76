"""The demo data: deterministic, lazy, and as varied as a real welcome centre's case file."""

from __future__ import annotations

import inspect
import itertools
import os
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop.demo import DemoCase, DemoData, Phrases
from desktop.demo import generate as generate_with
from desktop.domain.catalogues import (
    DocumentStatus,
    MeasureStatus,
    ResidenceStatus,
    Responsible,
    Sex,
)
from desktop.domain.dates import add_months
from desktop.domain.model import Client
from desktop.domain.rules import DeadlineKind, deadlines_for
from desktop.domain.texts import Texts
from desktop.services.agenda import deadline_radar
from desktop.services.demo import demo_phrases, fill_demo
from desktop.store.database import connect, prepare
from desktop.store.store import Store

TODAY = date(2026, 5, 18)
ORIGINS = {"SY", "AF", "UA", "IQ", "TR", "ER", "IR", "SO", "GN", "NG", "stateless"}


PHRASES = demo_phrases()


def generate(clients: int, seed: int, today: date, phrases: Phrases = PHRASES) -> DemoData:
    return generate_with(clients, seed, today, phrases)


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


def test_generation_is_lazy() -> None:
    data = generate(50_000, 3, TODAY)
    assert inspect.isgenerator(data.cases)
    first = next(data.cases)
    assert first.client.family_name
    assert data.households  # known before any case is written


def items(cases: list[DemoCase]) -> list[tuple[str, Any, str, str, Texts, DemoCase]]:
    """(kind, field of action or None, German, phrase key, own texts, case) of every goal,
    measure and appointment purpose."""
    out: list[tuple[str, Any, str, str, Texts, DemoCase]] = []
    for case in cases:
        fields = {g.id: g.field_of_action for g in case.goals}
        out += [
            ("goal", g.field_of_action, g.title, g.phrase_key, g.texts, case) for g in case.goals
        ]
        out += [
            ("measure", fields[m.goal_id], m.title, m.phrase_key, m.texts, case)
            for m in case.measures
        ]
        out += [
            ("appointment", None, a.purpose, a.purpose_key, a.purpose_texts, case)
            for a in case.appointments
        ]
    return out


def test_most_items_are_catalogue_phrases_of_their_kind_and_field(
    demo: tuple[DemoData, list[DemoCase]],
) -> None:
    found = items(demo[1])
    keyed = [i for i in found if i[3]]
    for kind, field_of_action, german, key, texts, _case in keyed:
        got_field, got_kind, got_german = PHRASES[key]
        assert got_kind == kind
        assert field_of_action is None or got_field is field_of_action
        assert german == got_german
        assert not texts  # the catalogue has its texts
    for kind in ("goal", "measure", "appointment"):
        of_kind = [i for i in found if i[0] == kind]
        assert len([i for i in of_kind if i[3]]) > 0.7 * len(of_kind), kind
    free = len(found) - len(keyed)
    assert 0.15 * len(found) <= free <= 0.25 * len(found)
    used = {i[3] for i in keyed}
    assert len(used) > 80  # the catalogue's variety, not a handful of phrases


# the coordinators' Sorani wording of free texts (desktop/demo/plans.py)
SORANI_WORDINGS = {
    "بەشداربوونی بەردەوام لە خولی زمان",
    "وەرگرتنی ژوان لە فەرمانگەی بیانییەکان (Ausländerbehörde)",
    "دانیشتنی ڕاوێژکاری لە Welcome-Center",
}


def test_some_free_texts_carry_the_clients_wording_and_some_none(
    demo: tuple[DemoData, list[DemoCase]],
) -> None:
    free = [i for i in items(demo[1]) if not i[3]]
    with_texts = [i for i in free if i[4]]
    assert with_texts and len(with_texts) < len(free) / 2
    for *_, texts, case in with_texts:
        assert list(texts) == [case.client.languages[0].code]  # the client's first language
    langs = {lang for i in with_texts for lang in i[4]}
    assert {"ar", "uk", "ckb", "kmr", "so"} <= langs
    texts = {t for i in with_texts for t in i[4].values()}
    sorani = {t for i in with_texts for lang, t in i[4].items() if lang == "ckb"}
    assert sorani and sorani <= SORANI_WORDINGS
    assert any("\u0400" <= t[0] <= "\u04ff" for t in texts)  # Ukrainian or Russian
    # a client who reads German well gets no wording beside the German
    assert all(not i[4] for i in free if i[5].client.languages[0].code == "de")


def test_a_phrase_the_catalogue_lacks_or_has_of_another_kind_is_refused() -> None:
    missing = {k: v for k, v in PHRASES.items() if k != "goal.language.course_b1"}
    with pytest.raises(ValueError, match=r"goal\.language\.course_b1"):
        generate(5, 1, TODAY, missing)
    field_of_action, _kind, german = PHRASES["appt.work.jobcenter"]
    wrong = {**PHRASES, "appt.work.jobcenter": (field_of_action, "measure", german)}
    with pytest.raises(ValueError, match=r"appt\.work\.jobcenter"):
        generate(5, 1, TODAY, wrong)


def test_clients_speak_kurmanji_sorani_somali_and_russian(
    demo: tuple[DemoData, list[DemoCase]],
) -> None:
    cases = list(generate(300, 42, TODAY).cases)
    native = {case.client.languages[0].code for case in cases if case.client.languages}
    assert {"kmr", "ckb", "so", "ru"} <= native
    for case in cases:
        first = case.client.languages[0]
        assert first.level == "native" or first.code in ("fr", "en")  # a lingua franca
    interpreters = {a.interpreter_language for case in demo[1] for a in case.appointments}
    assert {"kmr", "ckb", "so", "ru"} <= interpreters
    kurds = [c.client for c in demo[1] if c.client.languages[0].code in ("kmr", "ckb")]
    assert {c.nationality for c in kurds} >= {"SY", "IQ", "TR"}
    assert any(c.given_names.split()[0] in ("Rojin", "Azad", "Rebwar", "Berivan") for c in kurds)
    russian = [c.client for c in demo[1] if c.client.nationality in ("RU", "KZ")]
    assert russian and all(c.languages[0].code in ("ru", "kk") for c in russian)
    # Russian family names take the feminine form for women (Ivanov, Ivanova)
    women = [c for c in russian if c.sex is Sex.FEMALE]
    assert any(c.family_name.endswith(("ova", "eva", "ina")) for c in women)
    assert not any(c.family_name.endswith(("ov", "ev")) for c in women)


def test_the_plan_of_a_sorani_speaker_prints_mostly_in_sorani(tmp_path: Path) -> None:
    from desktop.report.plan import PlanLayout
    from desktop.services.phrases import phrase_book
    from desktop.services.printing import plan_pdf, untranslated_items
    from desktop.services.workspace import load_case
    from desktop.store.database import connect, prepare
    from desktop.store.store import Store

    conn = connect(tmp_path / "casefile.db", os.urandom(32))
    prepare(conn, tmp_path / "casefile.db", tmp_path / "backups")
    store = Store(conn)
    try:
        fill_demo(store, 300, 42, TODAY)
        book = phrase_book(store)
        counts: list[tuple[int, int, str]] = []  # printed items, without Sorani text, client
        for client in store.all(Client):
            if not client.languages or client.languages[0].code != "ckb":
                continue
            layout = PlanLayout(load_case(store, client.id), "ckb", "", TODAY, book)
            goals = layout.plan_goals()
            printed = len(goals) + sum(len(layout.measures_of(g)) for g in goals)
            printed += sum(1 for a in layout.upcoming() if a.purpose)
            if printed:
                missing = untranslated_items(store, client.id, "ckb", TODAY)
                assert len(missing) == len(layout.untranslated())
                counts.append((printed, len(missing), client.id))
        assert counts
        printed, missing, client_id = max(counts)
        assert printed >= 4
        assert missing <= 0.3 * printed
        assert missing <= 0.3 * printed
        assert sum(c[1] for c in counts) <= 0.3 * sum(c[0] for c in counts)
        assert plan_pdf(store, client_id, "ckb", TODAY).startswith(b"%PDF")
    finally:
        store.close()


# The window's first start fills 300 clients with seed 1 (ui.shell.app); the deadline radar looks
# six weeks ahead by default (ui.agenda.deadline_radar).
FIRST_START_CLIENTS, FIRST_START_SEED, RADAR_DAYS = 300, 1, 42
CHANCE_FROM, CHANCE_LAST_GRANTED = date(2023, 1, 1), date(2026, 6, 30)


@pytest.mark.parametrize(
    "today", [date(2024, 9, 1), TODAY, date(2026, 12, 6), date(2027, 6, 1)], ids=str
)
def test_a_chancenaufenthalt_runs_out_within_the_radars_horizon(today: date) -> None:
    cases = list(generate(FIRST_START_CLIENTS, FIRST_START_SEED, today).cases)
    chance = [
        c.client for c in cases if c.client.residence_status is ResidenceStatus.CHANCENAUFENTHALT
    ]
    assert len(chance) >= 2  # a family holds it together (§ 104c (2))
    for client in chance:
        granted = client.status_granted_on
        assert granted and CHANCE_FROM <= granted <= CHANCE_LAST_GRANTED
        assert client.status_valid_until == add_months(granted, 18)
        # tolerated here since before 31 October 2017, or born here since
        assert client.arrival_date is None or client.arrival_date <= date(2017, 10, 31)
    ends = [
        d.due_on
        for client in chance
        for d in deadlines_for(client, today=today, within_days=RADAR_DAYS)
        if d.kind is DeadlineKind.CHANCENAUFENTHALT_END
    ]
    assert any(today < end <= today + timedelta(days=RADAR_DAYS) for end in ends)


@pytest.fixture(scope="module")
def first_start(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The case file of the window's first start, filled on TODAY."""
    folder = tmp_path_factory.mktemp("first-start")
    conn = connect(folder / "casefile.db", os.urandom(32))
    prepare(conn, folder / "casefile.db", folder / "backups")
    store = Store(conn)
    fill_demo(store, FIRST_START_CLIENTS, FIRST_START_SEED, TODAY)
    yield store
    store.close()


def test_the_first_start_shows_a_chancenaufenthalt_on_the_deadline_radar(first_start) -> None:
    found = [
        e
        for e in deadline_radar(first_start, TODAY, RADAR_DAYS)
        if e.deadline.kind is DeadlineKind.CHANCENAUFENTHALT_END
    ]
    assert found and all(e.deadline.due_on > TODAY for e in found)


# Given names as people of each language are called (a few of many), for names of their origin.
TYPICAL_NAMES = {
    "kmr": {"Rojin", "Berivan", "Zozan", "Heval", "Avin", "Dilshad", "Delil", "Rojhat", "Azad"},
    "ckb": {"Bahar", "Lana", "Rezan", "Zozan", "Nawzad", "Hana", "Rebwar", "Shilan", "Dilshad"},
    "so": {"Deqa", "Leyla", "Sahra", "Mahad", "Nimco", "Hawa", "Fadumo", "Hodan", "Abdirahman"},
    "ru": {"Taras", "Kirill", "Olha", "Vladimir", "Polina", "Pavlo", "Irina", "Dmitry", "Anna"},
}


@pytest.mark.parametrize("code", ["kmr", "ckb", "so", "ru"])
def test_the_first_start_has_speakers_who_need_an_interpreter_and_read_their_plan(
    first_start, code: str
) -> None:
    from desktop.report.plan import PlanLayout
    from desktop.services.phrases import phrase_book
    from desktop.services.workspace import load_case

    speakers = [c for c in first_start.all(Client) if c.languages and c.languages[0].code == code]
    assert len(speakers) >= 5
    given = {c.given_names.split()[0] for c in speakers}
    assert given & TYPICAL_NAMES[code], sorted(given)
    if code == "ru":  # their names in Cyrillic too, as on their passports
        assert any("\u0400" <= a[0] <= "\u04ff" for c in speakers for a in c.other_names)
    interpreted = [c for c in speakers if c.is_open and c.interpreter_language == code]
    assert interpreted and all(c.interpreter_needed for c in interpreted)
    # their plans print mostly in their language beside the German
    book = phrase_book(first_start)
    printed = missing = 0
    for client in speakers:
        layout = PlanLayout(load_case(first_start, client.id), code, "", TODAY, book)
        goals = layout.plan_goals()
        printed += len(goals) + sum(len(layout.measures_of(g)) for g in goals)
        missing += sum(1 for item in layout.untranslated() if item.kind != "appointment")
    assert printed >= 10
    assert missing <= 0.4 * printed


@pytest.mark.parametrize(
    "today", [TODAY, date(2026, 10, 13), date(2027, 2, 1), date(2027, 4, 16)], ids=str
)
def test_every_first_start_has_a_client_needing_each_of_these_interpreters(today: date) -> None:
    cases = list(generate(FIRST_START_CLIENTS, FIRST_START_SEED, today).cases)
    for code in ("kmr", "ckb", "so", "ru"):
        assert any(
            case.client.is_open
            and case.client.interpreter_needed
            and case.client.interpreter_language == code
            and case.client.languages[0].code == code
            for case in cases
        ), code
