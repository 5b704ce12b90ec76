"""The radar's list: deadlines under group headings that count them, overdue ones in red.

It only shows what `services.agenda.triage` grouped; the radar around it reads and marks.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QContextMenuEvent, QKeyEvent, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from desktop.domain.triage import DeadlineGroup, Urgency, deadline_key
from desktop.services.agenda import RadarEntry
from desktop.ui.widgets.formatting import format_date
from desktop.ui.widgets.i18n import Retranslating, current_language
from desktop.ui.widgets.style import ALERT

OVERDUE_COLOUR = QColor(ALERT)
ENTRY = Qt.ItemDataRole.UserRole  # the row's place in shown_entries(); -1 on a group heading
DUE, KIND, CLIENT, SUBJECT = range(4)
HEADING = -1


class RadarTree(Retranslating, QTreeWidget):
    """Group headings ("Overdue (12) — 3 residence, …"), unfolded, each over its deadlines.

    Deadlines set aside by a mark are greyed and say so in the "Due" column. Double-click or
    Enter on a deadline emits `chosen(entry)`; Enter on a heading folds or unfolds it. A right
    click on a deadline, or the menu key with one selected, emits `menu_asked(global position)`.
    """

    chosen = Signal(object)
    menu_asked = Signal(QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._groups: list[DeadlineGroup[RadarEntry]] = []
        self._shown: list[RadarEntry] = []
        self.setColumnCount(4)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.header().setStretchLastSection(True)
        self.itemDoubleClicked.connect(self._item_chosen)
        self.retranslate()

    def show_groups(self, groups: Sequence[DeadlineGroup[RadarEntry]]) -> None:
        """Show these groups. The deadline selected stays selected; once it has left the list,
        the one that took its place is."""
        self._groups = list(groups)
        self._fill()

    def shown_entries(self) -> list[RadarEntry]:
        """The deadlines shown, group after group, in order."""
        return list(self._shown)

    def current_entry(self) -> RadarEntry | None:
        """The deadline selected (None on a heading or with nothing selected)."""
        item = self.currentItem()
        index = item.data(DUE, ENTRY) if item is not None else None
        return self._shown[index] if isinstance(index, int) and index >= 0 else None

    def select_entry(self, index: int) -> None:
        """Select the deadline at this place of `shown_entries()`."""
        for item in self._entry_items():
            if item.data(DUE, ENTRY) == index:
                self.setCurrentItem(item)
                return

    def retranslate(self) -> None:
        self.setHeaderLabels(
            [self.tr("Due"), self.tr("What"), self.tr("Client"), self.tr("Subject")]
        )
        self._fill()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if item is not None and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if item.data(DUE, ENTRY) == HEADING:
                item.setExpanded(not item.isExpanded())
            else:
                self._item_chosen(item)
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            item = self.itemAt(event.pos())
            if item is not None:
                self.setCurrentItem(item)
            where = event.globalPos()
        else:  # the menu key or Shift+F10: under the deadline selected, not where the mouse is
            item = self.currentItem()
            rect = self.visualItemRect(item) if item is not None else self.viewport().rect()
            where = self.viewport().mapToGlobal(rect.bottomLeft())
        if self.current_entry() is not None:
            self.menu_asked.emit(where)
        event.accept()

    # -- internals ------------------------------------------------------------------------------

    def _fill(self) -> None:
        before = self.current_entry()
        place = self._shown.index(before) if before in self._shown else 0
        self.clear()
        self._shown = []
        lang = current_language()
        for group in self._groups:
            self._add_group(group, lang)
        if before is not None and self._shown:
            keys = [deadline_key(e.deadline) for e in self._shown]
            key = deadline_key(before.deadline)
            self.select_entry(keys.index(key) if key in keys else min(place, len(keys) - 1))

    def _add_group(self, group: DeadlineGroup[RadarEntry], lang: str) -> None:
        header = QTreeWidgetItem([group.heading(lang)])
        header.setData(DUE, ENTRY, HEADING)
        font = header.font(DUE)
        font.setBold(True)
        header.setFont(DUE, font)
        if group.urgency is Urgency.OVERDUE:
            header.setForeground(DUE, QBrush(OVERDUE_COLOUR))
        self.addTopLevelItem(header)
        header.setFirstColumnSpanned(True)
        start = len(self._shown)
        self._shown.extend(group.items)
        header.addChildren([self._item(e, lang, start + i) for i, e in enumerate(group.items)])
        header.setExpanded(True)

    def _item(self, entry: RadarEntry, lang: str, index: int) -> QTreeWidgetItem:
        deadline, mark = entry.deadline, entry.mark
        due = format_date(deadline.due_on)
        if mark is not None and mark.snoozed_until is not None:
            until = format_date(mark.snoozed_until)
            due = self.tr("%1 (snoozed until %2)").replace("%1", due).replace("%2", until)
        elif mark is not None:
            due = self.tr("%1 (done)").replace("%1", due)
        elif deadline.overdue:
            due = self.tr("%1 (overdue)").replace("%1", due)
        item = QTreeWidgetItem(
            [due, deadline.kind.label(lang), entry.client_name, deadline.subject_text(lang)]
        )
        item.setData(DUE, ENTRY, index)
        item.setToolTip(KIND, deadline.text(lang))
        if mark is not None:
            grey = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            for column in range(self.columnCount()):
                item.setForeground(column, QBrush(grey))
        elif deadline.overdue:
            red = QBrush(OVERDUE_COLOUR)
            font = item.font(DUE)
            font.setBold(True)
            item.setFont(DUE, font)
            for column in range(self.columnCount()):
                item.setForeground(column, red)
        return item

    def _entry_items(self) -> list[QTreeWidgetItem]:
        items: list[QTreeWidgetItem] = []
        for group in range(self.topLevelItemCount()):
            header = self.topLevelItem(group)
            if header is not None:
                children = (header.child(row) for row in range(header.childCount()))
                items += [child for child in children if child is not None]
        return items

    def _item_chosen(self, item: QTreeWidgetItem) -> None:
        index = item.data(DUE, ENTRY)
        if isinstance(index, int) and index >= 0:
            self.setCurrentItem(item)
            self.chosen.emit(self._shown[index])
