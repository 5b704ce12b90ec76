"""One Welcome Desk at a time per case file: a lock held for as long as the case file is unlocked.

A double double-click opens two windows; a command typed while the window is open is a second
process. Each would have its own change counter and clock, and the second one's saves would fail
halfway on a unique constraint. So whoever unlocks the case file first holds an OS file lock on
`casefile.lock` in the data folder (Windows: LockFileEx through msvcrt; elsewhere flock, through
the `filelock` library) until it closes the case file; a second opener waits briefly, long enough
for a short command to finish, and is then refused with `CaseFileInUse`. The OS drops the lock
when a process ends, so a crash never leaves the case file locked.

Where the folder cannot be locked at all (a file system without locks), the case file opens
unlocked rather than not at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.domain.errors import CaseFileInUse

LOCK_NAME = "casefile.lock"
# Seconds a second opener waits for the first one to close: a short command takes less.
WAIT = 2.0


class CaseFileLock:
    """The lock on one data folder's case file; `release()` may be called from any thread."""

    def __init__(self, root: Path) -> None:
        from filelock import FileLock  # loaded with the first unlock, not before the prompt

        self.path = root / LOCK_NAME
        self._lock: Any = FileLock(self.path, thread_local=False, fallback_to_soft=False)
        self.held = False

    def acquire(self, wait: float | None = None) -> CaseFileLock:
        """Take the lock, waiting up to `wait` seconds (default WAIT); CaseFileInUse if another
        Welcome Desk holds it."""
        from filelock import Timeout

        try:
            self._lock.acquire(timeout=WAIT if wait is None else wait, poll_interval=0.05)
        except Timeout:
            raise CaseFileInUse() from None
        except (OSError, NotImplementedError):
            return self  # this file system has no locks: open unlocked
        self.held = True
        return self

    def release(self) -> None:
        if self.held:
            self.held = False
            self._lock.release(force=True)


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
