"""The selected client's case in six tabs; nothing typed is lost when the case changes.

Every tab follows one protocol: `__init__(store, parent=None)`, `set_case(view)`, `flush()` (save
what is typed but not saved yet), `clear()` (forget and hide all data) and the signal `changed`
(emitted after the tab saved something). The overview tab also has `open_client(client_id)`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import WelcomeDeskError
from desktop.services import audit
from desktop.services.casefile import Store
from desktop.services.workspace import CaseView, load_case
from desktop.ui.widgets.i18n import Retranslating, current_language


class CaseTab(Protocol):
    """What the workspace asks of a tab (the tabs are QWidgets as well)."""

    changed: SignalInstance

    def set_case(self, view: CaseView) -> None: ...
    def flush(self) -> None: ...
    def clear(self) -> None: ...


TabType = Callable[[Store, QWidget | None], Any]


def default_tab_types() -> list[TabType]:
    """Overview, Integration plan, Documents, Appointments, Notes, Network."""
    from desktop.ui.workspace.appointments.appointments_tab import AppointmentsTab
    from desktop.ui.workspace.documents.documents_tab import DocumentsTab
    from desktop.ui.workspace.network_tab import NetworkTab
    from desktop.ui.workspace.notes_tab import NotesTab
    from desktop.ui.workspace.overview.overview_tab import OverviewTab
    from desktop.ui.workspace.plan.plan_tab import PlanTab

    return [OverviewTab, PlanTab, DocumentsTab, AppointmentsTab, NotesTab, NetworkTab]


def _tab_titles() -> dict[str, str]:
    # Literal strings: pyside6-lupdate only finds translate() calls written out.
    return {
        "OverviewTab": QCoreApplication.translate("CaseWorkspace", "&Overview"),
        "PlanTab": QCoreApplication.translate("CaseWorkspace", "Integration &plan"),
        "DocumentsTab": QCoreApplication.translate("CaseWorkspace", "&Documents"),
        "AppointmentsTab": QCoreApplication.translate("CaseWorkspace", "&Appointments"),
        "NotesTab": QCoreApplication.translate("CaseWorkspace", "No&tes"),
        "NetworkTab": QCoreApplication.translate("CaseWorkspace", "Net&work"),
    }


class CaseWorkspace(Retranslating, QWidget):
    """Shows one client at a time; `show_client(id)` saves the tabs' pending edits first.

    Signals: `saved(datetime)` after a tab saved, `client_changed(client_id)` for the case
    list, `unsaved()` when the user types into a tab, `open_client(client_id)` from the overview.
    """

    saved = Signal(object)
    client_changed = Signal(str)
    unsaved = Signal()
    open_client = Signal(str)

    def __init__(
        self,
        store: Store | None,
        parent: QWidget | None = None,
        *,
        tab_types: Sequence[TabType] | None = None,
    ) -> None:
        super().__init__(parent)
        self._tab_types = list(tab_types) if tab_types is not None else None
        self._store: Store | None = None
        self._tabs: list[Any] = []
        self._view: CaseView | None = None
        self._dirty = False
        self._quiet = False  # flushing on the way to another case or to the lock: no reload
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)  # after the tab's own slot has returned
        self._reload_timer.timeout.connect(self._reload)

        self.tab_widget = QTabWidget()
        self.tab_widget.setDocumentMode(True)
        self.history_button = QPushButton()  # the case's audit trail, beside the tabs
        self.history_button.clicked.connect(self.show_history)
        self.tab_widget.setCornerWidget(self.history_button, Qt.Corner.TopRightCorner)
        self._placeholder = QLabel()
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._placeholder.setWordWrap(True)
        self._placeholder.setEnabled(False)  # greyed out: a hint, not content
        self._pages = QStackedWidget()
        self._pages.addWidget(self._placeholder)
        self._pages.addWidget(self.tab_widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._pages)
        self.retranslate()
        if store is not None:
            self.set_store(store)

    def retranslate(self) -> None:
        self._placeholder.setText(self.tr("Select a person in the list, or add one with Ctrl+N."))
        self.history_button.setText(self.tr("Histor&y…"))
        titles = _tab_titles()
        for index, tab in enumerate(self._tabs):
            name = type(tab).__name__
            self.tab_widget.setTabText(index, titles.get(name, name))

    # -- what the window calls -------------------------------------------------------------

    @property
    def tabs(self) -> list[Any]:
        """The tab widgets, in order."""
        return list(self._tabs)

    @property
    def view(self) -> CaseView | None:
        """The case shown now."""
        return self._view

    @property
    def client_id(self) -> str | None:
        return self._view.client.id if self._view else None

    @property
    def has_unsaved(self) -> bool:
        """True after typing into a tab until the next save."""
        return self._dirty

    def set_store(self, store: Store | None) -> None:
        """Build fresh tabs over a (newly unlocked) store; None drops them (locking)."""
        self.clear()
        for tab in self._tabs:
            tab.deleteLater()
        self._tabs = []
        self.tab_widget.clear()
        self._store = store
        if store is None:
            return
        for tab_type in self._tab_types if self._tab_types is not None else default_tab_types():
            tab = tab_type(store, None)
            tab.changed.connect(self._tab_changed)
            if hasattr(tab, "open_client"):
                tab.open_client.connect(self.open_client)
            if hasattr(tab, "edited"):  # optional: a tab may say when it holds unsaved text
                tab.edited.connect(self._mark_unsaved)
            self._tabs.append(tab)
            self.tab_widget.addTab(tab, "")
        self.retranslate()

    def show_client(self, client_id: str) -> bool:
        """Save what is typed in the tabs, then show another client. False if that failed."""
        if self._store is None:
            return False
        if not self.save_pending():
            return False
        self._reload_timer.stop()
        view = load_case(self._store, client_id)
        self._show(view)
        audit.opened(self._store, client_id)  # once per case while the file stays unlocked
        return True

    def show_history(self) -> QWidget | None:
        """The audit trail of the case shown (modal); None if no case is shown."""
        if self._store is None or self._view is None or not self.save_pending():
            return None
        from desktop.ui.protection.audit_view import AuditLogDialog

        dialog = AuditLogDialog(self._store, self, self._view.client.id)
        dialog.exec()
        return dialog

    def flush(self) -> None:
        """Save whatever is typed but not yet saved in any tab (WelcomeDeskError if invalid)."""
        if self._view is None:
            return  # no case shown: nothing can have been typed
        self._quiet = True
        try:
            for tab in self._tabs:
                tab.flush()
        finally:
            self._quiet = False

    def clear(self) -> None:
        """Forget the case; every tab forgets and hides its data."""
        self._reload_timer.stop()
        self._view = None
        self._dirty = False
        for tab in self._tabs:
            tab.clear()
        self._pages.setCurrentWidget(self._placeholder)

    def reload(self) -> None:
        """Read the shown case again (something outside the tabs changed it)."""
        if self._view is not None and self._store is not None:
            self._reload()

    # -- reacting --------------------------------------------------------------------------

    def save_pending(self) -> bool:
        """`flush()`, and if a typed value cannot be saved, say so and return False."""
        try:
            self.flush()
        except WelcomeDeskError as error:
            QMessageBox.warning(
                self,
                self.tr("Not saved"),
                self.tr("A change in this case could not be saved: {0}").replace(
                    "{0}", error.text(current_language())
                ),
            )
            return False
        return True

    def _show(self, view: CaseView) -> None:
        self._view = view
        for tab in self._tabs:
            tab.set_case(view)
        self._pages.setCurrentWidget(self.tab_widget)

    def _tab_changed(self) -> None:
        if self._view is None:
            return
        self._dirty = False
        self.saved.emit(datetime.now())
        self.client_changed.emit(self._view.client.id)
        if not self._quiet:
            self._reload_timer.start()  # once, however many tabs saved

    def _reload(self) -> None:
        if self._view is None or self._store is None:
            return
        client_id = self._view.client.id
        self._quiet = True
        try:
            for tab in self._tabs:  # a tab's half-typed text must not be overwritten
                tab.flush()
        except WelcomeDeskError:
            pass  # the tab keeps the invalid text on screen; the rest is shown fresh
        finally:
            self._quiet = False
        self._show(load_case(self._store, client_id))

    def _mark_unsaved(self) -> None:
        if self._view is not None and not self._dirty:
            self._dirty = True
            self.unsaved.emit()

    def showEvent(self, event: QShowEvent) -> None:
        app = QCoreApplication.instance()
        if app is not None:  # keys typed into the tabs are watched only while they are shown
            app.installEventFilter(self)
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        super().hideEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and self._view is not None
            and isinstance(watched, QWidget)
            and isinstance(event, QKeyEvent)
            and event.text()
            and _editable(watched)
            and self.isAncestorOf(watched)
        ):
            self._mark_unsaved()
        return False


def _editable(widget: QWidget) -> bool:
    if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)):
        return not widget.isReadOnly()
    if isinstance(widget, QAbstractSpinBox):
        return not widget.isReadOnly()
    return isinstance(widget, QComboBox) and widget.isEditable()
