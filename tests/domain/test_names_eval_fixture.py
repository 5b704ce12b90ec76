"""The labelled name-pair set (tests/fixtures/names_eval.json) is well formed and consistent."""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "names_eval.json"

PARTS = {"given", "family", "full"}
ORIGINS = {
    "arabic",
    "persian",
    "pashto",
    "kurdish",
    "somali",
    "tigrinya_amharic",
    "turkish",
    "russian",
    "ukrainian",
    "mixed",
}
# Origins counted together for the per-group minimum.
GROUPS = {
    "arabic": "arabic",
    "persian": "persian_pashto",
    "pashto": "persian_pashto",
    "kurdish": "kurdish",
    "somali": "somali",
    "tigrinya_amharic": "tigrinya_amharic",
    "turkish": "turkish",
    "russian": "russian_ukrainian",
    "ukrainian": "russian_ukrainian",
}
FIELDS = {"query": str, "name": str, "same": bool, "part": str, "origin": str, "source": str}


def load() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return data


def pairs() -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = load()["pairs"]
    return result


def invisible(text: str) -> bool:
    return any(unicodedata.category(c) == "Cf" for c in text)


def scripts(text: str) -> set[str]:
    """The scripts of the letters in text (LATIN, ARABIC, CYRILLIC, ETHIOPIC, ...)."""
    return {unicodedata.name(c).split()[0] for c in text if c.isalpha()}


def key(text: str) -> str:
    """A name as the labels see it: NFC, without format characters, case folded."""
    text = "".join(c for c in unicodedata.normalize("NFC", text) if unicodedata.category(c) != "Cf")
    return text.casefold()


def test_every_pair_has_its_fields_and_a_known_source() -> None:
    data = load()
    assert data["about"]
    source_ids = [s["id"] for s in data["sources"]]
    assert len(source_ids) == len(set(source_ids)), "source ids must be unique"
    for source in data["sources"]:
        assert source["title"] and source["publisher"], source
        assert source.get("url", "https://").startswith("https://"), source
    used = set()
    for pair in data["pairs"]:
        for field, kind in FIELDS.items():
            assert isinstance(pair.get(field), kind), (field, pair)
        assert pair["query"].strip() and pair["name"].strip(), pair
        assert pair["query"] != pair["name"], pair
        assert pair["part"] in PARTS, pair
        assert pair["origin"] in ORIGINS, pair
        assert pair["source"] in source_ids, pair
        assert isinstance(pair.get("note", ""), str), pair
        used.add(pair["source"])
    assert used == set(source_ids), f"sources never cited: {set(source_ids) - used}"


def test_counts_per_origin_and_share_of_negatives() -> None:
    labelled = pairs()
    assert len(labelled) >= 320
    per_group = Counter(GROUPS[p["origin"]] for p in labelled if p["origin"] in GROUPS)
    assert set(per_group) == set(GROUPS.values())
    assert min(per_group.values()) >= 30, per_group
    negatives = sum(not p["same"] for p in labelled) / len(labelled)
    assert 0.28 <= negatives <= 0.40, negatives
    parts = Counter(p["part"] for p in labelled)
    assert parts["full"] >= 40, parts


def test_script_encoding_and_invisible_pairs_are_there() -> None:
    labelled = pairs()
    damaged = [p for p in labelled if p.get("note", "").startswith("encoding:")]
    hidden = [p for p in labelled if p.get("note", "").startswith("invisible:")]
    across = [p for p in labelled if p not in damaged and scripts(p["query"]) != scripts(p["name"])]
    assert len(across) >= 50
    assert sum(not p["same"] for p in across) >= 10
    assert len(damaged) >= 15
    assert len(hidden) >= 8
    for pair in hidden:
        assert invisible(pair["query"]) or invisible(pair["name"]), pair


def test_encoding_damage_is_what_the_named_encoding_makes_of_the_name() -> None:
    for pair in pairs():
        note = pair.get("note", "")
        if not pair["same"] or not note.startswith("encoding:"):
            continue
        stored = pair["name"]
        if "Windows-1252 export" in note:
            damaged = stored.encode("cp1252", errors="replace").decode("cp1252")
        elif "UTF-8 read as Windows-1252" in note:
            damaged = stored.encode("utf-8").decode("cp1252")
        elif "Windows-1251 bytes read as Windows-1252" in note:
            damaged = stored.encode("cp1251").decode("cp1252")
        else:
            pytest.fail(f"unknown damage in {pair}")
        assert pair["query"] == damaged, pair


def test_invisible_characters_are_written_as_escapes() -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    assert not invisible(text), "write invisible characters as \\uXXXX escapes"


def test_no_pair_twice_and_no_contradicting_labels() -> None:
    labelled = pairs()
    seen: dict[tuple[str, str], bool] = {}
    for pair in labelled:
        ordered = (pair["query"], pair["name"])
        assert ordered not in seen, f"pair listed twice: {ordered}"
        seen[ordered] = pair["same"]
    # Same is transitive: a negative pair must not be joined by a chain of positive pairs.
    parent: dict[str, str] = {}

    def root(name: str) -> str:
        parent.setdefault(name, name)
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    for pair in labelled:
        if pair["same"]:
            parent[root(key(pair["query"]))] = root(key(pair["name"]))
    for pair in labelled:
        if not pair["same"]:
            assert root(key(pair["query"])) != root(key(pair["name"])), (
                f"labelled different but linked by same-pairs: {pair}"
            )
