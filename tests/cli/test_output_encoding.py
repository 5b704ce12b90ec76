"""Output redirected to a file is UTF-8 whatever the console's code page, and errors on stderr
never crash on a name the code page lacks.

On Windows, Python writes a redirected stdout in the ANSI code page (cp1252 on German Windows)
unless PYTHONUTF8=1; `PYTHONIOENCODING=cp1252` gives the same streams on any system.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import run

REPO_ROOT = Path(__file__).resolve().parents[2]
WINDOWS_CODE_PAGE = {"PYTHONUTF8": "0", "PYTHONIOENCODING": "cp1252"}
ARABIC = ("الأحمد", "محمد")  # family name, given names
PASHTO = ("ځدراڼ", "ګلالۍ")  # letters that even the Arabic code page (cp1256) lacks
CYRILLIC = ("Шевченко", "Олена")


def redirected(cli, tmp_path: Path, *args: str, lang: str = "en") -> tuple[int, bytes, bytes]:
    """Run the CLI with stdout and stderr going to files, as `> out.txt 2> err.txt` would."""
    stdout, stderr = tmp_path / "out.txt", tmp_path / "err.txt"
    env = cli.env({**WINDOWS_CODE_PAGE, "WELCOME_DESK_LANG": lang})
    with stdout.open("wb") as out, stderr.open("wb") as err:
        done = subprocess.run(
            [sys.executable, "-m", "desktop", "--data-dir", str(cli.data_dir), *args],
            cwd=REPO_ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            timeout=60,
            check=False,
        )
    return done.returncode, stdout.read_bytes(), stderr.read_bytes()


@pytest.fixture
def names(cli, initialised) -> list[tuple[str, str]]:
    """Three clients whose names the Windows code page cannot write."""
    for family, given in (ARABIC, PASHTO, CYRILLIC):
        cli.add("--family-name", family, "--given-names", given)
    return [ARABIC, PASHTO, CYRILLIC]


def test_the_client_list_as_json_is_utf8_in_a_file(cli, names, tmp_path):
    code, out, err = redirected(cli, tmp_path, "client", "list", "--json")

    assert code == 0, err.decode("utf-8", "replace")
    listed = json.loads(out.decode("utf-8"))
    assert {(c["family_name"], c["given_names"]) for c in listed} == set(names)


def test_the_client_list_as_text_is_utf8_in_a_file(cli, names, tmp_path):
    code, out, err = redirected(cli, tmp_path, "client", "list")

    assert code == 0, err.decode("utf-8", "replace")
    text = out.decode("utf-8")
    assert all(family in text and given in text for family, given in names)


def test_export_json_to_stdout_is_utf8_in_a_file(cli, names, tmp_path):
    code, out, err = redirected(cli, tmp_path, "export-json", "-")

    assert code == 0, err.decode("utf-8", "replace")
    exported = json.loads(out.decode("utf-8"))
    text = json.dumps(exported, ensure_ascii=False)
    assert all(family in text and given in text for family, given in names)


def test_a_german_error_naming_an_arabic_value_reaches_stderr_whole(cli, initialised, tmp_path):
    code, out, err = redirected(
        cli, tmp_path, "client", "add", "--family-name", "Müller", "--nationality", "سوريا",
        lang="de",
    )  # fmt: skip

    assert code == 5 and out == b""
    message = err.decode("utf-8").strip()
    assert "سوريا" in message and "Ländercode" in message, message
    assert "Traceback" not in message and message.count("\n") == 0


def test_a_command_runs_without_stdout_and_stderr(cli, initialised, monkeypatch):
    # The windowed exe has no console at all; the entry point refuses commands there, but the
    # command line itself must not fall over.
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setenv("WELCOME_DESK_PASSPHRASE", cli.passphrase)

    assert run(["--data-dir", str(cli.data_dir), "export-json", "-"]) == 0
    assert run(["--data-dir", str(cli.data_dir / "nowhere"), "status"]) == 3


def test_a_long_data_folder_under_a_user_name_with_umlauts(tmp_path: Path, make_cli) -> None:  # type: ignore[no-untyped-def]
    """C:\\Users\\Jürgen Müller\\AppData\\Local\\WelcomeDesk, and deeper: the case file, a backup
    beside it and every message naming the folder work in the Windows code page."""
    deep = tmp_path / "Users" / "Jürgen Müller" / "AppData" / "Local"
    deep = deep / "Büro für Integration – Außenstelle Süd" / ("Ordner-" + "ä" * 40) / "WelcomeDesk"
    assert len(str(deep)) > 160
    cli = make_cli(deep)

    code, out, err = redirected(cli, tmp_path, "client", "list", lang="de")
    assert code == 3
    assert "Jürgen Müller" in err.decode("utf-8")  # "In ... gibt es keine Fallakte"

    code, out, err = redirected(cli, tmp_path, "init")
    assert code == 0, err.decode("utf-8")
    assert out.decode("utf-8").strip()  # the recovery key
    code, out, err = redirected(
        cli, tmp_path, "client", "add", "--family-name", ARABIC[0], "--given-names", ARABIC[1]
    )
    assert code == 0, err.decode("utf-8")
    code, out, err = redirected(cli, tmp_path, "backup", str(deep / "backups"))
    assert code == 0, err.decode("utf-8")
    code, out, err = redirected(cli, tmp_path, "client", "list", "--json")
    assert code == 0, err.decode("utf-8")
    assert [c["family_name"] for c in json.loads(out.decode("utf-8"))] == [ARABIC[0]]
