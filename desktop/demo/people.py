"""Where people come from: origins, households, languages, places and names per origin."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.demo.names import (
    _AF,
    _DE,
    _ER,
    _GN,
    _IQ,
    _IR,
    _NG,
    _SO,
    _SY,
    _TR,
    _UA,
    _Name,
    _names,
)
from desktop.demo.tables import _W, _columns, _rows, _weights
from desktop.domain.catalogues import HouseholdRole as HR

# status: key of _STATUS; children: how many in a family; keeps: chance that a married woman
# keeps her own family name; no_passport: share without one; father: a child's family name is
# the father's given name (Eritrea, Somalia).
_ORIGIN_TABLE = """
key       nationality share status  children keeps no_passport father
SY        SY           22   protect   big      0.9   0.15        no
stateless stateless     2   protect   big      0.9   0.60        no
AF        AF           16   af        big      0.5   0.35        no
UA        UA           20   ua        ua       0.0   0.05        no
IQ        IQ            8   iq        big      0.9   0.25        no
TR        TR           10   tr        few      0.0   0.10        no
ER        ER            5   protect   few      1.0   0.60        yes
IR        IR            5   iq        few      1.0   0.10        no
SO        SO            4   so        big      1.0   0.50        yes
GN        GN            4   west      few      0.7   0.45        no
NG        NG            4   west      few      0.0   0.20        no
"""
# Kinds of household (see _Households._members), weighted per origin.
_HOUSEHOLD_TABLE = """
          man woman minor couple family mother siblings mixed three
SY         25     5     3      8     45      8        4     2     0
stateless  30     5     3      8     40      8        4     2     0
AF         35     3     8      5     35      7        5     2     0
UA          8    18     0      8     12     35        0     2    12
IQ         25     6     2      8     45      8        4     2     0
TR         40    10     0     12     25      5        3     3     0
ER         40    20     7      6     15     12        0     0     0
IR         30    20     0     20     20      5        0     3     0
SO         30    12     8      5     25     20        0     0     0
GN         60    10    15      2      5      8        0     0     0
NG         30    30     0      5     10     25        0     0     0
"""
_CHILDREN = {
    "big": _weights("1 20 2 30 3 25 4 15 5 10", int),
    "few": _weights("1 35 2 40 3 25", int),
    "ua": _weights("1 45 2 40 3 15", int),
}
# Languages of a family: origin | the interpreter's language ("-": none needed) | skills | weight
_LANGUAGE_TABLE = """
SY | ar | ar:native | 80
SY | kmr | kmr:native ar:C1 | 10
SY | ar | kmr:native ar:C1 | 10
stateless | ar | ar:native | 50
stateless | kmr | kmr:native ar:B2 | 50
AF | prs | prs:native | 45
AF | ps | ps:native prs:B1 | 30
AF | fa | fa:native | 10
AF | prs | prs:native ps:B1 | 15
UA | uk | uk:native ru:C1 | 45
UA | uk | uk:native ru:native | 20
UA | ru | ru:native uk:B2 | 25
UA | uk | uk:native en:B1 | 10
IQ | ar | ar:native | 60
IQ | kmr | kmr:native ar:B2 | 20
IQ | ckb | ckb:native ar:B1 | 20
TR | tr | tr:native | 60
TR | kmr | kmr:native tr:C1 | 25
TR | tr | kmr:native tr:C2 | 15
ER | ti | ti:native | 80
ER | ti | ti:native ar:B1 | 10
ER | ti | ti:native am:B2 | 10
IR | fa | fa:native | 85
IR | fa | fa:native en:B2 | 15
SO | so | so:native | 75
SO | so | so:native ar:B1 | 15
SO | so | so:native en:B1 | 10
GN | ff | ff:native fr:B1 | 45
GN | fr | ff:native fr:B2 | 25
GN | fr | fr:B2 | 30
NG | - | en:native | 70
NG | - | en:C1 | 30
"""
# Places of birth, in the spelling of German papers.
_PLACE_TABLE = """
SY | Aleppo, Damaskus, Homs, Hama, Idlib, Deir ez-Zor, Rakka, Qamischli, Afrin, Daraa, Latakia
SY | Hasaka
stateless | Damaskus, Aleppo, Qamischli, Hasaka, Daraa
AF | Kabul, Herat, Masar-e Scharif, Kandahar, Dschalalabad, Kundus, Ghazni, Baghlan, Maidan Schahr
UA | Kyjiw, Charkiw, Odesa, Dnipro, Mariupol, Saporischschja, Lwiw, Mykolajiw, Cherson, Poltawa
UA | Tschernihiw, Krywyj Rih
IQ | Bagdad, Mossul, Erbil, Dohuk, Sindschar, Kirkuk, Basra, Sulaimaniyya
TR | Istanbul, Diyarbakır, Ankara, Gaziantep, Van, Mardin, Şanlıurfa, İzmir, Batman, Ağrı
ER | Asmara, Keren, Massawa, Mendefera, Dekemhare, Barentu, Adi Keyh
IR | Teheran, Schiras, Isfahan, Maschhad, Täbris, Kermanschah, Ahvaz, Karadsch
SO | Mogadischu, Kismaayo, Baidoa, Hargeysa, Beledweyne, Gaalkacyo, Marka
GN | Conakry, Labé, Kankan, Kindia, Nzérékoré, Mamou, Pita, Boké
NG | Lagos, Benin City, Abuja, Kano, Port Harcourt, Ibadan, Enugu, Warri
"""
_NAME_TEXT = {
    "SY": _SY,
    "stateless": _SY,
    "AF": _AF,
    "UA": _UA,
    "IQ": _IQ,
    "TR": _TR,
    "ER": _ER,
    "IR": _IR,
    "SO": _SO,
    "GN": _GN,
    "NG": _NG,
}
# Birth dates known only to the year, or to the year and month, on the papers of each origin.
_PARTIAL = {
    "SY": (0.2, 0.07), "stateless": (0.25, 0.08), "AF": (0.4, 0.1), "UA": (0.01, 0.01),
    "IQ": (0.2, 0.07), "TR": (0.03, 0.02), "ER": (0.28, 0.1), "IR": (0.03, 0.02),
    "SO": (0.35, 0.1), "GN": (0.28, 0.1), "NG": (0.12, 0.06),
}  # fmt: skip
_JANUARY = frozenset({"AF", "SO", "ER", "GN"})  # "1 January" often stands for an unknown day
_TWO_GIVEN = {"TR": 0.12, "IR": 0.12, "SY": 0.03, "IQ": 0.03, "stateless": 0.03}


@dataclass(frozen=True)
class _Origin:
    key: str
    nationality: str
    share: float  # of all clients, in per cent
    status: str  # key of _STATUS
    children: _W
    wife_keeps: float
    no_passport: float
    patronymic: bool
    units: _W  # kinds of household
    names: tuple[tuple[_Name, ...], ...]  # family, female and male names
    languages: _W  # (interpreter language or "", ((code, level), ...))
    places: tuple[str, ...]


def _load_origins() -> dict[str, _Origin]:
    languages: dict[str, list[tuple[Any, float]]] = {}
    for key, interpreter, skills, weight in _rows(_LANGUAGE_TABLE):
        profile = tuple(tuple(s.split(":")) for s in skills.split())
        languages.setdefault(key, []).append(((interpreter.strip("-"), profile), float(weight)))
    places: dict[str, list[str]] = {}
    for key, text in _rows(_PLACE_TABLE):
        places.setdefault(key, []).extend(text.split(", "))
    kinds = _HOUSEHOLD_TABLE.splitlines()[1].split()
    units = {
        row[0]: _W(*zip(kinds, map(float, row[1:]), strict=True))
        for row in _columns(_HOUSEHOLD_TABLE)
    }
    return {
        key: _Origin(
            key,
            nationality,
            float(share),
            status,
            _CHILDREN[children],
            float(keeps),
            float(no_passport),
            father == "yes",
            units[key],
            tuple(_names(t) for t in _NAME_TEXT[key]),
            _W(*languages[key]),
            tuple(places[key]),
        )
        for key, nationality, share, status, children, keeps, no_passport, father in _columns(
            _ORIGIN_TABLE
        )
    }


_ORIGINS = _load_origins()
_GERMAN_NAMES = tuple(_names(t) for t in _DE)
_UNIT_SIZE = {
    "man": 1,
    "woman": 1,
    "minor": 1,
    "couple": 2,
    "siblings": 2,
    "family": 2,
    "mother": 1,
    "three": 2,
    "mixed": 2,
}
_WITH_KIDS = {"family", "mother", "three"}


def _origin_choice() -> _W:
    """Origins weighted per household so that their shares hold per person."""
    pairs = []
    for o in _ORIGINS.values():
        kids = o.children.mean()
        size = sum(
            w * (_UNIT_SIZE[u] + (kids if u in _WITH_KIDS else 1.0 if u == "mixed" else 0))
            for u, w in zip(o.units.items, o.units.weights, strict=True)
        )
        pairs.append((o.key, o.share * o.units.total / size))
    return _W(*pairs)


_ORIGIN_CHOICE = _origin_choice()
# The roles of a family's parents.
_PARENTS = (HR.HEAD, HR.PARTNER)
# Mobile prefixes, most of them 015x.
_PHONE_PREFIXES = _weights("151 3 152 2 155 1 157 3 159 2 160 1 162 1 170 1 176 2 177 1")
