"""Appointments and deadlines as iCalendar (RFC 5545) for Outlook and other calendars.

One VEVENT per appointment (local wall time with TZID) and one all-day VEVENT per deadline,
written by `desktop/formats/ics.py` (RFC 5545 by hand, no runtime dependency).

Personal data: an event names the client only as far as `detail` allows ("initials" by
default, "name", or "none"); phone numbers, addresses and notes are never written.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from desktop.domain.catalogues import AppointmentStatus
from desktop.domain.dates import add_months
from desktop.domain.errors import InvalidInput
from desktop.domain.model import Appointment, Client, DocumentItem, IntegrationPlan
from desktop.domain.places import language_name
from desktop.domain.rules import Deadline, deadlines_for
from desktop.formats import ics
from desktop.formats.ics import CalendarEvent
from desktop.fsutil import atomic_write_text
from desktop.services import agenda, audit
from desktop.store.store import Store

UID_DOMAIN = "welcome-desk"
FEED_NAME = "welcome-desk.ics"
DETAILS = ("initials", "name", "none")
LANGS = ("de", "en")
PAST_DAYS = 31  # default range without --from: the last month ...
FUTURE_DAYS = 365  # ... and the next year

_WORDS = {
    "de": {
        "appointment": "Termin",
        "deadline": "Frist",
        "cancelled": "Abgesagt",
        "interpreter": "Dolmetschen",
        "calendar": "Welcome Desk",
    },
    "en": {
        "appointment": "Appointment",
        "deadline": "Deadline",
        "cancelled": "Cancelled",
        "interpreter": "Interpreter",
        "calendar": "Welcome Desk",
    },
}


# -- who, as far as the coordinator allows ---------------------------------------------------


def initials(client: Client) -> str:
    """ "A. H." for Amal Haddad: the first letter of the first given name and family name."""
    parts = []
    for name in (client.given_names, client.family_name):
        word = name.strip().split()[0] if name.strip() else ""
        letter = next((ch for ch in word if ch.isalnum()), "")
        if letter:
            parts.append(letter.upper() + ".")
    return " ".join(parts)


def _who(client: Client | None, detail: str) -> str:
    if client is None or detail == "none":
        return ""
    if detail == "name":
        return " ".join(p for p in (client.given_names.strip(), client.family_name.strip()) if p)
    return initials(client)


def _summary(word: str, who: str, what: str) -> str:
    head = f"{word} {who}" if who else word
    return f"{head}: {what}" if what else head


# -- the events ------------------------------------------------------------------------------


def _check(detail: str, lang: str) -> None:
    if detail not in DETAILS:
        raise InvalidInput(
            "detail",
            f"'{detail}' is not a detail level; choose one of: {', '.join(DETAILS)}.",
            f"'{detail}' ist keine Detailstufe; möglich sind: {', '.join(DETAILS)}.",
        )
    if lang not in LANGS:
        raise InvalidInput(
            "lang",
            f"'{lang}' is not a calendar language; choose de or en.",
            f"'{lang}' ist keine Kalendersprache; möglich sind de und en.",
        )


def default_range(
    start: date | None, end: date | None, today: date | None = None
) -> tuple[date, date]:
    """The range of an export: the given dates, or the last month and the next year."""
    today = today or date.today()
    if start is None:
        start = today - timedelta(days=PAST_DAYS)
        if end is not None and end < start:
            start = end - timedelta(days=PAST_DAYS)
    if end is None:
        end = max(today, start) + timedelta(days=FUTURE_DAYS)
    if end < start:
        raise InvalidInput(
            "to",
            f"The end of the range ({end.isoformat()}) lies before its start "
            f"({start.isoformat()}).",
            f"Das Ende des Zeitraums ({end:%d.%m.%Y}) liegt vor seinem Anfang ({start:%d.%m.%Y}).",
        )
    return start, end


def _appointment_event(
    a: Appointment, client: Client | None, detail: str, lang: str
) -> CalendarEvent:
    words = _WORDS[lang]
    cancelled = a.status is AppointmentStatus.CANCELLED
    summary = _summary(words["appointment"], _who(client, detail), a.purpose.strip())
    if cancelled:
        summary = f"{words['cancelled']}: {summary}"
    lines = []
    if a.interpreter_language:
        lines.append(f"{words['interpreter']}: {language_name(a.interpreter_language, lang)}")
    return CalendarEvent(
        uid=f"{a.id}@{UID_DOMAIN}",
        summary=summary,
        start=a.starts_at,
        end=a.starts_at + timedelta(minutes=a.duration_minutes),
        location=a.place.strip(),
        description="\n".join(lines),
        cancelled=cancelled,
    )


def _deadline_event(d: Deadline, client: Client | None, detail: str, lang: str) -> CalendarEvent:
    return CalendarEvent(
        uid=f"{d.entity_id}-{d.kind.value}@{UID_DOMAIN}",
        summary=_summary(_WORDS[lang]["deadline"], _who(client, detail), d.text(lang)),
        start=d.due_on,
        end=d.due_on + timedelta(days=1),
        all_day=True,
    )


def _client_deadlines(store: Store, client: Client, start: date, end: date) -> list[Deadline]:
    plans = store.of_client(IntegrationPlan, client.id)
    goals = store.goals_of([p.id for p in plans])
    measures = store.measures_of([g.id for g in goals])
    return deadlines_for(
        client,
        plans=plans,
        goals=goals,
        measures=measures,
        documents=store.of_client(DocumentItem, client.id),
        today=start,
        within_days=(end - start).days,
    )


def events(
    store: Store,
    *,
    client_id: str | None = None,
    start: date | None = None,
    end: date | None = None,
    detail: str = "initials",
    lang: str = "de",
    today: date | None = None,
) -> list[CalendarEvent]:
    """Appointments starting and deadlines due from `start` to `end` (both inclusive).

    Without dates: the last month and the next year from `today`. One client's with
    `client_id` (NotFound if there is none). Deadlines are those of the radar, measures due
    included; a closed case has none. Sorted by start, appointments before deadlines of a day.
    """
    _check(detail, lang)
    start, end = default_range(start, end, today)
    first = datetime.combine(start, datetime.min.time())
    after = datetime.combine(end + timedelta(days=1), datetime.min.time())
    if client_id is not None:
        client = store.get(Client, client_id)
        appointments = [
            a for a in store.of_client(Appointment, client_id) if first <= a.starts_at < after
        ]
        deadlines = _client_deadlines(store, client, start, end)
        clients = {client.id: client}
    else:
        appointments = store.appointments_between(first, after)
        radar = agenda.deadline_radar(store, start, (end - start).days, measures=True)
        deadlines = [entry.deadline for entry in radar]
        wanted = sorted({a.client_id for a in appointments} | {d.client_id for d in deadlines})
        clients = {c.id: c for c in store.of_ids(Client, wanted)}
        # an appointment whose client is gone is nobody's business
        appointments = [a for a in appointments if a.client_id in clients]
    found = [_appointment_event(a, clients.get(a.client_id), detail, lang) for a in appointments]
    found.extend(
        _deadline_event(d, clients.get(d.client_id), detail, lang)
        for d in deadlines
        if start <= d.due_on <= end
    )

    def order(e: CalendarEvent) -> tuple[date, int, str, str]:
        day = e.start.date() if isinstance(e.start, datetime) else e.start
        return (day, int(e.all_day), str(e.start), e.uid)

    return sorted(found, key=order)


def write_ics(
    store: Store,
    target: Path,
    *,
    client_id: str | None = None,
    start: date | None = None,
    end: date | None = None,
    detail: str = "initials",
    lang: str = "de",
    today: date | None = None,
    now: datetime | None = None,
) -> int:
    """Write the appointments and deadlines of a range (and a client) to `target` atomically.

    Returns how many events were written. See `events` for the range and `detail`.
    """
    found = events(
        store, client_id=client_id, start=start, end=end, detail=detail, lang=lang, today=today
    )
    _write(store, Path(target), found, now, lang)
    audit.record(store, "exported", client_id, what="calendar", count=len(found))
    return len(found)


def _write(
    store: Store, target: Path, found: list[CalendarEvent], now: datetime | None, lang: str
) -> None:
    # atomic_write_text encodes UTF-8 and keeps the CRLF line ends as they are
    atomic_write_text(
        target, ics.render(found, now=now, name=_WORDS.get(lang, _WORDS["de"])["calendar"])
    )


def write_feed(
    store: Store,
    folder: Path,
    *,
    detail: str = "initials",
    lang: str = "de",
    today: date | None = None,
    now: datetime | None = None,
) -> Path:
    """(Re)write the feed file `welcome-desk.ics` in `folder`: the past month, the next 12 months.

    Returns the file's path. Calendars that subscribe to the file see the changes on their next
    refresh; UIDs stay the same, so an event that moved is updated, not doubled.
    """
    today = today or date.today()
    target = Path(folder) / FEED_NAME
    found = events(
        store, start=add_months(today, -1), end=add_months(today, 12), detail=detail, lang=lang,
        today=today,
    )  # fmt: skip
    # Not in the audit trail: it is rewritten every few minutes, and an event each time would be
    # a change that makes the feed (and the watched sync folder) write again.
    _write(store, target, found, now, lang)
    return target
