"""Change the passphrase: the old one, the new one twice with a strength hint.

The new passphrase is checked at once; the change itself (Argon2id, twice) runs on the database
worker while the dialog waits with its buttons disabled, and it closes when the change is done.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import WelcomeDeskError
from desktop.services.casefile import check_new_passphrase
from desktop.services.settings import change_passphrase
from desktop.ui.unlock.setup_dialog import strength_text
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.errors import error_text
from desktop.ui.widgets.geometry import fit_to_screen
from desktop.ui.widgets.i18n import Retranslating, current_language
from desktop.ui.widgets.style import error_label, labelled_form
from desktop.ui.widgets.waiting import Waiting


class ChangePassphraseDialog(Retranslating, QDialog):
    """The old passphrase, the new one twice with a strength hint; errors in one sentence.

    The change runs on the worker of `db`; `waiting` is True until it is done.
    """

    def __init__(self, db: DbWorker, root: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # never past the screen, however long its texts
        self._db = db
        self._root = Path(root)
        self.old = QLineEdit()
        self.new = QLineEdit()
        self.repeat = QLineEdit()
        for field in (self.old, self.new, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.new.textChanged.connect(self._update_strength)
        self.strength = QLabel()
        self.error = error_label()
        self.error.hide()
        form, self._labels = labelled_form([self.old, self.new, self.repeat])
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
        self._waiting = Waiting(
            self.change_button, self.cancel_button, self.old, self.new, self.repeat
        )
        self.retranslate()
        db.closed.connect(self._case_file_closed)

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

    @property
    def waiting(self) -> bool:
        """True while the worker changes the passphrase."""
        return self._waiting.active

    def accept(self) -> None:
        if self._waiting.active:
            return
        new = self.new.text()
        if new != self.repeat.text():
            self._fail(self.tr("The two new passphrases are not the same."))
            return
        try:
            check_new_passphrase(new)  # the worker checks again, with the office's names
        except WelcomeDeskError as error:
            self._fail(error.text(current_language()))
            return
        old, root = self.old.text(), self._root
        self._waiting.set(True)
        self._db.run(
            lambda store: change_passphrase(root, old, new, store=store),
            lambda _done: self._changed(),
            self._not_changed,
        )

    def reject(self) -> None:
        if not self._waiting.active:  # the passphrase is being changed: wait for it
            super().reject()

    def _changed(self) -> None:
        if not shiboken6.isValid(self):
            return
        self._waiting.set(False)
        for field in (self.old, self.new, self.repeat):
            field.clear()
        super().accept()

    def _not_changed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._waiting.set(False)
        self._fail(error_text(error))

    def _case_file_closed(self) -> None:
        if shiboken6.isValid(self):
            self._waiting.set(False)  # locked meanwhile: the answer will never come

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.repeat.clear()
