"""`export-json --with-scans`: the JSON export and the attached scans, decrypted, in one ZIP.

The ZIP holds `export.json` (the export, with `meta.scans` naming each attachment's file) and
`scans/<file name>`, each scan under its original file name made safe: no folders (a name like
`../x.pdf` or `C:\\x.pdf` keeps only `x.pdf`), no characters Windows refuses, no device names
(`CON`, `NUL`), and a repeated name numbered (`x.pdf`, `x (2).pdf`). Written to a temporary file
beside the target and renamed at the end: a failure leaves no half ZIP.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
import zipfile
from pathlib import Path
from typing import BinaryIO

from desktop.fsutil import atomic_write
from desktop.services import audit
from desktop.services.attachments import read_attachment
from desktop.services.export import export_document
from desktop.store.store import Store

JSON_NAME = "export.json"
SCANS = "scans"
MAX_NAME = 120  # characters of a scan's file name in the ZIP
_FORBIDDEN = set('<>:"/\\|?*')
_DEVICES = {"CON", "PRN", "AUX", "NUL"} | {f"{p}{n}" for p in ("COM", "LPT") for n in range(1, 10)}


def safe_file_name(name: str) -> str:
    """The last part of `name` as a file name any system accepts ("scan" if nothing is left)."""
    base = re.split(r"[\\/]", unicodedata.normalize("NFC", name))[-1]
    base = "".join(
        c for c in base if c not in _FORBIDDEN and unicodedata.category(c) not in ("Cc", "Cf")
    )
    base = base.strip(" .")  # "..", ".hidden" and "x. " are no names Windows keeps as given
    stem, suffix = os.path.splitext(base)
    if len(suffix) > 16:  # not a suffix, just a dot in a long name
        stem, suffix = base, ""
    if stem.split(".")[0].upper() in _DEVICES:
        stem = "_" + stem
    stem = stem[: MAX_NAME - len(suffix)].rstrip(" .")
    return (stem or "scan") + suffix


def unique_names(names: list[str]) -> list[str]:
    """Each name made safe, a repeat (ignoring case, as Windows does) numbered "x (2).pdf"."""
    taken: set[str] = set()
    result = []
    for name in names:
        safe = safe_file_name(name)
        stem, suffix = os.path.splitext(safe)
        candidate, n = safe, 1
        while candidate.casefold() in taken:
            n += 1
            candidate = f"{stem} ({n}){suffix}"
        taken.add(candidate.casefold())
        result.append(candidate)
    return result


def export_with_scans(store: Store, client_id: str | None, target: Path) -> int:
    """Write the export and its scans as a ZIP to `target`; returns the number of scans.

    DamagedCaseFile if a scan's bytes do not match their hash, StorageFailed if the disk refuses;
    nothing is left at `target` then. The audit trail records that the export was handed out.
    """
    document = export_document(store, client_id)
    listed = document["attachments"]
    paths = [f"{SCANS}/{n}" for n in unique_names([a["file_name"] for a in listed])]
    document["meta"]["scans"] = {a["id"]: path for a, path in zip(listed, paths, strict=True)}
    text = json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1) + "\n"

    def write(handle: BinaryIO) -> None:
        with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(JSON_NAME, text.encode("utf-8"))
            for attachment, path in zip(listed, paths, strict=True):
                archive.writestr(path, read_attachment(store, attachment["id"]))

    atomic_write(Path(target), write)
    audit.record(store, "exported", client_id, what="json+scans")
    return len(listed)
