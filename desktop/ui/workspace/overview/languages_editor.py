"""The languages a client speaks: one row a language with its level, rows added and removed with
buttons, and beneath them the languages as saved ("Arabisch (Muttersprache), Deutsch (A2)").

A row's language is a LanguageEditor: its list names the languages in the UI language and is
searched by any part of a name as it is typed; a name in either language or a code typed reads
as well. Its level is one of —, A1-C2 and native. A finished choice and a removed row are edits
(`edited`); a row without a language is not part of the value until one is chosen.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import InvalidInput
from desktop.domain.model import CEFR_LEVELS, LEVEL_LABELS, LanguageSkill
from desktop.domain.places import language_name
from desktop.ui.widgets.formatting import language_level, language_skill
from desktop.ui.widgets.i18n import Retranslating
from desktop.ui.workspace.overview.overview_fields import ComboBox, Commit, Editor, LanguageEditor

LEVELS = ("", *CEFR_LEVELS)  # "": no level known
NO_LEVEL = "—"
NAME_LENGTH = 12  # characters a language's box shows at least: the form must fit 1366 pixels
LEVEL_LENGTH = max(len(label) for labels in LEVEL_LABELS.values() for label in labels)


class SkillRow(Retranslating, QWidget):
    """One language of the client: which, how well, and a button that removes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = LanguageEditor()
        names = self.language.combo
        names.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        names.setMinimumContentsLength(NAME_LENGTH)
        self.level = ComboBox()  # as wide in every row and language: the rows line up
        self.level.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.level.setMinimumContentsLength(LEVEL_LENGTH)
        for level in LEVELS:
            self.level.addItem("", level)
        self.remove_button = QToolButton()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(names, 1)
        row.addWidget(self.level)
        row.addWidget(self.remove_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.language.relabel()
        self.language.combo.setAccessibleName(self.tr("Language"))
        self.level.setAccessibleName(self.tr("Level"))
        for index, level in enumerate(LEVELS):
            self.level.setItemText(index, language_level(level) if level else NO_LEVEL)
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove this language from the list"))

    def show_skill(self, skill: LanguageSkill | None) -> None:
        self.language.show_value(skill.code if skill else "")
        with QSignalBlocker(self.level):
            self.level.setCurrentIndex(max(0, self.level.findData(skill.level if skill else "")))

    def skill(self) -> LanguageSkill | None:
        """The row's language and level; None while no language is chosen (InvalidInput for a
        name or code that is not a known language)."""
        code = self.language.value()
        return LanguageSkill(code, str(self.level.currentData() or "")) if code else None

    def is_blank(self) -> bool:
        """No language chosen or typed yet."""
        return not self.language.combo.currentText().strip()

    def focus_widgets(self) -> list[QWidget]:
        """The row's widgets in the order Tab goes through them."""
        return [self.language.combo, self.level, self.remove_button]


class LanguagesList(Retranslating, QWidget):
    """`skills()` reads the rows, `show_skills()` shows saved ones; `edited` when a language or a
    level is chosen or a row removed."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[SkillRow] = []
        self._saved: tuple[LanguageSkill, ...] = ()
        self._rows = QVBoxLayout()
        self._rows.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton()
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self._add_clicked)
        self.saved_label = QLabel()  # the languages as saved, as the rest of the app shows them
        self.saved_label.setTextFormat(Qt.TextFormat.PlainText)
        self.saved_label.setWordWrap(True)
        below = QHBoxLayout()
        below.addWidget(self.add_button)
        below.addWidget(self.saved_label, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self._rows)
        column.addLayout(below)
        self.retranslate()

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add la&nguage"))
        for row in self.rows:
            row.retranslate()
        self.saved_label.setText(", ".join(language_skill(skill) for skill in self._saved))

    def skills(self) -> tuple[LanguageSkill, ...]:
        """The languages of the rows that have one, in order; InvalidInput for a language that
        is not known or is listed twice."""
        found: list[LanguageSkill] = []
        for row in self.rows:
            skill = row.skill()
            if skill is None:
                continue
            if any(skill.code == other.code for other in found):
                raise InvalidInput(
                    "languages",
                    f"{language_name(skill.code, 'en')} is listed twice.",
                    f"{language_name(skill.code, 'de')} steht zweimal in der Liste.",
                )
            found.append(skill)
        return tuple(found)

    def show_skills(self, skills: tuple[LanguageSkill, ...]) -> None:
        """Show saved languages in the rows there are (more or fewer as needed). If the rows
        already read as these, they stay, with the focus and any row just added, each showing
        its language's name as it is stored ("arabic" becomes "Arabic")."""
        self._saved = skills
        self.saved_label.setText(", ".join(language_skill(skill) for skill in skills))
        try:
            same = self.skills() == skills
        except InvalidInput:
            same = False
        rows = [row for row in self.rows if not row.is_blank()] if same else list(self.rows)
        with QSignalBlocker(self):  # showing is no edit (a row dropped with the focus would say so)
            for row in rows[len(skills) :]:
                self._drop(row)
            for row, skill in zip(rows, skills, strict=False):
                row.show_skill(skill)
            for skill in skills[len(rows) :]:
                self.add_row(skill)

    def add_row(self, skill: LanguageSkill | None = None) -> SkillRow:
        """A row at the end of the list, showing `skill` (or nothing chosen yet)."""
        row = SkillRow(self)
        row.show_skill(skill)
        row.language.connect(self.edited.emit)
        row.level.currentIndexChanged.connect(lambda _index: self.edited.emit())
        row.remove_button.clicked.connect(lambda: self.remove_row(row))
        self._rows.addWidget(row)
        self.rows.append(row)
        self._fix_tab_order()
        return row

    def remove_row(self, row: SkillRow) -> None:
        """Take the row out (the focus goes to the next row, or to Add) and say so."""
        index = self.rows.index(row)
        focused = QApplication.focusWidget()
        had_focus = focused is not None and row.isAncestorOf(focused)
        self._drop(row)
        if had_focus:
            after = self.rows[index] if index < len(self.rows) else None
            target = after.language.combo if after else self.add_button
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        self.edited.emit()

    def _drop(self, row: SkillRow) -> None:
        self.rows.remove(row)
        self._rows.removeWidget(row)
        row.hide()
        row.setParent(None)  # out of the focus chain at once
        row.deleteLater()

    def _add_clicked(self) -> None:
        self.add_row().language.combo.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fix_tab_order(self) -> None:
        """Rows made after the form was built come last in the window's focus chain: put them
        between the field before the list and the Add button."""
        chain: list[QWidget] = [w for row in self.rows for w in row.focus_widgets()]
        before = _focusable_before(self)
        for first, second in pairwise([*([before] if before else []), *chain, self.add_button]):
            QWidget.setTabOrder(first, second)


def _focusable_before(widget: QWidget) -> QWidget | None:
    """The last widget before `widget` in the focus chain that Tab stops at, not inside it."""
    candidate = widget.previousInFocusChain()
    while candidate is not None and candidate is not widget:
        if not widget.isAncestorOf(candidate) and candidate.focusPolicy() & Qt.FocusPolicy.TabFocus:
            return candidate
        candidate = candidate.previousInFocusChain()
    return None


class LanguagesEditor(Editor):
    """The overview's field of the client's languages, as a LanguagesList."""

    def __init__(self) -> None:
        self.list = LanguagesList()
        self.widget = self.list

    def connect(self, commit: Commit) -> None:
        self.list.edited.connect(commit)

    def show_value(self, value: Any) -> None:
        self.list.show_skills(tuple(value or ()))

    def value(self) -> Any:
        return self.list.skills()

    def relabel(self) -> None:
        self.list.retranslate()
