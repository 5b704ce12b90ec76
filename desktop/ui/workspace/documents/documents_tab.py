"""The document checklist of one client: what is there, who holds it, what is still missing."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date

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
from desktop.domain.errors import WelcomeDeskError
from desktop.domain.model import DocumentItem
from desktop.domain.rules import CHECKLIST_LABELS, STANDARD_CHECKLISTS
from desktop.services import casework, workspace
from desktop.services.casefile import Store
from desktop.services.workspace import CaseView
from desktop.ui.widgets.formatting import label
from desktop.ui.widgets.i18n import Retranslating, current_language
from desktop.ui.widgets.status_combo_delegate import CatalogueDelegate
from desktop.ui.widgets.style import ERROR_STYLE
from desktop.ui.workspace.documents.documents_model import STATUS, DocumentsModel
from desktop.ui.workspace.documents.documents_scans import DocumentScans


class DocumentsTab(Retranslating, QWidget):
    """The checklist table, "still missing" at a glance, and the actions on items and scans."""

    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._view: CaseView | None = None
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
        self.scans = DocumentScans(self._store, self.selected, self)
        self.scans.saved.connect(self._saved)
        self.scans.failed.connect(self._show_error)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)

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
        """Show this client's checklist; the selected item stays selected."""
        selected = self.selected()
        same_client = self._view is not None and self._view.client.id == view.client.id
        self._view = view
        scans = {item.id: self.scans.names_of(item.id) for item in view.documents}
        self.model.set_items(view.documents, scans, date.today())
        if same_client and selected is not None:
            self._select(selected.id)
        self._show_summary(view)
        self.setEnabled(True)
        self._update_buttons()

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
            self._write(lambda: casework.add(self._store, DocumentItem(self._client_id(), kind)))

    def add_standard_checklist(self, group: str) -> None:
        """Add the items of a standard checklist that the client has no item of yet."""
        if self._view is not None:
            client_id = self._client_id()
            self._write(lambda: workspace.add_standard_checklist(self._store, client_id, group))

    def remove_selected(self) -> None:
        """Remove the selected item (and its scans) after a confirmation."""
        item = self.selected()
        if item is None:
            return
        question = self.tr("Remove “{0}” from the checklist?").replace("{0}", label(item.kind))
        if self.scans.names_of(item.id):
            question += " " + self.tr("Its scans are removed too.")
        if self.confirm(question):
            self._write(lambda: casework.remove(self._store, DocumentItem, item.id))

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
        self._write(lambda: casework.save(self._store, new))

    def _write(self, work: Callable[[], object]) -> None:
        try:
            work()
        except (WelcomeDeskError, OSError) as error:
            self._show_error(_message(error))
            self.model.refresh()
            return
        self._saved()

    def _saved(self) -> None:
        self.error_label.clear()
        if self._view is not None:
            self.set_case(workspace.load_case(self._store, self._client_id()))
        self.changed.emit()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)

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


def _message(error: Exception) -> str:
    if isinstance(error, WelcomeDeskError):
        return error.text(current_language())
    return str(error)
