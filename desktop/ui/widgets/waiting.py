"""A dialog waiting for the database worker (Argon2id, a new case file): its controls disabled
and the wait cursor shown until the answer comes, so nothing is sent twice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


class Waiting:
    """`set(True)` disables the widgets and shows the wait cursor, `set(False)` undoes it;
    setting the same state twice does nothing (the cursor is restored exactly once)."""

    def __init__(self, *widgets: QWidget) -> None:
        self._widgets = widgets
        self._active = False

    @property
    def active(self) -> bool:
        return self._active

    def set(self, waiting: bool) -> None:
        if waiting == self._active:
            return
        self._active = waiting
        for widget in self._widgets:
            widget.setEnabled(not waiting)
        if waiting:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        else:
            QGuiApplication.restoreOverrideCursor()
