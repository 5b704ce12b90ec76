"""The goals of a plan, grouped by field of action, with the measures under each goal."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from desktop.domain.catalogues import FieldOfAction, Responsible
from desktop.domain.model import Goal, Measure
from desktop.domain.rules import OPEN_MEASURES
from desktop.services.workspace import CaseView
from desktop.ui.widgets.formatting import format_date, label
from desktop.ui.widgets.i18n import Retranslating
from desktop.ui.widgets.style import ALERT

TITLE, STATUS, RESPONSIBLE, DUE, OUTCOME, CLIENT_TEXT = range(6)
OVERDUE_COLOUR = QColor(ALERT)
GREYED = QColor("#808080")
ID_ROLE = Qt.ItemDataRole.UserRole


class PlanTree(Retranslating, QTreeWidget):
    """Field of action → goal (title, status) → measures (who, by when, status, outcome)."""

    selection_changed = Signal()  # also after the tree was filled again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._objects: dict[str, Goal | Measure] = {}
        self.setColumnCount(CLIENT_TEXT + 1)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.header().setStretchLastSection(True)
        self.currentItemChanged.connect(lambda *_: self.selection_changed.emit())
        self.retranslate()

    def retranslate(self) -> None:
        self.setHeaderLabels([
            self.tr("Goal / measure"), self.tr("Status"), self.tr("Who"), self.tr("Due"),
            self.tr("Outcome"), self.tr("In the client's language"),
        ])  # fmt: skip

    def show_case(self, view: CaseView, today: date) -> None:
        """Fill the tree with the current plan; the selection and the scroll position stay."""
        current = self.selected()
        scroll = self.verticalScrollBar().value()
        self.blockSignals(True)
        try:
            self._fill(view, today)
            if current is not None and current.id in self._objects:
                self.select(current.id)
        finally:
            self.blockSignals(False)
        self.verticalScrollBar().setValue(scroll)
        self.selection_changed.emit()

    def clear_case(self) -> None:
        """Forget every goal and measure."""
        self.blockSignals(True)
        self.clear()
        self._objects.clear()
        self.blockSignals(False)
        self.selection_changed.emit()

    def selected(self) -> Goal | Measure | None:
        """The goal or measure of the current row (None for a field of action or nothing)."""
        item = self.currentItem()
        return self._objects.get(item.data(TITLE, ID_ROLE)) if item is not None else None

    def goal_of_selection(self) -> Goal | None:
        """The selected goal, or the goal of the selected measure."""
        chosen = self.selected()
        if isinstance(chosen, Measure):
            goal = self._objects.get(chosen.goal_id)
            return goal if isinstance(goal, Goal) else None
        return chosen

    def select(self, entity_id: str) -> None:
        """Make the row of this goal or measure the current one."""
        for item in self._items():
            if item.data(TITLE, ID_ROLE) == entity_id:
                self.setCurrentItem(item)
                self.scrollToItem(item)
                return

    def texts(self) -> list[str]:
        """Every cell's text, top to bottom (for tests and checks that nothing is left)."""
        return [item.text(c) for item in self._items() for c in range(self.columnCount())]

    # -- filling --------------------------------------------------------------------------------

    def _fill(self, view: CaseView, today: date) -> None:
        self.clear()
        self._objects.clear()
        plan = view.plan
        goals = [g for g in view.goals if plan is not None and g.plan_id == plan.id]
        for field in FieldOfAction:
            in_field = [g for g in goals if g.field_of_action is field]
            if not in_field:
                continue
            field_item = QTreeWidgetItem(self, [label(field)])
            font = QFont(field_item.font(TITLE))
            font.setBold(True)
            field_item.setFont(TITLE, font)
            field_item.setFirstColumnSpanned(True)
            for goal in in_field:
                goal_item = self._goal_item(field_item, goal)
                for measure in (m for m in view.measures if m.goal_id == goal.id):
                    self._measure_item(goal_item, measure, view, today)
        self.expandAll()
        self.resizeColumnToContents(TITLE)

    def _goal_item(self, parent: QTreeWidgetItem, goal: Goal) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [goal.title, label(goal.status)])
        item.setData(TITLE, ID_ROLE, goal.id)
        self._objects[goal.id] = goal
        return item

    def _measure_item(
        self, parent: QTreeWidgetItem, measure: Measure, view: CaseView, today: date
    ) -> QTreeWidgetItem:
        texts = [
            measure.title, label(measure.status), _responsible(measure, view),
            format_date(measure.due_on), measure.outcome, _texts(measure),
        ]  # fmt: skip
        item = QTreeWidgetItem(parent, texts)
        item.setData(TITLE, ID_ROLE, measure.id)
        item.setToolTip(CLIENT_TEXT, _texts(measure))
        if measure.status in OPEN_MEASURES and measure.due_on and measure.due_on < today:
            item.setForeground(DUE, QBrush(OVERDUE_COLOUR))
            item.setToolTip(DUE, self.tr("Overdue"))
        elif measure.status not in OPEN_MEASURES:
            item.setForeground(DUE, QBrush(GREYED))
        self._objects[measure.id] = measure
        return item

    def _items(self) -> list[QTreeWidgetItem]:
        """Every row, depth first, in the order shown."""
        found: list[QTreeWidgetItem] = []

        def walk(item: QTreeWidgetItem) -> None:
            found.append(item)
            for i in range(item.childCount()):
                if (child := item.child(i)) is not None:
                    walk(child)

        for i in range(self.topLevelItemCount()):
            if (top := self.topLevelItem(i)) is not None:
                walk(top)
        return found


def _responsible(measure: Measure, view: CaseView) -> str:
    """ "partner organisation – Jobcenter Nord": who, and which organisation if one is named."""
    organisation = view.organisations.get(measure.organisation_id or "")
    who = label(measure.responsible)
    if organisation is None:
        return who
    if measure.responsible is Responsible.ORGANISATION:
        return organisation.name
    return f"{who} – {organisation.name}"


def _texts(measure: Measure) -> str:
    """The measure's own client-language texts, one "code: text" per line."""
    return "\n".join(f"{lang}: {text}" for lang, text in measure.texts.items())
