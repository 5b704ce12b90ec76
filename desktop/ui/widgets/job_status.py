"""A background job in the status bar: what runs, how far it is, and a button to stop it.

Hidden while nothing runs. The watched sync folder uses it: its checks run on the database
worker without a dialog, and the coordinator can still see and stop them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from desktop.ui.widgets.i18n import Retranslating


class JobStatus(Retranslating, QWidget):
    """`start(text, cancel)` shows it, `progress(done, total)` moves the bar, `finish()` hides."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cancel: Callable[[], None] | None = None
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(120)
        self.bar.setTextVisible(False)
        self.cancel_button = QToolButton()
        self.cancel_button.clicked.connect(self._cancel_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Stop"))
        self.cancel_button.setToolTip(self.tr("Stop after the file being read now"))

    def start(self, text: str, cancel: Callable[[], None]) -> None:
        """Show `text` with a busy bar until the first progress comes."""
        self._cancel = cancel
        self.label.setText(text)
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.show()

    def progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, max(total, 1)))

    def finish(self) -> None:
        self._cancel = None
        self.hide()

    def _cancel_clicked(self) -> None:
        if self._cancel is not None:
            self.cancel_button.setEnabled(False)
            self._cancel()
