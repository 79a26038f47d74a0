"""Word lists the rules and resolvers use, one file per concept and language:
`lexicons/LANG/NAME.txt` (LANG is `fr`, `en`, or `any` for lists good in both), one entry per line,
`#` starting a comment. Rules refer to them as "@NAME" in their patterns; code asks `lexicon()`.
Closed-class grammar words (determiners, pronouns, quotes) stay in the code that parses them."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def lexicon(lang: str, name: str) -> frozenset[str]:
    """The entries of `lexicons/LANG/NAME.txt`; FileNotFoundError when there is no such list."""
    path = resources.files("pipeline.extract.lexicons") / lang / f"{name}.txt"
    if not path.is_file():
        raise FileNotFoundError(f"no lexicon {lang}/{name}")
    entries = (line.split("#", 1)[0].strip() for line in path.read_text("utf-8").splitlines())
    return frozenset(entry for entry in entries if entry)


def lexicon_names() -> list[tuple[str, str]]:
    """(language, name) of every lexicon file."""
    folder = resources.files("pipeline.extract.lexicons")
    return sorted(
        (lang.name, f.name.removesuffix(".txt"))
        for lang in folder.iterdir()
        if lang.is_dir() and not lang.name.startswith("_")
        for f in lang.iterdir()
        if f.name.endswith(".txt")
    )
