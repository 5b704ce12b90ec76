"""The case list: search as you type, filters, the table model over SQL pages, a new client."""
