"""Files written whole or not at all: a temporary name, flushed, then renamed (a crash or a full
disk never leaves half a file behind), and the one sentence for an OSError while writing."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from desktop.domain.errors import StorageFailed

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", -1), errno.EFBIG}
_READONLY = {errno.EROFS, errno.EACCES, errno.EPERM}


def storage_error(exc: OSError) -> StorageFailed:
    """The user-facing error for an OSError raised while writing."""
    if exc.errno in _FULL:
        return StorageFailed("full")
    if exc.errno in _READONLY:
        return StorageFailed("readonly")
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return StorageFailed("missing")
    return StorageFailed("io")


def atomic_write_bytes(target: Path, data: bytes) -> None:
    """Write to a temporary name in the same folder, flush, fsync, then rename over `target`."""
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
        tmp_name = None
    except OSError as exc:
        raise storage_error(exc) from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    if os.name == "posix":  # make the rename itself durable
        with contextlib.suppress(OSError):
            fd = os.open(target.parent, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def atomic_write_text(target: Path, text: str) -> None:
    """`atomic_write_bytes` for UTF-8 text."""
    atomic_write_bytes(target, text.encode("utf-8"))
