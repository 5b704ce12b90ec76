"""The Windows workflow (.github/workflows/windows.yml) runs as written: what Linux CI can try of
it, it tries here.

No YAML library is a dependency, so the file is read line by line (it keeps to a plain subset:
jobs, steps with `name`/`uses`/`run`/`shell`/`with`, `run: |` blocks). Every script it runs
exists and accepts the arguments it is given (their own argument parsers decide); the commands
of the Arabic command-line check are ones the app's parser accepts, and that check runs here for
real against the source app; the self-test step fails unless the keyring line says `ok`; signing
happens only when the secrets are there; the setup that is uploaded is the one that is checked.
"""

from __future__ import annotations

import fnmatch
import importlib.util
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]
WORKFLOW = REPO / ".github" / "workflows" / "windows.yml"
TEXT = WORKFLOW.read_text(encoding="utf-8")
SCRIPTS = REPO / "installer" / "windows"
SIGNED_IF = 'if [ -n "$WELCOME_DESK_SIGN_PFX_BASE64" ]; then'


def _load(name: str) -> ModuleType:
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@dataclass
class Step:
    job: str
    indent: int  # of its "- "
    keys: dict[str, str] = field(default_factory=dict)  # nested ones as "with.path"
    run: list[str] = field(default_factory=list)  # the lines of `run`, stripped

    @property
    def name(self) -> str:
        return self.keys.get("name") or self.keys.get("uses", "")


def steps() -> list[Step]:
    """Every step of every job, with its keys and its `run` lines."""
    found: list[Step] = []
    job, step, block, parent = "", None, -1, ""  # block: indentation of a `run: |` being read
    for line in TEXT.splitlines():
        indent = len(line) - len(line.lstrip(" "))
        text = line.strip()
        if block >= 0 and (not text or indent > block):
            if text and step is not None:
                step.run.append(text)
            continue
        block = -1
        if not text or text.startswith("#"):
            continue
        if indent == 2 and text.endswith(":"):
            job, step = text[:-1], None
        elif re.match(r"- (name|uses): ", text):
            step = Step(job, indent)
            found.append(step)
            text, indent = text[2:], indent + 2
        if step is None or not re.match(r"[\w-]+:( |$)", text):
            continue
        key, _, value = (part.strip() for part in text.partition(":"))
        if indent == step.indent + 2:
            parent = key
        else:
            key = f"{parent}.{key}"
        if key == "run" and value in ("|", ">"):
            block = indent
        elif key == "run":
            step.run.append(value)
        else:
            step.keys[key] = value
    return found


STEPS = steps()


def _expand(word: str, variables: dict[str, str]) -> str:
    return re.sub(r"\$(\w+)", lambda m: variables.get(m[1], m[0]), word)


def invocations(script: str) -> Iterator[tuple[Step, list[str], bool]]:
    """(step, arguments after the script, inside `if` the signing secret is set) per call.

    Shell variables set earlier in the step by `name="..."` are filled in (`$(...)` ones stay).
    """
    for step in STEPS:
        signed, variables = False, {}
        for line in step.run:
            if line == SIGNED_IF:
                signed = True
            elif line in ("else", "fi"):
                signed = False
            assignment = re.fullmatch(r'(\w+)="?([^"$(]*(?:\$\w+[^"$(]*)*)"?', line)
            if assignment:
                variables[assignment[1]] = assignment[2]
            words = [_expand(word, variables) for word in shlex.split(line)]
            if len(words) >= 2 and words[0] in ("python", "python3") and words[1] == script:
                yield step, words[2:], signed


def test_the_workflow_parses_into_its_jobs_and_steps() -> None:
    assert {s.job for s in STEPS} == {"bundle", "setup", "install"}
    assert all(s.name for s in STEPS)
    assert any(s.run for s in STEPS if s.job == "install")


def test_no_utf8_mode_and_the_whole_suite() -> None:
    # The app itself must write UTF-8 where output is redirected; the runner must not help it.
    assert "PYTHONUTF8" not in TEXT and "PYTHONIOENCODING" not in TEXT
    (tests,) = [s for s in STEPS if any(re.search(r"\bpytest\b", line) for line in s.run)]
    assert tests.job == "bundle"
    assert tests.run == ["uv run --frozen --group build pytest"]  # no `-m "not slow"`


def test_every_script_the_workflow_names_exists() -> None:
    named = re.findall(r"(?<![\w/])((?:installer|tests|desktop)/[\w./-]+\.(?:py|spec))", TEXT)
    assert "installer/windows/check_installer.py" in named
    missing = [path for path in named if not (REPO / path).is_file()]
    assert not missing and named


def test_the_installer_check_is_called_as_its_parser_accepts() -> None:
    check_installer = _load("check_installer")
    calls = list(invocations("installer/windows/check_installer.py"))
    assert {signed for _, _, signed in calls} == {True, False}  # with and without the secret
    for step, args, signed in calls:
        assert step.job == "install"
        parsed = check_installer.parser().parse_args(args)  # exits (fails the test) if not
        assert parsed.expect_signed is signed
        assert parsed.setup.as_posix() == "dist/WelcomeDesk-Setup-$version.exe"
        assert parsed.expect_version == "$version" and not parsed.allow_existing


def test_the_installer_is_built_signed_only_with_the_secrets_and_uploaded() -> None:
    build_installer = _load("build_installer")
    calls = list(invocations("installer/windows/build_installer.py"))
    assert {signed for _, _, signed in calls} == {True, False}
    for step, args, signed in calls:
        assert step.job == "setup"
        parsed = build_installer.parser().parse_args(args)
        assert parsed.dist.as_posix() == "dist/WelcomeDesk" and parsed.target is None
        assert (parsed.sign_pfx is not None) is signed
    for secret in ("WELCOME_DESK_SIGN_PFX_BASE64", "WELCOME_DESK_SIGN_PASSWORD"):
        assert f"{secret}: ${{{{ secrets.{secret} }}}}" in TEXT
    # The default output name is what is uploaded, downloaded and checked.
    default = f"dist/WelcomeDesk-Setup-{build_installer.project_version()}.exe"
    uploads = {
        s.keys["with.name"]: s.keys["with.path"]
        for s in STEPS
        if s.keys.get("uses", "").startswith("actions/upload-artifact")
    }
    assert fnmatch.fnmatch(default, uploads["WelcomeDesk-Setup"])
    (download,) = [
        s for s in STEPS if s.job == "install" and s.keys.get("with.name") == "WelcomeDesk-Setup"
    ]
    assert download.keys["with.path"] == "dist"
    # Debian's/Ubuntu's NSIS has the amd64-unicode stubs; choco's official build does not.
    commands = [line for s in STEPS for line in s.run]
    assert not [line for line in commands if "choco" in line]
    (install,) = [line for s in STEPS if s.job == "setup" for line in s.run if "apt-get" in line]
    assert re.search(r"apt-get install .*\bnsis osslsigncode$", install)


def test_the_frozen_checks_run_the_frozen_console_program() -> None:
    check_frozen_app = _load("check_frozen_app")
    calls = list(invocations("installer/windows/check_frozen_app.py"))
    checks = {check_frozen_app.parser().parse_args(args).check for _, args, _ in calls}
    assert checks == {"self-test", "cli-output"}
    for step, args, _ in calls:
        assert step.job == "bundle"
        assert args[1:] == ["dist/WelcomeDesk/WelcomeDesk-debug.exe"]


def test_the_arabic_commands_are_ones_the_app_accepts() -> None:
    from desktop.cli import build_parser

    check_frozen_app = _load("check_frozen_app")
    for command in (check_frozen_app.INIT, check_frozen_app.ADD, check_frozen_app.LIST):
        args = build_parser().parse_args(["--data-dir", "case", *command])
        assert callable(args.handler)
    assert "--json" in check_frozen_app.LIST


def test_the_arabic_command_line_check_passes_against_the_source_app() -> None:
    # The workflow's step, with `python -m desktop` for the frozen program.
    done = subprocess.run(
        [sys.executable, str(SCRIPTS / "check_frozen_app.py"), "cli-output", sys.executable,
         "-m", "desktop"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("ok   cli-output")


def test_the_self_test_step_fails_unless_the_keyring_line_is_ok(monkeypatch) -> None:
    # The self-test's own report, for its keyring check only (the in-memory keyring is there).
    import keyring
    from keyring.backends import fail

    from desktop import selftest

    check_frozen_app = _load("check_frozen_app")
    monkeypatch.setattr(selftest, "CHECKS", [c for c in selftest.CHECKS if c[0] == "keyring"])
    lines: list[str] = []
    assert selftest.run_self_test(lines.append) == 0
    assert check_frozen_app.keyring_line_ok("\n".join(lines)), lines
    keyring.set_keyring(fail.Keyring())  # a system without a credential store: skipped
    lines.clear()
    assert selftest.run_self_test(lines.append) == 0 and lines[0].startswith("skip keyring")
    assert not check_frozen_app.keyring_line_ok("\n".join(lines))
    assert not check_frozen_app.keyring_line_ok("FAIL keyring: returned another secret")


@pytest.mark.parametrize("job", ["bundle", "install"])
def test_the_windows_jobs_run_on_windows(job: str) -> None:
    header = TEXT.split(f"\n  {job}:\n", 1)[1].split("\n  steps:", 1)[0]
    assert "runs-on: windows-latest" in header
