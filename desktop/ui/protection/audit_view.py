"""The audit trail in the window: the whole log or one case's history, filtered, read-only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QItemSelectionModel
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services import audit
from desktop.services.audit import AuditEvent
from desktop.services.casefile import Store
from desktop.services.clients import ClientQuery
from desktop.ui.protection.audit_model import CASE, AuditModel
from desktop.ui.widgets.i18n import Retranslating, current_language
from desktop.ui.widgets.style import button_row

if TYPE_CHECKING:
    from desktop.ui.shell.main_window import MainWindow

LIMIT = 5000  # rows shown at most; a narrower filter shows older events
RECENT_DAYS = 30  # the whole log opens on the last 30 days
NAME_MATCHES = 200  # cases a name filter looks at, at most
EARLIEST = QDate(2000, 1, 1)  # "from" at this date means: from the beginning

# Filter key -> the actions it shows (empty: all).
FILTERS: dict[str, tuple[str, ...]] = {
    "all": (),
    "changes": ("created", "changed", "deleted", "merged"),
    "opened": ("opened",),
    "handed_out": ("printed", "exported", "access_request"),
    "sync": ("synced_in",),
    "erasures": ("erased",),
    "security": (
        "backup",
        "restored",
        "passphrase_changed",
        "recovery_key_renewed",
        "keyring_forgotten",
    ),
}


@dataclass(frozen=True)
class TrailQuery:
    """What the dialog asks for: one case or all, a filter key, local days, a name."""

    client_id: str | None = None
    kind: str = "all"
    start: date | None = None
    end: date | None = None
    name: str = ""


@dataclass(frozen=True)
class TrailRows:
    """The events found, the names of their cases still there, and the erased case ids."""

    events: list[AuditEvent]
    names: dict[str, str]
    erased: set[str]
    capped: bool  # more events match than are shown


def fetch(store: Store, query: TrailQuery, limit: int = LIMIT) -> TrailRows:
    """The events of the query, newest first, filtered in SQL (days in the computer's time)."""
    # Days are stored in UTC: ask for a day more on each side, then keep the local days asked.
    since = query.start - timedelta(days=1) if query.start else None
    until = query.end + timedelta(days=1) if query.end else None
    actions = FILTERS[query.kind]
    if query.client_id is not None:
        cases: list[str | None] = [query.client_id]
    elif query.name.strip():
        page = store.clients(ClientQuery(text=query.name, state="all", limit=NAME_MATCHES))
        cases = [c.id for c in page.clients]
    else:
        cases = [None]
    events: list[AuditEvent] = []
    for case in cases:
        events += audit.trail(
            store, client_id=case, actions=actions, since=since, until=until, limit=limit + 1
        )
    if len(cases) > 1:
        events.sort(key=lambda e: (e.at, e.id), reverse=True)
    events = [e for e in events if _within(e, query.start, query.end)]
    capped = len(events) > limit
    events = events[:limit]
    ids = sorted({e.client_id for e in events if e.client_id})
    names = store.display_names(ids)
    erased = {i for i in ids if i not in names and store.is_erased(i)}
    return TrailRows(events, names, erased, capped)


def _within(event: AuditEvent, start: date | None, end: date | None) -> bool:
    day = event.at.astimezone().date()
    return (start is None or day >= start) and (end is None or day <= end)


class AuditLogDialog(Retranslating, QDialog):
    """The audit trail: of every case (`client_id` None) or of one; nothing in it can be changed.

    Filters: `kind` (what happened), `start`/`end` (days), `name` (cases by name; whole log only).
    Every change of a filter asks the case file again.
    """

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        client_id: str | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self.client_id = client_id
        # Read once: a language switch retitles the dialog without asking the case file.
        self._case_name = store.display_names([client_id]).get(client_id) if client_id else None
        today = today or date.today()
        self.rows: TrailRows | None = None
        self.kind = QComboBox()
        for key in FILTERS:
            self.kind.addItem("", key)
        self.start = _date_edit(today - timedelta(days=RECENT_DAYS) if client_id is None else None)
        self.end = _date_edit(today)
        self.name = QLineEdit()
        self.name.setClearButtonEnabled(True)
        self.model = AuditModel(self)
        self.table = _table(self.model)
        self.table.setColumnHidden(CASE, client_id is not None)
        self.count = QLabel()
        self.hint = QLabel()
        self.hint.setEnabled(False)  # greyed out: a hint
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)
        self._fields: tuple[QWidget, ...] = (self.kind, self.start, self.end, self.name)
        self._labels = [QLabel() for _ in self._fields]
        for label, widget in zip(self._labels, self._fields, strict=True):
            label.setBuddy(widget)
        if client_id is not None:  # one case: no name to filter by
            self.name.hide()
            self._labels[3].hide()
        QShortcut(QKeySequence.StandardKey.Copy, self.table, self.copy_selection)
        self._layout()
        self.resize(900, 560)
        self.kind.currentIndexChanged.connect(self.refresh)
        self.start.dateChanged.connect(self.refresh)
        self.end.dateChanged.connect(self.refresh)
        self.name.textChanged.connect(self.refresh)
        self.refresh()  # first: the title of an erased case comes from its events
        self.retranslate()

    def _layout(self) -> None:
        filters = QHBoxLayout()
        for label, widget in zip(self._labels, self._fields, strict=True):
            filters.addWidget(label)
            filters.addWidget(widget, 1 if widget is self.name else 0)
        if self.client_id is not None:
            filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        layout.addLayout(button_row(self.count, right=[self.close_button]))

    def retranslate(self) -> None:
        self.setWindowTitle(self._title())
        texts = (
            self.tr("All"),
            self.tr("Changes"),
            self.tr("Opened"),
            self.tr("Printed & exported"),
            self.tr("Sync"),
            self.tr("Erasures"),
            self.tr("Security"),
        )
        for index, text in enumerate(texts):
            self.kind.setItemText(index, text)
        for label, text in zip(
            self._labels,
            (self.tr("&Show:"), self.tr("&From:"), self.tr("&To:"), self.tr("Case &name:")),
            strict=True,
        ):
            label.setText(text)
        for edit in (self.start, self.end):
            edit.setDisplayFormat("dd.MM.yyyy" if current_language() == "de" else "yyyy-MM-dd")
        self.name.setPlaceholderText(self.tr("all cases"))
        self.hint.setText(self.tr("The audit trail cannot be changed."))
        self.close_button.setText(self.tr("Close"))
        self.model.refresh()
        self._show_count()

    def _title(self) -> str:
        if self.client_id is None:
            return self.tr("Audit trail")
        name = self._case_name or self.model.case_text(self.client_id)
        return self.tr("History of {0}").replace("{0}", name)

    def query(self) -> TrailQuery:
        """The filters as they are set now."""
        start = self.start.date()
        return TrailQuery(
            self.client_id,
            str(self.kind.currentData()),
            None if start == EARLIEST else start.toPython(),  # type: ignore[arg-type]
            self.end.date().toPython(),  # type: ignore[arg-type]
            self.name.text() if self.client_id is None else "",
        )

    def refresh(self) -> None:
        """Ask the case file for the events the filters describe, and show them."""
        self.rows = fetch(self._store, self.query())
        self.model.set_events(self.rows.events, self.rows.names, self.rows.erased)
        self._show_count()

    def _show_count(self) -> None:
        if self.rows is None:
            return
        shown = len(self.rows.events)
        if self.rows.capped:
            text = self.tr("Only the newest {0} events are shown: narrow the filter.")
        else:
            text = self.tr("Events: {0}")
        self.count.setText(text.replace("{0}", str(shown)))

    def copy_selection(self) -> str:
        """Put the selected rows on the clipboard as tab-separated lines; returns the text."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        columns = [c for c in range(self.model.COLUMNS) if not self.table.isColumnHidden(c)]
        text = "\n".join("\t".join(self.model.text(r, c) for c in columns) for r in rows)
        if text:
            QGuiApplication.clipboard().setText(text)
        return text

    def select_row(self, row: int) -> None:
        """Select one whole row (as a click would)."""
        flags = QItemSelectionModel.SelectionFlag
        self.table.selectionModel().select(
            self.model.index(row, 0), flags.ClearAndSelect | flags.Rows
        )


def _date_edit(value: date | None) -> QDateEdit:
    """A day with a calendar popup; None means "from the beginning" (shown as –)."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setMinimumDate(EARLIEST)
    edit.setSpecialValueText("–")  # shown at the earliest day: no lower bound
    edit.setDate(EARLIEST if value is None else QDate(value.year, value.month, value.day))
    return edit


def _table(model: AuditModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def open_audit_log(window: MainWindow) -> AuditLogDialog | None:
    """The whole audit trail over the main window (None while the case file is locked)."""
    if window.store is None:
        return None
    dialog = AuditLogDialog(window.store, window)
    dialog.exec()
    return dialog


def open_case_history(window: MainWindow) -> AuditLogDialog | None:
    """The history of the case shown in the workspace (None if no case is open)."""
    view = window.workspace.view
    if window.store is None or view is None:
        return None
    dialog = AuditLogDialog(window.store, window, view.client.id)
    dialog.exec()
    return dialog
