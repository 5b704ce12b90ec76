"""The public types and `generate`: the network, the households, and the cases one by one."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.demo.clients import _Clients
from desktop.demo.households import _Family, _households, _Unit
from desktop.demo.network import _ORGS, _TOWNS, _VOLUNTEERS
from desktop.demo.people import _ORIGINS, _PHONE_PREFIXES, _Origin
from desktop.demo.planning import _Planning
from desktop.demo.plans import Phrases, _resolve_tables
from desktop.demo.records import _Records
from desktop.demo.writer import _ascii, _uuid
from desktop.domain.catalogues import HouseholdRole as HR
from desktop.domain.catalogues import OrganisationKind as OK
from desktop.domain.model import (
    Appointment,
    Client,
    DocumentItem,
    Goal,
    Household,
    IntegrationPlan,
    Measure,
    Note,
    Organisation,
    SupportLink,
)


@dataclass
class DemoCase:
    """Everything of one client, each list in insertion order."""

    client: Client
    plans: list[IntegrationPlan]
    goals: list[Goal]
    measures: list[Measure]
    documents: list[DocumentItem]
    appointments: list[Appointment]
    notes: list[Note]
    support: list[SupportLink]


@dataclass
class DemoData:
    """The network and the households up front; the cases one at a time, from a generator."""

    organisations: list[Organisation]
    households: list[Household]
    cases: Iterator[DemoCase]


_SEED = "welcome-desk-demo"


def generate(clients: int, seed: int, today: date, phrases: Phrases) -> DemoData:
    """Synthetic clients with their case files; the same arguments give the same content and ids.

    `phrases` is the catalogue's case-work phrases (key -> field of action, kind, German), which
    most goals, measures and appointment purposes are chosen from; a phrase the demo's tables
    name that is missing, or of another kind or field, is a ValueError. Organisations and
    households are made at once; `cases` is a generator that makes each case only when it is
    asked for.
    """
    if clients < 0:
        raise ValueError("the number of clients must not be negative")
    tables = _resolve_tables(phrases)
    setup = random.Random(f"{_SEED}:{seed}:network")
    organisations = _organisations(setup)
    units, households = _households(clients, setup)
    writer = _Writer(random.Random(f"{_SEED}:{seed}:cases"), today, organisations, tables)
    return DemoData(organisations, households, writer.cases(units))


def _organisations(rng: random.Random) -> list[Organisation]:
    out = []
    for _group, name, kind, contact, street, town in _ORGS:
        place, postcode = _TOWNS[town]
        phone = f"+49 554{town + 1} {rng.randrange(100, 9999)}-{rng.randrange(10, 99)}"
        out.append(
            Organisation(
                name, kind, _uuid(rng), contact, phone, "", f"{street}, {postcode} {place}"
            )
        )
    for name in rng.sample(_VOLUNTEERS, rng.randint(5, 9)):
        given, _, family = name.partition(" ")
        out.append(
            Organisation(
                name,
                OK.VOLUNTEER,
                _uuid(rng),
                "",
                f"+49 {_PHONE_PREFIXES(rng.random)} {rng.randrange(10_000_000, 99_999_999)}",
                f"{_ascii(given).lower()}.{_ascii(family).lower()}@example.org",
            )
        )
    return out


class _Writer(_Clients, _Planning, _Records):
    """Makes the cases, one household at a time, from one seeded generator."""

    def cases(self, units: list[_Unit]) -> Iterator[DemoCase]:
        for key, kind, kids, fam, household_id in units:
            o = _ORIGINS[key]
            f = self._family(o, kind == "mixed", self._shows_chance(o, kind))
            members = self._members(o, f, kind, kids, fam)
            for role, sex, age, *_ in members:
                if role is HR.CHILD and 1 <= age <= 5:
                    f.small_child = sex
                if role is HR.CHILD and 6 <= age <= 17:
                    f.school_child = True
            for member in members:
                yield self._case(o, f, member, household_id)

    def _case(
        self, o: _Origin, f: _Family, member: tuple[Any, ...], household_id: str | None
    ) -> DemoCase:
        p = self._client(o, f, member, household_id)
        plans, goals, measures = self._plan(p)
        return DemoCase(
            p.client,
            plans,
            goals,
            measures,
            self._documents(p),
            self._appointments(p),
            self._notes(p),
            self._support(p),
        )
