"""`import-csv`: clients from a spreadsheet export (CSV or XLSX), all rows or none.

Names damaged by an encoding mix-up ("MÃ¼ller") are repaired unless `--keep-damaged`; the
columns not imported, each repair, each name with lost letters ("O?uz"), each postcode corrected
and each file number given (`--number-files`) are listed after the counts, one line each.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from desktop.cli import common
from desktop.services import client_import
from desktop.services.casefile import Store
from desktop.services.client_import import read_sheet

MAX_ROWS_SHOWN = 10


def cmd_import_csv(args: argparse.Namespace, out: TextIO) -> int:
    """Clients from a CSV or XLSX file; bad rows: exit 5, the first ones listed, nothing changed."""
    path = Path(args.file)
    sheet = read_sheet(path)  # an unreadable file is refused before the case file is unlocked
    lang = common.user_language()

    notes: list[str] = []

    def run(store: Store) -> client_import.ImportResult:
        plan = client_import.plan_sheet(store, sheet, path=path, repair=not args.keep_damaged)
        if plan.problems and not args.skip_bad_rows:
            raise client_import.BadRows(plan.problems)
        if args.number_files:
            plan = client_import.number_files(store, plan)
        notes[:] = [line for line in (plan.unmapped_line(lang),) if line]
        notes.extend(plan.repair_lines(lang) + [w.text(lang) for w in plan.warnings])
        notes.extend(plan.correction_lines(lang) + plan.numbered_lines(lang))
        if args.dry_run:
            return client_import.ImportResult(
                plan.new,
                plan.matched,
                len(plan.problems),
                plan.problems,
                plan.repeated,
                corrected=plan.corrected,
            )
        progress = common.progress_printer()
        return client_import.apply_import(
            store, plan, skip_bad_rows=args.skip_bad_rows, progress=progress
        )

    try:
        result = common.with_store(args, run)
    except client_import.BadRows as error:
        print(error.summary(lang), file=sys.stderr)
        for problem in error.problems[:MAX_ROWS_SHOWN]:
            print(problem.text(lang), file=sys.stderr)
        if len(error.problems) > MAX_ROWS_SHOWN:
            more = len(error.problems) - MAX_ROWS_SHOWN
            print(
                f"… und {more} weitere" if lang == "de" else f"… and {more} more",
                file=sys.stderr,
            )
        return common.EXIT_INPUT
    summary = result.text(lang)
    if args.dry_run:
        summary = (
            f"Probelauf, nichts geändert: {summary}"
            if lang == "de"
            else f"Dry run, nothing changed: {summary}"
        )
    print(summary, file=out)
    for note in notes:  # columns left out, repaired names, lost letters…, one line each
        print(note, file=out)
    if result.errors:  # skipped with --skip-bad-rows: say which
        for problem in result.errors[:MAX_ROWS_SHOWN]:
            print(problem.text(lang), file=sys.stderr)
    return common.EXIT_OK


def register(sub: Any) -> None:
    """Add `import-csv`."""
    p = common.add_command(
        sub, "import-csv", cmd_import_csv, "clients from a spreadsheet export (CSV or XLSX)"
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="check and count; change nothing")
    p.add_argument(
        "--skip-bad-rows",
        action="store_true",
        help="import the good rows and leave out the bad ones (listed on stderr)",
    )
    p.add_argument(
        "--keep-damaged",
        action="store_true",
        help='keep names with encoding damage as they are in the file ("MÃ¼ller", not "Müller")',
    )
    p.add_argument(
        "--number-files",
        action="store_true",
        help="give new clients without a file number one, following the case file's scheme "
        "(WD-2026-00013 after WD-2026-00012; 2026-0001 when there is none)",
    )
