"""The notes tab over a real case file: notes newest first, added with a date, never lost."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QListWidget, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.model import Client, Note
from desktop.services import casework
from desktop.services.casefile import Store
from desktop.services.workspace import load_case
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.workspace.notes_tab import NotesTab

Settle = Callable[[DbWorker], None]


@pytest.fixture
def client(add: Callable[..., Client], store: Store) -> Client:
    layla = add(family_name="Haddad", given_names="Layla")
    casework.add(
        store,
        Note(layla.id, date(2026, 1, 15), "First talk: Layla needs a language course."),
        Note(layla.id, date(2026, 3, 2), "Layla registered for the B1 course."),
        Note(layla.id, date(2025, 11, 30), "Arrived in town."),
    )
    return layla


@pytest.fixture
def tab(qtbot: QtBot, db: DbWorker, store: Store, client: Client) -> NotesTab:
    widget = NotesTab(db)
    qtbot.addWidget(widget)
    widget.show()
    widget.set_case(load_case(store, client.id))
    return widget


def shown_notes(tab: NotesTab) -> list[str]:
    return [tab.notes.item(row).text() for row in range(tab.notes.count())]


def stored_texts(store: Store, client: Client) -> list[str]:
    return [note.text for note in load_case(store, client.id).notes]


def texts_of(widget: QWidget) -> list[str]:
    texts = [w.text() for w in widget.findChildren(QLabel)]
    texts += [w.text() for w in widget.findChildren(QLineEdit)]
    texts += [w.toPlainText() for w in widget.findChildren(QPlainTextEdit)]
    texts += [w.currentText() for w in widget.findChildren(QComboBox)]
    for view in widget.findChildren(QListWidget):
        texts += [view.item(row).text() for row in range(view.count())]
    return texts


def test_notes_are_shown_newest_first_with_their_date(tab: NotesTab) -> None:
    assert shown_notes(tab) == [
        "2026-03-02\nLayla registered for the B1 course.",
        "2026-01-15\nFirst talk: Layla needs a language course.",
        "2025-11-30\nArrived in town.",
    ]
    assert not tab.empty_hint.isVisible()


def test_the_date_of_a_new_note_is_today(tab: NotesTab) -> None:
    assert tab.date.text() == date.today().isoformat()


def test_the_button_adds_a_note_and_clears_the_field(
    qtbot: QtBot, tab: NotesTab, store: Store, client: Client
) -> None:
    qtbot.keyClicks(tab.text, "Phoned the Jobcenter about the course fee.")
    with qtbot.waitSignal(tab.changed):
        qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert stored_texts(store, client)[0] == "Phoned the Jobcenter about the course fee."
    assert shown_notes(tab)[0] == (
        f"{date.today().isoformat()}\nPhoned the Jobcenter about the course fee."
    )
    assert tab.text.toPlainText() == ""


def test_ctrl_return_adds_the_note_with_the_typed_date(
    qtbot: QtBot, tab: NotesTab, store: Store, client: Client
) -> None:
    tab.date.setText("20.02.2026")
    qtbot.keyClicks(tab.text, "Visit at home.")
    with qtbot.waitSignal(tab.changed):
        qtbot.keyClick(tab.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    notes = load_case(store, client.id).notes
    assert [(n.written_on, n.text) for n in notes][1] == (date(2026, 2, 20), "Visit at home.")
    assert shown_notes(tab)[1] == "2026-02-20\nVisit at home."  # in date order, not at the top


def test_return_alone_starts_a_new_line(qtbot: QtBot, tab: NotesTab) -> None:
    with qtbot.assertNotEmitted(tab.changed):
        qtbot.keyClicks(tab.text, "line one")
        qtbot.keyClick(tab.text, Qt.Key.Key_Return)
    assert tab.text.toPlainText() == "line one\n"


def test_an_invalid_date_shows_an_error_and_adds_nothing(
    qtbot: QtBot, tab: NotesTab, store: Store, client: Client, db: DbWorker, settle: Settle
) -> None:
    tab.date.setText("31.02.2026")
    qtbot.keyClicks(tab.text, "Should wait.")
    with qtbot.assertNotEmitted(tab.changed):
        qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
        settle(db)
    assert "Should wait." not in stored_texts(store, client)
    assert tab.error.isVisible()
    assert "'31.02.2026' is not a valid date" in tab.error.text()
    assert tab.text.toPlainText() == "Should wait."


def test_flush_adds_a_note_typed_but_not_added(
    qtbot: QtBot, tab: NotesTab, store: Store, client: Client
) -> None:
    qtbot.keyClicks(tab.text, "Typed just before switching the case.")
    with qtbot.waitSignal(tab.changed):
        tab.flush()
    assert stored_texts(store, client)[0] == "Typed just before switching the case."
    assert tab.text.toPlainText() == ""


def test_flush_keeps_the_words_even_with_a_mistyped_date(
    qtbot: QtBot, tab: NotesTab, store: Store, client: Client, db: DbWorker, settle: Settle
) -> None:
    tab.date.setText("2026-99")
    qtbot.keyClicks(tab.text, "Never lost.")
    tab.flush()
    settle(db)
    notes = load_case(store, client.id).notes
    assert (notes[0].written_on, notes[0].text) == (date.today(), "Never lost.")


def test_flush_does_not_add_an_empty_note(
    qtbot: QtBot, tab: NotesTab, store: Store, client: Client, db: DbWorker, settle: Settle
) -> None:
    qtbot.keyClicks(tab.text, "   ")
    with qtbot.assertNotEmitted(tab.changed):
        tab.flush()
        settle(db)
    assert len(stored_texts(store, client)) == 3


def test_an_empty_note_is_not_added_with_the_button(
    qtbot: QtBot, tab: NotesTab, store: Store, client: Client, db: DbWorker, settle: Settle
) -> None:
    with qtbot.assertNotEmitted(tab.changed):
        qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
        settle(db)
    assert len(stored_texts(store, client)) == 3
    assert tab.error.text() == "Write the note first, then add it."


def test_a_client_without_notes_shows_a_hint(
    tab: NotesTab, store: Store, add: Callable[..., Client]
) -> None:
    other = add(family_name="Rahimi", given_names="Farid")
    tab.set_case(load_case(store, other.id))
    assert shown_notes(tab) == []
    assert tab.empty_hint.isVisible()
    assert tab.empty_hint.text() == "No notes yet for this client."


def test_a_fresh_view_of_the_same_client_keeps_the_typed_note(
    qtbot: QtBot, tab: NotesTab, store: Store, client: Client
) -> None:
    qtbot.keyClicks(tab.text, "half a thought")
    tab.set_case(load_case(store, client.id))
    assert tab.text.toPlainText() == "half a thought"


def test_clear_leaves_no_client_data(qtbot: QtBot, tab: NotesTab) -> None:
    qtbot.keyClicks(tab.text, "Layla again")
    tab.clear()
    assert not any("Layla" in text or "town" in text for text in texts_of(tab))
    assert not tab.add_button.isEnabled()
