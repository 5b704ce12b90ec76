"""The other people in the client's household, each opening their own case."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.domain.model import Client
from desktop.ui.widgets.formatting import label
from desktop.ui.widgets.i18n import Retranslating

ID_ROLE = Qt.ItemDataRole.UserRole


class HouseholdList(Retranslating, QWidget):
    """Name and role of each household member; double-click or Enter opens that person."""

    open_client = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._members: list[Client] = []
        self._in_household = False
        self.list = QListWidget()
        self.list.setMaximumHeight(self.list.fontMetrics().lineSpacing() * 7)
        self.list.itemActivated.connect(self._activated)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)  # greyed out: a hint, not content
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.hint)
        self.retranslate()

    def show_members(self, members: list[Client], in_household: bool) -> None:
        """Show the other members (not the client) of the client's household."""
        self._members = list(members)
        self._in_household = in_household
        self._render()

    def clear(self) -> None:
        """Show no one."""
        self.show_members([], False)

    def retranslate(self) -> None:
        self._render()

    def _render(self) -> None:
        self.list.clear()
        for member in self._members:
            role = label(member.household_role)
            text = f"{member.display_name} – {role}" if role else member.display_name
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, member.id)
            self.list.addItem(item)
        self.list.setVisible(bool(self._members))
        if self._members:
            self.hint.setText(self.tr("Double-click a person or press Enter to open their case."))
        elif self._in_household:
            self.hint.setText(self.tr("Nobody else is registered in this household."))
        else:
            self.hint.setText(self.tr("This client is not part of a household."))

    def _activated(self, item: QListWidgetItem) -> None:
        self.open_client.emit(str(item.data(ID_ROLE)))
