"""Appointments and deadlines as iCalendar (RFC 5545) for Outlook and other calendars.

One VEVENT per appointment (local wall time with TZID) and one all-day VEVENT per deadline,
written by `desktop/formats/ics.py` (RFC 5545 by hand, no runtime dependency).

Minimal by default: an event says when, "Termin" or "Frist" and, for a deadline, its kind
without the legal section ("Frist: Aufenthalt läuft ab"). The client is named only as far as
`detail` allows ("none" by default, "initials" or "name"); purposes, places, residence status,
legal sections and interpreter languages only when each is asked for in `include` (they can
reveal health and legal matters, and a calendar synced to Exchange leaves this computer).
Phone numbers, addresses, notes and outcomes are never written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from pathlib import Path

from desktop.domain.catalogues import AppointmentStatus, DeadlineKind, ResidenceStatus
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
DETAILS = ("none", "initials", "name")
DEFAULT_DETAIL = "none"
# what an event may say beyond time and kind, each only when asked for
INCLUDES = ("purpose", "place", "status", "section", "language")
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

# deadline kinds as the calendar names them: what falls due, not which law or status it is
_RESIDENCE_ENDS = ("Aufenthalt läuft ab", "Residence expires")
_CALENDAR_KINDS = {
    DeadlineKind.RESIDENCE_EXPIRY: _RESIDENCE_ENDS,
    DeadlineKind.CHANCENAUFENTHALT_END: _RESIDENCE_ENDS,
}
# a parenthesis (one level of nesting inside) that cites a section: "(§ 60a AufenthG)"
_SECTION = re.compile(r"\s*\((?:[^()]|\([^()]*\))*§(?:[^()]|\([^()]*\))*\)")


def without_sections(text: str) -> str:
    """ "Duldung (§ 60a AufenthG)" -> "Duldung": the label without the legal section it cites."""
    return _SECTION.sub("", text).strip()


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


def check_include(include: Iterable[str]) -> frozenset[str]:
    """The parts asked for as a set (InvalidInput for one that is not in INCLUDES)."""
    chosen = frozenset(include)
    for part in sorted(chosen - set(INCLUDES)):
        raise InvalidInput(
            "include",
            f"'{part}' is not a part of an event; choose from: {', '.join(INCLUDES)}.",
            f"'{part}' ist kein Teil eines Termins; möglich sind: {', '.join(INCLUDES)}.",
        )
    return chosen


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
    a: Appointment, client: Client | None, detail: str, lang: str, include: frozenset[str]
) -> CalendarEvent:
    words = _WORDS[lang]
    cancelled = a.status is AppointmentStatus.CANCELLED
    purpose = a.purpose.strip() if "purpose" in include else ""
    summary = _summary(words["appointment"], _who(client, detail), purpose)
    if cancelled:
        summary = f"{words['cancelled']}: {summary}"
    lines = []
    if a.interpreter_language and "language" in include:
        lines.append(f"{words['interpreter']}: {language_name(a.interpreter_language, lang)}")
    return CalendarEvent(
        uid=f"{a.id}@{UID_DOMAIN}",
        summary=summary,
        start=a.starts_at,
        end=a.starts_at + timedelta(minutes=a.duration_minutes),
        location=a.place.strip() if "place" in include else "",
        description="\n".join(lines),
        cancelled=cancelled,
    )


def deadline_text(d: Deadline, lang: str = "de", include: Iterable[str] = ()) -> str:
    """What a deadline event says: its kind without a legal section ("Aufenthalt läuft ab"),
    then its subject only if asked for: the residence status with "status" (its section with
    "section" too), a document kind or a measure's title with "purpose"."""
    include = frozenset(include)
    de, en = _CALENDAR_KINDS.get(d.kind, (d.kind.label("de"), d.kind.label("en")))
    kind = without_sections(de if lang == "de" else en)
    if isinstance(d.subject, ResidenceStatus):
        subject = d.subject_text(lang) if "status" in include else ""
        if "section" not in include:
            subject = without_sections(subject)
    else:
        subject = d.subject_text(lang).strip() if "purpose" in include else ""
    return f"{kind}: {subject}" if subject else kind


def _deadline_event(
    d: Deadline, client: Client | None, detail: str, lang: str, include: frozenset[str]
) -> CalendarEvent:
    text = deadline_text(d, lang, include)
    return CalendarEvent(
        uid=f"{d.entity_id}-{d.kind.value}@{UID_DOMAIN}",
        summary=_summary(_WORDS[lang]["deadline"], _who(client, detail), text),
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
    detail: str = DEFAULT_DETAIL,
    lang: str = "de",
    today: date | None = None,
    include: Iterable[str] = (),
) -> list[CalendarEvent]:
    """Appointments starting and deadlines due from `start` to `end` (both inclusive).

    Without dates: the last month and the next year from `today`. One client's with
    `client_id` (NotFound if there is none). Deadlines are those of the radar, measures due
    included; a closed case has none. Sorted by start, appointments before deadlines of a day.
    `detail` and `include` say how much an event tells (see the module's docstring).
    """
    _check(detail, lang)
    parts = check_include(include)
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
    found = [
        _appointment_event(a, clients.get(a.client_id), detail, lang, parts) for a in appointments
    ]
    found.extend(
        _deadline_event(d, clients.get(d.client_id), detail, lang, parts)
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
    detail: str = DEFAULT_DETAIL,
    lang: str = "de",
    today: date | None = None,
    now: datetime | None = None,
    include: Iterable[str] = (),
) -> int:
    """Write the appointments and deadlines of a range (and a client) to `target` atomically.

    Returns how many events were written. See `events` for the range, `detail` and `include`.
    """
    found = events(
        store, client_id=client_id, start=start, end=end, detail=detail, lang=lang, today=today,
        include=include,
    )  # fmt: skip
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
    detail: str = DEFAULT_DETAIL,
    lang: str = "de",
    today: date | None = None,
    now: datetime | None = None,
    include: Iterable[str] = (),
) -> Path:
    """(Re)write the feed file `welcome-desk.ics` in `folder`: the past month, the next 12 months.

    Returns the file's path. Calendars that subscribe to the file see the changes on their next
    refresh; UIDs stay the same, so an event that moved is updated, not doubled.
    """
    today = today or date.today()
    target = Path(folder) / FEED_NAME
    found = events(
        store, start=add_months(today, -1), end=add_months(today, 12), detail=detail, lang=lang,
        today=today, include=include,
    )  # fmt: skip
    # Not in the audit trail: it is rewritten every few minutes, and an event each time would be
    # a change that makes the feed (and the watched sync folder) write again.
    _write(store, target, found, now, lang)
    return target
