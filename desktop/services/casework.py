"""Adding, saving and removing the parts of a case; removal cascades to what belongs to it.

A client takes its plans (with goals and measures), checklist items (with their attachments),
appointments, notes and support links with it.
"""

from __future__ import annotations

from typing import Any

from desktop.domain.model import (
    Appointment,
    Client,
    DocumentItem,
    IntegrationPlan,
    Note,
    SupportLink,
)
from desktop.store.changes import Transaction
from desktop.store.specs import (
    ATTACHMENT,
    BY_CLASS,
    CLIENT,
    DOCUMENT,
    GOAL,
    MEASURE,
    PLAN,
    EntitySpec,
)
from desktop.store.store import Store

_CLIENT_PARTS = (DocumentItem, Appointment, Note, SupportLink)


def add(store: Store, *objects: Any) -> None:
    """Add new entities in one transaction."""
    with store.transaction() as tx:
        for obj in objects:
            tx.insert(obj)


def save(store: Store, obj: Any) -> list[str]:
    """Save an edited entity; returns the field groups that changed."""
    with store.transaction() as tx:
        return tx.update(obj)


def remove(store: Store, cls: type, entity_id: str) -> None:
    """Delete an entity and everything that belongs to it (a plan's goals and measures...)."""
    store.get(cls, entity_id)
    with store.transaction() as tx:
        _cascade(store, tx, BY_CLASS[cls], entity_id, erase=False)


def erase_client(store: Store, client_id: str) -> int:
    """Data-protection erasure of a client and every part of the case; returns rows erased."""
    store.get(Client, client_id)
    with store.transaction() as tx:
        return _cascade(store, tx, CLIENT, client_id, erase=True)


def _dependents(store: Store, spec: EntitySpec, entity_id: str) -> list[tuple[EntitySpec, str]]:
    """What is removed with this entity, deepest first."""
    found: list[tuple[EntitySpec, str]] = []
    if spec is CLIENT:
        for plan in store.of_client(IntegrationPlan, entity_id):
            found += [*_dependents(store, PLAN, plan.id), (PLAN, plan.id)]
        for cls in _CLIENT_PARTS:
            part_spec = BY_CLASS[cls]
            parts: list[Any] = store.of_client(cls, entity_id)
            for part in parts:
                found += [*_dependents(store, part_spec, part.id), (part_spec, part.id)]
    elif spec is DOCUMENT:
        found += [(ATTACHMENT, a.id) for a in store.attachments_of([entity_id])]
    elif spec is PLAN:
        for goal in store.goals_of([entity_id]):
            found += [*_dependents(store, GOAL, goal.id), (GOAL, goal.id)]
    elif spec is GOAL:
        found += [(MEASURE, m.id) for m in store.measures_of([entity_id])]
    return found


def _cascade(store: Store, tx: Transaction, spec: EntitySpec, entity_id: str, erase: bool) -> int:
    targets = [*_dependents(store, spec, entity_id), (spec, entity_id)]
    for target_spec, target_id in targets:
        if erase:
            tx.erase(target_spec, target_id)
        else:
            tx.delete(target_spec, target_id)
    return len(targets)
