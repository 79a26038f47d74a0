"""The verbs that wire the layers together: ingest, reprocess, workers, doctor, watermarks."""
