"""Countries (ISO 3166-1 alpha-2, plus stateless and unclear) and languages, with labels.

The tables are kept as plain text, one entry a line: a code, the German name and, after "|",
the English name where it differs. Names are matched case- and accent-insensitively, so a
coordinator may type "Syrien", "syria" or "Türkei" as well as the code.
"""

from __future__ import annotations

import unicodedata

from desktop.domain.errors import InvalidInput

STATELESS = "stateless"
UNCLEAR = "unclear"

# Every current ISO 3166-1 alpha-2 code, and XK (Kosovo: user-assigned, but used by German
# authorities). German names as the Auswärtiges Amt writes them in everyday use.
_COUNTRY_TABLE = """
AD Andorra
AE Vereinigte Arabische Emirate | United Arab Emirates
AF Afghanistan
AG Antigua und Barbuda | Antigua and Barbuda
AI Anguilla
AL Albanien | Albania
AM Armenien | Armenia
AO Angola
AQ Antarktis | Antarctica
AR Argentinien | Argentina
AS Amerikanisch-Samoa | American Samoa
AT Österreich | Austria
AU Australien | Australia
AW Aruba
AX Ålandinseln | Åland Islands
AZ Aserbaidschan | Azerbaijan
BA Bosnien und Herzegowina | Bosnia and Herzegovina
BB Barbados
BD Bangladesch | Bangladesh
BE Belgien | Belgium
BF Burkina Faso
BG Bulgarien | Bulgaria
BH Bahrain
BI Burundi
BJ Benin
BL Saint-Barthélemy | Saint Barthélemy
BM Bermuda
BN Brunei
BO Bolivien | Bolivia
BQ Bonaire, Sint Eustatius und Saba | Bonaire, Sint Eustatius and Saba
BR Brasilien | Brazil
BS Bahamas
BT Bhutan
BV Bouvetinsel | Bouvet Island
BW Botsuana | Botswana
BY Belarus
BZ Belize
CA Kanada | Canada
CC Kokosinseln | Cocos (Keeling) Islands
CD Demokratische Republik Kongo | Democratic Republic of the Congo
CF Zentralafrikanische Republik | Central African Republic
CG Republik Kongo | Republic of the Congo
CH Schweiz | Switzerland
CI Côte d'Ivoire
CK Cookinseln | Cook Islands
CL Chile
CM Kamerun | Cameroon
CN China
CO Kolumbien | Colombia
CR Costa Rica
CU Kuba | Cuba
CV Cabo Verde
CW Curaçao
CX Weihnachtsinsel | Christmas Island
CY Zypern | Cyprus
CZ Tschechien | Czechia
DE Deutschland | Germany
DJ Dschibuti | Djibouti
DK Dänemark | Denmark
DM Dominica
DO Dominikanische Republik | Dominican Republic
DZ Algerien | Algeria
EC Ecuador
EE Estland | Estonia
EG Ägypten | Egypt
EH Westsahara | Western Sahara
ER Eritrea
ES Spanien | Spain
ET Äthiopien | Ethiopia
FI Finnland | Finland
FJ Fidschi | Fiji
FK Falklandinseln | Falkland Islands
FM Mikronesien | Micronesia
FO Färöer | Faroe Islands
FR Frankreich | France
GA Gabun | Gabon
GB Vereinigtes Königreich | United Kingdom
GD Grenada
GE Georgien | Georgia
GF Französisch-Guyana | French Guiana
GG Guernsey
GH Ghana
GI Gibraltar
GL Grönland | Greenland
GM Gambia
GN Guinea
GP Guadeloupe
GQ Äquatorialguinea | Equatorial Guinea
GR Griechenland | Greece
GS Südgeorgien und die Südlichen Sandwichinseln | South Georgia and the South Sandwich Islands
GT Guatemala
GU Guam
GW Guinea-Bissau
GY Guyana
HK Hongkong | Hong Kong
HM Heard und McDonaldinseln | Heard Island and McDonald Islands
HN Honduras
HR Kroatien | Croatia
HT Haiti
HU Ungarn | Hungary
ID Indonesien | Indonesia
IE Irland | Ireland
IL Israel
IM Isle of Man
IN Indien | India
IO Britisches Territorium im Indischen Ozean | British Indian Ocean Territory
IQ Irak | Iraq
IR Iran
IS Island | Iceland
IT Italien | Italy
JE Jersey
JM Jamaika | Jamaica
JO Jordanien | Jordan
JP Japan
KE Kenia | Kenya
KG Kirgisistan | Kyrgyzstan
KH Kambodscha | Cambodia
KI Kiribati
KM Komoren | Comoros
KN St. Kitts und Nevis | Saint Kitts and Nevis
KP Nordkorea | North Korea
KR Südkorea | South Korea
KW Kuwait
KY Kaimaninseln | Cayman Islands
KZ Kasachstan | Kazakhstan
LA Laos
LB Libanon | Lebanon
LC St. Lucia | Saint Lucia
LI Liechtenstein
LK Sri Lanka
LR Liberia
LS Lesotho
LT Litauen | Lithuania
LU Luxemburg | Luxembourg
LV Lettland | Latvia
LY Libyen | Libya
MA Marokko | Morocco
MC Monaco
MD Moldau | Moldova
ME Montenegro
MF Saint-Martin (französischer Teil) | Saint Martin (French part)
MG Madagaskar | Madagascar
MH Marshallinseln | Marshall Islands
MK Nordmazedonien | North Macedonia
ML Mali
MM Myanmar
MN Mongolei | Mongolia
MO Macau | Macao
MP Nördliche Marianen | Northern Mariana Islands
MQ Martinique
MR Mauretanien | Mauritania
MS Montserrat
MT Malta
MU Mauritius
MV Malediven | Maldives
MW Malawi
MX Mexiko | Mexico
MY Malaysia
MZ Mosambik | Mozambique
NA Namibia
NC Neukaledonien | New Caledonia
NE Niger
NF Norfolkinsel | Norfolk Island
NG Nigeria
NI Nicaragua
NL Niederlande | Netherlands
NO Norwegen | Norway
NP Nepal
NR Nauru
NU Niue
NZ Neuseeland | New Zealand
OM Oman
PA Panama
PE Peru
PF Französisch-Polynesien | French Polynesia
PG Papua-Neuguinea | Papua New Guinea
PH Philippinen | Philippines
PK Pakistan
PL Polen | Poland
PM St. Pierre und Miquelon | Saint Pierre and Miquelon
PN Pitcairn
PR Puerto Rico
PS Palästinensische Gebiete | Palestine
PT Portugal
PW Palau
PY Paraguay
QA Katar | Qatar
RE Réunion
RO Rumänien | Romania
RS Serbien | Serbia
RU Russland | Russia
RW Ruanda | Rwanda
SA Saudi-Arabien | Saudi Arabia
SB Salomoninseln | Solomon Islands
SC Seychellen | Seychelles
SD Sudan
SE Schweden | Sweden
SG Singapur | Singapore
SH St. Helena, Ascension und Tristan da Cunha | Saint Helena, Ascension and Tristan da Cunha
SI Slowenien | Slovenia
SJ Svalbard und Jan Mayen | Svalbard and Jan Mayen
SK Slowakei | Slovakia
SL Sierra Leone
SM San Marino
SN Senegal
SO Somalia
SR Suriname
SS Südsudan | South Sudan
ST São Tomé und Príncipe | São Tomé and Príncipe
SV El Salvador
SX Sint Maarten (niederländischer Teil) | Sint Maarten (Dutch part)
SY Syrien | Syria
SZ Eswatini
TC Turks- und Caicosinseln | Turks and Caicos Islands
TD Tschad | Chad
TF Französische Süd- und Antarktisgebiete | French Southern Territories
TG Togo
TH Thailand
TJ Tadschikistan | Tajikistan
TK Tokelau
TL Timor-Leste
TM Turkmenistan
TN Tunesien | Tunisia
TO Tonga
TR Türkei | Türkiye
TT Trinidad und Tobago | Trinidad and Tobago
TV Tuvalu
TW Taiwan
TZ Tansania | Tanzania
UA Ukraine
UG Uganda
UM Kleinere Amerikanische Überseeinseln | United States Minor Outlying Islands
US Vereinigte Staaten | United States
UY Uruguay
UZ Usbekistan | Uzbekistan
VA Vatikanstadt | Vatican City
VC St. Vincent und die Grenadinen | Saint Vincent and the Grenadines
VE Venezuela
VG Britische Jungferninseln | British Virgin Islands
VI Amerikanische Jungferninseln | U.S. Virgin Islands
VN Vietnam
VU Vanuatu
WF Wallis und Futuna | Wallis and Futuna
WS Samoa
XK Kosovo
YE Jemen | Yemen
YT Mayotte
ZA Südafrika | South Africa
ZM Sambia | Zambia
ZW Simbabwe | Zimbabwe
"""

# ISO 639-1: the languages coordinators meet, without the extinct and constructed ones.
_LANGUAGE_TABLE = """
aa Afar
ab Abchasisch | Abkhaz
af Afrikaans
ak Akan
am Amharisch | Amharic
ar Arabisch | Arabic
as Assamesisch | Assamese
av Awarisch | Avar
ay Aymara
az Aserbaidschanisch | Azerbaijani
ba Baschkirisch | Bashkir
be Belarussisch | Belarusian
bg Bulgarisch | Bulgarian
bi Bislama
bm Bambara
bn Bengalisch | Bengali
bo Tibetisch | Tibetan
br Bretonisch | Breton
bs Bosnisch | Bosnian
ca Katalanisch | Catalan
ce Tschetschenisch | Chechen
co Korsisch | Corsican
cs Tschechisch | Czech
cv Tschuwaschisch | Chuvash
cy Walisisch | Welsh
da Dänisch | Danish
de Deutsch | German
dv Dhivehi
dz Dzongkha
ee Ewe
el Griechisch | Greek
en Englisch | English
eo Esperanto
es Spanisch | Spanish
et Estnisch | Estonian
eu Baskisch | Basque
fa Persisch (Farsi) | Persian (Farsi)
ff Fulfulde (Ful) | Fula (Fulfulde)
fi Finnisch | Finnish
fj Fidschianisch | Fijian
fo Färöisch | Faroese
fr Französisch | French
fy Friesisch | Frisian
ga Irisch | Irish
gd Schottisch-Gälisch | Scottish Gaelic
gl Galicisch | Galician
gn Guaraní
gu Gujarati
ha Hausa
he Hebräisch | Hebrew
hi Hindi
hr Kroatisch | Croatian
ht Haitianisch-Kreolisch | Haitian Creole
hu Ungarisch | Hungarian
hy Armenisch | Armenian
id Indonesisch | Indonesian
ig Igbo
is Isländisch | Icelandic
it Italienisch | Italian
ja Japanisch | Japanese
jv Javanisch | Javanese
ka Georgisch | Georgian
kg Kikongo | Kongo
ki Kikuyu
kk Kasachisch | Kazakh
kl Grönländisch | Greenlandic
km Khmer
kn Kannada
ko Koreanisch | Korean
kr Kanuri
ks Kaschmiri | Kashmiri
ku Kurdisch | Kurdish
ky Kirgisisch | Kyrgyz
la Latein | Latin
lb Luxemburgisch | Luxembourgish
lg Luganda
ln Lingala
lo Laotisch | Lao
lt Litauisch | Lithuanian
lu Luba-Katanga
lv Lettisch | Latvian
mg Malagasy
mi Māori
mk Mazedonisch | Macedonian
ml Malayalam
mn Mongolisch | Mongolian
mr Marathi
ms Malaiisch | Malay
mt Maltesisch | Maltese
my Birmanisch | Burmese
nb Norwegisch (Bokmål) | Norwegian (Bokmål)
nd Nord-Ndebele | North Ndebele
ne Nepalesisch | Nepali
nl Niederländisch | Dutch
nn Norwegisch (Nynorsk) | Norwegian (Nynorsk)
no Norwegisch | Norwegian
nr Süd-Ndebele | South Ndebele
ny Chichewa
oc Okzitanisch | Occitan
om Oromo
or Oriya | Odia
os Ossetisch | Ossetian
pa Panjabi | Punjabi
pl Polnisch | Polish
ps Paschtu | Pashto
pt Portugiesisch | Portuguese
qu Quechua
rm Rätoromanisch | Romansh
rn Kirundi
ro Rumänisch | Romanian
ru Russisch | Russian
rw Kinyarwanda
sa Sanskrit
sc Sardisch | Sardinian
sd Sindhi
se Nordsamisch | Northern Sami
sg Sango
si Singhalesisch | Sinhala
sk Slowakisch | Slovak
sl Slowenisch | Slovenian
sm Samoanisch | Samoan
sn Shona
so Somali
sq Albanisch | Albanian
sr Serbisch | Serbian
ss Swazi
st Sesotho
su Sundanesisch | Sundanese
sv Schwedisch | Swedish
sw Swahili
ta Tamil
te Telugu
tg Tadschikisch | Tajik
th Thailändisch | Thai
ti Tigrinya
tk Turkmenisch | Turkmen
tl Tagalog
tn Setswana | Tswana
to Tongaisch | Tongan
tr Türkisch | Turkish
ts Xitsonga | Tsonga
tt Tatarisch | Tatar
tw Twi
ty Tahitianisch | Tahitian
ug Uigurisch | Uyghur
uk Ukrainisch | Ukrainian
ur Urdu
uz Usbekisch | Uzbek
ve Venda
vi Vietnamesisch | Vietnamese
wo Wolof
xh isiXhosa | Xhosa
yi Jiddisch | Yiddish
yo Yoruba
za Zhuang
zh Chinesisch | Chinese
zu isiZulu | Zulu
"""

# ISO 639-3 (and 639-2) codes where 639-1 has no code or is too coarse for an interpreter:
# Dari is not Farsi, Sorani is not Kurmanji, Levantine Arabic is not Moroccan Darija.
_LANGUAGE_TABLE_639_3 = """
acm Arabisch (Irakisch) | Iraqi Arabic
aeb Arabisch (Tunesisch) | Tunisian Arabic
afb Arabisch (Golf) | Gulf Arabic
aii Aramäisch (Assyrisch) | Assyrian Neo-Aramaic
apc Arabisch (Levantinisch) | Levantine Arabic
apd Arabisch (Sudanesisch) | Sudanese Arabic
arq Arabisch (Algerisch) | Algerian Arabic
ary Arabisch (Marokkanisch, Darija) | Moroccan Arabic (Darija)
arz Arabisch (Ägyptisch) | Egyptian Arabic
ayl Arabisch (Libysch) | Libyan Arabic
azb Aserbaidschanisch (Süd, Iran) | South Azerbaijani (Iran)
bal Belutschi | Balochi
bej Bedscha | Beja
ckb Kurdisch (Sorani) | Kurdish (Sorani)
cmn Chinesisch (Mandarin) | Mandarin Chinese
cnr Montenegrinisch | Montenegrin
crh Krimtatarisch | Crimean Tatar
din Dinka
dyu Dioula | Dyula
emk Malinke | Maninka
fil Filipino
fuf Pular
gsg Deutsche Gebärdensprache | German Sign Language
haz Hazaragi
kab Kabylisch | Kabyle
kmr Kurdisch (Kurmandschi) | Kurdish (Kurmanji)
kri Krio
man Mandinka (Manding) | Mandinka (Manding)
men Mende
nus Nuer
pbt Paschtu (Süd) | Southern Pashto
pcm Nigerianisches Pidgin | Nigerian Pidgin
prs Dari
rif Tarifit (Berberisch) | Tarifit (Riffian Berber)
rom Romanes | Romani
sdh Kurdisch (Südkurdisch) | Southern Kurdish
shi Taschelhit (Berberisch) | Tashelhit (Berber)
shu Arabisch (Tschadisch) | Chadian Arabic
ssy Saho
sus Susu
tem Temne
tig Tigre
tzm Tamazight (Zentralatlas) | Central Atlas Tamazight
yue Kantonesisch | Cantonese
zza Zazaki
"""

# Other names people use for a country or language: a code, then the names, separated by ";".
_COUNTRY_ALIASES = """
BY Weißrussland
CD Kongo (Kinshasa); Congo (Kinshasa); DR Kongo
CG Kongo (Brazzaville); Congo (Brazzaville)
CI Elfenbeinküste; Ivory Coast
CV Kap Verde; Cape Verde
CZ Tschechische Republik; Czech Republic
GB Großbritannien; Great Britain
MD Moldawien
MK Mazedonien
MM Birma; Burma
PS Palästina
RU Russische Föderation; Russian Federation
SZ Swasiland; Swaziland
TL Osttimor; East Timor
TR Turkey
US USA; Vereinigte Staaten von Amerika; United States of America
"""
_LANGUAGE_ALIASES = """
bal Belutschisch; Baluchi
ckb Sorani
ff Ful; Fula; Fulfulde; Fulani; Peul
fa Farsi; Persisch; Persian
gsg DGS
haz Hazara
kmr Kurmandschi; Kurmanci; Kurmanji
man Mandingo
ps Paschto; Paschtunisch
rom Romani
ti Tigrinja; Tigrinisch
"""


def _parse(table: str) -> dict[str, tuple[str, str]]:
    entries: dict[str, tuple[str, str]] = {}
    for line in table.strip().splitlines():
        code, _, names = line.partition(" ")
        de, _, en = names.partition(" | ")
        entries[code] = (de.strip(), (en or de).strip())
    return entries


def _fold(text: str) -> str:
    """Lower case without accents or extra spaces: "Türkei " -> "turkei"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.split())


def _index(table: dict[str, tuple[str, str]], aliases: str) -> dict[str, str]:
    """Folded name, alias or code -> canonical code; a code wins over a name that looks alike."""
    index = {_fold(name): code for code, names in table.items() for name in names}
    for line in aliases.strip().splitlines():
        code, _, names = line.partition(" ")
        index.update({_fold(name): code for name in names.split(";")})
    index.update({_fold(code): code for code in table})
    return index


COUNTRIES: dict[str, tuple[str, str]] = {
    **_parse(_COUNTRY_TABLE),
    STATELESS: ("staatenlos", "stateless"),
    UNCLEAR: ("ungeklärt", "unclear"),
}
LANGUAGES: dict[str, tuple[str, str]] = {
    **_parse(_LANGUAGE_TABLE),
    **_parse(_LANGUAGE_TABLE_639_3),
}
_COUNTRY_INDEX = _index(COUNTRIES, _COUNTRY_ALIASES)
_LANGUAGE_INDEX = _index(LANGUAGES, _LANGUAGE_ALIASES)


def check_country(code: str) -> str:
    """The canonical code for a country code or name ("sy", "Syrien", "Syria" -> "SY").

    Also "stateless" and "unclear" (or "staatenlos", "ungeklärt"); anything else raises
    InvalidInput for the field "nationality".
    """
    found = _COUNTRY_INDEX.get(_fold(code))
    if found is None:
        raise InvalidInput(
            "nationality",
            f"'{code}' is not a known country: enter a two-letter code such as SY, the "
            "country's name, or stateless or unclear.",
            f"'{code}' ist kein bekanntes Land: bitte einen Ländercode wie SY, den Namen des "
            "Landes oder staatenlos bzw. ungeklärt eingeben.",
        )
    return found


def check_language(code: str) -> str:
    """The canonical lower-case code for a language code or name ("AR", "Arabisch" -> "ar")."""
    found = _LANGUAGE_INDEX.get(_fold(code))
    if found is None:
        raise InvalidInput(
            "language",
            f"'{code}' is not a known language: enter a code such as ar, prs or ti, or the "
            "language's name.",
            f"'{code}' ist keine bekannte Sprache: bitte einen Sprachcode wie ar, prs oder ti "
            "oder den Namen der Sprache eingeben.",
        )
    return found


def country_name(code: str, lang: str = "de") -> str:
    """The country's name in German ("de") or English ("en"); the code may be in any form."""
    de, en = COUNTRIES[check_country(code)]
    return de if lang == "de" else en


def language_name(code: str, lang: str = "de") -> str:
    """The language's name in German ("de") or English ("en"); the code may be in any form."""
    de, en = LANGUAGES[check_language(code)]
    return de if lang == "de" else en
