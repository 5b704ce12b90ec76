"""The line under the case list's search when nothing was found: that other spellings and
scripts were searched too, and, where the filter hides closed cases, a button to search those.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from desktop.ui.widgets.i18n import Retranslating

MAX_SHOWN = 40  # characters of the search text quoted: the line must not widen the window


class NoMatchHint(Retranslating, QWidget):
    """Hidden until `show_for(text, closed_hidden=...)`; `search_closed` when its button is
    pressed."""

    search_closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # the search text is the user's
        self.message.setWordWrap(True)
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.search_closed_button = QPushButton()
        self.search_closed_button.setAutoDefault(False)
        self.search_closed_button.clicked.connect(self.search_closed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.search_closed_button, 0, Qt.AlignmentFlag.AlignTop)
        self.retranslate()
        self.hide()

    def show_for(self, text: str, *, closed_hidden: bool) -> None:
        """Say that nothing was found for `text`; offer closed cases if the filter hides them."""
        self._text = text.strip()
        if len(self._text) > MAX_SHOWN:
            self._text = self._text[: MAX_SHOWN - 1] + "…"
        self.search_closed_button.setVisible(closed_hidden)
        self.retranslate()
        self.show()

    def dismiss(self) -> None:
        """Hide, and forget the search text (it may be a name)."""
        self._text = ""
        self.message.clear()
        self.hide()

    def retranslate(self) -> None:
        if self._text:
            self.message.setText(
                self.tr(
                    'No client found for "{0}". Other spellings and scripts were searched too.'
                ).replace("{0}", self._text)
            )
        self.search_closed_button.setText(self.tr("Search closed cases too"))
