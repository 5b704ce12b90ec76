"""Erasure that reaches every copy Welcome Desk keeps, and stays done after a restore.

`erase_clients` erases in the case file (`casework`), enters the ids in the erasure ledger (the
table and `erasures.json` in the data folder) and rewrites or removes the copies that still hold
the person (`erasure_copies`). `after_open` runs whenever a case file is opened or restored,
before anything is read from it: scratch left-overs go, the ledger's two copies are made whole,
and every erasure that the file still holds (an older backup restored) is applied again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.services import casework
from desktop.services.erasure_copies import CopiesSwept, clean_scratch, erase_in_copies
from desktop.store.store import Store


@dataclass(frozen=True)
class Erased:
    """Rows erased in the case file, and what happened to its copies."""

    rows: int
    copies: CopiesSwept = field(default_factory=CopiesSwept)


def erase_clients(
    store: Store, client_ids: list[str], progress: Callable[[int, int], None] | None = None
) -> Erased:
    """Erase these clients in the case file, the ledger and every copy kept in the data folder
    and the backup folder."""
    rows = casework.erase_clients(store, client_ids, progress)
    ledger = store.erasure_ledger()  # the mirror outside the database learns them now
    erased = [e.client_id for e in ledger]
    return Erased(rows, erase_in_copies(store, erased, _backup_folder(store)))


def after_open(store: Store) -> int:
    """Clean scratch left-overs, make the ledger whole and apply again what the opened file
    still holds of erased clients; returns how many clients were erased again."""
    if store.root is not None:
        clean_scratch(store.root, _backup_folder(store))
    ids = [e.client_id for e in store.erasure_ledger()]
    again = store.not_erased_yet(ids)
    if again:
        casework.erase_again(store, again)
        erase_in_copies(store, again, _backup_folder(store))
    return len(again)


def after_merge(store: Store, known: set[str]) -> None:
    """After a bundle: the clients a colleague erased go into `erasures.json` and out of the
    copies too."""
    new = [e.client_id for e in store.erasure_ledger() if e.client_id not in known]
    if new:
        erase_in_copies(store, new, _backup_folder(store))


def _backup_folder(store: Store) -> Path | None:
    folder = store.meta("backup.folder")
    return Path(folder) if folder else None


def opened(store: Store) -> Store:
    """`store` after `after_open`; closed again if that fails."""
    try:
        after_open(store)
    except BaseException:
        store.close()
        raise
    return store
