"""The read-only panel beside the case list: who the selected person is, at a glance."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop.domain.errors import InvalidInput
from desktop.domain.model import Client, LanguageSkill
from desktop.domain.places import STATELESS, UNCLEAR, country_name, language_name
from desktop.domain.rules import status_runs_out_soon

WARNING_STYLE = "color: #b3261e; font-weight: bold;"


class ClientSummary(QWidget):
    """Name, other spellings, birth date, nationality, languages, status, phone, file number."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(280)
        self._placeholder = QLabel(self.tr("Keine Person ausgewählt."))
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._placeholder.setEnabled(False)  # greyed out: a hint, not content

        self._name = _value_label()
        font = QFont(self._name.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self._name.setFont(font)
        self._other_names = _value_label()
        self._birth_date = _value_label()
        self._nationality = _value_label()
        self._languages = _value_label()
        self._status = _value_label()
        self._valid_until = _value_label()
        self._phone = _value_label()
        self._file_number = _value_label()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Andere Schreibweisen:"), self._other_names)
        form.addRow(self.tr("Geburtsdatum:"), self._birth_date)
        form.addRow(self.tr("Staatsangehörigkeit:"), self._nationality)
        form.addRow(self.tr("Sprachen:"), self._languages)
        form.addRow(self.tr("Aufenthaltsstatus:"), self._status)
        form.addRow(self.tr("gültig bis:"), self._valid_until)
        form.addRow(self.tr("Telefon:"), self._phone)
        form.addRow(self.tr("Aktenzeichen:"), self._file_number)

        details = QWidget()
        column = QVBoxLayout(details)
        column.addWidget(self._name)
        column.addLayout(form)
        column.addStretch(1)

        # Show/hide rather than a stacked layout: wrapped labels then get the height they need.
        self._details = details
        layout = QVBoxLayout(self)
        layout.addWidget(self._placeholder, 1)
        layout.addWidget(details, 1)
        self.clear()

    def show_client(self, client: Client, today: date | None = None) -> None:
        """Fill the panel with one client."""
        today = today or date.today()
        self._name.setText(client.display_name)
        self._other_names.setText(", ".join(client.other_names) or "–")
        self._birth_date.setText(client.birth_date.german() if client.birth_date else "–")
        self._nationality.setText(_country(client.nationality))
        self._languages.setText(", ".join(_language(s) for s in client.languages) or "–")
        status = client.residence_status
        self._status.setText(status.label("de") if status else "–")
        self._show_valid_until(client, today)
        self._phone.setText(client.phone or "–")
        self._file_number.setText(client.file_number or "–")
        self._placeholder.hide()
        self._details.show()

    def clear(self) -> None:
        """Show no one; every value label is emptied, not only hidden."""
        for label in self._values():
            label.clear()
        self._valid_until.setStyleSheet("")
        self._details.hide()
        self._placeholder.show()

    def _show_valid_until(self, client: Client, today: date) -> None:
        valid = client.status_valid_until
        text = f"{valid:%d.%m.%Y}" if valid else "–"
        if status_runs_out_soon(client, today):
            hint = self.tr("abgelaufen") if valid and valid < today else self.tr("läuft bald ab")
            text = f"{text} – {hint}" if valid else hint
            self._valid_until.setStyleSheet(WARNING_STYLE)
        else:
            self._valid_until.setStyleSheet("")
        self._valid_until.setText(text)

    def _values(self) -> list[QLabel]:
        return [
            self._name,
            self._other_names,
            self._birth_date,
            self._nationality,
            self._languages,
            self._status,
            self._valid_until,
            self._phone,
            self._file_number,
        ]


def _value_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names are data, never markup
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _country(code: str) -> str:
    if not code:
        return "–"
    try:
        name = country_name(code, "de")
    except (InvalidInput, KeyError):  # an unknown code from an older file shows as it is
        return code
    return name if code in (STATELESS, UNCLEAR) else f"{name} ({code})"


def _language(skill: LanguageSkill) -> str:
    try:
        name = language_name(skill.code, "de")
    except (InvalidInput, KeyError):
        name = skill.code
    if skill.level == "native":
        return f"{name} ({QCoreApplication.translate('ClientSummary', 'Muttersprache')})"
    return f"{name} ({skill.level})" if skill.level else name
