"""The wrapped data key (keys.json): real files, real crypto; only the OS keyring is replaced."""

from __future__ import annotations

import base64
import errno
import json
import os
import re
import unicodedata
import uuid
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.errors import (
    DamagedCaseFile,
    InvalidInput,
    NoCaseFile,
    RecoveryKeyTypo,
    StorageFailed,
    WrongPassphrase,
    WrongRecoveryKey,
)
from desktop.store.keys import (
    KEYRING_SERVICE,
    KdfParams,
    KeyFile,
    format_recovery_key,
    parse_recovery_key,
    passphrase_strength,
    validate_passphrase,
)

FAST = KdfParams(memory_kib=1024, iterations=1, lanes=1)
PASSPHRASE = "Grüße aus dem Büro 2026"
RECOVERY_PATTERN = re.compile(r"^[A-Z0-9]{4,}(-[A-Z0-9]{4,})+$")


@pytest.fixture
def memory_keyring(_isolated_keyring):
    """The in-memory keyring every test gets from tests/conftest.py."""
    return _isolated_keyring


@pytest.fixture
def no_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def case(tmp_path: Path) -> tuple[KeyFile, bytes, str]:
    return KeyFile.create(tmp_path / "keys.json", PASSPHRASE, kdf=FAST)


def edit_json(path: Path, change) -> None:
    doc = json.loads(path.read_text("utf-8"))
    change(doc)
    path.write_text(json.dumps(doc), "utf-8")


# ---------------------------------------------------------------- create and unlock


def test_passphrase_and_recovery_key_unlock_the_same_data_key(case):
    keyfile, data_key, recovery = case
    again = KeyFile.load(keyfile.path)
    assert len(data_key) == 32
    assert again.unlock_with_passphrase(PASSPHRASE) == data_key
    assert again.unlock_with_recovery_key(recovery) == data_key
    assert again.case_id == keyfile.case_id


def test_defaults_are_strong_argon2id_and_still_unlock(tmp_path):
    keyfile, data_key, _ = KeyFile.create(tmp_path / "keys.json", PASSPHRASE)
    kdf = json.loads(keyfile.path.read_text("utf-8"))["wraps"]["passphrase"]["kdf"]
    assert kdf == {"name": "argon2id", "memory_kib": 65536, "iterations": 3, "lanes": 4}
    assert KeyFile.load(keyfile.path).unlock_with_passphrase(PASSPHRASE) == data_key


def test_wrong_passphrase_is_refused(case):
    keyfile, _, _ = case
    with pytest.raises(WrongPassphrase):
        keyfile.unlock_with_passphrase(PASSPHRASE + "!")
    with pytest.raises(WrongPassphrase):
        keyfile.unlock_with_passphrase("")


def test_recovery_key_looks_like_the_printed_sheet_says(case):
    _, _, recovery = case
    assert RECOVERY_PATTERN.match(recovery)
    assert len(recovery) == 8 * 4 + 7


def test_recovery_key_with_one_changed_character_is_refused(case):
    keyfile, _, recovery = case
    for i in (0, 17, len(recovery) - 1):
        other = "A" if recovery[i] != "A" else "B"
        with pytest.raises(WrongRecoveryKey):
            keyfile.unlock_with_recovery_key(recovery[:i] + other + recovery[i + 1 :])


def swapped(key: str, i: int) -> str:
    """`key` with the characters at `i` and `i + 1` swapped."""
    return key[:i] + key[i + 1] + key[i] + key[i + 2 :]


SECRETS = [bytes([n]) * 18 for n in range(1, 6)] + [bytes(range(40, 58))]


@pytest.mark.parametrize("secret", SECRETS)
def test_two_swapped_characters_in_group_3_are_named(secret):
    key = format_recovery_key(secret)
    pairs = [i for i in range(10, 14) if key[i] != key[i + 1] and key[i + 1] != "-"]
    assert pairs, key  # group 3 is key[10:14]
    for i in pairs:
        with pytest.raises(RecoveryKeyTypo) as info:
            parse_recovery_key(swapped(key, i))
        assert info.value.group == 3
        assert info.value.text("en") == (
            "Group 3 does not match its check characters: please check it for a typo."
        )
        assert info.value.text("de") == (
            "Gruppe 3 passt nicht zu ihren Prüfzeichen: bitte prüfen Sie sie auf einen Tippfehler."
        )


@given(st.binary(min_size=18, max_size=18), st.integers(0, 31), st.integers(1, 31))
def test_a_typo_never_names_a_group_it_is_not_in(secret, position, shift):
    cleaned = format_recovery_key(secret).replace("-", "")
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    wrong = alphabet[(alphabet.index(cleaned[position]) + shift) % 32]
    with pytest.raises(RecoveryKeyTypo) as info:
        parse_recovery_key(cleaned[:position] + wrong + cleaned[position + 1 :])
    assert info.value.group in (None, position // 4 + 1)


def test_a_typo_is_told_apart_from_another_case_files_key(case):
    keyfile, _, recovery = case
    other = format_recovery_key(bytes(range(18)))  # check characters fine, of no case file
    with pytest.raises(WrongRecoveryKey) as info:
        keyfile.unlock_with_recovery_key(other)
    assert not isinstance(info.value, RecoveryKeyTypo)
    assert info.value.text("en") == "The recovery key is not correct."
    i = next(i for i in range(5, 9) if recovery[i] != recovery[i + 1])  # within group 2
    with pytest.raises(RecoveryKeyTypo) as typo:
        keyfile.unlock_with_recovery_key(swapped(recovery, i))
    assert typo.value.group in (2, None)


@pytest.mark.parametrize("text", ["", "1234", "not a key at all", "!" * 32, "U" * 32])
def test_malformed_recovery_key_is_a_wrong_recovery_key(case, text):
    keyfile, _, _ = case
    with pytest.raises(WrongRecoveryKey):
        keyfile.unlock_with_recovery_key(text)


def test_recovery_key_typed_sloppily_still_unlocks(case):
    keyfile, data_key, recovery = case
    sloppy = recovery.replace("-", "").lower().replace("0", "o").replace("1", "l")
    assert keyfile.unlock_with_recovery_key(sloppy) == data_key
    spaced = " ".join(recovery.split("-")).replace("1", "I")
    assert keyfile.unlock_with_recovery_key(f"  {spaced}\n") == data_key


def test_parse_accepts_o_for_zero_and_i_l_for_one():
    secret = b"\x08" + bytes(17)  # "1000-0000-…": a one, then many zeros
    text = format_recovery_key(secret)
    assert "0" in text and "1" in text
    assert parse_recovery_key(text.lower().replace("0", "O").replace("1", "l")) == secret
    assert parse_recovery_key(text.replace("-", "").replace("1", "i")) == secret


@given(st.binary(min_size=18, max_size=18))
def test_recovery_key_text_round_trips(secret):
    text = format_recovery_key(secret)
    assert RECOVERY_PATTERN.match(text)
    assert parse_recovery_key(text) == secret


@given(st.text(max_size=60))
def test_parsing_any_text_fails_only_as_wrong_recovery_key(text):
    try:
        secret = parse_recovery_key(text)
    except WrongRecoveryKey:
        return
    assert len(secret) == 18


def test_passphrase_typed_as_nfc_or_nfd_unlocks_the_same(tmp_path):
    composed = unicodedata.normalize("NFC", "Müller-Lüdenscheidt ß é")
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    keyfile, data_key, _ = KeyFile.create(tmp_path / "keys.json", decomposed, kdf=FAST)
    assert keyfile.unlock_with_passphrase(composed) == data_key
    assert keyfile.unlock_with_passphrase(decomposed) == data_key


def test_create_refuses_an_existing_path(case):
    keyfile, _, _ = case
    before = keyfile.path.read_bytes()
    with pytest.raises(FileExistsError):
        KeyFile.create(keyfile.path, "another passphrase", kdf=FAST)
    assert keyfile.path.read_bytes() == before


def test_create_refuses_a_short_passphrase(tmp_path):
    with pytest.raises(InvalidInput) as info:
        KeyFile.create(tmp_path / "keys.json", "kurz", kdf=FAST)
    assert info.value.field == "passphrase"
    assert not (tmp_path / "keys.json").exists()


# ---------------------------------------------------------------- changing secrets


def test_change_passphrase_keeps_data_key_and_recovery_key(case):
    keyfile, data_key, recovery = case
    keyfile.change_passphrase(data_key, "ein ganz neuer Satz")
    again = KeyFile.load(keyfile.path)
    with pytest.raises(WrongPassphrase):
        again.unlock_with_passphrase(PASSPHRASE)
    assert again.unlock_with_passphrase("ein ganz neuer Satz") == data_key
    assert again.unlock_with_recovery_key(recovery) == data_key
    assert keyfile.unlock_with_passphrase("ein ganz neuer Satz") == data_key


def test_change_passphrase_can_change_kdf_parameters(case):
    keyfile, data_key, _ = case
    stronger = KdfParams(memory_kib=2048, iterations=2, lanes=2)
    keyfile.change_passphrase(data_key, "ein ganz neuer Satz", kdf=stronger)
    kdf = json.loads(keyfile.path.read_text("utf-8"))["wraps"]["passphrase"]["kdf"]
    assert (kdf["memory_kib"], kdf["iterations"], kdf["lanes"]) == (2048, 2, 2)
    assert KeyFile.load(keyfile.path).unlock_with_passphrase("ein ganz neuer Satz") == data_key


def test_change_passphrase_with_a_wrong_data_key_changes_nothing(case):
    keyfile, _, _ = case
    before = keyfile.path.read_bytes()
    with pytest.raises(ValueError):
        keyfile.change_passphrase(os.urandom(32), "ein ganz neuer Satz")
    assert keyfile.path.read_bytes() == before


def test_new_recovery_key_replaces_the_old_one(case):
    keyfile, data_key, old = case
    new = keyfile.new_recovery_key(data_key)
    assert new != old and RECOVERY_PATTERN.match(new)
    again = KeyFile.load(keyfile.path)
    with pytest.raises(WrongRecoveryKey):
        again.unlock_with_recovery_key(old)
    assert again.unlock_with_recovery_key(new) == data_key
    assert again.unlock_with_passphrase(PASSPHRASE) == data_key


# ---------------------------------------------------------------- what is on disk


def encodings(secret: bytes) -> set[bytes]:
    forms = {
        secret,
        secret.hex().encode(),
        secret.hex().upper().encode(),
        base64.b64encode(secret),
        base64.urlsafe_b64encode(secret),
        base64.b64encode(secret).rstrip(b"="),
        base64.b32encode(secret),
        base64.b32encode(secret).lower(),
    }
    return {form for form in forms if form}


def test_keys_json_holds_no_secret_in_any_encoding(case, memory_keyring):
    keyfile, data_key, recovery = case
    keyfile.remember_in_keyring(data_key)
    new_recovery = keyfile.new_recovery_key(data_key)
    secrets = {data_key, PASSPHRASE.encode("utf-8")}
    for text in (recovery, new_recovery):
        secrets |= {text.encode(), text.replace("-", "").encode(), parse_recovery_key(text)}
    blob = keyfile.path.read_bytes()
    escaped = json.dumps(PASSPHRASE).encode()  # as JSON would write it
    assert escaped not in blob
    for secret in secrets:
        for form in encodings(secret):
            assert form not in blob
            assert form.lower() not in blob.lower()


def test_keys_json_layout(case):
    keyfile, _, _ = case
    doc = json.loads(keyfile.path.read_text("utf-8"))
    assert doc["format"] == "welcome-desk-keys"
    assert doc["version"] == 1
    assert doc["case_id"] == keyfile.case_id == str(uuid.UUID(keyfile.case_id))
    assert set(doc["wraps"]) == {"passphrase", "recovery"}
    assert doc["wraps"]["recovery"]["kdf"] == {"name": "hkdf-sha256"}
    assert doc["keyring"] is False


def test_load_of_a_missing_file_says_there_is_no_case_file(tmp_path):
    with pytest.raises(NoCaseFile) as info:
        KeyFile.load(tmp_path / "keys.json")
    assert str(tmp_path) in info.value.text("en")


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\xff garbage \x80",
        b"not json",
        b"[]",
        b'"welcome-desk-keys"',
        b'{"format": "something-else", "version": 1}',
        b"[" * 100_000,
    ],
)
def test_load_of_garbage_is_a_damaged_case_file(tmp_path, content):
    path = tmp_path / "keys.json"
    path.write_bytes(content)
    with pytest.raises(DamagedCaseFile):
        KeyFile.load(path)


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(version=2),
        lambda d: d.update(version="1"),
        lambda d: d.update(case_id="not-a-uuid"),
        lambda d: d.update(keyring="yes"),
        lambda d: d["wraps"].pop("recovery"),
        lambda d: d["wraps"]["passphrase"].update(nonce="!!!"),
        lambda d: d["wraps"]["passphrase"].update(salt=""),
        lambda d: d["wraps"]["passphrase"]["kdf"].update(name="scrypt"),
        lambda d: d["wraps"]["passphrase"]["kdf"].update(memory_kib=2**40),
        lambda d: d["wraps"]["passphrase"]["kdf"].update(iterations=True),
    ],
)
def test_load_of_unknown_version_or_broken_fields_is_a_damaged_case_file(case, change):
    keyfile, _, _ = case
    edit_json(keyfile.path, change)
    with pytest.raises(DamagedCaseFile):
        KeyFile.load(keyfile.path)


def flip_first_byte(wrap: dict) -> None:
    raw = bytearray(base64.b64decode(wrap["ciphertext"]))
    raw[0] ^= 0x01
    wrap["ciphertext"] = base64.b64encode(bytes(raw)).decode()


def test_tampered_ciphertext_is_refused_not_a_crash(case):
    keyfile, _, recovery = case
    edit_json(keyfile.path, lambda d: flip_first_byte(d["wraps"]["passphrase"]))
    edit_json(keyfile.path, lambda d: flip_first_byte(d["wraps"]["recovery"]))
    tampered = KeyFile.load(keyfile.path)
    with pytest.raises(WrongPassphrase):
        tampered.unlock_with_passphrase(PASSPHRASE)
    with pytest.raises(WrongRecoveryKey):
        tampered.unlock_with_recovery_key(recovery)


def test_changed_case_id_is_refused_not_a_crash(case):
    keyfile, _, recovery = case
    edit_json(keyfile.path, lambda d: d.update(case_id=str(uuid.uuid4())))
    tampered = KeyFile.load(keyfile.path)
    with pytest.raises(WrongPassphrase):
        tampered.unlock_with_passphrase(PASSPHRASE)
    with pytest.raises(WrongRecoveryKey):
        tampered.unlock_with_recovery_key(recovery)


# ---------------------------------------------------------------- atomic writes


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "keys.json")


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.ENOSPC, "full"),
        (errno.EROFS, "readonly"),
        (errno.EACCES, "readonly"),
        (errno.EIO, "io"),
    ],
)
@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_failed_write_leaves_keys_json_as_it_was(case, monkeypatch, code, reason, failing):
    keyfile, data_key, recovery = case
    before = keyfile.path.read_bytes()

    def refuse(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, failing, refuse)
    with pytest.raises(StorageFailed) as info:
        keyfile.change_passphrase(data_key, "ein ganz neuer Satz")
    with pytest.raises(StorageFailed):
        keyfile.new_recovery_key(data_key)
    monkeypatch.undo()
    assert info.value.reason == reason
    assert keyfile.path.read_bytes() == before
    assert leftovers(keyfile.path.parent) == []
    assert keyfile.unlock_with_passphrase(PASSPHRASE) == data_key  # the object did not change
    assert KeyFile.load(keyfile.path).unlock_with_recovery_key(recovery) == data_key


def test_create_on_a_full_disk_leaves_nothing_behind(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(StorageFailed) as info:
        KeyFile.create(tmp_path / "keys.json", PASSPHRASE, kdf=FAST)
    assert info.value.reason == "full"
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- OS keyring


def test_keyring_remembers_and_unlocks(case, memory_keyring):
    keyfile, data_key, _ = case
    assert keyfile.unlock_with_keyring() is None
    assert keyfile.remember_in_keyring(data_key) is True
    assert keyfile.uses_keyring
    assert (KEYRING_SERVICE, keyfile.case_id) in memory_keyring.entries
    again = KeyFile.load(keyfile.path)
    assert again.uses_keyring
    assert again.unlock_with_keyring() == data_key


def test_without_a_keyring_nothing_is_stored_and_nothing_printed(case, no_keyring, capsys, caplog):
    keyfile, data_key, _ = case
    before = keyfile.path.read_bytes()
    assert keyfile.remember_in_keyring(data_key) is False
    assert not keyfile.uses_keyring
    assert keyfile.unlock_with_keyring() is None
    keyfile.forget_keyring()
    assert keyfile.path.read_bytes() == before
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""
    assert caplog.records == []


def test_keyring_that_went_away_gives_none_quietly(case, memory_keyring, capsys):
    keyfile, data_key, _ = case
    keyfile.remember_in_keyring(data_key)
    keyring.set_keyring(keyring.backends.fail.Keyring())
    assert keyfile.unlock_with_keyring() is None
    assert capsys.readouterr() == ("", "")


def test_forget_removes_the_keyring_entry(case, memory_keyring):
    keyfile, data_key, _ = case
    keyfile.remember_in_keyring(data_key)
    keyfile.forget_keyring()
    assert memory_keyring.entries == {}
    assert not keyfile.uses_keyring
    assert not KeyFile.load(keyfile.path).uses_keyring
    assert keyfile.unlock_with_keyring() is None
    keyfile.forget_keyring()  # nothing there: still quiet


@pytest.mark.parametrize(
    "entry",
    [
        base64.b64encode(os.urandom(32)).decode(),
        "not base64 ✓",
        "",
        base64.b64encode(b"x").decode(),
    ],
)
def test_keyring_entry_holding_another_key_gives_none(case, memory_keyring, entry):
    keyfile, data_key, _ = case
    keyfile.remember_in_keyring(data_key)
    memory_keyring.entries[(KEYRING_SERVICE, keyfile.case_id)] = entry
    assert keyfile.unlock_with_keyring() is None


def test_keyring_entry_removed_behind_our_back_gives_none(case, memory_keyring):
    keyfile, data_key, _ = case
    keyfile.remember_in_keyring(data_key)
    memory_keyring.entries.clear()
    assert keyfile.unlock_with_keyring() is None


# ---------------------------------------------------------------- passphrase rules and hint


@pytest.mark.parametrize("weak", ["", "1234567", "ä" * 7])
def test_validate_passphrase_refuses_short_ones(weak):
    with pytest.raises(InvalidInput) as info:
        validate_passphrase(weak)
    assert info.value.field == "passphrase"
    assert info.value.text("de") and info.value.text("en")


def test_validate_passphrase_counts_characters_not_bytes():
    validate_passphrase("Grüße!!!")
    validate_passphrase(unicodedata.normalize("NFD", "Grüße!!!"))


@pytest.mark.parametrize(
    ("passphrase", "low", "high"),
    [
        ("", 0, 0),
        ("kurz", 0, 0),
        ("aaaaaaaaaaaa", 0, 0),
        ("password", 0, 0),
        ("Passwort123!", 0, 2),
        ("12345678", 0, 1),
        ("abcdefghij", 0, 1),
        ("willkommen2024", 0, 2),
        ("correct horse battery staple", 4, 4),
        ("Grüße aus dem Büro 2026", 4, 4),
    ],
)
def test_passphrase_strength_hint(passphrase, low, high):
    assert low <= passphrase_strength(passphrase) <= high


@given(st.text(max_size=80))
def test_passphrase_strength_is_always_0_to_4(passphrase):
    assert 0 <= passphrase_strength(passphrase) <= 4
