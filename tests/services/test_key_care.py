"""Key care: a new recovery key (the old one stops working), passphrase change, keyring forget."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.errors import DamagedCaseFile, InvalidInput, WrongPassphrase, WrongRecoveryKey
from desktop.services import audit, settings
from desktop.store import casefile
from desktop.store.keys import KeyFile
from desktop.store.store import Store
from tests.services.keyed_case import PASSPHRASE, keyed_case

NEW_PASSPHRASE = "ein neuer langer Satz"
KEY_ACTIONS = ("passphrase_changed", "recovery_key_renewed", "keyring_forgotten")


@pytest.fixture
def case(tmp_path: Path) -> Iterator[tuple[Path, Store, str]]:
    """A case file as `casefile.create` makes it, with cheap Argon2id: (root, store, recovery)."""
    root, store, recovery = keyed_case(tmp_path)
    yield root, store, recovery
    store.close()


def opens(root: Path, **secret: Any) -> bool:
    """True if the case file in `root` unlocks with this secret (the store is closed again)."""
    casefile.unlock(root, **secret).close()
    return True


def key_events(store: Store) -> list[audit.AuditEvent]:
    return audit.trail(store, actions=KEY_ACTIONS)


def test_after_a_new_recovery_key_the_old_one_fails(case: tuple[Path, Store, str]) -> None:
    root, store, old = case
    new = settings.new_recovery_key(root, store, PASSPHRASE)
    assert new != old
    with pytest.raises(WrongRecoveryKey):
        casefile.unlock(root, recovery_key=old)
    assert opens(root, recovery_key=new)
    assert opens(root, passphrase=PASSPHRASE)


def test_a_new_recovery_key_is_recorded_without_a_secret(case: tuple[Path, Store, str]) -> None:
    root, store, old = case
    new = settings.new_recovery_key(root, store, PASSPHRASE)
    events = key_events(store)
    assert [e.action for e in events] == ["recovery_key_renewed"]
    text = repr(events[0].detail) + audit.describe(events[0], "en")
    for secret in (old, new, PASSPHRASE, *new.split("-")):
        assert secret not in text


def test_a_wrong_passphrase_changes_nothing(case: tuple[Path, Store, str]) -> None:
    root, store, old = case
    before = (root / "keys.json").read_bytes()
    with pytest.raises(WrongPassphrase):
        settings.new_recovery_key(root, store, "not the passphrase")
    with pytest.raises(WrongPassphrase):
        settings.change_passphrase(root, "not the passphrase", NEW_PASSPHRASE, store=store)
    with pytest.raises(InvalidInput):
        settings.change_passphrase(root, PASSPHRASE, "kurz", store=store)
    assert (root / "keys.json").read_bytes() == before
    assert key_events(store) == []
    assert opens(root, recovery_key=old)


def test_a_changed_passphrase_is_recorded(case: tuple[Path, Store, str]) -> None:
    root, store, old = case
    settings.change_passphrase(root, PASSPHRASE, NEW_PASSPHRASE, store=store)
    assert opens(root, passphrase=NEW_PASSPHRASE) and opens(root, recovery_key=old)
    with pytest.raises(WrongPassphrase):
        casefile.unlock(root, passphrase=PASSPHRASE)
    events = key_events(store)
    assert [e.action for e in events] == ["passphrase_changed"]
    assert NEW_PASSPHRASE not in repr(events[0].detail)


def test_forgetting_removes_the_secret_and_the_flag(
    case: tuple[Path, Store, str], _isolated_keyring: Any
) -> None:
    root, store, _ = case
    assert settings.set_keyring(root, store, PASSPHRASE, True) is True
    assert _isolated_keyring.entries and settings.keyring_enabled(root)
    settings.forget_keyring(root, store)
    assert _isolated_keyring.entries == {}
    assert not settings.keyring_enabled(root)
    assert not KeyFile.load(root / "keys.json").uses_keyring
    assert [e.action for e in key_events(store)] == ["keyring_forgotten"]
    settings.forget_keyring(root, store)  # nothing there: quiet, and nothing to record
    assert len(key_events(store)) == 1
    assert opens(root, passphrase=PASSPHRASE)


def test_a_key_file_of_another_case_file_is_refused(
    case: tuple[Path, Store, str], tmp_path: Path
) -> None:
    root, store, _ = case
    store.set_meta("case_id", "00000000-0000-4000-8000-000000000000")
    before = (root / "keys.json").read_bytes()
    with pytest.raises(DamagedCaseFile):
        settings.new_recovery_key(root, store, PASSPHRASE)
    assert (root / "keys.json").read_bytes() == before


def test_a_weak_passphrase_is_refused_except_for_the_demo(tmp_path: Path) -> None:
    from desktop.domain.passphrases import WeakPassphrase
    from desktop.services import casefile as case_files

    with pytest.raises(WeakPassphrase):
        case_files.init(tmp_path / "real", "password")
    assert not case_files.exists(tmp_path / "real")
    demo = case_files.init(tmp_path / "demo", "password", check_strength=False)  # demo only
    demo.store.close()
    opens(tmp_path / "demo", passphrase="password")


def test_a_weak_new_passphrase_changes_nothing(case: tuple[Path, Store, str]) -> None:
    from desktop.domain.passphrases import WeakPassphrase

    root, store, _ = case
    audit.set_coordinator_name(store, "Anna Schmidt")
    before = (root / "keys.json").read_bytes()
    for weak in ("password", "AnnaSchmidt1985"):
        with pytest.raises(WeakPassphrase):
            settings.change_passphrase(root, PASSPHRASE, weak, store=store)
    assert (root / "keys.json").read_bytes() == before
    assert key_events(store) == []
