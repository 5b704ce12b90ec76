"""Entry point: with a command word Welcome Desk runs headless, without one it opens the window."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """`welcome-desk [--data-dir DIR] [COMMAND ...]`, or `welcome-desk --self-test`."""
    args = sys.argv[1:] if argv is None else argv
    if "--self-test" in args:  # before anything looks for the user's data folder
        from desktop.selftest import run_self_test

        return run_self_test()
    if any(not a.startswith("-") for a in _without_option_values(args)) or _wants_help(args):
        from desktop.cli import run

        return run(args)
    from desktop.ui.shell.app import run_app

    return run_app(args)


def _wants_help(args: list[str]) -> bool:
    return any(a in ("-h", "--help") for a in args)


def _without_option_values(args: list[str]) -> list[str]:
    """The arguments with the values of --data-dir / --passphrase-file left out."""
    rest, skip = [], False
    for a in args:
        if skip:
            skip = False
        elif a in ("--data-dir", "--passphrase-file"):
            skip = True
        else:
            rest.append(a)
    return rest


if __name__ == "__main__":
    sys.exit(main())
