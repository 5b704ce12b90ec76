"""The computer a setup is checked on: Windows itself or 64-bit wine, and Windows' Credential
Manager. Used by check_installer.py; standard library only.

Paths handed to a host are Windows paths (C:\\Users\\...); `host.path()` is the file behind one as
this script opens it (under wine: inside the WINEPREFIX).
"""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path, PureWindowsPath
from typing import Any

SHELL_FOLDERS_KEY = r"Software\Microsoft\Windows\CurrentVersion\Explorer\Shell Folders"
RUN_TIMEOUT = 600  # seconds for one program run (a setup of the real bundle, ~100 MB)
WAIT_TIMEOUT = 120  # seconds for a program to start or stop


class CheckFailed(Exception):
    """A step whose outcome was wrong (the message says what)."""


def expect(condition: object, reason: str) -> None:
    if not condition:
        raise CheckFailed(reason)


def same_path(a: str, b: str) -> bool:
    """Windows paths are compared case-insensitively, without a trailing backslash."""
    return a.rstrip("\\").casefold() == b.rstrip("\\").casefold()


# ------------------------------------------------------------------------------ the computer


class Host:
    """Where the setup runs: Windows itself or wine. Paths given to it are Windows paths."""

    local_appdata: str  # %LOCALAPPDATA%
    programs_menu: str  # the user's Start menu\Programs
    documents: str  # the user's Documents

    def path(self, windows_path: str) -> Path:
        """The file behind a Windows path, as this script opens it."""
        raise NotImplementedError

    def command(self, program: str, *args: str) -> list[str]:
        raise NotImplementedError

    def env(self) -> dict[str, str]:
        return dict(os.environ)

    def run(self, program: str, *args: str) -> int:
        """Run a program to its end; its exit code."""
        return self.output(program, *args)[0]

    def output(self, program: str, *args: str) -> tuple[int, str]:
        """Run a program to its end: its exit code and what it printed.

        The output goes through a file, not a pipe: wine's helper processes inherit the pipe and
        would keep it open for seconds after the program itself has ended.
        """
        with tempfile.TemporaryFile() as out:
            done = subprocess.run(
                self.command(program, *args),
                env=self.env(),
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=out,
                timeout=RUN_TIMEOUT,
                check=False,
            )
            out.seek(0)
            return done.returncode, out.read().decode("utf-8", errors="replace")

    def start(self, program: str, *args: str) -> subprocess.Popen[bytes]:
        """Start a program that keeps running; returns once its .exe is loaded (mapped)."""
        env = dict(self.env(), QT_QPA_PLATFORM="offscreen")
        process = subprocess.Popen(
            self.command(program, *args),
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + WAIT_TIMEOUT
        while not self.is_loaded(process, program):
            if process.poll() is not None or time.monotonic() > deadline:
                self.stop(process, program)
                raise CheckFailed(f"{PureWindowsPath(program).name} did not keep running")
            time.sleep(0.2)
        return process

    def is_loaded(self, process: subprocess.Popen[bytes], program: str) -> bool:
        raise NotImplementedError

    def stop(self, process: subprocess.Popen[bytes], program: str) -> None:
        """End a started program; returns once its .exe is free again."""
        if process.poll() is None:
            process.kill()
        process.wait(timeout=WAIT_TIMEOUT)

    def registry(self, key: str) -> dict[str, str] | None:
        """The values of a key under HKEY_CURRENT_USER as text, or None if there is no key."""
        raise NotImplementedError

    def credential_store(self) -> CredentialStore | None:
        """Windows' Credential Manager, where it can be looked at."""
        return None

    def close(self) -> None:
        """Remove what the host itself made (a throwaway wine prefix)."""


class NativeWindows(Host):
    """Windows itself, as the user running this script."""

    def __init__(self) -> None:
        self.local_appdata = self._folder(0x001C)  # CSIDL_LOCAL_APPDATA
        self.programs_menu = self._folder(0x0002)  # CSIDL_PROGRAMS
        self.documents = self._folder(0x0005)  # CSIDL_PERSONAL, what NSIS's $DOCUMENTS is

    @staticmethod
    def _folder(csidl: int) -> str:
        import ctypes

        windows: Any = ctypes  # its Windows-only parts, unknown to a type checker elsewhere
        buffer = ctypes.create_unicode_buffer(32768)
        result = windows.windll.shell32.SHGetFolderPathW(None, csidl, None, 0, buffer)
        if result != 0:
            raise CheckFailed(f"Windows does not name the folder {csidl:#x} ({result:#x})")
        return buffer.value

    def path(self, windows_path: str) -> Path:
        return Path(windows_path)

    def command(self, program: str, *args: str) -> list[str]:
        return [program, *args]

    def is_loaded(self, process: subprocess.Popen[bytes], program: str) -> bool:
        # CreateProcess has mapped the image before Popen returns; a running image cannot be
        # opened for writing (which is how the setup tells). Nothing is written.
        try:
            fd = os.open(program, os.O_WRONLY | os.O_APPEND)
        except PermissionError:
            return True
        os.close(fd)
        return False

    def stop(self, process: subprocess.Popen[bytes], program: str) -> None:
        super().stop(process, program)
        deadline = time.monotonic() + WAIT_TIMEOUT
        while self.is_loaded(process, program):
            if time.monotonic() > deadline:
                raise CheckFailed(f"{program} is still in use after its program ended")
            time.sleep(0.2)

    def registry(self, key: str) -> dict[str, str] | None:
        winreg: Any = importlib.import_module("winreg")  # Windows only
        try:
            handle = winreg.OpenKey(winreg.HKEY_CURRENT_USER, key)
        except FileNotFoundError:
            return None
        values: dict[str, str] = {}
        with handle:
            index = 0
            while True:
                try:
                    name, value, _kind = winreg.EnumValue(handle, index)
                except OSError:
                    return values
                values[name] = str(value)
                index += 1

    def credential_store(self) -> CredentialStore | None:
        return CredentialStore()


class Wine(Host):
    """64-bit wine with its own WINEPREFIX: a throwaway one unless a folder is given (kept)."""

    def __init__(self, prefix: Path | None = None) -> None:
        if shutil.which("wine") is None:
            raise CheckFailed("wine is not installed (apt-get install wine wine64)")
        self.throwaway = prefix is None
        self.prefix = Path(prefix or tempfile.mkdtemp(prefix="welcome-desk-wine-")).resolve()
        self.prefix.mkdir(parents=True, exist_ok=True)
        folders = self.registry(SHELL_FOLDERS_KEY)  # the first call also sets the prefix up
        expect(folders, f"wine could not set up the prefix {self.prefix}")
        assert folders is not None
        self.local_appdata = folders["Local AppData"]
        self.programs_menu = folders["Programs"]
        self.documents = folders["Personal"]

    def env(self) -> dict[str, str]:
        # No display, no debug output, no offer to install Mono or Gecko into the new prefix.
        return dict(
            os.environ,
            WINEPREFIX=str(self.prefix),
            WINEDEBUG="-all",
            DISPLAY="",
            WINEDLLOVERRIDES="mscoree,mshtml=",
        )

    def path(self, windows_path: str) -> Path:
        p = PureWindowsPath(windows_path)
        expect(p.drive.upper() == "C:", f"not on wine's drive C: {windows_path}")
        return self.prefix.joinpath("drive_c", *p.parts[1:])

    def windows_path(self, path: Path) -> str:
        relative = Path(path).resolve().relative_to(self.prefix / "drive_c")
        return str(PureWindowsPath("C:\\", *relative.parts))

    def command(self, program: str, *args: str) -> list[str]:
        return ["wine", program, *args]

    def is_loaded(self, process: subprocess.Popen[bytes], program: str) -> bool:
        # wine runs the Windows program in the launched process itself and maps its image.
        try:
            maps = Path(f"/proc/{process.pid}/maps").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
        return str(self.path(program).resolve()) in maps

    def registry(self, key: str) -> dict[str, str] | None:
        code, text = self.output("reg", "query", f"HKCU\\{key}")
        if code != 0:
            return None
        values = {}
        for line in text.splitlines():
            parts = line.strip().split("    ")
            if len(parts) >= 3 and parts[1].startswith("REG_"):
                values[parts[0]] = "    ".join(parts[2:]).strip()
        return values

    def close(self) -> None:
        if self.throwaway:
            subprocess.run(["wineserver", "-k"], env=self.env(), timeout=60, check=False)
            shutil.rmtree(self.prefix, ignore_errors=True)


# ---------------------------------------------------------------------- Credential Manager


class CredentialStore:
    """Generic credentials of Windows' Credential Manager, as python-keyring keeps them."""

    TYPE_GENERIC, PERSIST_LOCAL_MACHINE, NOT_FOUND = 1, 2, 1168

    def __init__(self) -> None:
        import ctypes
        from ctypes import wintypes

        class FILETIME(ctypes.Structure):
            _fields_ = [("low", wintypes.DWORD), ("high", wintypes.DWORD)]

        class CREDENTIAL(ctypes.Structure):
            _fields_ = [
                ("Flags", wintypes.DWORD),
                ("Type", wintypes.DWORD),
                ("TargetName", wintypes.LPWSTR),
                ("Comment", wintypes.LPWSTR),
                ("LastWritten", FILETIME),
                ("CredentialBlobSize", wintypes.DWORD),
                ("CredentialBlob", ctypes.POINTER(ctypes.c_ubyte)),
                ("Persist", wintypes.DWORD),
                ("AttributeCount", wintypes.DWORD),
                ("Attributes", ctypes.c_void_p),
                ("TargetAlias", wintypes.LPWSTR),
                ("UserName", wintypes.LPWSTR),
            ]

        self._ctypes, self._credential = ctypes, CREDENTIAL
        windows: Any = ctypes  # its Windows-only parts, unknown to a type checker elsewhere
        self._api = windows.WinDLL("advapi32", use_last_error=True)
        self._api.CredReadW.argtypes = [
            wintypes.LPCWSTR,
            wintypes.DWORD,
            wintypes.DWORD,
            ctypes.POINTER(ctypes.POINTER(CREDENTIAL)),
        ]
        self._api.CredWriteW.argtypes = [ctypes.POINTER(CREDENTIAL), wintypes.DWORD]
        self._api.CredDeleteW.argtypes = [wintypes.LPCWSTR, wintypes.DWORD, wintypes.DWORD]
        self._api.CredFree.argtypes = [ctypes.c_void_p]

    def user(self, target: str) -> str | None:
        """The user name of the credential `target`, or None if there is none."""
        ctypes = self._ctypes
        found = ctypes.POINTER(self._credential)()
        if not self._api.CredReadW(target, self.TYPE_GENERIC, 0, ctypes.byref(found)):
            error = ctypes.get_last_error()
            if error == self.NOT_FOUND:
                return None
            raise CheckFailed(f"Credential Manager cannot be read ({error})")
        try:
            return str(found.contents.UserName or "")
        finally:
            self._api.CredFree(found)

    def write(self, target: str, user: str, secret: str) -> None:
        ctypes = self._ctypes
        blob = secret.encode("utf-16-le")
        buffer = (ctypes.c_ubyte * len(blob)).from_buffer_copy(blob)
        credential = self._credential()
        credential.Type = self.TYPE_GENERIC
        credential.TargetName = target
        credential.UserName = user
        credential.CredentialBlobSize = len(blob)
        credential.CredentialBlob = ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ubyte))
        credential.Persist = self.PERSIST_LOCAL_MACHINE
        if not self._api.CredWriteW(ctypes.byref(credential), 0):
            raise CheckFailed(f"Credential Manager refused an entry ({ctypes.get_last_error()})")

    def delete(self, target: str) -> None:
        self._api.CredDeleteW(target, self.TYPE_GENERIC, 0)
