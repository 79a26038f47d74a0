"""A team an article names, as the slot resolvers of both languages return it."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Token

from pipeline.extract.lexicons import lexicon
from pipeline.extract.names import entity_key, fold
from pipeline.extract.results import EntityRef

_ACRONYMS = lexicon("any", "topic_acronyms")
_TEAM_WORDS = lexicon("fr", "team_nouns") | lexicon("en", "team_nouns")
_ELISION = re.compile(r"^[dlDL]['’]")


@dataclass(frozen=True)
class TeamMention:
    name: str
    organization: str | None  # the gazetteer's, for a team it knows
    token: Token
    surface: str = ""  # the words the article uses
    also: tuple[str, ...] = ()  # "is closing Lumen Forge and Tallow": the others closed with it

    @property
    def key(self) -> str:
        return entity_key(self.name)

    def key_in(self, organization: EntityRef) -> str:
        """ "Safe Harbor", "SafeHarbor", "son équipe de superordinateurs Lumen" and "its
        Lumen AI supercomputer team": an organisation's team keeps one key across articles and
        languages, the proper name at the core of its names (spaces, field acronyms, team words
        and the owner's name left out); a name without one keys on all its words."""
        left_out = _ACRONYMS | _TEAM_WORDS | set(fold(organization.name).split())
        core = []
        for word in self.name.split():
            word = _ELISION.sub("", word)
            if word[:1].isupper() and fold(word) not in left_out:
                core.append(fold(word).replace(" ", ""))
        return "".join(core) or self.key

    def as_named_in(self, organization: EntityRef) -> TeamMention:
        """A generic name the gazetteer knows at one lab ("Ethics and Society") said of another
        lab is that lab's team, under the article's own words."""
        if self.organization and fold(self.organization) != fold(organization.name):
            return replace(self, name=self.surface or self.name, organization=None)
        return self
