"""First start: choose a passphrase, create the case file, put the recovery key away."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import WelcomeDeskError
from desktop.services import casefile
from desktop.services.casefile import Store, passphrase_strength, validate_passphrase
from desktop.ui.recovery_key_page import RecoveryKeyPage

ERROR_STYLE = "color: #b3261e;"


class SetupDialog(QDialog):
    """Two pages: the passphrase, then the recovery key. On success `store` is open."""

    def __init__(self, root: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.root = Path(root)
        self.store: Store | None = None
        self.recovery_key = ""
        self.setWindowTitle(self.tr("Welcome Desk einrichten"))
        self.setMinimumWidth(520)

        self._pages = QStackedWidget()
        self._pages.addWidget(self._passphrase_page())
        self.key_page = RecoveryKeyPage()
        self._pages.addWidget(self.key_page)

        self._buttons = QDialogButtonBox()
        accept = QDialogButtonBox.ButtonRole.AcceptRole
        reject = QDialogButtonBox.ButtonRole.RejectRole
        self.create_button = self._buttons.addButton(self.tr("Fallakte anlegen"), accept)
        self.cancel_button = self._buttons.addButton(self.tr("Abbrechen"), reject)
        self.finish_button = self._buttons.addButton(self.tr("Fertig"), accept)
        self.finish_button.hide()
        self.finish_button.setEnabled(False)
        self.key_page.confirmed.connect(self.finish_button.setEnabled)
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self._pages)
        layout.addWidget(self._buttons)

    def _passphrase_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "Welcome Desk speichert die Fallakte verschlüsselt auf diesem Rechner. Wählen "
                "Sie eine Passphrase mit mindestens 8 Zeichen – am besten mehrere Wörter, die "
                "sonst niemand errät."
            )
        )
        intro.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.textChanged.connect(self._update_strength)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength = QLabel()
        self.remember = QCheckBox(self.tr("Mit meinem Windows-Konto entsperren"))
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.tr("Passphrase:"), self.passphrase)
        form.addRow(self.tr("Wiederholen:"), self.repeat)
        form.addRow("", self.strength)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self._update_strength("")
        return page

    def _update_strength(self, text: str) -> None:
        names = (
            self.tr("sehr schwach"),
            self.tr("schwach"),
            self.tr("mittel"),
            self.tr("stark"),
            self.tr("sehr stark"),
        )
        score = passphrase_strength(text) if text else 0
        self.strength.setText(self.tr("Stärke: {0}").replace("{0}", names[score]))

    def accept(self) -> None:
        if self.store is None:
            self._create()
        elif self.key_page.kept_safe.isChecked():
            super().accept()

    def reject(self) -> None:
        # Once the case file exists, the recovery key must be confirmed before leaving.
        if self.store is None:
            super().reject()

    def _create(self) -> None:
        phrase = self.passphrase.text()
        if phrase != self.repeat.text():
            self._fail(self.tr("Die beiden Passphrasen stimmen nicht überein."))
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            validate_passphrase(phrase)
            result = casefile.init(self.root, phrase, remember_in_keyring=self.remember.isChecked())
        except WelcomeDeskError as error:
            self._fail(error.text("de"))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.passphrase.clear()
        self.repeat.clear()
        self.store = result.store
        self.recovery_key = result.recovery_key
        self.key_page.set_key(result.recovery_key)
        if self.remember.isChecked() and not result.in_keyring:
            self.key_page.set_note(
                self.tr(
                    "Das Windows-Konto konnte nicht zum Entsperren eingerichtet werden; "
                    "Sie entsperren die Fallakte mit der Passphrase."
                )
            )
        self._pages.setCurrentWidget(self.key_page)
        self.create_button.hide()
        self.cancel_button.hide()
        self.finish_button.show()
        self.finish_button.setDefault(True)

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.repeat.clear()
        self.repeat.setFocus()
