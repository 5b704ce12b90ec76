"""What a spreadsheet may be before it is read, and the one sentence for each refusal.

The limits keep a hostile or broken file from filling memory or hanging the import: a workbook
is checked by its ZIP directory (sizes and compression) and for document type declarations
before any XML is parsed; rows, columns and cell lengths are counted while the rows stream in.
Python's zipfile never unpacks more than a member's declared size (a lie ends in a CRC error),
so the declared sizes bound what is read.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from desktop.domain.errors import InvalidInput

MAX_UNPACKED = 100 * 1024 * 1024  # all members of a workbook together, unpacked
MAX_RATIO = 100  # unpacked / packed, for a member of more than RATIO_FROM bytes
RATIO_FROM = 1024 * 1024
MAX_CSV_BYTES = 100 * 1024 * 1024
MAX_ROWS = 100_000  # non-empty rows below the header
MAX_SHEET_ROW = 1_048_576  # the last row of an Excel sheet: a row number beyond it is forged
MAX_COLUMNS = 200
MAX_CELL_CHARS = 10_000
MAX_CELLS = 2_000_000  # non-empty rows x their width: what memory holds (about 150 MB)
_DOCTYPE = (b"<!DOCTYPE", "<!DOCTYPE".encode("utf-16-le"), "<!DOCTYPE".encode("utf-16-be"))
_PROLOGUE = 64 * 1024  # a DTD stands before the root element: the start of a part is enough


def column_letter(column: int) -> str:
    """The spreadsheet's name of a 1-based column: 1 -> A, 28 -> AB."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def check_workbook_zip(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse a workbook that unpacks too large, compresses suspiciously well or holds a DTD."""
    members = archive.infolist()
    total = sum(m.file_size for m in members)
    if total > MAX_UNPACKED:
        raise InvalidInput(
            "file",
            f"The workbook {path} unpacks to {total // 2**20:,} MB, more than the 100 MB read: "
            "save the list as CSV or split it.",
            f"Die Arbeitsmappe {path} entpackt sich auf {total // 2**20:,} MB, mehr als die "
            "100 MB, die gelesen werden: bitte als CSV speichern oder aufteilen.",
        )
    for member in members:
        packed = max(member.compress_size, 1)
        if member.file_size > RATIO_FROM and member.file_size / packed > MAX_RATIO:
            raise InvalidInput(
                "file",
                f"The workbook {path} is compressed {member.file_size // packed:,} times, far "
                "more than a real spreadsheet: it is not read.",
                f"Die Arbeitsmappe {path} ist {member.file_size // packed:,}-fach komprimiert, "
                "weit mehr als eine echte Tabelle: sie wird nicht gelesen.",
            )
    for member in members:
        if member.filename.endswith((".xml", ".rels")):
            with archive.open(member) as part:
                start = part.read(_PROLOGUE)
            if any(mark in start for mark in _DOCTYPE):
                raise doctype_refused(path)


def doctype_refused(path: Path) -> InvalidInput:
    """The refusal of a workbook with a document type declaration (entities, external files)."""
    return InvalidInput(
        "file",
        f"The workbook {path} contains a document type declaration (entities or references to "
        "other files), which Excel never writes: it is not read.",
        f"Die Arbeitsmappe {path} enthält eine Dokumenttyp-Deklaration (Entitäten oder Verweise "
        "auf andere Dateien), die Excel nie schreibt: sie wird nicht gelesen.",
    )


def unsafe_parser() -> InvalidInput:
    """Refusal when openpyxl would parse without defusedxml (it was removed or switched off)."""
    return InvalidInput(
        "file",
        "Excel workbooks cannot be read safely here (defusedxml is missing or switched off by "
        "OPENPYXL_DEFUSEDXML): save the list as CSV.",
        "Excel-Arbeitsmappen können hier nicht sicher gelesen werden (defusedxml fehlt oder ist "
        "mit OPENPYXL_DEFUSEDXML abgeschaltet): bitte als CSV speichern.",
    )


def csv_too_large(path: Path, size: int) -> InvalidInput:
    return InvalidInput(
        "file",
        f"The file {path} has {size // 2**20:,} MB, more than the 100 MB read: split it.",
        f"Die Datei {path} hat {size // 2**20:,} MB, mehr als die 100 MB, die gelesen werden: "
        "bitte aufteilen.",
    )


def too_many_rows(path: Path) -> InvalidInput:
    return InvalidInput(
        "file",
        f"The file {path} has more than {MAX_ROWS:,} rows: split it into several files.",
        f"Die Datei {path} hat mehr als {MAX_ROWS:,} Zeilen".replace(",", ".")
        + ": bitte auf mehrere Dateien aufteilen.",
    )


def too_many_cells(path: Path, row: int) -> InvalidInput:
    return InvalidInput(
        "file",
        f"The file {path} has more than {MAX_CELLS:,} cells (by row {row}): split it into "
        "several files or remove the columns not needed.",
        f"Die Datei {path} hat mehr als {MAX_CELLS:,} Zellen".replace(",", ".")
        + f" (bis Zeile {row}): bitte aufteilen oder die nicht benötigten Spalten entfernen.",
        row=row,
    )


def too_many_columns(path: Path, row: int) -> InvalidInput:
    return InvalidInput(
        "file",
        f"Row {row} of {path} has more than {MAX_COLUMNS} columns: remove the columns not needed.",
        f"Zeile {row} von {path} hat mehr als {MAX_COLUMNS} Spalten: bitte die nicht benötigten "
        "Spalten entfernen.",
        row=row,
    )


def cell_too_long(path: Path, row: int, column: int, length: int) -> InvalidInput:
    where_en = f"row {row}, column {column_letter(column)}"
    where_de = f"Zeile {row}, Spalte {column_letter(column)}"
    return InvalidInput(
        "file",
        f"The cell in {where_en} of {path} holds {length:,} characters, more than the "
        f"{MAX_CELL_CHARS:,} a cell may have: shorten it.",
        f"Die Zelle in {where_de} von {path} enthält {length:,} Zeichen".replace(",", ".")
        + f", mehr als die {MAX_CELL_CHARS:,} erlaubten".replace(",", ".")
        + ": bitte kürzen.",
        row=row,
    )


def line_too_long(path: Path, line: int, most: int) -> InvalidInput:
    return InvalidInput(
        "file",
        f"Line {line} of {path} is longer than {most:,} characters: it is not read.",
        f"Zeile {line} von {path} ist länger als {most:,} Zeichen".replace(",", ".")
        + ": sie wird nicht gelesen.",
        row=line,
    )


def unclosed_quote(path: Path, row: int) -> InvalidInput:
    return InvalidInput(
        "file",
        f'Row {row} of {path} cannot be read: a quotation mark (") is opened and never closed.',
        f'Zeile {row} von {path} kann nicht gelesen werden: ein Anführungszeichen (") wird '
        "geöffnet und nie geschlossen.",
        row=row,
    )


def nul_in_csv(path: Path, row: int) -> InvalidInput:
    return InvalidInput(
        "file",
        f"Row {row} of {path} contains a NUL byte, which no text file has: save the list again "
        "as CSV (UTF-8).",
        f"Zeile {row} von {path} enthält ein NUL-Byte, das in keiner Textdatei vorkommt: bitte "
        "die Liste neu als CSV (UTF-8) speichern.",
        row=row,
    )


def unreadable_sheet(path: Path) -> InvalidInput:
    return InvalidInput(
        "file",
        f"The workbook {path} is damaged: its sheet cannot be read.",
        f"Die Arbeitsmappe {path} ist beschädigt: ihr Tabellenblatt kann nicht gelesen werden.",
    )
