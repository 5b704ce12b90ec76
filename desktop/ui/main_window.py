"""The main window: search and filter on top, the case list, the selected person beside it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.casefile import Store
from desktop.services.clients import ClientQuery
from desktop.ui.case_list_model import FILE_NUMBER, NAME, RESIDENCE_STATUS, CaseListModel
from desktop.ui.client_summary import ClientSummary
from desktop.ui.unlock_dialog import UnlockDialog

SEARCH_DELAY_MS = 150
STATES = ("open", "closed", "all")  # the order of the state filter's entries


class MainWindow(QMainWindow):
    """Owns the open store while unlocked; `lock()` closes it and hides every piece of case data."""

    def __init__(self, store: Store, root: Path) -> None:
        super().__init__()
        self.store: Store | None = store
        self.root = Path(root)
        self.setWindowTitle("Welcome Desk")
        self.model = CaseListModel()

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._run_query)

        self._pages = QStackedWidget()
        self._work_page = self._build_work_page()
        self._locked_page = self._build_locked_page()
        self._pages.addWidget(self._work_page)
        self._pages.addWidget(self._locked_page)
        self.setCentralWidget(self._pages)
        self._build_menu()
        self._build_status_bar()
        self._unlock_dialog: UnlockDialog | None = None
        self.set_store(store)

    # -- building -------------------------------------------------------------------------------

    def _build_work_page(self) -> QWidget:
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Suchen: Name, andere Schreibweise, Aktenzeichen, Geburtsjahr")
        )
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._schedule_search)
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)

        self.state_filter = QComboBox()
        for text, state in zip(
            (self.tr("Offene Fälle"), self.tr("Geschlossene"), self.tr("Alle")), STATES, strict=True
        ):
            self.state_filter.addItem(text, state)
        self.state_filter.currentIndexChanged.connect(self._run_query)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSortIndicator(NAME, Qt.SortOrder.AscendingOrder)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setSortingEnabled(True)
        self._size_columns()
        self.table.selectionModel().currentRowChanged.connect(self._show_current)
        self.model.modelReset.connect(self._after_reset)

        self.summary = ClientSummary()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.summary)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([900, 380])

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.state_filter)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        return page

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
        rows = self.table.verticalHeader()
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 10)

    def _build_locked_page(self) -> QWidget:
        page = QWidget()
        message = QLabel(self.tr("Die Fallakte ist gesperrt."))
        message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unlock_button = QPushButton(self.tr("Entsperren…"))
        self.unlock_button.clicked.connect(self.request_unlock)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(message)
        layout.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        return page

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Fallakte"))
        self.lock_action = QAction(self.tr("&Sperren"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self._lock_and_ask)
        menu.addAction(self.lock_action)
        menu.addSeparator()
        quit_action = QAction(self.tr("&Beenden"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)

    def _build_status_bar(self) -> None:
        self.note_label = QLabel()
        self.count_label = QLabel()
        self.statusBar().addWidget(self.note_label, 1)
        self.statusBar().addPermanentWidget(self.count_label)

    # -- what others call -----------------------------------------------------------------------

    def set_store(self, store: Store) -> None:
        """Show the case file of a (newly unlocked) store."""
        self.store = store
        self._pages.setCurrentWidget(self._work_page)
        self.lock_action.setEnabled(True)
        self.model.set_store(store, self._query())
        self._show_count()
        self.search.setFocus()

    def set_note(self, text: str) -> None:
        """A lasting remark on the left of the status bar (e.g. that this is the demo file)."""
        self.note_label.setText(text)

    def lock(self) -> None:
        """Close the store and hide every piece of case data, including the search text."""
        self._search_timer.stop()
        self.model.clear()
        self.summary.clear()
        self.search.blockSignals(True)
        self.search.clear()  # what was typed may be a name
        self.search.blockSignals(False)
        self.count_label.clear()
        self._pages.setCurrentWidget(self._locked_page)
        self.lock_action.setEnabled(False)
        if self.store is not None:
            self.store.close()
            self.store = None

    def request_unlock(self) -> UnlockDialog:
        """Open the unlock dialog (not blocking); on success the new store is shown."""
        if self._unlock_dialog is not None:
            self._unlock_dialog.raise_()
            return self._unlock_dialog
        dialog = UnlockDialog(self.root, self)
        self._unlock_dialog = dialog
        dialog.finished.connect(self._unlock_finished)
        dialog.open()
        return dialog

    # -- reacting -------------------------------------------------------------------------------

    def _lock_and_ask(self) -> None:
        self.lock()
        self.request_unlock()

    def _unlock_finished(self, _result: int) -> None:
        dialog, self._unlock_dialog = self._unlock_dialog, None
        if dialog is None:
            return
        if dialog.store is not None:
            self.set_store(dialog.store)
        dialog.deleteLater()

    def _schedule_search(self, _text: str) -> None:
        self._search_timer.start()  # restarted by every keystroke: search once typing pauses

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _run_query(self) -> None:
        if self.store is not None:
            self.model.set_query(self._query())
            self._show_count()

    def _query(self) -> ClientQuery:
        """The model's query (its sort order) with the search text and the state filter."""
        return dataclasses.replace(
            self.model.query,
            text=self.search.text(),
            state=self.state_filter.currentData() or "open",
        )

    def _show_count(self) -> None:
        total = self.model.total
        if total == 1:
            self.count_label.setText(self.tr("1 Person"))
        else:
            number = f"{total:,}".replace(",", ".")
            self.count_label.setText(self.tr("{n} Personen").replace("{n}", number))

    def _show_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.summary.show_client(self.model.client_at(current.row()))
        else:
            self.summary.clear()

    def _after_reset(self) -> None:
        self.summary.clear()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window closes the case file: the key is forgotten with the connection."""
        self._search_timer.stop()
        if self.store is not None:
            self.model.clear()
            self.store.close()
            self.store = None
        super().closeEvent(event)
