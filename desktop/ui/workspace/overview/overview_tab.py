"""The person at the centre of the case: who they are, their status, consent and contact.

Every field saves as soon as an edit is finished, through `update_client`, one field at a time;
fields that are checked against each other (a residence status with its dates) save together.
A value the domain refuses stays in its field with one sentence saying why.

The typed value is checked at once on the GUI thread (the changed client is built there); only
the write runs on the database worker. Until its answer the form counts the value as saved, so
typing on is never held up; "Saved" and `changed` follow when it is in the case file. A write
that fails leaves the value in its field, marked, to be saved again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import re
from datetime import date
from functools import partial
from typing import Any

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
from desktop.services.clients import update_client
from desktop.services.workspace import CaseView
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.i18n import Retranslating, current_language
from desktop.ui.widgets.style import ERROR_STYLE, WARNING_STYLE
from desktop.ui.workspace.overview.client_editors import client_editors
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


@dataclasses.dataclass(frozen=True)
class _Write:
    """A save on its way to the case file."""

    client_id: str
    units: tuple[tuple[str, ...], ...]
    before: dict[str, Any]  # what the fields held before: restored in the form if it fails


class OverviewTab(Retranslating, QWidget):
    """Shows and edits one client's personal data, saving as the coordinator types."""

    changed = Signal()
    open_client = Signal(str)

    def __init__(self, db: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._client: Client | None = None  # as the file holds it once the saves sent are in
        self._writes: dict[int, _Write] = {}  # saves on their way, by number
        self._last_write = 0
        self._errors: dict[tuple[str, ...], WelcomeDeskError] = {}
        self._saved = False
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
        """Show this client; typed but unsaved text of the same client stays as typed, and so
        do values whose save is still on its way (the view may have been read before it)."""
        client = view.client
        same = self._client is not None and self._client.id == client.id
        keep = {name for name in self.editors if same and self._is_dirty(name)}
        if not same:
            self._errors.clear()
            self._saved = False
        client = self._client = self._with_writes(client)
        for name, editor in self.editors.items():
            if name not in keep:
                editor.show_value(getattr(client, name))
        self.household.show_members(view.household_members, bool(client.household_id))
        self.placeholder.hide()
        self.form_area.show()
        self._show_state()

    def flush(self) -> None:
        """Send every field whose typed text differs from what is stored, in one save; a value
        the domain refuses is marked in the form and stays there (the others are sent)."""
        if self._client is None:
            return
        before = self._client
        units = [
            unit
            for unit in dict.fromkeys(unit_of(name) for name in self.editors)
            if any(self._is_dirty(name) for name in unit) and self._take(unit)
        ]
        if units:
            self._send(before, units)
        self._show_state()

    def clear(self) -> None:
        """Forget the client: every field is emptied, not only hidden."""
        self._client = None
        self._writes.clear()
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
        """The client shown, as saved (or being saved) or loaded."""
        return self._client

    # Saving.

    def _commit(self, name: str) -> None:
        if self._client is None:
            return
        before = self._client
        unit = unit_of(name)
        if self._take(unit):
            self._send(before, [unit])
        self._show_state()

    def _take(self, unit: tuple[str, ...]) -> bool:
        """Check the typed values of `unit` at once and take them into the client; True if they
        differ from what is stored (they are to be sent). A refused value is marked."""
        assert self._client is not None
        try:
            values = {field: self.editors[field].value() for field in unit}
            if all(getattr(self._client, field) == v for field, v in values.items()):
                self._errors.pop(unit, None)
                return False
            client = dataclasses.replace(self._client, **values)  # the domain checks it
        except WelcomeDeskError as error:
            self._errors[unit] = error
            return False
        self._client = client
        self._errors.pop(unit, None)
        for field in unit:  # show the value as it is stored: "syria" becomes "Syria"
            self.editors[field].show_value(getattr(client, field))
        return True

    def _send(self, before: Client, units: list[tuple[str, ...]]) -> None:
        """Write the units' values, already taken into the client, to the case file."""
        assert self._client is not None
        client_id = self._client.id
        changes = {field: getattr(self._client, field) for unit in units for field in unit}
        self._last_write += 1
        number = self._last_write
        undo = {field: getattr(before, field) for field in changes}
        self._writes[number] = _Write(client_id, tuple(units), undo)
        self._db.run(
            lambda store: update_client(store, client_id, changes),
            lambda saved: self._written(number, saved),
            lambda error: self._not_written(number, error),
        )

    def _written(self, number: int, saved: Client) -> None:
        write = self._writes.pop(number, None)
        if write is not None and self._shows(write.client_id):
            self._client = self._with_writes(saved)  # the retention date, as the file set it
            self._saved = True
            self._show_state()
        self.changed.emit()

    def _not_written(self, number: int, error: BaseException) -> None:
        write = self._writes.pop(number, None)
        if write is None or not self._shows(write.client_id):
            self._db.report(error)  # the client is no longer shown: say so all the same
            return
        assert self._client is not None
        waiting = self._fields_on_their_way()
        undo = {field: value for field, value in write.before.items() if field not in waiting}
        with contextlib.suppress(WelcomeDeskError):  # the typed values count as unsaved again
            self._client = dataclasses.replace(self._client, **undo)
        if isinstance(error, WelcomeDeskError):
            self._errors[write.units[0]] = error
            self._show_state()
        else:
            self._show_state()
            self._db.report(error)

    def _shows(self, client_id: str) -> bool:
        return self._client is not None and self._client.id == client_id

    def _fields_on_their_way(self) -> set[str]:
        """The fields of the client shown whose save has not been answered yet."""
        return {
            field
            for write in self._writes.values()
            if self._shows(write.client_id)
            for field in write.before
        }

    def _with_writes(self, fresh: Client) -> Client:
        """`fresh` from the case file, with the values of saves for it still on their way."""
        if not self._shows(fresh.id):
            return fresh
        assert self._client is not None
        waiting = {field: getattr(self._client, field) for field in self._fields_on_their_way()}
        try:
            return dataclasses.replace(fresh, **waiting)
        except WelcomeDeskError:  # changed elsewhere meanwhile: what the file says counts
            return fresh

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
            "languages": self.tr("Languages spoken"),
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
