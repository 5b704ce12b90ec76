"""`print-plan`: a client's integration plan as a PDF, in German and one client language.

With `--language`, the items that print in German only (no text of their own or of their phrase
in that language) are named on stderr after the PDF is written; the exit code stays 0.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from desktop.cli import common
from desktop.domain.places import language_name
from desktop.services.casefile import Store

# The kinds of printed items, as the note on stderr names them: (English, German)
KINDS = {
    "goal": ("Goal", "Ziel"),
    "measure": ("Measure", "Maßnahme"),
    "appointment": ("Appointment", "Termin"),
}


def cmd_print_plan(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.services import printing  # reportlab loads only when printing

    printing.check_language(args.language)  # refused before the case file is unlocked
    today = date.today()

    def print_and_check(store: Store) -> list[Any]:
        printing.print_plan(store, args.id, Path(args.out), args.language, today)
        return printing.untranslated_items(store, args.id, args.language, today)

    missing = common.with_store(args, print_and_check)
    if missing:
        for line in untranslated_lines(missing, args.language, common.user_language()):
            print(line, file=sys.stderr)
    return common.EXIT_OK


def untranslated_lines(items: list[Any], language: str, lang: str) -> list[str]:
    """The note on stderr: how many items print in German only, then one line per item."""
    name = language_name(language.strip(), lang)
    count = len(items)
    if lang == "de":
        head = (
            f"1 Eintrag hat keinen Text auf {name}; er wird nur auf Deutsch gedruckt:"
            if count == 1
            else f"{count} Einträge haben keinen Text auf {name}; sie werden nur auf Deutsch "
            "gedruckt:"
        )
    else:
        head = (
            f"1 item has no text in {name}; it prints in German only:"
            if count == 1
            else f"{count} items have no text in {name}; they print in German only:"
        )
    lines = [head]
    for item in items:
        en, de = KINDS.get(item.kind, (item.kind, item.kind))
        line = f"  {de if lang == 'de' else en}: {item.german}"
        if item.unassigned:
            line += (
                f" (ein Text wartet auf die Zuordnung seiner Sprache: {item.unassigned})"
                if lang == "de"
                else f" (a text waits for its language to be assigned: {item.unassigned})"
            )
        lines.append(line)
    return lines


def register(sub: Any) -> None:
    """Add `print-plan`."""
    p = common.add_command(
        sub, "print-plan", cmd_print_plan, "print a client's integration plan to a PDF file"
    )
    p.add_argument("id", metavar="CLIENT_ID")
    p.add_argument("out", metavar="OUT.pdf")
    p.add_argument(
        "--language",
        metavar="CODE",
        help="second language of the print (en ar fa prs ps ti uk ru tr fr kmr ckb so); items "
        "without a text in it are named on stderr",
    )
