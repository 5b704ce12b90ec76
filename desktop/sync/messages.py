"""What a coordinator reads when a bundle is refused or merged: one sentence, German and English."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from desktop.domain.errors import BundleRejected
from desktop.sync.identity import PublicIdentity


class Merged(Protocol):
    """What the sentence after an import says (an `exchange.ImportSummary`)."""

    @property
    def sender(self) -> str: ...
    @property
    def applied(self) -> int: ...
    @property
    def conflicts(self) -> int: ...
    @property
    def already_imported(self) -> bool: ...


_MONTHS = {
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "en": "January February March April May June July August September October November December",
}


def _date(moment: datetime, lang: str) -> str:
    local = moment.astimezone()
    month = _MONTHS[lang].split()[local.month - 1]
    return (
        f"{local.day}. {month} {local.year}"
        if lang == "de"
        else f"{local.day} {month} {local.year}"
    )


def rejected(reason: str, who: str) -> BundleRejected:
    """The refusal for a failed check of the file itself (`who`: the sender, or a path)."""
    sender_en = who or "the sender"
    sender_de = who or "der Absender"
    texts = {
        "not_a_bundle": (
            "This file is not a Welcome Desk bundle.",
            "Diese Datei ist kein Welcome-Desk-Abgleichpaket.",
        ),
        "unknown_version": (
            "This bundle was written by a newer Welcome Desk: update Welcome Desk to import it.",
            "Dieses Paket stammt aus einer neueren Welcome-Desk-Version: bitte Welcome Desk "
            "aktualisieren, um es einzulesen.",
        ),
        "malformed_header": (
            "This bundle is damaged (its header cannot be read), so it was not imported.",
            "Dieses Paket ist beschädigt (sein Kopf ist nicht lesbar) und wurde nicht eingelesen.",
        ),
        "own_bundle": (
            "This bundle was written on this computer for a colleague; there is nothing to import.",
            "Dieses Paket wurde auf diesem Computer für eine Kollegin oder einen Kollegen "
            "geschrieben; hier gibt es nichts einzulesen.",
        ),
        "bad_signature": (
            f"This file was changed after {sender_en} signed it, so it was not imported.",
            f"Diese Datei wurde verändert, nachdem {sender_de} sie signiert hat; sie wurde "
            "nicht eingelesen.",
        ),
        "not_for_me": (
            "This bundle is for another colleague, not for this computer.",
            "Dieses Paket ist für eine andere Kollegin oder einen anderen Kollegen bestimmt, "
            "nicht für diesen Computer.",
        ),
        "damaged": (
            f"This bundle from {sender_en} is damaged or incomplete, so nothing of it was "
            f"imported: ask {sender_en} for a new one.",
            f"Dieses Paket von {sender_de} ist beschädigt oder unvollständig, daher wurde nichts "
            f"davon eingelesen: bitte {sender_de} um ein neues Paket bitten.",
        ),
        "changed_while_reading": (
            "The file changed while it was being read (is it still being copied?): try again.",
            "Die Datei hat sich beim Lesen verändert (wird sie noch kopiert?): bitte erneut "
            "versuchen.",
        ),
        "missing": (
            f"The file {who} cannot be read.",
            f"Die Datei {who} kann nicht gelesen werden.",
        ),
    }
    en, de = texts.get(reason, texts["damaged"])
    return BundleRejected(reason, en, de)


def untrusted(identity: PublicIdentity) -> BundleRejected:
    """A bundle signed by someone who is not a trusted colleague."""
    fingerprint = identity.fingerprint()
    return BundleRejected(
        "untrusted",
        f"This bundle comes from someone who is not among your colleagues (fingerprint "
        f"{fingerprint}): compare the fingerprint with them, then add them as a colleague.",
        f"Dieses Paket stammt von jemandem, der nicht zu Ihren Kolleginnen und Kollegen gehört "
        f"(Fingerabdruck {fingerprint}): bitte den Fingerabdruck vergleichen und die Person "
        "dann hinzufügen.",
        identity=identity.text(),
    )


def key_changed(name: str, identity: PublicIdentity) -> BundleRejected:
    """A bundle naming a known colleague's computer but signed with another key."""
    fingerprint = identity.fingerprint()
    return BundleRejected(
        "key_changed",
        f"This bundle claims to come from {name} but is signed with a different key "
        f"(fingerprint {fingerprint}): compare fingerprints with {name}, then add the new "
        "identity to accept it.",
        f"Dieses Paket gibt sich als von {name} aus, ist aber mit einem anderen Schlüssel "
        f"signiert (Fingerabdruck {fingerprint}): bitte die Fingerabdrücke mit {name} "
        "vergleichen und dann die neue Identität hinzufügen.",
        colleague=name,
        identity=identity.text(),
    )


def from_the_future(sender: str, created: datetime) -> BundleRejected:
    """A bundle dated more than a day ahead of this computer's clock."""
    return BundleRejected(
        "from_the_future",
        f"This bundle from {sender} is dated {_date(created, 'en')}, more than a day ahead of "
        "this computer's clock, so it was held back: check the date on both computers.",
        f"Dieses Paket von {sender} ist auf den {_date(created, 'de')} datiert, mehr als einen "
        "Tag nach der Uhr dieses Computers, und wurde zurückgehalten: bitte das Datum auf "
        "beiden Computern prüfen.",
    )


def gap(owner: str | None, sender: str, since: datetime | None) -> BundleRejected:
    """The bundle builds on changes this case file does not hold yet."""
    if owner == "":
        who_en, who_de = "this computer", "diesem Computer"
    elif owner is None:
        who_en, who_de = "another colleague", "einer weiteren Kollegin oder einem Kollegen"
    else:
        who_en, who_de = owner, owner
    when_en = f" made after {_date(since, 'en')}" if since else ""
    when_de = f" nach dem {_date(since, 'de')}" if since else ""
    return BundleRejected(
        "gap",
        f"Changes from {who_en}{when_en} are missing: import {sender}'s earlier bundle or ask "
        f"{sender} for a full export.",
        f"Änderungen von {who_de}{when_de} fehlen: bitte das frühere Paket von {sender} "
        f"einlesen oder {sender} um einen vollständigen Export bitten.",
    )


def rolled_back(owner: str, sender: str) -> BundleRejected:
    """A colleague's case file went back to an older copy and reused change numbers."""
    return BundleRejected(
        "rolled_back",
        f"{owner}'s case file was put back to an older copy, so this bundle from {sender} "
        f"repeats change numbers you already hold: send {owner} a bundle first, then ask for "
        "a new one (nothing was changed).",
        f"Die Fallakte von {owner} wurde auf eine ältere Kopie zurückgesetzt, daher wiederholt "
        f"dieses Paket von {sender} schon vorhandene Änderungsnummern: bitte zuerst {owner} "
        "ein Paket schicken und dann um ein neues bitten (nichts wurde geändert).",
    )


def import_summary(summary: Merged, lang: str) -> str:
    """After an import: how much, from whom, and what to review."""
    if summary.already_imported:
        if lang == "de":
            return f"Dieses Paket von {summary.sender} wurde schon eingelesen; nichts geändert."
        return f"This bundle from {summary.sender} was imported before; nothing changed."
    if lang == "de":
        text = f"{summary.applied} Änderungen von {summary.sender} übernommen"
        if summary.conflicts:
            text += f"; {summary.conflicts} Konflikte zur Durchsicht"
        return text + "."
    text = f"{summary.applied} changes from {summary.sender} merged"
    if summary.conflicts:
        text += f"; {summary.conflicts} conflicts to review"
    return text + "."


def held_back_text(count: int, lang: str = "en") -> str:
    """How many clients a bundle left out, and why (one sentence)."""
    if lang == "de":
        if count == 1:
            return (
                "1 Person wurde nicht mitgeschickt: Sie hat der Weitergabe an Kolleginnen und"
                " Kollegen nicht zugestimmt."
            )
        return (
            f"{count} Personen wurden nicht mitgeschickt: Sie haben der Weitergabe an"
            " Kolleginnen und Kollegen nicht zugestimmt."
        )
    if count == 1:
        return "1 client was held back: they have not consented to sharing with colleagues."
    return f"{count} clients were held back: they have not consented to sharing with colleagues."
