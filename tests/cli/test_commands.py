"""The command line's happy paths, run as a user runs them: a subprocess on a real case file."""

from __future__ import annotations

import json
import re
import shutil
import uuid
from pathlib import Path

import pytest

from desktop.store.database import LATEST_SCHEMA

RECOVERY_KEY_LINE = re.compile(r"^[A-Z0-9]{4,}(-[A-Z0-9]{4,})+$")
FINGERPRINT = re.compile(r"^\d+( \d+)+$")
META_BLOCK = re.compile(r'^ "meta": \{\n(?:  .*\n)* \},?\n', re.MULTILINE)


def export(cli, *options: str) -> tuple[str, dict]:
    code, out, err = cli("export-json", *options, "-")
    assert code == 0, err
    return out, json.loads(out)


def by_family_name(objects: list[dict]) -> dict[str, dict]:
    return {o["family_name"]: o for o in objects}


# -- init, status, identity --------------------------------------------------------------------


def test_init_prints_the_recovery_key_alone_and_status_reports_the_new_file(cli, data_dir):
    code, out, err = cli("init")

    assert code == 0, err
    assert len(out.splitlines()) == 1
    assert RECOVERY_KEY_LINE.match(out.splitlines()[0])
    assert "Recovery key" in err  # the hint goes to stderr, so `init > key.txt` keeps the key only
    assert (data_dir / "casefile.db").is_file() and (data_dir / "keys.json").is_file()

    code, out, err = cli("status")
    assert code == 0, err
    lines = out.splitlines()
    assert f"Schema version: {LATEST_SCHEMA}" in lines
    assert "Clients: 0 (0 open)" in lines
    fingerprint = next(line for line in lines if line.startswith("Fingerprint: "))
    assert FINGERPRINT.match(fingerprint.removeprefix("Fingerprint: "))

    cli.add("--family-name", "Haddad", "--given-names", "Amal")
    code, out, _ = cli("status")
    assert code == 0
    assert "Clients: 1 (1 open)" in out.splitlines()
    assert fingerprint in out.splitlines()  # the device keeps its fingerprint


def test_identity_prints_the_identity_then_the_fingerprint_status_shows(cli, initialised):
    code, out, err = cli("identity")

    assert code == 0, err
    identity, fingerprint = out.splitlines()
    assert identity.startswith("wd1:") and " " not in identity
    assert FINGERPRINT.match(fingerprint)
    _, status, _ = cli("status")
    assert f"Fingerprint: {fingerprint}" in status.splitlines()


# -- clients -------------------------------------------------------------------------------------

EVERY_OPTION = (
    "--family-name", "Haddad",
    "--given-names", "Amal Noor",
    "--birth-date", "1990-05-17",
    "--nationality", "SY",
    "--residence-status", "duldung",
    "--status-valid-until", "2026-09-30",
    "--file-number", "AZ-2024/0815",
    "--phone", "+49 (170) 123 45-67",
    "--alias", "Hadad",
    "--alias", "حداد",
    "--language", "ar:native",
    "--language", "de:A2",
)  # fmt: skip


def test_client_add_with_every_option_prints_only_the_id_and_keeps_every_value(cli, initialised):
    code, out, err = cli("client", "add", *EVERY_OPTION)

    assert code == 0, err
    client_id = out.strip()
    assert out == client_id + "\n"
    assert str(uuid.UUID(client_id)) == client_id
    (listed,) = cli.list_json()
    assert listed["id"] == client_id
    assert listed["family_name"] == "Haddad"
    assert listed["given_names"] == "Amal Noor"
    assert listed["birth_date"] == "1990-05-17"
    assert listed["nationality"] == "SY"
    assert listed["residence_status"] == "duldung"
    assert listed["status_valid_until"] == "2026-09-30"
    assert listed["file_number"] == "AZ-2024/0815"
    assert listed["phone"] == "+49 (170) 123 45-67"  # contact values are kept as entered
    assert listed["other_names"] == ["Hadad", "حداد"]
    assert listed["languages"] == [
        {"code": "ar", "level": "native"},
        {"code": "de", "level": "A2"},
    ]


def test_client_update_changes_only_the_given_field(cli, initialised):
    client_id = cli.add(*EVERY_OPTION)
    other_id = cli.add("--family-name", "Okafor", "--given-names", "Chidi", "--phone", "0151 1")
    before = {c["id"]: c for c in cli.list_json()}

    code, _, err = cli("client", "update", client_id, "--phone", "0176 98765432")

    assert code == 0, err
    after = {c["id"]: c for c in cli.list_json()}
    assert after[client_id]["phone"] == "0176 98765432"
    assert {**after[client_id], "phone": before[client_id]["phone"]} == before[client_id]
    assert after[other_id] == before[other_id]


def test_client_delete_and_erase_take_the_client_off_the_list(cli, initialised):
    deleted = cli.add("--family-name", "Weggang", "--given-names", "Ida")
    erased = cli.add("--family-name", "Vergessen", "--given-names", "Olga")
    kept = cli.add("--family-name", "Bleibt", "--given-names", "Jonas")

    for action, client_id in (("delete", deleted), ("erase", erased)):
        code, out, err = cli("client", action, client_id)
        assert code == 0, err
        assert out == ""

    assert [c["id"] for c in cli.list_json()] == [kept]
    text, document = export(cli)
    assert [c["id"] for c in document["clients"]] == [kept]
    assert "Weggang" not in text and "Vergessen" not in text


# -- export-json ---------------------------------------------------------------------------------

TYPED_BIRTH_DATES = {"Year": "1990", "Month": "1990-05", "Day": "1990-05-17", "German": "05.1990"}


@pytest.fixture(scope="module")
def exported(tmp_path_factory, make_cli, template_case):
    """One case file with a client per way of typing a (partial) birth date; exports only read."""
    cli = make_cli(tmp_path_factory.mktemp("export") / "data")
    shutil.copytree(template_case[0], cli.data_dir)
    ids = {
        name: cli.add("--family-name", name, "--given-names", "Test", "--birth-date", typed)
        for name, typed in TYPED_BIRTH_DATES.items()
    }
    return cli, ids


def test_partial_birth_dates_come_back_with_their_own_precision(exported):
    cli, _ = exported

    _, document = export(cli)

    birth_dates = {c["family_name"]: c["birth_date"] for c in document["clients"]}
    assert birth_dates == {
        "Year": "1990",
        "Month": "1990-05",
        "Day": "1990-05-17",
        "German": "1990-05",
    }


def test_export_json_is_sorted_and_the_same_twice_apart_from_meta(exported):
    cli, ids = exported

    first_text, first = export(cli)
    second_text, second = export(cli)

    assert set(first) >= {"meta", "clients"}
    assert first["meta"]["scope"] == "all"
    listed = [c["id"] for c in first["clients"]]
    assert listed == sorted(ids.values())
    for section, objects in first.items():
        if section not in ("meta", "audit"):  # the audit trail: oldest first
            assert [o["id"] for o in objects] == sorted(o["id"] for o in objects), section
    assert META_BLOCK.search(first_text) and META_BLOCK.search(second_text)
    assert {k: v for k, v in first.items() if k not in ("meta", "audit")} == {
        k: v for k, v in second.items() if k not in ("meta", "audit")
    }
    # the audit trail is the one section that grows: the second export sees the first one
    assert second["audit"][: len(first["audit"])] == first["audit"]
    assert [e["action"] for e in second["audit"][len(first["audit"]) :]] == ["exported"]


def test_export_json_of_one_client_writes_a_file_with_that_client_only(exported, tmp_path):
    cli, ids = exported
    target = tmp_path / "Auskunft Day.json"

    code, out, err = cli("export-json", "--client", ids["Day"], str(target))

    assert code == 0, err
    assert out == ""
    text = target.read_text("utf-8")
    document = json.loads(text)
    assert document["meta"]["scope"] == "client"
    assert [c["id"] for c in document["clients"]] == [ids["Day"]]
    assert document["clients"][0]["birth_date"] == "1990-05-17"
    assert all(ids[name] not in text for name in ("Year", "Month", "German"))
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left


# -- search --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def searchable(tmp_path_factory, make_cli, template_case):
    """One case file with four names that differ only in their diacritics' plain letters."""
    cli = make_cli(tmp_path_factory.mktemp("search") / "data")
    shutil.copytree(template_case[0], cli.data_dir)
    cli.add("--family-name", "Müller", "--given-names", "Anna")
    cli.add("--family-name", "Şahin", "--given-names", "Emre")
    cli.add("--family-name", "Öztürk", "--given-names", "Elif")
    cli.add("--family-name", "Nguyễn", "--given-names", "Thi Lan", "--file-number", "WD-2023-4711")
    return cli


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("muller", "Müller"),
        ("MUELLER", "Müller"),
        ("sahin", "Şahin"),
        ("ozturk", "Öztürk"),
        ("nguyen", "Nguyễn"),
        ("ahi", "Şahin"),
        ("4711", "Nguyễn"),
    ],
)
def test_search_ignores_diacritics_and_case(searchable, query, found):
    matches = searchable.list_json("--search", query)

    assert [c["family_name"] for c in matches] == [found]


# -- unlocking -----------------------------------------------------------------------------------


def test_the_recovery_key_unlocks_without_the_passphrase(cli, initialised):
    code, out, err = cli(
        "status",
        env={"WELCOME_DESK_PASSPHRASE": None, "WELCOME_DESK_RECOVERY_KEY": initialised},
    )

    assert code == 0, err
    assert f"Schema version: {LATEST_SCHEMA}" in out.splitlines()


def test_an_empty_recovery_key_variable_counts_as_not_set(cli, initialised):
    # A script clearing the variable (`WELCOME_DESK_RECOVERY_KEY= welcome-desk status`) must still
    # unlock with the passphrase, not fail on an "incorrect" empty recovery key.
    code, out, err = cli("status", env={"WELCOME_DESK_RECOVERY_KEY": ""})

    assert code == 0, err
    assert f"Schema version: {LATEST_SCHEMA}" in out.splitlines()


@pytest.mark.parametrize("where", ["before the command", "after the command"])
def test_a_passphrase_file_unlocks(cli, initialised, tmp_path: Path, where):
    secret = tmp_path / "passphrase.txt"
    secret.write_text(cli.passphrase + "\n", encoding="utf-8")
    option = ("--passphrase-file", str(secret))
    args = (*option, "status") if where == "before the command" else ("status", *option)

    code, out, err = cli(*args, env={"WELCOME_DESK_PASSPHRASE": None})

    assert code == 0, err
    assert f"Schema version: {LATEST_SCHEMA}" in out.splitlines()


def test_init_asking_for_the_keyring_where_there_is_none_falls_back_quietly(cli) -> None:
    # A headless Linux machine (and a locked-down laptop) has no credential store: the
    # passphrase keeps working and nothing but the recovery key heading is printed.
    code, out, err = cli(
        "init", "--keyring", env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    )
    assert code == 0
    assert len(err.strip().splitlines()) == 1 and "Recovery key" in err
    code, out, err = cli("status", env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    assert code == 0 and err == ""
    assert "Unlock with OS credential store: no" in out
