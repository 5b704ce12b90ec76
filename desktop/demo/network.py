"""The district and its network: towns, organisations, volunteers and support offers."""

from __future__ import annotations

from typing import Any

from desktop.demo.tables import _W, _rows
from desktop.domain.catalogues import OrganisationKind as OK

# ---------------------------------------------------------------------------------------------
# The district and its network (invented place names).

_TOWNS = (
    ("Lindenfeld", "37441"),
    ("Auenbach", "37445"),
    ("Erlenbrück", "37447"),
    ("Hohenwiesen", "37449"),
    ("Talheim am Wald", "37452"),
)
_STREETS = """Bahnhofstraße Hauptstraße Schulstraße Gartenstraße Lindenstraße Kirchstraße Am_Markt
Goethestraße Schillerstraße Mühlenweg Bergstraße Ringstraße Wiesenweg Rosenstraße Birkenweg
Ahornweg Lessingstraße Jahnstraße Friedrich-Ebert-Straße Talstraße Waldstraße Am_Anger"""
_STREET_NAMES = tuple(s.replace("_", " ") for s in _STREETS.split())
_SHELTERS = (("Industriestraße 14", 0), ("Alte Kaserne 3", 1), ("Am Bauhof 7", 3))
_CENTRE = "Welcome-Center im Rathaus Lindenfeld, Raum 2.14"
_COORDINATORS = ("K. Berger", "M. Yıldız", "S. Hoffmann", "A. Nowak")
# group (what measures and appointments ask for) | name | kind | contact | street | town
_ORG_TABLE = """
jc | Jobcenter Kreis Lindenfeld | jobcenter | Frau Peters | Bahnhofstraße 12 | 0
jc|Jobcenter Kreis Lindenfeld, Geschäftsstelle Auenbach|jobcenter|Herr Yıldırım|Am Markt 2|1
aa | Agentur für Arbeit Lindenfeld | employment_agency | Frau Lorenz | Bahnhofstraße 14 | 0
abh | Ausländerbehörde Kreis Lindenfeld | immigration_office | Herr Brandt | Am Schlossberg 1 | 0
soz | Sozialamt Stadt Lindenfeld | social_welfare_office | Frau Kaiser | Rathausplatz 1 | 0
jug | Jugendamt Kreis Lindenfeld | youth_office | Herr Vogel | Am Schlossberg 3 | 0
mbe|Caritas Migrationsberatung Lindenfeld|migration_counselling|Frau Haddad|Kirchstraße 8|0
mbe|Diakonie Flüchtlings- und Migrationsberatung|migration_counselling|Herr Petersen|Lutherweg 4|1
jmd | AWO Jugendmigrationsdienst | migration_counselling | Frau Nowak | Schillerstraße 21 | 0
drk | DRK Kreisverband Lindenfeld | welfare_association | Herr Schuster | Rotkreuzweg 2 | 0
debt|Caritas Schuldner- und Insolvenzberatung|welfare_association|Frau Albers|Kirchstraße 8|0
lang | VHS Kreis Lindenfeld – Sprachkurse | language_school | Frau Demir | Goethestraße 5 | 0
lang | Sprachschule Brückenschlag | language_school | Herr Winter | Hauptstraße 40 | 1
lang | Bildungswerk Erlenbrück | language_school | Frau Roth | Schulstraße 3 | 2
kita | Kita Sonnenschein | kindergarten | Frau Engel | Rosenstraße 9 | 0
kita | Kita Regenbogen | kindergarten | Frau Martin | Wiesenweg 2 | 1
school | Grundschule am Lindenplatz | school | Herr Sommer | Lindenstraße 1 | 0
school | Gesamtschule Auenbach | school | Frau Krämer | Jahnstraße 30 | 1
voc | Berufskolleg Lindenfeld | school | Herr Graf | Industriestraße 2 | 0
tafel | Lindenfelder Tafel e. V. | other | Herr Otto | Mühlenweg 6 | 0
club | TSV Auenbach 1898 e. V. | club | Herr Kühn | Am Sportplatz 1 | 1
club | SV Grün-Weiß Lindenfeld | club | Frau Busch | Am Sportplatz 4 | 0
cafe | Begegnungscafé Miteinander e. V. | club | Frau Jung | Am Markt 5 | 0
gp | Hausarztpraxis Dr. Brandt | health |  | Bahnhofstraße 30 | 0
paed | Kinderarztpraxis Dr. Özdemir | health |  | Gartenstraße 11 | 0
psz | Psychosoziales Zentrum für Geflüchtete | health | Frau Sander | Talstraße 17 | 0
wbg | Wohnungsbaugesellschaft Lindenfeld | housing | Herr Pohl | Ringstraße 20 | 0
iq | Anerkennungsberatung im IQ Netzwerk | recognition_office | Frau Arslan | Goethestraße 7 | 0
employer | Pflegedienst Sonnenhof | employer | Frau Lindner | Birkenweg 12 | 1
employer | Logistikzentrum Auenbach GmbH | employer | Herr Berger | Industriestraße 40 | 1
employer | Bäckerei Krüger | employer | Herr Krüger | Hauptstraße 3 | 2
"""
_ORGS = [
    (g, name, OK(kind), contact, street, int(town))
    for g, name, kind, contact, street, town in _rows(_ORG_TABLE)
]
_ORG_GROUP = {row[1]: row[0] for row in _ORGS}
_VOLUNTEERS = (
    "Gisela Hartmann",
    "Jürgen Weiß",
    "Renate Schäfer",
    "Thomas Becker",
    "Ayşe Demir",
    "Lena Vogt",
    "Hans-Peter Köhler",
    "Ute Brandl",
    "Friedrich Lorenz",
    "Samira Haddad",
    "Klaus Neumann",
    "Marion Schulte",
)

# ---------------------------------------------------------------------------------------------
# Support offers (appointments: plans._VISIT_TABLE, built from the phrase catalogue).

# who | group | purpose | weight
_SUPPORT_TABLE = """
adult | mbe | Migrationsberatung für Erwachsene (MBE) | 30
adult | vol | Patenschaft: Begleitung zu Ämtern | 15
adult | vol | Deutsch üben im Tandem | 10
adult | cafe | Begegnungscafé | 8
adult | tafel | Lebensmittelausgabe | 8
adult | drk | Kleiderkammer | 5
adult | debt | Schuldnerberatung | 4
adult | psz | Psychosoziale Beratung | 4
young | jmd | Jugendmigrationsdienst | 30
young | vol | Deutsch üben im Tandem | 10
young | club | Fußballtraining | 10
young | mbe | Migrationsberatung | 5
child | vol | Hausaufgabenhilfe | 40
child | club | Fußballtraining | 25
child | club | Schwimmkurs | 15
child | jmd | Jugendmigrationsdienst | 5
"""


def _by_who(text: str) -> dict[str, _W]:
    pairs: dict[str, list[tuple[Any, float]]] = {}
    for who, *row, weight in _rows(text):
        pairs.setdefault(who, []).append((tuple(c.strip("-") for c in row), float(weight)))
    return {who: _W(*p) for who, p in pairs.items()}


_SUPPORT = _by_who(_SUPPORT_TABLE)
