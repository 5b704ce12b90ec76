"""The audit trail in the window: the whole log or one case's history, filtered, read-only.

The events are read by the database worker (`audit.trail_rows`) when the dialog is built and
after each change of a filter; only the answer to the newest filters is shown.
"""

from __future__ import annotations

from datetime import date, timedelta

import shiboken6
from PySide6.QtCore import QDate, QItemSelectionModel, QSize
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
from desktop.services.audit import TrailQuery, TrailRows
from desktop.services.clients import display_names
from desktop.ui.protection.audit_model import CASE, AuditModel
from desktop.ui.shell.protocol import Shell
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.geometry import fit_to_screen
from desktop.ui.widgets.i18n import Retranslating, current_language
from desktop.ui.widgets.style import button_row, fit_rows

RECENT_DAYS = 30  # the whole log opens on the last 30 days
EARLIEST = QDate(2000, 1, 1)  # "from" at this date means: from the beginning
LOADING = "…"  # in the title of a case's history until its name is read


class AuditLogDialog(Retranslating, QDialog):
    """The audit trail: of every case (`client_id` None) or of one; nothing in it can be changed.

    Filters: `kind` (what happened), `start`/`end` (days), `name` (cases by name; whole log only).
    Every change of a filter asks the worker again; `rows` is the newest answer shown.
    """

    def __init__(
        self,
        db: DbWorker,
        parent: QWidget | None = None,
        client_id: str | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._channel = f"audit-trail-{id(self)}"  # this dialog's filters: the newest answers
        self.client_id = client_id
        self._case_name: str | None = None
        self._named = client_id is None  # the case's name has been read (once)
        today = today or date.today()
        self.rows: TrailRows | None = None
        self.kind = QComboBox()
        for key in audit.TRAIL_FILTERS:
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
        fit_to_screen(self, "audit", QSize(900, 560))
        self.kind.currentIndexChanged.connect(self.refresh)
        self.start.dateChanged.connect(self.refresh)
        self.end.dateChanged.connect(self.refresh)
        self.name.textChanged.connect(self.refresh)
        if client_id is not None:
            # Read once: a language switch retitles the dialog without asking the case file.
            db.run(lambda store: display_names(store, [client_id]), self._name_read)
        self.refresh()
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
        if not self._named or self.rows is None:  # the title of an erased case needs its events
            name = LOADING
        else:
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
        """Ask the worker for the events the filters describe; they are shown when read."""
        query = self.query()
        self._db.run(
            lambda store: audit.trail_rows(store, query), self._show_rows, channel=self._channel
        )

    def _show_rows(self, rows: TrailRows) -> None:
        if not shiboken6.isValid(self):  # closed and deleted while the events were read
            return
        first, self.rows = self.rows is None, rows
        self.model.set_events(rows.events, rows.names, rows.erased)
        self._show_count()
        if first:  # the title of an erased case comes from its first events
            self.setWindowTitle(self._title())

    def _name_read(self, names: dict[str, str]) -> None:
        if not shiboken6.isValid(self) or self.client_id is None:
            return
        self._case_name = names.get(self.client_id)
        self._named = True
        self.setWindowTitle(self._title())

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
    fit_rows(table)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def open_audit_log(shell: Shell) -> AuditLogDialog | None:
    """The whole audit trail over the main window (None while the case file is locked)."""
    if not shell.db.is_open:
        return None
    dialog = AuditLogDialog(shell.db, shell.widget())
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def open_case_history(shell: Shell) -> AuditLogDialog | None:
    """The history of the case shown in the workspace (None if no case is open)."""
    client_id = shell.current_client_id()
    if not shell.db.is_open or client_id is None:
        return None
    dialog = AuditLogDialog(shell.db, shell.widget(), client_id)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
