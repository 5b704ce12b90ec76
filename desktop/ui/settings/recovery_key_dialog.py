"""A new recovery key in place of the old one: confirm with the passphrase, then put it away.

The key is made on the database worker (Argon2id takes a moment); the dialog waits with its
buttons disabled and cannot be closed until the key is shown.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.settings import new_recovery_key
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.errors import error_text
from desktop.ui.widgets.geometry import fit_to_screen
from desktop.ui.widgets.i18n import Retranslating
from desktop.ui.widgets.style import button_row, error_label, labelled_form
from desktop.ui.widgets.waiting import Waiting


def key_font() -> QFont:
    """Big monospace type, so that 0 and O, 1 and I are told apart when it is written down."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.6)
    font.setWeight(QFont.Weight.DemiBold)
    return font


def key_lines(key: str) -> str:
    """The key's groups on two lines (four groups each), as it is shown and printed."""
    groups = key.split("-")
    half = (len(groups) + 1) // 2
    return "-".join(groups[:half]) + "\n" + "-".join(groups[half:])


class NewRecoveryKeyDialog(Retranslating, QDialog):
    """Page one asks the passphrase and says the old key stops working; page two shows the key.

    The key is made on the worker of `db`; while it is (`waiting`), the dialog stays open.
    Once the key is made, the dialog closes only after "written down" is ticked.
    """

    def __init__(self, db: DbWorker, root: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # never past the screen, however long its texts
        self._db = db
        self._root = Path(root)
        self.recovery_key = ""
        self._pages = QStackedWidget()
        self._pages.addWidget(self._ask_page())
        self._pages.addWidget(self._key_page())

        buttons = QDialogButtonBox()
        self.make_button = buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.make_button.setDefault(True)
        self.cancel_button = buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button = buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button.hide()
        self.close_button.setEnabled(False)
        self.written_down.toggled.connect(self.close_button.setEnabled)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self._pages)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self._waiting = Waiting(self.make_button, self.cancel_button, self.passphrase)
        self.retranslate()
        db.closed.connect(self._case_file_closed)

    def _ask_page(self) -> QWidget:
        page = QWidget()
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form, self._captions = labelled_form([self.passphrase])
        self.error = error_label()
        self.error.hide()
        layout = QVBoxLayout(page)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        return page

    def _key_page(self) -> QWidget:
        page = QWidget()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.key_label = QLabel()
        self.key_label.setFont(key_font())
        self.key_label.setTextFormat(Qt.TextFormat.PlainText)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.copy_button = QPushButton()
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy)
        self.print_button = QPushButton()
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(self.print_key)
        self.written_down = QCheckBox()
        layout = QVBoxLayout(page)
        layout.addWidget(self.intro)
        layout.addSpacing(12)
        layout.addWidget(self.key_label)
        layout.addLayout(button_row(self.copy_button, right=[self.print_button]))
        layout.addSpacing(12)
        layout.addWidget(self.written_down)
        layout.addStretch(1)
        return page

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New recovery key"))
        self.explanation.setText(
            self.tr(
                "A new recovery key replaces the old one: the old key stops working at once, "
                "also the copy in the safe. Your passphrase stays as it is."
            )
        )
        self._captions[0].setText(self.tr("Your &passphrase:"))
        self.intro.setText(
            self.tr(
                "This is your new recovery key. It is shown only now. Write it down or print "
                "it, put it in the office safe, and destroy the old one."
            )
        )
        self.copy_button.setText(self.tr("&Copy"))
        self.print_button.setText(self.tr("&Print…"))
        self.written_down.setText(self.tr("I have &written it down / put it in the safe"))
        self.make_button.setText(self.tr("&Make new key"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.close_button.setText(self.tr("C&lose"))

    @property
    def waiting(self) -> bool:
        """True while the worker makes the new key."""
        return self._waiting.active

    def accept(self) -> None:
        if self._waiting.active:
            return
        if not self.recovery_key:
            self._make()
        elif self.written_down.isChecked():
            super().accept()

    def reject(self) -> None:
        # Once the old key is gone, the new one must be put away before the dialog closes;
        # while it is being made, the old one may already be gone.
        if not self.recovery_key and not self._waiting.active:
            super().reject()

    def _make(self) -> None:
        passphrase, root = self.passphrase.text(), self._root
        self._waiting.set(True)
        self._db.run(
            lambda store: new_recovery_key(root, store, passphrase), self._made, self._not_made
        )

    def _not_made(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._waiting.set(False)
        self.error.setText(error_text(error))
        self.error.show()
        self.passphrase.selectAll()

    def _case_file_closed(self) -> None:
        if shiboken6.isValid(self):
            self._waiting.set(False)  # locked meanwhile: the answer will never come

    def _made(self, key: str) -> None:
        if not shiboken6.isValid(self):
            return
        self._waiting.set(False)
        self.passphrase.clear()
        self.recovery_key = key
        self.key_label.setText(key_lines(key))
        self._pages.setCurrentIndex(1)
        self.make_button.hide()
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)

    def copy(self) -> None:
        """Put the key (one line, groups joined by hyphens) on the clipboard."""
        QGuiApplication.clipboard().setText(self.recovery_key)

    def key_text(self) -> str:
        """What is printed: a heading, the key, and what it is for."""
        return self.tr(
            "Welcome Desk – recovery key\n\n{0}\n\n"
            "This key opens the case file if the passphrase is forgotten. Keep it safe and "
            "show it to no one."
        ).replace("{0}", key_lines(self.recovery_key))

    def choose_printer(self) -> QPrinter | None:
        """The printer the coordinator picks, or None if they cancel."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None

    def print_key(self) -> None:
        """Print the key with a short explanation."""
        printer = self.choose_printer()
        if printer is None:
            return
        document = QTextDocument()
        document.setDefaultFont(key_font())
        document.setPlainText(self.key_text())
        document.print_(printer)
