"""The case list as a Qt table model: pages of clients, searched, filtered and sorted in SQL.

Every page is read by the database worker. A new query goes out on the "case-list" channel, so
while the coordinator types only the newest search answers; the rows shown stay until its answer
comes. A page fetched for scrolling is dropped if a new query was started meanwhile.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from desktop.domain.model import Client
from desktop.domain.places import STATELESS, UNCLEAR
from desktop.domain.rules import status_runs_out_soon
from desktop.services.clients import ClientPage, ClientQuery, find_client, list_clients
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.formatting import country, format_date, label
from desktop.ui.widgets.style import ALERT

PAGE_SIZE = 100  # about four screens; more are fetched as the view scrolls
WARNING_COLOUR = QColor(ALERT)

# Column -> ClientQuery.sort key; the order here is the order of the columns.
SORT_KEYS = ("name", "birth_date", "nationality", "residence_status", "valid_until", "file_number")
NAME, BIRTH_DATE, NATIONALITY, RESIDENCE_STATUS, VALID_UNTIL, FILE_NUMBER = range(len(SORT_KEYS))
# The name column's words found by another spelling or script than typed ("Mohammed" for
# "mohamad"); None where the name was found as typed. Drawn by `FoundAsDelegate`.
FOUND_AS_ROLE = Qt.ItemDataRole.UserRole + 1

AnyIndex = QModelIndex | QPersistentModelIndex


class CaseListModel(QAbstractTableModel):
    """Rows are loaded page by page as the view scrolls (canFetchMore/fetchMore).

    `queried(total)` is emitted when the answer to a new query is shown.
    """

    queried = Signal(int)

    def __init__(self, db: DbWorker | None = None, query: ClientQuery | None = None) -> None:
        super().__init__()
        self._db = db
        self._query = query or ClientQuery(state="open")
        self._rows: list[Client] = []
        self._total = 0
        self._found_as: dict[str, str] = {}  # client id -> name words found by another spelling
        self._today = date.today()
        self._serial = 0  # raised by every new query: pages of an older one are dropped
        self._answered = 0  # the serial of the query whose rows are shown
        self._fetching = False
        if db is not None:
            self.set_query(self._query)

    # -- what the window calls -------------------------------------------------------------------

    @property
    def query(self) -> ClientQuery:
        return self._query

    @property
    def answered(self) -> bool:
        """True when the rows shown answer the newest query (none is on its way)."""
        return self._answered == self._serial

    @property
    def total(self) -> int:
        """How many clients match the query in all (not only the rows loaded so far)."""
        return self._total

    def set_db(self, db: DbWorker, query: ClientQuery | None = None) -> None:
        """Show the case list of the worker's (newly unlocked) case file."""
        self._db = db
        self.set_query(query or self._query)

    def set_query(self, query: ClientQuery) -> None:
        """Run a new search from the first page on; the rows shown stay until it answers."""
        self._query = dataclasses.replace(query, limit=PAGE_SIZE, offset=0)
        self._serial += 1
        self._fetching = False
        if self._db is None:
            return
        first, serial = self._query, self._serial
        self._db.run(
            lambda store: list_clients(store, first),
            lambda page: self._show_first_page(serial, page),
            channel="case-list",
        )

    def clear(self) -> None:
        """Forget every row and the worker (the case file is being locked)."""
        self.beginResetModel()
        self._db = None
        self._serial += 1
        self._fetching = False
        self._rows = []
        self._total = 0
        self._found_as = {}
        self.endResetModel()

    def client_at(self, row: int) -> Client:
        return self._rows[row]

    def found_as(self, row: int) -> str | None:
        """The words of the row's names found by another spelling or script than typed."""
        return self._found_as.get(self._rows[row].id)

    def row_of(self, client_id: str) -> int | None:
        """The row of a client among the rows loaded so far (None if not loaded)."""
        return next((row for row, c in enumerate(self._rows) if c.id == client_id), None)

    def refresh_client(self, client_id: str) -> None:
        """Read one client again after an edit, in place: no reset, the selection stays."""
        if self.row_of(client_id) is None or self._db is None:
            return
        self._db.run(
            lambda store: find_client(store, client_id),
            lambda client: self._replace(client_id, client),
        )

    def retranslate(self) -> None:
        """Headers and cells again, in the language now chosen."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(SORT_KEYS) - 1)
        if self._rows:
            last = self.index(len(self._rows) - 1, len(SORT_KEYS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    # -- answers from the worker -----------------------------------------------------------------

    def _show_first_page(self, serial: int, page: ClientPage) -> None:
        if serial != self._serial:
            return
        self._answered = serial
        self.beginResetModel()
        self._rows = list(page.clients)
        self._total = page.total
        self._found_as = dict(page.found_as)
        self._today = date.today()
        self.endResetModel()
        self.queried.emit(self._total)

    def _append_page(self, serial: int, page: ClientPage) -> None:
        if serial != self._serial:
            return
        self._fetching = False
        self._total = page.total
        if not page.clients:
            return
        first = len(self._rows)
        self._found_as.update(page.found_as)
        self.beginInsertRows(QModelIndex(), first, first + len(page.clients) - 1)
        self._rows.extend(page.clients)
        self.endInsertRows()

    def _replace(self, client_id: str, client: Client | None) -> None:
        row = self.row_of(client_id)
        if row is None:
            return
        if client is None:  # deleted meanwhile
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self._total -= 1
            self.endRemoveRows()
            return
        self._rows[row] = client
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(SORT_KEYS) - 1))

    # -- QAbstractTableModel ---------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(SORT_KEYS)

    def canFetchMore(self, parent: AnyIndex) -> bool:
        if parent.isValid() or self._db is None or self._fetching:
            return False
        return len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex) -> None:
        """Ask the worker for the next page; its rows are inserted when it answers."""
        if not self.canFetchMore(parent):
            return
        assert self._db is not None
        self._fetching = True
        query, serial = dataclasses.replace(self._query, offset=len(self._rows)), self._serial
        self._db.run(
            lambda store: list_clients(store, query),
            lambda page: self._append_page(serial, page),
            self._fetch_failed,
        )

    def _fetch_failed(self, error: BaseException) -> None:
        self._fetching = False  # the next scroll asks again
        if self._db is not None and self._db.errors is not None:
            self._db.errors(error)

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
        if index.column() == NAME:
            return self._name_data(client, role)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == RESIDENCE_STATUS:
            return _cell(client, index.column())  # long labels are cut off in the column
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and index.column() == VALID_UNTIL
            and status_runs_out_soon(client, self._today)
        ):
            return QBrush(WARNING_COLOUR)
        return None

    def _name_data(self, client: Client, role: int) -> Any:
        """The name column beyond its text: what another spelling or script found."""
        found = self._found_as.get(client.id)
        if found is None:
            return None
        if role == FOUND_AS_ROLE:
            return found
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{client.display_name} – {self.found_as_text(found)}"
        return None

    def found_as_text(self, words: str) -> str:
        """The words for a name found by another spelling: 'found as Mohammed'."""
        return self.tr("found as {0}").replace("{0}", words)


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
