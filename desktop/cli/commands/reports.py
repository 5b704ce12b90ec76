"""`export-ics`, `export-list` and `statistics`: calendars, lists and counts for a meeting."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from desktop.cli import common
from desktop.domain.dates import parse_date
from desktop.domain.errors import InvalidInput
from desktop.services.clients import ClientQuery


def _date(text: str | None, field: str) -> date | None:
    return parse_date(text, field) if text is not None else None


def _period(args: argparse.Namespace) -> tuple[date | None, date | None]:
    """--from and --to, checked before the case file is unlocked (InvalidInput: exit 5)."""
    start, end = _date(args.start, "from"), _date(args.end, "to")
    if start and end and end < start:
        raise InvalidInput(
            "to",
            f"--to ({end.isoformat()}) lies before --from ({start.isoformat()}).",
            f"--to ({end:%d.%m.%Y}) liegt vor --from ({start:%d.%m.%Y}).",
        )
    return start, end


def _suffix_format(out: str, given: str | None, allowed: tuple[str, ...]) -> str:
    chosen = (given or Path(out).suffix.lstrip(".")).lower()
    if chosen not in allowed:
        raise common.UsageError(
            f"Give OUT a suffix of {', '.join(allowed)} (or use --format).",
            f"OUT braucht eine Endung {', '.join(allowed)} (oder --format angeben).",
        )
    return chosen


def _note(de: str, en: str) -> None:
    print(de if common.user_language() == "de" else en, file=sys.stderr)


def cmd_export_ics(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.services import calendar

    start, end = _period(args)
    written = common.with_store(
        args,
        lambda store: calendar.write_ics(
            store,
            Path(args.out),
            client_id=args.client,
            start=start,
            end=end,
            detail=args.detail,
            lang=args.language,
            include=args.include or (),
        ),
    )
    print(args.out, file=out)
    _note(f"{written} Termine und Fristen", f"{written} appointments and deadlines")
    return common.EXIT_OK


def cmd_export_list(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.services import lists

    fmt = _suffix_format(args.out, args.format, lists.FORMATS)
    if args.within < 0:
        raise InvalidInput(
            "within", "--within must not be negative.", "--within darf nicht negativ sein."
        )
    target = Path(args.out)
    if args.radar:
        rows = common.with_store(
            args,
            lambda store: lists.export_radar(
                store, date.today(), args.within, target, fmt, lang=args.language
            ),
        )
    else:
        query = ClientQuery(state=args.state)
        rows = common.with_store(
            args,
            lambda store: lists.export_case_list(store, query, target, fmt, lang=args.language),
        )
    print(args.out, file=out)
    _note(f"{rows} Zeilen", f"{rows} rows")
    return common.EXIT_OK


def cmd_statistics(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.services import statistics

    fmt = _suffix_format(args.out, None, statistics.FORMATS)
    start, end = _period(args)
    today = date.today()
    end = end or today
    start = start or date(end.year, 1, 1)
    statistics.check_period(start, end)
    common.with_store(
        args,
        lambda store: statistics.export_statistics(
            store, start, end, Path(args.out), fmt, lang=args.language
        ),
    )
    print(args.out, file=out)
    return common.EXIT_OK


def _language(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--language",
        choices=("de", "en"),
        default="de",
        help="language of the texts in the file (default: de)",
    )


def register(sub: Any) -> None:
    """Add `export-ics`, `export-list` and `statistics`."""
    p = common.add_command(
        sub, "export-ics", cmd_export_ics, "appointments and deadlines for Outlook (.ics)"
    )
    p.add_argument("out", metavar="OUT")
    p.add_argument("--client", metavar="ID", help="only this client's")
    p.add_argument("--from", dest="start", metavar="D", help="first day (default: a month ago)")
    p.add_argument("--to", dest="end", metavar="D", help="last day (default: a year ahead)")
    p.add_argument(
        "--detail",
        choices=("none", "initials", "name"),
        default="none",
        help="how events name the client (default: none, only 'Termin' or 'Frist')",
    )
    p.add_argument(
        "--include",
        action="append",
        choices=("purpose", "place", "status", "section", "language"),
        metavar="PART",
        help="also write PART (repeat for more): purpose (of appointments, measures, documents),"
        " place, status (residence status of a deadline), section (its legal section, with"
        " status), language (interpreter); they can reveal health and legal matters",
    )
    _language(p)

    p = common.add_command(
        sub, "export-list", cmd_export_list, "the case list or the deadline radar as CSV/XLSX"
    )
    p.add_argument("out", metavar="OUT")
    p.add_argument("--radar", action="store_true", help="the deadline radar, not the case list")
    p.add_argument("--format", choices=("csv", "xlsx"), help="default: from OUT's suffix")
    p.add_argument("--state", choices=("all", "open", "closed"), default="open")
    p.add_argument(
        "--within", type=int, default=42, metavar="DAYS", help="radar horizon (default: 42)"
    )
    _language(p)

    p = common.add_command(
        sub, "statistics", cmd_statistics, "counts for a period as CSV, XLSX or PDF (no names)"
    )
    p.add_argument(
        "out",
        metavar="OUT",
        help=".csv (one long table: table;row;column;value), .xlsx (a sheet per table) or .pdf",
    )
    p.add_argument("--from", dest="start", metavar="D", help="first day (default: 1 January)")
    p.add_argument("--to", dest="end", metavar="D", help="last day (default: today)")
    _language(p)
