"""A line that tells the coordinator something (an error, a hint) and says it again in the new
language when the language is switched; hidden while there is nothing to say."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from desktop.ui.widgets.i18n import LiveText, Retranslating, text_now


class MessageLabel(Retranslating, QLabel):
    """`say(text)` shows a text, or a function saying it in the language shown (LiveText);
    `clear()` hides it. Plain text: a message may quote what was typed, never markup."""

    def __init__(self, style: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._said: LiveText = ""
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(style)
        self.hide()

    def say(self, text: LiveText) -> None:
        self._said = text
        self.retranslate()

    def clear(self) -> None:
        self.say("")

    def retranslate(self) -> None:
        text = text_now(self._said)
        self.setText(text)
        self.setVisible(bool(text))
