"""One Welcome Desk per case file: the second window or command is refused in one sentence, waits
for a short command to finish, and a crashed one never leaves the case file locked."""

from __future__ import annotations

import errno
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from desktop.domain.errors import CaseFileInUse
from desktop.domain.model import Client
from desktop.services import backup, casefile, casework
from desktop.store import instance_lock
from desktop.store.casefile import open_with_key
from desktop.store.keys import KeyFile

PASSPHRASE = "correct horse battery staple"
REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(instance_lock, "WAIT", 0.2)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    store = casefile.init(tmp_path / "data", PASSPHRASE).store
    casework.add(store, Client("Haddad", "Rania", nationality="SY"))
    store.close()
    return tmp_path / "data"


def test_a_second_open_is_refused_while_the_first_is_open(root: Path) -> None:
    first = casefile.unlock(root, passphrase=PASSPHRASE, use_keyring=False)
    try:
        assert instance_lock.in_use(root)
        with pytest.raises(CaseFileInUse) as refused:
            casefile.unlock(root, passphrase=PASSPHRASE, use_keyring=False)
        assert "in use by another Welcome Desk window" in refused.value.text("en")
        assert "anderen Welcome-Desk-Fenster" in refused.value.text("de")
        # The first one goes on working: nothing half-applied by the refused second one.
        casework.add(first, Client("Haddad", "Omar", nationality="SY"))
    finally:
        first.close()
    assert not instance_lock.in_use(root)
    again = casefile.unlock(root, passphrase=PASSPHRASE, use_keyring=False)
    try:
        assert again.counts().clients == 2
    finally:
        again.close()


def test_closing_from_another_thread_lets_go(root: Path) -> None:
    """The database worker closes the case file on its own thread."""
    store = casefile.unlock(root, passphrase=PASSPHRASE, use_keyring=False)
    closer = threading.Thread(target=store.close)
    closer.start()
    closer.join()
    assert not instance_lock.in_use(root)


def test_a_new_case_file_is_locked_from_its_creation(tmp_path: Path) -> None:
    store = casefile.init(tmp_path / "new", PASSPHRASE).store
    try:
        assert instance_lock.in_use(tmp_path / "new")
    finally:
        store.close()


def test_a_failed_open_lets_go(root: Path) -> None:
    key = KeyFile.load(root / "keys.json").unlock_with_passphrase(PASSPHRASE)
    with pytest.raises(Exception):  # noqa: B017 - whatever a wrong key raises
        open_with_key(root, bytes(32))
    assert not instance_lock.in_use(root)
    open_with_key(root, key).close()


def test_a_restore_waits_for_nobody_and_changes_nothing_while_in_use(
    root: Path, tmp_path: Path, snapshot
) -> None:  # type: ignore[no-untyped-def]
    store = casefile.unlock(root, passphrase=PASSPHRASE, use_keyring=False)
    info = backup.back_up(store, root, tmp_path)
    key = backup.unlock_backup(root, info.path, passphrase=PASSPHRASE)
    casework.add(store, Client("Later", "Work", nationality="SY"))
    before = {n: b for n, b in snapshot(root).items() if not n.startswith("backups/")}
    try:
        with pytest.raises(CaseFileInUse):
            backup.restore(root, info.path, key)
        after = {n: b for n, b in snapshot(root).items() if not n.startswith("backups/")}
        assert after == before
        assert store.counts().clients == 2
    finally:
        store.close()
    restored = backup.restore(root, info.path, key).store
    try:
        assert restored.counts().clients == 1
        assert instance_lock.in_use(root), "the restored case file is open and held"
    finally:
        restored.close()


def _holder(root: Path) -> subprocess.Popen[str]:
    """Another Welcome Desk process with the case file open; prints 'open' once it is."""
    code = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        from desktop.services import casefile
        store = casefile.unlock(Path({str(root)!r}), passphrase={PASSPHRASE!r}, use_keyring=False)
        print("open", flush=True)
        sys.stdin.readline()
        store.close()
        """
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=REPO_ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
    return holder


def test_a_crashed_holder_leaves_the_case_file_free(root: Path) -> None:
    holder = _holder(root)
    try:
        assert instance_lock.in_use(root)
    finally:
        holder.kill()  # TerminateProcess on Windows, SIGKILL elsewhere: no close() runs
        holder.wait(timeout=30)
    assert not instance_lock.in_use(root)
    casefile.unlock(root, passphrase=PASSPHRASE, use_keyring=False).close()


def test_a_command_while_the_window_has_the_case_file_is_refused_with_exit_3(
    root: Path, make_cli, snapshot
) -> None:  # type: ignore[no-untyped-def]
    cli = make_cli(root)
    holder = _holder(root)
    try:
        before = snapshot(root)
        result = cli("client", "add", "--family-name", "Nasser", "--given-names", "Lina")
        assert result.returncode == 3
        assert result.stderr.strip().splitlines() == [CaseFileInUse().text("en")]
        assert snapshot(root) == before
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=30)
    assert [c["family_name"] for c in cli.list_json()] == ["Haddad"]


def test_a_command_waits_for_a_short_one_to_finish(root: Path, make_cli) -> None:  # type: ignore[no-untyped-def]
    """The holder lets go while the command starts: it gets the case file, not a refusal."""
    cli = make_cli(root)
    holder = _holder(root)
    assert holder.stdin is not None
    holder.stdin.write("\n")
    holder.stdin.flush()
    result = cli("client", "list", "--json")
    holder.wait(timeout=30)
    assert result.returncode == 0, result.stderr


def test_a_file_system_without_locks_opens_unlocked(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Some network shares have no locks: better one Welcome Desk unguarded than none at all."""

    def no_locks(fd: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(instance_lock, "_lock", no_locks)
    store = casefile.unlock(root, passphrase=PASSPHRASE, use_keyring=False)
    try:
        assert store.counts().clients == 1
    finally:
        store.close()
