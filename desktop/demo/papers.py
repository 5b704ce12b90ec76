"""Notes, documents and their statuses, and how many of each row a case gets."""

from __future__ import annotations

from desktop.demo.tables import _lines, _weights
from desktop.domain.catalogues import DocumentKind as DK
from desktop.domain.catalogues import DocumentStatus as DS

_NOTES = _lines("""
Gespräch zum Integrationsplan; Anmeldung zum B1-Kurs besprochen.
Erstgespräch mit Dolmetscher/in; Unterlagen gesichtet, Kopien zur Akte genommen.
Termin bei der Ausländerbehörde vorbereitet; Nachweise sind vollständig.
Sprachkurs läuft gut; nächster Termin in vier Wochen.
Gemeinsam Wohnungsanzeigen durchgesehen; zwei Besichtigungen vereinbart.
Bescheid des Jobcenters erklärt; Weiterbewilligungsantrag ausgefüllt.
Kita-Anmeldung gemeinsam online ausgefüllt.
Lebenslauf überarbeitet; Bewerbung an einen Pflegedienst vorbereitet.
Rückfrage der Anerkennungsstelle besprochen; Übersetzung der Zeugnisse fehlt noch.
Termin nicht wahrgenommen; telefonisch neuen Termin vereinbart.
Integrationsplan überprüft; Ziel Sprache erreicht, neues Ziel Arbeit vereinbart.
Schreiben der Krankenkasse übersetzt und erklärt.
Praktikum im Handwerksbetrieb vermittelt; Rückmeldung des Betriebs positiv.
Begleitung durch Ehrenamtliche vereinbart (Behördengänge).
Mahnung des Mobilfunkanbieters besprochen; Kontakt zur Schuldnerberatung hergestellt.
Pass liegt weiterhin bei der Ausländerbehörde; Nachfrage gestellt.
Fiktionsbescheinigung ausgestellt; Abholung des Titels in sechs Wochen.
Beratung zu den Voraussetzungen der Niederlassungserlaubnis.
Kurzes Telefonat: keine neuen Anliegen.
Arbeitsvertrag liegt vor; Meldung an das Jobcenter besprochen.
Umzug in die neue Wohnung erledigt; Ummeldung beim Bürgerbüro erfolgt.
Einstufungstest bei der VHS gemacht; Kurs beginnt im nächsten Monat.
Gespräch zur Berufsorientierung; Interesse an einer Ausbildung im Handwerk.
Antrag auf Beschäftigungserlaubnis gemeinsam ausgefüllt.
""")
_CHILD_NOTES = _lines("""
Telefonat mit der Schule: kommt in der Sprachlernklasse gut zurecht.
Kitaplatz zugesagt; Eingewöhnung beginnt im nächsten Monat.
Vorsorgeuntersuchung beim Kinderarzt wahrgenommen.
Antrag auf Bildung und Teilhabe für Klassenfahrt und Schulmaterial gestellt.
Anmeldung im Sportverein erledigt; Beitrag über Bildung und Teilhabe.
""")
_CLOSING = _lines("""
Fall abgeschlossen: Ziele des Integrationsplans erreicht.
Fall abgeschlossen: Umzug in eine andere Kommune.
Fall abgeschlossen: Arbeitsaufnahme, weitere Begleitung nicht mehr gewünscht.
Fall abgeschlossen: seit über sechs Monaten kein Kontakt.
""")
_DOC_STATUS_TABLE = """
birth_certificate copy_on_file 45 missing 20 requested 10 original_seen 20 not_applicable 5
health_insurance_card copy_on_file 50 original_seen 30 requested 15 missing 5
tax_id copy_on_file 60 missing 25 requested 15
bank_account copy_on_file 70 missing 20 requested 10
school_certificate copy_on_file 40 missing 30 original_seen 15 requested 10 not_applicable 5
vocational_certificate copy_on_file 40 missing 30 original_seen 20 requested 10
language_certificate copy_on_file 80 original_seen 20
integration_course copy_on_file 50 requested 30 missing 20
registration copy_on_file 80 missing 20
rental_contract copy_on_file 80 original_seen 20
marriage_certificate copy_on_file 40 missing 30 requested 15 original_seen 15
id_card copy_on_file 60 original_seen 40
other copy_on_file 50 original_seen 30 missing 20
passport copy_on_file 45 original_seen 25 in_custody 12 returned 6 expired 7 requested 5
"""
_DOC_STATUS = {
    DK(line.split(maxsplit=1)[0]): _weights(line.split(maxsplit=1)[1], DS)
    for line in _DOC_STATUS_TABLE.strip().splitlines()
}
_TRANSLATION = ("Beglaubigte Übersetzung liegt vor.", "Übersetzung fehlt.")
_DOC_NOTE = {
    DK.VOCATIONAL_CERTIFICATE: _TRANSLATION,
    DK.SCHOOL_CERTIFICATE: _TRANSLATION,
    DK.INTEGRATION_COURSE: ("Berechtigungsschein vom BAMF",),
    DK.OTHER: ("Impfpass", "Impfpass (Masernschutz nachgewiesen)"),
}
_DOC_COUNT = _weights("3 15 4 25 5 30 6 20 7 10", int)
_VISIT_COUNT = _weights("0 5 1 20 2 30 3 25 4 20", int)
_NOTE_COUNT = _weights("0 5 1 20 2 30 3 25 4 20", int)
_SUPPORT_COUNT = _weights("0 25 1 40 2 25 3 10", int)
_CHILD_COUNT = _weights("0 35 1 40 2 25", int)
_DURATIONS = (30, 45, 60, 60, 90)
