"""The office's phrase book in the app: filtered, a translation corrected and taken back, a
phrase of the office's own added; everything in the case file, through the database worker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from desktop.domain.catalogues import FieldOfAction
from desktop.domain.model import OfficePhrase
from desktop.services.phrases import phrase_book
from desktop.store.store import Store
from desktop.ui.settings.new_phrase_dialog import NewPhraseDialog
from desktop.ui.settings.phrase_book_dialog import PhraseBookDialog
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.widgets.db_worker import DbWorker

Settle = Callable[[DbWorker], None]
KEY = "goal.work.job"  # "Eine Arbeit finden", shipped with a draft Arabic text
SHIPPED_AR = "إيجاد عمل"
CORRECTED_AR = "العثور على عمل"


@pytest.fixture
def dialog(qtbot: QtBot, db: DbWorker, settle: Settle) -> PhraseBookDialog:
    shown = PhraseBookDialog(db)
    qtbot.addWidget(shown)
    shown.show()
    settle(db)
    return shown


def test_the_list_is_filtered_by_field_kind_and_words(dialog: PhraseBookDialog) -> None:
    book = dialog.book()
    assert book is not None
    assert len(dialog.shown_keys()) == len(book) >= 150
    dialog.set_field(FieldOfAction.WORK)
    work = dialog.shown_keys()
    assert work and KEY in work
    assert work == [p.key for p in book.phrases(FieldOfAction.WORK)]
    dialog.set_kind("goal")
    assert KEY in dialog.shown_keys()
    assert all(key.startswith("goal.work.") for key in dialog.shown_keys())
    dialog.search("arbeit finden")
    assert dialog.shown_keys() == [KEY]
    assert dialog.count_label.text() == "1 phrase"
    dialog.set_kind("measure")
    assert KEY not in dialog.shown_keys()


def test_the_arabic_text_corrected_and_taken_back(
    dialog: PhraseBookDialog, store: Store, db: DbWorker, settle: Settle
) -> None:
    dialog.set_field(FieldOfAction.WORK)
    assert dialog.select_phrase(KEY)
    assert dialog.text_of("de") == "Eine Arbeit finden"
    assert dialog.text_of("ar") == SHIPPED_AR
    assert dialog.state_of("ar") == "draft"
    assert dialog.state_of("de") == "reviewed"
    assert not dialog.revert_button.isEnabled()  # nothing of the office's to take back
    dialog.select_language("ar")
    assert dialog.text_edit.text() == SHIPPED_AR
    assert dialog.text_edit.layoutDirection() == Qt.LayoutDirection.RightToLeft
    dialog.text_edit.setText(CORRECTED_AR)
    dialog.save_text()
    settle(db)
    assert phrase_book(store).text(KEY, "ar") == CORRECTED_AR
    assert dialog.selected_key() == KEY and dialog.selected_language() == "ar"
    assert dialog.text_of("ar") == CORRECTED_AR
    assert dialog.state_of("ar") == "office"
    assert dialog.state_of("fa") == "draft"
    assert dialog.revert_button.isEnabled()
    dialog.select_language("tr")
    assert dialog.text_edit.layoutDirection() == Qt.LayoutDirection.LeftToRight

    dialog.revert()
    settle(db)
    assert phrase_book(store).text(KEY, "ar") == SHIPPED_AR
    assert store.find(OfficePhrase, KEY) is None
    assert dialog.text_of("ar") == SHIPPED_AR
    assert dialog.state_of("ar") == "draft"
    assert not dialog.revert_button.isEnabled()


def test_an_own_phrase_is_added_listed_and_suggested(
    dialog: PhraseBookDialog, store: Store, db: DbWorker, settle: Settle
) -> None:
    dialog.set_field(FieldOfAction.HOUSING)
    dialog.set_kind("measure")
    form = dialog.new_phrase()
    assert isinstance(form, NewPhraseDialog)
    assert form.field_combo.currentData() == "housing"
    assert form.kind_combo.currentData() == "measure"
    assert form.text_edits["ar"].layoutDirection() == Qt.LayoutDirection.RightToLeft
    form.accept()  # no German: refused
    assert form.error_label.text() == "Please type the German text of the phrase."
    form.german_edit.setText("Wohnungsgeberbestätigung beim Vermieter abholen")
    form.text_edits["ar"].setText("استلام تأكيد المؤجر")
    form.accept()
    settle(db)
    assert form.saved is not None
    key = form.saved.id
    assert key.startswith("office.measure.")
    assert key in dialog.shown_keys() and dialog.selected_key() == key
    assert dialog.text_of("ar") == "استلام تأكيد المؤجر"
    assert dialog.state_of("ar") == "office"
    assert dialog.state_of("tr") == "missing"
    assert not dialog.revert_button.isEnabled()  # its own phrase: nothing shipped to go back to
    suggested = phrase_book(store).suggest("Wohnungsgeberbest", kind="measure")
    assert key in [phrase.key for phrase in suggested]


def test_the_case_file_menu_opens_the_phrase_book(
    qtbot: QtBot, db: DbWorker, settle: Settle, case_root: Path
) -> None:
    window = MainWindow(db, case_root)
    qtbot.addWidget(window)
    window.show()
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    assert window.phrase_book_action in file_menu.actions()
    assert window.phrase_book_action.text() == "Phrase &book…"
    window.phrase_book_action.trigger()
    settle(db)
    dialogs = window.findChildren(PhraseBookDialog)
    assert len(dialogs) == 1
    assert dialogs[0].windowTitle() == "Phrase book"
    assert dialogs[0].book() is not None
    assert dialogs[0].width() <= 1366 and dialogs[0].height() <= 768
    window.lock()
    assert not window.phrase_book_action.isEnabled()
