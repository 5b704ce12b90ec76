<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccessRequest</name>
    <message>
        <location filename="../../desktop/ui/protection/access_request_dialog.py" line="58"/>
        <source>PDF in German (*.pdf)</source>
        <translation>PDF auf Deutsch (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/access_request_dialog.py" line="60"/>
        <source>PDF in {0} (*.pdf)</source>
        <translation>PDF auf {0} (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/access_request_dialog.py" line="67"/>
        <source>Save data access request</source>
        <translation>Auskunft speichern</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/access_request_dialog.py" line="82"/>
        <source>Writing data access request</source>
        <translation>Auskunft wird geschrieben</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/access_request_dialog.py" line="90"/>
        <source>Data access request written: {0} and {1}.</source>
        <translation>Auskunft geschrieben: {0} und {1}.</translation>
    </message>
</context>
<context>
    <name>AgendaView</name>
    <message>
        <location filename="../../desktop/ui/agenda/agenda_view.py" line="183"/>
        <source>Appointments</source>
        <translation>Termine</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/agenda_view.py" line="184"/>
        <source>Previous wee&amp;k</source>
        <translation>&amp;Vorherige Woche</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/agenda_view.py" line="185"/>
        <source>&amp;Today</source>
        <translation>Heu&amp;te</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/agenda_view.py" line="186"/>
        <source>&amp;Next week</source>
        <translation>&amp;Nächste Woche</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/agenda_view.py" line="189"/>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/agenda_view.py" line="190"/>
        <source>Client</source>
        <translation>Klient/in</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/agenda_view.py" line="191"/>
        <source>Purpose</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/agenda_view.py" line="192"/>
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/agenda_view.py" line="193"/>
        <source>Interpreter</source>
        <translation>Dolmetschen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/agenda_view.py" line="194"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/agenda_view.py" line="241"/>
        <source>Week %1: %2 to %3</source>
        <translation>KW %1: %2 bis %3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/agenda_view.py" line="254"/>
        <source>No appointments this week.</source>
        <translation>Keine Termine in dieser Woche.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/agenda_view.py" line="261"/>
        <source>Today, %1</source>
        <translation>Heute, %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/agenda_view.py" line="263"/>
        <source>%1: no appointments</source>
        <translation>%1: keine Termine</translation>
    </message>
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <location filename="../../desktop/ui/workspace/appointments/appointment_dialog.py" line="113"/>
        <source>Edit appointment</source>
        <translation>Termin bearbeiten</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/appointments/appointment_dialog.py" line="113"/>
        <source>New appointment</source>
        <translation>Neuer Termin</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/appointments/appointment_dialog.py" line="116"/>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/appointments/appointment_dialog.py" line="116"/>
        <source>&amp;Time:</source>
        <translation>&amp;Uhrzeit:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/appointments/appointment_dialog.py" line="116"/>
        <source>D&amp;uration:</source>
        <translation>Dau&amp;er:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/appointments/appointment_dialog.py" line="116"/>
        <source>&amp;Place:</source>
        <translation>&amp;Ort:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/appointments/appointment_dialog.py" line="117"/>
        <source>&amp;Organisation:</source>
        <translation>Or&amp;ganisation:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/appointments/appointment_dialog.py" line="117"/>
        <source>Pu&amp;rpose:</source>
        <translation>&amp;Zweck:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/appointments/appointment_dialog.py" line="118"/>
        <source>P&amp;articipants:</source>
        <translation>&amp;Teilnehmende:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/appointments/appointment_dialog.py" line="118"/>
        <source>Purpose in the &amp;client&apos;s languages:</source>
        <translation>Anlass in den Sprachen der &amp;Klient/in:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/appointments/appointment_dialog.py" line="119"/>
        <source>&amp;Interpreter:</source>
        <translation>Dol&amp;metschen:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/appointments/appointment_dialog.py" line="126"/>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/appointments/appointment_dialog.py" line="127"/>
        <source>e.g. Town hall, room 12</source>
        <translation>z. B. Rathaus, Raum 12</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/appointments/appointment_dialog.py" line="128"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/appointments/appointment_dialog.py" line="135"/>
        <source>(no interpreter)</source>
        <translation>(nicht nötig)</translation>
    </message>
</context>
<context>
    <name>AppointmentsModel</name>
    <message>
        <location filename="../../desktop/ui/workspace/appointments/appointment_model.py" line="77"/>
        <source>Date and time</source>
        <translation>Datum und Uhrzeit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/appointments/appointment_model.py" line="77"/>
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/appointments/appointment_model.py" line="77"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/appointments/appointment_model.py" line="78"/>
        <source>Purpose</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/appointments/appointment_model.py" line="78"/>
        <source>Interpreter</source>
        <translation>Dolmetschen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/appointments/appointment_model.py" line="78"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/appointments/appointment_model.py" line="78"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>AppointmentsTab</name>
    <message>
        <location filename="../../desktop/ui/workspace/appointments/appointments_tab.py" line="113"/>
        <source>New appointment…</source>
        <translation>Neuer Termin…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/appointments/appointments_tab.py" line="114"/>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/appointments/appointments_tab.py" line="115"/>
        <source>Print slip…</source>
        <translation>Terminzettel drucken…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/appointments/appointments_tab.py" line="116"/>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/appointments/appointments_tab.py" line="190"/>
        <source>Delete the appointment on {0}?</source>
        <translation>Den Termin am {0} löschen?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/appointments/appointments_tab.py" line="207"/>
        <source>Appointment slip: {0}</source>
        <translation>Terminzettel: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/appointments/appointments_tab.py" line="223"/>
        <source>Appointments</source>
        <translation>Termine</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/appointments/appointments_tab.py" line="314"/>
        <source>Coming up: {0}</source>
        <translation>Anstehend: {0}</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <location filename="../../desktop/ui/protection/audit_view.py" line="118"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/audit_view.py" line="119"/>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/audit_view.py" line="120"/>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/audit_view.py" line="121"/>
        <source>Printed &amp; exported</source>
        <translation>Gedruckt &amp; exportiert</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/audit_view.py" line="122"/>
        <source>Sync</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/audit_view.py" line="123"/>
        <source>Erasures</source>
        <translation>Löschungen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/audit_view.py" line="124"/>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/audit_view.py" line="130"/>
        <source>&amp;Show:</source>
        <translation>&amp;Zeigen:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/audit_view.py" line="130"/>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/audit_view.py" line="130"/>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/audit_view.py" line="130"/>
        <source>Case &amp;name:</source>
        <translation>&amp;Name des Falls:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/audit_view.py" line="136"/>
        <source>all cases</source>
        <translation>alle Fälle</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/audit_view.py" line="137"/>
        <source>The audit trail cannot be changed.</source>
        <translation>Das Protokoll kann nicht geändert werden.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/audit_view.py" line="138"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/audit_view.py" line="144"/>
        <source>Audit trail</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/audit_view.py" line="149"/>
        <source>History of {0}</source>
        <translation>Verlauf von {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/audit_view.py" line="190"/>
        <source>Only the newest {0} events are shown: narrow the filter.</source>
        <translation>Nur die neuesten {0} Ereignisse werden angezeigt: Grenzen Sie die Auswahl ein.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/audit_view.py" line="192"/>
        <source>Events: {0}</source>
        <translation>Ereignisse: {0}</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../desktop/ui/protection/audit_model.py" line="56"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/audit_model.py" line="56"/>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/audit_model.py" line="56"/>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/audit_model.py" line="56"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/audit_model.py" line="79"/>
        <source>(erased)</source>
        <translation>(gelöscht)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/audit_model.py" line="80"/>
        <source>(deleted)</source>
        <translation>(entfernt)</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../desktop/ui/protection/backup_dialog.py" line="102"/>
        <location filename="../../desktop/ui/protection/backup_dialog.py" line="257"/>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/backup_dialog.py" line="104"/>
        <source>&amp;Folder:</source>
        <translation>O&amp;rdner:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/backup_dialog.py" line="104"/>
        <source>&amp;Keep the newest:</source>
        <translation>Die neuesten &amp;behalten:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/backup_dialog.py" line="107"/>
        <source>&amp;Choose folder…</source>
        <translation>&amp;Ordner wählen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/backup_dialog.py" line="108"/>
        <source> backups</source>
        <translation> Sicherungen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/backup_dialog.py" line="109"/>
        <source>Back up when closing Welcome &amp;Desk</source>
        <translation>Beim Schließen von Welcome &amp;Desk sichern</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/backup_dialog.py" line="110"/>
        <source>Made</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/backup_dialog.py" line="110"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/backup_dialog.py" line="111"/>
        <source>&amp;Back up now</source>
        <translation>Jetzt &amp;sichern</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/backup_dialog.py" line="112"/>
        <source>&amp;Restore…</source>
        <translation>&amp;Wiederherstellen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/backup_dialog.py" line="113"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/backup_dialog.py" line="154"/>
        <source>Backup folder</source>
        <translation>Ordner für Sicherungen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/backup_dialog.py" line="190"/>
        <location filename="../../desktop/ui/protection/backup_restore_flow.py" line="96"/>
        <source>Restore backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/backup_dialog.py" line="190"/>
        <source>Welcome Desk backups (*.wdbackup)</source>
        <translation>Welcome-Desk-Sicherungen (*.wdbackup)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/backup_dialog.py" line="206"/>
        <source>Backing up…</source>
        <translation>Sicherung läuft…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/backup_dialog.py" line="224"/>
        <source>Backup written: {0}</source>
        <translation>Sicherung geschrieben: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/backup_dialog.py" line="258"/>
        <source>The backup could not be written. Close Welcome Desk all the same?</source>
        <translation>Die Sicherung konnte nicht geschrieben werden. Welcome Desk trotzdem schließen?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/backup_restore_flow.py" line="108"/>
        <source>The backup of {0} holds {1} clients ({2} open), {3} notes and {4} appointments.</source>
        <translation>Die Sicherung vom {0} enthält {1} Klient*innen ({2} offen), {3} Notizen und {4} Termine.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/backup_restore_flow.py" line="119"/>
        <source>It is a different case file from the one open now.</source>
        <translation>Es ist eine andere Fallakte als die jetzt geöffnete.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/backup_restore_flow.py" line="125"/>
        <source>Restoring replaces the case file on this computer; a safety copy of it is kept. Restore it?</source>
        <translation>Die Wiederherstellung ersetzt die Fallakte auf diesem Computer; eine Sicherheitskopie davon wird aufbewahrt. Wiederherstellen?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/backup_restore_flow.py" line="166"/>
        <source>Reading the backup…</source>
        <translation>Sicherung wird gelesen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/backup_restore_flow.py" line="175"/>
        <location filename="../../desktop/ui/protection/backup_restore_flow.py" line="221"/>
        <source>Restoring…</source>
        <translation>Wird wiederhergestellt…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/backup_restore_flow.py" line="184"/>
        <source>The backup was restored.</source>
        <translation>Die Sicherung wurde wiederhergestellt.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/backup_restore_flow.py" line="186"/>
        <source>Safety copy: {0}</source>
        <translation>Sicherheitskopie: {0}</translation>
    </message>
</context>
<context>
    <name>CalendarChoices</name>
    <message>
        <location filename="../../desktop/ui/reports/calendar_choices.py" line="53"/>
        <source>&amp;Purposes (of appointments, measures and documents)</source>
        <translation>&amp;Zwecke (von Terminen, Maßnahmen und Dokumenten)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/calendar_choices.py" line="54"/>
        <source>Pl&amp;aces</source>
        <translation>Or&amp;te</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/calendar_choices.py" line="55"/>
        <source>&amp;Residence status</source>
        <translation>&amp;Aufenthaltsstatus</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/calendar_choices.py" line="56"/>
        <source>with its le&amp;gal section (§)</source>
        <translation>mit seinem &amp;Paragrafen (§)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/calendar_choices.py" line="57"/>
        <source>Interpreter &amp;languages</source>
        <translation>Dolmetsch&amp;sprachen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/calendar_choices.py" line="62"/>
        <source>Every event gives its time and “Appointment” or “Deadline”. Also write:</source>
        <translation>Jeder Eintrag nennt seine Zeit und „Termin“ oder „Frist“. Außerdem schreiben:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/calendar_choices.py" line="66"/>
        <source>Purposes and places can reveal health or legal matters, the residence status and the language say where a person comes from; once synced to Exchange they leave this computer.</source>
        <translation>Zwecke und Orte können Gesundheits- oder Rechtsangelegenheiten verraten, Aufenthaltsstatus und Sprache sagen, woher eine Person kommt; sobald mit Exchange abgeglichen, verlassen sie diesen Computer.</translation>
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <location filename="../../desktop/ui/reports/calendar_dialog.py" line="47"/>
        <source>Initials (A. H.)</source>
        <translation>Initialen (A. H.)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/calendar_dialog.py" line="48"/>
        <source>Full name</source>
        <translation>Vollständiger Name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/calendar_dialog.py" line="49"/>
        <source>No name</source>
        <translation>Kein Name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/calendar_dialog.py" line="122"/>
        <location filename="../../desktop/ui/reports/calendar_dialog.py" line="154"/>
        <location filename="../../desktop/ui/reports/calendar_dialog.py" line="171"/>
        <source>Export calendar</source>
        <translation>Kalender exportieren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/calendar_dialog.py" line="124"/>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/calendar_dialog.py" line="124"/>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/calendar_dialog.py" line="124"/>
        <source>&amp;Names:</source>
        <translation>&amp;Namen:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/calendar_dialog.py" line="136"/>
        <source>Only {0}</source>
        <translation>Nur {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/calendar_dialog.py" line="138"/>
        <source>Only the client shown (none is open)</source>
        <translation>Nur die angezeigte Person (keine geöffnet)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/calendar_dialog.py" line="131"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/calendar_dialog.py" line="132"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/calendar_dialog.py" line="154"/>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar (*.ics)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/reports/calendar_dialog.py" line="176"/>
        <source>%n event(s) written to {0}.</source>
        <translation>
            <numerusform>%n Termin bzw. Frist in {0} geschrieben.</numerusform>
            <numerusform>%n Termine und Fristen in {0} geschrieben.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CalendarFeedDialog</name>
    <message>
        <location filename="../../desktop/ui/reports/calendar_feed_dialog.py" line="104"/>
        <source>Calendar feed</source>
        <translation>Kalender-Abo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/calendar_feed_dialog.py" line="107"/>
        <source>Welcome Desk keeps the file {0} in this folder up to date: appointments and deadlines from a month ago to a year ahead. Outlook can subscribe to it.</source>
        <translation>Welcome Desk hält die Datei {0} in diesem Ordner aktuell: Termine und Fristen von vor einem Monat bis ein Jahr voraus. Outlook kann sie abonnieren.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/calendar_feed_dialog.py" line="111"/>
        <source>F&amp;older:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/calendar_feed_dialog.py" line="112"/>
        <source>&amp;Names:</source>
        <translation>&amp;Namen:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/calendar_feed_dialog.py" line="113"/>
        <source>No feed</source>
        <translation>Kein Abo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/calendar_feed_dialog.py" line="114"/>
        <source>&amp;Choose…</source>
        <translation>&amp;Wählen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/calendar_feed_dialog.py" line="115"/>
        <source>No &amp;feed</source>
        <translation>&amp;Kein Abo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/calendar_feed_dialog.py" line="118"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/calendar_feed_dialog.py" line="120"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/calendar_feed_dialog.py" line="123"/>
        <source>Folder for the calendar feed</source>
        <translation>Ordner für das Kalender-Abo</translation>
    </message>
</context>
<context>
    <name>CaseList</name>
    <message>
        <location filename="../../desktop/ui/case_list/case_list.py" line="156"/>
        <source>Search: name, other spelling, file number, year of birth</source>
        <translation>Suche: Name, andere Schreibweise, Aktenzeichen, Geburtsjahr</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list/case_list.py" line="158"/>
        <source>Cas&amp;es:</source>
        <translation>Fä&amp;lle:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list/case_list.py" line="161"/>
        <source>Open</source>
        <translation>Offene</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list/case_list.py" line="161"/>
        <source>Closed</source>
        <translation>Abgeschlossene</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list/case_list.py" line="161"/>
        <location filename="../../desktop/ui/case_list/case_list.py" line="166"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list/case_list.py" line="163"/>
        <source>Residence stat&amp;us:</source>
        <translation>Auf&amp;enthaltsstatus:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/case_list/case_list.py" line="168"/>
        <source>Dead&amp;line within %n days</source>
        <translation>
            <numerusform>Frist &amp;in bis zu %n Tag</numerusform>
            <numerusform>Frist &amp;in bis zu %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list/case_list.py" line="169"/>
        <source>Open &amp;measures</source>
        <translation>Offene &amp;Maßnahmen</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <location filename="../../desktop/ui/case_list/case_list_model.py" line="221"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list/case_list_model.py" line="222"/>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list/case_list_model.py" line="223"/>
        <source>Nationality</source>
        <translation>Staatsangehörigkeit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list/case_list_model.py" line="224"/>
        <source>Residence status</source>
        <translation>Aufenthaltsstatus</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list/case_list_model.py" line="225"/>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list/case_list_model.py" line="226"/>
        <source>File number</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list/case_list_model.py" line="260"/>
        <source>found as {0}</source>
        <translation>gefunden als {0}</translation>
    </message>
</context>
<context>
    <name>CaseWorkspace</name>
    <message>
        <location filename="../../desktop/ui/workspace/case_workspace.py" line="71"/>
        <source>&amp;Overview</source>
        <translation>&amp;Übersicht</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/case_workspace.py" line="72"/>
        <source>&amp;Integration plan</source>
        <translation>Integrations&amp;plan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/case_workspace.py" line="73"/>
        <source>&amp;Documents</source>
        <translation>&amp;Dokumente</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/case_workspace.py" line="74"/>
        <source>&amp;Appointments</source>
        <translation>&amp;Termine</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/case_workspace.py" line="75"/>
        <source>No&amp;tes</source>
        <translation>&amp;Notizen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/case_workspace.py" line="76"/>
        <source>Net&amp;work</source>
        <translation>Netz&amp;werk</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/case_workspace.py" line="138"/>
        <source>Select a person in the list, or add one with Ctrl+N.</source>
        <translation>Wählen Sie eine Person in der Liste aus, oder legen Sie mit Strg+N eine neue an.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/case_workspace.py" line="139"/>
        <source>Histor&amp;y…</source>
        <translation>&amp;Verlauf…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/case_workspace.py" line="271"/>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/case_workspace.py" line="272"/>
        <source>A change in this case could not be saved: {0}</source>
        <translation>Eine Änderung in diesem Fall konnte nicht gespeichert werden: {0}</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <location filename="../../desktop/ui/settings/change_passphrase_dialog.py" line="73"/>
        <source>Change passphrase</source>
        <translation>Passphrase ändern</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/change_passphrase_dialog.py" line="75"/>
        <source>&amp;Current passphrase:</source>
        <translation>&amp;Bisherige Passphrase:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/change_passphrase_dialog.py" line="76"/>
        <source>&amp;New passphrase:</source>
        <translation>&amp;Neue Passphrase:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/change_passphrase_dialog.py" line="77"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/change_passphrase_dialog.py" line="81"/>
        <source>C&amp;hange</source>
        <translation>&amp;Ändern</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/change_passphrase_dialog.py" line="82"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/change_passphrase_dialog.py" line="98"/>
        <source>The two new passphrases are not the same.</source>
        <translation>Die beiden neuen Passphrasen stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>ColleagueDialog</name>
    <message>
        <location filename="../../desktop/ui/sync/colleague_dialog.py" line="120"/>
        <source>Compare fingerprints</source>
        <translation>Fingerabdrücke vergleichen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/colleague_dialog.py" line="120"/>
        <source>Add colleague</source>
        <translation>Kollegin oder Kollegen hinzufügen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/colleague_dialog.py" line="122"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/colleague_dialog.py" line="123"/>
        <source>&amp;Identity:</source>
        <translation>&amp;Identität:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/colleague_dialog.py" line="125"/>
        <source>Fingerprint known until now</source>
        <translation>Bisher bekannter Fingerabdruck</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/colleague_dialog.py" line="126"/>
        <source>New fingerprint</source>
        <translation>Neuer Fingerabdruck</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/colleague_dialog.py" line="129"/>
        <source>The bundle is signed with a new key. Ask {0} by phone or in person whether they set up Welcome Desk again, and let them read out the fingerprint their Welcome Desk shows (Sync, My identity). Trust the new identity only if every digit matches the new fingerprint.</source>
        <translation>Das Paket ist mit einem neuen Schlüssel signiert. Fragen Sie {0} telefonisch oder persönlich, ob Welcome Desk neu eingerichtet wurde, und lassen Sie sich den Fingerabdruck vorlesen, den Welcome Desk dort anzeigt (Abgleich, Meine Identität). Vertrauen Sie der neuen Identität nur, wenn jede Ziffer mit dem neuen Fingerabdruck übereinstimmt.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/colleague_dialog.py" line="135"/>
        <location filename="../../desktop/ui/sync/colleague_dialog.py" line="147"/>
        <source>&amp;Trust new identity</source>
        <translation>Neuer Identität &amp;vertrauen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/colleague_dialog.py" line="137"/>
        <source>My fingerprint</source>
        <translation>Mein Fingerabdruck</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/colleague_dialog.py" line="138"/>
        <source>Fingerprint of the identity</source>
        <translation>Fingerabdruck der Identität</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/colleague_dialog.py" line="141"/>
        <source>Before you confirm, compare the fingerprints by phone or in person: your colleague&apos;s Welcome Desk shows theirs under Sync, My identity, and it must match the one on the right digit for digit. They compare yours the same way.</source>
        <translation>Bitte vergleichen Sie vor dem Bestätigen die Fingerabdrücke telefonisch oder persönlich: Welcome Desk Ihrer Kollegin oder Ihres Kollegen zeigt den eigenen unter Abgleich, Meine Identität, und er muss mit dem rechts angezeigten Ziffer für Ziffer übereinstimmen. Ihren Fingerabdruck vergleicht die andere Seite genauso.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/colleague_dialog.py" line="147"/>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/colleague_dialog.py" line="149"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>ColleaguesPage</name>
    <message>
        <location filename="../../desktop/ui/sync/colleagues_page.py" line="112"/>
        <source>My identity</source>
        <translation>Meine Identität</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/colleagues_page.py" line="113"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/colleagues_page.py" line="114"/>
        <source>My fingerprint:</source>
        <translation>Mein Fingerabdruck:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/colleagues_page.py" line="117"/>
        <source>Give your colleagues this identity (by e-mail or on a USB stick), then read the fingerprint to them by phone or in person so they can check it.</source>
        <translation>Geben Sie diese Identität Ihren Kolleginnen und Kollegen (per E-Mail oder auf einem USB-Stick) und lesen Sie ihnen dann den Fingerabdruck telefonisch oder persönlich vor, damit sie ihn prüfen können.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/colleagues_page.py" line="123"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/colleagues_page.py" line="124"/>
        <source>Fingerprint</source>
        <translation>Fingerabdruck</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/colleagues_page.py" line="125"/>
        <source>Last bundle received</source>
        <translation>Letztes Paket erhalten</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/colleagues_page.py" line="126"/>
        <source>Last bundle sent</source>
        <translation>Letztes Paket gesendet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/colleagues_page.py" line="127"/>
        <source>Changes waiting for them</source>
        <translation>Für sie ausstehende Änderungen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/colleagues_page.py" line="130"/>
        <source>&amp;Add colleague…</source>
        <translation>Kollegin/Kollegen &amp;hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/colleagues_page.py" line="131"/>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/colleagues_page.py" line="132"/>
        <source>&amp;Wait for a silent colleague:</source>
        <translation>&amp;Warten auf stille Kolleginnen und Kollegen:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/colleagues_page.py" line="133"/>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/colleagues_page.py" line="136"/>
        <source>Change history is kept until every colleague has received it, but for a colleague who sends nothing for longer than this only until then: they get the whole current state (a snapshot) when they return.</source>
        <translation>Der Änderungsverlauf wird aufbewahrt, bis alle Kolleginnen und Kollegen ihn erhalten haben – auf jemanden, der länger als diese Zeit nichts schickt, aber nur so lange gewartet: Bei der Rückkehr bekommt diese Person den ganzen aktuellen Stand (einen Schnappschuss).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/colleagues_page.py" line="182"/>
        <source>Remove colleague</source>
        <translation>Kollegin oder Kollegen entfernen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/colleagues_page.py" line="184"/>
        <source>Stop trusting {0}? Bundles from {0} will be refused until you add them again; the changes already merged stay.</source>
        <translation>{0} nicht mehr vertrauen? Pakete von {0} werden abgelehnt, bis Sie die Person wieder hinzufügen; bereits übernommene Änderungen bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/colleagues_page.py" line="191"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/colleagues_page.py" line="192"/>
        <source>&amp;Keep</source>
        <translation>&amp;Behalten</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="76"/>
        <source>When you and a colleague changed the same thing before exchanging bundles, the later change was kept. Check each one: keep it, or restore the value that lost.</source>
        <translation>Wenn Sie und eine Kollegin oder ein Kollege dasselbe geändert haben, bevor Pakete ausgetauscht wurden, gilt die spätere Änderung. Prüfen Sie jeden Fall: beibehalten oder den unterlegenen Wert wiederherstellen.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="82"/>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="261"/>
        <source>Client</source>
        <translation>Klient/in</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="83"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="84"/>
        <source>Lost value</source>
        <translation>Unterlegener Wert</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="85"/>
        <source>Kept value</source>
        <translation>Geltender Wert</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="86"/>
        <source>Lost change by</source>
        <translation>Unterlegene Änderung von</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="87"/>
        <source>Kept change by</source>
        <translation>Geltende Änderung von</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="90"/>
        <source>&amp;Keep current value</source>
        <translation>Aktuellen Wert &amp;beibehalten</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="91"/>
        <source>&amp;Restore lost value</source>
        <translation>Unterlegenen Wert &amp;wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="201"/>
        <source>No conflicts to review.</source>
        <translation>Keine Konflikte zu prüfen.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="205"/>
        <source>Lost: {0} (changed by {1} on {2})</source>
        <translation>Unterlegen: {0} (geändert von {1} am {2})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="212"/>
        <source>Kept: {0} (changed by {1} on {2})</source>
        <translation>Geltend: {0} (geändert von {1} am {2})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="220"/>
        <source>{0} deleted this entry on {1} without having seen the change, so the change cannot be restored here.</source>
        <translation>Gelöscht von {0} am {1}, ohne dass die Änderung bekannt war; sie lässt sich hier nicht wiederherstellen.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="229"/>
        <source>(deleted)</source>
        <translation>(gelöscht)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="232"/>
        <source>this computer</source>
        <translation>diesem Computer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="236"/>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="242"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="242"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="262"/>
        <source>Household</source>
        <translation>Haushalt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="263"/>
        <source>Integration plan</source>
        <translation>Integrationsplan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="264"/>
        <source>Goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="265"/>
        <source>Measure</source>
        <translation>Maßnahme</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="266"/>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="267"/>
        <source>Appointment</source>
        <translation>Termin</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="268"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="269"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="270"/>
        <source>Support</source>
        <translation>Unterstützung</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="271"/>
        <source>Attachment</source>
        <translation>Anhang</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="272"/>
        <source>Deadline mark</source>
        <translation>Fristvermerk</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="277"/>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="278"/>
        <source>file number</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="279"/>
        <source>personal details</source>
        <translation>Angaben zur Person</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="280"/>
        <source>languages</source>
        <translation>Sprachen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="281"/>
        <source>contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="282"/>
        <source>address</source>
        <translation>Anschrift</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="283"/>
        <source>household</source>
        <translation>Haushalt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="284"/>
        <source>arrival and housing</source>
        <translation>Ankunft und Wohnen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="285"/>
        <source>residence status</source>
        <translation>Aufenthaltsstatus</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="286"/>
        <source>consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="287"/>
        <source>case dates</source>
        <translation>Falldaten</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="288"/>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="293"/>
        <source>details</source>
        <translation>Angaben</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="289"/>
        <source>assignment</source>
        <translation>Zuordnung</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="290"/>
        <source>status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="291"/>
        <source>expiry date</source>
        <translation>Ablaufdatum</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="292"/>
        <source>date and time</source>
        <translation>Datum und Uhrzeit</translation>
    </message>
</context>
<context>
    <name>DamageNotice</name>
    <message>
        <location filename="../../desktop/ui/shell/damage_notice.py" line="37"/>
        <source>The case file is damaged</source>
        <translation>Die Fallakte ist beschädigt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/damage_notice.py" line="40"/>
        <source>Backups and &amp;restore…</source>
        <translation>Sicherungen und &amp;Wiederherstellung…</translation>
    </message>
</context>
<context>
    <name>DeadlineRadar</name>
    <message>
        <location filename="../../desktop/ui/agenda/deadline_radar.py" line="251"/>
        <source>Deadline radar</source>
        <translation>Fristenradar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/deadline_radar.py" line="252"/>
        <source>&amp;Within:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/deadline_radar.py" line="253"/>
        <source>2 weeks</source>
        <translation>2 Wochen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/deadline_radar.py" line="253"/>
        <source>4 weeks</source>
        <translation>4 Wochen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/deadline_radar.py" line="253"/>
        <source>6 weeks</source>
        <translation>6 Wochen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/deadline_radar.py" line="253"/>
        <source>8 weeks</source>
        <translation>8 Wochen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/deadline_radar.py" line="256"/>
        <source>K&amp;ind:</source>
        <translation>A&amp;rt:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/deadline_radar.py" line="257"/>
        <source>Include &amp;measures</source>
        <translation>&amp;Maßnahmen einbeziehen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/deadline_radar.py" line="258"/>
        <source>&amp;Open case</source>
        <translation>Fall ö&amp;ffnen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/deadline_radar.py" line="259"/>
        <source>Mark as &amp;done</source>
        <translation>Als &amp;erledigt markieren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/deadline_radar.py" line="260"/>
        <source>&amp;Snooze until…</source>
        <translation>&amp;Zurückstellen bis…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/deadline_radar.py" line="261"/>
        <source>&amp;Reopen</source>
        <translation>&amp;Wieder öffnen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/deadline_radar.py" line="262"/>
        <source>Don&amp;e</source>
        <translation>&amp;Erledigt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/deadline_radar.py" line="263"/>
        <source>Snoo&amp;ze until…</source>
        <translation>Zurück&amp;stellen bis…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/deadline_radar.py" line="264"/>
        <source>Re&amp;open</source>
        <translation>&amp;Wieder öffnen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/deadline_radar.py" line="313"/>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/deadline_radar.py" line="331"/>
        <source>Show done &amp;and snoozed (%1)</source>
        <translation>Erledigte und Zurückgestellte einb&amp;lenden (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/deadline_radar.py" line="333"/>
        <source>Nothing comes due in this time.</source>
        <translation>In diesem Zeitraum wird nichts fällig.</translation>
    </message>
</context>
<context>
    <name>DocumentScans</name>
    <message>
        <location filename="../../desktop/ui/workspace/documents/documents_scans.py" line="73"/>
        <source>Attach scan…</source>
        <translation>Scan anhängen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/documents/documents_scans.py" line="74"/>
        <source>Save scan as…</source>
        <translation>Scan speichern unter…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/documents/documents_scans.py" line="76"/>
        <source>Writes an unencrypted copy of the scan to a place you choose.</source>
        <translation>Speichert eine unverschlüsselte Kopie des Scans an einem Ort Ihrer Wahl.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/documents/documents_scans.py" line="78"/>
        <source>Remove scan…</source>
        <translation>Scan entfernen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/documents/documents_scans.py" line="126"/>
        <source>Remove the scan “{0}”?</source>
        <translation>Den Scan „{0}“ entfernen?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/documents/documents_scans.py" line="138"/>
        <source>Attach scan</source>
        <translation>Scan anhängen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/documents/documents_scans.py" line="139"/>
        <source>Scans ({0});;All files (*)</source>
        <translation>Scans ({0});;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/documents/documents_scans.py" line="144"/>
        <source>Save scan as</source>
        <translation>Scan speichern unter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/documents/documents_scans.py" line="150"/>
        <location filename="../../desktop/ui/workspace/documents/documents_scans.py" line="155"/>
        <source>Scans</source>
        <translation>Scans</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/documents/documents_scans.py" line="150"/>
        <source>Which scan?</source>
        <translation>Welcher Scan?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/documents/documents_scans.py" line="183"/>
        <source>The file could not be read or written: {0}</source>
        <translation>Die Datei konnte nicht gelesen oder geschrieben werden: {0}</translation>
    </message>
</context>
<context>
    <name>DocumentsModel</name>
    <message>
        <location filename="../../desktop/ui/workspace/documents/documents_model.py" line="102"/>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/documents/documents_model.py" line="102"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/documents/documents_model.py" line="102"/>
        <source>Held by</source>
        <translation>Verwahrt bei</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/documents/documents_model.py" line="102"/>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/documents/documents_model.py" line="103"/>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/documents/documents_model.py" line="103"/>
        <source>Note</source>
        <translation>Bemerkung</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/documents/documents_model.py" line="103"/>
        <source>Scan</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/documents/documents_model.py" line="144"/>
        <source>1 scan</source>
        <translation>1 Scan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/documents/documents_model.py" line="145"/>
        <source>{0} scans</source>
        <translation>{0} Scans</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/documents/documents_model.py" line="155"/>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/documents/documents_model.py" line="157"/>
        <source>Expires within 30 days</source>
        <translation>Läuft innerhalb von 30 Tagen ab</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <location filename="../../desktop/ui/workspace/documents/documents_tab.py" line="136"/>
        <source>Add document</source>
        <translation>Dokument hinzufügen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/documents/documents_tab.py" line="137"/>
        <source>Add standard checklist</source>
        <translation>Standard-Checkliste hinzufügen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/documents/documents_tab.py" line="138"/>
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/documents/documents_tab.py" line="212"/>
        <source>Remove “{0}” from the checklist?</source>
        <translation>„{0}“ von der Checkliste entfernen?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/documents/documents_tab.py" line="214"/>
        <source>Its scans are removed too.</source>
        <translation>Die zugehörigen Scans werden ebenfalls entfernt.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/documents/documents_tab.py" line="226"/>
        <source>Checklist</source>
        <translation>Checkliste</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/documents/documents_tab.py" line="232"/>
        <source>Original in custody</source>
        <translation>Original in Verwahrung</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/documents/documents_tab.py" line="232"/>
        <source>Who holds the original?</source>
        <translation>Wer verwahrt das Original?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/documents/documents_tab.py" line="315"/>
        <source>No documents on the checklist yet.</source>
        <translation>Noch keine Dokumente auf der Checkliste.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/documents/documents_tab.py" line="317"/>
        <source>Nothing missing.</source>
        <translation>Es fehlt nichts.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/documents/documents_tab.py" line="320"/>
        <source>Still missing: {0}</source>
        <translation>Es fehlt noch: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/documents/documents_tab.py" line="323"/>
        <source>{5} on the checklist: {0} present, {1} missing, {2} requested, {3} expired, {4} in custody</source>
        <translation>{5} auf der Checkliste: {0} vorhanden, {1} fehlend, {2} beantragt, {3} abgelaufen, {4} in Verwahrung</translation>
    </message>
</context>
<context>
    <name>DueForErasureDialog</name>
    <message>
        <location filename="../../desktop/ui/protection/erasure_view.py" line="91"/>
        <source>Cases due for erasure</source>
        <translation>Zur Löschung fällige Fälle</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/erasure_view.py" line="92"/>
        <source>&amp;Keep closed cases for (months):</source>
        <translation>Abgeschlossene Fälle auf&amp;bewahren (Monate):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/erasure_view.py" line="94"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/erasure_view.py" line="94"/>
        <source>File number</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/erasure_view.py" line="94"/>
        <source>Closed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/erasure_view.py" line="94"/>
        <source>Keep until</source>
        <translation>Aufbewahren bis</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/erasure_view.py" line="96"/>
        <source>Select &amp;all</source>
        <translation>&amp;Alle auswählen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/erasure_view.py" line="97"/>
        <source>&amp;Erase…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/erasure_view.py" line="98"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/erasure_view.py" line="161"/>
        <source>Erase cases</source>
        <translation>Fälle löschen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/protection/erasure_view.py" line="162"/>
        <source>Erase %n case(s) for good? This cannot be undone.</source>
        <translation>
            <numerusform>%n Fall endgültig löschen? Das lässt sich nicht rückgängig machen.</numerusform>
            <numerusform>%n Fälle endgültig löschen? Das lässt sich nicht rückgängig machen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/erasure_view.py" line="165"/>
        <source>The backups in the data folder and in the backup folder are rewritten without them. Erasure cannot reach backups kept elsewhere, exports, printed plans or colleagues&apos; case files until they sync.</source>
        <translation>Die Sicherungen im Datenordner und im Sicherungsordner werden ohne sie neu geschrieben. Nicht erreicht werden anderswo aufbewahrte Sicherungen, Exporte, ausgedruckte Pläne und die Fallakten von Kolleg*innen, bis diese synchronisieren.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/erasure_view.py" line="187"/>
        <source>Erasing cases</source>
        <translation>Fälle werden gelöscht</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/protection/erasure_view.py" line="191"/>
        <source>%n case(s) erased for good.</source>
        <translation>
            <numerusform>%n Fall endgültig gelöscht.</numerusform>
            <numerusform>%n Fälle endgültig gelöscht.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="191"/>
        <source>Likely duplicates</source>
        <translation>Wahrscheinliche Doppelungen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="194"/>
        <source>These records are probably the same person, written differently. Choose a pair to compare them and to merge them into one.</source>
        <translation>Diese Einträge sind wahrscheinlich dieselbe Person, anders geschrieben. Wählen Sie ein Paar, um es zu vergleichen und zu einem Eintrag zusammenzuführen.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="199"/>
        <source>Score</source>
        <translation>Übereinstimmung</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="199"/>
        <source>First record</source>
        <translation>Erster Eintrag</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="199"/>
        <source>Second record</source>
        <translation>Zweiter Eintrag</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="199"/>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="201"/>
        <source>No likely duplicates.</source>
        <translation>Keine wahrscheinlichen Doppelungen.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="202"/>
        <source>Keep:</source>
        <translation>Behalten:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="203"/>
        <source>&amp;Merge…</source>
        <translation>&amp;Zusammenführen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="204"/>
        <source>&amp;Not the same person</source>
        <translation>&amp;Nicht dieselbe Person</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="205"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="210"/>
        <source>Family name</source>
        <translation>Familienname</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="211"/>
        <source>Given names</source>
        <translation>Vornamen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="212"/>
        <source>Other spellings</source>
        <translation>Andere Schreibweisen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="213"/>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="214"/>
        <source>Place of birth</source>
        <translation>Geburtsort</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="215"/>
        <source>Sex</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="216"/>
        <source>Nationality</source>
        <translation>Staatsangehörigkeit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="217"/>
        <source>File number</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="218"/>
        <source>Residence status</source>
        <translation>Aufenthaltsstatus</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="219"/>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="220"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="221"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="222"/>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="223"/>
        <source>Postcode</source>
        <translation>Postleitzahl</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="224"/>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="225"/>
        <source>Arrived on</source>
        <translation>Angekommen am</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="226"/>
        <source>Case opened on</source>
        <translation>Fall eröffnet am</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="235"/>
        <source>Looking for likely duplicates…</source>
        <translation>Wahrscheinliche Doppelungen werden gesucht…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="306"/>
        <source>Kept: {0}</source>
        <translation>Bleibt: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="307"/>
        <source>Merged into it: {0}</source>
        <translation>Wird eingefügt: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="308"/>
        <source>After the merge</source>
        <translation>Nach dem Zusammenführen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="344"/>
        <source>{other}&apos;s plans, documents, appointments, notes and support links move to {keep}. {keep} keeps its values and takes the empty ones from {other}; {other}&apos;s names become other spellings and the record {other} is removed.

This travels to colleagues with the next sync. Merge?</source>
        <translation>Pläne, Dokumente, Termine, Notizen und Unterstützungen von {other} gehen zu {keep}. {keep} behält die eigenen Angaben und übernimmt die leeren von {other}; die Namen von {other} werden andere Schreibweisen, und der Eintrag {other} wird entfernt.

Das geht mit dem nächsten Abgleich an die Kolleginnen und Kollegen. Zusammenführen?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="354"/>
        <source>Merge two records</source>
        <translation>Zwei Einträge zusammenführen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/duplicates_view.py" line="365"/>
        <source>Merging…</source>
        <translation>Wird zusammengeführt…</translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <location filename="../../desktop/ui/sync/exchange_page.py" line="170"/>
        <source>Send my changes</source>
        <translation>Meine Änderungen senden</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/exchange_page.py" line="171"/>
        <source>&amp;To:</source>
        <translation>&amp;An:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/exchange_page.py" line="172"/>
        <source>&amp;Full export (for a new colleague or after a long absence)</source>
        <translation>&amp;Vollständiger Export (für neue Kolleginnen und Kollegen oder nach langer Abwesenheit)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/exchange_page.py" line="173"/>
        <source>&amp;Export for colleague…</source>
        <translation>Für Kollegin/Kollegen e&amp;xportieren…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/exchange_page.py" line="174"/>
        <source>Receive a colleague&apos;s changes</source>
        <translation>Änderungen von Kolleginnen und Kollegen empfangen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/exchange_page.py" line="175"/>
        <source>Drop bundle files (.wdb) here</source>
        <translation>Abgleichpakete (.wdb) hierher ziehen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/exchange_page.py" line="176"/>
        <source>&amp;Import bundle…</source>
        <translation>Paket &amp;einlesen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/exchange_page.py" line="177"/>
        <source>Watched folder</source>
        <translation>Überwachter Ordner</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/exchange_page.py" line="178"/>
        <source>&amp;Watch a sync folder (a shared folder or a USB stick)</source>
        <translation>Abgleichordner &amp;überwachen (ein gemeinsamer Ordner oder ein USB-Stick)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/exchange_page.py" line="179"/>
        <source>No folder chosen</source>
        <translation>Kein Ordner gewählt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/exchange_page.py" line="180"/>
        <source>C&amp;hoose folder…</source>
        <translation>Ordner &amp;wählen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/exchange_page.py" line="181"/>
        <source>Check &amp;now</source>
        <translation>&amp;Jetzt prüfen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/exchange_page.py" line="184"/>
        <source>Every minute, bundles for this computer in the folder are imported, and fresh bundles for every colleague are left there.</source>
        <translation>Jede Minute werden Pakete für diesen Computer aus dem Ordner eingelesen und neue Pakete für alle Kolleginnen und Kollegen dort abgelegt.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/exchange_page.py" line="204"/>
        <source>Save bundle for {0}</source>
        <translation>Paket für {0} speichern</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/exchange_page.py" line="217"/>
        <source>Writing the bundle for {0}…</source>
        <translation>Paket für {0} wird geschrieben…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/exchange_page.py" line="228"/>
        <source>The bundle for {0} holds 1 change and was saved as {1}.</source>
        <translation>Das Paket für {0} enthält 1 Änderung und wurde als {1} gespeichert.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/exchange_page.py" line="230"/>
        <source>The bundle for {0} holds {2} changes and was saved as {1}.</source>
        <translation>Das Paket für {0} enthält {2} Änderungen und wurde als {1} gespeichert.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/exchange_page.py" line="244"/>
        <source>Import bundle</source>
        <translation>Paket einlesen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/exchange_page.py" line="264"/>
        <source>Importing bundles…</source>
        <translation>Pakete werden eingelesen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/exchange_page.py" line="273"/>
        <source>Choose the sync folder</source>
        <translation>Abgleichordner wählen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/exchange_page.py" line="292"/>
        <source>Checking the sync folder…</source>
        <translation>Abgleichordner wird geprüft…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/exchange_page.py" line="302"/>
        <source>Nothing new in the sync folder.</source>
        <translation>Nichts Neues im Abgleichordner.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/exchange_page.py" line="305"/>
        <source>1 bundle for colleagues written.</source>
        <translation>1 Paket für Kolleginnen und Kollegen geschrieben.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/exchange_page.py" line="307"/>
        <source>{0} bundles for colleagues written.</source>
        <translation>{0} Pakete für Kolleginnen und Kollegen geschrieben.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/exchange_page.py" line="332"/>
        <source>Welcome Desk bundles (*.wdb)</source>
        <translation>Welcome-Desk-Abgleichpakete (*.wdb)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/sync/exchange_page.py" line="390"/>
        <source>Review likely &amp;duplicates (%n)…</source>
        <translation>
            <numerusform>Wahrscheinliche &amp;Doppelung prüfen (%n)…</numerusform>
            <numerusform>Wahrscheinliche &amp;Doppelungen prüfen (%n)…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/exchange_page.py" line="421"/>
        <source>Sync</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/exchange_page.py" line="422"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/exchange_page.py" line="427"/>
        <source>&amp;Compare fingerprints…</source>
        <translation>Fingerabdrücke &amp;vergleichen…</translation>
    </message>
</context>
<context>
    <name>FolderWatcher</name>
    <message>
        <location filename="../../desktop/ui/sync/folder_watcher.py" line="35"/>
        <source>1 bundle imported from the sync folder</source>
        <translation>1 Paket aus dem überwachten Ordner eingelesen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/folder_watcher.py" line="37"/>
        <source>{0} bundles imported from the sync folder</source>
        <translation>{0} Pakete aus dem überwachten Ordner eingelesen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/folder_watcher.py" line="43"/>
        <source>; 1 conflict to review</source>
        <translation>; 1 Konflikt zur Durchsicht</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/folder_watcher.py" line="45"/>
        <source>; {0} conflicts to review</source>
        <translation>; {0} Konflikte zur Durchsicht</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/folder_watcher.py" line="50"/>
        <source>Not imported from the sync folder: {0}</source>
        <translation>Aus dem überwachten Ordner nicht eingelesen: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/folder_watcher.py" line="57"/>
        <source>1 bundle waits for earlier changes.</source>
        <translation>1 Paket wartet auf frühere Änderungen.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/folder_watcher.py" line="59"/>
        <source>{0} bundles wait for earlier changes.</source>
        <translation>{0} Pakete warten auf frühere Änderungen.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/folder_watcher.py" line="68"/>
        <source>The sync folder {0} cannot be reached; Welcome Desk will try again.</source>
        <translation>Der Abgleichordner {0} ist nicht erreichbar; Welcome Desk versucht es erneut.</translation>
    </message>
</context>
<context>
    <name>GoalDialog</name>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_goal_dialog.py" line="86"/>
        <source>Edit goal</source>
        <translation>Ziel bearbeiten</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_goal_dialog.py" line="88"/>
        <source>&amp;Field of action:</source>
        <translation>&amp;Handlungsfeld:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_goal_dialog.py" line="89"/>
        <source>&amp;Goal:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_goal_dialog.py" line="90"/>
        <source>In the &amp;client&apos;s languages:</source>
        <translation>In den Sprachen der &amp;Klient/in:</translation>
    </message>
</context>
<context>
    <name>HouseholdList</name>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_household.py" line="59"/>
        <source>Double-click a person or press Enter to open their case.</source>
        <translation>Doppelklicken Sie auf eine Person oder drücken Sie die Eingabetaste, um ihren Fall zu öffnen.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_household.py" line="61"/>
        <source>Nobody else is registered in this household.</source>
        <translation>In diesem Haushalt ist sonst niemand erfasst.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_household.py" line="63"/>
        <source>This client is not part of a household.</source>
        <translation>Diese Person ist keinem Haushalt zugeordnet.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/ui/client_import/import_dialog.py" line="192"/>
        <source>Import clients from a spreadsheet</source>
        <translation>Klienten aus einer Tabelle importieren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_dialog.py" line="195"/>
        <source>Choose a CSV file or an Excel workbook (.xlsx) with one client per row and the column names in the first row. Nothing is written before the last step.</source>
        <translation>Wählen Sie eine CSV-Datei oder eine Excel-Arbeitsmappe (.xlsx) mit einer Person pro Zeile und den Spaltennamen in der ersten Zeile. Vor dem letzten Schritt wird nichts gespeichert.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_dialog.py" line="199"/>
        <source>&amp;File:</source>
        <translation>Da&amp;tei:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_dialog.py" line="200"/>
        <source>No file chosen</source>
        <translation>Keine Datei gewählt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_dialog.py" line="201"/>
        <source>&amp;Choose file…</source>
        <translation>&amp;Datei wählen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_dialog.py" line="202"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Zurück</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_dialog.py" line="203"/>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Weiter &gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_dialog.py" line="204"/>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/client_import/import_dialog.py" line="211"/>
        <location filename="../../desktop/ui/client_import/import_dialog.py" line="321"/>
        <source>Review likely &amp;duplicates (%n)…</source>
        <translation>
            <numerusform>Wahrscheinliche &amp;Doppelung prüfen (%n)…</numerusform>
            <numerusform>Wahrscheinliche &amp;Doppelungen prüfen (%n)…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_dialog.py" line="221"/>
        <source>Choose a spreadsheet</source>
        <translation>Tabelle wählen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_dialog.py" line="222"/>
        <source>Spreadsheets (*.csv *.xlsx);;All files (*)</source>
        <translation>Tabellen (*.csv *.xlsx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_dialog.py" line="274"/>
        <source>Checking the rows…</source>
        <translation>Zeilen werden geprüft…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_dialog.py" line="294"/>
        <source>Importing clients…</source>
        <translation>Klienten werden importiert…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_dialog.py" line="317"/>
        <source>Looking for likely duplicates…</source>
        <translation>Wahrscheinliche Doppelungen werden gesucht…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_dialog.py" line="337"/>
        <source>Imported: {0}.</source>
        <translation>Importiert: {0}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_dialog.py" line="345"/>
        <source>{0} rows with {1} columns were read.</source>
        <translation>{0} Zeilen mit {1} Spalten wurden gelesen.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_dialog.py" line="351"/>
        <source>The import was cancelled: nothing was imported.</source>
        <translation>Der Import wurde abgebrochen: nichts wurde importiert.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_dialog.py" line="378"/>
        <source>Step 1 of 4: choose the spreadsheet</source>
        <translation>Schritt 1 von 4: Tabelle wählen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_dialog.py" line="379"/>
        <source>Step 2 of 4: match the columns to fields</source>
        <translation>Schritt 2 von 4: Spalten den Feldern zuordnen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_dialog.py" line="380"/>
        <source>Step 3 of 4: check the rows (a dry run)</source>
        <translation>Schritt 3 von 4: Zeilen prüfen (Probelauf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_dialog.py" line="381"/>
        <source>Step 4 of 4: done</source>
        <translation>Schritt 4 von 4: fertig</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_dialog.py" line="389"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_dialog.py" line="389"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>ItemTextsEditor</name>
    <message>
        <location filename="../../desktop/ui/widgets/item_texts.py" line="119"/>
        <source>Add a text in another language…</source>
        <translation>Text in einer weiteren Sprache hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/item_texts.py" line="131"/>
        <source>Which language is this?</source>
        <translation>Welche Sprache ist das?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/item_texts.py" line="138"/>
        <source>This text&apos;s language is not known: it is not printed until you say which.</source>
        <translation>Die Sprache dieses Textes ist nicht bekannt: Er wird erst gedruckt, wenn Sie sie angeben.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/item_texts.py" line="141"/>
        <source>Language not set:</source>
        <translation>Sprache nicht angegeben:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/item_texts.py" line="160"/>
        <source>{0} (from the phrase book)</source>
        <translation>{0} (aus den Textbausteinen)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/item_texts.py" line="161"/>
        <source>Type a text only to replace the phrase book&apos;s.</source>
        <translation>Nur dann einen Text eingeben, wenn er den des Textbausteins ersetzen soll.</translation>
    </message>
</context>
<context>
    <name>JobStatus</name>
    <message>
        <location filename="../../desktop/ui/widgets/job_status.py" line="37"/>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/job_status.py" line="38"/>
        <source>Stop after the file being read now</source>
        <translation>Nach der Datei anhalten, die gerade gelesen wird</translation>
    </message>
</context>
<context>
    <name>KeyboardMapDialog</name>
    <message>
        <location filename="../../desktop/ui/shell/keyboard_map.py" line="75"/>
        <source>Keyboard map</source>
        <translation>Tastaturübersicht</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/keyboard_map.py" line="76"/>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/keyboard_map.py" line="76"/>
        <source>What they do</source>
        <translation>Was sie tun</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/keyboard_map.py" line="78"/>
        <source>Anywhere in the window</source>
        <translation>Überall im Fenster</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/keyboard_map.py" line="80"/>
        <source>Search and case list</source>
        <translation>Suche und Fallliste</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/keyboard_map.py" line="82"/>
        <source>From the search into the results</source>
        <translation>Von der Suche in die Ergebnisse</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/keyboard_map.py" line="83"/>
        <source>In the search: open the first person found</source>
        <translation>In der Suche: die erste gefundene Person öffnen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/keyboard_map.py" line="86"/>
        <source>On a row: open the case, the focus in its first field</source>
        <translation>Auf einer Zeile: den Fall öffnen, mit dem Cursor im ersten Feld</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/keyboard_map.py" line="88"/>
        <source>On the first row: back to the search</source>
        <translation>Auf der ersten Zeile: zurück zur Suche</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/keyboard_map.py" line="89"/>
        <source>Back to the search; in the search: clear it</source>
        <translation>Zurück zur Suche; in der Suche: sie leeren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/keyboard_map.py" line="93"/>
        <source>The open case</source>
        <translation>Der geöffnete Fall</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/keyboard_map.py" line="95"/>
        <source>Next tab</source>
        <translation>Nächster Reiter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/keyboard_map.py" line="98"/>
        <source>Previous tab</source>
        <translation>Vorheriger Reiter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/keyboard_map.py" line="100"/>
        <source>Back to the search (the case stays open)</source>
        <translation>Zurück zur Suche (der Fall bleibt geöffnet)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/keyboard_map.py" line="101"/>
        <source>Alt+underlined letter</source>
        <translation>Alt+unterstrichener Buchstabe</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/keyboard_map.py" line="101"/>
        <source>The field or button of that letter</source>
        <translation>Das Feld oder die Schaltfläche mit diesem Buchstaben</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/keyboard_map.py" line="105"/>
        <source>Deadline radar (agenda)</source>
        <translation>Fristenradar (Agenda)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/keyboard_map.py" line="107"/>
        <source>Open the case on the tab that holds the deadline</source>
        <translation>Den Fall auf dem Reiter der Frist öffnen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/keyboard_map.py" line="108"/>
        <source>On a heading: fold or unfold it</source>
        <translation>Auf einer Überschrift: sie auf- oder zuklappen</translation>
    </message>
</context>
<context>
    <name>LanguagesList</name>
    <message>
        <location filename="../../desktop/ui/workspace/overview/languages_editor.py" line="121"/>
        <source>Add la&amp;nguage</source>
        <translation>&amp;Sprache hinzufügen</translation>
    </message>
</context>
<context>
    <name>LockedPage</name>
    <message>
        <location filename="../../desktop/ui/shell/locked_page.py" line="27"/>
        <source>The case file is locked.</source>
        <translation>Die Fallakte ist gesperrt.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/locked_page.py" line="28"/>
        <source>Unlock…</source>
        <translation>Entsperren…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/shell/window_menus.py" line="98"/>
        <source>&amp;Case file</source>
        <translation>&amp;Fallakte</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window_menus.py" line="99"/>
        <source>&amp;New client…</source>
        <translation>&amp;Neue Klientin / neuer Klient…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window_menus.py" line="100"/>
        <source>&amp;Print plan…</source>
        <translation>Plan &amp;drucken…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window_menus.py" line="101"/>
        <source>&amp;Import clients from a spreadsheet…</source>
        <translation>Klienten aus einer &amp;Tabelle importieren…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window_menus.py" line="102"/>
        <source>&amp;Lock</source>
        <translation>&amp;Sperren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window_menus.py" line="103"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window_menus.py" line="104"/>
        <source>Phrase &amp;book…</source>
        <translation>Te&amp;xtbausteine…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window_menus.py" line="105"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window_menus.py" line="106"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window_menus.py" line="107"/>
        <source>&amp;Cases</source>
        <translation>&amp;Fälle</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window_menus.py" line="108"/>
        <source>&amp;Agenda</source>
        <translation>&amp;Agenda</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window_menus.py" line="109"/>
        <source>&amp;Organisations…</source>
        <translation>&amp;Organisationen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window_menus.py" line="110"/>
        <source>&amp;Sync</source>
        <translation>A&amp;bgleich</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window_menus.py" line="111"/>
        <source>Sync with &amp;colleagues…</source>
        <translation>Abgleich mit &amp;Kolleginnen und Kollegen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window_menus.py" line="112"/>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window_menus.py" line="113"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window_menus.py" line="114"/>
        <source>&amp;Keyboard map…</source>
        <translation>&amp;Tastaturübersicht…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/print_preview.py" line="393"/>
        <source>Integration plan: {0}</source>
        <translation>Integrationsplan: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/main_window.py" line="400"/>
        <source>A change could not be saved: {0} Close all the same?</source>
        <translation>Eine Änderung konnte nicht gespeichert werden: {0} Trotzdem schließen?</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../desktop/ui/client_import/import_mapping.py" line="60"/>
        <source>Choose the field each column of the spreadsheet fills. The guess comes from the column headers; columns set to (ignore) are not imported.</source>
        <translation>Wählen Sie für jede Spalte der Tabelle das Feld, das sie füllt. Der Vorschlag stammt aus den Spaltenüberschriften; Spalten mit (ignorieren) werden nicht importiert.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_mapping.py" line="64"/>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_mapping.py" line="65"/>
        <source>First values</source>
        <translation>Erste Werte</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_mapping.py" line="66"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_mapping.py" line="69"/>
        <source>(ignore)</source>
        <translation>(ignorieren)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_mapping.py" line="87"/>
        <source>Column {0}</source>
        <translation>Spalte {0}</translation>
    </message>
</context>
<context>
    <name>MeasureDialog</name>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_measure_dialog.py" line="90"/>
        <source>Edit measure</source>
        <translation>Maßnahme bearbeiten</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_measure_dialog.py" line="90"/>
        <source>New measure</source>
        <translation>Neue Maßnahme</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_measure_dialog.py" line="92"/>
        <source>&amp;What:</source>
        <translation>&amp;Was:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_measure_dialog.py" line="92"/>
        <source>W&amp;ho:</source>
        <translation>W&amp;er:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_measure_dialog.py" line="92"/>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_measure_dialog.py" line="92"/>
        <source>&amp;Due on:</source>
        <translation>&amp;Fällig am:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_measure_dialog.py" line="93"/>
        <source>In the &amp;client&apos;s languages:</source>
        <translation>In den Sprachen der &amp;Klient/in:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_measure_dialog.py" line="98"/>
        <source>e.g. {0}</source>
        <translation>z. B. {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_measure_dialog.py" line="105"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
</context>
<context>
    <name>MissingTextDialog</name>
    <message>
        <location filename="../../desktop/ui/workspace/plan/missing_text_dialog.py" line="99"/>
        <source>Text in {0}</source>
        <translation>Text auf {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/missing_text_dialog.py" line="100"/>
        <source>German:</source>
        <translation>Deutsch:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/missing_text_dialog.py" line="101"/>
        <source>Phrase in English:</source>
        <translation>Baustein auf Englisch:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/missing_text_dialog.py" line="102"/>
        <source>Text without a language:</source>
        <translation>Text ohne Sprache:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/missing_text_dialog.py" line="103"/>
        <source>&amp;Text in {0}:</source>
        <translation>&amp;Text auf {0}:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/missing_text_dialog.py" line="105"/>
        <source>&amp;Use it as the text in {0}</source>
        <translation>Als Text auf {0} &amp;übernehmen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/missing_text_dialog.py" line="107"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/missing_text_dialog.py" line="108"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/missing_text_dialog.py" line="128"/>
        <source>Please type the text in {0}.</source>
        <translation>Bitte den Text auf {0} eingeben.</translation>
    </message>
</context>
<context>
    <name>MissingTextsPanel</name>
    <message>
        <location filename="../../desktop/ui/workspace/plan/missing_texts_panel.py" line="62"/>
        <source>&amp;Add text…</source>
        <translation>Text &amp;hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/missing_texts_panel.py" line="99"/>
        <source>Every item has a text in {0}.</source>
        <translation>Jeder Eintrag hat einen Text auf {0}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/missing_texts_panel.py" line="101"/>
        <source>1 item has no text in {0}:</source>
        <translation>1 Eintrag hat keinen Text auf {0}:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workspace/plan/missing_texts_panel.py" line="103"/>
        <source>%Ln items have no text in {0}:</source>
        <translation>
            <numerusform>%Ln Eintrag hat keinen Text auf {0}:</numerusform>
            <numerusform>%Ln Einträge haben keinen Text auf {0}:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/missing_texts_panel.py" line="106"/>
        <source>Goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/missing_texts_panel.py" line="107"/>
        <source>Measure</source>
        <translation>Maßnahme</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/missing_texts_panel.py" line="108"/>
        <source>Appointment</source>
        <translation>Termin</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/missing_texts_panel.py" line="114"/>
        <source>(has a text without a language)</source>
        <translation>(hat einen Text ohne Sprache)</translation>
    </message>
</context>
<context>
    <name>NetworkTab</name>
    <message>
        <location filename="../../desktop/ui/workspace/network_tab.py" line="139"/>
        <source>Choose an organisation first.</source>
        <translation>Bitte wählen Sie zuerst eine Organisation aus.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/network_tab.py" line="338"/>
        <source>since</source>
        <translation>seit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/network_tab.py" line="229"/>
        <source>Remove support</source>
        <translation>Unterstützung entfernen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/network_tab.py" line="143"/>
        <source>the start of support</source>
        <translation>den Beginn der Unterstützung</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/network_tab.py" line="230"/>
        <source>Remove the support by {name}? Ending it keeps it on record.</source>
        <translation>Die Unterstützung durch {name} entfernen? Wenn Sie sie stattdessen beenden, bleibt sie dokumentiert.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/network_tab.py" line="273"/>
        <source>(organisation no longer in the file)</source>
        <translation>(Organisation nicht mehr in der Fallakte)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/network_tab.py" line="286"/>
        <source>More than one current supporter of the same kind ({kinds}): check for double support.</source>
        <translation>Mehrere laufende Unterstützungen derselben Art ({kinds}): bitte auf Doppelbetreuung prüfen.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/network_tab.py" line="326"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/network_tab.py" line="327"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/network_tab.py" line="328"/>
        <source>Purpose</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/network_tab.py" line="329"/>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/network_tab.py" line="330"/>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/network_tab.py" line="331"/>
        <source>Contact person</source>
        <translation>Ansprechperson</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/network_tab.py" line="332"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/network_tab.py" line="335"/>
        <source>Nobody supports this client yet.</source>
        <translation>Diese Person wird noch von niemandem unterstützt.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/network_tab.py" line="336"/>
        <source>Organisation…</source>
        <translation>Organisation…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/network_tab.py" line="337"/>
        <source>Purpose, e.g. help with the job search</source>
        <translation>Zweck, z. B. Hilfe bei der Arbeitssuche</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/network_tab.py" line="339"/>
        <source>Add support</source>
        <translation>Unterstützung hinzufügen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/network_tab.py" line="340"/>
        <source>End support today</source>
        <translation>Unterstützung heute beenden</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/network_tab.py" line="341"/>
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
</context>
<context>
    <name>NewClientDialog</name>
    <message>
        <location filename="../../desktop/ui/case_list/new_client_dialog.py" line="95"/>
        <source>New client</source>
        <translation>Neue Klientin / neuer Klient</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list/new_client_dialog.py" line="97"/>
        <source>&amp;Family name:</source>
        <translation>&amp;Familienname:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list/new_client_dialog.py" line="98"/>
        <source>&amp;Given names:</source>
        <translation>&amp;Vornamen:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list/new_client_dialog.py" line="99"/>
        <source>&amp;Date of birth:</source>
        <translation>&amp;Geburtsdatum:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list/new_client_dialog.py" line="100"/>
        <source>&amp;Nationality:</source>
        <translation>&amp;Staatsangehörigkeit:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list/new_client_dialog.py" line="101"/>
        <source>&amp;Residence status:</source>
        <translation>&amp;Aufenthaltsstatus:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list/new_client_dialog.py" line="102"/>
        <source>&amp;Valid until:</source>
        <translation>Gültig &amp;bis:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list/new_client_dialog.py" line="106"/>
        <source>e.g. 1990, 05.1990 or 17.05.1990</source>
        <translation>z. B. 1990, 05.1990 oder 17.05.1990</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list/new_client_dialog.py" line="107"/>
        <source>e.g. 31.12.2026</source>
        <translation>z. B. 31.12.2026</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list/new_client_dialog.py" line="108"/>
        <source>country, code, stateless or unclear</source>
        <translation>Land, Ländercode, staatenlos oder ungeklärt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list/new_client_dialog.py" line="115"/>
        <source>not known</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list/new_client_dialog.py" line="120"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list/new_client_dialog.py" line="167"/>
        <source>This person may already be in the case file:
{people}
Add a new person all the same?</source>
        <translation>Diese Person ist möglicherweise schon in der Fallakte:
{people}
Trotzdem eine neue Person anlegen?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list/new_client_dialog.py" line="180"/>
        <source>Add &amp;anyway</source>
        <translation>&amp;Trotzdem hinzufügen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list/new_client_dialog.py" line="180"/>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
</context>
<context>
    <name>NewPhraseDialog</name>
    <message>
        <location filename="../../desktop/ui/settings/new_phrase_dialog.py" line="106"/>
        <source>New phrase</source>
        <translation>Neuer Baustein</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/new_phrase_dialog.py" line="109"/>
        <source>&amp;Field of action:</source>
        <translation>&amp;Handlungsfeld:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/new_phrase_dialog.py" line="109"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/new_phrase_dialog.py" line="109"/>
        <source>&amp;German:</source>
        <translation>&amp;Deutsch:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/new_phrase_dialog.py" line="117"/>
        <source>Texts in the print languages (if known):</source>
        <translation>Texte in den Drucksprachen (falls bekannt):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/new_phrase_dialog.py" line="120"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/new_phrase_dialog.py" line="121"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/new_phrase_dialog.py" line="129"/>
        <source>Please type the German text of the phrase.</source>
        <translation>Bitte den deutschen Text des Bausteins eingeben.</translation>
    </message>
</context>
<context>
    <name>NewRecoveryKeyDialog</name>
    <message>
        <location filename="../../desktop/ui/settings/recovery_key_dialog.py" line="130"/>
        <source>New recovery key</source>
        <translation>Neuer Wiederherstellungsschlüssel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/recovery_key_dialog.py" line="133"/>
        <source>A new recovery key replaces the old one: the old key stops working at once, also the copy in the safe. Your passphrase stays as it is.</source>
        <translation>Ein neuer Wiederherstellungsschlüssel ersetzt den alten: Der alte Schlüssel gilt sofort nicht mehr, auch die Kopie im Tresor. Ihre Passphrase bleibt, wie sie ist.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/recovery_key_dialog.py" line="137"/>
        <source>Your &amp;passphrase:</source>
        <translation>Ihre &amp;Passphrase:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/recovery_key_dialog.py" line="140"/>
        <source>This is your new recovery key. It is shown only now. Write it down or print it, put it in the office safe, and destroy the old one.</source>
        <translation>Dies ist Ihr neuer Wiederherstellungsschlüssel. Er wird nur jetzt angezeigt. Schreiben Sie ihn auf oder drucken Sie ihn, legen Sie ihn in den Tresor der Dienststelle und vernichten Sie den alten.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/recovery_key_dialog.py" line="144"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/recovery_key_dialog.py" line="145"/>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/recovery_key_dialog.py" line="146"/>
        <source>I have &amp;written it down / put it in the safe</source>
        <translation>Ich habe ihn &amp;aufgeschrieben / in den Tresor gelegt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/recovery_key_dialog.py" line="147"/>
        <source>&amp;Make new key</source>
        <translation>Neuen Schlüssel &amp;erstellen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/recovery_key_dialog.py" line="148"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/recovery_key_dialog.py" line="149"/>
        <source>C&amp;lose</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/recovery_key_dialog.py" line="209"/>
        <source>Welcome Desk – recovery key

{0}

This key opens the case file if the passphrase is forgotten. Keep it safe and show it to no one.</source>
        <translation>Welcome Desk – Wiederherstellungsschlüssel

{0}

Dieser Schlüssel öffnet die Fallakte, falls die Passphrase vergessen wurde. Bewahren Sie ihn sicher auf und zeigen Sie ihn niemandem.</translation>
    </message>
</context>
<context>
    <name>NoMatchHint</name>
    <message>
        <location filename="../../desktop/ui/case_list/no_match_hint.py" line="57"/>
        <source>No client found for &quot;{0}&quot;. Other spellings and scripts were searched too.</source>
        <translation>Keine Klientin / kein Klient zu „{0}“ gefunden. Andere Schreibweisen und Schriften wurden mitgesucht.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list/no_match_hint.py" line="60"/>
        <source>Search closed cases too</source>
        <translation>Auch abgeschlossene Fälle durchsuchen</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <location filename="../../desktop/ui/workspace/notes_tab.py" line="138"/>
        <source>Write the note first, then add it.</source>
        <translation>Bitte schreiben Sie zuerst die Notiz und fügen Sie sie dann hinzu.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/notes_tab.py" line="176"/>
        <source>the note</source>
        <translation>die Notiz</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/notes_tab.py" line="204"/>
        <source>No notes yet for this client.</source>
        <translation>Noch keine Beratungsnotizen vorhanden.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/notes_tab.py" line="205"/>
        <source>New note (Ctrl+Return adds it)</source>
        <translation>Neue Notiz (Strg+Eingabetaste fügt sie hinzu)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/notes_tab.py" line="206"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/notes_tab.py" line="207"/>
        <source>Add note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/notes_tab.py" line="208"/>
        <source>Notes cannot be changed once added.</source>
        <translation>Hinzugefügte Notizen können nicht mehr geändert werden.</translation>
    </message>
</context>
<context>
    <name>OrganisationForm</name>
    <message>
        <location filename="../../desktop/ui/organisations/organisation_form.py" line="139"/>
        <source>Please enter the name of the organisation.</source>
        <translation>Bitte geben Sie den Namen der Organisation ein.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/organisations/organisation_form.py" line="144"/>
        <source>The e-mail address looks incomplete; write it as name@example.org.</source>
        <translation>Die E-Mail-Adresse scheint unvollständig zu sein; bitte in der Form name@example.org eingeben.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/organisations/organisation_form.py" line="181"/>
        <source>New organisation</source>
        <translation>Neue Organisation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/organisations/organisation_form.py" line="181"/>
        <source>Edit organisation</source>
        <translation>Organisation bearbeiten</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/organisations/organisation_form.py" line="184"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/organisations/organisation_form.py" line="185"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/organisations/organisation_form.py" line="186"/>
        <source>&amp;Contact person:</source>
        <translation>Ansprech&amp;person:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/organisations/organisation_form.py" line="187"/>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/organisations/organisation_form.py" line="188"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/organisations/organisation_form.py" line="189"/>
        <source>&amp;Address:</source>
        <translation>A&amp;dresse:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/organisations/organisation_form.py" line="196"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/organisations/organisation_form.py" line="197"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>OrganisationsDialog</name>
    <message>
        <location filename="../../desktop/ui/organisations/organisations_dialog.py" line="139"/>
        <source>Organisations</source>
        <translation>Organisationen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/organisations/organisations_dialog.py" line="140"/>
        <source>Search: name or contact person</source>
        <translation>Suche: Name oder Ansprechperson</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/organisations/organisations_dialog.py" line="143"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/organisations/organisations_dialog.py" line="144"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/organisations/organisations_dialog.py" line="145"/>
        <source>Contact person</source>
        <translation>Ansprechperson</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/organisations/organisations_dialog.py" line="146"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/organisations/organisations_dialog.py" line="147"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/organisations/organisations_dialog.py" line="148"/>
        <source>Clients supported</source>
        <translation>Unterstützte Klient/innen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/organisations/organisations_dialog.py" line="151"/>
        <source>&amp;New organisation…</source>
        <translation>&amp;Neue Organisation…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/organisations/organisations_dialog.py" line="152"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/organisations/organisations_dialog.py" line="153"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/organisations/organisations_dialog.py" line="234"/>
        <source>1 organisation</source>
        <translation>1 Organisation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/organisations/organisations_dialog.py" line="236"/>
        <source>%1 organisations</source>
        <translation>%1 Organisationen</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="285"/>
        <source>Not saved: please correct the field marked below.</source>
        <translation>Nicht gespeichert: Bitte korrigieren Sie das unten markierte Feld.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="288"/>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="308"/>
        <source>The residence status has run out: renewal is overdue.</source>
        <translation>Der Aufenthaltsstatus ist abgelaufen: Die Verlängerung ist überfällig.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="311"/>
        <source>The residence status runs out within 30 days: apply for renewal in time.</source>
        <translation>Der Aufenthaltsstatus läuft in den nächsten 30 Tagen ab: Bitte beantragen Sie rechtzeitig die Verlängerung.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="348"/>
        <source>No client is open.</source>
        <translation>Es ist kein Fall geöffnet.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="353"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="354"/>
        <source>Languages</source>
        <translation>Sprachen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="355"/>
        <source>Household</source>
        <translation>Haushalt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="356"/>
        <source>Residence</source>
        <translation>Aufenthalt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="357"/>
        <source>Consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="358"/>
        <source>Housing and contact</source>
        <translation>Wohnen und Kontakt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="359"/>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="364"/>
        <source>Family name</source>
        <translation>Familienname</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="365"/>
        <source>Given names</source>
        <translation>Vornamen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="366"/>
        <source>Other spellings (one a line)</source>
        <translation>Andere Schreibweisen (eine pro Zeile)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="367"/>
        <source>Sex</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="368"/>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="369"/>
        <source>Place of birth</source>
        <translation>Geburtsort</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="370"/>
        <source>Nationality</source>
        <translation>Staatsangehörigkeit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="371"/>
        <source>Languages spoken</source>
        <translation>Sprachkenntnisse</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="372"/>
        <source>Interpreter needed</source>
        <translation>Dolmetschen nötig</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="373"/>
        <source>Interpreter for</source>
        <translation>Dolmetschsprache</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="374"/>
        <source>Residence status</source>
        <translation>Aufenthaltsstatus</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="375"/>
        <source>Granted on</source>
        <translation>Erteilt am</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="376"/>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="377"/>
        <source>Arrived on</source>
        <translation>Eingereist am</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="378"/>
        <source>Consent given on</source>
        <translation>Einwilligung erteilt am</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="379"/>
        <source>Consent covers</source>
        <translation>Einwilligung umfasst</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="380"/>
        <source>Consent withdrawn on</source>
        <translation>Einwilligung widerrufen am</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="381"/>
        <source>Housing</source>
        <translation>Wohnsituation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="382"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="383"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="384"/>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="385"/>
        <source>Postcode</source>
        <translation>Postleitzahl</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="386"/>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="387"/>
        <source>File number</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="388"/>
        <source>Case opened on</source>
        <translation>Fall eröffnet am</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/overview_tab.py" line="389"/>
        <source>Case closed on</source>
        <translation>Fall abgeschlossen am</translation>
    </message>
</context>
<context>
    <name>Passphrase</name>
    <message>
        <location filename="../../desktop/ui/unlock/setup_dialog.py" line="40"/>
        <source>very weak</source>
        <translation>sehr schwach</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock/setup_dialog.py" line="41"/>
        <source>weak</source>
        <translation>schwach</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock/setup_dialog.py" line="42"/>
        <source>fair</source>
        <translation>mittel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock/setup_dialog.py" line="43"/>
        <source>strong</source>
        <translation>stark</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock/setup_dialog.py" line="44"/>
        <source>very strong</source>
        <translation>sehr stark</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock/setup_dialog.py" line="47"/>
        <location filename="../../desktop/ui/unlock/setup_dialog.py" line="49"/>
        <source>Strength: {0}</source>
        <translation>Stärke: {0}</translation>
    </message>
</context>
<context>
    <name>PhraseBookDialog</name>
    <message>
        <location filename="../../desktop/ui/settings/phrase_kinds.py" line="15"/>
        <source>Goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/phrase_kinds.py" line="16"/>
        <source>Measure</source>
        <translation>Maßnahme</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/phrase_kinds.py" line="17"/>
        <source>Appointment purpose</source>
        <translation>Terminzweck</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/phrase_kinds.py" line="18"/>
        <source>Please bring</source>
        <translation>Bitte mitbringen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/phrase_book_dialog.py" line="158"/>
        <source>Phrase book</source>
        <translation>Textbausteine</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/phrase_book_dialog.py" line="159"/>
        <source>&amp;Field of action:</source>
        <translation>&amp;Handlungsfeld:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/phrase_book_dialog.py" line="160"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/phrase_book_dialog.py" line="161"/>
        <source>&amp;Search:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/phrase_book_dialog.py" line="162"/>
        <source>Words of the German text</source>
        <translation>Wörter des deutschen Textes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/phrase_book_dialog.py" line="163"/>
        <source>All fields</source>
        <translation>Alle Handlungsfelder</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/phrase_book_dialog.py" line="166"/>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/phrase_book_dialog.py" line="169"/>
        <source>Phrase (German)</source>
        <translation>Baustein (Deutsch)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/phrase_book_dialog.py" line="169"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/phrase_book_dialog.py" line="170"/>
        <source>&amp;New phrase…</source>
        <translation>&amp;Neuer Baustein…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/phrase_book_dialog.py" line="171"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/phrase_book_dialog.py" line="319"/>
        <source>1 phrase</source>
        <translation>1 Baustein</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/phrase_book_dialog.py" line="319"/>
        <source>%1 phrases</source>
        <translation>%1 Bausteine</translation>
    </message>
</context>
<context>
    <name>PhraseTextsEditor</name>
    <message>
        <location filename="../../desktop/ui/settings/phrase_texts_editor.py" line="93"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/phrase_texts_editor.py" line="93"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/phrase_texts_editor.py" line="93"/>
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/phrase_texts_editor.py" line="95"/>
        <source>Save &amp;text</source>
        <translation>&amp;Text speichern</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/phrase_texts_editor.py" line="96"/>
        <source>&amp;Revert to the shipped texts</source>
        <translation>Mitgelieferte Texte &amp;wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/phrase_texts_editor.py" line="108"/>
        <source>shipped phrase</source>
        <translation>mitgelieferter Baustein</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/phrase_texts_editor.py" line="108"/>
        <source>office&apos;s phrase</source>
        <translation>Baustein der Stelle</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/phrase_texts_editor.py" line="182"/>
        <source>office</source>
        <translation>Stelle</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/phrase_texts_editor.py" line="184"/>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/phrase_texts_editor.py" line="185"/>
        <source>reviewed</source>
        <translation>geprüft</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/phrase_texts_editor.py" line="185"/>
        <source>draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/phrase_texts_editor.py" line="191"/>
        <source>T&amp;ext in {0}:</source>
        <translation>T&amp;ext auf {0}:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/phrase_texts_editor.py" line="191"/>
        <source>T&amp;ext:</source>
        <translation>T&amp;ext:</translation>
    </message>
</context>
<context>
    <name>PlanDetails</name>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_details.py" line="83"/>
        <source>This client has no integration plan yet.</source>
        <translation>Für diese Person gibt es noch keinen Integrationsplan.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_details.py" line="84"/>
        <source>Start a plan</source>
        <translation>Plan anlegen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_details.py" line="86"/>
        <source>Pla&amp;n status:</source>
        <translation>Plan&amp;status:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_details.py" line="86"/>
        <source>A&amp;greed on:</source>
        <translation>Ve&amp;reinbart am:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_details.py" line="87"/>
        <source>Review &amp;by:</source>
        <translation>Überprüfun&amp;g am:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_details.py" line="92"/>
        <source>e.g. {0}</source>
        <translation>z. B. {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_details.py" line="180"/>
        <source>{0} of {1} measures done</source>
        <translation>{0} von {1} Maßnahmen erledigt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_details.py" line="185"/>
        <source>{0} overdue</source>
        <translation>{0} überfällig</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_details.py" line="187"/>
        <source>{0} of {1} goals reached</source>
        <translation>{0} von {1} Zielen erreicht</translation>
    </message>
</context>
<context>
    <name>PlanItemEditor</name>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_item_editor.py" line="49"/>
        <source>Goal &amp;status:</source>
        <translation>&amp;Zielstatus:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_item_editor.py" line="50"/>
        <source>Measure &amp;status:</source>
        <translation>Maßnahmenstat&amp;us:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_item_editor.py" line="51"/>
        <source>&amp;Outcome:</source>
        <translation>&amp;Ergebnis:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_item_editor.py" line="52"/>
        <source>What came of it</source>
        <translation>Was dabei herausgekommen ist</translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_tab.py" line="140"/>
        <source>New goal, e.g. find a day-care place</source>
        <translation>Neues Ziel, z. B. Kita-Platz finden</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_tab.py" line="141"/>
        <source>Add goal</source>
        <translation>Ziel hinzufügen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_tab.py" line="142"/>
        <source>Add from template</source>
        <translation>Aus Vorlage hinzufügen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_tab.py" line="143"/>
        <source>Add measure…</source>
        <translation>Maßnahme hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_tab.py" line="144"/>
        <source>Edit measure…</source>
        <translation>Maßnahme bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_tab.py" line="145"/>
        <source>Edit goal…</source>
        <translation>Ziel bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_tab.py" line="146"/>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_tab.py" line="254"/>
        <source>Select the goal the measure belongs to.</source>
        <translation>Bitte wählen Sie das Ziel aus, zu dem die Maßnahme gehört.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_tab.py" line="302"/>
        <source>Delete the goal “{0}” with all its measures ({1})?</source>
        <translation>Das Ziel „{0}“ mit allen zugehörigen Maßnahmen ({1}) löschen?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_tab.py" line="307"/>
        <source>Delete the measure “{0}”?</source>
        <translation>Die Maßnahme „{0}“ löschen?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_tab.py" line="314"/>
        <source>Integration plan</source>
        <translation>Integrationsplan</translation>
    </message>
</context>
<context>
    <name>PlanTree</name>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_tree.py" line="49"/>
        <source>Goal / measure</source>
        <translation>Ziel / Maßnahme</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_tree.py" line="49"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_tree.py" line="49"/>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_tree.py" line="49"/>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_tree.py" line="50"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_tree.py" line="50"/>
        <source>In the client&apos;s language</source>
        <translation>In der Sprache der Klient/in</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_tree.py" line="168"/>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_tree.py" line="181"/>
        <source>⚠ language not set: {0}</source>
        <translation>⚠ Sprache nicht angegeben: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_tree.py" line="182"/>
        <source>Nobody has said which language this text is in: it is not printed. Edit the item to set its language.</source>
        <translation>Niemand hat angegeben, in welcher Sprache dieser Text ist: Er wird nicht gedruckt. Bearbeiten Sie den Eintrag, um die Sprache anzugeben.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_tree.py" line="197"/>
        <source>{0} (from the phrase book)</source>
        <translation>{0} (aus den Textbausteinen)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_tree.py" line="205"/>
        <source>⚠ no {0} text</source>
        <translation>⚠ kein Text auf {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/plan_tree.py" line="206"/>
        <source>This item prints in German only in a {0} plan. Edit it to add its {0} text.</source>
        <translation>Dieser Eintrag steht im Plan auf {0} nur auf Deutsch. Bearbeiten Sie ihn, um den Text auf {0} hinzuzufügen.</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../desktop/ui/client_import/import_preview.py" line="73"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_preview.py" line="75"/>
        <source>Already in the case file</source>
        <translation>Schon in der Fallakte</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_preview.py" line="77"/>
        <source>Bad row</source>
        <translation>Fehlerhafte Zeile</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_preview.py" line="78"/>
        <source>Repeated row</source>
        <translation>Doppelte Zeile</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_preview.py" line="86"/>
        <source>The same person as row {0}</source>
        <translation>Dieselbe Person wie in Zeile {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_preview.py" line="90"/>
        <source>Name repaired: {0}</source>
        <translation>Name repariert: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_preview.py" line="92"/>
        <source>Name kept with damaged letters: {0}</source>
        <translation>Name mit beschädigten Buchstaben beibehalten: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_preview.py" line="98"/>
        <source>Postcode corrected: {0}</source>
        <translation>PLZ korrigiert: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_preview.py" line="134"/>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_preview.py" line="134"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_preview.py" line="134"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_preview.py" line="134"/>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../desktop/ui/client_import/import_preview.py" line="196"/>
        <source>Bad ro&amp;ws (nothing is imported from them):</source>
        <translation>&amp;Fehlerhafte Zeilen (aus ihnen wird nichts importiert):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_preview.py" line="197"/>
        <source>&amp;Skip bad rows and import the others</source>
        <translation>Fehlerhafte Zeilen über&amp;springen und die anderen importieren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_preview.py" line="198"/>
        <source>&amp;Rows and what the import does with them:</source>
        <translation>Zeilen und was der Import mit ihnen &amp;macht:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_preview.py" line="241"/>
        <source>A dry run of {0} rows, nothing written yet: {1} new, {2} already in the case file, {3} repeated rows, {4} bad rows.</source>
        <translation>Probelauf mit {0} Zeilen, noch nichts gespeichert: {1} neu, {2} schon in der Fallakte, {3} doppelte Zeilen, {4} fehlerhafte Zeilen.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_preview.py" line="251"/>
        <source>Columns not imported: {0}</source>
        <translation>Nicht importierte Spalten: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_preview.py" line="263"/>
        <source>Re&amp;pair 1 name with damaged letters (Ã¼ → ü)</source>
        <translation>1 Name mit beschädigten Buchstaben re&amp;parieren (Ã¼ → ü)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_preview.py" line="265"/>
        <source>Re&amp;pair {0} names with damaged letters (Ã¼ → ü)</source>
        <translation>{0} Namen mit beschädigten Buchstaben re&amp;parieren (Ã¼ → ü)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_preview.py" line="271"/>
        <source>Letters were lost in the spreadsheet&apos;s export (&quot;?&quot;) in 1 row: check that name in the case file after the import.</source>
        <translation>Beim Export der Tabelle gingen in 1 Zeile Buchstaben verloren („?“): bitte diesen Namen nach dem Import in der Fallakte prüfen.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/client_import/import_preview.py" line="276"/>
        <source>Letters were lost in the spreadsheet&apos;s export (&quot;?&quot;) in {0} rows: check these names in the case file after the import.</source>
        <translation>Beim Export der Tabelle gingen in {0} Zeilen Buchstaben verloren („?“): bitte diese Namen nach dem Import in der Fallakte prüfen.</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../desktop/ui/workspace/plan/print_preview.py" line="151"/>
        <source>Print &amp;language:</source>
        <translation>Druck&amp;sprache:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/print_preview.py" line="152"/>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/print_preview.py" line="153"/>
        <source>&amp;Save as PDF…</source>
        <translation>Als &amp;PDF speichern…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/print_preview.py" line="154"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/print_preview.py" line="249"/>
        <source>German only</source>
        <translation>Nur Deutsch</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/print_preview.py" line="251"/>
        <source>German and {0}</source>
        <translation>Deutsch und {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/print_preview.py" line="323"/>
        <source>1 page</source>
        <translation>1 Seite</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workspace/plan/print_preview.py" line="325"/>
        <source>%Ln pages</source>
        <translation>
            <numerusform>%Ln Seite</numerusform>
            <numerusform>%Ln Seiten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/print_preview.py" line="343"/>
        <source>The document could not be printed.</source>
        <translation>Das Dokument konnte nicht gedruckt werden.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/print_preview.py" line="347"/>
        <source>Save as PDF</source>
        <translation>Als PDF speichern</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/print_preview.py" line="347"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/plan/print_preview.py" line="357"/>
        <source>The PDF could not be saved: {0}</source>
        <translation>Das PDF konnte nicht gespeichert werden: {0}</translation>
    </message>
</context>
<context>
    <name>ProtectionMenu</name>
    <message>
        <location filename="../../desktop/ui/protection/protection_menu.py" line="49"/>
        <source>Data &amp;protection</source>
        <translation>Datens&amp;chutz</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/protection_menu.py" line="50"/>
        <source>&amp;Back up now</source>
        <translation>Jetzt &amp;sichern</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/protection_menu.py" line="51"/>
        <source>Backups and &amp;restore…</source>
        <translation>Sicherungen und &amp;Wiederherstellung…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/protection_menu.py" line="52"/>
        <source>&amp;Audit trail…</source>
        <translation>&amp;Protokoll…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/protection_menu.py" line="53"/>
        <source>&amp;History of this case…</source>
        <translation>&amp;Verlauf dieses Falls…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/protection_menu.py" line="54"/>
        <source>Data access re&amp;quest for this client…</source>
        <translation>&amp;Auskunft für diese Person…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/protection_menu.py" line="55"/>
        <source>Cases due for &amp;erasure…</source>
        <translation>Zur &amp;Löschung fällige Fälle…</translation>
    </message>
</context>
<context>
    <name>RadarTree</name>
    <message>
        <location filename="../../desktop/ui/agenda/radar_tree.py" line="76"/>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/radar_tree.py" line="76"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/radar_tree.py" line="76"/>
        <source>Client</source>
        <translation>Klient/in</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/radar_tree.py" line="76"/>
        <source>Subject</source>
        <translation>Gegenstand</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/radar_tree.py" line="139"/>
        <source>%1 (snoozed until %2)</source>
        <translation>%1 (zurückgestellt bis %2)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/radar_tree.py" line="141"/>
        <source>%1 (done)</source>
        <translation>%1 (erledigt)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/radar_tree.py" line="143"/>
        <source>%1 (overdue)</source>
        <translation>%1 (überfällig)</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPage</name>
    <message>
        <location filename="../../desktop/ui/unlock/recovery_key_page.py" line="76"/>
        <source>The case file has been created. This is your recovery key. It is shown only now. With it you open the case file if the passphrase is forgotten: print it or save it and keep it in a safe place, for example the office safe.</source>
        <translation>Die Fallakte wurde angelegt. Dies ist Ihr Wiederherstellungsschlüssel. Er wird nur jetzt angezeigt. Mit ihm öffnen Sie die Fallakte, falls die Passphrase vergessen wurde: Drucken oder speichern Sie ihn und bewahren Sie ihn an einem sicheren Ort auf, zum Beispiel im Tresor der Dienststelle.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock/recovery_key_page.py" line="81"/>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock/recovery_key_page.py" line="82"/>
        <source>&amp;Save as file…</source>
        <translation>Als Datei &amp;speichern…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock/recovery_key_page.py" line="83"/>
        <source>I have put the recovery key in a &amp;safe place</source>
        <translation>Ich habe den Wiederherstellungsschlüssel sicher auf&amp;bewahrt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock/recovery_key_page.py" line="98"/>
        <source>Welcome Desk – recovery key

{key}

This key opens the case file if the passphrase is forgotten. Keep it safe and show it to no one.</source>
        <translation>Welcome Desk – Wiederherstellungsschlüssel

{key}

Dieser Schlüssel öffnet die Fallakte, falls die Passphrase vergessen wurde. Bewahren Sie ihn sicher auf und zeigen Sie ihn niemandem.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock/recovery_key_page.py" line="116"/>
        <source>Save recovery key</source>
        <translation>Wiederherstellungsschlüssel speichern</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock/recovery_key_page.py" line="117"/>
        <source>Welcome-Desk-recovery-key.txt</source>
        <translation>Welcome-Desk-Wiederherstellungsschluessel.txt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock/recovery_key_page.py" line="118"/>
        <source>Text files (*.txt)</source>
        <translation>Textdateien (*.txt)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock/recovery_key_page.py" line="127"/>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock/recovery_key_page.py" line="128"/>
        <source>The file could not be written. Please choose another place.</source>
        <translation>Die Datei konnte nicht geschrieben werden. Bitte wählen Sie einen anderen Ort.</translation>
    </message>
</context>
<context>
    <name>ReportsMenu</name>
    <message>
        <location filename="../../desktop/ui/reports/reports_menu.py" line="76"/>
        <source>&amp;Reports</source>
        <translation>A&amp;uswertungen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/reports_menu.py" line="77"/>
        <source>Export &amp;calendar (.ics)…</source>
        <translation>&amp;Kalender exportieren (.ics)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/reports_menu.py" line="78"/>
        <source>Calendar &amp;feed…</source>
        <translation>Kalender-&amp;Abo…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/reports_menu.py" line="79"/>
        <source>Export case &amp;list…</source>
        <translation>&amp;Fallliste exportieren…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/reports_menu.py" line="80"/>
        <source>Export &amp;deadline radar…</source>
        <translation>F&amp;ristenradar exportieren…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/reports_menu.py" line="81"/>
        <source>&amp;Statistics…</source>
        <translation>&amp;Statistik…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/reports_menu.py" line="82"/>
        <source>Likely d&amp;uplicates…</source>
        <translation>Wahrscheinliche &amp;Doppelungen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/reports_menu.py" line="130"/>
        <source>Export case list</source>
        <translation>Fallliste exportieren</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/reports/reports_menu.py" line="135"/>
        <source>%n person(s) written to {0}.</source>
        <translation>
            <numerusform>%n Person in {0} geschrieben.</numerusform>
            <numerusform>%n Personen in {0} geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/reports_menu.py" line="144"/>
        <source>Export deadline radar</source>
        <translation>Fristenradar exportieren</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/reports/reports_menu.py" line="149"/>
        <source>%n deadline(s) written to {0}.</source>
        <translation>
            <numerusform>%n Frist in {0} geschrieben.</numerusform>
            <numerusform>%n Fristen in {0} geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/reports_menu.py" line="164"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/reports_menu.py" line="164"/>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV für Excel (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/reports_menu.py" line="207"/>
        <source>The calendar feed could not be written; trying again in five minutes.</source>
        <translation>Das Kalender-Abo konnte nicht geschrieben werden; neuer Versuch in fünf Minuten.</translation>
    </message>
</context>
<context>
    <name>SavedMessage</name>
    <message>
        <location filename="../../desktop/ui/widgets/saved_message.py" line="33"/>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/saved_message.py" line="35"/>
        <source>Saved to {0}</source>
        <translation>Gespeichert in {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/saved_message.py" line="39"/>
        <source>Open &amp;folder</source>
        <translation>&amp;Ordner öffnen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/saved_message.py" line="50"/>
        <source>The folder could not be opened.</source>
        <translation>Der Ordner konnte nicht geöffnet werden.</translation>
    </message>
</context>
<context>
    <name>SecretDialog</name>
    <message>
        <location filename="../../desktop/ui/protection/backup_restore_flow.py" line="72"/>
        <source>Open the backup</source>
        <translation>Sicherung öffnen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/backup_restore_flow.py" line="74"/>
        <source>Enter the passphrase that opened this case file when the backup was made.</source>
        <translation>Geben Sie die Passphrase ein, mit der sich diese Fallakte öffnen ließ, als die Sicherung erstellt wurde.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/protection/backup_restore_flow.py" line="76"/>
        <source>This is the &amp;recovery key</source>
        <translation>Das ist der &amp;Wiederherstellungsschlüssel</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/settings/settings_dialog.py" line="190"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/settings_dialog.py" line="192"/>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/settings_dialog.py" line="193"/>
        <source>Loc&amp;k after idle:</source>
        <translation>Sperren nach &amp;Leerlauf von:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/settings_dialog.py" line="194"/>
        <source>&amp;Office name:</source>
        <translation>Name der &amp;Einrichtung:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/settings_dialog.py" line="195"/>
        <source>&amp;Your name:</source>
        <translation>&amp;Ihr Name:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/settings_dialog.py" line="199"/>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/settings_dialog.py" line="200"/>
        <source>printed on the integration plan</source>
        <translation>wird auf den Integrationsplan gedruckt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/settings_dialog.py" line="201"/>
        <source>who works at this computer</source>
        <translation>wer an diesem Computer arbeitet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/settings_dialog.py" line="202"/>
        <source>Passphrase and keys</source>
        <translation>Passphrase und Schlüssel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/settings_dialog.py" line="203"/>
        <source>&amp;Unlock with my Windows account</source>
        <translation>Mit meinem &amp;Windows-Konto entsperren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/settings_dialog.py" line="204"/>
        <source>Change &amp;passphrase…</source>
        <translation>&amp;Passphrase ändern…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/settings_dialog.py" line="205"/>
        <source>New &amp;recovery key…</source>
        <translation>Neuer Wieder&amp;herstellungsschlüssel…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/settings_dialog.py" line="207"/>
        <source>&amp;Forget the key in the Windows credential store</source>
        <translation>Schlüssel im Windows-Anmeldeinformationsspeicher &amp;vergessen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/settings_dialog.py" line="209"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/settings_dialog.py" line="210"/>
        <source>&amp;Apply</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/settings_dialog.py" line="211"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/settings_dialog.py" line="273"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/settings_dialog.py" line="274"/>
        <source>Please enter your passphrase to confirm:</source>
        <translation>Bitte geben Sie zur Bestätigung Ihre Passphrase ein:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/settings_dialog.py" line="300"/>
        <source>The Windows account could not be set up for unlocking on this computer.</source>
        <translation>Das Windows-Konto konnte auf diesem Computer nicht zum Entsperren eingerichtet werden.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/settings_dialog.py" line="333"/>
        <source>Forget the key</source>
        <translation>Schlüssel vergessen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings/settings_dialog.py" line="335"/>
        <source>Remove the key from the Windows credential store? Afterwards you unlock the case file with your passphrase.</source>
        <translation>Den Schlüssel aus dem Windows-Anmeldeinformationsspeicher entfernen? Danach entsperren Sie die Fallakte mit Ihrer Passphrase.</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../desktop/ui/unlock/setup_dialog.py" line="128"/>
        <source>Set up Welcome Desk</source>
        <translation>Welcome Desk einrichten</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock/setup_dialog.py" line="131"/>
        <source>Welcome Desk keeps the case file encrypted on this computer. Choose a passphrase of at least 8 characters – best several words that nobody else would guess. A passphrase that is easy to guess is refused.</source>
        <translation>Welcome Desk speichert die Fallakte verschlüsselt auf diesem Computer. Wählen Sie eine Passphrase mit mindestens 8 Zeichen – am besten mehrere Wörter, die niemand sonst erraten würde. Eine leicht zu erratende Passphrase wird abgelehnt.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock/setup_dialog.py" line="136"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock/setup_dialog.py" line="137"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock/setup_dialog.py" line="138"/>
        <source>&amp;Unlock with my Windows account</source>
        <translation>Mit meinem Windows-&amp;Konto entsperren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock/setup_dialog.py" line="139"/>
        <source>&amp;Create case file</source>
        <translation>Fallakte &amp;anlegen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock/setup_dialog.py" line="140"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock/setup_dialog.py" line="141"/>
        <source>&amp;Done</source>
        <translation>&amp;Fertig</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock/setup_dialog.py" line="151"/>
        <source>The Windows account could not be set up for unlocking; you unlock the case file with the passphrase.</source>
        <translation>Das Windows-Konto konnte nicht zum Entsperren eingerichtet werden; Sie entsperren die Fallakte mit der Passphrase.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock/setup_dialog.py" line="170"/>
        <source>The two passphrases are not the same.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>SkillRow</name>
    <message>
        <location filename="../../desktop/ui/workspace/overview/languages_editor.py" line="66"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/languages_editor.py" line="67"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/languages_editor.py" line="70"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/overview/languages_editor.py" line="71"/>
        <source>Remove this language from the list</source>
        <translation>Diese Sprache aus der Liste entfernen</translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <location filename="../../desktop/ui/agenda/snooze_dialog.py" line="81"/>
        <source>Snooze deadline</source>
        <translation>Frist zurückstellen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/snooze_dialog.py" line="82"/>
        <source>Back on the radar &amp;on:</source>
        <translation>Wieder auf dem Radar &amp;am:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/snooze_dialog.py" line="83"/>
        <source>In &amp;1 week</source>
        <translation>In &amp;1 Woche</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/snooze_dialog.py" line="83"/>
        <source>In &amp;2 weeks</source>
        <translation>In &amp;2 Wochen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agenda/snooze_dialog.py" line="83"/>
        <source>In &amp;4 weeks</source>
        <translation>In &amp;4 Wochen</translation>
    </message>
</context>
<context>
    <name>StatisticsDialog</name>
    <message>
        <location filename="../../desktop/ui/reports/statistics_view.py" line="112"/>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/statistics_view.py" line="113"/>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/statistics_view.py" line="114"/>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/statistics_view.py" line="115"/>
        <source>&amp;Show</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/statistics_view.py" line="116"/>
        <source>Save as &amp;PDF…</source>
        <translation>Als &amp;PDF speichern…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/statistics_view.py" line="117"/>
        <source>Save as &amp;CSV…</source>
        <translation>Als C&amp;SV speichern…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/statistics_view.py" line="118"/>
        <source>Save as E&amp;xcel…</source>
        <translation>Als E&amp;xcel speichern…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/statistics_view.py" line="119"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/statistics_view.py" line="139"/>
        <source>Counting…</source>
        <translation>Zählen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/statistics_view.py" line="153"/>
        <source>Save statistics</source>
        <translation>Statistik speichern</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/statistics_view.py" line="155"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/statistics_view.py" line="156"/>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV für Excel (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/statistics_view.py" line="157"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/statistics_view.py" line="175"/>
        <source>Saved to {0}.</source>
        <translation>Gespeichert in {0}.</translation>
    </message>
</context>
<context>
    <name>SyncBadge</name>
    <message>
        <location filename="../../desktop/ui/sync/sync_badge.py" line="60"/>
        <source>1 conflict to review</source>
        <translation>1 Konflikt zu prüfen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_badge.py" line="62"/>
        <source>{0} conflicts to review</source>
        <translation>{0} Konflikte zu prüfen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_badge.py" line="66"/>
        <source>1 bundle waiting</source>
        <translation>1 Paket wartet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_badge.py" line="68"/>
        <source>{0} bundles waiting</source>
        <translation>{0} Pakete warten</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_badge.py" line="71"/>
        <source>Open the Sync window where these wait (Ctrl+Shift+Y)</source>
        <translation>Das Abgleich-Fenster dort öffnen, wo sie warten (Strg+Umschalt+Y)</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <location filename="../../desktop/ui/sync/sync_dialog.py" line="70"/>
        <source>Sync with colleagues</source>
        <translation>Abgleich mit Kolleginnen und Kollegen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_dialog.py" line="71"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_dialog.py" line="102"/>
        <source>Co&amp;lleagues</source>
        <translation>Ko&amp;lleginnen und Kollegen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_dialog.py" line="103"/>
        <source>E&amp;xchange</source>
        <translation>&amp;Austausch</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_dialog.py" line="106"/>
        <source>C&amp;onflicts ({0})</source>
        <translation>K&amp;onflikte ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_dialog.py" line="108"/>
        <source>C&amp;onflicts</source>
        <translation>K&amp;onflikte</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../desktop/ui/unlock/unlock_dialog.py" line="107"/>
        <source>Unlock case file</source>
        <translation>Fallakte entsperren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock/unlock_dialog.py" line="108"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock/unlock_dialog.py" line="109"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock/unlock_dialog.py" line="110"/>
        <source>Restore a &amp;backup…</source>
        <translation>&amp;Sicherung wiederherstellen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock/unlock_dialog.py" line="114"/>
        <source>Enter the recovery key that you printed or saved when Welcome Desk was set up.</source>
        <translation>Geben Sie den Wiederherstellungsschlüssel ein, den Sie bei der Einrichtung von Welcome Desk gedruckt oder gespeichert haben.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock/unlock_dialog.py" line="118"/>
        <source>Unlock with the &amp;passphrase</source>
        <translation>Mit der &amp;Passphrase entsperren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock/unlock_dialog.py" line="121"/>
        <source>The case file is encrypted. Please enter your passphrase.</source>
        <translation>Die Fallakte ist verschlüsselt. Bitte geben Sie Ihre Passphrase ein.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock/unlock_dialog.py" line="123"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock/unlock_dialog.py" line="124"/>
        <source>Unlock with the &amp;recovery key</source>
        <translation>Mit dem &amp;Wiederherstellungsschlüssel entsperren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock/unlock_dialog.py" line="192"/>
        <source>Restore a backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock/unlock_dialog.py" line="194"/>
        <source>Welcome Desk backups (*.wdbackup)</source>
        <translation>Welcome-Desk-Sicherungen (*.wdbackup)</translation>
    </message>
</context>
<context>
    <name>WindowStatusBar</name>
    <message>
        <location filename="../../desktop/ui/shell/status_bar.py" line="68"/>
        <source>1 person</source>
        <translation>1 Person</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/shell/status_bar.py" line="70"/>
        <source>%Ln people</source>
        <translation>
            <numerusform>%Ln Person</numerusform>
            <numerusform>%Ln Personen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/status_bar.py" line="104"/>
        <source>Saved {0}</source>
        <translation>Gespeichert um {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/status_bar.py" line="101"/>
        <source>Unsaved changes</source>
        <translation>Nicht gespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/status_bar.py" line="97"/>
        <source>Sync folder…</source>
        <translation>Abgleichordner…</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../desktop/ui/shell/app.py" line="74"/>
        <source>Demo case file – passphrase: {0}</source>
        <translation>Demo-Fallakte – Passphrase: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/app.py" line="158"/>
        <source>Creating the demo case file…</source>
        <translation>Die Demo-Fallakte wird angelegt…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/app.py" line="204"/>
        <source>An unexpected error occurred. If something no longer works as usual, please restart Welcome Desk.</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten. Wenn etwas nicht mehr wie gewohnt funktioniert, starten Sie Welcome Desk bitte neu.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/console_notice.py" line="31"/>
        <source>Commands such as &apos;init&apos; and the self-test run in a terminal with WelcomeDesk-debug.exe; WelcomeDesk.exe opens the window.</source>
        <translation>Befehle wie „init“ und der Selbsttest laufen in einem Terminal mit WelcomeDesk-debug.exe; WelcomeDesk.exe öffnet das Fenster.</translation>
    </message>
</context>
<context>
    <name>worker</name>
    <message>
        <location filename="../../desktop/ui/widgets/progress.py" line="70"/>
        <source>Stopping…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/progress.py" line="96"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/errors.py" line="61"/>
        <source>The work could not be finished because of an unexpected error.</source>
        <translation>Der Vorgang konnte wegen eines unerwarteten Fehlers nicht abgeschlossen werden.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/errors.py" line="41"/>
        <source>Welcome Desk</source>
        <translation>Welcome Desk</translation>
    </message>
</context>
</TS>
