"""Who lives with whom, and what the members of one household share."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.demo.names import _Name
from desktop.demo.network import _COORDINATORS, _SHELTERS, _STREET_NAMES, _TOWNS
from desktop.demo.people import (
    _GERMAN_NAMES,
    _ORIGIN_CHOICE,
    _ORIGINS,
    _TWO_GIVEN,
    _UNIT_SIZE,
    _WITH_KIDS,
    _Origin,
)
from desktop.demo.statuses import (
    _CHANCE_LAST,
    _CHANCE_RESIDENT_SINCE,
    _CHANCE_SHOWN_DAYS,
    _CHANCE_SHOWN_KINDS,
    _CHANCE_START,
    _HOUSING,
    _HOUSING_UA,
    _STATUS,
    _UA_START,
    _VALID_DAYS,
)
from desktop.demo.writer import _Base, _uuid
from desktop.domain.catalogues import HouseholdRole as HR
from desktop.domain.catalogues import Housing, ResidenceStatus, Sex
from desktop.domain.catalogues import ResidenceStatus as RS
from desktop.domain.dates import add_months
from desktop.domain.model import Household

_Unit = tuple[str, str, int, int, str | None]  # origin, kind, children, family name, household


def _households(clients: int, rng: random.Random) -> tuple[list[_Unit], list[Household]]:
    """Who lives with whom: cheap tuples for every client, and the households themselves."""
    r = rng.random
    units: list[_Unit] = []
    households: list[Household] = []
    left = clients
    while left > 0:
        key = _ORIGIN_CHOICE(r)
        o = _ORIGINS[key]
        kind = o.units(r)
        kids = o.children(r) if kind in _WITH_KIDS else int(r() * 3) if kind == "mixed" else 0
        size = _UNIT_SIZE[kind] + kids
        if size > left:
            kind, kids, size = ("woman" if r() < 0.4 else "man"), 0, 1
        family_names = o.names[0]
        fam = int(r() * len(family_names))
        household_id = None
        if size > 1:
            title = "Geschwister" if kind == "siblings" else "Familie"
            household = Household(f"{title} {family_names[fam][0]}", _uuid(rng))
            households.append(household)
            household_id = household.id
        units.append((key, kind, kids, fam, household_id))
        left -= size
    return units, households


@dataclass(slots=True)
class _Family:
    """What the members of one household share."""

    opened: int  # dates as ordinals
    closed: int | None
    ref: int  # the day the file describes: closed_on, or today
    arrival: int
    years: float  # in Germany on `ref`
    housing: Housing
    street: str
    postcode: str
    city: str
    status: tuple[ResidenceStatus, int | None, int | None]
    author: str
    mixed: bool
    languages: tuple[str, tuple[tuple[str, str], ...]]
    home: str  # where most of the family was born
    small_child: Sex | None = None
    school_child: bool = False


class _Households(_Base):
    """Households and their members: dates, housing, residence status, names and ages."""

    def _shows_chance(self, o: _Origin, kind: str) -> bool:
        """Whether this household is the one whose § 104c permit runs out within the radar's
        horizon: the first family of an origin that gets § 104c permits, while the 18 months
        ending soon can have begun in the rule's years."""
        if "§ 104c" in self.shown or kind not in _CHANCE_SHOWN_KINDS:
            return False
        lo, hi = _CHANCE_SHOWN_DAYS
        first = add_months(date.fromordinal(self.t + lo), -18).toordinal()
        last = add_months(date.fromordinal(self.t + hi), -18).toordinal()
        if not _CHANCE_START <= first <= last <= _CHANCE_LAST:
            return False
        if not any(RS.CHANCENAUFENTHALT in w.items for w in _STATUS[o.status]):
            return False
        self.shown.add("§ 104c")
        return True

    def _chance_running_out(self) -> tuple[ResidenceStatus, int, int]:
        """A § 104c permit whose 18 months end within _CHANCE_SHOWN_DAYS of today."""
        lo, hi = _CHANCE_SHOWN_DAYS
        end = date.fromordinal(self.t + lo + int(self.r() * (hi - lo)))
        granted = add_months(end, -18)
        return RS.CHANCENAUFENTHALT, granted.toordinal(), add_months(granted, 18).toordinal()

    def _family(self, o: _Origin, mixed: bool, chance: bool = False) -> _Family:
        """What a household shares; with `chance`, an open case of people tolerated here since
        before 31 October 2017 whose § 104c permit runs out soon."""
        r, t = self.r, self.t
        ua = o.key == "UA" and t - 60 > _UA_START
        lo = max(t - 2922, _UA_START + 14) if ua else t - 2922
        opened = t - int((t - lo) * r() ** 1.3)
        if ua:
            arrival = opened - int(r() * min(200, opened - _UA_START))
        else:
            x = r()
            arrival = opened - (
                3 + int(r() * 117)
                if x < 0.55
                else 120 + int(r() * 780)
                if x < 0.85
                else 900 + int(r() * 1600)
            )
        closed = None
        if t - opened > 90 and r() < min(0.6, 0.1 * (t - opened) / 365.25):
            closed = opened + 60 + int(r() * (t - opened - 60))
        if chance:  # came in 2015 to 2017, the case still open
            arrival = min(arrival, _CHANCE_RESIDENT_SINCE - 30 - int(r() * 900))
            closed = None
        ref = closed or t
        years = (ref - arrival) / 365.25
        if ua and years < 2:
            housing = _HOUSING_UA(r)
        else:
            housing = _HOUSING[0 if years < 0.5 else 1 if years < 2 else 2](r)
        street = postcode = city = ""
        if housing is Housing.COLLECTIVE:
            street, town = self._pick(_SHELTERS)
            city, postcode = _TOWNS[town]
        elif housing in (Housing.OWN_FLAT, Housing.FOLLOW_UP, Housing.WITH_FAMILY):
            street = f"{self._pick(_STREET_NAMES)} {1 + int(r() * 60)}"
            city, postcode = _TOWNS[int(r() ** 1.5 * len(_TOWNS))]
        status = self._status(o, arrival, ref, years)
        if mixed and status[0] is not RS.SETTLEMENT:
            status = self._validity(RS.FAMILY, arrival, ref, years)
        if chance:
            status = self._chance_running_out()
        return _Family(
            opened,
            closed,
            ref,
            arrival,
            years,
            housing,
            street,
            postcode,
            city,
            status,
            self._pick(_COORDINATORS),
            mixed,
            o.languages(r),
            self._pick(o.places),
        )

    def _status(
        self, o: _Origin, arrival: int, ref: int, years: float
    ) -> tuple[ResidenceStatus, int | None, int | None]:
        status = _STATUS[o.status][0 if years < 1.5 else 1 if years < 5 else 2](self.r)
        return self._validity(status, arrival, ref, years)

    def _validity(
        self, status: ResidenceStatus, arrival: int, ref: int, years: float
    ) -> tuple[ResidenceStatus, int | None, int | None]:
        """Granted and valid-until days that fit the status, relative to `ref`."""
        r = self.r
        if status is RS.CHANCENAUFENTHALT:
            if arrival <= _CHANCE_RESIDENT_SINCE and ref > _CHANCE_START + 30:
                granted = max(_CHANCE_START, min(ref - 30 - int(r() * 570), _CHANCE_LAST))
                end = add_months(date.fromordinal(granted), 18).toordinal()
                if end >= ref - 60:  # long over: tolerated again, or a § 25b permit by now
                    return status, granted, end
            status = RS.DULDUNG
        if status is RS.SETTLEMENT:
            granted = min(arrival + 1095 + int(r() * 1095), ref - int(r() * 60))
            return status, max(granted, arrival), None
        if status is RS.TEMPORARY_PROTECTION:
            # Germany extends temporary protection in blocks that end on 4 March.
            soon = date.fromordinal(ref + 120)
            year = soon.year + ((soon.month, soon.day) > (3, 4))
            x = r()
            valid = (
                date(year, 3, 4).toordinal()
                if x < 0.85
                else date(year - 1, 3, 4).toordinal()
                if x < 0.92
                else ref + 1 + int(r() * 60)
            )
            granted = min(arrival + 14 + int(r() * 100), ref)
        else:
            days = _VALID_DAYS[status]
            length = 365 if status is RS.SUBSIDIARY and years < 1.5 else self._pick(days)
            overdue = r() < 0.06
            valid = ref - 1 - int(r() * 60) if overdue else ref + 1 + int(r() * length)
            granted = valid - length
            if granted < arrival:
                granted = min(arrival + int(r() * 30), ref)
        return status, min(granted, valid - 1), valid

    def _members(
        self, o: _Origin, f: _Family, kind: str, kids: int, fam_index: int
    ) -> list[tuple[Any, ...]]:
        """(role, sex, age on the file's day, family name, given names, German) per member."""
        r = self.r
        family, female, male = o.names
        fam = family[fam_index]
        two = _TWO_GIVEN.get(o.key, 0.0)
        tables = {Sex.FEMALE: female, Sex.MALE: male}
        M, F = Sex.MALE, Sex.FEMALE
        if kind == "man":
            if o.key == "UA":  # men of military age could not leave
                age = 18 + int(r() * 5) if r() < 0.4 else 60 + int(r() * 16)
            else:
                age = 18 + int(r() * 18) if r() < 0.8 else 36 + int(r() * 23)
            return [(None, M, age, fam, self._given(male, two), False)]
        if kind == "woman":
            age = 20 + int(r() * (56 if o.key == "UA" else 46))
            return [(None, F, age, fam, self._given(female, two), False)]
        if kind == "minor":  # unaccompanied, in the youth office's care
            sex = M if r() < 0.85 else F
            return [(None, sex, 15 + int(r() * 3), fam, self._given(tables[sex], two), False)]
        if kind == "siblings":
            sex = M if r() < 0.7 else F
            return [
                (HR.HEAD, M, 18 + int(r() * 11), fam, self._given(male, two), False),
                (HR.SIBLING, sex, 14 + int(r() * 15), fam, self._given(tables[sex], two), False),
            ]
        out, father, mother_age = self._parents(o, kind, fam, two)
        if kids:
            self._children(o, f, kind, kids, out, father, mother_age, two)
        return out

    def _parents(
        self, o: _Origin, kind: str, fam: _Name, two: float
    ) -> tuple[list[tuple[Any, ...]], tuple[Any, ...] | None, int]:
        """The adults of a family: members, the father if he is there, the mother's age."""
        r = self.r
        family, female, male = o.names
        tables = {Sex.FEMALE: female, Sex.MALE: male}
        M, F = Sex.MALE, Sex.FEMALE
        out: list[tuple[Any, ...]] = []
        father = None
        if kind in ("three", "mother"):
            if kind == "three":
                grandma = 52 + int(r() * 24)
                out.append(
                    (
                        HR.PARENT,
                        F,
                        grandma,
                        fam if r() < 0.5 else self._pick(family),
                        self._given(female, two),
                        False,
                    )
                )
                mother_age = max(20, min(48, grandma - 20 - int(r() * 12)))
            else:
                mother_age = 20 + int(r() * 29)
            head = (HR.HEAD, F, mother_age, fam, self._given(female, two), False)
            out.append(head)
        else:  # a couple, with or without children; "mixed": one partner is German
            head_sex = F if kind == "mixed" and r() < 0.3 else M
            head_age = 22 + int(r() * 51) if kind == "couple" else 24 + int(r() * 32)
            p_sex = F if head_sex is M else M
            p_age = max(19, head_age - int(r() * 9)) if p_sex is F else head_age + int(r() * 7)
            head = (HR.HEAD, head_sex, head_age, fam, self._given(tables[head_sex], two), False)
            if kind == "mixed":
                g_family, g_female, g_male = _GERMAN_NAMES
                partner = (
                    HR.PARTNER,
                    p_sex,
                    p_age,
                    self._pick(g_family),
                    self._given(g_female if p_sex is F else g_male, 0.15),
                    True,
                )
            else:
                keeps = r() < o.wife_keeps
                partner = (
                    HR.PARTNER,
                    p_sex,
                    p_age,
                    self._pick(family) if keeps else fam,
                    self._given(tables[p_sex], two),
                    False,
                )
            out += (head, partner)
            mother_age = p_age if p_sex is F else head_age
            father = head if head_sex is M else partner
        return out, father, mother_age

    def _children(
        self,
        o: _Origin,
        f: _Family,
        kind: str,
        kids: int,
        out: list[tuple[Any, ...]],
        father: tuple[Any, ...] | None,
        mother_age: int,
        two: float,
    ) -> None:
        """Appends the children, named as their families name them."""
        r = self.r
        family, female, male = o.names
        tables = {Sex.FEMALE: female, Sex.MALE: male}
        M, F = Sex.MALE, Sex.FEMALE
        head = next(m for m in out if m[0] is HR.HEAD)
        if father is not None:
            child_family = father[4][0] if o.patronymic else father[3]
        elif o.patronymic:  # the absent father's given name
            child_family = self._pick(male)
        else:
            child_family = self._pick(family) if r() < o.wife_keeps * 0.7 else head[3]
        german = kind == "mixed"
        oldest = max(
            0, min(int(f.years) if german else 17 if kind == "three" else 24, mother_age - 18)
        )
        taken = {m[4][0][0] for m in out}
        for _ in range(kids):
            sex = M if r() < 0.51 else F
            table = (
                (_GERMAN_NAMES[1] if sex is F else _GERMAN_NAMES[2])
                if (german and r() < 0.5)
                else tables[sex]
            )
            given = self._given(table, two)
            for _ in range(3):  # not the father's name, nor a sibling's
                if given[0][0] not in taken:
                    break
                given = self._given(table, two)
            taken.add(given[0][0])
            out.append((HR.CHILD, sex, int(r() * (oldest + 1)), child_family, given, german))
