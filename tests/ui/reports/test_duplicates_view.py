"""The review list of likely duplicates, the merge, and the warning for a new client."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.domain.catalogues import DocumentKind
from desktop.domain.dates import PartialDate
from desktop.domain.model import Appointment, Client, DocumentItem, IntegrationPlan, Note
from desktop.services import casework
from desktop.services.clients import ClientQuery
from desktop.store.store import Store
from desktop.ui.client_import.import_dialog import DONE
from desktop.ui.reports.duplicates_view import DuplicatesDialog
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.widgets.db_worker import DbWorker
from desktop.ui.widgets.i18n import set_language

Settle = Callable[[DbWorker], None]


@pytest.fixture
def pair(add: Callable[..., Client], store: Store) -> tuple[Client, Client]:
    """A true pair (one record with a full birth date and a phone, one with a file number and
    a note of its own) and a look-alike (another given name, same family and year)."""
    first = add(
        family_name="Ali",
        given_names="Mohammed",
        birth_date=PartialDate(1990, 5, 17),
        nationality="SY",
        phone="0151 2345678",
        opened_on=date(2024, 1, 10),
    )
    second = add(
        family_name="Ali",
        given_names="Muhammad",
        birth_date=PartialDate(1990),
        nationality="SY",
        file_number="AZ-77",
        opened_on=date(2025, 3, 1),
    )
    add(family_name="Ali", given_names="Mahmoud", birth_date=PartialDate(1990), nationality="SY")
    casework.add(
        store,
        IntegrationPlan(first.id),
        Note(first.id, date(2024, 2, 1), "Erstgespräch"),
        Note(second.id, date(2025, 3, 2), "Zweites Gespräch"),
        DocumentItem(second.id, next(iter(DocumentKind))),
        Appointment(second.id, datetime(2025, 4, 1, 10, 0)),
    )
    return first, second


@pytest.fixture
def window(
    qtbot: QtBot, pair: tuple[Client, Client], db: DbWorker, case_root: Path, settle: Settle
) -> MainWindow:
    window = MainWindow(db, case_root)
    qtbot.addWidget(window)
    window.show()
    settle(db)  # the list shown before the test looks
    return window


def yes_to_questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def open_review(window: MainWindow) -> DuplicatesDialog:
    dialog = window.reports_menu.open_duplicates()
    assert dialog is not None and dialog.isVisible()
    return dialog


def cells(dialog: DuplicatesDialog, row: int) -> list[str]:
    return [dialog.table.item(row, c).text() for c in range(dialog.table.columnCount())]  # type: ignore[union-attr]


def test_the_pair_is_listed_and_the_look_alike_is_not(
    window: MainWindow, pair: tuple[Client, Client]
) -> None:
    assert window.reports_menu.duplicates_action.text() == "Likely d&uplicates…"
    dialog = open_review(window)
    assert dialog.table.rowCount() == 1
    score, one, other, why = cells(dialog, 0)
    assert score.endswith(" %") and int(score[:-2]) >= 60
    shown = {one, other}
    assert any(s.startswith("Ali, Mohammed (1990-05-17") for s in shown)
    assert any("Muhammad" in s and "AZ-77" in s for s in shown)
    assert not any("Mahmoud" in s for s in shown)
    assert why == "name spelled differently, same birth year, same nationality"
    assert dialog.empty.isHidden()


def test_the_preview_shows_the_filled_fields_and_the_merge_keeps_every_part(
    window: MainWindow,
    store: Store,
    db: DbWorker,
    settle: Settle,
    pair: tuple[Client, Client],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first, second = pair
    dialog = open_review(window)
    assert dialog.keep_first.isChecked() or dialog.keep_second.isChecked()
    chosen = dialog.kept_and_other()
    assert chosen is not None and chosen[0].id == first.id  # the older case is kept
    values = dialog.preview_values()
    assert values["File number"] == "AZ-77"  # filled from the other record
    assert values["Phone"] == "0151 2345678"
    assert values["Date of birth"] == "1990-05-17"
    assert values["Other spellings"] == "Muhammad Ali"

    asked = yes_to_questions(monkeypatch)
    merged = []
    dialog.merged.connect(lambda: merged.append(True))
    dialog.merge_button.click()
    settle(db)  # the case list shown anew after the merge
    assert len(asked) == 1
    assert asked[0].startswith(
        "Ali, Muhammad's plans, documents, appointments, notes and support links move to "
        "Ali, Mohammed."
    )
    assert "travels to colleagues" in asked[0]
    assert merged == [True]
    assert store.find(Client, second.id) is None
    kept = store.get(Client, first.id)
    assert kept.file_number == "AZ-77" and kept.other_names == ("Muhammad Ali",)
    notes = sorted(n.text for n in store.of_client(Note, first.id))
    assert notes == ["Erstgespräch", "Zweites Gespräch"]
    assert len(store.of_client(IntegrationPlan, first.id)) == 1
    assert len(store.of_client(DocumentItem, first.id)) == 1
    assert len(store.of_client(Appointment, first.id)) == 1
    assert dialog.table.rowCount() == 0 and dialog.empty.isVisible()
    assert store.clients(ClientQuery()).total == 2
    model = window.case_list.model
    shown = sorted(model.client_at(row).display_name for row in range(model.rowCount()))
    assert shown == ["Ali, Mahmoud", "Ali, Mohammed"]


def test_saying_no_merges_nothing(
    window: MainWindow, store: Store, db: DbWorker, settle: Settle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.No)
    )
    dialog = open_review(window)
    dialog.merge_button.click()
    settle(db)
    assert store.clients(ClientQuery()).total == 3 and dialog.table.rowCount() == 1


def test_not_the_same_person_hides_the_pair(
    window: MainWindow, store: Store, db: DbWorker, settle: Settle
) -> None:
    dialog = open_review(window)
    dialog.different_button.click()
    assert dialog.table.rowCount() == 0 and not dialog.merge_button.isEnabled()
    dialog.close()
    again = open_review(window)  # hidden for this session
    assert again.table.rowCount() == 0
    settle(db)
    assert store.clients(ClientQuery()).total == 3


def test_the_new_client_dialog_warns_about_another_spelling(
    window: MainWindow, db: DbWorker, settle: Settle
) -> None:
    dialog = window.new_client()
    assert dialog is not None
    dialog.family_name.setText("Ali")
    dialog.given_names.setText("Muhammad")
    dialog.birth_date.setText("1990")
    dialog.nationality.setText("SY")
    dialog.add_button.click()
    settle(db)
    assert dialog.isVisible() and dialog.client is None
    assert "Ali, Mohammed (1990-05-17)" in dialog.message.text()
    assert dialog.add_button.text() == "Add &anyway"


def test_an_import_offers_to_review_its_likely_duplicates(
    window: MainWindow, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        # Not a client already there (the import takes the same name with a fitting birth date
        # and no other file number for that): another day of birth, another file number.
        "Nachname;Vorname;Geburtsdatum;Staatsangehörigkeit;Aktenzeichen\n"
        "Ali;Mohamad;18.05.1990;Syrien;AZ-88\nOkafor;Chidi;1988;Nigeria;AZ-89\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(path), ""))
    )
    dialog = window.open_import()
    assert dialog is not None
    dialog.choose_button.click()
    dialog.next_button.click()
    dialog.import_button.click()
    assert dialog.pages.currentIndex() == DONE
    assert dialog.review_button.isVisible()
    assert dialog.review_button.text() == "Review likely &duplicates (2)…"
    review = dialog.review_duplicates()
    assert review is not None
    names = {
        c.display_name for p in review.pairs for c in (review.clients[p.a], review.clients[p.b])
    }
    assert "Ali, Mohamad" in names and "Okafor, Chidi" not in names


def test_the_review_speaks_german(window: MainWindow, qtbot: QtBot) -> None:
    dialog = open_review(window)
    set_language("de")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Wahrscheinliche Doppelungen")
    assert dialog.merge_button.text() == "&Zusammenführen…"
    assert dialog.different_button.text() == "&Nicht dieselbe Person"
    assert cells(dialog, 0)[3] == (
        "Name anders geschrieben, gleiches Geburtsjahr, gleiche Staatsangehörigkeit"
    )
    assert "Aktenzeichen" in dialog.preview_values()
