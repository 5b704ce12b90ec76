"""Use cases around the case file as a whole: set it up, unlock it, report on it.

The window imports this module before its first dialog shows, so the store's reading side and
the sync identity load only when a case file is opened (`Store` is still importable from here).
"""

from __future__ import annotations

import contextlib
import getpass
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.domain.errors import DamagedCaseFile
from desktop.domain.passphrases import Strength, assess, personal_words, require_strong
from desktop.store import casefile, database
from desktop.store.casefile import DataDir, default_data_dir
from desktop.store.keys import passphrase_strength, validate_passphrase

if TYPE_CHECKING:
    from desktop.store.store import Counts, Store


def __getattr__(name: str) -> Any:
    """`Store` on first use (PEP 562): importing it costs start-up time the prompt need not pay."""
    if name == "Store":
        from desktop.store.store import Store

        return Store
    raise AttributeError(name)


__all__ = [
    "CaseFileStatus",
    "InitResult",
    "Store",
    "Strength",
    "as_damage",
    "assess_passphrase",
    "check",
    "check_new_passphrase",
    "close",
    "default_data_dir",
    "init",
    "is_damage",
    "naming_backup",
    "passphrase_strength",
    "status",
    "unlock",
    "validate_passphrase",
]


@dataclass(frozen=True)
class InitResult:
    """A freshly created case file, open, with the recovery key to show once."""

    store: Store
    recovery_key: str
    in_keyring: bool


@dataclass(frozen=True)
class CaseFileStatus:
    """What `status` reports."""

    data_dir: Path
    counts: Counts
    device_id: str
    identity: str
    fingerprint: str
    keyring: bool


def _guessable_words(names: tuple[str, ...]) -> list[str]:
    """The office words, the login name and `names` (the office's, the coordinator's)."""
    login = []
    with contextlib.suppress(Exception):  # no login name to be had (a service account, a container)
        login.append(getpass.getuser())
    return personal_words(*names, *login)


def assess_passphrase(passphrase: str, *names: str) -> Strength:
    """How hard a new passphrase is to guess (zxcvbn score 0 to 4 and why it is weak); `names`
    (the office's, the coordinator's) are guessed first, with the login name."""
    return assess(passphrase, _guessable_words(names))


def check_new_passphrase(passphrase: str, *names: str) -> None:
    """Refuse a new passphrase that is too short (InvalidInput) or too easy to guess
    (WeakPassphrase: zxcvbn below 3, or built on the office's words, the login name or `names`)."""
    validate_passphrase(passphrase)
    require_strong(passphrase, _guessable_words(names))


def init(
    root: Path, passphrase: str, *, remember_in_keyring: bool = False, check_strength: bool = True
) -> InitResult:
    """Create the encrypted case file; the data key is stored only wrapped.

    A weak passphrase is refused (WeakPassphrase) before anything is written; only the demo
    case file, whose passphrase is printed in the window, passes `check_strength=False`.
    """
    from desktop.sync.identity import ensure_identity

    if check_strength:
        check_new_passphrase(passphrase)
    store, keyfile, recovery = casefile.create(root, passphrase)
    ensure_identity(store)
    in_keyring = False
    if remember_in_keyring:
        key = keyfile.unlock_with_passphrase(passphrase)
        in_keyring = keyfile.remember_in_keyring(key)
    return InitResult(store, recovery, in_keyring)


def unlock(
    root: Path,
    *,
    passphrase: str | None = None,
    recovery_key: str | None = None,
    use_keyring: bool = True,
    full_check: bool = False,
) -> Store:
    """Open the case file with the keyring (if chosen at set-up), recovery key or passphrase.

    A damaged case file is DamagedCaseFile naming the newest backup; `full_check` also checks
    every page (the command line; the window runs `check` once the case file is shown).
    Before it is returned, erasures in the ledger that the file still holds are applied again
    and scratch left-overs are removed (`erasure.after_open`).
    """
    try:
        store = casefile.unlock(
            root,
            passphrase=passphrase,
            recovery_key=recovery_key,
            use_keyring=use_keyring,
            full_check=full_check,
        )
    except DamagedCaseFile as damaged:
        raise naming_backup(root, damaged) from None
    from desktop.services import erasure  # casework and its imports: after the prompt

    return erasure.opened(store)


def check(store: Store, root: Path) -> None:
    """Check every page of the open case file; DamagedCaseFile naming the newest backup."""
    try:
        casefile.check_store(store)
    except DamagedCaseFile as damaged:
        raise naming_backup(root, damaged) from None


def as_damage(root: Path, error: BaseException, store: Store | None = None) -> DamagedCaseFile:
    """`error` (a DamagedCaseFile, or SQLite's "malformed" or "not a database" raised while the
    case file was in use) as DamagedCaseFile naming the newest backup. Use `is_damage` first."""
    damaged = error if isinstance(error, DamagedCaseFile) else DamagedCaseFile()
    if store is not None and damaged.backups_folder is None:
        damaged.backups_folder = casefile.backups_folder_of(store)
    return naming_backup(root, damaged)


def is_damage(error: BaseException) -> bool:
    """True if `error` says the case file is damaged."""
    return isinstance(error, DamagedCaseFile) or database.is_damage(error)


def naming_backup(root: Path, damaged: DamagedCaseFile) -> DamagedCaseFile:
    """The error with the newest backup in the data folder's `backups` or the chosen folder."""
    if damaged.backup is not None:
        return damaged
    from desktop.services.backup import list_backups  # the store loads only on first use

    folders = [DataDir(root).backups]
    if damaged.backups_folder:
        folders.append(Path(damaged.backups_folder))
    found = [b for folder in folders for b in list_backups(folder)]
    newest = max(found, key=lambda b: b.created_at, default=None)
    if newest is None:
        return damaged.naming_backup(None, "", "", str(folders[-1]))
    made = newest.created_at.astimezone()
    return damaged.naming_backup(
        str(newest.path), f"made {made:%Y-%m-%d %H:%M}", f"vom {made:%d.%m.%Y %H:%M}", ""
    )


def close(store: Store) -> None:
    """Close the case file: the connection goes and the key is forgotten with it."""
    store.close()


def in_use(root: Path) -> bool:
    """True if another Welcome Desk window or command has the case file in `root` open."""
    from desktop.store.instance_lock import in_use

    return in_use(root)


def keyring_configured(root: Path) -> bool:
    """True if the coordinator chose to unlock with the OS credential store."""
    try:
        return casefile.load_keyfile(root).uses_keyring
    except Exception:
        return False


def exists(root: Path) -> bool:
    """True if a case file (or a part of one) is in `root`."""
    return DataDir(root).exists()


def status(store: Store, root: Path) -> CaseFileStatus:
    """Counts, schema version and this device's fingerprint."""
    from desktop.sync.identity import ensure_identity

    identity = ensure_identity(store)
    return CaseFileStatus(
        root,
        store.counts(),
        store.device_id,
        identity.text(),
        identity.fingerprint(),
        keyring_configured(root),
    )


def database_size(root: Path) -> int:
    """The size of the case file in bytes (0 if it cannot be read)."""
    try:
        return DataDir(root).database.stat().st_size
    except OSError:
        return 0
