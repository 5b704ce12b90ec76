"""`retention due|erase-due|months`: the retention period and erasing the cases that are due."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from desktop.cli import common
from desktop.services import clients, retention
from desktop.services.casefile import Store


def cmd_retention_due(args: argparse.Namespace, out: TextIO) -> int:
    due = common.with_store(args, retention.due_for_erasure)
    if args.json:
        rows = [
            {
                "id": d.id,
                "family_name": d.family_name,
                "given_names": d.given_names,
                "file_number": d.file_number,
                "closed_on": d.closed_on.isoformat(),
                "retention_until": d.retention_until.isoformat(),
            }
            for d in due
        ]
        common.write_json(out, rows)
        return common.EXIT_OK
    for d in due:
        print(
            f"{d.id}  {d.display_name}  {d.file_number or '-'}  {d.closed_on.isoformat()}"
            f"  {d.retention_until.isoformat()}",
            file=out,
        )
    return common.EXIT_OK


def cmd_retention_erase_due(args: argparse.Namespace, out: TextIO) -> int:
    if not args.yes:
        raise common.UsageError(
            "Erasing cannot be undone; add --yes to erase every case that is due.",
            "Löschen lässt sich nicht rückgängig machen; mit --yes werden alle fälligen Fälle"
            " gelöscht.",
        )

    def erase_due(store: Store) -> tuple[int, clients.Erased | None]:
        ids = [d.id for d in retention.due_for_erasure(store)]
        return len(ids), clients.erase_clients(store, ids) if ids else None

    count, erased = common.with_store(args, erase_due)
    print(count, file=out)
    if erased is not None:
        common.say_copies(erased.copies)
    return common.EXIT_OK


def cmd_retention_months(args: argparse.Namespace, out: TextIO) -> int:
    def months(store: Store) -> int:
        if args.months is not None:
            retention.set_retention_months(store, args.months)
        return retention.retention_months(store)

    print(common.with_store(args, months), file=out)
    return common.EXIT_OK


def register(sub: Any) -> None:
    """Add `retention due|erase-due|months`."""
    actions = common.add_group(
        sub, "retention", "retention period and erasure of cases that are due"
    )
    p = common.add_command(actions, "due", cmd_retention_due, "list closed cases due for erasure")
    p.add_argument("--json", action="store_true")
    p = common.add_command(
        actions,
        "erase-due",
        cmd_retention_erase_due,
        "erase every case that is due (cannot be undone); print how many",
    )
    p.add_argument("--yes", action="store_true", help="confirm the erasure")
    p = common.add_command(
        actions, "months", cmd_retention_months, "show or set the retention period in months"
    )
    p.add_argument("months", nargs="?", type=int, metavar="N")
