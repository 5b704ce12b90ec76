"""The fixed vocabularies of integration work, each value with a German and an English label."""

from __future__ import annotations

from enum import StrEnum

from desktop.domain.errors import InvalidInput


class Catalogue(StrEnum):
    """A closed list of values; labels live in LABELS, keyed by member."""

    def label(self, lang: str = "de") -> str:
        """The member's label in German ("de") or English ("en")."""
        de, en = LABELS[label_key(self)]
        return de if lang == "de" else en

    @classmethod
    def parse(cls, text: str, field: str) -> Catalogue:
        """The member whose value, or German or English label, is `text` (case-insensitive)."""
        wanted = text.strip().casefold()
        for member in cls:
            if wanted in (member.value, *(s.casefold() for s in LABELS[label_key(member)])):
                return member
        choices = ", ".join(m.value for m in cls)
        raise InvalidInput(
            field,
            f"'{text}' is not a known value for {field}; choose one of: {choices}.",
            f"'{text}' ist kein bekannter Wert für {field}; möglich sind: {choices}.",
        )


def label_key(member: Catalogue) -> tuple[type, str]:
    """The key of a member's labels: StrEnum members of different catalogues with the same
    value ("duldung", "other") compare equal, so the class must be part of the key."""
    return (type(member), member.value)


class ResidenceStatus(Catalogue):
    ASYLUM_PROCEDURE = "asylum_procedure"
    DULDUNG = "duldung"
    CHANCENAUFENTHALT = "chancenaufenthalt"
    ASYLUM_GRANTED = "asylum_granted"
    REFUGEE = "refugee"
    SUBSIDIARY = "subsidiary"
    DEPORTATION_BAN = "deportation_ban"
    TEMPORARY_PROTECTION = "temporary_protection"
    FIKTION = "fiktion"
    FAMILY = "family"
    WORK = "work"
    STUDY = "study"
    OTHER_PERMIT = "other_permit"
    SETTLEMENT = "settlement"
    EU = "eu"
    CITIZEN = "citizen"
    UNCLEAR = "unclear"


class FieldOfAction(Catalogue):
    LANGUAGE = "language"
    EDUCATION = "education"
    WORK = "work"
    HOUSING = "housing"
    HEALTH = "health"
    CHILDCARE = "childcare"
    RESIDENCE = "residence"
    FINANCES = "finances"
    MOBILITY = "mobility"
    PARTICIPATION = "participation"
    LEISURE = "leisure"


class DocumentKind(Catalogue):
    PASSPORT = "passport"
    ID_CARD = "id_card"
    BIRTH_CERTIFICATE = "birth_certificate"
    MARRIAGE_CERTIFICATE = "marriage_certificate"
    SCHOOL_CERTIFICATE = "school_certificate"
    VOCATIONAL_CERTIFICATE = "vocational_certificate"
    RECOGNITION_NOTICE = "recognition_notice"
    RESIDENCE_TITLE = "residence_title"
    DULDUNG = "duldung"
    LANGUAGE_CERTIFICATE = "language_certificate"
    INTEGRATION_COURSE = "integration_course"
    HEALTH_INSURANCE_CARD = "health_insurance_card"
    TAX_ID = "tax_id"
    BANK_ACCOUNT = "bank_account"
    RENTAL_CONTRACT = "rental_contract"
    REGISTRATION = "registration"
    OTHER = "other"


class DocumentStatus(Catalogue):
    MISSING = "missing"
    REQUESTED = "requested"
    COPY_ON_FILE = "copy_on_file"
    ORIGINAL_SEEN = "original_seen"
    IN_CUSTODY = "in_custody"
    RETURNED = "returned"
    EXPIRED = "expired"
    NOT_APPLICABLE = "not_applicable"


class AppointmentStatus(Catalogue):
    PLANNED = "planned"
    DONE = "done"
    MISSED = "missed"
    CANCELLED = "cancelled"


class Housing(Catalogue):
    RECEPTION_CENTRE = "reception_centre"
    COLLECTIVE = "collective"
    FOLLOW_UP = "follow_up"
    OWN_FLAT = "own_flat"
    WITH_FAMILY = "with_family"
    HOMELESS = "homeless"
    OTHER = "other"


class Sex(Catalogue):
    FEMALE = "female"
    MALE = "male"
    DIVERSE = "diverse"
    UNKNOWN = "unknown"


class PlanStatus(Catalogue):
    DRAFT = "draft"
    AGREED = "agreed"
    COMPLETED = "completed"
    ENDED = "ended"


class GoalStatus(Catalogue):
    OPEN = "open"
    REACHED = "reached"
    DROPPED = "dropped"


class MeasureStatus(Catalogue):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class Responsible(Catalogue):
    CLIENT = "client"
    COORDINATOR = "coordinator"
    ORGANISATION = "organisation"


class DeadlineKind(Catalogue):
    """What kind of date comes up on the agenda."""

    RESIDENCE_EXPIRY = "residence_expiry"
    CHANCENAUFENTHALT_END = "chancenaufenthalt_end"
    PLAN_REVIEW = "plan_review"
    DOCUMENT_EXPIRY = "document_expiry"
    CUSTODY_TOO_LONG = "custody_too_long"
    MEASURE_DUE = "measure_due"


class MarkStatus(Catalogue):
    """What the coordinator said about a deadline on the radar: done, or snoozed until a day."""

    DONE = "done"
    SNOOZED = "snoozed"


class ConsentScope(Catalogue):
    STORE = "store"
    SHARE_COLLEAGUES = "share_colleagues"
    SHARE_PARTNERS = "share_partners"


class HouseholdRole(Catalogue):
    HEAD = "head"
    PARTNER = "partner"
    CHILD = "child"
    PARENT = "parent"
    SIBLING = "sibling"
    OTHER = "other"


class OrganisationKind(Catalogue):
    JOBCENTER = "jobcenter"
    EMPLOYMENT_AGENCY = "employment_agency"
    IMMIGRATION_OFFICE = "immigration_office"
    SOCIAL_WELFARE_OFFICE = "social_welfare_office"
    YOUTH_OFFICE = "youth_office"
    WELFARE_ASSOCIATION = "welfare_association"
    MIGRATION_COUNSELLING = "migration_counselling"
    LANGUAGE_SCHOOL = "language_school"
    SCHOOL = "school"
    KINDERGARTEN = "kindergarten"
    HEALTH = "health"
    HOUSING = "housing"
    EMPLOYER = "employer"
    RECOGNITION_OFFICE = "recognition_office"
    CLUB = "club"
    VOLUNTEER = "volunteer"
    OTHER = "other"


LABELS: dict[tuple[type, str], tuple[str, str]] = {
    # German legal terms with no English equivalent keep their name in English, glossed
    label_key(ResidenceStatus.ASYLUM_PROCEDURE): (
        "Aufenthaltsgestattung (Asylverfahren)",
        "Aufenthaltsgestattung (stay during the asylum procedure)",
    ),
    label_key(ResidenceStatus.DULDUNG): (
        "Duldung (§ 60a AufenthG)",
        "Duldung (deportation suspended, § 60a)",
    ),
    label_key(ResidenceStatus.CHANCENAUFENTHALT): (
        "Chancen-Aufenthaltsrecht (§ 104c AufenthG)",
        "Opportunity residence (§ 104c)",
    ),
    label_key(ResidenceStatus.ASYLUM_GRANTED): (
        "Asylberechtigung (§ 25 Abs. 1 AufenthG)",
        "Asylum granted (§ 25(1))",
    ),
    label_key(ResidenceStatus.REFUGEE): (
        "Flüchtlingseigenschaft (§ 25 Abs. 2 AufenthG)",
        "Refugee status (§ 25(2))",
    ),
    label_key(ResidenceStatus.SUBSIDIARY): (
        "Subsidiärer Schutz (§ 25 Abs. 2 AufenthG)",
        "Subsidiary protection (§ 25(2))",
    ),
    label_key(ResidenceStatus.DEPORTATION_BAN): (
        "Abschiebungsverbot (§ 25 Abs. 3 AufenthG)",
        "Ban on deportation (§ 25(3))",
    ),
    label_key(ResidenceStatus.TEMPORARY_PROTECTION): (
        "Vorübergehender Schutz (§ 24 AufenthG)",
        "Temporary protection (§ 24)",
    ),
    label_key(ResidenceStatus.FIKTION): (
        "Fiktionsbescheinigung",
        "Fiktionsbescheinigung (provisional permit)",
    ),
    label_key(ResidenceStatus.FAMILY): (
        "Aufenthaltserlaubnis Familiennachzug",
        "Family reunification permit",
    ),
    label_key(ResidenceStatus.WORK): (
        "Aufenthaltserlaubnis Erwerbstätigkeit",
        "Residence permit for work",
    ),
    label_key(ResidenceStatus.STUDY): (
        "Aufenthaltserlaubnis Ausbildung/Studium",
        "Residence permit for training/study",
    ),
    label_key(ResidenceStatus.OTHER_PERMIT): (
        "Aufenthaltserlaubnis (sonstige)",
        "Residence permit (other)",
    ),
    label_key(ResidenceStatus.SETTLEMENT): ("Niederlassungserlaubnis", "Settlement permit"),
    label_key(ResidenceStatus.EU): ("EU-Freizügigkeit", "EU free movement"),
    label_key(ResidenceStatus.CITIZEN): ("Deutsche Staatsangehörigkeit", "German citizenship"),
    label_key(ResidenceStatus.UNCLEAR): ("Ungeklärt", "Unclear"),
    label_key(FieldOfAction.LANGUAGE): ("Sprache", "Language"),
    label_key(FieldOfAction.EDUCATION): (
        "Bildung und Anerkennung",
        "Education and recognition of qualifications",
    ),
    label_key(FieldOfAction.WORK): ("Arbeit und Ausbildung", "Work and training"),
    label_key(FieldOfAction.HOUSING): ("Wohnen", "Housing"),
    label_key(FieldOfAction.HEALTH): ("Gesundheit", "Health"),
    label_key(FieldOfAction.CHILDCARE): ("Kinderbetreuung und Schule", "Childcare and school"),
    label_key(FieldOfAction.RESIDENCE): ("Aufenthalt und Recht", "Residence and legal matters"),
    label_key(FieldOfAction.FINANCES): ("Finanzen und Schulden", "Finances and debt"),
    label_key(FieldOfAction.MOBILITY): ("Mobilität", "Mobility"),
    label_key(FieldOfAction.PARTICIPATION): ("Gesellschaftliche Teilhabe", "Social participation"),
    label_key(FieldOfAction.LEISURE): ("Freizeit, Sport und Kultur", "Leisure, sport and culture"),
    label_key(DocumentKind.PASSPORT): ("Reisepass", "Passport"),
    label_key(DocumentKind.ID_CARD): ("Personalausweis / ID-Karte", "Identity card"),
    label_key(DocumentKind.BIRTH_CERTIFICATE): ("Geburtsurkunde", "Birth certificate"),
    label_key(DocumentKind.MARRIAGE_CERTIFICATE): ("Heiratsurkunde", "Marriage certificate"),
    label_key(DocumentKind.SCHOOL_CERTIFICATE): ("Schulzeugnis", "School certificate"),
    label_key(DocumentKind.VOCATIONAL_CERTIFICATE): (
        "Berufs- oder Hochschulabschluss",
        "Vocational or university certificate",
    ),
    label_key(DocumentKind.RECOGNITION_NOTICE): ("Anerkennungsbescheid", "Recognition notice"),
    label_key(DocumentKind.RESIDENCE_TITLE): ("Aufenthaltstitel", "Residence title"),
    label_key(DocumentKind.DULDUNG): ("Duldungsbescheinigung", "Duldung certificate"),
    label_key(DocumentKind.LANGUAGE_CERTIFICATE): ("Sprachzertifikat", "Language certificate"),
    label_key(DocumentKind.INTEGRATION_COURSE): (
        "Bescheinigung Integrationskurs",
        "Integration course certificate",
    ),
    label_key(DocumentKind.HEALTH_INSURANCE_CARD): ("Gesundheitskarte", "Health insurance card"),
    label_key(DocumentKind.TAX_ID): ("Steuer-Identifikationsnummer", "Tax ID"),
    label_key(DocumentKind.BANK_ACCOUNT): ("Bankkonto", "Bank account"),
    label_key(DocumentKind.RENTAL_CONTRACT): ("Mietvertrag", "Rental contract"),
    label_key(DocumentKind.REGISTRATION): ("Meldebescheinigung", "Registration certificate"),
    label_key(DocumentKind.OTHER): ("Sonstiges Dokument", "Other document"),
    label_key(DocumentStatus.MISSING): ("fehlt", "missing"),
    label_key(DocumentStatus.REQUESTED): ("beantragt", "requested"),
    label_key(DocumentStatus.COPY_ON_FILE): ("Kopie liegt vor", "copy on file"),
    label_key(DocumentStatus.ORIGINAL_SEEN): ("Original gesehen", "original seen"),
    label_key(DocumentStatus.IN_CUSTODY): ("Original in Verwahrung", "original in custody"),
    label_key(DocumentStatus.RETURNED): ("zurückgegeben", "returned"),
    label_key(DocumentStatus.EXPIRED): ("abgelaufen", "expired"),
    label_key(DocumentStatus.NOT_APPLICABLE): ("nicht erforderlich", "not applicable"),
    label_key(AppointmentStatus.PLANNED): ("geplant", "planned"),
    label_key(AppointmentStatus.DONE): ("wahrgenommen", "kept"),
    label_key(AppointmentStatus.MISSED): ("versäumt", "missed"),
    label_key(AppointmentStatus.CANCELLED): ("abgesagt", "cancelled"),
    label_key(Housing.RECEPTION_CENTRE): ("Erstaufnahmeeinrichtung", "Initial reception centre"),
    label_key(Housing.COLLECTIVE): ("Gemeinschaftsunterkunft", "Collective accommodation"),
    label_key(Housing.FOLLOW_UP): ("Anschlussunterbringung", "Follow-up accommodation"),
    label_key(Housing.OWN_FLAT): ("Eigene Wohnung", "Own flat"),
    label_key(Housing.WITH_FAMILY): ("Bei Familie oder Bekannten", "With family or friends"),
    label_key(Housing.HOMELESS): ("Ohne Wohnung", "Without housing"),
    label_key(Housing.OTHER): ("Sonstiges", "Other"),
    label_key(Sex.FEMALE): ("weiblich", "female"),
    label_key(Sex.MALE): ("männlich", "male"),
    label_key(Sex.DIVERSE): ("divers", "diverse"),
    label_key(Sex.UNKNOWN): ("ohne Angabe", "not stated"),
    label_key(PlanStatus.DRAFT): ("Entwurf", "draft"),
    label_key(PlanStatus.AGREED): ("vereinbart", "agreed"),
    label_key(PlanStatus.COMPLETED): ("abgeschlossen", "completed"),
    label_key(PlanStatus.ENDED): ("beendet", "ended"),
    label_key(GoalStatus.OPEN): ("offen", "open"),
    label_key(GoalStatus.REACHED): ("erreicht", "reached"),
    label_key(GoalStatus.DROPPED): ("aufgegeben", "dropped"),
    label_key(MeasureStatus.PLANNED): ("geplant", "planned"),
    label_key(MeasureStatus.IN_PROGRESS): ("läuft", "in progress"),
    label_key(MeasureStatus.DONE): ("erledigt", "done"),
    label_key(MeasureStatus.DROPPED): ("entfallen", "dropped"),
    label_key(Responsible.CLIENT): ("Klient/in", "client"),
    label_key(Responsible.COORDINATOR): ("Koordinator/in", "coordinator"),
    label_key(Responsible.ORGANISATION): ("Partnerorganisation", "partner organisation"),
    label_key(ConsentScope.STORE): ("Speichern", "store"),
    label_key(ConsentScope.SHARE_COLLEAGUES): (
        "Weitergabe an Kolleg/innen",
        "share with colleagues",
    ),
    label_key(ConsentScope.SHARE_PARTNERS): (
        "Weitergabe an benannte Partner",
        "share with named partner organisations",
    ),
    label_key(HouseholdRole.HEAD): ("Haushaltsvorstand", "head of household"),
    label_key(HouseholdRole.PARTNER): ("Partner/in", "partner"),
    label_key(HouseholdRole.CHILD): ("Kind", "child"),
    label_key(HouseholdRole.PARENT): ("Elternteil", "parent"),
    label_key(HouseholdRole.SIBLING): ("Geschwister", "sibling"),
    label_key(HouseholdRole.OTHER): ("Sonstige/r", "other"),
    label_key(OrganisationKind.JOBCENTER): ("Jobcenter", "Jobcenter"),
    label_key(OrganisationKind.EMPLOYMENT_AGENCY): ("Agentur für Arbeit", "Employment agency"),
    label_key(OrganisationKind.IMMIGRATION_OFFICE): ("Ausländerbehörde", "Immigration office"),
    label_key(OrganisationKind.SOCIAL_WELFARE_OFFICE): ("Sozialamt", "Social welfare office"),
    label_key(OrganisationKind.YOUTH_OFFICE): ("Jugendamt", "Youth welfare office"),
    label_key(OrganisationKind.WELFARE_ASSOCIATION): ("Wohlfahrtsverband", "Welfare association"),
    label_key(OrganisationKind.MIGRATION_COUNSELLING): (
        "Migrationsberatung",
        "Migration counselling",
    ),
    label_key(OrganisationKind.LANGUAGE_SCHOOL): ("Sprachkursträger", "Language school"),
    label_key(OrganisationKind.SCHOOL): ("Schule", "School"),
    label_key(OrganisationKind.KINDERGARTEN): ("Kita", "Day-care centre"),
    label_key(OrganisationKind.HEALTH): ("Gesundheitswesen", "Health care"),
    label_key(OrganisationKind.HOUSING): ("Wohnungswesen", "Housing"),
    label_key(OrganisationKind.EMPLOYER): ("Arbeitgeber", "Employer"),
    label_key(OrganisationKind.RECOGNITION_OFFICE): ("Anerkennungsstelle", "Recognition office"),
    label_key(OrganisationKind.CLUB): ("Verein", "Club or association"),
    label_key(OrganisationKind.VOLUNTEER): ("Ehrenamtliche/r", "Volunteer"),
    label_key(OrganisationKind.OTHER): ("Sonstige", "Other"),
    label_key(DeadlineKind.RESIDENCE_EXPIRY): (
        "Aufenthaltsstatus läuft ab",
        "Residence status expires",
    ),
    label_key(DeadlineKind.CHANCENAUFENTHALT_END): (
        "Chancen-Aufenthaltsrecht endet (§ 104c AufenthG)",
        "Opportunity residence ends (§ 104c)",
    ),
    label_key(DeadlineKind.PLAN_REVIEW): (
        "Überprüfung des Integrationsplans",
        "Integration plan review",
    ),
    label_key(DeadlineKind.DOCUMENT_EXPIRY): ("Dokument läuft ab", "Document expires"),
    label_key(DeadlineKind.CUSTODY_TOO_LONG): (
        "Original länger als 4 Wochen in Verwahrung",
        "Original held in custody over 4 weeks",
    ),
    label_key(DeadlineKind.MEASURE_DUE): ("Maßnahme fällig", "Measure due"),
    label_key(MarkStatus.DONE): ("Erledigt", "Done"),
    label_key(MarkStatus.SNOOZED): ("Zurückgestellt", "Snoozed"),
}

# Statuses whose papers run out and must be renewed at the immigration office.
EXPIRING_STATUSES = frozenset(ResidenceStatus) - {
    ResidenceStatus.SETTLEMENT,
    ResidenceStatus.EU,
    ResidenceStatus.CITIZEN,
    ResidenceStatus.UNCLEAR,
}

# Document statuses that count as "we have what we need" for checklist completeness.
DOCUMENT_PRESENT = frozenset(
    {
        DocumentStatus.COPY_ON_FILE,
        DocumentStatus.ORIGINAL_SEEN,
        DocumentStatus.IN_CUSTODY,
        DocumentStatus.RETURNED,
    }
)
