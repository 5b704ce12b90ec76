"""Importing clients from a spreadsheet through the window, offscreen, into a real case file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from desktop.domain.model import Client
from desktop.services.client_import import ImportResult, plan_import
from desktop.services.clients import ClientQuery
from desktop.store.store import Store
from desktop.ui.client_import.import_dialog import (
    DONE,
    FILE,
    MAPPING,
    PREVIEW,
    ImportCancelled,
    ImportDialog,
    import_job,
)
from desktop.ui.client_import.import_mapping import IGNORE
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.i18n import set_language
from tests.hostile_files import billion_laughs, workbook

Settle = Callable[[DbWorker], None]

# As German Excel saves a list: Windows-1252, semicolons, German headers and dates; an empty
# row 4, a bad date in row 5, Rania Haddad already in the case file, row 8 repeats row 2.
GERMAN_ROWS = [
    "Nachname;Vorname(n);Geb.-Datum;Staatsangehörigkeit;Az.;Bemerkung",
    "Müller;Jürgen;31.12.1990;Syrien;AZ-001;",
    "Öztürk;Gül;1985;Türkei;AZ-002;",
    "",
    "Bäcker;Jörg;31.02.1990;Deutschland;AZ-016;falsches Datum",
    "Haddad;Rania;17.05.1988;Syrien;AZ-005;",
    "Nguyen;Lan;12.3.1994;Vietnam;AZ-017;",
    "Müller;Jürgen;31.12.1990;Syrien;AZ-001;noch einmal",
]
GOOD = ["Müller, Jürgen", "Nguyen, Lan", "Öztürk, Gül"]


def write_csv(folder: Path) -> Path:
    path = folder / "Klienten.csv"
    path.write_bytes("\r\n".join(GERMAN_ROWS).encode("cp1252"))
    return path


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """The open-file dialog answers with this path (the dialog is Qt's, not the app's)."""
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(path), ""))
    )


def names(store: Store) -> list[str]:
    return sorted(c.display_name for c in store.clients(ClientQuery()).clients)


@pytest.fixture
def rania(add: Callable[..., Client]) -> Client:
    return add(family_name="Haddad", given_names="Rania", file_number="AZ-005")


@pytest.fixture
def window(
    qtbot: QtBot, rania: Client, db: DbWorker, case_root: Path, settle: Settle
) -> MainWindow:
    window = MainWindow(db, case_root)
    qtbot.addWidget(window)
    window.show()
    settle(db)  # the list shown before the test looks
    return window


def open_dialog(window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path) -> ImportDialog:
    choose_file(monkeypatch, path)
    dialog = window.open_import()
    assert dialog is not None and dialog.isVisible()
    assert dialog.pages.currentIndex() == FILE and not dialog.next_button.isEnabled()
    dialog.choose_button.click()
    return dialog


def shown_names(window: MainWindow) -> list[str]:
    model = window.case_list.model
    return sorted(model.client_at(row).display_name for row in range(model.rowCount()))


def test_a_german_csv_is_mapped_checked_and_imported_without_its_bad_row(
    window: MainWindow,
    store: Store,
    db: DbWorker,
    settle: Settle,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = write_csv(tmp_path)
    dialog = open_dialog(window, monkeypatch, path)
    assert dialog.windowTitle() == "Import clients from a spreadsheet"
    assert dialog.pages.currentIndex() == MAPPING
    assert dialog.file_summary.text() == "6 rows with 6 columns were read."
    rows = dialog.mapping.shown_rows()
    assert [(header, field) for header, _sample, field in rows] == [
        ("Nachname", "Family name"),
        ("Vorname(n)", "Given names"),
        ("Geb.-Datum", "Date of birth"),
        ("Staatsangehörigkeit", "Nationality"),
        ("Az.", "File number"),
        ("Bemerkung", "(ignore)"),
    ]
    assert rows[0][1] == "Müller · Öztürk · Bäcker"
    assert rows[5][1] == "falsches Datum · noch einmal"
    assert dialog.mapping.mapping() == {
        0: "family_name",
        1: "given_names",
        2: "birth_date",
        3: "nationality",
        4: "file_number",
    }

    dialog.next_button.click()  # the dry run
    assert dialog.pages.currentIndex() == PREVIEW
    assert names(store) == ["Haddad, Rania"]  # nothing written
    preview = dialog.preview
    assert preview.counts.text() == (
        "A dry run of 6 rows, nothing written yet: 3 new, 1 already in the case file, "
        "1 repeated rows, 1 bad rows."
    )
    assert preview.unmapped.isVisibleTo(dialog)
    assert preview.unmapped.text() == "Columns not imported: Bemerkung"
    expected = plan_import(store, path).problems[0].text("en")
    assert preview.problem_lines() == [expected]
    assert expected.startswith("row 5: ") and "31.02.1990" in expected
    shown = preview.model.shown_rows()
    assert [r[:3] for r in shown] == [
        ["5", "Bad row", "Bäcker, Jörg"],
        ["2", "New", "Müller, Jürgen"],
        ["3", "New", "Öztürk, Gül"],
        ["6", "Already in the case file", "Haddad, Rania"],
        ["7", "New", "Nguyen, Lan"],
        ["8", "Repeated row", "Müller, Jürgen"],
    ]
    assert shown[5][3] == "The same person as row 2"
    assert expected.endswith(shown[0][3])
    assert not preview.skip.isChecked() and not dialog.import_button.isEnabled()
    dialog.import_button.click()
    settle(db)
    assert names(store) == ["Haddad, Rania"]

    preview.skip.click()
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    settle(db)  # the case list shown anew
    assert dialog.pages.currentIndex() == DONE
    assert dialog.result_text.text() == (
        "Imported: 3 new, 1 already in the case file, 1 bad rows, 1 repeated rows."
    )
    assert dialog.cancel_button.text() == "Close"
    assert names(store) == sorted([*GOOD, "Haddad, Rania"])
    assert shown_names(window) == sorted([*GOOD, "Haddad, Rania"])
    dialog.cancel_button.click()
    assert not dialog.isVisible()


def test_reimporting_the_same_file_adds_no_one(
    window: MainWindow,
    store: Store,
    db: DbWorker,
    settle: Settle,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = write_csv(tmp_path)
    for _ in range(2):
        dialog = open_dialog(window, monkeypatch, path)
        dialog.next_button.click()
        dialog.preview.skip.setChecked(True)
        dialog.import_button.click()
        dialog.cancel_button.click()
    assert dialog.preview.counts.text().startswith(
        "A dry run of 6 rows, nothing written yet: 0 new"
    )
    assert dialog.result_text.text() == (
        "Imported: 0 new, 4 already in the case file, 1 bad rows, 1 repeated rows."
    )
    settle(db)
    assert names(store) == sorted([*GOOD, "Haddad, Rania"])


def test_columns_can_be_mapped_by_hand_and_a_missing_family_name_is_said(
    window: MainWindow,
    store: Store,
    db: DbWorker,
    settle: Settle,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = open_dialog(window, monkeypatch, write_csv(tmp_path))
    dialog.mapping.set_field(0, IGNORE)
    dialog.next_button.click()
    assert dialog.pages.currentIndex() == MAPPING
    assert dialog.mapping_error.text().startswith("No column holds the family name")
    dialog.mapping.set_field(0, "family_name")
    dialog.mapping.set_field(2, IGNORE)  # without the birth dates no row is bad
    dialog.mapping.set_field(5, "other_names")
    dialog.next_button.click()
    assert dialog.pages.currentIndex() == PREVIEW and dialog.mapping_error.text() == ""
    assert not dialog.preview.skip.isVisible() and dialog.import_button.isEnabled()
    dialog.back_button.click()
    assert dialog.pages.currentIndex() == MAPPING
    dialog.back_button.click()
    assert dialog.pages.currentIndex() == FILE and dialog.next_button.isEnabled()
    dialog.next_button.click()
    dialog.next_button.click()
    dialog.import_button.click()
    assert dialog.result_text.text().startswith("Imported: 4 new, 1 already in the case file")
    settle(db)
    assert "Bäcker, Jörg" in names(store)


def test_escape_closes_the_dialog_and_nothing_is_imported(
    window: MainWindow,
    store: Store,
    db: DbWorker,
    settle: Settle,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    dialog = open_dialog(window, monkeypatch, write_csv(tmp_path))
    dialog.next_button.click()
    assert dialog.pages.currentIndex() == PREVIEW
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    settle(db)
    assert names(store) == ["Haddad, Rania"]


def test_a_cancelled_import_is_rolled_back(store: Store, tmp_path: Path, rania: Client) -> None:
    plan = plan_import(store, write_csv(tmp_path))
    asked: list[bool] = []

    def cancelled() -> bool:  # not yet when the job starts; then, at the progress report
        asked.append(True)
        return len(asked) > 1

    outcome = import_job(plan, True)(store, lambda _d, _t: None, cancelled)
    assert isinstance(outcome, ImportCancelled) and len(asked) == 2
    assert names(store) == ["Haddad, Rania"]
    outcome = import_job(plan, True)(store, lambda _d, _t: None, lambda: False)
    assert isinstance(outcome, ImportResult) and outcome.added == 3


def test_an_excel_workbook_imports(
    window: MainWindow,
    store: Store,
    db: DbWorker,
    settle: Settle,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "clients.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Surname", "First name", "Date of birth", "File number"])
    sheet.append(["Kovalenko", "Olena", datetime(1982, 7, 9), "X-1"])
    sheet.append(["Tesfay", "Senait", "1996", "X-2"])
    book.save(path)
    dialog = open_dialog(window, monkeypatch, path)
    assert [f for _h, _s, f in dialog.mapping.shown_rows()] == [
        "Family name",
        "Given names",
        "Date of birth",
        "File number",
    ]
    assert dialog.mapping.shown_rows()[2][1] == "1982-07-09 · 1996"
    dialog.next_button.click()
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    assert dialog.result_text.text() == "Imported: 2 new, 0 already in the case file, 0 bad rows."
    settle(db)  # the case list shown anew
    assert shown_names(window) == ["Haddad, Rania", "Kovalenko, Olena", "Tesfay, Senait"]


def test_a_file_that_is_not_a_spreadsheet_is_refused_with_the_services_sentence(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    dialog = open_dialog(window, monkeypatch, path)
    assert dialog.pages.currentIndex() == FILE
    assert dialog.file_error.text() == (
        f"The file {path} is neither a CSV file nor an Excel workbook (.xlsx)."
    )
    assert not dialog.next_button.isEnabled() and dialog.file_summary.text() == ""
    set_language("de")
    qtbot.waitUntil(
        lambda: (
            dialog.file_error.text()
            == f"Die Datei {path} ist weder eine CSV-Datei noch eine Excel-Arbeitsmappe (.xlsx)."
        )
    )


def test_a_hostile_workbook_is_refused_with_one_sentence_in_the_dialog(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = billion_laughs(tmp_path)
    dialog = open_dialog(window, monkeypatch, path)
    assert dialog.pages.currentIndex() == FILE and not dialog.next_button.isEnabled()
    assert dialog.file_error.text() == (
        f"The workbook {path} contains a document type declaration (entities or references to "
        "other files), which Excel never writes: it is not read."
    )
    wide = workbook(tmp_path / "zelle.xlsx", [["Nachname"], ["A" * 2**20]])
    dialog.load(wide)
    assert dialog.pages.currentIndex() == FILE and not dialog.next_button.isEnabled()
    assert dialog.file_error.text().startswith(f"The cell in row 2, column A of {wide} holds ")


def test_the_preview_says_which_postcode_it_corrects(
    window: MainWindow,
    store: Store,
    add: Callable[..., Client],
    db: DbWorker,
    settle: Settle,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dresden = add(family_name="Dresden", given_names="Dora", file_number="AZ-9", postcode="1067")
    path = tmp_path / "plz.xlsx"
    book = openpyxl.Workbook()
    for row in (["Nachname", "Vorname", "Az.", "PLZ"], ["Dresden", "Dora", "AZ-9", 1067]):
        book.active.append(row)
    book.save(path)
    # the postcode column holds a number: 1067 read as 01067, the stored 1067 corrected
    dialog = open_dialog(window, monkeypatch, path)
    dialog.next_button.click()
    preview = dialog.preview
    assert not preview.unmapped.isVisibleTo(dialog)
    assert preview.model.shown_rows() == [
        ["2", "Already in the case file", "Dresden, Dora", "Postcode corrected: 1067 → 01067"]
    ]
    dialog.import_button.click()
    settle(db)
    assert dialog.result_text.text() == (
        "Imported: 0 new, 1 already in the case file, 0 bad rows, 1 corrected."
    )
    assert store.get(Client, dresden.id).postcode == "01067"


def test_the_import_speaks_german(
    window: MainWindow, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    set_language("de")
    qtbot.waitUntil(
        lambda: window.import_action.text() == "Klienten aus einer &Tabelle importieren…"
    )
    dialog = open_dialog(window, monkeypatch, write_csv(tmp_path))
    assert dialog.windowTitle() == "Klienten aus einer Tabelle importieren"
    assert dialog.step.text() == "Schritt 2 von 4: Spalten den Feldern zuordnen"
    assert [f for _h, _s, f in dialog.mapping.shown_rows()] == [
        "Familienname",
        "Vornamen",
        "Geburtsdatum",
        "Staatsangehörigkeit",
        "Aktenzeichen",
        "(ignorieren)",
    ]
    assert dialog.next_button.text() == "&Weiter >"
    dialog.next_button.click()
    preview = dialog.preview
    assert preview.counts.text() == (
        "Probelauf mit 6 Zeilen, noch nichts gespeichert: 3 neu, 1 schon in der Fallakte, "
        "1 doppelte Zeilen, 1 fehlerhafte Zeilen."
    )
    assert preview.unmapped.text() == "Nicht importierte Spalten: Bemerkung"
    expected = plan_import(store, dialog.path or Path()).problems[0].text("de")
    assert preview.problem_lines() == [expected]
    assert preview.problem_lines()[0].startswith("Zeile 5: ")
    assert preview.skip.text() == "Fehlerhafte Zeilen über&springen und die anderen importieren"
    assert [r[1] for r in preview.model.shown_rows()][:3] == ["Fehlerhafte Zeile", "Neu", "Neu"]
    preview.skip.click()
    dialog.import_button.click()
    assert dialog.result_text.text() == (
        "Importiert: 3 neu, 1 schon in der Fallakte, 1 fehlerhafte Zeilen, 1 doppelte Zeilen."
    )
    assert dialog.cancel_button.text() == "Schließen"
    set_language("en")
    qtbot.waitUntil(lambda: dialog.result_text.text().startswith("Imported: 3 new"))
    assert dialog.cancel_button.text() == "Close"


# Saved as UTF-8 after a detour through Windows-1252, and with letters an export could not write.
DAMAGED_ROWS = [
    "Nachname;Vorname;Geburtsdatum",
    "MÃ¼ller;JÃ¼rgen;1990",
    "O?uz;Ay?e;1985",
    "Nguyen;Lan;1994",
]


def write_damaged(folder: Path) -> Path:
    path = folder / "damaged.csv"
    path.write_text("\n".join(DAMAGED_ROWS), encoding="utf-8")
    return path


@pytest.mark.parametrize("repair", [True, False])
def test_damaged_names_are_offered_for_repair(
    window: MainWindow,
    store: Store,
    db: DbWorker,
    settle: Settle,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    repair: bool,
) -> None:
    dialog = open_dialog(window, monkeypatch, write_damaged(tmp_path))
    dialog.next_button.click()
    preview = dialog.preview
    assert dialog.pages.currentIndex() == PREVIEW
    assert preview.repair.isVisible() and preview.repair.isChecked()
    assert preview.repair.text() == "Re&pair 2 names with damaged letters (Ã¼ → ü)"
    assert preview.lost.isVisible()
    assert preview.lost.text() == (
        'Letters were lost in the spreadsheet\'s export ("?") in 1 row: check that name in the '
        "case file after the import."
    )
    shown = preview.model.shown_rows()
    assert shown[0][2:] == [
        "Müller, Jürgen",
        "Name repaired: MÃ¼ller → Müller; Name repaired: JÃ¼rgen → Jürgen",
    ]
    assert shown[1][2:] == [
        "O?uz, Ay?e",
        'letters lost in the spreadsheet\'s export: check the name "O?uz".',
    ]
    assert shown[2][3] == ""
    if not repair:
        preview.repair.click()
        shown = preview.model.shown_rows()
        assert shown[0][2:] == [
            "MÃ¼ller, JÃ¼rgen",
            "Name kept with damaged letters: MÃ¼ller; Name kept with damaged letters: JÃ¼rgen",
        ]
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    settle(db)
    assert dialog.result_text.text() == "Imported: 3 new, 0 already in the case file, 0 bad rows."
    muller = "Müller, Jürgen" if repair else "MÃ¼ller, JÃ¼rgen"
    assert names(store) == sorted(["Haddad, Rania", muller, "Nguyen, Lan", "O?uz, Ay?e"])


def test_without_damaged_names_there_is_no_repair_to_choose(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog(window, monkeypatch, write_csv(tmp_path))
    dialog.next_button.click()
    assert not dialog.preview.repair.isVisible() and not dialog.preview.lost.isVisible()
