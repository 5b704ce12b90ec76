"""The payload codec: changes and attachments travel intact; anything malformed is damaged."""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Iterator
from typing import Any

import pytest

from desktop.sync.bundle import BundleError
from desktop.sync.payload import (
    MAX_BODY,
    Blob,
    Devices,
    WireChange,
    decode_payload,
    encode_payload,
)

ME = "5e" * 16
YOU = "0f" * 16
SCAN = "Pass scan — جواز سفر".encode() * 50


def change(i: int, origin: str = ME, value: str | None = "x") -> WireChange:
    return WireChange("client", f"c-{i:05d}", "name", value, 1000 + i, origin, i + 1, i)


def many_changes() -> list[WireChange]:
    values = ["Müller", "محمد", "Łukasz 🙂", None, "", '{"nested":"json"}']
    return [change(i, ME if i % 2 else YOU, values[i % len(values)]) for i in range(2_500)]


def test_devices_changes_and_blobs_travel_intact() -> None:
    changes = many_changes()
    blobs = [(hashlib.sha256(SCAN).hexdigest(), SCAN), (hashlib.sha256(b"").hexdigest(), b"")]
    names = {ME: "Büro Nord"}
    items = list(decode_payload(encode_payload([ME, YOU], names, changes, blobs)))
    assert items[0] == Devices((ME, YOU), names)
    batches = [item for item in items if isinstance(item, list)]
    assert [len(b) for b in batches] == [1_000, 1_000, 500]
    assert [c for b in batches for c in b] == changes
    assert items[4:] == [Blob(sha, data) for sha, data in blobs]


def test_an_empty_payload_is_just_the_devices() -> None:
    assert list(decode_payload(encode_payload([], {}, [], []))) == [Devices((), {})]


def test_the_decoder_takes_pieces_of_any_size() -> None:
    whole = b"".join(encode_payload([ME], {}, [change(i) for i in range(300)], []))
    one_byte_pieces = (whole[i : i + 1] for i in range(len(whole)))
    assert sum(len(b) for b in decode_payload(one_byte_pieces) if isinstance(b, list)) == 300


@pytest.mark.parametrize(
    "call",
    [
        lambda: encode_payload([ME], {}, [change(1, origin=YOU)], []),
        lambda: encode_payload([ME, ME], {}, [], []),
        lambda: encode_payload(["NOT HEX"], {}, [], []),
        lambda: encode_payload([ME], {YOU: "stranger"}, [], []),
        lambda: encode_payload([ME], {}, [WireChange("", "r", "g", None, 1, ME, 1, 0)], []),
        lambda: encode_payload([ME], {}, [WireChange("e", "r", "g", None, -1, ME, 1, 0)], []),
        lambda: encode_payload([ME], {}, [], [("00" * 32, b"not matching")]),
    ],
    ids=["unknown origin", "twice", "bad id", "name of stranger", "empty", "negative", "hash"],
)
def test_encoding_something_the_decoder_would_refuse_is_a_programming_error(call: Any) -> None:
    with pytest.raises(ValueError):
        list(call())


# --- malformed payloads -------------------------------------------------------------------------


def record(kind: int, body: bytes | Any) -> bytes:
    if not isinstance(body, bytes):
        body = json.dumps(body).encode()
    return bytes([kind]) + len(body).to_bytes(4, "big") + body


DEVICES = record(1, {"devices": [ME, YOU], "names": {}})
ROW = ["client", "c-1", "name", "Anna", 5, 0, 1, 0]
CHANGES = record(2, [ROW])
BLOB = record(3, hashlib.sha256(SCAN).digest() + SCAN)


def end(changes: Any = 0, blobs: Any = 0) -> bytes:
    return record(4, {"changes": changes, "blobs": blobs})


def z(*records: bytes) -> list[bytes]:
    return [zlib.compress(b"".join(records), 6)]


def with_row(**edits: Any) -> list[bytes]:
    positions = ["entity", "row_id", "field_group", "value", "hlc", "origin", "seq", "prev"]
    row = list(ROW)
    for name, value in edits.items():
        row[positions.index(name)] = value
    return z(DEVICES, record(2, [row]), end(1))


def edited_changes(old: str, new: str) -> bytes:
    text = json.dumps([ROW])
    assert old in text
    return record(2, text.replace(old, new).encode())


def devices(obj: Any) -> list[bytes]:
    return z(record(1, obj), end())


def malformed() -> dict[str, list[bytes]]:
    stream = zlib.compress(DEVICES + end(), 6)
    sync = zlib.compressobj(6)
    unfinished = sync.compress(DEVICES + end()) + sync.flush(zlib.Z_SYNC_FLUSH)
    return {
        "not zlib": [b"this is not a zlib stream at all"],
        "nothing": [],
        "cut zlib stream": [stream[:-6]],
        "unfinished zlib stream": [unfinished],
        "bytes after the zlib stream": [stream, b"\x00"],
        "a second zlib stream": [stream + stream],
        "flipped byte": [stream[:10] + bytes([stream[10] ^ 4]) + stream[11:]],
        "unknown record type": z(DEVICES, record(5, b""), end()),
        "cut record header": z(DEVICES, b"\x02\x00\x00"),
        "cut record body": z(DEVICES, CHANGES[:-3]),
        "no devices record": z(CHANGES, end(1)),
        "changes before devices": z(CHANGES, DEVICES, end(1)),
        "two devices records": z(DEVICES, DEVICES, end()),
        "no end record": z(DEVICES, CHANGES),
        "two end records": z(DEVICES, end(), end()),
        "a record after the end": z(DEVICES, end(), CHANGES),
        "change count": z(DEVICES, CHANGES, end(2)),
        "blob count": z(DEVICES, BLOB, end(0, 0)),
        "count as bool": z(DEVICES, CHANGES, end(True)),
        "end keys": z(DEVICES, record(4, {"changes": 0}), b""),
        "blob hash": z(DEVICES, record(3, bytes(32) + SCAN), end(0, 1)),
        "blob too short": z(DEVICES, record(3, bytes(31)), end(0, 1)),
        "empty batch": z(DEVICES, record(2, []), end()),
        "batch of 1,001": z(DEVICES, record(2, [ROW] * 1_001), end(1_001)),
        "batch not a list": z(DEVICES, record(2, {"0": ROW}), end(1)),
        "row of 7": z(DEVICES, record(2, [ROW[:7]]), end(1)),
        "entity not str": with_row(entity=7),
        "empty entity": with_row(entity=""),
        "entity of 201": with_row(entity="e" * 201),
        "row_id null": with_row(row_id=None),
        "value int": with_row(value=3),
        "value lone surrogate": z(DEVICES, edited_changes('"Anna"', '"\\ud800"'), end(1)),
        "hlc bool": with_row(hlc=True),
        "hlc negative": with_row(hlc=-1),
        "hlc float": with_row(hlc=5.0),
        "hlc too large": with_row(hlc=2**63),
        "seq string": with_row(seq="1"),
        "origin out of range": with_row(origin=2),
        "origin bool": with_row(origin=False),
        "NaN": z(DEVICES, edited_changes("5,", "NaN,"), end(1)),
        "duplicate JSON key": devices(b'{"devices":[],"names":{},"names":{}}'),
        "not UTF-8": z(
            DEVICES, record(2, json.dumps([ROW]).encode().replace(b"Anna", b"\xe9")), end(1)
        ),
        "devices uppercase": devices({"devices": [ME.upper()], "names": {}}),
        "devices twice": devices({"devices": [ME, ME], "names": {}}),
        "devices 10,001": devices({"devices": [f"{i:032x}" for i in range(10_001)], "names": {}}),
        "devices extra key": devices({"devices": [], "names": {}, "x": 1}),
        "devices no names": devices({"devices": []}),
        "name of a stranger": devices({"devices": [ME], "names": {YOU: "Anna"}}),
        "name not str": devices({"devices": [ME], "names": {ME: 1}}),
        "record over 64 MiB": [
            zlib.compress(DEVICES + b"\x03" + (MAX_BODY + 1).to_bytes(4, "big"))
        ],
    }


@pytest.mark.parametrize("name", list(malformed()))
def test_a_malformed_payload_is_damaged(name: str) -> None:
    with pytest.raises(BundleError) as caught:
        list(decode_payload(malformed()[name]))
    assert caught.value.reason == "damaged"


def test_the_unbroken_control_streams_decode() -> None:
    """The malformation tests would be worthless if the untouched stream were refused too."""
    items = list(decode_payload(z(DEVICES, CHANGES, BLOB, end(1, 1))))
    assert [type(i).__name__ for i in items] == ["Devices", "list", "Blob"]
    assert list(decode_payload(with_row())) != []


# --- compressed bombs ------------------------------------------------------------------------


def bomb(kind: int, claimed: int, counter: list[int]) -> Iterator[bytes]:
    """A zlib stream of a record header then 1 GiB of zeros, made lazily; counts pieces read."""
    compressor = zlib.compressobj(9)
    head = compressor.compress(DEVICES + bytes([kind]) + claimed.to_bytes(4, "big"))
    head += compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(bytes(1 << 20)) + compressor.flush(zlib.Z_FULL_FLUSH)
    for piece in [head, *[block] * 1024]:
        counter[0] += 1
        yield piece


def test_a_record_claiming_more_than_64_mib_is_refused_before_inflating() -> None:
    counter = [0]
    with pytest.raises(BundleError) as caught:
        list(decode_payload(bomb(3, MAX_BODY + 1, counter)))
    assert caught.value.reason == "damaged"
    assert counter[0] <= 2  # the gigabyte behind the header was never inflated


def test_a_record_of_64_mib_of_zeros_inflates_no_further_than_its_length() -> None:
    counter = [0]
    with pytest.raises(BundleError) as caught:
        list(decode_payload(bomb(2, MAX_BODY, counter)))
    assert caught.value.reason == "damaged"  # 64 MiB of NUL bytes is not a change batch
    assert counter[0] <= 66
