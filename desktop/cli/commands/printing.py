"""`print-plan`: a client's integration plan as a PDF, in German and one client language."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from desktop.cli import common


def cmd_print_plan(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.services import printing  # reportlab loads only when printing

    printing.check_language(args.language)  # refused before the case file is unlocked
    common.with_store(
        args, lambda store: printing.print_plan(store, args.id, Path(args.out), args.language)
    )
    return common.EXIT_OK


def register(sub: Any) -> None:
    """Add `print-plan`."""
    p = common.add_command(
        sub, "print-plan", cmd_print_plan, "print a client's integration plan to a PDF file"
    )
    p.add_argument("id", metavar="CLIENT_ID")
    p.add_argument("out", metavar="OUT.pdf")
    p.add_argument("--language", metavar="CODE", help="second language of the print (e.g. ar)")
