"""The Reports menu over a real case file: calendar, feed, lists and statistics."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from desktop.domain.model import Client
from desktop.services import agenda, calendar, statistics
from desktop.services.calendar_feed import FeedSettings, load_feed_settings, save_feed_settings
from desktop.services.clients import ClientQuery, all_clients
from desktop.services.demo import fill_demo
from desktop.store.store import Store
from desktop.ui.reports.calendar_dialog import CalendarDialog
from desktop.ui.reports.reports_menu import ReportsMenu
from desktop.ui.reports.statistics_view import StatisticsDialog
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.i18n import set_language

TODAY = date.today()
Settle = Callable[[DbWorker], None]


def make_window(qtbot: QtBot, db: DbWorker, case_root: Path) -> MainWindow:
    window = MainWindow(db, case_root)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def demo(store: Store) -> Store:
    fill_demo(store, 120, 1, TODAY)
    return store


@pytest.fixture
def window(qtbot: QtBot, demo: Store, db: DbWorker, case_root: Path, settle: Settle) -> MainWindow:
    window = make_window(qtbot, db, case_root)
    settle(db)  # the list, the settings: shown before the test looks
    return window


def menu(window: MainWindow) -> ReportsMenu:
    return window.reports_menu


def save_as(monkeypatch: pytest.MonkeyPatch, path: Path, chosen_filter: str = "") -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(path), chosen_filter))
    )


def test_the_menu_has_its_entries_in_english_and_german(window: MainWindow, qtbot: QtBot) -> None:
    reports = menu(window)
    assert [a.text() for a in window.menuBar().actions()][-3] == "&Reports"
    entries = [a.text() for a in reports.actions() if not a.isSeparator()]
    assert entries == [
        "Export &calendar (.ics)…",
        "Calendar &feed…",
        "Export case &list…",
        "Export &deadline radar…",
        "&Statistics…",
        "Likely d&uplicates…",
    ]
    set_language("de")
    qtbot.waitUntil(lambda: reports.title() == "A&uswertungen")
    assert "&Statistik…" in [a.text() for a in reports.actions()]


def client_with_events(store: Store) -> Client:
    """An open client with an appointment in the default range."""
    for client in all_clients(store, ClientQuery(state="open")):
        if any(not e.all_day for e in calendar.events(store, client_id=client.id)):
            return client
    raise AssertionError("the demo data has no client with an appointment")


def test_a_calendar_of_the_open_client_names_only_initials_when_chosen(
    window: MainWindow,
    demo: Store,
    db: DbWorker,
    settle: Settle,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client = client_with_events(demo)
    window.open_client(client.id)
    settle(db)
    dialog = menu(window).export_calendar()
    assert isinstance(dialog, CalendarDialog)
    assert dialog.only_client.isChecked()
    assert dialog.detail.currentData() == "none"
    assert dialog.choices.include() == frozenset()
    assert not any(box.isChecked() for box in dialog.choices.boxes.values())
    save_as(monkeypatch, tmp_path / "minimal")
    minimal = dialog.export()
    assert minimal is not None
    text = minimal.read_text(encoding="utf-8")
    assert calendar.initials(client) not in text and client.family_name not in text
    assert "\nLOCATION:" not in text and "\nDESCRIPTION:" not in text

    dialog.detail.setCurrentIndex(dialog.detail.findData("initials"))
    target = tmp_path / "termine"
    save_as(monkeypatch, target)
    written = dialog.export()
    assert written == tmp_path / "termine.ics"
    text = written.read_text(encoding="utf-8")
    count = text.count("BEGIN:VEVENT")
    assert count >= 1 and dialog.written == count
    assert dialog.result_label.text() == f"{count} event(s) written to {written}."
    assert calendar.initials(client) in text
    assert client.family_name not in text
    dialog.close()


def test_each_part_of_a_calendar_is_a_separate_choice_with_its_risk_named(
    qtbot: QtBot, demo: Store, db: DbWorker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = CalendarDialog(db, None)
    qtbot.addWidget(dialog)
    choices = dialog.choices
    assert set(choices.boxes) == {"purpose", "place", "status", "section", "language"}
    assert "once synced to Exchange they leave this computer" in choices.risk.text()
    assert not choices.boxes["section"].isEnabled()  # only with the status
    choices.boxes["place"].setChecked(True)
    assert choices.include() == {"place"}
    choices.boxes["status"].setChecked(True)
    choices.boxes["section"].setChecked(True)
    assert choices.include() == {"place", "status", "section"}
    choices.boxes["status"].setChecked(False)
    assert choices.include() == {"place"} and not choices.boxes["section"].isChecked()
    save_as(monkeypatch, tmp_path / "orte.ics")
    written = dialog.export()
    assert written is not None
    events = calendar.events(demo)
    places = [e for e in events if e.location]
    assert not places  # the default, for comparison
    text = written.read_text(encoding="utf-8")
    assert "\nLOCATION:" in text and "\nDESCRIPTION:" not in text
    assert text.count("BEGIN:VEVENT") == len(events)


def test_a_calendar_with_a_range_the_wrong_way_round_is_refused(
    qtbot: QtBot, demo: Store, db: DbWorker, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = CalendarDialog(db, None)
    qtbot.addWidget(dialog)
    assert not dialog.only_client.isEnabled()
    dialog.end.setDate(dialog.start.date().addDays(-1))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: pytest.fail("asked"))
    )
    assert dialog.export() is None
    assert "before its start" in dialog.error.text()


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=";"))


def test_the_case_list_is_exported_as_filtered(
    window: MainWindow,
    demo: Store,
    db: DbWorker,
    settle: Settle,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = window.case_list.model.client_at(0)
    window.case_list.search.setText(first.family_name)
    window.case_list.run_query()
    settle(db)
    expected = sorted(c.id for c in all_clients(demo, window.case_list.query()))
    assert 1 <= len(expected) < 120
    save_as(monkeypatch, tmp_path / "liste", "CSV for Excel (*.csv)")
    target = menu(window).export_case_list()
    assert target == tmp_path / "liste.csv"
    rows = read_csv(target)[1:]
    assert len(rows) == len(expected)
    assert {row[1] for row in rows} == {first.family_name}
    assert window.statusBar().currentMessage() == f"{len(rows)} person(s) written to {target}."


def test_the_deadline_radar_is_exported_as_a_workbook(
    window: MainWindow, demo: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_as(monkeypatch, tmp_path / "fristen.xlsx", "Excel workbook (*.xlsx)")
    target = menu(window).export_radar()
    assert target == tmp_path / "fristen.xlsx"
    sheet = load_workbook(target).active
    assert sheet is not None
    due = agenda.deadline_radar(demo, TODAY, 30)
    assert sheet.max_row - 1 == len(due) > 0
    assert window.statusBar().currentMessage().startswith(f"{len(due)} deadline(s) written")


def shown(dialog: StatisticsDialog) -> list[list[tuple[str, ...]]]:
    out = []
    for table in dialog.tables:
        out.append(
            [
                tuple(table.item(r, c).text() for c in range(table.columnCount()))
                for r in range(table.rowCount())
            ]
        )
    return out


def painted(widget: object) -> bool:
    image = widget.grab().toImage()  # type: ignore[attr-defined]
    background = image.pixelColor(0, 0)
    return any(
        image.pixelColor(x, y) != background
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 2)
    )


def test_statistics_show_the_figures_of_the_period(
    window: MainWindow, demo: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = menu(window).open_statistics()
    assert isinstance(dialog, StatisticsDialog)
    start, end = dialog.period_dates()
    assert (start, end) == (date(TODAY.year, 1, 1), TODAY)
    stats = statistics.compute(demo, start, end)
    assert dialog.stats == stats
    assert shown(dialog) == [list(t.rows) for t in statistics.tables(stats, "en")]
    assert dialog.tables[0].item(0, 1).text() == statistics.display(stats.open_at_end)
    assert dialog.charts and all(painted(chart) for chart in dialog.charts)

    save_as(monkeypatch, tmp_path / "stats.pdf")
    assert dialog.save("pdf") == tmp_path / "stats.pdf"
    assert (tmp_path / "stats.pdf").read_bytes().startswith(b"%PDF")
    save_as(monkeypatch, tmp_path / "stats")
    assert dialog.save("csv") == tmp_path / "stats.csv"
    assert read_csv(tmp_path / "stats.csv")[0] == ["table", "row", "column", "value"]
    save_as(monkeypatch, tmp_path / "stats")
    assert dialog.save("xlsx") == tmp_path / "stats.xlsx"
    assert "Cases" in load_workbook(tmp_path / "stats.xlsx").sheetnames
    assert dialog.xlsx_button.text() == "Save as E&xcel…"
    dialog.close()


def test_counts_of_one_and_two_are_shown_as_less_than_three(
    qtbot: QtBot, add: Callable[..., Client], db: DbWorker
) -> None:
    add(family_name="Müller", given_names="Anna", opened_on=date(TODAY.year, 1, 1), closed_on=TODAY)
    dialog = StatisticsDialog(db)
    qtbot.addWidget(dialog)
    assert dialog.refresh()
    cases = dialog.tables[0]
    assert [cases.item(r, 1).text() for r in range(3)] == ["0", "<3", "<3"]
    chart = dialog.charts[0]
    assert chart.bars[1][1:] == ("<3", 0)
    dialog.show()
    assert painted(chart)


def test_the_feed_folder_gets_the_feed_file(
    window: MainWindow,
    demo: Store,
    db: DbWorker,
    settle: Settle,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "feed"
    folder.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: str(folder))
    )
    dialog = menu(window).open_feed()
    settle(db)  # the saved settings are in the dialog
    assert dialog is not None and dialog.detail.currentData() == "none"
    assert dialog.choices.include() == frozenset()
    dialog.choose_folder()
    dialog.choices.boxes["purpose"].setChecked(True)
    dialog.accept()
    settle(db)  # saved, then the feed written
    feed = folder / calendar.FEED_NAME
    assert feed.exists() and "BEGIN:VCALENDAR" in feed.read_text(encoding="utf-8")
    assert load_feed_settings(demo) == FeedSettings(folder, "none", frozenset({"purpose"}))
    again = menu(window).open_feed()
    settle(db)
    assert again is not None and again.choices.include() == {"purpose"}
    again.reject()
    feed.unlink()
    with qtbot.waitSignal(menu(window).feed_refreshed) as refreshed:
        menu(window).refresh_feed()
    assert refreshed.args[0] is None  # nothing changed since
    assert not feed.exists()


def test_a_feed_folder_that_cannot_be_written_is_said_in_the_status_bar(
    window: MainWindow, demo: Store, qtbot: QtBot, tmp_path: Path
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    save_feed_settings(demo, FeedSettings(blocked / "sub", "none"))
    with qtbot.waitSignal(menu(window).feed_refreshed) as refreshed:
        menu(window).refresh_feed(force=True)
    assert refreshed.args[0] is None
    assert "could not be written" in window.statusBar().currentMessage()


def test_the_dialogs_speak_german(window: MainWindow, demo: Store, qtbot: QtBot) -> None:
    set_language("de")
    dialog = menu(window).open_statistics()
    assert dialog is not None
    assert dialog.windowTitle() == "Statistik"
    assert dialog.start.displayFormat() == "dd.MM.yyyy"
    assert dialog.pdf_button.text() == "Als &PDF speichern…"
    assert dialog.tables[0].horizontalHeaderItem(1).text() == "Anzahl"
    dialog.close()
    calendar_dialog = menu(window).export_calendar()
    assert calendar_dialog is not None
    assert calendar_dialog.windowTitle() == "Kalender exportieren"
    assert calendar_dialog.detail.currentText() == "Kein Name"
    assert calendar_dialog.choices.boxes["place"].text() == "Or&te"
    assert "Exchange" in calendar_dialog.choices.risk.text()
    assert "Gesundheit" in calendar_dialog.choices.risk.text()
