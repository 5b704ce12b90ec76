"""Hostile spreadsheets through the real `import-csv` command: each one refused with exit 5 and
one sentence, the case file unchanged, memory bounded.

The files are built here: a real workbook written by openpyxl whose sheet XML is then replaced
(billion laughs, an external entity pointing to a local file), a zip bomb (a 1 MB workbook whose
sheet unpacks to 600 MB), a 1 MB cell, and CSV files with a huge field, a NUL byte and bytes of
no text encoding.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile_files import (
    SHEET_HEAD,
    SHEET_TAIL,
    billion_laughs,
    external_entity,
    wide_workbook,
    with_sheet_xml,
    workbook,
    zip_bomb,
)

EXIT_INPUT = 5
REPO_ROOT = Path(__file__).resolve().parents[2]


def case_data(cli) -> str:
    code, out, err = cli("export-json", "-")
    assert code == 0, err
    document = json.loads(out)
    document.pop("meta")
    return json.dumps(document, ensure_ascii=False)


def refused(cli, path: Path, snapshot) -> str:
    """Runs the import, asserts exit 5, one line on stderr, nothing on stdout and the case file
    unchanged; returns the sentence."""
    before = snapshot(cli.data_dir)
    code, out, err = cli("import-csv", str(path))
    assert code == EXIT_INPUT, err
    assert out == ""
    assert "Traceback" not in err and "Unexpected error" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert snapshot(cli.data_dir) == before
    return err.strip()


def test_billion_laughs_is_refused(cli, initialised, tmp_path, snapshot) -> None:
    sentence = refused(cli, billion_laughs(tmp_path), snapshot)
    assert "document type declaration" in sentence, sentence
    assert "lachen.xlsx" in sentence


def test_a_dtd_hidden_behind_a_long_comment_is_refused_by_the_parser(
    cli, initialised, tmp_path, snapshot
) -> None:
    """The DTD stands beyond the part's first 64 KB that are looked at: defusedxml refuses it."""
    sentence = refused(cli, billion_laughs(tmp_path, comment=100_000), snapshot)
    assert "document type declaration" in sentence, sentence


def test_an_external_entity_is_refused_and_the_file_it_names_is_not_read(
    cli, initialised, tmp_path, snapshot
) -> None:
    secret = tmp_path / "geheim.txt"
    secret.write_text("STRENG-GEHEIM-4711", encoding="utf-8")
    path = external_entity(tmp_path, secret)
    sentence = refused(cli, path, snapshot)
    assert "document type declaration" in sentence, sentence
    _code, out, err = cli("import-csv", str(path), "--dry-run")
    assert "STRENG-GEHEIM" not in out + err
    assert "STRENG-GEHEIM" not in case_data(cli)


def test_the_parser_refuses_entities_even_without_the_doctype_check() -> None:
    """openpyxl parses with defusedxml when it is installed: the second line of defence."""
    import defusedxml
    import openpyxl.xml
    from openpyxl.xml.functions import iterparse

    assert openpyxl.xml.DEFUSEDXML is True
    xml = b'<!DOCTYPE a [<!ENTITY b "c">]><a>&b;</a>'
    with pytest.raises(defusedxml.DefusedXmlException):
        list(iterparse(io.BytesIO(xml)))


def test_a_zip_bomb_is_refused_in_little_memory(cli, initialised, tmp_path, snapshot) -> None:
    path = zip_bomb(tmp_path)
    assert path.stat().st_size < 2 << 20  # about 1 MB on disk
    sentence = refused(cli, path, snapshot)
    assert "unpacks to" in sentence and "100 MB" in sentence, sentence
    peak_mb = peak_memory_reading(path)
    print(f"zip bomb of {path.stat().st_size} bytes (600 MB unpacked): ru_maxrss {peak_mb} MB")
    assert peak_mb < 300


def peak_memory_reading(path: Path) -> float:
    """The peak resident memory (MB) of a fresh Python that reads the spreadsheet (POSIX)."""
    if sys.platform == "win32":
        pytest.skip("ru_maxrss is POSIX")
    script = (
        "import resource, sys\n"
        "from desktop.domain.errors import InvalidInput\n"
        "from desktop.formats.spreadsheet import read_sheet\n"
        "try:\n"
        "    read_sheet(sys.argv[1])\n"
        "except InvalidInput:\n"
        "    pass\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return int(done.stdout.strip()) / 1024  # Linux reports KiB


def test_a_sheet_that_unpacks_under_the_limit_but_compresses_too_well_is_refused(
    cli, initialised, tmp_path, snapshot
) -> None:
    sentence = refused(cli, zip_bomb(tmp_path, unpacked_mb=40), snapshot)
    assert "compressed" in sentence, sentence


def test_a_1_mb_cell_names_its_row_and_column(cli, initialised, tmp_path, snapshot) -> None:
    path = workbook(
        tmp_path / "zelle.xlsx", [["Vorname", "Nachname"], ["Anna", "Muster"], ["Ben", "A" * 2**20]]
    )
    sentence = refused(cli, path, snapshot)
    assert "row 3, column B" in sentence, sentence
    assert "10,000" in sentence


def test_too_many_rows_are_refused(cli, initialised, tmp_path, snapshot) -> None:
    rows = [b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (n, n, n) for n in range(2, 100_003)]
    path = workbook(tmp_path / "lang.xlsx", [["Nachname"]])
    with_sheet_xml(path, SHEET_HEAD + b"".join(rows) + SHEET_TAIL)
    sentence = refused(cli, path, snapshot)
    assert "100,000 rows" in sentence, sentence


def test_too_many_columns_are_refused(cli, initialised, tmp_path, snapshot) -> None:
    path = workbook(tmp_path / "breit.xlsx", [["Nachname", *(f"Spalte {i}" for i in range(300))]])
    sentence = refused(cli, path, snapshot)
    assert "columns" in sentence and "Row 1 " in sentence, sentence


def test_a_huge_csv_field_names_its_row(cli, initialised, tmp_path, snapshot) -> None:
    path = tmp_path / "feld.csv"
    path.write_text("Nachname;Vorname\nMuster;Anna\nMuster;" + "B" * 2**20 + "\n", "utf-8")
    sentence = refused(cli, path, snapshot)
    assert "row 3, column B" in sentence, sentence


def test_a_csv_with_a_nul_byte_is_refused(cli, initialised, tmp_path, snapshot) -> None:
    path = tmp_path / "nul.csv"
    path.write_bytes(b"Nachname;Vorname\nMus\x00ter;Anna\n")
    sentence = refused(cli, path, snapshot)
    assert "NUL" in sentence and "Row 2 " in sentence, sentence


def test_a_csv_in_no_text_encoding_is_refused(cli, initialised, tmp_path, snapshot) -> None:
    path = tmp_path / "kaputt.csv"
    # UTF-16 without its byte order mark: NUL bytes between the letters
    path.write_bytes("Nachname;Vorname\nMuster;Anna\n".encode("utf-16-le"))
    assert "neither a CSV file nor an Excel workbook" in refused(cli, path, snapshot)
    path.write_bytes(b"Nachname;Vorname\nM\x81\x8dller;Anna\n")  # undefined in cp1252 too
    sentence = refused(cli, path, snapshot)
    assert "kaputt.csv" in sentence and "UTF-8, UTF-16 or Windows-1252" in sentence, sentence


def test_a_well_formed_workbook_still_imports(cli, initialised, tmp_path) -> None:
    path = workbook(tmp_path / "gut.xlsx", [["Nachname", "Vorname"], ["Muster", "Anna"]])
    code, out, err = cli("import-csv", str(path))
    assert code == 0, err
    assert out == "1 new, 0 already in the case file, 0 bad rows\n"


@pytest.mark.slow
def test_a_workbook_at_every_limit_is_read_in_under_300_mb(tmp_path) -> None:
    """The most a workbook may hold (2,000,000 cells of distinct numbers, 100,000 rows) read in a
    fresh process: the peak memory stays under 300 MB (measured about 195 MB)."""
    path = wide_workbook(tmp_path, columns=20, rows=99_999)
    peak_mb = peak_memory_reading(path)
    print(f"2,000,000 cells ({path.stat().st_size} bytes): ru_maxrss {peak_mb} MB")
    assert peak_mb < 300
