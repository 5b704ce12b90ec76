"""Plans: goals per field of action with their usual steps, appointments' purposes, and the
wording coordinators wrote for the free-text steps in clients' languages.

Most goals, steps and appointment purposes are phrases of the shipped catalogue ("@" and the
phrase's key): the item carries the key and the phrase's German text as its title, and prints in
every language the catalogue has. The rest is free text, as coordinators write it; some of it
has the client's wording beside it (`_OWN_TEXT_TABLE`), the rest none (the print names it).

The catalogue lives in the report layer, which this package must not import: `generate` is
handed the phrases (key -> field of action, kind, German) and `_resolve_tables` turns the tables
below into ready tuples once per run, so choosing an item costs no more than a list index.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desktop.demo.tables import _W, _rows, _weights
from desktop.domain.catalogues import FieldOfAction, Responsible
from desktop.domain.catalogues import FieldOfAction as FA

# The catalogue's case-work phrases as `generate` receives them: key -> (field of action, kind
# ("goal", "measure", "appointment", "request"), German text).
Phrases = Mapping[str, tuple[FieldOfAction, str, str]]

# ---------------------------------------------------------------------------------------------
# Plans: goals per field of action ("*" lines: titles), each with its usual steps: who (Client,
# coordinator "K", Organisation), the partner group ("-": none), the step | its outcome.
# "@key" is a phrase of the catalogue (of the goal's field; goals' titles of kind "goal", steps
# of kind "measure"); anything else is free text. The first steps are the ones plans take up.

_GOAL_TABLE = """
b1 language
  * @goal.language.course_b1
  * @goal.language.integration_course
  K -    @measure.language.eligibility_apply | Berechtigungsschein liegt vor.
  C lang @measure.language.course_register | Angemeldet, Kursbeginn steht fest.
  C lang Sprachkurs regelmäßig besuchen | Regelmäßige Teilnahme bestätigt.
  C lang @measure.language.exam_register | Prüfung mit B1 bestanden.
b2 language
  * @goal.language.job_german
  * Deutsch auf B2-Niveau
  O jc   Zuweisung zum Berufssprachkurs | Zuweisung liegt vor.
  C lang @measure.language.course_register | Angemeldet.
  C cafe @measure.language.language_cafe | Geht regelmäßig hin.
  C lang Sprachkurs regelmäßig besuchen | Regelmäßige Teilnahme bestätigt.
alpha language
  * @goal.language.literacy
  K lang @measure.language.course_with_childcare | Kurs mit Kinderbetreuung gefunden.
  C lang @measure.language.course_register | Angemeldet.
  C lang Sprachkurs regelmäßig besuchen | Regelmäßige Teilnahme bestätigt.
  O vol  Lernpatenschaft vermitteln | Lernpatin kommt wöchentlich.
recognition education
  * @goal.education.recognition
  * @goal.education.school_certificate
  * Anerkennung des Abschlusses als Pflegefachkraft
  C -    @measure.education.translate_certificates | Beglaubigte Übersetzungen liegen vor.
  C iq   @measure.education.recognition_advice | Zuständige Stelle geklärt.
  C iq   @measure.education.recognition_apply | Antrag eingereicht.
  K iq   Anpassungslehrgang klären | Teilanerkennung, Anpassungslehrgang empfohlen.
school_adult education
  * @goal.education.school_leaving_later
  K -    Beratung zu Kursen für den Schulabschluss | Kurs an der VHS ausgewählt.
  C lang @measure.education.adult_school | Angemeldet.
  C lang Kurs regelmäßig besuchen | Regelmäßige Teilnahme.
apprentice work
  * @goal.work.apprenticeship
  C -    @measure.work.cv | Lebenslauf fertig.
  O aa   @measure.work.careers_advice | Berufswunsch geklärt.
  C employer Praktikum in einem Betrieb | Praktikum abgeschlossen, Betrieb zufrieden.
  C -    @measure.work.applications | Drei Bewerbungen verschickt.
job work
  * @goal.work.job
  * @goal.work.own_income
  * Arbeitsstelle in der Pflege finden
  C -    @measure.work.jobcenter_register | Arbeitsuchend gemeldet.
  C -    @measure.work.applications | Bewerbungsmappe fertig.
  O jc   Vermittlungsgespräch im Jobcenter | Vermittlungsvorschläge erhalten.
  O employer Probearbeit vereinbaren | Probearbeit erfolgreich.
permit work
  * @goal.work.work_permit
  C -    @measure.work.applications | Stellenzusage liegt vor.
  K abh  @measure.work.work_permit_apply | Antrag gestellt.
  K -    Entscheidung der Ausländerbehörde nachhalten | Erlaubnis erteilt.
flat housing
  * @goal.housing.own_flat
  * @goal.housing.leave_shared_accommodation
  C -    @measure.housing.wbs_apply | WBS erteilt.
  C wbg  @measure.housing.housing_companies | Auf der Warteliste.
  C jc   @measure.housing.move_consent | Zustimmung liegt vor.
  C -    @measure.housing.adverts | Mietvertrag unterschrieben.
gp health
  * @goal.health.family_doctor
  * @goal.health.vaccinations
  C gp   @measure.health.find_doctor | Hausarztpraxis gefunden.
  O gp   @measure.health.vaccination_check | Impfungen nachgeholt.
psz health
  * @goal.health.psychological_help
  C psz  @measure.health.psychosocial_centre | Erstgespräch vereinbart.
  K -    Wartezeit mit Beratungsgesprächen überbrücken | Gespräche vereinbart.
kita childcare
  * @goal.childcare.kita_place
  C -    @measure.childcare.kita_register | Anmeldung bestätigt.
  K jug  @measure.childcare.kita_claim | Platz zugesagt.
  C kita Besichtigung der Kita | Kita besichtigt.
  C kita Betreuungsvertrag unterschreiben | Vertrag unterschrieben.
schoolreg childcare
  * @goal.childcare.school
  C school @measure.childcare.school_register | Kinder angemeldet.
  K jc   @measure.childcare.education_package | Antrag bewilligt.
  O vol  Schulmaterial organisieren | Schulmaterial besorgt.
residence residence
  * @goal.residence.permit_extended
  * @goal.residence.secure_status
  C abh  Termin bei der Ausländerbehörde buchen | Termin steht.
  C abh  @measure.residence.extension_apply | Fiktionsbescheinigung erhalten.
  K -    Nachweise für die Verlängerung zusammenstellen | Nachweise vollständig.
  C abh  Neuen Aufenthaltstitel abholen | Titel abgeholt.
identity residence
  * @goal.residence.valid_passport
  C -    @measure.residence.embassy_passport | Pass beantragt.
  C abh  @measure.residence.identity_documents | Nachweise abgegeben.
25b residence
  * @goal.residence.chancen_to_permit
  * Bleiberecht nach § 25b AufenthG erreichen
  C mbe  @measure.residence.legal_advice | Voraussetzungen geprüft.
  C -    Nachweise zu Arbeit und Sprache sammeln | Nachweise vollständig.
  K abh  Antrag bei der Ausländerbehörde stellen | Antrag gestellt.
settle residence
  * @goal.residence.settlement_permit
  C mbe  @measure.residence.legal_advice | Voraussetzungen geprüft.
  C -    Rentenversicherungsverlauf anfordern | Verlauf liegt vor.
  C lang Test „Leben in Deutschland“ ablegen | Test bestanden.
  K abh  Antrag bei der Ausländerbehörde stellen | Antrag gestellt.
citizen residence
  * @goal.residence.naturalisation
  C lang @measure.residence.naturalisation_test | Test bestanden.
  O abh  Beratung bei der Einbürgerungsbehörde | Unterlagenliste erhalten.
  C abh  Antrag auf Einbürgerung stellen | Antrag eingereicht.
reunion residence
  * @goal.residence.family_reunion
  C mbe  @measure.residence.legal_advice | Ablauf erklärt.
  C -    Unterlagen für die Botschaft zusammenstellen | Unterlagen vollständig.
  C -    Termin bei der Botschaft buchen | Termin steht.
money finances
  * @goal.finances.budget
  * @goal.finances.reduce_debt
  C -    @measure.finances.basic_account | Konto eröffnet.
  C debt @measure.finances.debt_counselling | Beratung läuft.
  C -    @measure.finances.collect_letters | Briefe sortiert und besprochen.
  K -    Haushaltsplan erstellen | Haushaltsplan besprochen.
drive mobility
  * @goal.mobility.driving_licence
  C -    @measure.mobility.driving_school | Angemeldet.
  O jc   Förderung über das Jobcenter klären | Förderung bewilligt.
  C -    Theorieprüfung ablegen | Theorieprüfung bestanden.
ticket mobility
  * @goal.mobility.public_transport
  * @goal.mobility.cycling
  C -    @measure.mobility.deutschlandticket | Ticket liegt vor.
  C club @measure.mobility.cycling_course | Kurs abgeschlossen.
contacts participation
  * @goal.participation.neighbourhood
  * @goal.participation.mentor
  K vol  @measure.participation.mentoring_programme | Patenschaft besteht.
  C cafe @measure.participation.meeting_cafe | Besucht das Café regelmäßig.
sport leisure
  * @goal.leisure.sports_club
  C club @measure.leisure.trial_training | Probetraining gemacht.
  K jc   @measure.leisure.club_fee | Beitrag bewilligt.
kita_child childcare
  * @goal.childcare.kita_place
  * @goal.childcare.language_support
  * Eingewöhnung in der Kita
  C -    @measure.childcare.kita_register | Anmeldung bestätigt.
  O kita Eingewöhnungsgespräch mit der Kita | Eingewöhnung abgeschlossen.
  C paed Vorsorgeuntersuchung beim Kinderarzt | Untersuchung ohne Befund.
school_child childcare
  * @goal.childcare.school_support
  * @goal.childcare.language_support
  * Übergang in die Regelklasse
  K school @measure.childcare.school_register | Schulplatz zugewiesen.
  O vol  @measure.childcare.tutoring | Hausaufgabenhilfe zweimal pro Woche.
  O school Übergang in die Regelklasse besprechen | Wechsel zum Halbjahr.
"""
_WHO = {"C": Responsible.CLIENT, "K": Responsible.COORDINATOR, "O": Responsible.ORGANISATION}

# Appointments by who goes (adult, school child, small child): the partner group ("-": in the
# welcome centre) | the purpose ("@key": a phrase of kind "appointment") | outcome | weight.
_VISIT_TABLE = """
adult | - | Beratungsgespräch im Welcome-Center | Integrationsplan besprochen. | 12
adult | jc | @appt.work.jobcenter | Kooperationsplan vereinbart. | 12
adult | jc | Weiterbewilligungsantrag abgeben | Antrag abgegeben. | 3
adult | abh | @appt.residence.extension | Fiktionsbescheinigung ausgestellt. | 10
adult | abh | @appt.residence.collect_title | Titel abgeholt. | 5
adult | lang | @appt.language.placement_test | Einstufung A2, Kurs ab nächstem Monat. | 6
adult | aa | @appt.work.careers_advice | Interesse an einer Ausbildung im Handwerk. | 4
adult | iq | @appt.education.recognition_advice | Antrag auf Anerkennung vorbereitet. | 3
adult | gp | @appt.health.doctor |  | 6
adult | wbg | @appt.housing.viewing | Wohnung zugesagt. | 4
adult | soz | @appt.finances.social_office | Antrag abgegeben. | 3
adult | mbe | Migrationsberatung |  | 5
small | paed | Vorsorgeuntersuchung beim Kinderarzt | Ohne Befund. | 3
small | kita | @appt.childcare.kita_visit | Platz ab nächstem Monat zugesagt. | 3
small | paed | @appt.health.doctor | Ohne Befund. | 2
small | - | Beratungsgespräch im Welcome-Center |  | 1
school | paed | @appt.health.doctor | Ohne Befund. | 3
school | school | @appt.childcare.teacher_meeting | Gute Fortschritte in Deutsch. | 4
school | jmd | Beratung im Jugendmigrationsdienst |  | 1
"""

# Free texts as coordinators wrote them with the interpreter beside them: the German, then the
# wording per language ("\u200c" is the Persian zero-width non-joiner, as in "ثبت‌نام").
_OWN_TEXT_TABLE = """
Sprachkurs regelmäßig besuchen
  ar حضور دورة اللغة بانتظام
  uk Регулярно відвідувати мовний курс
  ru Регулярно посещать языковой курс
  tr Dil kursuna düzenli olarak katılmak
  fa شرکت منظم در کلاس زبان
  fr Suivre régulièrement le cours de langue
  en Attend the language course regularly
  kmr Bi rêkûpêkî beşdarî qursa zimên bûn
  ckb بەشداربوونی بەردەوام لە خولی زمان
  so Si joogto ah uga qaybgal koorsada luqadda
  ti ኣብ ኮርስ ቋንቋ ብስሩዕ ምስታፍ
  ps په منظم ډول د ژبې کورس ته تلل
Termin bei der Ausländerbehörde buchen
  ar حجز موعد في دائرة الأجانب
  uk Записатися на прийом до відомства у справах іноземців
  ru Записаться на приём в ведомство по делам иностранцев
  tr Yabancılar Dairesi'nden randevu almak
  fa گرفتن وقت از اداره اتباع خارجی
  fr Prendre rendez-vous au service des étrangers
  en Book an appointment at the immigration office
  kmr Li Ausländerbehördeyê (daîreya biyaniyan) randevû girtin
  ckb وەرگرتنی ژوان لە فەرمانگەی بیانییەکان (Ausländerbehörde)
  so Ballan ka qabso Ausländerbehörde (xafiiska ajaanibta)
  ti ኣብ Ausländerbehörde (ቤት ጽሕፈት ወጻእተኛታት) ቆጸራ ምሓዝ
  ps د بهرنیانو په اداره (Ausländerbehörde) کې د ملاقات وخت اخیستل
Beratungsgespräch im Welcome-Center
  ar جلسة استشارة في مركز الترحيب (Welcome-Center)
  uk Консультація у Welcome-Center
  ru Консультация в Welcome-Center
  tr Welcome-Center'da danışma görüşmesi
  fa جلسه مشاوره در مرکز خوشامدگویی (Welcome-Center)
  fr Entretien de conseil au Welcome-Center
  en Counselling session at the Welcome Centre
  kmr Şêwirdarî li Welcome-Centerê
  ckb دانیشتنی ڕاوێژکاری لە Welcome-Center
  so Kulan la-talin ah oo ka dhaca Welcome-Center-ka
  ti ምኽሪ ኣብ Welcome-Center
  ps په Welcome-Center کې د مشورې ناسته
Praktikum in einem Betrieb
  ar تدريب عملي في شركة
  uk Практика на підприємстві
  ru Практика на предприятии
  tr Bir işletmede staj yapmak
  fa کارآموزی در یک شرکت
  fr Faire un stage en entreprise
  en Do a work placement in a company
"""
# The wording used for a client's first language when the table has it under another code
# (Dari speakers read the Persian).
_WORDING_OF = {"prs": "fa"}
# How many of a goal's usual steps a plan takes up.
_STEP_COUNT = _weights("1 20 2 40 3 40", int)
# How often a free-text item of a client who needs texts has the coordinator's wording beside
# it, where the table has it in the client's language.
_OWN_TEXT_SHARE = 0.7

_Own = Mapping[str, str]  # language code -> the coordinator's wording of a free text
# title, phrase key ("": free text), who, partner group, outcome, own wording
_Step = tuple[str, str, Responsible, str, str, _Own]
_Title = tuple[str, str, _Own]  # title, phrase key, own wording


@dataclass(frozen=True)
class _PlanTables:
    """The tables above with their phrases looked up: what the generator picks from."""

    goals: dict[str, tuple[FieldOfAction, tuple[_Title, ...], tuple[_Step, ...]]]
    visits: dict[str, _W]  # who -> weighted (group, purpose, phrase key, outcome, own wording)
    # the catalogue's phrase keys by (field of action, kind), and each one's German
    by_field_kind: dict[tuple[FieldOfAction, str], tuple[str, ...]]
    german: dict[str, str]


def _load_own_text() -> dict[str, dict[str, str]]:
    texts: dict[str, dict[str, str]] = {}
    wording: dict[str, str] = {}
    for line in _OWN_TEXT_TABLE.strip().splitlines():
        if line.startswith(" "):
            code, text = line.split(maxsplit=1)
            wording[code] = text
        else:
            wording = texts[line] = {}
    return texts


_OWN_TEXT = _load_own_text()
_NO_TEXT: _Own = {}


def _lookup(ref: str, field: FieldOfAction | None, kind: str, phrases: Phrases) -> _Title:
    """(German, phrase key, own wording) of a table's item: "@key" is a phrase of the catalogue
    that must be of `kind` (and of `field` if given); anything else is free text."""
    if not ref.startswith("@"):
        return ref, "", _OWN_TEXT.get(ref, _NO_TEXT)
    key = ref[1:]
    found = phrases.get(key)
    if found is None:
        raise ValueError(f"the demo's phrase {key!r} is not in the catalogue")
    got_field, got_kind, german = found
    if got_kind != kind or (field is not None and got_field is not field):
        raise ValueError(
            f"the demo uses {key!r} as a {kind} of {field}, the catalogue has a {got_kind} "
            f"of {got_field}"
        )
    return german, key, _NO_TEXT


def _resolve_tables(phrases: Phrases) -> _PlanTables:
    """The goal and visit tables with every "@key" replaced by the catalogue's phrase."""
    raw: dict[str, tuple[FieldOfAction, list[_Title], list[_Step]]] = {}
    titles: list[_Title] = []
    steps: list[_Step] = []
    field_of_action = FA.LANGUAGE
    for line in _GOAL_TABLE.strip().splitlines():
        if not line.startswith(" "):
            name, value = line.split()
            field_of_action = FA(value)
            titles, steps = [], []
            raw[name] = (field_of_action, titles, steps)
        elif line.startswith("  * "):
            titles.append(_lookup(line[4:], field_of_action, "goal", phrases))
        else:
            who, group, rest = line.split(maxsplit=2)
            ref, _, outcome = rest.partition(" | ")
            title, key, own = _lookup(ref, field_of_action, "measure", phrases)
            steps.append((title, key, _WHO[who], group.strip("-"), outcome, own))
    goals = {name: (f, tuple(t), tuple(s)) for name, (f, t, s) in raw.items()}
    pairs: dict[str, list[tuple[Any, float]]] = {}
    for who, group, ref, outcome, weight in _rows(_VISIT_TABLE):
        purpose, key, own = _lookup(ref, None, "appointment", phrases)
        item = (group.strip("-"), purpose, key, outcome, own)
        pairs.setdefault(who, []).append((item, float(weight)))
    visits = {who: _W(*p) for who, p in pairs.items()}
    by_field_kind: dict[tuple[FieldOfAction, str], list[str]] = {}
    for key, (fld, kind, _german) in phrases.items():
        by_field_kind.setdefault((fld, kind), []).append(key)
    return _PlanTables(
        goals,
        visits,
        {k: tuple(v) for k, v in by_field_kind.items()},
        {key: german for key, (_fld, _kind, german) in phrases.items()},
    )
