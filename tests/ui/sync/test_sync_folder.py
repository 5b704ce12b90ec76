"""The watched sync folder and the main window's Sync entry, over real case files."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from desktop.domain.catalogues import ConsentScope
from desktop.domain.model import Client
from desktop.services import sync
from desktop.services.clients import add_client as add_any_client
from desktop.services.sync_folder import Merged, Round, exchange_round
from desktop.store.database import connect, prepare
from desktop.store.search import ClientQuery
from desktop.store.store import Store
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.sync.folder_watcher import FolderWatcher
from desktop.ui.sync.sync_dialog import SyncDialog
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.i18n import set_language

SHARE = (ConsentScope.STORE, ConsentScope.SHARE_COLLEAGUES)
Settle = Callable[[DbWorker], None]


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
def anna_db(qapp: object, pair: tuple[Store, Store]) -> Iterator[DbWorker]:
    """The database worker that owns Anna's case file (Bea's is used directly)."""
    worker = DbWorker()
    worker.attach(pair[0])
    yield worker
    worker.shutdown()


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    folder = tmp_path / "shared"
    folder.mkdir()
    return folder


def names(store: Store) -> list[str]:
    return [c.family_name for c in store.clients(ClientQuery()).clients]


def watcher_of(
    store: Store, db: DbWorker, folder: Path, settle: Settle
) -> tuple[FolderWatcher, list[str]]:
    sync.set_sync_folder(store, folder)
    # Owned by a parent, as the window's watcher is: not by Python alone, whose last reference
    # may be an answer the worker thread lets go of (a QObject must die on its own thread).
    watcher = FolderWatcher(db, db)
    said: list[str] = []
    watcher.message.connect(lambda say: said.append(say()))
    watcher.start()
    settle(db)
    return watcher, said


def check_now(qtbot: QtBot, watcher: FolderWatcher) -> Round | None:
    """Look at the folder now and wait until the check has ended: what it did (its `checked`
    signal), or None if it could not run (the folder cannot be reached)."""
    qtbot.waitUntil(lambda: not watcher.busy)  # a timed check came first: let it end
    checks: list[Round] = []
    watcher.checked.connect(checks.append)
    try:
        with qtbot.waitSignal(watcher.running, check_params_cb=lambda running: not running):
            assert watcher.check_now()
    finally:
        watcher.checked.disconnect(checks.append)
    return checks[0] if checks else None


def test_the_watcher_imports_what_is_for_me_and_leaves_bundles_for_colleagues(
    qtbot: QtBot, pair: tuple[Store, Store], shared: Path, anna_db: DbWorker, settle: Settle
) -> None:
    anna, bea = pair
    add_client(bea, {"family_name": "Haddad", "given_names": "Rami"})
    sync.export_for(bea, "Anna", shared)
    watcher, said = watcher_of(anna, anna_db, shared, settle)
    assert watcher.is_active() and watcher.folder == shared
    merged: list[list[Merged]] = []
    watcher.imported.connect(merged.append)

    check = check_now(qtbot, watcher)
    assert check is not None
    settle(anna_db)
    assert said == ["1 bundle imported from the sync folder."]
    assert names(anna) == ["Haddad"]
    assert len(merged) == 1 and merged[0][0].summary is not None
    outgoing = [p for p in shared.glob("*.wdb") if p != merged[0][0].path]
    assert [p.name for p in outgoing] == [check.exported[0].path.name]

    assert check_now(qtbot, watcher) is not None  # nothing new: nothing written, nothing said
    assert [p for p in shared.glob("*.wdb") if p != merged[0][0].path] == outgoing
    assert said == ["1 bundle imported from the sync folder."]

    exchange_round(bea, shared)  # Bea's watcher, in short
    settle(anna_db)
    add_client(anna, {"family_name": "Okafor", "given_names": "Ada"})
    check = check_now(qtbot, watcher)
    assert check is not None and len(check.exported) == 1  # a change since: a fresh bundle
    assert not outgoing[0].exists()  # the older one for Bea is gone
    assert len(exchange_round(bea, shared).imports) == 1
    assert sorted(names(bea)) == ["Haddad", "Okafor"]
    watcher.stop()
    assert not watcher.is_active()


def test_a_refused_bundle_is_reported_once(
    qtbot: QtBot, pair: tuple[Store, Store], shared: Path, anna_db: DbWorker, settle: Settle
) -> None:
    anna, bea = pair
    bundle = sync.export_for(bea, "Anna", shared).path
    data = bytearray(bundle.read_bytes())
    data[-40] ^= 0x01
    bundle.write_bytes(bytes(data))
    an_hour_ago = bundle.stat().st_mtime - 3600  # stable: not a file still being copied
    os.utime(bundle, (an_hour_ago, an_hour_ago))
    watcher, said = watcher_of(anna, anna_db, shared, settle)
    check_now(qtbot, watcher)
    check_now(qtbot, watcher)
    assert said == [
        "Not imported from the sync folder: This file was changed after Bea signed it, "
        "so it was not imported."
    ]


def test_an_unreachable_folder_is_reported_and_still_watched(
    qtbot: QtBot, pair: tuple[Store, Store], shared: Path, anna_db: DbWorker, settle: Settle
) -> None:
    anna, bea = pair
    watcher, said = watcher_of(anna, anna_db, shared, settle)
    shared.rmdir()  # the USB stick was pulled
    assert check_now(qtbot, watcher) is None
    assert said == [f"The sync folder {shared} cannot be reached; Welcome Desk will try again."]
    assert watcher.is_active()
    assert not shared.exists()  # nothing written in its place
    shared.mkdir()
    sync.export_for(bea, "Anna", shared)
    assert check_now(qtbot, watcher) is not None
    assert said[-1] == "1 bundle imported from the sync folder."


def test_a_network_share_that_does_not_answer_holds_up_neither_window_nor_worker(
    qtbot: QtBot,
    pair: tuple[Store, Store],
    shared: Path,
    anna_db: DbWorker,
    settle: Settle,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On Windows a network share whose server has gone makes the first look at it
    hang for half a minute or more. Only the probe's own thread waits: the window keeps working,
    the worker answers, and a lock does not wait for the share."""
    anna, _bea = pair
    watcher, said = watcher_of(anna, anna_db, shared, settle)
    answer = threading.Event()
    asked = threading.Event()
    real_is_dir = Path.is_dir

    def is_dir(path: Path) -> bool:
        if path == shared:
            asked.set()
            answer.wait(30)  # the SMB client waiting for a server that has gone
        return real_is_dir(path)

    monkeypatch.setattr(Path, "is_dir", is_dir)
    try:
        assert watcher.check_now()
        qtbot.waitUntil(asked.is_set)
        ticks: list[int] = []
        timer = QTimer()
        timer.timeout.connect(lambda: ticks.append(1))
        timer.start(10)
        qtbot.waitUntil(lambda: len(ticks) >= 5)  # the window's event loop runs on
        timer.stop()
        counted: list[int] = []
        anna_db.run(lambda store: len(names(store)), counted.append)
        qtbot.waitUntil(lambda: bool(counted))  # the worker is free for the window's work
        assert watcher.busy
        watcher.stop()  # locking the window: no waiting for the share
        assert not watcher.busy
    finally:
        answer.set()
    qtbot.wait(50)
    assert said == []  # the late answer of a stopped check is dropped


def test_the_exchange_tab_sets_the_folder_and_checks_it_now(
    qtbot: QtBot,
    pair: tuple[Store, Store],
    shared: Path,
    monkeypatch: pytest.MonkeyPatch,
    anna_db: DbWorker,
    settle: Settle,
) -> None:
    anna, bea = pair
    add_client(bea, {"family_name": "Novak", "given_names": "Jan"})
    sync.export_for(bea, "Anna", shared)
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: str(shared))
    )
    dialog = SyncDialog(anna_db)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(anna_db)
    page = dialog.exchange
    chosen: list[object] = []
    dialog.folder_changed.connect(chosen.append)
    assert not page.watch.isChecked() and not page.check_button.isEnabled()
    page.watch.click()
    settle(anna_db)
    assert chosen == [shared] and sync.sync_folder(anna) == shared
    assert page.watch.isChecked() and page.folder_path.text() == str(shared)
    page.check_button.click()
    settle(anna_db)
    assert page.result.text() == (
        "1 bundle imported from the sync folder. 1 bundle for colleagues written."
    )
    assert names(anna) == ["Novak"]
    page.watch.click()
    settle(anna_db)
    assert chosen == [shared, None] and sync.sync_folder(anna) is None
    assert page.folder_path.text() == ""


def test_the_main_window_opens_sync_and_reports_the_watched_folder(
    qtbot: QtBot,
    pair: tuple[Store, Store],
    shared: Path,
    tmp_path: Path,
    anna_db: DbWorker,
    settle: Settle,
) -> None:
    anna, bea = pair
    add_client(bea, {"family_name": "Rossi", "given_names": "Luca"})
    sync.export_for(bea, "Anna", shared)
    sync.set_sync_folder(anna, shared)
    window = MainWindow(anna_db, tmp_path / "anna")
    qtbot.addWidget(window)
    window.show()
    settle(anna_db)
    assert window.sync_action.shortcut().toString() == "Ctrl+Shift+Y"
    assert window.sync_menu.title() == "&Sync"
    assert window.folder_watcher.is_active()

    assert check_now(qtbot, window.folder_watcher) is not None
    settle(anna_db)
    assert window.statusBar().currentMessage() == "1 bundle imported from the sync folder."
    assert window.case_list.model.total == 1

    window.sync_action.trigger()
    settle(anna_db)
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
