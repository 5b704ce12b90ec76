"""`phrases list`: the phrase catalogue of the case work (shipped; needs no case file)."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from desktop.cli import common
from desktop.services import phrases


def cmd_phrases_list(args: argparse.Namespace, out: TextIO) -> int:
    found = phrases.list_phrases(args.field)
    if args.json:
        shaped = [
            {
                "key": p.key,
                "field": p.field.value,
                "kind": p.kind,
                "texts": dict(p.texts),
                "drafts": sorted(p.drafts),  # languages whose text no native speaker reviewed
            }
            for p in found
        ]
        common.write_json(out, shaped)
        return common.EXIT_OK
    for p in found:
        print(f"{p.texts['de']}\t{p.key}", file=out)
    return common.EXIT_OK


def register(sub: Any) -> None:
    """Add `phrases list`."""
    group = common.add_group(sub, "phrases", "the phrase catalogue for goals, measures, ...")
    p = common.add_command(
        group,
        "list",
        cmd_phrases_list,
        "the catalogue's phrases with their texts in German and the print languages",
    )
    p.add_argument("--field", metavar="FIELD", help="only the phrases of this field of action")
    p.add_argument("--json", action="store_true")
