"""Until which day a deadline of the radar is snoozed: a day after today, a week ahead at first."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.widgets.geometry import fit_to_screen
from desktop.ui.widgets.i18n import Retranslating, current_language

QUICK_WEEKS = (1, 2, 4)
DEFAULT_WEEKS = 1


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class SnoozeDialog(Retranslating, QDialog):
    """A day with a calendar popup (typed or picked), and buttons for one, two or four weeks.

    `what` names the deadline snoozed ("Rahimi, Omar: Residence status expires"); `until` is the
    day chosen, when it is back on the radar.
    """

    def __init__(self, today: date, what: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)
        self._today = today
        self._what = QLabel(what)
        self._what.setWordWrap(True)
        self._label = QLabel()
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMinimumDate(_qdate(today + timedelta(days=1)))
        self.date_edit.setDate(_qdate(today + timedelta(weeks=DEFAULT_WEEKS)))
        self._label.setBuddy(self.date_edit)
        self.week_buttons = []
        quick = QHBoxLayout()
        for weeks in QUICK_WEEKS:
            button = QPushButton()
            button.setAutoDefault(False)  # Enter accepts the dialog, it does not pick a week
            button.clicked.connect(lambda _checked=False, w=weeks: self._in_weeks(w))
            self.week_buttons.append(button)
            quick.addWidget(button)
        quick.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self._label)
        row.addWidget(self.date_edit, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self._what)
        layout.addLayout(row)
        layout.addLayout(quick)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.date_edit.setFocus()

    @property
    def until(self) -> date:
        """The day chosen: the deadline is back on the radar on it."""
        picked = self.date_edit.date()
        return date(picked.year(), picked.month(), picked.day())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Snooze deadline"))
        self._label.setText(self.tr("Back on the radar &on:"))
        texts = (self.tr("In &1 week"), self.tr("In &2 weeks"), self.tr("In &4 weeks"))
        for button, text in zip(self.week_buttons, texts, strict=True):
            button.setText(text)
        self.date_edit.setDisplayFormat(
            "dd.MM.yyyy" if current_language() == "de" else "yyyy-MM-dd"
        )

    def _in_weeks(self, weeks: int) -> None:
        self.date_edit.setDate(_qdate(self._today + timedelta(weeks=weeks)))
