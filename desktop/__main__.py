"""Entry point: with a command word Welcome Desk runs headless, without one it opens the window.

The windowed Windows exe (`WelcomeDesk.exe`) has no console: `sys.stdout` and `sys.stderr` are
None there. A command's output would be lost (the recovery key of `init` among it), so it runs
no command at all and says that `WelcomeDesk-debug.exe` does, in a terminal.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """`welcome-desk [--data-dir DIR] [COMMAND ...]`, or `welcome-desk --self-test`."""
    args = sys.argv[1:] if argv is None else argv
    self_test = "--self-test" in args
    command = any(not a.startswith("-") for a in _without_option_values(args))
    if (self_test or command or _wants_help(args)) and not has_console():
        return _commands_need_a_console()
    if self_test:  # before anything looks for the user's data folder
        from desktop.cli import utf8_output
        from desktop.selftest import run_self_test

        utf8_output()  # its report may be redirected, as the Windows workflow does
        return run_self_test()
    if command or _wants_help(args):
        from desktop.cli import run

        return run(args)
    from desktop.ui.shell.app import run_app

    try:
        return run_app(args)
    except Exception as error:  # the start failed: shown (and logged) as any unexpected error
        sys.excepthook(type(error), error, error.__traceback__)
        return 1


def has_console() -> bool:
    """False in the windowed exe (and under pythonw): nothing printed would be seen."""
    return sys.stdout is not None and sys.stderr is not None


def _commands_need_a_console() -> int:
    from desktop.cli.common import EXIT_USAGE, user_language
    from desktop.ui.shell.console_notice import commands_need_a_console

    commands_need_a_console(user_language())
    return EXIT_USAGE


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
