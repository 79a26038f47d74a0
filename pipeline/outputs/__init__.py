"""Answers from the saved views: queries, tables and formats, the HTML report, read-only SQL."""
