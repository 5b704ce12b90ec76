"""The editors of the overview tab: each shows one client field and reads the typed value back.

An editor owns one widget. `value()` returns the typed value as the domain wants it (a date, a
catalogue member, a tuple) or raises InvalidInput with one sentence; `show_value()` never emits
the commit signal, so filling the form never saves.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSignalBlocker, QStringListModel, Qt, Signal
from PySide6.QtGui import QFocusEvent, QWheelEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.catalogues import Catalogue, ConsentScope, Housing, ResidenceStatus, Sex
from desktop.domain.dates import PartialDate, parse_date
from desktop.domain.errors import InvalidInput
from desktop.domain.model import LanguageSkill
from desktop.domain.names import fold
from desktop.domain.places import COUNTRIES, LANGUAGES, check_country, check_language
from desktop.ui.widgets.formatting import format_date, label, language
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


class _ComboBox(QComboBox):
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
        self.combo = _ComboBox()
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


class CountryEditor(Editor):
    """A nationality: pick from the list, or type a name or code in either language."""

    def __init__(self) -> None:
        self.combo = _ComboBox()
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.widget = self.combo
        self._fill()

    def _fill(self) -> None:
        lang = self._lang = current_language()
        names = [((de if lang == "de" else en), code) for code, (de, en) in COUNTRIES.items()]
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
        with QSignalBlocker(self.combo):
            index = self.combo.findData(value) if value else -1
            self.combo.setCurrentIndex(index)
            if index < 0:
                self.combo.setEditText(str(value or ""))

    def value(self) -> Any:
        text = self.combo.currentText().strip()
        if not text:
            return ""
        index = self.combo.currentIndex()
        if index >= 0 and self.combo.itemText(index) == text:
            return self.combo.itemData(index)
        return check_country(text)

    def relabel(self) -> None:
        if self._lang == current_language():
            return
        try:
            code = self.value()
        except InvalidInput:
            return  # keep the typed text for correction; names follow with the next case
        self._fill()
        self.show_value(code)


class LanguagesEditor(Editor):
    """Languages with levels as text ("ar:native, de:A2"), their names shown beneath."""

    def __init__(self) -> None:
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("ar:native, de:A2")
        self.names = QLabel()
        self.names.setTextFormat(Qt.TextFormat.PlainText)
        self.names.setWordWrap(True)
        self.widget = QWidget()
        column = QVBoxLayout(self.widget)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.edit)
        column.addWidget(self.names)

    def connect(self, commit: Commit) -> None:
        self.edit.editingFinished.connect(commit)

    def show_value(self, value: Any) -> None:
        skills: tuple[LanguageSkill, ...] = value or ()
        self.edit.setText(", ".join(str(skill) for skill in skills))
        self.names.setText(", ".join(_skill_name(skill) for skill in skills))

    def value(self) -> Any:
        parts = (part for part in self.edit.text().split(",") if part.strip())
        return tuple(LanguageSkill.parse(part) for part in parts)

    def relabel(self) -> None:
        with contextlib.suppress(InvalidInput):
            self.names.setText(", ".join(_skill_name(skill) for skill in self.value()))


def _skill_name(skill: LanguageSkill) -> str:
    return f"{language(skill.code)} ({skill.level})" if skill.level else language(skill.code)


class LanguageEditor(Editor):
    """One language, shown by its name, typed as a name or a code."""

    def __init__(self) -> None:
        self.edit = QLineEdit()
        self._names = QStringListModel()
        completer = QCompleter(self._names, self.edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.edit.setCompleter(completer)
        self.widget = self.edit
        self._shown = ("", "")  # (text, code): what was shown reads back as exactly that code
        self._fill()

    def _fill(self) -> None:
        self._lang = current_language()
        index = 1 if self._lang == "en" else 0
        self._names.setStringList(sorted({names[index] for names in LANGUAGES.values()}, key=fold))

    def connect(self, commit: Commit) -> None:
        self.edit.editingFinished.connect(commit)

    def show_value(self, value: Any) -> None:
        code = str(value or "")
        try:
            text = language(code)
        except InvalidInput:  # an unknown code from an older file shows as it is
            text = code
        self._shown = (text, code)
        self.edit.setText(text)

    def value(self) -> Any:
        text = self.edit.text().strip()
        if text == self._shown[0]:
            return self._shown[1]
        return check_language(text) if text else ""

    def relabel(self) -> None:
        if self._lang != current_language():
            self._fill()
        with contextlib.suppress(InvalidInput):
            self.show_value(self.value())


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


def client_editors() -> dict[str, Editor]:
    """An editor for every field of the overview, by Client field name."""
    text = (
        "family_name",
        "given_names",
        "birth_place",
        "phone",
        "email",
        "street",
        "postcode",
        "city",
        "file_number",
    )
    dates = ("status_granted_on", "status_valid_until", "arrival_date", "consent_given_on",
             "consent_withdrawn_on", "opened_on", "closed_on")  # fmt: skip
    editors: dict[str, Editor] = {name: TextEditor() for name in text}
    editors.update({name: DateEditor() for name in dates})
    editors.update(
        other_names=LinesEditor(),
        sex=ChoiceEditor(Sex),
        birth_date=PartialDateEditor(),
        nationality=CountryEditor(),
        languages=LanguagesEditor(),
        interpreter_needed=FlagEditor(),
        interpreter_language=LanguageEditor(),
        residence_status=ChoiceEditor(ResidenceStatus),
        consent_scope=ScopesEditor(),
        housing=ChoiceEditor(Housing),
    )
    return editors
