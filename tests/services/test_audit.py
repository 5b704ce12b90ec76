"""The audit trail through the services: every kind of action, no personal data, no edits, sync."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import sqlcipher3

from desktop.domain.catalogues import ConsentScope, ResidenceStatus
from desktop.domain.model import Note
from desktop.services import audit, casework
from desktop.services.clients import add_client, delete_client, erase_client, update_client
from desktop.services.duplicate_merge import merge_clients
from desktop.store.store import Store
from tests.sync.devices import make_devices

SECRET = "Zzyxqartbeh"  # a family name that appears nowhere else
SHARED = {  # consent to share with colleagues: without it a case stays on its computer
    "consent_given_on": date(2026, 1, 5),
    "consent_scope": (ConsentScope.SHARE_COLLEAGUES,),
}


def actions(store: Store, client_id: str) -> list[str]:
    """The case's actions, oldest first."""
    return [e.action for e in reversed(audit.trail(store, client_id=client_id))]


def test_created_changed_with_field_groups_and_deleted(store: Store) -> None:
    client = add_client(store, {"family_name": "Haddad", "given_names": "Amal"})
    update_client(store, client.id, {"phone": "+49 30 1234", "city": "Köln"})
    casework.add(store, Note(client.id, date(2026, 1, 2), "Termin beim Jobcenter"))
    update_client(store, client.id, {"residence_status": ResidenceStatus.DULDUNG})
    delete_client(store, client.id)

    events = list(reversed(audit.trail(store, client_id=client.id)))
    assert [e.action for e in events] == ["created", "changed", "changed", "changed", "deleted"]
    assert events[1].detail == {"items": ["client.address", "client.contact"]}
    assert events[2].detail == {"items": ["note+"]}
    assert events[3].detail == {"items": ["client.residence"]}
    assert audit.describe(events[1], "en") == "Changed: address, contact"
    assert audit.describe(events[3], "de") == "Geändert: Aufenthaltsstatus"
    assert all(e.own_device and e.colleague is None for e in events)
    assert all(e.coordinator == audit.coordinator_name(store) for e in events)


def test_the_coordinator_named_at_this_computer_is_who(store: Store) -> None:
    audit.set_coordinator_name(store, "  Anna   Schmidt ")
    client = add_client(store, {"family_name": "Haddad"})
    (event,) = audit.trail(store, client_id=client.id)
    assert event.coordinator == "Anna Schmidt"
    assert event.who == "Anna Schmidt (this computer)"
    assert audit.who_text("Anna", True, None, event.device_id, "de") == "Anna (dieser Computer)"


def test_merged_records_say_into_which(store: Store) -> None:
    keep = add_client(store, {"family_name": "Haddad", "given_names": "Amal"})
    other = add_client(store, {"family_name": "Hadad", "given_names": "Amal", "phone": "+49 1"})
    merge_clients(store, keep.id, other.id)

    (merged,) = audit.trail(store, client_id=other.id, actions=["merged"])
    assert merged.detail == {"into": keep.id}
    assert actions(store, keep.id)[-1] == "changed"  # the phone and the other spelling came over


def test_opened_is_recorded_once_per_unlocked_session(store: Store) -> None:
    client = add_client(store, {"family_name": "Haddad"})
    audit.opened(store, client.id)
    audit.opened(store, client.id)
    assert actions(store, client.id).count("opened") == 1


def test_recorded_actions_and_filters(store: Store) -> None:
    client = add_client(store, {"family_name": "Haddad"})
    audit.record(store, "printed", client.id, what="plan")
    audit.record(store, "backup", path="backups/2026.wdbak")
    with pytest.raises(ValueError):
        audit.record(store, "tampered", client.id)

    printed = audit.trail(store, actions=["printed", "exported"])
    assert [(e.action, e.client_id) for e in printed] == [("printed", client.id)]
    assert audit.describe(printed[0], "en") == "Plan printed: plan"
    assert [e.action for e in audit.trail(store, client_id=client.id)] == ["printed", "created"]
    today = date.today()
    assert len(audit.trail(store, since=today, until=today)) == 3
    assert audit.trail(store, until=date(2000, 1, 1)) == []
    assert len(audit.trail(store, limit=1)) == 1


def test_events_survive_an_erasure_and_hold_no_personal_data(store: Store) -> None:
    client = add_client(store, {"family_name": SECRET, "given_names": "Amal", "city": "Köln"})
    casework.add(store, Note(client.id, date(2026, 1, 2), f"{SECRET} kam pünktlich"))
    update_client(store, client.id, {"phone": "+49 30 999"})
    audit.opened(store, client.id)
    erase_client(store, client.id)

    assert store.is_erased(client.id)
    assert actions(store, client.id) == ["created", "changed", "changed", "opened", "erased"]
    rows = store.conn.execute("SELECT * FROM audit").fetchall()
    rows += store.conn.execute("SELECT * FROM change WHERE entity = 'audit'").fetchall()
    text = repr([tuple(r) for r in rows])
    assert client.id in text  # the trail still names the case by its id ...
    for personal in (SECRET, "Amal", "Köln", "+49 30 999", "pünktlich"):
        assert personal not in text  # ... and by nothing else


def test_the_audit_table_refuses_update_and_delete(store: Store) -> None:
    client = add_client(store, {"family_name": "Haddad"})
    conn = store.conn
    with pytest.raises(sqlcipher3.DatabaseError):
        conn.execute("UPDATE audit SET action = 'opened' WHERE client_id = ?", (client.id,))
    with pytest.raises(sqlcipher3.DatabaseError):
        conn.execute("DELETE FROM audit")
    assert actions(store, client.id) == ["created"]


def test_events_travel_by_sync_and_name_the_colleague(tmp_path: Path) -> None:
    anna, bea = make_devices(tmp_path, ["Anna", "Bea"])
    try:
        audit.set_coordinator_name(anna.store, "Anna Schmidt")
        client = add_client(anna.store, {"family_name": "Haddad", **SHARED})
        update_client(anna.store, client.id, {"residence_status": ResidenceStatus.DULDUNG})
        private = add_client(anna.store, {"family_name": "Nasser"})  # no consent to share
        audit.opened(anna.store, private.id)
        bundle = anna.export_to(bea)
        bea.import_(bundle)

        trail = audit.trail(bea.store, client_id=client.id)
        changed = [e for e in trail if e.action == "changed"]
        assert [e.detail for e in changed] == [{"items": ["client.residence"]}]
        event = changed[0]
        assert not event.own_device
        assert event.colleague == "Anna"  # the name Bea gave her
        assert event.coordinator == "Anna Schmidt"
        assert event.who == "Anna Schmidt (Anna's computer)"
        assert "created" in [e.action for e in trail]
        assert audit.trail(bea.store, client_id=private.id) == []  # its trail stays with Anna
        # Anna's own view of the same event is hers.
        (own,) = audit.trail(anna.store, client_id=client.id, actions=["changed"])
        assert own.id == event.id and own.own_device

        count = len(audit.trail(bea.store))
        bea.import_(bundle)  # the same bundle again
        bea.import_(anna.export_to(bea))  # and a new one with nothing new in it
        assert len(audit.trail(bea.store)) == count
    finally:
        anna.store.close()
        bea.store.close()
