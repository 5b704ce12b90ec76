"""The case list with its search field and filters: what the coordinator looks for all day.

Searching is asynchronous: the query goes to the database worker 150 ms after the last key, and
only the newest answer is shown (`CaseListModel`). Selecting a client that is not among the rows
loaded waits for the answer of the query that finds them.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.catalogues import ResidenceStatus
from desktop.domain.model import Client
from desktop.services.clients import ClientQuery
from desktop.ui.case_list.case_list_model import FILE_NUMBER, NAME, RESIDENCE_STATUS, CaseListModel
from desktop.ui.case_list.found_as_delegate import FoundAsDelegate
from desktop.ui.case_list.no_match_hint import NoMatchHint
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.formatting import label
from desktop.ui.widgets.geometry import remember_columns
from desktop.ui.widgets.i18n import Retranslating
from desktop.ui.widgets.style import fit_rows

SEARCH_DELAY_MS = 150
STATES = ("open", "closed", "all")  # the order of the state filter's entries
DEADLINE_DAYS = 30
MAX_PAGES_TO_FIND = 50  # how far `select_client` reads on to find a row (200 rows a page)


class CaseList(Retranslating, QWidget):
    """Search as you type (debounced), filters, and the table over `CaseListModel`.

    `current_changed(client_id)` when the user selects a row; `count_changed(total)` when the
    answer to a query is shown; `opened(client_id)` when Enter is pressed on a row (or in the
    search: the first row found), to work in that case.

    Keys: Down or Enter in the search go to the results (the search runs at once if it was
    still waiting for the typing to stop), Enter on a row opens it, Esc or Up on the first row
    goes back to the search.
    """

    current_changed = Signal(str)
    count_changed = Signal(int)
    opened = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CaseListModel()
        self.model.queried.connect(self._queried)
        self.model.rowsInserted.connect(self._select_wanted)
        self._db: DbWorker | None = None
        self._wanted: str | None = None  # a client to select once a page holds them
        self._pages_left = 0
        self._to_results_when_answered: bool | None = None  # True: and open the first row
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_query)

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_timer.start)  # restarted by every key
        self.search.textChanged.connect(self._search_edited)
        self.search.installEventFilter(self)
        self.no_match = NoMatchHint()  # under the search when nothing was found
        self.no_match.search_closed.connect(self._search_closed_too)
        self.state_filter = QComboBox()
        self.state_label = QLabel()
        self.state_label.setBuddy(self.state_filter)
        self.status_filter = QComboBox()
        self.status_label = QLabel()
        self.status_label.setBuddy(self.status_filter)
        self.deadline_filter = QCheckBox()
        self.measures_filter = QCheckBox()
        self.table = self._build_table()
        self.table.installEventFilter(self)

        # Two short rows, and combos that may shrink: the window must fit a 1366-pixel laptop.
        for combo in (self.state_filter, self.status_filter):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
        choices = QHBoxLayout()
        choices.addWidget(self.state_label)
        choices.addWidget(self.state_filter)
        choices.addWidget(self.status_label)
        choices.addWidget(self.status_filter, 1)
        checks = QHBoxLayout()
        checks.addWidget(self.deadline_filter)
        checks.addWidget(self.measures_filter)
        checks.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.no_match)
        layout.addLayout(choices)
        layout.addLayout(checks)
        layout.addWidget(self.table, 1)
        self.retranslate()
        for combo in (self.state_filter, self.status_filter):
            combo.currentIndexChanged.connect(self.run_query)
        for box in (self.deadline_filter, self.measures_filter):
            box.toggled.connect(self.run_query)
        self._size_columns()
        remember_columns(self.table.horizontalHeader(), "case-list")

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        # "≈ Mohammed" after a name found by another spelling or script
        table.setItemDelegateForColumn(NAME, FoundAsDelegate(table))
        table.setWordWrap(False)
        table.verticalHeader().hide()
        fit_rows(table)
        header = table.horizontalHeader()
        header.setSortIndicator(NAME, Qt.SortOrder.AscendingOrder)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.setSortingEnabled(True)
        table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        return table

    def _size_columns(self) -> None:
        """Headers readable in full, the status column takes the rest, rows compact."""
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        for column in range(self.model.columnCount()):
            text = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            header.resizeSection(column, max(metrics.horizontalAdvance(text) + 36, 90))
        header.resizeSection(NAME, 220)
        header.resizeSection(FILE_NUMBER, metrics.horizontalAdvance("WD-0000-00000") + 36)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(RESIDENCE_STATUS, QHeaderView.ResizeMode.Stretch)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(
            self.tr("Search: name, other spelling, file number, year of birth")
        )
        self.state_label.setText(self.tr("Cas&es:"))
        _fill(
            self.state_filter,
            [(self.tr("Open"), "open"), (self.tr("Closed"), "closed"), (self.tr("All"), "all")],
        )
        self.status_label.setText(self.tr("Residence stat&us:"))
        _fill(
            self.status_filter,
            [(self.tr("All"), None), *((label(s), s.value) for s in ResidenceStatus)],
        )
        self.deadline_filter.setText(self.tr("Dead&line within %n days", "", DEADLINE_DAYS))
        self.measures_filter.setText(self.tr("Open &measures"))
        self.model.retranslate()

    # -- what the window calls ---------------------------------------------------------------

    def set_db(self, db: DbWorker) -> None:
        """Show the case list of the worker's (newly unlocked) case file."""
        self._db = db
        self.model.set_db(db, self.query())

    def clear(self) -> None:
        """Forget the worker, every row and the search text (it may be a name)."""
        self._search_timer.stop()
        self._db = None
        self._wanted = None
        self.no_match.dismiss()
        self.model.clear()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)

    def run_query(self) -> None:
        """Search now with the text and filters as they are (the answer comes from the worker)."""
        self._search_timer.stop()
        if self._db is not None:
            self.model.set_query(self.query())

    def refresh(self) -> None:
        """Read the list again (a client changed) and keep the selected client selected."""
        current = self.current_client()
        if current is not None:
            self._want(current.id, pages=1)
        self.run_query()

    def query(self) -> ClientQuery:
        """The model's query (its sort order) with the search text and the filters."""
        return dataclasses.replace(
            self.model.query,
            text=self.search.text(),
            state=self.state_filter.currentData() or "open",
            residence_status=_status(self.status_filter.currentData()),
            deadline_within_days=DEADLINE_DAYS if self.deadline_filter.isChecked() else None,
            open_measures=self.measures_filter.isChecked(),
        )

    def set_query(self, query: ClientQuery) -> None:
        """Show the search text and filters of `query` and search with them (after unlocking)."""
        widgets = (
            self.search,
            self.state_filter,
            self.status_filter,
            self.deadline_filter,
            self.measures_filter,
        )
        for widget in widgets:
            widget.blockSignals(True)
        self.search.setText(query.text)
        self.state_filter.setCurrentIndex(max(STATES.index(query.state), 0))
        status = query.residence_status.value if query.residence_status else None
        self.status_filter.setCurrentIndex(max(self.status_filter.findData(status), 0))
        self.deadline_filter.setChecked(query.deadline_within_days is not None)
        self.measures_filter.setChecked(query.open_measures)
        for widget in widgets:
            widget.blockSignals(False)
        self.run_query()  # the model keeps its sort order over a lock

    def current_client(self) -> Client | None:
        index = self.table.currentIndex()
        return self.model.client_at(index.row()) if index.isValid() else None

    def select_client(self, client: Client) -> None:
        """Show `client` selected: filters reset and the search set to the name, if needed
        (then the row is selected when the worker's answer holds it)."""
        row = self.model.row_of(client.id)
        if row is None:
            self._want(client.id, pages=MAX_PAGES_TO_FIND)
            for combo, index in ((self.state_filter, 0), (self.status_filter, 0)):
                combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(False)
            for box in (self.deadline_filter, self.measures_filter):
                box.blockSignals(True)
                box.setChecked(False)
                box.blockSignals(False)
            if client.closed_on is not None:
                self.state_filter.setCurrentIndex(STATES.index("all"))
            self.search.blockSignals(True)  # no second query from the search timer
            self.search.setText(f"{client.family_name} {client.given_names}".strip())
            self.search.blockSignals(False)
            self.run_query()
            return
        self._wanted = None
        self._select_row(row)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def go_to_results(self, *, open_first: bool = False) -> None:
        """Into the results: the current row (else the first) selected, focus in the table;
        with `open_first` that row is opened. A search still waiting for the typing to stop
        runs now, and the move happens when its answer is shown."""
        if self._search_timer.isActive() or not self.model.answered:
            self._to_results_when_answered = open_first
            if self._search_timer.isActive():
                self.run_query()
            return
        self._to_results_when_answered = None
        if self.model.rowCount() == 0:
            return
        if not self.table.currentIndex().isValid():
            self._select_row(0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if open_first:
            self._open_current()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key, plain = event.key(), event.modifiers() == Qt.KeyboardModifier.NoModifier
        keypad = event.modifiers() == Qt.KeyboardModifier.KeypadModifier
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (plain or keypad)
        if watched is self.search:
            if enter or (key == Qt.Key.Key_Down and plain):
                self.go_to_results(open_first=enter)
                return True
        elif watched is self.table:
            if enter:
                self._open_current()
                return True
            at_top = self.table.currentIndex().row() <= 0
            if plain and (key == Qt.Key.Key_Escape or (key == Qt.Key.Key_Up and at_top)):
                self.focus_search()
                return True
        return False

    # -- reacting ----------------------------------------------------------------------------

    def _want(self, client_id: str, *, pages: int) -> None:
        self._wanted, self._pages_left = client_id, pages

    def _queried(self, total: int) -> None:
        self.count_changed.emit(total)
        self._show_no_match(total)
        self._select_wanted()
        if self._to_results_when_answered is not None:
            self.go_to_results(open_first=self._to_results_when_answered)

    def _open_current(self) -> None:
        client = self.current_client()
        if client is not None:
            self.opened.emit(client.id)

    def _show_no_match(self, total: int) -> None:
        """The hint under the search while a search text found nobody."""
        answered = self.model.query
        if total or not answered.text.strip() or not self.search.text().strip():
            self.no_match.dismiss()
        else:
            self.no_match.show_for(answered.text, closed_hidden=answered.state == "open")

    def _search_edited(self, text: str) -> None:
        if not text.strip():  # emptied: no waiting for the answer to take the hint away
            self.no_match.dismiss()

    def _search_closed_too(self) -> None:
        """Closed cases as well: the filter to all, searched again; typing goes on."""
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)
        self.state_filter.setCurrentIndex(STATES.index("all"))  # runs the query

    def _select_wanted(self, *_args: object) -> None:
        """Select the client asked for once loaded; read on, page by page, up to a limit."""
        if self._wanted is None:
            return
        row = self.model.row_of(self._wanted)
        if row is not None:
            self._wanted = None
            self._select_row(row)
        elif self._pages_left > 0 and self.model.canFetchMore(QModelIndex()):
            self._pages_left -= 1
            self.model.fetchMore(QModelIndex())
        else:
            self._wanted = None

    def _select_row(self, row: int | None) -> None:
        if row is None:
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, NAME))

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # A new query resets the model and the current row with it: the workspace keeps the
        # client it shows until the user picks another one.
        if current.isValid():
            self.current_changed.emit(self.model.client_at(current.row()).id)


def _fill(combo: QComboBox, entries: list[tuple[str, object]]) -> None:
    """Set the entries' texts, keeping the chosen one (a language change renames them)."""
    chosen = combo.currentIndex()
    combo.blockSignals(True)
    combo.clear()
    for text, data in entries:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(chosen, 0))
    combo.blockSignals(False)


def _status(value: object) -> ResidenceStatus | None:
    """The combo box keeps the member's value (Qt turns a StrEnum into a plain str)."""
    return ResidenceStatus(str(value)) if value else None
