"""Before the window: setting up a new case file, unlocking it, the recovery key shown once."""
