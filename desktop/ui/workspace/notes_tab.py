"""Dated counselling notes, newest first, and a field to add one.

Notes are append-only by design (they never conflict between devices): a note once added is
shown read-only and cannot be edited here. Adding one runs on the database worker; the typed
text stays in the field until the note is in the case file.
"""

from __future__ import annotations

import contextlib
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import parse_date
from desktop.domain.errors import InvalidInput, WelcomeDeskError
from desktop.domain.model import Note
from desktop.services import casework
from desktop.services.workspace import CaseView
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.errors import error_said
from desktop.ui.widgets.formatting import format_date
from desktop.ui.widgets.i18n import LiveText, Retranslating
from desktop.ui.widgets.message_label import MessageLabel
from desktop.ui.widgets.style import ERROR_STYLE

ID_ROLE = Qt.ItemDataRole.UserRole


class _NoteEdit(QPlainTextEdit):
    """The text of a new note; Ctrl+Return adds it."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class NotesTab(Retranslating, QWidget):
    """The client's notes, newest first, read-only; a new one is added with a date."""

    changed = Signal()

    def __init__(self, db: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._client_id: str | None = None
        self._notes: list[Note] = []
        self.notes = QListWidget()
        self.notes.setWordWrap(True)
        self.notes.setAlternatingRowColors(True)
        self.notes.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.empty_hint = QLabel()
        self.empty_hint.setEnabled(False)  # greyed out: a hint, not content
        self.text = _NoteEdit()
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * 5)
        self.text.submitted.connect(self.add_note)
        self.date = QLineEdit()
        self.date.setMaximumWidth(self.date.fontMetrics().averageCharWidth() * 16)
        self.date_label = QLabel()
        self.date_label.setBuddy(self.date)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_note)
        self.error = MessageLabel(ERROR_STYLE)
        self._lay_out()
        self.retranslate()
        self.clear()

    def _lay_out(self) -> None:
        row = QHBoxLayout()
        row.addWidget(self.date_label)
        row.addWidget(self.date)
        row.addStretch(1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notes, 1)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.text)
        layout.addLayout(row)
        layout.addWidget(self.error)

    # The tab protocol of the case workspace.

    def set_case(self, view: CaseView) -> None:
        """Show this client's notes; a note being typed for the same client stays."""
        if view.client.id != self._client_id:
            self._reset_input()
        self._client_id = view.client.id
        self._notes = list(view.notes)
        self._render()
        self._set_enabled(True)

    def flush(self) -> None:
        """Add a typed note that was not added yet (an empty one is not)."""
        text = self.text.toPlainText().strip()
        if self._client_id is None or not text:
            return
        try:
            written_on = self._written_on()
        except InvalidInput:
            written_on = date.today()  # never lose the words over a mistyped date
        self._add(text, written_on)

    def clear(self) -> None:
        """Forget the client: no note, no typed text remains."""
        self._client_id = None
        self._notes = []
        self._reset_input()
        self._render()
        self._set_enabled(False)

    # Adding.

    def add_note(self) -> bool:
        """Add the typed note with its date; True if it was sent to the case file (`changed`
        follows when it is there)."""
        if self._client_id is None:
            return False
        text = self.text.toPlainText().strip()
        if not text:
            self._show_error(lambda: self.tr("Write the note first, then add it."))
            return False
        try:
            written_on = self._written_on()
        except InvalidInput as error:
            self._show_error(error_said(error))
            return False
        return self._add(text, written_on)

    def _add(self, text: str, written_on: date) -> bool:
        assert self._client_id is not None
        try:
            note = Note(self._client_id, written_on, text, author="")
        except WelcomeDeskError as error:
            self._show_error(error_said(error))
            return False
        client_id = self._client_id
        self._db.run(
            lambda store: casework.add(store, note),
            lambda _done: self._added(client_id, note),
            self._failed,
        )
        return True

    def _added(self, client_id: str, note: Note) -> None:
        if client_id == self._client_id:  # still this client's tab
            self._notes.insert(0, note)  # first among notes of the same day: the newest
            self._notes.sort(key=lambda n: n.written_on, reverse=True)
            self._render()
            if self.text.toPlainText().strip() == note.text:
                self._reset_input()
        self.changed.emit()

    def _failed(self, error: BaseException) -> None:
        self._show_error(error_said(error))

    def _written_on(self) -> date:
        text = self.date.text().strip()
        return parse_date(text, self.tr("the note")) if text else date.today()

    # What the coordinator sees.

    def _render(self) -> None:
        self.notes.clear()
        for note in self._notes:
            head = format_date(note.written_on)
            if note.author:
                head = f"{head} · {note.author}"
            item = QListWidgetItem(f"{head}\n{note.text}")
            item.setData(ID_ROLE, note.id)
            self.notes.addItem(item)
        self.empty_hint.setVisible(self._client_id is not None and not self._notes)

    def _reset_input(self) -> None:
        self.text.clear()
        self.date.setText(format_date(date.today()))
        self._show_error("")

    def _show_error(self, text: LiveText) -> None:
        self.error.say(text)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.text, self.date, self.add_button):
            widget.setEnabled(enabled)

    def retranslate(self) -> None:
        self.empty_hint.setText(self.tr("No notes yet for this client."))
        self.text.setPlaceholderText(self.tr("New note (Ctrl+Return adds it)"))
        self.date_label.setText(self.tr("Date"))
        self.add_button.setText(self.tr("Add note"))
        self.add_button.setToolTip(self.tr("Notes cannot be changed once added."))
        with contextlib.suppress(InvalidInput):  # a mistyped date stays for correction
            self.date.setText(format_date(self._written_on()))
        self._render()
