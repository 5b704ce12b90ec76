"""The headless command line: a stable contract (see DESIGN.md), thin over the services.

Exit codes: 0 done; 1 unexpected failure or the disk refused a write; 2 wrong usage; 3 cannot
unlock; 4 bundle rejected; 5 invalid input data. Every failure prints one sentence on stderr.
"""

from __future__ import annotations

import argparse
import getpass
import json
import locale
import os
import sys
import typing
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO, TypeVar

from desktop.domain.catalogues import ResidenceStatus
from desktop.domain.errors import (
    BundleRejected,
    CannotUnlock,
    CaseFileExists,
    InvalidInput,
    NoCaseFile,
    WelcomeDeskError,
)
from desktop.services import casefile, clients
from desktop.services.export import export_json_text, to_json_object
from desktop.store.search import SORTS, ClientQuery
from desktop.store.store import Store
from desktop.store.writes import atomic_write_text

T = TypeVar("T")
EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_UNLOCK, EXIT_BUNDLE, EXIT_INPUT = 0, 1, 2, 3, 4, 5

# Client options: (option, field, repeatable)
CLIENT_OPTIONS: tuple[tuple[str, str, bool], ...] = (
    ("--family-name", "family_name", False),
    ("--given-names", "given_names", False),
    ("--alias", "other_names", True),
    ("--file-number", "file_number", False),
    ("--sex", "sex", False),
    ("--birth-date", "birth_date", False),
    ("--birth-place", "birth_place", False),
    ("--nationality", "nationality", False),
    ("--language", "languages", True),
    ("--interpreter-needed", "interpreter_needed", False),
    ("--interpreter-language", "interpreter_language", False),
    ("--phone", "phone", False),
    ("--email", "email", False),
    ("--street", "street", False),
    ("--postcode", "postcode", False),
    ("--city", "city", False),
    ("--arrival-date", "arrival_date", False),
    ("--housing", "housing", False),
    ("--residence-status", "residence_status", False),
    ("--status-granted-on", "status_granted_on", False),
    ("--status-valid-until", "status_valid_until", False),
    ("--opened-on", "opened_on", False),
    ("--closed-on", "closed_on", False),
)


class UsageError(WelcomeDeskError):
    """Wrong use of a command that argparse cannot see (exit 2)."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one sentence on stderr (and exit 2), not a usage block."""

    def error(self, message: str) -> typing.NoReturn:
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


def _client_fields(args: argparse.Namespace) -> dict[str, Any]:
    raw = {
        field: getattr(args, field)
        for _, field, _ in CLIENT_OPTIONS
        if getattr(args, field) is not None
    }
    return clients.fields_from_text(raw)


def _with_store(args: argparse.Namespace, action: Callable[[Store], T]) -> T:
    """Unlock, run `action`, and always close the case file again."""
    store = _open(args)
    try:
        return action(store)
    finally:
        store.close()


def cmd_client_add(args: argparse.Namespace, out: TextIO) -> int:
    fields = _client_fields(args)  # invalid input is refused before the case file is opened
    client = _with_store(args, lambda store: clients.add_client(store, fields))
    print(client.id, file=out)
    return EXIT_OK


def cmd_client_update(args: argparse.Namespace, out: TextIO) -> int:
    fields = _client_fields(args)
    _with_store(args, lambda store: clients.update_client(store, args.id, fields))
    return EXIT_OK


def cmd_client_delete(args: argparse.Namespace, out: TextIO) -> int:
    _with_store(args, lambda store: clients.delete_client(store, args.id))
    return EXIT_OK


def cmd_client_erase(args: argparse.Namespace, out: TextIO) -> int:
    _with_store(args, lambda store: clients.erase_client(store, args.id))
    return EXIT_OK


def cmd_client_merge(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.services.merging import merge_clients

    kept = _with_store(args, lambda store: merge_clients(store, args.keep, args.other))
    print(kept.id, file=out)
    return EXIT_OK


def cmd_client_list(args: argparse.Namespace, out: TextIO) -> int:
    query = ClientQuery(
        text=args.search or "",
        state=args.state,
        residence_status=(
            ResidenceStatus.parse(args.residence_status, "residence_status")  # type: ignore[arg-type]
            if args.residence_status
            else None
        ),
        sort=args.sort,
    )
    found = _with_store(args, lambda store: list(clients.all_clients(store, query)))
    if args.json:
        json.dump([to_json_object(c) for c in found], out, ensure_ascii=False, indent=1)
        out.write("\n")
        return EXIT_OK
    for c in found:
        birth = c.birth_date.iso() if c.birth_date else "-"
        status = c.residence_status.value if c.residence_status else "-"
        until = c.status_valid_until.isoformat() if c.status_valid_until else "-"
        print(
            f"{c.id}  {c.display_name}  {birth}  {c.nationality or '-'}  {status}  {until}",
            file=out,
        )
    return EXIT_OK


def cmd_export_json(args: argparse.Namespace, out: TextIO) -> int:
    text = _with_store(args, lambda store: export_json_text(store, args.client))
    if args.out == "-":
        out.write(text)
    else:
        atomic_write_text(Path(args.out), text)
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


def _client_options(parser: argparse.ArgumentParser, *, required_names: bool) -> None:
    for option, field, repeatable in CLIENT_OPTIONS:
        required = required_names and field == "family_name"
        if repeatable:
            parser.add_argument(option, dest=field, action="append", metavar="VALUE")
        else:
            parser.add_argument(option, dest=field, required=required, metavar="VALUE")


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

    client = sub.add_parser("client", help="add, change, delete, erase or list clients")
    client_sub = client.add_subparsers(
        dest="client_command", required=True, metavar="ACTION", parser_class=_Parser
    )
    p = command("add", cmd_client_add, "add a client; print the new id", client_sub)
    _client_options(p, required_names=True)
    p = command("update", cmd_client_update, "change a client's fields", client_sub)
    p.add_argument("id")
    _client_options(p, required_names=False)
    p = command(
        "delete", cmd_client_delete, "delete a client (a tombstone travels by sync)", client_sub
    )
    p.add_argument("id")
    p = command(
        "erase",
        cmd_client_erase,
        "data-protection erasure: the person's data is gone for good",
        client_sub,
    )
    p.add_argument("id")
    p = command(
        "merge",
        cmd_client_merge,
        "merge two records of the same person (every part of both is kept)",
        client_sub,
    )
    p.add_argument("keep", metavar="KEEP_ID")
    p.add_argument("other", metavar="OTHER_ID")
    p = command("list", cmd_client_list, "list clients", client_sub)
    p.add_argument("--search", metavar="TEXT")
    p.add_argument("--json", action="store_true")
    p.add_argument("--state", choices=("all", "open", "closed"), default="all")
    p.add_argument("--residence-status", metavar="STATUS")
    p.add_argument("--sort", choices=sorted(SORTS), default="name")

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
