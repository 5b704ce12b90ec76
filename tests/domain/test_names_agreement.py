"""The one name matcher on the labelled set (tests/fixtures/names_eval.json): the case-list
search, the new-client warning and the duplicates report, each on a real case file, as
bench/names.py measures them (the report by its own blocks and scorer). They agree on every
pair; the floors below are today's figures rounded down: a change that makes any of them worse
fails here (bench/names.py --show lists the pairs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.names import figures, judge_all


@pytest.fixture(scope="module")
def judged(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[dict, object]]:
    folder: Path = tmp_path_factory.mktemp("names")
    return list(judge_all(folder))


def test_the_search_the_warning_and_the_report_agree_on_every_pair(judged: list) -> None:
    disagree = [p for p, v in judged if len({v.search, v.warning, v.report}) > 1]
    assert not disagree, [(p["query"], p["name"]) for p in disagree]


@pytest.mark.parametrize(
    ("consumer", "precision", "recall"),
    [("search", 0.95, 0.91), ("warning", 0.95, 0.91), ("report", 0.95, 0.91)],
)
def test_precision_and_recall_hold(
    judged: list, consumer: str, precision: float, recall: float
) -> None:
    found = figures(judged, consumer)
    assert found["precision"] >= precision and found["recall"] >= recall, found


def test_different_names_named_in_the_issue_stay_apart(judged: list) -> None:
    named = [{"hassan", "hussein"}, {"mohamad", "mahmoud"}, {"ali", "aliyu"}]
    seen = []
    for p, v in judged:
        pair = {p["query"].lower(), p["name"].lower()}
        if pair in named:
            seen.append(pair)
            assert not (v.search or v.warning or v.report), p
    assert all(pair in seen for pair in named)
