"""The phrase book for the case work: goals, measures, appointment purposes and requests, in
German and the print languages. Shipped in resources/phrases/ (see docs/phrases.md); the office's
own phrases and corrections are stored in the case file (OfficePhrase) and travel by sync."""

from __future__ import annotations

import uuid

from desktop.domain.catalogues import FieldOfAction
from desktop.domain.errors import InvalidInput
from desktop.domain.model import OfficePhrase
from desktop.domain.texts import Texts
from desktop.report import phrasebook
from desktop.report.phrasebook import KINDS, Phrase, PhraseBook
from desktop.services import casework
from desktop.store.store import Store

__all__ = [
    "KINDS",
    "Phrase",
    "PhraseBook",
    "add_office_phrase",
    "correct_phrase",
    "field_of_action",
    "list_phrases",
    "phrase_book",
    "print_languages",
    "revert_correction",
]


def field_of_action(value: str) -> FieldOfAction:
    """The field of action whose value is `value` (as on the command line); else InvalidInput."""
    try:
        return FieldOfAction(value.strip().lower())
    except ValueError:
        choices = ", ".join(f.value for f in FieldOfAction)
        raise InvalidInput(
            "field",
            f"'{value}' is not a field of action; choose one of: {choices}.",
            f"'{value}' ist kein Handlungsfeld; möglich sind: {choices}.",
        ) from None


def list_phrases(
    field: FieldOfAction | str | None = None, store: Store | None = None
) -> list[Phrase]:
    """The phrases (of one field of action), each with its texts by language code ("de"
    included) and which of them are drafts (`Phrase.reviewed(lang)`); with a case file, the
    office's own phrases and corrections included."""
    wanted = field_of_action(field) if isinstance(field, str) else field
    if store is None:
        return phrasebook.phrases(wanted)
    return phrase_book(store).phrases(wanted)


def phrase_book(store: Store) -> PhraseBook:
    """The shipped phrases with the office's own phrases and corrections laid over them."""
    return PhraseBook(phrasebook.phrases(), list(store.all(OfficePhrase)))


def _unknown_phrase(key: str) -> InvalidInput:
    return InvalidInput(
        "phrase",
        f"There is no phrase '{key}' in the phrase book.",
        f"Im Textbaustein-Buch gibt es keinen Baustein '{key}'.",
    )


def check_phrase(store: Store, key: str, kind: str | None = None) -> Phrase:
    """The phrase `key` of the office's phrase book (of `kind`); else InvalidInput."""
    found = phrase_book(store).get(key.strip())
    if found is None:
        raise _unknown_phrase(key)
    if kind is not None and found.kind != kind:
        raise InvalidInput(
            "phrase",
            f"The phrase '{key}' is a {found.kind} phrase, not a {kind} phrase.",
            f"Der Baustein '{key}' ist für {found.kind}, nicht für {kind}.",
        )
    return found


def correct_phrase(store: Store, key: str, lang: str, text: str) -> OfficePhrase:
    """Set the office's text of phrase `key` in `lang` ("de": its German), overriding the
    shipped one; an empty text takes the office's text in `lang` back out."""
    phrase = phrase_book(store).get(key)
    if phrase is None:
        raise _unknown_phrase(key)
    own = store.find(OfficePhrase, key)
    german = own.german if own else phrase.texts["de"]
    texts = own.texts if own else Texts()
    if lang == "de":
        if not text.strip():
            raise InvalidInput(
                "german", "A phrase needs its German text.", "Ein Baustein braucht seinen Text."
            )
        german = text.strip()
    else:
        texts = texts.with_text(lang, text)
    updated = OfficePhrase(phrase.field, phrase.kind, german, key, texts)
    if own is None:
        casework.add(store, updated)
    elif updated != own:
        casework.save(store, updated)
    return updated


def revert_correction(store: Store, key: str) -> None:
    """Drop the office's corrections of a shipped phrase (its shipped texts apply again); the
    office's own phrases stay (remove them with casework.remove)."""
    own = store.find(OfficePhrase, key)
    if own is not None and phrasebook.entries().get(key) is not None:
        casework.remove(store, OfficePhrase, key)


def add_office_phrase(
    store: Store, field: FieldOfAction, kind: str, german: str, texts: Texts = Texts()
) -> OfficePhrase:
    """A new phrase of the office's own (key `office.<kind>.<random>`), stored and synced."""
    key = f"office.{kind}.{uuid.uuid4().hex[:12]}"
    phrase = OfficePhrase(field, kind, german.strip(), key, texts)
    casework.add(store, phrase)
    return phrase


def print_languages() -> tuple[str, ...]:
    """The languages of the catalogue: German first, then the print languages."""
    return phrasebook.LANGS
