"""The editors of the overview tab: each shows one client field and reads the typed value back.

An editor owns one widget. `value()` returns the typed value as the domain wants it (a date, a
catalogue member, a tuple) or raises InvalidInput with one sentence; `show_value()` never emits
the commit signal, so filling the form never saves.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFocusEvent, QWheelEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.catalogues import Catalogue, ConsentScope
from desktop.domain.dates import PartialDate, parse_date
from desktop.domain.errors import InvalidInput
from desktop.domain.names import fold
from desktop.domain.places import COUNTRIES, LANGUAGES, check_country, check_language
from desktop.ui.widgets.formatting import format_date, label
from desktop.ui.widgets.i18n import current_language

Commit = Callable[[], None]


class Editor:
    """One client field in one widget."""

    widget: QWidget
    caption = ""  # the row's visible label, used to name the field in error sentences

    def connect(self, commit: Commit) -> None:
        """Call `commit` when the user has finished an edit."""
        raise NotImplementedError

    def show_value(self, value: Any) -> None:
        """Show a stored value (None or empty shows an empty field)."""
        raise NotImplementedError

    def value(self) -> Any:
        """The typed value; raises InvalidInput if it cannot be read."""
        raise NotImplementedError

    def relabel(self) -> None:
        """Show names and dates in the current UI language."""

    def clear(self) -> None:
        self.show_value(None)

    def _field(self, fallback: str) -> str:
        return self.caption or fallback


class TextEditor(Editor):
    def __init__(self) -> None:
        self.edit = QLineEdit()
        self.widget = self.edit

    def connect(self, commit: Commit) -> None:
        self.edit.editingFinished.connect(commit)

    def show_value(self, value: Any) -> None:
        self.edit.setText(str(value or ""))

    def value(self) -> Any:
        return self.edit.text().strip()


class DateEditor(TextEditor):
    """A calendar date that may be empty (which QDateEdit cannot be)."""

    def show_value(self, value: Any) -> None:
        self.edit.setText(format_date(value))

    def value(self) -> Any:
        text = self.edit.text().strip()
        return parse_date(text, self._field("date")) if text else None

    def relabel(self) -> None:
        with contextlib.suppress(InvalidInput):  # typed text waiting for correction stays
            self.show_value(self.value())


class PartialDateEditor(DateEditor):
    """A birth date known to the day, the month or only the year."""

    def value(self) -> Any:
        text = self.edit.text().strip()
        return PartialDate.parse(text, self._field("birth_date")) if text else None


class _LinesEdit(QPlainTextEdit):
    """A plain text field that, like QLineEdit, reports the end of an edit when it loses focus."""

    editingFinished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editingFinished.emit()


class LinesEditor(Editor):
    """Several short texts, one a line (other spellings of a name)."""

    def __init__(self) -> None:
        self.edit = _LinesEdit()
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * 4)
        self.widget = self.edit

    def connect(self, commit: Commit) -> None:
        self.edit.editingFinished.connect(commit)

    def show_value(self, value: Any) -> None:
        self.edit.setPlainText("\n".join(value or ()))

    def value(self) -> Any:
        lines = (line.strip() for line in self.edit.toPlainText().splitlines())
        return tuple(line for line in lines if line)


class ComboBox(QComboBox):
    """A combo box that ignores the wheel unless it has focus: scrolling the form must not
    change (and so save) whatever choice passes under the mouse."""

    def __init__(self) -> None:
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # the scroll area scrolls instead


class ChoiceEditor(Editor):
    """One value of a catalogue, or none."""

    def __init__(self, catalogue: type[Catalogue]) -> None:
        self.catalogue = catalogue
        self.combo = ComboBox()
        self.combo.addItem("", None)
        for member in catalogue:
            self.combo.addItem(label(member), member.value)
        self.widget = self.combo

    def connect(self, commit: Commit) -> None:
        self.combo.currentIndexChanged.connect(lambda _index: commit())

    def show_value(self, value: Any) -> None:
        with QSignalBlocker(self.combo):
            self.combo.setCurrentIndex(max(0, self.combo.findData(value.value if value else None)))

    def value(self) -> Any:
        data = self.combo.currentData()
        return self.catalogue(data) if data else None

    def relabel(self) -> None:
        for index, member in enumerate(self.catalogue, start=1):
            self.combo.setItemText(index, label(member))


class NamesEditor(Editor):
    """A code from a table of names (countries, languages): picked from the list, whose names
    are in the UI language and which is searched by any part of a name as it is typed, or typed
    as a name in either language or as a code."""

    names: dict[str, tuple[str, str]]  # code -> (German, English)

    def __init__(self) -> None:
        self.combo = ComboBox()
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.widget = self.combo
        self._shown = ("", "")  # (text, code): what was shown reads back as exactly that code
        self._fill()

    def check(self, text: str) -> str:
        """The code for a typed name or code; InvalidInput if there is none."""
        raise NotImplementedError

    def _fill(self) -> None:
        lang = self._lang = current_language()
        names = [((de if lang == "de" else en), code) for code, (de, en) in self.names.items()]
        names.sort(key=lambda pair: fold(pair[0]))
        with QSignalBlocker(self.combo):
            self.combo.clear()
            for name, code in names:
                self.combo.addItem(name, code)
        completer = self.combo.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def connect(self, commit: Commit) -> None:
        self.combo.activated.connect(lambda _index: commit())
        line = self.combo.lineEdit()
        if line is not None:
            line.editingFinished.connect(commit)

    def show_value(self, value: Any) -> None:
        code = str(value or "")
        with QSignalBlocker(self.combo):
            index = self.combo.findData(code) if code else -1
            self.combo.setCurrentIndex(index)
            if index < 0:  # an unknown code from an older file shows as it is
                self.combo.setEditText(code)
        self._shown = (self.combo.currentText(), code)

    def value(self) -> Any:
        text = self.combo.currentText().strip()
        if not text:
            return ""
        if text == self._shown[0]:
            return self._shown[1]
        index = self.combo.currentIndex()
        if index >= 0 and self.combo.itemText(index) == text:
            return self.combo.itemData(index)
        return self.check(text)

    def relabel(self) -> None:
        if self._lang == current_language():
            return
        typed = self.combo.currentText()
        try:
            code = self.value()
        except InvalidInput:
            code = None
        self._fill()
        if code is not None:
            self.show_value(code)
            return
        with QSignalBlocker(self.combo):  # typed text waiting for correction stays
            self.combo.setCurrentIndex(-1)
            self.combo.setEditText(typed)


class CountryEditor(NamesEditor):
    """A nationality: pick from the list, or type a name or code in either language."""

    names = COUNTRIES

    def check(self, text: str) -> str:
        return check_country(text)


class LanguageEditor(NamesEditor):
    """A language: pick from the list, or type a name or code in either language."""

    names = LANGUAGES

    def check(self, text: str) -> str:
        return check_language(text)


class FlagEditor(Editor):
    """Yes or no."""

    def __init__(self) -> None:
        self.box = QCheckBox()
        self.widget = self.box

    def connect(self, commit: Commit) -> None:
        self.box.toggled.connect(lambda _on: commit())

    def show_value(self, value: Any) -> None:
        with QSignalBlocker(self.box):
            self.box.setChecked(bool(value))

    def value(self) -> Any:
        return self.box.isChecked()


class ScopesEditor(Editor):
    """What the client consented to: one checkbox for each ConsentScope."""

    def __init__(self) -> None:
        self.widget = QWidget()
        column = QVBoxLayout(self.widget)
        column.setContentsMargins(0, 0, 0, 0)
        self.boxes = {scope: QCheckBox(label(scope)) for scope in ConsentScope}
        for box in self.boxes.values():
            column.addWidget(box)

    def connect(self, commit: Commit) -> None:
        for box in self.boxes.values():
            box.toggled.connect(lambda _on: commit())

    def show_value(self, value: Any) -> None:
        chosen = set(value or ())
        for scope, box in self.boxes.items():
            with QSignalBlocker(box):
                box.setChecked(scope in chosen)

    def value(self) -> Any:
        return tuple(scope for scope, box in self.boxes.items() if box.isChecked())

    def relabel(self) -> None:
        for scope, box in self.boxes.items():
            box.setText(label(scope))
