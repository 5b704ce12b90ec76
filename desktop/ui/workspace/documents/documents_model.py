"""The rows of one client's document checklist, for the documents tab's table."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from desktop.domain.catalogues import DocumentStatus
from desktop.domain.dates import parse_date
from desktop.domain.errors import InvalidInput
from desktop.domain.model import DocumentItem
from desktop.services.attachments import AttachmentInfo
from desktop.ui.widgets.errors import error_said
from desktop.ui.widgets.formatting import format_date, label
from desktop.ui.widgets.rows_model import RowsModel
from desktop.ui.widgets.style import ALERT, ALERT_BACKGROUND

KIND, STATUS, HOLDER, HELD_SINCE, EXPIRES, NOTE, SCAN = range(7)
EDITABLE = (STATUS, HOLDER, HELD_SINCE, EXPIRES, NOTE)
EXPIRY_WARNING = timedelta(days=30)
EXPIRED, EXPIRING = "expired", "expiring"
_COLOURS = {  # (text, background)
    EXPIRED: (QColor(ALERT), QColor(ALERT_BACKGROUND)),
    EXPIRING: (QColor("#7a4a00"), QColor("#fff4ce")),
}
ModelIndex = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole


def expiry_state(item: DocumentItem, today: date) -> str:
    """EXPIRED, EXPIRING (within 30 days) or "" for a paper that is fine or not needed."""
    if item.status is DocumentStatus.NOT_APPLICABLE:
        return ""
    if item.status is DocumentStatus.EXPIRED or (item.expires_on and item.expires_on < today):
        return EXPIRED
    if item.expires_on and item.expires_on <= today + EXPIRY_WARNING:
        return EXPIRING
    return ""


class DocumentsModel(RowsModel[DocumentItem]):
    """Kind, status, holder, held since, expiry, note and scans of each checklist item.

    Edits are not saved here: `item_edited(old, new)` hands the edited item to the tab, which
    saves it and shows the fresh state; `invalid_input(message)` reports a date it cannot read
    (a LiveText).
    """

    item_edited = Signal(object, object)
    invalid_input = Signal(object)
    COLUMNS = SCAN + 1
    EDITABLE = EDITABLE

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._scans: dict[str, list[AttachmentInfo]] = {}
        self._today = date.today()
        self.last_error: InvalidInput | None = None  # of the last edit refused

    # -- content --------------------------------------------------------------------------------

    def set_items(
        self,
        items: list[DocumentItem],
        scans: Mapping[str, list[AttachmentInfo]],
        today: date,
    ) -> None:
        """Show these items and their scans; the same rows in the same order are updated in
        place."""
        self._today = today
        self.replace_rows(list(items), keep=lambda: setattr(self, "_scans", dict(scans)))

    def clear(self) -> None:
        self.set_items([], {}, self._today)

    def item_at(self, row: int) -> DocumentItem:
        return self.row_at(row)

    def scans_of(self, item_id: str) -> list[str]:
        """The file names of an item's scans, as far as they are known."""
        return [info.file_name for info in self._scans.get(item_id, [])]

    def infos_of(self, item_id: str) -> list[AttachmentInfo]:
        """An item's scans, as far as they are known."""
        return list(self._scans.get(item_id, []))

    # -- Qt model -------------------------------------------------------------------------------

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Document"), self.tr("Status"), self.tr("Held by"), self.tr("Since"),
            self.tr("Valid until"), self.tr("Note"), self.tr("Scan"),
        )  # fmt: skip

    def data(self, index: ModelIndex, role: int = Role.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item, column = self._rows[index.row()], index.column()
        if role == Role.DisplayRole:
            return self._display(item, column)
        if role == Role.EditRole:
            return item.status.value if column == STATUS else self._display(item, column)
        state = expiry_state(item, self._today) if column == EXPIRES else ""
        if role == Role.ForegroundRole and state:
            return _COLOURS[state][0]
        if role == Role.BackgroundRole and state:
            return _COLOURS[state][1]
        if role == Role.ToolTipRole:
            return self._tooltip(item, column, state)
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Role.EditRole) -> bool:
        if not index.isValid() or role != Role.EditRole or index.column() not in EDITABLE:
            return False
        item = self._rows[index.row()]
        try:
            edited = _edited(item, index.column(), value)
        except InvalidInput as error:
            self.last_error = error
            self.invalid_input.emit(error_said(error))
            return False
        if edited == item:
            return False
        self.item_edited.emit(item, edited)
        return True

    # -- helpers --------------------------------------------------------------------------------

    def _display(self, item: DocumentItem, column: int) -> str:
        if column == SCAN:
            count = len(self._scans.get(item.id, []))
            if count < 2:
                return self.tr("1 scan") if count else ""
            return self.tr("{0} scans").replace("{0}", str(count))
        return (
            label(item.kind), label(item.status), item.holder, format_date(item.held_since),
            format_date(item.expires_on), item.note,
        )[column]  # fmt: skip

    def _tooltip(self, item: DocumentItem, column: int, state: str) -> str | None:
        if column == SCAN:
            return "\n".join(self.scans_of(item.id)) or None
        if state == EXPIRED:
            return self.tr("Expired")
        if state == EXPIRING:
            return self.tr("Expires within 30 days")
        return None


def _edited(item: DocumentItem, column: int, value: Any) -> DocumentItem:
    """The item with one cell changed; a date that cannot be read raises InvalidInput."""
    text = str(value or "").strip()
    if column == STATUS:
        return dataclasses.replace(item, status=DocumentStatus(text))
    if column == HOLDER:
        return dataclasses.replace(item, holder=text)
    if column == HELD_SINCE:
        return dataclasses.replace(item, held_since=_date(text, "held_since"))
    if column == EXPIRES:
        return dataclasses.replace(item, expires_on=_date(text, "expires_on"))
    return dataclasses.replace(item, note=text)


def _date(text: str, field: str) -> date | None:
    return parse_date(text, field) if text else None
