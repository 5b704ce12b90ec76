"""The Reports menu: calendars, lists for a meeting and statistics, and the calendar feed timer.

The menu gets the window as a `Shell`; exports run on the database worker behind a progress
dialog, and the feed is written there too (queued behind whatever the worker is doing).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from desktop.domain.errors import WelcomeDeskError
from desktop.services import lists
from desktop.services.calendar_feed import FeedWriter, refresh_feed
from desktop.ui.reports.calendar_dialog import CalendarDialog
from desktop.ui.reports.calendar_feed_dialog import CalendarFeedDialog
from desktop.ui.reports.duplicates_view import DuplicatesDialog, open_duplicates
from desktop.ui.reports.statistics_view import StatisticsDialog
from desktop.ui.shell.protocol import MESSAGE_MS, Shell
from desktop.ui.widgets import file_dialogs
from desktop.ui.widgets.i18n import Retranslating, current_language
from desktop.ui.widgets.progress import run_with_progress

if TYPE_CHECKING:
    from desktop.services.casefile import Store

FEED_INTERVAL_MS = 5 * 60_000
RADAR_DAYS = 30


class ReportsMenu(Retranslating, QMenu):
    """Its entries open the dialogs over the shell's case file; nothing while it is locked.

    Every five minutes, and when the feed dialog is closed with OK, the feed file is written
    again if the case file changed; a folder that cannot be written is said in the status bar.
    `feed_refreshed(path)` follows each try: the feed written, or None (no feed folder, nothing
    changed, or the folder could not be written).
    """

    feed_refreshed = Signal(object)

    def __init__(self, shell: Shell, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shell = shell
        self._writer: FeedWriter | None = None  # used on the worker; here only kept and passed
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
        shell.db.closed.connect(self._forget_writer)
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
            action.setEnabled(self._shell.db.is_open)

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    # -- the entries -------------------------------------------------------------------------

    def export_calendar(self) -> CalendarDialog | None:
        """The .ics export, for the client open in the workspace if there is one."""
        shell = self._shell
        if not shell.db.is_open:
            return None
        dialog = CalendarDialog(shell.db, shell.current_client_id(), shell.widget())
        self._open(dialog)
        return dialog

    def open_feed(self) -> CalendarFeedDialog | None:
        shell = self._shell
        if not shell.db.is_open:
            return None
        dialog = CalendarFeedDialog(shell.db, shell.widget())
        dialog.accepted.connect(lambda: self.refresh_feed(force=True))
        self._open(dialog)
        return dialog

    def open_statistics(self) -> StatisticsDialog | None:
        shell = self._shell
        if not shell.db.is_open:
            return None
        dialog = StatisticsDialog(shell.db, shell.widget())
        self._open(dialog)
        dialog.refresh()
        return dialog

    def open_duplicates(self) -> DuplicatesDialog | None:
        """The review list of likely duplicate pairs; a merge shows the case file anew."""
        return open_duplicates(self._shell)

    def export_case_list(self) -> Path | None:
        """The case list exactly as filtered now, to CSV or XLSX."""
        query = self._shell.case_query()
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
        shell = self._shell
        if not shell.db.is_open or not shell.save_pending():
            return None
        xlsx, csv = self.tr("Excel workbook (*.xlsx)"), self.tr("CSV for Excel (*.csv)")
        name, chosen = file_dialogs.save_file(
            shell.widget(), title, f"{stem}.xlsx", f"{xlsx};;{csv}", xlsx
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
            shell.db, shell.widget(), title, lambda store, _p, _c: write(store, target, fmt, lang)
        )
        if written is None:
            return None
        shell.show_message(lambda: sentence(written, target), MESSAGE_MS)
        return target

    # -- the feed ----------------------------------------------------------------------------

    def refresh_feed(self, force: bool = False) -> None:
        """Queue writing the feed file again if one is set and the case file changed since
        (or `force`); `feed_refreshed` says how it went."""
        db = self._shell.db
        if not db.is_open:
            return
        writer, lang = self._writer, current_language()
        db.run(
            lambda store: refresh_feed(store, writer, lang, force=force),
            self._feed_written,
            self._feed_failed,
        )

    def _feed_written(self, outcome: tuple[FeedWriter, Path | None]) -> None:
        self._writer, written = outcome
        self.feed_refreshed.emit(written)

    def _feed_failed(self, error: BaseException) -> None:
        if isinstance(error, (OSError, WelcomeDeskError)):  # a folder gone or not writable
            self._shell.show_message(
                lambda: self.tr(
                    "The calendar feed could not be written; trying again in five minutes."
                ),
                MESSAGE_MS,
            )
        else:
            self._shell.db.report(error)
        self.feed_refreshed.emit(None)

    def _forget_writer(self) -> None:
        self._writer = None  # locked: the next unlock writes the feed at once
