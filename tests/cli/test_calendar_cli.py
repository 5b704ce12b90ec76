"""`export-ics`, `export-list` and `statistics` through the real command line."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import icalendar
import openpyxl
import pypdf
import pytest

EXIT_USAGE, EXIT_INPUT = 2, 5


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory, make_cli: type) -> tuple[object, str]:
    """A case file with 30 demo clients and one client added by hand (its id)."""
    cli = make_cli(tmp_path_factory.mktemp("calendar") / "data")
    cli.init()
    code, _, err = cli("demo", "--clients", "30", "--seed", "3")
    assert code == 0, err
    client_id = cli.add("--family-name", "Haddad", "--given-names", "Amal", "--phone", "0151 999")
    return cli, client_id


def test_export_ics_writes_a_file_icalendar_parses(filled: tuple, tmp_path: Path) -> None:
    cli, _ = filled
    out = tmp_path / "termine.ics"
    code, stdout, err = cli("export-ics", str(out))
    assert code == 0, err
    assert stdout.strip() == str(out)
    assert err.strip().endswith("appointments and deadlines")
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    events = cal.walk("VEVENT")
    assert len(events) == int(err.split()[0]) > 0
    assert [str(z["TZID"]) for z in cal.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert all(str(e["SUMMARY"]).startswith(("Termin", "Frist", "Abgesagt")) for e in events)


# all a default event may say: when (in its DTSTART), and which kind of event it is
MINIMAL = re.compile(
    r"(Abgesagt: )?Termin|Frist: (Aufenthalt läuft ab|Überprüfung des Integrationsplans"
    r"|Dokument läuft ab|Original länger als 4 Wochen in Verwahrung|Maßnahme fällig)"
)


def test_export_ics_is_minimal_by_default_and_tells_more_only_when_asked(
    filled: tuple, tmp_path: Path
) -> None:
    cli, _ = filled
    code, _, err = cli("export-ics", str(tmp_path / "min.ics"))
    assert code == 0, err
    data = (tmp_path / "min.ics").read_bytes()
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert events and all(MINIMAL.fullmatch(str(e["SUMMARY"])) for e in events)
    assert not any(e.get("LOCATION") or e.get("DESCRIPTION") for e in events)
    for word in ("§", "AufenthG", "Duldung", "Dolmetschen"):
        assert word.encode() not in data
    everything = [x for part in ("purpose", "place", "status", "section", "language")
                  for x in ("--include", part)]  # fmt: skip
    code, _, err = cli("export-ics", str(tmp_path / "all.ics"), "--detail", "initials", *everything)
    assert code == 0, err
    full = icalendar.Calendar.from_ical((tmp_path / "all.ics").read_bytes()).walk("VEVENT")
    assert len(full) == len(events)
    assert any(e.get("LOCATION") for e in full)
    assert any(not MINIMAL.fullmatch(str(e["SUMMARY"])) for e in full)
    code, stdout, err = cli("export-ics", str(tmp_path / "x.ics"), "--include", "phone")
    assert code == EXIT_USAGE and stdout == ""
    assert not (tmp_path / "x.ics").exists()


def test_export_ics_for_one_client_and_range(filled: tuple, tmp_path: Path) -> None:
    cli, client_id = filled
    out = tmp_path / "one.ics"
    code, _, err = cli(
        "export-ics", str(out), "--client", client_id, "--from", "01.01.2026", "--to", "2026-12-31",
        "--detail", "none", "--language", "en",
    )  # fmt: skip
    assert code == 0, err
    assert icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT") == []
    assert b"Haddad" not in out.read_bytes()


@pytest.mark.parametrize(
    "options",
    [
        ("--from", "31.02.2026"),
        ("--from", "tomorrow"),
        ("--to", "2026-13-01"),
        ("--from", "2026-05-01", "--to", "2026-04-01"),
    ],
)
def test_a_bad_date_exits_5(filled: tuple, tmp_path: Path, options: tuple[str, ...]) -> None:
    cli, _ = filled
    out = tmp_path / "bad.ics"
    code, stdout, err = cli("export-ics", str(out), *options)
    assert code == EXIT_INPUT, err
    assert stdout == "" and len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_a_bad_detail_is_wrong_usage(filled: tuple, tmp_path: Path) -> None:
    cli, _ = filled
    code, _, _ = cli("export-ics", str(tmp_path / "x.ics"), "--detail", "phone")
    assert code == EXIT_USAGE


def test_export_list_csv_xlsx_and_radar(filled: tuple, tmp_path: Path) -> None:
    cli, _ = filled
    code, _, err = cli("export-list", str(tmp_path / "faelle.csv"))
    assert code == 0, err
    text = (tmp_path / "faelle.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][0] == "Aktenzeichen" and len(rows) == int(err.split()[0]) + 1
    code, _, err = cli("export-list", str(tmp_path / "radar.xlsx"), "--radar", "--language", "en")
    assert code == 0, err
    ws = openpyxl.load_workbook(tmp_path / "radar.xlsx").active
    assert ws["A1"].value == "Due on" and ws["A1"].font.bold
    code, _, err = cli("export-list", str(tmp_path / "list.txt"))
    assert code == EXIT_USAGE
    assert not (tmp_path / "list.txt").exists()


def test_statistics_as_pdf_and_csv(filled: tuple, tmp_path: Path) -> None:
    cli, _ = filled
    code, _, err = cli("statistics", str(tmp_path / "s.pdf"), "--from", "2026-01-01")
    assert code == 0, err
    text = "".join(p.extract_text() for p in pypdf.PdfReader(tmp_path / "s.pdf").pages)
    assert "Termine im Zeitraum" in text and "Haddad" not in text
    code, _, err = cli("statistics", str(tmp_path / "s.csv"), "--to", "31.12.2026")
    assert code == 0, err
    rows = list(csv.reader(io.StringIO((tmp_path / "s.csv").read_text("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Tabelle", "Zeile", "Spalte", "Wert"] and {len(r) for r in rows} == {4}
    assert "Unterstützung je offenem Fall" in {r[0] for r in rows}
    code, _, err = cli("statistics", str(tmp_path / "s.xlsx"), "--language", "en")
    assert code == 0, err
    assert openpyxl.load_workbook(tmp_path / "s.xlsx").sheetnames[1:3] == [
        "Cases",
        "Residence status",
    ]
    code, _, _ = cli("statistics", str(tmp_path / "s.csv"), "--from", "1.1.")
    assert code == EXIT_INPUT
    code, _, _ = cli("statistics", str(tmp_path / "s.docx"))
    assert code == EXIT_USAGE
