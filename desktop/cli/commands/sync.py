"""`colleague add|list|remove`, `sync export|import|folder|conflicts|resolve` and `compact`."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from desktop.cli import common
from desktop.services import compaction, sync, sync_folder


def cmd_colleague_add(args: argparse.Namespace, out: TextIO) -> int:
    colleague = common.with_store(
        args, lambda store: sync.add_colleague(store, args.name, args.identity)
    )
    print(f"{colleague.name}\t{colleague.fingerprint}", file=out)
    return common.EXIT_OK


def cmd_colleague_list(args: argparse.Namespace, out: TextIO) -> int:
    found = common.with_store(args, sync.colleagues)
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
        common.write_json(out, rows, indent=2)
        return common.EXIT_OK
    for c in found:
        print(
            f"{c.name}\t{c.fingerprint}\tin: {_iso(c.last_import_at) or '-'}"
            f"\tout: {_iso(c.last_export_at) or '-'}\twaiting: {c.waiting}",
            file=out,
        )
    return common.EXIT_OK


def cmd_colleague_remove(args: argparse.Namespace, out: TextIO) -> int:
    common.with_store(args, lambda store: sync.remove_colleague(store, args.name))
    return common.EXIT_OK


def cmd_sync_export(args: argparse.Namespace, out: TextIO) -> int:
    summary = common.with_store(
        args, lambda store: sync.export_for(store, args.to, Path(args.out), full=args.full)
    )
    print(summary.path, file=out)
    lang = common.user_language()
    note = (
        f"{summary.changes} Änderungen, {summary.blobs} Scans, {summary.size} Bytes"
        if lang == "de"
        else f"{summary.changes} changes, {summary.blobs} scans, {summary.size} bytes"
    )
    print(note, file=sys.stderr)
    if summary.held_back:
        print(sync.held_back_text(summary.held_back, lang), file=sys.stderr)
    return common.EXIT_OK


def cmd_sync_import(args: argparse.Namespace, out: TextIO) -> int:
    summary = common.with_store(args, lambda store: sync.import_file(store, Path(args.file)))
    print(summary.text(common.user_language()), file=out)
    return common.EXIT_OK


def cmd_sync_folder(args: argparse.Namespace, out: TextIO) -> int:
    folder = Path(args.dir)
    sync_folder.check_usable(folder)  # before unlocking: a wrong folder changes nothing
    progress = common.progress_printer()
    done = common.with_store(
        args, lambda store: sync_folder.exchange_round(store, folder, progress=progress)
    )
    lang = common.user_language()
    if args.json:
        common.write_json(out, _round_json(done, lang), indent=2)
    else:
        for merged in done.imports:
            print(merged.summary.text(lang), file=out)
        for written in done.exported:
            print(_written(written.colleague, written.path, lang), file=out)
        waiting = [(h.path, h.error) for h in done.held] + [(r.path, r.error) for r in done.refused]
        for path, error in waiting:
            print(f"{path.name}: {error.text(lang)}", file=sys.stderr)
        if done.incomplete:
            print(_incomplete(len(done.incomplete), lang), file=sys.stderr)
    if done.compacted is not None and done.compacted.stopped_waiting_for:
        print(done.compacted.warning(lang), file=sys.stderr)
    refused_here = any(r.for_me for r in done.refused)
    return common.EXIT_BUNDLE if refused_here else common.EXIT_OK


def _round_json(done: sync_folder.Round, lang: str) -> dict[str, Any]:
    return {
        "imported": [
            {
                "file": str(m.path),
                "sender": m.summary.sender,
                "bundle_id": m.summary.bundle_id,
                "applied": m.summary.applied,
                "conflicts": m.summary.conflicts,
                "text": m.summary.text(lang),
            }
            for m in done.imports
        ],
        "held": [
            {"file": str(h.path), "reason": h.error.reason, "text": h.error.text(lang)}
            for h in done.held
        ],
        "refused": [
            {
                "file": str(r.path),
                "reason": r.error.reason,
                "for_me": r.for_me,
                "text": r.error.text(lang),
            }
            for r in done.refused
        ],
        "incomplete": [str(p) for p in done.incomplete],
        "written": [
            {"file": str(e.path), "colleague": e.colleague, "changes": e.changes}
            for e in done.exported
        ],
        "removed": [str(p) for p in done.removed],
    }


def _written(colleague: str, path: Path, lang: str) -> str:
    if lang == "de":
        return f"Paket für {colleague} geschrieben: {path}"
    return f"Bundle for {colleague} written: {path}"


def _incomplete(count: int, lang: str) -> str:
    if lang == "de":
        if count == 1:
            return "1 Datei kommt noch an (wird noch abgeglichen); die nächste Runde liest sie."
        return (
            f"{count} Dateien kommen noch an (werden noch abgeglichen); die nächste Runde "
            "liest sie."
        )
    if count == 1:
        return "1 file is still arriving (still being synced); the next round reads it."
    return f"{count} files are still arriving (still being synced); the next round reads them."


def cmd_sync_conflicts(args: argparse.Namespace, out: TextIO) -> int:
    found = common.with_store(args, lambda store: sync.conflicts(store, include_resolved=args.all))
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
        common.write_json(out, rows, indent=2, sort_keys=True)
    else:
        for c in found:
            print(
                f"{c.num}\t{c.kind}\t{c.client_name or c.entity}\t{c.field_group}"
                f"\tlost: {common.json_text(c.lost)}"
                f"\tkept: {common.json_text(c.won)}",
                file=out,
            )
    return common.EXIT_OK


def cmd_sync_resolve(args: argparse.Namespace, out: TextIO) -> int:
    common.with_store(
        args, lambda store: sync.resolve_conflict(store, args.num, restore=args.restore)
    )
    return common.EXIT_OK


def cmd_compact(args: argparse.Namespace, out: TextIO) -> int:
    def run(store: Any) -> compaction.CompactedFile:
        if args.wait_days is not None:
            compaction.set_wait_days(store, args.wait_days)
        return compaction.compact_file(store)

    done = common.with_store(args, run)
    lang = common.user_language()
    report = done.report
    mb_before, mb_after = done.size_before / 1e6, done.size_after / 1e6
    if lang == "de":
        text = (
            f"{report.dropped_rows} Änderungszeilen verdichtet ({report.settled_rows} Einträge),"
            f" Datei {mb_before:.1f} MB -> {mb_after:.1f} MB."
        )
    else:
        text = (
            f"{report.dropped_rows} change rows compacted ({report.settled_rows} records),"
            f" file {mb_before:.1f} MB -> {mb_after:.1f} MB."
        )
    print(text, file=out)
    if report.waiting_for:
        names = ", ".join(report.waiting_for)
        waiting = (
            f"Noch nicht bestätigt von: {names}."
            if lang == "de"
            else f"Not yet acknowledged by: {names}."
        )
        print(waiting, file=sys.stderr)
    if report.stopped_waiting_for:
        print(report.warning(lang), file=sys.stderr)
    return common.EXIT_OK


def _iso(moment: datetime | None) -> str:
    return moment.isoformat(timespec="seconds") if moment else ""


def register(sub: Any) -> None:
    """Add `colleague …` and `sync …`."""
    actions = common.add_group(sub, "colleague", "trust, list or remove colleagues")
    p = common.add_command(actions, "add", cmd_colleague_add, "trust a colleague by their identity")
    p.add_argument("name")
    p.add_argument("identity", help="the wd1:… string from `identity` on their computer")
    p = common.add_command(actions, "list", cmd_colleague_list, "list trusted colleagues")
    p.add_argument("--json", action="store_true")
    p = common.add_command(actions, "remove", cmd_colleague_remove, "stop trusting a colleague")
    p.add_argument("name")

    actions = common.add_group(sub, "sync", "exchange bundles with colleagues")
    p = common.add_command(actions, "export", cmd_sync_export, "write a bundle for colleague NAME")
    p.add_argument("--to", required=True, metavar="NAME")
    p.add_argument("--full", action="store_true", help="everything, not only what is new")
    p.add_argument("out", metavar="OUT", help="a file, or a folder to write it in")
    p = common.add_command(actions, "import", cmd_sync_import, "verify, decrypt and merge a bundle")
    p.add_argument("file", metavar="FILE")
    p = common.add_command(
        actions,
        "folder",
        cmd_sync_folder,
        "one exchange round through a shared folder: import what is new for this computer, "
        "write one bundle per colleague",
    )
    p.add_argument("dir", metavar="DIR")
    p.add_argument("--json", action="store_true")
    p = common.add_command(actions, "conflicts", cmd_sync_conflicts, "list edits that lost a merge")
    p.add_argument("--json", action="store_true")
    p.add_argument("--all", action="store_true", help="also the resolved ones")
    p = common.add_command(actions, "resolve", cmd_sync_resolve, "close a conflict")
    p.add_argument("num", type=int, metavar="NUM")
    p.add_argument("--restore", action="store_true", help="make the lost value current again")
    p = common.add_command(
        sub, "compact", cmd_compact, "drop change history every colleague has acknowledged"
    )
    p.add_argument(
        "--wait-days",
        type=int,
        metavar="DAYS",
        help="from now on, wait at most DAYS for a silent colleague (default 90; kept)",
    )
