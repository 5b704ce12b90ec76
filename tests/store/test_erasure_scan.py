"""After an erasure no byte of the person's name is left in any file of the data folder.

The case file is encrypted, so a raw scan of the ciphertext proves nothing by itself: the test
decrypts every page of the database and of its WAL with the data key (SQLCipher 4 layout) and
scans the plaintext too. The decoder is checked by finding what must survive.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from desktop.domain.catalogues import DocumentKind, FieldOfAction, OrganisationKind
from desktop.domain.model import (
    Appointment,
    Client,
    DocumentItem,
    Goal,
    Household,
    IntegrationPlan,
    Measure,
    Note,
    Organisation,
    SupportLink,
)
from desktop.domain.names import fold
from desktop.domain.texts import Texts
from desktop.services import casefile, casework, compaction
from desktop.services.attachments import attach_file
from desktop.services.duplicate_merge import merge_clients
from desktop.store import casefile as store_casefile
from desktop.store.store import Store

PASSPHRASE = "correct horse battery staple"
PAGE_SIZE = 4096
RESERVE = 80  # 16-byte IV + 64-byte HMAC-SHA512 at the end of every page
IV_SIZE = 16
SALT_SIZE = 16
WAL_HEADER = 32
FRAME_HEADER = 24

SECRETS = ("Qxyzzelbrot", "Vwuffelina", "Plimquatschowa", "Grimbleweg 17")
SURVIVOR = "Bernsteinowa"


def decrypt_page(raw: bytes, key: bytes, first: bool) -> bytes:
    """One SQLCipher 4 page in plain text (page 1 gets its SQLite header back)."""
    start = SALT_SIZE if first else 0
    end = PAGE_SIZE - RESERVE
    iv = raw[end : end + IV_SIZE]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    plain = decryptor.update(raw[start:end]) + decryptor.finalize()
    return (b"SQLite format 3\x00" if first else b"") + plain


def database_pages(path: Path, key: bytes) -> Iterator[bytes]:
    """Every page of the database file, decrypted."""
    data = path.read_bytes()
    assert len(data) % PAGE_SIZE == 0
    for number, offset in enumerate(range(0, len(data), PAGE_SIZE), 1):
        yield decrypt_page(data[offset : offset + PAGE_SIZE], key, number == 1)


def wal_pages(path: Path, key: bytes) -> Iterator[bytes]:
    """Every page image in the WAL file (if any), decrypted."""
    if not path.exists():
        return
    data = path.read_bytes()
    offset = WAL_HEADER
    while offset + FRAME_HEADER + PAGE_SIZE <= len(data):
        number = int.from_bytes(data[offset : offset + 4], "big")
        page = data[offset + FRAME_HEADER : offset + FRAME_HEADER + PAGE_SIZE]
        yield decrypt_page(page, key, number == 1)
        offset += FRAME_HEADER + PAGE_SIZE


def needles(words: tuple[str, ...]) -> set[bytes]:
    """Each word as it may be stored: as typed, lower, upper, folded; UTF-8 and UTF-16-LE."""
    forms = {form for w in words for form in (w, w.lower(), w.upper(), fold(w))}
    return {form.encode(enc) for form in forms if form for enc in ("utf-8", "utf-16-le")}


def found_in(blobs: list[bytes], words: tuple[str, ...]) -> set[bytes]:
    """The needles of these words that occur anywhere in the blobs."""
    return {n for n in needles(words) for blob in blobs if n in blob}


def plaintext(root: Path) -> list[bytes]:
    """Every file in the data folder as stored, and every decrypted database and WAL page."""
    key = store_casefile.load_keyfile(root).unlock_with_passphrase(PASSPHRASE)
    files = [p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()]
    db = root / "casefile.db"
    pages = [*database_pages(db, key), *wal_pages(db.with_name("casefile.db-wal"), key)]
    return [*files, *pages]


def build_case(root: Path, tmp: Path) -> str:
    """A case file with the person to erase in every corner, and others; returns their id."""
    store = casefile.init(root, PASSPHRASE).store
    try:
        return fill(store, tmp)
    finally:
        store.close()


def fill(store: Store, tmp: Path) -> str:
    """Add the person to erase (in every part of a case) and others; returns their id."""
    household = Household("Familie Qxyzzelbrot")
    person = Client(
        "Qxyzzelbrot",
        "Vwuffelina",
        other_names=("Plimquatschowa",),
        street="Grimbleweg 17",
        file_number="AZ-4711",
        household_id=household.id,
        opened_on=date(2020, 1, 2),
        closed_on=date(2021, 3, 4),
    )
    others = [Client(SURVIVOR, f"Anna {n}", opened_on=date(2020, 1, 2)) for n in range(30)]
    organisation = Organisation("Sprachschule Mitte", OrganisationKind.OTHER)
    plan = IntegrationPlan(person.id)
    goal = Goal(plan.id, FieldOfAction.LANGUAGE, "Deutschkurs für Vwuffelina")
    measure = Measure(goal.id, "Qxyzzelbrot meldet sich an", texts=Texts({"ar": "Vwuffelina"}))
    document = DocumentItem(person.id, DocumentKind.PASSPORT, note="Pass von Qxyzzelbrot")
    appointment = Appointment(
        person.id, datetime(2021, 1, 5, 9, 30), purpose="Qxyzzelbrot beim Amt"
    )
    note = Note(person.id, date(2021, 1, 6), "Frau Qxyzzelbrot (Vwuffelina) kam pünktlich.")
    deleted_note = Note(person.id, date(2021, 1, 7), "Qxyzzelbrot rief an.")
    support = SupportLink(person.id, organisation.id, purpose="Kurs für Qxyzzelbrot")
    duplicate = Client("Qxyzzelbrot", "Vwuffelina", street="Grimbleweg 17")
    casework.add(store, household, person, *others, organisation, plan, goal, measure)
    casework.add(store, document, appointment, note, deleted_note, support, duplicate)
    scan = tmp / "pass-scan.pdf"
    scan.write_bytes(b"%PDF-1.4 Reisepass QXYZZELBROT Vwuffelina " + bytes(range(256)) * 8)
    attach_file(store, document.id, scan)
    casework.remove(store, Note, deleted_note.id)
    merge_clients(store, person.id, duplicate.id)
    return person.id


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "data"


def erase(root: Path, client_id: str) -> None:
    store = casefile.unlock(root, passphrase=PASSPHRASE, use_keyring=False)
    try:
        casework.erase_client(store, client_id)
        assert store.find(Client, client_id) is None
    finally:
        store.close()


def test_the_decoder_reads_the_case_file(root: Path, tmp_path: Path) -> None:
    """Before the erasure the decrypted pages show the schema, the person and the survivors."""
    build_case(root, tmp_path)
    blobs = plaintext(root)
    assert any(b"CREATE TABLE" in b for b in blobs)
    assert found_in(blobs, ("Qxyzzelbrot",))
    assert found_in(blobs, (SURVIVOR,))
    raw = (root / "casefile.db").read_bytes()
    assert b"Qxyzzelbrot" not in raw and b"CREATE TABLE" not in raw  # it is encrypted


def test_after_erasure_no_byte_of_the_name_remains(root: Path, tmp_path: Path) -> None:
    client_id = build_case(root, tmp_path)
    erase(root, client_id)
    blobs = plaintext(root)
    assert found_in(blobs, (SURVIVOR,)), "the decoder must still find a surviving client"
    assert any(b"CREATE TABLE" in b for b in blobs)
    assert found_in(blobs, SECRETS) == set()


def test_an_erasure_in_the_same_session_leaves_nothing_even_before_closing(
    root: Path, tmp_path: Path
) -> None:
    """A session's WAL must not keep the person's data after erasing (think of a crash)."""
    store = casefile.init(root, PASSPHRASE).store
    try:
        client_id = fill(store, tmp_path)
        casework.erase_client(store, client_id)
        blobs = plaintext(root)  # read while the case file is still open
    finally:
        store.close()
    assert found_in(blobs, (SURVIVOR,))
    assert found_in(blobs, SECRETS) == set()


def test_an_erasure_after_compaction_leaves_nothing_of_the_settled_history(
    root: Path, tmp_path: Path
) -> None:
    """Settled history (a deleted note's text kept there, links, the merge) goes too."""
    store = casefile.init(root, PASSPHRASE).store
    try:
        client_id = fill(store, tmp_path)
        assert compaction.compact(store).dropped_rows > 0
        casework.erase_client(store, client_id)
    finally:
        store.close()
    blobs = plaintext(root)
    assert found_in(blobs, (SURVIVOR,))
    assert found_in(blobs, SECRETS) == set()


def test_every_full_text_index_is_optimised_by_scrub(store: Store) -> None:
    """A full-text table added by a later schema must get its 'optimize' statement too."""
    from desktop.store.retention import OPTIMIZE, fts_tables

    assert fts_tables(store.conn) and set(fts_tables(store.conn)) <= set(OPTIMIZE)
