"""Key care through the real command line: passphrase change, new recovery key, keyring forget."""

from __future__ import annotations

import json
import re
from pathlib import Path

PASSPHRASE = "correct horse battery staple"
NEW_PASSPHRASE = "green apple river morning"
EXIT_UNLOCK, EXIT_INPUT = 3, 5
RECOVERY_KEY_LINE = re.compile(r"^[A-Z0-9]{4,}(-[A-Z0-9]{4,})+$")


def keys_json(data_dir: Path) -> bytes:
    return (data_dir / "keys.json").read_bytes()


def opens_with(cli, **env: str | None) -> int:
    """The exit code of `status` unlocking with these variables."""
    return cli("status", env=env).returncode


def test_after_a_new_recovery_key_the_old_one_fails(cli, initialised: str) -> None:
    old = initialised
    assert opens_with(cli, WELCOME_DESK_RECOVERY_KEY=old, WELCOME_DESK_PASSPHRASE=None) == 0
    code, out, err = cli("recovery-key", "new")
    assert code == 0, err
    assert len(out.splitlines()) == 1 and RECOVERY_KEY_LINE.match(out.strip()), out
    new = out.strip()
    assert new != old and new not in err
    code, _, err = cli("status", env={"WELCOME_DESK_RECOVERY_KEY": old})
    assert code == EXIT_UNLOCK and err.strip() == "The recovery key is not correct."
    assert opens_with(cli, WELCOME_DESK_RECOVERY_KEY=new, WELCOME_DESK_PASSPHRASE=None) == 0
    assert opens_with(cli) == 0  # the passphrase keeps working


def test_a_wrong_passphrase_changes_nothing(cli, initialised: str, data_dir: Path) -> None:
    before = keys_json(data_dir)
    wrong = {"WELCOME_DESK_PASSPHRASE": "wrong horse battery staple"}
    code, out, err = cli("recovery-key", "new", env=wrong)
    assert (code, out) == (EXIT_UNLOCK, "") and err.strip() == "The passphrase is not correct."
    code, out, err = cli(
        "passphrase", "change", env={**wrong, "WELCOME_DESK_NEW_PASSPHRASE": NEW_PASSPHRASE}
    )
    assert (code, out) == (EXIT_UNLOCK, "") and len(err.strip().splitlines()) == 1
    assert keys_json(data_dir) == before


def test_the_passphrase_is_changed(cli, initialised: str, data_dir: Path) -> None:
    before = keys_json(data_dir)
    code, _, err = cli("passphrase", "change", env={"WELCOME_DESK_NEW_PASSPHRASE": "kurz"})
    assert code == EXIT_INPUT and err.strip() == "The passphrase needs at least 8 characters."
    code, _, err = cli(
        "passphrase", "change", env={"WELCOME_DESK_LANG": "de", "WELCOME_DESK_NEW_PASSPHRASE": ""}
    )
    assert code == EXIT_INPUT and err.strip() == "Bitte Passphrase eingeben."
    assert keys_json(data_dir) == before
    code, _, err = cli("passphrase", "change", env={"WELCOME_DESK_NEW_PASSPHRASE": NEW_PASSPHRASE})
    assert code == 0, err
    assert opens_with(cli) == EXIT_UNLOCK
    assert opens_with(cli, WELCOME_DESK_PASSPHRASE=NEW_PASSPHRASE) == 0
    assert opens_with(cli, WELCOME_DESK_RECOVERY_KEY=initialised) == 0


def test_the_new_passphrase_comes_from_a_file(
    cli, initialised: str, data_dir: Path, tmp_path: Path
) -> None:
    new_file = tmp_path / "new.txt"
    new_file.write_text(NEW_PASSPHRASE + "\n", encoding="utf-8")
    code, _, err = cli(
        "passphrase", "change", "--new-passphrase-file", str(new_file),
        env={"WELCOME_DESK_NEW_PASSPHRASE": None},
    )  # fmt: skip
    assert code == 0, err
    assert opens_with(cli, WELCOME_DESK_PASSPHRASE=NEW_PASSPHRASE) == 0


def test_without_a_new_passphrase_nothing_changes(cli, initialised: str, data_dir: Path) -> None:
    before = keys_json(data_dir)
    code, _, err = cli("passphrase", "change", env={"WELCOME_DESK_LANG": "de"})
    assert code == EXIT_INPUT and "WELCOME_DESK_NEW_PASSPHRASE" in err
    assert len(err.strip().splitlines()) == 1 and "Wählen Sie" in err
    assert keys_json(data_dir) == before


def test_forgetting_the_keyring_clears_the_flag(cli, initialised: str, data_dir: Path) -> None:
    doc = json.loads(keys_json(data_dir))
    doc["keyring"] = True  # as after "unlock with my Windows account" (no OS store in a test)
    (data_dir / "keys.json").write_text(json.dumps(doc), encoding="utf-8")
    code, out, err = cli("keyring", "forget")
    assert (code, out) == (0, ""), err
    assert json.loads(keys_json(data_dir))["keyring"] is False
    code, _, err = cli("keyring", "forget")  # nothing there: quiet
    assert code == 0, err
