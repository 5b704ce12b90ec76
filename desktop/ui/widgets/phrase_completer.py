"""Phrases from the phrase book offered as the coordinator types German into a line edit.

The suggestions are the phrase book's (`PhraseBook.suggest`: every word typed, accents and word
order ignored, the item's field of action first), each shown in German and, after a dash, in the
client's language when the book has a text in it. Choosing one sets the German text and keeps
the phrase's key; typing the text into something else afterwards makes the item free text again.
Arrow keys and Enter choose, Esc closes the list.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit

from desktop.domain.catalogues import FieldOfAction
from desktop.services.phrases import Phrase, PhraseBook

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
GERMAN_ROLE = Qt.ItemDataRole.UserRole + 2
LIMIT = 10
ISOLATE, POP_ISOLATE = "\u2068", "\u2069"  # a right-to-left text stays in its own run


class PhraseCompleter(QObject):
    """Attached to `edit`: suggests phrases of `kind`; `phrase_key()` is the key of the phrase
    whose German the line edit holds ("" for free text).

    `chosen(phrase)` follows a suggestion chosen; `phrase_changed(phrase or None)` every change
    of the phrase the text comes from (chosen, shown, or dropped by typing).
    """

    chosen = Signal(object)
    phrase_changed = Signal(object)

    def __init__(
        self,
        edit: QLineEdit,
        kind: str,
        *,
        field: Callable[[], FieldOfAction | None] | None = None,
    ) -> None:
        super().__init__(edit)
        self._edit = edit
        self._kind = kind
        self._field = field or (lambda: None)
        self._book: PhraseBook | None = None
        self._language: str | None = None
        self._key = ""
        self._german = ""  # the text the key goes with (besides the phrase's German)
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCompletionRole(GERMAN_ROLE)
        self.completer.setMaxVisibleItems(LIMIT)
        self.completer.setWidget(edit)
        self.completer.activated[QModelIndex].connect(self._activated)  # type: ignore[index]
        edit.textEdited.connect(self._edited)

    # -- set up by the owner --------------------------------------------------------------------

    def set_book(self, book: PhraseBook | None) -> None:
        """The phrase book to suggest from (None until it is loaded: nothing is suggested)."""
        self._book = book
        if self._key:
            self.phrase_changed.emit(self.phrase())

    def set_language(self, lang: str | None) -> None:
        """The client's language, shown beside the German (None: German only)."""
        self._language = lang

    def set_phrase_key(self, key: str) -> None:
        """The line edit shows an item from phrase `key` ("" for free text): kept until the
        text is typed into something else."""
        self._key = key
        self._german = self._edit.text().strip() if key else ""
        self.phrase_changed.emit(self.phrase())

    # -- what it tells ----------------------------------------------------------------------------

    def phrase_key(self) -> str:
        return self._key

    def phrase(self) -> Phrase | None:
        """The phrase the text comes from, if the book is loaded and knows it."""
        return self._book.get(self._key) if self._key and self._book is not None else None

    def suggestions(self) -> list[str]:
        """The German texts offered now, in order (for tests and checks)."""
        return [self.model.item(row).data(GERMAN_ROLE) for row in range(self.model.rowCount())]

    def popup_chooses(self) -> bool:
        """Whether the list is open with a suggestion marked (Enter then chooses it)."""
        popup = self.completer.popup()
        return popup is not None and popup.isVisible() and popup.currentIndex().isValid()

    # -- internals ------------------------------------------------------------------------------

    def _edited(self, text: str) -> None:
        if self._key and text.strip() not in (self._german, self._phrase_german()):
            self._key, self._german = "", ""
            self.phrase_changed.emit(None)
        self._suggest(text)

    def _phrase_german(self) -> str:
        phrase = self.phrase()
        return phrase.texts["de"] if phrase else ""

    def _suggest(self, text: str) -> None:
        self.model.clear()
        found = self._book.suggest(text, self._kind, self._field(), LIMIT) if self._book else []
        for phrase in found:
            german = phrase.texts["de"]
            other = phrase.text(self._language) if self._language else None
            shown = f"{german} — {ISOLATE}{other}{POP_ISOLATE}" if other else german
            item = QStandardItem(shown)
            item.setData(german, GERMAN_ROLE)
            item.setData(phrase.key, KEY_ROLE)
            item.setToolTip(shown)
            item.setEditable(False)
            self.model.appendRow(item)
        popup = self.completer.popup()
        if not found:
            if popup is not None:
                popup.hide()
            return
        self.completer.setCompletionPrefix("")
        self.completer.complete()
        if popup is not None:
            popup.setCurrentIndex(QModelIndex())  # Enter without a choice keeps the text typed

    def _activated(self, index: QModelIndex) -> None:
        key = index.data(KEY_ROLE)
        phrase = self._book.get(key) if self._book is not None and key else None
        if phrase is None:
            return
        self._edit.setText(phrase.texts["de"])
        self._edit.setModified(True)
        self._key, self._german = phrase.key, phrase.texts["de"]
        self.phrase_changed.emit(phrase)
        self.chosen.emit(phrase)
