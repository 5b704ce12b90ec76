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
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.catalogues import FieldOfAction
from desktop.domain.errors import WelcomeDeskError
from desktop.domain.model import OfficePhrase
from desktop.domain.names import fold
from desktop.domain.texts import Texts
from desktop.services.phrases import (
    KINDS,
    Phrase,
    PhraseBook,
    add_office_phrase,
    correct_phrase,
    phrase_book,
    print_languages,
    revert_correction,
    right_to_left,
)
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.errors import error_text
from desktop.ui.widgets.formatting import label
from desktop.ui.widgets.formatting import language as language_label
from desktop.ui.widgets.i18n import Retranslating
from desktop.ui.widgets.phrase_source import phrase_source
from desktop.ui.widgets.style import error_label, read_only_list

if TYPE_CHECKING:
    from desktop.services.casefile import Store

KEY = Qt.ItemDataRole.UserRole
LANGUAGES = print_languages()  # German first, then the print languages
BOOK_CHANNEL = "phrase-book"
LANGUAGE, TEXT, STATE = range(3)


def kind_label(kind: str) -> str:
    """A phrase kind's name in the window's language."""
    names = {
        "goal": QCoreApplication.translate("PhraseBookDialog", "Goal"),
        "measure": QCoreApplication.translate("PhraseBookDialog", "Measure"),
        "appointment": QCoreApplication.translate("PhraseBookDialog", "Appointment purpose"),
        "request": QCoreApplication.translate("PhraseBookDialog", "Please bring"),
    }
    return names.get(kind, kind)


class PhraseBookDialog(Retranslating, QDialog):
    """The phrases (filtered by field of action, kind and words of their German), and the
    selected phrase's text and state in every language, to correct one by one.

    Testable without exec(): `set_field`, `set_kind`, `search`, `shown_keys`, `select_phrase`,
    `select_language`, `text_edit` + `save_text`, `revert`, `new_phrase`, `state_of`; the book
    is there once the worker has answered (`loaded`).
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

        self.phrase_caption = QLabel()
        self.phrase_caption.setWordWrap(True)
        self.languages = QTableWidget(len(LANGUAGES), 3)
        self.languages.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.languages.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.languages.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.languages.verticalHeader().setVisible(False)
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
        self.revert_button.clicked.connect(self.revert)
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
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.phrase_caption)
        right_layout.addWidget(self.languages, 1)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.text_caption)
        edit_row.addWidget(self.text_edit, 1)
        edit_row.addWidget(self.save_text_button)
        right_layout.addLayout(edit_row)
        right_layout.addWidget(self.revert_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.splitter = QSplitter()
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        bottom = QHBoxLayout()
        bottom.addWidget(self.new_button)
        bottom.addStretch(1)
        bottom.addWidget(self._buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(bottom)
        self.resize(1180, 660)  # fits 1366 x 768 with the taskbar
        self.splitter.setSizes([500, 680])
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
        self.languages.setHorizontalHeaderLabels(
            [self.tr("Language"), self.tr("Text"), self.tr("State")]
        )
        self.save_text_button.setText(self.tr("Save &text"))
        self.revert_button.setText(self.tr("&Revert to the shipped texts"))
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
        row = self.languages.currentRow()
        return LANGUAGES[row] if 0 <= row < len(LANGUAGES) and self.selected_key() else None

    def select_language(self, lang: str) -> None:
        """Select a language of the selected phrase: its text goes to the editing line."""
        self.languages.selectRow(LANGUAGES.index(lang))

    def state_of(self, lang: str) -> str:
        """The state shown for `lang` of the selected phrase ("" if none is selected)."""
        item = self.languages.item(LANGUAGES.index(lang), STATE)
        return item.text() if item is not None and self.selected_key() else ""

    def text_of(self, lang: str) -> str:
        item = self.languages.item(LANGUAGES.index(lang), TEXT)
        return item.text() if item is not None and self.selected_key() else ""

    def save_text(self) -> None:
        """Store the line's text as the office's text of the selected phrase in the selected
        language (an empty line takes the office's text out)."""
        key, lang = self.selected_key(), self.selected_language()
        if self._busy or key is None or lang is None:
            return
        text = self.text_edit.text()
        self._change(lambda store: correct_phrase(store, key, lang, text), key)

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

    def _edit_language(self) -> None:
        """To the editing line, with the selected language's text selected."""
        self.text_edit.setFocus()
        self.text_edit.selectAll()

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
        language_row = self.languages.currentRow()
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
            self.languages.selectRow(language_row)

    def _phrase(self) -> Phrase | None:
        key = self.selected_key()
        return self._book.get(key) if self._book and key else None

    def _show_phrase(self) -> None:
        phrase = self._phrase()
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

    def _state(self, phrase: Phrase, lang: str) -> str:
        if lang in phrase.office:
            return self.tr("office")
        if phrase.text(lang) is None:
            return self.tr("missing")
        return self.tr("reviewed") if phrase.reviewed(lang) else self.tr("draft")

    def _show_language(self) -> None:
        phrase, lang = self._phrase(), self.selected_language()
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
        self._update_buttons()

    def _update_buttons(self) -> None:
        phrase, lang = self._phrase(), self.selected_language()
        editable = not self._busy and phrase is not None and lang is not None
        self.text_edit.setEnabled(editable)
        self.save_text_button.setEnabled(editable)
        self.revert_button.setEnabled(
            not self._busy and phrase is not None and phrase.shipped and bool(phrase.office)
        )


class NewPhraseDialog(Retranslating, QDialog):
    """A phrase of the office's own: field of action, kind, German text and, if known, its
    texts in the print languages. Saved on the worker; `saved` is the stored phrase then."""

    def __init__(
        self,
        db: DbWorker,
        field: FieldOfAction | None = None,
        kind: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._saving = False
        self.saved: OfficePhrase | None = None
        self.field_combo = QComboBox()
        for member in FieldOfAction:
            self.field_combo.addItem("", member.value)
        if field is not None:
            self.field_combo.setCurrentIndex(self.field_combo.findData(field.value))
        self.kind_combo = QComboBox()
        for value in KINDS:
            self.kind_combo.addItem("", value)
        if kind is not None:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
        self.german_edit = QLineEdit()
        self.text_edits: dict[str, QLineEdit] = {}
        for lang in LANGUAGES[1:]:
            edit = QLineEdit()
            if right_to_left(lang):
                edit.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            self.text_edits[lang] = edit
        self._captions = [QLabel() for _ in range(3)]
        head = QFormLayout()
        for caption, widget in zip(
            self._captions, (self.field_combo, self.kind_combo, self.german_edit), strict=True
        ):
            caption.setBuddy(widget)
            head.addRow(caption, widget)
        self._language_captions: dict[str, QLabel] = {}
        texts = QWidget()
        texts_form = QFormLayout(texts)
        for lang, edit in self.text_edits.items():
            caption = QLabel()
            caption.setBuddy(edit)
            texts_form.addRow(caption, edit)
            self._language_captions[lang] = caption
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(texts)
        self._texts_caption = QLabel()
        self.error_label = error_label()
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self._texts_caption)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self._buttons)
        self.resize(560, 620)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New phrase"))
        for caption, text in zip(
            self._captions,
            (self.tr("&Field of action:"), self.tr("&Kind:"), self.tr("&German:")),
            strict=True,
        ):
            caption.setText(text)
        for index, member in enumerate(FieldOfAction):
            self.field_combo.setItemText(index, label(member))
        for index, value in enumerate(KINDS):
            self.kind_combo.setItemText(index, kind_label(value))
        self._texts_caption.setText(self.tr("Texts in the print languages (if known):"))
        for lang, caption in self._language_captions.items():
            caption.setText(f"{language_label(lang)}:")
        self._buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self._buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def accept(self) -> None:
        """Check the entry, then add the phrase on the worker; closes once it is stored."""
        if self._saving:
            return
        german = self.german_edit.text().strip()
        if not german:
            self.error_label.setText(self.tr("Please type the German text of the phrase."))
            self.german_edit.setFocus()
            return
        field = FieldOfAction(self.field_combo.currentData())
        kind = str(self.kind_combo.currentData())
        try:
            texts = Texts({lang: edit.text() for lang, edit in self.text_edits.items()})
        except WelcomeDeskError as error:
            self.error_label.setText(error_text(error))
            return
        self._set_saving(True)
        self._db.run(
            lambda store: add_office_phrase(store, field, kind, german, texts),
            self._saved,
            self._not_saved,
        )

    def reject(self) -> None:
        if not self._saving:
            super().reject()

    def _saved(self, phrase: OfficePhrase) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_saving(False)
        self.saved = phrase
        super().accept()

    def _not_saved(self, error: BaseException) -> None:
        if shiboken6.isValid(self):
            self._set_saving(False)
            self.error_label.setText(error_text(error))

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        for button in self._buttons.buttons():
            button.setEnabled(not saving)


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
