"""This installation's identity: an Ed25519 signing key and an X25519 key, kept in the case file.

The public identity is one copyable string; its fingerprint (digit groups over a hash of both public
keys) is short enough to compare by phone or side by side.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.domain.errors import InvalidInput
from desktop.store.store import Store

PREFIX = "wd1:"


@dataclass(frozen=True)
class PublicIdentity:
    """What a colleague needs to trust this installation: both public keys."""

    signing_key: bytes
    exchange_key: bytes

    def text(self) -> str:
        """The identity as one copyable string."""
        raw = self.signing_key + self.exchange_key
        return PREFIX + base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")

    @classmethod
    def parse(cls, text: str) -> PublicIdentity:
        """The identity in a string a colleague sent (spaces and line breaks are ignored)."""
        compact = "".join(text.split())
        raw = b""
        if compact.startswith(PREFIX):
            body = compact[len(PREFIX) :]
            try:
                raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
            except ValueError:
                raw = b""
        if len(raw) != 64:
            raise InvalidInput(
                "identity",
                "This is not a Welcome Desk identity: it starts with wd1: and comes from"
                " your colleague's Welcome Desk (Sync, My identity).",
                "Das ist keine Welcome-Desk-Identität: Sie beginnt mit wd1: und stammt aus"
                " Welcome Desk der Kollegin oder des Kollegen (Abgleich, Meine Identität).",
            )
        return cls(raw[:32], raw[32:])

    def fingerprint(self) -> str:
        """Eight groups of five digits over SHA-256 of both public keys."""
        digest = hashlib.sha256(b"welcome-desk identity v1" + self.signing_key + self.exchange_key)
        chunks = [digest.digest()[i : i + 4] for i in range(0, 32, 4)]
        return " ".join(f"{int.from_bytes(c, 'big') % 100000:05d}" for c in chunks)


def ensure_identity(store: Store) -> PublicIdentity:
    """This installation's public identity, creating its keys on first use."""
    signing = store.meta("identity_signing_key")
    exchange = store.meta("identity_exchange_key")
    if signing is None or exchange is None:
        signing = Ed25519PrivateKey.generate().private_bytes_raw().hex()
        exchange = X25519PrivateKey.generate().private_bytes_raw().hex()
        store.set_meta("identity_signing_key", signing)
        store.set_meta("identity_exchange_key", exchange)
    return _public(signing, exchange)


def rotate_identity(store: Store) -> PublicIdentity:
    """New signing and exchange keys for this installation (after a lost laptop: the copy on it
    holds the old ones). Colleagues must add the new identity; bundles signed with the old key
    are refused from then on, and bundles for the old key can no longer be opened here."""
    signing = Ed25519PrivateKey.generate().private_bytes_raw().hex()
    exchange = X25519PrivateKey.generate().private_bytes_raw().hex()
    with store.transaction():  # both keys or neither
        store.set_meta("identity_signing_key", signing)
        store.set_meta("identity_exchange_key", exchange)
    return _public(signing, exchange)


def _public(signing: str, exchange: str) -> PublicIdentity:
    ed = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(signing)).public_key()
    x = X25519PrivateKey.from_private_bytes(bytes.fromhex(exchange)).public_key()
    return PublicIdentity(
        ed.public_bytes(Encoding.Raw, PublicFormat.Raw),
        x.public_bytes(Encoding.Raw, PublicFormat.Raw),
    )


@dataclass(frozen=True)
class PrivateKeys:
    """This installation's private keys (they never leave the encrypted case file)."""

    signing: bytes
    exchange: bytes


def private_keys(store: Store) -> PrivateKeys:
    """The private keys behind `ensure_identity`."""
    ensure_identity(store)
    return PrivateKeys(
        bytes.fromhex(store.meta("identity_signing_key") or ""),
        bytes.fromhex(store.meta("identity_exchange_key") or ""),
    )
