"""Gazetteers, loaded once: the organisations and teams the pipeline knows by name
(`organizations.jsonl`, `teams.jsonl`, with their aliases) and the capitalised words that are
never people (`not_people.txt`). Job titles are the lexicon `lexicons/any/roles.txt`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from pipeline.extract.lexicons import lexicon
from pipeline.extract.names import fold


def _data_text(name: str) -> str:
    return (resources.files("pipeline.extract.gazetteers") / name).read_text(encoding="utf-8")


def _jsonl(name: str) -> list[dict]:
    return [json.loads(line) for line in _data_text(name).splitlines() if line.strip()]


@dataclass(frozen=True)
class Team:
    name: str
    organization: str | None
    aliases: tuple[str, ...]


@cache
def organizations() -> dict[str, str]:
    """Folded alias or name -> canonical organisation name."""
    table: dict[str, str] = {}
    for row in _jsonl("organizations.jsonl"):
        for alias in (row["name"], *row.get("aliases", ())):
            table[fold(alias)] = row["name"]
    return table


@cache
def organization_surfaces() -> list[tuple[str, str]]:
    """(surface, canonical) pairs, as written, for the entity ruler."""
    pairs = []
    for row in _jsonl("organizations.jsonl"):
        for alias in (row["name"], *row.get("aliases", ())):
            pairs.append((alias, row["name"]))
    return pairs


@cache
def teams() -> tuple[Team, ...]:
    return tuple(
        Team(row["name"], row.get("organization"), tuple(row.get("aliases", ())))
        for row in _jsonl("teams.jsonl")
    )


@cache
def team_by_alias() -> dict[str, Team]:
    table: dict[str, Team] = {}
    for team in teams():
        for alias in (team.name, *team.aliases):
            table[fold(alias)] = team
    return table


@cache
def not_people() -> frozenset[str]:
    lines = _data_text("not_people.txt").splitlines()
    return frozenset(fold(line) for line in lines if line.strip() and not line.startswith("#"))


def canonical_organization(surface: str) -> str | None:
    return organizations().get(fold(surface))


@cache
def role_words() -> frozenset[str]:
    """Single-word job titles ("cofondatrice", "PDG", "researcher"): the nouns that stand for a
    person ("la chercheuse") or announce a name ("le vice-président X")."""
    return frozenset(role.lower() for role in lexicon("any", "roles") if " " not in role)
