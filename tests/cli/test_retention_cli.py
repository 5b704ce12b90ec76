"""`retention due|erase-due|months` and `client erase`, run as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any


def retention(cli: Any, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `retention ...` in a subprocess with the test environment."""
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(cli.data_dir), "retention", *args],
        cwd=Path(__file__).resolve().parents[2],
        env=cli.env(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def test_due_cases_are_listed_and_erased_only_with_yes(cli: Any, initialised: str) -> None:
    old = cli.add(
        "--family-name", "Qarib", "--opened-on", "2015-01-01", "--closed-on", "2016-02-03"
    )
    cli.add("--family-name", "Neu", "--opened-on", "2025-01-01", "--closed-on", "2025-06-01")
    kept = cli.add("--family-name", "Offen")
    done = retention(cli, "due", "--json")
    assert done.returncode == 0, done.stderr
    due = json.loads(done.stdout)
    assert [d["id"] for d in due] == [old]
    assert due[0]["retention_until"] == "2019-02-03" and due[0]["closed_on"] == "2016-02-03"
    refused = retention(cli, "erase-due")
    assert refused.returncode == 2 and "--yes" in refused.stderr
    assert len(cli.list_json()) == 3
    erased = retention(cli, "erase-due", "--yes")
    assert erased.returncode == 0, erased.stderr
    assert erased.stdout.strip() == "1"
    left = {c["id"] for c in cli.list_json()}
    assert old not in left and kept in left and len(left) == 2


def test_the_retention_period_is_shown_and_set(cli: Any, initialised: str) -> None:
    assert retention(cli, "months").stdout.strip() == "36"
    assert retention(cli, "months", "24").stdout.strip() == "24"
    client = cli.add("--family-name", "Kaya", "--opened-on", "2020-01-01")
    code, _, err = cli("client", "update", client, "--closed-on", "2021-01-31")
    assert code == 0, err
    assert cli.list_json()[0]["retention_until"] == "2023-01-31"
    wrong = retention(cli, "months", "0")
    assert wrong.returncode == 5 and "between 1 and 120" in wrong.stderr
