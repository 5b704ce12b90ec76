"""The Reports menu: calendars, lists for a meeting and statistics, and the calendar feed timer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu

from desktop.domain.errors import WelcomeDeskError
from desktop.services import lists
from desktop.services.calendar_feed import FeedWriter
from desktop.services.casefile import Store
from desktop.ui.reports.calendar_dialog import CalendarDialog
from desktop.ui.reports.calendar_feed_dialog import CalendarFeedDialog
from desktop.ui.reports.duplicates_view import DuplicatesDialog, open_duplicates
from desktop.ui.reports.statistics_view import StatisticsDialog
from desktop.ui.widgets.i18n import Retranslating, current_language
from desktop.ui.widgets.worker import busy, run_with_progress

if TYPE_CHECKING:
    from desktop.ui.shell.main_window import MainWindow

FEED_INTERVAL_MS = 5 * 60_000
RADAR_DAYS = 30
MESSAGE_MS = 30_000


class ReportsMenu(Retranslating, QMenu):
    """Its entries open the dialogs over the window's open store; nothing while it is locked.

    Every five minutes, and when the feed dialog is closed with OK, the feed file is written
    again if the case file changed; a folder that cannot be written is said in the status bar.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._writer: FeedWriter | None = None
        self.calendar_action = self._entry(self.export_calendar)
        self.feed_action = self._entry(self.open_feed)
        self.addSeparator()
        self.case_list_action = self._entry(self.export_case_list)
        self.radar_action = self._entry(self.export_radar)
        self.addSeparator()
        self.statistics_action = self._entry(self.open_statistics)
        self.addSeparator()
        self.duplicates_action = self._entry(self.open_duplicates)
        self.aboutToShow.connect(self._enable)
        self.feed_timer = QTimer(self)
        self.feed_timer.setInterval(FEED_INTERVAL_MS)
        self.feed_timer.timeout.connect(self.refresh_feed)
        self.feed_timer.start()
        self.retranslate()

    def _entry(self, slot: Callable[[], object]) -> QAction:
        action = QAction(self)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Reports"))
        self.calendar_action.setText(self.tr("Export &calendar (.ics)…"))
        self.feed_action.setText(self.tr("Calendar &feed…"))
        self.case_list_action.setText(self.tr("Export case &list…"))
        self.radar_action.setText(self.tr("Export &deadline radar…"))
        self.statistics_action.setText(self.tr("&Statistics…"))
        self.duplicates_action.setText(self.tr("Likely d&uplicates…"))

    def _enable(self) -> None:
        for action in self.actions():
            action.setEnabled(self._window.store is not None)

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    # -- the entries -------------------------------------------------------------------------

    def export_calendar(self) -> CalendarDialog | None:
        """The .ics export, for the client open in the workspace if there is one."""
        store = self._window.store
        if store is None:
            return None
        view = self._window.workspace.view
        dialog = CalendarDialog(store, view.client if view else None, self._window)
        self._open(dialog)
        return dialog

    def open_feed(self) -> CalendarFeedDialog | None:
        store = self._window.store
        if store is None:
            return None
        dialog = CalendarFeedDialog(store, self._window)
        dialog.accepted.connect(lambda: self.refresh_feed(force=True))
        self._open(dialog)
        return dialog

    def open_statistics(self) -> StatisticsDialog | None:
        store = self._window.store
        if store is None:
            return None
        dialog = StatisticsDialog(store, self._window)
        self._open(dialog)
        dialog.refresh()
        return dialog

    def open_duplicates(self) -> DuplicatesDialog | None:
        """The review list of likely duplicate pairs; a merge shows the case file anew."""
        store, window = self._window.store, self._window
        if store is None:
            return None
        # the same refresh as after a sync: the list, the case shown, the agenda
        return open_duplicates(
            store, window, window._after_sync, prepare=window.workspace.save_pending
        )

    def export_case_list(self) -> Path | None:
        """The case list exactly as filtered now, to CSV or XLSX."""
        query = self._window.case_list.query()
        return self._export(
            self.tr("Export case list"),
            "case-list",
            lambda store, target, fmt, lang: lists.export_case_list(
                store, query, target, fmt, lang=lang
            ),
            lambda n, target: self.tr("%n person(s) written to {0}.", "", n).replace(
                "{0}", str(target)
            ),
        )

    def export_radar(self) -> Path | None:
        """The deadlines of the next 30 days (overdue ones first), to CSV or XLSX."""
        today = date.today()
        return self._export(
            self.tr("Export deadline radar"),
            "deadlines",
            lambda store, target, fmt, lang: lists.export_radar(
                store, today, RADAR_DAYS, target, fmt, lang=lang
            ),
            lambda n, target: self.tr("%n deadline(s) written to {0}.", "", n).replace(
                "{0}", str(target)
            ),
        )

    def _export(
        self,
        title: str,
        stem: str,
        write: Callable[[Store, Path, str, str], int],
        sentence: Callable[[int, Path], str],
    ) -> Path | None:
        store = self._window.store
        if store is None or not self._window.workspace.save_pending():
            return None
        xlsx, csv = self.tr("Excel workbook (*.xlsx)"), self.tr("CSV for Excel (*.csv)")
        name, chosen = QFileDialog.getSaveFileName(
            self._window, title, f"{stem}.xlsx", f"{xlsx};;{csv}", xlsx
        )
        if not name:
            return None
        target = Path(name)
        fmt = target.suffix.lower().lstrip(".")
        if fmt not in lists.FORMATS:
            fmt = "csv" if chosen == csv else "xlsx"
            target = target.with_name(f"{target.name}.{fmt}")
        lang = current_language()
        written = run_with_progress(
            self._window, title, lambda _p, _c: write(store, target, fmt, lang)
        )
        if written is None:
            return None
        self._window.statusBar().showMessage(sentence(written, target), MESSAGE_MS)
        return target

    # -- the feed ----------------------------------------------------------------------------

    def refresh_feed(self, force: bool = False) -> Path | None:
        """Write the feed file again if one is set and the case file changed since."""
        store = self._window.store
        if store is None or busy():
            return None
        if self._writer is None or self._writer.store is not store:
            self._writer = FeedWriter(store)  # a new unlock: write at once
        try:
            return self._writer.refresh(current_language(), force=force)
        except (OSError, WelcomeDeskError):  # a folder gone or not writable: try again later
            self._window.statusBar().showMessage(
                self.tr("The calendar feed could not be written; trying again in five minutes."),
                MESSAGE_MS,
            )
            return None


def install_reports_menu(window: MainWindow) -> ReportsMenu:
    """Add the Reports menu to the window's menu bar (after the menus already there)."""
    menu = ReportsMenu(window)
    window.menuBar().addMenu(menu)
    return menu
