"""The print preview's list of the items printed without a text in the print language, beside
the pages, with "Add text…" to ask for the selected one's text.

The panel only shows what the preview hands it; the preview asks for the text (a
`MissingTextDialog`) when the panel says the coordinator wants to add one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.places import language_name
from desktop.ui.widgets.i18n import Retranslating, current_language

if TYPE_CHECKING:
    from desktop.services.printing import Untranslated

ITEM_INDEX = Qt.ItemDataRole.UserRole


class MissingTextsPanel(Retranslating, QWidget):
    """Names the items `show_items` hands it; `add_text_requested` when the coordinator asks to
    add the selected item's text (the button, a double click or Enter on the list)."""

    add_text_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[Untranslated] = []
        self._language: str | None = None
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        self.missing_list = QListWidget()
        self.missing_list.setWordWrap(True)
        self.missing_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.missing_label.setBuddy(self.missing_list)
        self.missing_list.itemDoubleClicked.connect(lambda _item: self.add_text_requested.emit())
        self.missing_list.currentRowChanged.connect(lambda _row: self._update_add_button())
        self.missing_list.installEventFilter(self)
        self.add_text_button = QPushButton()
        self.add_text_button.clicked.connect(lambda: self.add_text_requested.emit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.missing_label)
        layout.addWidget(self.missing_list, 1)
        layout.addWidget(self.add_text_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.retranslate()

    def retranslate(self) -> None:
        self.add_text_button.setText(self.tr("&Add text…"))
        if self._language is not None:
            self._fill()

    def show_items(self, items: Sequence[Untranslated], language: str) -> None:
        """Name `items`, those without a text in `language`; the selected row stays."""
        self._items, self._language = list(items), language
        self._fill()

    def current_row(self) -> int:
        """The row selected in the list (-1: none)."""
        return self.missing_list.currentRow()

    def select_row(self, row: int) -> None:
        self.missing_list.setCurrentRow(row)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and watched is self.missing_list
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.missing_list.currentRow() >= 0
        ):
            self.add_text_requested.emit()
            return True
        return super().eventFilter(watched, event)

    # -- internals ---------------------------------------------------------------------------

    def _fill(self) -> None:
        if self._language is None:
            return
        selected = self.missing_list.currentRow()
        name = language_name(self._language, current_language())
        count = len(self._items)
        if count == 0:
            text = self.tr("Every item has a text in {0}.")
        elif count == 1:
            text = self.tr("1 item has no text in {0}:")
        else:
            text = self.tr("%Ln items have no text in {0}:", "", count)
        self.missing_label.setText(text.replace("{0}", name))
        kinds = {
            "goal": self.tr("Goal"),
            "measure": self.tr("Measure"),
            "appointment": self.tr("Appointment"),
        }
        self.missing_list.clear()
        for index, item in enumerate(self._items):
            line = f"{kinds.get(item.kind, item.kind)}: {item.german}"
            if item.unassigned:
                line += " " + self.tr("(has a text without a language)")
            entry = QListWidgetItem(line)
            entry.setData(ITEM_INDEX, index)
            entry.setToolTip(item.unassigned or item.german)
            self.missing_list.addItem(entry)
        if count:
            self.missing_list.setCurrentRow(min(max(selected, 0), count - 1))
        self._update_add_button()

    def _update_add_button(self) -> None:
        self.add_text_button.setEnabled(self.missing_list.currentRow() >= 0)
