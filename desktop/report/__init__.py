"""The printed documents (integration plan): domain in, PDF bytes out; no Qt, no SQL."""
