"""The documents tab: the checklist, who holds what, what is still missing, scans."""
