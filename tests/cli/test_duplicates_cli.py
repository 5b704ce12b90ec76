"""`duplicates [--json]` through the real command line (DESIGN.md's contract)."""

from __future__ import annotations

import json

EXIT_USAGE = 2


def test_duplicates_json_is_the_contract_shape(cli, initialised) -> None:
    code, out, err = cli("duplicates", "--json")
    assert code == 0, err
    assert json.loads(out) == []

    a = cli.add("--family-name", "Ali", "--given-names", "Mohammed", "--birth-date", "1990",
                "--nationality", "SY")  # fmt: skip
    b = cli.add("--family-name", "Ali", "--given-names", "Muhammad", "--birth-date",
                "12.04.1990", "--nationality", "SY")  # fmt: skip
    cli.add("--family-name", "Ali", "--given-names", "Mohammed", "--birth-date", "1975",
            "--nationality", "SY")  # fmt: skip
    c = cli.add("--family-name", "Abdulrahman", "--given-names", "Omar", "--birth-date", "1985")
    d = cli.add("--family-name", "Omar", "--given-names", "Abdul Rahman", "--birth-date",
                "1985-06-02")  # fmt: skip

    code, out, err = cli("duplicates", "--json")
    assert code == 0, err
    rows = json.loads(out)
    assert {frozenset((r["a"], r["b"])) for r in rows} == {frozenset((a, b)), frozenset((c, d))}
    for r in rows:
        assert set(r) == {"a", "b", "score"}
        assert isinstance(r["score"], float) and 0 <= r["score"] <= 1
        assert r["score"] == round(r["score"], 3)
    assert rows == sorted(rows, key=lambda r: (-r["score"], r["a"], r["b"]))

    code, out, err = cli("duplicates")
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 2
    first = lines[0].split("\t")
    assert float(first[0]) == rows[0]["score"]
    assert {first[1], first[3]} == {rows[0]["a"], rows[0]["b"]}
    assert any("Ali, Muhammad" in line for line in lines)


def test_a_bad_threshold_is_wrong_usage(cli, initialised) -> None:
    code, out, err = cli("duplicates", "--threshold", "2")
    assert code == EXIT_USAGE
    assert out == "" and len(err.strip().splitlines()) == 1
