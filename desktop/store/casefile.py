"""The data folder of one installation: where the case file lives, creating and unlocking it."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from desktop.domain.errors import CaseFileExists, DamagedCaseFile, NoCaseFile, WrongPassphrase
from desktop.fsutil import new_private_file, owner_only, private_folder, remove
from desktop.store import instance_lock
from desktop.store.database import backup_folder_setting, check_pages, connect, prepare
from desktop.store.instance_lock import CaseFileLock
from desktop.store.keys import KeyFile, validate_passphrase

if TYPE_CHECKING:  # the store itself loads with the first unlock, not before the prompt
    from desktop.store.store import Store

APP_DIR_NAME = "WelcomeDesk"


def default_data_dir() -> Path:
    """WELCOME_DESK_HOME, else the user's data folder (%LOCALAPPDATA%\\WelcomeDesk on Windows)."""
    override = os.environ.get("WELCOME_DESK_HOME")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False, roaming=False))


@dataclass(frozen=True)
class DataDir:
    """The files of one case file inside its data folder."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / "casefile.db"

    @property
    def keys(self) -> Path:
        return self.root / "keys.json"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    def exists(self) -> bool:
        """True if a case file (or part of one) is here."""
        return self.database.exists() or self.keys.exists()

    def own_files(self) -> list[Path]:
        """The database with its WAL and shared-memory files, and the key file."""
        db = self.database
        return [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm"), self.keys]


def create(root: Path, passphrase: str) -> tuple[Store, KeyFile, str]:
    """A new, empty case file; returns the open store, its key file and the recovery key."""
    data = DataDir(root)
    if data.exists():
        raise CaseFileExists(str(root))
    validate_passphrase(passphrase)
    private_folder(root)
    held = instance_lock.hold(root)
    try:
        if data.exists():  # made by another Welcome Desk while this one waited for the lock
            raise CaseFileExists(str(root))
        keyfile, key, recovery = KeyFile.create(data.keys, passphrase)
        # SQLite makes the file world-readable (0644) and gives its -wal and -shm files the
        # same mode: an empty owner-only file first is what it then opens as a new database.
        new_private_file(data.database)
        conn = connect(data.database, key)
        try:
            prepare(conn, data.database, data.backups)
            from desktop.store.store import Store

            store = Store(conn, held, root=root, key=key)
            store.set_meta("case_id", keyfile.case_id)
        except BaseException:
            conn.close()
            for path in data.own_files():
                remove(path, missing_ok=True)
            raise
    except BaseException:
        held.release()
        raise
    return store, keyfile, recovery


def load_keyfile(root: Path) -> KeyFile:
    """The key file of the case file in `root`; NoCaseFile if there is none."""
    data = DataDir(root)
    if not data.database.exists() and not data.keys.exists():
        raise NoCaseFile(str(root))
    if not data.database.exists() or not data.keys.exists():
        raise DamagedCaseFile(
            "A part of it (casefile.db or keys.json) is missing.",
            "Ein Teil davon (casefile.db oder keys.json) fehlt.",
        )
    return KeyFile.load(data.keys)


def open_with_key(
    root: Path, key: bytes, held: CaseFileLock | None = None, *, full_check: bool = False
) -> Store:
    """Open the case file with its data key: check, back up if needed, migrate.

    DamagedCaseFile if the file is damaged: page 1, the schema and the file's length are
    always checked; every page's HMAC too with `full_check` (see `database.check_pages`).
    The returned store holds the case file's lock (`held`, else taken here: CaseFileInUse if
    another Welcome Desk has it open) until it is closed.
    """
    data = DataDir(root)
    held = held or instance_lock.hold(root)
    for path in (root, data.backups, *data.own_files()):
        owner_only(path)  # what an older version made readable by everyone
    try:
        conn = connect(data.database, key)
        try:
            if full_check:
                check_pages(conn)
            prepare(conn, data.database, data.backups)
            from desktop.store.store import Store

            return Store(conn, held, root=root, key=key)
        except DamagedCaseFile as damaged:
            damaged.backups_folder = backup_folder_setting(conn)
            conn.close()
            raise
        except BaseException:
            conn.close()
            raise
    except BaseException:
        held.release()
        raise


def check_store(store: Store) -> None:
    """Every page of the open case file against its HMAC (DamagedCaseFile if one fails; the
    error then carries the backup folder the settings name, if it can still be read)."""
    try:
        check_pages(store.conn)
    except DamagedCaseFile as damaged:
        damaged.backups_folder = backup_folder_setting(store.conn)
        raise


def backups_folder_of(store: Store) -> str | None:
    """The backup folder the open (possibly damaged) case file's settings name, if readable."""
    return backup_folder_setting(store.conn)


def unlock(
    root: Path,
    *,
    passphrase: str | None = None,
    recovery_key: str | None = None,
    use_keyring: bool = False,
    full_check: bool = False,
) -> Store:
    """Unlock with the passphrase, the recovery key, or the OS credential store.

    The key file decides whether the secret is right (WrongPassphrase, WrongRecoveryKey);
    a database that then does not open with the key it unwrapped is damaged."""
    keyfile = load_keyfile(root)
    key: bytes | None = None
    if use_keyring:
        key = keyfile.unlock_with_keyring()
    if key is None and recovery_key is not None:
        key = keyfile.unlock_with_recovery_key(recovery_key)
    if key is None and passphrase is None:
        raise WrongPassphrase()  # the credential store had no key, and nothing was typed
    if key is None:
        key = keyfile.unlock_with_passphrase(passphrase or "")
    return open_with_key(root, key, full_check=full_check)
