"""The phrase book's right-hand side: the selected phrase's text and state in every print
language, a line to correct one language's text, and the button that takes the office's
corrections of a shipped phrase back.

The editor only shows the phrase the phrase book hands it; the book stores a text or takes the
corrections back on the database worker when the editor says the coordinator asked for it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.phrases import Phrase, print_languages, right_to_left
from desktop.ui.widgets.formatting import language as language_label
from desktop.ui.widgets.i18n import Retranslating
from desktop.ui.widgets.style import fit_rows

LANGUAGES = print_languages()  # German first, then the print languages
LANGUAGE, TEXT, STATE = range(3)


class PhraseTextsEditor(Retranslating, QWidget):
    """Shows the phrase `show_phrase` hands it, a row per language; `save_requested` (language,
    text) when the coordinator saves the line's text (the button or Return), `revert_requested`
    when they take the office's corrections back. `busy` says whether the worker is changing the
    book (nothing can be saved or taken back then); call `update_buttons` when that changed.
    """

    save_requested = Signal(str, str)  # language, the line's text
    revert_requested = Signal()

    def __init__(
        self, busy: Callable[[], bool] = lambda: False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._phrase: Phrase | None = None
        self._busy = busy

        self.phrase_caption = QLabel()
        self.phrase_caption.setWordWrap(True)
        self.languages = QTableWidget(len(LANGUAGES), 3)
        self.languages.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.languages.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.languages.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.languages.verticalHeader().setVisible(False)
        fit_rows(self.languages)
        header = self.languages.horizontalHeader()
        header.setSectionResizeMode(LANGUAGE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(STATE, QHeaderView.ResizeMode.ResizeToContents)
        self.languages.itemSelectionChanged.connect(self._show_language)
        self.languages.itemDoubleClicked.connect(lambda _item: self._edit_language())
        self.languages.installEventFilter(self)

        self.text_caption = QLabel()
        self.text_edit = QLineEdit()
        self.text_caption.setBuddy(self.text_edit)
        self.text_edit.returnPressed.connect(self.save_text)
        self.save_text_button = QPushButton()
        self.save_text_button.clicked.connect(self.save_text)
        self.revert_button = QPushButton()
        self.revert_button.clicked.connect(self.revert_requested.emit)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.phrase_caption)
        layout.addWidget(self.languages, 1)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.text_caption)
        edit_row.addWidget(self.text_edit, 1)
        edit_row.addWidget(self.save_text_button)
        layout.addLayout(edit_row)
        layout.addWidget(self.revert_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.retranslate()

    def retranslate(self) -> None:
        self.languages.setHorizontalHeaderLabels(
            [self.tr("Language"), self.tr("Text"), self.tr("State")]
        )
        self.save_text_button.setText(self.tr("Save &text"))
        self.revert_button.setText(self.tr("&Revert to the shipped texts"))
        self.show_phrase(self._phrase)

    # -- what the phrase book (and tests) call -----------------------------------------------

    def show_phrase(self, phrase: Phrase | None) -> None:
        """Show `phrase`'s texts and states (None: an empty table); the language row stays."""
        self._phrase = phrase
        if phrase is None:
            self.phrase_caption.clear()
            self.languages.clearContents()
        else:
            origin = self.tr("shipped phrase") if phrase.shipped else self.tr("office's phrase")
            self.phrase_caption.setText(f"{phrase.texts['de']}\n{phrase.key} ({origin})")
            for row, lang in enumerate(LANGUAGES):
                self.languages.setItem(row, LANGUAGE, QTableWidgetItem(language_label(lang)))
                text = QTableWidgetItem(phrase.text(lang) or "")
                if right_to_left(lang):
                    text.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.languages.setItem(row, TEXT, text)
                self.languages.setItem(row, STATE, QTableWidgetItem(self._state(phrase, lang)))
        self._show_language()

    def language_row(self) -> int:
        """The table's current row (-1 if none), to be selected again with `select_row`."""
        return self.languages.currentRow()

    def select_row(self, row: int) -> None:
        self.languages.selectRow(row)

    def selected_language(self) -> str | None:
        row = self.languages.currentRow()
        shown = self._phrase is not None
        return LANGUAGES[row] if 0 <= row < len(LANGUAGES) and shown else None

    def select_language(self, lang: str) -> None:
        """Select a language of the phrase: its text goes to the editing line."""
        self.languages.selectRow(LANGUAGES.index(lang))

    def state_of(self, lang: str) -> str:
        """The state shown for `lang` ("" if no phrase is shown)."""
        item = self.languages.item(LANGUAGES.index(lang), STATE)
        return item.text() if item is not None and self._phrase is not None else ""

    def text_of(self, lang: str) -> str:
        item = self.languages.item(LANGUAGES.index(lang), TEXT)
        return item.text() if item is not None and self._phrase is not None else ""

    def save_text(self) -> None:
        """Ask for the line's text to be stored in the selected language."""
        lang = self.selected_language()
        if lang is not None:
            self.save_requested.emit(lang, self.text_edit.text())

    def update_buttons(self) -> None:
        """Enable the line and the buttons as far as the phrase, the language and `busy` let."""
        busy, phrase, lang = self._busy(), self._phrase, self.selected_language()
        editable = not busy and phrase is not None and lang is not None
        self.text_edit.setEnabled(editable)
        self.save_text_button.setEnabled(editable)
        self.revert_button.setEnabled(
            not busy and phrase is not None and phrase.shipped and bool(phrase.office)
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.languages
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._edit_language()
            return True
        return super().eventFilter(watched, event)

    # -- internals ---------------------------------------------------------------------------

    def _edit_language(self) -> None:
        """To the editing line, with the selected language's text selected."""
        self.text_edit.setFocus()
        self.text_edit.selectAll()

    def _state(self, phrase: Phrase, lang: str) -> str:
        if lang in phrase.office:
            return self.tr("office")
        if phrase.text(lang) is None:
            return self.tr("missing")
        return self.tr("reviewed") if phrase.reviewed(lang) else self.tr("draft")

    def _show_language(self) -> None:
        phrase, lang = self._phrase, self.selected_language()
        name = language_label(lang) if lang else ""
        self.text_caption.setText(
            self.tr("T&ext in {0}:").replace("{0}", name) if lang else self.tr("T&ext:")
        )
        self.text_edit.setText((phrase.text(lang) or "") if phrase and lang else "")
        self.text_edit.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft
            if lang and right_to_left(lang)
            else Qt.LayoutDirection.LeftToRight
        )
        self.update_buttons()
