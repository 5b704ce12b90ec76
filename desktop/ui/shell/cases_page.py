"""The window's working page: the case list beside the workspace of the client selected there.

Choosing a row shows that client (after the tabs' typed text is saved; if it cannot be, the
case shown stays and its row is selected again); a client opened from elsewhere (the agenda, a
household member, a new client) is found in the list first, filters reset if need be.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QApplication, QSplitter, QWidget

from desktop.domain.model import Client
from desktop.ui.case_list.case_list import CaseList
from desktop.ui.widgets.geometry import remember_splitter
from desktop.ui.workspace.case_workspace import CaseWorkspace

NEXT_TAB = ("Ctrl+Tab", "Ctrl+PgDown")
PREVIOUS_TAB = ("Ctrl+Shift+Tab", "Ctrl+Backtab", "Ctrl+PgUp")


class CasesPage(QSplitter):
    """`case_list` on the left, `workspace` on the right.

    Keys anywhere on the page: Enter on a row (or in the search) opens the case with the focus
    in its first field; Esc goes back to the search (an edit in a table is cancelled first);
    Ctrl+Tab / Ctrl+PgDn and Ctrl+Shift+Tab / Ctrl+PgUp switch the case's tabs, also from the
    list.
    """

    def __init__(
        self, case_list: CaseList, workspace: CaseWorkspace, parent: QWidget | None = None
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.case_list = case_list
        self.workspace = workspace
        self.addWidget(case_list)
        self.addWidget(workspace)
        self.setStretchFactor(0, 2)
        self.setStretchFactor(1, 3)
        self.setChildrenCollapsible(False)
        self.setSizes([560, 720])
        remember_splitter(self, "cases")
        case_list.current_changed.connect(self.show_client)
        case_list.opened.connect(self._open)
        workspace.client_changed.connect(case_list.model.refresh_client)
        self._shortcuts = [
            self._shortcut("Esc", self._escape),
            *(self._shortcut(keys, lambda: workspace.step_tab(1)) for keys in NEXT_TAB),
            *(self._shortcut(keys, lambda: workspace.step_tab(-1)) for keys in PREVIOUS_TAB),
        ]

    def _shortcut(self, keys: str, slot: Callable[[], object]) -> QShortcut:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)
        return shortcut

    def show_client(self, client_id: str) -> None:
        """Show this client in the workspace, unless the case shown cannot be left."""
        if client_id == self.workspace.client_id:
            return
        if not self.workspace.show_client(client_id):
            view = self.workspace.view  # the old case could not be saved: stay there
            if view is not None:
                self.case_list.select_client(view.client)

    def _open(self, client_id: str) -> None:
        self.show_client(client_id)
        self.workspace.focus_case()  # now, or once the case on its way is shown

    def _escape(self) -> None:
        focused = QApplication.focusWidget()
        view = _editing_view(focused)
        if view is not None and focused is not None:  # Esc first ends the edit, as without us
            QApplication.sendEvent(
                focused,
                QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
            )
            return
        if focused is self.case_list.search:
            self.case_list.search.clear()
            return
        self.case_list.focus_search()

    def reveal(self, client: Client) -> None:
        """Select `client` in the list (found there first) and show their case."""
        self.case_list.select_client(client)
        self.show_client(client.id)


def _editing_view(widget: QWidget | None) -> QAbstractItemView | None:
    """The item view in which `widget` is an open editor, if it is one."""
    while widget is not None:
        if isinstance(widget, QAbstractItemView):
            editing = widget.state() == QAbstractItemView.State.EditingState
            return widget if editing else None
        widget = widget.parentWidget()
    return None
