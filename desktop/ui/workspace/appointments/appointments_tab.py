"""The appointments of one client: coming up first, past ones greyed, status set in the table."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import shiboken6
from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.catalogues import AppointmentStatus
from desktop.domain.errors import WelcomeDeskError
from desktop.domain.model import Appointment
from desktop.services import audit, casework, workspace
from desktop.services.casefile import Store
from desktop.services.printing import appointment_slip_pdf
from desktop.services.workspace import CaseView
from desktop.ui.widgets.formatting import format_datetime
from desktop.ui.widgets.i18n import Retranslating, current_language
from desktop.ui.widgets.status_combo_delegate import CatalogueDelegate
from desktop.ui.widgets.style import ERROR_STYLE
from desktop.ui.workspace.appointments.appointment_dialog import AppointmentDialog
from desktop.ui.workspace.appointments.appointment_model import EDITABLE, STATUS, AppointmentsModel
from desktop.ui.workspace.plan.print_preview import PRINT_LANGUAGES, PrintPreviewDialog


class AppointmentsTab(Retranslating, QWidget):
    """A status or outcome is saved as soon as it is chosen; `changed` follows every save."""

    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._view: CaseView | None = None
        self.dialog: AppointmentDialog | None = None  # the one open now, if any
        self.model = AppointmentsModel(self)
        self.model.appointment_edited.connect(self._save)
        self.table = self._build_table()
        # After the view's own reset handler, which closes every editor.
        self.model.modelReset.connect(self._open_status_editors)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(lambda: self.new_appointment())
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(lambda: self.edit_appointment())
        self.print_button = QPushButton()
        self.print_button.clicked.connect(lambda: self.print_slip())
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.delete_selected)
        self.count_label = QLabel()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.print_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error_label)
        self.retranslate()
        self.clear()

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setItemDelegateForColumn(STATUS, CatalogueDelegate(AppointmentStatus, table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        table.doubleClicked.connect(self._double_clicked)
        table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        return table

    def retranslate(self) -> None:
        self.new_button.setText(self.tr("New appointment…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.print_button.setText(self.tr("Print slip…"))
        self.delete_button.setText(self.tr("Delete…"))
        self.model.refresh()
        self._open_status_editors()
        self._show_count()

    # -- the tab protocol -----------------------------------------------------------------------

    def set_case(self, view: CaseView) -> None:
        """Show this client's appointments; the selected one stays selected."""
        selected = self.selected()
        same_client = self._view is not None and self._view.client.id == view.client.id
        self._view = view
        self.model.set_appointments(view.appointments, view.organisations, date.today())
        if same_client and selected is not None:
            self.select(selected.id)
        self._show_count()
        self.setEnabled(True)
        self._update_buttons()

    def flush(self) -> None:
        """Commit an outcome still being typed in the table."""
        index = self.table.currentIndex()
        editor = self.table.indexWidget(index) if index.isValid() else None
        if editor is None or index.column() == STATUS:
            return
        self.table.commitData(editor)
        if shiboken6.isValid(editor) and self.table.indexWidget(index) is editor:
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def clear(self) -> None:
        """Forget the client: no appointment, count or message is left."""
        self._view = None
        if self.dialog is not None:  # a dialog being filled in goes with the case
            dialog, self.dialog = self.dialog, None
            dialog.reject()
            dialog.setParent(None)  # out of the window's children at once, deleted later
        self.model.clear()
        self.count_label.clear()
        self.error_label.clear()
        self.setEnabled(False)
        self._update_buttons()

    # -- what the coordinator does --------------------------------------------------------------

    def selected(self) -> Appointment | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.appointment_at(rows[0].row()) if rows else None

    def select(self, appointment_id: str) -> None:
        row = self.model.row_of(appointment_id)
        if row >= 0:
            self.table.selectRow(row)

    def new_appointment(self) -> AppointmentDialog | None:
        """Open the dialog for a new appointment (not waiting for it)."""
        view = self._view
        if view is None:
            return None
        dialog = AppointmentDialog(view.client, view.organisations, parent=self)
        return self._open(dialog, is_new=True)

    def edit_appointment(self) -> AppointmentDialog | None:
        """Open the dialog for the selected appointment (not waiting for it)."""
        appointment, view = self.selected(), self._view
        if appointment is None or view is None:
            return None
        dialog = AppointmentDialog(
            view.client, view.organisations, appointment=appointment, parent=self
        )
        return self._open(dialog, is_new=False)

    def delete_selected(self) -> None:
        """Delete the selected appointment after a confirmation."""
        appointment = self.selected()
        if appointment is None:
            return
        question = self.tr("Delete the appointment on {0}?").replace(
            "{0}", format_datetime(appointment.starts_at)
        )
        if self.confirm(question):
            self._write(lambda: casework.remove(self._store, Appointment, appointment.id))

    def print_slip(self) -> PrintPreviewDialog | None:
        """Preview the slip for the selected appointment, to print or save (not waiting)."""
        appointment, view = self.selected(), self._view
        if appointment is None or view is None:
            return None
        store, appointment_id = self._store, appointment.id
        spoken = [s.code for s in view.client.languages if s.code in PRINT_LANGUAGES]
        dialog = PrintPreviewDialog(
            self.tr("Appointment slip: {0}").replace("{0}", format_datetime(appointment.starts_at)),
            lambda lang: appointment_slip_pdf(store, appointment_id, lang),
            spoken[0] if spoken else None,
            self,
        )
        dialog.handed_out.connect(
            lambda: audit.record(store, "printed", view.client.id, what="appointment slip")
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def confirm(self, question: str) -> bool:
        """Ask before deleting (replaced in tests)."""
        answer = QMessageBox.question(self, self.tr("Appointments"), question)
        return answer == QMessageBox.StandardButton.Yes

    # -- internals ------------------------------------------------------------------------------

    def _open(self, dialog: AppointmentDialog, *, is_new: bool) -> AppointmentDialog:
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._store_dialog(dialog, is_new))
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()
        return dialog

    def _store_dialog(self, dialog: AppointmentDialog, is_new: bool) -> None:
        appointment = dialog.appointment()
        store = casework.add if is_new else casework.save
        self._write(lambda: store(self._store, appointment), appointment.id)

    def _dialog_closed(self, dialog: AppointmentDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _save(self, appointment: Appointment) -> None:
        self._write(lambda: casework.save(self._store, appointment), appointment.id)

    def _write(self, work: Callable[[], object], select: str | None = None) -> bool:
        """Run one edit; on success show the fresh list and tell the workspace."""
        view = self._view
        if view is None:
            return False
        try:
            work()
        except WelcomeDeskError as error:
            self.error_label.setText(error.text(current_language()))
            self.model.refresh()  # the status combo shows what is stored again
            return False
        self.error_label.clear()
        self.set_case(workspace.load_case(self._store, view.client.id))
        if select is not None:
            self.select(select)
        self.changed.emit()
        return True

    def _show_count(self) -> None:
        if self._view is None:
            self.count_label.clear()
            return
        today = date.today()
        upcoming = sum(a.starts_at.date() >= today for a in self._view.appointments)
        self.count_label.setText(self.tr("Coming up: {0}").replace("{0}", str(upcoming)))

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() not in EDITABLE:
            self.edit_appointment()

    def _open_status_editors(self) -> None:
        for row in range(self.model.rowCount()):
            index = self.model.index(row, STATUS)
            self.table.closePersistentEditor(index)
            self.table.openPersistentEditor(index)

    def _update_buttons(self) -> None:
        self.new_button.setEnabled(self._view is not None)
        has_selection = self.selected() is not None
        self.edit_button.setEnabled(has_selection)
        self.print_button.setEnabled(has_selection)
        self.delete_button.setEnabled(has_selection)
