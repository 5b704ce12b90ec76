"""The appointments of one client: coming up first, past ones greyed, status set in the table.

An edit is shown in its row at once; the save runs on the database worker, which reads the
appointments again after it, and `changed` follows when both are done. The slip is made by the
worker too.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

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
from desktop.domain.model import Appointment
from desktop.services import audit, casework
from desktop.services.phrases import PhraseBook
from desktop.services.printing import appointment_slip_pdf
from desktop.services.workspace import CaseView
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.errors import error_said
from desktop.ui.widgets.formatting import format_datetime
from desktop.ui.widgets.i18n import Retranslating
from desktop.ui.widgets.message_label import MessageLabel
from desktop.ui.widgets.phrase_source import phrase_source
from desktop.ui.widgets.status_combo_delegate import CatalogueDelegate
from desktop.ui.widgets.style import ERROR_STYLE, fit_rows
from desktop.ui.workspace.appointments.appointment_dialog import AppointmentDialog
from desktop.ui.workspace.appointments.appointment_model import EDITABLE, STATUS, AppointmentsModel
from desktop.ui.workspace.case_edits import CaseEdits, Write
from desktop.ui.workspace.plan.print_preview import PRINT_LANGUAGES, PrintPreviewDialog

if TYPE_CHECKING:
    pass


class AppointmentsTab(Retranslating, QWidget):
    """A status or outcome is saved as soon as it is chosen; `changed` follows every save."""

    changed = Signal()

    def __init__(self, db: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._view: CaseView | None = None
        self._edits = CaseEdits(db)
        self.dialog: AppointmentDialog | None = None  # the one open now, if any
        self._books = phrase_source(db)  # read once on the worker, shared with the other tabs
        self._books.loaded.connect(self._book_loaded)
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
        self.error_label = MessageLabel(ERROR_STYLE)
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
        fit_rows(table)
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
        """Show this client's appointments; the selected one stays selected. While an edit of
        this client is on its way, its answer is awaited."""
        same_client = self._view is not None and self._view.client.id == view.client.id
        self._books.ensure()
        if same_client and self._edits.pending(view.client.id):
            return  # the appointments read after the edit come next, and are fresher
        self._show(view)

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
        self._edits.forget()  # answers on their way are for a client no longer shown
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
        dialog = AppointmentDialog(view.client, view.organisations, book=self._book, parent=self)
        return self._open(dialog, is_new=True)

    def edit_appointment(self) -> AppointmentDialog | None:
        """Open the dialog for the selected appointment (not waiting for it)."""
        appointment, view = self.selected(), self._view
        if appointment is None or view is None:
            return None
        dialog = AppointmentDialog(
            view.client, view.organisations, appointment=appointment, book=self._book, parent=self
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
            appointment_id = appointment.id
            self._write(lambda store: casework.remove(store, Appointment, appointment_id))

    def print_slip(self) -> PrintPreviewDialog | None:
        """Preview the slip for the selected appointment, to print or save (not waiting; the
        database worker makes it)."""
        appointment, view = self.selected(), self._view
        if appointment is None or view is None:
            return None
        db, appointment_id, client_id = self._db, appointment.id, view.client.id
        spoken = [s.code for s in view.client.languages if s.code in PRINT_LANGUAGES]
        dialog = PrintPreviewDialog(
            db,
            self.tr("Appointment slip: {0}").replace("{0}", format_datetime(appointment.starts_at)),
            lambda store, lang: appointment_slip_pdf(store, appointment_id, lang),
            spoken[0] if spoken else None,
            self,
        )
        dialog.handed_out.connect(
            lambda: db.run(
                lambda store: audit.record(store, "printed", client_id, what="appointment slip")
            )
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
        save = casework.add if is_new else casework.save
        if not is_new:
            self.model.replace_row(appointment)  # shown at once: the next edit builds on it
        self._write(lambda store: save(store, appointment), appointment.id)

    @property
    def _book(self) -> PhraseBook | None:
        return self._books.book

    def _book_loaded(self, book: PhraseBook) -> None:
        if self.dialog is not None:
            self.dialog.completer.set_book(book)

    def _dialog_closed(self, dialog: AppointmentDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _save(self, appointment: Appointment) -> None:
        self.model.replace_row(appointment)  # shown at once: the next edit builds on it
        self._write(lambda store: casework.save(store, appointment), appointment.id)

    def _write(self, write: Write, select: str | None = None, *, saved: bool = True) -> bool:
        """Send one edit to the worker, which reads the appointments after it; then the fresh
        list is shown and, for an edit (`saved`), the workspace is told."""
        view = self._view
        if view is None or not self._db.is_open:
            return False
        client_id = view.client.id
        self._edits.send(
            client_id,
            write,
            lambda fresh, latest: self._written(fresh, latest, select, saved),
            lambda error, latest: self._not_written(client_id, saved, error, latest),
        )
        return True

    def _written(self, view: CaseView, latest: bool, select: str | None, saved: bool) -> None:
        if self._shows(view.client.id):
            if saved:
                self.error_label.clear()
            if latest:  # else the answer of the next edit is fresher
                self._show(view)
            if select is not None:
                self.select(select)
        if saved:
            self.changed.emit()

    def _not_written(self, client_id: str, saved: bool, error: BaseException, latest: bool) -> None:
        if not self._shows(client_id):
            self._db.report(error)  # another client is shown now: say it in a message box
            return
        self.error_label.say(error_said(error))
        if saved and latest:
            self._write(lambda _store: None, saved=False)  # show what is stored, not the edit

    def _shows(self, client_id: str) -> bool:
        return self._view is not None and self._view.client.id == client_id

    def _show(self, view: CaseView) -> None:
        selected = self.selected()
        same_client = self._view is not None and self._view.client.id == view.client.id
        self._books.ensure()
        self._view = view
        self.model.set_appointments(view.appointments, view.organisations, date.today())
        if same_client and selected is not None:
            self.select(selected.id)
        self._show_count()
        self.setEnabled(True)
        self._update_buttons()

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
