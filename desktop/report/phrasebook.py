"""The shipped phrase catalogue: gettext files under resources/phrases/, read on first use.

`welcome_desk_print.pot` is the template: one entry per key (`msgctxt`), its German text
(`msgid`) and an extracted comment with the English meaning and, for case-work phrases,
`field=<field of action> kind=<goal|measure|appointment|request>`. Each `<lang>.po` holds the
translations into one print language; a translation marked `fuzzy` is a draft no native speaker
has reviewed yet. Drafts are used (a draft beats no text) but reported as drafts.

Keys: `goal.*`, `measure.*`, `appt.*`, `request.*` are the case-work phrases; `frame.<key>` are
the fixed texts of the prints (headings, column names, ...); `label.<Class>.<value>` the print
labels of the domain's catalogues.

Nothing is read at import: the template is parsed on the first call, each language's file on
the first call that needs that language (a print in one language reads two files).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from desktop.domain.catalogues import Catalogue, FieldOfAction
from desktop.domain.model import OfficePhrase
from desktop.domain.names import fold
from desktop.domain.texts import SAME_WRITING, Texts
from desktop.resources import resource_path

# German first (the source), then the print languages; "prs" (Dari) prints with "fa".
LANGS = ("de", "en", "ar", "fa", "uk", "tr", "fr", "ps", "ti", "ru", "kmr", "ckb", "so")
TRANSLATED = LANGS[1:]
ALIASES = {"prs": "fa"}
KINDS = ("goal", "measure", "appointment", "request")
TEMPLATE = "welcome_desk_print.pot"
_KIND_OF_PREFIX = {
    "goal": "goal",
    "measure": "measure",
    "appt": "appointment",
    "request": "request",
}


@dataclass(frozen=True)
class Entry:
    """One entry of the template: a key, its German text and what the comment says of it."""

    key: str
    german: str
    meaning: str  # the English meaning, for translators (the comment's first line)
    field: FieldOfAction | None  # case-work phrases only
    kind: str | None  # case-work phrases only: one of KINDS


@dataclass(frozen=True)
class Translation:
    text: str
    reviewed: bool  # False while the entry is `fuzzy` (a draft)


@dataclass(frozen=True)
class Phrase:
    """A case-work phrase with its texts: language code → text, German under "de"."""

    key: str
    field: FieldOfAction
    kind: str
    meaning: str
    texts: Mapping[str, str]
    drafts: frozenset[str]  # languages whose text is a draft (`fuzzy`)
    office: frozenset[str] = frozenset()  # languages whose text the office wrote or corrected
    shipped: bool = True  # False for the office's own phrases

    def text(self, lang: str) -> str | None:
        """The text in `lang` (German for "de"), or None if there is none yet."""
        return self.texts.get(ALIASES.get(lang, lang))

    def reviewed(self, lang: str) -> bool:
        """Whether the text in `lang` exists and is not a draft (German always is)."""
        lang = ALIASES.get(lang, lang)
        return lang in self.texts and lang not in self.drafts


class _Catalogue:
    """The parsed files, each read once, under a lock (the print runs in a worker thread)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = threading.Lock()
        self._entries: dict[str, Entry] | None = None
        self._translations: dict[str, dict[str, Translation]] = {}

    def entries(self) -> dict[str, Entry]:
        with self._lock:
            if self._entries is None:
                self._entries = _read_template(self.folder / TEMPLATE)
            return self._entries

    def translations(self, lang: str) -> dict[str, Translation]:
        entries = self.entries()
        with self._lock:
            if lang not in self._translations:
                self._translations[lang] = _read_translations(self.folder / f"{lang}.po", entries)
            return self._translations[lang]


def _read_template(path: Path) -> dict[str, Entry]:
    import polib  # read on first use only (the start budget)

    out: dict[str, Entry] = {}
    for e in polib.pofile(str(path), encoding="utf-8"):
        if e.obsolete or not e.msgctxt:
            continue
        lines = e.comment.splitlines()
        meaning = lines[0] if lines else ""
        tags = dict(
            part.split("=", 1) for line in lines[1:] for part in line.split() if "=" in part
        )
        kind = _KIND_OF_PREFIX.get(e.msgctxt.split(".", 1)[0])
        fld = FieldOfAction(tags["field"]) if kind else None
        if kind is not None and tags.get("kind") != kind:
            raise ValueError(f"{path.name}: {e.msgctxt} says kind={tags.get('kind')}")
        out[e.msgctxt] = Entry(e.msgctxt, e.msgid, meaning, fld, kind)
    return out


def _read_translations(path: Path, entries: Mapping[str, Entry]) -> dict[str, Translation]:
    """The non-empty translations of `path` whose German still is the template's (a translation
    of an older German text is not used); no file means no translations."""
    if not path.exists():
        return {}
    import polib  # read on first use only

    out: dict[str, Translation] = {}
    for e in polib.pofile(str(path), encoding="utf-8"):
        entry = entries.get(e.msgctxt or "")
        if e.obsolete or entry is None or e.msgid != entry.german or not e.msgstr.strip():
            continue
        out[e.msgctxt] = Translation(e.msgstr, reviewed="fuzzy" not in e.flags)
    return out


_catalogue = _Catalogue(resource_path("phrases"))


def _code(lang: str) -> str:
    code = ALIASES.get(lang, lang)
    if code not in LANGS:
        raise ValueError(f"{lang!r} is not a print language")
    return code


def entries() -> Mapping[str, Entry]:
    """Every entry of the template by key, in the template's order."""
    return MappingProxyType(_catalogue.entries())


def translation(key: str, lang: str) -> Translation | None:
    """The text of `key` in `lang` with whether it is reviewed (German: always); None if there
    is no text in `lang` yet. An unknown key is a KeyError, an unknown language a ValueError."""
    code = _code(lang)
    entry = _catalogue.entries()[key]
    if code == "de":
        return Translation(entry.german, reviewed=True)
    return _catalogue.translations(code).get(key)


def text(key: str, lang: str) -> str | None:
    """The text of `key` in `lang` (drafts included), or None if there is none yet."""
    found = translation(key, lang)
    return found.text if found else None


def frame(key: str, lang: str) -> str | None:
    """A fixed text of the prints (`frame.<key>`) in `lang`, or None if not translated yet."""
    return text(f"frame.{key}", lang)


def label_key(member: Catalogue) -> str:
    """The catalogue key of a domain catalogue member's print label."""
    return f"label.{type(member).__name__}.{member.value}"


def label(member: Catalogue, lang: str) -> str | None:
    """A catalogue member's print label in `lang`, or None if not translated yet."""
    return text(label_key(member), lang)


def phrases(field: FieldOfAction | None = None, langs: Sequence[str] | None = None) -> list[Phrase]:
    """The case-work phrases (of one field of action), in the catalogue's order, with their
    texts in every print language that has one, or in `langs` only (each language's file is
    read on first use: a print in one language needs one)."""
    wanted = TRANSLATED if langs is None else [_code(lang) for lang in langs if lang != "de"]
    tables = {lang: _catalogue.translations(lang) for lang in wanted}
    out: list[Phrase] = []
    for entry in _catalogue.entries().values():
        if entry.field is None or entry.kind is None or (field and entry.field != field):
            continue
        texts = {"de": entry.german}
        drafts = set()
        for lang, table in tables.items():
            found = table.get(entry.key)
            if found:
                texts[lang] = found.text
                if not found.reviewed:
                    drafts.add(lang)
        out.append(
            Phrase(
                entry.key,
                entry.field,
                entry.kind,
                entry.meaning,
                MappingProxyType(texts),
                frozenset(drafts),
            )
        )
    return out


class PhraseBook:
    """The shipped phrases with the office's own phrases and corrections laid over them,
    language by language; what the office wrote counts as reviewed."""

    def __init__(self, shipped: Sequence[Phrase], office: Sequence[OfficePhrase] = ()) -> None:
        by_key = {p.key: p for p in shipped}
        for own in office:
            base = by_key.get(own.id)
            texts = {**(base.texts if base else {}), **dict(own.texts), "de": own.german}
            corrected = {lang for lang in own.texts} | (
                {"de"} if base is None or base.texts.get("de") != own.german else set()
            )
            by_key[own.id] = Phrase(
                own.id,
                own.field_of_action,
                own.kind,
                base.meaning if base else "",
                MappingProxyType(texts),
                frozenset((base.drafts if base else frozenset()) - set(own.texts)),
                frozenset(corrected),
                shipped=base is not None,
            )
        self._by_key = by_key
        self._folded = {key: fold(p.texts["de"]) for key, p in by_key.items()}

    def __len__(self) -> int:
        return len(self._by_key)

    def get(self, key: str) -> Phrase | None:
        return self._by_key.get(key)

    def phrases(self, field: FieldOfAction | None = None, kind: str | None = None) -> list[Phrase]:
        """The phrases (of one field, of one kind): shipped ones in the catalogue's order, then
        the office's own."""
        return [
            p
            for p in self._by_key.values()
            if (field is None or p.field == field) and (kind is None or p.kind == kind)
        ]

    def text(self, key: str, lang: str) -> str | None:
        """The phrase's text in `lang` ("de" for German), or None (no such phrase or text)."""
        phrase = self._by_key.get(key)
        if phrase is None:
            return None
        return phrase.texts.get(lang) or phrase.texts.get(SAME_WRITING.get(lang, ""))

    def suggest(
        self,
        typed: str,
        kind: str | None = None,
        field: FieldOfAction | None = None,
        limit: int = 10,
    ) -> list[Phrase]:
        """Phrases whose German text contains every word typed (as the start of a word or
        anywhere, ignoring case and accents): those of `field` first, then those that start
        with what was typed."""
        words = fold(typed).split()
        if not words:
            return []
        found: list[tuple[int, int, int, Phrase]] = []
        for order, phrase in enumerate(self._by_key.values()):
            if kind is not None and phrase.kind != kind:
                continue
            folded = self._folded[phrase.key]
            if not all(w in folded for w in words):
                continue
            starts = all(any(t.startswith(w) for t in folded.split()) for w in words)
            found.append(
                (
                    0 if field is None or phrase.field == field else 1,
                    0 if folded.startswith(words[0]) else 1 if starts else 2,
                    order,
                    phrase,
                )
            )
        found.sort(key=lambda item: item[:3])
        return [item[3] for item in found[:limit]]


def item_text(own: Texts, key: str, lang: str, book: PhraseBook | None) -> str | None:
    """What an item prints in client language `lang`: its own text in that language, else the
    phrase book's text of the phrase it was chosen from; None if it has neither."""
    return own.for_print(lang) or (book.text(key, lang) if key and book is not None else None)


def shipped_book() -> PhraseBook:
    """The phrase book without the office's additions (for prints without a case file)."""
    return PhraseBook(phrases())
