"""People counted where they leave and named by a later sentence that restates the group ("Nine
board members resigned ... The nine members resigning are X, Y and Z"), or named after the verb
that follows "Among those let go". A sentence that names other people ("The new hires are ...")
names no leaver. Written in our own words with invented people."""

from __future__ import annotations

import pytest

from tests.helpers import found_pairs as found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nine Ubisoft ethics board members resigned last week. The board advises the company. "
         "The nine members resigning are Paul Reed, Ann Lee and Tom Hale.",
         {("Paul Reed", "Ubisoft"), ("Ann Lee", "Ubisoft"), ("Tom Hale", "Ubisoft")}),
        ("Three engineers left Ubisoft in May. Those leaving are Paul Reed and Ann Lee.",
         {("Paul Reed", "Ubisoft"), ("Ann Lee", "Ubisoft")}),
        ("Ubisoft cut 228 jobs. Among those let go at Ubisoft were the studio's former CEO, "
         "Paul Reed.", {("Paul Reed", "Ubisoft")}),
        ("Three engineers left Ubisoft in May. The new hires are Paul Reed and Ann Lee.", set()),
    ],
)  # fmt: skip
def test_leavers_named_again(extractor, text, expected):
    assert found(extractor, text, "en", "departure") == expected
