"""`--self-test`: every check runs on real parts and the exit code tells whether all worked."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import fail

from desktop import selftest

REPO = Path(__file__).resolve().parents[1]
EXPECTED = [
    "ok   case file",
    "ok   client",
    "ok   plan pdf",
    "ok   translations",
    "ok   sync bundle",
    "ok   window",
    "skip keyring: no credential store on this system",
]


def _run(args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["WELCOME_DESK_HOME"] = str(home)  # where a user's case file would be: must stay untouched
    env["HOME"] = str(home.parent)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    return subprocess.run(
        [sys.executable, *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_every_check_passes_without_a_command_word_and_leaves_the_data_folder_alone(
    tmp_path: Path,
) -> None:
    done = _run(["-m", "desktop", "--self-test"], tmp_path / "data")
    assert done.stdout.splitlines() == EXPECTED, done.stderr
    assert done.returncode == 0
    assert not (tmp_path / "data").exists()


def test_a_bundle_without_fonts_and_translations_fails(tmp_path: Path) -> None:
    """A frozen bundle whose resources were not packed: resource_path looks in sys._MEIPASS."""
    empty_bundle = tmp_path / "bundle"
    (empty_bundle / "resources").mkdir(parents=True)
    code = (
        "import sys\n"
        f"sys._MEIPASS = {str(empty_bundle)!r}\n"
        "from desktop.selftest import run_self_test\n"
        "sys.exit(run_self_test())\n"
    )
    done = _run(["-c", code], tmp_path / "data")
    assert done.returncode == 1, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "ok   case file",
        "ok   client",
        "FAIL plan pdf",
        "FAIL translations",
        "ok   sync bundle",
        "ok   window",
        "skip keyring",
    ]
    assert "DejaVuSans.ttf is missing" in lines[2]
    assert "welcome_desk_de.qm is missing" in lines[3]


def test_the_keyring_check_stores_reads_and_deletes_its_secret(_isolated_keyring: Any) -> None:
    selftest.check_keyring()  # the in-memory credential store from conftest
    assert _isolated_keyring.entries == {}


def test_without_a_credential_store_the_keyring_check_is_skipped() -> None:
    keyring.set_keyring(fail.Keyring())  # conftest's fixture restores the previous backend
    with pytest.raises(selftest.SelfTestSkipped, match="no credential store"):
        selftest.check_keyring()


def test_a_failing_check_gives_exit_code_1(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> None:
        raise OSError("disk full")

    monkeypatch.setattr(selftest, "CHECKS", [("case file", broken), ("keyring", lambda: None)])
    lines: list[str] = []
    assert selftest.run_self_test(lines.append) == 1
    assert lines == ["FAIL case file: OSError: disk full", "ok   keyring"]
