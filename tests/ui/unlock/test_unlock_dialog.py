"""Unlocking: a wrong secret keeps the dialog open with one sentence; the right one opens."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.services import casefile
from desktop.services.clients import add_client
from desktop.store.search import ClientQuery
from desktop.ui.unlock.unlock_dialog import UnlockDialog
from desktop.ui.widgets.i18n import set_language

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def recovery_key(opened: casefile.InitResult) -> str:
    add_client(opened.store, {"family_name": "Müller", "given_names": "Anna"})
    opened.store.close()  # the dialog opens its own store
    return opened.recovery_key


@pytest.fixture
def dialog(qtbot: QtBot, case_root: Path, recovery_key: str) -> Iterator[UnlockDialog]:
    dialog = UnlockDialog(case_root)
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog
    if dialog.store is not None:
        dialog.store.close()


def test_a_wrong_passphrase_keeps_the_dialog_open(dialog: UnlockDialog, qtbot: QtBot) -> None:
    qtbot.keyClicks(dialog.field, "wrong horse battery staple")
    dialog.ok_button.click()
    assert dialog.error_text == "The passphrase is not correct."
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.field.text() == ""
    assert dialog.store is None


def test_the_right_passphrase_opens_a_working_store(dialog: UnlockDialog, qtbot: QtBot) -> None:
    assert dialog.field.echoMode() == QLineEdit.EchoMode.Password
    qtbot.keyClicks(dialog.field, "nope nope nope")
    dialog.ok_button.click()
    qtbot.keyClicks(dialog.field, PASSPHRASE)
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.isVisible()
    assert dialog.store is not None
    assert dialog.store.clients(ClientQuery()).total == 1


def test_the_recovery_key_opens_the_case_file_too(
    dialog: UnlockDialog, recovery_key: str, qtbot: QtBot
) -> None:
    dialog.mode_toggle.click()
    dialog.field.setText("AAAA-BBBB-CCCC-DDDD")
    dialog.ok_button.click()
    assert dialog.error_text == "The recovery key is not correct."
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.field, recovery_key.lower())  # typed from paper, in any case
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.store is not None
    assert dialog.store.clients(ClientQuery()).total == 1


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
    dialog.ok_button.click()
    assert dialog.error_text == "Die Passphrase ist nicht richtig."
    set_language("en")  # Qt posts the LanguageChange events: they arrive with the event loop
    qtbot.waitUntil(lambda: dialog.error_text == "The passphrase is not correct.")


def test_wrong_then_right_passphrase(dialog: UnlockDialog, qtbot: QtBot) -> None:
    qtbot.keyClicks(dialog.field, "wrong horse battery staple")
    dialog.ok_button.click()
    assert dialog.error_text and dialog.isVisible()
    qtbot.keyClicks(dialog.field, PASSPHRASE)
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.store is not None
