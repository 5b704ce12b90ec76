"""Files written whole or not at all: a temporary name, flushed, then renamed (a crash or a full
disk never leaves half a file behind), and the one sentence for an OSError while writing.

On Windows a file that another program holds open cannot be replaced or deleted: an antivirus
scanner, OneDrive or Nextcloud, a search indexer or Outlook let go of it a moment later, while
Controlled Folder Access never does. Renames, replaces and deletes are therefore tried again with a
short backoff (`replace`, `remove`); what still fails is reported as "in use or blocked", not as
a full or read-only disk.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from desktop.domain.errors import StorageFailed

T = TypeVar("T")

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", -1), errno.EFBIG}
_READONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
# Windows error codes of a file held or blocked by another program: access denied (also what
# Controlled Folder Access answers), sharing violation, lock violation.
_IN_USE_WINERRORS = {5, 32, 33}
# About three seconds in all: long enough for a scanner or a sync client to let go of a file.
RETRY_DELAYS = (0.05, 0.1, 0.2, 0.4, 0.8, 1.5)


def storage_error(exc: OSError) -> StorageFailed:
    """The user-facing error for an OSError raised while writing."""
    if in_use(exc):
        return StorageFailed("in_use")
    if exc.errno in _FULL:
        return StorageFailed("full")
    if exc.errno in _READONLY:
        return StorageFailed("readonly")
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return StorageFailed("missing")
    return StorageFailed("io")


def in_use(exc: OSError) -> bool:
    """True for Windows' answer to a file held open or blocked by another program."""
    return getattr(exc, "winerror", None) in _IN_USE_WINERRORS


def retrying(operation: Callable[[], T], delays: tuple[float, ...] = RETRY_DELAYS) -> T:
    """Run `operation`; while Windows says the file is in use, wait a little and try again."""
    for delay in delays:
        try:
            return operation()
        except OSError as exc:
            if not in_use(exc):
                raise
        time.sleep(delay)
    return operation()


def replace(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    """`os.replace`, tried again while the target (or source) is held by another program."""
    retrying(lambda: os.replace(source, target))


def remove(path: str | os.PathLike[str], *, missing_ok: bool = False) -> None:
    """Delete a file, tried again while another program holds it."""
    try:
        retrying(lambda: os.unlink(path))
    except FileNotFoundError:
        if not missing_ok:
            raise


def atomic_write_bytes(target: Path, data: bytes) -> None:
    """Write to a temporary name in the same folder, flush, fsync, then rename over `target`."""
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        replace(tmp_name, target)
        tmp_name = None
    except OSError as exc:
        raise storage_error(exc) from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    fsync_folder(target.parent)


def atomic_write_text(target: Path, text: str) -> None:
    """`atomic_write_bytes` for UTF-8 text."""
    atomic_write_bytes(target, text.encode("utf-8"))


def copy_durably(source: Path, target: Path) -> None:
    """Copy a file with its times and flush the copy to the disk. (Windows cannot fsync a handle
    opened only for reading, so the copy is opened for writing to flush it.)"""
    shutil.copy2(source, target)
    with target.open("r+b") as handle:
        os.fsync(handle.fileno())


def fsync_folder(folder: Path) -> None:
    """Make the renames in `folder` durable (POSIX; Windows has no handle to a folder for it)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
