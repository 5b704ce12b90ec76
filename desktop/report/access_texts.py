"""The fixed texts of the access request (Art. 15 DSGVO): headings, field labels, the explanatory
paragraphs and the footer, kept in the phrase catalogue as `frame.access.<key>` (German in the
template, every print language in its .po; see report/phrasebook.py and docs/phrases.md).

English is reviewed; the other print languages are drafts (`fuzzy`) until a native speaker has
reviewed them, which is why a statement in one of them carries the German beside each heading.
"""

from __future__ import annotations

from desktop.report import phrasebook

PREFIX = "access."


def all_keys() -> list[str]:
    """Every key of the statement's texts (without the `frame.access.` prefix)."""
    start = "frame." + PREFIX
    return [k.removeprefix(start) for k in phrasebook.entries() if k.startswith(start)]


def text(key: str, lang: str) -> str:
    """The fixed text `key` in `lang` ("de" or a print language; "prs" reads the Persian texts).

    German comes from the template; a text not yet translated into `lang` falls back to English,
    then to German. An unknown key is a KeyError, an unknown language a ValueError."""
    name = PREFIX + key
    return (
        phrasebook.frame(name, lang)
        or phrasebook.frame(name, "en")
        or phrasebook.frame(name, "de")
        or ""
    )
