"""Reading spreadsheets as coordinators have them: CSV exports and Excel workbooks.

CSV: comma, semicolon or tab (sniffed from the header line); UTF-8 with or without a byte order
mark, UTF-16 with one, else Windows-1252 (what German Excel writes). XLSX: the active sheet, read
with openpyxl in read-only mode. Cells become text, Excel date cells become dates; rows keep the
number the user sees in the spreadsheet (the header is row 1) and empty rows are left out.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from desktop.domain.errors import InvalidInput

__all__ = ["Cell", "Sheet", "SheetRow", "cell_text", "read_sheet"]

Cell = str | date
"""A cell's value: text (stripped; "" when empty) or a date (from an Excel date cell)."""

_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary .xls (and .doc) container
_DELIMITERS = (";", ",", "\t")


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One non-empty row below the header: its number as the spreadsheet shows it, its cells."""

    number: int
    cells: tuple[Cell, ...]

    def cell(self, column: int) -> Cell:
        """The cell in this (0-based) column, "" beyond the row's end."""
        return self.cells[column] if column < len(self.cells) else ""


@dataclass(frozen=True, slots=True)
class Sheet:
    """A spreadsheet's header and rows; `kind` is "csv" or "xlsx"."""

    header: tuple[str, ...]
    rows: tuple[SheetRow, ...]
    kind: str
    encoding: str = ""  # CSV only: "utf-8", "utf-8-sig", "utf-16" or "cp1252"
    delimiter: str = ""  # CSV only


def _unreadable(path: Path) -> InvalidInput:
    return InvalidInput(
        "file",
        f"The file {path} cannot be read.",
        f"Die Datei {path} kann nicht gelesen werden.",
    )


def _not_a_spreadsheet(path: Path) -> InvalidInput:
    return InvalidInput(
        "file",
        f"The file {path} is neither a CSV file nor an Excel workbook (.xlsx).",
        f"Die Datei {path} ist weder eine CSV-Datei noch eine Excel-Arbeitsmappe (.xlsx).",
    )


def read_sheet(path: Path | str) -> Sheet:
    """The header and non-empty rows of a CSV file or an XLSX workbook; InvalidInput if neither."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError:
        raise _unreadable(path) from None
    if not data.strip():
        raise InvalidInput("file", f"The file {path} is empty.", f"Die Datei {path} ist leer.")
    if data.startswith(_ZIP):
        return _read_xlsx(path, data)
    if data.startswith(_OLE2):
        raise InvalidInput(
            "file",
            f"The file {path} is an old Excel workbook (.xls): save it as .xlsx or CSV first.",
            f"Die Datei {path} ist eine alte Excel-Arbeitsmappe (.xls): bitte zuerst als .xlsx "
            "oder CSV speichern.",
        )
    text, encoding = _decode(path, data)
    return _read_csv(text, encoding)


# -- CSV ---------------------------------------------------------------------------------------


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    """The text and the encoding that read it: UTF-8 (strictly), UTF-16 by its BOM, else cp1252."""
    candidates: tuple[str, ...]
    if data.startswith(codecs.BOM_UTF8):
        candidates = ("utf-8-sig",)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ("utf-16",)
    else:
        candidates = ("utf-8", "cp1252")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:  # binary data that happens to decode
            break
        return text, encoding
    raise _not_a_spreadsheet(path)


def _sniff_delimiter(text: str) -> str:
    """The delimiter of the first non-empty line: the most frequent of ; , and tab."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _read_csv(text: str, encoding: str) -> Sheet:
    delimiter = _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    numbered = ((n, tuple(cell_text(c) for c in record)) for n, record in enumerate(reader, 1))
    header, rows = _split(numbered)
    return Sheet(header, rows, "csv", encoding, delimiter)


# -- XLSX --------------------------------------------------------------------------------------


def _read_xlsx(path: Path, data: bytes) -> Sheet:
    from openpyxl import load_workbook  # loads only when a workbook is read

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError, AttributeError):
        raise _not_a_spreadsheet(path) from None
    try:
        sheet: Any = workbook.active or workbook.worksheets[0]
        if hasattr(sheet, "reset_dimensions"):
            sheet.reset_dimensions()  # some writers declare a wrong sheet size
        numbered = (
            (n, tuple(cell_text(v) for v in values))
            for n, values in enumerate(sheet.iter_rows(values_only=True), 1)
        )
        header, rows = _split(numbered)
    finally:
        workbook.close()
    return Sheet(header, rows, "xlsx")


# -- both --------------------------------------------------------------------------------------


def cell_text(value: Any) -> Cell:
    """A cell as text, or a date for a date cell (an Excel date with a time of day keeps it)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, time):
        return value.isoformat(timespec="minutes")
    return str(value).strip()


def _split(
    numbered: Any,
) -> tuple[tuple[str, ...], tuple[SheetRow, ...]]:
    """The first non-empty row as header (texts), the later non-empty rows, trailing "" cut."""
    header: tuple[str, ...] | None = None
    rows: list[SheetRow] = []
    for number, cells in numbered:
        cells = _trimmed(cells)
        if not cells:
            continue
        if header is None:
            header = tuple(c.isoformat() if isinstance(c, date) else c for c in cells)
        else:
            rows.append(SheetRow(number, cells))
    return header or (), tuple(rows)


def _trimmed(cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
    end = len(cells)
    while end and cells[end - 1] == "":
        end -= 1
    return cells[:end]
