import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.inputs.frontmatter import FrontMatterError, split_front_matter


def test_text_without_front_matter_is_returned_unchanged():
    text = "Jan Leike a quitté OpenAI.\n---\nNot front matter: a later rule.\n"
    assert split_front_matter(text) == ({}, text)


def test_empty_text_has_no_front_matter():
    assert split_front_matter("") == ({}, "")


def test_simple_fields_and_body():
    text = "---\ntitle: Départ chez OpenAI\ndate: 2024-05-17\n---\nLe corps.\n"
    assert split_front_matter(text) == (
        {"title": "Départ chez OpenAI", "date": "2024-05-17"},
        "Le corps.\n",
    )


def test_quoted_values_are_unquoted():
    text = (
        "---\n"
        'title: "Il a dit : \\"je pars\\""\n'
        "subtitle: 'L''équipe dissoute'\n"
        "url: 'https://example.com/a?b=c#d'\n"
        "---\nCorps"
    )
    meta, body = split_front_matter(text)
    assert meta == {
        "title": 'Il a dit : "je pars"',
        "subtitle": "L'équipe dissoute",
        "url": "https://example.com/a?b=c#d",
    }
    assert body == "Corps"


def test_value_with_colons_keeps_everything_after_the_first():
    meta, _ = split_front_matter("---\nurl: https://example.com:8080/x\n---\nbody")
    assert meta == {"url": "https://example.com:8080/x"}


def test_lists_and_unknown_keys_are_kept_as_raw_strings():
    text = '---\ntags: ["ia", "départs"]\nauthor_id: 42\n---\nbody'
    meta, _ = split_front_matter(text)
    assert meta == {"tags": '["ia", "départs"]', "author_id": "42"}


def test_indented_lines_continue_the_previous_key_as_raw_text():
    text = "---\ntags:\n  - ia\n  - départs\ntitle: T\n---\nbody"
    meta, _ = split_front_matter(text)
    assert meta == {"tags": "- ia\n- départs", "title": "T"}


def test_blank_and_comment_lines_inside_front_matter_are_ignored():
    meta, body = split_front_matter("---\n# a comment\n\ntitle: T\n---\nbody")
    assert (meta, body) == ({"title": "T"}, "body")


def test_empty_value_is_an_empty_string():
    assert split_front_matter("---\nsubtitle:\n---\nbody") == ({"subtitle": ""}, "body")


def test_leading_blank_lines_before_the_opening_fence_are_allowed():
    assert split_front_matter("\n  \n---\ntitle: T\n---\nbody") == ({"title": "T"}, "body")


def test_fences_may_have_trailing_whitespace_and_crlf():
    meta, body = split_front_matter("--- \r\ntitle: T\r\n---\r\nbody")
    assert (meta, body) == ({"title": "T"}, "body")


def test_empty_front_matter_block():
    assert split_front_matter("---\n---\nbody") == ({}, "body")


def test_missing_closing_fence_is_an_error():
    with pytest.raises(FrontMatterError, match=r"^no closing '---' line$"):
        split_front_matter("---\ntitle: T\nbody without a closing fence")


def test_line_that_is_not_key_value_is_an_error():
    with pytest.raises(FrontMatterError, match=r"^line 3: expected 'key: value', got 'oops'$"):
        split_front_matter("---\ntitle: T\noops\n---\nbody")


def test_duplicate_key_is_an_error():
    with pytest.raises(FrontMatterError, match=r"^line 3: duplicate key 'title'$"):
        split_front_matter("---\ntitle: A\ntitle: B\n---\nbody")


def test_front_matter_error_is_a_value_error():
    assert issubclass(FrontMatterError, ValueError)


@given(st.text())
def test_arbitrary_text_only_ever_raises_front_matter_error(text):
    try:
        meta, body = split_front_matter(text)
    except FrontMatterError as error:
        assert str(error) and "\n" not in str(error)
    else:
        assert isinstance(meta, dict)
        assert isinstance(body, str)


front_matter_like_lines = st.lists(st.text(alphabet="ab: \t-#'\"\\\r", max_size=12), max_size=8)


@given(front_matter_like_lines)
def test_front_matter_like_text_only_ever_raises_front_matter_error(lines):
    with contextlib.suppress(FrontMatterError):
        split_front_matter("\n".join(["---", *lines]))


keys = st.from_regex(r"[a-z][a-z0-9_-]{0,15}", fullmatch=True)
values = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\n"), max_size=40)


def _double_quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


@given(st.dictionaries(keys, values, max_size=8), st.text())
def test_round_trip_of_quoted_fields_and_any_body(meta, body):
    block = "".join(f"{key}: {_double_quoted(value)}\n" for key, value in meta.items())
    assert split_front_matter(f"---\n{block}---\n{body}") == (meta, body)


plain_values = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9 .,:/é’-]{0,30}[A-Za-z0-9]", fullmatch=True)


@given(st.dictionaries(keys, plain_values, max_size=8), st.text())
def test_round_trip_of_unquoted_fields(meta, body):
    block = "".join(f"{key}: {value}\n" for key, value in meta.items())
    assert split_front_matter(f"---\n{block}---\n{body}") == (meta, body)
