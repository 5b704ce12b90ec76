"""Passphrase and keys from Settings: new recovery key, forget the keyring, your name, German."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from desktop.domain.errors import WrongRecoveryKey
from desktop.services import audit, casefile
from desktop.services.casefile import InitResult
from desktop.store.store import Store
from desktop.ui.settings.recovery_key_dialog import NewRecoveryKeyDialog
from desktop.ui.settings.settings_dialog import SettingsDialog
from desktop.ui.widgets import i18n
from desktop.ui.widgets.db_worker import DbWorker
from tests.ui.fake_german import german_translator
from tests.ui.settings.key_check import opens

PASSPHRASE = "correct horse battery staple"
NEW_PASSPHRASE = "green apple river morning"
WRONG = "wrong horse battery staple"
Settle = Callable[[DbWorker], None]

# A few German texts, as the lead's welcome_desk_de.qm will hold them (from /tmp/wd-i18n/D.json).
GERMAN = {
    "Passphrase and keys": "Passphrase und Schlüssel",
    "New &recovery key…": "Neuer Wieder&herstellungsschlüssel…",
    "&Forget the key in the Windows credential store": (
        "Schlüssel im Windows-Anmeldeinformationsspeicher &vergessen"
    ),
    "&Your name:": "&Ihr Name:",
    "&Make new key": "Neuen Schlüssel &erstellen",
    "I have &written it down / put it in the safe": (
        "Ich habe ihn &aufgeschrieben / in den Tresor gelegt"
    ),
}


FakeGerman = german_translator(GERMAN)


@pytest.fixture
def german(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(i18n, "QTranslator", FakeGerman)
    i18n.set_language("de")
    yield
    i18n.set_language("en")


@pytest.fixture
def dialog(qtbot: QtBot, db: DbWorker, settle: Settle, case_root: Path) -> SettingsDialog:
    dialog = SettingsDialog(db, case_root)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(db)
    return dialog


def open_new_key(dialog: SettingsDialog, qtbot: QtBot) -> NewRecoveryKeyDialog:
    new_key = dialog.new_recovery_key()
    qtbot.waitUntil(new_key.isVisible)
    return new_key


def pdf_text(path: Path) -> str:
    """The printed words, single-spaced (pypdf separates words by tabs)."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_a_new_recovery_key_replaces_the_old_one(
    dialog: SettingsDialog,
    opened: InitResult,
    case_root: Path,
    qtbot: QtBot,
    tmp_path: Path,
    db: DbWorker,
    settle: Settle,
) -> None:
    old = opened.recovery_key
    new_key = open_new_key(dialog, qtbot)
    assert "the old key stops working" in new_key.explanation.text()
    new_key.passphrase.setText(WRONG)
    new_key.make_button.click()
    settle(db)
    assert new_key.error.text() == "The passphrase is not correct."
    opens(case_root, recovery_key=old)

    new_key.passphrase.setText(PASSPHRASE)
    new_key.make_button.click()
    settle(db)
    key = new_key.recovery_key
    assert key and key != old and new_key.passphrase.text() == ""
    assert new_key.key_label.text().replace("\n", "-") == key
    assert new_key.key_label.isVisible() and not new_key.close_button.isEnabled()
    with pytest.raises(WrongRecoveryKey):
        opens(case_root, recovery_key=old)
    opens(case_root, recovery_key=key)
    opens(case_root, passphrase=PASSPHRASE)

    new_key.copy_button.click()
    assert QGuiApplication.clipboard().text() == key
    pdf = tmp_path / "key.pdf"

    def pdf_printer() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf))
        return printer

    new_key.choose_printer = pdf_printer  # type: ignore[method-assign]
    new_key.print_button.click()
    printed = pdf_text(pdf)
    assert "Welcome Desk – recovery key" in printed
    # pypdf may split a line at a hyphen: compare the key's characters, in order
    assert key.replace("-", "") in printed.replace("-", "").replace(" ", "")

    new_key.reject()  # Escape: the new key must be put away first
    assert new_key.isVisible()
    new_key.written_down.setChecked(True)
    assert new_key.close_button.isEnabled()
    new_key.close_button.click()
    assert not new_key.isVisible()
    events = audit.trail(opened.store, actions=["recovery_key_renewed"])
    assert len(events) == 1 and key not in repr(events[0].detail)


def test_cancelling_before_the_key_is_made_changes_nothing(
    dialog: SettingsDialog, opened: InitResult, case_root: Path, qtbot: QtBot
) -> None:
    before = (case_root / "keys.json").read_bytes()
    new_key = open_new_key(dialog, qtbot)
    new_key.passphrase.setText(PASSPHRASE)
    new_key.cancel_button.click()
    assert not new_key.isVisible()
    assert (case_root / "keys.json").read_bytes() == before


def test_the_key_is_forgotten_in_the_windows_credential_store(
    dialog: SettingsDialog,
    case_root: Path,
    monkeypatch: pytest.MonkeyPatch,
    _isolated_keyring: Any,
    db: DbWorker,
    settle: Settle,
) -> None:
    assert not dialog.forget_keyring_button.isEnabled()
    monkeypatch.setattr(dialog, "ask_passphrase", lambda: PASSPHRASE)
    dialog.keyring.click()
    settle(db)
    assert dialog.keyring.isChecked() and dialog.forget_keyring_button.isEnabled()
    assert _isolated_keyring.entries

    monkeypatch.setattr(dialog, "confirm_forget", lambda: False)
    dialog.forget_keyring_button.click()
    settle(db)
    assert _isolated_keyring.entries and casefile.keyring_configured(case_root)

    monkeypatch.setattr(dialog, "confirm_forget", lambda: True)
    dialog.forget_keyring_button.click()
    settle(db)
    assert _isolated_keyring.entries == {}
    assert not casefile.keyring_configured(case_root)
    assert not dialog.keyring.isChecked() and not dialog.forget_keyring_button.isEnabled()
    with pytest.raises(ValueError):  # no key from the OS store any more
        opens(case_root, use_keyring=True)


def test_a_passphrase_changed_in_the_dialog_unlocks(
    dialog: SettingsDialog,
    store: Store,
    case_root: Path,
    qtbot: QtBot,
    db: DbWorker,
    settle: Settle,
) -> None:
    change = dialog.change_passphrase()
    qtbot.waitUntil(change.isVisible)
    change.old.setText(PASSPHRASE)
    change.new.setText(NEW_PASSPHRASE)
    change.repeat.setText(NEW_PASSPHRASE)
    with qtbot.waitSignal(change.finished):  # closed (and deleted soon) once it is changed
        change.change_button.click()
    assert not change.isVisible()
    settle(db)
    opens(case_root, passphrase=NEW_PASSPHRASE)
    assert [e.action for e in audit.trail(store, actions=["passphrase_changed"])] == [
        "passphrase_changed"
    ]


def test_your_name_is_saved_for_the_audit_trail(
    dialog: SettingsDialog,
    store: Store,
    qtbot: QtBot,
    case_root: Path,
    db: DbWorker,
    settle: Settle,
) -> None:
    assert dialog.coordinator_name.text() == audit.coordinator_name(store)
    dialog.coordinator_name.setText("  Anna Schütz ")
    dialog.apply_button.click()
    settle(db)
    assert audit.coordinator_name(store) == "Anna Schütz"
    again = SettingsDialog(db, case_root)
    qtbot.addWidget(again)
    settle(db)
    assert again.coordinator_name.text() == "Anna Schütz"


def test_the_key_care_speaks_german(
    german: None,
    dialog: SettingsDialog,
    opened: InitResult,
    case_root: Path,
    qtbot: QtBot,
    db: DbWorker,
    settle: Settle,
) -> None:
    assert dialog.keys_group.title() == "Passphrase und Schlüssel"
    assert dialog.new_recovery_key_button.text() == "Neuer Wieder&herstellungsschlüssel…"
    assert dialog.forget_keyring_button.text() == (
        "Schlüssel im Windows-Anmeldeinformationsspeicher &vergessen"
    )
    new_key = open_new_key(dialog, qtbot)
    assert new_key.make_button.text() == "Neuen Schlüssel &erstellen"
    new_key.passphrase.setText(WRONG)
    new_key.make_button.click()
    settle(db)
    assert new_key.error.text() == "Die Passphrase ist nicht richtig."
    new_key.passphrase.setText(PASSPHRASE)
    new_key.make_button.click()
    settle(db)
    assert new_key.written_down.text() == "Ich habe ihn &aufgeschrieben / in den Tresor gelegt"
    new_key.written_down.setChecked(True)
    new_key.close_button.click()
    opens(case_root, recovery_key=new_key.recovery_key)


def test_the_dialogs_wait_for_the_worker_with_their_buttons_disabled(
    qtbot: QtBot,
    db: DbWorker,
    settle: Settle,
    case_root: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = SettingsDialog(db, case_root)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok_button.isEnabled() and not dialog.apply_button.isEnabled()
    settle(db)  # the saved settings are shown: now they can be saved
    assert dialog.ok_button.isEnabled() and dialog.apply_button.isEnabled()

    monkeypatch.setattr(dialog, "ask_passphrase", lambda: PASSPHRASE)
    dialog.keyring.click()  # Argon2id on the worker: the dialog answers, its buttons wait
    assert not dialog.keyring.isEnabled() and not dialog.ok_button.isEnabled()
    dialog.reject()
    assert dialog.isVisible()
    settle(db)
    assert dialog.keyring.isEnabled() and dialog.keyring.isChecked()

    new_key = open_new_key(dialog, qtbot)
    new_key.passphrase.setText(PASSPHRASE)
    new_key.make_button.click()
    assert new_key.waiting
    assert not new_key.make_button.isEnabled() and not new_key.cancel_button.isEnabled()
    new_key.reject()  # the old key may already be gone: the dialog stays for the new one
    assert new_key.isVisible()
    settle(db)
    assert not new_key.waiting and new_key.recovery_key
    assert new_key.key_label.isVisible()
    new_key.written_down.setChecked(True)
    new_key.close_button.click()

    change = dialog.change_passphrase()
    qtbot.waitUntil(change.isVisible)
    change.old.setText(PASSPHRASE)
    change.new.setText(NEW_PASSPHRASE)
    change.repeat.setText(NEW_PASSPHRASE)
    change.change_button.click()
    assert change.waiting and not change.change_button.isEnabled()
    assert not change.cancel_button.isEnabled()
    change.reject()
    assert change.isVisible()
    with qtbot.waitSignal(change.finished):
        pass  # the worker changes the passphrase, then the dialog closes
    assert not change.waiting and not change.isVisible()
    settle(db)
    opens(case_root, passphrase=NEW_PASSPHRASE)
