"""pipeline: AI-industry news in, a SQL database of departures and team dissolutions out."""

__version__ = "0.1.0"
