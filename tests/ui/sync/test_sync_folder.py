"""The watched sync folder and the main window's Sync entry, over real case files."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from desktop.domain.catalogues import ConsentScope
from desktop.domain.model import Client
from desktop.services import sync
from desktop.services.clients import add_client as add_any_client
from desktop.store.database import connect, prepare
from desktop.store.search import ClientQuery
from desktop.store.store import Store
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.sync.folder_watcher import FolderWatcher
from desktop.ui.sync.sync_dialog import SyncDialog
from desktop.ui.widgets.i18n import set_language

SHARE = (ConsentScope.STORE, ConsentScope.SHARE_COLLEAGUES)


def add_client(store: Store, fields: dict[str, Any]) -> Client:
    """A client who agreed to sharing with colleagues: only such clients travel."""
    consent = {"consent_given_on": date(2026, 1, 5), "consent_scope": SHARE}
    return add_any_client(store, {**consent, **fields})


def open_store(folder: Path) -> Store:
    """A real SQLCipher case file with a random raw key (no Argon2: fast)."""
    folder.mkdir(parents=True)
    db = folder / "casefile.db"
    conn = connect(db, os.urandom(32))
    prepare(conn, db, folder / "backups")
    return Store(conn)


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    """Anna's and Bea's case files, each trusting the other."""
    anna, bea = open_store(tmp_path / "anna"), open_store(tmp_path / "bea")
    sync.add_colleague(anna, "Bea", sync.my_identity(bea).text)
    sync.add_colleague(bea, "Anna", sync.my_identity(anna).text)
    yield anna, bea
    anna.close()
    bea.close()


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    folder = tmp_path / "shared"
    folder.mkdir()
    return folder


def names(store: Store) -> list[str]:
    return [c.family_name for c in store.clients(ClientQuery()).clients]


def watcher_of(store: Store, folder: Path) -> tuple[FolderWatcher, list[str]]:
    sync.set_sync_folder(store, folder)
    watcher = FolderWatcher()
    said: list[str] = []
    watcher.message.connect(said.append)
    watcher.set_store(store)
    return watcher, said


def test_the_watcher_imports_what_is_for_me_and_leaves_bundles_for_colleagues(
    qtbot: QtBot, pair: tuple[Store, Store], shared: Path
) -> None:
    anna, bea = pair
    add_client(bea, {"family_name": "Haddad", "given_names": "Rami"})
    sync.export_for(bea, "Anna", shared)
    watcher, said = watcher_of(anna, shared)
    assert watcher.is_active() and watcher.folder == shared
    merged: list[list[sync.FolderImport]] = []
    watcher.imported.connect(merged.append)

    check = watcher.check_now()
    assert check is not None
    assert said == ["1 bundle imported from the sync folder."]
    assert names(anna) == ["Haddad"]
    assert len(merged) == 1 and merged[0][0].summary is not None
    outgoing = [p for p in shared.glob("*.wdb") if p != merged[0][0].path]
    assert [p.name for p in outgoing] == [check.exported[0].path.name]

    assert watcher.check_now() is not None  # nothing new: nothing written, nothing said
    assert [p for p in shared.glob("*.wdb") if p != merged[0][0].path] == outgoing
    assert said == ["1 bundle imported from the sync folder."]

    sync.import_from_folder(bea, shared)  # Bea's watcher, in short
    add_client(anna, {"family_name": "Okafor", "given_names": "Ada"})
    check = watcher.check_now()
    assert check is not None and len(check.exported) == 1  # a change since: a fresh bundle
    assert not outgoing[0].exists()  # the older one for Bea is gone
    assert len(sync.import_from_folder(bea, shared)) == 1
    assert sorted(names(bea)) == ["Haddad", "Okafor"]
    watcher.set_store(None)
    assert not watcher.is_active()


def test_a_refused_bundle_is_reported_once(
    qtbot: QtBot, pair: tuple[Store, Store], shared: Path
) -> None:
    anna, bea = pair
    bundle = sync.export_for(bea, "Anna", shared).path
    data = bytearray(bundle.read_bytes())
    data[-40] ^= 0x01
    bundle.write_bytes(bytes(data))
    watcher, said = watcher_of(anna, shared)
    watcher.check_now()
    watcher.check_now()
    assert said == [
        "Not imported from the sync folder: This file was changed after Bea signed it, "
        "so it was not imported."
    ]


def test_an_unreachable_folder_is_reported_and_still_watched(
    qtbot: QtBot, pair: tuple[Store, Store], shared: Path
) -> None:
    anna, bea = pair
    watcher, said = watcher_of(anna, shared)
    shared.rmdir()  # the USB stick was pulled
    assert watcher.check_now() is None
    assert said == [f"The sync folder {shared} cannot be reached; Welcome Desk will try again."]
    assert watcher.is_active()
    assert not shared.exists()  # nothing written in its place
    shared.mkdir()
    sync.export_for(bea, "Anna", shared)
    assert watcher.check_now() is not None
    assert said[-1] == "1 bundle imported from the sync folder."


def test_the_exchange_tab_sets_the_folder_and_checks_it_now(
    qtbot: QtBot, pair: tuple[Store, Store], shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    anna, bea = pair
    add_client(bea, {"family_name": "Novak", "given_names": "Jan"})
    sync.export_for(bea, "Anna", shared)
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: str(shared))
    )
    dialog = SyncDialog(anna)
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.exchange
    chosen: list[object] = []
    dialog.folder_changed.connect(chosen.append)
    assert not page.watch.isChecked() and not page.check_button.isEnabled()
    page.watch.click()
    assert chosen == [shared] and sync.sync_folder(anna) == shared
    assert page.watch.isChecked() and page.folder_path.text() == str(shared)
    page.check_button.click()
    assert page.result.text() == (
        "1 bundle imported from the sync folder. 1 bundle for colleagues written."
    )
    assert names(anna) == ["Novak"]
    page.watch.click()
    assert chosen == [shared, None] and sync.sync_folder(anna) is None
    assert page.folder_path.text() == ""


def test_the_main_window_opens_sync_and_reports_the_watched_folder(
    qtbot: QtBot, pair: tuple[Store, Store], shared: Path, tmp_path: Path
) -> None:
    anna, bea = pair
    add_client(bea, {"family_name": "Rossi", "given_names": "Luca"})
    sync.export_for(bea, "Anna", shared)
    sync.set_sync_folder(anna, shared)
    window = MainWindow(anna, tmp_path / "anna")
    qtbot.addWidget(window)
    window.show()
    assert window.sync_action.shortcut().toString() == "Ctrl+Shift+Y"
    assert window.sync_menu.title() == "&Sync"
    assert window.folder_watcher.is_active()

    assert window.folder_watcher.check_now() is not None
    assert window.statusBar().currentMessage() == "1 bundle imported from the sync folder."
    assert window.case_list.model.total == 1

    window.sync_action.trigger()
    dialog = window.findChild(SyncDialog)
    assert isinstance(dialog, SyncDialog) and dialog.isVisible()
    assert window.open_sync() is dialog  # one Sync window, brought forward
    assert dialog.colleagues.shown_rows()[0][0] == "Bea"

    set_language("de")
    qtbot.waitUntil(lambda: window.sync_menu.title() == "A&bgleich")
    assert window.sync_action.text() == "Abgleich mit &Kolleginnen und Kollegen…"
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Abgleich mit Kolleginnen und Kollegen")
    set_language("en")

    window.lock()
    assert not window.folder_watcher.is_active()
    assert not dialog.isVisible()
    window.close()
