"""`duplicates`: likely pairs of records of the same person, with a score."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from desktop.cli import common
from desktop.services import duplicates
from desktop.services.casefile import Store
from desktop.services.clients import display_names


def _found(store: Store, threshold: float | None) -> tuple[list[duplicates.DuplicatePair], dict]:
    pairs = duplicates.likely_pairs(store, threshold=threshold)
    names = display_names(store, sorted({cid for p in pairs for cid in (p.a, p.b)}))
    return pairs, names


def cmd_duplicates(args: argparse.Namespace, out: TextIO) -> int:
    pairs, names = common.with_store(args, lambda store: _found(store, args.threshold))
    rows = sorted(pairs, key=lambda p: (-round(p.score, 3), p.a, p.b))
    if args.json:
        shaped = [{"a": p.a, "b": p.b, "score": round(p.score, 3)} for p in rows]
        common.write_json(out, shaped)
        return common.EXIT_OK
    lang = common.user_language()
    for p in rows:
        why = ", ".join(duplicates.reason_text(r, lang) for r in p.reasons)
        print(
            f"{p.score:.3f}\t{p.a}\t{names.get(p.a, '')}\t{p.b}\t{names.get(p.b, '')}\t{why}",
            file=out,
        )
    return common.EXIT_OK


def _threshold(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number between 0 and 1") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number between 0 and 1")
    return value


def register(sub: Any) -> None:
    """Add `duplicates`."""
    p = common.add_command(
        sub,
        "duplicates",
        cmd_duplicates,
        "likely pairs of records of the same person, with a score",
    )
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--threshold",
        type=_threshold,
        metavar="SCORE",
        help=f"list pairs scoring at least this (default {duplicates.LIKELY_THRESHOLD})",
    )
