"""A plan built from phrases prints its goals, measures and appointments in every print language
beside German; an item's own text prints only in its own language; items without a text in the
print language print in German and are named."""

from __future__ import annotations

import re

import pytest

from desktop.report.phrasebook import TRANSLATED, shipped_book
from desktop.report.plan import PlanLayout, render_plan
from tests.report.conftest import TODAY, pdf_text, phrase_case

BOOK = shipped_book()
OWN_TR = "Başvuru dosyasını Bayan Yılmaz ile gözden geçirmek"


def words(text: str) -> set[str]:
    """The words of a text (letters only, 3 or more), as the PDF's extracted text holds them."""
    return {w for w in re.findall(r"\w{3,}", text) if not w.isdigit()}


def printed(lang: str) -> set[str]:
    data = render_plan(phrase_case(), language=lang, office_name="WC", today=TODAY, book=BOOK)
    return words("\n".join(pdf_text(data)))


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_item_from_a_phrase_prints_in_the_print_language_beside_german(lang: str) -> None:
    case = phrase_case()
    found = printed(lang)
    items = [
        *((g.phrase_key, g.title) for g in case.goals),
        *((m.phrase_key, m.title) for m in case.measures if m.phrase_key),
        *((a.purpose_key, a.purpose) for a in case.appointments if a.purpose_key),
    ]
    assert len(items) == 8
    for key, german in items:
        translated = BOOK.text(key, lang)
        assert translated, (key, lang)
        assert words(german) <= found, (key, "de")
        assert words(translated) <= found, (key, lang, words(translated) - found)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_an_items_own_text_prints_in_its_language_only(lang: str) -> None:
    found = printed(lang)
    assert words("Bewerbungsmappe mit Frau Yilmaz durchsehen") <= found
    if lang == "tr":
        assert words(OWN_TR) <= found
    else:
        assert not {"Başvuru", "dosyasını", "gözden"} & found


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_items_without_a_text_are_named_and_only_they(lang: str) -> None:
    layout = PlanLayout(phrase_case(), lang, "WC", TODAY, BOOK)
    named = [(u.kind, u.german) for u in layout.untranslated()]
    expected = [
        ("measure", "Praktikumsplatz in der Gärtnerei Blum fragen"),
        ("appointment", "Gespräch mit Herrn Blum"),
    ]
    if lang != "tr":
        expected.insert(0, ("measure", "Bewerbungsmappe mit Frau Yilmaz durchsehen"))
    assert named == expected


def test_a_german_print_names_nothing_and_prints_no_client_text() -> None:
    assert PlanLayout(phrase_case(), None, "WC", TODAY, BOOK).untranslated() == []
    found = printed("de")
    assert not {"Başvuru", "dosyasını"} & found


def test_without_the_phrase_book_only_own_texts_print() -> None:
    data = render_plan(phrase_case(), language="tr", office_name="WC", today=TODAY, book=None)
    found = words("\n".join(pdf_text(data)))
    goal_key = phrase_case().goals[0].phrase_key
    assert not words(BOOK.text(goal_key, "tr") or "") - {"Integrationskurs"} <= found
    assert words(OWN_TR) <= found
