"""The wrapped data key of a case file (keys.json): passphrase, recovery key and OS keyring.

The database is encrypted by a random 32-byte data key. It is stored only wrapped (AES-256-GCM)
by a key derived from the passphrase (Argon2id) and by one derived from the recovery key (HKDF),
and optionally kept in the operating system's credential store. Nothing here logs or prints.
"""

from __future__ import annotations

import base64
import contextlib
import errno
import hashlib
import hmac
import json
import os
import re
import unicodedata
import uuid
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.domain.errors import (
    DamagedCaseFile,
    InvalidInput,
    NoCaseFile,
    RecoveryKeyTypo,
    StorageFailed,
    WrongPassphrase,
    WrongRecoveryKey,
)
from desktop.domain.passphrases import MIN_LENGTH, assess
from desktop.fsutil import atomic_write_bytes

KEYRING_SERVICE = "Welcome Desk"

FORMAT = "welcome-desk-keys"
VERSION = 1
KEY_LEN = 32
MIN_PASSPHRASE = MIN_LENGTH
_SECRET_LEN = 18  # random bytes of a recovery key; 2 checksum bytes follow
_CHECK_LEN = 2
_SALT_LEN = 16
_NONCE_LEN = 12
_MAX_FILE = 64 * 1024
_HKDF_INFO = b"welcome-desk recovery v1"
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_RFC4648 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_TO_CROCKFORD = str.maketrans(_RFC4648, _CROCKFORD)
_FROM_CROCKFORD = str.maketrans(_CROCKFORD, _RFC4648)


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters, stored with each passphrase wrap."""

    memory_kib: int = 65536
    iterations: int = 3
    lanes: int = 4

    def is_sane(self) -> bool:
        """True if Argon2id accepts these and they cannot make unlocking hang (≤ 4 GiB)."""
        return (
            1 <= self.lanes <= 64
            and 1 <= self.iterations <= 64
            and 8 * self.lanes <= self.memory_kib <= 4 * 1024 * 1024
        )


DEFAULT_KDF = KdfParams()


@dataclass(frozen=True)
class _Wrap:
    """One wrap of the data key: salt for the key derivation, then AES-256-GCM nonce and output."""

    salt: bytes
    nonce: bytes
    ciphertext: bytes
    kdf: KdfParams | None = None  # None: HKDF-SHA256 (the recovery wrap)

    def to_dict(self) -> dict[str, Any]:
        kdf: dict[str, Any] = {"name": "hkdf-sha256"}
        if self.kdf is not None:
            kdf = {"name": "argon2id", **asdict(self.kdf)}
        encoded = {name: _b64(getattr(self, name)) for name in ("salt", "nonce", "ciphertext")}
        return {"kdf": kdf, "cipher": "aes-256-gcm", **encoded}

    @classmethod
    def from_dict(cls, d: dict[str, Any], kdf_name: str) -> _Wrap:
        if d["kdf"]["name"] != kdf_name or d["cipher"] != "aes-256-gcm":
            raise ValueError("unknown algorithm")
        kdf = None
        if kdf_name == "argon2id":
            numbers = [d["kdf"][name] for name in ("memory_kib", "iterations", "lanes")]
            kdf = KdfParams(*numbers)
            if any(type(n) is not int for n in numbers) or not kdf.is_sane():
                raise ValueError("kdf parameters")
        salt, nonce = _unb64(d["salt"], _SALT_LEN), _unb64(d["nonce"], _NONCE_LEN)
        return cls(salt, nonce, _unb64(d["ciphertext"], KEY_LEN + 16), kdf)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str, length: int) -> bytes:
    data = base64.b64decode(text.encode("ascii"), validate=True)
    if len(data) != length:
        raise ValueError("wrong length")
    return data


def validate_passphrase(p: str) -> None:
    """Raise InvalidInput("passphrase", …) if `p` is empty or shorter than 8 characters."""
    if not p:
        raise InvalidInput("passphrase", "Please enter a passphrase.", "Bitte Passphrase eingeben.")
    if len(unicodedata.normalize("NFC", p)) < MIN_PASSPHRASE:
        raise InvalidInput(
            "passphrase",
            f"The passphrase needs at least {MIN_PASSPHRASE} characters.",
            f"Die Passphrase braucht mindestens {MIN_PASSPHRASE} Zeichen.",
        )


def passphrase_strength(p: str) -> int:
    """zxcvbn's estimate from 0 (guessed at once) to 4 (strong); 0 below 8 characters."""
    return assess(p).score if p else 0


def format_recovery_key(raw: bytes) -> str:
    """Show an 18-byte recovery secret and its 2-byte checksum as 8 groups of 4 (Crockford)."""
    if len(raw) != _SECRET_LEN:
        raise ValueError(f"a recovery secret has {_SECRET_LEN} bytes")
    text = base64.b32encode(raw + _checksum(raw)).decode("ascii").translate(_TO_CROCKFORD)
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes:
    """The 18-byte secret of a typed recovery key; forgiving about case, spaces, hyphens, O/I/L.

    Raises WrongRecoveryKey if the text is not 32 letters and digits, RecoveryKeyTypo if its check
    characters do not match (a typo), naming the group of four that a single wrong or two swapped
    characters point to.
    """
    cleaned = re.sub(r"[\s\-]", "", text).upper().translate(str.maketrans("OIL", "011"))
    if len(cleaned) != 32 or any(c not in _CROCKFORD for c in cleaned):
        raise WrongRecoveryKey()
    secret = _checked_secret(cleaned)
    if secret is None:
        raise RecoveryKeyTypo(_typo_group(cleaned))
    return secret


def _checked_secret(cleaned: str) -> bytes | None:
    """The secret of 32 Crockford characters, or None if its check characters do not match."""
    raw = base64.b32decode(cleaned.translate(_FROM_CROCKFORD))
    secret, check = raw[:_SECRET_LEN], raw[_SECRET_LEN:]
    return secret if hmac.compare_digest(check, _checksum(secret)) else None


def _typo_group(cleaned: str) -> int | None:
    """The group (1 to 8) in which one changed character or two swapped neighbours make the check
    characters match; None if no such repair exists or repairs point to different groups.

    The 16 check bits catch every such typo; a random repair matches with odds of 1 in 65,536 per
    try (about 1,000 tries), so a group is named only if every matching repair lies in it.
    """
    groups: set[int] = set()
    for i in range(len(cleaned)):
        for c in _CROCKFORD:
            if c != cleaned[i] and _checked_secret(cleaned[:i] + c + cleaned[i + 1 :]):
                groups.add(i // 4)
        if i + 1 < len(cleaned) and cleaned[i] != cleaned[i + 1]:
            swapped = cleaned[:i] + cleaned[i + 1] + cleaned[i] + cleaned[i + 2 :]
            if _checked_secret(swapped):
                groups.update({i // 4, (i + 1) // 4})
    return groups.pop() + 1 if len(groups) == 1 else None


def _checksum(secret: bytes) -> bytes:
    return hashlib.sha256(secret).digest()[:_CHECK_LEN]


def _key_check(data_key: bytes) -> str:
    return hashlib.sha256(data_key).digest()[:8].hex()


def _ad(case_id: str, purpose: str) -> bytes:
    return f"welcome-desk/keys/v1/{case_id}/{purpose}".encode()


def _argon2(passphrase: str, salt: bytes, kdf: KdfParams) -> bytes:
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return Argon2id(
        salt=salt,
        length=KEY_LEN,
        iterations=kdf.iterations,
        lanes=kdf.lanes,
        memory_cost=kdf.memory_kib,
    ).derive(secret)


def _hkdf(secret: bytes, salt: bytes) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=KEY_LEN, salt=salt, info=_HKDF_INFO)
    return hkdf.derive(secret)


def _seal(key: bytes, data_key: bytes, ad: bytes, salt: bytes, kdf: KdfParams | None) -> _Wrap:
    nonce = os.urandom(_NONCE_LEN)
    return _Wrap(salt, nonce, AESGCM(key).encrypt(nonce, data_key, ad), kdf)


def _wrap_passphrase(data_key: bytes, passphrase: str, kdf: KdfParams, case_id: str) -> _Wrap:
    if not kdf.is_sane():
        raise ValueError("unusable Argon2id parameters")
    salt = os.urandom(_SALT_LEN)
    wrapping_key = _argon2(passphrase, salt, kdf)
    return _seal(wrapping_key, data_key, _ad(case_id, "passphrase"), salt, kdf)


def _wrap_recovery(data_key: bytes, case_id: str) -> tuple[_Wrap, str]:
    secret, salt = os.urandom(_SECRET_LEN), os.urandom(_SALT_LEN)
    wrap = _seal(_hkdf(secret, salt), data_key, _ad(case_id, "recovery"), salt, None)
    return wrap, format_recovery_key(secret)


@dataclass(eq=False, repr=False)
class KeyFile:
    """The wrapped data key of one case file (keys.json)."""

    path: Path
    case_id: str  # random uuid4; bound into every wrap as AEAD associated data
    _key_check: str  # SHA-256(data_key)[:8], hex: tells a stale keyring entry or a wrong key
    _passphrase: _Wrap
    _recovery: _Wrap
    _keyring: bool = False

    @classmethod
    def create(
        cls, path: Path, passphrase: str, *, kdf: KdfParams = DEFAULT_KDF
    ) -> tuple[KeyFile, bytes, str]:
        """Make a new data key, wrap it by the passphrase and a fresh recovery key, write the file.

        Returns (keyfile, data_key, recovery_key_text). Raises FileExistsError if `path` exists,
        InvalidInput for a too short passphrase, StorageFailed if the disk refuses.
        """
        path = Path(path)
        if path.exists():
            raise FileExistsError(errno.EEXIST, "The key file already exists", str(path))
        validate_passphrase(passphrase)
        case_id, data_key = str(uuid.uuid4()), os.urandom(KEY_LEN)
        wrap = _wrap_passphrase(data_key, passphrase, kdf, case_id)
        recovery, recovery_text = _wrap_recovery(data_key, case_id)
        keyfile = cls(path, case_id, _key_check(data_key), wrap, recovery)
        atomic_write_bytes(path, keyfile._to_json())
        return keyfile, data_key, recovery_text

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        """Read keys.json; NoCaseFile if it is missing, DamagedCaseFile if it cannot be used."""
        path = Path(path)
        try:
            with path.open("rb") as f:
                blob = f.read(_MAX_FILE + 1)
        except FileNotFoundError:
            raise NoCaseFile(str(path.parent)) from None
        except OSError:
            raise DamagedCaseFile(
                "Its key file could not be read.", "Ihre Schlüsseldatei ist nicht lesbar."
            ) from None
        try:
            return cls._from_json(path, blob)
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
            raise DamagedCaseFile() from None

    @property
    def uses_keyring(self) -> bool:
        """True if the data key was put in the OS credential store (a flag in keys.json)."""
        return self._keyring

    def unlock_with_passphrase(self, passphrase: str) -> bytes:
        """The data key, or WrongPassphrase (also if keys.json was tampered with)."""
        wrap = self._passphrase
        try:
            wrapping_key = _argon2(passphrase, wrap.salt, wrap.kdf or DEFAULT_KDF)
            return self._open(wrapping_key, wrap, "passphrase")
        except (InvalidTag, ValueError):
            raise WrongPassphrase() from None

    def unlock_with_recovery_key(self, text: str) -> bytes:
        """The data key, or WrongRecoveryKey (RecoveryKeyTypo for a typo the check characters
        catch; WrongRecoveryKey itself for another case file's key or a tampered keys.json)."""
        secret = parse_recovery_key(text)
        try:
            return self._open(_hkdf(secret, self._recovery.salt), self._recovery, "recovery")
        except (InvalidTag, ValueError):
            raise WrongRecoveryKey() from None

    def change_passphrase(
        self, data_key: bytes, new_passphrase: str, *, kdf: KdfParams | None = None
    ) -> None:
        """Re-wrap the data key by a new passphrase; recovery key and database stay as they are."""
        self._require_key(data_key)
        validate_passphrase(new_passphrase)
        params = kdf or self._passphrase.kdf or DEFAULT_KDF
        self._save(_passphrase=_wrap_passphrase(data_key, new_passphrase, params, self.case_id))

    def new_recovery_key(self, data_key: bytes) -> str:
        """Make a fresh recovery key (returned) in place of the old one, which stops working."""
        self._require_key(data_key)
        wrap, text = _wrap_recovery(data_key, self.case_id)
        self._save(_recovery=wrap)
        return text

    def remember_in_keyring(self, data_key: bytes) -> bool:
        """Keep the data key in the OS credential store; False (quietly) if none is usable."""
        self._require_key(data_key)
        secret = base64.b64encode(data_key).decode("ascii")
        try:
            keyring = _keyring()
            keyring.set_password(KEYRING_SERVICE, self.case_id, secret)
            stored = keyring.get_password(KEYRING_SERVICE, self.case_id)
        except Exception:  # whatever the backend raises, there is no usable keyring
            return False
        if stored is None or not hmac.compare_digest(stored, secret):
            return False  # a backend that accepts and forgets
        try:
            self._save(_keyring=True)
        except StorageFailed:
            self._delete_keyring_entry()
            raise
        return True

    def unlock_with_keyring(self) -> bytes | None:
        """The data key from the OS credential store, or None if absent, unavailable or wrong."""
        if not self._keyring:
            return None
        try:
            stored = _keyring().get_password(KEYRING_SERVICE, self.case_id)
            data_key = base64.b64decode((stored or "").encode("ascii"), validate=True)
        except Exception:
            return None
        return data_key if len(data_key) == KEY_LEN and self._matches(data_key) else None

    def remove_keyring_entry(self) -> None:
        """Remove the data key from the OS credential store but keep keys.json as it is (the
        uninstaller's cleanup: unlocking then falls back to the passphrase); quiet if absent."""
        self._delete_keyring_entry()

    def forget_keyring(self) -> None:
        """Remove the data key from the OS credential store; quiet if nothing is there."""
        self._delete_keyring_entry()
        if self._keyring:
            self._save(_keyring=False)

    def _open(self, wrapping_key: bytes, wrap: _Wrap, purpose: str) -> bytes:
        data_key = AESGCM(wrapping_key).decrypt(
            wrap.nonce, wrap.ciphertext, _ad(self.case_id, purpose)
        )
        if len(data_key) != KEY_LEN or not self._matches(data_key):
            raise ValueError("the unwrapped key does not match")
        return data_key

    def _matches(self, data_key: bytes) -> bool:
        return hmac.compare_digest(_key_check(data_key), self._key_check)

    def _require_key(self, data_key: bytes) -> None:
        # Wrapping a wrong key would lock the coordinator out of the case file for good.
        if len(data_key) != KEY_LEN or not self._matches(data_key):
            raise ValueError("this is not the data key of this case file")

    def _delete_keyring_entry(self) -> None:
        with contextlib.suppress(Exception):
            _keyring().delete_password(KEYRING_SERVICE, self.case_id)

    def _save(self, **changes: Any) -> None:
        """Write keys.json with `changes`; `self` changes only once the file is safely on disk."""
        new = replace(self, **changes)
        atomic_write_bytes(self.path, new._to_json())
        vars(self).update(vars(new))

    def _to_json(self) -> bytes:
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "case_id": self.case_id,
            "key_check": self._key_check,
            "wraps": {
                "passphrase": self._passphrase.to_dict(),
                "recovery": self._recovery.to_dict(),
            },
            "keyring": self._keyring,
        }
        return (json.dumps(doc, indent=2) + "\n").encode("utf-8")

    @classmethod
    def _from_json(cls, path: Path, blob: bytes) -> KeyFile:
        doc = json.loads(blob.decode("utf-8")) if len(blob) <= _MAX_FILE else {}
        if doc["format"] != FORMAT:
            raise ValueError("not a key file")
        if doc["version"] != VERSION:
            raise DamagedCaseFile(
                "Its key file has a version this Welcome Desk does not know.",
                "Ihre Schlüsseldatei hat eine Version, die dieses Welcome Desk nicht kennt.",
            )
        case_id, key_check, uses_keyring = doc["case_id"], doc["key_check"], doc["keyring"]
        if str(uuid.UUID(case_id)) != case_id or not re.fullmatch(r"[0-9a-f]{16}", key_check):
            raise ValueError("case_id or key_check")
        if not isinstance(uses_keyring, bool):
            raise ValueError("keyring")
        passphrase = _Wrap.from_dict(doc["wraps"]["passphrase"], "argon2id")
        recovery = _Wrap.from_dict(doc["wraps"]["recovery"], "hkdf-sha256")
        return cls(path, case_id, key_check, passphrase, recovery, uses_keyring)


def _keyring() -> Any:
    """The keyring package, imported when the credential store is first used: it takes a good
    part of the start-up time, and most starts never need it (only "unlock with my account")."""
    import keyring

    return keyring
