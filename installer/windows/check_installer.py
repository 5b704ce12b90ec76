"""Check a Welcome Desk setup for real: install, upgrade in place, refusal while the app runs,
uninstall, and the user's data folder byte-for-byte unchanged throughout.

    python installer/windows/check_installer.py [--upgrade-from OLD.exe] [--expect-version V]
        [--expect-signed] [--allow-existing] [--wine-prefix DIR] SETUP.exe

On Windows it runs the setup natively, as the user running it: into %LOCALAPPDATA%\\Programs\\
WelcomeDesk, with the Start menu and Apps & features entry of that user (meant for a throwaway CI
runner). It refuses to run when Welcome Desk is installed or %LOCALAPPDATA%\\WelcomeDesk exists
(--allow-existing: go on, and then that data folder must come through unchanged too; it is never
deleted). It seeds a data folder of its own and puts an entry for its case in Credential Manager,
which the uninstaller must remove (it runs `WelcomeDesk-debug.exe keyring remove-entry`).

Elsewhere it runs the setup under `wine` (64-bit) in a throwaway WINEPREFIX (or --wine-prefix DIR,
kept afterwards); there is no Credential Manager to look at, so that check is left to the caller.

The steps: the setup (or first OLD.exe) installs silently: program files, Start menu shortcut
(working folder: Documents), Apps & features entry. A data folder is seeded beside the program
folder and a stray file planted among the program files. The setup installs over it: in place,
the stray file gone, the data unchanged. Then "the app" runs (the installed WelcomeDesk.exe with
an empty --data-dir of its own) and both the setup and the uninstaller must refuse (exit code 2)
and change nothing. Last the uninstaller removes program, shortcut and entry, and the data folder
is as it was. One line per step, `ok   <step>` or `FAIL <step>: <reason>`; exit code 0 if all
passed. Standard library only; the two hosts (Windows, wine) are in windows_host.py.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import secrets
import shutil
import struct
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path, PureWindowsPath

# Run as a script (the workflow) or loaded by its path (the tests): its sibling module either way.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from windows_host import (
    CheckFailed,
    Host,
    NativeWindows,
    Wine,
    expect,
    same_path,
)

__all__ = ["CheckFailed", "Checker", "Wine", "authenticode_signature", "check", "parser"]

APP_EXE, DEBUG_EXE, UNINSTALLER = "WelcomeDesk.exe", "WelcomeDesk-debug.exe", "Uninstall.exe"
UNINSTALL_KEY = r"Software\Microsoft\Windows\CurrentVersion\Uninstall\WelcomeDesk"
SHORTCUT = "Welcome Desk.lnk"
KEYRING_SERVICE = "Welcome Desk"  # desktop/store/keys.py KEYRING_SERVICE
EXIT_REFUSED = 2  # the setup's and uninstaller's answer while the app runs
WAIT_TIMEOUT = 120  # seconds for the uninstaller to finish
STRAY = "stray-from-the-old-version.txt"


# ---------------------------------------------------------------------------- what is checked


def seed_key_file(case_id: str) -> bytes:
    """A keys.json as the app writes it (random wraps: nothing can be unlocked with it), set to
    unlock with the OS credential store."""

    def b64(n: int) -> str:
        return base64.b64encode(secrets.token_bytes(n)).decode("ascii")

    def wrap(kdf: dict[str, object]) -> dict[str, object]:
        return {"kdf": kdf, "cipher": "aes-256-gcm", "salt": b64(16), "nonce": b64(12),
                "ciphertext": b64(48)}  # fmt: skip

    doc = {
        "format": "welcome-desk-keys",
        "version": 1,
        "case_id": case_id,
        "key_check": secrets.token_hex(8),
        "wraps": {
            "passphrase": wrap(
                {"name": "argon2id", "memory_kib": 65536, "iterations": 3, "lanes": 4}
            ),
            "recovery": wrap({"name": "hkdf-sha256"}),
        },
        "keyring": True,
    }
    return (json.dumps(doc, indent=2) + "\n").encode("utf-8")


def seed_data_folder(folder: Path, case_id: str) -> None:
    """A case file's folder as the app leaves it: database, key file, a backup."""
    (folder / "backups").mkdir(parents=True)
    (folder / "casefile.db").write_bytes(secrets.token_bytes(8192))
    (folder / "keys.json").write_bytes(seed_key_file(case_id))
    (folder / "backups" / "casefile-2026-01-15.db").write_bytes(secrets.token_bytes(4096))


def fingerprint(folder: Path) -> dict[str, str]:
    """SHA-256 of every file below `folder`, by relative path."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def shortcut_fields(data: bytes) -> dict[str, str]:
    """Target and working folder of a shell link (.lnk, MS-SHLLINK), as far as it names them."""
    expect(data[:4] == b"\x4c\x00\x00\x00", "the shortcut is not a shell link")
    flags = struct.unpack_from("<I", data, 0x14)[0]
    pos, fields = 0x4C, {}
    if flags & 0x01:  # HasLinkTargetIDList
        pos += 2 + struct.unpack_from("<H", data, pos)[0]
    if flags & 0x02:  # HasLinkInfo: the target's local path (base path + suffix)
        size, header, info_flags, _, base, _, suffix = struct.unpack_from("<7I", data, pos)
        if info_flags & 0x01:  # VolumeIDAndLocalBasePath
            if header >= 0x24:
                base_w, suffix_w = struct.unpack_from("<II", data, pos + 28)
                fields["target"] = _wide_string(data, pos + base_w) + _wide_string(
                    data, pos + suffix_w
                )
            else:
                fields["target"] = _ansi_string(data, pos + base) + _ansi_string(data, pos + suffix)
        pos += size
    wide = bool(flags & 0x80)  # IsUnicode
    for bit, name in ((0x04, "name"), (0x08, "relative_path"), (0x10, "working_dir"),
                      (0x20, "arguments"), (0x40, "icon")):  # fmt: skip
        if flags & bit:
            count = struct.unpack_from("<H", data, pos)[0]
            size = count * 2 if wide else count
            raw = data[pos + 2 : pos + 2 + size]
            # wine counts the terminating NUL in, Windows does not
            fields[name] = raw.decode("utf-16-le" if wide else "latin-1").rstrip("\x00")
            pos += 2 + size
    return fields


def _wide_string(data: bytes, start: int) -> str:
    end = start
    while data[end : end + 2] not in (b"\x00\x00", b""):
        end += 2
    return data[start:end].decode("utf-16-le")


def _ansi_string(data: bytes, start: int) -> str:
    end = data.index(b"\x00", start)
    return data[start:end].decode("mbcs" if sys.platform == "win32" else "latin-1")


def authenticode_signature(path: Path) -> bytes | None:
    """The PKCS#7 signature in a PE file's certificate table, or None if it carries none."""
    data = Path(path).read_bytes()
    if data[:2] != b"MZ":
        return None
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    if data[pe : pe + 4] != b"PE\x00\x00":
        return None
    optional = pe + 24
    magic = struct.unpack_from("<H", data, optional)[0]
    directories = optional + (112 if magic == 0x20B else 96)  # PE32+ or PE32
    offset, size = struct.unpack_from("<II", data, directories + 4 * 8)  # entry 4: security
    if offset == 0 or size < 8 or offset + size > len(data):
        return None
    length, _revision, kind = struct.unpack_from("<IHH", data, offset)
    if kind != 0x0002 or length <= 8:  # WIN_CERT_TYPE_PKCS_SIGNED_DATA
        return None
    return data[offset + 8 : offset + length]


class Checker:
    """The steps, on one host. Windows paths are kept as text; files are read via host.path()."""

    def __init__(
        self, host: Host, allow_existing: bool = False, write: Callable[[str], None] = print
    ) -> None:
        self.host, self.allow_existing, self.write = host, allow_existing, write
        self.program = str(PureWindowsPath(host.local_appdata, "Programs", "WelcomeDesk"))
        self.data = str(PureWindowsPath(host.local_appdata, "WelcomeDesk"))
        self.shortcut = str(PureWindowsPath(host.programs_menu, SHORTCUT))
        self.credentials = host.credential_store()
        self.seeded: str | None = None  # the credential target this check put there
        self.own_data = False

    def file(self, *parts: str) -> Path:
        return self.host.path(str(PureWindowsPath(self.program, *parts)))

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        try:
            yield
        except CheckFailed as failed:
            self.write(f"FAIL {name}: {failed}")
            raise
        self.write(f"ok   {name}")

    # -- the steps

    def run(self, setup: Path, old: Path | None, version: str | None, signed: bool) -> None:
        """Every step in order; CheckFailed at the first that fails (its line is written)."""
        self.refuse_to_touch_a_real_installation()
        try:
            with self.step("install" + (" (older version)" if old else "")):
                self.install(old or setup, version=None if old else version)
            with self.step("seed a data folder"):
                before = self.seed()
            with self.step("upgrade in place"):
                self.file("_internal", STRAY).write_text(
                    "left by the old version\n", encoding="utf-8"
                )
                self.install(setup, version=version)
                expect(not self.file("_internal", STRAY).exists(), "old program files stayed")
                self.data_unchanged(before)
            if signed:
                with self.step("signatures"):
                    self.signatures(setup)
            with self.step("refused while the app runs"):
                self.refused_while_running(setup)
                self.data_unchanged(before)
            with self.step("uninstall"):
                self.uninstall()
                self.data_unchanged(before)
        finally:
            self.clean_up()

    def refuse_to_touch_a_real_installation(self) -> None:
        with self.step("nothing installed yet"):
            found = [
                what
                for what, there in (
                    (self.data, self.host.path(self.data).exists()),
                    (self.program, self.host.path(self.program).exists()),
                    ("HKCU\\" + UNINSTALL_KEY, self.host.registry(UNINSTALL_KEY) is not None),
                )
                if there
            ]
            if found and not self.allow_existing:
                raise CheckFailed(
                    f"Welcome Desk is already here ({', '.join(found)}): this check installs "
                    "and uninstalls; run it on a throwaway machine or pass --allow-existing"
                )

    def install(self, setup: Path, version: str | None) -> None:
        code = self.host.run(str(setup), "/S")
        expect(code == 0, f"{setup.name} /S exited with {code}")
        for name in (APP_EXE, DEBUG_EXE, UNINSTALLER):
            expect(self.file(name).is_file(), f"{name} is missing from {self.program}")
        expect(self.file("_internal").is_dir(), f"_internal is missing from {self.program}")
        self.entry(version)
        self.start_menu()

    def entry(self, version: str | None) -> None:
        values = self.host.registry(UNINSTALL_KEY)
        expect(values is not None, "no entry in Apps & features")
        assert values is not None
        uninstaller = str(PureWindowsPath(self.program, UNINSTALLER))
        expect(values.get("DisplayName") == "Welcome Desk", f"DisplayName: {values}")
        expect(values.get("DisplayVersion"), "no DisplayVersion")
        if version is not None:
            shown = values["DisplayVersion"]
            expect(shown == version, f"Apps & features shows version {shown}, not {version}")
        expect(same_path(values.get("InstallLocation", ""), self.program), "InstallLocation")
        expect(
            values.get("UninstallString", "").casefold() == f'"{uninstaller}"'.casefold(),
            f"UninstallString: {values.get('UninstallString')}",
        )
        expect(
            values.get("QuietUninstallString", "").casefold() == f'"{uninstaller}" /S'.casefold(),
            f"QuietUninstallString: {values.get('QuietUninstallString')}",
        )

    def start_menu(self) -> None:
        link = self.host.path(self.shortcut)
        expect(link.is_file(), f"no Start menu shortcut {self.shortcut}")
        fields = shortcut_fields(link.read_bytes())
        target = str(PureWindowsPath(self.program, APP_EXE))
        expect(same_path(fields.get("target", ""), target), f"the shortcut starts {fields}")
        expect(
            same_path(fields.get("working_dir", ""), self.host.documents),
            f"the shortcut's working folder is {fields.get('working_dir')!r}, "
            f"not Documents ({self.host.documents})",
        )

    def seed(self) -> dict[str, str]:
        data = self.host.path(self.data)
        if not data.exists():
            case_id = str(uuid.uuid4())
            seed_data_folder(data, case_id)
            self.own_data = True
            if self.credentials is not None:
                # Beside an entry of a real case file, never over it (python-keyring's scheme).
                taken = self.credentials.user(KEYRING_SERVICE) is not None
                target = f"{case_id}@{KEYRING_SERVICE}" if taken else KEYRING_SERVICE
                self.credentials.write(target, case_id, secrets.token_urlsafe(32))
                self.seeded = target
        return fingerprint(data)

    def data_unchanged(self, before: dict[str, str]) -> None:
        after = fingerprint(self.host.path(self.data))
        changed = sorted(set(before) ^ set(after) | {k for k in after if before.get(k) != after[k]})
        expect(not changed, f"the data folder changed: {changed}")

    def signatures(self, setup: Path) -> None:
        files = [setup, *(self.file(name) for name in (APP_EXE, DEBUG_EXE, UNINSTALLER))]
        unsigned = [f.name for f in files if authenticode_signature(f) is None]
        expect(not unsigned, f"not signed: {unsigned}")

    def refused_while_running(self, setup: Path) -> None:
        if isinstance(self.host, Wine):
            home = self.host.prefix / "drive_c" / "welcome-desk-check"
            home.mkdir(exist_ok=True)
            app_data = self.host.windows_path(home)
        else:
            app_data = tempfile.mkdtemp(prefix="welcome-desk-check-")
        app = str(PureWindowsPath(self.program, APP_EXE))
        uninstaller = str(PureWindowsPath(self.program, UNINSTALLER))
        before = fingerprint(self.host.path(self.program))
        process = self.host.start(app, "--data-dir", app_data)
        try:
            code = self.host.run(str(setup), "/S")
            expect(code == EXIT_REFUSED, f"the setup did not refuse (exit code {code})")
            code = self.host.run(uninstaller, "/S", f"_?={self.program}")
            expect(code == EXIT_REFUSED, f"the uninstaller did not refuse (exit code {code})")
            expect(fingerprint(self.host.path(self.program)) == before, "program files changed")
            expect(self.host.path(self.shortcut).is_file(), "the shortcut went")
        finally:
            self.host.stop(process, app)
            if not isinstance(self.host, Wine):
                shutil.rmtree(app_data, ignore_errors=True)

    def uninstall(self) -> None:
        # The uninstaller copies itself to %TEMP% and returns at once; the copy does the work.
        code = self.host.run(str(PureWindowsPath(self.program, UNINSTALLER)), "/S")
        expect(code == 0, f"{UNINSTALLER} /S exited with {code}")
        program = self.host.path(self.program)
        deadline = time.monotonic() + WAIT_TIMEOUT
        while program.exists() and time.monotonic() < deadline:
            time.sleep(0.25)
        left = sorted(p.name for p in program.iterdir()) if program.exists() else []
        expect(not program.exists(), f"the program folder stayed: {left}")
        expect(not self.host.path(self.shortcut).exists(), "the Start menu shortcut stayed")
        expect(self.host.registry(UNINSTALL_KEY) is None, "the Apps & features entry stayed")
        if self.credentials is not None and self.seeded is not None:
            expect(
                self.credentials.user(self.seeded) is None,
                f"the Credential Manager entry {self.seeded!r} stayed",
            )

    def clean_up(self) -> None:
        if self.credentials is not None and self.seeded is not None:
            with suppress(Exception):
                self.credentials.delete(self.seeded)
        if self.own_data and not isinstance(self.host, Wine):
            shutil.rmtree(self.host.path(self.data), ignore_errors=True)


def check(
    setup: Path,
    old: Path | None = None,
    *,
    version: str | None = None,
    signed: bool = False,
    allow_existing: bool = False,
    wine_prefix: Path | None = None,
    write: Callable[[str], None] = print,
) -> bool:
    """Run every step; True if all passed (each step has printed its line)."""
    try:
        host: Host = NativeWindows() if sys.platform == "win32" else Wine(wine_prefix)
    except CheckFailed as failed:
        write(f"FAIL set-up: {failed}")
        return False
    try:
        checker = Checker(host, allow_existing, write)
        checker.run(Path(setup).resolve(), Path(old).resolve() if old else None, version, signed)
    except CheckFailed:
        return False
    finally:
        host.close()
    return True


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        description=" ".join(__doc__.split("\n\n")[0].split()), allow_abbrev=False
    )
    p.add_argument("setup", type=Path, help="the setup .exe to check")
    p.add_argument("--upgrade-from", type=Path, metavar="OLD.exe", help="install this one first")
    p.add_argument("--expect-version", metavar="V", help="Apps & features must show this version")
    p.add_argument(
        "--expect-signed",
        action="store_true",
        help="the setup, both programs and the uninstaller must carry an Authenticode signature",
    )
    p.add_argument(
        "--allow-existing",
        action="store_true",
        help="go on although Welcome Desk or its data folder is already there (the data folder "
        "is never deleted, and must come through unchanged)",
    )
    p.add_argument(
        "--wine-prefix",
        type=Path,
        metavar="DIR",
        help="not on Windows: the WINEPREFIX to use and keep (default: a throwaway one)",
    )
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if hasattr(sys.stdout, "reconfigure"):  # a cp1252 console must not end the check
        sys.stdout.reconfigure(errors="replace")
    for exe in (args.setup, args.upgrade_from):
        if exe is not None and not exe.is_file():
            print(f"FAIL set-up: {exe} does not exist", flush=True)
            return 1
    ok = check(
        args.setup,
        args.upgrade_from,
        version=args.expect_version,
        signed=args.expect_signed,
        allow_existing=args.allow_existing,
        wine_prefix=args.wine_prefix,
        write=lambda line: print(line, flush=True),
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
