"""Adding, saving and removing the parts of a case; removal cascades to what belongs to it.

A client takes its plans (with goals and measures), checklist items (with their attachments),
appointments, notes, support links and deadline marks with it. Saving a client applies the
closing rule (`retention.closing_rule`); an erasure also takes what the case left elsewhere and
scrubs the file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from desktop.domain.model import (
    Appointment,
    Client,
    DeadlineMark,
    DocumentItem,
    Household,
    IntegrationPlan,
    Note,
    SupportLink,
)
from desktop.services import retention
from desktop.store.changelog.transaction import Transaction
from desktop.store.specs import (
    ATTACHMENT,
    BY_CLASS,
    BY_NAME,
    CLIENT,
    DOCUMENT,
    GOAL,
    HOUSEHOLD,
    MEASURE,
    PLAN,
    EntitySpec,
)
from desktop.store.store import Store

_CLIENT_PARTS = (DocumentItem, Appointment, Note, SupportLink, DeadlineMark)


def add(store: Store, *objects: Any) -> None:
    """Add new entities in one transaction."""
    with store.transaction() as tx:
        for obj in objects:
            if isinstance(obj, Client):
                obj = retention.closing_rule(store, None, obj)
            tx.insert(obj)


def save(store: Store, obj: Any) -> list[str]:
    """Save an edited entity; returns the field groups that changed."""
    with store.transaction() as tx:
        if isinstance(obj, Client):
            obj = retention.closing_rule(store, store.find(Client, obj.id), obj)
        return tx.update(obj)


def remove(store: Store, cls: type, entity_id: str) -> None:
    """Delete an entity and everything that belongs to it (a plan's goals and measures...)."""
    store.get(cls, entity_id)
    with store.transaction() as tx:
        _cascade(store, tx, BY_CLASS[cls], entity_id, erase=False)


def erase_client(store: Store, client_id: str) -> int:
    """Data-protection erasure of a client and every part of the case; returns rows erased."""
    return erase_clients(store, [client_id])


def erase_clients(
    store: Store, client_ids: list[str], progress: Callable[[int, int], None] | None = None
) -> int:
    """Erase these clients in one transaction, then scrub the file once; returns rows erased.

    Every part of each case goes, the history of parts deleted earlier, records of the same person
    merged into it, and a household left without members (it carries a family name). Only
    tombstones with random ids stay, so that sync cannot bring the data back.
    """
    client_ids = list(dict.fromkeys(client_ids))
    for client_id in client_ids:
        store.get(Client, client_id)
    return _erase(store, client_ids, [], progress)


def erase_again(store: Store, client_ids: list[str]) -> int:
    """Apply erasures of the ledger again to a file that still holds them (a restored older
    copy, a backup): clients still there and what is left of those gone; returns rows erased."""
    held = store.not_erased_yet(list(dict.fromkeys(client_ids)))
    present = [c.id for c in store.of_ids(Client, held)]
    gone = [i for i in held if i not in present]
    return _erase(store, present, gone, None) if held else 0


def _erase(
    store: Store,
    client_ids: list[str],
    gone_ids: list[str],
    progress: Callable[[int, int], None] | None,
) -> int:
    households = {c.household_id for c in store.of_ids(Client, client_ids) if c.household_id}
    erased = 0
    with store.transaction() as tx:
        traces = store.retention.traces_of([*client_ids, *gone_ids])
        for entity, row_id in traces:
            tx.erase(BY_NAME[entity], row_id)
            erased += 1
        for row_id in gone_ids:  # only recorded values are left of these
            tx.erase(CLIENT, row_id)
            erased += 1
        merged = [row_id for entity, row_id in traces if entity == CLIENT.name]
        store.enter_erasures([*client_ids, *gone_ids, *merged], date.today())
        for done, client_id in enumerate(client_ids, 1):
            erased += _cascade(store, tx, CLIENT, client_id, erase=True)
            if progress is not None:
                progress(done, len(client_ids))
        for household_id in sorted(households):
            gone = store.find(Household, household_id) is None
            if not gone and not store.household_members(household_id):
                tx.erase(HOUSEHOLD, household_id)
                erased += 1
    store.scrub()
    return erased


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
