"""Monday morning offscreen over a real case file: the appointments of the week, the radar."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.catalogues import (
    AppointmentStatus,
    DocumentKind,
    DocumentStatus,
    FieldOfAction,
    ResidenceStatus,
)
from desktop.domain.model import (
    Appointment,
    Client,
    DocumentItem,
    Goal,
    IntegrationPlan,
    Measure,
    Organisation,
)
from desktop.domain.rules import DeadlineKind
from desktop.services import casework
from desktop.services.casefile import Store
from desktop.services.organisations import add_organisation
from desktop.ui.agenda.agenda_view import AgendaView
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.i18n import set_language

Settle = Callable[[DbWorker], None]

# A Wednesday of the current week: "later this week" and "earlier this week" exist on any day.
TODAY = date.today() - timedelta(days=date.today().weekday()) + timedelta(days=2)
NEXT_WEEK = TODAY + timedelta(days=6)  # Tuesday of the week after


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute))


@pytest.fixture
def people(store: Store, add: Callable[..., Client]) -> dict[str, Client]:
    anna = add(family_name="Müller", given_names="Anna")
    omar = add(
        family_name="Schmidt",
        given_names="Omar",
        residence_status=ResidenceStatus.DULDUNG,
        status_valid_until=TODAY + timedelta(days=10),
    )
    layla = add(
        family_name="Haddad",
        given_names="Layla",
        residence_status=ResidenceStatus.FIKTION,
        status_valid_until=TODAY - timedelta(days=3),
    )
    closed = add(
        family_name="Closedcase",
        given_names="Karim",
        residence_status=ResidenceStatus.DULDUNG,
        status_valid_until=TODAY + timedelta(days=5),
        opened_on=date(2020, 1, 1),
        closed_on=TODAY - timedelta(days=30),
    )
    office = Organisation("Ausländerbehörde Kreis")
    add_organisation(store, office)
    casework.add(
        store,
        Appointment(
            anna.id,
            at(TODAY, 9, 30),
            purpose="Jobcenter application",
            place="Room 2",
            interpreter_language="ar",
        ),
        Appointment(omar.id, at(TODAY + timedelta(days=2), 14), organisation_id=office.id,
                    purpose="Extend the Duldung"),
        Appointment(layla.id, at(NEXT_WEEK, 11), purpose="Flat viewing"),
        Appointment(omar.id, at(TODAY - timedelta(days=1), 8),
                    status=AppointmentStatus.CANCELLED, purpose="Cancelled talk"),
        DocumentItem(
            anna.id,
            DocumentKind.PASSPORT,
            status=DocumentStatus.IN_CUSTODY,
            held_since=TODAY - timedelta(weeks=6),
        ),
    )  # fmt: skip
    return {"anna": anna, "omar": omar, "layla": layla, "closed": closed}


@pytest.fixture
def view(qtbot: QtBot, people: dict[str, Client], db: DbWorker, settle: Settle) -> AgendaView:
    view = AgendaView(db)
    qtbot.addWidget(view)
    view.resize(1400, 700)
    view.refresh(TODAY)
    view.show()
    qtbot.waitExposed(view)
    settle(db)
    return view


def days(view: AgendaView) -> dict[str, list[list[str]]]:
    """Day heading -> the rows under it, each the texts of its columns."""
    tree = view.week_tree
    shown: dict[str, list[list[str]]] = {}
    for i in range(tree.topLevelItemCount()):
        header = tree.topLevelItem(i)
        shown[header.text(0)] = [
            [header.child(r).text(c) for c in range(tree.columnCount())]
            for r in range(header.childCount())
        ]
    return shown


def radar_items(view: AgendaView) -> list[QTreeWidgetItem]:
    """The radar's deadline rows, group after group (the group headings left out)."""
    tree = view.radar.tree
    headings = [tree.topLevelItem(g) for g in range(tree.topLevelItemCount())]
    return [h.child(r) for h in headings for r in range(h.childCount())]


def radar_rows(view: AgendaView) -> list[list[str]]:
    columns = range(view.radar.tree.columnCount())
    return [[item.text(c) for c in columns] for item in radar_items(view)]


def every_text(widget: QWidget) -> str:
    """Every label, every cell and tooltip of every tree, the window title: what a user can see."""
    texts = [label.text() for label in widget.findChildren(QLabel)]
    trees = widget.findChildren(QTreeWidget)
    for tree in [widget, *trees] if isinstance(widget, QTreeWidget) else trees:
        items: list[QTreeWidgetItem] = [
            tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
        ]
        while items:
            item = items.pop()
            items += [item.child(i) for i in range(item.childCount())]
            for column in range(tree.columnCount()):
                texts += [item.text(column), item.toolTip(column)]
    return " ".join([*texts, widget.windowTitle()])


def double_click(qtbot: QtBot, tree: QTreeWidget, item: QTreeWidgetItem) -> None:
    tree.scrollToItem(item)
    centre = tree.visualItemRect(item).center()
    # QTest sends the double-click event alone; a real one follows a press and release.
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def test_today_and_later_this_week_are_shown_under_their_days(view: AgendaView) -> None:
    shown = days(view)
    today_heading = f"Today, Wednesday, {TODAY.isoformat()}"
    friday_heading = f"Friday, {(TODAY + timedelta(days=2)).isoformat()}"
    tuesday_heading = f"Tuesday, {(TODAY - timedelta(days=1)).isoformat()}"
    assert list(shown) == [tuesday_heading, today_heading, friday_heading]
    [today_row] = shown[today_heading]
    assert today_row == [
        "09:30–10:30",
        "Müller, Anna",
        "Jobcenter application",
        "Room 2",
        "Arabic",
        "planned",
    ]
    [friday_row] = shown[friday_heading]
    assert friday_row[1] == "Schmidt, Omar"
    assert friday_row[3] == "Ausländerbehörde Kreis"
    assert shown[tuesday_heading][0][5] == "cancelled"
    assert "Haddad, Layla" not in every_text(view.week_tree)
    monday = TODAY - timedelta(days=2)
    assert view.week_label.text() == (
        f"Week {monday.isocalendar().week}: {monday.isoformat()} to "
        f"{(monday + timedelta(days=6)).isoformat()}"
    )


def test_today_is_highlighted(view: AgendaView) -> None:
    tree = view.week_tree
    headers = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    today = next(h for h in headers if h.text(0).startswith("Today"))
    other = next(h for h in headers if not h.text(0).startswith("Today"))
    assert today.background(0).style() != Qt.BrushStyle.NoBrush
    assert today.child(0).background(1).style() != Qt.BrushStyle.NoBrush
    assert other.background(0).style() == Qt.BrushStyle.NoBrush


def test_next_week_shows_its_appointments_and_today_comes_back(
    view: AgendaView, db: DbWorker, settle: Settle
) -> None:
    view.next_button.click()
    settle(db)
    shown = days(view)
    assert list(shown) == [f"Tuesday, {NEXT_WEEK.isoformat()}"]
    assert shown[f"Tuesday, {NEXT_WEEK.isoformat()}"][0][1] == "Haddad, Layla"
    assert "Müller" not in every_text(view.week_tree)
    view.previous_button.click()
    view.previous_button.click()
    settle(db)
    assert days(view) == {}
    assert "No appointments this week." in every_text(view)
    view.today_button.click()
    settle(db)
    assert any(h.startswith("Today") for h in days(view))


def test_an_expiring_permit_is_on_the_radar_with_name_and_kind(view: AgendaView) -> None:
    rows = radar_rows(view)
    expiring = [r for r in rows if r[2] == "Schmidt, Omar"]
    assert expiring == [
        [
            (TODAY + timedelta(days=10)).isoformat(),
            "Residence status expires",
            "Schmidt, Omar",
            ResidenceStatus.DULDUNG.label("en"),
        ]
    ]


def test_overdue_deadlines_come_first_marked_in_red(view: AgendaView) -> None:
    rows = radar_rows(view)
    overdue = [r for r in rows if r[0].endswith("(overdue)")]
    assert {r[2] for r in overdue} == {"Haddad, Layla", "Müller, Anna"}
    assert rows[: len(overdue)] == overdue
    custody = next(r for r in rows if r[2] == "Müller, Anna")
    assert custody[1] == "Original held in custody over 4 weeks"
    assert custody[0] == f"{(TODAY - timedelta(weeks=2)).isoformat()} (overdue)"
    first = radar_items(view)[0]
    assert first.foreground(0).color().name() == "#b3261e"
    last = radar_items(view)[-1]
    assert last.foreground(0).color().name() != "#b3261e"


def test_a_closed_case_has_no_deadlines_on_the_radar(view: AgendaView) -> None:
    assert "Closedcase" not in " ".join(" ".join(r) for r in radar_rows(view))


def test_the_kind_filter_and_the_horizon_narrow_the_radar(
    view: AgendaView, store: Store, people: dict[str, Client], db: DbWorker, settle: Settle
) -> None:
    radar = view.radar
    assert radar.horizon.currentText() == "6 weeks"
    casework.add(
        store,
        DocumentItem(
            people["anna"].id,
            DocumentKind.PASSPORT,
            status=DocumentStatus.COPY_ON_FILE,
            expires_on=TODAY + timedelta(days=35),
        ),
    )
    view.refresh(TODAY)
    settle(db)
    assert "Document expires" in [r[1] for r in radar_rows(view)]
    radar.horizon.setCurrentIndex(radar.horizon.findData(4))
    settle(db)
    assert "Document expires" not in [r[1] for r in radar_rows(view)]
    radar.kind_filter.setCurrentIndex(
        radar.kind_filter.findData(DeadlineKind.RESIDENCE_EXPIRY.value)
    )
    assert [r[2] for r in radar_rows(view)] == ["Haddad, Layla", "Schmidt, Omar"]
    radar.kind_filter.setCurrentIndex(0)
    assert len(radar_rows(view)) == 3


def kinds_offered(view: AgendaView) -> list[str]:
    combo = view.radar.kind_filter
    return [combo.itemData(i) for i in range(combo.count())]


def test_measures_due_are_on_the_radar_only_with_the_checkbox(
    view: AgendaView,
    store: Store,
    people: dict[str, Client],
    qtbot: QtBot,
    db: DbWorker,
    settle: Settle,
) -> None:
    radar = view.radar
    plan = IntegrationPlan(people["anna"].id)
    goal = Goal(plan.id, FieldOfAction.WORK, "Arbeit")
    late = Measure(goal.id, "Lebenslauf erstellen", due_on=TODAY - timedelta(days=9))
    casework.add(store, plan, goal, late)
    view.refresh(TODAY)
    settle(db)
    assert not radar.include_measures.isChecked()
    assert radar.include_measures.text() == "Include &measures"
    assert DeadlineKind.MEASURE_DUE.value not in kinds_offered(view)
    assert "Measure due" not in [r[1] for r in radar_rows(view)]
    before = len(radar_rows(view))

    qtbot.mouseClick(radar.include_measures, Qt.MouseButton.LeftButton)  # reads again
    settle(db)
    assert radar.include_measures.isChecked()
    assert kinds_offered(view)[-1] == DeadlineKind.MEASURE_DUE.value
    measure = [r for r in radar_rows(view) if r[1] == "Measure due"]
    overdue = f"{(TODAY - timedelta(days=9)).isoformat()} (overdue)"
    assert measure == [[overdue, "Measure due", "Müller, Anna", "Lebenslauf erstellen"]]
    assert len(radar_rows(view)) == before + 1
    radar.kind_filter.setCurrentIndex(radar.kind_filter.findData(DeadlineKind.MEASURE_DUE.value))
    assert radar_rows(view) == measure

    radar.include_measures.setChecked(False)  # the kind chosen is gone: every kind again
    settle(db)
    assert radar.kind_filter.currentIndex() == 0
    assert DeadlineKind.MEASURE_DUE.value not in kinds_offered(view)
    assert len(radar_rows(view)) == before
    assert "Lebenslauf erstellen" not in every_text(view)

    set_language("de")
    try:
        qtbot.waitUntil(lambda: radar.include_measures.text() == "&Maßnahmen einbeziehen")
        assert radar.kind_filter.itemText(0) != "All kinds"
    finally:
        set_language("en")
    qtbot.waitUntil(lambda: radar.include_measures.text() == "Include &measures")


def test_double_click_or_enter_opens_the_client(
    view: AgendaView, qtbot: QtBot, people: dict[str, Client]
) -> None:
    tree = view.week_tree
    header = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).text(0).startswith("Today")
    )
    with qtbot.waitSignal(view.open_client) as opened:
        double_click(qtbot, tree, header.child(0))
    assert opened.args == [people["anna"].id]

    radar = view.radar.tree
    row = next(item for item in radar_items(view) if item.text(2) == "Schmidt, Omar")
    with qtbot.waitSignal(view.open_client) as opened:
        double_click(qtbot, radar, row)
    assert opened.args == [people["omar"].id]

    radar.setFocus()
    radar.setCurrentItem(radar_items(view)[0])
    with qtbot.waitSignal(view.open_client) as opened:
        qtbot.keyClick(radar, Qt.Key.Key_Return)
    assert opened.args == [view.radar.shown_entries()[0].client_id]


def test_a_day_heading_opens_nobody(view: AgendaView, qtbot: QtBot) -> None:
    tree = view.week_tree
    with qtbot.assertNotEmitted(view.open_client):
        double_click(qtbot, tree, tree.topLevelItem(0))
        tree.setCurrentItem(tree.topLevelItem(0))
        qtbot.keyClick(tree, Qt.Key.Key_Return)


def test_clear_leaves_no_client_name_until_refreshed(
    view: AgendaView, qtbot: QtBot, store: Store, db: DbWorker, settle: Settle
) -> None:
    names = ("Müller", "Schmidt", "Haddad", "Closedcase", "Anna", "Omar", "Layla")
    assert all(name in every_text(view) for name in names[:3])
    view.clear()
    view.hide()
    view.show()  # shown again while locked: nothing is read
    settle(db)
    texts = every_text(view)
    for name in (*names, "Jobcenter application", "Room 2", "Ausländerbehörde"):
        assert name not in texts
    view.refresh(TODAY)
    settle(db)
    assert "Müller, Anna" in every_text(view)


def test_the_agenda_reads_again_when_shown(
    view: AgendaView, store: Store, qtbot: QtBot, db: DbWorker, settle: Settle
) -> None:
    view.hide()
    newcomer = Client("Newcomer", "Ali", opened_on=TODAY)
    casework.add(store, newcomer, Appointment(newcomer.id, at(TODAY, 16), purpose="First talk"))
    view.show()
    settle(db)
    assert "Newcomer, Ali" in every_text(view.week_tree)


def test_day_names_follow_the_language(view: AgendaView, qtbot: QtBot) -> None:
    set_language("de")
    try:
        qtbot.waitUntil(lambda: any("Mittwoch" in heading for heading in days(view)))
        assert f"Freitag, {TODAY + timedelta(days=2):%d.%m.%Y}" in days(view)
        assert "Jobcenter application" in every_text(view)
    finally:
        set_language("en")
    qtbot.waitUntil(lambda: any("Wednesday" in heading for heading in days(view)))


def test_an_answer_on_its_way_when_cleared_is_not_shown(
    view: AgendaView, db: DbWorker, settle: Settle
) -> None:
    view.clear()
    settle(db)
    view.refresh(TODAY)
    view.clear()  # locked before the worker answered
    settle(db)
    texts = every_text(view)
    for name in ("Müller", "Schmidt", "Haddad", "Jobcenter application"):
        assert name not in texts
    assert days(view) == {} and radar_rows(view) == []
