"""The sync bundle's byte format (v1): encrypt, then sign; see docs/sync-format.md.

File = preamble | header | payload | signature. The payload is the plaintext cut into authenticated
chunks bound to the exact header bytes; the Ed25519 signature covers everything before it and is
checked before anything is decrypted. Files are read streaming, never whole.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.fsutil import fsync_folder, new_temporary, replace, storage_error
from desktop.sync.header import (
    CHUNK,
    FILE_KEY_INFO,
    KINDS,
    MAGIC,
    MAX_HEADER,
    MAX_INT,
    MAX_RECIPIENTS,
    MAX_VECTOR,
    PAYLOAD_INFO,
    PREAMBLE,
    READ_SIZE,
    REASONS,
    SEALED_CHUNK,
    SIGNATURE,
    SIGNATURE_CONTEXT,
    TAG,
    VERSION,
    BundleError,
    Header,
    Stanza,
    b64,
    canonical_json,
    key_id,
    parse_head,
    read_header,
    strict_json,
)

__all__ = [
    "CHUNK",
    "KINDS",
    "MAGIC",
    "MAX_HEADER",
    "MAX_INT",
    "MAX_RECIPIENTS",
    "MAX_VECTOR",
    "PREAMBLE",
    "REASONS",
    "SEALED_CHUNK",
    "SIGNATURE",
    "SIGNATURE_CONTEXT",
    "TAG",
    "VERSION",
    "BundleError",
    "Header",
    "Stanza",
    "b64",
    "decrypt_payload",
    "key_id",
    "read_header",
    "strict_json",
    "verify_signature",
    "write_bundle",
]


def _hkdf(ikm: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(ikm)


def _wrap(file_key: bytes, recipient: bytes, ephemeral: X25519PrivateKey) -> dict[str, str]:
    eph_pub = ephemeral.public_key().public_bytes_raw()
    try:
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient))
    except ValueError:
        shared = bytes(32)
    if shared == bytes(32):
        raise ValueError("recipient key gives an all-zero shared secret")
    wrap_key = _hkdf(shared, eph_pub + recipient, FILE_KEY_INFO)
    wrapped = ChaCha20Poly1305(wrap_key).encrypt(bytes(12), file_key, None)
    return {"key_id": key_id(recipient), "ephemeral": b64(eph_pub), "wrapped_key": b64(wrapped)}


def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _cut(payload: Iterable[bytes]) -> Iterator[tuple[bytes, bool]]:
    """Re-cut plaintext pieces into CHUNK-sized chunks, flagging the last one."""
    buf = bytearray()
    for piece in payload:
        buf += piece
        while len(buf) > CHUNK:  # strictly more: a full chunk may still turn out to be the last
            yield bytes(buf[:CHUNK]), False
            del buf[:CHUNK]
    yield bytes(buf), True


def _stanzas_for(
    file_key: bytes, recipients: Sequence[bytes], ephemerals: Sequence[bytes] | None
) -> list[dict[str, str]]:
    if not 1 <= len(recipients) <= MAX_RECIPIENTS:
        raise ValueError(f"a bundle needs 1 to {MAX_RECIPIENTS} recipients")
    if ephemerals is not None and len(ephemerals) != len(recipients):
        raise ValueError("one ephemeral key per recipient")
    keys = [X25519PrivateKey.from_private_bytes(e) for e in ephemerals] if ephemerals else None
    return [
        _wrap(file_key, r, keys[i] if keys else X25519PrivateKey.generate())
        for i, r in enumerate(recipients)
    ]


def _preamble(header_length: int) -> bytes:
    return MAGIC + VERSION.to_bytes(2, "big") + header_length.to_bytes(4, "big")


def _head(fields: dict[str, Any]) -> bytes:
    """Preamble and canonical header, checked with the reader's own parser."""
    header = canonical_json(fields)
    head = _preamble(len(header)) + header
    try:
        parse_head(head)
    except BundleError as exc:
        raise ValueError(f"invalid bundle header: {exc.detail}") from None
    return head


def write_bundle(
    target: Path,
    *,
    bundle_id: str,
    kind: str,
    created_hlc: int,
    sender_device: str,
    signing_private_key: bytes,
    exchange_public_key: bytes,
    base: Mapping[str, int],
    vector: Mapping[str, int],
    recipients: Sequence[bytes],
    payload: Iterable[bytes],
    file_key: bytes | None = None,
    ephemeral_private_keys: Sequence[bytes] | None = None,
) -> int:
    """Encrypt `payload` for `recipients`, sign, and write atomically to `target`; the size."""
    signer = Ed25519PrivateKey.from_private_bytes(signing_private_key)
    file_key = os.urandom(32) if file_key is None else file_key
    if len(file_key) != 32:
        raise ValueError("the file key is 32 bytes")
    head = _head(
        {
            "bundle_id": bundle_id,
            "kind": kind,
            "created_hlc": created_hlc,
            "sender": {
                "device": sender_device,
                "signing_key": b64(signer.public_key().public_bytes_raw()),
                "exchange_key": b64(exchange_public_key),
            },
            "base": dict(base),
            "vector": dict(vector),
            "recipients": _stanzas_for(file_key, recipients, ephemeral_private_keys),
        }
    )
    return _write_atomically(target, lambda out: _emit(out, head, file_key, signer, payload))


def _emit(
    out: IO[bytes],
    head: bytes,
    file_key: bytes,
    signer: Ed25519PrivateKey,
    payload: Iterable[bytes],
) -> None:
    digest = hashlib.sha512(head)
    out.write(head)
    aead = ChaCha20Poly1305(_hkdf(file_key, hashlib.sha256(head).digest(), PAYLOAD_INFO))
    for index, (chunk, last) in enumerate(_cut(payload)):
        sealed = aead.encrypt(_nonce(index, last), chunk, None)
        digest.update(sealed)
        out.write(sealed)
    out.write(signer.sign(SIGNATURE_CONTEXT + digest.digest()))


def _write_atomically(target: Path, fill: Callable[[IO[bytes]], None]) -> int:
    tmp_name: str | None = None
    try:
        fd, tmp_name = new_temporary(target.parent, f".{target.name}.", ".part")
        with os.fdopen(fd, "wb", buffering=READ_SIZE) as out:
            fill(out)
            out.flush()
            os.fsync(out.fileno())
            size = out.tell()
        replace(tmp_name, target)
        tmp_name = None
        fsync_folder(target.parent)
        return size
    except OSError as exc:
        raise storage_error(exc) from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


# --- reading ------------------------------------------------------------------------------------


def _hash_region(f: IO[bytes], digest: Any, length: int) -> int:
    """Feed the next `length` bytes of `f` to `digest`; the number of bytes actually read."""
    done = 0
    while done < length:
        block = f.read(min(READ_SIZE, length - done))
        if not block:
            break
        digest.update(block)
        done += len(block)
    return done


def verify_signature(path: Path, header: Header) -> bytes:
    """Check the sender's signature in one streaming pass; the SHA-512 digest it covers."""
    with path.open("rb", buffering=READ_SIZE) as f:
        size = os.fstat(f.fileno()).st_size
        if size < header.header_end + SIGNATURE:
            raise BundleError("bad_signature", "the file is too short to hold a signature")
        head = f.read(header.header_end)
        if not _same_header(head, header):
            raise BundleError("changed_while_reading", "the header is not the one read before")
        digest = hashlib.sha512(head)
        region = size - SIGNATURE - header.header_end
        if _hash_region(f, digest, region) != region:
            raise BundleError("changed_while_reading", "the file shrank while being read")
        signature = f.read(SIGNATURE)
    try:
        key = Ed25519PublicKey.from_public_bytes(header.sender_signing_key)
        key.verify(signature, SIGNATURE_CONTEXT + digest.digest())
    except (InvalidSignature, ValueError):
        raise BundleError("bad_signature", "the signature does not match") from None
    return digest.digest()


def _same_header(head: bytes, header: Header) -> bool:
    try:
        return parse_head(head) == header
    except BundleError:
        return False


def _unwrap(header: Header, exchange_private_key: bytes) -> bytes:
    me = X25519PrivateKey.from_private_bytes(exchange_private_key)
    my_public = me.public_key().public_bytes_raw()
    mine = key_id(my_public)
    for stanza in header.recipients:
        if stanza.key_id != mine:
            continue
        try:
            shared = me.exchange(X25519PublicKey.from_public_bytes(stanza.ephemeral))
            if shared == bytes(32):
                continue
            wrap_key = _hkdf(shared, stanza.ephemeral + my_public, FILE_KEY_INFO)
            return ChaCha20Poly1305(wrap_key).decrypt(bytes(12), stanza.wrapped_key, None)
        except (InvalidTag, ValueError):
            continue
    raise BundleError("not_for_me", "no recipient entry opens with this device's key")


def decrypt_payload(
    path: Path, header: Header, exchange_private_key: bytes, digest: bytes
) -> Iterator[bytes]:
    """Plaintext pieces in order, decrypted in a second streaming pass after verify_signature.

    `not_for_me` is raised by the call itself; `damaged` and `changed_while_reading` while
    iterating. Apply nothing until the iterator is exhausted without error.
    """
    file_key = _unwrap(header, exchange_private_key)
    return _decrypt(path, header, file_key, digest)


def _decrypt(path: Path, header: Header, file_key: bytes, digest: bytes) -> Iterator[bytes]:
    with path.open("rb", buffering=READ_SIZE) as f:
        size = os.fstat(f.fileno()).st_size
        try:
            again = hashlib.sha512()
            yield from _open_chunks(f, header, file_key, size, again)
        except BundleError:
            if _unchanged(f, header, size, digest):
                raise
            raise BundleError("changed_while_reading", "the file changed between passes") from None
        if again.digest() != digest:
            raise BundleError("changed_while_reading", "the file changed between passes")


def _open_chunks(
    f: IO[bytes], header: Header, file_key: bytes, size: int, again: Any
) -> Iterator[bytes]:
    head = f.read(header.header_end)
    again.update(head)
    aead = ChaCha20Poly1305(_hkdf(file_key, hashlib.sha256(head).digest(), PAYLOAD_INFO))
    region = size - SIGNATURE - header.header_end
    if region < TAG:
        raise BundleError("damaged", "the payload holds no chunk")
    count = -(-region // SEALED_CHUNK)
    last_size = region - (count - 1) * SEALED_CHUNK
    if last_size < TAG or (count > 1 and last_size == TAG):
        raise BundleError("damaged", "the last chunk is cut or empty")
    for index in range(count):
        sealed = f.read(SEALED_CHUNK if index < count - 1 else last_size)
        again.update(sealed)
        try:
            yield aead.decrypt(_nonce(index, index == count - 1), sealed, None)
        except InvalidTag:
            raise BundleError("damaged", f"chunk {index} fails authentication") from None


def _unchanged(f: IO[bytes], header: Header, size: int, digest: bytes) -> bool:
    """After a failure: are the signed bytes still what the signature pass saw?"""
    f.seek(0)
    again = hashlib.sha512()
    length = size - SIGNATURE
    return length >= header.header_end and (
        _hash_region(f, again, length) == length and again.digest() == digest
    )
