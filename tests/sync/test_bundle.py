"""The bundle byte format: what arrives intact opens; anything altered is refused, never applied."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.domain.errors import StorageFailed
from desktop.sync.bundle import (
    CHUNK,
    MAGIC,
    REASONS,
    SIGNATURE_CONTEXT,
    BundleError,
    Header,
    b64,
    decrypt_payload,
    key_id,
    read_header,
    verify_signature,
    write_bundle,
)
from desktop.sync.payload import decode_payload, encode_payload
from tests.windows_files import WindowsFiles

SENDER_DEVICE = "5e" * 16
OTHER_DEVICE = "0f" * 16
SEALED = CHUNK + 16


class Keys:
    """A sender and three colleagues' X25519 keys."""

    def __init__(self) -> None:
        self.signing = Ed25519PrivateKey.generate()
        self.exchange = X25519PrivateKey.generate()
        self.colleagues = [X25519PrivateKey.generate() for _ in range(3)]

    def public(self, i: int) -> bytes:
        return self.colleagues[i].public_key().public_bytes_raw()

    def private(self, i: int) -> bytes:
        return self.colleagues[i].private_bytes_raw()

    def signing_public(self) -> bytes:
        return self.signing.public_key().public_bytes_raw()


@pytest.fixture
def keys() -> Keys:
    return Keys()


def write(
    keys: Keys, target: Path, payload: bytes, recipients: Iterable[int] = (0,), **fixed: Any
) -> bytes:
    """Write a bundle of `payload` (in uneven pieces) and return its bytes."""
    pieces = [payload[i : i + 7_000] for i in range(0, len(payload), 7_000)]
    write_bundle(
        target,
        bundle_id="b1" * 16,
        kind="incremental",
        created_hlc=(1_767_348_000_000 << 16) | 3,
        sender_device=SENDER_DEVICE,
        signing_private_key=keys.signing.private_bytes_raw(),
        exchange_public_key=keys.exchange.public_key().public_bytes_raw(),
        base={SENDER_DEVICE: 4},
        vector={SENDER_DEVICE: 9, OTHER_DEVICE: 2},
        recipients=[keys.public(i) for i in recipients],
        payload=pieces,
        **fixed,
    )
    return target.read_bytes()


def open_bundle(path: Path, private: bytes) -> bytes:
    """All three steps, as the importer runs them; the plaintext."""
    header = read_header(path)
    digest = verify_signature(path, header)
    return b"".join(decrypt_payload(path, header, private, digest))


def outcome(path: Path, private: bytes) -> str:
    """'valid', or the reason of the BundleError raised at whichever step refused the file."""
    try:
        open_bundle(path, private)
    except BundleError as exc:
        return exc.reason
    return "valid"


def header_end(data: bytes) -> int:
    return 14 + int.from_bytes(data[10:14], "big")


def header_json(data: bytes) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(data[14 : header_end(data)])
    return result


def forge(header: bytes, region: bytes, signer: Ed25519PrivateKey, version: int = 1) -> bytes:
    """A file with any header bytes, signed by `signer` (as an attacker or a buggy sender would)."""
    body = MAGIC + version.to_bytes(2, "big") + len(header).to_bytes(4, "big") + header + region
    return body + signer.sign(SIGNATURE_CONTEXT + hashlib.sha512(body).digest())


def resign(data: bytes, signer: Ed25519PrivateKey) -> bytes:
    body = data[:-64]
    return body + signer.sign(SIGNATURE_CONTEXT + hashlib.sha512(body).digest())


def canonical(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":")).encode()


def flip_bit(data: bytes, bit: int) -> bytes:
    i = bit // 8
    return data[:i] + bytes([data[i] ^ (1 << (bit % 8))]) + data[i + 1 :]


# --- what arrives intact opens ---------------------------------------------------------------


@pytest.mark.parametrize("size", [0, 1, CHUNK, CHUNK + 1, 200_000])
def test_a_bundle_opens_to_exactly_what_was_written(keys: Keys, tmp_path: Path, size: int) -> None:
    payload = os.urandom(size)
    path = tmp_path / "b.wdb"
    data = write(keys, path, payload)
    chunks = max(1, -(-size // CHUNK))
    assert len(data) == header_end(data) + size + 16 * chunks + 64
    assert open_bundle(path, keys.private(0)) == payload
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_the_header_tells_who_sent_what_to_whom(keys: Keys, tmp_path: Path) -> None:
    path = tmp_path / "b.wdb"
    data = write(keys, path, b"x", recipients=(0, 1))
    header = read_header(path)
    assert header == Header(
        bundle_id="b1" * 16,
        kind="incremental",
        created_hlc=(1_767_348_000_000 << 16) | 3,
        sender_device=SENDER_DEVICE,
        sender_signing_key=keys.signing_public(),
        sender_exchange_key=keys.exchange.public_key().public_bytes_raw(),
        base={SENDER_DEVICE: 4},
        vector={SENDER_DEVICE: 9, OTHER_DEVICE: 2},
        recipients=header.recipients,
        header_end=header_end(data),
    )
    assert [s.key_id for s in header.recipients] == [key_id(keys.public(0)), key_id(keys.public(1))]
    assert data[14 : header.header_end] == canonical(header_json(data))


def test_every_recipient_can_open_it_and_nobody_else(keys: Keys, tmp_path: Path) -> None:
    path = tmp_path / "b.wdb"
    write(keys, path, b"for both of you" * 10_000, recipients=(0, 1))
    assert open_bundle(path, keys.private(0)) == open_bundle(path, keys.private(1))
    header = read_header(path)
    digest = verify_signature(path, header)
    with pytest.raises(BundleError) as caught:
        decrypt_payload(path, header, keys.private(2), digest)
    assert caught.value.reason == "not_for_me"


def test_a_matching_key_id_whose_key_does_not_unwrap_is_not_for_me(
    keys: Keys, tmp_path: Path
) -> None:
    path = tmp_path / "b.wdb"
    data = write(keys, path, b"x")
    header = header_json(data)
    header["recipients"][0]["key_id"] = key_id(keys.public(2))  # claims to be for colleague 2
    path.write_bytes(forge(canonical(header), data[header_end(data) : -64], keys.signing))
    assert outcome(path, keys.private(2)) == "not_for_me"


def test_fixed_keys_give_the_same_bytes_every_time(keys: Keys, tmp_path: Path) -> None:
    fixed = {"file_key": bytes(range(32)), "ephemeral_private_keys": [bytes(range(1, 33))]}
    first = write(keys, tmp_path / "1.wdb", b"same" * 1000, **fixed)
    assert write(keys, tmp_path / "2.wdb", b"same" * 1000, **fixed) == first


# --- anything altered is refused -------------------------------------------------------------


@pytest.fixture
def small(keys: Keys, tmp_path: Path) -> bytes:
    """A two-chunk bundle: 65,552 bytes of sealed chunk, then a short last chunk."""
    return write(keys, tmp_path / "small.wdb", os.urandom(CHUNK + 100))


def refused(keys: Keys, path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return outcome(path, keys.private(0))


def test_every_bit_flip_in_the_preamble_and_header_is_refused(
    keys: Keys, tmp_path: Path, small: bytes
) -> None:
    path = tmp_path / "flipped.wdb"
    reasons = {refused(keys, path, flip_bit(small, b)) for b in range(header_end(small) * 8)}
    assert "valid" not in reasons
    assert {"not_a_bundle", "unknown_version", "malformed_header", "bad_signature"} <= reasons


def test_every_bit_flip_in_the_signature_is_refused(
    keys: Keys, tmp_path: Path, small: bytes
) -> None:
    path = tmp_path / "flipped.wdb"
    start = (len(small) - 64) * 8
    reasons = {refused(keys, path, flip_bit(small, b)) for b in range(start, len(small) * 8)}
    assert reasons == {"bad_signature"}


def chunk_bits(start: int, length: int) -> list[int]:
    """Every bit of the first and last 64 bytes of a chunk, and a stride through its middle."""
    edges = [*range(start, start + 64), *range(start + length - 64, start + length)]
    return [b for i in edges for b in range(i * 8, i * 8 + 8)] + list(
        range((start + 64) * 8, (start + length - 64) * 8, 997)
    )


def test_bit_flips_in_the_first_and_last_chunk_are_refused(
    keys: Keys, tmp_path: Path, small: bytes
) -> None:
    path = tmp_path / "flipped.wdb"
    first = header_end(small)
    bits = chunk_bits(first, SEALED) + chunk_bits(first + SEALED, len(small) - 64 - first - SEALED)
    assert {refused(keys, path, flip_bit(small, b)) for b in bits} == {"bad_signature"}


def test_a_truncated_bundle_is_refused_wherever_it_is_cut(
    keys: Keys, tmp_path: Path, small: bytes
) -> None:
    end = header_end(small)
    cuts = [*range(end + 1), *range(end, len(small), 4099)]
    cuts += [end + SEALED, end + SEALED - 1, end + SEALED + 1, len(small) - 64, len(small) - 1]
    path = tmp_path / "cut.wdb"
    assert "valid" not in {refused(keys, path, small[:cut]) for cut in cuts}


@pytest.mark.parametrize("extra", [1, 64, SEALED])
def test_bytes_appended_to_a_bundle_are_refused(
    keys: Keys, tmp_path: Path, small: bytes, extra: int
) -> None:
    assert refused(keys, tmp_path / "long.wdb", small + os.urandom(extra)) == "bad_signature"


def chunks_of(data: bytes) -> list[bytes]:
    region = data[header_end(data) : -64]
    return [region[i : i + SEALED] for i in range(0, len(region), SEALED)]


def test_chunks_altered_by_the_sender_itself_are_refused(
    keys: Keys, tmp_path: Path, small: bytes
) -> None:
    """A (buggy) sender's valid signature does not excuse a broken chunk sequence."""
    head, (first, last), sign = small[: header_end(small)], chunks_of(small), small[-64:]
    other = chunks_of(write(keys, tmp_path / "other.wdb", os.urandom(CHUNK + 100)))
    altered = [
        head + first + sign,  # the last chunk dropped
        head + last + first + sign,  # re-ordered
        head + first + other[1] + sign,  # the last chunk swapped for another bundle's
        head + first + last + bytes(16) + sign,  # bytes after the last chunk
        head + first + last[:-1] + sign,  # the last chunk cut by one byte
        head + sign,  # no chunk at all
    ]
    path = tmp_path / "altered.wdb"
    assert {refused(keys, path, resign(data, keys.signing)) for data in altered} == {"damaged"}
    assert refused(keys, path, resign(small, keys.signing)) == "valid"


def test_a_full_chunk_then_an_empty_last_chunk_is_refused(keys: Keys, tmp_path: Path) -> None:
    """v1 ends a stream whose length is a multiple of CHUNK with a full chunk marked last."""
    file_key = bytes(range(32))
    data = write(keys, tmp_path / "full.wdb", os.urandom(CHUNK), file_key=file_key)
    head = data[: header_end(data)]
    salt = hashlib.sha256(head).digest()
    info = b"welcome-desk bundle v1 payload"
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(file_key)
    plain = open_bundle(tmp_path / "full.wdb", keys.private(0))
    aead = ChaCha20Poly1305(key)
    sealed = aead.encrypt(bytes(12), plain, None) + aead.encrypt(bytes(10) + b"\x01\x01", b"", None)
    path = tmp_path / "empty-last.wdb"
    assert refused(keys, path, resign(head + sealed + bytes(64), keys.signing)) == "damaged"


def test_trusting_the_signer_is_the_callers_decision(
    keys: Keys, tmp_path: Path, small: bytes
) -> None:
    """An attacker may re-order chunks and sign with their own key: read_header names that key."""
    attacker = Ed25519PrivateKey.generate()
    first, last = chunks_of(small)
    path = tmp_path / "forged.wdb"
    path.write_bytes(resign(small[: header_end(small)] + last + first + bytes(64), attacker))
    assert read_header(path).sender_signing_key == keys.signing_public()
    assert outcome(path, keys.private(0)) == "bad_signature"

    header = header_json(small)
    header["sender"]["signing_key"] = b64(attacker.public_key().public_bytes_raw())
    path.write_bytes(forge(canonical(header), last + first, attacker))
    forged = read_header(path)
    assert forged.sender_signing_key == attacker.public_key().public_bytes_raw()
    assert forged.sender_signing_key != keys.signing_public()  # the caller must refuse it here
    digest = verify_signature(path, forged)  # the attacker's own signature is fine...
    with pytest.raises(BundleError) as caught:  # ...but the header no longer fits the chunks
        b"".join(decrypt_payload(path, forged, keys.private(0), digest))
    assert caught.value.reason == "damaged"


# --- parser limits ---------------------------------------------------------------------------


def header_cases(valid: dict[str, Any]) -> dict[str, bytes]:
    """Header bytes that break one rule each."""

    def changed(edit: Callable[[dict[str, Any]], None]) -> bytes:
        h = json.loads(json.dumps(valid))
        edit(h)
        return canonical(h)

    stanza = valid["recipients"][0]
    text = canonical(valid).decode()
    many = {f"{i:032x}": i for i in range(10_001)}
    return {
        "duplicate key": ('{"kind":"full",' + text[1:]).encode(),
        "unknown key": changed(lambda h: h.update(note="hi")),
        "missing key": changed(lambda h: h.pop("base")),
        "bool as int": changed(lambda h: h.update(created_hlc=True)),
        "float": changed(lambda h: h.update(created_hlc=1.0)),
        "negative": changed(lambda h: h["vector"].update({SENDER_DEVICE: -1})),
        "too large": changed(lambda h: h.update(created_hlc=2**63)),
        "NaN": text.replace('"created_hlc":', '"created_hlc":NaN,"x":').encode(),
        "bad hex": changed(lambda h: h.update(bundle_id="B1" * 16)),
        "short hex": changed(lambda h: h["sender"].update(device="5e" * 15)),
        "bad kind": changed(lambda h: h.update(kind="partial")),
        "padded base64": changed(
            lambda h: h["sender"].update(signing_key=stanza["ephemeral"] + "=")
        ),
        "short key": changed(lambda h: h["sender"].update(exchange_key=stanza["ephemeral"][:-2])),
        "wrapped key size": changed(lambda h: h["recipients"][0].update(wrapped_key="AAAA")),
        "no recipients": changed(lambda h: h.update(recipients=[])),
        "17 recipients": changed(lambda h: h.update(recipients=[stanza] * 17)),
        "stanza key": changed(lambda h: h["recipients"][0].update(extra=1)),
        "vector of 10,001": changed(lambda h: h.update(vector=many)),
        "not an object": b"[1,2,3]",
        "not JSON": b"{nope}",
        "not UTF-8": text.replace('"incremental"', '"incr\xe9mental"').encode("latin-1"),
        "BOM": b"\xef\xbb\xbf" + text.encode(),
        "deeply nested": b"[" * 60_000 + b"]" * 5_000,
    }


def test_headers_breaking_a_limit_are_malformed(keys: Keys, tmp_path: Path, small: bytes) -> None:
    path = tmp_path / "h.wdb"
    region = small[header_end(small) : -64]
    for name, header in header_cases(header_json(small)).items():
        reason = refused(keys, path, forge(header, region, keys.signing))
        assert reason == "malformed_header", name


def test_sixteen_recipients_are_allowed(keys: Keys, tmp_path: Path) -> None:
    more = [X25519PrivateKey.generate() for _ in range(13)]
    keys.colleagues += more
    write(keys, tmp_path / "b.wdb", b"hello", recipients=range(16))
    assert open_bundle(tmp_path / "b.wdb", more[-1].private_bytes_raw()) == b"hello"


@pytest.mark.parametrize("length", [0, 65_537, 2**32 - 1])
def test_a_header_length_out_of_bounds_is_malformed(
    keys: Keys, tmp_path: Path, small: bytes, length: int
) -> None:
    data = small[:10] + length.to_bytes(4, "big") + small[14:]
    assert refused(keys, tmp_path / "h.wdb", data) == "malformed_header"


@pytest.mark.parametrize("version", [0, 2, 0xFFFF])
def test_another_version_is_refused_as_unknown(
    keys: Keys, tmp_path: Path, small: bytes, version: int
) -> None:
    data = small[:8] + version.to_bytes(2, "big") + small[10:]
    assert refused(keys, tmp_path / "v.wdb", data) == "unknown_version"


@pytest.mark.parametrize(
    "data",
    [b"", os.urandom(5_000), b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", MAGIC, MAGIC + b"\x00\x01\x00"],
    ids=["empty", "random", "pdf", "magic only", "short preamble"],
)
def test_other_files_are_not_bundles(keys: Keys, tmp_path: Path, data: bytes) -> None:
    assert refused(keys, tmp_path / "x.wdb", data) == "not_a_bundle"


def test_bundle_error_reasons_are_a_closed_list() -> None:
    assert BundleError("damaged", "chunk 3").reason == "damaged"
    assert set(REASONS) == {
        "not_a_bundle", "unknown_version", "malformed_header", "bad_signature", "not_for_me",
        "damaged", "changed_while_reading",
    }  # fmt: skip
    with pytest.raises(ValueError):
        BundleError("oops")


# --- a file replaced on a shared folder while it is read -------------------------------------


def test_a_file_replaced_between_the_passes_is_noticed(keys: Keys, tmp_path: Path) -> None:
    path, other = tmp_path / "b.wdb", tmp_path / "other.wdb"
    write(keys, path, os.urandom(CHUNK + 100))
    write(keys, other, os.urandom(CHUNK + 100))
    header = read_header(path)
    digest = verify_signature(path, header)
    os.replace(other, path)
    with pytest.raises(BundleError) as caught:
        b"".join(decrypt_payload(path, header, keys.private(0), digest))
    assert caught.value.reason == "changed_while_reading"


def test_a_replacement_that_still_decrypts_is_noticed_at_the_end(
    keys: Keys, tmp_path: Path
) -> None:
    fixed = {"file_key": bytes(range(32)), "ephemeral_private_keys": [bytes(range(1, 33))]}
    path, other = tmp_path / "b.wdb", tmp_path / "other.wdb"
    write(keys, path, b"first version", **fixed)
    write(keys, other, b"other version", **fixed)  # same header bytes, so the same payload key
    header = read_header(path)
    digest = verify_signature(path, header)
    os.replace(other, path)
    pieces = decrypt_payload(path, header, keys.private(0), digest)
    assert next(pieces) == b"other version"
    with pytest.raises(BundleError) as caught:
        next(pieces)
    assert caught.value.reason == "changed_while_reading"


def test_decoding_the_payload_to_its_end_also_finishes_the_file_check(
    keys: Keys, tmp_path: Path
) -> None:
    """The importer only iterates decode_payload: its end must still reach the digest check."""
    fixed = {"file_key": bytes(range(32)), "ephemeral_private_keys": [bytes(range(1, 33))]}
    path, other = tmp_path / "b.wdb", tmp_path / "other.wdb"
    write(keys, path, b"".join(encode_payload([SENDER_DEVICE], {}, [], [])), **fixed)
    write(keys, other, b"".join(encode_payload([OTHER_DEVICE], {}, [], [])), **fixed)
    header = read_header(path)
    digest = verify_signature(path, header)
    os.replace(other, path)
    items = decode_payload(decrypt_payload(path, header, keys.private(0), digest))
    with pytest.raises(BundleError) as caught:
        list(items)
    assert caught.value.reason == "changed_while_reading"


def test_a_file_replaced_before_the_signature_check_is_noticed(keys: Keys, tmp_path: Path) -> None:
    path, other = tmp_path / "b.wdb", tmp_path / "other.wdb"
    write(keys, path, b"one")
    write(keys, other, b"two")
    header = read_header(path)
    os.replace(other, path)
    with pytest.raises(BundleError) as caught:
        verify_signature(path, header)
    assert caught.value.reason == "changed_while_reading"


# --- writing ---------------------------------------------------------------------------------


def test_a_missing_folder_is_a_storage_failure(keys: Keys, tmp_path: Path) -> None:
    with pytest.raises(StorageFailed):
        write(keys, tmp_path / "gone" / "b.wdb", b"x")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_rename_leaves_no_temporary_file(keys: Keys, tmp_path: Path) -> None:
    (tmp_path / "b.wdb").mkdir()  # a folder where the bundle should go
    with pytest.raises(StorageFailed):
        write(keys, tmp_path / "b.wdb", b"x" * 200_000)
    assert [p.name for p in tmp_path.iterdir()] == ["b.wdb"]


@pytest.mark.skipif(
    sys.platform == "win32",
    reason="Windows ignores a folder's read-only attribute (the access list is tested below)",
)
def test_a_read_only_folder_is_a_storage_failure(keys: Keys, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("this user may write into read-only folders (root)")
        with pytest.raises(StorageFailed):
            write(keys, folder / "b.wdb", b"x")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_a_folder_that_refuses_new_files_is_one_try_and_a_storage_failure(
    keys: Keys, tmp_path: Path, windows_files: WindowsFiles
) -> None:
    """An access list or Controlled Folder Access: "access denied" for the new file is an answer,
    not a name clash to try 2**31 other names for (tempfile.mkstemp on Windows, CPython #66305)."""
    folder = tmp_path / "Documents"
    folder.mkdir()
    with windows_files.deny_writes(folder), pytest.raises(StorageFailed) as refused:
        write(keys, folder / "b.wdb", b"x")
    assert refused.value.reason == "in_use"  # "in use or blocked (... Controlled Folder Access)"
    assert [operation for operation, _path in windows_files.refused] == ["open"]
    assert list(folder.iterdir()) == []


def test_a_failing_payload_leaves_no_file(keys: Keys, tmp_path: Path) -> None:
    def pieces() -> Iterable[bytes]:
        yield b"x" * 100_000
        raise ValueError("the encoder found a bad change")

    with pytest.raises(ValueError, match="bad change"):
        write_bundle(
            tmp_path / "b.wdb", bundle_id="b1" * 16, kind="full", created_hlc=1,
            sender_device=SENDER_DEVICE, signing_private_key=keys.signing.private_bytes_raw(),
            exchange_public_key=keys.public(1), base={}, vector={}, recipients=[keys.public(0)],
            payload=pieces(),
        )  # fmt: skip
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "change",
    [
        {"kind": "partial"},
        {"bundle_id": "B1" * 16},
        {"created_hlc": -1},
        {"recipients": []},
        {"recipients": [bytes(32)]},  # an all-zero shared secret
        {"file_key": bytes(31)},
        {"ephemeral_private_keys": []},
        {"vector": {"nothex": 1}},
    ],
)
def test_writing_an_invalid_bundle_is_a_programming_error(
    keys: Keys, tmp_path: Path, change: dict[str, Any]
) -> None:
    args: dict[str, Any] = {
        "bundle_id": "b1" * 16, "kind": "full", "created_hlc": 1, "sender_device": SENDER_DEVICE,
        "signing_private_key": keys.signing.private_bytes_raw(), "exchange_public_key": bytes(32),
        "base": {}, "vector": {}, "recipients": [keys.public(0)], "payload": [b"x"],
    }  # fmt: skip
    with pytest.raises(ValueError):
        write_bundle(tmp_path / "b.wdb", **{**args, **change})
    assert list(tmp_path.iterdir()) == []
