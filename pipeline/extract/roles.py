"""The role a text gives a person ("cofondateur", "directrice technique", "CEO")."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

from pipeline.extract.lexicons import lexicon

WINDOW_TOKENS = 8


@cache
def _roles() -> tuple[tuple[str, ...], ...]:
    roles = {tuple(role.lower().split()) for role in lexicon("any", "roles")}
    return tuple(sorted(roles, key=len, reverse=True))


def role_near(anchor: Token, sentence: Span) -> str | None:
    """The role phrase closest to `anchor` within a few tokens of it in the same sentence."""
    words = [t.lower_ for t in sentence]
    position = anchor.i - sentence.start
    best: tuple[int, str] | None = None
    for role in _roles():
        size = len(role)
        for i in range(max(0, position - WINDOW_TOKENS), min(len(words), position + WINDOW_TOKENS)):
            if tuple(words[i : i + size]) == role:
                distance = min(abs(i - position), abs(i + size - 1 - position))
                if best is None or distance < best[0]:
                    best = (distance, " ".join(role))
    return best[1] if best else None
