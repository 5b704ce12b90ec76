"""The audit trail as a read-only Qt table model: When, Who, Case, What, in the UI language."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.services import audit
from desktop.services.audit import AuditEvent
from desktop.ui.widgets.formatting import format_datetime
from desktop.ui.widgets.i18n import current_language

WHEN, WHO, CASE, WHAT = range(4)
NO_CASE = "–"

AnyIndex = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole


class AuditModel(QAbstractTableModel):
    """Events fetched elsewhere (filtered in SQL), newest first; nothing here can be edited.

    `set_events(events, names, erased)` takes the events with the display names of the cases
    that still exist and the ids of those erased for data protection.
    """

    COLUMNS = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._events: list[AuditEvent] = []
        self._names: dict[str, str] = {}
        self._erased: set[str] = set()

    def set_events(self, events: list[AuditEvent], names: dict[str, str], erased: set[str]) -> None:
        """Show these events (the view is reset)."""
        self.beginResetModel()
        self._events = list(events)
        self._names = dict(names)
        self._erased = set(erased)
        self.endResetModel()

    def event_at(self, row: int) -> AuditEvent:
        return self._events[row]

    def refresh(self) -> None:
        """Show every cell and header again (after a language switch)."""
        if self._events:
            last = self.index(len(self._events) - 1, self.COLUMNS - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMNS - 1)

    def headers(self) -> tuple[str, ...]:
        """The column titles in the current language."""
        return (self.tr("When"), self.tr("Who"), self.tr("Case"), self.tr("What"))

    def text(self, row: int, column: int) -> str:
        """What one cell shows."""
        event = self._events[row]
        lang = current_language()
        if column == WHEN:
            return format_datetime(event.at.astimezone())  # the computer's local time
        if column == WHO:
            return audit.who_text(
                event.coordinator, event.own_device, event.colleague, event.device_id, lang
            )
        if column == CASE:
            return self.case_text(event.client_id)
        return audit.describe(event, lang)

    def case_text(self, client_id: str | None) -> str:
        """The client's name; "(erased)" after an erasure, "(deleted)" if removed otherwise."""
        if client_id is None:
            return NO_CASE
        if client_id in self._names:
            return self._names[client_id]
        if client_id in self._erased:
            return self.tr("(erased)")
        return self.tr("(deleted)")

    # -- Qt model ------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Role.DisplayRole:
            return None
        return self.headers()[section]

    def data(self, index: AnyIndex, role: int = Role.DisplayRole) -> Any:
        if not index.isValid() or role not in (Role.DisplayRole, Role.ToolTipRole):
            return None
        return self.text(index.row(), index.column())

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # never editable
