"""`backup` and `restore`: an encrypted copy of the whole case file, and putting one back."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any, TextIO

from desktop.cli import common
from desktop.domain.errors import CannotUnlock
from desktop.services import backup


def cmd_backup(args: argparse.Namespace, out: TextIO) -> int:
    root = common.data_dir(args)
    info = common.with_store(args, lambda store: backup.back_up(store, root, Path(args.out)))
    print(info.path, file=out)
    return common.EXIT_OK


def cmd_restore(args: argparse.Namespace, out: TextIO) -> int:
    root = common.data_dir(args)
    source = Path(args.file)
    backup.read_manifest(source)  # "not a backup" before asking for any secret
    recovery = _recovery_key(args)
    passphrase = None if recovery else common.passphrase(args)
    if passphrase is None and recovery is None:
        raise common.no_passphrase()
    key = backup.unlock_backup(root, source, passphrase=passphrase, recovery_key=recovery)
    restored = backup.restore(root, source, key)
    restored.store.close()
    print(_summary(restored, common.user_language()), file=out)
    return common.EXIT_OK


def _recovery_key(args: argparse.Namespace) -> str | None:
    if args.recovery_key_file:
        path = args.recovery_key_file
        return common.first_line(
            path,
            lambda: CannotUnlock(
                f"The recovery key file {path} cannot be read.",
                f"Die Datei {path} mit dem Wiederherstellungsschlüssel kann nicht gelesen werden.",
            ),
        ).strip()
    return os.environ.get("WELCOME_DESK_RECOVERY_KEY") or None


def _summary(restored: backup.Restored, lang: str) -> str:
    p = restored.preview
    made = p.created_at.astimezone().strftime(
        "%d.%m.%Y %H:%M" if lang == "de" else "%Y-%m-%d %H:%M"
    )
    if lang == "de":
        text = f"Sicherung vom {made} wiederhergestellt ({p.clients} Klient*innen)."
        if restored.safety_copy:
            text += f" Sicherheitskopie der bisherigen Fallakte: {restored.safety_copy}"
        return text
    text = f"Restored the backup of {made} ({p.clients} clients)."
    if restored.safety_copy:
        text += f" Safety copy of the previous case file: {restored.safety_copy}"
    return text


def register(sub: Any) -> None:
    """Add `backup` and `restore`."""
    p = common.add_command(sub, "backup", cmd_backup, "an encrypted copy of the whole case file")
    p.add_argument("out", metavar="OUT", help="a file, or a folder to write it in")
    p = common.add_command(
        sub, "restore", cmd_restore, "replace the case file by a backup (a safety copy is kept)"
    )
    p.add_argument("file", metavar="IN")
    p.add_argument(
        "--recovery-key-file",
        metavar="FILE",
        default=None,
        help="unlock the backup with the recovery key in FILE instead of the passphrase",
    )
