"""The files of the case file are readable by their owner only (POSIX modes; on Windows the
per-user profile folder's access list protects them, see docs/data-protection.md).

Every test (and the commands it runs) has the common umask 022, under which a file made without
care is 0644.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.services import casefile

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="Windows has no POSIX modes: the profile folder's ACL applies"
)

PASSPHRASE = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def loose(folder: Path) -> dict[str, str]:
    """Everything below `folder` (itself included) that others than the owner may read."""
    found = {}
    for path in [folder, *folder.rglob("*")]:
        if path.name == "casefile.lock":
            continue
        if mode(path) & 0o077:
            found[str(path.relative_to(folder.parent))] = oct(mode(path))
    return found


def test_init_makes_the_data_folder_and_every_file_in_it_owner_only(cli, data_dir: Path) -> None:
    cli.init()
    assert mode(data_dir) == 0o700
    assert mode(data_dir / "casefile.db") == 0o600
    assert mode(data_dir / "keys.json") == 0o600
    assert loose(data_dir) == {}


def test_the_write_ahead_log_and_shared_memory_files_are_owner_only(
    cli, data_dir: Path, initialised: str
) -> None:
    store = casefile.unlock(data_dir, passphrase=PASSPHRASE, use_keyring=False)
    try:
        with store.transaction():
            pass
        assert (data_dir / "casefile.db-wal").exists() and (data_dir / "casefile.db-shm").exists()
        assert mode(data_dir / "casefile.db-wal") == 0o600
        assert mode(data_dir / "casefile.db-shm") == 0o600
    finally:
        store.close()


def test_a_demo_a_backup_and_a_restore_leave_nothing_readable_by_others(
    cli, data_dir: Path, tmp_path: Path
) -> None:
    cli.init()
    code, _, err = cli("demo", "--clients", "20")
    assert code == 0, err
    outside = tmp_path / "stick"
    outside.mkdir(mode=0o755)
    code, out, err = cli("backup", str(outside))
    assert code == 0, err
    made = Path(out.strip())
    assert mode(made) == 0o600
    code, _, err = cli("restore", str(made))
    assert code == 0, err
    assert (data_dir / "backups").is_dir()  # the safety copy of the replaced case file
    assert mode(data_dir / "backups") == 0o700
    assert loose(data_dir) == {}


def test_a_case_file_made_by_an_older_version_is_made_owner_only_when_opened(
    cli, data_dir: Path, initialised: str
) -> None:
    os.chmod(data_dir, 0o755)
    os.chmod(data_dir / "casefile.db", 0o644)
    code, _, err = cli("status")
    assert code == 0, err
    assert mode(data_dir) == 0o700
    assert mode(data_dir / "casefile.db") == 0o600


def test_the_error_log_is_owner_only(tmp_path: Path) -> None:
    from desktop.ui.widgets.errors import log, log_into

    try:
        log_into(tmp_path)
        log("unexpected builtins.ValueError in fail\n")
    finally:
        log_into(None)
    assert mode(tmp_path / "logs") == 0o700
    assert mode(tmp_path / "logs" / "errors.log") == 0o600
