"""Sync with colleagues: identities, exchanging bundles, the watched folder, conflicts."""
