"""Use cases for the people in the case file: add, change, delete, erase, list."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from typing import Any

from desktop.domain.model import Client
from desktop.domain.text_input import parse_fields
from desktop.services import casework
from desktop.store.search import ClientPage, ClientQuery
from desktop.store.store import Store

__all__ = [
    "ClientPage",
    "ClientQuery",
    "add_client",
    "all_clients",
    "delete_client",
    "erase_client",
    "fields_from_text",
    "list_clients",
    "update_client",
]


def fields_from_text(raw: dict[str, str | list[str]]) -> dict[str, Any]:
    """Typed client fields from text (command line, spreadsheet); InvalidInput names the field."""
    return parse_fields(Client, raw)


def add_client(store: Store, fields: dict[str, Any], *, today: date | None = None) -> Client:
    """Create a client from typed fields; the case counts as opened today unless given."""
    fields = {"opened_on": today or date.today(), **fields}
    fields.setdefault("given_names", "")
    client = Client(**fields)
    casework.add(store, client)
    return client


def update_client(store: Store, client_id: str, changes: dict[str, Any]) -> Client:
    """Change some fields of a client; validation runs on the whole changed client."""
    current = store.get(Client, client_id)
    changed = dataclasses.replace(current, **changes)
    casework.save(store, changed)
    return changed


def delete_client(store: Store, client_id: str) -> None:
    """Delete a client and all parts of the case (tombstones travel by sync)."""
    casework.remove(store, Client, client_id)


def erase_client(store: Store, client_id: str) -> int:
    """Data-protection erasure: the person's data is gone for good; a tombstone remains."""
    return casework.erase_client(store, client_id)


def list_clients(store: Store, query: ClientQuery) -> ClientPage:
    """One page of the case list."""
    return store.clients(query)


def all_clients(store: Store, query: ClientQuery, page_size: int = 1000) -> Iterator[Client]:
    """Every client matching the query, fetched page by page."""
    offset = 0
    while True:
        page = store.clients(dataclasses.replace(query, limit=page_size, offset=offset))
        yield from page.clients
        offset += page_size
        if offset >= page.total or not page.clients:
            return
