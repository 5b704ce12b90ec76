"""Settings: saved in the case file, language switched live, keyring and passphrase changed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from desktop.domain.catalogues import ResidenceStatus
from desktop.domain.model import Client
from desktop.services import casefile
from desktop.services.settings import Settings, load_settings, save_settings
from desktop.store.store import Store
from desktop.ui.case_list.case_list import CaseList
from desktop.ui.settings.settings_dialog import SettingsDialog
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.widgets import i18n
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.workspace.case_workspace import CaseWorkspace
from tests.ui.fake_german import german_translator
from tests.ui.settings.key_check import opens

PASSPHRASE = "correct horse battery staple"
NEW_PASSPHRASE = "green apple river morning"
Settle = Callable[[DbWorker], None]

# A few German texts, as the lead's welcome_desk_de.qm will hold them.
GERMAN = {
    "&Case file": "&Fallakte",
    "&View": "&Ansicht",
    "&Sync": "A&bgleich",
    "&Reports": "A&uswertungen",
    "Data &protection": "Datens&chutz",
    "&Help": "&Hilfe",
    "&Lock": "&Sperren",
    "Open &measures": "Offene &Maßnahmen",
    "Settings": "Einstellungen",
    "&Overview": "&Überblick",
}


FakeGerman = german_translator(GERMAN)


@pytest.fixture
def german_catalogue(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(i18n, "QTranslator", FakeGerman)
    yield
    i18n.set_language("en")


@pytest.fixture
def window(
    qtbot: QtBot, case_root: Path, add: Callable[..., Client], db: DbWorker, settle: Settle
) -> MainWindow:
    add(family_name="Müller", given_names="Anna")
    window = MainWindow(db, case_root)
    qtbot.addWidget(window)
    window.show()
    settle(db)
    return window


@pytest.fixture
def dialog(qtbot: QtBot, window: MainWindow, db: DbWorker, settle: Settle) -> SettingsDialog:
    dialog = window.open_settings()
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    settle(db)
    return dialog


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_the_dialog_shows_the_saved_settings(
    qtbot: QtBot, store: Store, case_root: Path, db: DbWorker, settle: Settle
) -> None:
    settle(db)
    save_settings(store, Settings(language="en", idle_lock_minutes=25, office_name="KIM Kassel"))
    dialog = SettingsDialog(db, case_root)
    qtbot.addWidget(dialog)
    settle(db)
    assert dialog.language.currentData() == "en" and dialog.language.currentText() == "English"
    assert dialog.idle_minutes.value() == 25
    assert (dialog.idle_minutes.minimum(), dialog.idle_minutes.maximum()) == (1, 240)
    assert dialog.office_name.text() == "KIM Kassel"
    assert not dialog.keyring.isChecked()


def test_ok_saves_and_the_idle_lock_takes_the_new_time(
    dialog: SettingsDialog, window: MainWindow, store: Store, db: DbWorker, settle: Settle
) -> None:
    assert window.idle_lock.timeout_ms == 10 * 60_000
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.idle_minutes.setValue(5)
    dialog.office_name.setText("Welcome Center Kassel")
    dialog.ok_button.click()
    settle(db)
    assert load_settings(store) == Settings("en", 5, "Welcome Center Kassel")
    assert window.idle_lock.timeout_ms == 5 * 60_000


def test_an_invalid_value_is_said_in_one_sentence(
    dialog: SettingsDialog, store: Store, db: DbWorker, settle: Settle
) -> None:
    dialog.office_name.setText("x" * 300)
    dialog.ok_button.click()
    settle(db)
    assert dialog.isVisible()
    assert dialog.error.text() == "The office name may have at most 200 characters."
    assert load_settings(store).office_name == ""


def test_the_language_switches_without_restart(
    german_catalogue: None,
    dialog: SettingsDialog,
    window: MainWindow,
    qtbot: QtBot,
    db: DbWorker,
    settle: Settle,
) -> None:
    assert menu_titles(window) == [
        "&Case file",
        "&View",
        "&Sync",
        "&Reports",
        "Data &protection",
        "&Help",
    ]
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    dialog.apply_button.click()
    settle(db)
    assert i18n.current_language() == "de"
    qtbot.waitUntil(
        lambda: (
            menu_titles(window)
            == ["&Fallakte", "&Ansicht", "A&bgleich", "A&uswertungen", "Datens&chutz", "&Hilfe"]
        )
    )
    assert window.case_list.measures_filter.text() == "Offene &Maßnahmen"
    assert dialog.windowTitle() == "Einstellungen"
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu) and "&Sperren" in [a.text() for a in file_menu.actions()]
    statuses = window.case_list.status_filter  # domain labels follow the language too
    assert statuses.itemText(1) == ResidenceStatus.ASYLUM_PROCEDURE.label("de")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.apply_button.click()
    settle(db)
    qtbot.waitUntil(
        lambda: (
            menu_titles(window)
            == ["&Case file", "&View", "&Sync", "&Reports", "Data &protection", "&Help"]
        )
    )
    assert window.case_list.measures_filter.text() == "Open &measures"


def test_every_widget_of_the_window_retranslates(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """English set again keeps English texts, and every Retranslating widget ran retranslate."""
    calls: list[str] = []
    for cls in (MainWindow, CaseList, CaseWorkspace):
        original = cls.retranslate

        def counting(self: QObject, original: Callable[[QObject], None] = original) -> None:
            calls.append(type(self).__name__)
            original(self)

        monkeypatch.setattr(cls, "retranslate", counting)
    i18n.set_language("en")
    qtbot.waitUntil(lambda: "MainWindow" in calls)
    assert {"MainWindow", "CaseList", "CaseWorkspace"} <= set(calls)
    assert menu_titles(window) == [
        "&Case file",
        "&View",
        "&Sync",
        "&Reports",
        "Data &protection",
        "&Help",
    ]


def test_the_windows_account_can_be_turned_on_and_off(
    dialog: SettingsDialog,
    case_root: Path,
    monkeypatch: pytest.MonkeyPatch,
    db: DbWorker,
    settle: Settle,
) -> None:
    monkeypatch.setattr(dialog, "ask_passphrase", lambda: "wrong horse battery staple")
    dialog.keyring.click()
    settle(db)
    assert not dialog.keyring.isChecked()
    assert dialog.error.text() == "The passphrase is not correct."
    assert not casefile.keyring_configured(case_root)
    monkeypatch.setattr(dialog, "ask_passphrase", lambda: PASSPHRASE)
    dialog.keyring.click()
    settle(db)
    assert dialog.keyring.isChecked() and dialog.error.isHidden()
    assert casefile.keyring_configured(case_root)
    opens(case_root, use_keyring=True)
    dialog.keyring.click()
    settle(db)
    assert not dialog.keyring.isChecked() and not casefile.keyring_configured(case_root)


def test_cancelling_the_passphrase_prompt_changes_nothing(
    dialog: SettingsDialog,
    case_root: Path,
    monkeypatch: pytest.MonkeyPatch,
    db: DbWorker,
    settle: Settle,
) -> None:
    monkeypatch.setattr(dialog, "ask_passphrase", lambda: None)
    dialog.keyring.click()
    settle(db)
    assert not dialog.keyring.isChecked() and not casefile.keyring_configured(case_root)


def test_a_weak_new_passphrase_is_refused_with_a_hint(
    dialog: SettingsDialog,
    case_root: Path,
    store: Store,
    qtbot: QtBot,
    db: DbWorker,
    settle: Settle,
) -> None:
    save_settings(store, Settings(office_name="Integrationsbüro Hohenlimburg"))
    change = dialog.change_passphrase()
    qtbot.waitUntil(change.isVisible)
    change.old.setText(PASSPHRASE)
    for field in (change.new, change.repeat):
        field.setText("password")
    assert change.strength.text() == (
        "Strength: very weak – it is one of the most common passwords"
    )
    change.change_button.click()
    assert change.isVisible() and change.error.text() == (
        "This passphrase is too easy to guess (it is one of the most common passwords): add two "
        "or three uncommon words."
    )
    # strong for a stranger, but the office's name is the first guess: the worker refuses it
    for field in (change.new, change.repeat):
        field.setText("Hohenlimburg2026!")
    change.change_button.click()
    settle(db)
    assert change.isVisible() and change.error.text() == (
        "This passphrase is too easy to guess (it contains the office's name, your name or a "
        "word of the office): add two or three uncommon words."
    )
    opens(case_root, passphrase=PASSPHRASE)


def test_the_passphrase_can_be_changed(
    dialog: SettingsDialog, case_root: Path, qtbot: QtBot, db: DbWorker, settle: Settle
) -> None:
    change = dialog.change_passphrase()
    qtbot.waitUntil(change.isVisible)
    qtbot.keyClicks(change.old, "wrong horse battery staple")
    qtbot.keyClicks(change.new, NEW_PASSPHRASE)
    qtbot.keyClicks(change.repeat, NEW_PASSPHRASE)
    assert change.strength.text().startswith("Strength: ")
    change.change_button.click()
    settle(db)
    assert change.isVisible() and change.error.text() == "The passphrase is not correct."
    change.old.setText(PASSPHRASE)
    change.repeat.setText("green apple river evening")
    change.change_button.click()
    assert change.error.text() == "The two new passphrases are not the same."
    change.repeat.setText(NEW_PASSPHRASE)
    with qtbot.waitSignal(change.finished):  # closed (and deleted soon) once it is changed
        change.change_button.click()
    assert not change.isVisible()
    opens(case_root, passphrase=NEW_PASSPHRASE)
    with pytest.raises(Exception):  # noqa: B017 - the old one no longer opens the case file
        opens(case_root, passphrase=PASSPHRASE)
