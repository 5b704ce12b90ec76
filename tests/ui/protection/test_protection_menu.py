"""The Data protection menu: its entries, when they can be used, and the backup on closing.

The window reaches the case file through its database worker: the tests wait for its answers
(`settle`) before they look at the window or the case file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.domain.model import Client
from desktop.services import audit, backup
from desktop.services.casefile import Store
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.widgets.db_worker import DbWorker

Settle = Callable[[DbWorker], None]


def make_window(qtbot: QtBot, db: DbWorker, settle: Settle, case_root: Path) -> MainWindow:
    window = MainWindow(db, case_root)
    qtbot.addWidget(window)
    window.show()
    settle(db)
    return window


def test_the_entries_need_an_open_case_file_and_some_an_open_case(
    qtbot: QtBot, db: DbWorker, settle: Settle, case_root: Path, add: Callable[..., Client]
) -> None:
    client = add(family_name="Haddad", given_names="Amal")
    window = make_window(qtbot, db, settle, case_root)
    menu = window.protection_menu
    assert [a.text() for a in window.menuBar().actions()][-2] == "Data &protection"
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "&Back up now",
        "Backups and &restore…",
        "&Audit trail…",
        "&History of this case…",
        "Data access re&quest for this client…",
        "Cases due for &erasure…",
    ]
    menu.enable()
    assert menu.back_up_action.isEnabled() and not menu.history_action.isEnabled()
    assert not menu.access_action.isEnabled()
    window.open_client(client.id)
    qtbot.waitUntil(lambda: window.workspace.view is not None)
    menu.enable()
    assert menu.history_action.isEnabled() and menu.access_action.isEnabled()
    window.lock()
    menu.enable()
    assert not any(a.isEnabled() for a in menu.actions() if not a.isSeparator())


def test_back_up_now_writes_into_the_chosen_folder_and_the_trail_says_so(
    qtbot: QtBot, db: DbWorker, settle: Settle, store: Store, case_root: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "stick"
    folder.mkdir()
    backup.save_backup_settings(store, backup.BackupSettings(folder=folder, keep=3))
    window = make_window(qtbot, db, settle, case_root)
    window.protection_menu.back_up_action.trigger()
    settle(db)
    written = backup.list_backups(folder)
    assert len(written) == 1
    assert [e.action for e in audit.trail(store, actions=["backup"])] == ["backup"]


def test_closing_backs_up_when_chosen(
    qtbot: QtBot, db: DbWorker, settle: Settle, store: Store, case_root: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    backup.save_backup_settings(store, backup.BackupSettings(folder=folder, keep=3, on_close=True))
    window = make_window(qtbot, db, settle, case_root)
    assert window.close()
    assert not db.is_open
    assert len(backup.list_backups(folder)) == 1
