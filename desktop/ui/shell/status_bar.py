"""The window's status bar: a lasting note, a job running in the background, when the case was
last saved, and how many people the case list shows."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from desktop.ui.widgets.i18n import LiveText, Retranslating, text_now
from desktop.ui.widgets.job_status import JobStatus


class WindowStatusBar(Retranslating, QStatusBar):
    """Keeps what it shows, so that a language switch shows all of it again in the new language:
    the count, the time of the last save or that changes are unsaved, the note, the job, and a
    message given with `say` as a function (it is said again, for the time it has left).
    `forget()` (locking) clears the count and the save state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._total: int | None = None
        self._saved_at: datetime | None = None
        self._unsaved = False
        self._note: LiveText = ""
        self._job = False
        self._message: LiveText = ""  # the message shown now, as it was given
        self._message_text = ""  # ... and as it reads
        self._message_ends: float | None = None  # time.monotonic() when it goes; None: it stays
        self.note_label = QLabel()
        self.job_status = JobStatus()
        self.saved_label = QLabel()
        self.count_label = QLabel()
        self.addWidget(self.note_label, 1)
        self.addPermanentWidget(self.job_status)
        self.addPermanentWidget(self.saved_label)
        self.addPermanentWidget(self.count_label)
        self.messageChanged.connect(self._message_changed)

    def retranslate(self) -> None:
        if self._total is not None:
            self.show_count(self._total)
        self._show_save_state()
        self.note_label.setText(text_now(self._note))
        if self._job:
            self.job_status.label.setText(self._job_text())
        if self._message and self.currentMessage():
            self._say_again()

    def set_note(self, text: LiveText) -> None:
        """A lasting remark on the left (e.g. that this is the demo file)."""
        self._note = text
        self.note_label.setText(text_now(text))

    def say(self, text: LiveText, ms: int = 0) -> None:
        """A message over the note for `ms` milliseconds (0: until the next one); given as a
        function, it follows a language switch."""
        self._message = text
        self._message_ends = time.monotonic() + ms / 1000 if ms > 0 else None
        self._show_message()

    def show_count(self, total: int) -> None:
        """How many people the case list shows (all pages, not only those loaded)."""
        self._total = total
        if total == 1:
            self.count_label.setText(self.tr("1 person"))
        else:
            self.count_label.setText(self.tr("%Ln people", "", total))

    def show_saved(self, when: datetime) -> None:
        self._saved_at = when
        self._unsaved = False
        self._show_save_state()

    def show_unsaved(self) -> None:
        self._unsaved = True
        self._show_save_state()

    def show_job(self, running: bool, cancel: Callable[[], None]) -> None:
        """The watched folder's check: shown with its Stop button while it runs."""
        self._job = running
        if running:
            self.job_status.start(self._job_text(), cancel)
        else:
            self.job_status.finish()

    def forget(self) -> None:
        """The case file is locked: no count, no time of the last save."""
        self._total = self._saved_at = None
        self._unsaved = False
        self.count_label.clear()
        self.saved_label.clear()

    def _job_text(self) -> str:
        return self.tr("Sync folder…")

    def _show_save_state(self) -> None:
        if self._unsaved:
            self.saved_label.setText(self.tr("Unsaved changes"))
        elif self._saved_at is not None:
            when = f"{self._saved_at:%H:%M}"
            self.saved_label.setText(self.tr("Saved {0}").replace("{0}", when))
        else:
            self.saved_label.clear()

    def _say_again(self) -> None:
        """The message shown, in the language now, for the time it has left."""
        if self._message_ends is None or self._message_ends > time.monotonic():
            self._show_message()

    def _show_message(self) -> None:
        ends = self._message_ends
        ms = 0 if ends is None else max(1, round((ends - time.monotonic()) * 1000))
        self._message_text = text_now(self._message)
        self.showMessage(self._message_text, ms)

    def _message_changed(self, text: str) -> None:
        if text != self._message_text:  # run out, or replaced (an action's status tip)
            self._message, self._message_text = "", ""
