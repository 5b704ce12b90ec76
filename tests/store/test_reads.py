"""Reads for many clients at once, and the blob table behind attachments."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from desktop.domain.catalogues import DocumentKind, FieldOfAction
from desktop.domain.dates import add_months
from desktop.domain.errors import NotFound
from desktop.domain.model import Client, DocumentItem, Goal, IntegrationPlan, Note
from desktop.services import casework
from desktop.store import store as store_module
from desktop.store.deadlines import latest_grant_due
from desktop.store.store import Store


def test_parts_of_many_clients_are_read_in_batches_without_losing_any(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "_BATCH", 3)
    people = [Client(f"Family{i}", "Given") for i in range(8)]
    items = [DocumentItem(c.id, DocumentKind.PASSPORT) for c in people]
    notes = [Note(c.id, date(2026, 1, i + 1), f"Notiz {i}") for i, c in enumerate(people)]
    casework.add(store, *people, *items, *notes)
    ids = [c.id for c in people]
    assert {d.id for d in store.of_clients(DocumentItem, ids)} == {d.id for d in items}
    assert len(store.of_clients(Note, ids[:5])) == 5
    assert {c.id for c in store.of_ids(Client, [*ids, "unknown"])} == set(ids)
    assert store.display_names([*ids[:4], "unknown"]) == {
        c.id: f"Family{i}, Given" for i, c in enumerate(people[:4])
    }
    assert store.of_clients(DocumentItem, []) == []


def test_goals_do_not_belong_to_a_client_directly(store: Store) -> None:
    plan = IntegrationPlan("someone")
    casework.add(store, plan, Goal(plan.id, FieldOfAction.WORK, "Arbeit"))
    with pytest.raises(TypeError):
        store.of_clients(Goal, ["someone"])


def test_blobs_are_stored_by_their_hash_only(store: Store) -> None:
    data = b"scan"
    digest = hashlib.sha256(data).hexdigest()
    with pytest.raises(ValueError), store.transaction() as tx:
        tx.put_blob(hashlib.sha256(b"other").hexdigest(), data)
    with pytest.raises(NotFound):
        store.blob(digest)
    with store.transaction() as tx:
        tx.put_blob(digest, data)
        tx.put_blob(digest, data)  # the same content twice is kept once
    assert store.blob(digest) == data


@pytest.mark.parametrize(
    "horizon", [date(2026, 2, 28), date(2026, 3, 1), date(2028, 2, 29), date(2026, 12, 31)]
)
def test_the_latest_grant_due_is_exactly_where_18_months_reach_the_horizon(horizon: date) -> None:
    latest = latest_grant_due(horizon)
    assert add_months(latest, 18) <= horizon
    assert add_months(date.fromordinal(latest.toordinal() + 1), 18) > horizon
