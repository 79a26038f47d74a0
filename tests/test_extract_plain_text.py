"""The plain text spaCy reads: a wire dateline opening a paragraph goes (its capitals read as a
company and its dash broke the sentence), and offsets still point into the stored article."""

from __future__ import annotations

import pytest

from pipeline.extract.markup import to_plain_text


@pytest.mark.parametrize(
    ("stored", "plain"),
    [
        ("NEW YORK, États-Unis - Paul Roux quitte Capgemini.", "Paul Roux quitte Capgemini."),
        ("PARIS (Reuters) - Paul Roux quitte Capgemini.", "Paul Roux quitte Capgemini."),
        ("Intro.\nAFP - Paul Roux quitte Capgemini.", "Intro.\nPaul Roux quitte Capgemini."),
        # a dash inside a sentence, or after a name written in capitals and lower case, stays
        ("Intel - le groupe - ferme un site.", "Intel - le groupe - ferme un site."),
        ("Paul Roux - PDG - quitte Capgemini.", "Paul Roux - PDG - quitte Capgemini."),
    ],
)
def test_a_wire_dateline_is_not_read(stored, plain):
    assert to_plain_text(stored).text == plain


def test_offsets_after_a_dateline_point_into_the_stored_text():
    stored = "PARIS (Reuters) - Paul Roux quitte Capgemini."
    plain = to_plain_text(stored)
    start = plain.text.index("Paul")
    assert stored[plain.original(start) : plain.original_end(start + 9)] == "Paul Roux"
