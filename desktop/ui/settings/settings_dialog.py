"""Settings: language (switched live), idle lock, office name, your name; passphrase and keys.

The settings are read on the database worker when the dialog is built (OK and Apply wait for
them) and saved there; the key care (the keyring switch, forgetting the key, and the dialogs for
the passphrase and the recovery key) runs there too, so Argon2id never freezes the window.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import WelcomeDeskError
from desktop.services import audit, casefile
from desktop.services.casefile import Store
from desktop.services.settings import (
    Settings,
    check_settings,
    forget_keyring,
    load_settings,
    save_settings,
    set_keyring,
)
from desktop.ui.settings.change_passphrase_dialog import ChangePassphraseDialog
from desktop.ui.settings.recovery_key_dialog import NewRecoveryKeyDialog
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.errors import error_text
from desktop.ui.widgets.geometry import fit_to_screen
from desktop.ui.widgets.i18n import LANGUAGES, Retranslating, current_language, set_language
from desktop.ui.widgets.style import error_label

MIN_IDLE_MINUTES, MAX_IDLE_MINUTES = 1, 240
MAX_COORDINATOR_NAME = 100


@dataclass(frozen=True)
class _Current:
    """What the dialog shows when it opens."""

    settings: Settings
    coordinator_name: str
    in_keyring: bool


def _read(store: Store, root: Path) -> _Current:
    """On the worker: the saved settings, your name, whether the keyring unlocks."""
    return _Current(
        load_settings(store), audit.coordinator_name(store), casefile.keyring_configured(root)
    )


def _save_settings(store: Store, settings: Settings, coordinator_name: str) -> None:
    """On the worker: the settings, then your name."""
    save_settings(store, settings)
    audit.set_coordinator_name(store, coordinator_name)


def _switch_keyring(store: Store, root: Path, passphrase: str, enabled: bool) -> bool:
    """On the worker: keyring on or off; True if it unlocks the case file now."""
    set_keyring(root, store, passphrase, enabled)
    return casefile.keyring_configured(root)


def _forget_keyring(store: Store, root: Path) -> bool:
    """On the worker: the key out of the OS store; True if the keyring still unlocks."""
    forget_keyring(root, store)
    return casefile.keyring_configured(root)


def _error_label() -> QLabel:
    error = error_label()
    error.hide()
    return error


class SettingsDialog(Retranslating, QDialog):
    """OK and Apply save the settings and switch the language at once; `applied(Settings)`.

    The settings are read on the worker of `db`; until they are there, OK, Apply and the key
    care wait (disabled). While a save or a key change runs, the buttons wait for it.
    """

    applied = Signal(object)

    def __init__(self, db: DbWorker, root: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # never past the screen, however long its texts
        self._db = db
        self._root = Path(root)
        self._loaded = False  # the saved settings are shown
        self._busy = False  # a save or a key change is on its way
        self._in_keyring = False
        current = Settings()  # shown until the saved settings arrive

        self.language = QComboBox()
        for code, name in LANGUAGES.items():  # each language named in itself
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(current.language), 0))
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(MIN_IDLE_MINUTES, MAX_IDLE_MINUTES)
        self.idle_minutes.setValue(current.idle_lock_minutes)
        self.office_name = QLineEdit(current.office_name)
        self.coordinator_name = QLineEdit()
        self.coordinator_name.setMaxLength(MAX_COORDINATOR_NAME)
        self.error = _error_label()

        self._labels = [QLabel() for _ in range(4)]
        form = QFormLayout()
        fields = (self.language, self.idle_minutes, self.office_name, self.coordinator_name)
        for text_label, field in zip(self._labels, fields, strict=True):
            text_label.setBuddy(field)
            form.addRow(text_label, field)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.apply_button = buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button.clicked.connect(self.apply)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._keys_group())
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        self.retranslate()
        self._update_buttons()
        root = self._root
        db.run(lambda store: _read(store, root), self._fill)

    def _keys_group(self) -> QGroupBox:
        """Passphrase and keys: the keyring switch, and the three key-care actions."""
        self.keys_group = QGroupBox()
        self.keyring = QCheckBox()
        self.keyring.clicked.connect(self._keyring_clicked)
        self.change_passphrase_button = QPushButton()
        self.change_passphrase_button.clicked.connect(self.change_passphrase)
        self.new_recovery_key_button = QPushButton()
        self.new_recovery_key_button.clicked.connect(self.new_recovery_key)
        self.forget_keyring_button = QPushButton()
        self.forget_keyring_button.clicked.connect(self.forget_keyring)
        layout = QVBoxLayout(self.keys_group)
        layout.addWidget(self.keyring)
        for button in (
            self.change_passphrase_button,
            self.new_recovery_key_button,
            self.forget_keyring_button,
        ):
            button.setAutoDefault(False)
            layout.addWidget(button)
        return self.keys_group

    def _fill(self, current: _Current) -> None:
        if not shiboken6.isValid(self):  # closed and deleted while the settings were read
            return
        settings = current.settings
        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))
        self.idle_minutes.setValue(settings.idle_lock_minutes)
        self.office_name.setText(settings.office_name)
        self.coordinator_name.setText(current.coordinator_name)
        self._loaded = True
        self._show_keyring_state(current.in_keyring)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        texts = (
            self.tr("&Language:"),
            self.tr("Loc&k after idle:"),
            self.tr("&Office name:"),
            self.tr("&Your name:"),
        )
        for text_label, text in zip(self._labels, texts, strict=True):
            text_label.setText(text)
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.office_name.setPlaceholderText(self.tr("printed on the integration plan"))
        self.coordinator_name.setPlaceholderText(self.tr("who works at this computer"))
        self.keys_group.setTitle(self.tr("Passphrase and keys"))
        self.keyring.setText(self.tr("&Unlock with my Windows account"))
        self.change_passphrase_button.setText(self.tr("Change &passphrase…"))
        self.new_recovery_key_button.setText(self.tr("New &recovery key…"))
        self.forget_keyring_button.setText(
            self.tr("&Forget the key in the Windows credential store")
        )
        self.ok_button.setText(self.tr("OK"))
        self.apply_button.setText(self.tr("&Apply"))
        self.cancel_button.setText(self.tr("Cancel"))

    def chosen(self) -> Settings:
        """The settings as the dialog shows them now."""
        return Settings(
            language=str(self.language.currentData()),
            idle_lock_minutes=self.idle_minutes.value(),
            office_name=self.office_name.text().strip(),
        )

    def apply(self) -> bool:
        """Save on the worker; once saved, every window shows the chosen language at once and
        `applied` is emitted. False if a value is refused at once (or nothing can be saved yet)."""
        return self._save(close=False)

    def accept(self) -> None:
        """Save like `apply()`, and close once the settings are saved."""
        self._save(close=True)

    def reject(self) -> None:
        if not self._busy:  # a save or a key change is on its way: wait for it
            super().reject()

    def _save(self, *, close: bool) -> bool:
        if not self._loaded or self._busy:
            return False
        chosen = self.chosen()
        name = self.coordinator_name.text().strip()
        try:
            check_settings(chosen)
        except WelcomeDeskError as error:
            self._fail(error.text(current_language()))
            return False
        self._set_busy(True)
        self._db.run(
            lambda store: _save_settings(store, chosen, name),
            lambda _done: self._saved(chosen, close),
            self._failed,
        )
        return True

    def _saved(self, chosen: Settings, close: bool) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_busy(False)
        self.error.hide()
        if chosen.language != current_language():
            set_language(chosen.language)
        self.applied.emit(chosen)
        if close:
            super().accept()

    def _failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_busy(False)
        self._fail(error_text(error))

    def ask_passphrase(self) -> str | None:
        """The current passphrase, asked for in a small prompt (None if cancelled)."""
        text, ok = QInputDialog.getText(
            self,
            self.tr("Passphrase"),
            self.tr("Please enter your passphrase to confirm:"),
            QLineEdit.EchoMode.Password,
        )
        return text if ok and text else None

    def _keyring_clicked(self, enabled: bool) -> None:
        passphrase = self.ask_passphrase()
        if passphrase is None:
            self.keyring.setChecked(not enabled)
            return
        root = self._root
        self._set_busy(True)  # Argon2id on the worker: the dialog stays responsive
        self._db.run(
            lambda store: _switch_keyring(store, root, passphrase, enabled),
            lambda in_keyring: self._keyring_switched(enabled, in_keyring),
            lambda error: self._keyring_failed(enabled, error),
        )

    def _keyring_switched(self, enabled: bool, in_keyring: bool) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_busy(False)
        self.error.hide()
        self._show_keyring_state(in_keyring)
        if enabled and not in_keyring:
            self._fail(
                self.tr("The Windows account could not be set up for unlocking on this computer.")
            )

    def _keyring_failed(self, enabled: bool, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_busy(False)
        self.keyring.setChecked(not enabled)
        self._fail(error_text(error))

    def _show_keyring_state(self, in_keyring: bool) -> None:
        self._in_keyring = in_keyring
        self.keyring.setChecked(in_keyring)
        self._update_buttons()

    def change_passphrase(self) -> ChangePassphraseDialog:
        """Open the dialog that changes the passphrase (not blocking)."""
        dialog = ChangePassphraseDialog(self._db, self._root, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def new_recovery_key(self) -> NewRecoveryKeyDialog:
        """Open the dialog that makes a new recovery key (not blocking)."""
        dialog = NewRecoveryKeyDialog(self._db, self._root, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def confirm_forget(self) -> bool:
        """Ask before the key leaves the Windows credential store."""
        answer = QMessageBox.question(
            self,
            self.tr("Forget the key"),
            self.tr(
                "Remove the key from the Windows credential store? Afterwards you unlock the "
                "case file with your passphrase."
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def forget_keyring(self) -> None:
        """Remove the key from the Windows credential store (on the worker), after a
        confirmation."""
        if self._busy or not self.confirm_forget():
            return
        root = self._root
        self._set_busy(True)
        self._db.run(lambda store: _forget_keyring(store, root), self._forgotten, self._failed)

    def _forgotten(self, in_keyring: bool) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_busy(False)
        self.error.hide()
        self._show_keyring_state(in_keyring)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def _update_buttons(self) -> None:
        """OK, Apply and the key care wait for the saved settings and for work on its way."""
        ready = self._loaded and not self._busy
        for widget in (
            self.ok_button,
            self.apply_button,
            self.keyring,
            self.change_passphrase_button,
            self.new_recovery_key_button,
        ):
            widget.setEnabled(ready)
        self.cancel_button.setEnabled(not self._busy)
        self.forget_keyring_button.setEnabled(ready and self._in_keyring)

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
