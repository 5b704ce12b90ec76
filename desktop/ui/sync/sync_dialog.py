"""The Sync window: colleagues, exchanging bundles, and the conflicts a merge left to review."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget

from desktop.domain.errors import BundleRejected
from desktop.services.casefile import Store
from desktop.ui.sync.colleague_dialog import ColleagueDialog
from desktop.ui.sync.colleagues_page import ColleaguesPage
from desktop.ui.sync.conflicts_page import ConflictsPage
from desktop.ui.sync.exchange_page import ExchangePage
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
        store: Store,
        parent: QWidget | None = None,
        *,
        prepare: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(parent)
        self.colleagues = ColleaguesPage(store)
        self.exchange = ExchangePage(store, prepare=prepare)
        self.conflicts = ConflictsPage(store)
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

        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self._buttons)
        self.resize(900, 600)
        self.retranslate()
        if self.conflicts.open_count:
            self.tabs.setCurrentWidget(self.conflicts)

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

    def compare(self, refused: BundleRejected) -> ColleagueDialog:
        """Show the Colleagues tab and compare the refused bundle's fingerprint."""
        self.tabs.setCurrentWidget(self.colleagues)
        return self.colleagues.compare(refused)

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
