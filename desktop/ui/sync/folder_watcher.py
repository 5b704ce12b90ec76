"""The watched sync folder: now and then, import what colleagues left there and leave fresh bundles.

Each check is a background job on the database worker, with progress (`progressed`) and a
cancel (`cancel()`), so the window stays responsive however slow the folder is. Before the job
is queued, a short look at the folder from a thread of its own tells whether it can be reached
at all: an unreachable network share or a pulled USB stick never holds up the worker. An
unreachable folder is reported and watched all the same.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from desktop.domain.errors import WelcomeDeskError
from desktop.services.sync import sync_folder
from desktop.services.sync_folder import FolderLooks, Round, exchange_round
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.i18n import current_language

DEFAULT_INTERVAL_MS = 60_000
FIRST_CHECK_MS = 1_000  # soon after unlocking or choosing the folder, not a minute later


def report(done: Round) -> str:
    """One line for the status bar: what was imported, what to review, what was refused, what
    waits for earlier changes."""
    parts = []
    if done.imports:
        count, conflicts = len(done.imports), sum(m.summary.conflicts for m in done.imports)
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
    for refused in done.refused:
        parts.append(
            QCoreApplication.translate(
                "FolderWatcher", "Not imported from the sync folder: {0}"
            ).replace("{0}", refused.error.text(current_language()))
        )
    if done.held:
        held = len(done.held)
        parts.append(
            QCoreApplication.translate("FolderWatcher", "1 bundle waits for earlier changes.")
            if held == 1
            else QCoreApplication.translate(
                "FolderWatcher", "{0} bundles wait for earlier changes."
            ).replace("{0}", str(held))
        )
    return " ".join(parts)


def unreachable(folder: Path) -> str:
    """The status line when the folder cannot be read or written."""
    return QCoreApplication.translate(
        "FolderWatcher", "The sync folder {0} cannot be reached; Welcome Desk will try again."
    ).replace("{0}", str(folder))


class _Probe(QObject):
    """Whether a folder can be reached, asked from a short-lived thread of its own."""

    answered = Signal(object, bool)

    def look(self, folder: Path) -> None:
        def probe() -> None:
            try:
                reachable = folder.is_dir()
            except OSError:
                reachable = False
            self.answered.emit(folder, reachable)

        threading.Thread(target=probe, name="sync-folder-probe", daemon=True).start()


class FolderWatcher(QObject):
    """Looks at the case file's sync folder every `interval_ms` while one is set.

    `message(LiveText)` carries a status-bar line, as a function that says it in the language
    shown (a switch says it again); `imported(list)` the `Merged` list of a check that
    merged bundles; `checked(Round)` follows every check that ran;
    `progressed(done, total)` and `running(bool)` tell how a check goes. `ready()` is asked
    first (the window saves typed text there) and may say no, which skips that check.
    """

    message = Signal(object)
    imported = Signal(list)
    checked = Signal(object)
    progressed = Signal(int, int)
    running = Signal(bool)

    def __init__(
        self,
        db: DbWorker,
        parent: QObject | None = None,
        *,
        interval_ms: int = DEFAULT_INTERVAL_MS,
        ready: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._interval_ms = max(int(interval_ms), 1)
        self._ready = ready
        self._folder: Path | None = None
        self._looks = FolderLooks()  # what earlier checks saw of failing files
        self._held = 0
        self._stop: threading.Event | None = None  # the cancel flag of the check running
        self._probe = _Probe(self)
        self._probe.answered.connect(self._reachable)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)

    @property
    def folder(self) -> Path | None:
        return self._folder

    @property
    def busy(self) -> bool:
        """True while a check is on its way (probing the folder or running on the worker)."""
        return self._stop is not None

    def is_active(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        """Watch the folder set in the case file (again, after it was changed)."""
        self.stop()
        self._db.run(sync_folder, self._watch)

    def stop(self) -> None:
        """Stop watching (locking); a check on its way is asked to stop."""
        self._timer.stop()
        self.cancel()
        self._done()  # its answer, if any, is dropped with the case file closed
        self._folder = None
        # A new one, not cleared: a check on its way may still be writing into the old one.
        self._looks = FolderLooks()
        self._held = 0

    def cancel(self) -> None:
        """Ask the check on its way to stop after the bundle it is merging."""
        if self._stop is not None:
            self._stop.set()

    def check_now(self) -> bool:
        """Look at the folder now (unless a check is on its way); False if there is none."""
        folder = self._folder
        if folder is None or self._stop is not None or not self._db.is_open:
            return False
        self._stop = threading.Event()
        self.running.emit(True)
        self._probe.look(folder)
        return True

    # -- reacting ----------------------------------------------------------------------------

    def _watch(self, folder: Path | None) -> None:
        self._folder = folder
        if folder is not None:
            self._timer.start(min(FIRST_CHECK_MS, self._interval_ms))

    def _tick(self) -> None:
        self._timer.setInterval(self._interval_ms)
        if self._ready():  # else typed text cannot be saved yet: next time
            self.check_now()

    def _reachable(self, folder: Path, reachable: bool) -> None:
        stop = self._stop
        if stop is None or folder != self._folder or stop.is_set():
            self._done()
            return
        if not reachable:
            self.message.emit(lambda: unreachable(folder))
            self._done()
            return
        looks = self._looks
        self._db.run_job(
            lambda store, progress, cancelled: exchange_round(
                store, folder, progress=progress, cancelled=cancelled, looks=looks
            ),
            self._checked,
            self._failed,
            progress=self.progressed.emit,
            stop=stop,
        )

    def _checked(self, done: Round) -> None:
        self._done()
        # Refused files are reported once by the round itself; held ones when their number moves.
        if done.imports or done.refused or (done.held and len(done.held) != self._held):
            self.message.emit(lambda: report(done))
        self._held = len(done.held)
        if done.imports:
            self.imported.emit(done.imports)
        self.checked.emit(done)

    def _failed(self, error: BaseException) -> None:
        self._done()
        folder = self._folder
        if isinstance(error, OSError) and folder is not None:
            self.message.emit(lambda: unreachable(folder))
        elif isinstance(error, WelcomeDeskError):  # the disk refused a write: say so, go on
            self.message.emit(lambda: error.text(current_language()))
        else:
            self._db.report(error)

    def _done(self) -> None:
        if self._stop is not None:
            self._stop = None
            self.running.emit(False)
