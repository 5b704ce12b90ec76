"""What sync leaves waiting for the coordinator, in the main window's status bar.

Conflicts to review (a colleague's edit and ours met on the same fields) and bundles in the
watched folder that could not be merged (an unknown sender, a gap before them, a damaged file)
are shown as one button; it is hidden while nothing waits. A click opens the Sync window on the
tab where the work is.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QStyle, QToolButton, QWidget

from desktop.services.sync import open_conflict_count
from desktop.services.sync_folder import Round
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.i18n import Retranslating

BADGE_CHANNEL = "sync-badge"


class SyncBadge(Retranslating, QToolButton):
    """`refresh()` reads the open conflicts again; `folder_checked(check)` takes the bundles a
    check of the watched folder could not merge; `clear()` forgets both (locking).
    `open_requested(tab)` asks for the Sync window on "conflicts" or "exchange"."""

    open_requested = Signal(str)

    def __init__(self, db: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.conflicts = 0
        self.waiting = 0
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.clicked.connect(self._clicked)
        self.setVisible(False)
        self.retranslate()

    def refresh(self) -> None:
        """Count the conflicts to review again (on the worker)."""
        if self._db.is_open:
            self._db.run(open_conflict_count, self._show_conflicts, channel=BADGE_CHANNEL)

    def folder_checked(self, done: Round) -> None:
        """The bundles of the last look at the watched folder that wait for the user."""
        self.waiting = done.waiting
        self.refresh()

    def clear(self) -> None:
        self.conflicts = self.waiting = 0
        self.retranslate()

    def retranslate(self) -> None:
        parts = []
        if self.conflicts:
            parts.append(
                self.tr("1 conflict to review")
                if self.conflicts == 1
                else self.tr("{0} conflicts to review").replace("{0}", str(self.conflicts))
            )
        if self.waiting:
            parts.append(
                self.tr("1 bundle waiting")
                if self.waiting == 1
                else self.tr("{0} bundles waiting").replace("{0}", str(self.waiting))
            )
        self.setText(" · ".join(parts))
        self.setToolTip(self.tr("Open the Sync window where these wait (Ctrl+Shift+Y)"))
        self.setVisible(bool(parts))

    def _show_conflicts(self, count: int) -> None:
        self.conflicts = count
        self.retranslate()

    def _clicked(self) -> None:
        self.open_requested.emit("conflicts" if self.conflicts else "exchange")
