"""Long work with a progress dialog: the job runs on the database worker, the dialog is modal
to its window and has a Cancel button; the result (or None) comes back to the caller.

While the job runs the dialog's own event loop keeps the window painted; Escape, Cancel and the
dialog's close button ask the job to stop, and the dialog stays until it has. The job decides how
to stop when `cancelled()` turns true.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.ui.widgets.db_worker import Cancelled, DbWorker, Progress
from desktop.ui.widgets.errors import show_error
from desktop.ui.widgets.geometry import fit_to_screen

if TYPE_CHECKING:
    from desktop.services.casefile import Store

T = TypeVar("T")
Job = Callable[["Store", Progress, Cancelled], T]


class _ProgressDialog(QProgressDialog):
    """Escape and the window's close button ask the job to stop; the dialog stays until it has."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        fit_to_screen(self)

    def reject(self) -> None:
        self.canceled.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self.canceled.emit()


def run_with_progress(db: DbWorker, parent: QWidget | None, title: str, job: Job[T]) -> T | None:
    """Run `job(store, progress, cancelled)` on the worker behind a modal progress dialog.

    Returns what the job returns; None if it failed (the error is shown in a message box) or if
    no case file is open (locked meanwhile).
    """
    if not db.is_open:
        return None
    dialog = _progress_dialog(parent, title)
    loop = QEventLoop()
    outcome: dict[str, object] = {}

    def on_progress(done: int, total: int) -> None:
        if not stop.is_set():
            dialog.setMaximum(max(total, 1))
            dialog.setValue(min(done, max(total, 1)))

    def finished(key: str) -> Callable[[object], None]:
        def store_and_quit(value: object) -> None:
            outcome[key] = value
            loop.quit()

        return store_and_quit

    def on_cancel() -> None:
        stop.set()
        dialog.setLabelText(QCoreApplication.translate("worker", "Stopping…"))
        dialog.show()  # QProgressDialog hides itself on cancel; stay modal until the job ends

    stop = db.run_job(job, finished("result"), finished("error"), progress=on_progress, modal=True)
    dialog.canceled.connect(on_cancel)
    db.closed.connect(loop.quit)  # locked while waiting: the answer will never come
    try:
        dialog.show()
        if not outcome:  # the answer is delivered by the event loop, never before it runs
            loop.exec()
    finally:
        db.closed.disconnect(loop.quit)
        dialog.hide()  # not close(): closing is how the user asks to cancel
        dialog.deleteLater()
    if "error" in outcome:
        error = outcome["error"]
        assert isinstance(error, BaseException)
        show_error(parent, error)
        return None
    return outcome.get("result")  # type: ignore[return-value]


def _progress_dialog(parent: QWidget | None, title: str) -> QProgressDialog:
    dialog = _ProgressDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(title)
    dialog.setCancelButtonText(QCoreApplication.translate("worker", "Cancel"))
    dialog.setRange(0, 0)  # busy indicator until the first progress report
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)  # closed when the job has ended, not when the bar is full
    dialog.setAutoReset(False)
    dialog.setWindowModality(
        Qt.WindowModality.WindowModal if parent else Qt.WindowModality.ApplicationModal
    )
    return dialog
