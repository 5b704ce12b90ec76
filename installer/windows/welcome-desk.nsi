; Welcome Desk — per-user Windows installer (NSIS 3, Unicode, Modern UI 2).
;
; Build (installer/windows/build_installer.py does this, reading the version from pyproject.toml,
; and signs the programs when given a certificate):
;   makensis -V2 -DVERSION=0.1.0 -DDIST=dist/WelcomeDesk -DOUTFILE=WelcomeDesk-Setup-0.1.0.exe \
;            installer/windows/welcome-desk.nsi
; Optional defines: VIVERSION (numeric a.b.c.d for the version resource), ICON (an .ico for the
; installer), PUBLISHER, TARGET (default amd64-unicode, the shipped setup: the bundle is 64-bit.
; Debian's `nsis` package has its stubs; the official Windows build of NSIS has x86 stubs only),
; SIGN_COMMAND (a command with %1 that signs a file in place: it signs the uninstaller before it is
; packed and the setup once written; NSIS >= 3.08), SIMULATE_32BIT_WINDOWS (tests only: the setup
; behaves as on 32-bit Windows).
;
; What it does:
; - refuses 32-bit Windows with one sentence (silent runs exit with code 3). A 64-bit setup does
;   not even start there (Windows says so itself); the check speaks when built for x86;
; - installs for the current user only, without administrator rights, into
;   %LOCALAPPDATA%\Programs\WelcomeDesk, with a Start menu shortcut and an entry in
;   Apps & features (HKCU\...\Uninstall\WelcomeDesk). The shortcut starts in the user's Documents
;   folder: a file saved under a bare name must never land in the program folder, which an upgrade
;   or the uninstaller deletes;
; - installs over an older version in place: the old program files are removed first;
; - refuses (Retry/Cancel) while Welcome Desk is running. How it knows: a running .exe is mapped
;   into memory and Windows refuses to open it for writing, so the installer tries to open
;   WelcomeDesk.exe and WelcomeDesk-debug.exe for writing (nothing is written). No plugin, no
;   mutex in the app needed. Silent runs (/S) answer Cancel and exit with code 2.
;
; The user's data (the case file, keys.json, backups/) lives in %LOCALAPPDATA%\WelcomeDesk
; (platformdirs user_data_dir("WelcomeDesk", appauthor=False, roaming=False)) — a different folder
; from the program folder %LOCALAPPDATA%\Programs\WelcomeDesk. Neither installer nor uninstaller
; ever touches it: the only recursive delete is of a folder ending in \Programs\WelcomeDesk that
; holds no case file; any other program folder is cleaned with an explicit list of names.
; The uninstaller does take the case file's key out of Windows' Credential Manager (the setting
; "Unlock with my Windows account"): it runs `WelcomeDesk-debug.exe keyring remove-entry`, which
; neither unlocks nor changes keys.json; the passphrase and the recovery key go on opening the data.

Unicode true
!ifndef TARGET
  !define TARGET "amd64-unicode"
!endif
Target ${TARGET}

!ifndef VERSION
  !error "VERSION is not defined: makensis -DVERSION=1.2.3 -DDIST=... welcome-desk.nsi"
!endif
!ifndef DIST
  !error "DIST is not defined: the PyInstaller one-folder output, e.g. -DDIST=dist/WelcomeDesk"
!endif
!ifndef OUTFILE
  !define OUTFILE "WelcomeDesk-Setup-${VERSION}.exe"
!endif
!ifndef PUBLISHER
  !define PUBLISHER "Welcome Desk"
!endif

!define APP_NAME "Welcome Desk"
!define APP_EXE "WelcomeDesk.exe"
!define APP_DEBUG_EXE "WelcomeDesk-debug.exe"
!define UNINSTALLER "Uninstall.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\WelcomeDesk"
!define SHORTCUT "$SMPROGRAMS\${APP_NAME}.lnk"
; The folder the app keeps the case file in (see desktop/store/casefile.py default_data_dir).
!define DATA_DIR "$LOCALAPPDATA\WelcomeDesk"
; What a program folder that may be removed as a whole must end with.
!define PROGRAM_DIR_SUFFIX "\Programs\WelcomeDesk"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\WelcomeDesk"
; Upgrades go where the last version went.
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
RequestExecutionLevel user
SetCompressor /SOLID lzma
ManifestDPIAware true
ShowInstDetails hide
ShowUninstDetails hide
BrandingText "${APP_NAME} ${VERSION}"

!ifdef VIVERSION
  VIProductVersion "${VIVERSION}"
  VIFileVersion "${VIVERSION}"
  VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
  VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
  VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
  VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} Setup"
  VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
  VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"
!endif

!ifdef SIGN_COMMAND
  ; Both run on the build machine; "= 0": a failed signing fails the build.
  !uninstfinalize '${SIGN_COMMAND}' = 0
  !finalize '${SIGN_COMMAND}' = 0
!endif

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "x64.nsh"

; ---------------------------------------------------------------- pages

!define MUI_ABORTWARNING
!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif

!insertmacro MUI_PAGE_WELCOME
!define MUI_PAGE_CUSTOMFUNCTION_LEAVE DirectoryLeave
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "$(RunApp)"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(UninstallKeepsData)"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; German first: it is the fallback when the system language is neither German nor English.
; Otherwise the installer and uninstaller follow the Windows display language (no dialog).
!insertmacro MUI_LANGUAGE "German"
!insertmacro MUI_LANGUAGE "English"

LangString RunApp ${LANG_GERMAN} "Welcome Desk starten"
LangString RunApp ${LANG_ENGLISH} "Run Welcome Desk"
LangString AppRunning ${LANG_GERMAN} "Welcome Desk läuft noch.$\r$\n$\r$\nBitte schließen Sie Welcome Desk (alle Fenster) und klicken Sie auf »Wiederholen«."
LangString AppRunning ${LANG_ENGLISH} "Welcome Desk is still running.$\r$\n$\r$\nPlease close Welcome Desk (all its windows) and click Retry."
LangString AppRunningAbort ${LANG_GERMAN} "Abgebrochen: Welcome Desk läuft noch."
LangString AppRunningAbort ${LANG_ENGLISH} "Cancelled: Welcome Desk is still running."
LangString DataDirRefused ${LANG_GERMAN} "In diesem Ordner liegen die Daten von Welcome Desk (die Fallakte). Bitte wählen Sie einen anderen Ordner für das Programm."
LangString DataDirRefused ${LANG_ENGLISH} "This folder holds Welcome Desk's data (the case file). Please choose another folder for the program."
LangString UninstallKeepsData ${LANG_GERMAN} "Welcome Desk wird von diesem Computer entfernt. Ihre Fallakte in $LOCALAPPDATA\WelcomeDesk bleibt erhalten; der Schlüssel für »Mit meinem Windows-Konto entsperren« wird entfernt, nach einer neuen Installation entsperren Sie mit Ihrer Passphrase."
LangString UninstallKeepsData ${LANG_ENGLISH} "Welcome Desk will be removed from this computer. Your case file in $LOCALAPPDATA\WelcomeDesk is kept; the key for »Unlock with my Windows account« is removed, so after a new installation you unlock with your passphrase."
LangString Needs64Bit ${LANG_GERMAN} "Welcome Desk braucht ein 64-Bit-Windows, auf diesem Computer läuft ein 32-Bit-Windows."
LangString Needs64Bit ${LANG_ENGLISH} "Welcome Desk needs 64-bit Windows, and this computer runs 32-bit Windows."

; ---------------------------------------------------------------- shared helpers

; Sets $0 to 1 when Welcome Desk runs from $INSTDIR (its exe cannot be opened for writing), else 0.
!macro _CheckRunning un
  Function ${un}CheckRunning
    Push $1
    StrCpy $0 0
    ${If} ${FileExists} "$INSTDIR\${APP_EXE}"
      ClearErrors
      FileOpen $1 "$INSTDIR\${APP_EXE}" a
      ${If} ${Errors}
        StrCpy $0 1
      ${Else}
        FileClose $1
      ${EndIf}
    ${EndIf}
    ${If} ${FileExists} "$INSTDIR\${APP_DEBUG_EXE}"
      ClearErrors
      FileOpen $1 "$INSTDIR\${APP_DEBUG_EXE}" a
      ${If} ${Errors}
        StrCpy $0 1
      ${Else}
        FileClose $1
      ${EndIf}
    ${EndIf}
    Pop $1
  FunctionEnd

  ; Asks to close the app (Retry/Cancel) until it is closed; Cancel (the silent answer) aborts.
  Function ${un}RefuseWhileRunning
    Push $0
    retry:
      Call ${un}CheckRunning
      ${If} $0 == 1
        MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(AppRunning)" /SD IDCANCEL IDRETRY retry
        SetErrorLevel 2
        Abort "$(AppRunningAbort)"
      ${EndIf}
    Pop $0
  FunctionEnd

  ; Sets $0 to 1 when $INSTDIR may be removed as a whole: it ends in \Programs\WelcomeDesk, it is
  ; not the data folder, and it holds no case file or key file.
  Function ${un}IsProgramDir
    Push $1
    StrCpy $0 0
    StrLen $1 "${PROGRAM_DIR_SUFFIX}"
    IntOp $1 0 - $1
    StrCpy $1 "$INSTDIR" "" $1
    ${If} $1 == "${PROGRAM_DIR_SUFFIX}"
    ${AndIf} "$INSTDIR" != "${DATA_DIR}"
    ${AndIfNot} ${FileExists} "$INSTDIR\casefile.db"
    ${AndIfNot} ${FileExists} "$INSTDIR\keys.json"
    ${AndIfNot} ${FileExists} "$INSTDIR\backups\*.*"
      StrCpy $0 1
    ${EndIf}
    Pop $1
  FunctionEnd

  ; Removes the program files from $INSTDIR and nothing else.
  Function ${un}RemoveProgramFiles
    Push $0
    Push $1
    SetOutPath "$TEMP"
    StrCpy $1 0
    again:
      Call ${un}IsProgramDir
      ${If} $0 == 1
        RMDir /r "$INSTDIR"
      ${Else}
        ; Not our usual folder: only the names a PyInstaller one-folder build puts there.
        Delete "$INSTDIR\${APP_EXE}"
        Delete "$INSTDIR\${APP_DEBUG_EXE}"
        Delete "$INSTDIR\${UNINSTALLER}"
        RMDir /r "$INSTDIR\_internal"
        RMDir "$INSTDIR"
      ${EndIf}
      ; A program that has just ended (the key removal) or a virus scanner may hold a file for
      ; a moment: try again for up to five seconds.
      ${If} ${FileExists} "$INSTDIR\${APP_DEBUG_EXE}"
      ${OrIf} ${FileExists} "$INSTDIR\${APP_EXE}"
        ${If} $1 < 10
          IntOp $1 $1 + 1
          Sleep 500
          Goto again
        ${EndIf}
      ${EndIf}
    Pop $1
    Pop $0
  FunctionEnd
!macroend
!insertmacro _CheckRunning ""
!insertmacro _CheckRunning "un."

; ---------------------------------------------------------------- installer

; Exit code when the setup refuses 32-bit Windows.
!define EXIT_NEEDS_64BIT 3

Function .onInit
  ; The program files are 64-bit: on 32-bit Windows they could not start.
  !ifdef SIMULATE_32BIT_WINDOWS
    !define /redef _IS_64BIT 0
  !else
    !define /redef _IS_64BIT 1
  !endif
  ${If} ${_IS_64BIT} == 0
  ${OrIfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "$(Needs64Bit)" /SD IDOK
    SetErrorLevel ${EXIT_NEEDS_64BIT}
    Quit
  ${EndIf}
FunctionEnd

Function .onVerifyInstDir
  ; Never install into the data folder itself.
  ${If} "$INSTDIR" == "${DATA_DIR}"
    Abort
  ${EndIf}
FunctionEnd

Function DirectoryLeave
  ${If} ${FileExists} "$INSTDIR\casefile.db"
  ${OrIf} ${FileExists} "$INSTDIR\keys.json"
    MessageBox MB_OK|MB_ICONSTOP "$(DataDirRefused)"
    Abort
  ${EndIf}
FunctionEnd

Section "Welcome Desk" SecMain
  SectionIn RO
  ; Also reached by silent installs (/S, /D=...), which skip the directory page.
  ${If} "$INSTDIR" == "${DATA_DIR}"
  ${OrIf} ${FileExists} "$INSTDIR\casefile.db"
  ${OrIf} ${FileExists} "$INSTDIR\keys.json"
    MessageBox MB_OK|MB_ICONSTOP "$(DataDirRefused)" /SD IDOK
    SetErrorLevel 2
    Abort "$(DataDirRefused)"
  ${EndIf}

  Call RefuseWhileRunning

  ; Over an older version: remove its program files first (only the program folder).
  ${If} ${FileExists} "$INSTDIR\${APP_EXE}"
  ${OrIf} ${FileExists} "$INSTDIR\${UNINSTALLER}"
    DetailPrint "Removing the previous version from $INSTDIR"
    Call RemoveProgramFiles
  ${EndIf}

  SetOutPath "$INSTDIR"
  File /r "${DIST}\*.*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  ; Start menu (the user's own: RequestExecutionLevel user keeps SetShellVarContext current).
  ; CreateShortCut takes the output folder as the shortcut's working folder, and the finish
  ; page's "Run Welcome Desk" starts the app in it: Documents, never the program folder (a file
  ; saved there under a bare name would go with the next upgrade). Nothing is extracted after this.
  Delete "${SHORTCUT}"
  SetOutPath "$DOCUMENTS"
  CreateShortCut "${SHORTCUT}" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  ; Apps & features.
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" $0
SectionEnd

; ---------------------------------------------------------------- uninstaller

Section "Uninstall"
  Call un.RefuseWhileRunning

  ; The case file's key out of Credential Manager ("Unlock with my Windows account"), while the
  ; program is still there to do it. Hidden, waited for; a failure does not stop the uninstall.
  ${If} ${FileExists} "$INSTDIR\${APP_DEBUG_EXE}"
    nsExec::Exec /TIMEOUT=60000 '"$INSTDIR\${APP_DEBUG_EXE}" keyring remove-entry'
    Pop $0
  ${EndIf}

  Delete "${SHORTCUT}"
  DeleteRegKey HKCU "${UNINST_KEY}"
  ; Program files only. The data folder ($LOCALAPPDATA\WelcomeDesk) is never touched.
  Call un.RemoveProgramFiles
SectionEnd
