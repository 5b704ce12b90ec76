"""Dates as coordinators type them, including partial birth dates from refugees' papers."""

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.dates import PartialDate, add_months, german_date, parse_date, parse_datetime
from desktop.domain.errors import InvalidInput


@pytest.mark.parametrize(
    ("typed", "iso", "german"),
    [
        ("1990", "1990", "1990"),
        ("1990-05", "1990-05", "05.1990"),
        ("1990-05-17", "1990-05-17", "17.05.1990"),
        ("05.1990", "1990-05", "05.1990"),
        ("17.05.1990", "1990-05-17", "17.05.1990"),
        (" 17.05.1990 ", "1990-05-17", "17.05.1990"),
        ("29.02.2024", "2024-02-29", "29.02.2024"),
    ],
)
def test_partial_dates_parse_and_round_trip(typed, iso, german):
    parsed = PartialDate.parse(typed)
    assert parsed.iso() == iso
    assert parsed.german() == german
    assert PartialDate.parse(parsed.iso()) == parsed
    assert str(parsed) == iso


@pytest.mark.parametrize(
    ("typed", "iso"),
    [
        ("00.00.1990", "1990"),
        ("XX.XX.1990", "1990"),
        ("xx.xx.1990", "1990"),
        ("X.X.1990", "1990"),
        ("00.1990", "1990"),
        ("00.05.1990", "1990-05"),
        ("XX.05.1990", "1990-05"),
    ],
)
def test_an_unknown_day_or_month_written_00_or_xx_is_left_out(typed, iso):
    """As German authorities write an unknown birth day: the date is partial."""
    assert PartialDate.parse(typed).iso() == iso


@pytest.mark.parametrize(
    "typed",
    [
        "1990-02-30",
        "1990-13",
        "abc",
        "",
        "   ",
        "31.02.2000",
        "29.02.2023",
        "15.00.1990",  # a known day in an unknown month
        "15.XX.1990",
        "0X.05.1990",
        "1990-00",
    ],
)
def test_impossible_dates_are_refused_with_a_message_in_both_languages(typed):
    with pytest.raises(InvalidInput) as caught:
        PartialDate.parse(typed, field="birth_date")
    assert caught.value.field == "birth_date"
    assert "17.05.1990" in caught.value.text("de")
    assert "1990-05-17" in caught.value.text("en")


def test_year_only_birth_date_counts_as_early_as_possible_for_age():
    assert PartialDate.parse("1990").earliest() == date(1990, 1, 1)
    assert PartialDate.parse("1990").age_on(date(2026, 1, 1)) == 36
    assert PartialDate.parse("17.05.1990").age_on(date(2026, 5, 16)) == 35


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2025, 8, 31), 18, date(2027, 2, 28)),
        (date(2026, 8, 31), 18, date(2028, 2, 29)),
        (date(2025, 1, 15), 18, date(2026, 7, 15)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2026, 1, 31), 3, date(2026, 4, 30)),
    ],
)
def test_add_months_clamps_to_the_last_day_of_the_month(start, months, expected):
    assert add_months(start, months) == expected


def test_a_full_date_field_refuses_a_partial_date():
    assert parse_date("31.03.2026", "arrival_date") == date(2026, 3, 31)
    assert parse_date("2026-03-31", "arrival_date") == date(2026, 3, 31)
    with pytest.raises(InvalidInput) as caught:
        parse_date("2026-03", "arrival_date")
    assert caught.value.field == "arrival_date"


@pytest.mark.parametrize("typed", ["2026-03-31T09:30", "2026-03-31 09:30", "31.03.2026 09:30"])
def test_appointment_times_parse_in_iso_and_german_form(typed):
    assert parse_datetime(typed, "starts_at") == datetime(2026, 3, 31, 9, 30)


@pytest.mark.parametrize("typed", ["2026-03-31 25:00", "2026-03-31", "31.03.2026 9", "morgen"])
def test_impossible_appointment_times_are_refused(typed):
    with pytest.raises(InvalidInput):
        parse_datetime(typed, "starts_at")


def test_german_date_prints_day_month_year_or_nothing():
    assert german_date(date(2026, 12, 31)) == "31.12.2026"
    assert german_date(None) == ""


@st.composite
def partial_dates(draw):
    day = draw(st.dates(min_value=date(1800, 1, 1), max_value=date(2200, 12, 31)))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "year":
        return PartialDate(day.year)
    if precision == "month":
        return PartialDate(day.year, day.month)
    return PartialDate(day.year, day.month, day.day)


@given(partial_dates())
def test_every_valid_partial_date_round_trips_through_iso_and_german(pd):
    assert PartialDate.parse(pd.iso()) == pd
    assert PartialDate.parse(pd.german()) == pd
