"""A new or edited appointment: when, how long, where, with whom, why, in which language."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date, datetime, time

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import InvalidInput
from desktop.domain.model import Appointment, Client, Organisation, new_id
from desktop.domain.places import LANGUAGES
from desktop.services.phrases import PhraseBook, client_languages
from desktop.ui.widgets.formatting import language
from desktop.ui.widgets.geometry import fit_to_screen
from desktop.ui.widgets.i18n import Retranslating, current_language
from desktop.ui.widgets.item_texts import ItemTextsEditor
from desktop.ui.widgets.phrase_completer import PhraseCompleter
from desktop.ui.widgets.style import error_label, labelled_form

QUARTER_HOUR = 15 * 60
DEFAULT_TIME = time(10, 0)


class QuarterHourEdit(QTimeEdit):
    """A time field whose minutes step by a quarter of an hour."""

    def stepBy(self, steps: int) -> None:
        if self.currentSection() == QTimeEdit.Section.MinuteSection:
            self.setTime(self.time().addSecs(steps * QUARTER_HOUR))
        else:
            super().stepBy(steps)


class AppointmentDialog(Retranslating, QDialog):
    """Fill the fields, then `appointment()` is the new or edited appointment."""

    def __init__(
        self,
        client: Client,
        organisations: Mapping[str, Organisation],
        *,
        appointment: Appointment | None = None,
        book: PhraseBook | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`book`: the phrase book the purpose is suggested from."""
        super().__init__(parent)
        fit_to_screen(self)  # never past the screen, however long its texts
        self._client = client
        self._languages = client_languages(client)
        self._existing = appointment
        self._new_id = new_id()  # the same id however often `appointment()` is asked
        self._build_fields(organisations)
        self.completer = PhraseCompleter(self.purpose_edit, "appointment")
        self.completer.set_book(book)
        self.completer.set_language(self._languages[0] if self._languages else None)
        self.completer.phrase_changed.connect(self.purpose_texts_editor.set_phrase)
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form, self._labels = labelled_form(self._fields())
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.retranslate()
        self._show(appointment)

    def _build_fields(self, organisations: Mapping[str, Organisation]) -> None:
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.time_edit = QuarterHourEdit()
        self.time_edit.setDisplayFormat("HH:mm")
        self.duration_spin = QSpinBox()
        self.duration_spin.setRange(15, 24 * 60)
        self.duration_spin.setSingleStep(15)
        self.place_edit = QLineEdit()
        self.organisation_combo = QComboBox()
        self.organisation_combo.addItem("", "")
        for organisation in sorted(organisations.values(), key=lambda o: o.name.casefold()):
            self.organisation_combo.addItem(organisation.name, organisation.id)
        self.purpose_edit = QLineEdit()
        self.purpose_texts_editor = ItemTextsEditor()
        self.participants_edit = QLineEdit()
        self.language_combo = QComboBox()

    def _fields(self) -> list[QWidget]:
        return [
            self.date_edit, self.time_edit, self.duration_spin, self.place_edit,
            self.organisation_combo, self.purpose_edit, self.purpose_texts_editor,
            self.participants_edit,
            self.language_combo,
        ]  # fmt: skip

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("Edit appointment") if self._existing else self.tr("New appointment")
        )
        texts = (
            self.tr("&Date:"), self.tr("&Time:"), self.tr("D&uration:"), self.tr("&Place:"),
            self.tr("&Organisation:"), self.tr("Pu&rpose:"),
            self.tr("Purpose in the &client's languages:"), self.tr("P&articipants:"),
            self.tr("&Interpreter:"),
        )  # fmt: skip
        for label_widget, text in zip(self._labels, texts, strict=True):
            label_widget.setText(text)
        self.date_edit.setDisplayFormat(
            "dd.MM.yyyy" if current_language() == "de" else "yyyy-MM-dd"
        )
        self.duration_spin.setSuffix(self.tr(" min"))
        self.place_edit.setPlaceholderText(self.tr("e.g. Town hall, room 12"))
        self.organisation_combo.setItemText(0, self.tr("(none)"))
        self._fill_languages()

    def _fill_languages(self) -> None:
        """ "(none)" and every language by its name in the current language."""
        current = self.language_combo.currentData()
        self.language_combo.clear()
        self.language_combo.addItem(self.tr("(no interpreter)"), "")
        for code in sorted(LANGUAGES, key=lambda c: language(c).casefold()):
            self.language_combo.addItem(language(code), code)
        if current is not None:
            self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(current)))

    def appointment(self) -> Appointment:
        """The appointment as filled in; InvalidInput for a value the case file refuses."""
        day, clock = self.date_edit.date(), self.time_edit.time()
        starts_at = datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute())
        base = self._existing or Appointment(self._client.id, starts_at, id=self._new_id)
        return dataclasses.replace(
            base,
            starts_at=starts_at,
            duration_minutes=self.duration_spin.value(),
            place=self.place_edit.text().strip(),
            organisation_id=self.organisation_combo.currentData() or None,
            purpose=self.purpose_edit.text().strip(),
            purpose_key=self.completer.phrase_key(),
            purpose_texts=self.purpose_texts_editor.texts(),
            participants=self.participants_edit.text().strip(),
            interpreter_language=self.language_combo.currentData() or "",
        )

    def accept(self) -> None:
        try:
            self.appointment()
        except InvalidInput as error:
            self.error_label.setText(error.text(current_language()))
            return
        super().accept()

    def _show(self, appointment: Appointment | None) -> None:
        self.purpose_texts_editor.set_languages(self._languages)
        if appointment is None:
            self.date_edit.setDate(_qdate(date.today()))
            self.time_edit.setTime(QTime(DEFAULT_TIME.hour, DEFAULT_TIME.minute))
            self.duration_spin.setValue(60)
            language_code = self._client.interpreter_language
        else:
            self.date_edit.setDate(_qdate(appointment.starts_at.date()))
            self.time_edit.setTime(QTime(appointment.starts_at.hour, appointment.starts_at.minute))
            self.duration_spin.setValue(appointment.duration_minutes)
            self.place_edit.setText(appointment.place)
            self.purpose_edit.setText(appointment.purpose)
            self.completer.set_phrase_key(appointment.purpose_key)
            self.purpose_texts_editor.set_texts(appointment.purpose_texts)
            self.participants_edit.setText(appointment.participants)
            organisation = self.organisation_combo.findData(appointment.organisation_id or "")
            self.organisation_combo.setCurrentIndex(max(0, organisation))
            language_code = appointment.interpreter_language
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(language_code)))


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)
