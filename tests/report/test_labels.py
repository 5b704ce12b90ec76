"""The print says what the window says: catalogue labels per class, complete, German alike."""

from __future__ import annotations

import pytest

from desktop.domain.catalogues import (
    LABELS,
    DocumentKind,
    FieldOfAction,
    GoalStatus,
    MeasureStatus,
    Responsible,
)
from desktop.report.labels import LANGS, label

PRINTED = (FieldOfAction, GoalStatus, MeasureStatus, Responsible, DocumentKind)


@pytest.mark.parametrize("catalogue", PRINTED, ids=lambda c: c.__name__)
def test_every_printed_member_has_its_own_label_in_every_language(catalogue: type) -> None:
    for member in catalogue:
        texts = [label(member, lang) for lang in LANGS]
        assert all(t.strip() for t in texts), member


def test_the_german_print_labels_are_the_windows_labels() -> None:
    for catalogue in PRINTED:
        for member in catalogue:
            assert label(member, "de") == LABELS[(catalogue, member.value)][0], member


def test_members_with_the_same_value_keep_their_own_labels() -> None:
    # StrEnum members of two catalogues with the same value compare equal; a table keyed by the
    # member once printed a dropped goal with the dropped measure's word.
    assert GoalStatus.DROPPED == MeasureStatus.DROPPED
    assert label(GoalStatus.DROPPED, "de") == "aufgegeben"
    assert label(MeasureStatus.DROPPED, "de") == "entfallen"
