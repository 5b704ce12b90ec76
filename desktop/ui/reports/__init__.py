"""Reports: calendars, lists for a meeting, statistics, likely duplicates."""
