"""The case list and the deadline radar as a spreadsheet for a meeting: CSV or XLSX.

CSV is written as German Excel reads it on a double click: UTF-8 with a byte order mark (else
Excel guesses Windows-1252 and umlauts break), semicolons between fields (a German Excel
expects ";" because "," is its decimal separator), CRLF line ends, dates as 31.12.2026 with
German headers (ISO dates with English ones). XLSX holds real date cells, a bold header row
and fitting column widths.

A text that starts like a formula ("=", "+", "-", "@") is never run by the spreadsheet: CSV
cells get a leading apostrophe, XLSX cells are stored as plain strings.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from desktop.domain.catalogues import Catalogue
from desktop.domain.dates import PartialDate
from desktop.domain.errors import InvalidInput
from desktop.domain.places import country_name
from desktop.services import agenda, audit
from desktop.services.clients import all_clients
from desktop.store.search import ClientQuery
from desktop.store.store import Store
from desktop.store.writes import atomic_write_bytes

FORMATS = ("csv", "xlsx")
CSV_DELIMITER = ";"
Value = str | int | date | PartialDate | None

CASE_COLUMNS: dict[str, tuple[str, str]] = {
    "file_number": ("Aktenzeichen", "File number"),
    "family_name": ("Familienname", "Family name"),
    "given_names": ("Vornamen", "Given names"),
    "birth_date": ("Geburtsdatum", "Date of birth"),
    "nationality": ("Staatsangehörigkeit", "Nationality"),
    "residence_status": ("Aufenthaltsstatus", "Residence status"),
    "status_valid_until": ("Status gültig bis", "Status valid until"),
    "opened_on": ("Fall eröffnet", "Case opened"),
    "closed_on": ("Fall abgeschlossen", "Case closed"),
}
RADAR_COLUMNS: dict[str, tuple[str, str]] = {
    "due_on": ("Fällig am", "Due on"),
    "overdue": ("Überfällig", "Overdue"),
    "client": ("Klient/in", "Client"),
    "kind": ("Art", "Kind"),
    "subject": ("Betreff", "Subject"),
}
_YES_NO = {"de": ("ja", "nein"), "en": ("yes", "no")}
_SHEETS = {"cases": ("Fallliste", "Case list"), "radar": ("Fristen", "Deadlines")}


@dataclass(frozen=True)
class Sheet:
    """A table to write: a name, headers, and rows of typed values."""

    name: str
    headers: tuple[str, ...]
    rows: list[tuple[Value, ...]]


def format_of(target: Path, fmt: str | None = None) -> str:
    """ "csv" or "xlsx": `fmt` if given, else from the file's suffix; InvalidInput otherwise."""
    chosen = (fmt or Path(target).suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        raise InvalidInput(
            "format",
            f"'{chosen or target}' is not a list format; choose csv or xlsx.",
            f"'{chosen or target}' ist kein Listenformat; möglich sind csv und xlsx.",
        )
    return chosen


def _pick(labels: tuple[str, str], lang: str) -> str:
    return labels[0] if lang == "de" else labels[1]


# -- the lists -------------------------------------------------------------------------------


def case_list_sheet(store: Store, query: ClientQuery, lang: str = "de") -> Sheet:
    """The clients of the case list `query` (every page of it), one row each.

    No phone numbers, addresses or notes: what a case conference needs.
    """
    rows: list[tuple[Value, ...]] = []
    for c in all_clients(store, query):
        rows.append(
            (
                c.file_number,
                c.family_name,
                c.given_names,
                c.birth_date,
                country_name(c.nationality, lang) if c.nationality else "",
                c.residence_status.label(lang) if c.residence_status else "",
                c.status_valid_until,
                c.opened_on,
                c.closed_on,
            )
        )
    headers = tuple(_pick(h, lang) for h in CASE_COLUMNS.values())
    return Sheet(_pick(_SHEETS["cases"], lang), headers, rows)


def radar_sheet(
    store: Store, today: date, within_days: int, lang: str = "de", *, measures: bool = False
) -> Sheet:
    """The deadline radar (`agenda.deadline_radar`) as rows: overdue first, by date."""
    yes, no = _YES_NO[lang if lang in _YES_NO else "en"]
    rows: list[tuple[Value, ...]] = [
        (
            e.deadline.due_on,
            yes if e.deadline.overdue else no,
            e.client_name,
            e.deadline.kind.label(lang),
            e.deadline.subject_text(lang),
        )
        for e in agenda.deadline_radar(store, today, within_days, measures=measures)
    ]
    headers = tuple(_pick(h, lang) for h in RADAR_COLUMNS.values())
    return Sheet(_pick(_SHEETS["radar"], lang), headers, rows)


def export_case_list(
    store: Store, query: ClientQuery, target: Path, fmt: str | None = None, *, lang: str = "de"
) -> int:
    """Write the case list to `target` as CSV or XLSX (`fmt`, or the suffix); returns rows."""
    fmt = format_of(target, fmt)
    sheet = case_list_sheet(store, query, lang)
    write_sheet(sheet, Path(target), fmt, lang)
    audit.record(store, "exported", what="case list", count=len(sheet.rows))
    return len(sheet.rows)


def export_radar(
    store: Store,
    today: date,
    within_days: int,
    target: Path,
    fmt: str | None = None,
    *,
    lang: str = "de",
    measures: bool = False,
) -> int:
    """Write the deadline radar to `target` as CSV or XLSX; returns the number of deadlines."""
    fmt = format_of(target, fmt)
    sheet = radar_sheet(store, today, within_days, lang, measures=measures)
    write_sheet(sheet, Path(target), fmt, lang)
    audit.record(store, "exported", what="deadline radar", count=len(sheet.rows))
    return len(sheet.rows)


# -- writing ---------------------------------------------------------------------------------


def write_sheet(sheet: Sheet, target: Path, fmt: str, lang: str = "de") -> None:
    """Write one sheet atomically as "csv" or "xlsx"."""
    data = csv_bytes([sheet], lang) if fmt == "csv" else xlsx_bytes(sheet)
    atomic_write_bytes(target, data)


def _defused(text: str) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    if text[:1] in ("=", "+", "@", "\t", "\r") or (text[:1] == "-" and len(text) > 1):
        return "'" + text
    return text


def csv_cell(value: Value, lang: str = "de") -> str:
    """A value as CSV text: dates German (31.12.2026) or ISO, partial dates as they are known."""
    if value is None:
        return ""
    if isinstance(value, PartialDate):
        return value.german() if lang == "de" else value.iso()
    if isinstance(value, date):
        return f"{value:%d.%m.%Y}" if lang == "de" else value.isoformat()
    if isinstance(value, Catalogue):
        return value.label(lang)
    if isinstance(value, int):
        return str(value)
    return _defused(str(value))


def csv_bytes(sheets: Sequence[Sheet], lang: str = "de", *, titles: bool = False) -> bytes:
    """Sheets as CSV: UTF-8 with BOM, ";" between fields, CRLF; with `titles`, each sheet starts
    with its name on a line of its own and ends with an empty line (sections of one file)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    for i, sheet in enumerate(sheets):
        if titles:
            if i:
                writer.writerow([])
            writer.writerow([_defused(sheet.name)])
        writer.writerow([_defused(h) for h in sheet.headers])
        for row in sheet.rows:
            writer.writerow([csv_cell(v, lang) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def _xlsx_value(value: Value) -> Any:
    if isinstance(value, PartialDate):
        if value.month is not None and value.day is not None:
            return value.earliest()
        return value.iso()
    return value


def xlsx_bytes(sheet: Sheet) -> bytes:
    """One sheet as an XLSX workbook: bold header, frozen, date cells as dd.mm.yyyy, widths."""
    from openpyxl import Workbook  # loads only when a spreadsheet is written
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    ws = book.active
    ws.title = sheet.name[:31]
    bold = Font(bold=True)
    widths = [len(h) for h in sheet.headers]
    for col, header in enumerate(sheet.headers, start=1):
        cell = ws.cell(row=1, column=col, value=header)
        cell.font = bold
        cell.data_type = "s"
    for r, row in enumerate(sheet.rows, start=2):
        for col, raw in enumerate(row, start=1):
            value = _xlsx_value(raw)
            cell = ws.cell(row=r, column=col, value=value)
            if isinstance(value, date):
                cell.number_format = "DD.MM.YYYY"
                shown = 10
            else:
                if isinstance(value, str):
                    cell.data_type = "s"  # "=…" stays text, never a formula
                shown = len(str(value)) if value is not None else 0
            widths[col - 1] = max(widths[col - 1], shown)
    for col, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = min(max(w + 2, 8), 60)
    ws.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
