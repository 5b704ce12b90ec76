"""The seeded generator's helpers that every part of the case writer shares."""

from __future__ import annotations

import random
import unicodedata
import uuid
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from desktop.demo.names import _Name
from desktop.demo.network import _ORG_GROUP
from desktop.demo.plans import _OWN_TEXT_SHARE, _WORDING_OF, _PlanTables
from desktop.domain.catalogues import OrganisationKind as OK
from desktop.domain.model import LanguageSkill, Organisation
from desktop.domain.texts import Texts

_ASCII = str.maketrans({"ı": "i", "İ": "I", "ß": "ss", " ": "", "-": "", "'": ""})
_V4_CLEAR = ~((0xF000 << 64) | (0xC000 << 48))  # version and variant bits, as uuid.UUID sets them
_V4_SET = (0x4000 << 64) | (0x8000 << 48)
_NONE = Texts()


def _day(ordinal: int | None) -> date | None:
    return None if ordinal is None else date.fromordinal(ordinal)


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text.translate(_ASCII)).encode("ascii", "ignore").decode()


class _Base:
    """The seeded generator, the network by group, the plan tables with their phrases, and the
    small helpers every part uses."""

    def __init__(
        self,
        rng: random.Random,
        today: date,
        organisations: list[Organisation],
        tables: _PlanTables,
    ) -> None:
        self.rng = rng
        self.tables = tables
        self.r = rng.random
        self.bits = rng.getrandbits
        self.t = today.toordinal()
        self.groups: dict[str, list[str]] = {}
        self.address: dict[str, str] = {}
        for org in organisations:
            group = "vol" if org.kind is OK.VOLUNTEER else _ORG_GROUP[org.name]
            self.groups.setdefault(group, []).append(org.id)
            self.address[org.id] = org.address or "Treffpunkt im Welcome-Center"
        self.numbers: dict[int, int] = {}
        self.skills: dict[tuple[str, str], LanguageSkill] = {}
        self.own_texts: dict[tuple[str, str], Texts] = {}  # (German, language) -> the wording
        # what every demo shows at least once, once it has been made: "§ 104c" (a permit that
        # runs out soon), the interpreter languages of statuses._SHOWN_INTERPRETERS
        self.shown: set[str] = set()

    # -- small helpers ------------------------------------------------------------------------

    def _id(self) -> str:
        """str(uuid.UUID(int=bits, version=4)), spelt out: it is the hottest call here."""
        h = f"{(self.bits(128) & _V4_CLEAR) | _V4_SET:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def _pick(self, seq: Sequence[Any]) -> Any:
        return seq[int(self.r() * len(seq))]

    def _skill(self, code: str, level: str) -> LanguageSkill:
        skill = self.skills.get((code, level))
        if skill is None:
            skill = self.skills[(code, level)] = LanguageSkill(code, level)
        return skill

    def _given(self, table: tuple[_Name, ...], two: float) -> tuple[_Name, ...]:
        first = self._pick(table)
        second = self._pick(table) if self.r() < two else first
        return (first,) if second is first else (first, second)

    def _own_texts(self, lang: str, title: str, own: Mapping[str, str]) -> Texts:
        """The coordinator's wording of a free text in the client's language `lang` ("": the
        client needs none), mostly there where the table has it; empty Texts otherwise."""
        if not lang or not own:
            return _NONE
        wording = own.get(_WORDING_OF.get(lang, lang))
        if wording is None or self.r() >= _OWN_TEXT_SHARE:
            return _NONE
        texts = self.own_texts.get((title, lang))
        if texts is None:
            texts = self.own_texts[(title, lang)] = Texts({lang: wording})
        return texts
