"""Passphrase strength (zxcvbn): weak ones refused with one sentence and a hint of our own."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.errors import InvalidInput
from desktop.domain.passphrases import (
    _REASONS,
    WeakPassphrase,
    assess,
    personal_words,
    require_strong,
)

STRONG = ("correct horse battery staple", "Grüße aus dem Büro 2026", "green apple river morning")


@pytest.mark.parametrize(
    ("weak", "reason"),
    [
        ("password", "common"),
        ("Passwort123!", "common"),
        ("qwertzuiop", "common"),
        ("willkommen2024", "personal"),  # zxcvbn alone gives it 4: the office's words are ours
        ("Integration2026!", "personal"),
        ("aaaaaaaaaaaa", "repeat"),
        ("01.05.1985", "date"),
    ],
)
def test_weak_passphrases_are_refused_with_the_reason(weak: str, reason: str) -> None:
    with pytest.raises(WeakPassphrase) as info:
        require_strong(weak)
    assert isinstance(info.value, InvalidInput) and info.value.field == "passphrase"
    assert info.value.strength.reason == reason
    en, de = _REASONS[reason]
    assert info.value.text("en") == (
        f"This passphrase is too easy to guess ({en}): add two or three uncommon words."
    )
    assert info.value.text("de") == (
        f"Diese Passphrase ist zu leicht zu erraten ({de}): fügen Sie zwei oder drei "
        "ungewöhnliche Wörter hinzu."
    )


@pytest.mark.parametrize("strong", STRONG)
def test_strong_passphrases_pass(strong: str) -> None:
    require_strong(strong)
    assert assess(strong).acceptable and assess(strong).hint("de") == ""


def test_the_office_and_the_coordinator_are_guessed_first() -> None:
    phrase = "Hohenlimburg2026!"
    require_strong(phrase)  # strong for anyone who does not know the office
    words = personal_words("Integrationsbüro Hohenlimburg", "Anna Schmidt", "aschmidt")
    with pytest.raises(WeakPassphrase) as info:
        require_strong(phrase, words)
    assert info.value.strength.reason == "personal"
    assert "hohenlimburg" in words and "integrationsbüro" in words and "anna schmidt" in words


def test_a_long_passphrase_is_judged_by_its_first_72_characters() -> None:
    assert assess("correct horse battery staple " * 20).acceptable
    assert not assess("a" * 500).acceptable


def test_the_german_hint_holds_none_of_zxcvbns_english() -> None:
    for en, de in _REASONS.values():
        assert en != de
        assert not {"easy", "guess", "common", "password"} & set(de.casefold().split())


@given(st.text(max_size=90))
def test_any_text_gets_a_score_and_a_hint_in_both_languages(text: str) -> None:
    strength = assess(text)
    assert 0 <= strength.score <= 4
    assert bool(strength.hint("de")) == bool(strength.hint("en")) == (not strength.acceptable)
