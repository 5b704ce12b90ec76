"""The backups dialog and the window's backup functions, over a real case file offscreen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.domain.model import Client
from desktop.services import backup
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

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def window(qtbot: QtBot, store: Store, case_root: Path, add: Callable[..., Client]) -> MainWindow:
    add(family_name="Müller", given_names="Anna")
    window = MainWindow(store, case_root)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


def test_the_dialog_keeps_its_settings_and_backs_up_now(
    qtbot: QtBot, store: Store, case_root: Path, stick: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: str(stick))
    )
    dialog = BackupsDialog(store, case_root)
    qtbot.addWidget(dialog)
    dialog.keep.setValue(3)
    dialog.on_close.setChecked(True)
    dialog.back_up_button.click()  # no folder yet: asks for one, then writes the backup
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
    window: MainWindow, add: Callable[..., Client], stick: Path
) -> None:
    assert window.store is not None
    before = case_data(window.store)
    made = backup.back_up(window.store, window.root, stick)
    add(family_name="Später", given_names="Bo")

    done, asked = _restore(window, made.path, ["wrong passphrase", PASSPHRASE], sure=True)

    assert done
    assert asked == ["", "The passphrase is not correct."]
    assert window.store is not None and case_data(window.store) == before
    assert window.case_list.model.rowCount() == 1
    assert "Safety copy" in window.statusBar().currentMessage()


def test_answering_no_leaves_the_case_file_open_and_unchanged(
    window: MainWindow, add: Callable[..., Client], stick: Path, snapshot: Callable
) -> None:
    assert window.store is not None
    made = backup.back_up(window.store, window.root, stick)
    add(family_name="Später", given_names="Bo")
    store = window.store
    data = case_data(store)

    done, _asked = _restore(window, made.path, [PASSPHRASE], sure=False)

    assert not done
    assert window.store is store and case_data(store) == data
    assert not backup.list_backups(window.root / "backups")
    assert not (window.root / "backups").exists() or not any((window.root / "backups").iterdir())


def test_backup_on_close_writes_one_and_a_failure_asks(
    window: MainWindow, stick: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.store is not None
    backup.save_backup_settings(window.store, backup.BackupSettings(stick, 10, True))
    assert backup_on_close(window)
    assert len(backup.list_backups(stick)) == 1

    warned: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text: warned.append(text))
    )
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *_a: QMessageBox.StandardButton.No)
    )
    backup.save_backup_settings(window.store, backup.BackupSettings(stick / "gone", 10, True))
    assert not backup_on_close(window)
    assert warned == ["The target folder does not exist, so nothing was saved."]


def test_back_up_now_and_open_backups(window: MainWindow, stick: Path) -> None:
    assert window.store is not None
    backup.save_backup_settings(window.store, backup.BackupSettings(stick, 10, False))
    back_up_now(window)
    assert len(backup.list_backups(stick)) == 1
    assert "Backup written" in window.statusBar().currentMessage()
    dialog = open_backups(window)
    assert dialog is not None and dialog.backups.topLevelItemCount() == 1
    window.lock()
    assert open_backups(window) is None
