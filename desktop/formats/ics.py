"""iCalendar (RFC 5545) written by hand, as Outlook and other calendars read it.

A VCALENDAR with the Europe/Berlin VTIMEZONE, one VEVENT per event: timed events in local wall
time with TZID, all-day events as dates. Lines end in CRLF and are folded at 75 octets (never
inside a UTF-8 character); text values are escaped. What goes into an event is decided by
`desktop/services/calendar.py`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

TZID = "Europe/Berlin"
PRODID = "-//Welcome Desk//Welcome Desk//DE"

# Europe/Berlin since 1996: CEST from the last Sunday of March 02:00 (local) to the last Sunday
# of October 03:00 (local). The 1970 start dates are such Sundays, as RFC 5545 asks.
VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    f"X-LIC-LOCATION:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)


@dataclass(frozen=True)
class CalendarEvent:
    """One VEVENT: timed (naive local Europe/Berlin datetimes) or all-day (dates, end exclusive)."""

    uid: str
    summary: str
    start: datetime | date
    end: datetime | date
    location: str = ""
    description: str = ""
    cancelled: bool = False
    all_day: bool = False


def escape_text(value: str) -> str:
    """A TEXT value: backslash, semicolon and comma escaped, line breaks as \\n."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line folded at 75 octets (continuations start with a space), CRLF joined.

    A UTF-8 character is never split across two lines.
    """
    out: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        n = len(char.encode("utf-8"))
        if size + n > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += n
    out.append(current)
    return "\r\n".join(out)


def _local(moment: datetime) -> str:
    return f"{moment:%Y%m%dT%H%M%S}"


def _day(day: date) -> str:
    return f"{day:%Y%m%d}"


def _event_lines(event: CalendarEvent, stamp: str) -> list[str]:
    lines = ["BEGIN:VEVENT", f"UID:{event.uid}", f"DTSTAMP:{stamp}"]
    if event.all_day:
        assert not isinstance(event.start, datetime) and not isinstance(event.end, datetime)
        lines += [
            f"DTSTART;VALUE=DATE:{_day(event.start)}",
            f"DTEND;VALUE=DATE:{_day(event.end)}",
            "TRANSP:TRANSPARENT",
        ]
    else:
        assert isinstance(event.start, datetime) and isinstance(event.end, datetime)
        lines += [
            f"DTSTART;TZID={TZID}:{_local(event.start)}",
            f"DTEND;TZID={TZID}:{_local(event.end)}",
            "TRANSP:OPAQUE",
        ]
    lines.append(f"SUMMARY:{escape_text(event.summary)}")
    if event.location:
        lines.append(f"LOCATION:{escape_text(event.location)}")
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    lines.append("STATUS:CANCELLED" if event.cancelled else "STATUS:CONFIRMED")
    lines.append("CLASS:PRIVATE")
    lines.append("END:VEVENT")
    return lines


def render(
    found: Sequence[CalendarEvent] | Iterable[CalendarEvent],
    *,
    now: datetime | None = None,
    name: str = "Welcome Desk",
) -> str:
    """The VCALENDAR text of these events (CRLF line ends, folded, one trailing CRLF)."""
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    stamp = f"{moment:%Y%m%dT%H%M%SZ}"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
        f"X-WR-TIMEZONE:{TZID}",
        *VTIMEZONE,
    ]
    for event in found:
        lines.extend(_event_lines(event, stamp))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
