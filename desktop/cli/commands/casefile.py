"""`init`, `status`, `identity`, `demo` and `export-json`: the case file as a whole."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from desktop.cli import common
from desktop.domain.errors import CaseFileExists, InvalidInput
from desktop.services import casefile


def cmd_init(args: argparse.Namespace, out: TextIO) -> int:
    root = common.data_dir(args)
    if casefile.exists(root):
        raise CaseFileExists(str(root))
    passphrase = common.passphrase(args, prompt_twice=True)
    if passphrase is None:
        raise InvalidInput(
            "passphrase",
            "Choose a passphrase: set WELCOME_DESK_PASSPHRASE or use --passphrase-file.",
            "Wählen Sie eine Passphrase: setzen Sie WELCOME_DESK_PASSPHRASE oder nutzen Sie "
            "--passphrase-file.",
        )
    result = casefile.init(root, passphrase, remember_in_keyring=args.keyring)
    result.store.close()
    common.say(
        "Recovery key (shown only now; write it down and keep it in a safe place):",
        "Wiederherstellungsschlüssel (nur jetzt sichtbar; aufschreiben und sicher verwahren):",
    )
    print(result.recovery_key, file=out)
    return common.EXIT_OK


def cmd_status(args: argparse.Namespace, out: TextIO) -> int:
    root = common.data_dir(args)
    st = common.with_store(args, lambda store: casefile.status(store, root))
    c = st.counts
    print(f"Case file: {st.data_dir}", file=out)
    print(f"Schema version: {c.schema}", file=out)
    print(f"Clients: {c.clients} ({c.open_clients} open)", file=out)
    for name, n in c.by_entity.items():
        if name != "client":
            print(f"{name.replace('_', ' ').capitalize()}s: {n}", file=out)
    print(f"Changes recorded: {c.changes}", file=out)
    print(f"Unlock with OS credential store: {'yes' if st.keyring else 'no'}", file=out)
    print(f"Device: {st.device_id}", file=out)
    print(f"Fingerprint: {st.fingerprint}", file=out)
    return common.EXIT_OK


def cmd_identity(args: argparse.Namespace, out: TextIO) -> int:
    if args.action == "rotate":
        return _rotate_identity(args, out)
    root = common.data_dir(args)
    st = common.with_store(args, lambda store: casefile.status(store, root))
    print(st.identity, file=out)
    print(st.fingerprint, file=out)
    return common.EXIT_OK


def _rotate_identity(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.services import sync

    identity = common.with_store(args, sync.rotate_my_identity)
    print(identity.text, file=out)
    print(identity.fingerprint, file=out)
    common.say(
        "This computer has new keys: every colleague must add this identity again under your "
        "name (colleague add) after comparing the fingerprint; bundles signed with the old keys "
        "are refused from then on.",
        "Dieser Computer hat neue Schlüssel: Alle Kolleginnen und Kollegen müssen diese "
        "Identität nach einem Vergleich des Fingerabdrucks erneut unter Ihrem Namen hinzufügen "
        "(colleague add); mit den alten Schlüsseln signierte Pakete werden ab dann abgelehnt.",
    )
    return common.EXIT_OK


def cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    if args.clients < 0:
        raise InvalidInput(
            "clients", "--clients must not be negative.", "--clients darf nicht negativ sein."
        )
    from desktop.services.compaction import compact_file
    from desktop.services.demo import fill_demo  # the name tables load only when needed

    progress = common.progress_printer()

    def fill(store: Any) -> int:
        added = fill_demo(store, args.clients, args.seed, date.today(), progress=progress)
        compact_file(store)  # a demo file is compact from the start
        return added

    added = common.with_store(args, fill)
    print(f"{added} demo clients added.", file=out)
    return common.EXIT_OK


def cmd_export_json(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.services import export

    if args.with_scans:
        return _export_with_scans(args)
    target = None if args.out == "-" else Path(args.out)
    text = common.with_store(args, lambda store: export.export_json(store, args.client, target))
    if target is None:
        out.write(text)
    return common.EXIT_OK


def _export_with_scans(args: argparse.Namespace) -> int:
    from desktop.services.export_archive import export_with_scans

    if args.out == "-":
        raise common.UsageError(
            "--with-scans writes a ZIP file: name it instead of '-'.",
            "--with-scans schreibt eine ZIP-Datei: geben Sie ihren Namen statt '-' an.",
        )
    target = Path(args.out)
    scans = common.with_store(args, lambda store: export_with_scans(store, args.client, target))
    common.say(
        f"{target} written with {scans} scan(s).",
        f"{target} mit {scans} Scan(s) geschrieben.",
    )
    return common.EXIT_OK


def register(sub: Any) -> None:
    """Add `init`, `status`, `identity`, `demo` and `export-json`."""
    p = common.add_command(
        sub, "init", cmd_init, "create an encrypted case file; print the recovery key once"
    )
    p.add_argument(
        "--keyring",
        action="store_true",
        help="also keep the key in the OS credential store (unlock with your account)",
    )
    common.add_command(
        sub, "status", cmd_status, "counts, schema version, this device's fingerprint"
    )
    p = common.add_command(
        sub,
        "identity",
        cmd_identity,
        "print this device's public identity and fingerprint; `identity rotate` gives this "
        "device new keys (after a lost laptop), which colleagues must add again",
    )
    p.add_argument("action", nargs="?", choices=("rotate",), metavar="rotate")
    p = common.add_command(
        sub, "demo", cmd_demo, "fill with realistic synthetic cases (same seed, same content)"
    )
    p.add_argument("--clients", type=int, required=True, metavar="N")
    p.add_argument("--seed", type=int, default=1, metavar="S")
    p = common.add_command(
        sub, "export-json", cmd_export_json, "all case data (or one client's) as JSON"
    )
    p.add_argument("--client", metavar="ID")
    p.add_argument(
        "--with-scans",
        action="store_true",
        help="write a ZIP holding the JSON (export.json) and the attached scans (scans/)",
    )
    p.add_argument("out", metavar="OUT|-")
