"""The few visual constants the window shares, so that one red means one thing everywhere."""

from __future__ import annotations

# Errors, overdue dates and warnings: a red that stays readable printed in greyscale.
ALERT = "#b3261e"
ALERT_BACKGROUND = "#fde7e9"
ERROR_STYLE = f"color: {ALERT};"
WARNING_STYLE = f"color: {ALERT}; font-weight: bold;"
