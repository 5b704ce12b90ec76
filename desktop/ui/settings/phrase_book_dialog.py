"""The office's phrase book: the case-work phrases with their texts in every print language.

The coordinator, with the interpreter beside them, corrects a language's text (the office's
text overrides the shipped draft), takes the office's corrections of a shipped phrase back, and
adds phrases of the office's own. Corrections and own phrases are stored in the case file and
travel to colleagues by sync. The book is read and changed on the database worker; filtering
the list happens here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.catalogues import FieldOfAction
from desktop.domain.names import fold
from desktop.services.phrases import (
    KINDS,
    Phrase,
    PhraseBook,
    correct_phrase,
    phrase_book,
    revert_correction,
)
from desktop.ui.settings.new_phrase_dialog import NewPhraseDialog
from desktop.ui.settings.phrase_kinds import kind_label
from desktop.ui.settings.phrase_texts_editor import PhraseTextsEditor
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.errors import error_text
from desktop.ui.widgets.formatting import label
from desktop.ui.widgets.geometry import fit_to_screen, remember_splitter
from desktop.ui.widgets.i18n import Retranslating
from desktop.ui.widgets.phrase_source import phrase_source
from desktop.ui.widgets.style import error_label, read_only_list

if TYPE_CHECKING:
    from desktop.services.casefile import Store

KEY = Qt.ItemDataRole.UserRole
BOOK_CHANNEL = "phrase-book"


class PhraseBookDialog(Retranslating, QDialog):
    """The phrases (filtered by field of action, kind and words of their German), and the
    selected phrase's text and state in every language, to correct one by one.

    Testable without exec(): `set_field`, `set_kind`, `search`, `shown_keys`, `select_phrase`,
    `select_language`, `text_edit` + `save_text`, `revert`, `new_phrase`, `state_of`; the book
    is there once the worker has answered (`loaded`). The texts side is a `PhraseTextsEditor`
    (`texts_editor`); its widgets are reachable here under the same names.
    """

    loaded = Signal()  # the book was read (again) and is shown

    def __init__(self, db: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._book: PhraseBook | None = None
        self._shown: list[Phrase] = []
        self._busy = False
        self._new: NewPhraseDialog | None = None
        self._to_select: str | None = None

        self.field_combo = QComboBox()
        self.field_combo.addItem("", "")
        for field in FieldOfAction:
            self.field_combo.addItem("", field.value)
        self.kind_combo = QComboBox()
        self.kind_combo.addItem("", "")
        for kind in KINDS:
            self.kind_combo.addItem("", kind)
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self._filter_captions = [QLabel(), QLabel(), QLabel()]
        for caption, widget in zip(
            self._filter_captions,
            (self.field_combo, self.kind_combo, self.search_edit),
            strict=True,
        ):
            caption.setBuddy(widget)
        self.field_combo.currentIndexChanged.connect(lambda _i: self._fill_list())
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._fill_list())
        self.search_edit.textChanged.connect(lambda _t: self._fill_list())

        self.phrase_list = read_only_list(2)
        self.phrase_list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.phrase_list.header().setStretchLastSection(False)
        self.phrase_list.itemSelectionChanged.connect(self._show_phrase)
        self.count_label = QLabel()

        self.texts_editor = PhraseTextsEditor(busy=lambda: self._busy)
        self.texts_editor.save_requested.connect(self._save_text)
        self.texts_editor.revert_requested.connect(self.revert)
        # the editor's widgets under the names the dialog has always had
        self.phrase_caption = self.texts_editor.phrase_caption
        self.languages = self.texts_editor.languages
        self.text_caption = self.texts_editor.text_caption
        self.text_edit = self.texts_editor.text_edit
        self.save_text_button = self.texts_editor.save_text_button
        self.revert_button = self.texts_editor.revert_button
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_phrase)
        self.error_label = error_label()
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self._buttons.rejected.connect(self.reject)

        filters = QHBoxLayout()
        for caption, widget in zip(
            self._filter_captions,
            (self.field_combo, self.kind_combo, self.search_edit),
            strict=True,
        ):
            filters.addWidget(caption)
            filters.addWidget(widget, 1 if widget is self.search_edit else 0)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.phrase_list, 1)
        left_layout.addWidget(self.count_label)
        self.splitter = QSplitter()
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.texts_editor)
        bottom = QHBoxLayout()
        bottom.addWidget(self.new_button)
        bottom.addStretch(1)
        bottom.addWidget(self._buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(bottom)
        fit_to_screen(self, "phrase-book", QSize(1180, 660))  # fits 1366 x 768 with the taskbar
        self.splitter.setSizes([500, 680])
        remember_splitter(self.splitter, "phrase-book")
        self.retranslate()
        self._update_buttons()
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Phrase book"))
        self._filter_captions[0].setText(self.tr("&Field of action:"))
        self._filter_captions[1].setText(self.tr("&Kind:"))
        self._filter_captions[2].setText(self.tr("&Search:"))
        self.search_edit.setPlaceholderText(self.tr("Words of the German text"))
        self.field_combo.setItemText(0, self.tr("All fields"))
        for index, field in enumerate(FieldOfAction, start=1):
            self.field_combo.setItemText(index, label(field))
        self.kind_combo.setItemText(0, self.tr("All kinds"))
        for index, kind in enumerate(KINDS, start=1):
            self.kind_combo.setItemText(index, kind_label(kind))
        self.phrase_list.setHeaderLabels([self.tr("Phrase (German)"), self.tr("Kind")])
        self.new_button.setText(self.tr("&New phrase…"))
        self._buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self._fill_list()

    # -- what the window (and tests) call ----------------------------------------------------

    def reload(self) -> None:
        """Read the phrase book again on the worker; the selection stays."""
        self._db.run(phrase_book, self._show_book, self._failed, channel=BOOK_CHANNEL)

    def book(self) -> PhraseBook | None:
        return self._book

    def set_field(self, field: FieldOfAction | None) -> None:
        self.field_combo.setCurrentIndex(max(0, self.field_combo.findData(field or "")))

    def set_kind(self, kind: str | None) -> None:
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind or "")))

    def search(self, text: str) -> None:
        self.search_edit.setText(text)

    def shown_keys(self) -> list[str]:
        """The keys of the phrases listed now, in order."""
        return [phrase.key for phrase in self._shown]

    def selected_key(self) -> str | None:
        items = self.phrase_list.selectedItems()
        return str(items[0].data(0, KEY)) if items else None

    def select_phrase(self, key: str) -> bool:
        """Select a listed phrase; False if the filter hides it."""
        for index in range(self.phrase_list.topLevelItemCount()):
            item = self.phrase_list.topLevelItem(index)
            if item is not None and item.data(0, KEY) == key:
                self.phrase_list.setCurrentItem(item)
                return True
        return False

    def selected_language(self) -> str | None:
        return self.texts_editor.selected_language()

    def select_language(self, lang: str) -> None:
        """Select a language of the selected phrase: its text goes to the editing line."""
        self.texts_editor.select_language(lang)

    def state_of(self, lang: str) -> str:
        """The state shown for `lang` of the selected phrase ("" if none is selected)."""
        return self.texts_editor.state_of(lang)

    def text_of(self, lang: str) -> str:
        return self.texts_editor.text_of(lang)

    def save_text(self) -> None:
        """Store the line's text as the office's text of the selected phrase in the selected
        language (an empty line takes the office's text out), as "Save text" does."""
        self.texts_editor.save_text()

    def revert(self) -> None:
        """Take the office's corrections of the selected shipped phrase back."""
        key = self.selected_key()
        if self._busy or key is None:
            return
        self._change(lambda store: revert_correction(store, key), key)

    def new_phrase(self) -> NewPhraseDialog:
        """Open the form for a phrase of the office's own (not blocking)."""
        if self._new is not None and shiboken6.isValid(self._new):
            self._new.deleteLater()
        field = self.field_combo.currentData() or None
        kind = self.kind_combo.currentData() or None
        dialog = NewPhraseDialog(self._db, FieldOfAction(field) if field else None, kind, self)
        dialog.accepted.connect(lambda: self._added(dialog))
        self._new = dialog
        dialog.open()
        return dialog

    # -- internals ---------------------------------------------------------------------------

    def _show_book(self, book: PhraseBook) -> None:
        if not shiboken6.isValid(self):
            return
        self._book = book
        wanted, self._to_select = self._to_select, None
        self._fill_list(wanted)
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        if shiboken6.isValid(self):
            self._busy = False
            self._update_buttons()
            self.error_label.setText(error_text(error))

    def _save_text(self, lang: str, text: str) -> None:
        key = self.selected_key()
        if self._busy or key is None:
            return
        self._change(lambda store: correct_phrase(store, key, lang, text), key)

    def _change(self, op: Callable[[Store], object], key: str) -> None:
        self._busy = True
        self._update_buttons()
        self.error_label.clear()
        self._to_select = key

        def done(_result: object) -> None:
            if shiboken6.isValid(self):
                self._busy = False
                self.reload()

        self._db.run(op, done, self._failed)

    def _added(self, dialog: NewPhraseDialog) -> None:
        if dialog.saved is None:
            return
        self.search_edit.clear()
        self.set_field(dialog.saved.field_of_action)
        self.set_kind(None)
        self._to_select = dialog.saved.id  # once the book is read again
        self.reload()

    def _fill_list(self, wanted: str | None = None) -> None:
        """List the phrases the filter lets through, keeping the selection (or selecting
        `wanted`)."""
        selected = wanted or self.selected_key()
        language_row = self.texts_editor.language_row()
        field = self.field_combo.currentData() or None
        kind = self.kind_combo.currentData() or None
        words = fold(self.search_edit.text()).split()
        phrases = (
            self._book.phrases(FieldOfAction(field) if field else None, kind) if self._book else []
        )
        self._shown = [p for p in phrases if all(w in fold(p.texts["de"]) for w in words)]
        self.phrase_list.blockSignals(True)
        try:
            self.phrase_list.clear()
            for phrase in self._shown:
                item = QTreeWidgetItem([phrase.texts["de"], kind_label(phrase.kind)])
                item.setData(0, KEY, phrase.key)
                item.setToolTip(0, phrase.meaning or phrase.texts["de"])
                if not phrase.shipped:
                    font = item.font(0)
                    font.setItalic(True)
                    item.setFont(0, font)
                self.phrase_list.addTopLevelItem(item)
        finally:
            self.phrase_list.blockSignals(False)
        count = len(self._shown)
        self.count_label.setText(
            self.tr("1 phrase") if count == 1 else self.tr("%1 phrases").replace("%1", str(count))
        )
        if selected:
            self.select_phrase(selected)
        if not self.selected_key() and self._shown:  # never an empty table beside a list
            self.select_phrase(self._shown[0].key)
        self._show_phrase()
        if language_row >= 0 and self.selected_key():
            self.texts_editor.select_row(language_row)

    def _phrase(self) -> Phrase | None:
        key = self.selected_key()
        return self._book.get(key) if self._book and key else None

    def _show_phrase(self) -> None:
        self.texts_editor.show_phrase(self._phrase())

    def _update_buttons(self) -> None:
        self.texts_editor.update_buttons()


def open_phrase_book(parent: QWidget, db: DbWorker) -> PhraseBookDialog | None:
    """Open the phrase book (not blocking); None if no case file is open."""
    if not db.is_open:
        return None
    dialog = PhraseBookDialog(db, parent)
    books = phrase_source(db)
    dialog.finished.connect(lambda _result: books.reload())  # the tabs suggest what was written
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
