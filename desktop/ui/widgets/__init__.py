"""What every room shares: the database worker and progress, errors, formatting, language,
style, table models and delegates, PDF pages."""
