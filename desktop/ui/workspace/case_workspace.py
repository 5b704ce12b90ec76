"""The selected client's case in six tabs; nothing typed is lost when the case changes.

Every tab follows one protocol: `__init__(db, parent=None)`, `set_case(view)`, `flush()` (check
what is typed but not saved yet and send its save to the database worker; an invalid value raises
WelcomeDeskError at once), `clear()` (forget and hide all data) and the signal `changed` (emitted
when a save of the tab has reached the case file). The overview tab also has `open_client`.

The case is read by the worker on the "case" channel: a save sent by `flush()` is queued before
the read of the next case, so the next case never misses it, and only the newest case asked
for is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
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

from desktop.domain.errors import NotFound, WelcomeDeskError
from desktop.services.workspace import CaseView, load_case, open_case
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.i18n import Retranslating, current_language


class CaseTab(Protocol):
    """What the workspace asks of a tab (the tabs are QWidgets as well)."""

    changed: SignalInstance

    def set_case(self, view: CaseView) -> None: ...
    def flush(self) -> None: ...
    def clear(self) -> None: ...


TabType = Callable[[DbWorker, QWidget | None], Any]


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
        "PlanTab": QCoreApplication.translate("CaseWorkspace", "&Integration plan"),
        "DocumentsTab": QCoreApplication.translate("CaseWorkspace", "&Documents"),
        "AppointmentsTab": QCoreApplication.translate("CaseWorkspace", "&Appointments"),
        "NotesTab": QCoreApplication.translate("CaseWorkspace", "No&tes"),
        "NetworkTab": QCoreApplication.translate("CaseWorkspace", "Net&work"),
    }


class CaseWorkspace(Retranslating, QWidget):
    """Shows one client at a time; `show_client(id)` saves the tabs' pending edits first.

    `want_tab(client_id, name)` brings a tab to the front once that client's case is shown (the
    agenda opens a deadline on the tab that holds it).

    Signals: `saved(datetime)` after a tab saved, `case_shown()` when a case read by the
    worker is on screen, `client_changed(client_id)` for the case list, `unsaved()` when the
    user types into a tab, `open_client(client_id)` from the overview.
    """

    saved = Signal(object)
    case_shown = Signal()
    client_changed = Signal(str)
    unsaved = Signal()
    open_client = Signal(str)

    def __init__(
        self,
        db: DbWorker,
        parent: QWidget | None = None,
        *,
        tab_types: Sequence[TabType] | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._tabs: list[Any] = []
        self._view: CaseView | None = None
        self._pending: str | None = None  # the client whose case the worker is reading
        self._wanted_tab: tuple[str, str] | None = None  # (client id, tab) to show on arrival
        self._dirty = False
        self._quiet = False  # flushing on the way to another case or to the lock: no reload
        self._focus_when_shown = False  # the case asked for is to get the focus once shown
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
        for tab_type in list(tab_types) if tab_types is not None else default_tab_types():
            self._add_tab(tab_type(db, None))
        self.retranslate()

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

    def _add_tab(self, tab: Any) -> None:
        tab.changed.connect(self._tab_changed)
        if hasattr(tab, "open_client"):
            tab.open_client.connect(self.open_client)
        if hasattr(tab, "edited"):  # optional: a tab may say when it holds unsaved text
            tab.edited.connect(self._mark_unsaved)
        self._tabs.append(tab)
        self.tab_widget.addTab(tab, "")

    def show_client(self, client_id: str) -> bool:
        """Save what is typed in the tabs, then show another client (when the worker has read
        the case). False if a typed value is invalid: then the case shown stays."""
        if self._wanted_tab is not None and self._wanted_tab[0] != client_id:
            self._wanted_tab = None  # another case was chosen first
        if not self._db.is_open or not self.save_pending():
            self._wanted_tab = None
            return False
        self._reload_timer.stop()
        self._read(client_id, open_case)
        return True

    def focus_case(self) -> None:
        """The focus into the first field of the tab shown (once a case on its way is shown)."""
        if self._pending is not None or self._view is None:
            self._focus_when_shown = True
            return
        self._focus_first_field()

    def step_tab(self, step: int) -> None:
        """The next (`step` 1) or previous (-1) tab, wrapping round; if the focus was in the
        tab left, it goes to the first field of the tab shown."""
        count = self.tab_widget.count()
        if count == 0 or self._view is None:
            return
        focused = QApplication.focusWidget()
        focus_inside = focused is not None and self.tab_widget.isAncestorOf(focused)
        self.tab_widget.setCurrentIndex((self.tab_widget.currentIndex() + step) % count)
        if focus_inside:
            self._focus_first_field()

    def show_tab(self, name: str) -> bool:
        """Bring the tab of this class ("DocumentsTab") to the front; False if there is none."""
        for index, tab in enumerate(self._tabs):
            if type(tab).__name__ == name:
                self.tab_widget.setCurrentIndex(index)
                return True
        return False

    def want_tab(self, client_id: str, name: str) -> None:
        """Show the tab `name` once the case of `client_id` is on screen: now if it is shown,
        else when the worker has read it (a wish another case chosen first drops)."""
        if self._pending is None and self.client_id == client_id:
            self._wanted_tab = None
            self.show_tab(name)
        else:
            self._wanted_tab = (client_id, name)

    def show_history(self) -> QWidget | None:
        """The audit trail of the case shown (not modal); None if no case is shown."""
        if self._view is None or not self.save_pending():
            return None
        from desktop.ui.protection.audit_view import AuditLogDialog

        dialog = AuditLogDialog(self._db, self, self._view.client.id)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
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
        """Forget the case; every tab forgets and hides its data (locking)."""
        self._reload_timer.stop()
        self._view = None
        self._pending = None
        self._wanted_tab = None
        self._dirty = False
        self._focus_when_shown = False
        for tab in self._tabs:
            tab.clear()
        self._pages.setCurrentWidget(self._placeholder)

    def reload(self) -> None:
        """Read the shown case again (something outside the tabs changed it)."""
        if self._view is not None:
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
        self._pending = None
        self._view = view
        for tab in self._tabs:
            tab.set_case(view)
        wanted, self._wanted_tab = self._wanted_tab, None
        if wanted is not None and wanted[0] == view.client.id:
            self.show_tab(wanted[1])
        self._pages.setCurrentWidget(self.tab_widget)
        self.case_shown.emit()
        if self._focus_when_shown:
            self._focus_when_shown = False
            self._focus_first_field()

    def _focus_first_field(self) -> None:
        page = self.tab_widget.currentWidget()
        if page is None:
            return
        widget: QWidget | None = page.nextInFocusChain()
        for _ in range(2000):  # the chain is a circle through the whole window
            if widget is None or widget is page:
                break
            tab_focus = widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value
            if (
                tab_focus
                and page.isAncestorOf(widget)
                and widget.isVisible()
                and widget.isEnabled()
            ):
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return
            widget = widget.nextInFocusChain()
        self.tab_widget.tabBar().setFocus(Qt.FocusReason.TabFocusReason)

    def _tab_changed(self) -> None:
        if self._view is None:
            return
        self._dirty = False
        self.saved.emit(datetime.now())
        self.client_changed.emit(self._view.client.id)
        if not self._quiet and self._pending is None:  # a case on its way is read fresh
            self._reload_timer.start()  # once, however many tabs saved

    def _reload(self) -> None:
        if self._view is None or self._pending is not None:
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
        self._read(client_id, load_case)

    def _read(self, client_id: str, read: Callable[[Any, str], CaseView]) -> None:
        """Ask the worker for a case; only the newest case asked for is shown."""
        self._pending = client_id
        self._db.run(
            lambda store: read(store, client_id), self._show, self._not_read, channel="case"
        )

    def _not_read(self, error: BaseException) -> None:
        self._pending = None
        if isinstance(error, NotFound):  # deleted or erased meanwhile (a colleague's bundle)
            self.clear()
        else:
            self._db.report(error)

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
