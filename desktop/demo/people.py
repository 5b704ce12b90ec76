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
    _KU_IQ,
    _KU_SY,
    _KU_TR,
    _KZ,
    _NG,
    _RU,
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
SY        SY           18   protect   big      0.9   0.15        no
kurd_SY   SY            4   protect   big      0.9   0.20        no
stateless stateless     2   protect   big      0.9   0.60        no
AF        AF           15   af        big      0.5   0.35        no
UA        UA           18   ua        ua       0.0   0.05        no
IQ        IQ            4   iq        big      0.9   0.25        no
kurd_IQ   IQ            4   iq        big      0.9   0.20        no
TR        TR            6   tr        few      0.0   0.10        no
kurd_TR   TR            4   tr        few      0.0   0.10        no
RU        RU            2   ru        few      0.0   0.05        no
KZ        KZ            1   ru        few      0.0   0.05        no
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
kurd_SY    25     5     3      8     45      8        4     2     0
stateless  30     5     3      8     40      8        4     2     0
AF         35     3     8      5     35      7        5     2     0
UA          8    18     0      8     12     35        0     2    12
IQ         25     6     2      8     45      8        4     2     0
kurd_IQ    25     6     2      8     45      8        4     2     0
TR         40    10     0     12     25      5        3     3     0
kurd_TR    40    10     0     12     25      5        3     3     0
RU         40    15     0     20     20      5        0     0     0
KZ         20    15     0     15     35     10        0     5     0
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
SY | ar | ar:native | 100
kurd_SY | kmr | kmr:native ar:C1 | 60
kurd_SY | ar | kmr:native ar:C2 | 25
kurd_SY | kmr | kmr:native ar:B1 | 15
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
RU | ru | ru:native | 80
RU | ru | ru:native en:B2 | 20
KZ | ru | ru:native | 60
KZ | ru | ru:native kk:B2 | 25
KZ | ru | kk:native ru:native | 15
IQ | ar | ar:native | 100
kurd_IQ | ckb | ckb:native ar:B1 | 55
kurd_IQ | kmr | kmr:native ar:B1 | 30
kurd_IQ | ckb | ckb:native en:B1 | 15
TR | tr | tr:native | 100
kurd_TR | kmr | kmr:native tr:C1 | 60
kurd_TR | tr | kmr:native tr:C2 | 40
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
kurd_SY | Qamischli, Afrin, Kobanê, Hasaka, Amuda, Derik, Aleppo, Ras al-Ain
stateless | Damaskus, Aleppo, Qamischli, Hasaka, Daraa
AF | Kabul, Herat, Masar-e Scharif, Kandahar, Dschalalabad, Kundus, Ghazni, Baghlan, Maidan Schahr
UA | Kyjiw, Charkiw, Odesa, Dnipro, Mariupol, Saporischschja, Lwiw, Mykolajiw, Cherson, Poltawa
UA | Tschernihiw, Krywyj Rih
IQ | Bagdad, Mossul, Kirkuk, Basra, Nadschaf, Kerbela, Falludscha, Ramadi
kurd_IQ | Erbil, Sulaimaniyya, Dohuk, Zakho, Kirkuk, Halabdscha, Ranya, Sindschar
TR | Istanbul, Ankara, Gaziantep, İzmir, Konya, Kayseri, Bursa, Adana, Trabzon
kurd_TR | Diyarbakır, Van, Mardin, Batman, Ağrı, Hakkâri, Şırnak, Muş, Şanlıurfa, Istanbul
RU | Moskau, Sankt Petersburg, Nowosibirsk, Jekaterinburg, Kasan, Krasnodar, Samara, Omsk
RU | Rostow am Don, Perm
KZ | Almaty, Astana, Karaganda, Schymkent, Pawlodar, Ust-Kamenogorsk, Kostanai
ER | Asmara, Keren, Massawa, Mendefera, Dekemhare, Barentu, Adi Keyh
IR | Teheran, Schiras, Isfahan, Maschhad, Täbris, Kermanschah, Ahvaz, Karadsch
SO | Mogadischu, Kismaayo, Baidoa, Hargeysa, Beledweyne, Gaalkacyo, Marka
GN | Conakry, Labé, Kankan, Kindia, Nzérékoré, Mamou, Pita, Boké
NG | Lagos, Benin City, Abuja, Kano, Port Harcourt, Ibadan, Enugu, Warri
"""
_NAME_TEXT = {
    "SY": _SY,
    "kurd_SY": _KU_SY,
    "stateless": _SY,
    "AF": _AF,
    "UA": _UA,
    "IQ": _IQ,
    "kurd_IQ": _KU_IQ,
    "TR": _TR,
    "kurd_TR": _KU_TR,
    "RU": _RU,
    "KZ": _KZ,
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
    "SO": (0.35, 0.1), "GN": (0.28, 0.1), "NG": (0.12, 0.06), "kurd_SY": (0.2, 0.07),
    "kurd_IQ": (0.2, 0.07), "kurd_TR": (0.03, 0.02), "RU": (0.01, 0.01), "KZ": (0.01, 0.01),
}  # fmt: skip
_JANUARY = frozenset({"AF", "SO", "ER", "GN"})  # "1 January" often stands for an unknown day
_TWO_GIVEN = {
    "TR": 0.12, "kurd_TR": 0.12, "IR": 0.12, "SY": 0.03, "IQ": 0.03, "stateless": 0.03,
}  # fmt: skip
# Origins whose women's family names take the feminine form (Ivanov -> Ivanova).
_FEMININE_NAMES = frozenset({"RU", "KZ"})
_FEMININE: dict[_Name, _Name] = {}


def _feminine(name: _Name) -> _Name:
    """A family name's feminine form: "a" after a final -v/-w/-n (Ivanov, Iwanow, Иванов,
    Ilin); other names (Chernykh, Kovalenko, Schmidt) stay as they are."""
    found = _FEMININE.get(name)
    if found is None:
        spelling, latin, native = name
        if spelling[-1] in "vn":
            found = (
                spelling + "a",
                tuple(f + "a" if f[-1] in "vwn" else f for f in latin),
                native + "а" if native and native[-1] in "вн" else native,
            )
        else:
            found = name
        _FEMININE[name] = found
    return found


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
