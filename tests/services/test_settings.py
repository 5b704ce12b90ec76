"""Settings of the installation, the OS keyring switch and changing the passphrase."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from desktop.domain.errors import InvalidInput, WrongPassphrase
from desktop.services import settings
from desktop.services.settings import Settings
from desktop.store import casefile
from desktop.store.store import Store
from tests.services.keyed_case import PASSPHRASE, keyed_case

NEW_PASSPHRASE = "ein neuer langer Satz"


@pytest.fixture
def case(tmp_path: Path) -> Iterator[tuple[Path, Store, str]]:
    """A case file as `casefile.create` makes it, with cheap Argon2id: (root, store, recovery)."""
    root, store, recovery = keyed_case(tmp_path)
    yield root, store, recovery
    store.close()


# -- settings -------------------------------------------------------------------------------------


def test_a_new_case_file_has_the_default_settings(store: Store) -> None:
    assert settings.load_settings(store) == Settings("de", 10, "")


def test_saved_settings_come_back(store: Store) -> None:
    chosen = Settings(language="en", idle_lock_minutes=45, office_name="Welcome Center Lörrach")
    settings.save_settings(store, chosen)
    assert settings.load_settings(store) == chosen
    settings.save_settings(store, dataclasses.replace(chosen, office_name="  KIM Kreis Lörrach "))
    assert settings.load_settings(store).office_name == "KIM Kreis Lörrach"


@pytest.mark.parametrize(
    ("bad", "field"),
    [
        (Settings(language="fr"), "language"),
        (Settings(idle_lock_minutes=0), "idle_lock_minutes"),
        (Settings(idle_lock_minutes=241), "idle_lock_minutes"),
        (Settings(office_name="x" * 201), "office_name"),
    ],
)
def test_invalid_settings_are_refused_and_nothing_is_saved(
    store: Store, bad: Settings, field: str
) -> None:
    settings.save_settings(store, Settings("en", 30, "Büro"))
    with pytest.raises(InvalidInput) as refused:
        settings.save_settings(store, bad)
    assert refused.value.field == field
    assert refused.value.text("de").endswith(".")
    assert settings.load_settings(store) == Settings("en", 30, "Büro")


def test_the_idle_lock_limits_themselves_are_allowed(store: Store) -> None:
    for minutes in (1, 240):
        settings.save_settings(store, Settings(idle_lock_minutes=minutes))
        assert settings.load_settings(store).idle_lock_minutes == minutes


def test_an_unusable_stored_value_falls_back_to_its_default(store: Store) -> None:
    store.set_meta("setting.language", "tlh")  # e.g. written by a newer version
    store.set_meta("setting.idle_lock_minutes", "soon")
    assert settings.load_settings(store) == Settings()


# -- keyring --------------------------------------------------------------------------------------


def test_the_keyring_is_off_until_switched_on(case: tuple[Path, Store, str]) -> None:
    root, _store, _ = case
    assert settings.keyring_enabled(root) is False
    assert settings.keyring_enabled(root.parent / "nowhere") is False


def test_switching_the_keyring_on_needs_the_passphrase(case, _isolated_keyring) -> None:
    root, store, _ = case
    with pytest.raises(WrongPassphrase):
        settings.set_keyring(root, store, "not the passphrase", True)
    assert settings.keyring_enabled(root) is False and _isolated_keyring.entries == {}
    assert settings.set_keyring(root, store, PASSPHRASE, True) is True
    assert settings.keyring_enabled(root) is True
    unlocked = casefile.unlock(root, use_keyring=True)  # no passphrase asked
    unlocked.close()


def test_switching_the_keyring_off_forgets_the_key(case, _isolated_keyring) -> None:
    root, store, _ = case
    settings.set_keyring(root, store, PASSPHRASE, True)
    assert settings.set_keyring(root, store, "", False) is False
    assert settings.keyring_enabled(root) is False
    assert _isolated_keyring.entries == {}
    with pytest.raises(WrongPassphrase):
        casefile.unlock(root, use_keyring=True)  # falls back to the (missing) passphrase


def test_without_a_usable_os_store_the_keyring_stays_off(case) -> None:
    root, store, _ = case
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        assert settings.set_keyring(root, store, PASSPHRASE, True) is False
    finally:
        keyring.set_keyring(previous)
    assert settings.keyring_enabled(root) is False


# -- passphrase -----------------------------------------------------------------------------------


def test_changing_the_passphrase_keeps_recovery_key_and_keyring_working(case) -> None:
    root, store, recovery = case
    settings.set_keyring(root, store, PASSPHRASE, True)
    database_before = (root / "casefile.db").read_bytes()
    settings.change_passphrase(root, PASSPHRASE, NEW_PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        casefile.unlock(root, passphrase=PASSPHRASE, use_keyring=False)
    for way in (
        {"passphrase": NEW_PASSPHRASE, "use_keyring": False},
        {"recovery_key": recovery},
        {"use_keyring": True},
    ):
        casefile.unlock(root, **way).close()  # type: ignore[arg-type]
    assert settings.keyring_enabled(root) is True
    assert (root / "casefile.db").read_bytes() == database_before  # re-wrapped, not re-encrypted


def test_a_wrong_old_or_a_too_short_new_passphrase_changes_nothing(case) -> None:
    root, _store, _ = case
    keys_before = (root / "keys.json").read_bytes()
    with pytest.raises(WrongPassphrase):
        settings.change_passphrase(root, "not the passphrase", NEW_PASSPHRASE)
    with pytest.raises(InvalidInput) as short:
        settings.change_passphrase(root, PASSPHRASE, "kurz")
    assert short.value.field == "passphrase"
    assert (root / "keys.json").read_bytes() == keys_before
    casefile.unlock(root, passphrase=PASSPHRASE, use_keyring=False).close()
