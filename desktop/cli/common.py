"""What every command of the command line shares: the parser, the data folder, the passphrase,
the unlocked case file for one command, progress on stderr, and JSON or text output.

Exit codes (DESIGN.md): 0 done; 1 unexpected failure or the disk refused a write; 2 wrong usage;
3 cannot unlock; 4 bundle rejected; 5 invalid input data.
"""

from __future__ import annotations

import argparse
import getpass
import json
import locale
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TextIO, TypeVar

from desktop.domain.errors import CannotUnlock, InvalidInput, NoCaseFile, WelcomeDeskError
from desktop.services import casefile
from desktop.services.casefile import Store
from desktop.services.erasure_copies import CopiesSwept

T = TypeVar("T")
EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_UNLOCK, EXIT_BUNDLE, EXIT_INPUT = 0, 1, 2, 3, 4, 5

Handler = Callable[[argparse.Namespace, TextIO], int]


class UsageError(WelcomeDeskError):
    """Wrong use of a command that argparse cannot see (exit 2)."""


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one sentence on stderr (and exit 2), not a usage block."""

    def error(self, message: str) -> NoReturn:
        if user_language() == "de":
            text = f"Falscher Aufruf ({message}); Hilfe mit '{self.prog} --help'."
        else:
            text = f"Wrong usage ({message}); see '{self.prog} --help'."
        self.exit(EXIT_USAGE, text + "\n")


def user_language() -> str:
    """ "de" or "en", from WELCOME_DESK_LANG, the locale variables, or the system locale."""
    for var in ("WELCOME_DESK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "de" if value.lower().startswith("de") else "en"
    system = (locale.getlocale()[0] or "").lower()
    return "de" if system.startswith(("de", "german")) else "en"


# -- building the parser -----------------------------------------------------------------------


def common_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """--data-dir and --passphrase-file, accepted before and after the command word."""
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="the case file's folder (default: WELCOME_DESK_HOME or the user's data folder)",
    )
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        default=default,
        help="read the passphrase from the first line of FILE",
    )


def add_command(parent: Any, name: str, handler: Handler, help_text: str) -> Parser:
    """A command word under `parent` (the subparsers of the top or of a group)."""
    parser: Parser = parent.add_parser(name, help=help_text, description=help_text)
    common_options(parser, top=False)
    parser.set_defaults(handler=handler)
    return parser


def add_group(sub: Any, name: str, help_text: str) -> Any:
    """A command word with actions under it (`client add`, `sync export`): their subparsers."""
    group = sub.add_parser(name, help=help_text)
    return group.add_subparsers(
        dest=f"{name.replace('-', '_')}_command",
        required=True,
        metavar="ACTION",
        parser_class=Parser,
    )


# -- the data folder and its secrets -----------------------------------------------------------


def data_dir(args: argparse.Namespace) -> Path:
    """The case file's folder: --data-dir, else WELCOME_DESK_HOME or the user's data folder."""
    return Path(args.data_dir) if args.data_dir else casefile.default_data_dir()


def first_line(path: str, error: Callable[[], WelcomeDeskError]) -> str:
    """The first line of a secret's file ("" if empty); `error()` is raised if unreadable."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        raise error() from None
    return text.splitlines()[0] if text.splitlines() else ""


def passphrase(args: argparse.Namespace, *, prompt_twice: bool = False) -> str | None:
    """--passphrase-file, WELCOME_DESK_PASSPHRASE, or typed at a terminal; None if none."""
    if args.passphrase_file:
        path = args.passphrase_file
        return first_line(
            path,
            lambda: CannotUnlock(
                f"The passphrase file {path} cannot be read.",
                f"Die Passphrasen-Datei {path} kann nicht gelesen werden.",
            ),
        )
    if "WELCOME_DESK_PASSPHRASE" in os.environ:
        return os.environ["WELCOME_DESK_PASSPHRASE"]
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass("Passphrase: ")
        if prompt_twice and getpass.getpass("Passphrase (again): ") != first:
            raise InvalidInput(
                "passphrase",
                "The two passphrases differ.",
                "Die beiden Passphrasen stimmen nicht überein.",
            )
        return first
    return None


def no_passphrase() -> CannotUnlock:
    """The error when a command that unlocks was given no secret."""
    return CannotUnlock(
        "No passphrase was given: set WELCOME_DESK_PASSPHRASE or use --passphrase-file.",
        "Keine Passphrase angegeben: setzen Sie WELCOME_DESK_PASSPHRASE oder nutzen Sie "
        "--passphrase-file.",
    )


# Commands that copy the whole case file check all of it first; the others, on files up to this
# size (about 0.25 s of checking, some 4,500 clients), too.
WHOLE_FILE_COMMANDS = frozenset({"backup", "export-json", "access-request"})
FULL_CHECK_MAX_BYTES = 100 * 1024 * 1024


def open_store(args: argparse.Namespace) -> Store:
    """Unlock with the recovery key, the passphrase or the OS credential store."""
    root = data_dir(args)
    if not casefile.exists(root):
        raise NoCaseFile(str(root))
    recovery = os.environ.get("WELCOME_DESK_RECOVERY_KEY") or None
    secret = None if recovery else passphrase(args)
    if secret is None and recovery is None and not casefile.keyring_configured(root):
        raise no_passphrase()
    # SQLCipher checks the HMAC of every page it reads, so no command answers from a damaged
    # page. Every page is checked first (about 2.5 ms a MB) when the file is small, and always
    # before the commands that copy the whole file: no backup or export of a damaged file.
    whole = getattr(args, "command", "") in WHOLE_FILE_COMMANDS
    small = casefile.database_size(root) <= FULL_CHECK_MAX_BYTES
    return casefile.unlock(
        root, passphrase=secret, recovery_key=recovery, full_check=whole or small
    )


def with_store(args: argparse.Namespace, action: Callable[[Store], T]) -> T:
    """Unlock, run `action`, and always close the case file again. SQLite's "malformed" or
    "not a database" on the way is DamagedCaseFile (exit 3) naming the newest backup."""
    store = open_store(args)
    try:
        return action(store)
    except Exception as error:
        if casefile.is_damage(error):
            raise casefile.as_damage(data_dir(args), error, store) from None
        raise
    finally:
        store.close()


# -- output ------------------------------------------------------------------------------------


def say(en: str, de: str) -> None:
    """A remark for the person at the terminal, on stderr, in their language."""
    print(de if user_language() == "de" else en, file=sys.stderr)


def say_copies(copies: CopiesSwept) -> None:
    """What an erasure did to the copies Welcome Desk keeps, and what it cannot reach."""
    if copies.rewritten:
        n = len(copies.rewritten)
        say(
            f"{n} backup{'s' if n != 1 else ''} in the data folder or the backup folder"
            f" {'were' if n != 1 else 'was'} rewritten without the erased data.",
            f"{n} Sicherung{'en' if n != 1 else ''} im Datenordner oder Sicherungsordner"
            f" {'wurden' if n != 1 else 'wurde'} ohne die gelöschten Daten neu geschrieben.",
        )
    if copies.removed:
        names = ", ".join(p.name for p in copies.removed)
        say(
            f"Removed because they could not be rewritten: {names}",
            f"Entfernt, weil sie nicht neu geschrieben werden konnten: {names}",
        )
    if copies.left:
        names = ", ".join(str(p) for p in copies.left)
        say(
            f"Not checked (another case file, or not readable): {names}",
            f"Nicht geprüft (andere Fallakte oder nicht lesbar): {names}",
        )
    say(
        "Not reached: backups kept elsewhere, exports, printouts and colleagues' case files"
        " until they sync.",
        "Nicht erreicht: anderswo aufbewahrte Sicherungen, Exporte, Ausdrucke und die Fallakten"
        " von Kolleg*innen, bis sie synchronisieren.",
    )


def progress_printer() -> Callable[[int, int], None] | None:
    """`done/total` on stderr while it is a terminal; None (no progress) otherwise."""
    if sys.stderr is None or not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        print(f"\r{done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)

    return show


def write_json(out: TextIO, value: Any, *, indent: int = 1, sort_keys: bool = False) -> None:
    """`value` as JSON on a line of its own; names stay readable (no \\u escapes)."""
    out.write(json.dumps(value, ensure_ascii=False, indent=indent, sort_keys=sort_keys))
    out.write("\n")


def json_text(value: Any) -> str:
    """A value as compact JSON for a line of text (names stay readable)."""
    return json.dumps(value, ensure_ascii=False)
