"""The appointment slip: one appointment on one A6 page, in German and the client language."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date

from reportlab.lib.pagesizes import A6
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, Spacer

from desktop.domain.catalogues import DocumentKind
from desktop.domain.model import Appointment, Client
from desktop.report import labels
from desktop.report.layout import (
    PAD,
    STYLES,
    Cell,
    bilingual,
    day_text,
    document,
    grid,
    numbered_canvas,
    para,
    print_language,
)
from desktop.report.phrasebook import PhraseBook, item_text

SLIP_MARGIN = 7 * mm
WIDTH = A6[0] - 2 * SLIP_MARGIN
HEIGHT = A6[1] - 2 * SLIP_MARGIN


class _Slip:
    def __init__(self, lang: str | None, book: PhraseBook | None) -> None:
        self.lang, self.book = lang, book

    def pair(self, german: str, client: str | None, avail: float, *, bold: bool = False) -> Cell:
        cell: Cell = [para(german, STYLES.body, None, avail, bold=bold)]
        if self.lang and client:
            cell.append(para(client, STYLES.small, self.lang, avail, bold=bold))
        return cell

    def fixed(self, key: str, avail: float) -> Cell:
        client = labels.text(key, self.lang) if self.lang else None
        return self.pair(labels.text(key, "de"), client, avail, bold=True)


def _story(
    slip: _Slip,
    client: Client,
    appointment: Appointment,
    organisation_name: str,
    documents: Sequence[DocumentKind],
    office_name: str,
    today: date,
) -> list[Flowable]:
    lang = slip.lang
    purpose_text = None
    if lang and appointment.purpose:
        purpose_text = item_text(
            appointment.purpose_texts, appointment.purpose_key, lang, slip.book
        )
    out: list[Flowable] = []
    if office_name:
        out += [para(office_name, STYLES.office, None, WIDTH, bold=True), Spacer(1, 2 * mm)]
    out += bilingual("slip_title", lang, WIDTH, STYLES.title, STYLES.title_client)
    day = appointment.starts_at.date()
    widths = (0.34 * WIDTH, 0.66 * WIDTH)
    inner = [w - 2 * PAD for w in widths]
    rows: list[list[Cell]] = [
        [
            slip.fixed("name", inner[0]),
            slip.pair(f"{client.given_names} {client.family_name}", None, inner[1]),
        ],
        [
            slip.fixed("date", inner[0]),
            slip.pair(
                f"{labels.weekday(day, 'de')}, {day_text(day)}",
                f"{labels.weekday(day, lang)}, {day_text(day)}" if lang else None,
                inner[1],
                bold=True,
            ),
        ],
        [
            slip.fixed("time", inner[0]),
            slip.pair(f"{appointment.starts_at:%H:%M}", None, inner[1], bold=True),
        ],
        [slip.fixed("place", inner[0]), slip.pair(appointment.place or "–", None, inner[1])],
        [slip.fixed("with", inner[0]), slip.pair(organisation_name or "–", None, inner[1])],
        [
            slip.fixed("purpose", inner[0]),
            slip.pair(appointment.purpose or "–", purpose_text, inner[1]),
        ],
    ]
    if appointment.interpreter_language:
        rows.append(
            [
                slip.fixed("interpreter", inner[0]),
                slip.pair(
                    labels.language(appointment.interpreter_language, "de"),
                    labels.language(appointment.interpreter_language, lang) if lang else None,
                    inner[1],
                ),
            ]
        )
    out.append(grid(rows, widths, header=False))
    out.append(Spacer(1, 2 * mm))
    out += bilingual("please_bring", lang, WIDTH, STYLES.subheading, STYLES.small)
    if not documents:
        out += bilingual("nothing_missing", lang, WIDTH, STYLES.body)
    for kind in documents:
        client_label = labels.label(kind, lang) if lang else None
        out += slip.pair("☐ " + labels.label(kind, "de"), client_label, WIDTH)
    out += [Spacer(1, 2 * mm), para(f"Welcome Desk · {day_text(today)}", STYLES.small, None, WIDTH)]
    return out


def render_slip(
    client: Client,
    appointment: Appointment,
    organisation_name: str,
    documents_to_bring: list[DocumentKind],
    *,
    language: str | None,
    office_name: str,
    today: date,
    book: PhraseBook | None = None,
) -> bytes:
    """The slip for one appointment as PDF bytes: always one A6 page.

    `organisation_name` is who the appointment is with ("" for none); `documents_to_bring` are the
    document kinds to bring (the client's still-missing ones); `language` is as for render_plan.
    A slip whose text would not fit is shrunk to fit the page, never continued on a second one.
    """
    lang = print_language(language)
    buffer = io.BytesIO()
    doc = document(buffer, A6, "slip_title", margin=SLIP_MARGIN, bottom=SLIP_MARGIN)
    story = _story(
        _Slip(lang, book),
        client,
        appointment,
        organisation_name,
        documents_to_bring,
        office_name,
        today,
    )
    # a little below the frame's height: the frame pads its content by 6 pt on every side
    doc.build(
        [KeepInFrame(WIDTH - 12, HEIGHT - 12, story, mode="shrink")],
        canvasmaker=numbered_canvas(lambda canvas, page, pages: None),
    )
    return buffer.getvalue()
