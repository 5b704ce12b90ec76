"""One exchange round through a shared folder, as Syncthing, Nextcloud or an SMB share leave it:
conflict copies, temporary names, half-synced files, file times that say nothing. Real case files,
real bundle files.
"""

from __future__ import annotations

import os
import shutil
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from desktop.domain.errors import InvalidInput
from desktop.services import sync
from desktop.services.export import case_data
from desktop.services.sync_folder import (
    FolderLooks,
    Round,
    candidates,
    check_usable,
    exchange_round,
)
from desktop.store.search import ClientQuery
from desktop.store.store import Store
from desktop.sync.bundle import key_id, read_header
from desktop.sync.identity import PublicIdentity
from tests.windows_files import WindowsFiles

if TYPE_CHECKING:
    from tests.sync.conftest import Desk

MakeDesk = Callable[[str], "Desk"]
Trust = Callable[["Desk", "Desk"], None]
AddClients = Callable[..., list]


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    folder = tmp_path / "shared"
    folder.mkdir()
    return folder


@pytest.fixture
def three(desk: MakeDesk, trust: Trust) -> tuple[Desk, Desk, Desk]:
    """Anna, Bea and Cem, each trusting the other two."""
    desks = desk("Anna"), desk("Bea"), desk("Cem")
    for a in desks:
        for b in desks:
            if a is not b:
                trust(a, b)
    return desks


def aged(path: Path, seconds: float = 3600) -> Path:
    """The file as a sync engine leaves it: last changed a while ago (stable)."""
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def names(store: Store) -> list[str]:
    return sorted(c.family_name for c in store.clients(ClientQuery()).clients)


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def pairs(folder: Path) -> Counter[tuple[bytes, tuple[str, ...]]]:
    """How many bundles the folder holds per ordered pair (signer, recipients)."""
    found: Counter[tuple[bytes, tuple[str, ...]]] = Counter()
    for path in candidates(folder):
        header = read_header(path)
        found[(header.sender_signing_key, tuple(s.key_id for s in header.recipients))] += 1
    return found


def quiet(done: Round) -> bool:
    """Nothing held, refused or half-synced."""
    return not (done.held or done.refused or done.incomplete or done.refused_before)


def written_by(sender: Desk, receiver: Desk, folder: Path, add_clients: AddClients) -> Path:
    """A client made by `sender`, in a bundle for `receiver` in `folder`."""
    add_clients(sender, 1, prefix=f"From{sender.name}{len(list(folder.iterdir()))}")
    return aged(sync.export_for(sender.store, receiver.name, folder).path)


# -- which files -----------------------------------------------------------------------------


def test_conflict_copies_of_one_bundle_are_merged_once_without_a_word(
    three: tuple[Desk, Desk, Desk], shared: Path, add_clients: AddClients
) -> None:
    anna, bea, _cem = three
    bundle = written_by(bea, anna, shared, add_clients)
    stem = bundle.name.removesuffix(".wdb")
    copies = [
        f"{stem}.sync-conflict-20261207-101500-ABCDEFG.wdb",  # Syncthing
        f"{stem} (conflicted copy 2026-12-07 101500).wdb",  # Nextcloud
        f"{stem}-DESKTOP-4F2K9.wdb",  # OneDrive
        f"{stem} (Bea's conflicted copy 2026-12-07).WDB",  # Dropbox, and a capital suffix
    ]
    for name in copies:
        shutil.copy2(bundle, shared / name)

    done = exchange_round(anna.store, shared)

    assert len(done.imports) == 1 and done.imports[0].summary.sender == "Bea"
    assert quiet(done)
    assert names(anna.store) == ["FromBea00000"]
    again = exchange_round(anna.store, shared)
    assert again.imports == [] and quiet(again)


def test_a_second_bundle_from_one_sender_is_merged_too(
    three: tuple[Desk, Desk, Desk], shared: Path, add_clients: AddClients
) -> None:
    anna, bea, _cem = three
    first = written_by(bea, anna, shared, add_clients)
    second = written_by(bea, anna, shared, add_clients)  # Bea's round had not removed the first
    os.utime(first, (time.time(), time.time()))  # the older bundle looks newer

    done = exchange_round(anna.store, shared)

    assert sorted(m.path for m in done.imports) == sorted([first, second])
    assert quiet(done)
    assert len(names(anna.store)) == 2


def test_temporary_names_hidden_files_folders_and_links_are_never_looked_at(
    three: tuple[Desk, Desk, Desk], shared: Path, add_clients: AddClients
) -> None:
    anna, bea, _cem = three
    bundle = written_by(bea, anna, shared, add_clients)
    junk = b"half a bundle"
    temporary = [
        f".syncthing.{bundle.name}.tmp",
        f"~syncthing~{bundle.name}.tmp",
        f".~lock.{bundle.name}#",
        f"{bundle.name}.part",
        f".{bundle.name}.0123456789abcdef.part",  # the name our own writer uses
        ".hidden.wdb",
    ]
    for name in temporary:
        (shared / name).write_bytes(junk)
        aged(shared / name)
    (shared / "a-folder.wdb").mkdir()
    (shared / "link.wdb").symlink_to(shared / temporary[0])

    assert candidates(shared) == [bundle]
    done = exchange_round(anna.store, shared)
    assert [m.path for m in done.imports] == [bundle] and quiet(done)


# -- half-synced and broken files ------------------------------------------------------------


def test_a_truncated_bundle_waits_while_it_may_be_arriving_then_is_refused_once(
    three: tuple[Desk, Desk, Desk], shared: Path, add_clients: AddClients
) -> None:
    anna, bea, _cem = three
    bundle = written_by(bea, anna, shared, add_clients)
    data = bundle.read_bytes()
    bundle.write_bytes(data[: len(data) // 2])  # half of it has arrived, a moment ago
    looks = FolderLooks()  # the window keeps one across rounds

    first = exchange_round(anna.store, shared, looks=looks)
    assert first.incomplete == [bundle] and not first.refused and not first.imports

    # Time passes (no settling time left) and the file stays as it was: stable, and broken.
    second = exchange_round(anna.store, shared, looks=looks, settle_seconds=0)
    assert second.incomplete == [] and [r.path for r in second.refused] == [bundle]
    (refused,) = second.refused
    assert refused.for_me and refused.error.reason == "bad_signature"
    assert refused.error.text() == (
        "This file was changed after Bea signed it, so it was not imported."
    )

    third = exchange_round(anna.store, shared, looks=looks, settle_seconds=0)
    assert third.refused == [] and third.refused_before == 1 and third.waiting == 1
    fresh = exchange_round(anna.store, shared, settle_seconds=0)  # the command line: every run
    assert [r.path for r in fresh.refused] == [bundle]

    with bundle.open("ab") as more:  # the engine goes on: it is arriving after all
        more.write(data[len(data) // 2 : -100])
    aged(bundle, 1800)
    fourth = exchange_round(anna.store, shared, looks=looks)
    assert fourth.incomplete == [bundle] and fourth.refused == []

    bundle.write_bytes(data)  # complete at last
    aged(bundle, 1200)
    fifth = exchange_round(anna.store, shared, looks=looks)
    assert [m.path for m in fifth.imports] == [bundle] and quiet(fifth)


# -- order -----------------------------------------------------------------------------------


def test_a_gap_resolves_inside_the_round_whatever_the_file_times(
    three: tuple[Desk, Desk, Desk], shared: Path, add_clients: AddClients, tmp_path: Path
) -> None:
    """Cem's laptop goes back to an older copy: Bea's bundle for him builds on Anna's changes he
    no longer holds, and a newer bundle of Anna's brings them back. On FAT32 both files carry the
    same time, rounded to two seconds; the later one even looks older."""
    anna, bea, cem = three
    add_clients(anna, 2, prefix="Anna")
    from_anna = tmp_path / "from-anna"
    from_anna.mkdir()
    backup = cem.copy_to(tmp_path / "cem-backup")
    sync.import_file(cem.store, sync.export_for(anna.store, "Cem", from_anna).path)
    sync.import_file(bea.store, sync.export_for(cem.store, "Bea", from_anna).path)
    add_clients(bea, 1, prefix="Bea")
    bea_to_cem = sync.export_for(bea.store, "Cem", shared).path
    cem.restore_from(backup.folder)
    add_clients(anna, 1, prefix="Later")
    anna_to_cem = sync.export_for(anna.store, "Cem", shared).path  # all of Anna's, later
    assert read_header(bea_to_cem).created_hlc < read_header(anna_to_cem).created_hlc
    fat = (int(time.time()) // 2) * 2 - 600
    os.utime(bea_to_cem, (fat, fat))
    os.utime(anna_to_cem, (fat - 2, fat - 2))

    done = exchange_round(cem.store, shared)

    assert [m.path for m in done.imports] == [anna_to_cem, bea_to_cem]
    assert quiet(done)
    assert len(names(cem.store)) == 4


def test_a_chain_of_gaps_is_retried_until_nothing_moves(
    desk: MakeDesk, trust: Trust, shared: Path, add_clients: AddClients, tmp_path: Path
) -> None:
    """Three bundles for Cem (restored from an older copy), in header order each needing the
    next: Dan's builds on Anna's and Bea's changes, Anna's on Bea's, Bea's on nothing."""
    anna, bea, cem, dan = desk("Anna"), desk("Bea"), desk("Cem"), desk("Dan")
    for a in (anna, bea, cem, dan):
        for b in (anna, bea, cem, dan):
            if a is not b:
                trust(a, b)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    add_clients(anna, 1, prefix="Anna")
    add_clients(bea, 1, prefix="Bea")
    backup = cem.copy_to(tmp_path / "cem-backup")
    sync.import_file(cem.store, sync.export_for(bea.store, "Cem", elsewhere).path)
    sync.import_file(anna.store, sync.export_for(cem.store, "Anna", elsewhere).path)
    sync.import_file(cem.store, sync.export_for(anna.store, "Cem", elsewhere).path)
    sync.import_file(dan.store, sync.export_for(cem.store, "Dan", elsewhere).path)
    add_clients(dan, 1, prefix="Dan")
    from_dan = aged(sync.export_for(dan.store, "Cem", shared).path)  # base: Anna's and Bea's
    add_clients(anna, 1, prefix="AnnaLater")
    from_anna = aged(sync.export_for(anna.store, "Cem", shared).path)  # base: Bea's
    from_bea = aged(sync.export_for(bea.store, "Cem", shared).path)  # base: nothing
    cem.restore_from(backup.folder)

    done = exchange_round(cem.store, shared)

    assert [m.path for m in done.imports] == [from_bea, from_anna, from_dan]
    assert quiet(done)
    assert names(cem.store) == ["Anna0000", "AnnaLater0000", "Bea0000", "Dan0000"]


def test_a_gap_that_stays_is_held_with_its_sentence(
    three: tuple[Desk, Desk, Desk], shared: Path, add_clients: AddClients, tmp_path: Path
) -> None:
    anna, bea, cem = three
    add_clients(anna, 1, prefix="Anna")
    backup = cem.copy_to(tmp_path / "cem-backup")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    sync.import_file(cem.store, sync.export_for(anna.store, "Cem", elsewhere).path)
    sync.import_file(bea.store, sync.export_for(cem.store, "Bea", elsewhere).path)
    bea_to_cem = aged(sync.export_for(bea.store, "Cem", shared).path)
    cem.restore_from(backup.folder)

    done = exchange_round(cem.store, shared)

    assert done.imports == [] and done.refused == [] and done.incomplete == []
    (held,) = done.held
    assert held.path == bea_to_cem and held.error.reason == "gap"
    assert held.error.text() == (
        "Changes from another colleague are missing: import Bea's earlier bundle or ask Bea for "
        "a full export."
    )
    assert done.waiting == 1


# -- writing ---------------------------------------------------------------------------------


def test_rounds_converge_and_leave_one_bundle_per_ordered_pair(
    three: tuple[Desk, Desk, Desk], shared: Path, add_clients: AddClients
) -> None:
    desks = three
    for day in range(3):
        for d in desks:
            add_clients(d, 1, prefix=f"{d.name}{day}")
            done = exchange_round(d.store, shared)
            assert quiet(done)
            assert max(pairs(shared).values()) == 1
    for _ in range(2):
        for d in desks:
            exchange_round(d.store, shared)
    assert max(pairs(shared).values()) == 1 and len(pairs(shared)) == 6
    states = [case_data(d.store) for d in desks]
    assert states[0] == states[1] == states[2]
    assert len(names(desks[0].store)) == 9

    before = files(shared)
    for d in desks:  # everyone agrees: a round imports nothing and writes nothing
        done = exchange_round(d.store, shared)
        assert done.imports == [] and done.exported == [] and done.removed == []
    assert files(shared) == before


def test_a_superseded_bundle_another_program_holds_stays_until_the_next_round(
    three: tuple[Desk, Desk, Desk],
    shared: Path,
    add_clients: AddClients,
    windows_files: WindowsFiles,
) -> None:
    anna, _bea, _cem = three
    first = exchange_round(anna.store, shared)
    assert len(first.exported) == 2
    older = next(e.path for e in first.exported if e.colleague == "Bea")
    add_clients(anna, 1)
    with windows_files.hold(older):  # OneDrive or a virus scanner has it open
        second = exchange_round(anna.store, shared)
    assert len(second.exported) == 2
    assert second.kept == [older] and older.exists()
    assert sorted(second.removed) == sorted(e.path for e in first.exported if e.colleague == "Cem")
    third = exchange_round(anna.store, shared)
    assert third.exported == [] and third.removed == [older] and not older.exists()
    assert max(pairs(shared).values()) == 1


def test_only_files_provably_ours_are_removed(
    three: tuple[Desk, Desk, Desk], shared: Path, add_clients: AddClients
) -> None:
    anna, _bea, _cem = three
    first = exchange_round(anna.store, shared)
    ours = next(e.path for e in first.exported if e.colleague == "Bea")
    copy = shared / ours.name.replace(".wdb", ".sync-conflict-20261207-101500-ABCDEFG.wdb")
    shutil.copy2(ours, copy)
    forged = shared / ours.name.replace(".wdb", " (forged).wdb")
    data = bytearray(ours.read_bytes())
    data[-1] ^= 0x01  # our header, but a signature that does not hold
    forged.write_bytes(bytes(data))

    again = exchange_round(anna.store, shared)

    assert again.exported == [] and again.removed == [copy]  # the same bundle under two names
    assert ours.exists() and forged.exists()


def test_a_colleague_who_lacks_changes_below_our_bundle_gets_a_new_one(
    three: tuple[Desk, Desk, Desk], shared: Path, add_clients: AddClients
) -> None:
    """Their file went back to an older copy: our bundle's base is more than they hold."""
    anna, bea, _cem = three
    add_clients(anna, 1)
    exchange_round(anna.store, shared)
    exchange_round(bea.store, shared)
    add_clients(anna, 1, prefix="More")
    exchange_round(anna.store, shared)  # on Bea's acknowledgement: a base beyond nothing
    bea_key = key_id(PublicIdentity.parse(bea.identity()).exchange_key)
    before = [p for p in candidates(shared) if read_header(p).recipients[0].key_id == bea_key]
    anna.store.sync_state.forget_acknowledgement("Bea", anna.store.device_id)
    done = exchange_round(anna.store, shared)
    assert [e.colleague for e in done.exported] == ["Bea"]
    assert sorted(done.removed) == sorted(before)


def test_a_folder_no_one_may_write_in_is_refused_before_anything_happens(
    shared: Path, windows_files: WindowsFiles, tmp_path: Path
) -> None:
    check_usable(shared)
    with windows_files.deny_writes(shared), pytest.raises(InvalidInput) as refused:
        check_usable(shared)
    assert refused.value.text() == f"Welcome Desk cannot write in the folder {shared}."
    assert refused.value.text("de") == f"Welcome Desk kann im Ordner {shared} nicht schreiben."
    with pytest.raises(InvalidInput) as missing:
        check_usable(tmp_path / "nowhere")
    assert (
        missing.value.text()
        == f"The folder {tmp_path / 'nowhere'} does not exist or is not a folder."
    )
    assert list(shared.iterdir()) == []


# -- a lost laptop ---------------------------------------------------------------------------


def test_after_rotating_keys_a_colleague_who_adds_them_again_accepts_only_the_new_key(
    three: tuple[Desk, Desk, Desk], shared: Path, add_clients: AddClients, tmp_path: Path
) -> None:
    anna, bea, _cem = three
    add_clients(anna, 1, prefix="First")
    sync.import_file(bea.store, sync.export_for(anna.store, "Bea", tmp_path / "first.wdb").path)
    add_clients(anna, 1, prefix="Before")
    old_bundle = sync.export_for(anna.store, "Bea", tmp_path / "old.wdb").path
    old_identity = sync.my_identity(anna.store)

    new_identity = sync.rotate_my_identity(anna.store)

    assert new_identity.text != old_identity.text
    assert sync.my_identity(anna.store) == new_identity
    add_clients(anna, 1, prefix="After")
    new_bundle = sync.export_for(anna.store, "Bea", tmp_path / "new.wdb").path
    with pytest.raises(sync.BundleRejected) as refused:
        sync.import_file(bea.store, new_bundle)  # not yet compared and added
    assert refused.value.reason == "key_changed"

    sync.add_colleague(bea.store, "Anna", new_identity.text)  # the known name: the new key

    assert sync.import_file(bea.store, new_bundle).sender == "Anna"
    with pytest.raises(sync.BundleRejected) as refused:
        sync.import_file(bea.store, old_bundle)  # the lost laptop's key
    assert refused.value.reason == "key_changed"
