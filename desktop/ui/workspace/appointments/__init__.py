"""The appointments tab: one client's appointments, the appointment dialog."""
