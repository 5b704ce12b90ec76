"""Erasure reaches every copy in the data folder and stays done after a restore (`client erase`,
`backup`, `restore`, `client list` as a user runs them)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

from desktop.formats import backup_file
from desktop.store.database import connect
from desktop.store.keys import KeyFile

NAME = "Zyxwarth"
GIVEN = "Quonfeldine"


def _data_key(data: Path, passphrase: str) -> bytes:
    return KeyFile.load(data / "keys.json").unlock_with_passphrase(passphrase)


def _decrypted_text(backup: Path, key: bytes, scratch: Path) -> str:
    """The backup's database decrypted with the data key (a plaintext `sqlcipher_export`, every
    table, index and full-text segment), as text: UTF-8 and UTF-16 readings joined."""
    scratch.mkdir()
    backup_file.unpack(backup, scratch)
    conn = connect(scratch / "casefile.db", key)
    try:
        conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(scratch / "plain.db"),))
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()
    raw = (scratch / "plain.db").read_bytes()
    assert raw.startswith(b"SQLite format 3")
    shutil.rmtree(scratch)
    return "\n".join(raw.decode(enc, "replace") for enc in ("utf-8", "utf-16-le", "utf-16-be"))


def _files_holding(folder: Path, text: str) -> list[Path]:
    needles = [text.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be")]
    return [
        path
        for path in folder.rglob("*")
        if path.is_file() and any(n in path.read_bytes() for n in needles)
    ]


def _person_with_a_safety_copy(cli: Any, tmp_path: Path) -> tuple[str, Path]:
    """A person in the case file, in a backup in `backups/` and in a restore's safety copy."""
    client_id = cli.add("--family-name", NAME, "--given-names", GIVEN, "--birth-date", "1990-05")
    old = tmp_path / "elsewhere" / "old.wdbackup"
    old.parent.mkdir()
    assert cli("backup", str(old)).returncode == 0
    backups = cli.data_dir / "backups"
    backups.mkdir(exist_ok=True)
    assert cli("backup", str(backups)).returncode == 0
    code, _out, err = cli("restore", str(old))
    assert code == 0, err
    return client_id, old


def test_erase_rewrites_the_safety_copy_and_the_backups_in_the_data_folder(
    cli: Any, initialised: str, tmp_path: Path
) -> None:
    client_id, old = _person_with_a_safety_copy(cli, tmp_path)
    key = _data_key(cli.data_dir, cli.passphrase)
    copies = sorted((cli.data_dir / "backups").glob("*.wdbackup"))
    assert [p.name.split("-")[0] for p in copies] == ["WelcomeDesk", "before"]
    for n, copy in enumerate(copies):  # the person is there before the erasure
        assert NAME in _decrypted_text(copy, key, tmp_path / f"before{n}")

    code, _, err = cli("client", "erase", client_id)
    assert code == 0, err
    assert "2 backups in the data folder or the backup folder were rewritten" in err

    for n, copy in enumerate(copies):
        text = _decrypted_text(copy, key, tmp_path / f"after{n}")
        assert NAME not in text and GIVEN not in text and client_id in text  # the tombstone
    for needle in (NAME, GIVEN, "1990-05"):  # raw bytes of every file: nothing in plain text
        assert _files_holding(cli.data_dir, needle) == []
    # A backup the user keeps elsewhere is out of reach (docs/data-protection.md says so).
    assert NAME in _decrypted_text(old, key, tmp_path / "elsewhere-copy")


def test_the_ledger_holds_ids_and_days_only(cli: Any, initialised: str, tmp_path: Path) -> None:
    client_id = cli.add("--family-name", NAME, "--given-names", GIVEN, "--birth-date", "1990-05")
    assert cli("client", "erase", client_id).returncode == 0
    ledger = cli.data_dir / "erasures.json"
    body = json.loads(ledger.read_text(encoding="utf-8"))
    assert set(body) == {"format", "version", "erasures", "mac"}
    [[erased_id, day]] = body["erasures"]
    assert erased_id == client_id and re.fullmatch(r"\d{4}-\d{2}-\d{2}", day)
    assert ledger.stat().st_mode & 0o077 == 0
    key = _data_key(cli.data_dir, cli.passphrase)
    conn = connect(cli.data_dir / "casefile.db", key)
    try:
        rows = [tuple(r) for r in conn.execute("SELECT * FROM erasure_ledger")]
    finally:
        conn.close()
    assert rows == [(client_id, day)]


def test_scratch_left_by_a_killed_backup_is_gone_after_the_next_open(
    cli: Any, initialised: str, tmp_path: Path
) -> None:
    cli.add("--family-name", NAME, "--given-names", GIVEN)
    made = tmp_path / "copy.wdbackup"
    assert cli("backup", str(made)).returncode == 0
    # What a backup killed between unpacking and clean-up leaves: the key file and the database.
    scratch = cli.data_dir / ".backup-0123456789abcdef"
    scratch.mkdir()
    backup_file.unpack(made, scratch)
    backups = cli.data_dir / "backups"
    backups.mkdir(exist_ok=True)
    half = backups / f".WelcomeDesk-2026-01-01_000000.wdbackup.{'ab' * 16}.tmp"
    shutil.copy(made, half)
    keys_tmp = cli.data_dir / ".keys.json.0123456789abcdef.tmp"
    keys_tmp.write_bytes(b"{}")
    kept = cli.data_dir / "notes-of-the-coordinator.txt"  # not ours: never touched
    kept.write_text("mine", encoding="utf-8")

    assert [c["family_name"] for c in cli.list_json()] == [NAME]
    assert not scratch.exists() and not half.exists() and not keys_tmp.exists()
    assert kept.read_text(encoding="utf-8") == "mine"


def test_restoring_an_older_backup_erases_the_person_again_before_the_first_read(
    cli: Any, initialised: str, tmp_path: Path
) -> None:
    client_id = cli.add("--family-name", NAME, "--given-names", GIVEN, "--birth-date", "1990-05")
    cli.add("--family-name", "Stays", "--given-names", "Bo")
    old = tmp_path / "old.wdbackup"
    assert cli("backup", str(old)).returncode == 0
    assert cli("client", "erase", client_id).returncode == 0

    code, out, err = cli("restore", str(old))
    assert code == 0, err
    assert NAME not in out + err
    assert [c["family_name"] for c in cli.list_json()] == ["Stays"]
    assert cli.list_json("--search", NAME) == []
    code, out, err = cli("export-json", "-")
    assert code == 0, err
    assert NAME not in out and GIVEN not in out
    for needle in (NAME, GIVEN):
        assert _files_holding(cli.data_dir, needle) == []
    key = _data_key(cli.data_dir, cli.passphrase)
    for n, copy in enumerate(sorted((cli.data_dir / "backups").glob("*.wdbackup"))):
        assert NAME not in _decrypted_text(copy, key, tmp_path / f"copy{n}")


def test_a_ledger_written_without_the_data_key_erases_nobody(
    cli: Any, initialised: str, tmp_path: Path
) -> None:
    client_id = cli.add("--family-name", NAME, "--given-names", GIVEN)
    forged = {"format": "welcome-desk-erasures", "version": 1, "mac": "00" * 32}
    forged["erasures"] = [[client_id, "2026-01-01"]]
    (cli.data_dir / "erasures.json").write_text(json.dumps(forged), encoding="utf-8")
    assert [c["id"] for c in cli.list_json()] == [client_id]
