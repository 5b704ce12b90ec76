"""Every bundle `import_file` refuses is refused with its reason and a clear sentence, and leaves
the case file exactly as it was: case data, sync bookkeeping, change log, and the bytes of the
database and its WAL.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.domain.catalogues import DocumentKind
from desktop.domain.errors import BundleRejected
from desktop.domain.model import Client, DocumentItem
from desktop.services import attachments, casework, sync
from desktop.services.export import case_data
from desktop.sync.bundle import CHUNK, PREAMBLE, SIGNATURE, read_header
from tests.sync.devices import shared_client

SEALED = CHUNK + 16
DAY_MS = 24 * 60 * 60 * 1000
MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip


# -- helpers -------------------------------------------------------------------------------------


def case_data_clients(d) -> list[dict]:
    return case_data(d.store)["clients"]


def rejected(store, path: Path) -> BundleRejected:
    """The refusal of importing `path` (fails the test if the bundle is merged)."""
    with pytest.raises(BundleRejected) as caught:
        sync.import_file(store, path)
    return caught.value


def big_bundle(anna, bea, tmp_path: Path, add_clients) -> Path:
    """A real bundle from Bea for Anna whose payload spans two chunks (clients and a scan)."""
    clients = add_clients(bea, 30)
    passport = DocumentItem(clients[0].id, DocumentKind.PASSPORT)
    casework.add(bea.store, passport)
    scan = tmp_path / "passport.jpg"
    scan.write_bytes(os.urandom(80_000))  # random bytes do not compress
    attachments.attach_file(bea.store, passport.id, scan)
    path = tmp_path / "bea-to-anna.wdb"
    summary = sync.export_for(bea.store, "Anna", path)
    assert summary.blobs == 1
    header = read_header(path)
    payload = path.stat().st_size - header.header_end - SIGNATURE
    assert payload > SEALED, "the payload must fill more than one chunk"
    return path


@contextlib.contextmanager
def flipping(path: Path) -> Iterator:
    """`flip(bit)` flips one bit of the file in place and yields until the next flip."""
    original = path.read_bytes()
    with path.open("r+b") as f:

        @contextlib.contextmanager
        def flip(bit: int) -> Iterator[None]:
            pos, shift = divmod(bit, 8)
            f.seek(pos)
            f.write(bytes([original[pos] ^ (1 << shift)]))
            f.flush()
            try:
                yield
            finally:
                f.seek(pos)
                f.write(original[pos : pos + 1])
                f.flush()

        yield flip
    assert path.read_bytes() == original


def bits_of(start: int, end: int, *, edge: int = 256, stride: int = 0) -> list[int]:
    """Every bit of bytes start..end, or (with a stride) of the first and last `edge` bytes and
    every `stride`-th bit between."""
    if not stride:
        return list(range(start * 8, end * 8))
    head = range(start * 8, min(end, start + edge) * 8)
    tail = range(max(start, end - edge) * 8, end * 8)
    middle = range(start * 8 + edge * 8, (end - edge) * 8, stride)
    return sorted(set(head) | set(tail) | set(middle))


# -- the comparison itself can fail --------------------------------------------------------------


def test_the_state_comparison_sees_a_real_import(pair, tmp_path, add_clients, case_state):
    anna, bea = pair
    add_clients(bea, 1)
    path = tmp_path / "b.wdb"
    sync.export_for(bea.store, "Anna", path)
    before = case_state(anna)

    summary = sync.import_file(anna.store, path)

    after = case_state(anna)
    assert summary.applied >= 2 and summary.sender == "Bea"
    changed = {k for k in before if before[k] != after[k]}
    assert {"case_data", "changes", "log", "seen", "colleagues", "wal_bytes"} <= changed


# -- bit flips -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "region", ["preamble and header", "signature", "first chunk", "last chunk"]
)
def test_every_bit_flip_is_refused_and_changes_nothing(
    region, pair, tmp_path, add_clients, case_state
):
    anna, bea = pair
    path = big_bundle(anna, bea, tmp_path, add_clients)
    header_end = read_header(path).header_end
    size = path.stat().st_size
    payload_end = size - SIGNATURE
    last_start = header_end + ((payload_end - header_end - 1) // SEALED) * SEALED
    bits = {
        "preamble and header": bits_of(0, header_end),
        "signature": bits_of(payload_end, size),
        "first chunk": bits_of(header_end, header_end + SEALED, stride=257),
        "last chunk": bits_of(last_start, payload_end, stride=257),
    }[region]
    assert len(bits) >= 500
    before = case_state(anna)

    reasons: dict[str, int] = {}
    merged = []
    with flipping(path) as flip:
        for bit in bits:
            with flip(bit):
                try:
                    sync.import_file(anna.store, path)
                    merged.append(bit)
                except BundleRejected as error:
                    reasons[error.reason] = reasons.get(error.reason, 0) + 1
                    assert error.text("en") and error.text("de")

    assert merged == [], f"bundles with these bits flipped were merged: {merged[:10]}"
    assert case_state(anna) == before
    if region == "preamble and header":
        # the magic, the version, the length and the JSON each have their own check
        assert {"not_a_bundle", "unknown_version", "malformed_header"} <= set(reasons)
        assert set(reasons) <= {
            "not_a_bundle",
            "unknown_version",
            "malformed_header",
            "bad_signature",
            "untrusted",
            "key_changed",
        }
    else:  # the signature is checked before anything is decrypted
        assert reasons == {"bad_signature": len(bits)}
    # and the untouched bundle still imports
    assert sync.import_file(anna.store, path).applied > 0


# -- truncated and extended ----------------------------------------------------------------------


def test_truncated_and_extended_bundles_are_refused_and_change_nothing(
    pair, tmp_path, add_clients, case_state
):
    anna, bea = pair
    path = big_bundle(anna, bea, tmp_path, add_clients)
    whole = path.read_bytes()
    header_end = read_header(path).header_end
    size = len(whole)
    cuts = {0, 1, 7, 8, 10, 13, PREAMBLE, PREAMBLE + 1, header_end - 1, header_end}
    cuts |= {header_end + n for n in (1, 15, 16, 17, 64, 65)}
    cuts |= {header_end + SEALED + n for n in (-1, 0, 1, 16)}
    cuts |= {size - n for n in (1, 2, 16, 63, 64, 65, 80, 81)}
    cuts |= set(range(PREAMBLE, size, 997))
    before = case_state(anna)
    broken = tmp_path / "broken.wdb"

    outcomes = {}
    for cut in sorted(cuts):
        broken.write_bytes(whole[:cut])
        outcomes[f"cut at {cut}"] = rejected(anna.store, broken).reason
    for extra in (b"\x00", os.urandom(64), whole[-SIGNATURE:], os.urandom(100_000)):
        broken.write_bytes(whole + extra)
        outcomes[f"{len(extra)} bytes appended"] = rejected(anna.store, broken).reason

    assert len(outcomes) >= 60
    assert outcomes["cut at 0"] == outcomes["cut at 13"] == "not_a_bundle"
    assert outcomes[f"cut at {header_end - 1}"] == "malformed_header"
    assert outcomes[f"cut at {size - 1}"] == "bad_signature"
    assert outcomes["100000 bytes appended"] == "bad_signature"
    assert case_state(anna) == before


# -- who it comes from and whom it is for --------------------------------------------------------


def test_a_bundle_for_another_colleague_is_not_for_me(pair, desk, trust, tmp_path, case_state):
    anna, bea = pair
    cora = desk("Cora")
    trust(bea, cora)
    trust(cora, bea)
    casework.add(bea.store, shared_client("Haddad", "Amal"))
    path = tmp_path / "bea-to-cora.wdb"
    sync.export_for(bea.store, "Cora", path)
    before = case_state(anna)

    error = rejected(anna.store, path)

    assert error.reason == "not_for_me"
    assert error.text("en") == "This bundle is for another colleague, not for this computer."
    assert error.text("de").startswith("Dieses Paket ist für eine andere Kollegin")
    assert case_state(anna) == before
    assert sync.import_file(cora.store, path).applied > 0  # it is fine for Cora


def test_a_bundle_from_someone_untrusted_names_their_identity(
    pair, desk, trust, tmp_path, case_state
):
    anna, _ = pair
    cora = desk("Cora")
    trust(cora, anna)  # Cora knows Anna, Anna does not know Cora
    casework.add(cora.store, shared_client("Haddad", "Amal"))
    path = tmp_path / "cora-to-anna.wdb"
    sync.export_for(cora.store, "Anna", path)
    before = case_state(anna)

    error = rejected(anna.store, path)

    assert error.reason == "untrusted"
    assert error.identity == cora.identity()
    fingerprint = sync.my_identity(cora.store).fingerprint
    assert fingerprint in error.text("en") and fingerprint in error.text("de")
    assert case_state(anna) == before

    sync.add_colleague(anna.store, "Cora", error.identity)
    assert sync.import_file(anna.store, path).sender == "Cora"
    assert [c["family_name"] for c in case_data_clients(anna)] == ["Haddad"]


def test_a_known_colleague_with_a_new_key_is_a_hard_stop_until_trusted_again(
    pair, tmp_path, case_state
):
    anna, bea = pair
    casework.add(bea.store, shared_client("Haddad", "Amal"))
    first = tmp_path / "first.wdb"
    sync.export_for(bea.store, "Anna", first)
    sync.import_file(anna.store, first)
    old_identity = bea.identity()
    # Bea's installation gets new keys (same case file, same device)
    bea.store.conn.execute(
        "DELETE FROM meta WHERE key IN ('identity_signing_key', 'identity_exchange_key')"
    )
    new_identity = bea.identity()
    assert new_identity != old_identity
    casework.add(bea.store, shared_client("Nasser", "Omar"))
    second = tmp_path / "second.wdb"
    sync.export_for(bea.store, "Anna", second)
    before = case_state(anna)

    error = rejected(anna.store, second)

    assert error.reason == "key_changed"
    assert error.colleague == "Bea"
    assert error.identity == new_identity
    assert "Bea" in error.text("en") and "different key" in error.text("en")
    assert sync.fingerprint_of(new_identity) in error.text("en")
    assert case_state(anna) == before

    sync.add_colleague(anna.store, "Bea", new_identity)
    summary = sync.import_file(anna.store, second)
    assert summary.sender == "Bea" and summary.applied > 0
    assert sorted(c["family_name"] for c in case_data_clients(anna)) == ["Haddad", "Nasser"]


def test_importing_ones_own_bundle_is_refused(pair, tmp_path, case_state):
    anna, _ = pair
    casework.add(anna.store, shared_client("Haddad", "Amal"))
    path = tmp_path / "anna-to-bea.wdb"
    sync.export_for(anna.store, "Bea", path)
    before = case_state(anna)

    error = rejected(anna.store, path)

    assert error.reason == "own_bundle"
    assert "written on this computer" in error.text("en")
    assert case_state(anna) == before


# -- when it was made and what it builds on ------------------------------------------------------


def real_now_ms() -> int:
    return int(datetime.now(UTC).timestamp() * 1000)


def test_a_bundle_dated_more_than_a_day_ahead_is_held_back(pair, tmp_path, case_state):
    anna, bea = pair
    casework.add(bea.store, shared_client("Haddad", "Amal"))
    bea.store.clock._wall_ms = lambda: real_now_ms() + 2 * DAY_MS  # Bea's clock is two days fast
    path = tmp_path / "future.wdb"
    sync.export_for(bea.store, "Anna", path)
    before = case_state(anna)

    error = rejected(anna.store, path)

    assert error.reason == "from_the_future"
    ahead = (datetime.now(UTC) + timedelta(days=2)).astimezone()
    assert f"dated {ahead.day} {MONTHS[ahead.month - 1]} {ahead.year}," in error.text("en")
    assert "Bea" in error.text("en") and "check the date" in error.text("en")
    assert case_state(anna) == before


def test_a_bundle_dated_a_few_hours_ahead_is_merged(pair, tmp_path):
    anna, bea = pair
    casework.add(bea.store, shared_client("Haddad", "Amal"))
    bea.store.clock._wall_ms = lambda: real_now_ms() + DAY_MS // 2
    path = tmp_path / "ahead.wdb"
    sync.export_for(bea.store, "Anna", path)

    assert sync.import_file(anna.store, path).applied > 0


def acknowledged_then_restored(anna, bea, tmp_path, add_clients, *, known_before: bool):
    """Anna imports Bea's bundle 1 and acknowledges it; then Anna restores a copy from before
    bundle 1 and Bea's bundle 2 (which builds on bundle 1) arrives. Returns (bundle 1, 2)."""
    if known_before:
        add_clients(bea, 2, "Early")
        sync.import_file(anna.store, export(bea, "Anna", tmp_path / "b0.wdb"))
    old_copy = anna.copy_to(tmp_path / "anna-before-b1")
    add_clients(bea, 3, "First")
    b1 = export(bea, "Anna", tmp_path / "b1.wdb")
    sync.import_file(anna.store, b1)
    sync.import_file(bea.store, export(anna, "Bea", tmp_path / "ack.wdb"))
    add_clients(bea, 1, "Second")
    b2 = export(bea, "Anna", tmp_path / "b2.wdb")
    anna.restore_from(old_copy.folder)
    return b1, b2


def export(d, to: str, path: Path) -> Path:
    sync.export_for(d.store, to, path)
    return path


def test_a_gap_is_refused_naming_whose_changes_are_missing(pair, tmp_path, add_clients, case_state):
    anna, bea = pair
    b1, b2 = acknowledged_then_restored(anna, bea, tmp_path, add_clients, known_before=True)
    before = case_state(anna)

    error = rejected(anna.store, b2)

    assert error.reason == "gap"
    text = error.text("en")
    assert text.startswith("Changes from Bea made after ")
    assert "are missing" in text and "ask Bea for a full export" in text
    assert "Bea" in error.text("de") and "vollständigen Export" in error.text("de")
    assert case_state(anna) == before
    # importing the missing bundle first closes the gap
    sync.import_file(anna.store, b1)
    assert sync.import_file(anna.store, b2).applied > 0
    names = sorted(c["family_name"] for c in case_data_clients(anna))
    assert [n[:5] for n in names] == ["Early"] * 2 + ["First"] * 3 + ["Secon"]


def test_a_gap_in_the_first_bundles_of_a_colleague_names_that_colleague(
    pair, tmp_path, add_clients, case_state
):
    # Anna restores a copy from before she first heard of Bea: the missing changes are Bea's own,
    # and the bundle's header says they come from Bea's computer.
    anna, bea = pair
    _, b2 = acknowledged_then_restored(anna, bea, tmp_path, add_clients, known_before=False)
    before = case_state(anna)

    error = rejected(anna.store, b2)

    assert error.reason == "gap"
    assert case_state(anna) == before
    assert error.text("en").startswith("Changes from Bea "), error.text("en")


def test_work_done_after_restoring_an_older_copy_is_not_silently_lost(pair, tmp_path, add_clients):
    # Anna sends Bea a client, then restores a copy of her case file from before it and goes on
    # working: her new changes reuse the sequence numbers Bea already holds from her.
    anna, bea = pair
    old_copy = anna.copy_to(tmp_path / "anna-before")
    add_clients(anna, 1, "Sent")
    sync.import_file(bea.store, export(anna, "Bea", tmp_path / "a1.wdb"))
    anna.restore_from(old_copy.folder)
    add_clients(anna, 1, "AfterRestore")
    a2 = export(anna, "Bea", tmp_path / "a2.wdb")

    try:
        summary = sync.import_file(bea.store, a2)
    except BundleRejected:
        return  # refusing is fine: nothing was lost without a word
    names = [c["family_name"] for c in case_data_clients(bea)]
    assert "AfterRestore0000" in names, (
        f"Bea's import said {summary.text()!r} (applied {summary.applied}, already had "
        f"{summary.already_had}) but Bea holds only {names}"
    )


def test_a_full_export_fills_a_gap(pair, tmp_path, add_clients):
    anna, bea = pair
    _, b2 = acknowledged_then_restored(anna, bea, tmp_path, add_clients, known_before=True)
    assert rejected(anna.store, b2).reason == "gap"

    full = tmp_path / "full.wdb"
    sync.export_for(bea.store, "Anna", full, full=True)
    summary = sync.import_file(anna.store, full)

    assert summary.applied > 0 and summary.already_had > 0
    assert sorted(c["id"] for c in case_data_clients(anna)) == sorted(
        c["id"] for c in case_data_clients(bea)
    )


# -- files that are no bundle at all -------------------------------------------------------------


def test_files_that_are_no_bundle_are_refused(pair, tmp_path, add_clients, case_state):
    anna, bea = pair
    real = big_bundle(anna, bea, tmp_path, add_clients)
    text_file = tmp_path / "notes.txt"
    text_file.write_text("Liebe Anna, anbei die Daten.\n", encoding="utf-8")
    empty = tmp_path / "empty.wdb"
    empty.write_bytes(b"")
    magic_only = tmp_path / "magic.wdb"
    magic_only.write_bytes(real.read_bytes()[:8])
    newer = tmp_path / "newer.wdb"
    whole = bytearray(real.read_bytes())
    whole[8:10] = (2).to_bytes(2, "big")
    newer.write_bytes(bytes(whole))
    folder = tmp_path / "a-folder.wdb"
    folder.mkdir()
    missing = tmp_path / "gone.wdb"
    before = case_state(anna)

    reasons = {
        p.name: rejected(anna.store, p).reason
        for p in (text_file, empty, magic_only, newer, folder, missing)
    }

    assert reasons == {
        "notes.txt": "not_a_bundle",
        "empty.wdb": "not_a_bundle",
        "magic.wdb": "not_a_bundle",
        "newer.wdb": "unknown_version",
        "a-folder.wdb": "missing",
        "gone.wdb": "missing",
    }
    assert rejected(anna.store, text_file).text("en") == "This file is not a Welcome Desk bundle."
    assert str(missing) in rejected(anna.store, missing).text("en")
    assert "update Welcome Desk" in rejected(anna.store, newer).text("en")
    assert case_state(anna) == before


# -- twice, and full --------------------------------------------------------------------------


def test_importing_the_same_bundle_twice_changes_nothing_the_second_time(
    pair, tmp_path, add_clients, case_state
):
    anna, bea = pair
    add_clients(bea, 5)
    path = export(bea, "Anna", tmp_path / "b.wdb")
    first = sync.import_file(anna.store, path)
    after_first = case_state(anna)

    second = sync.import_file(anna.store, path)

    assert first.applied > 0 and not first.already_imported
    assert second.already_imported and second.applied == 0 and second.bundle_id == first.bundle_id
    assert second.text("en") == "This bundle from Bea was imported before; nothing changed."
    assert case_state(anna) == after_first


def test_a_full_export_onboards_a_fresh_colleague(pair, desk, trust, tmp_path, add_clients):
    anna, bea = pair
    add_clients(anna, 12, "Anna")
    add_clients(bea, 7, "Bea")
    sync.import_file(anna.store, export(bea, "Anna", tmp_path / "b.wdb"))
    cora = desk("Cora")
    trust(anna, cora)
    trust(cora, anna)
    casework.remove(anna.store, Client, case_data_clients(anna)[0]["id"])
    path = tmp_path / "full.wdb"

    summary = sync.export_for(anna.store, "Cora", path, full=True)
    merged = sync.import_file(cora.store, path)

    assert summary.full and merged.applied == summary.changes > 0
    assert merged.text("en") == f"{merged.applied} changes from Anna merged."
    assert case_data(cora.store) == case_data(anna.store)
    assert len(case_data(cora.store)["clients"]) == 18
