"""Errors for the user: one sentence in a message box; an unexpected error is logged without its
message (it may hold case data), to stderr if there is one and to a file in the data folder.

The windowed Windows exe has no stderr (`sys.stderr is None`): there the file
`<data folder>/logs/errors.log` is the only trace. Logging never fails the caller: a folder
that cannot be written leaves the error unlogged, the user still sees the dialog.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import sys
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.domain.errors import WelcomeDeskError
from desktop.ui.widgets.i18n import current_language

LOG_FOLDER = "logs"
LOG_FILE = "errors.log"
LOG_MAX_BYTES = 512 * 1024  # then errors.log.1, errors.log.2: at most 1.5 MB of reports
LOG_BACKUPS = 2

# The log file in use (none until the start-up names the data folder). Not a `logging` logger:
# no handler that someone else adds to the logging tree ever sees a report.
_log_file: list[_QuietFile] = []


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """One sentence for the user in a message box (see `error_text`)."""
    QMessageBox.warning(
        parent, QCoreApplication.translate("worker", "Welcome Desk"), error_text(error)
    )


def error_text(error: BaseException) -> str:
    """The sentence for the user: a WelcomeDeskError's own; for any other error a general one,
    and the crash report (without the error's message) goes to the log."""
    return error_said(error)()


def error_said(error: BaseException) -> Callable[[], str]:
    """`error_text` as a function that says it in the language shown at the time (for a line
    that stays on screen while the language may be switched); the log is written once, now."""
    if isinstance(error, WelcomeDeskError):
        return lambda: error.text(current_language())
    log(crash_report(type(error), error.__traceback__))
    return _unexpected


def _unexpected() -> str:
    return QCoreApplication.translate(
        "worker", "The work could not be finished because of an unexpected error."
    )


def crash_report(kind: type[BaseException], tb: TracebackType | None) -> str:
    """The error's type and the code locations it passed; never its message, which may hold
    case data (a name in an SQL parameter, a value in a validation message)."""
    lines = [f"Welcome Desk: unexpected {kind.__module__}.{kind.__qualname__}\n"]
    lines += [f"  {f.filename}:{f.lineno} in {f.name}\n" for f in traceback.extract_tb(tb)]
    return "".join(lines)


def log(text: str) -> None:
    """Write a crash report to stderr if there is one and to the log file if one is set."""
    stream = sys.stderr
    if stream is not None:
        with contextlib.suppress(OSError, ValueError):  # a broken console: the file still gets it
            stream.write(text)
    for handler in _log_file:
        record = logging.LogRecord(
            __name__, logging.ERROR, __file__, 0, text.rstrip("\n"), None, None
        )
        handler.handle(record)


def log_into(data_dir: Path | None) -> Path | None:
    """From now on crash reports also go to `<data_dir>/logs/errors.log` (appended, rotated
    by size, UTF-8); None stops that. Returns the file. The folder is made with the first
    report, not before."""
    while _log_file:
        _log_file.pop().close()
    if data_dir is None:
        return None
    path = Path(data_dir) / LOG_FOLDER / LOG_FILE
    handler = _QuietFile(path)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    _log_file.append(handler)
    return path


class _QuietFile(RotatingFileHandler):
    """A rotating log file that makes its folder when first written and never complains: the
    error handler must not fail because the data folder cannot be written."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8", delay=True
        )

    def emit(self, record: logging.LogRecord) -> None:
        try:
            folder = Path(self.baseFilename).parent
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # only its owner may open it
        except OSError:
            return
        super().emit(record)

    def _open(self) -> io.TextIOWrapper:
        # Owner-only from the first byte: the reports name no case data, but they are the
        # coordinator's own (rotation renames the file and keeps the mode).
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOINHERIT", 0)
        fd = os.open(self.baseFilename, flags, 0o600)
        return open(fd, "a", encoding="utf-8", errors=self.errors)

    def handleError(self, record: logging.LogRecord) -> None:
        pass  # a full disk, a read-only folder, a file held by another program: stay quiet
