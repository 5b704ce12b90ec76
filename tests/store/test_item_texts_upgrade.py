"""Schema 5: a measure's single client text becomes a text tagged with its language, in the rows,
in the change log and in what a colleague on the older version still sends."""

from __future__ import annotations

import dataclasses
import json
import shutil
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from desktop.domain.catalogues import FieldOfAction
from desktop.domain.model import (
    Appointment,
    Client,
    Goal,
    IntegrationPlan,
    LanguageSkill,
    Measure,
)
from desktop.domain.texts import UNASSIGNED, Texts
from desktop.services import casework, sync
from desktop.store import casefile
from desktop.store.specs import APPOINTMENT, GOAL, MEASURE
from desktop.store.store import Store
from desktop.store.upgrades import first_language
from tests.sync.devices import Device, make_devices, shared_client

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "schema-4-plans"
AMAL_TEXT = "التسجيل في دورة الاندماج"
OMID_TEXT = "ثبت نام در کلاس"


@pytest.fixture
def upgraded(tmp_path: Path) -> Iterator[Store]:
    target = tmp_path / "data"
    shutil.copytree(FIXTURE, target)
    store = casefile.unlock(target, passphrase="fixture passphrase")
    yield store
    store.close()


def logged(store: Store, row_id: str, group: str) -> dict[str, object]:
    (value,) = store.conn.execute(
        "SELECT value FROM change WHERE row_id = ? AND field_group = ? ORDER BY seq DESC LIMIT 1",
        (row_id, group),
    ).fetchone()
    decoded = json.loads(value)
    assert isinstance(decoded, dict)
    return decoded


def test_the_old_client_text_gets_the_clients_first_language(upgraded: Store) -> None:
    assert upgraded.get(Measure, "m1").texts == Texts({"ar": AMAL_TEXT})  # Amal: de A2, ar native


def test_a_text_whose_language_is_unknown_is_kept_for_the_coordinator(upgraded: Store) -> None:
    kept = upgraded.get(Measure, "m2").texts  # Omid has no languages on file
    assert kept == Texts({UNASSIGNED: OMID_TEXT})
    assert kept.unassigned == OMID_TEXT
    assert kept.for_print("fa") is None and kept.for_print("prs") is None  # never printed


def test_the_change_log_holds_the_new_shape(upgraded: Store) -> None:
    for row_id in ("m1", "m2"):
        measure = upgraded.get(Measure, row_id)
        assert logged(upgraded, row_id, "main") == MEASURE.group_values(measure, "main")
    for spec, row_id, group in ((GOAL, "g-m1", "main"), (APPOINTMENT, "a-m1", "details")):
        obj = upgraded.get(spec.cls, row_id)
        assert logged(upgraded, row_id, group) == spec.group_values(obj, group)
    column_names = {r[1] for r in upgraded.conn.execute("PRAGMA table_info(measure)")}
    assert "client_text" not in column_names


def test_a_new_colleague_gets_the_migrated_text_by_sync(upgraded: Store, tmp_path: Path) -> None:
    (newcomer,) = make_devices(tmp_path / "new", ["Neu"])
    (tmp_path / "anna-out").mkdir()
    anna = Device("Anna", tmp_path / "anna-out", b"", upgraded)
    sync.add_colleague(upgraded, "Neu", sync.my_identity(newcomer.store).text)
    sync.add_colleague(newcomer.store, "Anna", sync.my_identity(upgraded).text)
    for client in upgraded.all(Client):  # only clients who consented to sharing travel
        consent = shared_client(client.family_name)
        casework.save(
            upgraded,
            dataclasses.replace(
                client,
                consent_given_on=consent.consent_given_on,
                consent_scope=consent.consent_scope,
            ),
        )
    try:
        newcomer.import_(anna.export_to(newcomer, full=True))
        assert newcomer.store.get(Measure, "m1").texts == Texts({"ar": AMAL_TEXT})
        assert newcomer.store.get(Measure, "m2").texts.unassigned == OMID_TEXT
    finally:
        newcomer.store.close()


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Device, Device]]:
    anna, bea = make_devices(tmp_path, ["Anna", "Bea"])
    yield anna, bea
    anna.store.close()
    bea.store.close()


def test_an_old_colleagues_measure_arrives_in_the_new_shape(pair: tuple[Device, Device]) -> None:
    """Anna's change log is made to look as a schema-4 Welcome Desk writes it."""
    anna, bea = pair
    client = shared_client("Haddad", "Amal", languages=(LanguageSkill("ar", "native"),))
    plan = IntegrationPlan(client.id)
    goal = Goal(plan.id, FieldOfAction.LANGUAGE, "Deutsch B1")
    measure = Measure(goal.id, "Integrationskurs anmelden", due_on=date(2026, 3, 1))
    visit = Appointment(client.id, datetime(2026, 3, 2, 9), purpose="VHS")
    casework.add(anna.store, client, plan, goal, measure, visit)
    old_shapes = {
        (measure.id, "main"): {
            "title": measure.title,
            "responsible": "client",
            "organisation_id": None,
            "due_on": "2026-03-01",
            "client_text": AMAL_TEXT,
            "position": 0,
        },
        (goal.id, "main"): {"field_of_action": "language", "title": goal.title, "position": 0},
        (visit.id, "details"): {
            "place": "",
            "organisation_id": None,
            "purpose": "VHS",
            "participants": "",
            "interpreter_language": "",
        },
    }
    for (row_id, group), value in old_shapes.items():
        anna.store.conn.execute(
            "UPDATE change SET value = ? WHERE row_id = ? AND field_group = ?",
            (json.dumps(value, ensure_ascii=False), row_id, group),
        )
    summary = bea.import_(anna.export_to(bea))
    assert summary.conflicts == 0
    assert bea.store.get(Measure, measure.id).texts == Texts({"ar": AMAL_TEXT})
    assert bea.store.get(Goal, goal.id) == goal
    assert bea.store.get(Appointment, visit.id) == visit
    assert logged(bea.store, measure.id, "main")["texts"] == Texts({"ar": AMAL_TEXT}).to_json()


@pytest.mark.parametrize(
    ("stored", "first"),
    [
        ('["de:A2", "ar:native"]', "ar"),
        ('["de:native", "tr:B1"]', "tr"),
        ('["ti", "ar"]', "ti"),
        ('["de:C1"]', None),
        (None, None),
        ("not json", None),
    ],
)
def test_first_language(stored: str | None, first: str | None) -> None:
    assert first_language(stored) == first


def test_texts_are_canonical_and_refuse_german_and_unknown_languages() -> None:
    from desktop.domain.errors import InvalidInput

    texts = Texts({"Arabisch": "  نص  ", "fa": "", "ti": "ጽሑፍ"})
    assert dict(texts) == {"ar": "نص", "ti": "ጽሑፍ"}
    assert Texts.from_json(texts.to_json()) == texts and Texts().to_json() is None
    assert texts.with_text("ar", "").without("ti") == Texts()
    assert Texts({"prs": "متن"}).for_print("fa") == "متن"
    with pytest.raises(InvalidInput):
        Texts({"de": "Deutsch ist der Titel"})
    with pytest.raises(InvalidInput):
        Texts({"xx-unknown": "?"})
    with pytest.raises(ValueError):
        Texts.from_json('["a list"]')
