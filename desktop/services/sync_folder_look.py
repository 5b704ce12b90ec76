"""Reading a shared folder for an exchange round: which files are bundles, what each header says,
and whether a file that fails is still arriving or broken.

A file is known by its header (bundle id, sender, recipients), never by its name; file times
serve one purpose only: telling a file that is still arriving from one that is broken.
"""

from __future__ import annotations

import contextlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from desktop.domain.errors import BundleRejected
from desktop.store.store import Store
from desktop.sync import messages
from desktop.sync.bundle import BundleError, Header, key_id, read_header
from desktop.sync.identity import ensure_identity

SUFFIX = ".wdb"
SETTLE = 30.0  # seconds: a failing file changed more recently than this may still be arriving
# Refusals that a file still being copied (or replaced) can cause: judged by size and time.
FILE_REASONS = frozenset(
    {"not_a_bundle", "malformed_header", "bad_signature", "damaged", "changed_while_reading"}
)

Version = tuple[int, int]  # (size, mtime_ns) of a file as last looked at


@dataclass(frozen=True)
class Refused:
    """A file that is stable and still cannot be merged; `for_me`: its header names this
    computer as a recipient (an unreadable file's recipients are unknown)."""

    path: Path
    error: BundleRejected
    for_me: bool


@dataclass
class FolderLooks:
    """What earlier rounds saw of failing files (the window keeps one across rounds; the
    command line starts afresh every run): their last (size, mtime_ns), and which versions were
    already reported as refused."""

    last: dict[Path, Version] = field(default_factory=dict)
    reported: set[tuple[Path, Version]] = field(default_factory=set)


@dataclass
class Candidate:
    """One bundle id addressed to this computer, with every file that holds it."""

    header: Header
    paths: list[Path]


@dataclass
class _Look:
    """The folder as read at the start of a round."""

    for_me: list[Candidate]
    mine: list[tuple[Path, Header]]  # bundles signed with this computer's key
    unreadable: list[tuple[Path, BundleRejected]]


def candidates(folder: Path) -> list[Path]:
    """Regular files whose name ends in .wdb (any case): conflict copies included, temporary
    names, dot-files, folders and symbolic links never."""
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            name = entry.name
            if name.startswith(".") or not name.lower().endswith(SUFFIX):
                continue
            with contextlib.suppress(OSError):
                if entry.is_file(follow_symlinks=False):
                    found.append(Path(entry.path))
    return sorted(found)


def look_at(store: Store, paths: list[Path]) -> _Look:
    """Every header: what is new for this computer (one entry per bundle id), what is ours."""
    me = ensure_identity(store)
    my_key = key_id(me.exchange_key)
    by_id: dict[str, Candidate] = {}
    mine: list[tuple[Path, Header]] = []
    unreadable: list[tuple[Path, BundleRejected]] = []
    for path in paths:
        try:
            header = read_header(path)
        except BundleError as error:
            unreadable.append((path, messages.rejected(error.reason, "")))
            continue
        except OSError:
            unreadable.append((path, messages.rejected("missing", path.name)))
            continue
        if header.sender_signing_key == me.signing_key:
            mine.append((path, header))
        elif my_key not in {s.key_id for s in header.recipients}:
            continue  # for a colleague: not ours to read
        elif header.bundle_id in by_id:
            by_id[header.bundle_id].paths.append(path)  # a conflict copy of the same bundle
        elif not store.sync_state.seen(header.bundle_id):
            by_id[header.bundle_id] = Candidate(header, [path])
    ordered = sorted(by_id.values(), key=lambda c: (c.header.created_hlc, c.header.bundle_id))
    return _Look(ordered, mine, unreadable)


class Judge:
    """Sorts failing files into still arriving (incomplete) and refused, once per version."""

    def __init__(self, looks: FolderLooks, settle_seconds: float) -> None:
        self.looks = looks
        self.settle_ns = int(settle_seconds * 1e9)
        self.now_ns = time.time_ns()
        self.versions: dict[Path, Version] = {}
        self.refused: list[Refused] = []
        self.incomplete: list[Path] = []
        self.refused_before = 0

    def failed(self, path: Path, error: BundleRejected, *, for_me: bool) -> None:
        if error.reason == "missing":  # gone or held by another program since the listing
            self.incomplete.append(path)
            return
        if error.reason in FILE_REASONS and self._arriving(path):
            self.incomplete.append(path)
            return
        version = self.versions.get(path) or self._version(path)
        if version is None:
            self.incomplete.append(path)
            return
        key = (path, version)
        if key in self.looks.reported:
            self.refused_before += 1
            return
        self.looks.reported.add(key)
        self.refused.append(Refused(path, error, for_me))

    def _version(self, path: Path) -> Version | None:
        try:
            st = path.stat()
        except OSError:
            return None
        version = (st.st_size, st.st_mtime_ns)
        self.versions[path] = version
        return version

    def _arriving(self, path: Path) -> bool:
        """Changed since the last look, or changed a moment ago."""
        version = self._version(path)
        if version is None:
            return True
        before = self.looks.last.get(path)
        return (before is not None and before != version) or abs(
            self.now_ns - version[1]
        ) < self.settle_ns
