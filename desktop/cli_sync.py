"""The command line's colleague and sync commands (registered by `desktop.cli`)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from desktop import cli
from desktop.services import sync
from desktop.sync.messages import held_back_text


def cmd_colleague_add(args: argparse.Namespace, out: TextIO) -> int:
    colleague = cli._with_store(
        args, lambda store: sync.add_colleague(store, args.name, args.identity)
    )
    print(f"{colleague.name}\t{colleague.fingerprint}", file=out)
    return cli.EXIT_OK


def cmd_colleague_list(args: argparse.Namespace, out: TextIO) -> int:
    found = cli._with_store(args, sync.colleagues)
    if args.json:
        rows = [
            {
                "name": c.name,
                "identity": c.identity,
                "fingerprint": c.fingerprint,
                "last_import": _iso(c.last_import_at),
                "last_export": _iso(c.last_export_at),
                "waiting": c.waiting,
            }
            for c in found
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2), file=out)
        return cli.EXIT_OK
    for c in found:
        print(
            f"{c.name}\t{c.fingerprint}\tin: {_iso(c.last_import_at) or '-'}"
            f"\tout: {_iso(c.last_export_at) or '-'}\twaiting: {c.waiting}",
            file=out,
        )
    return cli.EXIT_OK


def cmd_colleague_remove(args: argparse.Namespace, out: TextIO) -> int:
    cli._with_store(args, lambda store: sync.remove_colleague(store, args.name))
    return cli.EXIT_OK


def cmd_sync_export(args: argparse.Namespace, out: TextIO) -> int:
    summary = cli._with_store(
        args, lambda store: sync.export_for(store, args.to, Path(args.out), full=args.full)
    )
    print(summary.path, file=out)
    lang = cli.user_language()
    note = (
        f"{summary.changes} Änderungen, {summary.blobs} Scans, {summary.size} Bytes"
        if lang == "de"
        else f"{summary.changes} changes, {summary.blobs} scans, {summary.size} bytes"
    )
    print(note, file=cli.sys.stderr)
    if summary.held_back:
        print(held_back_text(summary.held_back, lang), file=cli.sys.stderr)
    return cli.EXIT_OK


def cmd_sync_import(args: argparse.Namespace, out: TextIO) -> int:
    summary = cli._with_store(args, lambda store: sync.import_file(store, Path(args.file)))
    print(summary.text(cli.user_language()), file=out)
    return cli.EXIT_OK


def cmd_sync_conflicts(args: argparse.Namespace, out: TextIO) -> int:
    found = cli._with_store(args, lambda store: sync.conflicts(store, include_resolved=args.all))
    rows = [
        {
            "num": c.num,
            "kind": c.kind,
            "entity": c.entity,
            "row_id": c.row_id,
            "field_group": c.field_group,
            "client_id": c.client_id,
            "lost": c.lost,
            "kept": c.won,
            "lost_by": c.lost_by,
            "kept_by": c.won_by,
            "resolved": c.resolved,
        }
        for c in found
    ]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2, sort_keys=True), file=out)
    else:
        for c in found:
            print(
                f"{c.num}\t{c.kind}\t{c.client_name or c.entity}\t{c.field_group}"
                f"\tlost: {json.dumps(c.lost, ensure_ascii=False)}"
                f"\tkept: {json.dumps(c.won, ensure_ascii=False)}",
                file=out,
            )
    return cli.EXIT_OK


def cmd_sync_resolve(args: argparse.Namespace, out: TextIO) -> int:
    cli._with_store(
        args, lambda store: sync.resolve_conflict(store, args.num, restore=args.restore)
    )
    return cli.EXIT_OK


def _iso(moment: datetime | None) -> str:
    return moment.isoformat(timespec="seconds") if moment else ""


def register(sub: Any, command: Callable[..., argparse.ArgumentParser]) -> None:
    """Add `colleague …` and `sync …` to the parser."""
    colleague = sub.add_parser("colleague", help="trust, list or remove colleagues")
    colleague_sub = colleague.add_subparsers(
        dest="colleague_command", required=True, metavar="ACTION", parser_class=cli._Parser
    )
    p = command("add", cmd_colleague_add, "trust a colleague by their identity", colleague_sub)
    p.add_argument("name")
    p.add_argument("identity", help="the wd1:… string from `identity` on their computer")
    p = command("list", cmd_colleague_list, "list trusted colleagues", colleague_sub)
    p.add_argument("--json", action="store_true")
    p = command("remove", cmd_colleague_remove, "stop trusting a colleague", colleague_sub)
    p.add_argument("name")

    sync_parser = sub.add_parser("sync", help="exchange bundles with colleagues")
    sync_sub = sync_parser.add_subparsers(
        dest="sync_command", required=True, metavar="ACTION", parser_class=cli._Parser
    )
    p = command("export", cmd_sync_export, "write a bundle for colleague NAME", sync_sub)
    p.add_argument("--to", required=True, metavar="NAME")
    p.add_argument("--full", action="store_true", help="everything, not only what is new")
    p.add_argument("out", metavar="OUT", help="a file, or a folder to write it in")
    p = command("import", cmd_sync_import, "verify, decrypt and merge a bundle", sync_sub)
    p.add_argument("file", metavar="FILE")
    p = command("conflicts", cmd_sync_conflicts, "list edits that lost a merge", sync_sub)
    p.add_argument("--json", action="store_true")
    p.add_argument("--all", action="store_true", help="also the resolved ones")
    p = command("resolve", cmd_sync_resolve, "close a conflict", sync_sub)
    p.add_argument("num", type=int, metavar="NUM")
    p.add_argument("--restore", action="store_true", help="make the lost value current again")
