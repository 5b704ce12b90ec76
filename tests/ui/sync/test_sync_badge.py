"""The main window shows what sync leaves waiting: conflicts and refused bundles, one click away.

Real case files exchange real bundles; the window runs over Bea's case file.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.domain.catalogues import ConsentScope
from desktop.domain.model import Client
from desktop.services import casework, sync
from desktop.services.clients import add_client as add_any_client
from desktop.services.clients import update_client
from desktop.store.database import connect, prepare
from desktop.store.store import Store
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.widgets.db_worker import DbWorker

Settle = Callable[[DbWorker], None]


def _client(store: Store, fields: dict[str, Any]) -> Client:
    consent = {
        "consent_given_on": date(2026, 1, 5),
        "consent_scope": (ConsentScope.STORE, ConsentScope.SHARE_COLLEAGUES),
    }
    return add_any_client(store, {**consent, **fields})


def _store(folder: Path) -> Store:
    folder.mkdir(parents=True)
    conn = connect(folder / "casefile.db", os.urandom(32))
    prepare(conn, folder / "casefile.db", folder / "backups")
    return Store(conn)


@pytest.fixture
def stores(tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    """Anna's and Bea's case files, each trusting the other."""
    anna, bea = _store(tmp_path / "anna"), _store(tmp_path / "bea")
    sync.add_colleague(anna, "Bea", sync.my_identity(bea).text)
    sync.add_colleague(bea, "Anna", sync.my_identity(anna).text)
    yield anna, bea
    anna.close()
    bea.close()


@pytest.fixture
def bea_window(
    qtbot: QtBot, stores: tuple[Store, Store], tmp_path: Path, settle: Settle
) -> Iterator[MainWindow]:
    worker = DbWorker()
    worker.attach(stores[1])
    window = MainWindow(worker, tmp_path / "bea")
    qtbot.addWidget(window)
    window.show()
    settle(worker)
    yield window


def _conflict(anna: Store, bea: Store, tmp_path: Path) -> None:
    """Anna and Bea rename the same client before their bundles cross."""
    client = _client(anna, {"family_name": "Müller", "given_names": "Anna"})
    sync.export_for(anna, "Bea", tmp_path / "1.wdb")
    sync.import_file(bea, tmp_path / "1.wdb")
    casework.save(anna, dataclasses.replace(client, family_name="Meier"))
    update_client(bea, client.id, {"family_name": "Maier"})
    sync.export_for(anna, "Bea", tmp_path / "2.wdb")
    sync.import_file(bea, tmp_path / "2.wdb")


def test_a_conflict_is_shown_and_one_click_opens_it(
    qtbot: QtBot,
    stores: tuple[Store, Store],
    tmp_path: Path,
    bea_window: MainWindow,
    settle: Settle,
) -> None:
    badge = bea_window.sync_badge
    assert badge.isHidden()  # nothing waits: nothing shown
    settle(bea_window.db)
    _conflict(*stores, tmp_path)
    bea_window.case_file_changed()  # as after an import
    settle(bea_window.db)
    assert badge.isVisible() and badge.text() == "1 conflict to review"
    qtbot.mouseClick(badge, Qt.MouseButton.LeftButton)
    settle(bea_window.db)
    dialog = bea_window._sync_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.tabs.currentWidget() is dialog.conflicts
    dialog.conflicts.select_row(0)
    dialog.conflicts.keep_button.click()
    settle(bea_window.db)
    dialog.close()
    settle(bea_window.db)
    qtbot.waitUntil(badge.isHidden)


def test_a_bundle_from_an_unknown_sender_waits_and_opens_the_exchange_tab(
    qtbot: QtBot,
    stores: tuple[Store, Store],
    tmp_path: Path,
    bea_window: MainWindow,
    settle: Settle,
) -> None:
    _, bea = stores
    carl = _store(tmp_path / "carl")
    try:
        sync.add_colleague(carl, "Bea", sync.my_identity(bea).text)  # Bea never added Carl
        _client(carl, {"family_name": "Okafor", "given_names": "Chidi"})
        folder = tmp_path / "shared"
        folder.mkdir()
        sync.export_for(carl, "Bea", folder / sync.bundle_file_name(carl, "Bea"))
    finally:
        carl.close()
    settle(bea_window.db)
    sync.set_sync_folder(bea, folder)
    bea_window.folder_watcher.start()
    settle(bea_window.db)
    with qtbot.waitSignal(bea_window.folder_watcher.checked, timeout=10_000):
        assert bea_window.folder_watcher.check_now()
    settle(bea_window.db)
    badge = bea_window.sync_badge
    assert badge.isVisible() and badge.text() == "1 bundle waiting"
    badge.click()
    dialog = bea_window._sync_dialog
    assert dialog is not None and dialog.tabs.currentWidget() is dialog.exchange


def test_locking_hides_the_badge(
    stores: tuple[Store, Store], tmp_path: Path, bea_window: MainWindow, settle: Settle
) -> None:
    settle(bea_window.db)
    _conflict(*stores, tmp_path)
    bea_window.case_file_changed()
    settle(bea_window.db)
    assert bea_window.sync_badge.isVisible()
    bea_window.lock()
    assert bea_window.sync_badge.isHidden()
