"""The client of each case: birth, names, languages, status and contact details."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.demo.households import _Family, _Households
from desktop.demo.names import _Name
from desktop.demo.network import _TOWNS
from desktop.demo.people import (
    _FEMININE_NAMES,
    _JANUARY,
    _PARTIAL,
    _PHONE_PREFIXES,
    _feminine,
    _Origin,
)
from desktop.demo.statuses import _GERMAN_LEVEL, _RANK, _SHOWN_INTERPRETERS
from desktop.demo.writer import _ascii, _day
from desktop.domain.catalogues import ConsentScope, HouseholdRole, ResidenceStatus, Sex
from desktop.domain.catalogues import HouseholdRole as HR
from desktop.domain.catalogues import ResidenceStatus as RS
from desktop.domain.dates import PartialDate, add_months
from desktop.domain.model import Client, LanguageSkill
from desktop.domain.places import UNCLEAR


@dataclass(slots=True)
class _Person:
    """What the rows of one case depend on."""

    client: Client
    age: int
    role: HouseholdRole | None
    rank: int  # German level, see _RANK
    level: str
    status: ResidenceStatus | None
    valid: int | None
    arrival: int | None
    interpreter: str
    text_lang: str  # the language of the client's texts ("": needs none, reads German)
    german: bool
    no_passport: float
    family: _Family
    opened: int


class _Clients(_Households):
    """The client records, built on the household's shared facts."""

    def _birth(self, o: _Origin, f: _Family, age: int, german: bool) -> tuple[int, PartialDate]:
        """The day of birth, and the birth date as the papers give it."""
        r = self.r
        birth = f.ref - int((age + r()) * 365.2425)
        born_abroad = not german and birth <= f.arrival
        bd = date.fromordinal(birth)
        x = r()
        year_only, year_month = _PARTIAL[o.key]
        if born_abroad and x < year_only + year_month:  # known only to the year (and month)
            return birth, PartialDate(bd.year, bd.month if x >= year_only else None)
        if born_abroad and o.key in _JANUARY and r() < 0.15:  # 1 January for an unknown day
            return birth, PartialDate(bd.year, 1, 1)
        return birth, PartialDate(bd.year, bd.month, bd.day)

    def _client(
        self, o: _Origin, f: _Family, member: tuple[Any, ...], household_id: str | None
    ) -> _Person:
        r = self.r
        role, sex, age, fam, given, german = member
        if sex is Sex.FEMALE and not german and o.key in _FEMININE_NAMES:
            fam = _feminine(fam)
        birth, birth_date = self._birth(o, f, age, german)
        born_here = german or birth > f.arrival
        opened = max(f.opened, birth)
        since = max(f.arrival, birth)
        level = "native" if german else self._german_level(age, (f.ref - since) / 365.25, born_here)
        rank = _RANK[level]
        status: tuple[Any, int | None, int | None] = (RS.CITIZEN, None, None)
        interpreter, text_lang, nationality = "", "", "DE"
        skills: tuple[LanguageSkill, ...] = (self._skill("de", "native"),)
        if not german:
            # children speak as the family does; a partner may come from another group
            interpreter, profile = o.languages(r) if role is HR.PARTNER else f.languages
            skills = tuple(self._skill(c, lv) for c, lv in profile)
            if level:
                skills += (self._skill("de", level),)
            text_lang = profile[0][0] if rank <= 3 else ""  # texts in the first language
            status = f.status  # family members mostly share the head's status and papers
            if role is not None and role is not HR.HEAD and r() < 0.15:
                status = self._status(o, f.arrival, f.ref, f.years)
            nationality = UNCLEAR if o.key == "ER" and r() < 0.03 else o.nationality
        needs = bool(interpreter) and age >= 14 and rank <= 2 and r() < 0.9
        if interpreter in _SHOWN_INTERPRETERS and interpreter not in self.shown:
            needs = needs or (age >= 18 and rank <= 3 and f.closed is None)
            if needs and f.closed is None:
                self.shown.add(interpreter)
        phone = email = ""
        if age >= 16 and r() < 0.85:
            phone = f"+49 {_PHONE_PREFIXES(r)} {10_000_000 + int(r() * 89_999_999)}"
        if age >= 16 and r() < 0.2:
            email = f"{_ascii(given[0][0])}.{_ascii(fam[0])}{int(r() * 99)}@example.org".lower()
        year = date.fromordinal(opened).year
        number = self.numbers[year] = self.numbers.get(year, 0) + 1
        scope: tuple[ConsentScope, ...] = (ConsentScope.STORE,)
        if r() < 0.7:
            scope += (ConsentScope.SHARE_COLLEAGUES,)
        if r() < 0.35:
            scope += (ConsentScope.SHARE_PARTNERS,)
        withdrawn = None
        if r() < (0.06 if f.closed else 0.01):
            withdrawn = opened + int(r() * (f.ref - opened + 1))
        client = Client(
            family_name=fam[0],
            given_names=" ".join(g[0] for g in given),
            id=self._id(),
            file_number=f"WD-{year}-{number:05d}",
            other_names=self._aliases(fam, given),
            sex=sex,
            birth_date=birth_date,
            birth_place=f.city or _TOWNS[0][0]
            if born_here
            else (f.home if r() < 0.6 else self._pick(o.places)),
            nationality=nationality,
            languages=skills,
            interpreter_needed=needs,
            interpreter_language=interpreter if needs else "",
            phone=phone,
            email=email,
            street=f.street,
            postcode=f.postcode,
            city=f.city,
            household_id=household_id,
            household_role=role,
            arrival_date=None if born_here else _day(f.arrival),
            housing=f.housing,
            residence_status=status[0],
            status_granted_on=_day(status[1]),
            status_valid_until=_day(status[2]),
            consent_given_on=_day(opened),
            consent_scope=scope,
            consent_withdrawn_on=_day(withdrawn),
            opened_on=_day(opened),
            closed_on=_day(f.closed),
            retention_until=add_months(date.fromordinal(f.closed), 36) if f.closed else None,
        )
        return _Person(
            client,
            age,
            role,
            rank,
            level,
            status[0],
            status[2],
            None if born_here else f.arrival,
            interpreter if needs else "",
            text_lang,
            german,
            o.no_passport,
            f,
            opened,
        )

    def _german_level(self, age: int, years: float, born_here: bool) -> str:
        if age < 3:
            return ""
        if born_here:
            return "native" if age >= 6 else "B1"
        bucket = 0 if years < 0.5 else 1 if years < 2 else 2 if years < 5 else 3
        if age < 18:
            bucket = min(3, bucket + 1)
        elif age >= 55:
            bucket = max(0, bucket - 1)
        return str(_GERMAN_LEVEL[bucket](self.r))

    def _aliases(self, fam: _Name, given: tuple[_Name, ...]) -> tuple[str, ...]:
        """Other spellings of the whole name, as on other papers, and the original script."""
        r = self.r
        first = given[0]
        if not (fam[1] or first[1]) or r() > 0.6:
            return ()
        rest = "".join(" " + g[0] for g in given[1:])
        out: list[str] = []
        for _ in range(1 + (r() < 0.3)):
            g = self._pick(first[1]) if first[1] and r() < 0.6 else first[0]
            fn = self._pick(fam[1]) if fam[1] and (r() < 0.6 or g is first[0]) else fam[0]
            alias = f"{g}{rest} {fn}"
            if (g is not first[0] or fn is not fam[0]) and alias not in out:
                out.append(alias)
        if first[2] and fam[2] and r() < 0.5:
            out.append(f"{first[2]} {fam[2]}")
        return tuple(out)
