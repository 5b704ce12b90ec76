"""Every bad input: the contract's exit code, one sentence on stderr, the data folder untouched."""

from __future__ import annotations

import ctypes
import os
import shutil
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.errors import StorageFailed
from desktop.services.clients import add_client
from desktop.store import casefile
from desktop.store.keys import format_recovery_key

EXIT_FAILURE, EXIT_USAGE, EXIT_UNLOCK, EXIT_INPUT = 1, 2, 3, 5
NOBODY = 65534


@pytest.fixture
def refused(snapshot):
    """`refused(result, code, folder, before)`: the command failed as the contract says.

    `read_only_connection=True`: SQLite opened the case file read-only and could not remove its
    (empty) WAL and index file again; all else is as before.
    """

    def check(
        result, code: int, folder: Path, before: dict[str, bytes], *, read_only_connection=False
    ) -> str:
        returncode, out, err = result
        assert "Traceback" not in err
        message = err.strip()
        assert message, "the failure must be explained on stderr"
        assert message.count("\n") == 0, f"more than one line on stderr:\n{err}"
        assert returncode == code, err
        assert out == ""
        after = snapshot(folder)
        if read_only_connection:
            assert after.pop("casefile.db-wal", b"") == b""
            after.pop("casefile.db-shm", None)
        assert sorted(after) == sorted(before), "files were added or removed"
        assert after == before, "the data folder changed"
        assert not any(name.endswith(("-wal", "-shm")) for name in after)
        return message

    return check


@pytest.fixture(scope="module")
def case(tmp_path_factory, make_cli, template_case):
    """One case file with one client, shared by the tests that must not change it anyway."""
    template, recovery_key = template_case
    cli = make_cli(tmp_path_factory.mktemp("bad-input") / "data")
    shutil.copytree(template, cli.data_dir)
    client_id = cli.add("--family-name", "Haddad", "--given-names", "Amal")
    return cli, recovery_key, client_id


@pytest.fixture
def before(case, snapshot):
    cli, _, _ = case
    return snapshot(cli.data_dir)


# -- cannot unlock (3) -------------------------------------------------------------------------


def test_a_wrong_passphrase_is_refused(case, before, refused):
    cli, _, _ = case

    result = cli("status", env={"WELCOME_DESK_PASSPHRASE": "correct horse battery stable"})

    assert refused(result, EXIT_UNLOCK, cli.data_dir, before) == "The passphrase is not correct."


def test_a_wrong_passphrase_is_explained_in_german(case, before, refused):
    cli, _, _ = case

    result = cli(
        "client",
        "list",
        env={"WELCOME_DESK_PASSPHRASE": "falsche Passphrase", "WELCOME_DESK_LANG": "de"},
    )

    assert refused(result, EXIT_UNLOCK, cli.data_dir, before) == "Die Passphrase ist nicht richtig."


@pytest.mark.parametrize(
    "key",
    [
        format_recovery_key(bytes(range(18))),  # well-formed, but of no case file
        "ABCD-EFGH-JKMN-PQRS",  # too short to be a recovery key at all
    ],
)
def test_a_wrong_recovery_key_is_refused(case, before, refused, key):
    cli, real_key, _ = case
    assert key != real_key

    result = cli("status", env={"WELCOME_DESK_PASSPHRASE": None, "WELCOME_DESK_RECOVERY_KEY": key})

    message = refused(result, EXIT_UNLOCK, cli.data_dir, before)
    assert message == "The recovery key is not correct."


def test_no_passphrase_at_all_is_refused_without_waiting_for_a_prompt(case, before, refused):
    cli, _, _ = case

    result = cli("client", "list", env={"WELCOME_DESK_PASSPHRASE": None})

    message = refused(result, EXIT_UNLOCK, cli.data_dir, before)
    assert "WELCOME_DESK_PASSPHRASE" in message and "--passphrase-file" in message


def test_a_missing_passphrase_file_is_refused(case, before, refused, tmp_path):
    cli, _, _ = case
    missing = tmp_path / "nowhere.txt"

    result = cli("--passphrase-file", str(missing), "status", env={"WELCOME_DESK_PASSPHRASE": None})

    message = refused(result, EXIT_UNLOCK, cli.data_dir, before)
    assert str(missing) in message


def test_an_empty_folder_has_no_case_file_and_stays_empty(cli, data_dir, refused):
    data_dir.mkdir()

    result = cli("client", "add", "--family-name", "Haddad")

    message = refused(result, EXIT_UNLOCK, data_dir, {})
    assert "no case file" in message and "init" in message
    assert list(data_dir.iterdir()) == []


def test_a_folder_that_does_not_exist_is_not_created(cli, data_dir, refused, tmp_path):
    result = cli("status")

    assert refused(result, EXIT_UNLOCK, tmp_path, {})
    assert not data_dir.exists()


def test_a_case_file_of_a_newer_schema_is_refused_and_left_as_it_is(
    cli, initialised, data_dir, snapshot, refused
):
    store = casefile.unlock(data_dir, passphrase=cli.passphrase)
    store.conn.execute("PRAGMA user_version = 99")
    store.close()
    before = snapshot(data_dir)

    result = cli("client", "list")

    message = refused(result, EXIT_UNLOCK, data_dir, before)
    assert "newer" in message and "99" in message


def test_a_damaged_case_file_is_refused(cli, initialised, data_dir, snapshot, refused):
    database = data_dir / "casefile.db"
    with database.open("r+b") as f:  # page 1 is checked by its HMAC like every other page
        f.seek(2000)
        damaged = bytes(b ^ 0xFF for b in f.read(8))
        f.seek(2000)
        f.write(damaged)
    before = snapshot(data_dir)

    result = cli("client", "list")

    message = refused(result, EXIT_UNLOCK, data_dir, before)
    assert "damaged" in message


@pytest.mark.parametrize("missing", ["keys.json", "casefile.db"])
def test_a_case_file_missing_a_part_is_refused(
    cli, initialised, data_dir, snapshot, refused, missing
):
    (data_dir / missing).unlink()
    before = snapshot(data_dir)

    result = cli("status")

    message = refused(result, EXIT_UNLOCK, data_dir, before)
    assert "missing" in message


# -- wrong usage (2) -----------------------------------------------------------------------------


def test_init_over_an_existing_case_file_is_refused(case, before, refused):
    cli, _, _ = case

    result = cli("init")

    message = refused(result, EXIT_USAGE, cli.data_dir, before)
    assert "already a case file" in message


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("frobnicate",), "frobnicate"),
        (("client", "list", "--colour"), "--colour"),
        (("client", "add", "--given-names", "Amal"), "--family-name"),
        (("client", "update"), "id"),
    ],
    ids=["unknown command", "unknown option", "missing option", "missing argument"],
)
def test_wrong_usage_is_one_sentence(case, before, refused, args, named):
    cli, _, _ = case

    result = cli(*args)

    message = refused(result, EXIT_USAGE, cli.data_dir, before)
    assert named in message


def test_init_refuses_a_short_passphrase_and_creates_nothing(cli, data_dir, refused, tmp_path):
    result = cli("init", env={"WELCOME_DESK_PASSPHRASE": "kurz"})

    message = refused(result, EXIT_INPUT, tmp_path, {})
    assert "8 characters" in message
    assert not data_dir.exists()


# -- invalid input data (5) ----------------------------------------------------------------------

INVALID_ADDS = {
    "impossible birth date": ("--birth-date", "1990-02-30"),
    "impossible German date": ("--status-valid-until", "31.02.2026"),
    "unknown country": ("--nationality", "QQ"),
    "unknown language": ("--language", "xx-nope"),
    "unknown residence status": ("--residence-status", "tourist-ish"),
    "valid until before granted on": (
        "--status-granted-on",
        "2026-03-01",
        "--status-valid-until",
        "2025-03-01",
    ),
}


@pytest.mark.parametrize("options", INVALID_ADDS.values(), ids=INVALID_ADDS.keys())
def test_client_add_refuses_invalid_values(case, before, refused, options):
    cli, _, _ = case

    result = cli("client", "add", "--family-name", "Neu", "--given-names", "Nina", *options)

    message = refused(result, EXIT_INPUT, cli.data_dir, before)
    assert options[-1] in message or options[-2].lstrip("-").replace("-", "_") in message


def test_client_update_refuses_an_invalid_value(case, before, refused):
    cli, _, client_id = case

    result = cli("client", "update", client_id, "--birth-date", "1990-13")

    message = refused(result, EXIT_INPUT, cli.data_dir, before)
    assert "1990-13" in message


UNKNOWN_ID = "0b8e7c1e-2f4d-4a8e-9c1a-5d6e7f8a9b0c"


@pytest.mark.parametrize(
    "args",
    [
        ("client", "update", UNKNOWN_ID, "--phone", "0151 2"),
        ("client", "delete", UNKNOWN_ID),
        ("client", "erase", UNKNOWN_ID),
        ("export-json", "--client", UNKNOWN_ID, "-"),
    ],
    ids=["update", "delete", "erase", "export-json"],
)
def test_an_unknown_id_is_refused(case, before, refused, args):
    cli, _, _ = case
    unknown = UNKNOWN_ID

    result = cli(*args)

    message = refused(result, EXIT_INPUT, cli.data_dir, before)
    assert unknown in message


# -- the disk refuses (1) ------------------------------------------------------------------------


def _keep_read_access_as_nobody():
    """Become uid/gid 65534, keeping only CAP_DAC_READ_SEARCH across exec.

    The interpreter may live below a folder only root may enter (/root/.pyenv); the capability
    lets "nobody" start it and read the case file, while writing stays refused as for any user.
    """
    libc = ctypes.CDLL(None, use_errno=True)
    pr_set_keepcaps, pr_cap_ambient, pr_cap_ambient_raise = 8, 47, 2
    cap_dac_read_search = 2

    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]

    class Data(ctypes.Structure):
        _fields_ = [
            ("effective", ctypes.c_uint32),
            ("permitted", ctypes.c_uint32),
            ("inheritable", ctypes.c_uint32),
        ]

    def check(result: int) -> None:
        if result != 0:
            raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()))

    def drop() -> None:
        os.setgroups([])
        check(libc.prctl(pr_set_keepcaps, 1, 0, 0, 0))
        os.setgid(NOBODY)
        os.setuid(NOBODY)
        bit = 1 << cap_dac_read_search
        data = (Data * 2)(Data(bit, bit, bit), Data(0, 0, 0))
        check(libc.capset(ctypes.byref(Header(0x20080522, 0)), data))
        check(libc.prctl(pr_cap_ambient, pr_cap_ambient_raise, cap_dac_read_search, 0, 0))

    return drop


def _as_nobody(base: Path, folder: Path, *, writable_folder: bool) -> dict[str, Any]:
    """CLI options that run it as "nobody" on root's files (root writes anywhere)."""
    os.chmod(base, 0o755)
    os.chmod(folder, 0o755)
    for path in folder.iterdir():
        os.chmod(path, 0o644)
    if writable_folder:  # nobody's own folder; the files stay root's, read-only for nobody
        os.chown(folder, NOBODY, NOBODY)
    home = base / "home"
    home.mkdir()
    os.chown(home, NOBODY, NOBODY)
    return {
        "preexec_fn": _keep_read_access_as_nobody(),
        "env": {"HOME": str(home), "XDG_DATA_HOME": None, "XDG_CONFIG_HOME": None},
    }


def _running_as_root() -> bool:
    return sys.platform != "win32" and os.geteuid() == 0


@pytest.mark.skipif(
    sys.platform == "win32",
    reason="Windows ignores the read-only attribute of a folder; the read-only files test below "
    "is the Windows case",
)
def test_a_read_only_case_file_folder_refuses_changes(make_cli, template_case, snapshot, refused):
    base = Path(tempfile.mkdtemp(prefix="wd-readonly-"))
    folder = base / "data"
    cli = make_cli(folder)
    try:
        shutil.copytree(template_case[0], folder)
        if _running_as_root():
            options = _as_nobody(base, folder, writable_folder=False)
        else:
            for path in folder.iterdir():
                os.chmod(path, 0o444)
            os.chmod(folder, 0o555)
            options = {}
        before = snapshot(folder)

        result = cli("client", "add", "--family-name", "Schreibschutz", **options)

        message = refused(result, EXIT_FAILURE, folder, before)
        assert "read-only" in message or "cannot be written" in message
    finally:
        os.chmod(folder, stat.S_IRWXU)
        shutil.rmtree(base)


def test_read_only_case_files_in_a_writable_folder_refuse_changes(
    make_cli, template_case, snapshot, refused
):
    # Windows' case: files copied from a read-only medium or marked read-only in Explorer.
    base = Path(tempfile.mkdtemp(prefix="wd-readonly-files-"))
    folder = base / "data"
    cli = make_cli(folder)
    try:
        shutil.copytree(template_case[0], folder)
        if _running_as_root():
            options = _as_nobody(base, folder, writable_folder=True)
        else:
            for name in ("casefile.db", "keys.json"):
                os.chmod(folder / name, stat.S_IREAD)  # Windows: the read-only attribute
            options = {}
        before = snapshot(folder)

        result = cli("client", "add", "--family-name", "Schreibschutz", **options)

        message = refused(result, EXIT_FAILURE, folder, before, read_only_connection=True)
        assert "read-only" in message or "cannot be written" in message
    finally:
        os.chmod(folder, stat.S_IRWXU)
        for path in folder.iterdir():
            os.chmod(path, stat.S_IREAD | stat.S_IWRITE)
        shutil.rmtree(base)


@pytest.mark.skipif(
    sys.platform == "win32",
    reason="a full disk is imitated with a file-size limit (RLIMIT_FSIZE), which Windows lacks; "
    "the full case file test below is the Windows case",
)
def test_a_full_disk_refuses_changes_and_keeps_the_case_file(
    cli, initialised, data_dir, snapshot, refused
):
    before = snapshot(data_dir)
    size = (data_dir / "casefile.db").stat().st_size

    def limit_file_size() -> None:  # Python ignores SIGXFSZ: writes past it fail with EFBIG
        import resource  # POSIX only: imported where it is used, so Windows can collect

        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    # The WAL starts empty and may grow up to the limit, so the client must need more than that.
    long_alias = "Q" * 100_000
    result = cli(
        "client", "add", "--family-name", "Vollplatte",
        "--alias", long_alias, "--alias", long_alias,
        preexec_fn=limit_file_size,
    )  # fmt: skip

    message = refused(result, EXIT_FAILURE, data_dir, before)
    assert "nothing was saved" in message


def test_a_full_case_file_raises_storage_failed_and_keeps_everything(
    cli, initialised, data_dir, snapshot
):
    cli.add("--family-name", "Vorher", "--given-names", "Vera")
    before = snapshot(data_dir)

    store = casefile.unlock(data_dir, passphrase=cli.passphrase)
    try:
        clients_before = store.counts().clients
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {int(pages)}")
        with pytest.raises(StorageFailed) as caught:
            add_client(store, {"family_name": "X" * 50_000, "given_names": "Volker"})
        assert caught.value.reason == "full"
        assert "full" in caught.value.text("en")
        assert store.counts().clients == clients_before
    finally:
        store.close()

    assert snapshot(data_dir) == before
    store = casefile.unlock(data_dir, passphrase=cli.passphrase)
    try:
        assert store.counts().clients == clients_before == 1
    finally:
        store.close()
