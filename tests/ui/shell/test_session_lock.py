"""Locking when Windows says the coordinator is away: the session locked (Win+L), the computer
suspending, the screen saver starting.

Windows is emulated at the point where Qt hands its messages to Python: a real `MSG` struct
(ctypes), its address passed through the application's event dispatcher with the event type
Qt's Windows plugin uses (`windows_generic_MSG`), to the filters installed on the application.
What needs a real Windows session (WTSRegisterSessionNotification, the power broadcast, the
screen saver query) is in docs/windows.md.
"""

from __future__ import annotations

import ctypes
import threading
import time
from collections.abc import Callable, Iterator
from ctypes import wintypes
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QAbstractEventDispatcher, QByteArray
from pytestqt.qtbot import QtBot

from desktop.domain.model import Client
from desktop.services import casefile
from desktop.store.store import Store
from desktop.ui.case_list.new_client_dialog import NewClientDialog
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.shell.session_lock import (
    PBT_APMSUSPEND,
    SC_SCREENSAVE,
    WM_POWERBROADCAST,
    WM_SYSCOMMAND,
    WM_WTSSESSION_CHANGE,
    WTS_SESSION_LOCK,
    MessageFilter,
    SessionLock,
    lock_when_away,
)
from desktop.ui.widgets.db_worker import Cancelled, DbWorker, Progress

PASSPHRASE = "correct horse battery staple"
WTS_SESSION_UNLOCK = 0x8
PBT_APMRESUMEAUTOMATIC = 0x12
SC_MINIMIZE = 0xF020
WM_MOUSEMOVE = 0x0200

AWAY = {
    "session locked (Win+L)": (WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK),
    "suspend or hibernate": (WM_POWERBROADCAST, PBT_APMSUSPEND),
    "screen saver": (WM_SYSCOMMAND, SC_SCREENSAVE),
    "screen saver, low bits set": (WM_SYSCOMMAND, SC_SCREENSAVE | 0x2),
}
NOT_AWAY = {
    "session unlocked": (WM_WTSSESSION_CHANGE, WTS_SESSION_UNLOCK),
    "resumed": (WM_POWERBROADCAST, PBT_APMRESUMEAUTOMATIC),
    "minimised": (WM_SYSCOMMAND, SC_MINIMIZE),
    "a mouse move with the lock's numbers": (WM_MOUSEMOVE, WTS_SESSION_LOCK),
}


def windows_message(message: int, wparam: int) -> wintypes.MSG:
    msg = wintypes.MSG()
    msg.message = message
    msg.wParam = wparam
    return msg


def send(msg: wintypes.MSG, event_type: bytes = b"windows_generic_MSG") -> None:
    """Hand a message to the app's native event filters the way Qt's Windows plugin does."""
    dispatcher = QAbstractEventDispatcher.instance()
    assert dispatcher is not None
    dispatcher.filterNativeEvent(event_type, shiboken6.VoidPtr(ctypes.addressof(msg)), 0)


@pytest.fixture
def window(qtbot: QtBot, db: DbWorker, case_root: Path, add: Callable[..., Client]) -> MainWindow:
    add(family_name="Müller", given_names="Anna", file_number="A-1")
    window = MainWindow(db, case_root)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(db.is_idle, timeout=10_000)
    return window


@pytest.fixture
def watched(window: MainWindow) -> Iterator[SessionLock]:
    """The window watched as the start-up watches it, with the Windows messages on."""
    away = lock_when_away(window, windows_messages=True)
    yield away
    away.stop()


def assert_locked(window: MainWindow, store: Store) -> None:
    assert not window.db.is_open
    with pytest.raises(Exception):  # noqa: B017 - any error: the connection is gone
        store.conn.execute("SELECT 1")
    assert window.unlock_button.isVisible()
    assert window.case_list.model.rowCount() == 0


@pytest.mark.parametrize("name", list(AWAY))
def test_the_window_locks_when_windows_says_the_user_is_away(
    name: str, window: MainWindow, watched: SessionLock, store: Store
) -> None:
    assert window.db.is_open and window.case_list.model.rowCount() == 1
    send(windows_message(*AWAY[name]))
    assert_locked(window, store)  # at once: after a suspend message the system may freeze


@pytest.mark.parametrize("name", list(NOT_AWAY))
def test_other_messages_leave_the_case_file_open(
    name: str, window: MainWindow, watched: SessionLock, qtbot: QtBot
) -> None:
    send(windows_message(*NOT_AWAY[name]))
    qtbot.waitUntil(window.db.is_idle)
    assert window.db.is_open and window.case_list.model.rowCount() == 1
    assert not window.unlock_button.isVisible()


def test_a_message_of_another_platform_is_never_read_as_a_windows_message(
    window: MainWindow, watched: SessionLock
) -> None:
    send(windows_message(WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK), b"xcb_generic_event_t")
    assert window.db.is_open


def test_the_message_may_come_as_a_plain_address() -> None:
    seen: list[bool] = []
    native = MessageFilter(lambda: seen.append(True))
    msg = windows_message(WM_POWERBROADCAST, PBT_APMSUSPEND)
    assert native.nativeEventFilter(QByteArray(b"windows_generic_MSG"), ctypes.addressof(msg)) == (
        False,
        0,
    )
    assert seen == [True]


def test_a_lock_while_typing_saves_what_was_typed_like_the_idle_lock(
    window: MainWindow, watched: SessionLock, store: Store, case_root: Path, qtbot: QtBot
) -> None:
    window.case_list.table.selectRow(0)
    qtbot.waitUntil(lambda: window.workspace.view is not None)
    qtbot.waitUntil(window.db.is_idle)
    anna = window.workspace.view
    assert anna is not None
    phone = window.workspace.tabs[0].editors["phone"].widget
    phone.setFocus()
    qtbot.keyClicks(phone, "0151 999")  # typed, never confirmed
    dialog = window.new_client()
    assert dialog is not None
    dialog.family_name.setText("Okafor")

    send(windows_message(WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK))

    assert_locked(window, store)
    assert window.findChildren(NewClientDialog) == []  # its typed name went with it
    reopened = casefile.unlock(case_root, passphrase=PASSPHRASE, use_keyring=False)
    try:
        assert reopened.get(Client, anna.client.id).phone == "0151 999"  # nothing typed is lost
    finally:
        reopened.close()


def test_a_second_lock_message_while_locked_changes_nothing(
    window: MainWindow, watched: SessionLock, store: Store
) -> None:
    send(windows_message(WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK))
    send(windows_message(WM_POWERBROADCAST, PBT_APMSUSPEND))
    assert_locked(window, store)
    assert window.request_unlock().isVisible()  # and it can be unlocked as after any lock


def test_after_stop_the_messages_are_not_watched(window: MainWindow) -> None:
    away = lock_when_away(window, windows_messages=True)
    away.stop()
    send(windows_message(WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK))
    assert window.db.is_open


def test_a_screen_saver_in_the_background_locks_on_the_next_look(
    window: MainWindow, store: Store, qtbot: QtBot
) -> None:
    looks: list[bool] = []
    running = [False]

    def screen_saver_running() -> bool:
        looks.append(running[0])
        return running[0]

    away = lock_when_away(
        window, windows_messages=False, screen_saver_running=screen_saver_running, poll_ms=10
    )
    try:
        qtbot.waitUntil(lambda: len(looks) >= 3)
        assert window.db.is_open  # no screen saver, no lock
        running[0] = True
        qtbot.waitUntil(lambda: not window.db.is_open, timeout=5_000)
        assert_locked(window, store)
    finally:
        away.stop()


def test_a_suspend_during_a_long_job_stops_the_job_and_locks(
    window: MainWindow, watched: SessionLock, store: Store
) -> None:
    """Unlike the idle lock, which waits for a job behind a progress dialog, a suspend cannot
    wait: the job is asked to stop (as by its Cancel button) and the file is closed after it."""
    started = threading.Event()
    stopped: list[bool] = []

    def job(_store: Store, _progress: Progress, cancelled: Cancelled) -> None:
        started.set()
        for _ in range(1_000):  # at most 10 s, should the stop never come
            if cancelled():
                stopped.append(True)
                return
            time.sleep(0.01)

    window.db.run_job(job, modal=True)
    assert started.wait(10)
    send(windows_message(WM_POWERBROADCAST, PBT_APMSUSPEND))
    assert stopped == [True]
    assert_locked(window, store)
