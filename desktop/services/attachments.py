"""Scans and photos attached to checklist items, kept encrypted inside the case file.

The bytes go into the content-addressed blob table, in the same transaction as the attachment
row; the attachment's change rows carry only its metadata and the SHA-256 of the bytes.
"""

from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.errors import DamagedCaseFile, InvalidInput
from desktop.domain.model import Attachment, DocumentItem
from desktop.services import casework
from desktop.store.store import Store

MAX_BYTES = 20 * 1024 * 1024
_FALLBACK_TYPE = "application/octet-stream"


@dataclass(frozen=True)
class AttachmentInfo:
    """What a list of attachments shows; the bytes are read only when opened."""

    id: str
    document_id: str
    file_name: str
    media_type: str
    size: int

    @classmethod
    def of(cls, attachment: Attachment) -> AttachmentInfo:
        """The info of a stored attachment."""
        a = attachment
        return cls(a.id, a.document_id, a.file_name, a.media_type, a.size)


def _unreadable(path: Path) -> InvalidInput:
    return InvalidInput(
        "file",
        f"The file {path.name} cannot be read: it is missing or not accessible.",
        f"Die Datei {path.name} kann nicht gelesen werden: sie fehlt oder ist nicht zugänglich.",
    )


def _too_large(path: Path) -> InvalidInput:
    limit = MAX_BYTES // (1024 * 1024)
    return InvalidInput(
        "file",
        f"The file {path.name} is larger than {limit} MB and was not attached.",
        f"Die Datei {path.name} ist größer als {limit} MB und wurde nicht angehängt.",
    )


def _read(path: Path) -> bytes:
    """The file's bytes, or InvalidInput (missing, a folder, unreadable, empty, too large)."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise _too_large(path)
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError:
        raise _unreadable(path) from None
    if len(data) > MAX_BYTES:  # grew while we looked
        raise _too_large(path)
    if not data:
        raise InvalidInput(
            "file",
            f"The file {path.name} is empty and was not attached.",
            f"Die Datei {path.name} ist leer und wurde nicht angehängt.",
        )
    return data


def media_type_of(file_name: str) -> str:
    """The media type guessed from the file name's suffix ("application/pdf", "image/jpeg")."""
    guessed, _ = mimetypes.guess_type(file_name, strict=False)
    return guessed or _FALLBACK_TYPE


def attach_file(store: Store, document_id: str, path: Path) -> AttachmentInfo:
    """Store a copy of the file with the checklist item (NotFound if there is no such item)."""
    store.get(DocumentItem, document_id)
    path = Path(path)
    data = _read(path)
    sha256 = hashlib.sha256(data).hexdigest()
    attachment = Attachment(document_id, path.name, media_type_of(path.name), len(data), sha256)
    with store.transaction() as tx:
        tx.put_blob(sha256, data)
        tx.insert(attachment)
    return AttachmentInfo.of(attachment)


def attachments_of(store: Store, document_id: str) -> list[AttachmentInfo]:
    """The files attached to one checklist item, by file name."""
    return [AttachmentInfo.of(a) for a in store.attachments_of([document_id])]


def read_attachment(store: Store, attachment_id: str) -> bytes:
    """The attached file's bytes (NotFound for an unknown id); checked against their hash."""
    attachment = store.get(Attachment, attachment_id)
    data = store.blob(attachment.sha256)
    if hashlib.sha256(data).hexdigest() != attachment.sha256:
        raise DamagedCaseFile(
            f"The attached file {attachment.file_name} is damaged.",
            f"Die angehängte Datei {attachment.file_name} ist beschädigt.",
        )
    return data


def remove_attachment(store: Store, attachment_id: str) -> None:
    """Delete an attachment; its bytes go too unless another attachment holds the same file."""
    casework.remove(store, Attachment, attachment_id)


def attachments_by_item(store: Store, document_ids: list[str]) -> dict[str, list[AttachmentInfo]]:
    """The files attached to each of these checklist items, by file name (items without any
    are left out); one query for a whole checklist."""
    found: dict[str, list[AttachmentInfo]] = {}
    for attachment in store.attachments_of(list(document_ids)):
        found.setdefault(attachment.document_id, []).append(AttachmentInfo.of(attachment))
    return found


def save_copy(store: Store, attachment_id: str, target: Path) -> Path:
    """Write an unencrypted copy of an attached file to `target` (OSError if that fails)."""
    target = Path(target)
    target.write_bytes(read_attachment(store, attachment_id))
    return target
