"""Plans: goals per field of action with their usual steps, and the steps in clients' languages."""

from __future__ import annotations

from desktop.demo.tables import _weights
from desktop.domain.catalogues import FieldOfAction, Responsible
from desktop.domain.catalogues import FieldOfAction as FA

# ---------------------------------------------------------------------------------------------
# Plans: goals per field of action ("*" lines: titles), each with its usual steps: who (Client,
# coordinator "K", Organisation), the partner group ("-": none), the step | its outcome.

_GOAL_TABLE = """
b1 language
  * Deutsch auf B1-Niveau
  K -    Berechtigung zum Integrationskurs beim BAMF beantragen | Berechtigungsschein liegt vor.
  C lang Anmeldung zum Integrationskurs | Angemeldet, Kursbeginn steht fest.
  C lang Sprachkurs regelmäßig besuchen | Regelmäßige Teilnahme bestätigt.
  C lang Deutsch-Test für Zuwanderer ablegen | Prüfung mit B1 bestanden.
b2 language
  * Deutsch auf B2-Niveau für den Beruf
  * Deutsch auf B2-Niveau
  O jc   Zuweisung zum Berufssprachkurs | Zuweisung liegt vor.
  C lang Sprachkurs regelmäßig besuchen | Regelmäßige Teilnahme bestätigt.
  C cafe Sprachcafé einmal pro Woche besuchen | Geht regelmäßig hin.
alpha language
  * Lesen und Schreiben lernen (Alphabetisierungskurs)
  K lang Anmeldung zum Alphabetisierungskurs | Angemeldet.
  C lang Sprachkurs regelmäßig besuchen | Regelmäßige Teilnahme bestätigt.
  O vol  Lernpatenschaft vermitteln | Lernpatin kommt wöchentlich.
recognition education
  * Anerkennung des Abschlusses als Pflegefachkraft
  * Anerkennung des Hochschulabschlusses
  * Anerkennung des Berufsabschlusses im Handwerk
  * Anerkennung des Lehramtsstudiums
  C -    Unterlagen übersetzen lassen | Beglaubigte Übersetzungen liegen vor.
  O iq   Beratung bei der Anerkennungsberatung | Zuständige Stelle geklärt.
  C iq   Antrag auf Anerkennung stellen | Antrag eingereicht.
  K iq   Anpassungslehrgang klären | Teilanerkennung, Anpassungslehrgang empfohlen.
school_adult education
  * Hauptschulabschluss nachholen
  K -    Beratung zu Kursen für den Schulabschluss | Kurs an der VHS ausgewählt.
  C lang Anmeldung zum Kurs an der VHS | Angemeldet.
  C lang Kurs regelmäßig besuchen | Regelmäßige Teilnahme.
apprentice work
  * Ausbildungsplatz finden
  C -    Lebenslauf erstellen | Lebenslauf fertig.
  O aa   Termin bei der Berufsberatung | Berufswunsch geklärt.
  C employer Praktikum in einem Betrieb | Praktikum abgeschlossen, Betrieb zufrieden.
  C -    Bewerbungsunterlagen erstellen | Drei Bewerbungen verschickt.
job work
  * Arbeitsstelle in der Pflege finden
  * Arbeitsstelle in der Lagerlogistik finden
  * Arbeitsstelle in der Gastronomie finden
  * Arbeitsstelle finden
  * Minijob neben dem Sprachkurs finden
  C -    Bewerbungsunterlagen erstellen | Bewerbungsmappe fertig.
  O jc   Vermittlungsgespräch im Jobcenter | Vermittlungsvorschläge erhalten.
  O employer Probearbeit vereinbaren | Probearbeit erfolgreich.
permit work
  * Beschäftigungserlaubnis erhalten
  C employer Stellenzusage vom Arbeitgeber einholen | Zusage liegt vor.
  K abh  Antrag auf Beschäftigungserlaubnis stellen | Antrag gestellt.
  K -    Entscheidung der Ausländerbehörde nachhalten | Erlaubnis erteilt.
flat housing
  * Eigene Wohnung finden
  C -    Wohnberechtigungsschein beantragen | WBS erteilt.
  C wbg  Bei der Wohnungsbaugesellschaft vormerken lassen | Auf der Warteliste.
  O jc   Mietübernahme-Bescheinigung des Jobcenters einholen | Bescheinigung liegt vor.
  C -    Wohnungsbesichtigungen wahrnehmen | Mietvertrag unterschrieben.
gp health
  * Hausärztliche Versorgung sichern
  C gp   Termin beim Hausarzt vereinbaren | Hausarztpraxis gefunden.
  O gp   Impfstatus prüfen lassen | Impfungen nachgeholt.
psz health
  * Psychosoziale Unterstützung finden
  O psz  Erstgespräch im Psychosozialen Zentrum | Erstgespräch geführt.
  K -    Wartezeit mit Beratungsgesprächen überbrücken | Gespräche vereinbart.
kita childcare
  * Kitaplatz für Tochter
  * Kitaplatz für Sohn
  C -    Kita-Anmeldung über das Kita-Portal | Anmeldung bestätigt.
  C kita Besichtigung der Kita | Kita besichtigt.
  C kita Betreuungsvertrag unterschreiben | Vertrag unterschrieben.
schoolreg childcare
  * Schulplatz für die Kinder
  C school Anmeldung an der Grundschule | Kinder angemeldet.
  K jc   Antrag auf Bildung und Teilhabe stellen | Antrag bewilligt.
  O vol  Schulmaterial organisieren | Schulmaterial besorgt.
residence residence
  * Aufenthalt sichern
  * Aufenthaltserlaubnis verlängern
  C abh  Termin bei der Ausländerbehörde buchen | Termin steht.
  K -    Nachweise für die Verlängerung zusammenstellen | Nachweise vollständig.
  C abh  Neuen Aufenthaltstitel abholen | Titel abgeholt.
identity residence
  * Identität klären
  C -    Pass bei der Botschaft beantragen | Pass beantragt.
  C abh  Nachweis der Passbeschaffung vorlegen | Nachweis abgegeben.
25b residence
  * Bleiberecht nach § 25b AufenthG erreichen
  O mbe  Voraussetzungen mit der Migrationsberatung prüfen | Voraussetzungen geprüft.
  C -    Nachweise zu Arbeit und Sprache sammeln | Nachweise vollständig.
  K abh  Antrag bei der Ausländerbehörde stellen | Antrag gestellt.
settle residence
  * Niederlassungserlaubnis beantragen
  C -    Rentenversicherungsverlauf anfordern | Verlauf liegt vor.
  C lang Test „Leben in Deutschland“ ablegen | Test bestanden.
  K abh  Antrag bei der Ausländerbehörde stellen | Antrag gestellt.
citizen residence
  * Einbürgerung vorbereiten
  C lang Einbürgerungstest ablegen | Test bestanden.
  O abh  Beratung bei der Einbürgerungsbehörde | Unterlagenliste erhalten.
  C abh  Antrag auf Einbürgerung stellen | Antrag eingereicht.
reunion residence
  * Familiennachzug vorbereiten
  O mbe  Beratung zum Familiennachzug | Ablauf erklärt.
  C -    Unterlagen für die Botschaft zusammenstellen | Unterlagen vollständig.
  C -    Termin bei der Botschaft buchen | Termin steht.
money finances
  * Finanzen ordnen
  * Schulden abbauen
  C -    Girokonto eröffnen | Konto eröffnet.
  O debt Termin bei der Schuldnerberatung | Beratung läuft.
  K -    Haushaltsplan erstellen | Haushaltsplan besprochen.
drive mobility
  * Führerschein machen
  C -    Fahrschule suchen | Fahrschule gefunden.
  O jc   Förderung über das Jobcenter klären | Förderung bewilligt.
  C -    Theorieprüfung ablegen | Theorieprüfung bestanden.
ticket mobility
  * Mobil im Landkreis
  C -    Deutschlandticket beantragen | Ticket liegt vor.
  C club Fahrradkurs für Erwachsene besuchen | Kurs abgeschlossen.
contacts participation
  * Kontakte in der Nachbarschaft knüpfen
  K vol  Patenschaft mit Ehrenamtlichen vereinbaren | Patenschaft besteht.
  C cafe Begegnungscafé besuchen | Besucht das Café regelmäßig.
sport leisure
  * Mitglied im Sportverein werden
  C club Probetraining im Sportverein | Probetraining gemacht.
  K jc   Mitgliedsbeitrag über Bildung und Teilhabe beantragen | Beitrag bewilligt.
kita_child childcare
  * Eingewöhnung in der Kita
  O kita Eingewöhnungsgespräch mit der Kita | Eingewöhnung abgeschlossen.
  C paed Vorsorgeuntersuchung beim Kinderarzt | Untersuchung ohne Befund.
school_child childcare
  * Deutsch in der Sprachlernklasse lernen
  * Übergang in die Regelklasse
  K school Anmeldung an der Schule | Schulplatz zugewiesen.
  O vol  Hausaufgabenhilfe vermitteln | Hausaufgabenhilfe zweimal pro Woche.
  O school Übergang in die Regelklasse besprechen | Wechsel zum Halbjahr.
"""
_WHO = {"C": Responsible.CLIENT, "K": Responsible.COORDINATOR, "O": Responsible.ORGANISATION}
_Step = tuple[str, Responsible, str, str]  # title, who, partner group, outcome


def _load_goals() -> dict[str, tuple[FieldOfAction, tuple[str, ...], tuple[_Step, ...]]]:
    goals: dict[str, tuple[FieldOfAction, list[str], list[_Step]]] = {}
    titles: list[str] = []
    steps: list[_Step] = []
    for line in _GOAL_TABLE.strip().splitlines():
        if not line.startswith(" "):
            key, field_of_action = line.split()
            titles, steps = [], []
            goals[key] = (FA(field_of_action), titles, steps)
        elif line.startswith("  * "):
            titles.append(line[4:])
        else:
            who, group, rest = line.split(maxsplit=2)
            title, _, outcome = rest.partition(" | ")
            steps.append((title, _WHO[who], group.strip("-"), outcome))
    return {k: (f, tuple(t), tuple(s)) for k, (f, t, s) in goals.items()}


_GOALS = _load_goals()

# Steps as printed for the client beside the German: a step's title, then its wording per
# language ("\u200c" is the Persian zero-width non-joiner, as in "ثبت‌نام").
_CLIENT_TEXT_TABLE = """
Anmeldung zum Integrationskurs
  ar التسجيل في دورة الاندماج
  uk Записатися на інтеграційний курс
  ru Записаться на интеграционный курс
  tr Uyum kursuna kaydolmak
  fa ثبت\u200cنام در دوره ادغام
  fr S'inscrire au cours d'intégration
  en Register for the integration course
Termin bei der Ausländerbehörde buchen
  ar حجز موعد في دائرة الأجانب
  uk Записатися на прийом до відомства у справах іноземців
  ru Записаться на приём в ведомство по делам иностранцев
  tr Yabancılar Dairesi'nden randevu almak
  fa گرفتن وقت از اداره اتباع خارجی
  fr Prendre rendez-vous au service des étrangers
  en Book an appointment at the immigration office
Bewerbungsunterlagen erstellen
  ar إعداد ملف طلب التوظيف
  uk Підготувати резюме та супровідний лист
  ru Подготовить резюме и сопроводительное письмо
  tr Başvuru dosyasını hazırlamak
  fa آماده کردن مدارک درخواست کار
  fr Préparer le dossier de candidature
  en Prepare the job application documents
Wohnberechtigungsschein beantragen
  ar تقديم طلب للحصول على شهادة أحقية السكن الاجتماعي
  uk Подати заяву на отримання WBS (право на соціальне житло)
  ru Подать заявление на получение WBS (право на социальное жильё)
  tr Sosyal konut hakkı belgesi (WBS) için başvurmak
  fa درخواست گواهی حق مسکن اجتماعی
  fr Demander le certificat WBS (droit au logement social)
  en Apply for the WBS (social housing certificate)
Termin beim Hausarzt vereinbaren
  ar حجز موعد عند طبيب العائلة
  uk Записатися на прийом до сімейного лікаря
  ru Записаться на приём к семейному врачу
  tr Aile hekiminden randevu almak
  fa گرفتن وقت از پزشک خانواده
  fr Prendre rendez-vous chez le médecin généraliste
  en Make an appointment with a family doctor
Kita-Anmeldung über das Kita-Portal
  ar تسجيل الطفل في الروضة عبر البوابة الإلكترونية
  uk Зареєструвати дитину в дитячому садку через онлайн-портал
  ru Записать ребёнка в детский сад через онлайн-портал
  tr Çocuğu çevrimiçi portal üzerinden kreşe kaydettirmek
  fa ثبت\u200cنام کودک در مهدکودک از طریق سامانه اینترنتی
  fr Inscrire l'enfant à la crèche via le portail en ligne
  en Register the child for day care on the online portal
Girokonto eröffnen
  ar فتح حساب مصرفي
  uk Відкрити банківський рахунок
  ru Открыть банковский счёт
  tr Banka hesabı açmak
  fa باز کردن حساب بانکی
  fr Ouvrir un compte bancaire
  en Open a bank account
Unterlagen übersetzen lassen
  ar ترجمة الوثائق ترجمة معتمدة
  uk Замовити переклад документів
  ru Заказать перевод документов
  tr Belgeleri tercüme ettirmek
  fa ترجمه رسمی مدارک
  fr Faire traduire les documents
  en Have the documents translated
Sprachkurs regelmäßig besuchen
  ar حضور دورة اللغة بانتظام
  uk Регулярно відвідувати мовний курс
  ru Регулярно посещать языковой курс
  tr Dil kursuna düzenli olarak katılmak
  fa شرکت منظم در کلاس زبان
  fr Suivre régulièrement le cours de langue
  en Attend the language course regularly
Lebenslauf erstellen
  ar كتابة السيرة الذاتية
  uk Скласти резюме
  ru Составить резюме
  tr Özgeçmiş hazırlamak
  fa نوشتن رزومه
  fr Rédiger un CV
  en Write a CV
Anmeldung an der Grundschule
  ar تسجيل الأطفال في المدرسة الابتدائية
  uk Записати дітей до початкової школи
  ru Записать детей в начальную школу
  tr Çocukları ilkokula kaydettirmek
  fa ثبت\u200cنام کودکان در دبستان
  fr Inscrire les enfants à l'école primaire
  en Register the children at primary school
Pass bei der Botschaft beantragen
  ar تقديم طلب جواز سفر في السفارة
  uk Подати заяву на паспорт у консульстві
  ru Подать заявление на паспорт в консульстве
  tr Konsolosluktan pasaport başvurusu yapmak
  fa درخواست گذرنامه از سفارت
  fr Demander un passeport à l'ambassade
  en Apply for a passport at the embassy
Probetraining im Sportverein
  ar حضور تدريب تجريبي في النادي الرياضي
  uk Піти на пробне тренування в спортивному клубі
  ru Сходить на пробную тренировку в спортивный клуб
  tr Spor kulübünde deneme antrenmanına katılmak
  fa شرکت در تمرین آزمایشی در باشگاه ورزشی
  fr Participer à un entraînement d'essai au club de sport
  en Go to a trial training session at the sports club
Antrag auf Anerkennung stellen
  ar تقديم طلب معادلة الشهادة
  uk Подати заяву на визнання диплома
  ru Подать заявление на признание диплома
  tr Diploma denkliği için başvurmak
  fa درخواست ارزشیابی مدرک تحصیلی
  fr Déposer la demande de reconnaissance du diplôme
  en Apply for recognition of the qualification
"""


def _load_client_text() -> dict[str, dict[str, str]]:
    texts: dict[str, dict[str, str]] = {}
    wording: dict[str, str] = {}
    for line in _CLIENT_TEXT_TABLE.strip().splitlines():
        if line.startswith(" "):
            code, text = line.split(maxsplit=1)
            wording[code] = text
        else:
            wording = texts[line] = {}
    return texts


_CLIENT_TEXT = _load_client_text()
# The wording used for a client's first language (Dari speakers read the Persian).
_TEXT_FOR = {
    "ar": "ar",
    "uk": "uk",
    "ru": "ru",
    "tr": "tr",
    "fa": "fa",
    "prs": "fa",
    "fr": "fr",
    "en": "en",
}
# How many of a goal's usual steps a plan takes up.
_STEP_COUNT = _weights("1 20 2 40 3 40", int)
