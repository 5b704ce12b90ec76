"""Windows' rule for open files, imitated on Linux for the whole suite.

On Windows a file that is open cannot be replaced, renamed or deleted: Python's `open`, SQLite
and most programs open files without FILE_SHARE_DELETE, so `os.replace`, `os.rename` and
`os.unlink` fail with PermissionError (winerror 32, "being used by another process"). Linux allows
all three, so code that replaces a file it still holds (or that an antivirus scanner, OneDrive or
Outlook holds) passes every Linux test and fails on the coordinator's laptop.

`WindowsFiles` patches those three functions: an operation on a path that this process has open
(read from /proc/self/fd, so files SQLite opened in C count too) or that `hold()` says another
program holds raises PermissionError with `winerror` set, as Windows would. It also patches
`os.fsync`, which on Windows (FlushFileBuffers) needs a handle open for writing: flushing a file
opened only for reading fails with EBADF there. And `deny_writes(folder)` imitates a folder whose
access list (or Controlled Folder Access) refuses new files: `os.open(..., O_CREAT)` and
`os.mkdir` there fail with "access denied" (winerror 5). The fixture `windows_files` in
tests/conftest.py applies it to every test.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

SHARING_VIOLATION = 32  # ERROR_SHARING_VIOLATION
ACCESS_DENIED = 5  # ERROR_ACCESS_DENIED: what Controlled Folder Access answers
FD_DIR = Path("/proc/self/fd")


class WindowsFiles:
    """Refuse to replace, rename or delete open or held files, as Windows does."""

    def __init__(self) -> None:
        self._held: dict[str, tuple[int | None, int]] = {}
        self._denied: set[str] = set()
        self.refused: list[tuple[str, str]] = []  # (operation, path), for the tests to look at

    @staticmethod
    def available() -> bool:
        return FD_DIR.is_dir()

    @contextmanager
    def hold(
        self, path: Path, refusals: int | None = None, winerror: int = SHARING_VIOLATION
    ) -> Iterator[None]:
        """Another program holds `path`: refuse it `refusals` times (None: while held)."""
        key = _real(path)
        self._held[key] = (refusals, winerror)
        try:
            yield
        finally:
            self._held.pop(key, None)

    @contextmanager
    def deny_writes(self, folder: Path) -> Iterator[None]:
        """No new file or folder may be made in `folder` (an access list, Controlled Folder
        Access): access denied, as Windows answers."""
        key = _real(folder)
        self._denied.add(key)
        try:
            yield
        finally:
            self._denied.discard(key)

    def patch(self, setattr_: Callable[[Any, str, Any], None]) -> None:
        """Install the checks through `setattr_` (pytest's monkeypatch.setattr)."""
        real_replace, real_rename, real_unlink = os.replace, os.rename, os.unlink
        real_fsync, real_open, real_mkdir = os.fsync, os.open, os.mkdir

        def replace(src: Any, dst: Any, **kw: Any) -> None:
            self._check("replace", src, kw.get("src_dir_fd"))
            self._check("replace", dst, kw.get("dst_dir_fd"))
            real_replace(src, dst, **kw)

        def rename(src: Any, dst: Any, **kw: Any) -> None:
            self._check("rename", src, kw.get("src_dir_fd"))
            self._check("rename", dst, kw.get("dst_dir_fd"))
            real_rename(src, dst, **kw)

        def unlink(path: Any, **kw: Any) -> None:
            self._check("unlink", path, kw.get("dir_fd"))
            real_unlink(path, **kw)

        def fsync(fd: Any) -> None:
            number = fd if isinstance(fd, int) else fd.fileno()
            if _read_only_file(number):
                self.refused.append(("fsync", os.readlink(FD_DIR / str(number))))
                raise OSError(errno.EBADF, "Bad file descriptor")
            real_fsync(fd)

        def open_(path: Any, flags: int, mode: int = 0o777, **kw: Any) -> int:
            if flags & os.O_CREAT and kw.get("dir_fd") is None:
                self._check_new("open", path)
            return real_open(path, flags, mode, **kw)

        def mkdir(path: Any, mode: int = 0o777, **kw: Any) -> None:
            if kw.get("dir_fd") is None:
                self._check_new("mkdir", path)
            real_mkdir(path, mode, **kw)

        setattr_(os, "replace", replace)
        setattr_(os, "rename", rename)
        setattr_(os, "unlink", unlink)
        setattr_(os, "remove", unlink)
        setattr_(os, "fsync", fsync)
        setattr_(os, "open", open_)
        setattr_(os, "mkdir", mkdir)

    def _check_new(self, operation: str, path: Any) -> None:
        if not self._denied or isinstance(path, int):
            return
        name = os.fsdecode(path)
        if os.path.realpath(os.path.dirname(os.path.abspath(name))) in self._denied:
            self.refused.append((operation, name))
            error = PermissionError(errno.EACCES, "Access is denied", name)
            error.winerror = ACCESS_DENIED  # type: ignore[attr-defined]
            raise error

    def _check(self, operation: str, path: Any, dir_fd: int | None) -> None:
        if isinstance(path, int):
            return
        if dir_fd is not None:
            path = os.path.join(os.readlink(FD_DIR / str(dir_fd)), os.fsdecode(path))
        key = _real(path)
        winerror = self._refusal(key)
        if winerror is None:
            return
        self.refused.append((operation, key))
        error = PermissionError(
            errno.EACCES,
            "The process cannot access the file because it is being used by another process",
            os.fsdecode(path),
        )
        error.winerror = winerror  # type: ignore[attr-defined]  # as on Windows
        raise error

    def _refusal(self, key: str) -> int | None:
        held = self._held.get(key)
        if held is not None:
            refusals, winerror = held
            if refusals is None:
                return winerror
            if refusals > 0:
                self._held[key] = (refusals - 1, winerror)
                return winerror
        return SHARING_VIOLATION if key in _open_paths() else None


def _real(path: Any) -> str:
    return os.path.realpath(os.fsdecode(path))


def _open_paths() -> set[str]:
    """The files this process has open (Python's and those SQLite opened in C)."""
    paths = set()
    try:
        names = os.listdir(FD_DIR)
    except OSError:
        return paths
    for name in names:
        try:
            target = os.readlink(FD_DIR / name)
        except OSError:
            continue
        if target.startswith("/"):
            paths.add(target.removesuffix(" (deleted)"))
    return paths


def _read_only_file(fd: int) -> bool:
    """True for a regular file opened only for reading (a folder's fsync is POSIX-only code)."""
    try:
        target = os.readlink(FD_DIR / str(fd))
        flags = Path(f"/proc/self/fdinfo/{fd}").read_text(encoding="ascii")
    except OSError:
        return False
    if not os.path.isfile(target):
        return False
    for line in flags.splitlines():
        if line.startswith("flags:"):
            return int(line.split()[1], 8) & os.O_ACCMODE == os.O_RDONLY
    return False
