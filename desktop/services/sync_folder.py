"""One exchange round through a shared folder, for `sync folder DIR` and the watched folder.

The folder is kept in step by another engine (Syncthing, Nextcloud, an SMB share), which leaves
its own files beside ours: conflict copies under other names, temporary names, files still being
copied. So a file is known by its header (bundle id, sender, recipients), never by its name, and
the order of imports comes from the bundles themselves, never from file times (FAT32 keeps two
seconds; sync engines set times as they please). File times serve one purpose only: telling a file
that is still arriving from one that is broken.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from desktop.domain.errors import BundleRejected, InvalidInput
from desktop.fsutil import new_temporary
from desktop.services import compaction, sync
from desktop.services.compaction import CompactReport
from desktop.services.sync_folder_look import (
    SETTLE,
    Candidate,
    FolderLooks,
    Judge,
    Refused,
    candidates,
    look_at,
)
from desktop.store.consent import Sharing
from desktop.store.store import Store
from desktop.store.sync_state import ColleagueRecord
from desktop.sync.bundle import (
    BundleError,
    Header,
    key_id,
    verify_signature,
)
from desktop.sync.exchange import ExportSummary, ImportSummary

COMPACT_PER_ROUND = 6_000  # change rows looked at for compaction after a round (about 0.6 s)
# Refusals that wait for something else to happen first: held, not refused.
WAITING_REASONS = frozenset({"gap", "from_the_future"})


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
class Round:
    """What one exchange round did."""

    imports: list[Merged]
    held: list[Held]
    refused: list[Refused]  # reported once per file version (see FolderLooks)
    incomplete: list[Path]  # still arriving: looked at again next round, no error
    exported: list[ExportSummary]
    removed: list[Path]  # this computer's superseded bundles
    refused_before: int = 0  # refused files already reported in an earlier round
    kept: list[Path] = field(default_factory=list)  # superseded, but another program holds them
    compacted: CompactReport | None = None  # the compaction after the round (None: cancelled)

    @property
    def waiting(self) -> int:
        """Files in the folder addressed here that wait for the coordinator or for time."""
        return len(self.held) + len(self.refused) + self.refused_before


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
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    settle_seconds: float = SETTLE,
    looks: FolderLooks | None = None,
) -> Round:
    """Import every new bundle in `folder` addressed to this computer, then write a bundle for
    each colleague who would learn something from it, removing this computer's older ones.

    OSError if the folder cannot be read. What to write is decided from the headers in the
    folder. Once `cancelled()` is true no further bundle is merged and nothing is written.
    """
    looks = looks if looks is not None else FolderLooks()
    if not folder.is_dir():
        raise NotADirectoryError(folder)
    look = look_at(store, candidates(folder))
    judge = Judge(looks, settle_seconds)
    for path, error in look.unreadable:
        judge.failed(path, error, for_me=False)
    total = len(look.for_me) + len(store.sync_state.colleagues())
    imports, held = _import_all(store, look.for_me, judge, progress, cancelled, total)
    looks.last = judge.versions
    if cancelled():
        return _round(imports, held, judge, [], [], [])
    exported, removed, kept = _export_all(store, folder, look.mine)
    # What every colleague has now acknowledged is settled, a few slices a round: a large file
    # of old history is worked through over several rounds, each staying short.
    compacted = compaction.compact(store, limit=COMPACT_PER_ROUND)
    if progress is not None:
        progress(total, total)
    return _round(imports, held, judge, exported, removed, kept, compacted)


def _round(
    imports: list[Merged],
    held: list[Held],
    judge: Judge,
    exported: list[ExportSummary],
    removed: list[Path],
    kept: list[Path],
    compacted: CompactReport | None = None,
) -> Round:
    return Round(
        imports,
        held,
        judge.refused,
        judge.incomplete,
        exported,
        removed,
        judge.refused_before,
        kept,
        compacted,
    )


# -- importing -------------------------------------------------------------------------------


def _import_all(
    store: Store,
    pending: list[Candidate],
    judge: Judge,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool],
    total: int,
) -> tuple[list[Merged], list[Held]]:
    """Merge in header order; a bundle whose base is missing waits and is tried again after
    every merge, until a pass merges nothing."""
    imports: list[Merged] = []
    held: list[Held] = []
    waiting: list[Candidate] = []
    have = store.log.version_vector()
    done = 0
    while pending:
        for candidate in pending:
            if cancelled():
                return imports, held
            if _lacks(have, candidate.header.base):
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


def _lacks(have: dict[str, int], base: dict[str, int]) -> bool:
    """`have` (what a case file holds) falls short of `base` (what a bundle builds on)."""
    return any(have.get(device, 0) < needed for device, needed in base.items())


def _import_one(
    store: Store, candidate: Candidate, judge: Judge, held: list[Held]
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
    return _nonzero(header.vector) != vector or _lacks(record.acked, header.base)


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
