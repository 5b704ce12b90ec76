"""Countries and languages as coordinators type them: by code or by name, German or English."""

import pytest

from desktop.domain.errors import InvalidInput
from desktop.domain.places import (
    COUNTRIES,
    LANGUAGES,
    STATELESS,
    UNCLEAR,
    check_country,
    check_language,
    country_name,
    language_name,
)


def test_every_iso_country_and_kosovo_stateless_and_unclear_are_known():
    two_letter = [code for code in COUNTRIES if len(code) == 2]
    assert len(two_letter) == 249 + 1  # ISO 3166-1 alpha-2 and XK
    assert all(code.isupper() and code.isalpha() for code in two_letter)
    assert set(COUNTRIES) - set(two_letter) == {STATELESS, UNCLEAR}


@pytest.mark.parametrize(
    ("code", "de", "en"),
    [
        ("SY", "Syrien", "Syria"),
        ("AF", "Afghanistan", "Afghanistan"),
        ("ER", "Eritrea", "Eritrea"),
        ("TR", "Türkei", "Türkiye"),
        ("UA", "Ukraine", "Ukraine"),
        ("IR", "Iran", "Iran"),
        ("XK", "Kosovo", "Kosovo"),
        ("stateless", "staatenlos", "stateless"),
        ("unclear", "ungeklärt", "unclear"),
    ],
)
def test_countries_show_their_german_and_english_names(code, de, en):
    assert COUNTRIES[code] == (de, en)
    assert country_name(code) == de
    assert country_name(code.lower(), "en") == en


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("sy", "SY"),
        (" SY ", "SY"),
        ("Syrien", "SY"),
        ("syria", "SY"),
        ("Türkei", "TR"),
        ("turkei", "TR"),
        ("Turkey", "TR"),
        ("Elfenbeinküste", "CI"),
        ("Russland", "RU"),
        ("Staatenlos", STATELESS),
        ("Unclear", UNCLEAR),
    ],
)
def test_a_country_is_found_by_code_or_name(typed, code):
    assert check_country(typed) == code


@pytest.mark.parametrize("typed", ["QQ", "XY", "Atlantis", "", "SYR"])
def test_an_unknown_country_is_refused_in_both_languages(typed):
    with pytest.raises(InvalidInput) as caught:
        check_country(typed)
    error = caught.value
    assert error.field == "nationality"
    assert f"'{typed}'" in error.text("de") and f"'{typed}'" in error.text("en")
    assert error.text("de") != error.text("en")


def test_no_two_countries_share_a_name():
    for code, (de, en) in COUNTRIES.items():
        assert check_country(de) == code
        assert check_country(en) == code


def test_the_languages_of_the_people_we_counsel_are_all_known():
    assert len(LANGUAGES) >= 120
    needed = "ar apc fa prs ps pbt ku ckb kmr ti tig am so ff sus man wo ha yo ig bal haz rom"
    needed += " tr uk ru fr en de"
    assert set(needed.split()) <= set(LANGUAGES)
    assert all(code.islower() and len(code) in (2, 3) for code in LANGUAGES)


@pytest.mark.parametrize(
    ("code", "de", "en"),
    [
        ("ar", "Arabisch", "Arabic"),
        ("fa", "Persisch (Farsi)", "Persian (Farsi)"),
        ("uk", "Ukrainisch", "Ukrainian"),
        ("prs", "Dari", "Dari"),
        ("ti", "Tigrinya", "Tigrinya"),
    ],
)
def test_languages_show_their_german_and_english_names(code, de, en):
    assert LANGUAGES[code] == (de, en)
    assert language_name(code) == de
    assert language_name(code.upper(), "en") == en


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("AR", "ar"),
        ("Arabisch", "ar"),
        ("arabic", "ar"),
        ("Farsi", "fa"),
        ("Dari", "prs"),
        ("Kurmanji", "kmr"),
        ("Sorani", "ckb"),
        ("Fulfulde", "ff"),
        ("PBT", "pbt"),
    ],
)
def test_a_language_is_found_by_code_or_name(typed, code):
    assert check_language(typed) == code


@pytest.mark.parametrize("typed", ["xx", "Klingonisch", ""])
def test_an_unknown_language_is_refused(typed):
    with pytest.raises(InvalidInput) as caught:
        check_language(typed)
    assert caught.value.field == "language"
    assert f"'{typed}'" in caught.value.text("de")


def test_no_two_languages_share_a_name():
    for code, (de, en) in LANGUAGES.items():
        assert check_language(de) == code
        assert check_language(en) == code
