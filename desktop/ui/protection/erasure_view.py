"""Cases due for erasure: the retention period, the list of closed cases past their date, Erase…"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

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
from desktop.domain.errors import WelcomeDeskError
from desktop.services import clients, retention
from desktop.services.casefile import Store
from desktop.ui.widgets.i18n import Retranslating, current_language
from desktop.ui.widgets.style import button_row, error_label, labelled_form, read_only_list
from desktop.ui.widgets.worker import run_with_progress

if TYPE_CHECKING:
    from desktop.ui.shell.main_window import MainWindow


def _shown(d: date) -> str:
    return german_date(d) if current_language() == "de" else d.isoformat()


class DueForErasureDialog(Retranslating, QDialog):
    """Retention period (months), the due cases (select some or all), and Erase… with a warning."""

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._today = today or date.today()
        self.months = QSpinBox()
        self.months.setRange(*retention.MONTHS_RANGE)
        self.months.setValue(retention.retention_months(store))
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
        """Read the due cases again."""
        self.table.clear()
        for due in retention.due_for_erasure(self._store, self._today):
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

    def _save_months(self, months: int) -> None:
        try:
            retention.set_retention_months(self._store, months)
            self.error.clear()
        except WelcomeDeskError as error:
            self.error.setText(error.text(current_language()))

    def confirmation(self, count: int) -> QMessageBox:
        """The question before erasing: how many, and that it cannot be undone (default No)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Erase cases"))
        box.setText(self.tr("Erase %n case(s) for good? This cannot be undone.", "", count))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box

    def erase_selected(self) -> int:
        """Ask, then erase the selected cases in the worker; returns how many were erased."""
        ids = self.selected_ids()
        if not ids or self.confirmation(len(ids)).exec() != QMessageBox.StandardButton.Yes:
            return 0
        store = self._store

        def job(progress: object, _cancelled: object) -> int:
            clients.erase_clients(store, ids, progress)  # type: ignore[arg-type]
            return len(ids)

        done = run_with_progress(self, self.tr("Erasing cases"), job)
        if done is None:
            return 0
        self.erased += done
        self.result_label.setText(self.tr("%n case(s) erased for good.", "", done))
        self.refresh()
        return done


def open_due_for_erasure(window: MainWindow) -> DueForErasureDialog | None:
    """Show the cases due for erasure over the main window; refresh it after erasing."""
    if window.store is None:
        return None
    dialog = DueForErasureDialog(window.store, window)
    dialog.exec()
    if dialog.erased:
        window._after_sync()  # the same refresh as after bundles arrive: list, case, agenda
    return dialog
