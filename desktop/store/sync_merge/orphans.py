"""After a merge: rows whose owner is gone follow it, the same way on every computer.

A plan, note or appointment a colleague added to a case that was meanwhile erased is erased too;
if the case was deleted, it is deleted; if the case was merged into another client (the same
person registered twice), it moves to that client. Every computer that holds both changes does
the same, so all end alike.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from desktop.store.changelog.reading import is_erased
from desktop.store.changelog.transaction import Transaction
from desktop.store.specs import BY_NAME, CLIENT, MERGED, EntitySpec

MAX_MERGE_CHAIN = 20  # A merged into B merged into C …: followed this far


def sweep_orphans(
    tx: Transaction, gone: set[str], arrived: dict[str, list[str]]
) -> Iterator[tuple[str, str, bool]]:
    """Handle rows whose owner is missing: (entity, row id, whether the row is gone now).

    `gone`: ids of rows that went; `arrived`: ids of rows that came or changed, by entity.
    """
    gone = set(gone)
    for spec, parent_spec, parent_field in _OWNERS:
        orphans = tx.conn.execute(
            f"SELECT id, {parent_field} FROM {spec.table}"
            f" WHERE ({parent_field} IN (SELECT value FROM json_each(?))"
            f" OR id IN (SELECT value FROM json_each(?)))"
            f" AND {parent_field} NOT IN (SELECT id FROM {parent_spec.table})",
            (json.dumps(sorted(gone)), json.dumps(arrived.get(spec.name, []))),
        ).fetchall()
        for row_id, parent in orphans:
            target = merged_into(tx, parent) if parent_spec is CLIENT else None
            if target is not None:
                tx.relink(spec, row_id, target)
                yield spec.name, row_id, False
            elif is_erased(tx.conn, parent):
                tx.erase(spec, row_id)
                gone.add(row_id)
                yield spec.name, row_id, True
            elif _deleted(tx.causal_length(parent_spec.name, parent)):
                tx.delete(spec, row_id)
                gone.add(row_id)
                yield spec.name, row_id, True


def merged_into(tx: Transaction, client_id: str) -> str | None:
    """The existing client a merged one lives on in (following merges of merges), if any."""
    current, seen = client_id, set()
    for _ in range(MAX_MERGE_CHAIN):
        row = tx.conn.execute(
            "SELECT c.value FROM change_log c JOIN device d ON d.num = c.origin"
            " WHERE c.row_id = ? AND c.field_group = ? ORDER BY c.hlc DESC, d.device_id DESC"
            " LIMIT 1",
            (current, MERGED),
        ).fetchone()
        if row is None:
            break
        current = json.loads(row[0])
        if current in seen:
            return None
        seen.add(current)
    if current == client_id:
        return None
    exists = tx.conn.execute("SELECT 1 FROM client WHERE id = ?", (current,)).fetchone()
    return current if exists else None


def _deleted(causal_length: int) -> bool:
    return causal_length > 0 and causal_length % 2 == 0


# Who owns whom, in this order, so that a plan's goals and their measures follow the plan in one
# sweep.
_OWNERS: tuple[tuple[EntitySpec, EntitySpec, str], ...] = tuple(
    (BY_NAME[child], BY_NAME[parent], parent_field)
    for child, parent, parent_field in (
        ("plan", "client", "client_id"),
        ("document", "client", "client_id"),
        ("appointment", "client", "client_id"),
        ("note", "client", "client_id"),
        ("support", "client", "client_id"),
        ("deadline_mark", "client", "client_id"),
        ("goal", "plan", "plan_id"),
        ("measure", "goal", "goal_id"),
        ("attachment", "document", "document_id"),
    )
)
