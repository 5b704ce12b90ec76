"""The windowed exe was given a command: say which program runs commands, and do nothing else.

`WelcomeDesk.exe` has no console, so a command's output (the recovery key of `init`, the lines
of `--self-test`) would be printed nowhere. Commands run with `WelcomeDesk-debug.exe` in a
terminal; the windowed exe only opens the window.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.ui.widgets.i18n import set_language

APP_NAME = "Welcome Desk"


def commands_need_a_console(language: str) -> None:
    """Tell the user, in `language` ("de" or "en"), to run commands with WelcomeDesk-debug.exe;
    returns once the message is closed."""
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    set_language(language)
    QMessageBox.information(None, APP_NAME, console_needed_text())


def console_needed_text() -> str:
    """The sentence of the message, in the language set."""
    return QCoreApplication.translate(
        "app",
        "Commands such as 'init' and the self-test run in a terminal with "
        "WelcomeDesk-debug.exe; WelcomeDesk.exe opens the window.",
    )
