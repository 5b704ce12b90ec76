"""`export-json --with-scans`: a ZIP with the JSON and every scan under a safe, unique name; the
audit trail in the whole-file export."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from desktop.domain.catalogues import DocumentKind
from desktop.domain.model import Attachment, Client, DocumentItem
from desktop.services import casefile, casework
from desktop.services.export_archive import safe_file_name, unique_names

PASSPHRASE = "correct horse battery staple"
EXIT_USAGE = 2

# Names as a colleague's computer may send them in a bundle (the window only attaches a file's
# own name, but a bundle is not the window).
HOSTILE = {
    "../x.pdf": b"%PDF first",
    "..\\..\\Windows\\x.pdf": b"%PDF second",
    "X.PDF": b"%PDF third",
    "/etc/passwd": b"root:x:0:0",
    "CON.jpg": b"\xff\xd8 jpeg",
    "Pass\x00port:*?.pdf": b"%PDF passport",
    "..": b"dots only",
}


def attach(store, document_id: str, name: str, data: bytes) -> Attachment:
    """Store an attachment under any name, as a sync bundle could."""
    sha = hashlib.sha256(data).hexdigest()
    attachment = Attachment(document_id, name, "application/octet-stream", len(data), sha)
    with store.transaction() as tx:
        tx.put_blob(sha, data)
        tx.insert(attachment)
    return attachment


@pytest.fixture
def with_scans(cli, initialised: str, data_dir: Path) -> tuple[str, dict[str, Attachment]]:
    store = casefile.unlock(data_dir, passphrase=PASSPHRASE, use_keyring=False)
    try:
        client = Client("Haddad", "Rania")
        item = DocumentItem(client.id, DocumentKind.PASSPORT)
        casework.add(store, client, item)
        attached = {name: attach(store, item.id, name, data) for name, data in HOSTILE.items()}
    finally:
        store.close()
    return client.id, attached


def test_the_zip_holds_the_json_and_every_scan_under_a_safe_name(
    cli, with_scans, tmp_path: Path
) -> None:
    client_id, attached = with_scans
    target = tmp_path / "Fallakte.zip"

    code, out, err = cli("export-json", "--with-scans", str(target))

    assert (code, out) == (0, ""), err
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        assert names[0] == "export.json"
        scans = sorted(n.casefold() for n in names[1:])
        assert scans == [  # the three x.pdf numbered in the order of their attachments' ids
            "scans/_con.jpg",
            "scans/passport.pdf",
            "scans/passwd",
            "scans/scan",
            "scans/x (2).pdf",
            "scans/x (3).pdf",
            "scans/x.pdf",
        ]
        assert all(not n.startswith("/") and ".." not in n.split("/") for n in names)
        document = json.loads(archive.read("export.json"))
        where = document["meta"]["scans"]
        for name, attachment in attached.items():
            data = archive.read(where[attachment.id])
            assert data == HOSTILE[name]
            assert hashlib.sha256(data).hexdigest() == attachment.sha256
    assert [c["id"] for c in document["clients"]] == [client_id]
    assert {a["id"] for a in document["attachments"]} == {a.id for a in attached.values()}
    assert "exported" not in {e["action"] for e in document["audit"]}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Fallakte.zip", "data"]  # no temporary


def test_with_scans_needs_a_file_not_stdout(cli, with_scans, data_dir: Path, snapshot) -> None:
    before = snapshot(data_dir)
    code, out, err = cli("export-json", "--with-scans", "-")
    assert (code, out) == (EXIT_USAGE, "")
    assert err.strip() == "--with-scans writes a ZIP file: name it instead of '-'."
    assert snapshot(data_dir) == before


def test_the_whole_file_export_carries_the_audit_trail_as_stored(cli, with_scans) -> None:
    client_id, _ = with_scans
    code, out, err = cli("export-json", "-")
    assert code == 0, err
    audit = json.loads(out)["audit"]
    assert {"id", "at", "action", "client", "who", "device", "detail"} == set(audit[0])
    assert [e for e in audit if e["client"] == client_id and e["action"] == "created"]
    assert [e["at"] for e in audit] == sorted(e["at"] for e in audit)  # oldest first
    assert "Haddad" not in json.dumps(audit) and "Rania" not in json.dumps(audit)
    code, out, _ = cli("export-json", "-")
    again = json.loads(out)["audit"]
    assert again[: len(audit)] == audit and again[-1]["action"] == "exported"  # the first export


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../x.pdf", "x.pdf"),
        ("C:\\Users\\x.pdf", "x.pdf"),
        ("...", "scan"),
        (".bashrc", "bashrc"),
        ("nul", "_nul"),
        ("LPT1.txt", "_LPT1.txt"),
        ("a" * 300 + ".pdf", "a" * 116 + ".pdf"),
        ("Zeugnis\u202egpj.exe", "Zeugnisgpj.exe"),  # a right-to-left override hides the suffix
        ("Aufenthaltstitel Müller.pdf", "Aufenthaltstitel Müller.pdf"),
    ],
)
def test_safe_file_names(name: str, safe: str) -> None:
    assert safe_file_name(name) == safe


def test_repeated_names_are_numbered_ignoring_case() -> None:
    assert unique_names(["a.pdf", "A.pdf", "a (2).pdf", "a.pdf"]) == [
        "a.pdf",
        "A (2).pdf",
        "a (2) (2).pdf",
        "a (3).pdf",
    ]
