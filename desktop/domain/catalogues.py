"""The fixed vocabularies of integration work, each value with a German and an English label."""

from __future__ import annotations

from enum import StrEnum

from desktop.domain.errors import InvalidInput


class Catalogue(StrEnum):
    """A closed list of values; labels live in LABELS, keyed by member."""

    def label(self, lang: str = "de") -> str:
        """The member's label in German ("de") or English ("en")."""
        de, en = LABELS[self]
        return de if lang == "de" else en

    @classmethod
    def parse(cls, text: str, field: str) -> Catalogue:
        """The member whose value, or German or English label, is `text` (case-insensitive)."""
        wanted = text.strip().casefold()
        for member in cls:
            if wanted in (member.value, *(s.casefold() for s in LABELS[member])):
                return member
        choices = ", ".join(m.value for m in cls)
        raise InvalidInput(
            field,
            f"'{text}' is not a known value for {field}; choose one of: {choices}.",
            f"'{text}' ist kein bekannter Wert für {field}; möglich sind: {choices}.",
        )


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


LABELS: dict[Catalogue, tuple[str, str]] = {
    ResidenceStatus.ASYLUM_PROCEDURE: (
        "Aufenthaltsgestattung (Asylverfahren)", "Permission to stay (asylum procedure)"),
    ResidenceStatus.DULDUNG: ("Duldung (§ 60a AufenthG)", "Toleration (Duldung, § 60a)"),
    ResidenceStatus.CHANCENAUFENTHALT: (
        "Chancen-Aufenthaltsrecht (§ 104c AufenthG)", "Opportunity residence (§ 104c)"),
    ResidenceStatus.ASYLUM_GRANTED: (
        "Asylberechtigung (§ 25 Abs. 1 AufenthG)", "Asylum granted (§ 25(1))"),
    ResidenceStatus.REFUGEE: (
        "Flüchtlingseigenschaft (§ 25 Abs. 2 AufenthG)", "Refugee status (§ 25(2))"),
    ResidenceStatus.SUBSIDIARY: (
        "Subsidiärer Schutz (§ 25 Abs. 2 AufenthG)", "Subsidiary protection (§ 25(2))"),
    ResidenceStatus.DEPORTATION_BAN: (
        "Abschiebungsverbot (§ 25 Abs. 3 AufenthG)", "Ban on deportation (§ 25(3))"),
    ResidenceStatus.TEMPORARY_PROTECTION: (
        "Vorübergehender Schutz (§ 24 AufenthG)", "Temporary protection (§ 24)"),
    ResidenceStatus.FIKTION: ("Fiktionsbescheinigung", "Fictional certificate (Fiktion)"),
    ResidenceStatus.FAMILY: ("Aufenthaltserlaubnis Familiennachzug", "Family reunification permit"),
    ResidenceStatus.WORK: ("Aufenthaltserlaubnis Erwerbstätigkeit", "Residence permit for work"),
    ResidenceStatus.STUDY: (
        "Aufenthaltserlaubnis Ausbildung/Studium", "Residence permit for training/study"),
    ResidenceStatus.OTHER_PERMIT: ("Aufenthaltserlaubnis (sonstige)", "Residence permit (other)"),
    ResidenceStatus.SETTLEMENT: ("Niederlassungserlaubnis", "Settlement permit"),
    ResidenceStatus.EU: ("EU-Freizügigkeit", "EU free movement"),
    ResidenceStatus.CITIZEN: ("Deutsche Staatsangehörigkeit", "German citizenship"),
    ResidenceStatus.UNCLEAR: ("Ungeklärt", "Unclear"),
    FieldOfAction.LANGUAGE: ("Sprache", "Language"),
    FieldOfAction.EDUCATION: (
        "Bildung und Anerkennung", "Education and recognition of qualifications"),
    FieldOfAction.WORK: ("Arbeit und Ausbildung", "Work and training"),
    FieldOfAction.HOUSING: ("Wohnen", "Housing"),
    FieldOfAction.HEALTH: ("Gesundheit", "Health"),
    FieldOfAction.CHILDCARE: ("Kinderbetreuung und Schule", "Childcare and school"),
    FieldOfAction.RESIDENCE: ("Aufenthalt und Recht", "Residence and legal matters"),
    FieldOfAction.FINANCES: ("Finanzen und Schulden", "Finances and debt"),
    FieldOfAction.MOBILITY: ("Mobilität", "Mobility"),
    FieldOfAction.PARTICIPATION: ("Gesellschaftliche Teilhabe", "Social participation"),
    FieldOfAction.LEISURE: ("Freizeit, Sport und Kultur", "Leisure, sport and culture"),
    DocumentKind.PASSPORT: ("Reisepass", "Passport"),
    DocumentKind.ID_CARD: ("Personalausweis / ID-Karte", "Identity card"),
    DocumentKind.BIRTH_CERTIFICATE: ("Geburtsurkunde", "Birth certificate"),
    DocumentKind.MARRIAGE_CERTIFICATE: ("Heiratsurkunde", "Marriage certificate"),
    DocumentKind.SCHOOL_CERTIFICATE: ("Schulzeugnis", "School certificate"),
    DocumentKind.VOCATIONAL_CERTIFICATE: (
        "Berufs- oder Hochschulabschluss", "Vocational or university certificate"),
    DocumentKind.RECOGNITION_NOTICE: ("Anerkennungsbescheid", "Recognition notice"),
    DocumentKind.RESIDENCE_TITLE: ("Aufenthaltstitel", "Residence title"),
    DocumentKind.DULDUNG: ("Duldungsbescheinigung", "Duldung certificate"),
    DocumentKind.LANGUAGE_CERTIFICATE: ("Sprachzertifikat", "Language certificate"),
    DocumentKind.INTEGRATION_COURSE: (
        "Bescheinigung Integrationskurs", "Integration course certificate"),
    DocumentKind.HEALTH_INSURANCE_CARD: ("Gesundheitskarte", "Health insurance card"),
    DocumentKind.TAX_ID: ("Steuer-Identifikationsnummer", "Tax ID"),
    DocumentKind.BANK_ACCOUNT: ("Bankkonto", "Bank account"),
    DocumentKind.RENTAL_CONTRACT: ("Mietvertrag", "Rental contract"),
    DocumentKind.REGISTRATION: ("Meldebescheinigung", "Registration certificate"),
    DocumentKind.OTHER: ("Sonstiges Dokument", "Other document"),
    DocumentStatus.MISSING: ("fehlt", "missing"),
    DocumentStatus.REQUESTED: ("beantragt", "requested"),
    DocumentStatus.COPY_ON_FILE: ("Kopie liegt vor", "copy on file"),
    DocumentStatus.ORIGINAL_SEEN: ("Original gesehen", "original seen"),
    DocumentStatus.IN_CUSTODY: ("Original in Verwahrung", "original in custody"),
    DocumentStatus.RETURNED: ("zurückgegeben", "returned"),
    DocumentStatus.EXPIRED: ("abgelaufen", "expired"),
    DocumentStatus.NOT_APPLICABLE: ("nicht erforderlich", "not applicable"),
    AppointmentStatus.PLANNED: ("geplant", "planned"),
    AppointmentStatus.DONE: ("wahrgenommen", "kept"),
    AppointmentStatus.MISSED: ("versäumt", "missed"),
    AppointmentStatus.CANCELLED: ("abgesagt", "cancelled"),
    Housing.RECEPTION_CENTRE: ("Erstaufnahmeeinrichtung", "Initial reception centre"),
    Housing.COLLECTIVE: ("Gemeinschaftsunterkunft", "Collective accommodation"),
    Housing.FOLLOW_UP: ("Anschlussunterbringung", "Follow-up accommodation"),
    Housing.OWN_FLAT: ("Eigene Wohnung", "Own flat"),
    Housing.WITH_FAMILY: ("Bei Familie oder Bekannten", "With family or friends"),
    Housing.HOMELESS: ("Ohne Wohnung", "Without housing"),
    Housing.OTHER: ("Sonstiges", "Other"),
    Sex.FEMALE: ("weiblich", "female"),
    Sex.MALE: ("männlich", "male"),
    Sex.DIVERSE: ("divers", "diverse"),
    Sex.UNKNOWN: ("ohne Angabe", "not stated"),
    PlanStatus.DRAFT: ("Entwurf", "draft"),
    PlanStatus.AGREED: ("vereinbart", "agreed"),
    PlanStatus.COMPLETED: ("abgeschlossen", "completed"),
    PlanStatus.ENDED: ("beendet", "ended"),
    GoalStatus.OPEN: ("offen", "open"),
    GoalStatus.REACHED: ("erreicht", "reached"),
    GoalStatus.DROPPED: ("aufgegeben", "dropped"),
    MeasureStatus.PLANNED: ("geplant", "planned"),
    MeasureStatus.IN_PROGRESS: ("läuft", "in progress"),
    MeasureStatus.DONE: ("erledigt", "done"),
    MeasureStatus.DROPPED: ("entfallen", "dropped"),
    Responsible.CLIENT: ("Klient/in", "client"),
    Responsible.COORDINATOR: ("Koordinator/in", "coordinator"),
    Responsible.ORGANISATION: ("Partnerorganisation", "partner organisation"),
    ConsentScope.STORE: ("Speichern", "store"),
    ConsentScope.SHARE_COLLEAGUES: ("Weitergabe an Kolleg/innen", "share with colleagues"),
    ConsentScope.SHARE_PARTNERS: (
        "Weitergabe an benannte Partner", "share with named partner organisations"),
    HouseholdRole.HEAD: ("Haushaltsvorstand", "head of household"),
    HouseholdRole.PARTNER: ("Partner/in", "partner"),
    HouseholdRole.CHILD: ("Kind", "child"),
    HouseholdRole.PARENT: ("Elternteil", "parent"),
    HouseholdRole.SIBLING: ("Geschwister", "sibling"),
    HouseholdRole.OTHER: ("Sonstige/r", "other"),
    OrganisationKind.JOBCENTER: ("Jobcenter", "Jobcenter"),
    OrganisationKind.EMPLOYMENT_AGENCY: ("Agentur für Arbeit", "Employment agency"),
    OrganisationKind.IMMIGRATION_OFFICE: ("Ausländerbehörde", "Immigration office"),
    OrganisationKind.SOCIAL_WELFARE_OFFICE: ("Sozialamt", "Social welfare office"),
    OrganisationKind.YOUTH_OFFICE: ("Jugendamt", "Youth welfare office"),
    OrganisationKind.WELFARE_ASSOCIATION: ("Wohlfahrtsverband", "Welfare association"),
    OrganisationKind.MIGRATION_COUNSELLING: ("Migrationsberatung", "Migration counselling"),
    OrganisationKind.LANGUAGE_SCHOOL: ("Sprachkursträger", "Language school"),
    OrganisationKind.SCHOOL: ("Schule", "School"),
    OrganisationKind.KINDERGARTEN: ("Kita", "Day-care centre"),
    OrganisationKind.HEALTH: ("Gesundheitswesen", "Health care"),
    OrganisationKind.HOUSING: ("Wohnungswesen", "Housing"),
    OrganisationKind.EMPLOYER: ("Arbeitgeber", "Employer"),
    OrganisationKind.RECOGNITION_OFFICE: ("Anerkennungsstelle", "Recognition office"),
    OrganisationKind.CLUB: ("Verein", "Club or association"),
    OrganisationKind.VOLUNTEER: ("Ehrenamtliche/r", "Volunteer"),
    OrganisationKind.OTHER: ("Sonstige", "Other"),
}

# Statuses whose papers run out and must be renewed at the immigration office.
EXPIRING_STATUSES = frozenset(ResidenceStatus) - {
    ResidenceStatus.SETTLEMENT, ResidenceStatus.EU, ResidenceStatus.CITIZEN,
    ResidenceStatus.UNCLEAR,
}

# Document statuses that count as "we have what we need" for checklist completeness.
DOCUMENT_PRESENT = frozenset({
    DocumentStatus.COPY_ON_FILE, DocumentStatus.ORIGINAL_SEEN, DocumentStatus.IN_CUSTODY,
    DocumentStatus.RETURNED,
})
