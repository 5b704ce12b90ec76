"""First start: choose a passphrase, create the case file, put the recovery key away.

The case file is created on the database worker (wrapping the key with Argon2id takes a
moment); the dialog waits without freezing and then shows the recovery key.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
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
from desktop.services.casefile import InitResult, assess_passphrase, check_new_passphrase
from desktop.ui.unlock.recovery_key_page import RecoveryKeyPage
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.errors import error_text
from desktop.ui.widgets.geometry import fit_to_screen
from desktop.ui.widgets.i18n import Retranslating, current_language
from desktop.ui.widgets.style import ERROR_STYLE
from desktop.ui.widgets.waiting import Waiting


def strength_text(passphrase: str) -> str:
    """ "Strength: very weak" … "Strength: very strong" for a passphrase being typed (zxcvbn's
    score); below "strong" with the reason, which is also why it would be refused."""
    names = (  # literal strings: pyside6-lupdate only finds translate() calls written out
        QCoreApplication.translate("Passphrase", "very weak"),
        QCoreApplication.translate("Passphrase", "weak"),
        QCoreApplication.translate("Passphrase", "fair"),
        QCoreApplication.translate("Passphrase", "strong"),
        QCoreApplication.translate("Passphrase", "very strong"),
    )
    if not passphrase:
        return QCoreApplication.translate("Passphrase", "Strength: {0}").replace("{0}", names[0])
    strength = assess_passphrase(passphrase)
    text = QCoreApplication.translate("Passphrase", "Strength: {0}").replace(
        "{0}", names[strength.score]
    )
    hint = strength.hint(current_language())
    return f"{text} – {hint}" if hint else text


class SetupDialog(Retranslating, QDialog):
    """Two pages: the passphrase, then the recovery key. Once created, the new case file is
    open in `db` (`created` is True)."""

    def __init__(self, root: Path, db: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # never past the screen, however long its texts
        self.root = Path(root)
        self._db = db
        self.created = False
        self.recovery_key = ""
        self._keyring_failed = False
        self.setMinimumWidth(520)

        self._pages = QStackedWidget()
        self._pages.addWidget(self._passphrase_page())
        self.key_page = RecoveryKeyPage()
        self._pages.addWidget(self.key_page)

        self._buttons = QDialogButtonBox()
        accept = QDialogButtonBox.ButtonRole.AcceptRole
        reject = QDialogButtonBox.ButtonRole.RejectRole
        self.create_button = self._buttons.addButton("", accept)
        self.cancel_button = self._buttons.addButton("", reject)
        self.finish_button = self._buttons.addButton("", accept)
        self.finish_button.hide()
        self.finish_button.setEnabled(False)
        self.key_page.confirmed.connect(self.finish_button.setEnabled)
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self._pages)
        layout.addWidget(self._buttons)
        self._waiting = Waiting(
            self.create_button, self.cancel_button, self.passphrase, self.repeat
        )
        self.retranslate()

    def _passphrase_page(self) -> QWidget:
        page = QWidget()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.textChanged.connect(self._update_strength)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength = QLabel()
        self.remember = QCheckBox()
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()

        self._passphrase_label = QLabel()
        self._passphrase_label.setBuddy(self.passphrase)
        self._repeat_label = QLabel()
        self._repeat_label.setBuddy(self.repeat)
        form = QFormLayout()
        form.addRow(self._passphrase_label, self.passphrase)
        form.addRow(self._repeat_label, self.repeat)
        form.addRow("", self.strength)
        layout = QVBoxLayout(page)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.error)
        layout.addStretch(1)
        return page

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set up Welcome Desk"))
        self.intro.setText(
            self.tr(
                "Welcome Desk keeps the case file encrypted on this computer. Choose a "
                "passphrase of at least 8 characters – best several words that nobody else "
                "would guess. A passphrase that is easy to guess is refused."
            )
        )
        self._passphrase_label.setText(self.tr("&Passphrase:"))
        self._repeat_label.setText(self.tr("&Repeat:"))
        self.remember.setText(self.tr("&Unlock with my Windows account"))
        self.create_button.setText(self.tr("&Create case file"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.finish_button.setText(self.tr("&Done"))
        self._update_strength(self.passphrase.text())
        if self._keyring_failed:
            self.key_page.set_note(self._keyring_note())

    def _update_strength(self, text: str) -> None:
        self.strength.setText(strength_text(text))

    def _keyring_note(self) -> str:
        return self.tr(
            "The Windows account could not be set up for unlocking; you unlock the case file "
            "with the passphrase."
        )

    def accept(self) -> None:
        if not self.created:
            self._create()
        elif self.key_page.kept_safe.isChecked():
            super().accept()

    def reject(self) -> None:
        # Once the case file exists, the recovery key must be confirmed before leaving; while
        # it is being created, the dialog waits for it.
        if not self.created and not self._waiting.active:
            super().reject()

    def _create(self) -> None:
        phrase = self.passphrase.text()
        if phrase != self.repeat.text():
            self._fail(self.tr("The two passphrases are not the same."))
            return
        try:
            check_new_passphrase(phrase)
        except WelcomeDeskError as error:
            self._fail(error.text(current_language()))
            return
        remember = self.remember.isChecked()
        made: list[InitResult] = []

        def create() -> casefile.Store:
            made.append(casefile.init(self.root, phrase, remember_in_keyring=remember))
            return made[0].store

        self._waiting.set(True)
        self._db.open(create, lambda: self._created(made[0]), self._not_created)

    def _not_created(self, error: BaseException) -> None:
        self._waiting.set(False)
        self._fail(error_text(error))

    def _created(self, result: InitResult) -> None:
        self._waiting.set(False)
        self.passphrase.clear()
        self.repeat.clear()
        self.created = True
        self.recovery_key = result.recovery_key
        self.key_page.set_key(result.recovery_key)
        if self.remember.isChecked() and not result.in_keyring:
            self._keyring_failed = True
            self.key_page.set_note(self._keyring_note())
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
