"""The Conflicts tab: edits that lost a merge, to keep as they are or to restore.

The conflicts are read, kept and restored on the database worker; the buttons wait while a
choice is on its way, so a double click never decides twice.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.sync import ConflictView, conflicts, resolve_conflict
from desktop.ui.sync.colleagues_page import local_time
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.errors import error_text
from desktop.ui.widgets.formatting import format_date
from desktop.ui.widgets.i18n import Retranslating
from desktop.ui.widgets.style import button_row, error_label, read_only_list

CLIENT, WHAT, LOST, KEPT, LOST_BY, KEPT_BY = range(6)
NUM = Qt.ItemDataRole.UserRole
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ConflictsPage(Retranslating, QWidget):
    """`count_changed(int)` after the open conflicts changed; `changed` after a restore."""

    count_changed = Signal(int)
    changed = Signal()

    def __init__(self, db: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._resolving = False  # a keep or restore is on its way
        self._items: list[QTreeWidgetItem] = []  # the table's rows, in order
        self._rows: list[ConflictView] = []

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = read_only_list(6)
        self.table.itemSelectionChanged.connect(self._show_detail)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(80)
        self.error = error_label()
        self.keep_button = QPushButton()
        self.keep_button.clicked.connect(self.keep_selected)
        self.restore_button = QPushButton()
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = button_row(self.keep_button, self.restore_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "When you and a colleague changed the same thing before exchanging bundles, the "
                "later change was kept. Check each one: keep it, or restore the value that lost."
            )
        )
        self.table.setHeaderLabels(
            [
                self.tr("Client"),
                self.tr("What"),
                self.tr("Lost value"),
                self.tr("Kept value"),
                self.tr("Lost change by"),
                self.tr("Kept change by"),
            ]
        )
        self.keep_button.setText(self.tr("&Keep current value"))
        self.restore_button.setText(self.tr("&Restore lost value"))
        self._fill()

    # -- what others call -----------------------------------------------------------------------

    @property
    def open_count(self) -> int:
        return len(self._rows)

    def reload(self) -> None:
        """Read the open conflicts again (after an import or a resolution)."""
        self._db.run(conflicts, self._show_rows)

    def shown_rows(self) -> list[list[str]]:
        """The table's cells as the coordinator sees them."""
        return [[item.text(c) for c in range(self.table.columnCount())] for item in self._items]

    def selected(self) -> ConflictView | None:
        items = self.table.selectedItems()
        num = items[0].data(CLIENT, NUM) if items else None
        return next((c for c in self._rows if c.num == num), None)

    def select_row(self, row: int) -> None:
        if 0 <= row < len(self._items):
            self.table.setCurrentItem(self._items[row])

    @property
    def error_text(self) -> str:
        return self.error.text() if not self.error.isHidden() else ""

    def keep_selected(self) -> None:
        """Close the selected conflict; the current value stays."""
        self._resolve(restore=False)

    def restore_selected(self) -> None:
        """Make the selected conflict's lost value current again (and close it)."""
        self._resolve(restore=True)

    # -- internals ------------------------------------------------------------------------------

    def _resolve(self, *, restore: bool) -> None:
        conflict = self.selected()
        if conflict is None or self._resolving:
            return
        row = self.table.indexOfTopLevelItem(self.table.selectedItems()[0])
        num = conflict.num
        self._resolving = True
        self._update_buttons()
        self._db.run(
            lambda store: resolve_conflict(store, num, restore=restore),
            lambda _none: self._resolved(row, restore),
            self._not_resolved,
        )

    def _resolved(self, row: int, restore: bool) -> None:
        self._db.run(conflicts, lambda rows: self._show_rows(rows, row), self._not_resolved)
        if restore:
            self.changed.emit()

    def _not_resolved(self, error: BaseException) -> None:
        self._resolving = False
        self._update_buttons()
        self.error.setText(error_text(error))
        self.error.show()

    def _update_buttons(self) -> None:
        conflict = None if self._resolving else self.selected()
        self.keep_button.setEnabled(conflict is not None)
        self.restore_button.setEnabled(conflict is not None and conflict.kind == "edit")

    def _show_rows(self, rows: list[ConflictView], select_row: int | None = None) -> None:
        """The conflicts read; after a choice, the row where the decided one was."""
        self._rows = rows
        self._fill()
        if select_row is not None:
            self._resolving = False
            self.select_row(min(select_row, len(self._items) - 1))
            self._update_buttons()
        self.count_changed.emit(len(self._rows))

    def _fill(self) -> None:
        chosen = self.selected()
        self.table.clear()
        self._items = []
        for conflict in self._rows:
            item = QTreeWidgetItem(
                [
                    conflict.client_name,
                    self._what(conflict),
                    self._values(conflict.lost),
                    self._kept(conflict),
                    self._by(conflict.lost_by),
                    self._by(conflict.won_by),
                ]
            )
            item.setData(CLIENT, NUM, conflict.num)
            item.setToolTip(LOST, self._values(conflict.lost))
            item.setToolTip(KEPT, self._kept(conflict))
            self._items.append(item)
        self.table.addTopLevelItems(self._items)
        rows = [c.num for c in self._rows]
        self.select_row(rows.index(chosen.num) if chosen and chosen.num in rows else 0)
        self._show_detail()

    def _show_detail(self) -> None:
        conflict = self.selected()
        self.error.clear()
        self.error.hide()
        self._update_buttons()
        if conflict is None:
            self.detail.setText(self.tr("No conflicts to review."))
            return
        lines = [
            f"{conflict.client_name} – {self._what(conflict)}".strip(" –"),
            self.tr("Lost: {0} (changed by {1} on {2})")
            .replace("{0}", self._values(conflict.lost))
            .replace("{1}", self._by(conflict.lost_by))
            .replace("{2}", local_time(conflict.lost_at)),
        ]
        if conflict.kind == "edit":
            lines.append(
                self.tr("Kept: {0} (changed by {1} on {2})")
                .replace("{0}", self._values(conflict.won))
                .replace("{1}", self._by(conflict.won_by))
                .replace("{2}", local_time(conflict.won_at))
            )
        else:
            lines.append(
                self.tr(
                    "{0} deleted this entry on {1} without having seen the change, so the "
                    "change cannot be restored here."
                )
                .replace("{0}", self._by(conflict.won_by))
                .replace("{1}", local_time(conflict.won_at))
            )
        self.detail.setText("\n".join(lines))

    def _kept(self, conflict: ConflictView) -> str:
        return self._values(conflict.won) if conflict.kind == "edit" else self.tr("(deleted)")

    def _by(self, who: str) -> str:
        return who or self.tr("this computer")

    def _values(self, values: dict[str, Any]) -> str:
        shown = [self._plain(v) for v in values.values()]
        return ", ".join(s for s in shown if s) or self.tr("(empty)")

    def _plain(self, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        if isinstance(value, list):
            return ", ".join(filter(None, (self._plain(v) for v in value)))
        if isinstance(value, dict):
            return " ".join(filter(None, (self._plain(v) for v in value.values())))
        if isinstance(value, str) and ISO_DATE.match(value):
            try:
                return format_date(date.fromisoformat(value))
            except ValueError:
                return value
        return str(value)

    def _what(self, conflict: ConflictView) -> str:
        entity = self._entities().get(conflict.entity, conflict.entity)
        group = self._groups().get(conflict.field_group, conflict.field_group)
        return f"{entity}: {group}"

    def _entities(self) -> dict[str, str]:
        return {
            "client": self.tr("Client"),
            "household": self.tr("Household"),
            "plan": self.tr("Integration plan"),
            "goal": self.tr("Goal"),
            "measure": self.tr("Measure"),
            "document": self.tr("Document"),
            "appointment": self.tr("Appointment"),
            "note": self.tr("Note"),
            "organisation": self.tr("Organisation"),
            "support": self.tr("Support"),
            "attachment": self.tr("Attachment"),
            "deadline_mark": self.tr("Deadline mark"),
        }

    def _groups(self) -> dict[str, str]:
        return {
            "name": self.tr("name"),
            "file": self.tr("file number"),
            "person": self.tr("personal details"),
            "languages": self.tr("languages"),
            "contact": self.tr("contact"),
            "address": self.tr("address"),
            "household": self.tr("household"),
            "arrival": self.tr("arrival and housing"),
            "residence": self.tr("residence status"),
            "consent": self.tr("consent"),
            "case": self.tr("case dates"),
            "main": self.tr("details"),
            "link": self.tr("assignment"),
            "status": self.tr("status"),
            "expiry": self.tr("expiry date"),
            "when": self.tr("date and time"),
            "details": self.tr("details"),
        }
