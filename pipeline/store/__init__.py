"""The database: engines, tables, the append-only article log, projections, merged rows, views,
schema."""
