"""Asks for the passphrase (or the recovery key) and opens the case file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import CannotUnlock
from desktop.services import casefile
from desktop.services.casefile import Store

ERROR_STYLE = "color: #b3261e;"


class UnlockDialog(QDialog):
    """On success `store` holds the open case file; a wrong secret keeps the dialog open."""

    def __init__(self, root: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.root = Path(root)
        self.store: Store | None = None
        self._with_recovery_key = False
        self.setWindowTitle(self.tr("Fallakte entsperren"))

        self._prompt = QLabel()
        self._prompt.setWordWrap(True)
        self._field = QLineEdit()
        self._error = QLabel()
        self._error.setStyleSheet(ERROR_STYLE)
        self._error.setWordWrap(True)
        self._error.hide()
        self._toggle = QPushButton()
        self._toggle.setFlat(True)
        self._toggle.setCursor(Qt.CursorShape.PointingHandCursor)
        self._toggle.setAutoDefault(False)
        self._toggle.clicked.connect(self._switch_mode)

        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(
            self.tr("Entsperren"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setDefault(True)
        buttons.addButton(self.tr("Abbrechen"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self._prompt)
        layout.addWidget(self._field)
        layout.addWidget(self._error)
        layout.addWidget(self._toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self._show_mode()

    @property
    def field(self) -> QLineEdit:
        """The passphrase (or recovery key) field."""
        return self._field

    @property
    def error_text(self) -> str:
        """The message shown after a failed attempt ("" if none)."""
        return self._error.text() if not self._error.isHidden() else ""

    @property
    def mode_toggle(self) -> QPushButton:
        return self._toggle

    def accept(self) -> None:
        secret = self._field.text()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if self._with_recovery_key:
                store = casefile.unlock(self.root, recovery_key=secret, use_keyring=False)
            else:
                store = casefile.unlock(self.root, passphrase=secret, use_keyring=False)
        except CannotUnlock as error:
            self._fail(error.text("de"))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.store = store
        self._field.clear()
        super().accept()

    def _fail(self, message: str) -> None:
        self._error.setText(message)
        self._error.show()
        self._field.clear()
        self._field.setFocus()

    def _switch_mode(self) -> None:
        self._with_recovery_key = not self._with_recovery_key
        self._field.clear()
        self._error.hide()
        self._show_mode()
        self._field.setFocus()

    def _show_mode(self) -> None:
        if self._with_recovery_key:
            self._prompt.setText(
                self.tr(
                    "Geben Sie den Wiederherstellungsschlüssel ein, den Sie beim Einrichten "
                    "ausgedruckt oder gespeichert haben."
                )
            )
            # Typed from paper: the user must see what they type.
            self._field.setEchoMode(QLineEdit.EchoMode.Normal)
            self._field.setPlaceholderText("XXXX-XXXX-XXXX-…")
            self._toggle.setText(self.tr("Mit Passphrase entsperren"))
        else:
            self._prompt.setText(
                self.tr("Die Fallakte ist verschlüsselt. Bitte geben Sie Ihre Passphrase ein.")
            )
            self._field.setEchoMode(QLineEdit.EchoMode.Password)
            self._field.setPlaceholderText(self.tr("Passphrase"))
            self._toggle.setText(self.tr("Mit Wiederherstellungsschlüssel entsperren"))
