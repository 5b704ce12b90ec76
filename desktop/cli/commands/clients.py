"""`client add|update|delete|erase|merge|list`: the people in the case file."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from desktop.cli import common
from desktop.domain.catalogues import ResidenceStatus
from desktop.services import clients
from desktop.services.clients import SORTS, ClientQuery
from desktop.services.export import to_json_object

# Client options: (option, field, repeatable)
CLIENT_OPTIONS: tuple[tuple[str, str, bool], ...] = (
    ("--family-name", "family_name", False),
    ("--given-names", "given_names", False),
    ("--alias", "other_names", True),
    ("--file-number", "file_number", False),
    ("--sex", "sex", False),
    ("--birth-date", "birth_date", False),
    ("--birth-place", "birth_place", False),
    ("--nationality", "nationality", False),
    ("--language", "languages", True),
    ("--interpreter-needed", "interpreter_needed", False),
    ("--interpreter-language", "interpreter_language", False),
    ("--phone", "phone", False),
    ("--email", "email", False),
    ("--street", "street", False),
    ("--postcode", "postcode", False),
    ("--city", "city", False),
    ("--arrival-date", "arrival_date", False),
    ("--housing", "housing", False),
    ("--residence-status", "residence_status", False),
    ("--status-granted-on", "status_granted_on", False),
    ("--status-valid-until", "status_valid_until", False),
    ("--consent-given-on", "consent_given_on", False),
    ("--consent-scope", "consent_scope", True),
    ("--consent-withdrawn-on", "consent_withdrawn_on", False),
    ("--opened-on", "opened_on", False),
    ("--closed-on", "closed_on", False),
)


def _client_fields(args: argparse.Namespace) -> dict[str, Any]:
    raw = {
        field: getattr(args, field)
        for _, field, _ in CLIENT_OPTIONS
        if getattr(args, field) is not None
    }
    return clients.fields_from_text(raw)


def cmd_client_add(args: argparse.Namespace, out: TextIO) -> int:
    fields = _client_fields(args)  # invalid input is refused before the case file is opened
    client = common.with_store(args, lambda store: clients.add_client(store, fields))
    print(client.id, file=out)
    return common.EXIT_OK


def cmd_client_update(args: argparse.Namespace, out: TextIO) -> int:
    fields = _client_fields(args)
    common.with_store(args, lambda store: clients.update_client(store, args.id, fields))
    return common.EXIT_OK


def cmd_client_delete(args: argparse.Namespace, out: TextIO) -> int:
    common.with_store(args, lambda store: clients.delete_client(store, args.id))
    return common.EXIT_OK


def cmd_client_erase(args: argparse.Namespace, out: TextIO) -> int:
    erased = common.with_store(args, lambda store: clients.erase_client(store, args.id))
    common.say_copies(erased.copies)
    return common.EXIT_OK


def cmd_client_merge(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.services.duplicate_merge import merge_clients

    kept = common.with_store(args, lambda store: merge_clients(store, args.keep, args.other))
    print(kept.id, file=out)
    return common.EXIT_OK


def cmd_client_list(args: argparse.Namespace, out: TextIO) -> int:
    query = ClientQuery(
        text=args.search or "",
        state=args.state,
        residence_status=(
            ResidenceStatus.parse(args.residence_status, "residence_status")  # type: ignore[arg-type]
            if args.residence_status
            else None
        ),
        sort=args.sort,
    )
    found = common.with_store(args, lambda store: list(clients.all_clients(store, query)))
    if args.json:
        common.write_json(out, [to_json_object(c) for c in found])
        return common.EXIT_OK
    for c in found:
        birth = c.birth_date.iso() if c.birth_date else "-"
        status = c.residence_status.value if c.residence_status else "-"
        until = c.status_valid_until.isoformat() if c.status_valid_until else "-"
        print(
            f"{c.id}  {c.display_name}  {birth}  {c.nationality or '-'}  {status}  {until}",
            file=out,
        )
    return common.EXIT_OK


def _client_options(parser: argparse.ArgumentParser, *, required_names: bool) -> None:
    for option, field, repeatable in CLIENT_OPTIONS:
        required = required_names and field == "family_name"
        if repeatable:
            parser.add_argument(option, dest=field, action="append", metavar="VALUE")
        else:
            parser.add_argument(option, dest=field, required=required, metavar="VALUE")


def register(sub: Any) -> None:
    """Add `client add|update|delete|erase|merge|list`."""
    actions = common.add_group(sub, "client", "add, change, delete, erase or list clients")
    p = common.add_command(actions, "add", cmd_client_add, "add a client; print the new id")
    _client_options(p, required_names=True)
    p = common.add_command(actions, "update", cmd_client_update, "change a client's fields")
    p.add_argument("id")
    _client_options(p, required_names=False)
    p = common.add_command(
        actions, "delete", cmd_client_delete, "delete a client (a tombstone travels by sync)"
    )
    p.add_argument("id")
    p = common.add_command(
        actions,
        "erase",
        cmd_client_erase,
        "data-protection erasure: the person's data is gone for good",
    )
    p.add_argument("id")
    p = common.add_command(
        actions,
        "merge",
        cmd_client_merge,
        "merge two records of the same person (every part of both is kept)",
    )
    p.add_argument("keep", metavar="KEEP_ID")
    p.add_argument("other", metavar="OTHER_ID")
    p = common.add_command(actions, "list", cmd_client_list, "list clients")
    p.add_argument("--search", metavar="TEXT")
    p.add_argument("--json", action="store_true")
    p.add_argument("--state", choices=("all", "open", "closed"), default="all")
    p.add_argument("--residence-status", metavar="STATUS")
    p.add_argument("--sort", choices=sorted(SORTS), default="name")
