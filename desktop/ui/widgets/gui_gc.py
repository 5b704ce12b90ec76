"""Python's cycle collector, run on the GUI thread only.

The collector runs in whichever thread happens to allocate when a threshold is passed. With a
database worker allocating all day, that would often be the worker, and a Qt object caught in a
reference cycle (a dialog and the lambda connected to its signal) would then be destroyed on the
wrong thread — Qt warns "Timers cannot be stopped from another thread" and may crash. So the
automatic collector is switched off and the GUI thread collects, by the same thresholds, from a
timer (as qutebrowser does). Reference counting, which frees almost everything, is untouched.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadGc(QObject):
    """While it lives (and until `stop()`), cycles are collected on the GUI thread only."""

    def __init__(self, parent: QObject | None = None, *, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect)
        self._timer.start(interval_ms)

    def collect(self) -> None:
        """Collect the generations whose counts have passed their thresholds."""
        first, second, third = gc.get_count()
        if first > self._thresholds[0]:
            generation = 0
            if second > self._thresholds[1]:
                generation = 2 if third > self._thresholds[2] else 1
            gc.collect(generation)

    def stop(self) -> None:
        """Hand collecting back to Python (all threads)."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
