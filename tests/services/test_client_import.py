"""Clients from messy spreadsheets: encodings, delimiters, German dates, empty rows, a bad date in
row 17, Excel date cells; matching to the case file; all rows or none; re-import adds no one."""

from __future__ import annotations

import json
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from desktop.domain.catalogues import ResidenceStatus
from desktop.domain.dates import PartialDate
from desktop.domain.errors import InvalidInput
from desktop.domain.model import Client, LanguageSkill
from desktop.formats.spreadsheet import read_sheet
from desktop.services import casework
from desktop.services.client_import import (
    BadRows,
    ImportResult,
    apply_import,
    guess_mapping,
    plan_import,
)
from desktop.services.export import export_json_text
from desktop.store.store import Store

TODAY = date(2026, 3, 2)

# Rows 1-20 of a German list as Excel saves it ("CSV (Trennzeichen-getrennt)"): Windows-1252,
# semicolons, German dates, empty rows (4, 7 and 20), a bad date in row 17, row 19 repeats row 2.
GERMAN_ROWS = [
    "Nachname;Vorname(n);Geb.-Datum;Staatsangehörigkeit;Az.;Aufenthaltsstatus;gültig bis;"
    "Sprache(n);Bemerkung",
    "Müller;Jürgen;31.12.1990;Syrien;AZ-001;Duldung;30.06.2027;Arabisch, de:A2;",
    "Öztürk;Gül;1985;Türkei;AZ-002;;;Kurdisch;",
    "",
    "Weiß;Hans-Peter;05.1978;Afghanistan;AZ-003;asylum_procedure;;Dari;",
    'Straßer;Anna;1999-02-03;Eritrea;;;;ti;"Notiz; mit Semikolon"',
    ";;;;;;;;",
    "Haddad;Rania;17.05.1988;Syrien;AZ-005;;;ar;",
    "Haddad;Omar;2015;SY;AZ-006;;;ar;",
    "Ahmadi;Zahra;01.01.2001;Iran;;;;Persisch;",
    "Ahmadi;Reza;1975;Iran;;;;fa;",
    "Tesfay;Senait;3.4.1996;Eritrea;AZ-011;;;ti/ar;",
    "Kovalenko;Olena;1982-07-09;Ukraine;AZ-012;temporary_protection;04.03.2027;uk, ru;",
    "Rahimi;Ali;2004;Afghanistan;AZ-013;;;prs;",
    "Yusuf;Hodan;1992;Somalia;AZ-014;;;so;",
    "Karimi;Mina;22.11.2010;Irak;AZ-015;;;ku;",
    "Bäcker;Jörg;31.02.1990;Deutschland;AZ-016;;;de;bad date",
    "Nguyen;Lan;12.3.1994;Vietnam;AZ-017;;;vi;",
    "Müller;Jürgen;31.12.1990;Syrien;AZ-001;Duldung;30.06.2027;Arabisch, de:A2;again",
    "",
]


def write_german(folder: Path) -> Path:
    path = folder / "Klienten.csv"
    path.write_bytes("\r\n".join(GERMAN_ROWS).encode("cp1252"))
    return path


def write_english(folder: Path) -> Path:
    """UTF-8 with a byte order mark, commas, quoted commas, English headers and ISO dates."""
    path = folder / "clients.csv"
    text = (
        "Surname,First name,Date of birth,Nationality,File number,Phone,E-mail,Street,Postcode,"
        "City,Residence status,Valid until,Languages,Alias\n"
        'Şahin,Elif,1991-04-05,Türkei,F-1,+49 30 123,elif@example.org,"Hauptstr. 1, Hinterhaus",'
        "10115,Berlin,refugee,2028-01-31,tr;de:B1,Sahin\n"
        "\n"
        "Abdulrahman,Mohammed,1985-03,Syria,F-2,,,,,,,,ar,Abdul Rahman / Abdelrahman\n"
    )
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    return path


def write_xlsx(folder: Path) -> Path:
    """Real date cells, a numeric file number (int and float), an empty row, a date as text."""
    path = folder / "Liste.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Familienname", "Vornamen", "Geburtsdatum", "Aktenzeichen", "gültig bis", "Ort"])
    ws.append(["Haddad", "Amal", datetime(1990, 5, 17), 4711, date(2027, 1, 31), "Köln"])
    ws.append([])
    ws.append(["Mansour", "Samir", "1988", 4712.0, None, "Bonn"])
    ws.append(["Osman", "Fatima", date(2001, 12, 24), None, None, None])
    wb.save(path)
    return path


def case_data(store: Store) -> dict:
    document = json.loads(export_json_text(store))
    document.pop("meta")
    document.pop("audit")  # grows with every change: the case data is what is compared
    return document


# -- reading -----------------------------------------------------------------------------------


def test_windows_1252_with_semicolons_is_read(tmp_path: Path) -> None:
    sheet = read_sheet(write_german(tmp_path))
    assert (sheet.kind, sheet.encoding, sheet.delimiter) == ("csv", "cp1252", ";")
    assert sheet.header[3] == "Staatsangehörigkeit"
    assert [r.number for r in sheet.rows] == [2, 3, 5, 6, *range(8, 20)]
    assert sheet.rows[0].cells[:3] == ("Müller", "Jürgen", "31.12.1990")
    assert sheet.rows[3].cells[8] == "Notiz; mit Semikolon"


def test_utf8_with_bom_and_commas_is_read(tmp_path: Path) -> None:
    sheet = read_sheet(write_english(tmp_path))
    assert (sheet.encoding, sheet.delimiter) == ("utf-8-sig", ",")
    assert sheet.header[0] == "Surname"  # no BOM left in the first header
    assert [r.number for r in sheet.rows] == [2, 4]
    assert sheet.rows[0].cells[7] == "Hauptstr. 1, Hinterhaus"


def test_plain_utf8_is_not_taken_for_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "plain.csv"
    path.write_text("Name,Vorname\nWeiß,Jörg\n", encoding="utf-8")
    sheet = read_sheet(path)
    assert sheet.encoding == "utf-8"
    assert sheet.rows[0].cells == ("Weiß", "Jörg")


def test_xlsx_cells_become_text_and_dates(tmp_path: Path) -> None:
    sheet = read_sheet(write_xlsx(tmp_path))
    assert sheet.kind == "xlsx"
    assert [r.number for r in sheet.rows] == [2, 4, 5]
    assert sheet.rows[0].cells == (
        "Haddad",
        "Amal",
        date(1990, 5, 17),
        "4711",
        date(2027, 1, 31),
        "Köln",
    )
    assert sheet.rows[1].cells[3] == "4712"


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("missing.csv", None, "cannot be read"),
        ("empty.csv", b"", "is empty"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x00\x00", "neither a CSV"),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "old Excel"),
        ("archive.xlsx", "zip", "neither a CSV"),
    ],
)
def test_what_is_no_spreadsheet_is_refused_in_one_sentence(
    tmp_path: Path, name: str, content: bytes | str | None, words: str
) -> None:
    path = tmp_path / name
    if content == "zip":
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("hello.txt", "not a workbook")
    elif isinstance(content, bytes):
        path.write_bytes(content)
    with pytest.raises(InvalidInput) as caught:
        read_sheet(path)
    assert words in caught.value.text("en")
    assert str(path) in caught.value.text("de")


# -- mapping -----------------------------------------------------------------------------------


def test_headers_are_recognised_in_german_and_english() -> None:
    german = [
        "Nachname", "Vorname(n)", "Geb.-Datum", "Staatsangehörigkeit", "Az.", "Telefon",
        "E-Mail", "Straße", "PLZ", "Ort", "Aufenthaltsstatus", "gültig bis", "Sprache(n)",
        "andere Schreibweise", "Bemerkung", "Geburtsdatum (TT.MM.JJJJ)",
    ]  # fmt: skip
    fields = [
        "family_name", "given_names", "birth_date", "nationality", "file_number", "phone",
        "email", "street", "postcode", "city", "residence_status", "status_valid_until",
        "languages", "other_names",
    ]  # fmt: skip
    assert guess_mapping(german) == dict(enumerate(fields))  # a second birth date is ignored
    english = [
        "Family name", "Given names", "Birth date", "Nationality", "File number", "Phone",
        "Email", "Street", "Postcode", "City", "Residence status", "Valid until", "Languages",
        "Other names",
    ]  # fmt: skip
    assert guess_mapping(english) == dict(enumerate(fields))
    assert guess_mapping(["Familienname", "Vorname", "Stadt", "Nationalität", "GUELTIG BIS"]) == {
        0: "family_name",
        1: "given_names",
        2: "city",
        3: "nationality",
        4: "status_valid_until",
    }
    assert guess_mapping(["Sprache", "Language 2", "Languages"])[2] == "languages"


def test_without_a_family_name_column_nothing_is_planned(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Vorname;Ort\nAnna;Köln\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        plan_import(store, path)
    assert "'Vorname', 'Ort'" in caught.value.text("en")


def test_a_mapping_chosen_by_the_user_wins(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("A;B;C\nHaddad;Amal;1990\n", encoding="utf-8")
    plan = plan_import(store, path, {0: "family_name", 1: "given_names", 2: "birth_date"})
    assert plan.rows[0].fields["birth_date"] == PartialDate(1990)
    with pytest.raises(InvalidInput):
        plan_import(store, path, {0: "family_name", 1: "family_name"})
    with pytest.raises(InvalidInput):
        plan_import(store, path, {0: "family_name", 1: "shoe_size"})


# -- planning ----------------------------------------------------------------------------------


def test_the_german_file_is_planned_exactly(store: Store, tmp_path: Path) -> None:
    plan = plan_import(store, write_german(tmp_path), today=TODAY)
    assert [(r.number, r.outcome) for r in plan.rows] == [
        (2, "new"), (3, "new"), (5, "new"), (6, "new"), (8, "new"), (9, "new"), (10, "new"),
        (11, "new"), (12, "new"), (13, "new"), (14, "new"), (15, "new"), (16, "new"),
        (17, "bad"), (18, "new"), (19, "repeat"),
    ]  # fmt: skip
    (problem,) = plan.problems
    assert (problem.row, problem.field) == (17, "birth_date")
    assert problem.text("en").startswith("row 17: '31.02.1990' is not a valid date")
    assert problem.text("de").startswith("Zeile 17: '31.02.1990' ist kein gültiges Datum")
    assert plan.rows[-1].same_as_row == 2
    muller = plan.rows[0].fields
    assert muller["family_name"] == "Müller"
    assert muller["birth_date"] == PartialDate(1990, 12, 31)
    assert muller["nationality"] == "SY"
    assert muller["file_number"] == "AZ-001"
    assert muller["residence_status"] is ResidenceStatus.DULDUNG
    assert muller["status_valid_until"] == date(2027, 6, 30)
    assert muller["languages"] == (LanguageSkill("ar"), LanguageSkill("de", "A2"))
    assert muller["opened_on"] == TODAY
    assert plan.rows[2].fields["birth_date"] == PartialDate(1978, 5)
    assert plan.rows[8].fields["languages"] == (LanguageSkill("ti"), LanguageSkill("ar"))
    assert (plan.new, plan.matched, plan.repeated) == (14, 0, 1)


def test_the_english_file_is_planned_exactly(store: Store, tmp_path: Path) -> None:
    plan = plan_import(store, write_english(tmp_path))
    sahin, mohammed = (r.fields for r in plan.rows)
    assert sahin["given_names"] == "Elif"
    assert sahin["street"] == "Hauptstr. 1, Hinterhaus"
    assert sahin["postcode"] == "10115"
    assert sahin["email"] == "elif@example.org"
    assert sahin["phone"] == "+49 30 123"
    assert sahin["residence_status"] is ResidenceStatus.REFUGEE
    assert sahin["other_names"] == ("Sahin",)
    assert mohammed["birth_date"] == PartialDate(1985, 3)
    assert mohammed["other_names"] == ("Abdul Rahman", "Abdelrahman")


def test_rows_match_existing_clients_by_file_number_or_name_and_birth_date(
    store: Store, tmp_path: Path
) -> None:
    by_number = Client("Mueller", "Juergen", file_number="AZ-001")  # spelt otherwise: same file
    by_name = Client("Haddad", "Rania", birth_date=PartialDate(1988))  # year only: compatible
    other_omar = Client("Haddad", "Omar", birth_date=PartialDate(2016))  # another Omar
    other_number = Client("Nguyen", "Lan", birth_date=PartialDate(1994, 3, 12), file_number="X")
    casework.add(store, by_number, by_name, other_omar, other_number)
    plan = plan_import(store, write_german(tmp_path))
    outcome = {r.number: (r.outcome, r.existing_id) for r in plan.rows}
    assert outcome[2] == ("existing", by_number.id)
    assert outcome[8] == ("existing", by_name.id)
    assert outcome[9] == ("new", None)  # born 2015, not 2016
    assert outcome[18] == ("new", None)  # another file number: another case
    assert outcome[19] == ("repeat", None)


# -- importing ---------------------------------------------------------------------------------


def test_bad_rows_stop_the_import_and_change_nothing(store: Store, tmp_path: Path) -> None:
    casework.add(store, Client("Haddad", "Amal"))
    before = case_data(store)
    plan = plan_import(store, write_german(tmp_path))
    with pytest.raises(BadRows) as caught:
        apply_import(store, plan)
    assert isinstance(caught.value, InvalidInput)
    message = caught.value.text("en")
    assert "1 row of the spreadsheet cannot be imported" in message
    assert "row 17: '31.02.1990'" in message
    assert caught.value.row == 17
    assert case_data(store) == before


def test_skipping_bad_rows_imports_the_good_ones_only(store: Store, tmp_path: Path) -> None:
    plan = plan_import(store, write_german(tmp_path))
    result = apply_import(store, plan, skip_bad_rows=True)
    assert (result.added, result.matched, result.skipped_bad, result.repeated) == (14, 0, 1, 1)
    assert [p.row for p in result.errors] == [17]
    assert result.text("en") == "14 new, 0 already in the case file, 1 bad rows, 1 repeated rows"
    assert result.text("de").startswith("14 neu, 0 schon in der Fallakte, 1 fehlerhafte Zeilen")
    names = sorted(c.display_name for c in store.all(Client))
    assert len(names) == 14
    assert "Bäcker, Jörg" not in names
    assert names.count("Müller, Jürgen") == 1


def test_importing_the_same_file_again_adds_no_one(store: Store, tmp_path: Path) -> None:
    for write in (write_german, write_english, write_xlsx):
        apply_import(store, plan_import(store, write(tmp_path)), skip_bad_rows=True)
    after_first = case_data(store)
    count = store.counts().clients
    assert count == 14 + 2 + 3
    for write in (write_german, write_english, write_xlsx):
        plan = plan_import(store, write(tmp_path))
        assert plan.new == 0
        result = apply_import(store, plan, skip_bad_rows=True)
        assert result.added == 0 and result.matched == len(plan.rows) - plan.repeated - len(
            plan.problems
        )
    assert store.counts().clients == count
    assert case_data(store) == after_first


def test_the_xlsx_import_keeps_dates_and_file_numbers(store: Store, tmp_path: Path) -> None:
    result = apply_import(store, plan_import(store, write_xlsx(tmp_path)))
    assert result == ImportResult(3, 0, 0, (), 0, result.added_ids)
    amal = store.client_by_file_number("4711")
    assert amal is not None
    assert (amal.birth_date, amal.status_valid_until, amal.city) == (
        PartialDate(1990, 5, 17),
        date(2027, 1, 31),
        "Köln",
    )
    samir = store.client_by_file_number("4712")
    assert samir is not None and samir.birth_date == PartialDate(1988)


def test_a_failure_midway_leaves_nothing_half_imported(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    rows = ["Nachname;Vorname;Geburtsdatum"] + [
        f"Person{i};Test;{1950 + i % 50}" for i in range(250)
    ]
    path.write_text("\n".join(rows), encoding="utf-8")
    plan = plan_import(store, path)
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done == 200:
            raise RuntimeError("the disk went away")

    with pytest.raises(RuntimeError):
        apply_import(store, plan, progress=progress)
    assert store.counts().clients == 0
    assert seen == [(100, 250), (200, 250)]
    seen.clear()
    result = apply_import(store, plan, progress=lambda d, t: seen.append((d, t)))
    assert result.added == 250 and seen[-1] == (250, 250)


def test_unicode_text_from_excel_is_read(tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"
    path.write_bytes("Nachname\tVorname\r\nŞahin\tElif\r\n".encode("utf-16"))
    sheet = read_sheet(path)
    assert (sheet.encoding, sheet.delimiter) == ("utf-16", "\t")
    assert sheet.rows[0].cells == ("Şahin", "Elif")


# -- damaged names -----------------------------------------------------------------------------

# A list saved as UTF-8 by one program, opened as Windows-1252 by the next and saved again:
# "Müller" became "MÃ¼ller"; another export wrote "?" for the letters Windows-1252 lacks.
DAMAGED_ROWS = [
    "Nachname;Vorname;Geburtsdatum;Andere Schreibweisen;Geburtsort",
    "MÃ¼ller;JÃ¼rgen;1990;Mueller / MÃ¶ller;KÃ¶ln",
    "O?uz;Ay?e;1985;;",
    "\u200bHaddad\u202e;Rania;1988;;",
    "Nguyen;Lan;1994;;",
]


def write_damaged(folder: Path) -> Path:
    path = folder / "damaged.csv"
    path.write_text("\n".join(DAMAGED_ROWS), encoding="utf-8")
    return path


def test_damaged_names_are_repaired_in_the_plan_and_listed(store: Store, tmp_path: Path) -> None:
    plan = plan_import(store, write_damaged(tmp_path))
    muller, oguz, haddad, nguyen = plan.rows
    assert [r.outcome for r in plan.rows] == ["new"] * 4  # all importable
    assert muller.fields["family_name"] == "Müller"
    assert muller.fields["given_names"] == "Jürgen"
    assert muller.fields["other_names"] == ("Mueller", "Möller")
    assert muller.fields["birth_place"] == "Köln"
    assert muller.repairs == {
        "family_name": ("MÃ¼ller", "Müller"),
        "given_names": ("JÃ¼rgen", "Jürgen"),
        "other_names": (("Mueller", "MÃ¶ller"), ("Mueller", "Möller")),
        "birth_place": ("KÃ¶ln", "Köln"),
    }
    assert plan.damaged_names == 4 and plan.repaired
    assert plan.repair_lines() == [
        'row 2: family name "MÃ¼ller" repaired to "Müller"',
        'row 2: given names "JÃ¼rgen" repaired to "Jürgen"',
        'row 2: other names "Mueller; MÃ¶ller" repaired to "Mueller; Möller"',
        'row 2: place of birth "KÃ¶ln" repaired to "Köln"',
    ]
    assert plan.repair_lines("de")[0] == "Zeile 2: Familienname „MÃ¼ller“ repariert zu „Müller“"
    assert not oguz.repairs and not haddad.repairs and not nguyen.repairs
    assert haddad.fields["family_name"] == "Haddad"  # invisible characters gone
    assert muller.warning is None and nguyen.warning is None
    assert oguz.warning is not None and oguz.fields["family_name"] == "O?uz"  # kept as it is
    assert plan.warnings == (oguz.warning,)
    assert oguz.warning.text("en") == (
        'row 3: letters lost in the spreadsheet\'s export: check the name "O?uz".'
    )
    assert oguz.warning.text("de") == (
        "Zeile 3: Buchstaben beim Export der Tabelle verloren: bitte den Namen prüfen: „O?uz“."
    )


def test_the_import_stores_the_repaired_names(store: Store, tmp_path: Path) -> None:
    result = apply_import(store, plan_import(store, write_damaged(tmp_path)))
    assert result.added == 4 and not result.errors
    clients = {store.get(Client, i).family_name: store.get(Client, i) for i in result.added_ids}
    assert sorted(clients) == ["Haddad", "Müller", "Nguyen", "O?uz"]
    muller = clients["Müller"]
    assert (muller.given_names, muller.other_names, muller.birth_place) == (
        "Jürgen",
        ("Mueller", "Möller"),
        "Köln",
    )


def test_damaged_names_can_be_kept_as_they_are(store: Store, tmp_path: Path) -> None:
    path = write_damaged(tmp_path)
    kept = plan_import(store, path, repair=False)
    assert not kept.repaired and kept.damaged_names == 4
    assert kept.rows[0].fields["family_name"] == "MÃ¼ller"
    assert kept.repair_lines()[0] == (
        'row 2: family name "MÃ¼ller" kept as in the file (repaired: "Müller")'
    )
    repaired = kept.with_repair(True)
    assert repaired.rows[0].fields["other_names"] == ("Mueller", "Möller")
    assert repaired.with_repair(False).rows == kept.rows
    result = apply_import(store, kept)
    names = sorted(store.get(Client, i).family_name for i in result.added_ids)
    assert names == ["Haddad", "MÃ¼ller", "Nguyen", "O?uz"]
    again = apply_import(store, plan_import(store, path, repair=False))
    assert again.added == 0 and again.matched == 4  # the same rows, kept the same way


def test_a_damaged_name_matches_the_client_it_stands_for(store: Store, tmp_path: Path) -> None:
    existing = Client(family_name="Müller", given_names="Jürgen", birth_date=PartialDate(1990))
    casework.add(store, existing)
    plan = plan_import(store, write_damaged(tmp_path))
    assert plan.rows[0].outcome == "existing" and plan.rows[0].existing_id == existing.id


def test_a_row_in_another_spelling_or_script_is_the_client_already_there(
    store: Store, tmp_path: Path
) -> None:
    """The import matches by the one name matcher, as the search and the report do."""
    from desktop.services import casework

    kept = Client("Al-Jasem", "Walaa", birth_date=PartialDate(2008, 3))
    casework.add(store, kept)
    sheet = tmp_path / "rows.csv"
    sheet.write_text(
        "Familienname;Vorname;Geburtsdatum\nAljasim;Wala;2008\nالجاسم;ولاء;2008\n"
        "Al-Jasem;Hussein;2008\n",
        encoding="utf-8",
    )
    plan = plan_import(store, sheet, {0: "family_name", 1: "given_names", 2: "birth_date"})
    outcomes = [(row.outcome, row.existing_id) for row in plan.rows]
    assert outcomes[0] == ("existing", kept.id)
    assert outcomes[1] == ("repeat", None)  # the row before, in Arabic script
    assert outcomes[2][0] == "new"  # another given name: another person


def test_a_row_repeating_an_earlier_one_in_another_spelling_is_added_once(
    store: Store, tmp_path: Path
) -> None:
    sheet = tmp_path / "rows.csv"
    sheet.write_text(
        "Familienname;Vorname;Geburtsdatum\nAl-Jasem;Walaa;03.2008\nAli;Hassan;1990\n"
        "Aljasim;Wala;2008\nAli;Hussein;1990\nالجاسم;ولاء;03.2008\nAl-Jasem;Walaa;2009\n",
        encoding="utf-8",
    )
    plan = plan_import(store, sheet, {0: "family_name", 1: "given_names", 2: "birth_date"})
    assert [(row.outcome, row.same_as_row) for row in plan.rows] == [
        ("new", None), ("new", None), ("repeat", 2), ("new", None), ("repeat", 2), ("new", None),
    ]  # fmt: skip
