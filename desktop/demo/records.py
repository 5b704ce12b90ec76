"""The other rows of a case: documents, appointments, notes and support."""

from __future__ import annotations

from datetime import date, datetime

from desktop.demo.clients import _Person
from desktop.demo.network import _CENTRE, _SUPPORT
from desktop.demo.papers import (
    _CHILD_COUNT,
    _CHILD_NOTES,
    _CLOSING,
    _DOC_COUNT,
    _DOC_NOTE,
    _DOC_STATUS,
    _DURATIONS,
    _NOTE_COUNT,
    _NOTES,
    _SUPPORT_COUNT,
    _VISIT_COUNT,
)
from desktop.demo.people import _PARENTS
from desktop.demo.statuses import _CUSTODY
from desktop.demo.writer import _Base, _day
from desktop.domain.catalogues import AppointmentStatus, DocumentKind, Housing
from desktop.domain.catalogues import DocumentKind as DK
from desktop.domain.catalogues import DocumentStatus as DS
from desktop.domain.catalogues import ResidenceStatus as RS
from desktop.domain.model import Appointment, DocumentItem, Note, SupportLink


class _Records(_Base):
    """Documents, appointments, notes and support links."""

    def _documents(self, p: _Person) -> list[DocumentItem]:
        r, f = self.r, p.family
        if p.german:
            return [
                DocumentItem(
                    p.client.id,
                    DK.ID_CARD,
                    self._id(),
                    DS.COPY_ON_FILE,
                    expires_on=_day(self.t + 200 + int(r() * 3000)),
                )
            ]
        if f.closed is not None:
            kinds: list[DocumentKind | None] = [
                DK.PASSPORT,
                None,
                DK.BIRTH_CERTIFICATE,
                DK.HEALTH_INSURANCE_CARD,
            ]
            kinds = kinds[: 2 + int(r() * 3)]
        elif p.age < 18:
            kinds = [DK.PASSPORT, DK.BIRTH_CERTIFICATE, DK.HEALTH_INSURANCE_CARD, None, DK.OTHER]
            if p.age >= 6:
                kinds.append(DK.SCHOOL_CERTIFICATE)
            kinds = kinds[: 3 + int(r() * 4)]
        else:
            n = _DOC_COUNT(r)
            kinds = [DK.PASSPORT, None, DK.HEALTH_INSURANCE_CARD]
            if n > 3:
                kinds.insert(1, DK.BIRTH_CERTIFICATE)
                extras = [
                    DK.TAX_ID,
                    DK.BANK_ACCOUNT,
                    DK.SCHOOL_CERTIFICATE,
                    DK.INTEGRATION_COURSE,
                    DK.REGISTRATION,
                ]
                if p.age >= 20:
                    extras.append(DK.VOCATIONAL_CERTIFICATE)
                if p.role in _PARENTS:
                    extras.append(DK.MARRIAGE_CERTIFICATE)
                if p.rank >= 3:
                    extras.append(DK.LANGUAGE_CERTIFICATE)
                if f.housing is Housing.OWN_FLAT:
                    extras.append(DK.RENTAL_CONTRACT)
                if p.no_passport <= 0.1:  # countries with identity cards
                    extras.append(DK.ID_CARD)
                kinds += self.rng.sample(extras, min(len(extras), n - 4))
        out = []
        for kind in kinds:
            if kind is DK.PASSPORT:
                out.append(self._passport(p))
            elif kind is None:
                if p.status is not None and p.status is not RS.CITIZEN:
                    out.append(self._residence_paper(p))
            else:
                status = _DOC_STATUS[kind](r)
                note = ""
                if kind is DK.LANGUAGE_CERTIFICATE:
                    note = f"Zertifikat Deutsch {p.level}"
                elif kind is DK.OTHER or (kind in _DOC_NOTE and r() < 0.4):
                    note = self._pick(_DOC_NOTE[kind])
                out.append(DocumentItem(p.client.id, kind, self._id(), status, note=note))
        return out

    def _passport(self, p: _Person) -> DocumentItem:
        r, t = self.r, self.t
        holder, since, expires = "", None, None
        if r() < p.no_passport:
            status = DS.MISSING if r() < 0.7 else DS.REQUESTED
        elif p.status is RS.ASYLUM_PROCEDURE and r() < 0.5:
            status = DS.IN_CUSTODY
        else:
            status = _DOC_STATUS[DK.PASSPORT](r)
        if status is DS.IN_CUSTODY and p.family.closed is not None:
            status = DS.RETURNED
        elif status is DS.IN_CUSTODY and p.status not in _CUSTODY:
            status = DS.ORIGINAL_SEEN
        if status is DS.IN_CUSTODY:
            holder = "Ausländerbehörde" if r() < 0.85 else "BAMF"
            since = max(p.arrival or p.opened, t - 3 - int(r() * 110))
        if status is DS.EXPIRED:
            expires = t - 1 - int(r() * 700)
        elif status in (DS.COPY_ON_FILE, DS.ORIGINAL_SEEN, DS.IN_CUSTODY, DS.RETURNED):
            expires = t + 1 + int(r() * 90) if r() < 0.1 else t + 91 + int(r() * 3000)
        return DocumentItem(
            p.client.id, DK.PASSPORT, self._id(), status, holder, _day(since), _day(expires)
        )

    def _residence_paper(self, p: _Person) -> DocumentItem:
        r, status = self.r, p.status
        kind, note = DK.RESIDENCE_TITLE, ""
        if status is RS.ASYLUM_PROCEDURE:
            kind, note = DK.OTHER, "Aufenthaltsgestattung"
        elif status is RS.FIKTION:
            kind, note = DK.OTHER, "Fiktionsbescheinigung"
        elif status is RS.DULDUNG:
            kind = DK.DULDUNG
        if p.valid is not None and p.valid < self.t:
            paper = DS.EXPIRED if r() < 0.6 else DS.REQUESTED
        else:
            x = r()
            paper = DS.COPY_ON_FILE if x < 0.6 else DS.ORIGINAL_SEEN if x < 0.95 else DS.REQUESTED
        return DocumentItem(
            p.client.id, kind, self._id(), paper, expires_on=_day(p.valid), note=note
        )

    def _appointments(self, p: _Person) -> list[Appointment]:
        r, t = self.r, self.t
        if p.family.closed is not None:
            return []
        adult = p.age >= 16
        visits = self.tables.visits["adult" if adult else "school" if p.age >= 6 else "small"]
        start = max(p.opened, t - 90)
        out = []
        for _ in range((_VISIT_COUNT if adult else _CHILD_COUNT)(r)):
            day = start + int(r() * (t + 61 - start))
            weekday = (day - 1) % 7  # ordinal 1 was a Monday
            if weekday >= 5:
                day += 7 - weekday
            group, purpose, purpose_key, outcome, own = visits(r)
            org = self._pick(self.groups[group]) if group else None
            minutes = 480 + 15 * int(r() * 35)  # 08:00 to 16:30
            d = date.fromordinal(day)
            x = r()
            if day < t:
                status = (
                    AppointmentStatus.DONE
                    if x < 0.8
                    else AppointmentStatus.MISSED
                    if x < 0.92
                    else AppointmentStatus.CANCELLED
                )
            else:
                status = AppointmentStatus.CANCELLED if x < 0.06 else AppointmentStatus.PLANNED
            result = ""
            if status is AppointmentStatus.DONE and r() < 0.6:
                result = outcome
            elif status is AppointmentStatus.MISSED and r() < 0.5:
                result = "Nicht erschienen; neuer Termin nötig."
            participants = ("Klient/in" if adult else "Kind mit Elternteil") + (
                f", {p.family.author}" if not group else ""
            )
            out.append(
                Appointment(
                    p.client.id,
                    datetime(d.year, d.month, d.day, minutes // 60, minutes % 60),
                    self._id(),
                    self._pick(_DURATIONS),
                    self.address[org] if org else _CENTRE,
                    org,
                    purpose,
                    participants,
                    p.interpreter,
                    status,
                    result,
                    purpose_key=purpose_key,
                    purpose_texts=self._own_texts(p.text_lang, purpose, own),
                )
            )
        out.sort(key=lambda a: a.starts_at)
        return out

    def _notes(self, p: _Person) -> list[Note]:
        r, f = self.r, p.family
        adult = p.age >= 16
        if f.closed is None:
            n = (_NOTE_COUNT if adult else _CHILD_COUNT)(r)
        else:
            n = 1 + int(r() * 3) if adult else int(r() * 2)
        texts = _NOTES if adult else _CHILD_NOTES
        days = sorted(p.opened + int(r() * (f.ref - p.opened + 1)) for _ in range(n))
        out = [
            Note(p.client.id, date.fromordinal(d), self._pick(texts), self._id(), f.author)
            for d in days
        ]
        if f.closed is not None and adult:
            out.append(
                Note(
                    p.client.id,
                    date.fromordinal(f.closed),
                    self._pick(_CLOSING),
                    self._id(),
                    f.author,
                )
            )
        return out

    def _support(self, p: _Person) -> list[SupportLink]:
        r, t, f = self.r, self.t, p.family
        if p.age < 6 or p.german:
            return []
        who = "child" if p.age < 16 else "young" if p.age <= 26 and r() < 0.5 else "adult"
        offers = _SUPPORT[who]
        n = _SUPPORT_COUNT(r) if f.closed is None else int(r() < 0.5)
        out: list[SupportLink] = []
        seen = set()
        for _ in range(n):
            group, purpose = offers(r)
            orgs = self.groups[group]
            org = self._pick(orgs)
            if (org, purpose) in seen:
                continue
            seen.add((org, purpose))
            since = p.opened + int(r() * (f.ref - p.opened + 1))
            until = f.closed
            if until is None and r() < 0.15:
                until = since + int(r() * (t - since + 1))
            out.append(SupportLink(p.client.id, org, self._id(), purpose, _day(since), _day(until)))
            if len(orgs) > 1 and r() < 0.15:  # double support: two partners doing the same
                other = orgs[(orgs.index(org) + 1 + int(r() * (len(orgs) - 1))) % len(orgs)]
                if (other, purpose) in seen:
                    continue
                seen.add((other, purpose))
                later = since + int(r() * ((until or t) - since + 1))
                out.append(
                    SupportLink(p.client.id, other, self._id(), purpose, _day(later), _day(until))
                )
        return out
