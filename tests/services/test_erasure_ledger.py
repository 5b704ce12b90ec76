"""The erasure ledger with real case files: a restore and a colleague's bundle cannot bring an
erased person back, and a copy kept before a schema upgrade goes with the erasure."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import date
from pathlib import Path

from desktop.domain.model import Client, Note
from desktop.services import backup, casefile, casework, clients, sync
from desktop.services.export import case_data
from desktop.store.search import ClientQuery
from desktop.store.store import Store
from tests.services.keyed_case import PASSPHRASE, keyed_case
from tests.sync.devices import shared_client

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
NAME = "Zyxwarth"


def _desk(tmp_path: Path, name: str) -> tuple[Path, Store]:
    """A case file as `init` makes it, opened the way the window and the CLI open it."""
    folder = tmp_path / name
    folder.mkdir()
    root, store, _recovery = keyed_case(folder)
    store.close()
    return root, casefile.unlock(root, passphrase=PASSPHRASE, use_keyring=False)


def _send(sender: Store, name: str, receiver: Store, folder: Path) -> None:
    bundle = folder / f"to-{name}.wdsync"
    sync.export_for(sender, name, bundle)
    sync.import_file(receiver, bundle)
    bundle.unlink()


def test_a_restore_and_a_colleagues_bundle_do_not_bring_an_erased_person_back(
    tmp_path: Path,
) -> None:
    anna_root, anna = _desk(tmp_path, "anna")
    _bea_root, bea = _desk(tmp_path, "bea")
    sync.add_colleague(anna, "Bea", sync.my_identity(bea).text)
    sync.add_colleague(bea, "Anna", sync.my_identity(anna).text)
    person = shared_client(NAME, "Amal", phone="0151 1")  # consent to share given
    casework.add(anna, person, Note(person.id, date(2026, 1, 5), f"Erstgespräch {NAME}"))
    _send(anna, "Bea", bea, tmp_path)
    old = backup.back_up(anna, anna_root, tmp_path / "old.wdbackup").path
    # Bea edits the case before she learns of the erasure; her bundle still carries the person.
    casework.save(bea, dataclasses.replace(bea.get(Client, person.id), phone="0151 9"))

    clients.erase_client(anna, person.id)
    anna.close()
    key = backup.unlock_backup(anna_root, old, passphrase=PASSPHRASE)
    anna = backup.restore(anna_root, old, key).store
    try:
        assert anna.find(Client, person.id) is None and anna.is_erased(person.id)
        _send(bea, "Anna", anna, tmp_path)
        assert anna.find(Client, person.id) is None
        assert anna.of_client(Note, person.id) == []
        assert NAME not in repr(case_data(anna))
        # ...and Anna's erasure, sent again from the restored file, reaches Bea with her ledger.
        _send(anna, "Bea", bea, tmp_path)
        assert bea.find(Client, person.id) is None and bea.is_erased(person.id)
        assert [e.client_id for e in bea.erasure_ledger()] == [person.id]
    finally:
        anna.close()
        bea.close()


def test_a_copy_kept_before_a_schema_upgrade_is_removed_with_the_erasure(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(FIXTURES / "schema-7", root)
    store = casefile.unlock(root, passphrase="fixture passphrase", use_keyring=False)
    try:
        (kept,) = (root / "backups").glob("before-schema-*.db")  # the upgrade to schema 8 made it
        (alma,) = store.clients(ClientQuery()).clients
        erased = clients.erase_client(store, alma.id)
    finally:
        store.close()
    assert erased.copies.removed == [kept] and not kept.exists()
