"""No write of case data escapes the change log: the foundation sync is built on."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.catalogues import (
    DeadlineKind,
    DocumentKind,
    DocumentStatus,
    FieldOfAction,
    MarkStatus,
    MeasureStatus,
    ResidenceStatus,
)
from desktop.domain.dates import PartialDate
from desktop.domain.errors import InvalidInput, NotFound
from desktop.domain.model import (
    Appointment,
    Attachment,
    Client,
    DeadlineMark,
    DocumentItem,
    Goal,
    Household,
    IntegrationPlan,
    LanguageSkill,
    Measure,
    Note,
    Organisation,
    SupportLink,
)
from desktop.domain.texts import Texts
from desktop.services import attachments, casework, clients, organisations, settings
from desktop.store.changelog.clock import HybridClock, unpack_hlc
from desktop.store.specs import BY_CLASS, BY_NAME, CLIENT, ERASED, EXISTS, SPECS
from desktop.store.store import Store

REPO = Path(__file__).resolve().parents[2]


def state(store: Store) -> dict[tuple[str, str], dict[str, Any]]:
    """Every entity row as {(entity, id): {column: value}} over the spec's fields."""
    rows = {}
    for spec in SPECS:
        for row in store.conn.execute(f"SELECT * FROM {spec.table}"):
            rows[(spec.name, row["id"])] = {f: row[f] for f in spec.fields}
    return rows


def log(store: Store, after_seq: int) -> list[Any]:
    return store.conn.execute(
        "SELECT * FROM change WHERE seq > ? ORDER BY seq", (after_seq,)
    ).fetchall()


def dump_all_tables(store: Store) -> str:
    """Every value of every table (FTS shadow tables included) as one text."""
    names = [r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    out = []
    for name in names:
        for row in store.conn.execute(f'SELECT * FROM "{name}"'):
            out.append(" ".join(str(v) for v in tuple(row)))
    return "\n".join(out)


def last_seq(store: Store) -> int:
    return store.conn.execute("SELECT coalesce(max(seq), 0) FROM change").fetchone()[0]


def assert_logged(store: Store, operation: Any) -> list[Any]:
    """Run `operation`; every row it added, changed or removed must be in the new change rows."""
    before, seq = state(store), last_seq(store)
    operation()
    after, changes = state(store), log(store, seq)
    by_key = {(c["entity"], c["row_id"], c["field_group"]): c for c in changes}
    for key in before.keys() | after.keys():
        entity, row_id = key
        spec = BY_NAME[entity]
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        if new is None:  # removed: a delete tombstone or an erasure
            exists = by_key.get((entity, row_id, EXISTS))
            erased = by_key.get((entity, row_id, ERASED))
            assert erased or (exists and int(exists["value"]) % 2 == 0), key
            continue
        if old is None:
            assert int(by_key[(entity, row_id, EXISTS)]["value"]) % 2 == 1, key
        for group, fields in spec.groups.items():
            values = {f: new[f] for f in fields}
            if old is not None and all(old[f] == new[f] for f in fields):
                continue
            change = by_key.get((entity, row_id, group))
            if change is None:  # a new row's group left at its defaults need not be logged
                assert old is None and values == _defaults(spec, group), (key, group)
                continue
            assert json.loads(change["value"]) == values, (key, group)
    return changes


def _defaults(spec: Any, group: str) -> dict[str, Any]:
    from desktop.store.changelog.transaction import group_defaults as defaults

    return defaults(spec)[group]


def full_case(client_id: str) -> list[Any]:
    org = Organisation("Jobcenter Lörrach")
    plan = IntegrationPlan(client_id, agreed_on=date(2026, 1, 5), review_on=date(2026, 6, 5))
    goal = Goal(plan.id, FieldOfAction.LANGUAGE, "Deutsch B1")
    measure = Measure(
        goal.id,
        "Integrationskurs anmelden",
        organisation_id=org.id,
        due_on=date(2026, 3, 1),
        texts=Texts({"ar": "التسجيل في دورة الاندماج"}),
    )
    return [
        org,
        plan,
        goal,
        measure,
        DocumentItem(
            client_id,
            DocumentKind.PASSPORT,
            status=DocumentStatus.IN_CUSTODY,
            holder="Ausländerbehörde",
            held_since=date(2026, 1, 2),
        ),
        Appointment(
            client_id,
            datetime(2026, 2, 3, 9, 30),
            place="Rathaus, Zimmer 12",
            organisation_id=org.id,
            interpreter_language="ar",
        ),
        Note(client_id, date(2026, 1, 5), "Erstgespräch; Plan besprochen."),
        SupportLink(client_id, org.id, purpose="Leistungen", since=date(2026, 1, 1)),
        DeadlineMark(
            client_id,
            DeadlineKind.PLAN_REVIEW,
            plan.id,
            date(2026, 6, 5),
            marked_on=date(2026, 6, 8),
        ),
    ]


def a_client() -> Client:
    return Client(
        "Haddad",
        "Rania",
        other_names=("Hadad",),
        birth_date=PartialDate(1988, 4),
        nationality="SY",
        languages=(LanguageSkill("ar", "native"),),
        residence_status=ResidenceStatus.REFUGEE,
        status_valid_until=date(2027, 4, 30),
        household_id=None,
        phone="+49 151 000",
    )


def attach(store: Store, folder: Path, document_id: str, name: str, data: bytes) -> Any:
    """Attach a file with these bytes; the attachment and its change rows must match."""
    path = folder / name
    path.write_bytes(data)
    infos: list[Any] = []
    changes = assert_logged(
        store, lambda: infos.append(attachments.attach_file(store, document_id, path))
    )
    assert {c["entity"] for c in changes} - {"audit"} == {"attachment"}
    assert all(data not in (c["value"] or "").encode() for c in changes)  # never the bytes
    return infos[0]


def parts_document_of(store: Store, client_id: str) -> str:
    """A checklist item of the client (a new one if they have none left)."""
    existing = store.of_client(DocumentItem, client_id)
    if existing:
        return existing[0].id
    item = DocumentItem(client_id, DocumentKind.ID_CARD)
    casework.add(store, item)
    return item.id


def test_every_write_path_records_its_changes(store: Store, tmp_path: Path) -> None:
    household = Household("Familie Haddad")
    client = dataclasses.replace(a_client(), household_id=household.id)
    parts = full_case(client.id)
    assert_logged(store, lambda: casework.add(store, household, client))
    assert_logged(store, lambda: casework.add(store, *parts))
    org, plan, goal, measure, document, appointment, _note, support, mark = parts
    edits = [
        dataclasses.replace(
            client,
            residence_status=ResidenceStatus.SETTLEMENT,
            status_valid_until=None,
            city="Lörrach",
        ),
        dataclasses.replace(household, name="Familie Haddad-Ali"),
        dataclasses.replace(org, phone="07621 000"),
        dataclasses.replace(plan, review_on=date(2026, 7, 1)),
        dataclasses.replace(goal, title="Deutsch B2"),
        dataclasses.replace(measure, status=MeasureStatus.DONE, outcome="angemeldet"),
        dataclasses.replace(document, status=DocumentStatus.RETURNED),
        dataclasses.replace(appointment, purpose="Antrag"),
        dataclasses.replace(support, until=date(2026, 12, 31)),
        dataclasses.replace(
            mark, status=MarkStatus.SNOOZED, snoozed_until=date(2026, 7, 1), marked_on=None
        ),
    ]
    for edited in edits:
        changes = assert_logged(store, lambda e=edited: casework.save(store, e))
        assert changes, f"editing {type(edited).__name__} recorded nothing"
    assert_logged(store, lambda: clients.update_client(store, client.id, {"phone": "+49 1"}))
    assert_logged(store, lambda: casework.remove(store, Measure, measure.id))
    assert_logged(store, lambda: casework.remove(store, IntegrationPlan, plan.id))
    # Scans: attach, rename, remove one, then the checklist item takes the rest with it.
    scan = attach(store, tmp_path, document.id, "pass.pdf", b"%PDF passport")
    other_scan = attach(store, tmp_path, document.id, "visa.jpg", b"JPEG visa")
    renamed = dataclasses.replace(store.get(Attachment, scan.id), file_name="reisepass.pdf")
    assert assert_logged(store, lambda: casework.save(store, renamed))
    assert_logged(store, lambda: attachments.remove_attachment(store, other_scan.id))
    assert_logged(store, lambda: casework.remove(store, DocumentItem, document.id))
    attach(store, tmp_path, parts_document_of(store, client.id), "again.pdf", b"%PDF again")
    assert_logged(
        store,
        lambda: organisations.save_organisation(
            store, dataclasses.replace(org, contact_person="Frau Weber")
        ),
    )
    assert_logged(store, lambda: organisations.add_organisation(store, Organisation("Caritas")))
    assert_logged(store, lambda: clients.delete_client(store, client.id))
    other = a_client()
    casework.add(store, other, *full_case(other.id))
    attach(store, tmp_path, parts_document_of(store, other.id), "erase.pdf", b"%PDF erase me")
    assert_logged(store, lambda: clients.erase_client(store, other.id))
    assert store.conn.execute("SELECT count(*) FROM blob").fetchone()[0] == 0


def test_settings_are_not_case_data_and_record_no_changes(store: Store) -> None:
    casework.add(store, a_client())
    before, seq = state(store), last_seq(store)
    settings.save_settings(store, settings.Settings("en", 30, "Welcome Center Lörrach"))
    assert state(store) == before and last_seq(store) == seq
    assert settings.load_settings(store).office_name == "Welcome Center Lörrach"


def test_demo_fill_records_its_changes(store: Store) -> None:
    from desktop.services.demo import fill_demo

    changes = assert_logged(store, lambda: fill_demo(store, 30, seed=7, today=date(2026, 11, 21)))
    assert len(changes) > 30 * 5


def test_change_rows_carry_origin_sequence_and_monotonic_clock(store: Store) -> None:
    casework.add(store, a_client(), a_client())
    rows = log(store, 0)
    assert [r["origin_seq"] for r in rows] == list(range(1, len(rows) + 1))
    assert {r["origin"] for r in rows} == {store.device_num}
    hlcs = [r["hlc"] for r in rows]
    assert hlcs == sorted(hlcs) and len(set(hlcs)) == len(hlcs)
    vector = store.conn.execute("SELECT last_seq FROM device WHERE is_self = 1").fetchone()[0]
    assert vector == len(rows)


def test_a_failed_transaction_leaves_neither_data_nor_changes(store: Store) -> None:
    casework.add(store, a_client())
    before, seq, clock = state(store), last_seq(store), store.clock.last
    with pytest.raises(InvalidInput), store.transaction() as tx:
        tx.insert(a_client())
        tx.update(Note("x", date(2026, 1, 1), "notes are append-only"))
    assert state(store) == before and last_seq(store) == seq and store.clock.last == clock
    casework.add(store, a_client())  # the sequence continues without a gap
    assert [r["origin_seq"] for r in log(store, 0)] == list(range(1, len(log(store, 0)) + 1))


def test_unknown_id_is_refused_and_nothing_written(store: Store) -> None:
    seq = last_seq(store)
    with pytest.raises(NotFound):
        clients.update_client(store, "no-such-id", {"phone": "1"})
    with pytest.raises(NotFound):
        clients.delete_client(store, "no-such-id")
    assert last_seq(store) == seq


def test_erasure_leaves_only_tombstones_without_personal_data(store: Store, tmp_path: Path) -> None:
    client = a_client()
    parts = full_case(client.id)
    casework.add(store, client, *parts)
    clients.update_client(store, client.id, {"phone": "+49 999"})
    passport = next(p for p in parts if isinstance(p, DocumentItem))
    scan = attach(store, tmp_path, passport.id, "Reisepass-Haddad.pdf", b"%PDF Rania Haddad")
    owned = {BY_CLASS[type(p)].name for p in parts if BY_CLASS[type(p)].parent == "client_id"}
    # Every part of a case is in full_case, so that its erasure is tested here.
    assert owned == {s.name for s in SPECS if s.parent == "client_id" and s is not CLIENT}
    erased_ids = {client.id, scan.id} | {p.id for p in parts if not isinstance(p, Organisation)}
    clients.erase_client(store, client.id)
    assert store.conn.execute("SELECT count(*) FROM blob").fetchone()[0] == 0
    remaining = store.conn.execute("SELECT row_id, field_group, value FROM change").fetchall()
    for row_id, group, value in remaining:
        if row_id in erased_ids:
            assert group == ERASED and value is None
    assert all(store.is_erased(i) for i in erased_ids)
    dump = dump_all_tables(store)
    for secret in ("Haddad", "Rania", "Hadad", "+49 999", "Erstgespräch"):
        assert secret not in dump
    assert store.counts().clients == 0


def test_notes_cannot_be_edited(store: Store) -> None:
    client = a_client()
    note = Note(client.id, date(2026, 1, 5), "Erstgespräch")
    casework.add(store, client, note)
    with pytest.raises(InvalidInput):
        casework.save(store, dataclasses.replace(note, text="rewritten"))


def test_hybrid_clock_never_goes_backwards() -> None:
    wall = iter([1000, 1000, 900, 900, 2000, 2000])
    clock = HybridClock(wall_ms=lambda: next(wall))
    stamps = [clock.tick() for _ in range(5)]
    assert stamps == sorted(stamps) and len(set(stamps)) == 5
    assert unpack_hlc(stamps[2]) == (1000, 2)
    clock.observe(stamps[-1] + 10)
    assert clock.tick() > stamps[-1] + 10


TRANSACTION = REPO / "desktop" / "store" / "changelog" / "transaction.py"
# A schema migration's data step rewrites rows and their change log together, like its SQL.
UPGRADES = REPO / "desktop" / "store" / "upgrades.py"


def test_only_the_change_log_module_writes_entity_tables() -> None:
    tables = "|".join(s.table for s in SPECS)
    writes = re.compile(rf"\b(INSERT INTO|UPDATE|DELETE FROM)\s+({tables})\b")
    offenders = [
        str(p.relative_to(REPO))
        for p in (REPO / "desktop").rglob("*.py")
        if writes.search(p.read_text(encoding="utf-8")) and p not in (TRANSACTION, UPGRADES)
    ]
    assert offenders == []
    dynamic = re.compile(r"\b(INSERT INTO|UPDATE|DELETE FROM)\s+\{")
    assert [
        p.name
        for p in (REPO / "desktop").rglob("*.py")
        if dynamic.search(p.read_text(encoding="utf-8"))
    ] == [TRANSACTION.name]
