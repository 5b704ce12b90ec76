"""Import details through the real `import-csv` command with real CSV and XLSX files: postcodes
and file numbers as text, partial birth dates as German authorities write them, future birth
dates refused, columns not imported named, file numbers given to new clients."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl

EXIT_INPUT = 5


def xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def by_family(cli) -> dict[str, dict]:
    return {c["family_name"]: c for c in cli.list_json()}


def test_postcodes_typed_as_numbers_keep_their_leading_zero(cli, initialised, tmp_path) -> None:
    path = xlsx(
        tmp_path / "plz.xlsx",
        [
            ["Nachname", "PLZ", "Aktenzeichen"],
            ["Dresden", 1067, 12.0],  # Excel stored the postcode 01067 as the number 1067
            ["Leipzig", 4109.0, "007"],
            ["Berlin", "10115", 4711],
        ],
    )
    code, _out, err = cli("import-csv", str(path))
    assert code == 0, err
    found = by_family(cli)
    assert found["Dresden"]["postcode"] == "01067"
    assert found["Leipzig"]["postcode"] == "04109"
    assert found["Berlin"]["postcode"] == "10115"
    assert [found[n]["file_number"] for n in ("Dresden", "Leipzig", "Berlin")] == [
        "12",
        "007",
        "4711",
    ]


def test_a_csv_keeps_leading_zeros_and_foreign_postcodes_are_not_padded(
    cli, initialised, tmp_path
) -> None:
    path = tmp_path / "plz.csv"
    path.write_text("Nachname;PLZ;Az.\nDresden;1067;00123\nLeipzig;04109;0042\n", encoding="utf-8")
    assert cli("import-csv", str(path)).returncode == 0
    found = by_family(cli)
    assert (found["Dresden"]["postcode"], found["Dresden"]["file_number"]) == ("01067", "00123")
    assert (found["Leipzig"]["postcode"], found["Leipzig"]["file_number"]) == ("04109", "0042")
    mixed = tmp_path / "ausland.csv"  # one postcode is not German: the column is taken as it is
    mixed.write_text("Nachname;PLZ\nWien;1010\nLondon;SW1A 1AA\n", encoding="utf-8")
    assert cli("import-csv", str(mixed)).returncode == 0
    assert by_family(cli)["Wien"]["postcode"] == "1010"


def test_a_later_correct_file_fixes_a_postcode_an_earlier_import_lost(
    cli, initialised, tmp_path
) -> None:
    # as an earlier version stored it: the zero lost
    client = cli.add("--family-name", "Dresden", "--file-number", "AZ-1", "--postcode", "1067")
    other = cli.add("--family-name", "Chemnitz", "--file-number", "AZ-2", "--postcode", "09111")
    path = tmp_path / "richtig.csv"
    path.write_text(
        "Nachname;Aktenzeichen;PLZ\nDresden;AZ-1;01067\nChemnitz;AZ-2;09112\n", encoding="utf-8"
    )
    code, out, err = cli("import-csv", str(path), "--dry-run")
    assert code == 0, err
    assert out.splitlines() == [
        "Dry run, nothing changed: 0 new, 2 already in the case file, 0 bad rows, 1 corrected",
        'row 2: postcode "1067" corrected to "01067"',
    ]
    assert by_family(cli)["Dresden"]["postcode"] == "1067"
    code, out, err = cli("import-csv", str(path))
    assert code == 0, err
    assert out.splitlines()[0] == "0 new, 2 already in the case file, 0 bad rows, 1 corrected"
    found = {c["id"]: c for c in cli.list_json()}
    assert found[client]["postcode"] == "01067"
    assert found[other]["postcode"] == "09111"  # another postcode: existing data left as it is
    code, out, err = cli("import-csv", str(path))
    assert out == "0 new, 2 already in the case file, 0 bad rows\n"


def test_unknown_days_and_months_read_as_partial_dates(cli, initialised, tmp_path) -> None:
    path = tmp_path / "daten.csv"
    path.write_text(
        "Nachname;Geburtsdatum\n"
        "Null;00.00.1990\nIks;XX.XX.1991\nKlein;xx.xx.1992\nMonat;00.05.1993\nMonatX;XX.06.1994\n",
        encoding="utf-8",
    )
    code, out, err = cli("import-csv", str(path))
    assert code == 0, err
    assert out == "5 new, 0 already in the case file, 0 bad rows\n"
    found = by_family(cli)
    assert [found[n]["birth_date"] for n in ("Null", "Iks", "Klein", "Monat", "MonatX")] == [
        "1990",
        "1991",
        "1992",
        "1993-05",
        "1994-06",
    ]


def test_a_day_without_its_month_is_still_refused(cli, initialised, tmp_path, snapshot) -> None:
    path = tmp_path / "tag.csv"
    path.write_text("Nachname;Geburtsdatum\nTag;15.00.1990\n", encoding="utf-8")
    before = snapshot(cli.data_dir)
    code, _out, err = cli("import-csv", str(path))
    assert code == EXIT_INPUT
    assert err.splitlines()[1].startswith("row 2: '15.00.1990' is not a valid date")
    assert snapshot(cli.data_dir) == before


def test_a_birth_date_in_the_future_is_refused_with_its_row(
    cli, initialised, tmp_path, snapshot
) -> None:
    next_year = date.today().year + 1
    path = xlsx(
        tmp_path / "zukunft.xlsx",
        [["Nachname", "Geburtsdatum"], ["Heute", "1990"], ["Morgen", f"17.05.{next_year}"]],
    )
    before = snapshot(cli.data_dir)
    code, out, err = cli("import-csv", str(path))
    assert code == EXIT_INPUT, out
    assert err.splitlines()[1] == f"row 3: the birth date 17.05.{next_year} lies in the future."
    assert snapshot(cli.data_dir) == before
    code, _out, err = cli("import-csv", str(path), env={"WELCOME_DESK_LANG": "de"})
    assert err.splitlines()[1] == (
        f"Zeile 3: das Geburtsdatum 17.05.{next_year} liegt in der Zukunft."
    )


def test_columns_not_imported_are_named_in_the_dry_run(cli, initialised, tmp_path) -> None:
    path = tmp_path / "spalten.csv"
    path.write_text(
        "Nachname;Bemerkung;Vorname;Lieblingsfarbe\nMuster;ruft an;Anna;blau\n", encoding="utf-8"
    )
    code, out, err = cli("import-csv", str(path), "--dry-run")
    assert code == 0, err
    assert out.splitlines() == [
        "Dry run, nothing changed: 1 new, 0 already in the case file, 0 bad rows",
        "Columns not imported: Bemerkung, Lieblingsfarbe",
    ]
    code, out, err = cli("import-csv", str(path), "--dry-run", env={"WELCOME_DESK_LANG": "de"})
    assert out.splitlines()[1] == "Nicht importierte Spalten: Bemerkung, Lieblingsfarbe"


def test_new_clients_are_numbered_by_the_case_files_scheme(cli, initialised, tmp_path) -> None:
    year = date.today().year
    cli.add("--family-name", "Alt", "--file-number", f"WD-{year}-00011")
    cli.add("--family-name", "Neu", "--file-number", f"WD-{year}-00012")
    path = xlsx(
        tmp_path / "neu.xlsx",
        [
            ["Nachname", "Aktenzeichen"],
            ["Eins", None],
            ["Neu", f"WD-{year}-00012"],  # already there: keeps its number
            ["Zwei", f"WD-{year}-00013"],  # taken by this file: skipped
            ["Drei", None],
        ],
    )
    code, out, err = cli("import-csv", str(path), "--number-files", "--dry-run")
    assert code == 0, err
    assert out.splitlines()[1:] == [
        f"row 2: file number WD-{year}-00014 given",
        f"row 5: file number WD-{year}-00015 given",
    ]
    code, out, err = cli("import-csv", str(path), "--number-files")
    assert code == 0, err
    found = by_family(cli)
    assert found["Eins"]["file_number"] == f"WD-{year}-00014"
    assert found["Zwei"]["file_number"] == f"WD-{year}-00013"
    assert found["Drei"]["file_number"] == f"WD-{year}-00015"
    code, out, err = cli("import-csv", str(path), "--number-files")
    assert out == "0 new, 4 already in the case file, 0 bad rows\n"  # numbered once only


def test_without_a_scheme_numbers_start_with_the_year(cli, initialised, tmp_path) -> None:
    path = tmp_path / "neu.csv"
    path.write_text("Nachname\nEins\nZwei\n", encoding="utf-8")
    code, out, err = cli("import-csv", str(path), "--number-files")
    assert code == 0, err
    year = date.today().year
    assert sorted(c["file_number"] for c in cli.list_json()) == [f"{year}-0001", f"{year}-0002"]
    code, out, err = cli("import-csv", str(path))  # without the option: no numbers given
    assert out == "0 new, 2 already in the case file, 0 bad rows\n"
