"""An item's texts in the client's languages: one row "language: text" per language.

Rows: the client's languages other than German (first language first), every language the item
already has a text in, and any print language added with the "add a language" list. An item
chosen from the phrase book shows the phrase's text as each row's placeholder: a text typed
overrides it. A text whose language is not known yet ("und") has a list to say which language
it is in; choosing one moves the text to that language.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from desktop.domain.errors import InvalidInput
from desktop.domain.texts import UNASSIGNED, Texts
from desktop.services.phrases import Phrase, print_languages, right_to_left
from desktop.ui.widgets.formatting import language
from desktop.ui.widgets.i18n import Retranslating

MAX_LENGTH = 2000
EDIT_WIDTH = 320


class ItemTextsEditor(Retranslating, QWidget):
    """`texts()` is what is typed, as Texts; `set_texts`, `set_languages` and `set_phrase`
    show an item. `edits` maps each language shown to its line edit (tests read it)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._languages: list[str] = []  # the client's, first language first
        self._texts = Texts()
        self._added: list[str] = []  # languages added with the list
        self._phrase: Phrase | None = None
        self.edits: dict[str, QLineEdit] = {}
        self.assign_combo: QComboBox | None = None
        self.add_combo: QComboBox  # made with the rows
        self._form = QFormLayout(self)
        self._form.setContentsMargins(0, 0, 0, 0)
        self._rebuild()

    def retranslate(self) -> None:
        self._texts = self.texts_or_shown()
        self._rebuild()

    # -- the item shown -------------------------------------------------------------------------

    def set_languages(self, codes: Sequence[str]) -> None:
        """The client's languages other than German, first language first."""
        self._texts = self.texts_or_shown()
        self._languages = [c for c in dict.fromkeys(codes) if c not in ("de", UNASSIGNED)]
        self._rebuild()

    def set_texts(self, texts: Texts) -> None:
        self._texts, self._added = texts, []
        self._rebuild()

    def set_phrase(self, phrase: Phrase | None) -> None:
        """The phrase the item comes from: its texts are the placeholders (None: free text)."""
        self._phrase = phrase
        self._show_placeholders()

    def texts(self) -> Texts:
        """The texts typed; InvalidInput for a text that is too long."""
        return Texts({lang: edit.text() for lang, edit in self.edits.items()})

    def texts_or_shown(self) -> Texts:
        """The texts typed, or (for text that is not valid yet) the texts last shown."""
        try:
            return self.texts()
        except InvalidInput:
            return self._texts

    def assign(self, lang: str) -> None:
        """Say that the text waiting for its language is in `lang`: it moves there."""
        texts = self.texts_or_shown()
        waiting = texts.unassigned
        if not waiting or texts.get(lang):
            return
        self._texts = texts.without(UNASSIGNED).with_text(lang, waiting)
        self._rebuild()
        self.changed.emit()

    # -- internals ------------------------------------------------------------------------------

    def _shown_languages(self) -> list[str]:
        own = [lang for lang in self._texts if lang != UNASSIGNED]
        ordered = [*self._languages, *own, *self._added]
        if self._texts.unassigned:
            ordered.append(UNASSIGNED)
        return list(dict.fromkeys(ordered))

    def _rebuild(self) -> None:
        while self._form.rowCount():
            self._form.removeRow(0)  # deletes the row's widgets
        self.edits = {}
        self.assign_combo = None
        shown = self._shown_languages()
        for lang in shown:
            edit = QLineEdit(self._texts.get(lang, ""))
            edit.setMaxLength(MAX_LENGTH)
            edit.setMinimumWidth(EDIT_WIDTH)  # a phrase's text shows in full as placeholder
            edit.textEdited.connect(lambda _text: self.changed.emit())
            if right_to_left(lang):  # typed and read right to left, as printed
                edit.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            self.edits[lang] = edit
            if lang == UNASSIGNED:
                self._add_unassigned_row(edit, shown)
            else:
                name = QLabel(f"{language(lang)}:")
                name.setBuddy(edit)
                self._form.addRow(name, edit)
        self.add_combo = QComboBox()
        self.add_combo.activated.connect(self._add_chosen)
        self.add_combo.addItem(self.tr("Add a text in another language…"), "")
        for lang in print_languages()[1:]:
            if lang not in shown:
                self.add_combo.addItem(language(lang), lang)
        self.add_combo.setEnabled(self.add_combo.count() > 1)
        self._form.addRow(self.add_combo)
        # the form's label of the whole editor leads to its first row
        self.setFocusProxy(next(iter(self.edits.values()), self.add_combo))
        self._show_placeholders()

    def _add_unassigned_row(self, edit: QLineEdit, shown: list[str]) -> None:
        combo = QComboBox()
        combo.addItem(self.tr("Which language is this?"), "")
        candidates = [*self._languages, *print_languages()[1:]]
        for lang in dict.fromkeys(candidates):
            if lang != UNASSIGNED and not self._texts.get(lang):
                combo.addItem(language(lang), lang)
        combo.activated.connect(lambda row: self.assign(combo.itemData(row) or ""))
        combo.setToolTip(
            self.tr("This text's language is not known: it is not printed until you say which.")
        )
        self.assign_combo = combo
        name = QLabel(self.tr("Language not set:"))
        name.setBuddy(edit)
        self._form.addRow(name, edit)
        self._form.addRow("", combo)

    def _add_chosen(self, row: int) -> None:
        lang = self.add_combo.itemData(row)
        if not lang:
            return
        self._texts = self.texts_or_shown()
        self._added.append(lang)
        self._rebuild()
        self.edits[lang].setFocus()

    def _show_placeholders(self) -> None:
        phrase = self._phrase
        for lang, edit in self.edits.items():
            text = phrase.text(lang) if phrase is not None and lang != UNASSIGNED else None
            if text:
                edit.setPlaceholderText(self.tr("{0} (from the phrase book)").replace("{0}", text))
                edit.setToolTip(self.tr("Type a text only to replace the phrase book's."))
            else:
                edit.setPlaceholderText("")
                edit.setToolTip("")
