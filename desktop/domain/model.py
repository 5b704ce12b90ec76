"""The entities of the case file as plain, immutable dataclasses.

Every entity carries a UUID so that two devices never collide. Objects validate themselves on
construction: an invalid client cannot exist, so no layer above has to re-check.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from desktop.domain.catalogues import (
    AppointmentStatus,
    ConsentScope,
    DeadlineKind,
    DocumentKind,
    DocumentStatus,
    FieldOfAction,
    GoalStatus,
    HouseholdRole,
    Housing,
    MarkStatus,
    MeasureStatus,
    OrganisationKind,
    PlanStatus,
    ResidenceStatus,
    Responsible,
    Sex,
)
from desktop.domain.dates import PartialDate
from desktop.domain.errors import InvalidInput
from desktop.domain.names import clean_name
from desktop.domain.places import check_country, check_language, language_name
from desktop.domain.texts import Texts, check_phrase_key

CEFR_LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2", "native")
# A level's words as shown, German then English; A1-C2 read the same in both.
LEVEL_LABELS = {"native": ("Muttersprache", "native")}
# A skill as shown ("Arabisch (Muttersprache)"), read back from a spreadsheet.
_SHOWN_SKILL = re.compile(r"(?P<name>.+?)\s*\((?P<level>[^()]*)\)\s*")


def level_label(level: str, lang: str = "de") -> str:
    """A language level as shown in German ("de") or English: "native" is "Muttersprache"."""
    de, en = LEVEL_LABELS.get(level, (level, level))
    return de if lang == "de" else en


def _level(text: str) -> str:
    """The level for a typed one: "b1" is "B1", "Muttersprache" or "native" is "native"."""
    typed = text.strip()
    for level, words in LEVEL_LABELS.items():
        if typed.casefold() in (level, *(w.casefold() for w in words)):
            return level
    return typed.upper()


def new_id() -> str:
    """A fresh random entity id."""
    return str(uuid.uuid4())


def _in_order(first: date | None, then: date | None, field_a: str, field_b: str) -> None:
    if first and then and then < first:
        raise InvalidInput(
            field_b,
            f"{field_b} ({then.isoformat()}) lies before {field_a} ({first.isoformat()}).",
            f"{field_b} ({then:%d.%m.%Y}) liegt vor {field_a} ({first:%d.%m.%Y}).",
        )


def _required(value: str, field_name: str) -> None:
    if not value.strip():
        raise InvalidInput(
            field_name, f"{field_name} must not be empty.", f"{field_name} darf nicht leer sein."
        )


@dataclass(frozen=True, slots=True)
class LanguageSkill:
    """A language the client speaks, with an optional CEFR level or "native"."""

    code: str
    level: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "code", check_language(self.code))
        if self.level and self.level not in CEFR_LEVELS:
            raise InvalidInput(
                "language",
                f"'{self.level}' is not a language level; use A1-C2 or native.",
                f"'{self.level}' ist keine Sprachstufe; bitte A1-C2 oder Muttersprache angeben.",
            )

    @classmethod
    def parse(cls, text: str) -> LanguageSkill:
        """Read "ar", "ar:native", "de:A2", or a skill as shown: "Arabisch (Muttersprache)",
        "German (A2)". A name's own brackets stay with it: "Kurdisch (Sorani)" is ckb."""
        code, _, level = text.strip().partition(":")
        shown = None if level else _SHOWN_SKILL.fullmatch(code)
        if shown is not None and _level(shown["level"]) in CEFR_LEVELS:
            code, level = shown["name"], shown["level"]
        return cls(code.strip(), _level(level))

    def label(self, lang: str = "de") -> str:
        """The skill as shown in German ("de") or English: "Arabisch (Muttersprache)"."""
        name = language_name(self.code, lang)
        return f"{name} ({level_label(self.level, lang)})" if self.level else name

    def __str__(self) -> str:
        return f"{self.code}:{self.level}" if self.level else self.code


@dataclass(frozen=True, slots=True)
class Client:
    """A person the welcome centre supports."""

    family_name: str
    given_names: str
    id: str = field(default_factory=new_id)
    file_number: str = ""
    other_names: tuple[str, ...] = ()
    sex: Sex | None = None
    birth_date: PartialDate | None = None
    birth_place: str = ""
    nationality: str = ""
    languages: tuple[LanguageSkill, ...] = ()
    interpreter_needed: bool = False
    interpreter_language: str = ""
    phone: str = ""
    email: str = ""
    street: str = ""
    postcode: str = ""
    city: str = ""
    household_id: str | None = None
    household_role: HouseholdRole | None = None
    arrival_date: date | None = None
    housing: Housing | None = None
    residence_status: ResidenceStatus | None = None
    status_granted_on: date | None = None
    status_valid_until: date | None = None
    consent_given_on: date | None = None
    consent_scope: tuple[ConsentScope, ...] = ()
    consent_withdrawn_on: date | None = None
    opened_on: date | None = None
    closed_on: date | None = None
    retention_until: date | None = None

    def __post_init__(self) -> None:
        for name in ("family_name", "given_names", "birth_place"):  # as stored: no invisibles
            object.__setattr__(self, name, clean_name(getattr(self, name)))
        others = (clean_name(n) for n in self.other_names)
        object.__setattr__(self, "other_names", tuple(n for n in others if n))
        _required(self.family_name, "family_name")
        if self.nationality:
            object.__setattr__(self, "nationality", check_country(self.nationality))
        if self.interpreter_language:
            object.__setattr__(
                self, "interpreter_language", check_language(self.interpreter_language)
            )
        _in_order(
            self.status_granted_on,
            self.status_valid_until,
            "status_granted_on",
            "status_valid_until",
        )
        _in_order(
            self.consent_given_on,
            self.consent_withdrawn_on,
            "consent_given_on",
            "consent_withdrawn_on",
        )
        _in_order(self.opened_on, self.closed_on, "opened_on", "closed_on")
        if self.birth_date and self.arrival_date:
            _in_order(self.birth_date.earliest(), self.arrival_date, "birth_date", "arrival_date")

    @property
    def display_name(self) -> str:
        """ "Family, Given" as lists show it."""
        return f"{self.family_name}, {self.given_names}" if self.given_names else self.family_name

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


@dataclass(frozen=True, slots=True)
class Household:
    """People who live and are counselled together; clients point to it."""

    name: str
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        _required(self.name, "household name")


@dataclass(frozen=True, slots=True)
class IntegrationPlan:
    """The agreement between client and coordinator, reviewed on a date."""

    client_id: str
    id: str = field(default_factory=new_id)
    status: PlanStatus = PlanStatus.DRAFT
    agreed_on: date | None = None
    review_on: date | None = None

    def __post_init__(self) -> None:
        _in_order(self.agreed_on, self.review_on, "agreed_on", "review_on")


@dataclass(frozen=True, slots=True)
class Goal:
    """A goal of the plan in one field of action."""

    plan_id: str
    field_of_action: FieldOfAction
    title: str  # the German text
    id: str = field(default_factory=new_id)
    status: GoalStatus = GoalStatus.OPEN
    position: int = 0
    phrase_key: str = ""  # chosen from the phrase book: its texts print in every language
    texts: Texts = Texts()  # the item's own client-language texts (beat the phrase book's)

    def __post_init__(self) -> None:
        _required(self.title, "goal title")
        object.__setattr__(self, "phrase_key", check_phrase_key(self.phrase_key))


@dataclass(frozen=True, slots=True)
class Measure:
    """A step towards a goal: what, who, by when, and how it went."""

    goal_id: str
    title: str
    id: str = field(default_factory=new_id)
    responsible: Responsible = Responsible.CLIENT
    organisation_id: str | None = None
    due_on: date | None = None
    status: MeasureStatus = MeasureStatus.PLANNED
    outcome: str = ""
    position: int = 0
    phrase_key: str = ""  # chosen from the phrase book: its texts print in every language
    texts: Texts = Texts()  # the item's own client-language texts (beat the phrase book's)

    def __post_init__(self) -> None:
        _required(self.title, "measure title")
        object.__setattr__(self, "phrase_key", check_phrase_key(self.phrase_key))


@dataclass(frozen=True, slots=True)
class DocumentItem:
    """One line of the document checklist: a kind of paper, where it is, until when it is valid."""

    client_id: str
    kind: DocumentKind
    id: str = field(default_factory=new_id)
    status: DocumentStatus = DocumentStatus.MISSING
    holder: str = ""
    held_since: date | None = None
    expires_on: date | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Appointment:
    """A date in the client's diary, with whom, where, and in which language."""

    client_id: str
    starts_at: datetime
    id: str = field(default_factory=new_id)
    duration_minutes: int = 60
    place: str = ""
    organisation_id: str | None = None
    purpose: str = ""
    participants: str = ""
    interpreter_language: str = ""
    status: AppointmentStatus = AppointmentStatus.PLANNED
    outcome: str = ""
    purpose_key: str = ""  # the purpose chosen from the phrase book
    purpose_texts: Texts = Texts()  # the purpose in client languages (beat the phrase book's)

    def __post_init__(self) -> None:
        object.__setattr__(self, "purpose_key", check_phrase_key(self.purpose_key))
        if self.interpreter_language:
            object.__setattr__(
                self, "interpreter_language", check_language(self.interpreter_language)
            )
        if not 0 < self.duration_minutes <= 24 * 60:
            raise InvalidInput(
                "duration_minutes",
                "An appointment lasts between 1 minute and 24 hours.",
                "Ein Termin dauert zwischen 1 Minute und 24 Stunden.",
            )


@dataclass(frozen=True, slots=True)
class Note:
    """A dated counselling note; notes are only ever added, never edited."""

    client_id: str
    written_on: date
    text: str
    id: str = field(default_factory=new_id)
    author: str = ""

    def __post_init__(self) -> None:
        _required(self.text, "note")


@dataclass(frozen=True, slots=True)
class Organisation:
    """A partner in the network: authority, association, school, employer or volunteer."""

    name: str
    kind: OrganisationKind = OrganisationKind.OTHER
    id: str = field(default_factory=new_id)
    contact_person: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""

    def __post_init__(self) -> None:
        _required(self.name, "organisation name")


@dataclass(frozen=True, slots=True)
class SupportLink:
    """Which organisation supports which client, for what, since when."""

    client_id: str
    organisation_id: str
    id: str = field(default_factory=new_id)
    purpose: str = ""
    since: date | None = None
    until: date | None = None

    def __post_init__(self) -> None:
        _in_order(self.since, self.until, "since", "until")


_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True, slots=True)
class Attachment:
    """A scan or photo of a checklist item; the bytes live apart, found by their SHA-256."""

    document_id: str
    file_name: str
    media_type: str
    size: int
    sha256: str
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        _required(self.file_name, "file_name")
        _required(self.media_type, "media_type")
        if self.size < 0:
            raise InvalidInput(
                "size",
                "A file cannot have a negative size.",
                "Eine Datei hat keine negative Größe.",
            )
        if not _SHA256.fullmatch(self.sha256):
            raise InvalidInput(
                "sha256",
                "The attachment's checksum is not a SHA-256 in hex.",
                "Die Prüfsumme des Anhangs ist kein SHA-256 in Hexadezimalschrift.",
            )


@dataclass(frozen=True, slots=True)
class DeadlineMark:
    """A deadline of the radar marked done, or snoozed until a day; it travels to colleagues.

    It names the deadline by client, kind, the row it is about (the client itself for a residence
    status, else the plan, checklist item or measure) and the day it is due: when that day changes
    (a new permit, a moved review), the mark no longer applies and the deadline is back.
    """

    client_id: str
    kind: DeadlineKind
    entity_id: str
    due_on: date
    id: str = field(default_factory=new_id)
    status: MarkStatus = MarkStatus.DONE
    snoozed_until: date | None = None  # the day it is back on the radar (snoozed only)
    marked_on: date | None = None

    def __post_init__(self) -> None:
        _required(self.entity_id, "entity_id")
        if (self.status is MarkStatus.SNOOZED) != (self.snoozed_until is not None):
            raise InvalidInput(
                "snoozed_until",
                "A snoozed deadline needs the day it comes back; a done one has none.",
                "Eine zurückgestellte Frist braucht den Tag, an dem sie wiederkommt; "
                "eine erledigte hat keinen.",
            )
        _in_order(self.marked_on, self.snoozed_until, "marked_on", "snoozed_until")

    def hides(self, today: date) -> bool:
        """True while the mark keeps its deadline off the radar: done, or snoozed past today."""
        return self.snoozed_until is None or self.snoozed_until > today


PHRASE_KINDS = ("goal", "measure", "appointment", "request")


@dataclass(frozen=True, slots=True)
class OfficePhrase:
    """The office's own phrase, or its correction of a shipped one (same key): it overrides the
    shipped catalogue's texts language by language. The id is the phrase key, so that two
    colleagues correcting the same phrase edit one record."""

    field_of_action: FieldOfAction
    kind: str
    german: str
    id: str  # the phrase key
    texts: Texts = Texts()

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", check_phrase_key(self.id))
        _required(self.id, "phrase key")
        _required(self.german, "German text")
        if self.kind not in PHRASE_KINDS:
            raise InvalidInput(
                "kind",
                f"'{self.kind}' is not a kind of phrase; choose one of: {', '.join(PHRASE_KINDS)}.",
                f"'{self.kind}' ist keine Art von Textbaustein; möglich sind: "
                f"{', '.join(PHRASE_KINDS)}.",
            )


Entity = (
    Client
    | Household
    | IntegrationPlan
    | Goal
    | Measure
    | DocumentItem
    | Appointment
    | Note
    | Organisation
    | SupportLink
    | Attachment
    | OfficePhrase
    | DeadlineMark
)
