"""Cases due for erasure: the retention period, the list of closed cases past their date, Erase…

The period and the list are read by the database worker when the dialog is built; a changed
period is saved there, and erasing runs there behind a progress dialog.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import german_date
from desktop.services import clients, retention
from desktop.services.retention import DueCase
from desktop.ui.shell.protocol import Shell
from desktop.ui.widgets.db_worker import Cancelled, DbWorker, Progress
from desktop.ui.widgets.errors import error_text
from desktop.ui.widgets.geometry import fit_to_screen
from desktop.ui.widgets.i18n import Retranslating, current_language
from desktop.ui.widgets.progress import run_with_progress
from desktop.ui.widgets.style import button_row, error_label, labelled_form, read_only_list

if TYPE_CHECKING:
    from desktop.services.casefile import Store


def _shown(d: date) -> str:
    return german_date(d) if current_language() == "de" else d.isoformat()


class DueForErasureDialog(Retranslating, QDialog):
    """Retention period (months), the due cases (select some or all), and Erase… with a warning.

    The period can be changed once the worker has read it (a change before would be lost).
    """

    def __init__(
        self, db: DbWorker, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # never past the screen, however long its texts
        self._db = db
        self._channel = f"due-for-erasure-{id(self)}"  # the newest list read is the one shown
        self._today = today or date.today()
        self._months_read = False
        self.months = QSpinBox()
        self.months.setRange(*retention.MONTHS_RANGE)
        self.months.setValue(retention.DEFAULT_MONTHS)
        self.months.setEnabled(False)
        self.months.valueChanged.connect(self._save_months)
        self.table = read_only_list(4)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.select_all_button = QPushButton()
        self.select_all_button.clicked.connect(self.table.selectAll)
        self.erase_button = QPushButton()
        self.erase_button.clicked.connect(self.erase_selected)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)
        self.error = error_label()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.erased = 0
        form, self._captions = labelled_form([self.months])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addWidget(self.result_label)
        layout.addLayout(
            button_row(self.select_all_button, right=[self.erase_button, self.close_button])
        )
        db.run(retention.retention_months, self._months_read_as)
        self.refresh()
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Cases due for erasure"))
        self._captions[0].setText(self.tr("&Keep closed cases for (months):"))
        self.table.setHeaderLabels(
            [self.tr("Name"), self.tr("File number"), self.tr("Closed"), self.tr("Keep until")]
        )
        self.select_all_button.setText(self.tr("Select &all"))
        self.erase_button.setText(self.tr("&Erase…"))
        self.close_button.setText(self.tr("Close"))

    def refresh(self) -> None:
        """Ask the worker for the due cases again; they are shown when read."""
        today = self._today
        self._db.run(
            lambda store: retention.due_for_erasure(store, today),
            self._show_due,
            channel=self._channel,
        )

    def _show_due(self, cases: list[DueCase]) -> None:
        if not shiboken6.isValid(self):  # closed and deleted meanwhile
            return
        self.table.clear()
        for due in cases:
            item = QTreeWidgetItem(
                [
                    due.display_name,
                    due.file_number,
                    _shown(due.closed_on),
                    _shown(due.retention_until),
                ]
            )
            item.setData(0, 256, due.id)  # Qt.UserRole
            self.table.addTopLevelItem(item)
        self._selection_changed()

    def selected_ids(self) -> list[str]:
        """The ids of the cases selected in the list."""
        return [str(item.data(0, 256)) for item in self.table.selectedItems()]

    def _selection_changed(self) -> None:
        self.erase_button.setEnabled(bool(self.selected_ids()))

    def _months_read_as(self, months: int) -> None:
        if not shiboken6.isValid(self):
            return
        self.months.setValue(months)  # not saved back: not read yet for `_save_months`
        self._months_read = True
        self.months.setEnabled(True)

    def _save_months(self, months: int) -> None:
        if not self._months_read:
            return
        self._db.run(
            lambda store: retention.set_retention_months(store, months),
            self._months_saved,
            self._months_not_saved,
        )

    def _months_saved(self, _done: object) -> None:
        if shiboken6.isValid(self):
            self.error.clear()

    def _months_not_saved(self, error: BaseException) -> None:
        if shiboken6.isValid(self):
            self.error.setText(error_text(error))

    def confirmation(self, count: int) -> QMessageBox:
        """The question before erasing: how many, and that it cannot be undone (default No)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Erase cases"))
        box.setText(self.tr("Erase %n case(s) for good? This cannot be undone.", "", count))
        box.setInformativeText(
            self.tr(
                "The backups in the data folder and in the backup folder are rewritten without"
                " them. Erasure cannot reach backups kept elsewhere, exports, printed plans or"
                " colleagues' case files until they sync."
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box

    def erase_selected(self) -> int:
        """Ask, then erase the selected cases in the worker; returns how many were erased.

        The list is read again afterwards (shown when the worker has read it).
        """
        ids = self.selected_ids()
        if not ids or self.confirmation(len(ids)).exec() != QMessageBox.StandardButton.Yes:
            return 0

        def job(store: Store, progress: Progress, _cancelled: Cancelled) -> int:
            clients.erase_clients(store, ids, progress)
            return len(ids)

        done = run_with_progress(self._db, self, self.tr("Erasing cases"), job)
        if done is None:
            return 0
        self.erased += done
        self.result_label.setText(self.tr("%n case(s) erased for good.", "", done))
        self._drop_rows(set(ids))  # gone at once: they cannot be erased twice
        self.refresh()
        return done

    def _drop_rows(self, ids: set[str]) -> None:
        for row in reversed(range(self.table.topLevelItemCount())):
            item = self.table.topLevelItem(row)
            if item is not None and str(item.data(0, 256)) in ids:
                self.table.takeTopLevelItem(row)
        self._selection_changed()


def open_due_for_erasure(shell: Shell) -> DueForErasureDialog | None:
    """Show the cases due for erasure over the main window; after erasing, the window shows
    the case file anew when the dialog is closed."""
    if not shell.db.is_open:
        return None
    dialog = DueForErasureDialog(shell.db, shell.widget())

    def closed(_result: int) -> None:
        if dialog.erased:
            shell.case_file_changed()  # the same refresh as after bundles arrive
        dialog.deleteLater()

    dialog.finished.connect(closed)
    dialog.open()
    return dialog
