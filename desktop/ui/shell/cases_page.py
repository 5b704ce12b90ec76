"""The window's working page: the case list beside the workspace of the client selected there.

Choosing a row shows that client (after the tabs' typed text is saved; if it cannot be, the
case shown stays and its row is selected again); a client opened from elsewhere (the agenda, a
household member, a new client) is found in the list first, filters reset if need be.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QWidget

from desktop.domain.model import Client
from desktop.ui.case_list.case_list import CaseList
from desktop.ui.workspace.case_workspace import CaseWorkspace


class CasesPage(QSplitter):
    """`case_list` on the left, `workspace` on the right."""

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
        case_list.current_changed.connect(self.show_client)
        workspace.client_changed.connect(case_list.model.refresh_client)

    def show_client(self, client_id: str) -> None:
        """Show this client in the workspace, unless the case shown cannot be left."""
        if client_id == self.workspace.client_id:
            return
        if not self.workspace.show_client(client_id):
            view = self.workspace.view  # the old case could not be saved: stay there
            if view is not None:
                self.case_list.select_client(view.client)

    def reveal(self, client: Client) -> None:
        """Select `client` in the list (found there first) and show their case."""
        self.case_list.select_client(client)
        self.show_client(client.id)
