"""Schema migrations: numbered, backed up first, atomic, and never on a newer file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.domain.errors import NewerSchema
from desktop.domain.model import Client
from desktop.store import casefile, database
from desktop.store.database import LATEST_SCHEMA, migrations, schema_version
from desktop.store.specs import SPECS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PASSPHRASE = "fixture passphrase"


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def fixture_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / f"schema-{LATEST_SCHEMA}", target)
    return target


def test_migrations_are_numbered_without_gaps() -> None:
    assert [n for n, _ in migrations()] == list(range(1, LATEST_SCHEMA + 1))


@pytest.mark.parametrize("schema", range(1, LATEST_SCHEMA + 1))
def test_every_released_schema_opens_and_upgrades(tmp_path: Path, schema: int) -> None:
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / f"schema-{schema}", target)
    store = casefile.unlock(target, passphrase=PASSPHRASE)
    try:
        assert schema_version(store.conn) == LATEST_SCHEMA
        assert [c.family_name for c in store.all(Client)] == ["Fixture"]
    finally:
        store.close()


def test_a_newer_file_is_refused_and_left_exactly_as_it_was(fixture_copy: Path) -> None:
    store = casefile.unlock(fixture_copy, passphrase=PASSPHRASE)
    store.conn.execute(f"PRAGMA user_version = {LATEST_SCHEMA + 1}")
    store.close()
    before = files(fixture_copy)
    with pytest.raises(NewerSchema) as refused:
        casefile.unlock(fixture_copy, passphrase=PASSPHRASE)
    assert "newer" in refused.value.en
    assert files(fixture_copy) == before


def test_an_upgrade_backs_up_first_and_keeps_the_data(
    fixture_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = (fixture_copy / "casefile.db").read_bytes()
    step = (LATEST_SCHEMA + 1, "ALTER TABLE client ADD COLUMN future TEXT;")
    monkeypatch.setattr(database, "migrations", lambda: [*migrations(), step])
    monkeypatch.setattr(database, "LATEST_SCHEMA", LATEST_SCHEMA + 1)
    store = casefile.unlock(fixture_copy, passphrase=PASSPHRASE)
    try:
        assert schema_version(store.conn) == LATEST_SCHEMA + 1
        assert [c.family_name for c in store.all(Client)] == ["Fixture"]
    finally:
        store.close()
    (backup,) = (fixture_copy / "backups").iterdir()
    assert backup.read_bytes() == original  # still encrypted, byte for byte the old file


def test_a_failing_migration_changes_nothing(
    fixture_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    step = (LATEST_SCHEMA + 1, "ALTER TABLE client ADD COLUMN half TEXT; THIS IS NOT SQL;")
    monkeypatch.setattr(database, "migrations", lambda: [*migrations(), step])
    monkeypatch.setattr(database, "LATEST_SCHEMA", LATEST_SCHEMA + 1)
    with pytest.raises(database.sqlcipher3.DatabaseError):
        casefile.unlock(fixture_copy, passphrase=PASSPHRASE)
    monkeypatch.undo()
    store = casefile.unlock(fixture_copy, passphrase=PASSPHRASE)
    try:
        assert schema_version(store.conn) == LATEST_SCHEMA
        columns = {r[1] for r in store.conn.execute("PRAGMA table_info(client)")}
        assert "half" not in columns
    finally:
        store.close()


def test_tables_have_a_column_for_every_field(fixture_copy: Path) -> None:
    store = casefile.unlock(fixture_copy, passphrase=PASSPHRASE)
    try:
        for spec in SPECS:
            columns = {r[1] for r in store.conn.execute(f"PRAGMA table_info({spec.table})")}
            assert {"id", *spec.fields} <= columns, spec.name
    finally:
        store.close()


def test_every_field_belongs_to_exactly_one_group() -> None:
    import dataclasses

    for spec in SPECS:
        fields = [f.name for f in dataclasses.fields(spec.cls) if f.name != "id"]
        assert sorted(spec.fields) == sorted(fields), spec.name
        assert len(set(spec.fields)) == len(spec.fields), spec.name


def test_schema_1_upgrades_to_2_and_takes_attachments(tmp_path: Path) -> None:
    from desktop.domain.catalogues import DocumentKind
    from desktop.domain.model import DocumentItem
    from desktop.services import attachments, casework

    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "schema-1", target)
    store = casefile.unlock(target, passphrase=PASSPHRASE)
    try:
        indexes = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
        assert {"attachment", "blob", "plan_review", "document_expires", "measure_due"} <= indexes
        (client,) = store.all(Client)
        item = DocumentItem(client.id, DocumentKind.PASSPORT)
        casework.add(store, item)
        scan = tmp_path / "pass.pdf"
        scan.write_bytes(b"%PDF-1.4 upgraded")
        info = attachments.attach_file(store, item.id, scan)
        assert attachments.read_attachment(store, info.id) == b"%PDF-1.4 upgraded"
    finally:
        store.close()
    assert [
        p.name.startswith(f"before-schema-{LATEST_SCHEMA}-from-1-")
        for p in (target / "backups").iterdir()
    ] == [True]


def test_the_schema_2_fixture_keeps_its_attached_scan(tmp_path: Path) -> None:
    from desktop.domain.model import DocumentItem
    from desktop.services import attachments

    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "schema-2", target)
    store = casefile.unlock(target, passphrase=PASSPHRASE)
    try:
        (item,) = store.all(DocumentItem)
        (info,) = attachments.attachments_of(store, item.id)
        assert (info.file_name, info.media_type) == ("pass.txt", "text/plain")
        assert attachments.read_attachment(store, info.id) == b"fixture scan of a passport\n"
    finally:
        store.close()


def test_schema_6_upgrades_to_7_and_takes_deadline_marks(tmp_path: Path) -> None:
    from datetime import date

    from desktop.domain.model import DeadlineMark, DocumentItem
    from desktop.domain.rules import DeadlineKind
    from desktop.services import casework

    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "schema-6", target)
    store = casefile.unlock(target, passphrase=PASSPHRASE)
    try:
        assert list(store.all(DeadlineMark)) == []
        (client,) = store.all(Client)
        (passport,) = store.all(DocumentItem)
        mark = DeadlineMark(client.id, DeadlineKind.DOCUMENT_EXPIRY, passport.id, date(2027, 3, 1))
        casework.add(store, mark)
        assert store.of_client(DeadlineMark, client.id) == [mark]
    finally:
        store.close()


def test_the_schema_7_fixture_keeps_its_snoozed_deadline(tmp_path: Path) -> None:
    from datetime import date

    from desktop.domain.catalogues import MarkStatus
    from desktop.domain.model import DeadlineMark

    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "schema-7", target)
    store = casefile.unlock(target, passphrase=PASSPHRASE)
    try:
        (mark,) = store.all(DeadlineMark)
        assert (mark.status, mark.snoozed_until) == (MarkStatus.SNOOZED, date(2027, 2, 1))
    finally:
        store.close()
