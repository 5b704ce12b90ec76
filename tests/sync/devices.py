"""Several installations on one machine, each with a fast case file, trusting each other."""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from desktop.domain.catalogues import ConsentScope
from desktop.domain.model import Client
from desktop.services import export, sync
from desktop.store.database import connect, prepare
from desktop.store.store import Store
from desktop.sync.exchange import ImportSummary


@dataclass
class Device:
    """One colleague's installation."""

    name: str
    folder: Path
    key: bytes
    store: Store
    bundles: itertools.count = field(default_factory=itertools.count)

    def export_to(self, other: Device, *, full: bool = False) -> Path:
        target = self.folder / f"to-{other.name}-{next(self.bundles)}.wdb"
        sync.export_for(self.store, other.name, target, full=full)
        return target

    def import_(self, path: Path) -> ImportSummary:
        return sync.import_file(self.store, path)

    def case_data(self) -> dict[str, Any]:
        return export.case_data(self.store)

    def reopen(self) -> None:
        self.store.close()
        self.store = open_store(self.folder, self.key)

    def copy_of_file(self) -> dict[str, bytes]:
        """The case file's bytes as they are now (closed and opened again around the copy)."""
        self.store.close()
        saved = {p.name: p.read_bytes() for p in self.folder.glob("casefile.db*")}
        self.store = open_store(self.folder, self.key)
        return saved

    def put_back(self, saved: dict[str, bytes]) -> None:
        """Replace the case file by an older copy of itself, as a restore from a stick would."""
        self.store.close()
        for path in self.folder.glob("casefile.db*"):
            path.unlink()
        for name, data in saved.items():
            (self.folder / name).write_bytes(data)
        self.store = open_store(self.folder, self.key)


def open_store(folder: Path, key: bytes) -> Store:
    db = folder / "casefile.db"
    conn = connect(db, key)
    prepare(conn, db, folder / "backups")
    return Store(conn)


def make_devices(root: Path, names: list[str]) -> list[Device]:
    """Installations that all trust each other (each calls the others by their names)."""
    devices = []
    for name in names:
        folder = root / name
        folder.mkdir(parents=True)
        key = os.urandom(32)
        devices.append(Device(name, folder, key, open_store(folder, key)))
    for device in devices:
        for other in devices:
            if other is not device:
                sync.add_colleague(device.store, other.name, sync.my_identity(other.store).text)
    return devices


def exchange_all(devices: list[Device], rounds: int = 3) -> None:
    """Everyone sends everyone a bundle and imports what they got, a few times over."""
    for _ in range(rounds):
        for sender in devices:
            for receiver in devices:
                if receiver is not sender:
                    receiver.import_(sender.export_to(receiver))


def shared_client(family_name: str, given_names: str = "", **fields: Any) -> Client:
    """A client who consented to sharing with colleagues (only such clients travel by sync)."""
    consent: dict[str, Any] = {
        "consent_given_on": date(2026, 1, 5),
        "consent_scope": (ConsentScope.STORE, ConsentScope.SHARE_COLLEAGUES),
    }
    return Client(family_name, given_names, **{**consent, **fields})
