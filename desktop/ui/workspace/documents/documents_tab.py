"""The document checklist of one client: what is there, who holds it, what is still missing.

Every edit is checked here at once and shown in its row; the save runs on the database worker,
which reads the checklist again after it, and `changed` follows when both are done. The scans of
the items come with the case (`CaseView.scans`).
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.catalogues import DocumentKind, DocumentStatus
from desktop.domain.model import DocumentItem
from desktop.domain.rules import CHECKLIST_LABELS, STANDARD_CHECKLISTS
from desktop.services import casework, workspace
from desktop.services.workspace import CaseView
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.errors import error_said
from desktop.ui.widgets.formatting import label
from desktop.ui.widgets.i18n import LiveText, Retranslating, current_language
from desktop.ui.widgets.message_label import MessageLabel
from desktop.ui.widgets.status_combo_delegate import CatalogueDelegate
from desktop.ui.widgets.style import ERROR_STYLE, fit_rows
from desktop.ui.workspace.case_edits import CaseEdits, Write
from desktop.ui.workspace.documents.documents_model import STATUS, DocumentsModel
from desktop.ui.workspace.documents.documents_scans import DocumentScans

if TYPE_CHECKING:
    pass


class DocumentsTab(Retranslating, QWidget):
    """The checklist table, "still missing" at a glance, and the actions on items and scans."""

    changed = Signal()

    def __init__(self, db: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._view: CaseView | None = None
        self._edits = CaseEdits(db)
        self._sent = 0  # saves sent so far
        self._error_sent = 0  # how many had been sent when the message shown now came up
        self.model = DocumentsModel(self)
        self.model.item_edited.connect(self._item_edited)
        self.model.invalid_input.connect(self._show_error)
        self._build()
        # After the view's own reset handler, which closes every editor.
        self.model.modelReset.connect(self._open_status_editors)
        self.retranslate()
        self.clear()

    # -- building -------------------------------------------------------------------------------

    def _build(self) -> None:
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet("font-weight: bold;")
        self.counts_label = QLabel()
        self.kind_combo = QComboBox()
        self.add_button = QPushButton()
        self.add_button.clicked.connect(
            lambda: self.add_item(DocumentKind(self.kind_combo.currentData()))
        )
        self.standard_button = QToolButton()
        self.standard_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.standard_menu = QMenu(self)
        self.standard_menu.triggered.connect(lambda a: self.add_standard_checklist(a.data()))
        self.standard_button.setMenu(self.standard_menu)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_selected)
        self.table = self._build_table()
        self.scans = DocumentScans(self._db, self.selected, self.model.infos_of, self)
        self.scans.saved.connect(self._saved)
        self.scans.failed.connect(self._show_error)
        self.error_label = MessageLabel(ERROR_STYLE)

        self.kind_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.kind_combo.setMinimumContentsLength(12)  # the tab must fit beside the case list
        actions = QHBoxLayout()
        for widget in (self.kind_combo, self.add_button, self.standard_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.missing_label)
        layout.addWidget(self.counts_label)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.scans)
        layout.addWidget(self.error_label)

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setItemDelegateForColumn(STATUS, CatalogueDelegate(DocumentStatus, table))
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
        table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        return table

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add document"))
        self.standard_button.setText(self.tr("Add standard checklist"))
        self.remove_button.setText(self.tr("Remove…"))
        _fill_kinds(self.kind_combo)
        self.standard_menu.clear()
        for group in STANDARD_CHECKLISTS:
            de, en = CHECKLIST_LABELS[group]
            action = self.standard_menu.addAction(de if current_language() == "de" else en)
            action.setData(group)
        self.model.refresh()
        self._open_status_editors()
        if self._view is not None:
            self._show_summary(self._view)

    # -- the tab protocol -----------------------------------------------------------------------

    def set_case(self, view: CaseView) -> None:
        """Show this client's checklist and its scans (read with the case); the selected item
        stays selected. While an edit of this client is on its way, its answer is awaited."""
        client_id = view.client.id
        same_client = self._view is not None and self._view.client.id == client_id
        if same_client and self._edits.pending(client_id):
            return  # the checklist read after the edit comes next, and is fresher
        self._show(view)

    def flush(self) -> None:
        """Commit a cell still being edited (holder, date or note).

        Raises InvalidInput for a date that cannot be read; the editor then stays open with it.
        """
        index = self.table.currentIndex()
        editor = self.table.indexWidget(index) if index.isValid() else None
        if editor is None or index.column() == STATUS:
            return
        self.model.last_error = None
        self.table.commitData(editor)
        if self.model.last_error is not None:
            raise self.model.last_error
        if shiboken6.isValid(editor) and self.table.indexWidget(index) is editor:
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def clear(self) -> None:
        """Forget the client: no item, no count, no message is left."""
        self._view = None
        self._edits.forget()  # answers on their way are for a client no longer shown
        self.model.clear()
        self.missing_label.clear()
        self.counts_label.clear()
        self.error_label.clear()
        self.setEnabled(False)
        self._update_buttons()

    # -- what the coordinator does --------------------------------------------------------------

    def selected(self) -> DocumentItem | None:
        """The item of the selected row, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.item_at(rows[0].row()) if rows else None

    def add_item(self, kind: DocumentKind) -> None:
        """Add one item of `kind`, still missing."""
        if self._view is not None:
            item = DocumentItem(self._client_id(), kind)
            self._write(lambda store: casework.add(store, item))

    def add_standard_checklist(self, group: str) -> None:
        """Add the items of a standard checklist that the client has no item of yet."""
        if self._view is not None:
            client_id = self._client_id()
            self._write(lambda store: workspace.add_standard_checklist(store, client_id, group))

    def remove_selected(self) -> None:
        """Remove the selected item (and its scans) after a confirmation."""
        item = self.selected()
        if item is None:
            return
        question = self.tr("Remove “{0}” from the checklist?").replace("{0}", label(item.kind))
        if self.model.scans_of(item.id):
            question += " " + self.tr("Its scans are removed too.")
        if self.confirm(question):
            item_id = item.id
            self._write(lambda store: casework.remove(store, DocumentItem, item_id))

    def set_status(self, item: DocumentItem, status: DocumentStatus) -> None:
        """Set an item's status, as the status combo does."""
        self._item_edited(item, dataclasses.replace(item, status=status))

    # -- questions (replaced in tests) ----------------------------------------------------------

    def confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Checklist"), question)
        return answer == QMessageBox.StandardButton.Yes

    def ask_holder(self) -> str | None:
        """Who keeps the original; None when the coordinator cancels."""
        text, ok = QInputDialog.getText(
            self, self.tr("Original in custody"), self.tr("Who holds the original?")
        )
        return text.strip() if ok else None

    # -- internals ------------------------------------------------------------------------------

    def _client_id(self) -> str:
        assert self._view is not None
        return self._view.client.id

    def _item_edited(self, old: DocumentItem, new: DocumentItem) -> None:
        custody = DocumentStatus.IN_CUSTODY
        if new.status is custody and old.status is not custody:
            holder = self.ask_holder()
            if holder is None:
                self.model.refresh()  # the combo shows the old status again
                return
            new = dataclasses.replace(new, holder=holder, held_since=date.today())
        self.model.replace_row(new)  # shown at once: the next edit builds on it
        self._write(lambda store: casework.save(store, new))

    def _write(self, write: Write) -> None:
        """Send one edit to the worker; `changed` follows with the checklist read after it."""
        self._send(write, saved=True)

    def _saved(self) -> None:
        """A scan was attached or removed: show the checklist as it is stored now."""
        self._send(lambda _store: None, saved=True)

    def _send(self, write: Write, *, saved: bool) -> None:
        """`write` and a fresh read of the checklist on the worker; `saved`: it is an edit
        (`changed` follows), else only a read."""
        if self._view is None or not self._db.is_open:
            return
        client_id = self._client_id()
        self._sent += 1
        sent = self._sent if saved else 0
        self._edits.send(
            client_id,
            write,
            lambda view, latest: self._written(client_id, sent, view, latest),
            lambda error, latest: self._not_written(client_id, saved, error, latest),
        )

    def _written(self, client_id: str, sent: int, view: CaseView, latest: bool) -> None:
        """The answer to `_send`; `sent` is the edit's number (0: only a read)."""
        if self._shows(client_id):
            if sent > self._error_sent:  # a message that came up after this edit stays
                self.error_label.clear()
            if latest:  # else the answer of the next edit is fresher
                self._show(view)
        if sent:
            self.changed.emit()

    def _not_written(self, client_id: str, saved: bool, error: BaseException, latest: bool) -> None:
        if not self._shows(client_id):
            self._db.report(error)  # another client is shown now: say it in a message box
            return
        self._show_error(error_said(error))
        if saved and latest:
            self._send(lambda _store: None, saved=False)  # show what is stored, not the edit

    def _shows(self, client_id: str) -> bool:
        return self._view is not None and self._view.client.id == client_id

    def _show(self, view: CaseView) -> None:
        selected = self.selected()
        same_client = self._view is not None and self._view.client.id == view.client.id
        self._view = view
        self.model.set_items(view.documents, view.scans, date.today())
        if same_client and selected is not None:
            self._select(selected.id)
        self._show_summary(view)
        self.setEnabled(True)
        self._update_buttons()

    def _show_error(self, message: LiveText) -> None:
        self.error_label.say(message)
        self._error_sent = self._sent

    def _show_summary(self, view: CaseView) -> None:
        state = view.checklist(date.today())
        if not state.total:
            self.missing_label.setText(self.tr("No documents on the checklist yet."))
        elif state.complete:
            self.missing_label.setText(self.tr("Nothing missing."))
        else:
            names = ", ".join(label(kind) for kind in state.missing_kinds)
            self.missing_label.setText(self.tr("Still missing: {0}").replace("{0}", names))
        self.counts_label.setText(
            self.tr(
                "{5} on the checklist: {0} present, {1} missing, {2} requested, {3} expired, "
                "{4} in custody"
            )
            .replace("{5}", str(state.total))
            .replace("{0}", str(state.present))
            .replace("{1}", str(state.missing))
            .replace("{2}", str(state.requested))
            .replace("{3}", str(state.expired))
            .replace("{4}", str(state.in_custody))
        )

    def _select(self, item_id: str) -> None:
        row = self.model.row_of(item_id)
        if row >= 0:
            self.table.selectRow(row)

    def _open_status_editors(self) -> None:
        for row in range(self.model.rowCount()):
            index = self.model.index(row, STATUS)
            self.table.closePersistentEditor(index)
            self.table.openPersistentEditor(index)

    def _update_buttons(self) -> None:
        has_case = self._view is not None
        for button in (self.add_button, self.standard_button, self.kind_combo):
            button.setEnabled(has_case)
        self.remove_button.setEnabled(self.selected() is not None)
        self.scans.update_buttons()


def _fill_kinds(combo: QComboBox) -> None:
    """Every document kind by its label, keeping the current choice."""
    current = combo.currentData()
    combo.clear()
    for kind in DocumentKind:
        combo.addItem(label(kind), kind.value)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current)))
