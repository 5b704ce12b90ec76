"""The person at the centre of the case: who they are, their status, consent and contact.

Every field saves as soon as an edit is finished, through `update_client`, one field at a time;
fields that are checked against each other (a residence status with its dates) save together.
A value the domain refuses stays in its field with one sentence saying why.
"""

from __future__ import annotations

import re
from datetime import date
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import WelcomeDeskError
from desktop.domain.model import Client
from desktop.domain.rules import status_runs_out_soon
from desktop.services.casefile import Store
from desktop.services.clients import update_client
from desktop.services.workspace import CaseView
from desktop.ui.widgets.i18n import Retranslating, current_language
from desktop.ui.widgets.style import ERROR_STYLE, WARNING_STYLE
from desktop.ui.workspace.overview.overview_fields import client_editors
from desktop.ui.workspace.overview.overview_household import HouseholdList

SAVED_STYLE = "color: #1e6b32;"

# The form's sections and their fields, in the order shown.
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("person", ("family_name", "given_names", "other_names", "sex", "birth_date", "birth_place",
                "nationality")),
    ("languages", ("languages", "interpreter_needed", "interpreter_language")),
    ("household", ()),
    ("residence", ("residence_status", "status_granted_on", "status_valid_until", "arrival_date")),
    ("consent", ("consent_given_on", "consent_scope", "consent_withdrawn_on")),
    ("contact", ("housing", "phone", "email", "street", "postcode", "city")),
    ("case", ("file_number", "opened_on", "closed_on")),
)  # fmt: skip
SECTION_OF = {name: section for section, names in SECTIONS for name in names}

# Fields that are checked against each other are saved as one: a status with its dates.
SAVED_TOGETHER = (
    ("residence_status", "status_granted_on", "status_valid_until"),
    ("consent_given_on", "consent_scope", "consent_withdrawn_on"),
    ("opened_on", "closed_on"),
)
_UNIT_OF = {name: unit for unit in SAVED_TOGETHER for name in unit}


def unit_of(name: str) -> tuple[str, ...]:
    """The fields saved together with `name` (often just itself)."""
    return _UNIT_OF.get(name, (name,))


class OverviewTab(Retranslating, QWidget):
    """Shows and edits one client's personal data, saving as the coordinator types."""

    changed = Signal()
    open_client = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._client: Client | None = None
        self._errors: dict[tuple[str, ...], WelcomeDeskError] = {}
        self._saved = False
        self._quiet = False  # while flushing: announce all saves with one `changed`
        self._pending = False
        self.editors = client_editors()
        self.household = HouseholdList()
        self.household.open_client.connect(self.open_client)
        self.status_label = QLabel()
        self.warning = _text_label(WARNING_STYLE)
        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setEnabled(False)
        self._boxes: dict[str, QGroupBox] = {}
        self._row_labels: dict[str, QLabel] = {}
        self._error_labels: dict[str, QLabel] = {}
        self.form_area = QScrollArea()
        self.form_area.setWidgetResizable(True)
        self.form_area.setWidget(self._form())
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.form_area, 1)
        layout.addWidget(self.placeholder, 1)
        for name, editor in self.editors.items():
            editor.connect(partial(self._commit, name))
        self.retranslate()
        self.clear()

    # The tab protocol of the case workspace.

    def set_case(self, view: CaseView) -> None:
        """Show this client; typed but unsaved text of the same client stays as typed."""
        client = view.client
        same = self._client is not None and self._client.id == client.id
        keep = {name for name in self.editors if same and self._is_dirty(name)}
        if not same:
            self._errors.clear()
            self._saved = False
        self._client = client
        for name, editor in self.editors.items():
            if name not in keep:
                editor.show_value(getattr(client, name))
        self.household.show_members(view.household_members, bool(client.household_id))
        self.placeholder.hide()
        self.form_area.show()
        self._show_state()

    def flush(self) -> None:
        """Save every field whose typed text differs from what is stored."""
        if self._client is None:
            return
        self._quiet, self._pending = True, False
        try:
            for unit in dict.fromkeys(unit_of(name) for name in self.editors):
                if any(self._is_dirty(name) for name in unit):
                    self._commit(unit[0])
        finally:
            self._quiet = False
        if self._pending:
            self.changed.emit()

    def clear(self) -> None:
        """Forget the client: every field is emptied, not only hidden."""
        self._client = None
        self._errors.clear()
        self._saved = False
        for editor in self.editors.values():
            editor.clear()
        self.household.clear()
        self.form_area.hide()
        self.placeholder.show()
        self._show_state()

    @property
    def client(self) -> Client | None:
        """The client shown, as last saved or loaded."""
        return self._client

    # Saving.

    def _commit(self, name: str) -> None:
        if self._client is None:
            return
        unit = unit_of(name)
        try:
            values = {field: self.editors[field].value() for field in unit}
            if all(getattr(self._client, field) == v for field, v in values.items()):
                self._errors.pop(unit, None)
                self._show_state()
                return
            client = update_client(self._store, self._client.id, values)
        except WelcomeDeskError as error:
            self._errors[unit] = error
            self._show_state()
            return
        self._client = client
        self._errors.pop(unit, None)
        for field in unit:  # show the value as stored: "syria" becomes "Syria"
            self.editors[field].show_value(getattr(client, field))
        self._saved = True
        self._show_state()
        if self._quiet:
            self._pending = True
        else:
            self.changed.emit()

    def _is_dirty(self, name: str) -> bool:
        if self._client is None:
            return False
        try:
            return bool(self.editors[name].value() != getattr(self._client, name))
        except WelcomeDeskError:
            return True

    # What the coordinator sees.

    def _show_state(self) -> None:
        for section, error_label in self._error_labels.items():
            texts = [
                self._sentence(error)
                for unit, error in self._errors.items()
                if SECTION_OF[unit[0]] == section
            ]
            error_label.setText("\n".join(texts))
            error_label.setVisible(bool(texts))
        if self._errors:
            self.status_label.setStyleSheet(ERROR_STYLE)
            self.status_label.setText(self.tr("Not saved: please correct the field marked below."))
        else:
            self.status_label.setStyleSheet(SAVED_STYLE)
            self.status_label.setText(self.tr("Saved") if self._saved else "")
        self._show_warning()

    def _sentence(self, error: WelcomeDeskError) -> str:
        """The error's sentence, with field names as the form labels them."""
        text = error.text(current_language())
        for name, editor in self.editors.items():
            if "_" in name and editor.caption:
                text = re.sub(rf"\b{name}\b", editor.caption, text)
        return text

    def _show_warning(self) -> None:
        client = self._client
        today = date.today()
        if client is None or not status_runs_out_soon(client, today):
            self.warning.clear()
            self.warning.hide()
            return
        until = client.status_valid_until
        if until is not None and until < today:
            self.warning.setText(self.tr("The residence status has run out: renewal is overdue."))
        else:
            self.warning.setText(
                self.tr("The residence status runs out within 30 days: apply for renewal in time.")
            )
        self.warning.show()

    # Building and labelling the form.

    def _form(self) -> QWidget:
        content = QWidget()
        column = QVBoxLayout(content)
        for section, names in SECTIONS:
            box = QGroupBox()
            self._boxes[section] = box
            rows = QVBoxLayout(box)
            form = QFormLayout()
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for name in names:
                self._row_labels[name] = QLabel()
                form.addRow(self._row_labels[name], self.editors[name].widget)
            if section == "household":
                form.addRow(self.household)
            rows.addLayout(form)
            if section == "residence":
                rows.addWidget(self.warning)
            self._error_labels[section] = _text_label(ERROR_STYLE)
            rows.addWidget(self._error_labels[section])
            column.addWidget(box)
        column.addStretch(1)
        return content

    def retranslate(self) -> None:
        titles = self._titles()
        for section, box in self._boxes.items():
            box.setTitle(titles[section])
        for name, caption in self._captions().items():
            self._row_labels[name].setText(caption)
            self.editors[name].caption = caption
            self.editors[name].relabel()
        self.placeholder.setText(self.tr("No client is open."))
        self._show_state()

    def _titles(self) -> dict[str, str]:
        return {
            "person": self.tr("Person"),
            "languages": self.tr("Languages"),
            "household": self.tr("Household"),
            "residence": self.tr("Residence"),
            "consent": self.tr("Consent"),
            "contact": self.tr("Housing and contact"),
            "case": self.tr("Case"),
        }

    def _captions(self) -> dict[str, str]:
        return {
            "family_name": self.tr("Family name"),
            "given_names": self.tr("Given names"),
            "other_names": self.tr("Other spellings (one a line)"),
            "sex": self.tr("Sex"),
            "birth_date": self.tr("Date of birth"),
            "birth_place": self.tr("Place of birth"),
            "nationality": self.tr("Nationality"),
            "languages": self.tr("Languages (code:level)"),
            "interpreter_needed": self.tr("Interpreter needed"),
            "interpreter_language": self.tr("Interpreter for"),
            "residence_status": self.tr("Residence status"),
            "status_granted_on": self.tr("Granted on"),
            "status_valid_until": self.tr("Valid until"),
            "arrival_date": self.tr("Arrived on"),
            "consent_given_on": self.tr("Consent given on"),
            "consent_scope": self.tr("Consent covers"),
            "consent_withdrawn_on": self.tr("Consent withdrawn on"),
            "housing": self.tr("Housing"),
            "phone": self.tr("Phone"),
            "email": self.tr("E-mail"),
            "street": self.tr("Street"),
            "postcode": self.tr("Postcode"),
            "city": self.tr("City"),
            "file_number": self.tr("File number"),
            "opened_on": self.tr("Case opened on"),
            "closed_on": self.tr("Case closed on"),
        }


def _text_label(style: str) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # messages may quote typed text: never markup
    label.setStyleSheet(style)
    label.hide()
    return label
