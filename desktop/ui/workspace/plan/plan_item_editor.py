"""Under the plan tree: the status of the selected goal, or status and outcome of a measure."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from desktop.domain.catalogues import Catalogue, GoalStatus, MeasureStatus
from desktop.domain.model import Goal, Measure
from desktop.ui.widgets.formatting import label
from desktop.ui.widgets.i18n import Retranslating


class PlanItemEditor(Retranslating, QWidget):
    """A status chosen is handed on at once as `edited(goal or measure)`; an outcome when the
    field is left or `flush()` is called."""

    edited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._item: Goal | Measure | None = None
        self.goal_status_label = QLabel()
        self.goal_status = QComboBox()
        self.goal_status.activated.connect(lambda _row: self._status_chosen(self.goal_status))
        self.measure_status_label = QLabel()
        self.measure_status = QComboBox()
        self.measure_status.activated.connect(lambda _row: self._status_chosen(self.measure_status))
        self.outcome_label = QLabel()
        self.outcome_edit = QLineEdit()
        self.outcome_edit.editingFinished.connect(self.flush)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        pairs: list[tuple[QLabel, QWidget]] = [
            (self.goal_status_label, self.goal_status),
            (self.measure_status_label, self.measure_status),
            (self.outcome_label, self.outcome_edit),
        ]
        for label_widget, field in pairs:
            label_widget.setBuddy(field)
            row.addWidget(label_widget)
            row.addWidget(field, 1 if field is self.outcome_edit else 0)
        self.retranslate()
        self.show_item(None)

    def retranslate(self) -> None:
        self.goal_status_label.setText(self.tr("Goal &status:"))
        self.measure_status_label.setText(self.tr("Measure &status:"))
        self.outcome_label.setText(self.tr("&Outcome:"))
        self.outcome_edit.setPlaceholderText(self.tr("What came of it"))
        _fill(self.goal_status, GoalStatus)
        _fill(self.measure_status, MeasureStatus)
        self._show_status()

    def show_item(self, item: Goal | Measure | None) -> None:
        """Edit this goal or measure; an outcome being typed for the same measure stays."""
        same = item is not None and self._item is not None and item.id == self._item.id
        self._item = item
        is_goal, is_measure = isinstance(item, Goal), isinstance(item, Measure)
        goal_widgets: list[QWidget] = [self.goal_status_label, self.goal_status]
        measure_widgets: list[QWidget] = [
            self.measure_status_label, self.measure_status, self.outcome_label, self.outcome_edit
        ]  # fmt: skip
        for widget in goal_widgets:
            widget.setVisible(is_goal)
        for widget in measure_widgets:
            widget.setVisible(is_measure)
        self._show_status()
        if not (same and self.outcome_edit.isModified()):
            self.outcome_edit.setText(item.outcome if isinstance(item, Measure) else "")

    def current(self) -> Goal | Measure | None:
        """The goal or measure shown."""
        return self._item

    def take_pending(self) -> Measure | None:
        """The measure with the outcome typed but not yet handed on, if there is one."""
        item = self._item
        if not isinstance(item, Measure) or not self.outcome_edit.isModified():
            return None
        self.outcome_edit.setModified(False)
        outcome = self.outcome_edit.text().strip()
        return dataclasses.replace(item, outcome=outcome) if outcome != item.outcome else None

    def flush(self) -> None:
        """Hand on an outcome typed but not yet saved."""
        pending = self.take_pending()
        if pending is not None:
            self.edited.emit(pending)

    # -- internals ------------------------------------------------------------------------------

    def _show_status(self) -> None:
        item = self._item
        if isinstance(item, Goal):
            self.goal_status.setCurrentIndex(self.goal_status.findData(item.status.value))
        elif isinstance(item, Measure):
            self.measure_status.setCurrentIndex(self.measure_status.findData(item.status.value))

    def _status_chosen(self, combo: QComboBox) -> None:
        item, value = self._item, combo.currentData()
        if item is None or not value or value == item.status.value:
            return
        if isinstance(item, Goal):
            self.edited.emit(dataclasses.replace(item, status=GoalStatus(value)))
        else:
            pending = self.take_pending() or item  # an outcome typed goes along with the status
            self.edited.emit(dataclasses.replace(pending, status=MeasureStatus(value)))


def _fill(combo: QComboBox, catalogue: type[Catalogue]) -> None:
    combo.clear()
    for member in catalogue:
        combo.addItem(label(member), member.value)
