"""The headless command line: a stable contract (see DESIGN.md), thin over the services.

Exit codes: 0 done; 1 unexpected failure or the disk refused a write; 2 wrong usage; 3 cannot
unlock; 4 bundle rejected; 5 invalid input data. Every failure prints one sentence on stderr.
"""

from __future__ import annotations

import argparse
import getpass
import locale
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn, TextIO, TypeVar

from desktop.domain.errors import (
    BundleRejected,
    CannotUnlock,
    CaseFileExists,
    InvalidInput,
    NoCaseFile,
    WelcomeDeskError,
)
from desktop.services import audit, casefile
from desktop.services.export import export_json_text
from desktop.store.store import Store
from desktop.store.writes import atomic_write_text

T = TypeVar("T")
EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_UNLOCK, EXIT_BUNDLE, EXIT_INPUT = 0, 1, 2, 3, 4, 5


class UsageError(WelcomeDeskError):
    """Wrong use of a command that argparse cannot see (exit 2)."""


class _Parser(argparse.ArgumentParser):
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


# -- secrets -----------------------------------------------------------------------------------


def _read_passphrase_file(path: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        raise CannotUnlock(
            f"The passphrase file {path} cannot be read.",
            f"Die Passphrasen-Datei {path} kann nicht gelesen werden.",
        ) from None
    return text.splitlines()[0] if text.splitlines() else ""


def _passphrase(args: argparse.Namespace, *, prompt_twice: bool = False) -> str | None:
    if args.passphrase_file:
        return _read_passphrase_file(args.passphrase_file)
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


def _open(args: argparse.Namespace) -> Store:
    root = _data_dir(args)
    if not casefile.exists(root):
        raise NoCaseFile(str(root))
    recovery = os.environ.get("WELCOME_DESK_RECOVERY_KEY") or None
    passphrase = None if recovery else _passphrase(args)
    if passphrase is None and recovery is None and not casefile.keyring_configured(root):
        raise CannotUnlock(
            "No passphrase was given: set WELCOME_DESK_PASSPHRASE or use --passphrase-file.",
            "Keine Passphrase angegeben: setzen Sie WELCOME_DESK_PASSPHRASE oder nutzen Sie "
            "--passphrase-file.",
        )
    return casefile.unlock(root, passphrase=passphrase, recovery_key=recovery)


def _data_dir(args: argparse.Namespace) -> Path:
    return Path(args.data_dir) if args.data_dir else casefile.default_data_dir()


# -- commands ----------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace, out: TextIO) -> int:
    root = _data_dir(args)
    if casefile.exists(root):
        raise CaseFileExists(str(root))
    passphrase = _passphrase(args, prompt_twice=True)
    if passphrase is None:
        raise InvalidInput(
            "passphrase",
            "Choose a passphrase: set WELCOME_DESK_PASSPHRASE or use --passphrase-file.",
            "Wählen Sie eine Passphrase: setzen Sie WELCOME_DESK_PASSPHRASE oder nutzen Sie "
            "--passphrase-file.",
        )
    result = casefile.init(root, passphrase, remember_in_keyring=args.keyring)
    result.store.close()
    lang = user_language()
    print(
        "Wiederherstellungsschlüssel (nur jetzt sichtbar; aufschreiben und sicher verwahren):"
        if lang == "de"
        else "Recovery key (shown only now; write it down and keep it in a safe place):",
        file=sys.stderr,
    )
    print(result.recovery_key, file=out)
    return EXIT_OK


def cmd_status(args: argparse.Namespace, out: TextIO) -> int:
    st = _with_store(args, lambda store: casefile.status(store, _data_dir(args)))
    c = st.counts
    print(f"Case file: {st.data_dir}", file=out)
    print(f"Schema version: {c.schema}", file=out)
    print(f"Clients: {c.clients} ({c.open_clients} open)", file=out)
    for name, n in c.by_entity.items():
        if name != "client":
            print(f"{name.capitalize()}s: {n}", file=out)
    print(f"Changes recorded: {c.changes}", file=out)
    print(f"Unlock with OS credential store: {'yes' if st.keyring else 'no'}", file=out)
    print(f"Device: {st.device_id}", file=out)
    print(f"Fingerprint: {st.fingerprint}", file=out)
    return EXIT_OK


def cmd_identity(args: argparse.Namespace, out: TextIO) -> int:
    st = _with_store(args, lambda store: casefile.status(store, _data_dir(args)))
    print(st.identity, file=out)
    print(st.fingerprint, file=out)
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    if args.clients < 0:
        raise InvalidInput(
            "clients", "--clients must not be negative.", "--clients darf nicht negativ sein."
        )
    from desktop.services.demo import fill_demo  # the name tables load only when needed

    store = _open(args)
    progress = _progress_printer() if sys.stderr.isatty() else None
    try:
        added = fill_demo(store, args.clients, args.seed, date.today(), progress=progress)
    finally:
        store.close()
    print(f"{added} demo clients added.", file=out)
    return EXIT_OK


def _progress_printer() -> Callable[[int, int], None]:
    def show(done: int, total: int) -> None:
        print(f"\r{done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)

    return show


def _with_store(args: argparse.Namespace, action: Callable[[Store], T]) -> T:
    """Unlock, run `action`, and always close the case file again."""
    store = _open(args)
    try:
        return action(store)
    finally:
        store.close()


def cmd_export_json(args: argparse.Namespace, out: TextIO) -> int:
    def export(store: Store) -> None:
        text = export_json_text(store, args.client)
        if args.out == "-":
            out.write(text)
        else:
            atomic_write_text(Path(args.out), text)
        audit.record(store, "exported", args.client, what="json")

    _with_store(args, export)
    return EXIT_OK


def cmd_print_plan(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.services import printing  # reportlab loads only when printing

    printing.check_language(args.language)  # refused before the case file is unlocked
    _with_store(
        args, lambda store: printing.print_plan(store, args.id, Path(args.out), args.language)
    )
    return EXIT_OK


# -- parser ------------------------------------------------------------------------------------


def _common(parser: argparse.ArgumentParser, top: bool) -> None:
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


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the whole command line."""
    parser = _Parser(
        prog="welcome-desk",
        description="Welcome Desk: the encrypted case file of a welcome centre. Without a "
        "command the window opens. Commands that unlock read the passphrase from "
        "WELCOME_DESK_PASSPHRASE or --passphrase-file.",
    )
    _common(parser, top=True)
    sub = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", parser_class=_Parser
    )

    def command(
        name: str, handler: Callable[..., int], help_text: str, parent: Any = sub
    ) -> argparse.ArgumentParser:
        p = parent.add_parser(name, help=help_text, description=help_text)
        _common(p, top=False)
        p.set_defaults(handler=handler)
        return p

    p = command("init", cmd_init, "create an encrypted case file; print the recovery key once")
    p.add_argument(
        "--keyring",
        action="store_true",
        help="also keep the key in the OS credential store (unlock with your account)",
    )
    command("status", cmd_status, "counts, schema version, this device's fingerprint")
    command("identity", cmd_identity, "print this device's public identity and fingerprint")
    p = command("demo", cmd_demo, "fill with realistic synthetic cases (same seed, same content)")
    p.add_argument("--clients", type=int, required=True, metavar="N")
    p.add_argument("--seed", type=int, default=1, metavar="S")

    from desktop import cli_clients  # its module imports this one

    cli_clients.register(sub, command)

    p = command("export-json", cmd_export_json, "all case data (or one client's) as JSON")
    p.add_argument("--client", metavar="ID")
    p.add_argument("out", metavar="OUT|-")

    from desktop import cli_sync  # its module imports this one

    cli_sync.register(sub, command)

    from desktop import cli_duplicates

    cli_duplicates.register(sub, command)

    from desktop import cli_calendar

    cli_calendar.register(sub, command)

    from desktop import cli_import

    cli_import.register(sub, command)

    from desktop import cli_keys

    cli_keys.register(sub, command)

    from desktop import cli_backup

    cli_backup.register(sub, command)

    from desktop import cli_access

    cli_access.register(sub, command)

    from desktop import cli_retention

    cli_retention.register(sub, command)

    p = command("print-plan", cmd_print_plan, "print a client's integration plan to a PDF file")
    p.add_argument("id", metavar="CLIENT_ID")
    p.add_argument("out", metavar="OUT.pdf")
    p.add_argument("--language", metavar="CODE", help="second language of the print (e.g. ar)")
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
