"""docs/leaving.md, followed step by step: the data key from the recovery key (and from the
passphrase) with nothing but the primitives the page names, then casefile.db opened by sqlcipher3
with only the PRAGMAs the page gives. Nothing of Welcome Desk's key code is used here."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import sqlcipher3
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

REPO = Path(__file__).resolve().parents[2]
LEAVING = REPO / "docs" / "leaving.md"
PASSPHRASE = "correct horse battery staple"
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RFC4648 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def data_key_from_recovery_key(recovery_key: str, keys_json: dict) -> bytes:
    """Section 3a of docs/leaving.md."""
    # 1. clean
    cleaned = "".join(recovery_key.split()).replace("-", "").upper()
    cleaned = cleaned.replace("O", "0").replace("I", "1").replace("L", "1")
    assert len(cleaned) == 32 and set(cleaned) <= set(CROCKFORD)
    # 2. decode
    raw = base64.b32decode(cleaned.translate(str.maketrans(CROCKFORD, RFC4648)))
    assert len(raw) == 20
    # 3. split and check
    secret, check = raw[:18], raw[18:]
    assert check == hashlib.sha256(secret).digest()[:2]
    # 4. keys.json
    wrap = keys_json["wraps"]["recovery"]
    assert wrap["kdf"] == {"name": "hkdf-sha256"} and wrap["cipher"] == "aes-256-gcm"
    salt, nonce = base64.b64decode(wrap["salt"]), base64.b64decode(wrap["nonce"])
    ciphertext = base64.b64decode(wrap["ciphertext"])
    assert (len(salt), len(nonce), len(ciphertext)) == (16, 12, 48)
    # 5. HKDF-SHA256
    info = b"welcome-desk recovery v1"
    assert len(info) == 24
    wrapping_key = HKDF(hashes.SHA256(), length=32, salt=salt, info=info).derive(secret)
    # 6. AES-256-GCM with the case id in the associated data
    ad = f"welcome-desk/keys/v1/{keys_json['case_id']}/recovery".encode()
    return AESGCM(wrapping_key).decrypt(nonce, ciphertext, ad)


def data_key_from_passphrase(passphrase: str, keys_json: dict) -> bytes:
    """Section 3b of docs/leaving.md."""
    wrap = keys_json["wraps"]["passphrase"]
    kdf = wrap["kdf"]
    assert kdf["name"] == "argon2id"
    wrapping_key = Argon2id(
        salt=base64.b64decode(wrap["salt"]),
        length=32,
        iterations=kdf["iterations"],
        lanes=kdf["lanes"],
        memory_cost=kdf["memory_kib"],
    ).derive(unicodedata.normalize("NFC", passphrase).encode("utf-8"))
    ad = f"welcome-desk/keys/v1/{keys_json['case_id']}/passphrase".encode()
    nonce, ciphertext = base64.b64decode(wrap["nonce"]), base64.b64decode(wrap["ciphertext"])
    return AESGCM(wrapping_key).decrypt(nonce, ciphertext, ad)


def names_in(database: Path, data_key: bytes, *, compatibility: bool) -> list[tuple[str, str]]:
    """Section 3c: the raw key, (cipher_compatibility), then plain SQL."""
    conn = sqlcipher3.connect(str(database))
    try:
        conn.execute(f"PRAGMA key = \"x'{data_key.hex().upper()}'\"")
        if compatibility:
            conn.execute("PRAGMA cipher_compatibility = 4")
        return conn.execute("SELECT family_name, given_names FROM client").fetchall()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def case_folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A case file made by the real command line, with one client, Welcome Desk closed."""
    folder = tmp_path_factory.mktemp("leaving") / "data"
    env = {k: v for k, v in os.environ.items() if k != "WELCOME_DESK_HOME"}
    env.update(WELCOME_DESK_PASSPHRASE=PASSPHRASE, WELCOME_DESK_LANG="en")

    def run(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "desktop", "--data-dir", str(folder), *args],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=300,
            check=True,
        )
        return done.stdout.strip()

    recovery_key = run("init")
    run("client", "add", "--family-name", "Müller-Lüdenscheidt", "--given-names", "Anna")
    return folder, recovery_key


def test_the_documented_steps_open_the_case_file_with_the_recovery_key(
    case_folder: tuple[Path, str],
) -> None:
    folder, recovery_key = case_folder
    keys_json = json.loads((folder / "keys.json").read_text("utf-8"))
    typed = recovery_key.lower().replace("-", " ")  # as read from paper
    data_key = data_key_from_recovery_key(typed, keys_json)
    assert len(data_key) == 32
    # 7. the check
    assert hashlib.sha256(data_key).digest()[:8].hex() == keys_json["key_check"]
    for compatibility in (False, True):
        names = names_in(folder / "casefile.db", data_key, compatibility=compatibility)
        assert names == [("Müller-Lüdenscheidt", "Anna")]


def test_the_documented_steps_open_it_with_the_passphrase_too(
    case_folder: tuple[Path, str],
) -> None:
    folder, _ = case_folder
    keys_json = json.loads((folder / "keys.json").read_text("utf-8"))
    data_key = data_key_from_passphrase(PASSPHRASE, keys_json)
    assert names_in(folder / "casefile.db", data_key, compatibility=False) == [
        ("Müller-Lüdenscheidt", "Anna")
    ]


def test_the_plain_copy_recipe_works(case_folder: tuple[Path, str], tmp_path: Path) -> None:
    folder, recovery_key = case_folder
    keys_json = json.loads((folder / "keys.json").read_text("utf-8"))
    data_key = data_key_from_recovery_key(recovery_key, keys_json)
    plain = tmp_path / "plain.db"
    conn = sqlcipher3.connect(str(folder / "casefile.db"))
    try:
        conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        conn.execute(f"ATTACH DATABASE '{plain}' AS plain KEY ''")
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()
    with sqlite3.connect(plain) as readable:
        assert readable.execute("SELECT family_name FROM client").fetchall() == [
            ("Müller-Lüdenscheidt",)
        ]


def test_the_page_says_what_the_test_does() -> None:
    text = LEAVING.read_text("utf-8")
    for needle in (
        "welcome-desk recovery v1",
        "welcome-desk/keys/v1/<case_id>/recovery",
        "welcome-desk/keys/v1/<case_id>/passphrase",
        "0123456789ABCDEFGHJKMNPQRSTVWXYZ",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",
        "HKDF with SHA-256",
        "AES-256-GCM",
        "Argon2id",
        "PRAGMA key = \"x'",
        "PRAGMA cipher_compatibility = 4",
        "3.4.1",
    ):
        assert needle in text, needle
