"""What the window offers to its menus and dialogs: the `Shell`, instead of the window itself.

A menu or dialog that needs more than its parent widget gets a Shell: the database worker, the
data folder, the client shown, a way to save typed text first, to show the case file anew after
something outside the tabs changed it, to open a client, to lock and to show a case file opened
anew (restoring a backup swaps it), and to say something in the status bar. The main window is
one; a test can pass a small stand-in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QWidget

from desktop.services.clients import ClientQuery
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.i18n import LiveText

MESSAGE_MS = 30_000  # how long a status-bar remark stays


class Shell(Protocol):
    """The window as its menus and dialogs see it."""

    @property
    def db(self) -> DbWorker:
        """The worker that owns the unlocked case file."""
        ...

    @property
    def root(self) -> Path:
        """The data folder of the case file."""
        ...

    def widget(self) -> QWidget:
        """The window, as the parent of dialogs."""
        ...

    def current_client_id(self) -> str | None:
        """The client shown in the workspace, if any."""
        ...

    def case_query(self) -> ClientQuery:
        """The case list's search and filters as they are now."""
        ...

    def save_pending(self) -> bool:
        """Save what is typed in the workspace; False (and said) if a value is invalid."""
        ...

    def case_file_changed(self) -> None:
        """Something outside the tabs changed the case file: show list, case, agenda anew."""
        ...

    def open_client(self, client_id: str) -> None:
        """Show this client in the list and the workspace."""
        ...

    def lock(self) -> None:
        """Save typed text, close the case file in the worker and hide all case data."""
        ...

    def case_file_opened(self) -> None:
        """The worker holds an open case file again (a restored backup): show it as after
        unlocking."""
        ...

    def show_message(self, text: LiveText, ms: int = MESSAGE_MS) -> None:
        """A remark in the status bar for a while (0: until the next one); given as a function
        that says it, it is said again when the language is switched."""
        ...
