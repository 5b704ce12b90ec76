"""Residence statuses, their papers' validity, German levels and housing, by time in Germany."""

from __future__ import annotations

from datetime import date

from desktop.demo.tables import _W, _rows, _weights
from desktop.domain.catalogues import Housing
from desktop.domain.catalogues import ResidenceStatus as RS

# Residence status by origin group and time in Germany: under 1.5 years, 1.5 to 5, longer.
_ABBR = {
    "AP": RS.ASYLUM_PROCEDURE,
    "DUL": RS.DULDUNG,
    "CH": RS.CHANCENAUFENTHALT,
    "AG": RS.ASYLUM_GRANTED,
    "REF": RS.REFUGEE,
    "SUB": RS.SUBSIDIARY,
    "BAN": RS.DEPORTATION_BAN,
    "TP": RS.TEMPORARY_PROTECTION,
    "FIK": RS.FIKTION,
    "FAM": RS.FAMILY,
    "WORK": RS.WORK,
    "STU": RS.STUDY,
    "OTH": RS.OTHER_PERMIT,
    "SET": RS.SETTLEMENT,
}
_STATUS_TABLE = """
protect | AP 45 SUB 20 REF 25 FIK 5 DUL 3 FAM 2 | REF 40 SUB 30 FIK 8 FAM 10 AG 5 DUL 3 AP 4
protect | SET 35 REF 25 SUB 15 FIK 7 FAM 5 AG 5 CH 3 DUL 5
so | AP 50 SUB 25 REF 10 DUL 10 FIK 5 | SUB 35 REF 20 DUL 15 BAN 10 FIK 10 AP 10
so | SET 25 SUB 20 REF 10 DUL 12 CH 10 OTH 13 FIK 10
af | AP 45 BAN 15 REF 15 SUB 10 DUL 10 FIK 5 | BAN 25 REF 15 SUB 15 DUL 20 FIK 10 AP 15
af | DUL 15 CH 15 SET 20 BAN 15 OTH 15 REF 10 FIK 10
iq | AP 55 REF 15 SUB 10 DUL 15 FIK 5 | DUL 25 REF 20 SUB 10 BAN 10 AP 20 FIK 10 FAM 5
iq | DUL 15 CH 15 SET 25 OTH 15 REF 10 FIK 10 WORK 10
tr | AP 60 DUL 15 REF 10 FIK 5 FAM 5 WORK 5 | AP 30 DUL 25 REF 15 FIK 10 FAM 10 WORK 10
tr | DUL 15 CH 15 SET 25 FAM 15 WORK 15 FIK 15
ru | AP 45 FAM 20 WORK 15 STU 10 DUL 5 FIK 5 | AP 20 REF 15 FAM 25 WORK 20 STU 5 DUL 10 FIK 5
ru | SET 30 FAM 20 WORK 25 DUL 10 FIK 5 OTH 10
west | AP 60 DUL 35 FIK 5 | DUL 50 AP 20 OTH 15 FIK 5 FAM 10
west | DUL 25 CH 25 OTH 20 WORK 10 SET 10 FIK 10
ua | TP 85 FIK 6 WORK 4 STU 2 FAM 3 | TP 85 FIK 6 WORK 4 STU 2 FAM 3
ua | TP 85 FIK 6 WORK 4 STU 2 FAM 3
"""
_STATUS: dict[str, list[_W]] = {}
for _row in _rows(_STATUS_TABLE):
    _STATUS.setdefault(_row[0], []).extend(_weights(p, _ABBR.__getitem__) for p in _row[1:])
# How long a paper of each status is issued for, in days (one is picked).
_VALID_DAYS = {
    RS.ASYLUM_PROCEDURE: (91, 183), RS.DULDUNG: (30, 91, 183, 183), RS.REFUGEE: (1095,),
    RS.ASYLUM_GRANTED: (1095,), RS.SUBSIDIARY: (730,), RS.DEPORTATION_BAN: (365, 730),
    RS.FIKTION: (91, 91, 183), RS.FAMILY: (365, 730, 1095), RS.WORK: (365, 730, 1461),
    RS.STUDY: (365, 730), RS.OTHER_PERMIT: (365, 730, 913),
}  # fmt: skip
_UA_START = date(2022, 2, 24).toordinal()
_CHANCE_START = date(2023, 1, 1).toordinal()  # § 104c AufenthG in force
# Applications closed at the end of 2025 (the rule held for three years); the demo assumes the
# last ones were decided within half a year.
_CHANCE_LAST = date(2026, 6, 30).toordinal()
_CHANCE_RESIDENT_SINCE = date(2017, 10, 31).toordinal()  # five years before 31 October 2022
# One household holds a § 104c permit whose 18 months end this many days ahead, so that the
# deadline radar (six weeks by default) has one to show: a family, whose spouse and children hold
# it with them (§ 104c (2)).
_CHANCE_SHOWN_DAYS = (10, 30)
_CHANCE_SHOWN_KINDS = frozenset({"family", "mother", "couple"})
# Languages for which the demo always has an open adult client who needs an interpreter: if
# chance gives none, the first one with German up to B1 needs one (B1 often does not carry a
# talk at the immigration office).
_SHOWN_INTERPRETERS = frozenset({"kmr", "ckb", "so", "ru"})
_SHORT_STAY = frozenset({RS.ASYLUM_PROCEDURE, RS.DULDUNG})
_PROTECTED = frozenset({RS.REFUGEE, RS.SUBSIDIARY, RS.ASYLUM_GRANTED})
# Whose passport the immigration office keeps (to secure departure, or to check the identity).
_CUSTODY = frozenset({RS.ASYLUM_PROCEDURE, RS.DULDUNG, RS.CHANCENAUFENTHALT, RS.FIKTION})
# German level by time in Germany: under half a year, under 2 years, under 5, longer.
_GERMAN_LEVEL = tuple(
    _weights(t)
    for t in (
        "- 55 A1 40 A2 5",
        "- 15 A1 35 A2 35 B1 15",
        "- 5 A1 10 A2 30 B1 40 B2 15",
        "- 5 A2 15 B1 40 B2 30 C1 10",
    )
)
_RANK = {"": 0, "A1": 1, "A2": 2, "B1": 3, "B2": 4, "C1": 5, "C2": 6, "native": 7}
_HOUSING = tuple(
    _weights(t, Housing)
    for t in (  # by time in Germany: < 0.5, < 2 years, longer
        "reception_centre 30 collective 60 with_family 10",
        "collective 45 follow_up 25 own_flat 20 with_family 10",
        "own_flat 65 follow_up 15 collective 12 with_family 5 homeless 1 other 2",
    )
)
_HOUSING_UA = _weights("with_family 35 collective 30 own_flat 25 reception_centre 10", Housing)
