"""Check the frozen console program the way a coordinator's machine runs it.

    python installer/windows/check_frozen_app.py self-test PROGRAM [ARGS...]
    python installer/windows/check_frozen_app.py cli-output PROGRAM [ARGS...]

PROGRAM [ARGS...] starts Welcome Desk's console program: dist/WelcomeDesk/WelcomeDesk-debug.exe
in the Windows workflow, `python -m desktop` when the Linux tests try this very script.

self-test: `--self-test` passes and its keyring line is `ok` (on Windows: the real Credential
Manager stored, read and deleted a secret); a skipped keyring check fails here.

cli-output: the command line with its output redirected to files, without PYTHONUTF8 or
PYTHONIOENCODING: `init` (passphrase from WELCOME_DESK_PASSPHRASE; the recovery key on stdout),
`client add` with an Arabic name, `client list --json > out.json`; out.json must be UTF-8 JSON
holding the name as typed. Standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

PASSPHRASE = "frozen check passphrase 4 Welcome Desk"
FAMILY_NAME, GIVEN_NAMES = "حداد", "رانيا"  # Haddad, Rania
RECOVERY_KEY = re.compile(r"^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$")
TIMEOUT = 300
# The commands of the cli-output check, after `PROGRAM --data-dir DIR` (tests parse them too).
INIT = ["init"]
ADD = ["client", "add", "--family-name", FAMILY_NAME, "--given-names", GIVEN_NAMES]
LIST = ["client", "list", "--json"]


class CheckFailed(Exception):
    """The program did not do what it should (the message says what)."""


def keyring_line_ok(output: str) -> bool:
    """True if the self-test's report says `ok   keyring`."""
    return any(re.fullmatch(r"ok\s+keyring", line.strip()) for line in output.splitlines())


def check_self_test(program: list[str]) -> None:
    done = subprocess.run(
        [*program, "--self-test"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=TIMEOUT,
        check=False,
    )
    print(done.stdout, end="", flush=True)
    print(done.stderr, end="", file=sys.stderr, flush=True)
    if done.returncode != 0:
        raise CheckFailed(f"the self-test failed (exit code {done.returncode})")
    if not keyring_line_ok(done.stdout):
        raise CheckFailed("the keyring check did not pass: the credential store was not used")


def _run_to_file(program: list[str], args: list[str], out: Path, env: dict[str, str]) -> bytes:
    """`PROGRAM ARGS > out`; the bytes written, or CheckFailed with the program's stderr."""
    with out.open("wb") as stdout:
        done = subprocess.run(
            [*program, *args],
            stdin=subprocess.DEVNULL,
            stdout=stdout,
            stderr=subprocess.PIPE,
            env=env,
            timeout=TIMEOUT,
            check=False,
        )
    if done.returncode != 0:
        error = done.stderr.decode("utf-8", errors="replace").strip()
        raise CheckFailed(f"{' '.join(args[2:4])} exited with {done.returncode}: {error!a}")
    return out.read_bytes()


def check_cli_output(program: list[str]) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONUTF8", "PYTHONIOENCODING")}
    env["WELCOME_DESK_PASSPHRASE"] = PASSPHRASE
    with tempfile.TemporaryDirectory(prefix="welcome-desk-cli-") as name:
        folder = Path(name)
        at = ["--data-dir", str(folder / "case")]
        lines = _run_to_file(program, at + INIT, folder / "init.txt", env).decode().split()
        if len(lines) != 1 or not RECOVERY_KEY.match(lines[0]):
            raise CheckFailed(f"init did not print one recovery key: {len(lines)} words")
        _run_to_file(program, at + ADD, folder / "id.txt", env)
        raw = _run_to_file(program, at + LIST, folder / "out.json", env)
        try:
            clients = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CheckFailed(f"out.json is not UTF-8 JSON ({error}): {raw[:80]!r}") from None
        names = [(c.get("family_name"), c.get("given_names")) for c in clients]
        if names != [(FAMILY_NAME, GIVEN_NAMES)]:
            raise CheckFailed(f"out.json does not hold the Arabic name as typed: {names!a}")
        if FAMILY_NAME.encode("utf-8") not in raw:
            raise CheckFailed("out.json escapes the name instead of writing it in UTF-8")
    # ASCII only: this script's own output may go to a cp1252 console.
    print(
        "ok   cli-output: the Arabic name came back from `client list --json` in UTF-8", flush=True
    )


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    p.add_argument("check", choices=("self-test", "cli-output"))
    p.add_argument("program", nargs=argparse.REMAINDER, help="the console program and its args")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if hasattr(sys.stdout, "reconfigure"):  # a cp1252 console must not end the check
        sys.stdout.reconfigure(errors="replace")
    if not args.program:
        parser().error("name the program to check")
    if Path(args.program[0]).is_file():  # dist/WelcomeDesk/...: as Windows spells a path
        args.program[0] = str(Path(args.program[0]).absolute())
    try:
        if args.check == "self-test":
            check_self_test(args.program)
        else:
            check_cli_output(args.program)
    except CheckFailed as failed:
        print(f"FAIL {args.check}: {failed}", flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
