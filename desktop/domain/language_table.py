"""The languages: ISO 639-1 and the 639-3 codes that matter here, in German and English."""

# ISO 639-1: the languages coordinators meet, without the extinct and constructed ones.
LANGUAGE_TABLE = """
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
LANGUAGE_TABLE_639_3 = """
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

LANGUAGE_ALIASES = """
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
