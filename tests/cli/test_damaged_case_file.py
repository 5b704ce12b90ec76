"""A damaged case file is named: exit 3, one sentence that it is damaged, which backup is newest
and how to restore it; the damaged file is left exactly as it was.

Real damage on a real file: one byte flipped in page 1, in a page in the middle, in the last
page, and the file cut at a page boundary and in the middle of a page.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

PAGE = 4096


@pytest.fixture(scope="module")
def healthy(tmp_path_factory: pytest.TempPathFactory, make_cli) -> tuple[Path, Path]:
    """A case file with 40 demo clients and two backups in its `backups` folder: (folder,
    the newest backup)."""
    folder = tmp_path_factory.mktemp("healthy") / "data"
    cli = make_cli(folder)
    cli.init()
    assert cli("demo", "--clients", "40").returncode == 0
    (folder / "backups").mkdir()
    older = cli("backup", str(folder / "backups"))
    assert older.returncode == 0, older.stderr
    cli.add("--family-name", "Später")
    newest = None
    for _ in range(20):  # backup names have whole seconds: wait for the next one
        result = cli("backup", str(folder / "backups"))
        assert result.returncode == 0, result.stderr
        newest = Path(result.stdout.strip())
        if newest.name != Path(older.stdout.strip()).name:
            break
    assert newest is not None
    return folder, newest


def flip(path: Path, offset: int) -> None:
    with path.open("r+b") as f:
        f.seek(offset)
        byte = f.read(1)
        f.seek(offset)
        f.write(bytes([byte[0] ^ 0x20]))


def damage(db: Path, how: str) -> None:
    pages = db.stat().st_size // PAGE
    if how == "page 1 header":
        flip(db, 100)
    elif how == "middle page":
        flip(db, (pages // 2) * PAGE + 1500)
    elif how == "last page":
        flip(db, (pages - 1) * PAGE + 3000)
    elif how == "cut at a page boundary":
        os.truncate(db, (pages - 3) * PAGE)
    elif how == "cut inside a page":
        os.truncate(db, (pages // 2) * PAGE + 777)
    else:
        raise AssertionError(how)


DAMAGES = [
    "page 1 header",
    "middle page",
    "last page",
    "cut at a page boundary",
    "cut inside a page",
]


@pytest.fixture
def damaged_copy(healthy: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    folder, newest = healthy
    copy = tmp_path / "data"
    shutil.copytree(folder, copy)
    return copy, copy / "backups" / newest.name


@pytest.mark.parametrize("how", DAMAGES)
@pytest.mark.parametrize("command", [["status"], ["client", "list", "--json"]], ids=" ".join)
def test_a_damaged_case_file_is_named_with_the_newest_backup(
    make_cli, damaged_copy: tuple[Path, Path], snapshot, how: str, command: list[str]
) -> None:
    folder, newest = damaged_copy
    damage(folder / "casefile.db", how)
    before = snapshot(folder)

    code, out, err = make_cli(folder)(*command)

    assert code == 3, (out, err)
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "damaged" in lines[0]
    assert f"the newest backup is {newest}" in lines[0]
    assert f'welcome-desk restore "{newest}"' in lines[0]
    assert snapshot(folder) == before  # the attempt changed nothing


def test_the_sentence_is_german_for_a_german_user(
    make_cli, damaged_copy: tuple[Path, Path]
) -> None:
    folder, newest = damaged_copy
    damage(folder / "casefile.db", "middle page")
    code, _, err = make_cli(folder)("status", env={"WELCOME_DESK_LANG": "de"})
    assert code == 3
    assert "beschädigt" in err and f"die neueste Sicherung ist {newest}" in err


def test_a_wrong_passphrase_on_a_damaged_file_is_still_a_wrong_passphrase(
    make_cli, damaged_copy: tuple[Path, Path]
) -> None:
    folder, _ = damaged_copy
    damage(folder / "casefile.db", "page 1 header")
    code, _, err = make_cli(folder)("status", env={"WELCOME_DESK_PASSPHRASE": "not the one x"})
    assert code == 3
    assert "passphrase is not correct" in err and "damaged" not in err


def test_without_a_backup_the_sentence_says_where_none_was_found(
    make_cli, damaged_copy: tuple[Path, Path]
) -> None:
    folder, _ = damaged_copy
    shutil.rmtree(folder / "backups")
    damage(folder / "casefile.db", "last page")
    code, _, err = make_cli(folder)("status")
    assert code == 3
    assert "damaged" in err and f"there is no backup in {folder / 'backups'}" in err


def test_the_named_backup_restores_the_damaged_case_file(
    make_cli, damaged_copy: tuple[Path, Path]
) -> None:
    folder, newest = damaged_copy
    damage(folder / "casefile.db", "middle page")
    damaged_bytes = (folder / "casefile.db").read_bytes()
    cli = make_cli(folder)

    code, _, err = cli("restore", str(newest))

    assert code == 0, err
    names = [c["family_name"] for c in cli.list_json()]
    assert "Später" in names and len(names) == 41
    # the damaged file is kept as it was, byte for byte, beside the backups
    kept = [p for p in (folder / "backups").iterdir() if p.name.startswith("before-restore-")]
    assert len(kept) == 1 and (kept[0] / "casefile.db").read_bytes() == damaged_bytes
