"""The sync bundle's header (v1): constants, the parsed form, and a strict parser with limits.

See docs/sync-format.md. The header is read and checked before anything else of a bundle.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

MAGIC = b"WDBUNDLE"
VERSION = 1
CHUNK = 65_536
MAX_HEADER = 65_536
MAX_RECIPIENTS = 16
REASONS = (
    "not_a_bundle",
    "unknown_version",
    "malformed_header",
    "bad_signature",
    "not_for_me",
    "damaged",
    "changed_while_reading",
)

PREAMBLE = 14
SIGNATURE = 64
TAG = 16
SEALED_CHUNK = CHUNK + TAG
MAX_VECTOR = 10_000
MAX_INT = 2**63 - 1
READ_SIZE = 1 << 20
FILE_KEY_INFO = b"welcome-desk bundle v1 file key"
PAYLOAD_INFO = b"welcome-desk bundle v1 payload"
SIGNATURE_CONTEXT = b"welcome-desk bundle v1 signature\x00"

_HEX32 = re.compile(r"[0-9a-f]{32}")
_HEX16 = re.compile(r"[0-9a-f]{16}")
_B64 = re.compile(r"[A-Za-z0-9_-]*")
_HEADER_KEYS = {"bundle_id", "kind", "created_hlc", "sender", "base", "vector", "recipients"}
_SENDER_KEYS = {"device", "signing_key", "exchange_key"}
_STANZA_KEYS = {"key_id", "ephemeral", "wrapped_key"}
KINDS = ("incremental", "full", "snapshot")


class BundleError(Exception):
    """A bundle was refused; `reason` is one of REASONS, `detail` an English note for logs."""

    def __init__(self, reason: str, detail: str = "") -> None:
        if reason not in REASONS:
            raise ValueError(f"unknown bundle error reason {reason!r}")
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Stanza:
    """The file key wrapped for one recipient."""

    key_id: str
    ephemeral: bytes
    wrapped_key: bytes


@dataclass(frozen=True)
class Header:
    """A bundle's parsed header; `header_end` is the file offset where the payload starts."""

    bundle_id: str
    kind: str
    created_hlc: int
    sender_device: str
    sender_signing_key: bytes
    sender_exchange_key: bytes
    base: dict[str, int]
    vector: dict[str, int]
    recipients: tuple[Stanza, ...]
    header_end: int


def key_id(exchange_public: bytes) -> str:
    """The recipient key id: the first 8 bytes of SHA-256 of an X25519 public key, in hex."""
    return hashlib.sha256(exchange_public).digest()[:8].hex()


def strict_json(data: bytes) -> Any:
    """Parse UTF-8 JSON strictly (no duplicate keys, NaN or Infinity); ValueError otherwise."""
    text = data.decode("utf-8")  # a UnicodeDecodeError is a ValueError
    try:
        return json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_no_constant)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        raise ValueError("duplicate key in a JSON object")
    return obj


def _no_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not allowed")


def canonical_json(obj: Any) -> bytes:
    text = json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return text.encode("ascii")


def b64(data: bytes) -> str:
    """Base64url without padding."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(value: Any, size: int) -> bytes | None:
    """Decode canonical unpadded base64url of exactly `size` bytes, else None."""
    if type(value) is not str or not _B64.fullmatch(value) or len(value) % 4 == 1:
        return None
    raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    return raw if len(raw) == size and b64(raw) == value else None


# --- header -------------------------------------------------------------------------------------


def _bad(detail: str) -> NoReturn:
    raise BundleError("malformed_header", detail)


def _exact_keys(obj: Any, keys: set[str], what: str) -> dict[str, Any]:
    if type(obj) is not dict:
        _bad(f"{what} must be an object")
    if set(obj) != keys:
        _bad(f"{what} has keys {sorted(obj)}, expected {sorted(keys)}")
    return obj


def _hex(value: Any, pattern: re.Pattern[str], what: str) -> str:
    if type(value) is not str or not pattern.fullmatch(value):
        _bad(f"{what} is not lowercase hex of the right length")
    return value


def _key(value: Any, size: int, what: str) -> bytes:
    raw = _unb64(value, size)
    if raw is None:
        _bad(f"{what} is not base64url of {size} bytes")
    return raw


def _counter(value: Any, what: str) -> int:
    # exactly int: a bool is not a counter
    if type(value) is not int or not 0 <= value <= MAX_INT:
        _bad(f"{what} must be an integer from 0 to 2**63-1")
    return value


def _vector(value: Any, what: str) -> dict[str, int]:
    if type(value) is not dict:
        _bad(f"{what} must be an object")
    if len(value) > MAX_VECTOR:
        _bad(f"{what} has more than {MAX_VECTOR} entries")
    return {_hex(k, _HEX32, f"{what} device"): _counter(v, what) for k, v in value.items()}


def _stanzas(value: Any) -> tuple[Stanza, ...]:
    if type(value) is not list or not 1 <= len(value) <= MAX_RECIPIENTS:
        _bad(f"recipients must be a list of 1 to {MAX_RECIPIENTS}")
    stanzas = [_exact_keys(item, _STANZA_KEYS, "recipient") for item in value]
    return tuple(
        Stanza(
            _hex(s["key_id"], _HEX16, "key_id"),
            _key(s["ephemeral"], 32, "ephemeral"),
            _key(s["wrapped_key"], 48, "wrapped_key"),
        )
        for s in stanzas
    )


def _parse_header(text: bytes, header_end: int) -> Header:
    try:
        obj = strict_json(text)
    except ValueError as exc:
        _bad(str(exc))
    h = _exact_keys(obj, _HEADER_KEYS, "header")
    sender = _exact_keys(h["sender"], _SENDER_KEYS, "sender")
    if type(h["kind"]) is not str or h["kind"] not in KINDS:
        _bad(f"kind must be one of {KINDS}")
    return Header(
        bundle_id=_hex(h["bundle_id"], _HEX32, "bundle_id"),
        kind=h["kind"],
        created_hlc=_counter(h["created_hlc"], "created_hlc"),
        sender_device=_hex(sender["device"], _HEX32, "sender device"),
        sender_signing_key=_key(sender["signing_key"], 32, "signing_key"),
        sender_exchange_key=_key(sender["exchange_key"], 32, "exchange_key"),
        base=_vector(h["base"], "base"),
        vector=_vector(h["vector"], "vector"),
        recipients=_stanzas(h["recipients"]),
        header_end=header_end,
    )


def parse_head(head: bytes) -> Header:
    """Parse preamble and header from the file's first bytes (which may be longer or shorter)."""
    if len(head) < PREAMBLE or head[:8] != MAGIC:
        raise BundleError("not_a_bundle", "no Welcome Desk bundle preamble")
    version = int.from_bytes(head[8:10], "big")
    if version != VERSION:
        raise BundleError("unknown_version", f"version {version}")
    length = int.from_bytes(head[10:14], "big")
    if not 1 <= length <= MAX_HEADER:
        _bad(f"header length {length} outside 1..{MAX_HEADER}")
    if len(head) < PREAMBLE + length:
        _bad("the file ends inside the header")
    return _parse_header(head[PREAMBLE : PREAMBLE + length], PREAMBLE + length)


def read_header(path: Path) -> Header:
    """Parse the preamble and header of a bundle file, enforcing the parser limits."""
    with path.open("rb") as f:
        head = f.read(PREAMBLE)
        if len(head) == PREAMBLE and head[:8] == MAGIC:  # then exactly the header it announces
            head += f.read(min(int.from_bytes(head[10:14], "big"), MAX_HEADER))
        return parse_head(head)


# --- writing ------------------------------------------------------------------------------------
