"""Lock the case file after a while without keyboard or mouse input, anywhere in the app."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

DEFAULT_MINUTES = 10
_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleLock(QObject):
    """Emits `idle` once `timeout_ms` have passed without input; `start()` arms it again.

    An application-wide event filter only notes the time of the last input (cheap on every
    mouse move); the timer then checks how long it has really been. While `busy()` is true (a
    long job with a progress dialog runs on the database worker) the lock waits for it.
    """

    idle = Signal()

    def __init__(
        self,
        timeout_ms: int,
        parent: QObject | None = None,
        *,
        busy: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__(parent)
        self._busy = busy
        self._timeout_ms = max(int(timeout_ms), 1)
        self._last_input = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)

    @property
    def timeout_ms(self) -> int:
        return self._timeout_ms

    def set_timeout_ms(self, timeout_ms: int) -> None:
        """A new idle time, counted from now if running."""
        self._timeout_ms = max(int(timeout_ms), 1)
        if self._timer.isActive():
            self.start()

    def set_minutes(self, minutes: int) -> None:
        self.set_timeout_ms(minutes * 60_000)

    def start(self) -> None:
        """Count from now (after unlocking)."""
        app = QCoreApplication.instance()
        if app is not None and not self._timer.isActive():
            app.installEventFilter(self)  # watched only while counting: no cost when locked
        self._last_input = time.monotonic()
        self._timer.start(self._timeout_ms)

    def stop(self) -> None:
        """Stop counting (while locked)."""
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def is_active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self._last_input = time.monotonic()
        return False

    def _check(self) -> None:
        idle_ms = (time.monotonic() - self._last_input) * 1000
        remaining = self._timeout_ms - idle_ms
        if remaining > 0 or self._busy():  # input came in, or a long job is running
            self._timer.start(max(int(remaining), 50))
            return
        self.stop()
        self.idle.emit()
