"""Consent gates sync: a client who has not agreed to sharing never leaves this computer.

Bundles are decrypted here exactly as the importer does it, and their whole plaintext (change
rows and scans) is searched for the person.
"""

from __future__ import annotations

import dataclasses
import hashlib
import zlib
from datetime import date, datetime
from pathlib import Path

from desktop.domain.catalogues import ConsentScope, DeadlineKind, DocumentKind, FieldOfAction
from desktop.domain.model import (
    Appointment,
    Attachment,
    Client,
    DeadlineMark,
    DocumentItem,
    Goal,
    Household,
    IntegrationPlan,
    Note,
)
from desktop.services import casework, sync
from desktop.sync.bundle import decrypt_payload, read_header, verify_signature
from desktop.sync.identity import private_keys
from tests.sync.devices import Device, make_devices, shared_client

NAME = "Zorbakowitsch"
SCAN = b"%PDF scan of the passport of " + NAME.encode()


def plaintext(path: Path, receiver: Device) -> bytes:
    """The bundle's payload as the receiver decrypts it, inflated."""
    header = read_header(path)
    digest = verify_signature(path, header)
    raw = b"".join(decrypt_payload(path, header, private_keys(receiver.store).exchange, digest))
    return zlib.decompress(raw)


def private_case(device: Device) -> Client:
    """A client with consent to store only, and one of every kind of record about them."""
    household = Household(f"Familie {NAME}")
    client = Client(
        NAME,
        "Ilona",
        household_id=household.id,
        consent_given_on=date(2026, 1, 5),
        consent_scope=(ConsentScope.STORE,),
    )
    plan = IntegrationPlan(client.id)
    document = DocumentItem(client.id, DocumentKind.PASSPORT, note=f"Pass {NAME}")
    sha = hashlib.sha256(SCAN).hexdigest()
    with device.store.transaction() as tx:
        tx.put_blob(sha, SCAN)
    casework.add(
        device.store,
        household,
        client,
        plan,
        Goal(plan.id, FieldOfAction.WORK, f"Arbeit für {NAME}"),
        document,
        Attachment(document.id, "pass.pdf", "application/pdf", len(SCAN), sha),
        Appointment(client.id, datetime(2026, 3, 2, 9, 30), purpose=f"Termin {NAME}"),
        Note(client.id, date(2026, 1, 6), f"Gespräch mit {NAME}"),
        DeadlineMark(client.id, DeadlineKind.PLAN_REVIEW, plan.id, date(2026, 2, 1)),
    )
    return client


def test_a_client_without_consent_to_share_never_appears_in_a_bundle(tmp_path: Path) -> None:
    anna, bea = make_devices(tmp_path, ["Anna", "Bea"])
    private = private_case(anna)
    shared = shared_client("Haddad", "Amal")
    casework.add(anna.store, shared)
    for full in (False, True):
        path = anna.export_to(bea, full=full)
        text = plaintext(path, bea)
        assert NAME.encode() not in text and NAME.lower().encode() not in text
        assert private.id.encode() not in text  # not even the id, nor its audit events
        assert b"Haddad" in text  # the decryption works: the consenting client is there
    summary = sync.export_for(anna.store, "Bea", tmp_path / "third.wdb")
    assert summary.held_back == 1
    imported = bea.import_(path)
    assert imported.applied > 0
    assert bea.store.find(Client, private.id) is None
    assert bea.store.find(Client, shared.id) is not None


def test_once_consent_is_given_everything_held_back_follows(tmp_path: Path) -> None:
    anna, bea = make_devices(tmp_path, ["Anna", "Bea"])
    private = private_case(anna)
    bea.import_(anna.export_to(bea))  # Bea acknowledges Anna's numbers, without the client
    anna.import_(bea.export_to(anna))
    assert bea.store.find(Client, private.id) is None
    casework.save(
        anna.store,
        dataclasses.replace(
            private, consent_scope=(ConsentScope.STORE, ConsentScope.SHARE_COLLEAGUES)
        ),
    )
    lost = anna.export_to(bea)  # this stick is lost: the next bundle must carry it all again
    assert NAME.encode() in plaintext(lost, bea)
    bea.import_(anna.export_to(bea))
    assert bea.store.find(Client, private.id) is not None
    held_by_bea = sync.exchange.consent  # the same rule decides on Bea's side
    assert private.id not in held_by_bea.sharing(bea.store.conn, date.today()).held
    assert len(bea.store.of_client(Note, private.id)) == 1
    assert len(bea.store.of_client(DocumentItem, private.id)) == 1
    assert bea.store.has_blob(hashlib.sha256(SCAN).hexdigest())
    assert bea.case_data() == anna.case_data()
    # Acknowledged: later bundles no longer carry the old changes.
    casework.add(anna.store, shared_client("Nasser", "Omar"))
    anna.import_(bea.export_to(anna))
    bea.import_(anna.export_to(bea))
    anna.import_(bea.export_to(anna))
    assert NAME.encode() not in plaintext(anna.export_to(bea), bea)


def test_a_withdrawal_reaches_colleagues_but_nothing_after_it(tmp_path: Path) -> None:
    anna, bea, cora = make_devices(tmp_path, ["Anna", "Bea", "Cora"])
    client = shared_client(NAME, "Ilona")
    casework.add(anna.store, client)
    bea.import_(anna.export_to(bea))
    withdrawn = dataclasses.replace(client, consent_withdrawn_on=date(2026, 2, 1))
    casework.save(anna.store, withdrawn)
    casework.save(anna.store, dataclasses.replace(withdrawn, phone="+49 555 0101"))
    path = anna.export_to(bea)
    assert b"+49 555 0101" not in plaintext(path, bea)
    bea.import_(path)
    at_bea = bea.store.get(Client, client.id)
    assert at_bea.consent_withdrawn_on == date(2026, 2, 1) and at_bea.phone == ""
    to_cora = bea.export_to(cora)  # Bea does not pass the person on either
    assert NAME.encode() not in plaintext(to_cora, cora)


def test_the_erasure_of_a_client_held_back_still_travels(tmp_path: Path) -> None:
    anna, bea = make_devices(tmp_path, ["Anna", "Bea"])
    client = shared_client(NAME, "Ilona")
    casework.add(anna.store, client)
    bea.import_(anna.export_to(bea))
    casework.save(anna.store, dataclasses.replace(client, consent_scope=(ConsentScope.STORE,)))
    casework.erase_client(anna.store, client.id)
    bea.import_(anna.export_to(bea))
    assert bea.store.is_erased(client.id) and bea.store.find(Client, client.id) is None
