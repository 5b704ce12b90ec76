"""Scans attached to checklist items: stored encrypted in the case file, once per content."""

from __future__ import annotations

import hashlib
import os
from datetime import date
from pathlib import Path

import pytest

from desktop.domain.catalogues import DocumentKind, DocumentStatus
from desktop.domain.errors import InvalidInput, NotFound
from desktop.domain.model import Attachment, Client, DocumentItem, Note
from desktop.services import attachments, casework, clients
from desktop.services.attachments import MAX_BYTES, AttachmentInfo
from desktop.store.database import connect, prepare
from desktop.store.store import Store

PASSPORT_SCAN = b"%PDF-1.7 scan of a passport " + bytes(range(256)) * 40


def a_case(store: Store) -> tuple[Client, DocumentItem, DocumentItem]:
    client = Client("Haddad", "Rania")
    passport = DocumentItem(client.id, DocumentKind.PASSPORT, status=DocumentStatus.COPY_ON_FILE)
    visa = DocumentItem(client.id, DocumentKind.RESIDENCE_TITLE)
    casework.add(store, client, passport, visa)
    return client, passport, visa


def a_file(folder: Path, name: str, data: bytes = PASSPORT_SCAN) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def blobs(store: Store) -> int:
    return int(store.conn.execute("SELECT count(*) FROM blob").fetchone()[0])


def changes(store: Store) -> int:
    return int(store.conn.execute("SELECT count(*) FROM change").fetchone()[0])


def test_an_attached_scan_is_listed_and_reads_back_byte_for_byte(
    store: Store, tmp_path: Path
) -> None:
    _, passport, visa = a_case(store)
    info = attachments.attach_file(store, passport.id, a_file(tmp_path, "Reisepass.pdf"))
    assert info == AttachmentInfo(
        info.id, passport.id, "Reisepass.pdf", "application/pdf", len(PASSPORT_SCAN)
    )
    assert attachments.attachments_of(store, passport.id) == [info]
    assert attachments.attachments_of(store, visa.id) == []
    assert attachments.read_attachment(store, info.id) == PASSPORT_SCAN
    stored = store.get(Attachment, info.id)
    assert stored.sha256 == hashlib.sha256(PASSPORT_SCAN).hexdigest()


@pytest.mark.parametrize(
    ("name", "media_type"),
    [
        ("seite1.JPG", "image/jpeg"),
        ("scan.png", "image/png"),
        ("Bescheid.pdf", "application/pdf"),
        ("ohne-endung", "application/octet-stream"),
        ("notiz.xyz123", "application/octet-stream"),
    ],
)
def test_the_media_type_comes_from_the_suffix(
    store: Store, tmp_path: Path, name: str, media_type: str
) -> None:
    _, passport, _ = a_case(store)
    info = attachments.attach_file(store, passport.id, a_file(tmp_path, name))
    assert info.media_type == media_type


def test_several_scans_of_one_item_are_listed_by_file_name(store: Store, tmp_path: Path) -> None:
    _, passport, _ = a_case(store)
    for name, data in (("seite2.jpg", b"two"), ("seite1.jpg", b"one"), ("seite3.jpg", b"three")):
        attachments.attach_file(store, passport.id, a_file(tmp_path, name, data))
    listed = attachments.attachments_of(store, passport.id)
    assert [a.file_name for a in listed] == ["seite1.jpg", "seite2.jpg", "seite3.jpg"]
    assert [attachments.read_attachment(store, a.id) for a in listed] == [b"one", b"two", b"three"]


def test_files_that_cannot_be_attached_are_refused_with_one_sentence(
    store: Store, tmp_path: Path
) -> None:
    _, passport, _ = a_case(store)
    too_big = tmp_path / "riesig.pdf"
    with too_big.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    just_fits = tmp_path / "gerade.pdf"
    with just_fits.open("wb") as handle:
        handle.truncate(MAX_BYTES)
    (tmp_path / "ordner.pdf").mkdir()
    refused = {
        "riesig.pdf": "20 MB",
        "fehlt.pdf": "cannot be read",
        "ordner.pdf": "cannot be read",
        "leer.pdf": "empty",
    }
    a_file(tmp_path, "leer.pdf", b"")
    before = changes(store)
    for name, reason in refused.items():
        with pytest.raises(InvalidInput) as error:
            attachments.attach_file(store, passport.id, tmp_path / name)
        assert error.value.field == "file"
        for lang in ("en", "de"):
            text = error.value.text(lang)
            assert name in text and text.endswith(".") and text.count(". ") == 0
        assert reason in error.value.text("en")
    assert changes(store) == before and blobs(store) == 0
    info = attachments.attach_file(store, passport.id, just_fits)  # exactly 20 MB is fine
    assert info.size == MAX_BYTES


def test_unknown_ids_are_not_found(store: Store, tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        attachments.attach_file(store, "no-such-item", a_file(tmp_path, "a.pdf"))
    with pytest.raises(NotFound):
        attachments.read_attachment(store, "no-such-attachment")
    with pytest.raises(NotFound):
        attachments.remove_attachment(store, "no-such-attachment")
    assert blobs(store) == 0


def test_the_same_file_twice_is_stored_once_and_kept_while_still_attached(
    store: Store, tmp_path: Path
) -> None:
    _, passport, visa = a_case(store)
    scan = a_file(tmp_path, "scan.pdf")
    first = attachments.attach_file(store, passport.id, scan)
    second = attachments.attach_file(store, visa.id, scan)
    assert blobs(store) == 1
    attachments.remove_attachment(store, first.id)
    assert attachments.attachments_of(store, passport.id) == []
    assert attachments.read_attachment(store, second.id) == PASSPORT_SCAN
    attachments.remove_attachment(store, second.id)
    assert blobs(store) == 0


def test_removing_a_checklist_item_removes_its_scans(store: Store, tmp_path: Path) -> None:
    _, passport, visa = a_case(store)
    gone = attachments.attach_file(store, passport.id, a_file(tmp_path, "pass.pdf", b"passport"))
    kept = attachments.attach_file(store, visa.id, a_file(tmp_path, "visa.pdf", b"visa"))
    casework.remove(store, DocumentItem, passport.id)
    assert store.find(Attachment, gone.id) is None
    assert attachments.read_attachment(store, kept.id) == b"visa"
    assert blobs(store) == 1


def test_deleting_or_erasing_a_client_takes_the_scans_along(store: Store, tmp_path: Path) -> None:
    shared = a_file(tmp_path, "shared.pdf", b"the same family register for both")
    deleted, d_passport, _ = a_case(store)
    erased, e_passport, _ = a_case(store)
    other, o_passport, _ = a_case(store)
    attachments.attach_file(store, d_passport.id, a_file(tmp_path, "d.pdf", b"only deleted's"))
    attachments.attach_file(store, e_passport.id, a_file(tmp_path, "e.pdf", b"only erased's"))
    attachments.attach_file(store, e_passport.id, shared)
    kept = attachments.attach_file(store, o_passport.id, shared)
    clients.delete_client(store, deleted.id)
    assert blobs(store) == 2
    clients.erase_client(store, erased.id)
    assert blobs(store) == 1  # the other client's copy of the shared file stays
    assert attachments.read_attachment(store, kept.id) == b"the same family register for both"
    assert [a.document_id for a in store.all(Attachment)] == [o_passport.id]
    assert [c.id for c in store.all(Client)] == [other.id]


def test_a_scan_never_appears_in_plaintext_in_the_data_folder(tmp_path: Path) -> None:
    """Raw bytes of every file in the data folder: open, in a transaction, after closing."""
    secret = "Vertrauliche Geburtsurkunde Zzyqxwmeyer " * 50
    name = "Geburtsurkunde-Zzyqxwmeyer.txt"
    needles = [
        variant.encode(encoding)
        for text in ("Zzyqxwmeyer", secret[:60])
        for variant in (text, text.upper(), text.lower())
        for encoding in ("utf-8", "utf-16-le")
    ]
    folder = tmp_path / "data"
    folder.mkdir()
    db = folder / "casefile.db"
    conn = connect(db, os.urandom(32))
    prepare(conn, db, folder / "backups")
    store = Store(conn)

    def leaks() -> list[str]:
        return [
            f"{needle!r} in {path.name}"
            for path in folder.rglob("*")
            if path.is_file()
            for needle in needles
            if needle in path.read_bytes()
        ]

    try:
        _, passport, _ = a_case(store)
        upload = tmp_path / "outside" / name
        upload.parent.mkdir()
        upload.write_text(secret, encoding="utf-8")
        info = attachments.attach_file(store, passport.id, upload)
        casework.add(store, Note(passport.client_id, date(2026, 1, 5), "Scan angehängt"))
        assert (folder / "casefile.db-wal").stat().st_size > 0
        assert leaks() == []
        with store.transaction():
            assert attachments.read_attachment(store, info.id) == secret.encode("utf-8")
            assert leaks() == []
    finally:
        store.close()
    assert leaks() == []
    assert sorted(p.name for p in folder.iterdir()) == ["casefile.db"]
