"""The committed test vectors give their documented outcomes; the script reproduces them."""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import json
import zlib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.sync.bundle import BundleError, decrypt_payload, read_header, verify_signature
from desktop.sync.payload import Blob, Devices, decode_payload

FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "bundles"
VECTORS: dict[str, Any] = json.loads((FOLDER / "vectors.json").read_text(encoding="utf-8"))


def make_vectors() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_vectors", FOLDER / "make_vectors.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def summary(items: list[Devices | list[Any] | Blob]) -> dict[str, Any]:
    """The decoded payload in the form vectors.json records it."""
    devices = items[0]
    assert isinstance(devices, Devices)
    changes = [
        [c.entity, c.row_id, c.field_group, c.value, c.hlc, c.origin, c.origin_seq, c.prev_hlc]
        for batch in items[1:]
        if isinstance(batch, list)
        for c in batch
    ]
    blobs = [{"sha256": b.sha256, "size": len(b.data)} for b in items if isinstance(b, Blob)]
    return {"devices": list(devices.devices), "names": devices.names, "changes": changes,
            "blobs": blobs}  # fmt: skip


def open_vector(path: Path) -> tuple[str, dict[str, Any]]:
    """Open as an importer does, trusting only the documented sender key."""
    keys = VECTORS["keys"]
    try:
        header = read_header(path)
        if header.sender_signing_key.hex() != keys["sender_signing_public"]:
            return "untrusted", {}
        digest = verify_signature(path, header)
        private = bytes.fromhex(keys[VECTORS["open_with"]])
        plaintext = b"".join(decrypt_payload(path, header, private, digest))
        items = list(decode_payload([plaintext]))
    except BundleError as exc:
        return exc.reason, {}
    return "valid", {"payload_sha256": hashlib.sha256(plaintext).hexdigest(),
                     "content": summary(items)}  # fmt: skip


@pytest.mark.parametrize("vector", VECTORS["vectors"], ids=lambda v: v["file"])
def test_each_vector_gives_its_documented_outcome(vector: dict[str, Any]) -> None:
    data = (FOLDER / vector["file"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == vector["file_sha256"]
    result, found = open_vector(FOLDER / vector["file"])
    assert result == vector["outcome"]
    if result == "valid":
        assert found == {"payload_sha256": vector["payload_sha256"], "content": vector["content"]}


def test_every_vector_file_is_described() -> None:
    described = {v["file"] for v in VECTORS["vectors"]}
    assert {p.name for p in FOLDER.glob("*.wdb")} == described
    assert {v["outcome"] for v in VECTORS["vectors"]} >= {
        "valid", "not_a_bundle", "unknown_version", "bad_signature", "not_for_me", "damaged"
    }  # fmt: skip


def test_the_script_reproduces_the_committed_vectors_byte_for_byte(tmp_path: Path) -> None:
    script = make_vectors()
    committed = FOLDER / "valid.wdb"
    header = read_header(committed)
    private = bytes.fromhex(VECTORS["keys"]["recipient_exchange_private"])
    plaintext = b"".join(
        decrypt_payload(committed, header, private, verify_signature(committed, header))
    )
    if script.payload(False) != plaintext:
        pytest.skip(f"this zlib ({zlib.ZLIB_RUNTIME_VERSION}) compresses differently")
    written = script.write_vectors(tmp_path)
    assert sorted(p.name for p in written) == sorted(script.NAMES)
    for path in written:
        assert path.read_bytes() == (FOLDER / path.name).read_bytes(), path.name


def test_the_script_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    script = make_vectors()
    assert script.main(["--out", str(tmp_path)]) == 0
    first = (tmp_path / "valid.wdb").read_bytes()
    (tmp_path / "valid.wdb").write_bytes(b"kept")
    assert script.main(["--out", str(tmp_path)]) == 1
    assert (tmp_path / "valid.wdb").read_bytes() == b"kept"
    assert script.main(["--out", str(tmp_path), "--force"]) == 0
    assert (tmp_path / "valid.wdb").read_bytes() == first


def hkdf(ikm: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(ikm)


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def open_as_documented(data: bytes, private: bytes) -> bytes:
    """docs/sync-format.md followed step by step, without desktop.sync: the plaintext payload."""
    assert data[:8] == b"WDBUNDLE" and int.from_bytes(data[8:10], "big") == 1
    end = 14 + int.from_bytes(data[10:14], "big")
    header = json.loads(data[14:end])
    signed = b"welcome-desk bundle v1 signature\x00" + hashlib.sha512(data[:-64]).digest()
    Ed25519PublicKey.from_public_bytes(unb64(header["sender"]["signing_key"])).verify(
        data[-64:], signed
    )
    me = X25519PrivateKey.from_private_bytes(private)
    mine = me.public_key().public_bytes_raw()
    (stanza,) = [
        r for r in header["recipients"] if r["key_id"] == hashlib.sha256(mine).hexdigest()[:16]
    ]
    ephemeral = unb64(stanza["ephemeral"])
    shared = me.exchange(X25519PublicKey.from_public_bytes(ephemeral))
    wrap_key = hkdf(shared, ephemeral + mine, b"welcome-desk bundle v1 file key")
    file_key = ChaCha20Poly1305(wrap_key).decrypt(bytes(12), unb64(stanza["wrapped_key"]), None)
    payload_key = hkdf(
        file_key, hashlib.sha256(data[:end]).digest(), b"welcome-desk bundle v1 payload"
    )
    region = data[end:-64]
    chunks = [region[i : i + 65_552] for i in range(0, len(region), 65_552)]
    aead = ChaCha20Poly1305(payload_key)
    return b"".join(
        aead.decrypt(i.to_bytes(11, "big") + bytes([i == len(chunks) - 1]), chunk, None)
        for i, chunk in enumerate(chunks)
    )


@pytest.mark.parametrize("name", ["valid.wdb", "valid_two_chunks.wdb"])
def test_the_documented_steps_open_the_valid_vectors(name: str) -> None:
    (vector,) = [v for v in VECTORS["vectors"] if v["file"] == name]
    private = bytes.fromhex(VECTORS["keys"]["recipient_exchange_private"])
    plaintext = open_as_documented((FOLDER / name).read_bytes(), private)
    assert hashlib.sha256(plaintext).hexdigest() == vector["payload_sha256"]
    records = zlib.decompress(plaintext)
    assert records[0] == 0x01 and records[-1:] == b"}"
