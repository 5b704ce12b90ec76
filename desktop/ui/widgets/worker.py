"""Long work off the GUI thread: a modal progress dialog, the result or the error back in the GUI.

The job runs in a QThread and must never touch a widget. While it runs the dialog is modal, so
the user cannot reach anything that reads the store; `busy()` tells timers (the idle lock) to
wait as well.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QThread, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from desktop.domain.errors import WelcomeDeskError
from desktop.ui.widgets.i18n import current_language

T = TypeVar("T")
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Job = Callable[[Progress, Cancelled], T]

_running = {"jobs": 0}


def busy() -> bool:
    """True while a job runs in the background (and the store belongs to it)."""
    return _running["jobs"] > 0


class _Thread(QThread, Generic[T]):
    """Runs the job once; keeps its result or its exception for the GUI thread."""

    progressed = Signal(int, int)

    def __init__(self, job: Job[T], stop: threading.Event) -> None:
        super().__init__()
        self._job = job
        self._stop = stop
        self._last = (-1, -1)
        self.result: T | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._job(self._progress, self._stop.is_set)
        except BaseException as error:  # handed to the GUI thread, shown there
            self.error = error

    def _progress(self, done: int, total: int) -> None:
        if (done, total) != self._last:  # queued to the GUI thread: send changes only
            self._last = (done, total)
            self.progressed.emit(done, total)


class _ProgressDialog(QProgressDialog):
    """Escape and the window's close button ask the job to stop; the dialog stays until it has."""

    def reject(self) -> None:
        self.canceled.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self.canceled.emit()


def run_with_progress(parent: QWidget | None, title: str, job: Job[T]) -> T | None:
    """Run `job(progress, cancelled)` in a worker thread behind a modal progress dialog.

    Returns what the job returns; None if it failed (the error is shown in a message box).
    The job decides how to stop when `cancelled()` turns true.
    """
    stop = threading.Event()
    thread: _Thread[T] = _Thread(job, stop)
    dialog = _progress_dialog(parent, title)

    def on_progress(done: int, total: int) -> None:
        if not stop.is_set():
            dialog.setMaximum(max(total, 1))
            dialog.setValue(min(done, max(total, 1)))

    def on_cancel() -> None:
        stop.set()
        dialog.setLabelText(QCoreApplication.translate("worker", "Stopping…"))
        dialog.show()  # QProgressDialog hides itself on cancel; stay modal until the job ends

    thread.progressed.connect(on_progress)
    dialog.canceled.connect(on_cancel)
    loop = QEventLoop()
    thread.finished.connect(loop.quit)
    _running["jobs"] += 1
    try:
        dialog.show()
        thread.start()
        loop.exec()
        thread.wait()
    finally:
        _running["jobs"] -= 1
        dialog.hide()  # not close(): closing is how the user asks to cancel
        dialog.deleteLater()
    if thread.error is not None:
        show_error(parent, thread.error)
        return None
    return thread.result


def _progress_dialog(parent: QWidget | None, title: str) -> QProgressDialog:
    dialog = _ProgressDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(title)
    dialog.setCancelButtonText(QCoreApplication.translate("worker", "Cancel"))
    dialog.setRange(0, 0)  # busy indicator until the first progress report
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)  # closed when the thread has ended, not when the bar is full
    dialog.setAutoReset(False)
    dialog.setWindowModality(
        Qt.WindowModality.WindowModal if parent else Qt.WindowModality.ApplicationModal
    )
    return dialog


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """One sentence for the user; an unexpected error is logged without its message."""
    if isinstance(error, WelcomeDeskError):
        text = error.text(current_language())
    else:
        sys.stderr.write(crash_report(type(error), error.__traceback__))
        text = QCoreApplication.translate(
            "worker", "The work could not be finished because of an unexpected error."
        )
    QMessageBox.warning(parent, QCoreApplication.translate("worker", "Welcome Desk"), text)


def crash_report(kind: type[BaseException], tb: TracebackType | None) -> str:
    """The error's type and the code locations it passed; never its message, which may hold
    case data (a name in an SQL parameter, a value in a validation message)."""
    lines = [f"Welcome Desk: unexpected {kind.__module__}.{kind.__qualname__}\n"]
    lines += [f"  {f.filename}:{f.lineno} in {f.name}\n" for f in traceback.extract_tb(tb)]
    return "".join(lines)
