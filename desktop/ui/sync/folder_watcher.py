"""The watched sync folder: now and then, import what colleagues left there and leave fresh bundles.

The check runs on the GUI thread, and only while no background job owns the store (one
connection, one writer). An unreachable folder (a network share gone, a USB stick pulled) is
reported and watched all the same.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from desktop.domain.errors import WelcomeDeskError
from desktop.services.casefile import Store
from desktop.services.sync import (
    ExportSummary,
    FolderImport,
    change_mark,
    export_to_folder,
    import_from_folder,
    sync_folder,
)
from desktop.ui.widgets import worker
from desktop.ui.widgets.i18n import current_language

DEFAULT_INTERVAL_MS = 60_000
FIRST_CHECK_MS = 1_000  # soon after unlocking or choosing the folder, not a minute later


@dataclass(frozen=True)
class FolderCheck:
    """What one look at the folder did."""

    imports: list[FolderImport]
    exported: list[ExportSummary]
    mark: int  # `change_mark` after the check


def check_folder(store: Store, folder: Path, last_mark: int | None) -> FolderCheck:
    """Import the new bundles; then, if anything came in or the case file changed since
    `last_mark` (None: unknown), write a fresh bundle per colleague. OSError if unreachable."""
    if not folder.is_dir():
        raise FileNotFoundError(folder)
    imports = import_from_folder(store, folder)
    merged = any(i.summary is not None and not i.summary.already_imported for i in imports)
    exported: list[ExportSummary] = []
    if merged or last_mark is None or change_mark(store) != last_mark:
        exported = export_to_folder(store, folder)
    return FolderCheck(imports, exported, change_mark(store))


def report(imports: list[FolderImport]) -> str:
    """One line for the status bar: what was imported, what to review, what was refused."""
    merged = [i.summary for i in imports if i.summary is not None]
    parts = []
    if merged:
        count, conflicts = len(merged), sum(s.conflicts for s in merged)
        text = (
            QCoreApplication.translate("FolderWatcher", "1 bundle imported from the sync folder")
            if count == 1
            else QCoreApplication.translate(
                "FolderWatcher", "{0} bundles imported from the sync folder"
            )
        )
        if conflicts:
            text += (
                QCoreApplication.translate("FolderWatcher", "; 1 conflict to review")
                if conflicts == 1
                else QCoreApplication.translate("FolderWatcher", "; {0} conflicts to review")
            ).replace("{0}", str(conflicts))
        parts.append(text.replace("{0}", str(count)) + ".")
    for refused in (i.error for i in imports if i.error is not None):
        parts.append(
            QCoreApplication.translate(
                "FolderWatcher", "Not imported from the sync folder: {0}"
            ).replace("{0}", refused.text(current_language()))
        )
    return " ".join(parts)


def unreachable(folder: Path) -> str:
    """The status line when the folder cannot be read or written."""
    return QCoreApplication.translate(
        "FolderWatcher", "The sync folder {0} cannot be reached; Welcome Desk will try again."
    ).replace("{0}", str(folder))


class FolderWatcher(QObject):
    """Looks at the store's sync folder every `interval_ms` while a store with a folder is set.

    `message(str)` carries a status-bar line; `imported(list)` the FolderImport list of a check
    that merged bundles. `ready()` is asked first (the window saves typed text there) and may
    say no, which skips that check.
    """

    message = Signal(str)
    imported = Signal(list)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        interval_ms: int = DEFAULT_INTERVAL_MS,
        ready: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(parent)
        self._interval_ms = max(int(interval_ms), 1)
        self._ready = ready
        self._store: Store | None = None
        self._folder: Path | None = None
        self._mark: int | None = None
        self._reported: set[tuple[Path, str]] = set()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)

    @property
    def folder(self) -> Path | None:
        return self._folder

    def is_active(self) -> bool:
        return self._timer.isActive()

    def set_store(self, store: Store | None) -> None:
        """Watch the folder set in this store (again, after it was changed); None stops."""
        self._timer.stop()
        self._store = store
        self._folder = sync_folder(store) if store is not None else None
        self._mark = None
        self._reported.clear()
        if self._store is not None and self._folder is not None:
            self._timer.start(min(FIRST_CHECK_MS, self._interval_ms))

    def check_now(self) -> FolderCheck | None:
        """Look at the folder at once; None if there is none or it cannot be reached."""
        store, folder = self._store, self._folder
        if store is None or folder is None:
            return None
        try:
            check = check_folder(store, folder, self._mark)
        except OSError:
            self.message.emit(unreachable(folder))
            return None
        except WelcomeDeskError as error:  # the disk refused a write: say so, keep watching
            self.message.emit(error.text(current_language()))
            return None
        self._mark = check.mark
        fresh = [i for i in check.imports if i.error is None or self._first_time(i)]
        if fresh:
            self.message.emit(report(fresh))
        if any(i.summary is not None for i in check.imports):
            self.imported.emit(check.imports)
        return check

    def _first_time(self, refused: FolderImport) -> bool:
        """A refused file is reported once, not at every check."""
        key = (refused.path, refused.error.reason if refused.error else "")
        if key in self._reported:
            return False
        self._reported.add(key)
        return True

    def _tick(self) -> None:
        self._timer.setInterval(self._interval_ms)
        if worker.busy() or not self._ready():
            return  # a job owns the store, or typed text cannot be saved: next time
        self.check_now()
