"""An item's wording in languages other than German: a small immutable map language → text.

Goals, measures and appointment purposes carry their German text in their own field (title,
purpose) and their client-language texts here. A text whose language nobody knows yet (the old
single "client text" of a client without a known first language) is kept under UNASSIGNED until
the coordinator says which language it is; it is never printed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping

from desktop.domain.errors import InvalidInput
from desktop.domain.places import check_language

UNASSIGNED = "und"  # ISO 639-2 "undetermined": a text waiting for its language
MAX_TEXT = 2000
# Languages written the same way for print purposes: a Dari text serves a Persian print.
SAME_WRITING = {"prs": "fa", "fa": "prs"}
_PHRASE_KEY = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")


class Texts(Mapping[str, str]):
    """Language code → text, sorted by code; empty texts are dropped, codes made canonical."""

    __slots__ = ("_items",)
    _items: tuple[tuple[str, str], ...]

    def __init__(self, texts: Mapping[str, str] | None = None) -> None:
        found: dict[str, str] = {}
        for code, text in (texts or {}).items():
            if not isinstance(text, str):
                raise TypeError("a text must be a string")
            clean = text.strip()
            if not clean:
                continue
            if len(clean) > MAX_TEXT:
                raise InvalidInput(
                    "texts",
                    f"A text has at most {MAX_TEXT} characters.",
                    f"Ein Text hat höchstens {MAX_TEXT} Zeichen.",
                )
            lang = UNASSIGNED if code == UNASSIGNED else check_language(code)
            if lang == "de":
                raise InvalidInput(
                    "texts",
                    "The German text is the item's title, not one of its client-language texts.",
                    "Der deutsche Text ist der Titel, kein Text in der Sprache der Klientin.",
                )
            found[lang] = clean
        object.__setattr__(self, "_items", tuple(sorted(found.items())))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Texts are immutable")

    def __getitem__(self, code: str) -> str:
        for lang, text in self._items:
            if lang == code:
                return text
        raise KeyError(code)

    def __iter__(self) -> Iterator[str]:
        return (lang for lang, _ in self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Texts):
            return self._items == other._items
        return super().__eq__(other)

    def __repr__(self) -> str:
        return f"Texts({dict(self._items)!r})"

    def for_print(self, lang: str) -> str | None:
        """The text to print in `lang`: its own, else the one written the same way (fa/prs)."""
        return self.get(lang) or self.get(SAME_WRITING.get(lang, ""))

    def with_text(self, lang: str, text: str) -> Texts:
        """A copy with `text` in `lang` (an empty text removes that language)."""
        return Texts({**dict(self._items), lang: text})

    def without(self, lang: str) -> Texts:
        return Texts({k: v for k, v in self._items if k != lang})

    @property
    def unassigned(self) -> str:
        """The text still waiting for its language ("" if there is none)."""
        return self.get(UNASSIGNED, "")

    def to_json(self) -> str | None:
        """The stored form: a JSON object sorted by code, None when there is no text."""
        return json.dumps(dict(self._items), ensure_ascii=False, sort_keys=True) if self else None

    @classmethod
    def from_json(cls, raw: str | None) -> Texts:
        """The texts of a stored JSON object; a malformed value is a ValueError."""
        if not raw:
            return cls()
        value = json.loads(raw)
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise ValueError("texts must be a JSON object of strings")
        return cls(value)


def first_language(skills: list[tuple[str, str]]) -> str | None:
    """The first language of a person who speaks `skills` ((code, level) in the order given):
    the first one marked "native" that is not German, else the first that is not German."""
    for code, level in skills:
        if level == "native" and code != "de":
            return code
    return next((code for code, _ in skills if code and code != "de"), None)


def check_phrase_key(key: str) -> str:
    """A phrase key as stored ("" for none); a malformed one is InvalidInput."""
    key = key.strip()
    if key and (len(key) > 120 or not _PHRASE_KEY.fullmatch(key)):
        raise InvalidInput(
            "phrase",
            f"'{key}' is not a phrase key (such as goal.work.find_job).",
            f"'{key}' ist kein Textbaustein-Schlüssel (wie goal.work.find_job).",
        )
    return key
