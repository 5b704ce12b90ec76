"""Lock the case file when the coordinator leaves the computer: Windows locks the session (Win+L,
a switch of user, a remote session cut off), the computer goes to sleep or hibernates, or the
screen saver starts.

Hibernation writes the memory to disk (hiberfil.sys), and the key of an unlocked case file with
it; sleep keeps it in memory while the laptop is carried around. So the window locks before.

Windows tells a window about these through messages, which Qt hands to a native event filter
(`windows_generic_MSG`, the message a pointer to a `MSG`):

- `WM_WTSSESSION_CHANGE` with `WTS_SESSION_LOCK` (or a disconnect), once the window is
  registered with `WTSRegisterSessionNotification`;
- `WM_POWERBROADCAST` with `PBT_APMSUSPEND`, sent to every top-level window (registered with
  `RegisterSuspendResumeNotification` as well, for laptops with Modern Standby);
- `WM_SYSCOMMAND` with `SC_SCREENSAVE`, which reaches only the foreground window; for a window
  in the background a light timer asks `SystemParametersInfoW(SPI_GETSCREENSAVERRUNNING)`.

Locking happens at once, inside the message: after PBT_APMSUSPEND Windows gives an application
about two seconds before it freezes it. Everything Windows-specific is loaded only on Windows;
elsewhere `SessionLock` watches nothing unless told to (the tests feed it real `MSG` structs).
"""

from __future__ import annotations

import ctypes
import functools
import sys
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractNativeEventFilter,
    QCoreApplication,
    QEvent,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QWidget

ON_WINDOWS = sys.platform == "win32"
WINDOWS_MESSAGE = b"windows_generic_MSG"
WM_WTSSESSION_CHANGE = 0x02B1
WTS_CONSOLE_DISCONNECT = 0x2
WTS_REMOTE_DISCONNECT = 0x4
WTS_SESSION_LOCK = 0x7
WM_POWERBROADCAST = 0x0218
PBT_APMSUSPEND = 0x4
WM_SYSCOMMAND = 0x0112
SC_SCREENSAVE = 0xF140
SPI_GETSCREENSAVERRUNNING = 0x0072
NOTIFY_FOR_THIS_SESSION = 0
DEVICE_NOTIFY_WINDOW_HANDLE = 0
POLL_MS = 5_000  # how often the screen saver is looked for (one cheap system call)


class Lockable(Protocol):
    """What is locked: the window (the `Shell`'s `lock` and `widget`)."""

    def lock(self) -> None: ...

    def widget(self) -> QWidget: ...


def lock_when_away(
    shell: Lockable,
    *,
    windows_messages: bool = ON_WINDOWS,
    screen_saver_running: Callable[[], bool] | None = None,
    poll_ms: int = POLL_MS,
) -> SessionLock:
    """Lock `shell` whenever Windows says the coordinator is away (see SessionLock for what is
    watched); stop() it before the window goes."""
    away = SessionLock(
        shell.widget(),
        windows_messages=windows_messages,
        screen_saver_running=screen_saver_running,
        poll_ms=poll_ms,
    )
    away.away.connect(shell.lock)
    return away


def means_away(message: int, wparam: int) -> bool:
    """True for the Windows messages after which nobody is at the screen any more."""
    if message == WM_WTSSESSION_CHANGE:
        return wparam in (WTS_SESSION_LOCK, WTS_CONSOLE_DISCONNECT, WTS_REMOTE_DISCONNECT)
    if message == WM_POWERBROADCAST:
        return wparam == PBT_APMSUSPEND
    if message == WM_SYSCOMMAND:
        return wparam & 0xFFF0 == SC_SCREENSAVE  # the low four bits are the system's own
    return False


class SessionLock(QObject):
    """Emits `away` when the session is locked, the computer suspends or the screen saver
    starts (on Windows). `windows_messages` and `screen_saver_running` say what is watched:
    by default the Windows messages and the screen saver, on Windows only."""

    away = Signal()

    def __init__(
        self,
        window: QWidget,
        *,
        windows_messages: bool = ON_WINDOWS,
        screen_saver_running: Callable[[], bool] | None = None,
        poll_ms: int = POLL_MS,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._registered: _Registration | None = None
        self._filter: MessageFilter | None = None
        app = QCoreApplication.instance()
        if windows_messages and app is not None:
            self._filter = MessageFilter(self.away.emit)
            app.installNativeEventFilter(self._filter)
            # Gone with the window, even without stop(): no message may reach a deleted object.
            self.destroyed.connect(functools.partial(_remove, self._filter))
        if self._filter is not None and ON_WINDOWS:
            window.installEventFilter(self)  # registered once it has a window handle
            self._register()
        self._screen_saver = screen_saver_running or (_screen_saver_running if ON_WINDOWS else None)
        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms)
        self._poll.timeout.connect(self._look_for_screen_saver)
        if self._screen_saver is not None:
            self._poll.start()

    def stop(self) -> None:
        """Watch nothing any more (the window closes)."""
        self._poll.stop()
        self._window.removeEventFilter(self)
        if self._filter is not None:
            _remove(self._filter)
        self._filter = None
        if self._registered is not None:
            self._registered.undo()
            self._registered = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() in (
            QEvent.Type.Show,
            QEvent.Type.WinIdChange,
        ):
            self._register()
        return False

    def _register(self) -> None:
        """Ask Windows to send the session and power messages to the window's handle."""
        if not self._window.testAttribute(Qt.WidgetAttribute.WA_WState_Created):
            return  # no handle yet: the first Show makes one
        hwnd = int(self._window.winId())
        if self._registered is not None:
            if self._registered.hwnd == hwnd:
                return
            self._registered.undo()
        try:
            self._registered = _Registration.make(hwnd)
        except (OSError, AttributeError):  # no such library or function: the poll still works
            self._registered = None

    def _look_for_screen_saver(self) -> None:
        if self._screen_saver is not None and self._screen_saver():
            self.away.emit()


class MessageFilter(QAbstractNativeEventFilter):
    """Sees every Windows message the app receives; calls `away()` for the ones that mean it."""

    def __init__(self, away: Callable[[], None]) -> None:
        super().__init__()
        self._away = away

    def nativeEventFilter(self, eventType: Any, message: Any) -> tuple[bool, int]:
        address = int(message) if eventType == WINDOWS_MESSAGE else 0  # VoidPtr or int
        if address:
            from ctypes import wintypes

            msg = wintypes.MSG.from_address(address)
            if means_away(msg.message, msg.wParam):
                self._away()
        return False, 0  # only watched: Windows and Qt handle the message as always


class _Registration:
    """The window's registration for session and power messages (Windows only)."""

    def __init__(self, hwnd: int, session: bool, power: int | None) -> None:
        self.hwnd = hwnd
        self._session = session
        self._power = power

    @classmethod
    def make(cls, hwnd: int) -> _Registration:
        wts, user32 = _windows_libraries()
        session = bool(wts.WTSRegisterSessionNotification(hwnd, NOTIFY_FOR_THIS_SESSION))
        power = None
        if hasattr(user32, "RegisterSuspendResumeNotification"):  # Windows 8 and later
            power = user32.RegisterSuspendResumeNotification(hwnd, DEVICE_NOTIFY_WINDOW_HANDLE)
        return cls(hwnd, session, power or None)

    def undo(self) -> None:
        wts, user32 = _windows_libraries()
        if self._session:
            wts.WTSUnRegisterSessionNotification(self.hwnd)
        if self._power is not None:
            user32.UnregisterSuspendResumeNotification(self._power)
        self._session, self._power = False, None


def _remove(native_filter: QAbstractNativeEventFilter) -> None:
    app = QCoreApplication.instance()
    if app is not None:
        app.removeNativeEventFilter(native_filter)


@functools.cache
def _windows_libraries() -> tuple[Any, Any]:
    """wtsapi32 and user32 with the signatures used here (loaded on Windows only)."""
    from ctypes import wintypes

    loader = getattr(ctypes, "WinDLL")  # noqa: B009 - not there on other systems
    wts, user32 = loader("wtsapi32"), loader("user32")
    wts.WTSRegisterSessionNotification.argtypes = [wintypes.HWND, wintypes.DWORD]
    wts.WTSRegisterSessionNotification.restype = wintypes.BOOL
    wts.WTSUnRegisterSessionNotification.argtypes = [wintypes.HWND]
    wts.WTSUnRegisterSessionNotification.restype = wintypes.BOOL
    if hasattr(user32, "RegisterSuspendResumeNotification"):
        user32.RegisterSuspendResumeNotification.argtypes = [wintypes.HANDLE, wintypes.DWORD]
        user32.RegisterSuspendResumeNotification.restype = wintypes.HANDLE
        user32.UnregisterSuspendResumeNotification.argtypes = [wintypes.HANDLE]
        user32.UnregisterSuspendResumeNotification.restype = wintypes.BOOL
    user32.SystemParametersInfoW.argtypes = [
        wintypes.UINT,
        wintypes.UINT,
        ctypes.c_void_p,
        wintypes.UINT,
    ]
    user32.SystemParametersInfoW.restype = wintypes.BOOL
    return wts, user32


def _screen_saver_running() -> bool:
    """Whether Windows runs the screen saver now (False if it cannot say)."""
    from ctypes import wintypes

    try:
        _wts, user32 = _windows_libraries()
    except (OSError, AttributeError):
        return False
    running = wintypes.BOOL(False)
    if not user32.SystemParametersInfoW(SPI_GETSCREENSAVERRUNNING, 0, ctypes.byref(running), 0):
        return False
    return bool(running.value)
