"""One client's appointments as table rows: upcoming first, then past ones (greyed)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from desktop.domain.catalogues import AppointmentStatus
from desktop.domain.errors import InvalidInput
from desktop.domain.model import Appointment, Organisation
from desktop.ui.widgets.formatting import format_datetime, label, language
from desktop.ui.widgets.rows_model import RowsModel

WHEN, PLACE, ORGANISATION, PURPOSE, LANGUAGE, STATUS, OUTCOME = range(7)
EDITABLE = (STATUS, OUTCOME)
GREYED = QColor("#808080")
ModelIndex = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole


def is_past(appointment: Appointment, today: date) -> bool:
    """Before today; today's appointments still count as coming up."""
    return appointment.starts_at.date() < today


def agenda_order(appointments: Iterable[Appointment], today: date) -> list[Appointment]:
    """Upcoming ones soonest first, then past ones latest first."""
    items = list(appointments)
    upcoming = sorted((a for a in items if not is_past(a, today)), key=lambda a: a.starts_at)
    past = sorted((a for a in items if is_past(a, today)), key=lambda a: a.starts_at, reverse=True)
    return upcoming + past


class AppointmentsModel(RowsModel[Appointment]):
    """Edits of status and outcome are handed on as `appointment_edited(new)`, not saved here."""

    appointment_edited = Signal(object)
    COLUMNS = OUTCOME + 1
    EDITABLE = EDITABLE

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._organisations: Mapping[str, Organisation] = {}
        self._today = date.today()

    def set_appointments(
        self,
        appointments: Iterable[Appointment],
        organisations: Mapping[str, Organisation],
        today: date,
    ) -> None:
        """Show these appointments; the same rows in the same order are updated in place."""
        self._organisations, self._today = dict(organisations), today
        self.replace_rows(agenda_order(appointments, today))

    def clear(self) -> None:
        self.set_appointments([], {}, self._today)

    def appointment_at(self, row: int) -> Appointment:
        return self.row_at(row)

    # -- Qt model -------------------------------------------------------------------------------

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Date and time"), self.tr("Place"), self.tr("Organisation"),
            self.tr("Purpose"), self.tr("Interpreter"), self.tr("Status"), self.tr("Outcome"),
        )  # fmt: skip

    def data(self, index: ModelIndex, role: int = Role.DisplayRole) -> Any:
        if not index.isValid():
            return None
        appointment, column = self._rows[index.row()], index.column()
        if role == Role.DisplayRole:
            return self._display(appointment, column)
        if role == Role.EditRole:
            if column == STATUS:
                return appointment.status.value
            return self._display(appointment, column)
        if role == Role.ForegroundRole and is_past(appointment, self._today):
            return GREYED
        if role == Role.ToolTipRole and column in (PURPOSE, OUTCOME):
            return self._display(appointment, column) or None
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Role.EditRole) -> bool:
        if not index.isValid() or role != Role.EditRole or index.column() not in EDITABLE:
            return False
        appointment = self._rows[index.row()]
        text = str(value or "").strip()
        try:
            if index.column() == STATUS:
                edited = dataclasses.replace(appointment, status=AppointmentStatus(text))
            else:
                edited = dataclasses.replace(appointment, outcome=text)
        except (ValueError, InvalidInput):
            return False
        if edited == appointment:
            return False
        self.appointment_edited.emit(edited)
        return True

    def _display(self, appointment: Appointment, column: int) -> str:
        if column == WHEN:
            return format_datetime(appointment.starts_at)
        if column == ORGANISATION:
            organisation = self._organisations.get(appointment.organisation_id or "")
            return organisation.name if organisation else ""
        if column == LANGUAGE:
            return language(appointment.interpreter_language)
        return {
            PLACE: appointment.place,
            PURPOSE: appointment.purpose,
            STATUS: label(appointment.status),
            OUTCOME: appointment.outcome,
        }[column]
