"""What a calendar tells beyond time and kind: one check box per part, the risk named beside them.

Shared by the export dialog and the feed dialog. Nothing is checked at first; the legal section
can only be added to the residence status.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.services import calendar
from desktop.ui.widgets.i18n import Retranslating


class CalendarChoices(Retranslating, QWidget):
    """Check boxes for the parts of `calendar.INCLUDES` and the sentences that name the risk."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes = {part: QCheckBox() for part in calendar.INCLUDES}
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.risk = QLabel()
        self.risk.setWordWrap(True)
        self.risk.setObjectName("calendarRisk")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        for part in calendar.INCLUDES:
            if part == "section":  # indented under the status it belongs to
                row = QHBoxLayout()
                row.addSpacing(24)
                row.addWidget(self.boxes[part], 1)
                layout.addLayout(row)
            else:
                layout.addWidget(self.boxes[part])
        layout.addWidget(self.risk)
        self.boxes["status"].toggled.connect(self._follow_status)
        self._follow_status(False)
        self.retranslate()

    def _follow_status(self, checked: bool) -> None:
        """The legal section belongs to the status: without the status it is off."""
        section = self.boxes["section"]
        section.setEnabled(checked)
        if not checked:
            section.setChecked(False)

    def retranslate(self) -> None:
        texts = {
            "purpose": self.tr("&Purposes (of appointments, measures and documents)"),
            "place": self.tr("Pl&aces"),
            "status": self.tr("&Residence status"),
            "section": self.tr("with its le&gal section (§)"),
            "language": self.tr("Interpreter &languages"),
        }
        for part, box in self.boxes.items():
            box.setText(texts[part])
        self.heading.setText(
            self.tr("Every event gives its time and “Appointment” or “Deadline”. Also write:")
        )
        self.risk.setText(
            self.tr(
                "Purposes and places can reveal health or legal matters, the residence status "
                "and the language say where a person comes from; once synced to Exchange they "
                "leave this computer."
            )
        )

    def include(self) -> frozenset[str]:
        """The parts checked."""
        status = self.boxes["status"].isChecked()
        return frozenset(
            p for p, box in self.boxes.items() if box.isChecked() and (p != "section" or status)
        )

    def set_include(self, parts: Iterable[str]) -> None:
        """Check the parts given, uncheck the others."""
        chosen = set(parts)
        for part in calendar.INCLUDES:  # the status first, so that its section can follow
            self.boxes[part].setChecked(part in chosen)

    def set_enabled(self, enabled: bool) -> None:
        """All boxes on or off (while settings load); the section still follows the status."""
        for part, box in self.boxes.items():
            box.setEnabled(enabled and (part != "section" or self.boxes["status"].isChecked()))
