"""Which spreadsheet column fills which client field: the fields, and a guess from the headers.

Header words are German and English and compared folded (case, accents, umlaut spellings,
spaces, a trailing ":" or "*" and text in parentheses do not matter).
"""

from __future__ import annotations

import re

from desktop.domain.names import fold_variants

# The client fields a spreadsheet column can fill: field -> (German label, English label).
FIELDS: dict[str, tuple[str, str]] = {
    "family_name": ("Familienname", "Family name"),
    "given_names": ("Vornamen", "Given names"),
    "other_names": ("Andere Schreibweisen", "Other names"),
    "file_number": ("Aktenzeichen", "File number"),
    "sex": ("Geschlecht", "Sex"),
    "birth_date": ("Geburtsdatum", "Date of birth"),
    "birth_place": ("Geburtsort", "Place of birth"),
    "nationality": ("Staatsangehörigkeit", "Nationality"),
    "languages": ("Sprachen", "Languages"),
    "interpreter_needed": ("Dolmetscher nötig", "Interpreter needed"),
    "interpreter_language": ("Dolmetschsprache", "Interpreter language"),
    "phone": ("Telefon", "Phone"),
    "email": ("E-Mail", "E-mail"),
    "street": ("Straße", "Street"),
    "postcode": ("PLZ", "Postcode"),
    "city": ("Ort", "City"),
    "arrival_date": ("Einreisedatum", "Arrival date"),
    "housing": ("Unterkunft", "Housing"),
    "residence_status": ("Aufenthaltsstatus", "Residence status"),
    "status_granted_on": ("Status erteilt am", "Status granted on"),
    "status_valid_until": ("Gültig bis", "Valid until"),
    "opened_on": ("Fall eröffnet am", "Case opened on"),
    "closed_on": ("Fall abgeschlossen am", "Case closed on"),
}

# Fields that take several values: several columns may fill them, and a cell may hold a list.
LIST_FIELDS = {"other_names": re.compile(r"[;/|]"), "languages": re.compile(r"[,;/|]")}

# Header words (German and English) by field; compared folded, parentheses and ":" "*" ignored.
_HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "family_name": (
        "Nachname",
        "Familienname",
        "Name",
        "Zuname",
        "family name",
        "surname",
        "last name",
        "lastname",
    ),
    "given_names": (
        "Vorname",
        "Vornamen",
        "Vorname(n)",
        "given name",
        "given names",
        "first name",
        "first names",
        "firstname",
        "forename",
    ),
    "other_names": (
        "Alias",
        "Aliase",
        "andere Schreibweise",
        "andere Schreibweisen",
        "weitere Namen",
        "other names",
        "other spelling",
        "other spellings",
        "also known as",
        "aka",
    ),
    "file_number": (
        "Aktenzeichen",
        "Az.",
        "Az",
        "Aktennummer",
        "Fallnummer",
        "file number",
        "file no",
        "file no.",
        "case number",
    ),
    "sex": ("Geschlecht", "sex", "gender"),
    "birth_date": (
        "Geburtsdatum",
        "Geb.-Datum",
        "Geb.datum",
        "geb. am",
        "geboren",
        "geboren am",
        "Geburtstag",
        "date of birth",
        "birth date",
        "birthdate",
        "born",
        "DOB",
    ),
    "birth_place": ("Geburtsort", "place of birth", "birth place", "birthplace"),
    "nationality": (
        "Staatsangehörigkeit",
        "Staatsangehörigkeiten",
        "Nationalität",
        "nationality",
        "citizenship",
    ),
    "languages": (
        "Sprache",
        "Sprachen",
        "Sprache(n)",
        "Sprachkenntnisse",
        "language",
        "languages",
    ),
    "interpreter_needed": (
        "Dolmetscher",
        "Dolmetscher nötig",
        "Dolmetscher erforderlich",
        "interpreter",
        "interpreter needed",
    ),
    "interpreter_language": (
        "Dolmetschsprache",
        "Dolmetschersprache",
        "Sprache Dolmetscher",
        "interpreter language",
    ),
    "phone": (
        "Telefon",
        "Telefonnummer",
        "Tel.",
        "Tel",
        "Handy",
        "Mobil",
        "Mobilnummer",
        "phone",
        "phone number",
        "telephone",
        "mobile",
    ),
    "email": ("E-Mail", "E-Mail-Adresse", "Email", "Mail", "e-mail address", "email address"),
    "street": ("Straße", "Strasse", "Str.", "Anschrift", "Adresse", "street", "address"),
    "postcode": ("PLZ", "Postleitzahl", "postcode", "post code", "postal code", "zip", "zip code"),
    "city": ("Ort", "Stadt", "Wohnort", "city", "town"),
    "arrival_date": (
        "Einreise",
        "Einreisedatum",
        "eingereist am",
        "Ankunft",
        "Ankunftsdatum",
        "arrival",
        "arrival date",
        "date of arrival",
    ),
    "housing": ("Unterkunft", "Wohnform", "housing"),
    "residence_status": (
        "Aufenthaltsstatus",
        "Aufenthaltstitel",
        "Status",
        "residence status",
        "residence permit",
    ),
    "status_granted_on": ("erteilt am", "Status erteilt am", "granted on", "status granted on"),
    "status_valid_until": (
        "gültig bis",
        "Status gültig bis",
        "befristet bis",
        "valid until",
        "valid to",
        "status valid until",
        "expires",
        "expiry date",
    ),
    "opened_on": ("Fall eröffnet am", "aufgenommen am", "opened on", "case opened on"),
    "closed_on": ("Fall abgeschlossen am", "abgeschlossen am", "closed on", "case closed on"),
}

_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def _folded(text: str) -> set[str]:
    """A text's folded forms, umlauts either way, with and without spaces ("E-Mail" = "Email")."""
    keys = set(fold_variants(text.rstrip(":* ")))
    keys.update(k.replace(" ", "") for k in list(keys))
    keys.discard("")
    return keys


def _header_keys(text: str) -> list[set[str]]:
    """The folded forms a header is compared by: as written first, then without parentheses."""
    return [_folded(text), _folded(_PARENTHESES.sub(" ", text))]


_WORD_INDEX: dict[str, str] = {
    key: name
    for name, words in _HEADER_WORDS.items()
    for word in words
    for keys in _header_keys(word)
    for key in keys
}

ColumnMapping = dict[int, str]
"""Which field each (0-based) column fills; columns not in it are not imported."""


def guess_mapping(header: tuple[str, ...] | list[str]) -> ColumnMapping:
    """A mapping guessed from the header texts; a field other than a list is filled once."""
    mapping: ColumnMapping = {}
    for column, text in enumerate(header):
        # the header as written first, then without its parentheses ("Geburtsdatum (TT.MM.JJJJ)")
        found = next(
            (
                _WORD_INDEX[k]
                for keys in _header_keys(text)
                for k in sorted(keys)
                if k in _WORD_INDEX
            ),
            None,
        )
        if found is None:
            continue
        if found in mapping.values() and found not in LIST_FIELDS:
            continue
        mapping[column] = found
    return mapping
