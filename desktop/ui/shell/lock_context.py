"""What was on screen when the case file was locked, shown again after unlocking."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from desktop.services.clients import ClientQuery
from desktop.ui.agenda.agenda_view import AgendaView
from desktop.ui.case_list.case_list import CaseList
from desktop.ui.workspace.case_workspace import CaseWorkspace


class _Window(Protocol):
    """What of the main window a lock context reads and sets."""

    workspace: CaseWorkspace
    case_list: CaseList
    agenda: AgendaView

    def open_client(self, client_id: str) -> None: ...
    def show_agenda(self) -> None: ...


@dataclass(frozen=True)
class LockContext:
    """The page, search, case and tab on screen when the case file was locked. Kept in memory
    only, while the app runs (the search may hold a name): never written anywhere."""

    agenda: bool
    query: ClientQuery
    client_id: str | None
    tab: str | None

    @classmethod
    def of(cls, window: _Window) -> LockContext:
        """What the coordinator is looking at in `window`."""
        tab = window.workspace.tab_widget.currentWidget()
        return cls(
            agenda=window.agenda.isVisibleTo(window.agenda.window()),
            query=window.case_list.query(),
            client_id=window.workspace.client_id,
            tab=type(tab).__name__ if tab is not None else None,
        )

    def show_again(self, window: _Window) -> None:
        """The search, the case and its tab (or the agenda) of before the lock."""
        window.case_list.set_query(self.query)
        if self.client_id is not None:
            if self.tab is not None:
                window.workspace.want_tab(self.client_id, self.tab)
            window.open_client(self.client_id)  # after the search: found among its rows
        if self.agenda:
            window.show_agenda()
