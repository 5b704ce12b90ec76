"""The command line's `client …` commands (registered by `desktop.cli`)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any, TextIO

from desktop import cli
from desktop.domain.catalogues import ResidenceStatus
from desktop.services import clients
from desktop.services.export import to_json_object
from desktop.store.search import SORTS, ClientQuery

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
    client = cli._with_store(args, lambda store: clients.add_client(store, fields))
    print(client.id, file=out)
    return cli.EXIT_OK


def cmd_client_update(args: argparse.Namespace, out: TextIO) -> int:
    fields = _client_fields(args)
    cli._with_store(args, lambda store: clients.update_client(store, args.id, fields))
    return cli.EXIT_OK


def cmd_client_delete(args: argparse.Namespace, out: TextIO) -> int:
    cli._with_store(args, lambda store: clients.delete_client(store, args.id))
    return cli.EXIT_OK


def cmd_client_erase(args: argparse.Namespace, out: TextIO) -> int:
    cli._with_store(args, lambda store: clients.erase_client(store, args.id))
    return cli.EXIT_OK


def cmd_client_merge(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.services.merging import merge_clients

    kept = cli._with_store(args, lambda store: merge_clients(store, args.keep, args.other))
    print(kept.id, file=out)
    return cli.EXIT_OK


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
    found = cli._with_store(args, lambda store: list(clients.all_clients(store, query)))
    if args.json:
        json.dump([to_json_object(c) for c in found], out, ensure_ascii=False, indent=1)
        out.write("\n")
        return cli.EXIT_OK
    for c in found:
        birth = c.birth_date.iso() if c.birth_date else "-"
        status = c.residence_status.value if c.residence_status else "-"
        until = c.status_valid_until.isoformat() if c.status_valid_until else "-"
        print(
            f"{c.id}  {c.display_name}  {birth}  {c.nationality or '-'}  {status}  {until}",
            file=out,
        )
    return cli.EXIT_OK


def _client_options(parser: argparse.ArgumentParser, *, required_names: bool) -> None:
    for option, field, repeatable in CLIENT_OPTIONS:
        required = required_names and field == "family_name"
        if repeatable:
            parser.add_argument(option, dest=field, action="append", metavar="VALUE")
        else:
            parser.add_argument(option, dest=field, required=required, metavar="VALUE")


def register(sub: Any, command: Callable[..., argparse.ArgumentParser]) -> None:
    """Add `client add|update|delete|erase|merge|list` to the parser."""
    client = sub.add_parser("client", help="add, change, delete, erase or list clients")
    client_sub = client.add_subparsers(
        dest="client_command", required=True, metavar="ACTION", parser_class=cli._Parser
    )
    p = command("add", cmd_client_add, "add a client; print the new id", client_sub)
    _client_options(p, required_names=True)
    p = command("update", cmd_client_update, "change a client's fields", client_sub)
    p.add_argument("id")
    _client_options(p, required_names=False)
    p = command(
        "delete", cmd_client_delete, "delete a client (a tombstone travels by sync)", client_sub
    )
    p.add_argument("id")
    p = command(
        "erase",
        cmd_client_erase,
        "data-protection erasure: the person's data is gone for good",
        client_sub,
    )
    p.add_argument("id")
    p = command(
        "merge",
        cmd_client_merge,
        "merge two records of the same person (every part of both is kept)",
        client_sub,
    )
    p.add_argument("keep", metavar="KEEP_ID")
    p.add_argument("other", metavar="OTHER_ID")
    p = command("list", cmd_client_list, "list clients", client_sub)
    p.add_argument("--search", metavar="TEXT")
    p.add_argument("--json", action="store_true")
    p.add_argument("--state", choices=("all", "open", "closed"), default="all")
    p.add_argument("--residence-status", metavar="STATUS")
    p.add_argument("--sort", choices=sorted(SORTS), default="name")
