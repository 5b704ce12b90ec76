"""`sync folder DIR` and `identity rotate` through the real command line: two case files, Anna's
and Bea's, a shared folder between them, the contract's exit codes 0, 4 and 5 with their
sentences, and output that survives the Windows console's code page.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
EXIT_BUNDLE, EXIT_INPUT = 4, 5
WINDOWS_CODE_PAGE = {"PYTHONUTF8": "0", "PYTHONIOENCODING": "cp1252"}
SHARED = ("--consent-given-on", "2026-01-05", "--consent-scope", "share_colleagues")


@pytest.fixture(scope="module")
def template_pair(tmp_path_factory, make_cli, template_case):
    """Anna (with one client) and Bea trust each other."""
    root = tmp_path_factory.mktemp("sync-folder-cli")
    anna, bea = make_cli(root / "anna"), make_cli(root / "bea")
    shutil.copytree(template_case[0], anna.data_dir)
    bea.init()
    identities = {}
    for cli in (anna, bea):
        code, out, err = cli("identity")
        assert code == 0, err
        identities[cli] = out.splitlines()[0]
    for cli, name, other in ((anna, "Bea", bea), (bea, "Anna", anna)):
        code, _out, err = cli("colleague", "add", name, identities[other])
        assert code == 0, err
    anna.add("--family-name", "Haddad", "--given-names", "Amal", *SHARED)
    return anna, bea


@pytest.fixture
def pair(template_pair, make_cli, tmp_path):
    anna, bea = make_cli(tmp_path / "anna"), make_cli(tmp_path / "bea")
    shutil.copytree(template_pair[0].data_dir, anna.data_dir)
    shutil.copytree(template_pair[1].data_dir, bea.data_dir)
    return anna, bea


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    folder = tmp_path / "Austausch"
    folder.mkdir()
    return folder


def aged(path: Path) -> Path:
    then = time.time() - 3600
    os.utime(path, (then, then))
    return path


def round_json(cli, folder: Path) -> dict:
    code, out, err = cli("sync", "folder", str(folder), "--json")
    assert code == 0, err
    return json.loads(out)


def test_a_round_each_way_and_a_second_that_does_nothing(pair, shared: Path) -> None:
    anna, bea = pair
    code, out, err = anna("sync", "folder", str(shared))
    assert code == 0, err
    (written,) = shared.glob("*.wdb")
    assert out == f"Bundle for Bea written: {written}\n" and err == ""

    done = round_json(bea, shared)
    assert [(i["sender"], i["file"]) for i in done["imported"]] == [("Anna", str(written))]
    assert done["imported"][0]["text"].endswith("changes from Anna merged.")
    assert [w["colleague"] for w in done["written"]] == ["Anna"]
    assert done["held"] == done["refused"] == done["incomplete"] == done["removed"] == []
    assert [c["family_name"] for c in bea.list_json()] == ["Haddad"]

    bea.add("--family-name", "Okafor", "--given-names", "Ada", *SHARED)
    code, out, err = bea("sync", "folder", str(shared))
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Bundle for Anna written: ")
    assert len(list(shared.glob("*.wdb"))) == 2  # Bea's older bundle for Anna is gone

    code, out, err = anna("sync", "folder", str(shared))
    assert code == 0, err
    assert out.splitlines()[0].endswith("changes from Bea merged.")
    assert sorted(c["family_name"] for c in anna.list_json()) == ["Haddad", "Okafor"]

    for cli in (bea, anna, bea):  # acknowledgements settle, then nothing moves
        round_json(cli, shared)
    before = {p.name: p.read_bytes() for p in shared.iterdir()}
    for cli in (anna, bea):
        code, out, err = cli("sync", "folder", str(shared))
        assert (code, out, err) == (0, "", "")
    assert {p.name: p.read_bytes() for p in shared.iterdir()} == before


def test_a_refused_bundle_for_this_computer_is_exit_4_a_stray_file_is_not(
    pair, shared: Path
) -> None:
    anna, bea = pair
    stray = shared / "Notizen.wdb"
    stray.write_text("not a bundle", encoding="utf-8")
    aged(stray)
    code, out, err = bea("sync", "folder", str(shared))
    assert code == 0, err
    assert err == "Notizen.wdb: This file is not a Welcome Desk bundle.\n"
    stray.unlink()
    for old in shared.glob("*.wdb"):
        old.unlink()

    assert anna("sync", "folder", str(shared)).returncode == 0
    (bundle,) = shared.glob("*.wdb")
    data = bytearray(bundle.read_bytes())
    data[-40] ^= 0x01
    bundle.write_bytes(bytes(data))
    aged(bundle)
    code, out, err = bea("sync", "folder", str(shared))
    assert code == EXIT_BUNDLE
    assert err == (
        f"{bundle.name}: This file was changed after Anna signed it, so it was not imported.\n"
    )
    assert out.startswith("Bundle for Anna written: ")  # the round ran all the same
    assert bea.list_json() == []

    code, out, err = bea("sync", "folder", str(shared), env={"WELCOME_DESK_LANG": "de"})
    assert code == EXIT_BUNDLE
    assert err == (
        f"{bundle.name}: Diese Datei wurde verändert, nachdem Anna sie signiert hat; sie wurde "
        "nicht eingelesen.\n"
    )


def test_a_folder_that_is_not_there_is_exit_5_and_nothing_changes(
    pair, shared: Path, tmp_path: Path, snapshot
) -> None:
    anna, _bea = pair
    before = snapshot(anna.data_dir)
    a_file = tmp_path / "a-file.wdb"
    a_file.write_bytes(b"")
    for target, en, de in (
        (
            tmp_path / "nowhere",
            f"The folder {tmp_path / 'nowhere'} does not exist or is not a folder.",
            f"Der Ordner {tmp_path / 'nowhere'} existiert nicht oder ist kein Ordner.",
        ),
        (
            a_file,
            f"The folder {a_file} does not exist or is not a folder.",
            f"Der Ordner {a_file} existiert nicht oder ist kein Ordner.",
        ),
    ):
        assert anna("sync", "folder", str(target)) == (EXIT_INPUT, "", en + "\n")
        code, out, err = anna("sync", "folder", str(target), env={"WELCOME_DESK_LANG": "de"})
        assert (code, out, err) == (EXIT_INPUT, "", de + "\n")
    assert snapshot(anna.data_dir) == before
    assert not (tmp_path / "nowhere").exists() and a_file.read_bytes() == b""


def test_german_output_in_the_windows_code_page_reaches_a_file_whole(pair, tmp_path: Path) -> None:
    anna, _bea = pair
    folder = tmp_path / "Büro Süd – Austausch"
    folder.mkdir()
    stdout, stderr = tmp_path / "out.txt", tmp_path / "err.txt"
    command = [sys.executable, "-m", "desktop", "--data-dir", str(anna.data_dir)]
    with stdout.open("wb") as out, stderr.open("wb") as err:
        done = subprocess.run(
            [*command, "sync", "folder", str(folder)],
            cwd=REPO_ROOT,
            env=anna.env({**WINDOWS_CODE_PAGE, "WELCOME_DESK_LANG": "de"}),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            timeout=60,
            check=False,
        )
    assert done.returncode == 0, stderr.read_bytes().decode("utf-8", "replace")
    (written,) = folder.glob("*.wdb")
    assert stdout.read_bytes().decode("utf-8") == f"Paket für Bea geschrieben: {written}\n"


def test_identity_rotate_gives_new_keys_that_a_colleague_adds_again(pair, shared: Path) -> None:
    anna, bea = pair
    old = anna("identity").stdout.splitlines()
    code, out, err = anna("identity", "rotate")
    assert code == 0, err
    new = out.splitlines()
    assert len(new) == 2 and new[0].startswith("wd1:") and new != old
    assert "must add this identity again" in err and err.count("\n") == 1
    assert anna("identity").stdout.splitlines() == new

    assert anna("sync", "folder", str(shared)).returncode == 0
    code, _out, err = bea("sync", "folder", str(shared))
    assert code == EXIT_BUNDLE and "signed with a different key" not in err  # Bea never
    assert "not among your colleagues" in err  # heard from Anna: an unknown signer

    code, out, err = bea("colleague", "add", "Anna", new[0])
    assert code == 0 and out == f"Anna\t{new[1]}\n", err
    done = round_json(bea, shared)
    assert [i["sender"] for i in done["imported"]] == ["Anna"]
    assert [c["family_name"] for c in bea.list_json()] == ["Haddad"]
