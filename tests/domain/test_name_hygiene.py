"""Names as they are stored: NFC, no invisible characters (ZWNJ only where Persian needs it),
mojibake recognised and repaired, lost letters ("O?uz") recognised."""

from __future__ import annotations

import unicodedata

import pytest

from desktop.domain.errors import InvalidInput
from desktop.domain.model import Client
from desktop.domain.names import clean_name, encoding_damage, fold, lost_letters

ZWNJ = "\u200c"

INVISIBLE = [
    "\u200b",  # zero-width space
    "\u2060",  # word joiner
    "\ufeff",  # byte order mark / zero-width no-break space
    "\u00ad",  # soft hyphen
    "\u200e",  # left-to-right mark
    "\u200f",  # right-to-left mark
    "\u061c",  # Arabic letter mark
    "\u202a",  # left-to-right embedding
    "\u202b",  # right-to-left embedding
    "\u202c",  # pop directional formatting
    "\u202d",  # left-to-right override
    "\u202e",  # right-to-left override
    "\u2066",  # left-to-right isolate
    "\u2067",  # right-to-left isolate
    "\u2068",  # first strong isolate
    "\u2069",  # pop directional isolate
    "\u180e",  # Mongolian vowel separator
    "\u200d",  # zero-width joiner
    "\u2061",  # function application (another Cf)
    "\U000e0041",  # tag letter A (another Cf)
    "\x00",  # controls (Cc)
    "\x07",
    "\x7f",
    "\x85",  # NEL: a control Python also calls whitespace
    "\x9f",
]


@pytest.mark.parametrize("char", INVISIBLE, ids=lambda c: f"U+{ord(c):04X}")
def test_each_invisible_character_is_removed(char: str) -> None:
    assert clean_name(f"Had{char}dad") in ("Haddad", "Had dad")  # NEL: a space at most
    assert clean_name(f"{char}Haddad{char}") == "Haddad"
    assert clean_name(f"محمد{char}") == "محمد"


def test_the_invisible_characters_named_are_format_or_control_characters() -> None:
    assert {unicodedata.category(c) for c in INVISIBLE} == {"Cf", "Cc"}


def test_whitespace_runs_become_one_space_and_the_ends_are_stripped() -> None:
    assert clean_name("  Abdul\u00a0\u00a0Rahman\t\n Ali \u3000") == "Abdul Rahman Ali"
    assert clean_name("Abdul \u200b Rahman") == "Abdul Rahman"
    assert clean_name("Abdul\u2003Rahman") == "Abdul Rahman"
    assert clean_name("Haddad") == "Haddad"
    assert clean_name("") == ""
    assert clean_name("\u200b \u202e") == ""


def test_decomposed_input_is_stored_composed() -> None:
    decomposed = "Mu\u0308ller S\u0327ahin Nguye\u0302\u0303n"
    assert clean_name(decomposed) == "Müller Şahin Nguyễn"
    assert unicodedata.is_normalized("NFC", clean_name(decomposed))
    assert clean_name("Mu\u200b\u0308ller") == "Müller"  # composed after the removal too


def test_zwnj_stays_between_two_letters_of_the_arabic_script() -> None:
    persian = f"رحیم{ZWNJ}زاده"
    assert clean_name(persian) == persian
    assert clean_name(f"می{ZWNJ}رحیمی") == f"می{ZWNJ}رحیمی"
    assert clean_name(f"مُ{ZWNJ}حمد") == f"مُ{ZWNJ}حمد"  # a vowel mark before it
    assert clean_name(f"رحیم{ZWNJ}{ZWNJ}زاده") == persian  # one is enough


@pytest.mark.parametrize(
    "text",
    [
        f"Rahim{ZWNJ}zadeh",  # Latin letters
        f"{ZWNJ}رحیمی",  # at the start
        f"رحیمی{ZWNJ}",  # at the end
        f"رحیم {ZWNJ}زاده",  # next to a space
        f"رحیم{ZWNJ}zadeh",  # Arabic then Latin
        f"Иван{ZWNJ}ов",  # Cyrillic
        f"رحیم{ZWNJ}1",  # a digit
    ],
)
def test_zwnj_elsewhere_is_removed(text: str) -> None:
    assert ZWNJ not in clean_name(text)


def test_a_client_stores_its_names_clean() -> None:
    client = Client(
        family_name="\u200bHaddad\u202e",
        given_names="Ra\u00adnia\u00a0 Amal ",
        other_names=("\u200e", " Hadad\u2066", "\u202e"),
        birth_place="\ufeffAleppo\t",
    )
    assert client.family_name == "Haddad"
    assert client.given_names == "Rania Amal"
    assert client.other_names == ("Hadad",)  # invisible-only names are dropped
    assert client.birth_place == "Aleppo"
    persian = Client(family_name=f"رحیم{ZWNJ}زاده", given_names="Mu\u0308ller")
    assert persian.family_name == f"رحیم{ZWNJ}زاده"
    assert persian.given_names == "Müller"


def test_a_family_name_of_invisible_characters_only_is_refused() -> None:
    with pytest.raises(InvalidInput):
        Client(family_name="\u200b\u202e\u00a0", given_names="Rania")


def test_search_does_not_see_the_zwnj() -> None:
    assert fold(f"رحیم{ZWNJ}زاده") == fold("رحیمزاده")
    assert ZWNJ not in fold(f"Rahim{ZWNJ}zadeh")
    assert fold("Şahin-Öztürk") == "sahin ozturk"  # the rest as before


# -- encoding damage ---------------------------------------------------------------------------

GOOD = [
    # German, Turkish, Kurdish, Azerbaijani
    "Müller",
    "Weiß",
    "Öztürk",
    "Oğuz",
    "Ayşe",
    "Şahin",
    "Çelik",
    "Gül",
    "Yılmaz",
    "İbrahim",
    "Ağaoğlu",
    "Aşkın Göçmen",
    "Xəlilov",
    "Kurdî",
    # Vietnamese
    "Nguyễn Văn Đức",
    "Trần Thị Hương",
    "Phạm",
    # Arabic and Persian script
    "محمد",
    "عبد الله",
    "الجاسم",
    f"رحیم{ZWNJ}زاده",
    "محمدی",
    # Cyrillic
    "Иванов",
    "Олександр",
    "Щербаков",
    "Ёлкин",
    # Ethiopic
    "ገብረመድሃኒት",
    "አበበ",
    "ተስፋዬ",
    # other Latin letters, romanisations, apostrophes
    "Søren",
    "Łukasz",
    "Núñez",
    "Mustafà",  # "à" misread: "Ã" and a no-break space
    "François",
    "José",
    "São Paulo",
    "Dvořák",
    "Željko",
    "Žižek",
    "Šárka",
    "Ærø",
    "Œuvray",
    "Ÿvonne",
    "Ĳssel",
    "ʿAlī",
    "Ḥusayn",
    "O'Brien",
    "Al-Jasem",
    "Abdulrahman",
    "Müller-Lüdenscheidt",
]

# (damaged, repaired): UTF-8 read as Windows-1252 (or Latin-1).
DAMAGED = [
    ("MÃ¼ller", "Müller"),
    ("Ã–zdemir", "Özdemir"),
    ("WeiÃŸ", "Weiß"),
    ("GÃ¶Ã§men", "Göçmen"),
    ("OÄŸuz", "Oğuz"),  # too short for ftfy alone
    ("AyÅŸe", "Ayşe"),
    ("Åžahin", "Şahin"),
    ("YÄ±lmaz", "Yılmaz"),
    ("Ä°brahim", "İbrahim"),
    ("FranÃ§ois", "François"),
    ("DvoÅ™Ã¡k", "Dvořák"),
    ("Nguyá»…n", "Nguyễn"),
    ("Ù…Ø\xadÙ…Ø¯", "محمد"),
    ("Ð˜Ð²Ð°Ð½Ð¾Ð²", "Иванов"),
    ("OÄŸuz Ã–zdemir", "Oğuz Özdemir"),
    ("Ã\x81lvaro", "Álvaro"),  # Latin-1: a C1 control where Windows-1252 has no character
    ("MÃƒÂ¼ller", "Müller"),  # damaged twice
]


@pytest.mark.parametrize("name", GOOD)
def test_good_names_are_not_repaired(name: str) -> None:
    assert encoding_damage(name) is None
    assert not lost_letters(name)


@pytest.mark.parametrize(("damaged", "repaired"), DAMAGED)
def test_mojibake_is_repaired(damaged: str, repaired: str) -> None:
    assert encoding_damage(damaged) == repaired


def _misread(name: str, encoding: str) -> str | None:
    """The name's UTF-8 bytes read as `encoding`, if that reads them all and changes the name."""
    try:
        damaged = name.encode("utf-8").decode(encoding)
    except UnicodeDecodeError:
        return None
    return damaged if damaged != name else None


MISREAD = [
    (damaged, name)
    for name in GOOD
    for encoding in ("cp1252", "latin-1")
    if (damaged := _misread(name, encoding)) is not None
]


def test_most_good_names_can_be_misread() -> None:
    assert len(MISREAD) >= 60  # the parametrised test below is not a handful


@pytest.mark.parametrize(("damaged", "name"), MISREAD)
def test_every_good_name_misread_is_repaired(damaged: str, name: str) -> None:
    assert encoding_damage(damaged) == name


def test_a_repair_that_would_leave_a_replacement_character_is_not_offered() -> None:
    damaged = "MÃ¼ller Ã?"  # "Ã?": the second byte of a letter was lost
    assert encoding_damage(damaged) is None
    assert lost_letters(damaged)  # a name to check by hand instead
    assert encoding_damage("ASCII only") is None
    assert encoding_damage("") is None


@pytest.mark.parametrize("name", ["O?uz", "Ay?e", "?ahin", "M\ufffdller", "????", "Ay?e O?uz"])
def test_lost_letters_are_recognised(name: str) -> None:
    assert lost_letters(name)
    assert encoding_damage(name) is None  # nothing to repair: the letter is gone


@pytest.mark.parametrize("name", ["Oguz", "?", "Haddad (?)", "Ali ?", "محمد", ""])
def test_no_lost_letters(name: str) -> None:
    assert not lost_letters(name)
