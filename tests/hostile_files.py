"""Hostile spreadsheets built for the tests: real workbooks (written by openpyxl) with their sheet
XML replaced by a billion laughs, an external entity or a zip bomb."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl

SHEET = "xl/worksheets/sheet1.xml"


def workbook(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def with_sheet_xml(path: Path, xml: bytes, *, member: str = SHEET) -> Path:
    """The workbook at `path` rewritten with `member` replaced by `xml` (everything else kept)."""
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = xml if info.filename == member else source.read(info.filename)
            target.writestr(info.filename, data)
    return path


SHEET_HEAD = (
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>Nachname</t></is></c></row>'
)
SHEET_TAIL = b"</sheetData></worksheet>"


def inline_row(number: int, text: bytes) -> bytes:
    return (
        f'<row r="{number}"><c r="A{number}" t="inlineStr"><is><t>'.encode()
        + text
        + b"</t></is></c></row>"
    )


def billion_laughs(folder: Path, *, comment: int = 0) -> Path:
    """Nine levels of ten entities each; `comment` characters of comment before the DTD."""
    entities = b'<!ENTITY lol0 "lol">' + b"".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">'.encode() for i in range(1, 10)
    )
    xml = (
        b'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE worksheet ['
        + entities
        + b"]>"
        + SHEET_HEAD
        + inline_row(2, b"&lol9;")
        + SHEET_TAIL
    )
    path = workbook(folder / "lachen.xlsx", [["Nachname"], ["Muster"]])
    return with_sheet_xml(path, xml)


def external_entity(folder: Path, secret: Path) -> Path:
    xml = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        + f'<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'.encode()
        + SHEET_HEAD
        + inline_row(2, b"&xxe;")
        + SHEET_TAIL
    )
    path = workbook(folder / "extern.xlsx", [["Nachname"], ["Muster"]])
    return with_sheet_xml(path, xml)


def zip_bomb(folder: Path, unpacked_mb: int = 600) -> Path:
    """A workbook of about 1 MB whose sheet XML unpacks to `unpacked_mb` MB: one huge cell."""
    path = workbook(folder / "bombe.xlsx", [["Nachname"], ["Muster"]])
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != SHEET:
                target.writestr(info.filename, source.read(info.filename))
                continue
            with target.open(SHEET, "w", force_zip64=True) as sheet:
                sheet.write(SHEET_HEAD + b'<row r="2"><c r="A2" t="inlineStr"><is><t>')
                block = b"A" * (1 << 20)
                for _ in range(unpacked_mb):
                    sheet.write(block)
                sheet.write(b"</t></is></c></row>" + SHEET_TAIL)
    return path


def wide_workbook(folder: Path, *, columns: int, rows: int) -> Path:
    """A workbook of `rows` rows below the header, each of `columns` distinct numbers."""
    path = workbook(folder / "gross.xlsx", [["Nachname"]])
    letters = [openpyxl.utils.get_column_letter(c) for c in range(1, columns + 1)]
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != SHEET:
                target.writestr(info.filename, source.read(info.filename))
                continue
            with target.open(SHEET, "w", force_zip64=True) as sheet:
                sheet.write(SHEET_HEAD)
                for n in range(2, rows + 2):
                    cells = "".join(
                        f'<c r="{col}{n}"><v>{n * 100 + i}</v></c>' for i, col in enumerate(letters)
                    )
                    sheet.write(f'<row r="{n}">{cells}</row>'.encode())
                sheet.write(SHEET_TAIL)
    return path
