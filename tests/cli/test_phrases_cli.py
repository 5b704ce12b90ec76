"""`phrases list [--field FIELD] [--json]` through the real command line (DESIGN.md's contract):
the shipped catalogue, with no case file needed."""

from __future__ import annotations

import json

FIELDS = {
    "language", "education", "work", "housing", "health", "childcare", "residence", "finances",
    "mobility", "participation", "leisure",
}  # fmt: skip
KINDS = {"goal", "measure", "appointment", "request"}
LANGS = {"de", "en", "ar", "fa", "ps", "ti", "uk", "ru", "tr", "fr", "kmr", "ckb", "so"}
EXIT_INPUT = 5


def test_phrases_list_json_is_the_contract_shape(cli) -> None:
    code, out, err = cli("phrases", "list", "--json")
    assert code == 0, err
    rows = json.loads(out)
    assert len(rows) >= 150
    assert len({r["key"] for r in rows}) == len(rows)
    for r in rows:
        assert {"key", "field", "kind", "texts"} <= set(r)
        assert r["field"] in FIELDS and r["kind"] in KINDS
        assert r["texts"]["de"].strip()
        assert set(r["texts"]) <= LANGS
        assert all(isinstance(t, str) and t.strip() for t in r["texts"].values())
        assert set(r["drafts"]) <= set(r["texts"]) - {"de"}  # not reviewed by a native speaker
    assert {r["field"] for r in rows} == FIELDS
    assert {r["kind"] for r in rows} == KINDS
    assert not cli.data_dir.exists()  # no case file needed, none created

    code, out, err = cli("phrases", "list", "--field", "housing", "--json")
    assert code == 0, err
    housing = json.loads(out)
    assert len(housing) >= 6
    assert housing == [r for r in rows if r["field"] == "housing"]


def test_phrases_list_prints_a_line_per_phrase_german_and_key(cli) -> None:
    code, out, err = cli("phrases", "list", "--field", "residence")
    assert code == 0, err
    _, out_json, _ = cli("phrases", "list", "--field", "residence", "--json")
    rows = json.loads(out_json)
    assert out.splitlines() == [f"{r['texts']['de']}\t{r['key']}" for r in rows]


def test_an_unknown_field_is_invalid_input(cli) -> None:
    code, out, err = cli("phrases", "list", "--field", "cooking", "--json")
    assert code == EXIT_INPUT
    assert out == ""
    assert "cooking" in err and err.strip().count("\n") == 0 and "Traceback" not in err
