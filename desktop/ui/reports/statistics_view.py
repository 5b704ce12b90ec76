"""Statistics for a period: tables and bar charts without personal data, saved as PDF, XLSX
or CSV.

Counting and saving run on the database worker behind a progress dialog.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import WelcomeDeskError
from desktop.services import statistics
from desktop.ui.reports.bar_chart import BarChart
from desktop.ui.widgets import file_dialogs
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.geometry import fit_to_screen
from desktop.ui.widgets.i18n import Retranslating, current_language
from desktop.ui.widgets.progress import run_with_progress
from desktop.ui.widgets.style import button_row, error_label, fit_rows

if TYPE_CHECKING:
    from desktop.services.casefile import Store


def date_format() -> str:
    """The QDateEdit format of the UI language: 31.12.2026 or 2026-12-31."""
    return "dd.MM.yyyy" if current_language() == "de" else "yyyy-MM-dd"


def date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(date_format())
    return edit


class StatisticsDialog(Retranslating, QDialog):
    """The period (1 January to today at first), "Show" computes; the tables follow the language.

    `stats` holds the figures shown; `tables` the widgets of each table, `charts` the bar charts.
    """

    def __init__(self, db: DbWorker, parent: QWidget | None = None, *, today: date | None = None):
        super().__init__(parent)
        self._db = db
        today = today or date.today()
        self.stats: statistics.Statistics | None = None
        self.tables: list[QTableWidget] = []
        self.charts: list[BarChart] = []
        self.start = date_edit(date(today.year, 1, 1))
        self.end = date_edit(today)
        self._from_label, self._to_label = QLabel(), QLabel()
        self._from_label.setBuddy(self.start)
        self._to_label.setBuddy(self.end)
        self.show_button = QPushButton()
        self.show_button.clicked.connect(self.refresh)
        self.pdf_button = QPushButton()
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.csv_button = QPushButton()
        self.csv_button.clicked.connect(lambda: self.save("csv"))
        self.xlsx_button = QPushButton()
        self.xlsx_button.clicked.connect(lambda: self.save("xlsx"))
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        self.error = error_label()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.period = QLabel()
        self.note = QLabel()
        self.note.setEnabled(False)  # greyed out: a hint
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)

        period = QHBoxLayout()
        for widget in (self._from_label, self.start, self._to_label, self.end, self.show_button):
            period.addWidget(widget)
        period.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(period)
        layout.addWidget(self.error)
        layout.addWidget(self.period)
        layout.addWidget(self.note)
        layout.addWidget(self._scroll, 1)
        layout.addWidget(self.result_label)
        layout.addLayout(
            button_row(
                self.pdf_button, self.xlsx_button, self.csv_button, right=[self.close_button]
            )
        )
        fit_to_screen(self, "statistics", QSize(760, 680))
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Statistics"))
        self._from_label.setText(self.tr("&From:"))
        self._to_label.setText(self.tr("&To:"))
        self.show_button.setText(self.tr("&Show"))
        self.pdf_button.setText(self.tr("Save as &PDF…"))
        self.csv_button.setText(self.tr("Save as &CSV…"))
        self.xlsx_button.setText(self.tr("Save as E&xcel…"))
        self.close_button.setText(self.tr("Close"))
        for edit in (self.start, self.end):
            edit.setDisplayFormat(date_format())
        self._render()

    def period_dates(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()  # type: ignore[return-value]

    def refresh(self) -> bool:
        """Compute the figures of the period chosen (in the background) and show them."""
        start, end = self.period_dates()
        try:
            statistics.check_period(start, end)
        except WelcomeDeskError as error:
            self.error.setText(error.text(current_language()))
            return False
        self.error.clear()
        stats = run_with_progress(
            self._db,
            self,
            self.tr("Counting…"),
            lambda store, _p, _c: statistics.compute(store, start, end),
        )
        if stats is None:
            return False
        self.stats = stats
        self._render()
        return True

    def save(self, fmt: str) -> Path | None:
        """Ask for a file and write the statistics of the period shown as PDF, XLSX or CSV."""
        if self.stats is None and not self.refresh():
            return None
        assert self.stats is not None
        caption = self.tr("Save statistics")
        kinds = {
            "pdf": self.tr("PDF document (*.pdf)"),
            "csv": self.tr("CSV for Excel (*.csv)"),
            "xlsx": self.tr("Excel workbook (*.xlsx)"),
        }
        kind = kinds[fmt]
        name, _filter = file_dialogs.save_file(self, caption, f"statistics.{fmt}", kind)
        if not name:
            return None
        target = Path(name)
        if target.suffix.lower() != f".{fmt}":
            target = target.with_name(target.name + f".{fmt}")
        stats, lang = self.stats, current_language()

        def job(store: Store, _p: object, _c: object) -> statistics.Statistics:
            return statistics.export_statistics(
                store, stats.start, stats.end, target, fmt, lang=lang
            )

        if run_with_progress(self._db, self, caption, job) is None:
            return None
        self.result_label.setText(self.tr("Saved to {0}.").replace("{0}", str(target)))
        return target

    def _render(self) -> None:
        """Build the tables and charts of `stats` again, in the current language."""
        self.tables, self.charts = [], []
        if self.stats is None:
            self.period.clear()
            self.note.clear()
            return
        lang = current_language()
        self.period.setText(statistics.period_text(self.stats, lang))
        self.note.setText(statistics.text("small", lang))
        content = QWidget()
        layout = QVBoxLayout(content)
        for table in statistics.tables(self.stats, lang):
            title = QLabel(table.title)
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            layout.addWidget(title)
            widget = _table_widget(table)
            self.tables.append(widget)
            layout.addWidget(widget)
            if table.chart:
                chart = BarChart(table.chart)
                self.charts.append(chart)
                layout.addWidget(chart)
        layout.addStretch(1)
        self._scroll.setWidget(content)  # the old content is deleted with it


def _table_widget(table: statistics.Table) -> QTableWidget:
    widget = QTableWidget(len(table.rows), len(table.headers))
    widget.setHorizontalHeaderLabels(list(table.headers))
    widget.verticalHeader().hide()
    fit_rows(widget)
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    for r, row in enumerate(table.rows):
        for c, value in enumerate(row):
            widget.setItem(r, c, QTableWidgetItem(value))
    header = widget.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    height = header.sizeHint().height() + 2 * widget.frameWidth() + 2
    height += sum(widget.rowHeight(r) for r in range(widget.rowCount()))
    widget.setFixedHeight(height)
    widget.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return widget
