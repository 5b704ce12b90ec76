"""A bundle's plaintext payload: one zlib stream of typed records; see docs/sync-format.md.

Record = type (1 byte) | body length (u32 big-endian) | body. Records: devices (first, once),
change batches, blobs, end (last, once). The decoder inflates incrementally with a cap, so a
compressed bomb never holds more than one record in memory.
"""

from __future__ import annotations

import hashlib
import json
import re
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NoReturn

from desktop.store.changelog.reading import LoggedChange as WireChange  # one change as it travels
from desktop.sync.bundle import BundleError, strict_json

DEVICES = 0x01
CHANGES = 0x02
BLOB = 0x03
END = 0x04
MAX_BODY = 64 * 1024 * 1024
MAX_DEVICES = 10_000
MAX_BATCH = 1_000
MAX_NAME = 200
MAX_INT = 2**63 - 1
LEVEL = 6
PIECE = 65_536

_HEX32 = re.compile(r"[0-9a-f]{32}")


@dataclass(frozen=True)
class Devices:
    """The devices a payload's changes refer to, by index, and their display names."""

    devices: tuple[str, ...]
    names: dict[str, str]


@dataclass(frozen=True)
class Blob:
    """An attachment's bytes, keyed by their SHA-256 (hex)."""

    sha256: str
    data: bytes


# --- shared checks: the encoder refuses what the decoder would refuse -----------------------------


def _damaged(detail: str) -> NoReturn:
    raise BundleError("damaged", detail)


def _text(value: Any, limit: int | None, what: str) -> str:
    if type(value) is not str or not value or (limit is not None and len(value) > limit):
        _damaged(f"{what} must be a non-empty string of at most {limit} characters")
    _utf8(value, what)
    return value


def _utf8(value: str, what: str) -> None:
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            _damaged(f"{what} is not valid Unicode")


def _count(value: Any, what: str) -> int:
    if type(value) is not int or not 0 <= value <= MAX_INT:
        _damaged(f"{what} must be an integer from 0 to 2**63-1")
    return value


def _devices(obj: Any) -> Devices:
    if type(obj) is not dict or set(obj) != {"devices", "names"}:
        _damaged("the devices record needs exactly 'devices' and 'names'")
    devices, names = obj["devices"], obj["names"]
    if type(devices) is not list or len(devices) > MAX_DEVICES:
        _damaged(f"devices must be a list of at most {MAX_DEVICES}")
    for device in devices:
        if type(device) is not str or not _HEX32.fullmatch(device):
            _damaged("a device id is not 32 lowercase hex characters")
    if len(set(devices)) != len(devices):
        _damaged("a device is listed twice")
    if type(names) is not dict or not set(names) <= set(devices):
        _damaged("names must map listed devices to names")
    for name in names.values():
        _text(name, MAX_NAME, "a device name")
    return Devices(tuple(devices), dict(names))


def _change(row: Any, devices: tuple[str, ...]) -> WireChange:
    if type(row) is not list or len(row) != 8:
        _damaged("a change must be a list of 8 items")
    entity, row_id, group, value, hlc, origin, seq, prev = row
    if value is not None:
        if type(value) is not str:
            _damaged("a change value must be a string or null")
        _utf8(value, "a change value")
    if type(origin) is not int or not 0 <= origin < len(devices):
        _damaged("a change's origin is not an index into the devices list")
    if not (_plain_name(entity) and _plain_name(row_id) and _plain_name(group)):
        _text(entity, MAX_NAME, "entity")
        _text(row_id, MAX_NAME, "row_id")
        _text(group, MAX_NAME, "field_group")
    if not (_plain_count(hlc) and _plain_count(seq) and _plain_count(prev)):
        _count(hlc, "hlc")
        _count(seq, "origin_seq")
        _count(prev, "prev_hlc")
    return WireChange(entity, row_id, group, value, hlc, devices[origin], seq, prev)


def _plain_name(value: Any) -> bool:
    """The common case of `_text(value, MAX_NAME, ...)` passing, checked quickly."""
    return type(value) is str and 0 < len(value) <= MAX_NAME and value.isascii()


def _plain_count(value: Any) -> bool:
    """`_count` passing, checked quickly."""
    return type(value) is int and 0 <= value <= MAX_INT


# --- encoding -------------------------------------------------------------------------------------


def _record(kind: int, body: bytes) -> bytes:
    if len(body) > MAX_BODY:
        raise ValueError(f"a record body is limited to {MAX_BODY} bytes")
    return bytes([kind]) + len(body).to_bytes(4, "big") + body


def _json(obj: Any) -> bytes:
    text = json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text.encode("utf-8")


def _batches(rows: list[list[Any]]) -> Iterator[bytes]:
    """Change records of the given rows, halving a batch whose body would be too long."""
    body = _json(rows)
    if len(body) <= MAX_BODY or len(rows) == 1:
        yield _record(CHANGES, body)
        return
    half = len(rows) // 2
    yield from _batches(rows[:half])
    yield from _batches(rows[half:])


def _rows(devices: Sequence[str], changes: Iterable[WireChange]) -> Iterator[list[list[Any]]]:
    index = {device: i for i, device in enumerate(devices)}
    batch: list[list[Any]] = []
    for c in changes:
        if c.origin not in index:
            raise ValueError(f"change origin {c.origin} is not in the devices list")
        row = [c.entity, c.row_id, c.field_group, c.value, c.hlc, index[c.origin]]
        batch.append([*row, c.origin_seq, c.prev_hlc])
        if len(batch) == MAX_BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _records(
    devices: Sequence[str],
    names: Mapping[str, str],
    changes: Iterable[WireChange],
    blobs: Iterable[tuple[str, bytes]],
) -> Iterator[bytes]:
    listed = _checked(_devices, {"devices": list(devices), "names": dict(names)})
    yield _record(DEVICES, _json({"devices": list(listed.devices), "names": listed.names}))
    n_changes = n_blobs = 0
    for batch in _rows(listed.devices, changes):
        for row in batch:
            _checked(_change, row, listed.devices)
        n_changes += len(batch)
        yield from _batches(batch)
    for sha256, data in blobs:
        if hashlib.sha256(data).hexdigest() != sha256:
            raise ValueError(f"blob {sha256} does not match its data")
        n_blobs += 1
        yield _record(BLOB, bytes.fromhex(sha256) + data)
    yield _record(END, _json({"changes": n_changes, "blobs": n_blobs}))


def _checked(check: Any, *args: Any) -> Any:
    try:
        return check(*args)
    except BundleError as exc:
        raise ValueError(exc.detail) from None


def encode_payload(
    devices: Sequence[str],
    names: Mapping[str, str],
    changes: Iterable[WireChange],
    blobs: Iterable[tuple[str, bytes]],
) -> Iterator[bytes]:
    """The payload's compressed pieces; an invalid change or device list is a ValueError."""
    compressor = zlib.compressobj(LEVEL)
    for record in _records(devices, names, changes, blobs):
        piece = compressor.compress(record)
        if piece:
            yield piece
    yield compressor.flush()


# --- decoding -------------------------------------------------------------------------------------


class _Inflater:
    """Exact-length reads from a zlib stream, never inflating more than is asked for."""

    def __init__(self, pieces: Iterable[bytes]) -> None:
        self._pieces = iter(pieces)
        self._current = memoryview(b"")
        self._zlib = zlib.decompressobj()
        self._tail = b""

    def _input(self) -> bytes | memoryview:
        """The next compressed input (at most PIECE bytes); empty when the pieces are used up."""
        if self._tail:
            return self._tail
        while not self._current:
            piece = next(self._pieces, None)
            if piece is None:
                return b""
            self._current = memoryview(piece)
        data, self._current = self._current[:PIECE], self._current[PIECE:]
        return data

    def _inflate(self, limit: int) -> bytes:
        if self._zlib.eof:
            _damaged("the compressed stream ends inside a record")
        data = self._input()
        try:
            out = self._zlib.decompress(data, limit)
        except zlib.error as exc:
            _damaged(f"bad compressed data: {exc}")
        self._tail = self._zlib.unconsumed_tail
        if self._zlib.unused_data:
            _damaged("bytes after the compressed stream")
        if not out and not data and not self._zlib.eof:
            _damaged("the compressed stream is cut short")
        return out

    def read(self, size: int) -> bytes:
        """Exactly `size` inflated bytes, or BundleError('damaged')."""
        parts: list[bytes] = []
        got = 0
        while got < size:
            out = self._inflate(size - got)
            parts.append(out)
            got += len(out)
        return b"".join(parts)

    def finish(self) -> None:
        """Require the stream to end here: complete, with nothing after it."""
        while not self._zlib.eof:
            if self._inflate(1):
                _damaged("data after the end record")
        if self._tail or self._current or any(self._pieces):  # drains the source to its end
            _damaged("bytes after the compressed stream")


def _body_json(body: bytes, what: str) -> Any:
    try:
        return strict_json(body)
    except ValueError as exc:
        _damaged(f"the {what} record is not valid JSON: {exc}")


def _batch(body: bytes, devices: tuple[str, ...]) -> list[WireChange]:
    rows = _body_json(body, "changes")
    if type(rows) is not list or not 1 <= len(rows) <= MAX_BATCH:
        _damaged(f"a change batch must be a list of 1 to {MAX_BATCH}")
    return [_change(row, devices) for row in rows]


def _blob(body: bytes) -> Blob:
    digest, data = body[:32], body[32:]
    if len(digest) != 32 or hashlib.sha256(data).digest() != digest:
        _damaged("a blob does not match its SHA-256")
    return Blob(digest.hex(), data)


def _end(body: bytes, changes: int, blobs: int) -> None:
    counts = _body_json(body, "end")
    if type(counts) is not dict or set(counts) != {"changes", "blobs"}:
        _damaged("the end record needs exactly 'changes' and 'blobs'")
    if any(type(v) is not int for v in counts.values()):
        _damaged("the end record's counts must be integers")
    if counts != {"changes": changes, "blobs": blobs}:
        _damaged(f"the end record counts {counts}, the payload held {changes} and {blobs}")


def _next_record(inflater: _Inflater) -> tuple[int, bytes]:
    head = inflater.read(5)
    size = int.from_bytes(head[1:], "big")
    if size > MAX_BODY:
        _damaged(f"a record of {size} bytes exceeds the limit of {MAX_BODY}")
    return head[0], inflater.read(size)


def decode_payload(pieces: Iterable[bytes]) -> Iterator[Devices | list[WireChange] | Blob]:
    """Devices first, then change batches and blobs in stream order; BundleError('damaged')."""
    inflater = _Inflater(pieces)
    kind, body = _next_record(inflater)
    if kind != DEVICES:
        _damaged("the payload does not start with the devices record")
    devices = _devices(_body_json(body, "devices"))
    yield devices
    changes = blobs = 0
    while True:
        kind, body = _next_record(inflater)
        if kind == CHANGES:
            batch = _batch(body, devices.devices)
            changes += len(batch)
            yield batch
        elif kind == BLOB:
            blobs += 1
            yield _blob(body)
        elif kind == END:
            _end(body, changes, blobs)
            inflater.finish()
            return
        elif kind == DEVICES:
            _damaged("a second devices record")
        else:
            _damaged(f"unknown record type {kind:#04x}")
