"""English: its spaCy pipeline, grammar and slot resolvers."""
