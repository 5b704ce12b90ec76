"""Encrypted backups: a complete, keyed copy; restore with a safety copy and a new device id."""

from __future__ import annotations

import dataclasses
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.domain.errors import InvalidInput, StorageFailed, WrongPassphrase, WrongRecoveryKey
from desktop.domain.model import Client
from desktop.services import backup, casefile, casework, sync
from desktop.services.export import case_data
from desktop.store.casefile import DataDir, load_keyfile
from desktop.store.store import Store
from tests.sync.devices import Device, exchange_all

PASSPHRASE = "correct horse battery staple"
NAME = "Quetzalcoatl"


class Case:
    """A real case file (keys.json and casefile.db) in `root`, open."""

    def __init__(self, root: Path) -> None:
        result = casefile.init(root, PASSPHRASE)
        self.root = root
        self.store: Store = result.store
        self.recovery_key = result.recovery_key
        self.key = load_keyfile(root).unlock_with_passphrase(PASSPHRASE)

    def add(self, family: str) -> Client:
        client = Client(family, "Ana", nationality="SY")
        casework.add(self.store, client)
        return client

    def close(self) -> None:
        self.store.close()


@pytest.fixture
def case(tmp_path: Path) -> Iterator[Case]:
    made = Case(tmp_path / "data")
    made.add(NAME)
    yield made
    made.close()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "stick"
    out.mkdir()
    return out


def test_backup_then_restore_gives_the_same_case_data(case: Case, folder: Path) -> None:
    before = case_data(case.store)
    info = backup.back_up(case.store, case.root, folder)
    case.add("Later")  # work after the backup is undone by the restore
    case.store.close()

    key = backup.unlock_backup(case.root, info.path, passphrase=PASSPHRASE)
    restored = backup.restore(case.root, info.path, key)
    case.store = restored.store

    assert case_data(restored.store) == before
    assert restored.preview.clients == 1
    assert (
        restored.safety_copy is not None
        and restored.safety_copy.parent == DataDir(case.root).backups
    )
    # The safety copy is itself a backup holding the work that the restore replaced.
    safety_key = backup.unlock_backup(case.root, restored.safety_copy, passphrase=PASSPHRASE)
    assert backup.preview(case.root, restored.safety_copy, safety_key).clients == 2
    assert not [p for p in case.root.iterdir() if p.name.startswith(".backup-")]


def test_a_backup_holds_no_plaintext(case: Case, folder: Path) -> None:
    info = backup.back_up(case.store, case.root, folder)
    blob = info.path.read_bytes()
    assert NAME.encode() not in blob and NAME.encode("utf-16-le") not in blob
    assert b"SQLite format 3" not in blob
    with zipfile.ZipFile(info.path) as zf:
        assert [i.filename for i in zf.infolist()] == ["backup.json", "keys.json", "casefile.db"]
        manifest = json.loads(zf.read("backup.json"))
    assert set(manifest) == {"format", "version", "created_at", "schema", "case_id"}
    assert info.path.name.startswith("WelcomeDesk-") and info.path.suffix == ".wdbackup"


def test_a_wrong_passphrase_changes_nothing(case: Case, folder: Path, snapshot) -> None:  # type: ignore[no-untyped-def]
    info = backup.back_up(case.store, case.root, folder)
    case.store.close()
    before = snapshot(case.root)
    with pytest.raises(WrongPassphrase):
        backup.unlock_backup(case.root, info.path, passphrase="not the passphrase")
    with pytest.raises(WrongRecoveryKey):
        backup.unlock_backup(case.root, info.path, recovery_key="AAAA-" * 7 + "AAAA")
    with pytest.raises(WrongPassphrase):
        backup.restore(case.root, info.path, bytes(32))
    assert snapshot(case.root) == before


def test_the_recovery_key_and_a_newer_passphrase_open_a_backup(case: Case, folder: Path) -> None:
    info = backup.back_up(case.store, case.root, folder)
    load_keyfile(case.root).change_passphrase(case.key, "a brand new passphrase")
    assert backup.unlock_backup(case.root, info.path, recovery_key=case.recovery_key) == case.key
    found = backup.unlock_backup(case.root, info.path, passphrase="a brand new passphrase")
    assert found == case.key
    assert backup.preview(case.root, info.path, found).same_case_file


@pytest.mark.parametrize(
    "damage",
    ["text", "extra_member", "manifest_format", "manifest_extra_key", "compressed", "truncated"],
)
def test_a_file_that_is_not_a_backup_is_refused(case: Case, folder: Path, damage: str) -> None:
    good = backup.back_up(case.store, case.root, folder).path
    bad = folder / "bad.wdbackup"
    with zipfile.ZipFile(good) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    manifest = json.loads(members["backup.json"])
    if damage == "text":
        bad.write_text("hello")
    elif damage == "truncated":
        bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    else:
        method = zipfile.ZIP_DEFLATED if damage == "compressed" else zipfile.ZIP_STORED
        if damage == "extra_member":
            members["notes.txt"] = b"x"
        if damage == "manifest_format":
            members["backup.json"] = json.dumps({**manifest, "format": "zip"}).encode()
        if damage == "manifest_extra_key":
            members["backup.json"] = json.dumps({**manifest, "clients": 3}).encode()
        with zipfile.ZipFile(bad, "w", method) as zf:
            for name, data in members.items():
                zf.writestr(name, data)
    with pytest.raises(InvalidInput) as refused:
        backup.unlock_backup(case.root, bad, passphrase=PASSPHRASE)
    assert refused.value.field == "backup"
    assert "not a Welcome Desk backup" in refused.value.text("en")


def test_restore_into_an_empty_folder_needs_no_safety_copy(
    case: Case, folder: Path, tmp_path: Path
) -> None:
    info = backup.back_up(case.store, case.root, folder)
    laptop = tmp_path / "new-laptop"
    key = backup.unlock_backup(laptop, info.path, passphrase=PASSPHRASE)
    restored = backup.restore(laptop, info.path, key)
    try:
        assert restored.safety_copy is None
        assert case_data(restored.store) == case_data(case.store)
    finally:
        restored.store.close()
    casefile.unlock(laptop, passphrase=PASSPHRASE).close()  # the key file came along


def test_a_restored_file_gets_a_new_device_id(case: Case, folder: Path) -> None:
    old_device = case.store.device_id
    info = backup.back_up(case.store, case.root, folder)
    case.store.close()
    case.store = backup.restore(case.root, info.path, case.key).store
    assert case.store.device_id != old_device


def test_keep_n_removes_only_our_oldest_files(case: Case, folder: Path) -> None:
    other = folder / "holiday.jpg"
    other.write_bytes(b"x")
    foreign = folder / "WelcomeDesk-notes.wdbackup"
    foreign.write_bytes(b"x")
    from datetime import UTC, datetime, timedelta

    start = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    for i in range(4):
        backup.back_up(case.store, case.root, folder, keep=2, now=start + timedelta(hours=i))
    kept = [b.path.name for b in backup.list_backups(folder)]
    assert kept == [
        "WelcomeDesk-2026-03-01_120000.wdbackup",
        "WelcomeDesk-2026-03-01_110000.wdbackup",
    ]
    assert other.exists() and foreign.exists()


def test_a_missing_folder_fails_clearly_and_leaves_nothing(case: Case, tmp_path: Path) -> None:
    with pytest.raises(StorageFailed) as failed:
        backup.back_up(case.store, case.root, tmp_path / "gone" / "x.wdbackup")
    assert failed.value.reason == "missing"
    assert not [p for p in case.root.iterdir() if p.name.startswith(".backup-")]


def test_settings_round_trip_and_keep_is_checked(case: Case, tmp_path: Path) -> None:
    assert backup.backup_settings(case.store) == backup.BackupSettings()
    chosen = backup.BackupSettings(tmp_path, 5, True)
    backup.save_backup_settings(case.store, chosen)
    assert backup.backup_settings(case.store) == chosen
    with pytest.raises(InvalidInput):
        backup.save_backup_settings(case.store, backup.BackupSettings(tmp_path, 0, False))


def test_colleagues_sync_on_after_a_restore(case: Case, folder: Path, tmp_path: Path) -> None:
    """Anna backs up, works on and sends it to Bea, restores: Bea brings the work back."""
    from tests.sync.devices import open_store, shared_client

    anna = Device("Anna", case.root, case.key, case.store)
    bea_folder = tmp_path / "bea"
    bea_folder.mkdir()
    bea_key = bytes(range(32))
    bea = Device("Bea", bea_folder, bea_key, open_store(bea_folder, bea_key))
    try:
        sync.add_colleague(anna.store, "Bea", sync.my_identity(bea.store).text)
        sync.add_colleague(bea.store, "Anna", sync.my_identity(anna.store).text)
        for client in anna.store.all(Client):  # only clients who agreed to sharing travel
            consent = shared_client(client.family_name)
            casework.save(
                anna.store,
                dataclasses.replace(
                    client,
                    consent_given_on=consent.consent_given_on,
                    consent_scope=consent.consent_scope,
                ),
            )
        exchange_all([anna, bea], rounds=1)
        info = backup.back_up(anna.store, case.root, folder)
        late = shared_client("Afterwards", "Nour", nationality="IQ")
        casework.add(anna.store, late)
        bea.import_(anna.export_to(bea))

        anna.store.close()
        anna.store = case.store = backup.restore(case.root, info.path, case.key).store
        assert anna.store.find(Client, late.id) is None
        exchange_all([anna, bea], rounds=3)

        assert anna.case_data() == bea.case_data()
        assert anna.store.find(Client, late.id) is not None
    finally:
        bea.store.close()
