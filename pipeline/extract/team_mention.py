"""A team an article names, as the slot resolvers of both languages return it."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from pipeline.extract.names import entity_key, fold
from pipeline.extract.results import EntityRef


@dataclass(frozen=True)
class TeamMention:
    name: str
    organization: str | None  # the gazetteer's, for a team it knows
    token: Token
    surface: str = ""  # the words the article uses

    @property
    def key(self) -> str:
        return entity_key(self.name)

    def as_named_in(self, organization: EntityRef) -> TeamMention:
        """A generic name the gazetteer knows at one lab ("Ethics and Society") said of another
        lab is that lab's team, under the article's own words."""
        if self.organization and fold(self.organization) != fold(organization.name):
            return replace(self, name=self.surface or self.name, organization=None)
        return self
