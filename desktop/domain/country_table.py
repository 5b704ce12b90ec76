"""The countries: every ISO 3166-1 alpha-2 code with German and English names."""

# Every current ISO 3166-1 alpha-2 code, and XK (Kosovo: user-assigned, but used by German
# authorities). German names as the Auswärtiges Amt writes them in everyday use.
COUNTRY_TABLE = """
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

# Other names people use for a country or language: a code, then the names, separated by ";".
COUNTRY_ALIASES = """
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
