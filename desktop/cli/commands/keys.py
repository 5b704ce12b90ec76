"""The command line's key care: change the passphrase, renew the recovery key, forget the keyring,
and the uninstaller's `keyring remove-entry`.

Secrets never come from arguments: the current passphrase as for every command
(WELCOME_DESK_PASSPHRASE or --passphrase-file), the new one from WELCOME_DESK_NEW_PASSPHRASE or
--new-passphrase-file (or typed twice at a terminal).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from typing import Any, TextIO, TypeVar

from desktop.cli import common
from desktop.domain.errors import CannotUnlock, InvalidInput
from desktop.services import casefile, settings
from desktop.services.casefile import Store, check_new_passphrase

T = TypeVar("T")
NEW_PASSPHRASE_VAR = "WELCOME_DESK_NEW_PASSPHRASE"


def _current_passphrase(args: argparse.Namespace) -> str:
    passphrase = common.passphrase(args)
    if passphrase is None:
        raise CannotUnlock(
            "This needs your current passphrase: set WELCOME_DESK_PASSPHRASE or use "
            "--passphrase-file.",
            "Dafür ist Ihre jetzige Passphrase nötig: setzen Sie WELCOME_DESK_PASSPHRASE oder "
            "nutzen Sie --passphrase-file.",
        )
    return passphrase


def _new_passphrase(args: argparse.Namespace) -> str:
    if args.new_passphrase_file:
        path = args.new_passphrase_file
        return common.first_line(
            path,
            lambda: InvalidInput(
                "new_passphrase",
                f"The file {path} cannot be read.",
                f"Die Datei {path} kann nicht gelesen werden.",
            ),
        )
    if NEW_PASSPHRASE_VAR in os.environ:
        return os.environ[NEW_PASSPHRASE_VAR]
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass("New passphrase: ")
        if getpass.getpass("New passphrase (again): ") == first:
            return first
        raise InvalidInput(
            "new_passphrase",
            "The two new passphrases differ.",
            "Die beiden neuen Passphrasen stimmen nicht überein.",
        )
    raise InvalidInput(
        "new_passphrase",
        f"Choose a new passphrase: set {NEW_PASSPHRASE_VAR} or use --new-passphrase-file.",
        f"Wählen Sie eine neue Passphrase: setzen Sie {NEW_PASSPHRASE_VAR} oder nutzen Sie "
        "--new-passphrase-file.",
    )


def _with_passphrase(args: argparse.Namespace, action: Callable[[Store, str], T]) -> T:
    """Unlock with the passphrase itself (not the keyring), run `action`, close again."""
    passphrase = _current_passphrase(args)
    store = casefile.unlock(common.data_dir(args), passphrase=passphrase, use_keyring=False)
    try:
        return action(store, passphrase)
    finally:
        store.close()


def cmd_passphrase_change(args: argparse.Namespace, out: TextIO) -> int:
    new = _new_passphrase(args)
    check_new_passphrase(new)  # a short or weak one is refused before the slow unlock
    root = common.data_dir(args)
    _with_passphrase(
        args, lambda store, old: settings.change_passphrase(root, old, new, store=store)
    )
    common.say(
        "The passphrase has been changed; the recovery key stays valid.",
        "Die Passphrase ist geändert; der Wiederherstellungsschlüssel gilt weiter.",
    )
    return common.EXIT_OK


def cmd_recovery_key_new(args: argparse.Namespace, out: TextIO) -> int:
    root = common.data_dir(args)
    key = _with_passphrase(
        args, lambda store, passphrase: settings.new_recovery_key(root, store, passphrase)
    )
    common.say(
        "New recovery key (the old one no longer works; write it down and keep it safe):",
        "Neuer Wiederherstellungsschlüssel (der alte gilt nicht mehr; aufschreiben und sicher "
        "verwahren):",
    )
    print(key, file=out)
    return common.EXIT_OK


def cmd_keyring_forget(args: argparse.Namespace, out: TextIO) -> int:
    root = common.data_dir(args)
    common.with_store(args, lambda store: settings.forget_keyring(root, store))
    common.say(
        "The key is no longer in the credential store; unlock with the passphrase.",
        "Der Schlüssel ist nicht mehr im Anmeldeinformations-Speicher; entsperren Sie mit der "
        "Passphrase.",
    )
    return common.EXIT_OK


def cmd_keyring_remove_entry(args: argparse.Namespace, out: TextIO) -> int:
    # No unlocking and no change to keys.json: the uninstaller runs this, hidden, with no one
    # to type a passphrase; the next start falls back to the passphrase by itself.
    settings.remove_keyring_entry(common.data_dir(args))
    return common.EXIT_OK


def register(sub: Any) -> None:
    """Add `passphrase change`, `recovery-key new`, `keyring forget` and `keyring remove-entry`."""
    actions = common.add_group(sub, "passphrase", "change the passphrase")
    p = common.add_command(
        actions,
        "change",
        cmd_passphrase_change,
        "re-wrap the key by a new passphrase (from WELCOME_DESK_NEW_PASSPHRASE or "
        "--new-passphrase-file)",
    )
    p.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        help="read the new passphrase from the first line of FILE",
    )
    actions = common.add_group(sub, "recovery-key", "renew the recovery key")
    common.add_command(
        actions, "new", cmd_recovery_key_new, "print a new recovery key; the old one stops working"
    )
    actions = common.add_group(sub, "keyring", "the key in the OS credential store")
    common.add_command(
        actions, "forget", cmd_keyring_forget, "remove the key from the OS credential store"
    )
    common.add_command(
        actions,
        "remove-entry",
        cmd_keyring_remove_entry,
        "remove the key from the OS credential store without unlocking and without changing "
        "keys.json (the uninstaller runs this); quiet, also if there is nothing to remove",
    )
