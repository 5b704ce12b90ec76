"""Shows the one-time recovery key after set-up, with print and save, until it is put away."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.widgets import file_dialogs
from desktop.ui.widgets.i18n import Retranslating


class RecoveryKeyPage(Retranslating, QWidget):
    """The key in large selectable type; `confirmed` says whether the box is ticked."""

    confirmed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._key = ""
        self.intro = QLabel()
        self.intro.setWordWrap(True)

        self.key_label = QLabel()
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.6)
        font.setWeight(QFont.Weight.DemiBold)
        self.key_label.setFont(font)
        self.key_label.setTextFormat(Qt.TextFormat.PlainText)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setMinimumHeight(60)

        self.print_button = QPushButton()
        self.print_button.clicked.connect(self._print)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self._save)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.print_button)
        actions.addWidget(self.save_button)
        actions.addStretch(1)

        self.kept_safe = QCheckBox()
        self.kept_safe.toggled.connect(self.confirmed)

        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.note)
        layout.addSpacing(12)
        layout.addWidget(self.key_label)
        layout.addLayout(actions)
        layout.addSpacing(12)
        layout.addWidget(self.kept_safe)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "The case file has been created. This is your recovery key. It is shown only "
                "now. With it you open the case file if the passphrase is forgotten: print it "
                "or save it and keep it in a safe place, for example the office safe."
            )
        )
        self.print_button.setText(self.tr("&Print…"))
        self.save_button.setText(self.tr("&Save as file…"))
        self.kept_safe.setText(self.tr("I have put the recovery key in a &safe place"))

    def set_key(self, key: str) -> None:
        self._key = key
        self.key_label.setText(key)
        self.kept_safe.setChecked(False)

    def set_note(self, text: str) -> None:
        """A remark above the key (for example that the keyring could not be used)."""
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def key_text(self) -> str:
        """The text that is printed or saved: a short explanation and the key."""
        return self.tr(
            "Welcome Desk – recovery key\n\n{key}\n\n"
            "This key opens the case file if the passphrase is forgotten. Keep it safe and "
            "show it to no one."
        ).replace("{key}", self._key)

    def _print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        document = QTextDocument()
        document.setDefaultFont(self.key_label.font())
        document.setPlainText(self.key_text())
        document.print_(printer)

    def _save(self) -> None:
        path, _ = file_dialogs.save_file(
            self,
            self.tr("Save recovery key"),
            self.tr("Welcome-Desk-recovery-key.txt"),
            self.tr("Text files (*.txt)"),
        )
        if not path:
            return
        try:
            Path(path).write_text(self.key_text() + "\n", encoding="utf-8")
        except OSError:
            QMessageBox.warning(
                self,
                self.tr("Not saved"),
                self.tr("The file could not be written. Please choose another place."),
            )
