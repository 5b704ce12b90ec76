"""A client record cannot be saved with values a coordinator would recognise as wrong."""

from datetime import date, datetime

import pytest

from desktop.domain.catalogues import AppointmentStatus, ResidenceStatus
from desktop.domain.dates import PartialDate
from desktop.domain.errors import InvalidInput
from desktop.domain.model import Appointment, Client, LanguageSkill


@pytest.mark.parametrize("family_name", ["", "   "])
def test_a_client_needs_a_family_name(family_name):
    with pytest.raises(InvalidInput) as caught:
        Client(family_name, "Amina")
    assert caught.value.field == "family_name"


def test_an_unassigned_country_code_is_refused_as_nationality():
    with pytest.raises(InvalidInput) as caught:
        Client("Haddad", "Amina", nationality="QQ")
    assert caught.value.field == "nationality"
    assert "QQ" in caught.value.text("de")


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("sy", "SY"),
        ("Syrien", "SY"),
        ("stateless", "stateless"),
        ("Staatenlos", "stateless"),
        ("UNCLEAR", "unclear"),
        ("ungeklärt", "unclear"),
        ("XK", "XK"),
    ],
)
def test_nationality_is_stored_as_its_canonical_code(typed, stored):
    assert Client("Haddad", "Amina", nationality=typed).nationality == stored


def test_status_valid_until_before_granted_is_refused():
    with pytest.raises(InvalidInput) as caught:
        Client(
            "Haddad",
            "Amina",
            residence_status=ResidenceStatus.REFUGEE,
            status_granted_on=date(2026, 3, 1),
            status_valid_until=date(2026, 2, 28),
        )
    assert caught.value.field == "status_valid_until"
    assert "28.02.2026" in caught.value.text("de")


def test_dates_in_order_and_on_the_same_day_are_accepted():
    client = Client(
        "Haddad",
        "Amina",
        status_granted_on=date(2026, 3, 1),
        status_valid_until=date(2026, 3, 1),
        opened_on=date(2025, 1, 1),
        closed_on=date(2026, 1, 1),
    )
    assert not client.is_open


@pytest.mark.parametrize(
    ("fields", "bad_field"),
    [
        ({"opened_on": date(2026, 1, 2), "closed_on": date(2026, 1, 1)}, "closed_on"),
        (
            {"consent_given_on": date(2026, 1, 2), "consent_withdrawn_on": date(2026, 1, 1)},
            "consent_withdrawn_on",
        ),
        (
            {"birth_date": PartialDate(1990, 5), "arrival_date": date(1990, 4, 30)},
            "arrival_date",
        ),
    ],
)
def test_dates_out_of_order_are_refused(fields, bad_field):
    with pytest.raises(InvalidInput) as caught:
        Client("Haddad", "Amina", **fields)
    assert caught.value.field == bad_field


def test_arrival_in_the_month_of_a_month_only_birth_date_is_possible():
    client = Client(
        "Haddad", "Amina", birth_date=PartialDate(1990, 5), arrival_date=date(1990, 5, 1)
    )
    assert client.birth_date.german() == "05.1990"


def test_interpreter_language_is_accepted_by_name():
    assert Client("Rahimi", "Ahmad", interpreter_language="Dari").interpreter_language == "prs"


def test_display_name_is_family_name_first():
    assert Client("Haddad", "Amina").display_name == "Haddad, Amina"
    assert Client("Haddad", "").display_name == "Haddad"


@pytest.mark.parametrize(
    ("typed", "code", "level", "shown"),
    [
        ("ar:native", "ar", "native", "ar:native"),
        ("de:a2", "de", "A2", "de:A2"),
        ("TI", "ti", "", "ti"),
        (" prs : B1 ", "prs", "B1", "prs:B1"),
    ],
)
def test_language_skills_parse_code_and_level(typed, code, level, shown):
    skill = LanguageSkill.parse(typed)
    assert (skill.code, skill.level) == (code, level)
    assert str(skill) == shown


@pytest.mark.parametrize(
    ("typed", "code", "level"),
    [
        ("Arabisch (Muttersprache)", "ar", "native"),
        ("German (A2)", "de", "A2"),
        ("ar:Muttersprache", "ar", "native"),
        ("Kurdisch (Sorani)", "ckb", ""),  # the name's own brackets
        ("Kurdisch (Kurmandschi) (b1)", "kmr", "B1"),
    ],
)
def test_language_skills_are_read_back_as_shown(typed, code, level):
    skill = LanguageSkill.parse(typed)
    assert (skill.code, skill.level) == (code, level)


def test_a_language_skill_is_shown_with_its_level_in_either_language():
    native, learner = LanguageSkill("ar", "native"), LanguageSkill("de", "A2")
    assert (native.label("de"), learner.label("de")) == ("Arabisch (Muttersprache)", "Deutsch (A2)")
    assert (native.label("en"), learner.label("en")) == ("Arabic (native)", "German (A2)")
    assert LanguageSkill("ti").label("de") == "Tigrinya"
    for skill in (native, learner):
        assert LanguageSkill.parse(skill.label("de")) == skill
        assert LanguageSkill.parse(skill.label("en")) == skill


@pytest.mark.parametrize("typed", ["ar:fluent", "de:B3", "xx:A1", "klingon", "Arabisch (fließend)"])
def test_unknown_language_or_level_is_refused(typed):
    with pytest.raises(InvalidInput) as caught:
        LanguageSkill.parse(typed)
    assert caught.value.field == "language"


def test_an_appointment_lasts_at_least_a_minute():
    with pytest.raises(InvalidInput):
        Appointment("c1", datetime(2026, 3, 2, 9, 0), duration_minutes=0)
    appointment = Appointment("c1", datetime(2026, 3, 2, 9, 0), interpreter_language="Tigrinya")
    assert appointment.interpreter_language == "ti"
    assert appointment.status is AppointmentStatus.PLANNED


def test_each_catalogue_member_shows_its_own_label():
    assert ResidenceStatus.DULDUNG.label("de") == "Duldung (§ 60a AufenthG)"
    assert AppointmentStatus.DONE.label("de") == "wahrgenommen"


@pytest.mark.parametrize(
    ("status", "term"),
    [
        (ResidenceStatus.FIKTION, "Fiktionsbescheinigung"),
        (ResidenceStatus.DULDUNG, "Duldung"),
        (ResidenceStatus.ASYLUM_PROCEDURE, "Aufenthaltsgestattung"),
    ],
)
def test_german_legal_terms_keep_their_name_in_english_with_a_gloss(
    status: ResidenceStatus, term: str
) -> None:
    english = status.label("en")
    assert english.startswith(f"{term} (") and "Fictional" not in english
    assert ResidenceStatus.parse(english, "status") is status  # the English label reads back
