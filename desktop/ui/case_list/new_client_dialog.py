"""A new client: the few facts needed to open a case, with a warning about likely duplicates.

The typed values are checked at once; looking for likely duplicates and adding the person run
on the database worker, and the dialog closes when the person is in the case file.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.catalogues import ResidenceStatus
from desktop.domain.errors import WelcomeDeskError
from desktop.domain.model import Client
from desktop.domain.places import COUNTRIES
from desktop.services import clients, duplicates
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.errors import error_text
from desktop.ui.widgets.formatting import country, format_date, label
from desktop.ui.widgets.geometry import fit_to_screen
from desktop.ui.widgets.i18n import Retranslating, current_language
from desktop.ui.widgets.style import ERROR_STYLE

WARNING_STYLE = "color: #7a4b00;"


class NewClientDialog(Retranslating, QDialog):
    """On success `client` holds the person just added to the case file."""

    def __init__(self, db: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # never past the screen, however long its texts
        self._db = db
        self.client: Client | None = None
        self._confirmed_duplicates: tuple[str, ...] | None = None
        self.setMinimumWidth(460)

        self.family_name = QLineEdit()
        self.given_names = QLineEdit()
        self.birth_date = QLineEdit()
        self.nationality = QLineEdit()
        self.residence_status = QComboBox()
        self.valid_until = QLineEdit()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # names are data, never markup
        self.message.hide()
        for field in (self.family_name, self.given_names, self.birth_date, self.nationality):
            field.textEdited.connect(self._forget_warning)

        self._form = QFormLayout()
        self._labels = [QLabel() for _ in range(6)]
        fields = (
            self.family_name,
            self.given_names,
            self.birth_date,
            self.nationality,
            self.residence_status,
            self.valid_until,
        )
        for text_label, widget in zip(self._labels, fields, strict=True):
            text_label.setBuddy(widget)
            self._form.addRow(text_label, widget)

        buttons = QDialogButtonBox()
        self.add_button: QPushButton = buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_button.setDefault(True)
        self.cancel_button: QPushButton = buttons.addButton(
            "", QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(self._form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.retranslate()
        self.family_name.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New client"))
        texts = (
            self.tr("&Family name:"),
            self.tr("&Given names:"),
            self.tr("&Date of birth:"),
            self.tr("&Nationality:"),
            self.tr("&Residence status:"),
            self.tr("&Valid until:"),
        )
        for text_label, text in zip(self._labels, texts, strict=True):
            text_label.setText(text)
        self.birth_date.setPlaceholderText(self.tr("e.g. 1990, 05.1990 or 17.05.1990"))
        self.valid_until.setPlaceholderText(self.tr("e.g. 31.12.2026"))
        self.nationality.setPlaceholderText(self.tr("country, code, stateless or unclear"))
        completer = QCompleter(sorted(country(code) for code in COUNTRIES), self.nationality)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.nationality.setCompleter(completer)
        chosen = self.residence_status.currentIndex()
        self.residence_status.clear()
        self.residence_status.addItem(self.tr("not known"), None)
        for status in ResidenceStatus:
            self.residence_status.addItem(label(status), status.value)
        self.residence_status.setCurrentIndex(max(chosen, 0))
        self._update_button()
        self.cancel_button.setText(self.tr("Cancel"))

    def accept(self) -> None:
        """Check the values, then add the person on the worker (or warn about duplicates)."""
        try:
            fields = self._fields()
        except WelcomeDeskError as error:
            self._show(error.text(current_language()), ERROR_STYLE)
            return
        confirmed = self._confirmed_duplicates == self._key(fields)
        self.add_button.setEnabled(False)  # one person per click, however slow the disk
        self._db.run(
            lambda store: duplicates.add_unless_likely_known(store, fields, confirmed=confirmed),
            lambda outcome: self._added(outcome, fields),
            self._failed,
        )

    def _added(self, outcome: Client | list[Client], fields: dict[str, Any]) -> None:
        self.add_button.setEnabled(True)
        if isinstance(outcome, list):
            self._warn(outcome, fields)
            return
        self.client = outcome
        super().accept()

    def _failed(self, error: BaseException) -> None:
        self.add_button.setEnabled(True)
        self._show(error_text(error), ERROR_STYLE)

    def _fields(self) -> dict[str, Any]:
        raw: dict[str, str | list[str]] = {
            "family_name": self.family_name.text(),
            "given_names": self.given_names.text(),
            "birth_date": self.birth_date.text(),
            "nationality": self.nationality.text(),
            "status_valid_until": self.valid_until.text(),
        }
        fields = clients.fields_from_text(raw)
        status = self.residence_status.currentData()  # Qt keeps the value as a plain str
        fields["residence_status"] = ResidenceStatus(status) if status else None
        Client(**fields)  # validates the whole person (a name, a known country) before asking
        return fields

    def _warn(self, duplicates: list[Client], fields: dict[str, Any]) -> None:
        self._confirmed_duplicates = self._key(fields)
        people = "\n".join(f"• {_describe(found)}" for found in duplicates[:5])
        text = self.tr(
            "This person may already be in the case file:\n{people}\nAdd a new person all the same?"
        ).replace("{people}", people)
        self._show(text, WARNING_STYLE)
        self._update_button()

    def _forget_warning(self) -> None:
        if self._confirmed_duplicates is not None:
            self._confirmed_duplicates = None
            self.message.hide()
            self._update_button()

    def _update_button(self) -> None:
        warned = self._confirmed_duplicates is not None
        self.add_button.setText(self.tr("Add &anyway") if warned else self.tr("&Add"))

    def _show(self, text: str, style: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style)
        self.message.show()

    @staticmethod
    def _key(fields: dict[str, Any]) -> tuple[str, ...]:
        return (fields["family_name"], fields["given_names"], str(fields.get("birth_date")))


def _describe(client: Client) -> str:
    """ "Family, Given (birth date, file number)" for a likely duplicate."""
    details = [d for d in (format_date(client.birth_date), client.file_number) if d]
    return f"{client.display_name} ({', '.join(details)})" if details else client.display_name
