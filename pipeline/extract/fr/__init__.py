"""French: its spaCy pipeline, grammar and slot resolvers."""
