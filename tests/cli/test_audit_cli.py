"""What the command line hands out or changes is in the audit trail, with who did it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.services import audit, casefile


def trail(cli: Any, client_id: str | None = None) -> list[audit.AuditEvent]:
    store = casefile.unlock(cli.data_dir, passphrase=cli.passphrase, use_keyring=False)
    try:
        return audit.trail(store, client_id=client_id)
    finally:
        store.close()


def test_every_kind_of_action_on_the_command_line_leaves_an_event(
    cli: Any, initialised: str, tmp_path: Path
) -> None:
    client = cli.add(
        "--family-name", "Haddad", "--given-names", "Amal", "--opened-on", "2026-01-02"
    )
    assert cli("client", "update", client, "--residence-status", "refugee")[0] == 0
    assert cli("print-plan", client, str(tmp_path / "plan.pdf"))[0] == 0
    assert cli("export-json", "--client", client, str(tmp_path / "one.json"))[0] == 0
    assert cli("export-ics", str(tmp_path / "c.ics"), "--client", client)[0] == 0
    assert cli("export-list", str(tmp_path / "list.csv"))[0] == 0
    assert cli("access-request", client, str(tmp_path / "a.pdf"))[0] == 0
    assert cli("backup", str(tmp_path))[0] == 0

    about_client = [
        (e.action, e.detail.get("what"), e.detail.get("items")) for e in trail(cli, client)
    ]
    assert about_client[::-1] == [
        ("created", None, None),
        ("changed", None, ["client.residence"]),
        ("printed", "integration plan", None),
        ("exported", "json", None),
        ("exported", "calendar", None),
        ("access_request", None, None),
    ]
    everything = [(e.action, e.detail.get("what")) for e in trail(cli)]
    assert ("exported", "case list") in everything and ("backup", None) in everything
    assert all(e.own_device and e.coordinator for e in trail(cli))

    assert cli("client", "erase", client)[0] == 0
    erased = trail(cli, client)
    assert erased[0].action == "erased" and len(erased) == 7  # the trail outlives the person
    assert "Haddad" not in str([(e.detail, e.coordinator) for e in erased])
