"""The compiled-regex cache gives back patterns that behave exactly as `re.compile` would, whether
they were just compiled, read from disk, or the file was damaged or could not be written."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.support import compiled_regex
from pipeline.support.compiled_regex import precompile

PATTERNS = [
    r"(?iu)^(?:porte[-‐]\w+|aujourd['’]hui|entr['’][a-zà-ÿ]+)$",
    r"(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?",
    r"(?<!\w)(\w+)\s+\1(?!\w)",
    r"(?x) ^ [A-Z][a-z]+ \s (?=AI\b) AI",
    r"[\u00C0-\u024F]+|[^\W\d_]{3,}",
]
SAMPLES = [
    "porte-monnaie",
    "Aujourd’hui",
    "entr'ouvert",
    "2024-05-17 et 2023-11",
    "le le chat chat",
    "Kestrel AI",
    "Élodie à Orléans",
    "",
]


def behaviour(pattern: re.Pattern) -> list:
    seen = [pattern.pattern, pattern.flags, pattern.groups, dict(pattern.groupindex)]
    for text in SAMPLES:
        match = pattern.match(text)
        seen.append(match and (match.span(), match.groups()))
        seen.append([m.span() for m in pattern.finditer(text)])
    return seen


@pytest.mark.parametrize("pattern", PATTERNS)
def test_a_pattern_read_back_from_the_cache_behaves_like_a_fresh_compile(tmp_path, pattern):
    re.purge()
    expected = behaviour(re.compile(pattern))

    re.purge()
    compiled = precompile(pattern, tmp_path)
    assert len(list(tmp_path.glob("regex-*.bin"))) == 1
    re.purge()
    read_back = precompile(pattern, tmp_path)

    assert behaviour(compiled) == expected
    assert behaviour(read_back) == expected
    assert re.compile(pattern) is read_back


def test_a_cached_pattern_is_not_compiled_again(tmp_path, monkeypatch):
    pattern = PATTERNS[1]
    precompile(pattern, tmp_path)

    def refuse(*args, **kwargs):
        raise AssertionError("compiled again instead of read from the cache")

    monkeypatch.setattr(re._parser, "parse", refuse)
    re.purge()
    assert precompile(pattern, tmp_path).match("2024-05").group("month") == "05"


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],
        lambda raw: raw[:-8] + b"\x00" * 8,
        lambda raw: b"not json\n" + raw,
        lambda raw: b"",
    ],
    ids=["truncated", "overwritten", "bad header", "empty"],
)
def test_a_damaged_cache_file_is_compiled_again_and_replaced(tmp_path, damage):
    pattern = PATTERNS[0]
    precompile(pattern, tmp_path)
    [cached] = tmp_path.glob("regex-*.bin")
    good = cached.read_bytes()
    cached.write_bytes(damage(good))

    re.purge()
    compiled = precompile(pattern, tmp_path)

    assert compiled.match("porte-monnaie") and not compiled.match("porte monnaie")
    assert cached.read_bytes() == good


def test_an_unwritable_cache_directory_still_gives_the_pattern(tmp_path):
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("a file where the cache directory should be")

    re.purge()
    compiled = precompile(PATTERNS[1], blocked / "cache")

    assert compiled.match("2023-11").group("year") == "2023"
    assert list(tmp_path.iterdir()) == [blocked]


def test_the_key_changes_with_the_pattern():
    assert compiled_regex._cache_key("a+") != compiled_regex._cache_key("a*")


def test_the_cache_directory_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("PIPELINE_CACHE_DIR", str(tmp_path / "mine"))
    assert compiled_regex.cache_directory() == tmp_path / "mine"
    monkeypatch.delenv("PIPELINE_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert compiled_regex.cache_directory() == tmp_path / "xdg" / "pipeline"


FRENCH_TOKENS = """
import json, re
parsed = []
parse = re._parser.parse
def counting_parse(pattern, *args, **kwargs):
    parsed.append(len(pattern))
    return parse(pattern, *args, **kwargs)
re._parser.parse = counting_parse
from pipeline.extract.fr import pipeline as nlp
tokenizer = nlp.load().tokenizer
text = "Aujourd'hui, le porte-parole d'entr'ouvert a quitté Saint-Denis pour l'arc-en-ciel."
print(json.dumps({
    "tokens": [t.text for t in tokenizer(text)],
    "huge_patterns_parsed": sum(1 for length in parsed if length > 1_000_000),
}))
"""


def test_the_french_model_reads_its_tokenizer_pattern_from_the_cache(tmp_path):
    """Two fresh processes: the first compiles the 1.4 MB tokenizer-exception pattern once (not
    once for the cache and once for spaCy), the second not at all; both tokenise alike."""
    env = {"PIPELINE_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    runs = []
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-c", FRENCH_TOKENS],
            env=env,
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).parent.parent,
        )
        runs.append(json.loads(done.stdout))

    assert len(list(tmp_path.glob("regex-*.bin"))) == 1
    assert [run["huge_patterns_parsed"] for run in runs] == [1, 0]
    assert runs[0]["tokens"] == runs[1]["tokens"]
    assert "Aujourd'hui" in runs[1]["tokens"] and "porte-parole" in runs[1]["tokens"]
