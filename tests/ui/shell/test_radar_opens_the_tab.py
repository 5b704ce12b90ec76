"""From the radar to the case, through the main window: each deadline opens on its tab."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from desktop.domain.catalogues import DocumentKind, DocumentStatus, PlanStatus, ResidenceStatus
from desktop.domain.model import Client, DocumentItem, IntegrationPlan
from desktop.services import casework
from desktop.store.store import Store
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.widgets.db_worker import DbWorker

TODAY = date.today()  # the window's agenda counts from the real day


@pytest.fixture
def window(
    qtbot: QtBot, db: DbWorker, store: Store, case_root: Path, add: Callable[..., Client]
) -> MainWindow:
    omar = add(
        family_name="Rahimi",
        given_names="Omar",
        residence_status=ResidenceStatus.DULDUNG,
        status_valid_until=TODAY - timedelta(days=49),
    )
    lea = add(family_name="Berg", given_names="Lea")
    casework.add(
        store,
        IntegrationPlan(omar.id, status=PlanStatus.AGREED, review_on=TODAY - timedelta(days=5)),
        DocumentItem(
            lea.id,
            DocumentKind.PASSPORT,
            status=DocumentStatus.IN_CUSTODY,
            held_since=TODAY - timedelta(weeks=6),
        ),
    )
    window = MainWindow(db, case_root)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(db.is_idle, timeout=10_000)
    return window


def deadline_row(window: MainWindow, what: str) -> QTreeWidgetItem:
    tree = window.agenda.radar.tree
    rows = [
        tree.topLevelItem(g).child(r)
        for g in range(tree.topLevelItemCount())
        for r in range(tree.topLevelItem(g).childCount())
    ]
    return next(row for row in rows if row.text(1) == what)


def open_from_radar(window: MainWindow, qtbot: QtBot, what: str) -> None:
    """Go to the agenda, select the deadline and press Enter."""
    window.agenda_action.trigger()
    qtbot.waitUntil(window.db.is_idle, timeout=10_000)
    tree = window.agenda.radar.tree
    tree.setFocus()
    tree.setCurrentItem(deadline_row(window, what))
    qtbot.keyClick(tree, Qt.Key.Key_Return)


def tab_shown(window: MainWindow) -> str:
    return type(window.workspace.tab_widget.currentWidget()).__name__


def test_enter_on_a_deadline_opens_the_case_on_the_tab_that_holds_it(
    window: MainWindow, qtbot: QtBot, store: Store
) -> None:
    omar, lea = (c for c in sorted(store.all(Client), key=lambda c: c.family_name, reverse=True))
    assert tab_shown(window) == "OverviewTab"

    open_from_radar(window, qtbot, "Original held in custody over 4 weeks")
    qtbot.waitUntil(lambda: window.workspace.client_id == lea.id)
    assert window.case_list.isVisible()
    assert tab_shown(window) == "DocumentsTab"

    open_from_radar(window, qtbot, "Integration plan review")
    qtbot.waitUntil(lambda: window.workspace.client_id == omar.id)
    assert tab_shown(window) == "PlanTab"

    # The same case again, shown already: only the tab changes.
    open_from_radar(window, qtbot, "Residence status expires")
    qtbot.waitUntil(lambda: window.case_list.isVisible() and tab_shown(window) == "OverviewTab")
    assert window.workspace.client_id == omar.id


def test_a_case_chosen_in_the_list_keeps_the_tab_the_coordinator_is_on(
    window: MainWindow, qtbot: QtBot, store: Store
) -> None:
    lea = next(c for c in store.all(Client) if c.family_name == "Berg")
    window.workspace.want_tab(lea.id, "DocumentsTab")
    window.workspace.show_tab("NotesTab")
    omar = next(c for c in store.all(Client) if c.family_name == "Rahimi")
    window.cases.reveal(omar)  # another case first: the wish for Lea's is dropped
    qtbot.waitUntil(lambda: window.workspace.client_id == omar.id)
    window.cases.reveal(lea)
    qtbot.waitUntil(lambda: window.workspace.client_id == lea.id)
    qtbot.waitUntil(window.db.is_idle)
    assert tab_shown(window) == "NotesTab"
