"""A measure of a goal, new or edited: what, who, which organisation, by when, in whose words."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.catalogues import FieldOfAction, Responsible
from desktop.domain.dates import parse_date
from desktop.domain.errors import InvalidInput
from desktop.domain.model import Measure, Organisation, new_id
from desktop.services.phrases import PhraseBook
from desktop.ui.widgets.formatting import format_date, label
from desktop.ui.widgets.geometry import fit_to_screen
from desktop.ui.widgets.i18n import Retranslating, current_language
from desktop.ui.widgets.item_texts import ItemTextsEditor
from desktop.ui.widgets.phrase_completer import PhraseCompleter
from desktop.ui.widgets.style import error_label, labelled_form

EXAMPLE_DATE = date(2026, 3, 31)


class MeasureDialog(Retranslating, QDialog):
    """Fill the fields, then `measure()` is the new or edited measure; OK refuses bad input."""

    def __init__(
        self,
        goal_id: str,
        organisations: Mapping[str, Organisation],
        *,
        position: int = 0,
        measure: Measure | None = None,
        book: PhraseBook | None = None,
        languages: Sequence[str] = (),
        field: FieldOfAction | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`book`: the phrase book to suggest from; `languages`: the client's languages other
        than German, first language first; `field`: the goal's field of action."""
        super().__init__(parent)
        fit_to_screen(self)  # never past the screen, however long its texts
        self._goal_id = goal_id
        self._position = position
        self._existing = measure
        self._new_id = new_id()  # the same id however often `measure()` is asked
        self.title_edit = QLineEdit()
        self.completer = PhraseCompleter(self.title_edit, "measure", field=lambda: field)
        self.completer.set_book(book)
        self.completer.set_language(languages[0] if languages else None)
        self.responsible_combo = QComboBox()
        self.organisation_combo = QComboBox()
        for organisation in sorted(organisations.values(), key=lambda o: o.name.casefold()):
            self.organisation_combo.addItem(organisation.name, organisation.id)
        self.due_edit = QLineEdit()
        self.texts_editor = ItemTextsEditor()
        self.texts_editor.set_languages(languages)
        self.completer.phrase_changed.connect(self.texts_editor.set_phrase)
        self._build()
        self.retranslate()
        if measure is not None:
            self._show(measure)

    def _build(self) -> None:
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form, self._labels = labelled_form((
            self.title_edit, self.responsible_combo, self.organisation_combo, self.due_edit,
            self.texts_editor,
        ))  # fmt: skip
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit measure") if self._existing else self.tr("New measure"))
        texts = (
            self.tr("&What:"), self.tr("W&ho:"), self.tr("&Organisation:"), self.tr("&Due on:"),
            self.tr("In the &client's languages:"),
        )  # fmt: skip
        for label_widget, text in zip(self._labels, texts, strict=True):
            label_widget.setText(text)
        self.due_edit.setPlaceholderText(
            self.tr("e.g. {0}").replace("{0}", format_date(EXAMPLE_DATE))
        )
        current = self.responsible_combo.currentData()
        self.responsible_combo.clear()
        for who in Responsible:
            self.responsible_combo.addItem(label(who), who.value)
        self.responsible_combo.setCurrentIndex(max(0, self.responsible_combo.findData(current)))
        _set_none_entry(self.organisation_combo, self.tr("(none)"))

    def measure(self) -> Measure:
        """The measure as filled in; InvalidInput for an empty title or a date it cannot read."""
        due_text = self.due_edit.text().strip()
        base = self._existing or Measure(
            self._goal_id, "-", id=self._new_id, position=self._position
        )
        return dataclasses.replace(
            base,
            title=self.title_edit.text().strip(),
            responsible=Responsible(self.responsible_combo.currentData()),
            organisation_id=self.organisation_combo.currentData() or None,
            due_on=parse_date(due_text, "due_on") if due_text else None,
            phrase_key=self.completer.phrase_key(),
            texts=self.texts_editor.texts(),
        )

    def accept(self) -> None:
        try:
            self.measure()
        except InvalidInput as error:
            self.error_label.setText(error.text(current_language()))
            return
        super().accept()

    def _show(self, measure: Measure) -> None:
        self.title_edit.setText(measure.title)
        self.responsible_combo.setCurrentIndex(
            self.responsible_combo.findData(measure.responsible.value)
        )
        self.organisation_combo.setCurrentIndex(
            max(0, self.organisation_combo.findData(measure.organisation_id or ""))
        )
        self.due_edit.setText(format_date(measure.due_on))
        self.completer.set_phrase_key(measure.phrase_key)
        self.texts_editor.set_texts(measure.texts)


def _set_none_entry(combo: QComboBox, text: str) -> None:
    """The first entry means "no organisation"; added once, relabelled after that."""
    if combo.count() and combo.itemData(0) == "":
        combo.setItemText(0, text)
    else:
        combo.insertItem(0, text, "")
        combo.setCurrentIndex(0)
