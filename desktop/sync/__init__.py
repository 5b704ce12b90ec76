"""Sync between colleagues: identities now; bundles and merge come with the sync issue."""
