"""Property-based tests (Hypothesis) for the pure parts that had none: name normalisation and the
markdown-to-plain-text offset map. (Dates, front matter and input decoding have theirs in
tests/test_dates.py, tests/test_frontmatter.py and tests/test_sources.py.)"""

from __future__ import annotations

import unicodedata

from hypothesis import example, given
from hypothesis import strategies as st

from pipeline.extract.markup import to_plain_text
from pipeline.extract.names import (
    clean_person_name,
    entity_key,
    fold,
    looks_like_person_name,
    name_variants,
)

# Letters people's names are written with in French and English news: Latin with accents.
NAME_LETTERS = st.characters(
    categories=["Lu", "Ll"], min_codepoint=0x41, max_codepoint=0x17F, exclude_characters="ſı"
)
NAME_WORDS = st.text(NAME_LETTERS, min_size=1, max_size=12)
NAMES = st.lists(NAME_WORDS, min_size=1, max_size=4).map(" ".join)
DEBRIS = " ,;:.!?()[]«»\"'‘’“”-–—"


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


@given(st.text())
def test_fold_never_raises_and_is_idempotent(text):
    folded = fold(text)
    assert fold(folded) == folded
    assert folded == folded.strip() and "  " not in folded


@given(st.text())
def test_folded_text_has_no_capitals_accents_or_punctuation(text):
    folded = fold(text)
    assert not any(unicodedata.combining(c) for c in folded)
    assert all(c.isalnum() or c in " _" for c in folded)


@given(NAMES)
@example("Élodie Lefèvre")
@example("ÆSA Ørsted")
def test_the_key_of_a_name_is_the_key_of_its_case_and_accent_variants(name):
    key = entity_key(name)
    assert entity_key(name.upper()) == key
    assert entity_key(name.lower()) == key
    assert entity_key(name.title()) == key
    assert entity_key(strip_accents(name)) == key
    assert entity_key(unicodedata.normalize("NFD", name)) == key
    assert entity_key(f"  {name}\n") == key


@given(st.text())
@example("“Jean Dupont”")
@example("‘Jean’")
def test_clean_person_name_never_raises_and_leaves_no_debris(surface):
    name = clean_person_name(surface)
    assert name == " ".join(name.split())
    assert not name or (name[0] not in DEBRIS and name[-1] not in DEBRIS)


@given(st.text())
@example("Yuhai « Tony » Wu")
@example("'a' 'b' c")
@example("‘“”’0")  # found by Hypothesis: curly quotes were not stripped
def test_clean_person_name_is_idempotent(surface):
    once = clean_person_name(surface)
    assert clean_person_name(once) == once


@given(NAMES)
def test_a_clean_name_is_left_as_it_is(name):
    assert clean_person_name(name) == " ".join(name.split())


@given(NAMES, st.sampled_from(["«", '"', "“", "'"]), NAME_WORDS)
def test_a_quoted_nickname_replaces_the_first_names(name, quote, nickname):
    closing = {"«": "»", '"': '"', "“": "”", "'": "'"}[quote]
    surname = name.split()[-1]
    surface = f"{name} {quote} {nickname} {closing} {surname}"
    assert clean_person_name(surface) == f"{nickname} {surname}"


@given(st.text())
def test_name_variants_hold_the_key_and_looks_like_person_name_never_raises(name):
    assert entity_key(name) in name_variants(name)
    assert looks_like_person_name(name) in (True, False)


# --- markup: offsets in the plain text map back to the same characters in the article

MARKUP_PIECES = ["[", "]", "(", ")", "![", "](", "*", "**", "_", "# ", "|", " | ", "---", "\n"]
MARKUP_PIECES += ["https://exemple.fr/a.b", "http://x.y/", "\t"]
MARKDOWNISH = st.lists(
    st.one_of(st.sampled_from(MARKUP_PIECES), st.text(max_size=6)), max_size=40
).map("".join)


@given(st.one_of(st.text(), MARKDOWNISH))
@example("Voir [Jean Dupont](https://exemple.fr/a.b) et **OpenAI**.\n# Titre\n| a | b |")
def test_every_plain_character_maps_back_to_the_same_character(text):
    plain = to_plain_text(text)
    previous = -1
    for i, char in enumerate(plain.text):
        original = plain.original(i)
        assert 0 <= original < len(text)
        assert original > previous  # in order, never twice the same character
        previous = original
        if text[original] != char:  # only a table pipe becomes a line break
            assert char == "\n" and text[original] in " \t|"


@given(st.one_of(st.text(), MARKDOWNISH), st.data())
def test_a_span_of_plain_text_maps_to_a_span_of_the_article_holding_its_characters(text, data):
    plain = to_plain_text(text)
    if not plain.text:
        return
    start = data.draw(st.integers(0, len(plain.text) - 1))
    end = data.draw(st.integers(start + 1, len(plain.text)))
    original_start, original_end = plain.original(start), plain.original_end(end)
    assert 0 <= original_start < original_end <= len(text)
    assert text[original_start] == plain.text[start] or plain.text[start] == "\n"
    assert text[original_end - 1] == plain.text[end - 1] or plain.text[end - 1] == "\n"


@given(st.text(st.characters(exclude_characters="[]()!*_#|-=:/\\"), max_size=200))
def test_text_without_markup_is_its_own_plain_text(text):
    plain = to_plain_text(text)
    assert plain.text == text
    assert all(plain.original(i) == i for i in range(len(text)))
