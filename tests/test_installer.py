"""The NSIS installer (installer/windows/welcome-desk.nsi): what build_installer.py builds with no
options is the setup that ships, and that very setup is what runs under wine.

makensis compiles the script (Debian's `nsis` package, installed by .ci/run). The fake one-folder
dist holds two real Windows programs, compiled here with makensis: a WelcomeDesk.exe that keeps
running (the app, for the refusal while it runs) and a WelcomeDesk-debug.exe that writes its
command line to a file beside the data folder (so the test sees what the uninstaller ran). Under
64-bit wine, installer/windows/check_installer.py — the same script the Windows workflow runs on
the real setup — installs, upgrades in place, is refused while the app runs and uninstalls, with
the data folder unchanged byte for byte. Signing is real too: a self-signed code-signing
certificate made here, osslsigncode, and `osslsigncode verify` on every signed file.
"""

from __future__ import annotations

import datetime
import importlib.util
import os
import shutil
import struct
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
HELPER = REPO_ROOT / "installer" / "windows" / "build_installer.py"
CHECK = REPO_ROOT / "installer" / "windows" / "check_installer.py"
WINE_TIMEOUT = 600
SIGN_PASSWORD = "test pfx passphrase"
SIGNER_NAME = "Welcome Desk Test Signing"


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


build_installer = _load(HELPER)
check_installer = _load(CHECK)
MAKENSIS = build_installer.find_makensis()
CANNOT_BUILD = (
    "makensis (NSIS) is not installed: apt-get install nsis"
    if MAKENSIS is None
    else build_installer.missing_target(MAKENSIS)
)
needs_makensis = pytest.mark.skipif(CANNOT_BUILD is not None, reason=str(CANNOT_BUILD))
needs_wine = pytest.mark.skipif(
    shutil.which("wine") is None or sys.platform == "win32",
    reason="wine is not installed (the Windows workflow runs check_installer.py natively)",
)
needs_osslsigncode = pytest.mark.skipif(
    shutil.which("osslsigncode") is None,
    reason="osslsigncode is not installed: apt-get install osslsigncode",
)

# Two stand-ins for the PyInstaller programs: real Windows programs of the shipped target.
FAKE_PROGRAM = r"""
Unicode true
Target ${TARGET}
OutFile "${OUT}"
SilentInstall silent
RequestExecutionLevel user
Section
!ifdef RECORD_COMMAND_LINE
  FileOpen $0 "$LOCALAPPDATA\welcome-desk-fake-calls.txt" a
  FileSeek $0 0 END
  FileWriteUTF16LE $0 "$CMDLINE$\r$\n"
  FileClose $0
!else
  Sleep 600000
!endif
SectionEnd
"""


def _machine(exe: Path) -> int:
    """The COFF machine of a PE file: 0x8664 amd64, 0x14c x86."""
    data = exe.read_bytes()
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    assert data[pe : pe + 4] == b"PE\x00\x00"
    return int(struct.unpack_from("<H", data, pe + 4)[0])


@pytest.fixture(scope="module")
def fake_programs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(app, console): compiled once for the module."""
    folder = tmp_path_factory.mktemp("fake-programs")
    script = folder / "fake.nsi"
    script.write_text(FAKE_PROGRAM, encoding="utf-8")
    built = []
    for name, defines in (("app.exe", []), ("console.exe", ["-DRECORD_COMMAND_LINE"])):
        done = subprocess.run(
            [MAKENSIS, "-V2", f"-DTARGET={build_installer.TARGET}", f"-DOUT={folder / name}",
             *defines, str(script)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stdout + done.stderr
        built.append(folder / name)
    return built[0], built[1]


def make_fake_dist(root: Path, programs: tuple[Path, Path], marker: str = "new") -> Path:
    """A stand-in for dist/WelcomeDesk: the two programs and an _internal/ folder."""
    dist = root / "WelcomeDesk"
    (dist / "_internal" / "resources" / "fonts").mkdir(parents=True)
    shutil.copyfile(programs[0], dist / "WelcomeDesk.exe")
    shutil.copyfile(programs[1], dist / "WelcomeDesk-debug.exe")
    (dist / "_internal" / "python311.dll").write_bytes(b"MZ fake dll")
    (dist / "_internal" / "resources" / "fonts" / "DejaVuSans.ttf").write_bytes(b"font")
    (dist / "_internal" / f"only-in-{marker}.txt").write_text(marker, encoding="utf-8")
    return dist


def build_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python installer/windows/build_installer.py ARGS`, as the workflow runs it."""
    return subprocess.run(
        [sys.executable, str(HELPER), *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )


def test_numeric_version() -> None:
    assert build_installer.numeric_version("0.1.0") == "0.1.0.0"
    assert build_installer.numeric_version("1.2rc1") == "1.2.0.0"
    assert build_installer.numeric_version("1.2.3.4.5") == "1.2.3.4"
    assert build_installer.project_version() != ""


@needs_makensis
def test_the_default_build_is_the_64_bit_setup_and_says_it_is_unsigned(
    tmp_path: Path, fake_programs: tuple[Path, Path]
) -> None:
    dist = make_fake_dist(tmp_path, fake_programs)
    out = tmp_path / "out" / "Setup.exe"
    done = build_cli("--dist", str(dist), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(out.resolve())
    assert _machine(out) == 0x8664  # amd64: the bundle inside is 64-bit, so is the setup
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("unsigned build: "), done.stderr
    assert check_installer.authenticode_signature(out) is None


@needs_makensis
def test_a_makensis_without_the_target_stubs_is_named(tmp_path: Path) -> None:
    # As the official Windows NSIS lacks amd64 stubs, Debian's lacks arm64 ones.
    reason = build_installer.missing_target(MAKENSIS, "arm64-unicode")
    assert reason is not None and "arm64-unicode" in reason
    assert build_installer.missing_target(MAKENSIS) is None


def test_the_data_folder_the_check_seeds_is_one_the_app_reads(
    tmp_path: Path, _isolated_keyring, capsys
) -> None:
    # On Windows the check puts this case's key in Credential Manager and expects the real
    # `keyring remove-entry` (run by the uninstaller) to take it out again.
    from desktop.cli import run
    from desktop.store.keys import KEYRING_SERVICE, KeyFile

    case_id = "0b6f7a52-5d1e-4d8e-9a51-3f0c2d7e9b14"
    check_installer.seed_data_folder(tmp_path / "data", case_id)
    keyfile = KeyFile.load(tmp_path / "data" / "keys.json")
    assert keyfile.case_id == case_id and keyfile.uses_keyring
    _isolated_keyring.entries[(KEYRING_SERVICE, case_id)] = "seeded"
    before = check_installer.fingerprint(tmp_path / "data")
    assert run(["--data-dir", str(tmp_path / "data"), "keyring", "remove-entry"]) == 0
    assert capsys.readouterr().err == ""
    assert _isolated_keyring.entries == {}
    assert check_installer.fingerprint(tmp_path / "data") == before


def _certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed code-signing certificate: (pfx protected by SIGN_PASSWORD, pem)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, SIGNER_NAME)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CODE_SIGNING]), critical=False)
        .sign(key, hashes.SHA256())
    )
    pfx, pem = folder / "signing.pfx", folder / "signing.pem"
    encryption = serialization.BestAvailableEncryption(SIGN_PASSWORD.encode())
    pfx.write_bytes(pkcs12.serialize_key_and_certificates(b"test", key, cert, None, encryption))
    pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return pfx, pem


def verified_signer(exe: Path, pem: Path) -> str:
    """`osslsigncode verify` against the test certificate: the signer line, or the failure."""
    done = subprocess.run(
        ["osslsigncode", "verify", "-CAfile", str(pem), "-in", str(exe)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, f"{exe.name}: {done.stdout}{done.stderr}"
    assert "Signature verification: ok" in done.stdout
    return next(line.strip() for line in done.stdout.splitlines() if "Subject:" in line)


@pytest.fixture(scope="module")
def signed(
    tmp_path_factory: pytest.TempPathFactory, fake_programs: tuple[Path, Path]
) -> tuple[Path, Path, Path]:
    """(setup, dist, pem): built and signed by build_installer.py with a test certificate."""
    if shutil.which("osslsigncode") is None:
        pytest.skip("osslsigncode is not installed: apt-get install osslsigncode")
    folder = tmp_path_factory.mktemp("signed")
    pfx, pem = _certificate(folder)
    dist = make_fake_dist(folder / "dist", fake_programs)
    setup = folder / "WelcomeDesk-Setup-signed.exe"
    env = dict(os.environ, WELCOME_DESK_SIGN_PASSWORD=SIGN_PASSWORD)
    done = build_cli("--dist", str(dist), "--out", str(setup), "--sign-pfx", str(pfx), env=env)
    assert done.returncode == 0, done.stderr
    assert "unsigned" not in done.stderr and SIGN_PASSWORD not in done.stdout + done.stderr
    return setup, dist, pem


@needs_makensis
@needs_osslsigncode
def test_a_signed_build_signs_the_setup_and_both_programs(
    signed: tuple[Path, Path, Path],
) -> None:
    setup, dist, pem = signed
    for exe in (setup, dist / "WelcomeDesk.exe", dist / "WelcomeDesk-debug.exe"):
        assert verified_signer(exe, pem) == f"Subject: /CN={SIGNER_NAME}", exe.name
        assert check_installer.authenticode_signature(exe) is not None


# ---------------------------------------------------------------------------------------- wine


@pytest.fixture(scope="module")
def wine_prefix(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One WINEPREFIX for the module (setting one up takes seconds); removed afterwards."""
    prefix = tmp_path_factory.mktemp("wine") / "prefix"
    yield prefix
    env = dict(os.environ, WINEPREFIX=str(prefix))
    subprocess.run(["wineserver", "-k"], env=env, timeout=60, check=False)
    shutil.rmtree(prefix, ignore_errors=True)  # ~700 MB


@pytest.mark.slow
@needs_makensis
@needs_wine
def test_the_shipped_setup_passes_the_installer_check_under_wine(
    tmp_path: Path, fake_programs: tuple[Path, Path], wine_prefix: Path
) -> None:
    old = tmp_path / "WelcomeDesk-Setup-0.0.1.exe"
    new = tmp_path / "WelcomeDesk-Setup-new.exe"
    for out, version, marker in ((old, "0.0.1", "old"), (new, None, "new")):
        dist = make_fake_dist(tmp_path / marker, fake_programs, marker)
        args = ["--dist", str(dist), "--out", str(out)]
        done = build_cli(*args, *(["--version", version] if version else []))
        assert done.returncode == 0, done.stderr

    version = build_installer.project_version()
    command = [sys.executable, str(CHECK), "--upgrade-from", str(old), "--expect-version",
               version, "--wine-prefix", str(wine_prefix), str(new)]  # fmt: skip
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=WINE_TIMEOUT, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    steps = [line.split(maxsplit=1)[1] for line in done.stdout.splitlines()]
    assert steps == [
        "nothing installed yet",
        "install (older version)",
        "seed a data folder",
        "upgrade in place",
        "refused while the app runs",
        "uninstall",
    ], done.stdout
    # The uninstaller took the case file's key out of Credential Manager: it ran the console
    # program with `keyring remove-entry` (once: neither the setup nor the refusal ran it).
    calls = list(wine_prefix.glob("drive_c/users/*/AppData/Local/welcome-desk-fake-calls.txt"))
    assert calls, "the uninstaller never ran WelcomeDesk-debug.exe"
    lines = calls[0].read_text(encoding="utf-16-le").splitlines()
    assert len(lines) == 1 and lines[0].endswith('WelcomeDesk-debug.exe" keyring remove-entry')
    assert lines[0].casefold().startswith('"c:\\users\\')


@pytest.mark.slow
@needs_makensis
@needs_wine
def test_the_setup_refuses_32_bit_windows(
    tmp_path: Path, fake_programs: tuple[Path, Path], wine_prefix: Path
) -> None:
    # 64-bit wine cannot be 32-bit Windows: the build pretends (SIMULATE_32BIT_WINDOWS).
    dist = make_fake_dist(tmp_path, fake_programs)
    setup = build_installer.build(
        dist, tmp_path / "Setup-on-32-bit.exe", defines=["SIMULATE_32BIT_WINDOWS"]
    )
    host = check_installer.Wine(wine_prefix)
    assert host.run(str(setup), "/S") == 3
    assert not host.path(host.local_appdata).joinpath("Programs", "WelcomeDesk").exists()
    assert host.registry(check_installer.UNINSTALL_KEY) is None


@pytest.mark.slow
@needs_makensis
@needs_osslsigncode
@needs_wine
def test_the_installed_uninstaller_carries_a_valid_signature(
    signed: tuple[Path, Path, Path], wine_prefix: Path
) -> None:
    # The uninstaller exists only inside the setup: installed, it is there to check.
    setup, _, pem = signed
    host = check_installer.Wine(wine_prefix)
    folder = "C:\\signed-check"
    assert host.run(str(setup), "/S", f"/D={folder}") == 0
    installed = host.path(folder)
    try:
        for name in ("Uninstall.exe", "WelcomeDesk.exe", "WelcomeDesk-debug.exe"):
            assert verified_signer(installed / name, pem) == f"Subject: /CN={SIGNER_NAME}"
    finally:
        assert host.run(f"{folder}\\Uninstall.exe", "/S", f"_?={folder}") == 0
    assert host.registry(check_installer.UNINSTALL_KEY) is None
    assert sorted(p.name for p in installed.iterdir()) == ["Uninstall.exe"]  # it ran from there
