"""Reading spreadsheets as coordinators have them: CSV exports and Excel workbooks.

CSV: comma, semicolon or tab (sniffed from the header line); UTF-8 with or without a byte order
mark, UTF-16 with one, else Windows-1252 (what German Excel writes). XLSX: the active sheet, read
with openpyxl in read-only mode. Cells become text, Excel date cells become dates; rows keep the
number the user sees in the spreadsheet (the header is row 1) and empty rows are left out.
"""

from __future__ import annotations

import codecs
import csv
import itertools
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, TextIO
from xml.etree.ElementTree import ParseError
from xml.parsers.expat import ExpatError

from defusedxml import DefusedXmlException

from desktop.domain.errors import InvalidInput
from desktop.formats import sheet_limits as limits

__all__ = ["Cell", "Sheet", "SheetRow", "cell_text", "read_sheet"]

Cell = str | date
"""A cell's value: text (stripped; "" when empty) or a date (from an Excel date cell)."""

_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary .xls (and .doc) container
_DELIMITERS = (";", ",", "\t")
# Control bytes no text export holds, or NUL twice: binary data. One NUL is named by its row.
_BINARY = re.compile(rb"[\x01-\x08\x0e-\x19\x1b-\x1f]|\x00[^\x00]*\x00")
_MAX_LINE = limits.MAX_COLUMNS * (limits.MAX_CELL_CHARS + 3)  # every cell at its longest, quoted


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
    """The header and non-empty rows of a CSV file or an XLSX workbook; InvalidInput if neither,
    or if the file is over a limit of `sheet_limits` (one sentence each)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as file:
            start = file.read(4096)
    except OSError:
        raise _unreadable(path) from None
    if not start.strip() and size <= len(start):
        raise InvalidInput("file", f"The file {path} is empty.", f"Die Datei {path} ist leer.")
    if start.startswith(_ZIP):
        return _read_xlsx(path)
    if start.startswith(_OLE2):
        raise InvalidInput(
            "file",
            f"The file {path} is an old Excel workbook (.xls): save it as .xlsx or CSV first.",
            f"Die Datei {path} ist eine alte Excel-Arbeitsmappe (.xls): bitte zuerst als .xlsx "
            "oder CSV speichern.",
        )
    if size > limits.MAX_CSV_BYTES:
        raise limits.csv_too_large(path, size)
    return _read_csv(path, _encoding(path, start))


# -- CSV ---------------------------------------------------------------------------------------


def _encoding(path: Path, start: bytes) -> str:
    """The encoding that reads the whole file: UTF-8 (strictly), UTF-16 by its BOM, else cp1252.
    The file is decoded in pieces, never held whole."""
    if start.startswith(codecs.BOM_UTF8):
        candidates: tuple[str, ...] = ("utf-8-sig",)
    elif start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ("utf-16",)
    else:
        candidates = ("utf-8", "cp1252")
    if candidates[0] != "utf-16" and _BINARY.search(start):
        raise _not_a_spreadsheet(path)  # a photo, a PDF, UTF-16 without its mark
    for encoding in candidates:
        decoder = codecs.getincrementaldecoder(encoding)("strict")
        try:
            with path.open("rb") as file:
                while piece := file.read(1 << 20):
                    decoder.decode(piece)
                decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        except OSError:
            raise _unreadable(path) from None
        return encoding
    raise _not_text(path)


def _not_text(path: Path) -> InvalidInput:
    return InvalidInput(
        "file",
        f"The file {path} is neither an Excel workbook (.xlsx) nor text in UTF-8, UTF-16 or "
        "Windows-1252: save the list again as CSV (UTF-8).",
        f"Die Datei {path} ist weder eine Excel-Arbeitsmappe (.xlsx) noch Text in UTF-8, UTF-16 "
        "oder Windows-1252: bitte die Liste neu als CSV (UTF-8) speichern.",
    )


def _sniff_delimiter(first: str) -> str:
    """The delimiter of the first non-empty line: the most frequent of ; , and tab."""
    counts = {d: first.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _lines(path: Path, text: TextIO) -> Iterator[str]:
    """The file's lines, each at most `MAX_LINE` characters (a longer one is refused)."""
    for number in itertools.count(1):
        line = text.readline(_MAX_LINE)
        if not line:
            return
        if len(line) == _MAX_LINE and not line.endswith(("\n", "\r")):
            raise limits.line_too_long(path, number, _MAX_LINE)
        yield line


def _read_csv(path: Path, encoding: str) -> Sheet:
    # fields up to a whole line, so that a long cell is named by its row and column below
    csv.field_size_limit(max(csv.field_size_limit(), _MAX_LINE))
    try:
        with path.open("r", encoding=encoding, newline="") as text:
            lines = _lines(path, text)
            first = ""
            head: list[str] = []
            for line in lines:  # the delimiter is sniffed from the first non-empty line
                head.append(line)
                if line.strip():
                    first = line
                    break
            delimiter = _sniff_delimiter(first)
            reader = csv.reader(itertools.chain(head, lines), delimiter=delimiter)
            numbered = _checked_csv(path, reader)
            header, rows = _split(path, numbered)
    except OSError:
        raise _unreadable(path) from None
    return Sheet(header, rows, "csv", encoding, delimiter)


def _checked_csv(path: Path, reader: Any) -> Iterator[tuple[int, tuple[Cell, ...]]]:
    number = 0
    while True:
        number += 1
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error:  # a field longer than a whole line: a quote never closed
            raise limits.unclosed_quote(path, number) from None
        if any("\x00" in field for field in record):
            raise limits.nul_in_csv(path, number)
        yield number, tuple(record)


# -- XLSX --------------------------------------------------------------------------------------


def _read_xlsx(path: Path) -> Sheet:
    import openpyxl.xml  # loads only when a workbook is read
    from openpyxl import load_workbook

    if not openpyxl.xml.DEFUSEDXML:  # openpyxl parses with defusedxml only when it can
        raise limits.unsafe_parser()
    try:
        with zipfile.ZipFile(path) as archive:
            limits.check_workbook_zip(path, archive)
        workbook = load_workbook(path, read_only=True, data_only=True)
    except DefusedXmlException:
        raise limits.doctype_refused(path) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, ValueError, TypeError):
        raise _not_a_spreadsheet(path) from None
    except (AttributeError, ExpatError, ParseError, EOFError, RuntimeError):
        raise limits.unreadable_sheet(path) from None
    except OSError:
        raise _unreadable(path) from None
    try:
        sheet: Any = workbook.active or workbook.worksheets[0]
        if hasattr(sheet, "reset_dimensions"):
            sheet.reset_dimensions()  # some writers declare a wrong sheet size
        numbered = enumerate(sheet.iter_rows(values_only=True), 1)
        header, rows = _split(path, numbered)
    except DefusedXmlException:
        raise limits.doctype_refused(path) from None
    except (ValueError, TypeError, KeyError, AttributeError, ExpatError, ParseError, EOFError):
        raise limits.unreadable_sheet(path) from None
    except (zipfile.BadZipFile, OSError):  # a member's CRC or size does not match
        raise limits.unreadable_sheet(path) from None
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


def _split(path: Path, numbered: Any) -> tuple[tuple[str, ...], tuple[SheetRow, ...]]:
    """The first non-empty row as header (texts), the later non-empty rows, trailing "" cut;
    refused past the limits on rows, columns and cell length."""
    header: tuple[str, ...] | None = None
    rows: list[SheetRow] = []
    held = 0  # cells of the rows kept
    for number, values in numbered:
        if number > limits.MAX_SHEET_ROW:
            raise limits.too_many_rows(path)
        cells = _trimmed(_cells(path, number, values))
        if not cells:
            continue
        if header is None:
            header = tuple(c.isoformat() if isinstance(c, date) else c for c in cells)
        elif len(rows) >= limits.MAX_ROWS:
            raise limits.too_many_rows(path)
        else:
            held += len(cells)
            if held > limits.MAX_CELLS:
                raise limits.too_many_cells(path, number)
            rows.append(SheetRow(number, cells))
    return header or (), tuple(rows)


def _cells(path: Path, number: int, values: tuple[Any, ...]) -> tuple[Cell, ...]:
    """A row's values as cells, each checked for its length, the row for its width."""
    end = len(values)
    while end and values[end - 1] in (None, ""):
        end -= 1
    if end > limits.MAX_COLUMNS:
        raise limits.too_many_columns(path, number)
    for column, value in enumerate(values[:end], 1):
        if isinstance(value, str) and len(value) > limits.MAX_CELL_CHARS:
            raise limits.cell_too_long(path, number, column, len(value))
    return tuple(cell_text(v) for v in values[:end])


def _trimmed(cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
    end = len(cells)
    while end and cells[end - 1] == "":
        end -= 1
    return cells[:end]
