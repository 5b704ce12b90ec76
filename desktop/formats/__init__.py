"""File formats that Welcome Desk reads or writes, apart from its own case file and bundles:
iCalendar for Outlook (`ics.py`), spreadsheets as coordinators have them (`spreadsheet.py`, read;
`spreadsheet_writer.py`, CSV for German Excel and XLSX) and the backup container
(`backup_file.py`). Bytes and typed values in and out; no case-file access, no Qt.
"""
