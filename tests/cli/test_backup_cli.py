"""`backup OUT` and `restore IN` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

NAME = "Quetzalcoatl"


def _case_data(cli: Any, tmp_path: Path) -> dict[str, Any]:
    out = tmp_path / "export.json"
    code, _, err = cli("export-json", str(out))
    assert code == 0, err
    data = json.loads(out.read_text(encoding="utf-8"))
    data.pop("meta")
    data.pop("audit")  # grows with every export (and backup, restore): compared apart
    return data


def test_backup_and_restore_give_identical_case_data(
    cli: Any, initialised: str, tmp_path: Path
) -> None:
    cli.add("--family-name", NAME, "--given-names", "Ana", "--birth-date", "1990-05")
    before = _case_data(cli, tmp_path)
    stick = tmp_path / "stick"
    stick.mkdir()
    code, out, err = cli("backup", str(stick))
    assert code == 0, err
    made = Path(out.strip())
    assert made.parent == stick and made.name.endswith(".wdbackup")
    assert NAME.encode() not in made.read_bytes()

    cli.add("--family-name", "Later", "--given-names", "Bo")
    code, out, err = cli("restore", str(made))
    assert code == 0, err
    assert "Safety copy" in out and "backups" in out
    assert _case_data(cli, tmp_path) == before


def test_a_wrong_passphrase_exits_3_and_changes_nothing(
    cli: Any, initialised: str, tmp_path: Path, snapshot: Any
) -> None:
    made = tmp_path / "copy.wdbackup"
    code, _, err = cli("backup", str(made))
    assert code == 0, err
    before = snapshot(cli.data_dir)
    code, _, err = cli("restore", str(made), env={"WELCOME_DESK_PASSPHRASE": "wrong wrong wrong"})
    assert code == 3
    assert err.strip() == "The passphrase is not correct."
    assert snapshot(cli.data_dir) == before


def test_a_file_that_is_not_a_backup_exits_5(
    cli: Any, initialised: str, tmp_path: Path, snapshot: Any
) -> None:
    other = tmp_path / "holiday.zip"
    other.write_bytes(b"PK\x05\x06" + bytes(18))
    before = snapshot(cli.data_dir)
    code, _, err = cli("restore", str(other))
    assert code == 5
    assert err.strip() == "holiday.zip is not a Welcome Desk backup."
    assert snapshot(cli.data_dir) == before


def test_restore_on_a_new_computer_with_the_recovery_key(
    cli: Any, initialised: str, tmp_path: Path
) -> None:
    cli.add("--family-name", NAME, "--given-names", "Ana")
    made = tmp_path / "copy.wdbackup"
    assert cli("backup", str(made)).returncode == 0
    key_file = tmp_path / "recovery.txt"
    key_file.write_text(initialised + "\n", encoding="utf-8")
    laptop = tmp_path / "laptop"
    code, out, err = cli(
        "restore",
        "--recovery-key-file",
        str(key_file),
        str(made),
        data_dir=laptop,
        env={"WELCOME_DESK_PASSPHRASE": None},
    )
    assert code == 0, err
    assert "Safety copy" not in out
    code, out, err = cli("client", "list", "--json", data_dir=laptop)
    assert code == 0, err
    assert [c["family_name"] for c in json.loads(out)] == [NAME]
