"""First start: the passphrase is checked, the case file created, the recovery key put away."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from desktop.services import casefile
from desktop.services.clients import ClientQuery, list_clients
from desktop.ui.unlock.setup_dialog import SetupDialog
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.i18n import set_language

PASSPHRASE = "correct horse battery staple"
RECOVERY_KEY = re.compile(r"^[A-Z0-9]{4,}(-[A-Z0-9]{4,})+$")


@pytest.fixture
def worker(qapp: object) -> Iterator[DbWorker]:
    """A worker with no case file yet: the dialog creates one in it."""
    db = DbWorker()
    yield db
    db.shutdown()


@pytest.fixture
def dialog(qtbot: QtBot, case_root: Path, worker: DbWorker) -> Iterator[SetupDialog]:
    dialog = SetupDialog(case_root, worker)
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog


def enter(dialog: SetupDialog, qtbot: QtBot, first: str, second: str) -> None:
    """Type both passphrases, click Create and wait until the worker has answered."""
    dialog.passphrase.clear()
    dialog.repeat.clear()
    qtbot.keyClicks(dialog.passphrase, first)
    qtbot.keyClicks(dialog.repeat, second)
    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog.created or dialog.create_button.isEnabled())


def test_different_passphrases_are_refused(
    dialog: SetupDialog, qtbot: QtBot, case_root: Path
) -> None:
    enter(dialog, qtbot, PASSPHRASE, "correct horse battery stapel")
    assert dialog.error.isVisible()
    assert dialog.error.text() == "The two passphrases are not the same."
    assert dialog.isVisible() and not dialog.created
    assert not casefile.exists(case_root)


def test_a_short_passphrase_is_refused(dialog: SetupDialog, qtbot: QtBot, case_root: Path) -> None:
    enter(dialog, qtbot, "short", "short")
    assert dialog.error.text() == "The passphrase needs at least 8 characters."
    assert not casefile.exists(case_root)


def test_the_strength_hint_follows_the_typing(dialog: SetupDialog, qtbot: QtBot) -> None:
    assert dialog.strength.text() == "Strength: very weak"
    qtbot.keyClicks(dialog.passphrase, "aaaaaaaaaa")
    assert dialog.strength.text() == (
        "Strength: very weak – repeats like aaa or abcabc are easy to guess"
    )
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    assert dialog.strength.text() == "Strength: very strong"


def test_a_weak_passphrase_is_refused_with_a_hint(
    dialog: SetupDialog, qtbot: QtBot, case_root: Path
) -> None:
    enter(dialog, qtbot, "password", "password")
    assert dialog.error.text() == (
        "This passphrase is too easy to guess (it is one of the most common passwords): add two "
        "or three uncommon words."
    )
    assert dialog.isVisible() and not dialog.created and not casefile.exists(case_root)


def test_the_hint_is_german_in_the_german_window(
    dialog: SetupDialog, qtbot: QtBot, case_root: Path
) -> None:
    set_language("de")
    enter(dialog, qtbot, "willkommen2024", "willkommen2024")
    assert dialog.strength.text().endswith(
        "– sie enthält den Namen der Stelle, Ihren Namen oder ein Wort aus dem Büroalltag"
    )
    assert dialog.error.text().startswith("Diese Passphrase ist zu leicht zu erraten (sie ")
    assert not casefile.exists(case_root)


def test_a_good_passphrase_creates_the_case_file_and_shows_the_recovery_key(
    dialog: SetupDialog, qtbot: QtBot, case_root: Path, worker: DbWorker
) -> None:
    enter(dialog, qtbot, "wrong", PASSPHRASE)
    enter(dialog, qtbot, PASSPHRASE, PASSPHRASE)
    assert casefile.exists(case_root)
    key = dialog.key_page.key_label.text()
    assert RECOVERY_KEY.match(key)
    assert dialog.key_page.isVisible()
    assert dialog.finish_button.isVisible() and not dialog.finish_button.isEnabled()
    dialog.reject()  # Escape does not skip the key
    assert dialog.isVisible()
    dialog.key_page.kept_safe.click()
    assert dialog.finish_button.isEnabled()
    dialog.finish_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert worker.is_open
    total: list[int] = []
    worker.run(lambda store: list_clients(store, ClientQuery()).total, total.append)
    qtbot.waitUntil(lambda: bool(total))
    assert total == [0]
    worker.close()
    unlocked = casefile.unlock(case_root, recovery_key=key, use_keyring=False)
    unlocked.close()


def test_the_recovery_key_can_be_saved_to_a_file(
    dialog: SetupDialog, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    enter(dialog, qtbot, PASSPHRASE, PASSPHRASE)
    target = tmp_path / "schluessel.txt"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    dialog.key_page.save_button.click()
    assert dialog.recovery_key in target.read_text(encoding="utf-8")


def test_unlocking_with_the_windows_account_can_be_chosen(
    dialog: SetupDialog, qtbot: QtBot, case_root: Path
) -> None:
    dialog.remember.setChecked(True)
    enter(dialog, qtbot, PASSPHRASE, PASSPHRASE)
    assert casefile.keyring_configured(case_root)
    assert dialog.key_page.note.isHidden()


def test_a_german_error_follows_the_language(
    dialog: SetupDialog, qtbot: QtBot, case_root: Path
) -> None:
    set_language("de")
    enter(dialog, qtbot, "short", "short")
    assert dialog.error.text() == "Die Passphrase braucht mindestens 8 Zeichen."
