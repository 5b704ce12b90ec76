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
import secrets
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TypeVar

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


# Random names tried before giving up (a clash of 16 hex digits is not expected even once).
_NAME_TRIES = 8
_NEW_FILE = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_NOINHERIT", 0)
)


def new_temporary(folder: Path, prefix: str, suffix: str) -> tuple[int, str]:
    """A new file under a random name in `folder`, only its owner may read it, open for writing:
    (descriptor, path).

    Not `tempfile.mkstemp`: on Windows it takes "access denied" in a folder the user may not write
    to (an access list, Controlled Folder Access) for a name clash and tries the next name, up to
    2**31 times, and the window hangs. Here any error but a clash is raised at once.
    """
    for _ in range(_NAME_TRIES):
        path = os.path.join(folder, f"{prefix}{secrets.token_hex(8)}{suffix}")
        try:
            return os.open(path, _NEW_FILE, 0o600), path
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


def new_scratch_folder(parent: Path, prefix: str) -> Path:
    """A new folder under a random name in `parent` (not `tempfile.mkdtemp`, as above)."""
    for _ in range(_NAME_TRIES):
        folder = parent / f"{prefix}{secrets.token_hex(8)}"
        try:
            folder.mkdir(mode=0o700)
            return folder
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(parent))


def private_folder(folder: Path) -> None:
    """Make `folder` (and its parents) if missing; the folder itself only its owner may open.

    POSIX modes only: on Windows the data folder lies in the user's profile (%LOCALAPPDATA%),
    whose access list already shuts out other users (docs/data-protection.md).
    """
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    owner_only(folder)


def owner_only(path: Path) -> None:
    """Take group and others' access away from an existing file or folder (POSIX; a file made
    by an older version, or a folder that was there before). Missing paths are passed over."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        mode = path.stat().st_mode & 0o777
        if mode & 0o077:
            os.chmod(path, mode & 0o700)


def new_private_file(path: Path) -> None:
    """Create an empty file only its owner may read (FileExistsError if it is there)."""
    os.close(os.open(path, _NEW_FILE, 0o600))


def atomic_write_bytes(target: Path, data: bytes) -> None:
    """Write to a temporary name in the same folder, flush, fsync, then rename over `target`."""
    atomic_write(target, lambda handle: handle.write(data))


def atomic_write(target: Path, write: Callable[[BinaryIO], object]) -> None:
    """`write(handle)` into a temporary file in the same folder (a ZIP streamed into it, say),
    then flush, fsync and rename over `target`; OSError becomes the storage error."""
    tmp_name = None
    try:
        fd, tmp_name = new_temporary(target.parent, f".{target.name}.", ".tmp")
        with os.fdopen(fd, "wb") as handle:
            write(handle)
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
    opened only for reading, so the copy is opened for writing to flush it.) The copy is
    owner-only before a byte is in it."""
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600))
    shutil.copy2(source, target)
    owner_only(target)
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
