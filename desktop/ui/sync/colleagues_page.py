"""The Colleagues tab: my identity to hand on, the colleagues I trust, adding and removing them.

The identity and the colleagues are read on the database worker when the tab is built and shown
when they arrive; removing a colleague runs there too.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import BundleRejected
from desktop.services.compaction import MAX_WAIT_DAYS, set_wait_days, wait_days
from desktop.services.sync import Colleague, Identity, colleagues, my_identity, remove_colleague
from desktop.ui.sync.colleague_dialog import ColleagueDialog, fingerprint_label, fingerprint_lines
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.formatting import format_datetime
from desktop.ui.widgets.i18n import Retranslating
from desktop.ui.widgets.style import button_row, read_only_list

NAME, FINGERPRINT, RECEIVED, SENT, WAITING = range(5)


def local_time(moment: datetime | None) -> str:
    """A UTC moment as this computer's local date and time."""
    return format_datetime(moment.astimezone()) if moment is not None else ""


class ColleaguesPage(Retranslating, QWidget):
    """Emits `changed` after a colleague was added or removed.

    `add_colleague()`, `compare(refused)` and `remove_selected()` open their dialog without
    blocking and return it, so a caller (or a test) can fill it and answer it.
    """

    changed = Signal()

    def __init__(self, db: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._items: list[QTreeWidgetItem] = []  # the table's rows, in order
        self._rows: list[Colleague] = []
        self.dialog: ColleagueDialog | None = None
        self.question: QMessageBox | None = None

        self.identity_box = QGroupBox()
        self.identity = QLineEdit()
        self.identity.setReadOnly(True)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_identity)
        self.fingerprint_caption = QLabel()
        self.fingerprint = fingerprint_label()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.identity, 1)
        row.addWidget(self.copy_button)
        mine = QVBoxLayout(self.identity_box)
        mine.addLayout(row)
        mine.addWidget(self.fingerprint_caption)
        mine.addWidget(self.fingerprint)
        mine.addWidget(self.hint)

        self.table = read_only_list(5)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_colleague)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = button_row(self.add_button, self.remove_button)

        # How long a silent colleague holds the history back (compaction), then a snapshot.
        self.wait_label = QLabel()
        self.wait_days = QSpinBox()
        self.wait_days.setRange(0, MAX_WAIT_DAYS)
        self.wait_days.setEnabled(False)  # until the saved value has arrived
        self.wait_label.setBuddy(self.wait_days)
        self.wait_hint = QLabel()
        self.wait_hint.setWordWrap(True)
        wait_row = QHBoxLayout()
        wait_row.addWidget(self.wait_label)
        wait_row.addWidget(self.wait_days)
        wait_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.identity_box)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(wait_row)
        layout.addWidget(self.wait_hint)
        self.retranslate()
        db.run(my_identity, self._show_identity)
        db.run(wait_days, self._show_wait)
        self.reload()

    def retranslate(self) -> None:
        self.identity_box.setTitle(self.tr("My identity"))
        self.copy_button.setText(self.tr("&Copy"))
        self.fingerprint_caption.setText(self.tr("My fingerprint:"))
        self.hint.setText(
            self.tr(
                "Give your colleagues this identity (by e-mail or on a USB stick), then read "
                "the fingerprint to them by phone or in person so they can check it."
            )
        )
        self.table.setHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Fingerprint"),
                self.tr("Last bundle received"),
                self.tr("Last bundle sent"),
                self.tr("Changes waiting for them"),
            ]
        )
        self.add_button.setText(self.tr("&Add colleague…"))
        self.remove_button.setText(self.tr("&Remove…"))
        self.wait_label.setText(self.tr("&Wait for a silent colleague:"))
        self.wait_days.setSuffix(self.tr(" days"))
        self.wait_hint.setText(
            self.tr(
                "Change history is kept until every colleague has received it, but for a "
                "colleague who sends nothing for longer than this only until then: they get the "
                "whole current state (a snapshot) when they return."
            )
        )
        self._fill()

    # -- what others call -----------------------------------------------------------------------

    def reload(self) -> None:
        """Read the colleagues again (after an import or export), keeping the selection."""
        self._db.run(colleagues, self._show_rows)

    def shown_rows(self) -> list[list[str]]:
        """The table's cells as the coordinator sees them."""
        return [[item.text(c) for c in range(self.table.columnCount())] for item in self._items]

    def selected_name(self) -> str | None:
        items = self.table.selectedItems()
        return items[0].text(NAME) if items else None

    def select(self, name: str) -> bool:
        for item in self._items:
            if item.text(NAME) == name:
                self.table.setCurrentItem(item)
                return True
        return False

    def copy_identity(self) -> None:
        QGuiApplication.clipboard().setText(self.identity.text())

    def add_colleague(self) -> ColleagueDialog:
        """Open the dialog that adds a colleague (name and pasted identity)."""
        return self._open(ColleagueDialog(self._db, self))

    def compare(self, refused: BundleRejected) -> ColleagueDialog:
        """For a bundle refused as "untrusted" or "key_changed": compare, then trust."""
        return self._open(ColleagueDialog(self._db, self, refused))

    def remove_selected(self) -> QMessageBox | None:
        """Ask whether to stop trusting the selected colleague; removes on Yes."""
        name = self.selected_name()
        if name is None:
            return None
        question = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove colleague"),
            self.tr(
                "Stop trusting {0}? Bundles from {0} will be refused until you add them again; "
                "the changes already merged stay."
            ).replace("{0}", name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        question.setDefaultButton(QMessageBox.StandardButton.No)
        question.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Remove"))
        question.button(QMessageBox.StandardButton.No).setText(self.tr("&Keep"))
        question.finished.connect(lambda _result: self._removal_answered(question, name))
        self.question = question
        question.open()
        return question

    # -- internals ------------------------------------------------------------------------------

    def _show_identity(self, identity: Identity) -> None:
        self.identity.setText(identity.text)
        self.identity.setCursorPosition(0)
        self.fingerprint.setText(fingerprint_lines(identity.fingerprint))

    def _show_rows(self, rows: list[Colleague], select: str | None = None) -> None:
        self._rows = rows
        self._fill()
        if select is not None:
            self.select(select)

    def _open(self, dialog: ColleagueDialog) -> ColleagueDialog:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._added(dialog))
        dialog.open()
        return dialog

    def _added(self, dialog: ColleagueDialog) -> None:
        name = dialog.colleague.name if dialog.colleague is not None else None
        self._db.run(colleagues, lambda rows: self._show_rows(rows, name))
        self.changed.emit()

    def _removal_answered(self, question: QMessageBox, name: str) -> None:
        if question.clickedButton() is question.button(QMessageBox.StandardButton.Yes):
            self._db.run(lambda store: remove_colleague(store, name), lambda _none: self._removed())

    def _show_wait(self, days: int) -> None:
        self.wait_days.setValue(days)
        self.wait_days.setEnabled(True)
        self.wait_days.valueChanged.connect(self._wait_changed)

    def _wait_changed(self, days: int) -> None:
        self._db.run(lambda store: set_wait_days(store, days), channel="compaction_wait")

    def _removed(self) -> None:
        self.reload()
        self.changed.emit()

    def _fill(self) -> None:
        selected = self.selected_name()
        self.table.clear()
        self._items = []
        for colleague in self._rows:
            item = QTreeWidgetItem(
                [
                    colleague.name,
                    colleague.fingerprint,
                    local_time(colleague.last_import_at),
                    local_time(colleague.last_export_at),
                    str(colleague.waiting),
                ]
            )
            item.setTextAlignment(
                WAITING, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
            self._items.append(item)
        self.table.addTopLevelItems(self._items)
        if selected:
            self.select(selected)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.selected_name() is not None)
