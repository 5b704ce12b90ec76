"""Clients from a spreadsheet: the file, its columns, a dry run, the import."""
