"""A goal of the plan, edited: its field of action, its German text (from the phrase book or
free), and its texts in the client's languages."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from desktop.domain.catalogues import FieldOfAction
from desktop.domain.errors import InvalidInput
from desktop.domain.model import Goal
from desktop.services.phrases import Phrase, PhraseBook
from desktop.ui.widgets.formatting import label
from desktop.ui.widgets.geometry import fit_to_screen
from desktop.ui.widgets.i18n import Retranslating, current_language
from desktop.ui.widgets.item_texts import ItemTextsEditor
from desktop.ui.widgets.phrase_completer import PhraseCompleter
from desktop.ui.widgets.style import error_label, labelled_form


def fill_fields(combo: QComboBox) -> None:
    """Every field of action by its label; the one chosen stays chosen."""
    current = combo.currentData()
    combo.clear()
    for field in FieldOfAction:
        combo.addItem(label(field), field.value)
    combo.setCurrentIndex(max(0, combo.findData(current)))


def chosen_field(combo: QComboBox) -> FieldOfAction | None:
    value = combo.currentData()
    return FieldOfAction(value) if value else None


def follow_phrase_field(combo: QComboBox, phrase: Phrase) -> None:
    """A phrase of another field of action chosen: the field follows the phrase."""
    combo.setCurrentIndex(max(0, combo.findData(phrase.field.value)))


class GoalDialog(Retranslating, QDialog):
    """Fill the fields, then `goal()` is the edited goal; OK refuses an empty text."""

    def __init__(
        self,
        goal: Goal,
        *,
        book: PhraseBook | None = None,
        languages: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        """`languages`: the client's languages other than German, first language first."""
        super().__init__(parent)
        fit_to_screen(self)  # never past the screen, however long its texts
        self._goal = goal
        self.field_combo = QComboBox()
        fill_fields(self.field_combo)
        self.field_combo.setCurrentIndex(self.field_combo.findData(goal.field_of_action.value))
        self.title_edit = QLineEdit(goal.title)
        self.completer = PhraseCompleter(
            self.title_edit, "goal", field=lambda: chosen_field(self.field_combo)
        )
        self.completer.set_book(book)
        self.completer.set_language(languages[0] if languages else None)
        self.completer.chosen.connect(lambda p: follow_phrase_field(self.field_combo, p))
        self.texts_editor = ItemTextsEditor()
        self.texts_editor.set_languages(languages)
        self.completer.phrase_changed.connect(self.texts_editor.set_phrase)
        self.completer.set_phrase_key(goal.phrase_key)
        self.texts_editor.set_texts(goal.texts)
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form, self._labels = labelled_form((self.field_combo, self.title_edit, self.texts_editor))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit goal"))
        texts = (
            self.tr("&Field of action:"),
            self.tr("&Goal:"),
            self.tr("In the &client's languages:"),
        )
        for label_widget, text in zip(self._labels, texts, strict=True):
            label_widget.setText(text)
        fill_fields(self.field_combo)

    def goal(self) -> Goal:
        """The goal as filled in; InvalidInput for an empty text or a text too long."""
        return dataclasses.replace(
            self._goal,
            field_of_action=FieldOfAction(self.field_combo.currentData()),
            title=self.title_edit.text().strip(),
            phrase_key=self.completer.phrase_key(),
            texts=self.texts_editor.texts(),
        )

    def accept(self) -> None:
        try:
            self.goal()
        except InvalidInput as error:
            self.error_label.setText(error.text(current_language()))
            return
        super().accept()
