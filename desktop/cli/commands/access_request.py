"""`access-request`: everything stored about one person (Art. 15 DSGVO), as PDF and JSON."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from desktop.cli import common


def cmd_access_request(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.services import access_request  # reportlab loads only when printing

    lang = access_request.check_language(args.language)  # refused before unlocking
    files = common.with_store(
        args,
        lambda store: access_request.write_access_request(store, args.id, Path(args.out), lang),
    )
    print(files.pdf, file=out)
    print(files.json, file=out)
    return common.EXIT_OK


def register(sub: Any) -> None:
    """Add `access-request`."""
    p = common.add_command(
        sub,
        "access-request",
        cmd_access_request,
        "everything stored about one client (Art. 15 DSGVO): a PDF, and OUT.json beside it",
    )
    p.add_argument("id", metavar="CLIENT_ID")
    p.add_argument("out", metavar="OUT.pdf")
    p.add_argument(
        "--language",
        default="de",
        metavar="CODE",
        help="the statement's language: de (default) or a print language "
        "(en ar fa prs ps ti uk ru tr fr kmr ckb so; all but en are drafts)",
    )
