"""The window's status bar: a lasting note, a job running in the background, when the case was
last saved, and how many people the case list shows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from desktop.ui.widgets.i18n import Retranslating
from desktop.ui.widgets.job_status import JobStatus


class WindowStatusBar(Retranslating, QStatusBar):
    """`show_count` and `show_saved` keep what they show, so a language switch shows it again;
    `forget()` (locking) clears both."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._total: int | None = None
        self._saved_at: datetime | None = None
        self.note_label = QLabel()
        self.job_status = JobStatus()
        self.saved_label = QLabel()
        self.count_label = QLabel()
        self.addWidget(self.note_label, 1)
        self.addPermanentWidget(self.job_status)
        self.addPermanentWidget(self.saved_label)
        self.addPermanentWidget(self.count_label)

    def retranslate(self) -> None:
        if self._total is not None:
            self.show_count(self._total)
        if self._saved_at is not None:
            self.show_saved(self._saved_at)

    def set_note(self, text: str) -> None:
        """A lasting remark on the left (e.g. that this is the demo file)."""
        self.note_label.setText(text)

    def show_count(self, total: int) -> None:
        """How many people the case list shows (all pages, not only those loaded)."""
        self._total = total
        if total == 1:
            self.count_label.setText(self.tr("1 person"))
        else:
            self.count_label.setText(self.tr("%Ln people", "", total))

    def show_saved(self, when: datetime) -> None:
        self._saved_at = when
        self.saved_label.setText(self.tr("Saved {0}").replace("{0}", f"{when:%H:%M}"))

    def show_unsaved(self) -> None:
        self.saved_label.setText(self.tr("Unsaved changes"))

    def show_job(self, running: bool, cancel: Callable[[], None]) -> None:
        """The watched folder's check: shown with its Stop button while it runs."""
        if running:
            self.job_status.start(self.tr("Sync folder…"), cancel)
        else:
            self.job_status.finish()

    def forget(self) -> None:
        """The case file is locked: no count, no time of the last save."""
        self._total = self._saved_at = None
        self.count_label.clear()
        self.saved_label.clear()
