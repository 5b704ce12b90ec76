"""The Qt binding must not corrupt the interpreter: PySide6 6.12.0 did, on Python 3.11."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_widget_calls_do_not_drop_references_to_none(qtbot) -> None:
    # 6.12.0 released one reference to None per void call; after a few thousand widget updates
    # the app aborted with "none_dealloc". pyproject pins PySide6 below 6.12 for this.
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("x")
    assert sys.getrefcount(None) - before > -10
