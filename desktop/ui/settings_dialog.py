"""Settings: language (switched live), idle lock, office name, keyring, passphrase."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import WelcomeDeskError
from desktop.services import casefile
from desktop.services.casefile import Store, validate_passphrase
from desktop.services.settings import (
    Settings,
    change_passphrase,
    load_settings,
    save_settings,
    set_keyring,
)
from desktop.ui.i18n import LANGUAGES, Retranslating, current_language, set_language
from desktop.ui.setup_dialog import strength_text
from desktop.ui.style import error_label

MIN_IDLE_MINUTES, MAX_IDLE_MINUTES = 1, 240


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
        self.keyring = QCheckBox()
        self.keyring.setChecked(casefile.keyring_configured(self._root))
        self.keyring.clicked.connect(self._keyring_clicked)
        self.change_passphrase_button = QPushButton()
        self.change_passphrase_button.setAutoDefault(False)
        self.change_passphrase_button.clicked.connect(self.change_passphrase)
        self.error = _error_label()

        self._labels = [QLabel() for _ in range(3)]
        form = QFormLayout()
        for text_label, field in zip(
            self._labels, (self.language, self.idle_minutes, self.office_name), strict=True
        ):
            text_label.setBuddy(field)
            form.addRow(text_label, field)
        form.addRow("", self.keyring)
        form.addRow("", self.change_passphrase_button)

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
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        texts = (self.tr("&Language:"), self.tr("&Lock after idle:"), self.tr("&Office name:"))
        for text_label, text in zip(self._labels, texts, strict=True):
            text_label.setText(text)
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.office_name.setPlaceholderText(self.tr("printed on the integration plan"))
        self.keyring.setText(self.tr("&Unlock with my Windows account"))
        self.change_passphrase_button.setText(self.tr("Change &passphrase…"))
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
        self.keyring.setChecked(casefile.keyring_configured(self._root))
        if enabled and not self.keyring.isChecked():
            self._fail(
                self.tr("The Windows account could not be set up for unlocking on this computer.")
            )

    def change_passphrase(self) -> ChangePassphraseDialog:
        """Open the dialog that changes the passphrase (not blocking)."""
        dialog = ChangePassphraseDialog(self._root, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


class ChangePassphraseDialog(Retranslating, QDialog):
    """The old passphrase, the new one twice with a strength hint; errors in one sentence."""

    def __init__(self, root: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._root = Path(root)
        self.old = QLineEdit()
        self.new = QLineEdit()
        self.repeat = QLineEdit()
        for field in (self.old, self.new, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.new.textChanged.connect(self._update_strength)
        self.strength = QLabel()
        self.error = _error_label()
        self._labels = [QLabel() for _ in range(3)]
        form = QFormLayout()
        for text_label, field in zip(self._labels, (self.old, self.new, self.repeat), strict=True):
            text_label.setBuddy(field)
            form.addRow(text_label, field)
        form.addRow("", self.strength)
        buttons = QDialogButtonBox()
        self.change_button = buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.change_button.setDefault(True)
        self.cancel_button = buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Change passphrase"))
        texts = (
            self.tr("&Current passphrase:"),
            self.tr("&New passphrase:"),
            self.tr("&Repeat:"),
        )
        for text_label, text in zip(self._labels, texts, strict=True):
            text_label.setText(text)
        self.change_button.setText(self.tr("C&hange"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._update_strength(self.new.text())

    def _update_strength(self, text: str) -> None:
        self.strength.setText(strength_text(text))

    def accept(self) -> None:
        new = self.new.text()
        if new != self.repeat.text():
            self._fail(self.tr("The two new passphrases are not the same."))
            return
        try:
            validate_passphrase(new)
            change_passphrase(self._root, self.old.text(), new)
        except WelcomeDeskError as error:
            self._fail(error.text(current_language()))
            return
        for field in (self.old, self.new, self.repeat):
            field.clear()
        super().accept()

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.repeat.clear()
