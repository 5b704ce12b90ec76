"""The phrase book for the case work: goals, measures, appointment purposes and requests, in
German and the print languages. Shipped in resources/phrases/ (see docs/phrases.md); the office's
own phrases and corrections are stored in the case file (OfficePhrase) and travel by sync."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import replace

from desktop.domain.catalogues import FieldOfAction
from desktop.domain.errors import InvalidInput
from desktop.domain.model import Appointment, Client, Goal, Measure, OfficePhrase
from desktop.domain.texts import UNASSIGNED, Texts, first_language
from desktop.report import labels, phrasebook
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


def phrase_book(store: Store, langs: Sequence[str] | None = None) -> PhraseBook:
    """The shipped phrases with the office's own phrases and corrections laid over them; with
    `langs`, the shipped texts of those languages only (a print reads one language's file)."""
    return PhraseBook(phrasebook.phrases(langs=langs), list(store.all(OfficePhrase)))


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


ITEM_KINDS = ("goal", "measure", "appointment")


def right_to_left(lang: str) -> bool:
    """Whether `lang` is written right to left (an editor of its text runs that way)."""
    return labels.is_rtl(lang)


def _text_item(store: Store, kind: str, item_id: str) -> Goal | Measure | Appointment:
    if kind == "goal":
        return store.get(Goal, item_id)
    if kind == "measure":
        return store.get(Measure, item_id)
    if kind == "appointment":
        return store.get(Appointment, item_id)
    raise InvalidInput(
        "kind",
        f"'{kind}' is not an item with texts; choose one of: {', '.join(ITEM_KINDS)}.",
        f"'{kind}' ist kein Eintrag mit Texten; möglich sind: {', '.join(ITEM_KINDS)}.",
    )


def item_phrase(store: Store, kind: str, item_id: str) -> Phrase | None:
    """The phrase a goal, measure or appointment (its purpose) was chosen from, if any."""
    item = _text_item(store, kind, item_id)
    key = item.purpose_key if isinstance(item, Appointment) else item.phrase_key
    return phrase_book(store).get(key) if key else None


def set_item_text(
    store: Store, kind: str, item_id: str, language: str, text: str
) -> Goal | Measure | Appointment:
    """Give a goal, measure or appointment (its purpose) its own text in `language` (an empty
    text takes it out) and save it; returns the saved item. A text equal to the item's text
    waiting for its language (unassigned) now has its language: it waits no longer."""
    item = _text_item(store, kind, item_id)
    old = item.purpose_texts if isinstance(item, Appointment) else item.texts
    texts = old.with_text(language, text)
    if text.strip() and text.strip() == old.unassigned:
        texts = texts.without(UNASSIGNED)
    updated: Goal | Measure | Appointment
    if isinstance(item, Appointment):
        updated = replace(item, purpose_texts=texts)
    else:
        updated = replace(item, texts=texts)
    if updated != item:
        casework.save(store, updated)
    return updated


def client_languages(client: Client) -> list[str]:
    """The languages the client reads other than German: the first language first (see
    `client_print_language`), then the others in the order given."""
    codes = [s.code for s in client.languages if s.code != "de"]
    first = _first_language(client)
    if first is None or first not in codes:
        return codes
    return [first, *(c for c in codes if c != first)]


def client_print_language(client: Client) -> str | None:
    """The print language of the client's first language (a native language other than German,
    else the first language other than German), or None: no such language, or one the prints
    have no texts in."""
    first = _first_language(client)
    code = phrasebook.ALIASES.get(first, first) if first else None
    return code if code in phrasebook.TRANSLATED else None


def _first_language(client: Client) -> str | None:
    return first_language([(skill.code, skill.level) for skill in client.languages])


def item_text(own: Texts, key: str, lang: str, book: PhraseBook | None) -> str | None:
    """What an item shows and prints in client language `lang`: its own text, else the phrase
    book's text of the phrase it was chosen from; None if it has neither."""
    return phrasebook.item_text(own, key, lang, book)
