"""Settings of this installation, and care of the key: passphrase, recovery key, OS keyring.

Settings live in the case file's meta table: they belong to this installation, are not case data
and record no change rows (they never travel by sync). Every change to the key is recorded in the
audit trail, never with a secret in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.domain.errors import CannotUnlock, DamagedCaseFile, InvalidInput, NoCaseFile
from desktop.services import audit
from desktop.services.casefile import check_new_passphrase
from desktop.store import casefile
from desktop.store.keys import KeyFile
from desktop.store.store import Store

LANGUAGES = ("de", "en")
IDLE_LOCK_RANGE = (1, 240)
MAX_OFFICE_NAME = 200
_PREFIX = "setting."


@dataclass(frozen=True)
class Settings:
    """What the coordinator can set for this installation."""

    language: str = "de"
    idle_lock_minutes: int = 10
    office_name: str = ""


_DEFAULTS = Settings()


def _validate(settings: Settings) -> None:
    if settings.language not in LANGUAGES:
        raise InvalidInput(
            "language",
            f"'{settings.language}' is not a language of Welcome Desk; choose de or en.",
            f"'{settings.language}' ist keine Sprache von Welcome Desk; möglich sind de und en.",
        )
    low, high = IDLE_LOCK_RANGE
    minutes = settings.idle_lock_minutes
    if type(minutes) is not int or not low <= minutes <= high:
        raise InvalidInput(
            "idle_lock_minutes",
            f"The idle lock time must be between {low} and {high} minutes.",
            f"Die Sperrzeit bei Inaktivität muss zwischen {low} und {high} Minuten liegen.",
        )
    if len(settings.office_name) > MAX_OFFICE_NAME:
        raise InvalidInput(
            "office_name",
            f"The office name may have at most {MAX_OFFICE_NAME} characters.",
            f"Der Name der Stelle darf höchstens {MAX_OFFICE_NAME} Zeichen haben.",
        )


def load_settings(store: Store) -> Settings:
    """The saved settings; a value missing or unusable (from a newer version) is the default."""
    language = store.meta(_PREFIX + "language", _DEFAULTS.language) or _DEFAULTS.language
    raw_minutes = store.meta(_PREFIX + "idle_lock_minutes")
    try:
        minutes = int(raw_minutes) if raw_minutes is not None else _DEFAULTS.idle_lock_minutes
    except ValueError:
        minutes = _DEFAULTS.idle_lock_minutes
    low, high = IDLE_LOCK_RANGE
    return Settings(
        language=language if language in LANGUAGES else _DEFAULTS.language,
        idle_lock_minutes=minutes if low <= minutes <= high else _DEFAULTS.idle_lock_minutes,
        office_name=store.meta(_PREFIX + "office_name", "") or "",
    )


def save_settings(store: Store, settings: Settings) -> None:
    """Validate and save the settings (InvalidInput names the field; nothing saved then)."""
    _validate(settings)
    store.set_meta(_PREFIX + "language", settings.language)
    store.set_meta(_PREFIX + "idle_lock_minutes", str(settings.idle_lock_minutes))
    store.set_meta(_PREFIX + "office_name", settings.office_name.strip())


def keyring_enabled(root: Path) -> bool:
    """True if the case file in `root` is set to unlock with the OS credential store."""
    try:
        return casefile.load_keyfile(root).uses_keyring
    except CannotUnlock:
        return False


def _keyfile(root: Path, store: Store) -> KeyFile:
    """The key file in `root`, refused if it belongs to another case file than `store`."""
    keyfile = casefile.load_keyfile(root)
    case_id = store.meta("case_id")
    if case_id is not None and case_id != keyfile.case_id:
        raise DamagedCaseFile(
            "Its key file belongs to another case file.",
            "Ihre Schlüsseldatei gehört zu einer anderen Fallakte.",
        )
    return keyfile


def set_keyring(root: Path, store: Store, passphrase: str, enabled: bool) -> bool:
    """Turn "unlock with my Windows account" on or off; True if the OS store holds the key now.

    Turning it on needs the passphrase (WrongPassphrase otherwise); False then means the system
    has no usable credential store. Turning it off removes the key from the OS store.
    """
    if not enabled:
        forget_keyring(root, store)
        return False
    keyfile = _keyfile(root, store)
    return keyfile.remember_in_keyring(keyfile.unlock_with_passphrase(passphrase))


def forget_keyring(root: Path, store: Store) -> None:
    """Remove the data key from the OS credential store and clear the flag; quiet if not there."""
    keyfile = _keyfile(root, store)
    was_on = keyfile.uses_keyring
    keyfile.forget_keyring()
    if was_on:
        audit.record(store, "keyring_forgotten")


def change_passphrase(root: Path, old: str, new: str, store: Store | None = None) -> None:
    """Re-wrap the data key by a new passphrase (the database is not re-encrypted).

    InvalidInput if the new one is too short, WeakPassphrase if it is too easy to guess (with
    `store`, also checked against the office's and the coordinator's names), WrongPassphrase if
    the old one is wrong; the recovery key and a key kept in the OS store go on working. With
    `store`, the change is recorded in the audit trail.
    """
    if store is None:
        check_new_passphrase(new)
    else:
        check_new_passphrase(new, load_settings(store).office_name, audit.coordinator_name(store))
    keyfile = casefile.load_keyfile(root) if store is None else _keyfile(root, store)
    keyfile.change_passphrase(keyfile.unlock_with_passphrase(old), new)
    if store is not None:
        audit.record(store, "passphrase_changed")


def new_recovery_key(root: Path, store: Store, passphrase: str) -> str:
    """Make a new recovery key and return it; the old one stops working at once.

    Needs the current passphrase (WrongPassphrase otherwise; nothing changes then). keys.json is
    rewritten atomically; the passphrase and a key kept in the OS store go on working.
    """
    keyfile = _keyfile(root, store)
    key = keyfile.new_recovery_key(keyfile.unlock_with_passphrase(passphrase))
    audit.record(store, "recovery_key_renewed")
    return key


def check_settings(settings: Settings) -> None:
    """Refuse settings that cannot be saved (InvalidInput names the field), without saving:
    a window checks typed values at once, before the save goes to the case file."""
    _validate(settings)


def remove_keyring_entry(root: Path) -> None:
    """Take the key of the case file in `root` out of the OS credential store, without unlocking
    and without changing keys.json (the uninstaller does this before the program goes).

    keys.json keeps saying "keyring", so the next start finds no key there and quietly asks for
    the passphrase; the passphrase and the recovery key open the case file as before. Quiet if
    there is no case file or no entry; DamagedCaseFile if keys.json cannot be read.
    """
    try:
        keyfile = KeyFile.load(casefile.DataDir(root).keys)
    except NoCaseFile:
        return
    keyfile.remove_keyring_entry()
