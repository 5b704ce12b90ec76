"""Use cases for the people in the case file: add, change, delete, erase, list."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from typing import Any

from desktop.domain.dates import PartialDate
from desktop.domain.model import Client
from desktop.domain.names import fold, fold_variants
from desktop.domain.text_input import parse_fields
from desktop.services import casework, erasure
from desktop.services.erasure import Erased
from desktop.store.search import SORTS, ClientPage, ClientQuery
from desktop.store.store import Store

__all__ = [
    "SORTS",
    "ClientPage",
    "ClientQuery",
    "Erased",
    "add_client",
    "all_clients",
    "delete_client",
    "display_names",
    "erase_client",
    "erase_clients",
    "fields_from_text",
    "find_client",
    "get_client",
    "likely_existing",
    "list_clients",
    "update_client",
]

MAX_LIKELY = 5


def fields_from_text(raw: Mapping[str, str | list[str]]) -> dict[str, Any]:
    """Typed client fields from text (command line, spreadsheet); InvalidInput names the field."""
    return parse_fields(Client, dict(raw))


def add_client(store: Store, fields: dict[str, Any], *, today: date | None = None) -> Client:
    """Create a client from typed fields; the case counts as opened today unless given."""
    fields = {"opened_on": today or date.today(), **fields}
    fields.setdefault("given_names", "")
    client = Client(**fields)
    casework.add(store, client)
    return client


def update_client(store: Store, client_id: str, changes: dict[str, Any]) -> Client:
    """Change some fields of a client; validation runs on the whole changed client.

    Returns the client as saved: closing or re-opening the case also sets its retention date.
    """
    current = store.get(Client, client_id)
    changed = dataclasses.replace(current, **changes)
    casework.save(store, changed)
    return store.get(Client, client_id)


def delete_client(store: Store, client_id: str) -> None:
    """Delete a client and all parts of the case (tombstones travel by sync)."""
    casework.remove(store, Client, client_id)


def erase_client(store: Store, client_id: str) -> Erased:
    """Data-protection erasure: the person's data is gone for good, from the case file and the
    copies kept in the data and backup folders; a tombstone and the ledger's id remain."""
    return erasure.erase_clients(store, [client_id])


def erase_clients(
    store: Store, client_ids: list[str], progress: Callable[[int, int], None] | None = None
) -> Erased:
    """Erase several clients in one go (one scrub of the file at the end), copies included."""
    return erasure.erase_clients(store, client_ids, progress)


def find_client(store: Store, client_id: str) -> Client | None:
    """The client with this id, or None (deleted, erased or never there)."""
    return store.find(Client, client_id)


def get_client(store: Store, client_id: str) -> Client:
    """The client with this id, or NotFound."""
    return store.get(Client, client_id)


def display_names(store: Store, client_ids: list[str]) -> dict[str, str]:
    """ "Family, Given" of these clients by id (erased or unknown ids are left out)."""
    return store.display_names(client_ids)


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


def _same_year(a: PartialDate | None, b: PartialDate | None) -> bool:
    """Compatible birth dates: one unknown, or the same year."""
    return a is None or b is None or a.year == b.year


def _loose(name: str) -> str:
    """A folded name that "Müller", "Mueller" and "Muller" share."""
    transcribed = fold_variants(name)[-1]
    return transcribed.replace("ae", "a").replace("oe", "o").replace("ue", "u")


def _spellings(name: str) -> set[str]:
    """The folded family names under which this name may be stored."""
    return {*fold_variants(name), _loose(name)}


def _named(store: Store, family_name: str) -> list[Client]:
    """Clients whose family name is `family_name`, umlauts written either way."""
    wanted = _loose(family_name)
    return [
        c
        for spelling in sorted(_spellings(family_name))
        for c in store.clients_by_folded_family_name(spelling)
        if _loose(c.family_name) == wanted
    ]


def likely_existing(
    store: Store, family_name: str, given_names: str, birth_date: PartialDate | None
) -> list[Client]:
    """Up to 5 clients that are probably this person, to warn before creating a duplicate.

    Same family name however typed (or family and given names swapped), and a compatible birth
    year. The most alike come first: same given names, then the same known birth year.
    """
    if not fold(family_name):
        return []
    family, given = _loose(family_name), _loose(given_names)
    found = {c.id: c for c in _named(store, family_name)}
    if given and given != family:
        found.update(
            {c.id: c for c in _named(store, given_names) if _loose(c.given_names) == family}
        )
    alike = [c for c in found.values() if _same_year(c.birth_date, birth_date)]

    def closeness(c: Client) -> tuple[bool, bool, str, str]:
        same_names = {_loose(c.family_name), _loose(c.given_names)} == {family, given}
        year_known = c.birth_date is not None and birth_date is not None
        return (not same_names, not year_known, c.display_name.casefold(), c.id)

    return sorted(alike, key=closeness)[:MAX_LIKELY]
