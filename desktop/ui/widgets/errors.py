"""Errors for the user: one sentence in a message box; an unexpected error is logged without its
message (it may hold case data), and only where there is somewhere to log it."""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.domain.errors import WelcomeDeskError
from desktop.ui.widgets.i18n import current_language


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """One sentence for the user in a message box (see `error_text`)."""
    QMessageBox.warning(
        parent, QCoreApplication.translate("worker", "Welcome Desk"), error_text(error)
    )


def error_text(error: BaseException) -> str:
    """The sentence for the user: a WelcomeDeskError's own; for any other error a general one,
    and the crash report (without the error's message) goes to the log."""
    if isinstance(error, WelcomeDeskError):
        return error.text(current_language())
    log(crash_report(type(error), error.__traceback__))
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
    """Write to stderr if there is one (the windowed Windows exe has none)."""
    if sys.stderr is not None:
        sys.stderr.write(text)
