"""The headless command line: a stable contract (see DESIGN.md), thin over the services.

`run(argv)` parses one command, runs its handler and turns every error into one sentence on
stderr and the contract's exit code: 0 done; 1 unexpected failure or the disk refused a write;
2 wrong usage; 3 cannot unlock; 4 bundle rejected; 5 invalid input data. The commands live in
`desktop/cli/commands/`, one module per command group, registered from `commands.GROUPS`;
what they share is in `desktop/cli/common.py`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from desktop.cli.commands import GROUPS
from desktop.cli.common import (
    EXIT_BUNDLE,
    EXIT_FAILURE,
    EXIT_INPUT,
    EXIT_OK,
    EXIT_UNLOCK,
    EXIT_USAGE,
    Parser,
    UsageError,
    common_options,
    user_language,
)
from desktop.domain.errors import (
    BundleRejected,
    CannotUnlock,
    CaseFileExists,
    InvalidInput,
    WelcomeDeskError,
)

__all__ = [
    "EXIT_BUNDLE",
    "EXIT_FAILURE",
    "EXIT_INPUT",
    "EXIT_OK",
    "EXIT_UNLOCK",
    "EXIT_USAGE",
    "build_parser",
    "exit_code",
    "run",
]


def exit_code(error: WelcomeDeskError) -> int:
    """The contract's exit code for an error."""
    if isinstance(error, CannotUnlock):
        return EXIT_UNLOCK
    if isinstance(error, InvalidInput):
        return EXIT_INPUT
    if isinstance(error, BundleRejected):
        return EXIT_BUNDLE
    if isinstance(error, CaseFileExists | UsageError):
        return EXIT_USAGE
    return EXIT_FAILURE


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the whole command line: every group of `commands.GROUPS`."""
    parser = Parser(
        prog="welcome-desk",
        description="Welcome Desk: the encrypted case file of a welcome centre. Without a "
        "command the window opens. Commands that unlock read the passphrase from "
        "WELCOME_DESK_PASSPHRASE or --passphrase-file.",
    )
    common_options(parser, top=True)
    sub = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", parser_class=Parser
    )
    for group in GROUPS:
        group.register(sub)
    return parser


def run(argv: Sequence[str], out: TextIO | None = None) -> int:
    """Run one command; returns the exit code. Errors are one sentence on stderr."""
    out = out or sys.stdout
    args = build_parser().parse_args(argv)  # exits 2 on wrong usage
    try:
        return int(args.handler(args, out))
    except WelcomeDeskError as error:
        print(error.text(user_language()), file=sys.stderr)
        return exit_code(error)
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("Interrupted; nothing was changed.", file=sys.stderr)
        return EXIT_FAILURE
    except Exception as error:  # the last line of defence: no traceback, no case data
        print(f"Unexpected error ({type(error).__name__}); nothing was changed.", file=sys.stderr)
        if os.environ.get("WELCOME_DESK_DEBUG"):
            raise
        return EXIT_FAILURE
