"""Save dialogs start in Documents or the folder used last, never the working folder: started
from the Start menu, that may be the program folder, which the next upgrade or uninstall deletes
(a recovery key saved there with it)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from desktop.ui.unlock.setup_dialog import SetupDialog
from desktop.ui.widgets import file_dialogs
from desktop.ui.widgets.db_worker import DbWorker

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A user whose Documents folder exists, running the app from its program folder."""
    home = tmp_path / "Jürgen Müller"
    (home / "Documents").mkdir(parents=True)
    program = tmp_path / "Programs" / "WelcomeDesk"
    program.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))  # no user-dirs.dirs
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    monkeypatch.chdir(program)
    monkeypatch.setattr(file_dialogs, "_last", None)
    yield home


def test_the_recovery_key_is_offered_in_documents_then_where_it_went(
    user: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[str] = []
    stick = user / "USB-Stick"
    stick.mkdir()

    def answer(_parent: object, _caption: str, start: str, *_rest: object) -> tuple[str, str]:
        offered.append(start)
        return str(stick / Path(start).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    worker = DbWorker()
    try:
        dialog = SetupDialog(user / "data", worker)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.passphrase.setText(PASSPHRASE)
        dialog.repeat.setText(PASSPHRASE)
        dialog.create_button.click()
        qtbot.waitUntil(lambda: dialog.created, timeout=10_000)
        dialog.key_page.save_button.click()
        dialog.key_page.save_button.click()
    finally:
        worker.shutdown()

    first, second = (Path(p) for p in offered)
    assert first.is_absolute() and first.parent == user / "Documents"
    assert first.name.endswith(".txt")
    assert Path.cwd() not in first.parents
    assert second.parent == stick  # the folder used last
    assert dialog.recovery_key in (stick / first.name).read_text(encoding="utf-8")


def test_without_documents_the_home_folder_and_never_the_working_folder(user: Path) -> None:
    (user / "Documents").rmdir()
    start = Path(file_dialogs.start_path("statistics.csv"))
    assert start == user / "statistics.csv"
    assert Path(os.getcwd()) not in start.parents


def test_a_folder_that_has_gone_is_not_offered_again(user: Path, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    file_dialogs.remember(stick)
    assert file_dialogs.start_folder() == stick
    stick.rmdir()  # the USB stick was pulled
    assert file_dialogs.start_folder() == user / "Documents"
