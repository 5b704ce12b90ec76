"""Does a secret open the case file's key? Asked of keys.json, as the unlock does first: the
window under test keeps the case file itself open, and a second open is refused (one Welcome
Desk per case file)."""

from __future__ import annotations

from pathlib import Path

from desktop.store.casefile import load_keyfile


def opens(
    root: Path,
    *,
    passphrase: str | None = None,
    recovery_key: str | None = None,
    use_keyring: bool = False,
) -> bytes:
    """The data key the secret unwraps; WrongPassphrase / WrongRecoveryKey if it does not,
    ValueError if the OS credential store holds no key."""
    keyfile = load_keyfile(root)
    if use_keyring:
        key = keyfile.unlock_with_keyring()
        if key is None:
            raise ValueError("no key in the credential store")
        return key
    if recovery_key is not None:
        return keyfile.unlock_with_recovery_key(recovery_key)
    return keyfile.unlock_with_passphrase(passphrase or "")
