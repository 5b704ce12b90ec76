"""Settings of this installation, and care of the key: passphrase, recovery key, keyring."""
