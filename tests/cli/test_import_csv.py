"""`import-csv` through the real command line: counts, exit 5 with the bad rows listed, the case
file unchanged on failure and on a dry run, re-import adds no one."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import openpyxl

EXIT_INPUT = 5

# Windows-1252, semicolons, German dates, empty rows 3 and 9, a bad date in row 17.
HEADER = "Nachname;Vorname;Geburtsdatum;Staatsangehörigkeit;Aktenzeichen"


def german_file(folder: Path, *, bad: bool = True) -> Path:
    rows = [HEADER, "Müller;Jürgen;31.12.1990;Syrien;AZ-1", ""]
    rows += [f"Weiß{i};Jörg;0{i}.05.198{i};Irak;AZ-{i + 1}" for i in range(1, 6)]  # rows 4-8
    rows += [";;;;"]  # row 9
    rows += [f"Öztürk{i};Gül;{1990 + i};Türkei;" for i in range(1, 8)]  # rows 10-16
    rows += ["Bäcker;Jörg;31.02.1990;Deutschland;AZ-17" if bad else "Bäcker;Jörg;1990;DE;AZ-17"]
    path = folder / "Klienten.csv"
    path.write_bytes("\r\n".join(rows).encode("cp1252"))
    return path


def case_data(cli) -> dict:
    code, out, err = cli("export-json", "-")
    assert code == 0, err
    document = json.loads(out)
    document.pop("meta")
    document.pop("audit")  # grows with every export: the case data is what is compared
    return document


def test_a_bad_date_in_row_17_stops_everything(cli, initialised, tmp_path, snapshot) -> None:
    path = german_file(tmp_path)
    before = snapshot(cli.data_dir)
    code, out, err = cli("import-csv", str(path))
    assert code == EXIT_INPUT, err
    assert out == ""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert lines[0] == (
        "1 row of the spreadsheet cannot be imported, so nothing was imported: correct them or "
        "skip the bad rows."
    )
    assert lines[1].startswith("row 17: '31.02.1990' is not a valid date for birth_date")
    assert len(lines) == 2
    assert snapshot(cli.data_dir) == before


def test_skipping_bad_rows_then_importing_again_adds_no_one(cli, initialised, tmp_path) -> None:
    path = german_file(tmp_path)
    code, out, err = cli("import-csv", str(path), "--skip-bad-rows")
    assert code == 0, err
    assert out == "13 new, 0 already in the case file, 1 bad rows\n"
    assert err.startswith("row 17: ")
    first = case_data(cli)
    assert len(first["clients"]) == 13
    code, out, err = cli("import-csv", str(path), "--skip-bad-rows")
    assert code == 0, err
    assert out == "0 new, 13 already in the case file, 1 bad rows\n"
    assert case_data(cli) == first


def test_a_dry_run_counts_and_changes_nothing(cli, initialised, tmp_path, snapshot) -> None:
    existing = cli.add(
        "--family-name", "Mueller", "--given-names", "Juergen", "--file-number", "AZ-1"
    )
    path = german_file(tmp_path, bad=False)
    before = snapshot(cli.data_dir)
    code, out, err = cli("import-csv", str(path), "--dry-run")
    assert code == 0, err
    assert out == "Dry run, nothing changed: 13 new, 1 already in the case file, 0 bad rows\n"
    assert snapshot(cli.data_dir) == before
    code, out, err = cli("import-csv", str(path), env={"WELCOME_DESK_LANG": "de"})
    assert code == 0, err
    assert out == "13 neu, 1 schon in der Fallakte, 0 fehlerhafte Zeilen\n"
    ids = [c["id"] for c in cli.list_json()]
    assert len(ids) == 14 and existing in ids


def test_an_excel_workbook_matches_by_file_number_and_by_name(cli, initialised, tmp_path) -> None:
    by_number = cli.add("--family-name", "Haddad", "--given-names", "Amal", "--file-number", "4711")
    by_name = cli.add("--family-name", "Mansour", "--given-names", "Samir", "--birth-date", "1988")
    path = tmp_path / "Liste.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Family name", "Given names", "Date of birth", "File number"])
    ws.append(["Haddad", "Amal", datetime(1990, 5, 17), 4711])
    ws.append(["MANSOUR", "samir", datetime(1988, 2, 1), None])
    ws.append([])
    ws.append(["Osman", "Fatima", datetime(2001, 12, 24), 4713])
    wb.save(path)
    code, out, err = cli("import-csv", str(path))
    assert code == 0, err
    assert out == "1 new, 2 already in the case file, 0 bad rows\n"
    found = {c["id"]: c for c in cli.list_json()}
    assert found[by_number]["birth_date"] is None  # existing clients are left unchanged
    assert found[by_name]["birth_date"] == "1988"
    (osman,) = (c for c in found.values() if c["family_name"] == "Osman")
    assert (osman["birth_date"], osman["file_number"]) == ("2001-12-24", "4713")


def test_a_missing_or_foreign_file_is_refused(cli, initialised, tmp_path, snapshot) -> None:
    pdf = tmp_path / "list.pdf"
    pdf.write_bytes(b"%PDF-1.7\n\x00\x01\x02\xff binary")
    before = snapshot(cli.data_dir)
    for path, words in ((tmp_path / "nowhere.csv", "cannot be read"), (pdf, "neither a CSV")):
        code, out, err = cli("import-csv", str(path))
        assert code == EXIT_INPUT, err
        assert out == "" and err.count("\n") == 1 and words in err
    assert snapshot(cli.data_dir) == before


# Saved as UTF-8 after a detour through Windows-1252 ("MÃ¼ller"), and by an export that wrote
# "?" for the letters Windows-1252 lacks ("O?uz, Ay?e" was "Oğuz, Ayşe").
DAMAGED = "Nachname;Vorname;Geburtsdatum\nMÃ¼ller;JÃ¼rgen;1990\nO?uz;Ay?e;1985\nHaddad;Rania;1988\n"


def test_damaged_names_are_listed_in_a_dry_run_and_repaired_on_import(
    cli, initialised, tmp_path, snapshot
) -> None:
    path = tmp_path / "damaged.csv"
    path.write_text(DAMAGED, encoding="utf-8")
    before = snapshot(cli.data_dir)
    code, out, err = cli("import-csv", str(path), "--dry-run")
    assert code == 0, err
    assert out.splitlines() == [
        "Dry run, nothing changed: 3 new, 0 already in the case file, 0 bad rows",
        'row 2: family name "MÃ¼ller" repaired to "Müller"',
        'row 2: given names "JÃ¼rgen" repaired to "Jürgen"',
        'row 3: letters lost in the spreadsheet\'s export: check the name "O?uz".',
    ]
    assert snapshot(cli.data_dir) == before
    code, out, err = cli("import-csv", str(path))
    assert code == 0, err
    assert out.startswith("3 new, 0 already in the case file, 0 bad rows\n")
    names = sorted(c["family_name"] + ", " + c["given_names"] for c in cli.list_json())
    assert names == ["Haddad, Rania", "Müller, Jürgen", "O?uz, Ay?e"]


def test_keep_damaged_imports_the_names_as_they_are(cli, initialised, tmp_path) -> None:
    path = tmp_path / "damaged.csv"
    path.write_text(DAMAGED, encoding="utf-8")
    code, out, err = cli("import-csv", str(path), "--keep-damaged", env={"WELCOME_DESK_LANG": "de"})
    assert code == 0, err
    assert out.splitlines()[:2] == [
        "3 neu, 0 schon in der Fallakte, 0 fehlerhafte Zeilen",
        "Zeile 2: Familienname „MÃ¼ller“ wie in der Datei behalten (repariert: „Müller“)",
    ]
    assert "Zeile 3: Buchstaben beim Export der Tabelle verloren" in out
    names = sorted(c["family_name"] for c in cli.list_json())
    assert names == ["Haddad", "MÃ¼ller", "O?uz"]
