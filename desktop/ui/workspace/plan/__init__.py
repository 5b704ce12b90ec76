"""The integration plan tab: goals per field of action, measures, templates, progress, and the
print preview of the plan."""
