"""Monday triage on the radar, offscreen over a real case file: groups, done, snoozed, reopened."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QTreeWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.catalogues import (
    DocumentKind,
    DocumentStatus,
    MarkStatus,
    PlanStatus,
    ResidenceStatus,
)
from desktop.domain.model import Client, DeadlineMark, DocumentItem, IntegrationPlan
from desktop.services import casework
from desktop.services.casefile import Store
from desktop.ui.agenda.deadline_radar import DeadlineRadar
from desktop.ui.agenda.snooze_dialog import SnoozeDialog
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.i18n import set_language

Settle = Callable[[DbWorker], None]

TODAY = date(2026, 11, 25)  # a Wednesday: this week runs to Sunday the 29th
RED = "#b3261e"


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


@pytest.fixture
def people(store: Store, add: Callable[..., Client]) -> dict[str, Client]:
    """Monday's mix: a Duldung and a § 104c stay run out among plan reviews and papers."""
    omar = add(
        family_name="Rahimi",
        given_names="Omar",
        residence_status=ResidenceStatus.DULDUNG,
        status_valid_until=days(-49),
    )
    sara = add(
        family_name="Tesfay",
        given_names="Sara",
        residence_status=ResidenceStatus.CHANCENAUFENTHALT,
        status_valid_until=days(-2),
    )
    lea = add(
        family_name="Berg",
        given_names="Lea",
        residence_status=ResidenceStatus.FIKTION,
        status_valid_until=days(12),
    )
    casework.add(
        store,
        IntegrationPlan(omar.id, status=PlanStatus.AGREED, review_on=days(-60)),
        IntegrationPlan(sara.id, status=PlanStatus.AGREED, review_on=days(-1)),
        DocumentItem(
            lea.id, DocumentKind.PASSPORT, status=DocumentStatus.COPY_ON_FILE, expires_on=days(3)
        ),
    )
    return {"omar": omar, "sara": sara, "lea": lea}


@pytest.fixture
def radar(qtbot: QtBot, people: dict[str, Client], db: DbWorker, settle: Settle) -> DeadlineRadar:
    radar = DeadlineRadar(db)
    qtbot.addWidget(radar)
    radar.resize(900, 600)
    radar.refresh(TODAY)
    radar.show()
    qtbot.waitExposed(radar)
    settle(db)
    return radar


def headings(radar: DeadlineRadar) -> list[QTreeWidgetItem]:
    tree = radar.tree
    return [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]


def rows(radar: DeadlineRadar) -> dict[str, list[tuple[str, str, str]]]:
    """Each group heading with its rows as (due, what, client)."""
    return {
        h.text(0): [
            (h.child(r).text(0), h.child(r).text(1), h.child(r).text(2))
            for r in range(h.childCount())
        ]
        for h in headings(radar)
    }


def marks(store: Store) -> list[DeadlineMark]:
    return list(store.all(DeadlineMark))


def test_groups_count_their_kinds_and_put_legal_deadlines_first(radar: DeadlineRadar) -> None:
    assert rows(radar) == {
        "Overdue (4) — 1 residence, 1 § 104c, 2 plan review": [
            (f"{days(-49)} (overdue)", "Residence status expires", "Rahimi, Omar"),
            (f"{days(-2)} (overdue)", "Opportunity residence ends (§ 104c)", "Tesfay, Sara"),
            (f"{days(-60)} (overdue)", "Integration plan review", "Rahimi, Omar"),
            (f"{days(-1)} (overdue)", "Integration plan review", "Tesfay, Sara"),
        ],
        "This week (1) — 1 document expiry": [
            (days(3).isoformat(), "Document expires", "Berg, Lea"),
        ],
        "Next weeks (1) — 1 residence": [
            (days(12).isoformat(), "Residence status expires", "Berg, Lea"),
        ],
    }
    overdue, week, _later = headings(radar)
    assert all(h.isExpanded() and h.font(0).bold() for h in headings(radar))
    assert overdue.foreground(0).color().name() == RED
    assert week.foreground(0).color().name() != RED
    assert overdue.child(0).foreground(0).color().name() == RED
    assert week.child(0).foreground(0).color().name() != RED


def test_the_headings_speak_german(radar: DeadlineRadar, qtbot: QtBot) -> None:
    set_language("de")
    try:
        expected = "Überfällig (4) — 1 Aufenthalt, 1 § 104c, 2 Planüberprüfung"
        qtbot.waitUntil(lambda: headings(radar)[0].text(0) == expected)
        assert headings(radar)[1].text(0) == "Diese Woche (1) — 1 Dokumentablauf"
        assert radar.done_button.text() == "&Erledigt"
    finally:
        set_language("en")


def test_enter_folds_a_heading_and_opens_a_deadline_on_its_tab(
    radar: DeadlineRadar, qtbot: QtBot, people: dict[str, Client]
) -> None:
    tree = radar.tree
    tree.setFocus()
    overdue = headings(radar)[0]
    tree.setCurrentItem(overdue)
    with qtbot.assertNotEmitted(radar.open_case):
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert not overdue.isExpanded()
    qtbot.keyClick(tree, Qt.Key.Key_Enter)
    assert overdue.isExpanded()
    expected = {
        "Residence status expires": "OverviewTab",
        "Opportunity residence ends (§ 104c)": "OverviewTab",
        "Integration plan review": "PlanTab",
        "Document expires": "DocumentsTab",
    }
    for heading in headings(radar):
        for row in range(heading.childCount()):
            item = heading.child(row)
            tree.setCurrentItem(item)
            with qtbot.waitSignal(radar.open_case) as opened:
                qtbot.keyClick(tree, Qt.Key.Key_Return)
            client = next(c for c in people.values() if c.display_name == item.text(2))
            assert opened.args == [client.id, expected[item.text(1)]]


def test_done_by_button_and_by_ctrl_d_leaves_the_list_and_the_next_one_is_selected(
    radar: DeadlineRadar, qtbot: QtBot, store: Store, db: DbWorker, settle: Settle
) -> None:
    assert not radar.done_button.isEnabled()  # nothing selected yet
    tree = radar.tree
    tree.setCurrentItem(headings(radar)[0].child(2))  # Omar's plan review, 60 days late
    assert radar.done_button.isEnabled() and not radar.reopen_button.isEnabled()
    qtbot.mouseClick(radar.done_button, Qt.MouseButton.LeftButton)
    settle(db)
    (mark,) = marks(store)
    assert (mark.status, mark.kind.value, mark.due_on) == (
        MarkStatus.DONE,
        "plan_review",
        days(-60),
    )
    overdue = rows(radar)
    assert next(iter(overdue)) == "Overdue (3) — 1 residence, 1 § 104c, 1 plan review"
    assert radar.current_entry() is not None
    assert radar.current_entry().client_name == "Tesfay, Sara"  # type: ignore[union-attr]
    assert radar.current_entry().deadline.kind.value == "plan_review"  # type: ignore[union-attr]

    radar.activateWindow()
    qtbot.waitUntil(radar.isActiveWindow)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    settle(db)
    assert len(marks(store)) == 2
    assert next(iter(rows(radar))) == "Overdue (2) — 1 residence, 1 § 104c"
    assert radar.show_set_aside.text() == "Show done &and snoozed (2)"


def test_snoozed_through_the_dialog_it_is_back_on_its_day(
    radar: DeadlineRadar, qtbot: QtBot, store: Store, db: DbWorker, settle: Settle
) -> None:
    radar.tree.setCurrentItem(headings(radar)[1].child(0))  # Lea's passport, this week
    dialog = radar.ask_snooze()
    assert isinstance(dialog, SnoozeDialog)
    qtbot.waitExposed(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Berg, Lea: Document expires: Passport" in labels
    assert dialog.until == days(7)  # a week ahead at first
    assert dialog.date_edit.minimumDate().toString("yyyy-MM-dd") == days(1).isoformat()
    dialog.week_buttons[1].click()  # in two weeks
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)  # Enter accepts
    settle(db)
    (mark,) = marks(store)
    assert (mark.status, mark.snoozed_until, mark.marked_on) == (
        MarkStatus.SNOOZED,
        days(14),
        TODAY,
    )
    assert "This week (1) — 1 document expiry" not in rows(radar)
    radar.refresh(days(13))
    settle(db)
    assert not any(
        r[2] == "Berg, Lea" and r[1] == "Document expires" for g in rows(radar).values() for r in g
    )
    radar.refresh(days(14))
    settle(db)
    assert any(r[1] == "Document expires" for g in rows(radar).values() for r in g)


def test_the_context_menu_marks_and_show_done_and_snoozed_reopens(
    radar: DeadlineRadar, qtbot: QtBot, store: Store, db: DbWorker, settle: Settle
) -> None:
    tree = radar.tree
    tree.setCurrentItem(headings(radar)[0].child(0))  # Omar's Duldung
    menu = radar.context_menu()
    entries = {a.text(): a for a in menu.actions() if not a.isSeparator()}
    assert list(entries) == ["&Open case", "Mark as &done", "&Snooze until…", "&Reopen"]
    assert [a.isEnabled() for a in entries.values()] == [True, True, True, False]
    assert entries["Mark as &done"].shortcut().toString() == "Ctrl+D"
    entries["Mark as &done"].trigger()
    settle(db)
    first_group = rows(radar)[headings(radar)[0].text(0)]
    assert first_group[0][1:] == ("Opportunity residence ends (§ 104c)", "Tesfay, Sara")

    radar.show_set_aside.setChecked(True)  # no reading: the marks came with the rows
    aside = headings(radar)[-1]
    assert aside.text(0) == "Done or snoozed (1) — 1 residence"
    item = aside.child(0)
    assert item.text(0) == f"{days(-49)} (done)" and item.text(2) == "Rahimi, Omar"
    assert item.foreground(0).color() == radar.palette().color(
        radar.palette().ColorGroup.Disabled, radar.palette().ColorRole.Text
    )
    tree.setCurrentItem(item)
    assert not radar.done_button.isEnabled() and radar.reopen_button.isEnabled()
    assert [a.isEnabled() for a in radar.context_menu().actions() if not a.isSeparator()] == [
        True,
        False,
        False,
        True,
    ]
    radar.activateWindow()
    qtbot.waitUntil(radar.isActiveWindow)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    settle(db)
    assert marks(store) == []
    assert rows(radar)[headings(radar)[0].text(0)][0][2] == "Rahimi, Omar"
    assert radar.show_set_aside.text() == "Show done &and snoozed (0)"


def test_clear_forgets_the_marks_too(
    radar: DeadlineRadar, store: Store, db: DbWorker, settle: Settle
) -> None:
    radar.tree.setCurrentItem(headings(radar)[0].child(0))
    radar.mark_current_done()
    settle(db)
    radar.show_set_aside.setChecked(True)
    radar.clear()
    assert headings(radar) == [] and radar.current_entry() is None
    assert not radar.done_button.isEnabled() and not radar.reopen_button.isEnabled()


def menu_event(widget: QWidget, reason: QContextMenuEvent.Reason, pos: QPoint) -> QContextMenuEvent:
    return QContextMenuEvent(reason, pos, widget.mapToGlobal(pos))


def test_the_menu_key_and_a_right_click_open_the_menu_of_the_deadline_meant(
    radar: DeadlineRadar, qtbot: QtBot
) -> None:
    tree = radar.tree
    first, second = headings(radar)[0].child(0), headings(radar)[0].child(1)
    tree.setCurrentItem(first)
    mouse = tree.visualItemRect(second).center()  # where the mouse rests: not what is meant
    QApplication.sendEvent(tree, menu_event(tree, QContextMenuEvent.Reason.Keyboard, mouse))
    menu = next(m for m in radar.findChildren(QMenu) if m.isVisible())
    assert [a.text() for a in menu.actions() if not a.isSeparator()][1] == "Mark as &done"
    assert tree.currentItem() is first
    menu.close()
    qtbot.waitUntil(lambda: not any(m.isVisible() for m in radar.findChildren(QMenu)))
    on_second = tree.visualItemRect(second).center()
    viewport = tree.viewport()
    QApplication.sendEvent(
        viewport, menu_event(viewport, QContextMenuEvent.Reason.Mouse, on_second)
    )
    assert tree.currentItem() is second  # a right click selects what it points at
    qtbot.waitUntil(lambda: any(m.isVisible() for m in radar.findChildren(QMenu)))
    for menu in radar.findChildren(QMenu):
        menu.close()
