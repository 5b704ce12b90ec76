"""Sync through the real command line: identities, colleagues, bundles out and in, refusals with
the contract's exit codes, and the conflict list. Two case files, Anna's and Bea's, each a
subprocess away, as two coordinators would use them.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from desktop.sync.bundle import SIGNATURE, read_header

EXIT_USAGE, EXIT_UNLOCK, EXIT_BUNDLE, EXIT_INPUT = 2, 3, 4, 5
FINGERPRINT = re.compile(r"^\d+( \d+)+$")
EXPORT_NOTE = re.compile(r"^(\d+) changes, (\d+) scans, (\d+) bytes$")

# Only clients who agreed to sharing with colleagues travel in bundles.
SHARED = ("--consent-given-on", "2026-01-05", "--consent-scope", "share_colleagues")


class Pair:
    """Anna's and Bea's case files (folders), their CLIs and the first bundle Anna wrote."""

    def __init__(self, anna, bea, bundle: Path, bundle_changes: int, client_id: str) -> None:
        self.anna, self.bea = anna, bea
        self.bundle = bundle
        self.bundle_changes = bundle_changes
        self.client_id = client_id


def export(cli, to: str, out: Path, *options: str) -> tuple[Path, int]:
    """`sync export`: the path it printed and the number of changes it reported."""
    code, stdout, err = cli("sync", "export", "--to", to, *options, str(out))
    assert code == 0, err
    written = Path(stdout.strip())
    assert stdout == f"{written}\n" and written.is_file()
    note = EXPORT_NOTE.match(err.strip())
    assert note, err
    assert int(note[3]) == written.stat().st_size
    return written, int(note[1])


def imported(cli, bundle: Path) -> str:
    """`sync import` that succeeds: its one line of output."""
    code, out, err = cli("sync", "import", str(bundle))
    assert code == 0, err
    assert out.count("\n") == 1
    return out.strip()


@pytest.fixture(scope="module")
def template_pair(tmp_path_factory, make_cli, template_case) -> Pair:
    """Anna (a copy of the session's case file) and Bea (a second `init`) trust each other;
    Anna has one client and has written a bundle with it for Bea."""
    root = tmp_path_factory.mktemp("sync-cli")
    anna, bea = make_cli(root / "anna"), make_cli(root / "bea")
    shutil.copytree(template_case[0], anna.data_dir)
    bea.init()
    identities = {}
    for cli in (anna, bea):
        code, out, err = cli("identity")
        assert code == 0, err
        identity, fingerprint = out.splitlines()
        assert identity.startswith("wd1:") and FINGERPRINT.match(fingerprint)
        identities[cli] = (identity, fingerprint)
    assert identities[anna] != identities[bea]
    for cli, name, other in ((anna, "Bea", bea), (bea, "Anna", anna)):
        code, out, err = cli("colleague", "add", name, identities[other][0])
        assert code == 0, err
        assert out == f"{name}\t{identities[other][1]}\n"  # the fingerprint to compare by phone
    client_id = anna.add(
        "--family-name", "Haddad", "--given-names", "Amal", "--phone", "0151 1", *SHARED
    )  # fmt: skip
    bundle, changes = export(anna, "Bea", root / "anna-to-bea.wdb")
    return Pair(anna, bea, bundle, changes, client_id)


@pytest.fixture
def pair(template_pair, make_cli, tmp_path) -> Pair:
    """A fresh copy of both case files for one test."""
    anna, bea = make_cli(tmp_path / "anna"), make_cli(tmp_path / "bea")
    shutil.copytree(template_pair.anna.data_dir, anna.data_dir)
    shutil.copytree(template_pair.bea.data_dir, bea.data_dir)
    bundle = tmp_path / "anna-to-bea.wdb"
    shutil.copyfile(template_pair.bundle, bundle)
    return Pair(anna, bea, bundle, template_pair.bundle_changes, template_pair.client_id)


@pytest.fixture
def refused(snapshot):
    """`refused(result, code, cli, before)`: failed as the contract says, folder untouched."""

    def check(result, code: int, cli, before: dict[str, bytes]) -> str:
        returncode, out, err = result
        assert "Traceback" not in err
        message = err.strip()
        assert message, "the failure must be explained on stderr"
        assert message.count("\n") == 0, f"more than one line on stderr:\n{err}"
        assert returncode == code, err
        assert out == ""
        after = snapshot(cli.data_dir)
        assert sorted(after) == sorted(before), "files were added or removed"
        assert after == before, "the data folder changed"
        return message

    return check


# -- the way it is meant to go -------------------------------------------------------------------


def test_a_bundle_travels_both_ways_and_the_clients_appear(pair, tmp_path):
    anna, bea = pair.anna, pair.bea
    assert pair.bundle_changes >= 2

    assert imported(bea, pair.bundle) == f"{pair.bundle_changes} changes from Anna merged."
    (listed,) = bea.list_json()
    assert listed["id"] == pair.client_id and listed["family_name"] == "Haddad"
    assert listed["phone"] == "0151 1"

    # Bea answers into a folder (a USB stick, a shared folder): the file is named for both sides
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    bea.add("--family-name", "Okafor", "--given-names", "Chidi", "--birth-date", "1988", *SHARED)
    written, changes = export(bea, "Anna", outbox)
    assert written.parent == outbox and re.fullmatch(r"wd-\w+-to-\w+-\w+\.wdb", written.name)
    assert changes >= 2
    assert imported(anna, written) == f"{changes} changes from Bea merged."
    assert sorted(c["family_name"] for c in anna.list_json()) == ["Haddad", "Okafor"]
    assert anna.list_json() == bea.list_json()

    code, out, err = anna("colleague", "list", "--json")
    assert code == 0, err
    (bea_seen_by_anna,) = json.loads(out)
    assert bea_seen_by_anna["name"] == "Bea"
    assert bea_seen_by_anna["last_import"] and bea_seen_by_anna["last_export"]
    assert bea_seen_by_anna["waiting"] == 0  # Bea's bundle acknowledged Anna's client

    # the same file again changes nothing
    assert imported(anna, written) == "This bundle from Bea was imported before; nothing changed."


# -- refusals ------------------------------------------------------------------------------------


def test_a_tampered_bundle_is_refused_with_exit_4_and_changes_nothing(pair, snapshot, refused):
    bea = pair.bea
    data = bytearray(pair.bundle.read_bytes())
    payload_start, payload_end = read_header(pair.bundle).header_end, len(data) - SIGNATURE
    data[(payload_start + payload_end) // 2] ^= 0x01  # one bit of the encrypted payload
    pair.bundle.write_bytes(bytes(data))
    before = snapshot(bea.data_dir)

    message = refused(bea("sync", "import", str(pair.bundle)), EXIT_BUNDLE, bea, before)

    assert message == "This file was changed after Anna signed it, so it was not imported."
    german = refused(
        bea("sync", "import", str(pair.bundle), env={"WELCOME_DESK_LANG": "de"}),
        EXIT_BUNDLE,
        bea,
        before,
    )
    assert german == (
        "Diese Datei wurde verändert, nachdem Anna sie signiert hat; sie wurde nicht eingelesen."
    )
    assert bea.list_json() == []


def test_files_that_are_no_bundle_are_refused_with_exit_4(pair, tmp_path, snapshot, refused):
    bea = pair.bea
    letter = tmp_path / "letter.wdb"
    letter.write_text("Hallo Bea, anbei die Daten.\n", encoding="utf-8")
    before = snapshot(bea.data_dir)

    message = refused(bea("sync", "import", str(letter)), EXIT_BUNDLE, bea, before)
    assert message == "This file is not a Welcome Desk bundle."

    missing = tmp_path / "never-written.wdb"
    message = refused(bea("sync", "import", str(missing)), EXIT_BUNDLE, bea, before)
    assert str(missing) in message


def test_importing_ones_own_bundle_is_refused_with_exit_4(pair, snapshot, refused):
    anna = pair.anna
    before = snapshot(anna.data_dir)

    message = refused(anna("sync", "import", str(pair.bundle)), EXIT_BUNDLE, anna, before)

    assert "written on this computer" in message


def test_an_identity_that_is_none_is_invalid_input(pair, snapshot, refused):
    anna = pair.anna
    before = snapshot(anna.data_dir)

    message = refused(anna("colleague", "add", "Cora", "notanidentity"), EXIT_INPUT, anna, before)

    assert "wd1:" in message


def test_exporting_for_an_unknown_colleague_is_invalid_input(pair, tmp_path, snapshot, refused):
    anna = pair.anna
    out = tmp_path / "for-nobody.wdb"
    before = snapshot(anna.data_dir)

    message = refused(anna("sync", "export", "--to", "Nobody", str(out)), EXIT_INPUT, anna, before)

    assert "Nobody" in message
    assert not out.exists() and list(tmp_path.glob("*for-nobody*")) == []


def test_sync_import_without_a_file_is_wrong_usage(pair, snapshot, refused):
    bea = pair.bea
    before = snapshot(bea.data_dir)

    message = refused(bea("sync", "import"), EXIT_USAGE, bea, before)

    assert "file" in message.lower()


def test_sync_import_with_a_wrong_passphrase_cannot_unlock(pair, snapshot, refused):
    bea = pair.bea
    before = snapshot(bea.data_dir)

    result = bea(
        "sync", "import", str(pair.bundle), env={"WELCOME_DESK_PASSPHRASE": "not the passphrase"}
    )

    assert refused(result, EXIT_UNLOCK, bea, before) == "The passphrase is not correct."
    assert bea.list_json() == []


# -- conflicts -----------------------------------------------------------------------------------


def conflicts(cli) -> list[dict]:
    code, out, err = cli("sync", "conflicts", "--json")
    assert code == 0, err
    return json.loads(out)


def test_a_concurrent_edit_is_listed_on_both_sides_and_can_be_restored(pair, tmp_path):
    anna, bea = pair.anna, pair.bea
    client = pair.client_id
    imported(bea, pair.bundle)
    # both change the same phone number without having seen the other's edit; Bea edits last
    assert anna("client", "update", client, "--phone", "0170 ANNA")[0] == 0
    assert bea("client", "update", client, "--phone", "0170 BEA")[0] == 0
    to_bea, _ = export(anna, "Bea", tmp_path / "a2.wdb")
    to_anna, _ = export(bea, "Anna", tmp_path / "b2.wdb")

    # each side sends its edit and the audit event that records it
    assert imported(anna, to_anna) == "2 changes from Bea merged; 1 conflicts to review."
    assert imported(bea, to_bea) == "2 changes from Anna merged; 1 conflicts to review."

    listed = {"anna": conflicts(anna), "bea": conflicts(bea)}
    for side, (lost_by, kept_by) in {"anna": ("", "Bea"), "bea": ("Anna", "")}.items():
        (conflict,) = listed[side]
        assert conflict["kind"] == "edit"
        assert conflict["client_id"] == client and conflict["entity"] == "client"
        assert conflict["lost"] == {"phone": "0170 ANNA"}
        assert conflict["kept"] == {"phone": "0170 BEA"}
        assert (conflict["lost_by"], conflict["kept_by"]) == (lost_by, kept_by)
        assert conflict["resolved"] is False
    for cli in (anna, bea):  # the last writer won on both sides
        assert [c["phone"] for c in cli.list_json()] == ["0170 BEA"]

    code, _, err = anna("sync", "resolve", str(listed["anna"][0]["num"]), "--restore")

    assert code == 0, err
    assert [c["phone"] for c in anna.list_json()] == ["0170 ANNA"]
    assert conflicts(anna) == []
    # the restored value is a new edit: it travels to Bea and wins there too
    again, _ = export(anna, "Bea", tmp_path / "a3.wdb")
    assert imported(bea, again).startswith("2 changes from Anna merged")
    assert [c["phone"] for c in bea.list_json()] == ["0170 ANNA"]


def test_compact_settles_what_both_acknowledged_and_sends_a_snapshot_to_a_newcomer(pair, tmp_path):
    anna, bea = pair.anna, pair.bea
    imported(bea, pair.bundle)
    written, _ = export(bea, "Anna", tmp_path / "ack.wdb")
    imported(anna, written)
    code, out, err = anna("compact")
    assert code == 0, err
    note = re.fullmatch(
        r"(\d+) change rows compacted \((\d+) records\), file ([\d.]+) MB -> ([\d.]+) MB\.\n", out
    )
    assert note and int(note[1]) >= 2, out
    assert float(note[4]) <= float(note[3])
    code, out, err = anna("compact")  # nothing left to settle
    assert code == 0 and out.startswith("0 change rows compacted"), err
    # Bea's copy was put back to nothing: her next bundle from Anna is a snapshot.
    written, changes = export(anna, "Bea", tmp_path / "again.wdb", "--full")
    assert read_header(written).kind == "snapshot" and changes >= 2
    assert anna.list_json() == bea.list_json()


def test_compact_waits_for_a_colleague_until_the_wait_set_runs_out(pair, tmp_path):
    anna, bea = pair.anna, pair.bea
    imported(bea, pair.bundle)
    written, _ = export(bea, "Anna", tmp_path / "ack.wdb")
    imported(anna, written)  # Bea has acknowledged Anna's changes: she is an active colleague
    anna.add("--family-name", "Neu", "--given-names", "Nora", *SHARED)  # not yet at Bea's
    code, out, err = anna("compact")
    assert code == 0, err
    assert err == "Not yet acknowledged by: Bea.\n"
    kept = int(out.split()[0])
    code, out, err = anna("compact", "--wait-days", "0")  # Bea's last bundle is older than now
    assert code == 0, err
    assert int(out.split()[0]) > 0 and kept >= 0
    assert err == (
        "Compaction no longer waits for Bea (no bundle from them for too long); they get a full"
        " snapshot when they return.\n"
    )
    # Bea now lacks settled history: her next bundle is a snapshot, and she ends equal.
    written, _ = export(anna, "Bea", tmp_path / "back.wdb")
    assert read_header(written).kind == "snapshot"
    imported(bea, written)
    assert anna.list_json() == bea.list_json()


def test_compact_refuses_a_wait_out_of_range_and_changes_nothing(pair, snapshot, refused):
    anna = pair.anna
    before = snapshot(anna.data_dir)
    message = refused(anna("compact", "--wait-days", "5000"), EXIT_INPUT, anna, before)
    assert message == "The wait must be between 0 and 3650 days."
