"""The backups dialog and the window's backup functions, over a real case file offscreen.

Everything reaches the case file through the database worker: the tests wait for its answers
(`settle`) before they look at the window or the case file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.domain.model import Client
from desktop.services import backup, clients
from desktop.services.export import case_data
from desktop.store.store import Store
from desktop.ui.protection.backup_dialog import (
    BackupsDialog,
    back_up_now,
    backup_on_close,
    open_backups,
)
from desktop.ui.protection.backup_restore_flow import restore_from
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.widgets.db_worker import DbWorker

PASSPHRASE = "correct horse battery staple"
Settle = Callable[[DbWorker], None]


@pytest.fixture
def window(
    qtbot: QtBot, db: DbWorker, settle: Settle, case_root: Path, add: Callable[..., Client]
) -> MainWindow:
    add(family_name="Müller", given_names="Anna")
    window = MainWindow(db, case_root)
    qtbot.addWidget(window)
    window.show()
    settle(db)
    return window


def in_worker(qtbot: QtBot, db: DbWorker, op: Callable[[Store], Any]) -> Any:
    """What `op` finds in the case file open in the worker."""
    answer: list[Any] = []
    db.run(op, answer.append)
    qtbot.waitUntil(lambda: bool(answer))
    return answer[0]


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


def test_the_dialog_keeps_its_settings_and_backs_up_now(
    qtbot: QtBot,
    db: DbWorker,
    settle: Settle,
    store: Store,
    case_root: Path,
    stick: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: str(stick))
    )
    dialog = BackupsDialog(db, case_root)
    qtbot.addWidget(dialog)
    settle(db)
    dialog.keep.setValue(3)
    dialog.on_close.setChecked(True)
    dialog.back_up_button.click()  # no folder yet: asks for one, then writes the backup
    settle(db)
    assert backup.backup_settings(store) == backup.BackupSettings(stick, 3, True)
    assert dialog.backups.topLevelItemCount() == 1
    assert len(backup.list_backups(stick)) == 1


def _restore(window: MainWindow, path: Path, answers: list[str], sure: bool) -> tuple[bool, list]:
    asked: list[str] = []

    def ask(_parent: object, error: str) -> tuple[str, bool] | None:
        asked.append(error)
        return (answers.pop(0), False) if answers else None

    done = restore_from(window, path, ask=ask, sure=lambda _p, _t: sure)
    return done, asked


def test_restore_from_the_window_shows_the_backup(
    window: MainWindow,
    qtbot: QtBot,
    db: DbWorker,
    settle: Settle,
    store: Store,
    add: Callable[..., Client],
    stick: Path,
) -> None:
    assert db.is_open
    before = case_data(store)
    made = backup.back_up(store, window.root, stick)
    add(family_name="Später", given_names="Bo")

    done, asked = _restore(window, made.path, ["wrong passphrase", PASSPHRASE], sure=True)
    settle(db)

    assert done
    assert asked == ["", "The passphrase is not correct."]
    assert db.is_open and in_worker(qtbot, db, case_data) == before
    assert window.case_list.model.rowCount() == 1
    assert "Safety copy" in window.statusBar().currentMessage()


def test_a_restored_backup_shows_nothing_of_a_person_erased_since(
    window: MainWindow,
    qtbot: QtBot,
    db: DbWorker,
    settle: Settle,
    store: Store,
    add: Callable[..., Client],
    stick: Path,
) -> None:
    person = add(family_name="Zyxwarth", given_names="Quonfeldine")
    made = backup.back_up(store, window.root, stick)
    in_worker(qtbot, db, lambda s: clients.erase_client(s, person.id))

    done, _asked = _restore(window, made.path, [PASSPHRASE], sure=True)
    settle(db)

    assert done and db.is_open
    model = window.case_list.model
    shown = [model.index(r, c).data() for r in range(model.rowCount()) for c in range(2)]
    assert model.rowCount() == 1 and not any("Zyxwarth" in str(v) for v in shown)
    assert "Zyxwarth" not in repr(in_worker(qtbot, db, case_data))


def test_answering_no_leaves_the_case_file_open_and_unchanged(
    window: MainWindow,
    qtbot: QtBot,
    db: DbWorker,
    settle: Settle,
    store: Store,
    add: Callable[..., Client],
    stick: Path,
    snapshot: Callable,
) -> None:
    assert db.is_open
    made = backup.back_up(store, window.root, stick)
    add(family_name="Später", given_names="Bo")
    data = case_data(store)

    done, _asked = _restore(window, made.path, [PASSPHRASE], sure=False)
    settle(db)

    assert not done
    assert in_worker(qtbot, db, lambda open_now: open_now is store) and case_data(store) == data
    assert not backup.list_backups(window.root / "backups")
    assert not (window.root / "backups").exists() or not any((window.root / "backups").iterdir())


def test_backup_on_close_writes_one_and_a_failure_asks(
    window: MainWindow,
    db: DbWorker,
    settle: Settle,
    store: Store,
    stick: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert db.is_open
    backup.save_backup_settings(store, backup.BackupSettings(stick, 10, True))
    assert backup_on_close(window)
    settle(db)
    assert len(backup.list_backups(stick)) == 1

    warned: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text: warned.append(text))
    )
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *_a: QMessageBox.StandardButton.No)
    )
    backup.save_backup_settings(store, backup.BackupSettings(stick / "gone", 10, True))
    assert not backup_on_close(window)
    assert warned == ["The target folder does not exist, so nothing was saved."]


def test_back_up_now_and_open_backups(
    window: MainWindow, db: DbWorker, settle: Settle, store: Store, stick: Path
) -> None:
    assert db.is_open
    backup.save_backup_settings(store, backup.BackupSettings(stick, 10, False))
    back_up_now(window)
    settle(db)
    assert len(backup.list_backups(stick)) == 1
    assert "Backup written" in window.statusBar().currentMessage()
    dialog = open_backups(window)
    settle(db)
    assert dialog is not None and dialog.backups.topLevelItemCount() == 1
    window.lock()
    assert open_backups(window) is None
