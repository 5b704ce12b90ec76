"""The headless command line: a stable contract (see DESIGN.md), thin over the services.

`run(argv)` parses one command, runs its handler and turns every error into one sentence on
stderr and the contract's exit code: 0 done; 1 unexpected failure or the disk refused a write;
2 wrong usage; 3 cannot unlock; 4 bundle rejected; 5 invalid input data. The commands live in
`desktop/cli/commands/`, one module per command group, registered from `commands.GROUPS`;
what they share is in `desktop/cli/common.py`.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import io
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
    "utf8_output",
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
    utf8_output()
    with contextlib.ExitStack() as closing:
        if sys.stderr is None:  # no console at all (windowed exe): errors go nowhere
            sys.stderr = closing.enter_context(open(os.devnull, "w", encoding="utf-8"))
            closing.callback(setattr, sys, "stderr", None)
        if out is None:
            out = sys.stdout or closing.enter_context(open(os.devnull, "w", encoding="utf-8"))
        return _run(argv, out)


def _run(argv: Sequence[str], out: TextIO) -> int:
    args = build_parser().parse_args(argv)  # exits 2 on wrong usage
    try:
        return int(args.handler(args, out))
    except WelcomeDeskError as error:
        print(error.text(user_language()), file=sys.stderr)
        return exit_code(error)
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly
        if sys.stdout is not None:
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


def utf8_output() -> None:
    """Output redirected to a file or a pipe is UTF-8 whatever the console's code page.

    On Windows a redirected stdout is written in the ANSI code page (cp1252) unless PYTHONUTF8=1,
    so an Arabic name in `client list --json > clients.json` would end the command. A terminal
    keeps its encoding (the Windows console writes Unicode anyway), but a character it lacks
    becomes "?" on stdout and an escape on stderr instead of an error. Streams that are not the
    process's own text files (None in the windowed exe, a test's capture) are left alone.
    """
    for stream, on_terminal in ((sys.stdout, "replace"), (sys.stderr, "backslashreplace")):
        if not isinstance(stream, io.TextIOWrapper) or _is_utf8(stream.encoding):
            continue
        try:
            if stream.isatty():
                stream.reconfigure(errors=on_terminal)
            else:
                stream.reconfigure(encoding="utf-8", errors=stream.errors)
        except (OSError, ValueError):  # closed, or a stream that cannot change any more
            continue


def _is_utf8(encoding: str | None) -> bool:
    try:
        return codecs.lookup(encoding or "ascii").name == "utf-8"
    except LookupError:
        return False
