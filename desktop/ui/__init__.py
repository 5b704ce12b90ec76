"""The desktop window: PySide6 widgets over the services; no SQL and no store internals here."""
