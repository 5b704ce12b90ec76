"""Unlocking: a wrong secret keeps the dialog open with one sentence; the right one opens the
case file in the database worker (Argon2id runs there, the dialog waits without freezing)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.services import casefile
from desktop.services.clients import ClientQuery, add_client, list_clients
from desktop.ui.unlock.unlock_dialog import UnlockDialog
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.i18n import set_language

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def recovery_key(opened: casefile.InitResult) -> str:
    add_client(opened.store, {"family_name": "Müller", "given_names": "Anna"})
    opened.store.close()  # the dialog opens its own store
    return opened.recovery_key


@pytest.fixture
def worker(qapp: object) -> Iterator[DbWorker]:
    """A worker with no case file open yet: the dialog opens one into it."""
    db = DbWorker()
    yield db
    db.shutdown()


@pytest.fixture
def dialog(
    qtbot: QtBot, case_root: Path, recovery_key: str, worker: DbWorker
) -> Iterator[UnlockDialog]:
    dialog = UnlockDialog(case_root, worker)
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog


def unlock(dialog: UnlockDialog, qtbot: QtBot) -> None:
    """Click Unlock and wait for the worker's answer (the file opened, or a sentence why not)."""
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.waiting)


def clients_in(worker: DbWorker, qtbot: QtBot) -> int:
    """How many clients the case file open in the worker holds."""
    total: list[int] = []
    worker.run(lambda store: list_clients(store, ClientQuery()).total, total.append)
    qtbot.waitUntil(lambda: bool(total))
    return total[0]


def test_a_wrong_passphrase_keeps_the_dialog_open(
    dialog: UnlockDialog, qtbot: QtBot, worker: DbWorker
) -> None:
    qtbot.keyClicks(dialog.field, "wrong horse battery staple")
    unlock(dialog, qtbot)
    assert dialog.error_text == "The passphrase is not correct."
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.field.text() == ""
    assert not worker.is_open


def test_the_right_passphrase_opens_a_working_store(
    dialog: UnlockDialog, qtbot: QtBot, worker: DbWorker
) -> None:
    assert dialog.field.echoMode() == QLineEdit.EchoMode.Password
    qtbot.keyClicks(dialog.field, "nope nope nope")
    unlock(dialog, qtbot)
    qtbot.keyClicks(dialog.field, PASSPHRASE)
    unlock(dialog, qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.isVisible()
    assert worker.is_open
    assert clients_in(worker, qtbot) == 1


def test_the_recovery_key_opens_the_case_file_too(
    dialog: UnlockDialog, recovery_key: str, qtbot: QtBot, worker: DbWorker
) -> None:
    dialog.mode_toggle.click()
    dialog.field.setText("AAAA-BBBB-CCCC-DDDD")
    unlock(dialog, qtbot)
    assert dialog.error_text == "The recovery key is not correct."
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.field, recovery_key.lower())  # typed from paper, in any case
    unlock(dialog, qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert worker.is_open
    assert clients_in(worker, qtbot) == 1


def test_a_recovery_key_typo_names_its_group(
    dialog: UnlockDialog, qtbot: QtBot, worker: DbWorker
) -> None:
    from desktop.store.keys import format_recovery_key

    dialog.mode_toggle.click()
    key = format_recovery_key(bytes([1]) * 18)  # group 3 is "040G": swap its "4" and "0"
    typo = key[:11] + key[12] + key[11] + key[13:]
    dialog.field.setText(typo)
    unlock(dialog, qtbot)
    assert dialog.error_text == (
        "Group 3 does not match its check characters: please check it for a typo."
    )
    assert dialog.isVisible() and not worker.is_open
    set_language("de")  # the sentence follows the language (events come with the loop)
    german = "Gruppe 3 passt nicht zu ihren Prüfzeichen: bitte prüfen Sie sie auf einen Tippfehler."
    qtbot.waitUntil(lambda: dialog.error_text == german)


def test_switching_back_asks_for_the_passphrase_again(dialog: UnlockDialog) -> None:
    dialog.mode_toggle.click()
    assert dialog.field.echoMode() == QLineEdit.EchoMode.Normal
    assert dialog.mode_toggle.text() == "Unlock with the &passphrase"
    dialog.mode_toggle.click()
    assert dialog.field.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.mode_toggle.text() == "Unlock with the &recovery key"


def test_the_message_is_german_when_the_ui_is_and_follows_a_switch(
    dialog: UnlockDialog, qtbot: QtBot
) -> None:
    set_language("de")
    qtbot.keyClicks(dialog.field, "wrong horse battery staple")
    unlock(dialog, qtbot)
    assert dialog.error_text == "Die Passphrase ist nicht richtig."
    set_language("en")  # Qt posts the LanguageChange events: they arrive with the event loop
    qtbot.waitUntil(lambda: dialog.error_text == "The passphrase is not correct.")


def test_wrong_then_right_passphrase(dialog: UnlockDialog, qtbot: QtBot, worker: DbWorker) -> None:
    qtbot.keyClicks(dialog.field, "wrong horse battery staple")
    unlock(dialog, qtbot)
    assert dialog.error_text and dialog.isVisible()
    qtbot.keyClicks(dialog.field, PASSPHRASE)
    unlock(dialog, qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert worker.is_open


def test_the_dialog_waits_for_the_worker_without_blocking(
    dialog: UnlockDialog, qtbot: QtBot, worker: DbWorker
) -> None:
    qtbot.keyClicks(dialog.field, PASSPHRASE)
    dialog.ok_button.click()
    assert dialog.waiting  # Argon2id runs on the worker; the dialog is still drawn
    assert not dialog.ok_button.isEnabled() and not dialog.field.isEnabled()
    dialog.reject()  # Escape while the file is being opened does not leave it half open
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    assert worker.is_open


def test_another_window_that_unlocked_meanwhile_is_one_sentence(
    dialog: UnlockDialog, qtbot: QtBot, worker: DbWorker, case_root: Path
) -> None:
    """A double double-click: both windows asked; the first one unlocked while this one waited."""
    other = casefile.unlock(case_root, passphrase=PASSPHRASE, use_keyring=False)
    try:
        qtbot.keyClicks(dialog.field, PASSPHRASE)
        unlock(dialog, qtbot)
        assert dialog.error_text == (
            "The case file is in use by another Welcome Desk window or command: close it there "
            "first."
        )
        assert not worker.is_open and dialog.result() != QDialog.DialogCode.Accepted
    finally:
        other.close()
    qtbot.keyClicks(dialog.field, PASSPHRASE)
    unlock(dialog, qtbot)
    assert worker.is_open
