"""The fixed texts of the access request (Art. 15 DSGVO), in German and English."""

from __future__ import annotations

# One entry a key: (German, English).
TEXTS: dict[str, tuple[str, str]] = {
    "title": (
        "Auskunft über gespeicherte Daten (Art. 15 DSGVO)",
        "Information about stored data (Art. 15 GDPR)",
    ),
    "office": ("Stelle", "Office"),
    "date": ("Datum", "Date"),
    "person": ("Person", "Person"),
    "intro": (
        "Diese Auskunft enthält alle Daten, die unsere Stelle zu Ihrer Person gespeichert hat.",
        "This statement contains all data our office has stored about you.",
    ),
    "page": ("Seite {page} von {pages}", "Page {page} of {pages}"),
    "footer": (
        "Vertraulich: enthält personenbezogene Daten.",
        "Confidential: contains personal data.",
    ),
    "yes": ("ja", "yes"),
    "no": ("nein", "no"),
    "none": ("Keine Einträge.", "No entries."),
    # sections
    "personal": ("Persönliche Daten", "Personal data"),
    "household": ("Haushalt", "Household"),
    "household_note": (
        "Angaben zu anderen Mitgliedern des Haushalts sind nicht Teil dieser Auskunft.",
        "Information about other members of the household is not part of this statement.",
    ),
    "plans": ("Integrationspläne, Ziele und Maßnahmen", "Integration plans, goals and measures"),
    "documents": ("Dokumente", "Documents"),
    "scans": ("Gespeicherte Scans", "Stored scans"),
    "scans_note": (
        "Die Scans selbst erhalten Sie auf Wunsch als Kopie.",
        "You receive copies of the scans themselves on request.",
    ),
    "appointments": ("Termine", "Appointments"),
    "notes": ("Beratungsnotizen", "Counselling notes"),
    "support": ("Unterstützende Organisationen", "Supporting organisations"),
    "audit": ("Protokoll der Verarbeitung", "Record of processing"),
    "about": ("Hinweise zur Verarbeitung", "About the processing"),
    # field labels
    "family_name": ("Familienname", "Family name"),
    "given_names": ("Vornamen", "Given names"),
    "file_number": ("Aktenzeichen", "File number"),
    "other_names": ("Andere Schreibweisen", "Other spellings"),
    "sex": ("Geschlecht", "Sex"),
    "birth_date": ("Geburtsdatum", "Date of birth"),
    "birth_place": ("Geburtsort", "Place of birth"),
    "nationality": ("Staatsangehörigkeit", "Nationality"),
    "languages": ("Sprachen", "Languages"),
    "interpreter_needed": ("Dolmetschung nötig", "Interpreter needed"),
    "interpreter_language": ("Dolmetschsprache", "Interpreter language"),
    "phone": ("Telefon", "Phone"),
    "email": ("E-Mail", "Email"),
    "address": ("Anschrift", "Address"),
    "arrival_date": ("Ankunft", "Arrival"),
    "housing": ("Wohnsituation", "Housing"),
    "residence_status": ("Aufenthaltsstatus", "Residence status"),
    "status_granted_on": ("Status erteilt am", "Status granted on"),
    "status_valid_until": ("Status gültig bis", "Status valid until"),
    "consent_given_on": ("Einwilligung erteilt am", "Consent given on"),
    "consent_scope": ("Umfang der Einwilligung", "Scope of consent"),
    "consent_withdrawn_on": ("Einwilligung widerrufen am", "Consent withdrawn on"),
    "opened_on": ("Fall eröffnet am", "Case opened on"),
    "closed_on": ("Fall abgeschlossen am", "Case closed on"),
    "retention_until": ("Aufbewahrung bis", "Kept until"),
    "household_name": ("Name des Haushalts", "Household name"),
    "household_role": ("Ihre Rolle im Haushalt", "Your role in the household"),
    "plan": ("Plan", "Plan"),
    "status": ("Status", "Status"),
    "agreed_on": ("Vereinbart am", "Agreed on"),
    "review_on": ("Überprüfung am", "Review on"),
    "goal": ("Ziel", "Goal"),
    "field_of_action": ("Handlungsfeld", "Field of action"),
    "measure": ("Maßnahme", "Measure"),
    "responsible": ("Zuständig", "Responsible"),
    "organisation": ("Organisation", "Organisation"),
    "due_on": ("Fällig am", "Due on"),
    "outcome": ("Ergebnis", "Outcome"),
    "client_text": ("Text in Ihrer Sprache", "Text in your language"),
    "kind": ("Art", "Kind"),
    "holder": ("Aufbewahrt bei", "Held by"),
    "held_since": ("Seit", "Since"),
    "expires_on": ("Gültig bis", "Valid until"),
    "note": ("Notiz", "Note"),
    "file_name": ("Dateiname", "File name"),
    "media_type": ("Dateityp", "File type"),
    "size": ("Größe", "Size"),
    "starts_at": ("Beginn", "Starts"),
    "duration": ("Dauer (Minuten)", "Duration (minutes)"),
    "place": ("Ort", "Place"),
    "purpose": ("Zweck", "Purpose"),
    "participants": ("Beteiligte", "Participants"),
    "since": ("Seit", "Since"),
    "until": ("Bis", "Until"),
    "written_on": ("Geschrieben am", "Written on"),
    "author": ("Verfasst von", "Written by"),
    "when": ("Wann", "When"),
    "who": ("Wer", "Who"),
    "what": ("Was", "What"),
    # the closing text
    "about_purpose": (
        "Zweck der Verarbeitung: Beratung und Unterstützung Ihrer Integration.",
        "Purpose of processing: counselling and support of your integration.",
    ),
    "about_recipients": (
        "Empfänger: Kolleginnen und Kollegen unserer Stelle nur, soweit Sie in die Weitergabe "
        "eingewilligt haben; Partnerorganisationen nur mit Ihrer Einwilligung.",
        "Recipients: colleagues of our office only where you consented to sharing; partner "
        "organisations only with your consent.",
    ),
    "about_storage": (
        "Speicherdauer: bis {0}.",
        "Storage period: until {0}.",
    ),
    "about_storage_open": (
        "Speicherdauer: solange die Beratung läuft; danach wird ein Löschdatum festgelegt.",
        "Storage period: while counselling continues; a deletion date is set when it ends.",
    ),
    "about_rights": (
        "Ihre Rechte: Sie können Berichtigung, Löschung und Einschränkung der Verarbeitung "
        "verlangen, der Verarbeitung widersprechen und sich bei der Datenschutz-Aufsichtsbehörde "
        "beschweren.",
        "Your rights: you can ask for rectification, erasure and restriction of processing, "
        "object to the processing, and complain to the data protection supervisory authority.",
    ),
    "about_json": (
        "Eine maschinenlesbare Kopie dieser Daten (JSON, Art. 20 DSGVO) liegt bei.",
        "A machine-readable copy of this data (JSON, Art. 20 GDPR) is attached.",
    ),
}


def text(key: str, lang: str) -> str:
    """The fixed text `key` in German ("de") or English (any other code)."""
    de, en = TEXTS[key]
    return de if lang == "de" else en
