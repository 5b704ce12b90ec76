"""Settings: language (switched live), idle lock, office name, your name; passphrase and keys."""

from __future__ import annotations

from pathlib import Path

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
    forget_keyring,
    load_settings,
    save_settings,
    set_keyring,
)
from desktop.ui.settings.change_passphrase_dialog import ChangePassphraseDialog
from desktop.ui.settings.recovery_key_dialog import NewRecoveryKeyDialog
from desktop.ui.widgets.i18n import LANGUAGES, Retranslating, current_language, set_language
from desktop.ui.widgets.style import error_label

MIN_IDLE_MINUTES, MAX_IDLE_MINUTES = 1, 240
MAX_COORDINATOR_NAME = 100


def _error_label() -> QLabel:
    error = error_label()
    error.hide()
    return error


class SettingsDialog(Retranslating, QDialog):
    """OK and Apply save the settings and switch the language at once; `applied(Settings)`."""

    applied = Signal(object)

    def __init__(self, store: Store, root: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._root = Path(root)
        current = load_settings(store)

        self.language = QComboBox()
        for code, name in LANGUAGES.items():  # each language named in itself
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(current.language), 0))
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(MIN_IDLE_MINUTES, MAX_IDLE_MINUTES)
        self.idle_minutes.setValue(current.idle_lock_minutes)
        self.office_name = QLineEdit(current.office_name)
        self.coordinator_name = QLineEdit(audit.coordinator_name(store))
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

    def _keys_group(self) -> QGroupBox:
        """Passphrase and keys: the keyring switch, and the three key-care actions."""
        self.keys_group = QGroupBox()
        self.keyring = QCheckBox()
        self.keyring.setChecked(casefile.keyring_configured(self._root))
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
        self._show_keyring_state()
        return self.keys_group

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        texts = (
            self.tr("&Language:"),
            self.tr("&Lock after idle:"),
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
        """Save, and show every window in the chosen language at once."""
        chosen = self.chosen()
        try:
            save_settings(self._store, chosen)
            audit.set_coordinator_name(self._store, self.coordinator_name.text().strip())
        except WelcomeDeskError as error:
            self._fail(error.text(current_language()))
            return False
        self.error.hide()
        if chosen.language != current_language():
            set_language(chosen.language)
        self.applied.emit(chosen)
        return True

    def accept(self) -> None:
        if self.apply():
            super().accept()

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
        try:
            set_keyring(self._root, self._store, passphrase, enabled)
        except WelcomeDeskError as error:
            self.keyring.setChecked(not enabled)
            self._fail(error.text(current_language()))
            return
        self.error.hide()
        self._show_keyring_state()
        if enabled and not self.keyring.isChecked():
            self._fail(
                self.tr("The Windows account could not be set up for unlocking on this computer.")
            )

    def _show_keyring_state(self) -> None:
        in_keyring = casefile.keyring_configured(self._root)
        self.keyring.setChecked(in_keyring)
        self.forget_keyring_button.setEnabled(in_keyring)

    def change_passphrase(self) -> ChangePassphraseDialog:
        """Open the dialog that changes the passphrase (not blocking)."""
        dialog = ChangePassphraseDialog(self._root, self._store, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def new_recovery_key(self) -> NewRecoveryKeyDialog:
        """Open the dialog that makes a new recovery key (not blocking)."""
        dialog = NewRecoveryKeyDialog(self._root, self._store, self)
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
        """Remove the key from the Windows credential store, after a confirmation."""
        if not self.confirm_forget():
            return
        try:
            forget_keyring(self._root, self._store)
        except WelcomeDeskError as error:
            self._fail(error.text(current_language()))
            return
        self.error.hide()
        self._show_keyring_state()

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
