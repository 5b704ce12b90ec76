"""Tables written as spreadsheets for a meeting: CSV as German Excel reads it, or XLSX.

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
from desktop.fsutil import atomic_write_bytes

FORMATS = ("csv", "xlsx")
CSV_DELIMITER = ";"
Value = str | int | date | PartialDate | None


@dataclass(frozen=True)
class Table:
    """A table to write: a name, headers, and rows of typed values."""

    name: str
    headers: tuple[str, ...]
    rows: list[tuple[Value, ...]]


def write_table(sheet: Table, target: Path, fmt: str, lang: str = "de") -> None:
    """Write one table atomically as "csv" or "xlsx"."""
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


def csv_bytes(sheets: Sequence[Table], lang: str = "de", *, titles: bool = False) -> bytes:
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


def xlsx_bytes(sheet: Table) -> bytes:
    """One sheet as an XLSX workbook: bold header, frozen, date cells as dd.mm.yyyy, widths."""
    return workbook_bytes([sheet])


def sheet_name(name: str) -> str:
    """A name Excel accepts for a sheet: none of []:*?/\\ and at most 31 characters."""
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in name).strip("' ")
    return cleaned[:31] or "Sheet"


def workbook_bytes(sheets: Sequence[Table]) -> bytes:
    """An XLSX workbook with one sheet per table, each as `xlsx_bytes` writes one."""
    from openpyxl import Workbook  # loads only when a spreadsheet is written

    book = Workbook()
    book.remove(book.active)
    for sheet in sheets:
        _fill(book.create_sheet(sheet_name(sheet.name)), sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _fill(ws: Any, sheet: Table) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

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
