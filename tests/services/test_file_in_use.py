"""Files held by another program, as on Windows: an antivirus scanner or a sync client lets go a
moment later (the write goes through after a retry); Controlled Folder Access never does (one
sentence, "in use or blocked", distinct from a full or read-only disk, and nothing lost).

The suite-wide `windows_files` fixture (tests/windows_files.py) refuses to replace, rename or
delete a file that is open or held, and to fsync a handle opened only for reading.
"""

from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest

from desktop.domain.errors import StorageFailed
from desktop.domain.model import Client
from desktop.formats.backup_file import SUFFIX
from desktop.fsutil import atomic_write_bytes
from desktop.services import backup, casefile, casework, settings
from desktop.store.casefile import DataDir
from tests.windows_files import WindowsFiles

PASSPHRASE = "correct horse battery staple"
NEW_PASSPHRASE = "a new and much longer passphrase"
IN_USE = "in use or blocked (antivirus, cloud sync, Controlled Folder Access)"


needs_proc = pytest.mark.skipif(
    not WindowsFiles.available(),
    reason="seeing which files this process holds needs /proc/self/fd (Linux); Windows itself "
    "refuses these operations anyway",
)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    store = casefile.init(tmp_path / "data", PASSPHRASE).store
    casework.add(store, Client("Haddad", "Rania", nationality="SY"))
    store.close()
    return tmp_path / "data"


@needs_proc
def test_the_imitation_refuses_what_windows_refuses(tmp_path: Path) -> None:
    held, other = tmp_path / "held.txt", tmp_path / "other.txt"
    held.write_bytes(b"held")
    other.write_bytes(b"other")
    with held.open("rb") as handle:
        for operation in (lambda: os.replace(other, held), lambda: os.unlink(held)):
            with pytest.raises(PermissionError) as refused:
                operation()
            assert refused.value.winerror == 32  # type: ignore[attr-defined]
        with pytest.raises(OSError):
            os.fsync(handle.fileno())  # Windows flushes only a handle open for writing
    os.replace(other, held)
    assert held.read_bytes() == b"other"


def test_a_write_goes_through_once_the_scanner_lets_go(
    tmp_path: Path, windows_files: WindowsFiles
) -> None:
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"old")
    with windows_files.hold(target, refusals=3):
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert [op for op, _path in windows_files.refused] == ["replace"] * 3


def test_a_file_blocked_for_good_is_one_sentence_and_unchanged(
    tmp_path: Path, windows_files: WindowsFiles
) -> None:
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"old")
    with windows_files.hold(target, winerror=5), pytest.raises(StorageFailed) as refused:
        atomic_write_bytes(target, b"new")
    assert refused.value.reason == "in_use"
    assert IN_USE in refused.value.text("en")
    assert "Virenschutz" in refused.value.text("de")
    assert "read-only" not in refused.value.text("en")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.pdf"]  # no temporary file left
    assert target.read_bytes() == b"old"


def test_a_new_passphrase_while_keys_json_is_held(root: Path, windows_files: WindowsFiles) -> None:
    keys = DataDir(root).keys
    before = keys.read_bytes()
    with windows_files.hold(keys), pytest.raises(StorageFailed) as refused:
        settings.change_passphrase(root, PASSPHRASE, NEW_PASSPHRASE)
    assert refused.value.reason == "in_use"
    assert keys.read_bytes() == before
    casefile.unlock(root, passphrase=PASSPHRASE, use_keyring=False).close()

    with windows_files.hold(keys, refusals=2):
        settings.change_passphrase(root, PASSPHRASE, NEW_PASSPHRASE)
    casefile.unlock(root, passphrase=NEW_PASSPHRASE, use_keyring=False).close()


def test_a_backup_over_a_held_file(root: Path, tmp_path: Path, windows_files: WindowsFiles) -> None:
    store = casefile.unlock(root, passphrase=PASSPHRASE, use_keyring=False)
    try:
        info = backup.back_up(store, root, tmp_path)
        # The next backup in the same second gets the same name: a sync client holds the old one.
        with windows_files.hold(info.path, refusals=2):
            again = backup.back_up(store, root, tmp_path, now=info.created_at)
        assert again.path == info.path
    finally:
        store.close()


def _case_files(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in DataDir(root).own_files() if p.exists()}


def test_a_restore_while_the_case_file_is_held_changes_nothing(
    root: Path, tmp_path: Path, windows_files: WindowsFiles
) -> None:
    store = casefile.unlock(root, passphrase=PASSPHRASE, use_keyring=False)
    info = backup.back_up(store, root, tmp_path)
    casework.add(store, Client("Later", "Work", nationality="SY"))
    store.close()
    key = backup.unlock_backup(root, info.path, passphrase=PASSPHRASE)
    before = _case_files(root)

    # Outlook or a sync client has casefile.db open: the swap is undone, one sentence.
    with windows_files.hold(DataDir(root).database), pytest.raises(StorageFailed) as refused:
        backup.restore(root, info.path, key)
    assert refused.value.reason == "in_use"
    assert _case_files(root) == before
    store = casefile.unlock(root, passphrase=PASSPHRASE, use_keyring=False)
    try:
        assert store.counts().clients == 2
    finally:
        store.close()

    # A scanner that lets go: the restore goes through.
    with windows_files.hold(DataDir(root).keys, refusals=2):
        restored = backup.restore(root, info.path, key).store
    try:
        assert restored.counts().clients == 1
    finally:
        restored.close()


@needs_proc
def test_a_restore_over_a_damaged_case_file_keeps_it_aside(root: Path, tmp_path: Path) -> None:
    """The safety copy of a case file that no key opens is a plain, flushed copy of its files
    (Windows flushes only handles open for writing: the copy's, not the source's)."""
    store = casefile.unlock(root, passphrase=PASSPHRASE, use_keyring=False)
    info = backup.back_up(store, root, tmp_path)
    store.close()
    key = backup.unlock_backup(root, info.path, passphrase=PASSPHRASE)
    damaged = b"\x00damaged by a power cut" * 100
    DataDir(root).database.write_bytes(damaged)

    restored = backup.restore(root, info.path, key)
    try:
        assert restored.store.counts().clients == 1
        assert restored.safety_copy is not None and restored.safety_copy.is_dir()
        assert not restored.safety_copy.name.endswith(SUFFIX)
        assert (restored.safety_copy / "casefile.db").read_bytes() == damaged
    finally:
        restored.store.close()


def test_a_folder_that_refuses_new_files_is_one_sentence_at_once(
    tmp_path: Path, windows_files: WindowsFiles
) -> None:
    folder = tmp_path / "Documents"
    folder.mkdir()
    with windows_files.deny_writes(folder), pytest.raises(StorageFailed) as refused:
        atomic_write_bytes(folder / "plan.pdf", b"%PDF")
    assert refused.value.reason == "in_use"
    assert len(windows_files.refused) == 1  # one try, not 2**31 names (tempfile on Windows)
    assert list(folder.iterdir()) == []


def test_no_temporary_file_is_made_with_tempfile_in_the_package() -> None:
    """tempfile.mkstemp/mkdtemp loop on Windows in a folder that refuses new files (CPython
    #66305): the package makes its temporary files with fsutil.new_temporary instead."""
    package = Path(__file__).resolve().parents[2] / "desktop"
    found = []
    for path in package.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in {
                "mkstemp",
                "mkdtemp",
                "NamedTemporaryFile",
            }:
                found.append(f"{path.relative_to(package)}:{node.lineno}")
    assert found == []
