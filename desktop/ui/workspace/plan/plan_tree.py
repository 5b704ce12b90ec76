"""The goals of a plan, grouped by field of action, with the measures under each goal."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from desktop.domain.catalogues import FieldOfAction, Responsible
from desktop.domain.model import Goal, Measure
from desktop.domain.rules import OPEN_MEASURES
from desktop.domain.texts import Texts
from desktop.services.phrases import PhraseBook, client_print_language, item_text
from desktop.services.workspace import CaseView
from desktop.ui.widgets.formatting import format_date, label, language
from desktop.ui.widgets.i18n import Retranslating
from desktop.ui.widgets.style import ALERT

TITLE, STATUS, RESPONSIBLE, DUE, OUTCOME, CLIENT_TEXT = range(6)
OVERDUE_COLOUR = QColor(ALERT)
GREYED = QColor("#808080")
MISSING_TEXT_COLOUR = QColor(ALERT)  # no text in the client's language
ID_ROLE = Qt.ItemDataRole.UserRole


class PlanTree(Retranslating, QTreeWidget):
    """Field of action → goal (title, status) → measures (who, by when, status, outcome)."""

    selection_changed = Signal()  # also after the tree was filled again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._objects: dict[str, Goal | Measure] = {}
        self._book: PhraseBook | None = None
        self._language: str | None = None  # the client's first language, if printed
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

    def set_phrase_book(self, book: PhraseBook | None) -> None:
        """The phrase book whose texts items chosen from it show (shown with the next case)."""
        self._book = book

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
        self._language = client_print_language(view.client)
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
        if self.isVisible():  # else when it is shown: the width is known then
            self._size_columns()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._size_columns()

    def _size_columns(self) -> None:
        """Status and due in full, who up to a quarter; the titles take what is left of the
        width shown (at least a third); what is longer ends in "…" and shows whole as tooltip."""
        for column in (STATUS, RESPONSIBLE, DUE):
            self.resizeColumnToContents(column)
        # A partner's long name ("Jobcenter …, Geschäftsstelle …") ends in "…" (tooltip) too.
        quarter = max(self.viewport().width() // 4, 120)
        self.setColumnWidth(RESPONSIBLE, min(self.columnWidth(RESPONSIBLE), quarter))
        others = sum(self.columnWidth(c) for c in (STATUS, RESPONSIBLE, DUE))
        room = self.viewport().width() - others
        wanted = self.sizeHintForColumn(TITLE)
        self.setColumnWidth(TITLE, max(min(wanted, room), self.viewport().width() // 3, 160))

    def _goal_item(self, parent: QTreeWidgetItem, goal: Goal) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [goal.title, label(goal.status)])
        item.setToolTip(TITLE, goal.title)
        item.setData(TITLE, ID_ROLE, goal.id)
        self._show_client_text(item, goal.texts, goal.phrase_key)
        self._objects[goal.id] = goal
        return item

    def _measure_item(
        self, parent: QTreeWidgetItem, measure: Measure, view: CaseView, today: date
    ) -> QTreeWidgetItem:
        texts = [
            measure.title, label(measure.status), _responsible(measure, view),
            format_date(measure.due_on), measure.outcome,
        ]  # fmt: skip
        item = QTreeWidgetItem(parent, texts)
        item.setToolTip(TITLE, measure.title)
        item.setToolTip(RESPONSIBLE, texts[RESPONSIBLE])
        item.setData(TITLE, ID_ROLE, measure.id)
        self._show_client_text(item, measure.texts, measure.phrase_key)
        if measure.status in OPEN_MEASURES and measure.due_on and measure.due_on < today:
            item.setForeground(DUE, QBrush(OVERDUE_COLOUR))
            item.setToolTip(DUE, self.tr("Overdue"))
        elif measure.status not in OPEN_MEASURES:
            item.setForeground(DUE, QBrush(GREYED))
        self._objects[measure.id] = measure
        return item

    def _show_client_text(self, item: QTreeWidgetItem, texts: Texts, key: str) -> None:
        """The text in the client's first language (the item's own or its phrase's), or a
        warning: no text in that language, or a text whose language is not set."""
        lang = self._language
        if texts.unassigned:
            self._warn(
                item,
                self.tr("⚠ language not set: {0}").replace("{0}", texts.unassigned),
                self.tr("Nobody has said which language this text is in: it is not printed. "
                        "Edit the item to set its language."),
            )  # fmt: skip
            return
        if lang is None:  # no first language to print in: the item's own texts, if any
            shown = "\n".join(f"{code}: {text}" for code, text in texts.items())
            item.setText(CLIENT_TEXT, shown)
            item.setToolTip(CLIENT_TEXT, shown)
            return
        text = item_text(texts, key, lang, self._book)
        if text:
            item.setText(CLIENT_TEXT, text)
            own = texts.for_print(lang)
            item.setToolTip(
                CLIENT_TEXT,
                text if own else self.tr("{0} (from the phrase book)").replace("{0}", text),
            )
        elif key and self._book is None:
            item.setText(CLIENT_TEXT, "")  # the phrase book is still being read
        else:
            name = language(lang)
            self._warn(
                item,
                self.tr("⚠ no {0} text").replace("{0}", name),
                self.tr("This item prints in German only in a {0} plan. Edit it to add its "
                        "{0} text.").replace("{0}", name),
            )  # fmt: skip

    @staticmethod
    def _warn(item: QTreeWidgetItem, text: str, tooltip: str) -> None:
        item.setText(CLIENT_TEXT, text)
        item.setToolTip(CLIENT_TEXT, tooltip)
        item.setForeground(CLIENT_TEXT, QBrush(MISSING_TEXT_COLOUR))

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
