"""Asks for the passphrase (or the recovery key) and opens the case file.

The case file is opened on the database worker (unwrapping the key with Argon2id takes a
moment): the dialog waits without freezing, then closes once the file is open in the worker.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import CannotUnlock, DamagedCaseFile
from desktop.services import casefile
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.errors import show_error
from desktop.ui.widgets.geometry import fit_to_screen
from desktop.ui.widgets.i18n import Retranslating, current_language
from desktop.ui.widgets.style import ERROR_STYLE
from desktop.ui.widgets.waiting import Waiting


class UnlockDialog(Retranslating, QDialog):
    """On success the case file is open in `db`; a wrong secret keeps the dialog open."""

    def __init__(
        self,
        root: Path,
        db: DbWorker,
        parent: QWidget | None = None,
        *,
        failure: CannotUnlock | None = None,
    ) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # never past the screen, however long its texts
        self.root = Path(root)
        self._db = db
        self._with_recovery_key = False
        self._failure: CannotUnlock | None = None

        self._prompt = QLabel()
        self._prompt.setWordWrap(True)
        self._field = QLineEdit()
        self._field.setEchoMode(QLineEdit.EchoMode.Password)
        self._error = QLabel()
        self._error.setStyleSheet(ERROR_STYLE)
        self._error.setWordWrap(True)
        self._error.hide()
        self._toggle = QPushButton()
        self._toggle.setFlat(True)
        self._toggle.setCursor(Qt.CursorShape.PointingHandCursor)
        self._toggle.setAutoDefault(False)
        self._toggle.clicked.connect(self._switch_mode)
        # A damaged case file: the way back is a backup, offered right here.
        self.restore_button = QPushButton()
        self.restore_button.setAutoDefault(False)
        self.restore_button.clicked.connect(self._restore_backup)
        self.restore_button.hide()

        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.cancel_button = buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self._prompt)
        layout.addWidget(self._field)
        layout.addWidget(self._error)
        layout.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self._toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self._waiting = Waiting(
            self.ok_button, self.cancel_button, self._field, self._toggle, self.restore_button
        )
        self.retranslate()
        if failure is not None:  # found before the dialog (the credential store's key)
            self._fail(failure)

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

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Unlock case file"))
        self.ok_button.setText(self.tr("&Unlock"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.restore_button.setText(self.tr("Restore a &backup…"))
        if self._with_recovery_key:
            self._prompt.setText(
                self.tr(
                    "Enter the recovery key that you printed or saved when Welcome Desk was set up."
                )
            )
            self._field.setPlaceholderText("XXXX-XXXX-XXXX-…")
            self._toggle.setText(self.tr("Unlock with the &passphrase"))
        else:
            self._prompt.setText(
                self.tr("The case file is encrypted. Please enter your passphrase.")
            )
            self._field.setPlaceholderText(self.tr("Passphrase"))
            self._toggle.setText(self.tr("Unlock with the &recovery key"))
        if self._failure is not None:
            self._error.setText(self._failure.text(current_language()))

    @property
    def waiting(self) -> bool:
        """True while the worker is opening the case file."""
        return self._waiting.active

    def accept(self) -> None:
        if self.waiting or self._db.is_open:
            return
        secret, root = self._field.text(), self.root
        if self._with_recovery_key:
            self._db.open(
                lambda: casefile.unlock(root, recovery_key=secret, use_keyring=False),
                self._opened,
                self._not_opened,
            )
        else:
            self._db.open(
                lambda: casefile.unlock(root, passphrase=secret, use_keyring=False),
                self._opened,
                self._not_opened,
            )
        self._waiting.set(True)

    def reject(self) -> None:
        if not self.waiting:  # the case file is being opened: wait for it
            super().reject()

    def _opened(self) -> None:
        self._waiting.set(False)
        self._field.clear()
        super().accept()

    def _not_opened(self, error: BaseException) -> None:
        self._waiting.set(False)
        if isinstance(error, CannotUnlock):
            self._fail(error)
        else:
            self._field.clear()
            show_error(self, error)

    def _fail(self, error: CannotUnlock) -> None:
        self._failure = error
        self._error.setText(error.text(current_language()))
        self._error.show()
        self.restore_button.setVisible(isinstance(error, DamagedCaseFile))
        self._field.clear()
        self._field.setFocus()

    def _restore_backup(self) -> None:
        """Restore the newest backup the error names (or one chosen) in place of the damaged
        case file; the dialog closes with the restored case file open."""
        from desktop.ui.protection import backup_restore_flow

        named = self._failure.backup if isinstance(self._failure, DamagedCaseFile) else None
        path = named or self._choose_backup()
        if not path:
            return
        if backup_restore_flow.restore_at_unlock(self, self._db, self.root, Path(path)):
            self._field.clear()
            super().accept()

    def _choose_backup(self) -> str:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore a backup"),
            str(self.root / "backups"),
            self.tr("Welcome Desk backups (*.wdbackup)"),
        )
        return chosen

    def _switch_mode(self) -> None:
        self._with_recovery_key = not self._with_recovery_key
        self._failure = None
        self._field.clear()
        self._error.hide()
        # Typed from paper, the recovery key must be visible; the passphrase never is.
        self._field.setEchoMode(
            QLineEdit.EchoMode.Normal if self._with_recovery_key else QLineEdit.EchoMode.Password
        )
        self.retranslate()
        self._field.setFocus()
