"""One exchange round through a shared folder, for `sync folder DIR` and the watched folder.

The folder is kept in step by another engine (Syncthing, Nextcloud, an SMB share), which leaves
its own files beside ours: conflict copies under other names, temporary names, files still being
copied. So a file is known by its header (bundle id, sender, recipients), never by its name, and
the order of imports comes from the bundles themselves, never from file times (FAT32 keeps two
seconds; sync engines set times as they please). File times serve one purpose only: telling a file
that is still arriving from one that is broken.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from desktop.domain.errors import BundleRejected, InvalidInput
from desktop.fsutil import new_temporary
from desktop.services import compaction, sync
from desktop.services.compaction import CompactReport
from desktop.services.sync import change_mark
from desktop.store.consent import Sharing
from desktop.store.store import Store
from desktop.store.sync_state import ColleagueRecord
from desktop.sync import messages
from desktop.sync.bundle import (
    MAGIC,
    MAX_HEADER,
    PREAMBLE,
    BundleError,
    Header,
    key_id,
    verify_signature,
)
from desktop.sync.exchange import ExportSummary, ImportSummary
from desktop.sync.header import parse_head
from desktop.sync.identity import ensure_identity

SUFFIX = ".wdb"
COMPACT_PER_ROUND = 6_000  # change rows looked at for compaction after a round (about 0.6 s)
SETTLE = 30.0  # seconds: a failing file changed more recently than this may still be arriving
PEEK = 8192  # bytes read first for a header; a longer header is read on
# Refusals that a file still being copied (or replaced) can cause: judged by size and time.
FILE_REASONS = frozenset(
    {"not_a_bundle", "malformed_header", "bad_signature", "damaged", "changed_while_reading"}
)
# Refusals that wait for something else to happen first: held, not refused.
WAITING_REASONS = frozenset({"gap", "from_the_future"})

Version = tuple[int, int]  # (size, mtime_ns) of a file as last looked at


@dataclass(frozen=True)
class Merged:
    """A bundle of the folder that was merged."""

    path: Path
    summary: ImportSummary


@dataclass(frozen=True)
class Held:
    """A bundle that waits: for changes this case file lacks (a gap), or for the clock."""

    path: Path
    error: BundleRejected


@dataclass(frozen=True)
class Refused:
    """A file that is stable and still cannot be merged; `for_me`: its header names this
    computer as a recipient (an unreadable file's recipients are unknown)."""

    path: Path
    error: BundleRejected
    for_me: bool


@dataclass(frozen=True)
class Round:
    """What one exchange round did."""

    imports: list[Merged]
    held: list[Held]
    refused: list[Refused]  # reported once per file version (see FolderLooks)
    incomplete: list[Path]  # still arriving: looked at again next round, no error
    exported: list[ExportSummary]
    removed: list[Path]  # this computer's superseded bundles
    mark: int  # `change_mark` after the round
    refused_before: int = 0  # refused files already reported in an earlier round
    kept: list[Path] = field(default_factory=list)  # superseded, but another program holds them
    compacted: CompactReport | None = None  # the compaction after the round (None: cancelled)

    @property
    def waiting(self) -> int:
        """Files in the folder addressed here that wait for the coordinator or for time."""
        return len(self.held) + len(self.refused) + self.refused_before


@dataclass
class FolderLooks:
    """What earlier rounds saw of failing files (the window keeps one across rounds; the
    command line starts afresh every run): their last (size, mtime_ns), and which versions were
    already reported as refused."""

    last: dict[Path, Version] = field(default_factory=dict)
    reported: set[tuple[Path, Version]] = field(default_factory=set)


@dataclass
class _Candidate:
    """One bundle id addressed to this computer, with every file that holds it."""

    header: Header
    paths: list[Path]


@dataclass
class _Look:
    """The folder as read at the start of a round."""

    for_me: list[_Candidate]
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


def check_usable(folder: Path) -> None:
    """InvalidInput unless `folder` is a folder this computer can write in (a file is made and
    removed again to find out: access lists and Controlled Folder Access answer nothing else)."""
    try:
        is_dir = folder.is_dir()
    except OSError:
        is_dir = False
    if not is_dir:
        raise InvalidInput(
            "folder",
            f"The folder {folder} does not exist or is not a folder.",
            f"Der Ordner {folder} existiert nicht oder ist kein Ordner.",
        )
    try:
        fd, name = new_temporary(folder, ".wd-probe-", ".tmp")
        os.close(fd)
        os.unlink(name)
    except OSError:
        raise InvalidInput(
            "folder",
            f"Welcome Desk cannot write in the folder {folder}.",
            f"Welcome Desk kann im Ordner {folder} nicht schreiben.",
        ) from None


def exchange_round(
    store: Store,
    folder: Path,
    *,
    last_mark: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    settle_seconds: float = SETTLE,
    looks: FolderLooks | None = None,
) -> Round:
    """Import every new bundle in `folder` addressed to this computer, then write a bundle for
    each colleague who would learn something from it, removing this computer's older ones.

    OSError if the folder cannot be read. `last_mark` is accepted for callers that keep it; what
    to write is decided from the headers in the folder. Once `cancelled()` is true no further
    bundle is merged and nothing is written.
    """
    del last_mark  # the headers say what each colleague has been sent already
    looks = looks if looks is not None else FolderLooks()
    if not folder.is_dir():
        raise NotADirectoryError(folder)
    look = _look(store, candidates(folder))
    judge = _Judge(looks, settle_seconds)
    for path, error in look.unreadable:
        judge.failed(path, error, for_me=False)
    total = len(look.for_me) + len(store.sync_state.colleagues())
    imports, held = _import_all(store, look.for_me, judge, progress, cancelled, total)
    looks.last = judge.versions
    if cancelled():
        return _round(imports, held, judge, [], [], [], store)
    exported, removed, kept = _export_all(store, folder, look.mine)
    # What every colleague has now acknowledged is settled, a few slices a round: a large file
    # of old history is worked through over several rounds, each staying short.
    compacted = compaction.compact(store, limit=COMPACT_PER_ROUND)
    if progress is not None:
        progress(total, total)
    return _round(imports, held, judge, exported, removed, kept, store, compacted)


def _round(
    imports: list[Merged],
    held: list[Held],
    judge: _Judge,
    exported: list[ExportSummary],
    removed: list[Path],
    kept: list[Path],
    store: Store,
    compacted: CompactReport | None = None,
) -> Round:
    return Round(
        imports,
        held,
        judge.refused,
        judge.incomplete,
        exported,
        removed,
        change_mark(store),
        judge.refused_before,
        kept,
        compacted,
    )


# -- reading the folder ----------------------------------------------------------------------


def read_head(path: Path) -> Header:
    """The header of a bundle file, reading no more of it than the header (BundleError if the
    file is not a readable bundle)."""
    with path.open("rb") as f:
        head = f.read(PEEK)
        if len(head) >= PREAMBLE and head[:8] == MAGIC:
            end = PREAMBLE + int.from_bytes(head[10:14], "big")
            if len(head) < end <= PREAMBLE + MAX_HEADER:
                head += f.read(end - len(head))
    return parse_head(head)


def _look(store: Store, paths: list[Path]) -> _Look:
    """Every header: what is new for this computer (one entry per bundle id), what is ours."""
    me = ensure_identity(store)
    my_key = key_id(me.exchange_key)
    by_id: dict[str, _Candidate] = {}
    mine: list[tuple[Path, Header]] = []
    unreadable: list[tuple[Path, BundleRejected]] = []
    for path in paths:
        try:
            header = read_head(path)
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
            by_id[header.bundle_id] = _Candidate(header, [path])
    ordered = sorted(by_id.values(), key=lambda c: (c.header.created_hlc, c.header.bundle_id))
    return _Look(ordered, mine, unreadable)


class _Judge:
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


# -- importing -------------------------------------------------------------------------------


def _import_all(
    store: Store,
    pending: list[_Candidate],
    judge: _Judge,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool],
    total: int,
) -> tuple[list[Merged], list[Held]]:
    """Merge in header order; a bundle whose base is missing waits and is tried again after
    every merge, until a pass merges nothing."""
    imports: list[Merged] = []
    held: list[Held] = []
    waiting: list[_Candidate] = []
    have = store.log.version_vector()
    done = 0
    while pending:
        for candidate in pending:
            if cancelled():
                return imports, held
            if _lacks(have, candidate.header):
                waiting.append(candidate)
                continue
            done += 1
            if progress is not None:
                progress(done, total)
            merged = _import_one(store, candidate, judge, held)
            if merged is not None:
                imports.append(merged)
                have = store.log.version_vector()
        progressed = len(waiting) < len(pending)
        pending, waiting = (waiting, []) if progressed else ([], waiting)
    for candidate in waiting:  # the full checks, for the right sentence (or a late merge)
        merged = _import_one(store, candidate, judge, held)
        if merged is not None:
            imports.append(merged)
    return imports, held


def _lacks(have: dict[str, int], header: Header) -> bool:
    """The bundle builds on changes this case file does not hold yet."""
    return any(have.get(device, 0) < needed for device, needed in header.base.items())


def _import_one(
    store: Store, candidate: _Candidate, judge: _Judge, held: list[Held]
) -> Merged | None:
    """Merge the first copy that merges; the others go unread (the same bundle id)."""
    failures: list[tuple[Path, BundleRejected]] = []
    for path in candidate.paths:
        try:
            return Merged(path, sync.import_file(store, path))
        except BundleRejected as error:
            if error.reason in WAITING_REASONS:
                held.append(Held(path, error))
                return None
            failures.append((path, error))
    for path, refusal in failures:
        judge.failed(path, refusal, for_me=True)
    return None


# -- exporting -------------------------------------------------------------------------------


def _export_all(
    store: Store, folder: Path, mine: list[tuple[Path, Header]]
) -> tuple[list[ExportSummary], list[Path], list[Path]]:
    """Per colleague: a fresh bundle if it says something new; then this computer's other
    bundles for them go (those another program holds stay for the next round)."""
    exported: list[ExportSummary] = []
    removed: list[Path] = []
    kept: list[Path] = []
    vector = _nonzero(store.log.version_vector())
    share: Sharing | None = None  # who may travel: read once a round, the same for everyone
    for record in store.sync_state.colleagues():
        theirs = key_id(record.exchange_key)
        ours = [(p, h) for p, h in mine if [s.key_id for s in h.recipients] == [theirs]]
        current = max(ours, key=lambda o: (o[1].created_hlc, o[1].bundle_id), default=None)
        keep: Path | None = None
        if current is None or _says_something_new(current[1], vector, record):
            share = share or store.consent.sharing(date.today())
            summary = sync.export_for(store, record.name, folder, share=share)
            exported.append(summary)
            keep = summary.path
        else:
            keep = _canonical(p for p, h in ours if h.bundle_id == current[1].bundle_id)
        for path, header in ours:
            if path != keep and _provably_ours(path, header):
                (removed if _removed(path) else kept).append(path)
    return exported, removed, kept


def _says_something_new(header: Header, vector: dict[str, int], record: ColleagueRecord) -> bool:
    """Our vector moved since that bundle (acknowledgements travel), or they lack changes below
    its base (they went back to an older copy, or we forgot what they acknowledged)."""
    if _nonzero(header.vector) != vector:
        return True
    return any(record.acked.get(device, 0) < needed for device, needed in header.base.items())


def _nonzero(vector: dict[str, int]) -> dict[str, int]:
    return {device: seq for device, seq in vector.items() if seq}


def _canonical(paths: Iterable[Path]) -> Path:
    """Of the names one bundle goes by, the one we gave it (`wd-…`), else the shortest."""
    return min(paths, key=lambda p: (not p.name.startswith("wd-"), len(p.name), p.name))


def _provably_ours(path: Path, header: Header) -> bool:
    """The header names this computer's key, and the signature proves it."""
    try:
        verify_signature(path, header)
    except (OSError, BundleError):
        return False
    return True


def _removed(path: Path) -> bool:
    """Delete a superseded bundle; False while another program holds it (next round)."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return True
