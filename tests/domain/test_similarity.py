"""Transliteration-aware name similarity and the duplicate score, on pairs with known answers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.dates import PartialDate
from desktop.domain.name_match import jaro_winkler
from desktop.domain.similarity import LIKELY_THRESHOLD, Person, birth_evidence, match, score
from desktop.domain.spellings import blocking_keys, name_key, name_keys

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "duplicates.json"


def person(fields: dict[str, Any]) -> Person:
    fields = dict(fields)
    born = fields.pop("birth_date", None)
    return Person(birth_date=PartialDate.parse(born) if born else None, **fields)


def labelled() -> list[dict[str, Any]]:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))["pairs"]


def test_jaro_winkler_known_values() -> None:
    assert jaro_winkler("martha", "marhta") == pytest.approx(0.961, abs=0.001)
    assert jaro_winkler("dwayne", "duane") == pytest.approx(0.84, abs=0.001)
    assert jaro_winkler("dixon", "dicksonx") == pytest.approx(0.813, abs=0.001)
    assert jaro_winkler("", "abc") == 0.0
    assert jaro_winkler("same", "same") == 1.0


@pytest.mark.parametrize(
    "spellings",
    [
        ("Mohammed", "Muhammad", "Mohamed", "Mohammad", "Muhamed"),
        ("Abdulrahman", "Abdul Rahman", "Abd al-Rahman", "Abdelrahman", "Abd-ul-Rahman"),
        ("Jamal", "Dschamal", "Djamal"),
        ("Fatimah", "Fatima"),
        ("Aisha", "Aischa", "Ayesha"),
        ("Hossein", "Hussein", "Husain"),
        ("Rahimzadeh", "Rahimzada"),
        ("Tesfaye", "Tesfay"),
        ("Gebremariam", "Gebre Mariam", "Gebre-Mariam"),
        ("Haile", "Hayle"),
        ("Oleksandr", "Olexandr"),
        ("Yuliia", "Yulia", "Julija", "Iuliia", "Юлія"),
        ("Serhii", "Sergei", "Serhiy", "Sergej"),
        ("Shevchenko", "Schewtschenko", "Шевченко"),
        ("Kharchenko", "Charchenko"),
        ("Zhuk", "Schuk", "Žuk"),
        ("Al-Hassan", "Alhassan", "El Hassan"),
        ("Yusuf", "Youssef", "Yousef"),
    ],
)
def test_romanisation_variants_share_one_key(spellings: tuple[str, ...]) -> None:
    shared_key = set.intersection(*(name_keys(s) for s in spellings))
    assert shared_key, [name_keys(s) for s in spellings]
    shared = frozenset.intersection(*(blocking_keys(s) for s in spellings))
    assert shared, spellings


def test_different_names_keep_different_keys() -> None:
    for a, b in [("Hassan", "Hussein"), ("Omar", "Amr"), ("Jamal", "Kamal"), ("Sara", "Sana")]:
        assert not name_keys(a) & name_keys(b)
        assert name_key(a) != name_key(b)


def test_mohammed_ali_spelled_differently_is_the_same_person() -> None:
    a = Person("Ali", "Mohammed", PartialDate(1990), "SY")
    b = Person("Ali", "Muhammad", PartialDate(1990), "SY")
    assert score(a, b) >= 0.9


def test_the_same_common_name_born_years_apart_is_someone_else() -> None:
    a = Person("Ali", "Mohammed", PartialDate(1990), "SY")
    assert score(a, Person("Ali", "Mohammed", PartialDate(1975), "SY")) < 0.1
    assert score(a, Person("Ali", "Mohammed", PartialDate(1975), "IQ")) < 0.01


def test_swapped_and_compound_names() -> None:
    a = Person("Omar", "Abdul Rahman", PartialDate(1985, 6, 2), "SY")
    b = Person("Abdulrahman", "Omar", PartialDate(1985), "SY")
    m = match(a, b)
    assert m.score >= LIKELY_THRESHOLD
    assert m.reasons[0] == "names_swapped"


def test_reasons_name_what_was_seen() -> None:
    m = match(
        Person("Hamud", "Zeinab", PartialDate(1997, 4, 3), "IQ", "A-1"),
        Person("Hammoud", "Zainab", PartialDate(1997, 3, 4), "IQ", "a 1"),
    )
    assert m.reasons == (
        "name_variant",
        "birth_day_month_swapped",
        "nationality_same",
        "file_number_same",
    )
    assert match(Person("Haddad", "Omar"), Person("Haddad", "Omar")).reasons == ("name_same",)


def test_partial_birth_dates() -> None:
    assert birth_evidence(PartialDate(1990), PartialDate(1990, 5, 17))[0] > 0
    assert birth_evidence(PartialDate(1990, 5), PartialDate(1990, 5, 17))[0] > 0
    assert birth_evidence(PartialDate(1990, 5), PartialDate(1990, 6, 17))[0] < 0
    assert birth_evidence(PartialDate(1990), PartialDate(1991))[0] <= -4
    assert birth_evidence(None, PartialDate(1991)) == (0.0, None)
    swapped = birth_evidence(PartialDate(1990, 3, 4), PartialDate(1990, 4, 3))[0]
    assert 0 < swapped < birth_evidence(PartialDate(1990, 3, 4), PartialDate(1990, 3, 4))[0]


def test_different_sex_and_nationality_count_against() -> None:
    a = Person("Karimi", "Farid", PartialDate(1990), "AF", sex="male")
    assert score(a, Person("Karimi", "Farida", PartialDate(1990), "AF", sex="female")) < 0.2
    assert score(a, Person("Karimi", "Farid", PartialDate(1990), "IR")) < score(
        a, Person("Karimi", "Farid", PartialDate(1990), "AF")
    )


def test_score_is_symmetric_and_bounded() -> None:
    for row in labelled():
        a, b = person(row["a"]), person(row["b"])
        s = score(a, b)
        assert 0.0 <= s <= 1.0
        assert s == pytest.approx(score(b, a), abs=1e-9), row["note"]


def test_the_labelled_set_is_big_and_varied_enough() -> None:
    rows = labelled()
    assert len(rows) >= 60
    assert sum(r["same"] for r in rows) >= 30
    assert sum(not r["same"] for r in rows) >= 30


def test_precision_and_recall_on_the_labelled_set() -> None:
    rows = labelled()
    flagged = [score(person(r["a"]), person(r["b"])) >= LIKELY_THRESHOLD for r in rows]
    tp = sum(f and r["same"] for f, r in zip(flagged, rows, strict=True))
    fp = sum(f and not r["same"] for f, r in zip(flagged, rows, strict=True))
    fn = sum(not f and r["same"] for f, r in zip(flagged, rows, strict=True))
    assert tp / (tp + fp) >= 0.95
    assert tp / (tp + fn) >= 0.95
