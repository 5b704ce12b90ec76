"""The command groups of the command line, one module each, registered in the order of GROUPS.

Each module has `register(sub)`, which adds its command words to the top-level subparsers with
`common.add_command` / `common.add_group`; its handlers take `(args, out)` and return an exit
code. A new command group is a new module here and one more entry in GROUPS.
"""

from __future__ import annotations

from types import ModuleType

from desktop.cli.commands import (
    access_request,
    backup,
    casefile,
    clients,
    duplicates,
    import_csv,
    keys,
    phrases,
    plans,
    printing,
    reports,
    retention,
    sync,
)

GROUPS: tuple[ModuleType, ...] = (
    casefile,
    clients,
    sync,
    duplicates,
    reports,
    import_csv,
    keys,
    backup,
    access_request,
    retention,
    printing,
    phrases,
    plans,
)
