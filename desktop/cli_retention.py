"""The command line's `retention …` commands (registered by `desktop.cli`)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any, TextIO

from desktop import cli
from desktop.services import clients, retention
from desktop.store.store import Store


def cmd_retention_due(args: argparse.Namespace, out: TextIO) -> int:
    due = cli._with_store(args, retention.due_for_erasure)
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
        print(json.dumps(rows, ensure_ascii=False, indent=1), file=out)
        return cli.EXIT_OK
    for d in due:
        print(
            f"{d.id}  {d.display_name}  {d.file_number or '-'}  {d.closed_on.isoformat()}"
            f"  {d.retention_until.isoformat()}",
            file=out,
        )
    return cli.EXIT_OK


def cmd_retention_erase_due(args: argparse.Namespace, out: TextIO) -> int:
    if not args.yes:
        raise cli.UsageError(
            "Erasing cannot be undone; add --yes to erase every case that is due.",
            "Löschen lässt sich nicht rückgängig machen; mit --yes werden alle fälligen Fälle"
            " gelöscht.",
        )

    def erase_due(store: Store) -> int:
        ids = [d.id for d in retention.due_for_erasure(store)]
        if ids:
            clients.erase_clients(store, ids)
        return len(ids)

    count = cli._with_store(args, erase_due)
    print(count, file=out)
    return cli.EXIT_OK


def cmd_retention_months(args: argparse.Namespace, out: TextIO) -> int:
    def months(store: Store) -> int:
        if args.months is not None:
            retention.set_retention_months(store, args.months)
        return retention.retention_months(store)

    print(cli._with_store(args, months), file=out)
    return cli.EXIT_OK


def register(sub: Any, command: Callable[..., argparse.ArgumentParser]) -> None:
    """Add `retention due|erase-due|months` to the parser."""
    group = sub.add_parser("retention", help="retention period and erasure of cases that are due")
    group_sub = group.add_subparsers(
        dest="retention_command", required=True, metavar="ACTION", parser_class=cli._Parser
    )
    p = command("due", cmd_retention_due, "list closed cases due for erasure", group_sub)
    p.add_argument("--json", action="store_true")
    p = command(
        "erase-due",
        cmd_retention_erase_due,
        "erase every case that is due (cannot be undone); print how many",
        group_sub,
    )
    p.add_argument("--yes", action="store_true", help="confirm the erasure")
    p = command(
        "months", cmd_retention_months, "show or set the retention period in months", group_sub
    )
    p.add_argument("months", nargs="?", type=int, metavar="N")
