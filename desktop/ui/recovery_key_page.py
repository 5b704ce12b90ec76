"""Shows the one-time recovery key after set-up, with print and save, until it is put away."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class RecoveryKeyPage(QWidget):
    """The key in large selectable type; `confirmed` says whether the box is ticked."""

    confirmed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._key = ""
        intro = QLabel(
            self.tr(
                "Die Fallakte ist angelegt. Dies ist Ihr Wiederherstellungsschlüssel. Er wird nur "
                "jetzt angezeigt. Mit ihm öffnen Sie die Fallakte, wenn die Passphrase vergessen "
                "ist: drucken Sie ihn aus oder speichern Sie ihn und bewahren Sie ihn sicher auf, "
                "zum Beispiel im Büro-Tresor."
            )
        )
        intro.setWordWrap(True)

        self.key_label = QLabel()
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.6)
        font.setWeight(QFont.Weight.DemiBold)
        self.key_label.setFont(font)
        self.key_label.setTextFormat(Qt.TextFormat.PlainText)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setMinimumHeight(60)

        self.print_button = QPushButton(self.tr("Drucken…"))
        self.print_button.clicked.connect(self._print)
        self.save_button = QPushButton(self.tr("Als Datei speichern…"))
        self.save_button.clicked.connect(self._save)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.print_button)
        actions.addWidget(self.save_button)
        actions.addStretch(1)

        self.kept_safe = QCheckBox(
            self.tr("Ich habe den Wiederherstellungsschlüssel sicher aufbewahrt")
        )
        self.kept_safe.toggled.connect(self.confirmed)

        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.note)
        layout.addSpacing(12)
        layout.addWidget(self.key_label)
        layout.addLayout(actions)
        layout.addSpacing(12)
        layout.addWidget(self.kept_safe)
        layout.addStretch(1)

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
            "Welcome Desk – Wiederherstellungsschlüssel\n\n{key}\n\n"
            "Mit diesem Schlüssel lässt sich die Fallakte öffnen, wenn die Passphrase "
            "vergessen ist. Sicher aufbewahren und niemandem zeigen."
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
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Wiederherstellungsschlüssel speichern"),
            self.tr("Welcome-Desk-Wiederherstellungsschluessel.txt"),
            self.tr("Textdateien (*.txt)"),
        )
        if not path:
            return
        try:
            Path(path).write_text(self.key_text() + "\n", encoding="utf-8")
        except OSError:
            QMessageBox.warning(
                self,
                self.tr("Nicht gespeichert"),
                self.tr("Die Datei konnte nicht geschrieben werden. Bitte anderen Ort wählen."),
            )
