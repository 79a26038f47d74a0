"""Process-level helpers no layer owns: what makes the NLP model start fast."""
