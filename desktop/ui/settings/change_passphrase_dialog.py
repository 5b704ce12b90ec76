"""Change the passphrase: the old one, the new one twice with a strength hint."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import WelcomeDeskError
from desktop.services.casefile import Store, validate_passphrase
from desktop.services.settings import change_passphrase
from desktop.ui.unlock.setup_dialog import strength_text
from desktop.ui.widgets.i18n import Retranslating, current_language
from desktop.ui.widgets.style import error_label, labelled_form


class ChangePassphraseDialog(Retranslating, QDialog):
    """The old passphrase, the new one twice with a strength hint; errors in one sentence."""

    def __init__(self, root: Path, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._root = Path(root)
        self._store = store
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
            change_passphrase(self._root, self.old.text(), new, store=self._store)
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
