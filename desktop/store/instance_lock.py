"""One Welcome Desk at a time per case file: a lock held for as long as the case file is unlocked.

A double double-click opens two windows; a command typed while the window is open is a second
process. Each would have its own change counter and clock, and the second one's saves would fail
halfway on a unique constraint. So whoever unlocks the case file first holds an OS lock on
`casefile.lock` in the data folder until it closes the case file: `msvcrt.locking` on Windows,
`flock` elsewhere, both on an open handle, so the OS drops the lock when the process ends and a
crash never leaves the case file locked. A second opener waits briefly, long enough for a short
command to finish, and is then refused with `CaseFileInUse`.

Not the `filelock` library: it does the same with these two calls, but its import (asyncio,
logging) costs about 100 ms on the way to the unlock prompt, which asks the lock first.

Where the folder cannot be locked at all (a file system without locks), the case file opens
unlocked rather than not at all.
"""

from __future__ import annotations

import contextlib
import errno
import os
import time
from pathlib import Path

from desktop.domain.errors import CaseFileInUse

LOCK_NAME = "casefile.lock"
# Seconds a second opener waits for the first one to close: a short command takes less.
WAIT = 2.0
POLL = 0.05
# What the OS answers when another handle holds the lock (msvcrt: EACCES or EDEADLOCK).
_HELD = {errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK, getattr(errno, "EDEADLOCK", errno.EDEADLK)}
_FLAGS = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOINHERIT", 0) | getattr(os, "O_BINARY", 0)


class CaseFileLock:
    """The lock on one data folder's case file; `release()` may be called from any thread."""

    def __init__(self, root: Path) -> None:
        self.path = root / LOCK_NAME
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, wait: float | None = None) -> CaseFileLock:
        """Take the lock, waiting up to `wait` seconds (default WAIT); CaseFileInUse if another
        Welcome Desk holds it."""
        try:
            fd = os.open(self.path, _FLAGS, 0o600)
        except OSError:
            return self  # no lock file can be made here (read-only folder): open unlocked
        deadline = time.monotonic() + (WAIT if wait is None else wait)
        while True:
            try:
                _lock(fd)
            except OSError as exc:
                if exc.errno not in _HELD:
                    os.close(fd)
                    return self  # this file system has no locks: open unlocked
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise CaseFileInUse() from None
                time.sleep(POLL)
                continue
            self._fd = fd
            return self

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            with contextlib.suppress(OSError):
                _unlock(fd)
            os.close(fd)


def _lock(fd: int) -> None:
    if os.name == "nt":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unlock(fd: int) -> None:
    if os.name == "nt":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


def hold(root: Path, wait: float | None = None) -> CaseFileLock:
    """The held lock of the case file in `root` (CaseFileInUse if another Welcome Desk has it)."""
    return CaseFileLock(root).acquire(wait)


def in_use(root: Path) -> bool:
    """True if another Welcome Desk window or command has the case file in `root` open."""
    if not root.is_dir():
        return False
    try:
        hold(root, wait=0).release()
    except CaseFileInUse:
        return True
    return False
