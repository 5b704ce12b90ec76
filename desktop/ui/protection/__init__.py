"""Data protection: backups and restore, the audit trail, access requests, erasure when due."""
