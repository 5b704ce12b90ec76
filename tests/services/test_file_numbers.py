"""The scheme `--number-files` follows: read from the case file's latest file number."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from desktop.services.file_numbers import scheme

TODAY = date(2026, 3, 1)


@pytest.mark.parametrize(
    ("existing", "first_two"),
    [
        ([], ["2026-0001", "2026-0002"]),
        (["WD-2026-00012", "WD-2026-00003", "AZ-9"], ["WD-2026-00013", "WD-2026-00014"]),
        (["WD-2025-00012"], ["WD-2026-00001", "WD-2026-00002"]),  # a new year starts at 1
        (["AZ-9", "AZ-10"], ["AZ-11", "AZ-12"]),  # the highest number with the prefix
        (["Fall 7"], ["Fall 8", "Fall 9"]),
        (["ohne Nummer"], ["2026-0001", "2026-0002"]),
    ],
)
def test_numbers_follow_the_latest_file_number(existing, first_two) -> None:
    numbers = scheme(existing, TODAY).numbers(existing)
    assert list(itertools.islice(numbers, 2)) == first_two


def test_numbers_already_taken_are_skipped() -> None:
    numbers = scheme(["AZ-1"], TODAY).numbers(["AZ-1", "AZ-2", "AZ-4"])
    assert list(itertools.islice(numbers, 2)) == ["AZ-3", "AZ-5"]
