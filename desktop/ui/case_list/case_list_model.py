"""The case list as a Qt table model: pages of clients, searched, filtered and sorted in SQL."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.domain.model import Client
from desktop.domain.places import STATELESS, UNCLEAR
from desktop.domain.rules import status_runs_out_soon
from desktop.services.casefile import Store
from desktop.services.clients import ClientQuery
from desktop.ui.widgets.formatting import country, format_date, label
from desktop.ui.widgets.style import ALERT

PAGE_SIZE = 100  # about four screens; more are fetched as the view scrolls
WARNING_COLOUR = QColor(ALERT)

# Column -> ClientQuery.sort key; the order here is the order of the columns.
SORT_KEYS = ("name", "birth_date", "nationality", "residence_status", "valid_until", "file_number")
NAME, BIRTH_DATE, NATIONALITY, RESIDENCE_STATUS, VALID_UNTIL, FILE_NUMBER = range(len(SORT_KEYS))

AnyIndex = QModelIndex | QPersistentModelIndex


class CaseListModel(QAbstractTableModel):
    """Rows are loaded page by page as the view scrolls (canFetchMore/fetchMore)."""

    def __init__(self, store: Store | None = None, query: ClientQuery | None = None) -> None:
        super().__init__()
        self._store = store
        self._query = query or ClientQuery(state="open")
        self._rows: list[Client] = []
        self._total = 0
        self._today = date.today()
        if store is not None:
            self.set_query(self._query)

    # -- what the window calls -------------------------------------------------------------------

    @property
    def query(self) -> ClientQuery:
        return self._query

    @property
    def total(self) -> int:
        """How many clients match the query in all (not only the rows loaded so far)."""
        return self._total

    def set_store(self, store: Store, query: ClientQuery | None = None) -> None:
        """Show the case list of a (newly unlocked) store."""
        self._store = store
        self.set_query(query or self._query)

    def set_query(self, query: ClientQuery) -> None:
        """Run a new search from the first page on."""
        self.beginResetModel()
        self._query = dataclasses.replace(query, limit=PAGE_SIZE, offset=0)
        self._rows = []
        self._total = 0
        self._today = date.today()
        if self._store is not None:
            page = self._store.clients(self._query)
            self._rows = list(page.clients)
            self._total = page.total
        self.endResetModel()

    def clear(self) -> None:
        """Forget the store and every row (the case file is being locked)."""
        self.beginResetModel()
        self._store = None
        self._rows = []
        self._total = 0
        self.endResetModel()

    def client_at(self, row: int) -> Client:
        return self._rows[row]

    def row_of(self, client_id: str) -> int | None:
        """The row of a client among the rows loaded so far (None if not loaded)."""
        return next((row for row, c in enumerate(self._rows) if c.id == client_id), None)

    def refresh_client(self, client_id: str) -> None:
        """Read one client again after an edit, in place: no reset, the selection stays."""
        row = self.row_of(client_id)
        if row is None or self._store is None:
            return
        client = self._store.find(Client, client_id)
        if client is None:  # deleted meanwhile
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self._total -= 1
            self.endRemoveRows()
            return
        self._rows[row] = client
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(SORT_KEYS) - 1))

    def retranslate(self) -> None:
        """Headers and cells again, in the language now chosen."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(SORT_KEYS) - 1)
        if self._rows:
            last = self.index(len(self._rows) - 1, len(SORT_KEYS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    # -- QAbstractTableModel ---------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(SORT_KEYS)

    def canFetchMore(self, parent: AnyIndex) -> bool:
        if parent.isValid() or self._store is None:
            return False
        return len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex) -> None:
        if not self.canFetchMore(parent):
            return
        assert self._store is not None
        query = dataclasses.replace(self._query, offset=len(self._rows))
        page = self._store.clients(query)
        self._total = page.total
        if not page.clients:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page.clients) - 1)
        self._rows.extend(page.clients)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(SORT_KEYS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.set_query(
            dataclasses.replace(self._query, sort=SORT_KEYS[column], descending=descending)
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._headers()[section] if 0 <= section < len(SORT_KEYS) else None

    def _headers(self) -> tuple[str, ...]:
        return (
            self.tr("Name"),
            self.tr("Date of birth"),
            self.tr("Nationality"),
            self.tr("Residence status"),
            self.tr("Valid until"),
            self.tr("File number"),
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        client = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(client, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == RESIDENCE_STATUS:
            return _cell(client, index.column())  # long labels are cut off in the column
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and index.column() == VALID_UNTIL
            and status_runs_out_soon(client, self._today)
        ):
            return QBrush(WARNING_COLOUR)
        return None


def _cell(client: Client, column: int) -> str:
    """The text of one cell, in the formats of the UI language."""
    if column == NAME:
        return client.display_name
    if column == BIRTH_DATE:
        return format_date(client.birth_date)
    if column == NATIONALITY:
        # Codes for countries; "stateless"/"unclear" in words, as they are not codes.
        code = client.nationality
        return country(code) if code in (STATELESS, UNCLEAR) else code
    if column == RESIDENCE_STATUS:
        return label(client.residence_status)
    if column == VALID_UNTIL:
        return format_date(client.status_valid_until)
    if column == FILE_NUMBER:
        return client.file_number
    return ""
