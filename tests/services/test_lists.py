"""The case list and the deadline radar as CSV (German Excel) and XLSX (openpyxl)."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from desktop.domain.catalogues import DocumentKind, DocumentStatus, ResidenceStatus
from desktop.domain.dates import PartialDate
from desktop.domain.errors import InvalidInput
from desktop.domain.model import Client, DocumentItem
from desktop.services import casework, lists
from desktop.store.search import ClientQuery
from desktop.store.store import Store

TODAY = date(2026, 11, 23)


@pytest.fixture
def clients(store: Store) -> None:
    casework.add(
        store,
        Client(
            "Müller",
            "Jürgen",
            file_number="WD-1",
            birth_date=PartialDate(1990, 5, 17),
            nationality="SY",
            residence_status=ResidenceStatus.DULDUNG,
            status_valid_until=date(2026, 12, 1),
            opened_on=date(2026, 1, 5),
            phone="+49 151 2345678",
        ),
        Client("=HYPERLINK(1)", "Eve", file_number="WD-2", birth_date=PartialDate(1985)),
        Client("Closed", "Case", opened_on=date(2025, 1, 1), closed_on=date(2025, 6, 1)),
    )
    owner = next(c for c in store.all(Client) if c.family_name == "Müller")
    casework.add(
        store,
        DocumentItem(
            owner.id,
            DocumentKind.PASSPORT,
            status=DocumentStatus.COPY_ON_FILE,
            expires_on=date(2026, 11, 1),
        ),
    )


def _csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM German Excel needs for UTF-8
    assert b"\r\n" in raw
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_case_list_as_csv_for_german_excel(store: Store, clients: None, tmp_path: Path) -> None:
    target = tmp_path / "cases.csv"
    assert lists.export_case_list(store, ClientQuery(state="open"), target) == 2
    rows = _csv(target)
    assert rows[0][:4] == ["Aktenzeichen", "Familienname", "Vornamen", "Geburtsdatum"]
    by_number = {r[0]: r for r in rows[1:]}
    assert by_number["WD-1"][1:] == [
        "Müller",
        "Jürgen",
        "17.05.1990",
        "Syrien",
        "Duldung (§ 60a AufenthG)",
        "01.12.2026",
        "05.01.2026",
        "",
    ]
    assert by_number["WD-2"][1] == "'=HYPERLINK(1)"  # never run as a formula
    assert by_number["WD-2"][3] == "1985"
    assert b"2345678" not in target.read_bytes()


def test_english_headers_and_iso_dates(store: Store, clients: None, tmp_path: Path) -> None:
    target = tmp_path / "cases.csv"
    lists.export_case_list(store, ClientQuery(), target, lang="en")
    rows = _csv(target)
    assert rows[0][0] == "File number" and len(rows) == 4
    assert "1990-05-17" in next(r for r in rows if r[0] == "WD-1")


def test_case_list_as_xlsx_has_date_cells_and_a_bold_header(
    store: Store, clients: None, tmp_path: Path
) -> None:
    target = tmp_path / "cases.xlsx"
    assert lists.export_case_list(store, ClientQuery(state="open"), target) == 2
    ws = openpyxl.load_workbook(target).active
    header = [c.value for c in ws[1]]
    assert header[0] == "Aktenzeichen" and all(c.font.bold for c in ws[1])
    row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "WD-1")
    assert row[3].is_date and row[3].value.date() == date(1990, 5, 17)
    assert row[6].is_date and row[6].value.date() == date(2026, 12, 1)
    assert row[8].value is None
    other = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "WD-2")
    assert other[1].value == "=HYPERLINK(1)" and other[1].data_type == "s"
    assert other[3].value == "1985"
    assert ws.column_dimensions["F"].width > 20


def test_radar_in_both_formats(store: Store, clients: None, tmp_path: Path) -> None:
    assert lists.export_radar(store, TODAY, 42, tmp_path / "radar.csv") == 2
    rows = _csv(tmp_path / "radar.csv")
    assert rows[0] == ["Fällig am", "Überfällig", "Klient/in", "Art", "Betreff"]
    assert rows[1] == ["01.11.2026", "ja", "Müller, Jürgen", "Dokument läuft ab", "Reisepass"]
    assert rows[2][0:3] == ["01.12.2026", "nein", "Müller, Jürgen"]
    assert lists.export_radar(store, TODAY, 42, tmp_path / "radar.xlsx", lang="en") == 2
    ws = openpyxl.load_workbook(tmp_path / "radar.xlsx").active
    assert [c.value for c in ws[1]][:2] == ["Due on", "Overdue"]
    assert ws["A2"].is_date and ws["A2"].value.date() == date(2026, 11, 1)


def test_format_from_suffix_or_refused(store: Store, clients: None, tmp_path: Path) -> None:
    lists.export_case_list(store, ClientQuery(), tmp_path / "list.data", "xlsx")
    book = openpyxl.load_workbook(io.BytesIO((tmp_path / "list.data").read_bytes()))
    assert book.active["A1"].value == "Aktenzeichen"
    with pytest.raises(InvalidInput):
        lists.export_case_list(store, ClientQuery(), tmp_path / "list.ods")
    assert not (tmp_path / "list.ods").exists()
