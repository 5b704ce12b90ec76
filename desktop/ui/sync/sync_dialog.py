"""The Sync window: colleagues, exchanging bundles, and the conflicts a merge left to review.

Every page reads and writes the case file through the database worker: what it shows arrives
shortly after the window is built, and the window opens on the Conflicts tab once the conflicts
read show that some wait for review.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget

from desktop.domain.errors import BundleRejected
from desktop.ui.sync.colleague_dialog import ColleagueDialog
from desktop.ui.sync.colleagues_page import ColleaguesPage
from desktop.ui.sync.conflicts_page import ConflictsPage
from desktop.ui.sync.exchange_page import ExchangePage
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.geometry import fit_to_screen
from desktop.ui.widgets.i18n import Retranslating


class SyncDialog(Retranslating, QDialog):
    """Non-modal; Escape or Close closes it.

    `merged` after an import or a restored conflict changed the case file (the window reads
    it again); `folder_changed(Path | None)` after the watched folder was set or cleared.
    `prepare()` is asked before an import (the window saves typed text there).
    """

    merged = Signal()
    folder_changed = Signal(object)

    def __init__(
        self,
        db: DbWorker,
        parent: QWidget | None = None,
        *,
        prepare: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(parent)
        self.colleagues = ColleaguesPage(db)
        self.exchange = ExchangePage(db, prepare=prepare)
        self.conflicts = ConflictsPage(db)
        self.tabs = QTabWidget()
        for page in (self.colleagues, self.exchange, self.conflicts):
            self.tabs.addTab(page, "")

        self.colleagues.changed.connect(self.exchange.reload)
        self.exchange.synced.connect(self.colleagues.reload)
        self.exchange.merged.connect(self.conflicts.reload)
        self.exchange.merged.connect(self.merged)
        self.exchange.compare_requested.connect(self.compare)
        self.exchange.folder_changed.connect(self.folder_changed)
        self.conflicts.changed.connect(self.merged)
        self.conflicts.count_changed.connect(lambda _count: self._title_tabs())
        self.conflicts.count_changed.connect(self._first_count)

        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self._buttons)
        fit_to_screen(self, "sync", QSize(900, 600))
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sync with colleagues"))
        self._buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self._title_tabs()

    def reload(self) -> None:
        """Read colleagues, the folder and the conflicts again (a watched folder brought news)."""
        self.colleagues.reload()
        self.exchange.reload()
        self.conflicts.reload()

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]

    def show_tab(self, name: str) -> None:
        """Show the "colleagues", "exchange" or "conflicts" tab."""
        pages = {"colleagues": self.colleagues, "exchange": self.exchange}
        self.tabs.setCurrentWidget(pages.get(name, self.conflicts))

    def compare(self, refused: BundleRejected) -> ColleagueDialog:
        """Show the Colleagues tab and compare the refused bundle's fingerprint."""
        self.tabs.setCurrentWidget(self.colleagues)
        return self.colleagues.compare(refused)

    def _first_count(self, count: int) -> None:
        """The conflicts as the window opened: open where the work is (unless another tab was
        chosen meanwhile)."""
        self.conflicts.count_changed.disconnect(self._first_count)
        if count and self.tabs.currentIndex() == 0:
            self.tabs.setCurrentWidget(self.conflicts)

    def _title_tabs(self) -> None:
        count = self.conflicts.open_count
        self.tabs.setTabText(0, self.tr("Co&lleagues"))
        self.tabs.setTabText(1, self.tr("E&xchange"))
        self.tabs.setTabText(
            2,
            self.tr("C&onflicts ({0})").replace("{0}", str(count))
            if count
            else self.tr("C&onflicts"),
        )
