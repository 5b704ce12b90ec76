"""iCalendar export: parsed back with `icalendar` (test-only), Berlin time across the DST change."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from desktop.domain.catalogues import (
    AppointmentStatus,
    DocumentKind,
    DocumentStatus,
    ResidenceStatus,
)
from desktop.domain.model import Appointment, Client, DocumentItem
from desktop.formats import ics
from desktop.services import calendar, casework
from desktop.store.store import Store

BERLIN = ZoneInfo("Europe/Berlin")
TODAY = date(2026, 10, 1)
NOW = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def case(store: Store) -> dict[str, str]:
    amal = Client(
        "Haddad",
        "Amal",
        phone="+49 151 2345678",
        opened_on=date(2026, 1, 5),
        residence_status=ResidenceStatus.DULDUNG,
        status_valid_until=date(2026, 11, 15),
    )
    bilal = Client("Rahimi", "Bilal", opened_on=date(2026, 2, 1))
    casework.add(
        store,
        amal,
        bilal,
        Appointment(
            amal.id,
            datetime(2026, 10, 25, 9, 30),
            purpose="Ausländerbehörde; Verlängerung, Termin\\Nr. 7",
            place="Rathaus, Raum 2",
            interpreter_language="ar",
        ),
        Appointment(amal.id, datetime(2026, 10, 24, 9, 30), duration_minutes=45, purpose="Kita"),
        Appointment(
            amal.id,
            datetime(2026, 10, 27, 11, 0),
            purpose="Hausarzttermin",
            place="Praxis Dr. Weber",
            interpreter_language="fa",
        ),
        Appointment(
            bilal.id,
            datetime(2026, 11, 3, 14, 0),
            purpose="Jobcenter " + "sehr lange Beschreibung " * 6,
            status=AppointmentStatus.CANCELLED,
        ),
        DocumentItem(
            amal.id,
            DocumentKind.PASSPORT,
            status=DocumentStatus.COPY_ON_FILE,
            expires_on=date(2026, 12, 1),
        ),
    )
    return {"amal": amal.id, "bilal": bilal.id}


def _write(store: Store, tmp_path: Path, **options: object) -> tuple[bytes, icalendar.Calendar]:
    target = tmp_path / "out.ics"
    calendar.write_ics(store, target, today=TODAY, now=NOW, **options)  # type: ignore[arg-type]
    data = target.read_bytes()
    return data, icalendar.Calendar.from_ical(data)


def _events(cal: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}


def test_events_parse_with_tzid_and_a_berlin_vtimezone(
    store: Store, case: dict, tmp_path: Path
) -> None:
    data, cal = _write(store, tmp_path)
    assert len(cal.walk("VEVENT")) == 6  # four appointments, a passport and a Duldung expiry
    zones = cal.walk("VTIMEZONE")
    assert [str(z["TZID"]) for z in zones] == ["Europe/Berlin"]
    assert {c.name for c in zones[0].subcomponents} == {"STANDARD", "DAYLIGHT"}
    assert b"DTSTART;TZID=Europe/Berlin:20261025T093000\r\n" in data
    assert b"DTSTART;VALUE=DATE:20261201\r\n" in data
    stamp = cal.walk("VEVENT")[0]["DTSTAMP"].dt
    assert stamp == NOW


def test_an_appointment_on_the_day_of_the_october_change_keeps_its_local_time(
    store: Store, case: dict, tmp_path: Path
) -> None:
    _, cal = _write(store, tmp_path)
    starts = {
        e["DTSTART"].dt.date(): e["DTSTART"].dt
        for e in cal.walk("VEVENT")
        if isinstance(e["DTSTART"].dt, datetime)
    }
    sunday, saturday = starts[date(2026, 10, 25)], starts[date(2026, 10, 24)]
    assert sunday == datetime(2026, 10, 25, 9, 30, tzinfo=BERLIN)
    assert saturday == datetime(2026, 10, 24, 9, 30, tzinfo=BERLIN)
    assert sunday.astimezone(BERLIN).strftime("%H:%M") == "09:30"
    assert saturday.astimezone(BERLIN).strftime("%H:%M") == "09:30"
    assert saturday.utcoffset() == timedelta(hours=2)
    assert sunday.utcoffset() == timedelta(hours=1)
    assert sunday.astimezone(UTC) == datetime(2026, 10, 25, 8, 30, tzinfo=UTC)


def test_the_vtimezone_itself_agrees_with_zoneinfo_for_years(
    store: Store, case: dict, tmp_path: Path
) -> None:
    _, cal = _write(store, tmp_path)
    ours = cal.walk("VTIMEZONE")[0].to_tz()
    moment = datetime(2026, 1, 1, 12, 0)
    while moment.year < 2031:
        assert moment.replace(tzinfo=ours).utcoffset() == moment.replace(tzinfo=BERLIN).utcoffset()
        moment += timedelta(days=1)
    # the hours around both changes of 2027
    for day, hours in ((date(2027, 3, 28), (1, 3, 4)), (date(2027, 10, 31), (1, 4, 5))):
        for hour in hours:
            local = datetime.combine(day, datetime.min.time()).replace(hour=hour)
            assert (
                local.replace(tzinfo=ours).utcoffset() == local.replace(tzinfo=BERLIN).utcoffset()
            )


EVERYTHING = ("purpose", "place", "status", "section", "language")
PURPOSES = ("Ausländerbehörde", "Kita", "Hausarzttermin", "Jobcenter", "Reisepass", "Passport")
PLACES = ("Rathaus", "Praxis", "Weber")
STATUS = ("Duldung", "deportation suspended")
SECTIONS = ("§", "AufenthG", "60a")
LANGUAGES = ("Arabisch", "Persisch", "Dolmetschen", "Arabic", "Persian", "Interpreter")
NAMES = ("Haddad", "Amal", "Rahimi", "Bilal")
INITIALS = ("A. H.", "B. R.")


def _text(cal: icalendar.Calendar) -> str:
    """Every value of every event as `icalendar` reads it back (unescaped, unfolded)."""
    return "\n".join(str(v) for e in cal.walk("VEVENT") for v in e.values())


def _found(text: str, words: tuple[str, ...]) -> set[str]:
    return {w for w in words if w in text}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_by_default_an_event_says_only_when_and_what_kind(
    store: Store, case: dict, tmp_path: Path, lang: str
) -> None:
    data, cal = _write(store, tmp_path, lang=lang)
    text = _text(cal)
    for words in (PURPOSES, PLACES, STATUS, SECTIONS, LANGUAGES, NAMES, INITIALS):
        assert not _found(text, words), words
    assert b"2345678" not in data
    for words in (PURPOSES, PLACES, STATUS, SECTIONS, LANGUAGES, NAMES, INITIALS):
        assert not any(w.encode() in data for w in words), words  # nor in any raw line
    summaries = sorted(str(e["SUMMARY"]) for e in cal.walk("VEVENT"))
    if lang == "de":
        assert summaries == [
            "Abgesagt: Termin", "Frist: Aufenthalt läuft ab", "Frist: Dokument läuft ab",
            "Termin", "Termin", "Termin",
        ]  # fmt: skip
    else:
        assert "Deadline: Residence expires" in summaries
    assert not any(str(e.get("LOCATION", "")) for e in cal.walk("VEVENT"))
    assert not any(str(e.get("DESCRIPTION", "")) for e in cal.walk("VEVENT"))


OPT_INS = {
    "purpose": PURPOSES,
    "place": PLACES,
    "status": STATUS,
    "language": LANGUAGES,
}


@pytest.mark.parametrize("part", sorted(OPT_INS))
def test_each_choice_adds_exactly_its_part(
    store: Store, case: dict, tmp_path: Path, part: str
) -> None:
    _, cal = _write(store, tmp_path, include=[part])
    text = _text(cal)
    assert _found(text, OPT_INS[part])
    for other, words in OPT_INS.items():
        if other != part:
            assert not _found(text, words), (part, other)
    assert not _found(text, SECTIONS + NAMES + INITIALS)


def test_the_legal_section_comes_only_with_the_status_and_when_asked_for(
    store: Store, case: dict, tmp_path: Path
) -> None:
    _, status = _write(store, tmp_path, include=["status"])
    assert "Frist: Aufenthalt läuft ab: Duldung" in _events(status)
    _, section_alone = _write(store, tmp_path, include=["section"])
    assert not _found(_text(section_alone), SECTIONS + STATUS)
    _, both = _write(store, tmp_path, include=["status", "section"])
    assert "Frist: Aufenthalt läuft ab: Duldung (§ 60a AufenthG)" in _events(both)
    assert set(_events(both)) - set(_events(status)) == {
        "Frist: Aufenthalt läuft ab: Duldung (§ 60a AufenthG)"
    }


def test_initials_or_full_names_only_when_chosen(store: Store, case: dict, tmp_path: Path) -> None:
    data, initials = _write(store, tmp_path, detail="initials")
    assert "Termin A. H." in _events(initials)
    assert "Frist A. H.: Dokument läuft ab" in _events(initials)
    assert b"Haddad" not in data and b"Amal" not in data and b"2345678" not in data
    assert not _found(_text(initials), PURPOSES + PLACES + STATUS + LANGUAGES)
    _, named = _write(store, tmp_path, detail="name", lang="en", include=["purpose"])
    assert "Appointment Amal Haddad: Kita" in _events(named)
    assert "Deadline Amal Haddad: Document expires: Passport" in _events(named)
    data, anonymous = _write(store, tmp_path, detail="none", include=["purpose"])
    assert "Termin: Kita" in _events(anonymous)
    assert b"A. H." not in data


def test_a_bad_part_is_refused(store: Store, case: dict, tmp_path: Path) -> None:
    from desktop.domain.errors import InvalidInput

    with pytest.raises(InvalidInput, match="phone"):
        calendar.write_ics(store, tmp_path / "x.ics", include=["phone"])
    assert not (tmp_path / "x.ics").exists()


def test_text_is_escaped_and_lines_folded_at_75_octets(
    store: Store, case: dict, tmp_path: Path
) -> None:
    data, cal = _write(store, tmp_path, detail="initials", include=EVERYTHING)
    assert data.endswith(b"END:VCALENDAR\r\n")
    lines = data.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert any(line.startswith(b" ") for line in lines)  # the long summary was folded
    assert (
        b"Ausl\xc3\xa4nderbeh\xc3\xb6rde\\; Verl\xc3\xa4ngerung\\, Termin\\\\Nr. 7"
        in data.replace(b"\r\n ", b"")
    )
    events = _events(cal)
    assert "Termin A. H.: Ausländerbehörde; Verlängerung, Termin\\Nr. 7" in events
    long = next(s for s in events if "Jobcenter" in s)
    assert long.startswith("Abgesagt: Termin B. R.: Jobcenter sehr lange")
    assert str(events[long]["STATUS"]) == "CANCELLED"
    visit = events["Termin A. H.: Ausländerbehörde; Verlängerung, Termin\\Nr. 7"]
    assert str(visit["LOCATION"]) == "Rathaus, Raum 2"
    assert str(visit["DESCRIPTION"]) == "Dolmetschen: Arabisch"


def test_folding_never_splits_a_utf8_character() -> None:
    line = "SUMMARY:" + "ä" * 100
    folded = ics.fold(line)
    for part in folded.split("\r\n"):
        assert len(part.encode("utf-8")) <= 75
    assert folded.replace("\r\n ", "") == line


def test_uids_are_stable(store: Store, case: dict, tmp_path: Path) -> None:
    _, first = _write(store, tmp_path)
    _, again = _write(store, tmp_path)
    uids = [str(e["UID"]) for e in first.walk("VEVENT")]
    assert uids == [str(e["UID"]) for e in again.walk("VEVENT")]
    assert len(set(uids)) == len(uids) and all(u.endswith("@welcome-desk") for u in uids)


def test_a_client_filter_and_a_date_range(store: Store, case: dict, tmp_path: Path) -> None:
    chosen = {"detail": "initials", "include": ["purpose"]}
    _, bilal = _write(store, tmp_path, client_id=case["bilal"], **chosen)
    assert [str(e["SUMMARY"]).split(":")[1].strip() for e in bilal.walk("VEVENT")] == [
        "Termin B. R."
    ]
    _, week = _write(store, tmp_path, start=date(2026, 10, 24), end=date(2026, 10, 24), **chosen)
    assert list(_events(week)) == ["Termin A. H.: Kita"]
    _, amal_late = _write(
        store, tmp_path, client_id=case["amal"], start=date(2026, 11, 1), end=date(2026, 12, 31),
        **chosen,
    )  # fmt: skip
    assert list(_events(amal_late)) == [
        "Frist A. H.: Aufenthalt läuft ab",
        "Frist A. H.: Dokument läuft ab: Reisepass",
    ]


def test_the_feed_file_is_rewritten_in_its_folder(store: Store, case: dict, tmp_path: Path) -> None:
    path = calendar.write_feed(store, tmp_path, today=date(2026, 10, 20), now=NOW)
    assert path == tmp_path / "welcome-desk.ics"
    feed = icalendar.Calendar.from_ical(path.read_bytes())
    assert len(feed.walk("VEVENT")) == 6
    assert not _found(_text(feed), PURPOSES + PLACES + STATUS + LANGUAGES + INITIALS)
    casework.add(store, Appointment(case["bilal"], datetime(2026, 10, 30, 10, 0)))
    calendar.write_feed(
        store, tmp_path, today=date(2026, 10, 20), now=NOW, include=["place"], detail="initials"
    )
    feed = icalendar.Calendar.from_ical(path.read_bytes())
    assert len(feed.walk("VEVENT")) == 7
    assert _found(_text(feed), PLACES + INITIALS) == {*PLACES, *INITIALS}
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_bad_detail_and_reversed_range_are_refused(
    store: Store, case: dict, tmp_path: Path
) -> None:
    from desktop.domain.errors import InvalidInput

    with pytest.raises(InvalidInput):
        calendar.write_ics(store, tmp_path / "x.ics", detail="phone")
    with pytest.raises(InvalidInput):
        calendar.write_ics(store, tmp_path / "x.ics", start=date(2026, 2, 1), end=date(2026, 1, 1))
    assert not (tmp_path / "x.ics").exists()
