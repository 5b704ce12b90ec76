"""Precise exceptions shared by every layer; each carries one sentence in German and English."""

from __future__ import annotations


class WelcomeDeskError(Exception):
    """Base of every error a user may see; `text(lang)` gives the one-sentence message."""

    def __init__(self, en: str, de: str | None = None) -> None:
        super().__init__(en)
        self.en = en
        self.de = de or en

    def text(self, lang: str = "en") -> str:
        """The message in `lang` ("de" or "en")."""
        return self.de if lang == "de" else self.en


class InvalidInput(WelcomeDeskError):
    """A malformed or unknown value: a date, a country, a language, an id, a spreadsheet row."""

    def __init__(self, field: str, en: str, de: str | None = None, row: int | None = None) -> None:
        super().__init__(en, de)
        self.field = field
        self.row = row


class NotFound(InvalidInput):
    """An id that names nothing in the case file."""

    def __init__(self, entity: str, entity_id: str) -> None:
        super().__init__(
            "id",
            f"There is no {entity} with the id {entity_id}.",
            f"Es gibt keinen Eintrag ({entity}) mit der Kennung {entity_id}.",
        )
        self.entity = entity
        self.entity_id = entity_id


class CannotUnlock(WelcomeDeskError):
    """The case file cannot be opened: missing, wrong secret, unreadable or too new."""


class NoCaseFile(CannotUnlock):
    def __init__(self, where: str) -> None:
        super().__init__(
            f"There is no case file in {where}: create one with 'welcome-desk init'.",
            f"In {where} gibt es keine Fallakte: legen Sie eine mit 'welcome-desk init' an.",
        )


class WrongPassphrase(CannotUnlock):
    def __init__(self) -> None:
        super().__init__(
            "The passphrase is not correct.",
            "Die Passphrase ist nicht richtig.",
        )


class WrongRecoveryKey(CannotUnlock):
    def __init__(self, en: str = "", de: str = "") -> None:
        super().__init__(
            en or "The recovery key is not correct.",
            de or "Der Wiederherstellungsschlüssel ist nicht richtig.",
        )


class RecoveryKeyTypo(WrongRecoveryKey):
    """A typed recovery key whose check characters do not match: a typo, not another key.

    `group` (1 to 8) is the group of four that a single wrong or two swapped characters point to,
    None if the typo cannot be placed (several places or more than one typo).
    """

    def __init__(self, group: int | None) -> None:
        super().__init__(
            *(
                (
                    f"Group {group} does not match its check characters: please check it for a "
                    "typo.",
                    f"Gruppe {group} passt nicht zu ihren Prüfzeichen: bitte prüfen Sie sie auf "
                    "einen Tippfehler.",
                )
                if group is not None
                else (
                    "The recovery key does not match its check characters: please check it for "
                    "a typo.",
                    "Der Wiederherstellungsschlüssel passt nicht zu seinen Prüfzeichen: bitte "
                    "prüfen Sie ihn auf einen Tippfehler.",
                )
            ),
        )
        self.group = group


class DamagedCaseFile(CannotUnlock):
    """The case file (or its key file) cannot be read although the key is right.

    `naming_backup` gives the same error with the way back: the newest backup and how to
    restore it. `backups_folder` is the backup folder the case file names in its settings, if
    it could still be read (the data folder's `backups` is always searched).
    """

    def __init__(
        self,
        detail_en: str = "",
        detail_de: str = "",
        *,
        backup_en: str = "",
        backup_de: str = "",
    ) -> None:
        head_en = "The case file cannot be read: it is damaged or not a Welcome Desk file"
        head_de = (
            "Die Fallakte kann nicht gelesen werden: sie ist beschädigt oder keine "
            "Welcome-Desk-Datei"
        )
        if backup_en:
            super().__init__(f"{head_en}; {backup_en}", f"{head_de}; {backup_de or backup_en}")
        else:
            super().__init__(
                f"{head_en}. {detail_en}".strip(), f"{head_de}. {detail_de or detail_en}".strip()
            )
        self.detail_en, self.detail_de = detail_en, detail_de
        self.backup: str | None = None
        self.backups_folder: str | None = None

    def naming_backup(
        self, backup: str | None, made_en: str, made_de: str, searched: str
    ) -> DamagedCaseFile:
        """This error, saying which backup is newest (or that `searched` holds none)."""
        if backup is None:
            named = DamagedCaseFile(
                backup_en=f"there is no backup in {searched}: keep the file as it is and ask "
                "for help before changing anything.",
                backup_de=f"in {searched} gibt es keine Sicherung: lassen Sie die Datei, wie sie "
                "ist, und holen Sie Hilfe, bevor Sie etwas ändern.",
            )
        else:
            named = DamagedCaseFile(
                backup_en=f"the newest backup is {backup} ({made_en}): restore it with "
                f'\'welcome-desk restore "{backup}"\' or in the window with "Restore a '
                'backup".',
                backup_de=f"die neueste Sicherung ist {backup} ({made_de}): stellen Sie sie mit "
                f'\'welcome-desk restore "{backup}"\' oder im Fenster mit "Sicherung '
                'wiederherstellen" wieder her.',
            )
        named.backup = backup
        named.backups_folder = self.backups_folder
        return named


class NewerSchema(CannotUnlock):
    def __init__(self, found: int, known: int) -> None:
        super().__init__(
            f"This case file was written by a newer Welcome Desk (schema {found}, this version "
            f"knows up to {known}): please update Welcome Desk; the file was not changed.",
            f"Diese Fallakte stammt von einem neueren Welcome Desk (Schema {found}, diese Version "
            f"kennt bis {known}): bitte aktualisieren Sie Welcome Desk; die Datei wurde nicht "
            "verändert.",
        )


class CaseFileInUse(CannotUnlock):
    """Another Welcome Desk window or command has this case file open (CLI exit code 3)."""

    def __init__(self) -> None:
        super().__init__(
            "The case file is in use by another Welcome Desk window or command: close it there "
            "first.",
            "Die Fallakte ist in einem anderen Welcome-Desk-Fenster oder -Befehl geöffnet: "
            "schließen Sie sie dort zuerst.",
        )


class CaseFileExists(WelcomeDeskError):
    def __init__(self, where: str) -> None:
        super().__init__(
            f"There is already a case file in {where}; it was left as it is.",
            f"In {where} gibt es schon eine Fallakte; sie bleibt unverändert.",
        )


class StorageFailed(WelcomeDeskError):
    """The disk refused a write (full, read-only, removed, or the file in use or blocked by another
    program): nothing was changed."""

    def __init__(self, reason: str) -> None:
        texts = {
            "full": (
                "The disk is full, so nothing was saved: free some space and try again.",
                "Der Datenträger ist voll, daher wurde nichts gespeichert: schaffen Sie Platz "
                "und versuchen Sie es erneut.",
            ),
            "readonly": (
                "The case file cannot be written (read-only disk or folder), so nothing was saved.",
                "Die Fallakte kann nicht beschrieben werden (schreibgeschützter Datenträger oder "
                "Ordner), daher wurde nichts gespeichert.",
            ),
            "missing": (
                "The target folder does not exist, so nothing was saved.",
                "Der Zielordner existiert nicht, daher wurde nichts gespeichert.",
            ),
            "in_use": (
                "The file is in use or blocked (antivirus, cloud sync, Controlled Folder Access), "
                "so nothing was saved: try again in a moment.",
                "Die Datei wird gerade verwendet oder ist gesperrt (Virenschutz, Cloud-Sync, "
                "überwachter Ordnerzugriff), daher wurde nichts gespeichert: versuchen Sie es "
                "gleich noch einmal.",
            ),
            "io": (
                "The disk reported an error while saving, so nothing was saved.",
                "Der Datenträger meldete beim Speichern einen Fehler, daher wurde nichts "
                "gespeichert.",
            ),
        }
        en, de = texts.get(reason, texts["io"])
        super().__init__(en, de)
        self.reason = reason


class BundleRejected(WelcomeDeskError):
    """A sync bundle that is not accepted; nothing of it was applied (CLI exit code 4).

    `reason` names the check that failed: not_a_bundle, unknown_version, malformed_header,
    untrusted, key_changed, own_bundle, bad_signature, not_for_me, damaged, changed_while_reading,
    from_the_future, gap, rolled_back, missing.
    """

    def __init__(
        self, reason: str, en: str, de: str, *, colleague: str = "", identity: str = ""
    ) -> None:
        super().__init__(en, de)
        self.reason = reason
        self.colleague = colleague  # key_changed: the colleague the bundle names
        self.identity = identity  # untrusted, key_changed: the signer's identity string
