"""Who and what a document mentions: people (from NER, linked within the article), organisations
(gazetteer first, NER second) and teams, each mapped to tokens so rules can ask "who is this?"."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pipeline.extract import org_cues
from pipeline.extract.gazetteers import (
    canonical_organization,
    not_people,
    outlets,
    platforms,
    role_words,
    team_by_alias,
)
from pipeline.extract.lexicons import lexicon
from pipeline.extract.names import (
    clean_person_name,
    entity_key,
    fold,
    looks_like_person_name,
)
from pipeline.extract.results import EntityRef, FoundMention

_NICKNAME_NAME = re.compile(
    r"\b([A-ZÀ-Ý][\w'’-]+)\s+[«\"“]\s*([A-ZÀ-Ý][\w'’-]+)\s*[»\"”]\s+([A-ZÀ-Ý][\w'’-]+)"
)
# Words NER glues to a name ("Vice-présidente", "Selon") that never start a person's name.
_NOT_NAME_START = {
    "selon",
    "pour",
    "chez",
    "avec",
    "comme",
    "mais",
    "et",
    "le",
    "la",
    "les",
    "monsieur",
    "madame",
    "m.",
    "mme",
    "dr",
    "président",
    "présidente",
    "directeur",
    "directrice",
    "ministre",
}


@dataclass(frozen=True)
class Mention:
    entity: EntityRef
    span: Span

    @property
    def is_possessive(self) -> bool:
        """ "Jane Doe's company", "Tesla's Autopilot": a possessor, not a subject."""
        following = self.span.doc[self.span.end : self.span.end + 1]
        return bool(following) and following[0].lower_ in ("'s", "’s", "'", "’")


def person(name: str) -> EntityRef:
    return EntityRef("person", name, entity_key(name))


def organization(name: str) -> EntityRef:
    return EntityRef("organization", name, entity_key(name))


class DocMentions:
    """People, organisations and teams of one Doc, with token lookups."""

    def __init__(
        self, doc: Doc, lang: str = "fr", text: str | None = None, title: str | None = None
    ):
        self.doc = doc
        if text is None:
            text = doc.text  # Doc.text joins every token on each access: read it once
        people = _people(doc, text, title)
        full_names = {fold(m.entity.name) for m in people if len(m.entity.name.split()) >= 2}
        team_names = _team_names(doc)
        # a headline the source gave apart may be where a company is introduced
        told = f"{title}.\n{text}" if title and title not in text else text
        deeds = org_cues.named_by_deeds(told, lang)
        acting = {fold(name) for name in deeds}
        surnames = {name.split()[-1] for name in full_names}
        owners = {  # "le laboratoire de Grenoble", "Marchetti a dissous son équipe": no company
            name
            for name in org_cues.owners_of_units(told, lang)
            if not org_cues.told_as_a_place(told, name) and fold(name) not in surnames
        }
        left = {fold(name) for name in org_cues.names_left(told, lang)} | acting
        discovered = {
            name
            for name in org_cues.discover(told, lang, deeds) | owners
            # a newsroom people leave, or that acts as a company, is their employer
            if (fold(name) in left if _is_outlet(name) else fold(name) not in not_people())
            and not canonical_organization(name)
            and not canonical_organization(name.split()[0])  # "Meta AI" is Meta
            and fold(name) not in team_by_alias()
            and fold(name) not in team_names  # "fondatrice de Contrepoids", a team
            # "chez Bob McGrew" does not make him a company; laying off its staff does
            and (fold(name) not in full_names or fold(name) in acting)
        }
        self.people: list[Mention] = [
            m for m in people if fold(m.entity.name) not in {fold(n) for n in discovered}
        ]
        self.organizations: list[Mention] = _organizations(doc, self.people, team_names)
        self.organizations = _with_discovered(
            doc, text, self.organizations, self.people, discovered
        )
        self.organizations = _short_forms_as_long(self.organizations)
        # organisations the gazetteer knows or the article introduces as such ("la start-up X")
        self.reliable_organizations = {
            m.entity.key for m in self.organizations if m.span[0].ent_id_
        } | {entity_key(name) for name in discovered}
        self.teams: list[Mention] = [
            Mention(EntityRef("team", ent.ent_id_, entity_key(ent.ent_id_)), ent)
            for ent in doc.ents
            if ent.label_ == "TEAM" and fold(ent.text) in team_by_alias()
        ]
        self._person_at = {t: m for m in self.people for t in range(m.span.start, m.span.end)}
        self._org_at = {t: m for m in self.organizations for t in range(m.span.start, m.span.end)}

    def person_at(self, token: Token) -> EntityRef | None:
        mention = self._person_at.get(token.i)
        return mention.entity if mention else None

    def organization_at(self, token: Token) -> EntityRef | None:
        mention = self._org_at.get(token.i)
        return mention.entity if mention else None

    def people_in(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.people if start <= m.span.start and m.span.end <= end]

    def organizations_in(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.organizations if start <= m.span.start and m.span.end <= end]

    def found_mentions(self) -> list[FoundMention]:
        found = []
        for mention in [*self.people, *self.organizations, *self.teams]:
            span = mention.span
            found.append(
                FoundMention(
                    entity=mention.entity,
                    start=span.start_char,
                    end=span.end_char,
                    surface=span.text,
                    sentence=span.sent.text.strip(),
                )
            )
        return sorted(found, key=lambda m: (m.start, m.end, m.entity.kind))


def _person_spans(doc: Doc, text: str) -> list[Span]:
    spans = {}
    for match in _NICKNAME_NAME.finditer(text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None:
            spans[span.start] = span
    taken = {i for span in spans.values() for i in range(span.start, span.end)}
    for ent in doc.ents:
        if any(i in taken for i in range(ent.start, ent.end)):
            continue
        if ent.label_ != "PER" and not _titled_name(ent) and not _introduced_by_role(ent):
            continue
        trimmed = _trim(ent)
        if trimmed is not None:
            spans[trimmed.start] = trimmed
    for ent in doc.ents:
        if ent.start not in spans and _listed_among_people(ent, spans):
            spans[ent.start] = ent
    # "Verdier a démissionné" after "Paul Verdier": NER may call the surname alone a company
    surnames = {span[-1].text for span in spans.values() if len(span) >= 2}
    for ent in doc.ents:
        if (
            len(ent) == 1
            and ent.label_ != "PER"
            and not ent.ent_id_
            and ent.text in surnames
            and ent.start not in spans
        ):
            spans[ent.start] = ent
    return [spans[start] for start in sorted(spans)]


_TITLE_WORDS = role_words() | {"recherche"}  # "le directeur de la recherche X"
_LIST_SEPARATORS = {",", "et", "and"}


def _listed_among_people(span: Span, people: dict[int, Span]) -> bool:
    """ "A, Tao Lin et B", "les employés Mei Sun, B et C": NER may call one name of a list of
    people something else; two or three capitalised words listed between two people, or opening
    a list of people after a job title, are a person too."""
    if span.ent_id_ or span.label_ == "PER" or not 2 <= len(span) <= 3:
        return False
    if not all(t.text[:1].isupper() and t.is_alpha for t in span):
        return False
    doc = span.doc
    ends = {p.end for p in people.values()}
    before = doc[span.start - 1] if span.start else None
    end = _past_whose(span)
    after = doc[end] if end < len(doc) else None
    person_after = after is not None and after.text in _LIST_SEPARATORS and end + 1 in people
    person_before = before is not None and before.text in _LIST_SEPARATORS and before.i in ends
    title_before = before is not None and before.lemma_.lower() in _TITLE_WORDS
    # "Dans le désordre, A de D8, B et C": the first of a list told after a comma
    opens_a_list = before is not None and before.text == "," and end > span.end
    return person_after and (person_before or title_before or opens_a_list)


def _past_whose(span: Span) -> int:
    """Where a name's list item ends: after "de X" ("A de D8, B et C"), else at the name."""
    doc, end = span.doc, span.end
    if end + 1 < len(doc) and doc[end].lower_ in ("de", "d'", "d’", "du"):
        owner = next((e for e in doc.ents if e.start == end + 1 and e.label_ == "ORG"), None)
        if owner is not None:
            return owner.end
    return end


_APPOSITION_OPENERS = {"le", "la", "l'", "l’", "un", "une", "the", "a", "an", "son", "sa", "its"}
_APPOSITION_OPENERS |= {"ancien", "ancienne", "former", "nouveau", "nouvelle", "new"}


def _introduced_by_role(span: Span) -> bool:
    """ "Tarun Vellaiah, l'ancien directeur de ...": NER may call a rare name a place; two or three
    capitalised words that an apposition gives a job title are a person."""
    if span.ent_id_ or span.label_ == "PER" or not 2 <= len(span) <= 3:
        return False
    if not all(t.text[:1].isupper() and t.is_alpha for t in span):
        return False
    doc = span.doc
    following = doc[span.end : min(span.end + 5, span.sent.end)]
    if not len(following) or following[0].text != ",":
        return False
    for token in following[1:]:
        if token.lower_ in _APPOSITION_OPENERS:
            continue
        return token.lemma_.lower() in _TITLE_WORDS or token.lower_ in _TITLE_WORDS
    return False


def _titled_name(span: Span) -> bool:
    """ "le vice-président Hugo Lemaire": NER sometimes calls a name after a title an
    organisation; two or three capitalised words right after a job title are a person."""
    if span.ent_id_ or span.label_ not in ("ORG", "MISC") or not 2 <= len(span) <= 3:
        return False
    if span.start == 0 or not all(t.text[:1].isupper() for t in span):
        return False
    return span.doc[span.start - 1].lower_ in _TITLE_WORDS


_PARTICLES = {"de", "d'", "d’", "du", "des", "van", "von", "da", "di"}


_SPACED_DASHES = {"-", "–", "—"}


def _trim(span: Span) -> Span | None:
    """Drop leading words NER glued on ("Selon Jane Doe") and anything after a line break."""
    start, end = span.start, span.end
    for i in range(start + 1, end - 1):
        token = span.doc[i]
        if token.text in _SPACED_DASHES and token.whitespace_ and span.doc[i - 1].whitespace_:
            start = i + 1  # "Exclusif - Jane Doe quitte ...": a headline's kicker, then the name
    while start < end and (
        span.doc[start].lower_ in _NOT_NAME_START or not span.doc[start].text[:1].isupper()
    ):
        start += 1
    for i in range(start, end):
        if (
            "\n" in span.doc[i].text_with_ws
            or span.doc[i].is_punct
            and span.doc[i].text not in "-."
        ):
            end = i + 1 if not span.doc[i].is_punct else i
            break
    while end - start > 1 and span.doc[end - 1].text in _PARTICLES:
        end -= 1  # "le départ de Marc Vidal de Cohere": NER took the preposition for a particle
    if start >= end:
        return None
    start, end = _with_hyphenated_parts(span.doc, start, end)
    return span.doc[start:end]


def _with_hyphenated_parts(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """ "Okafor-Lambert", "Jean-Marc": the tokenizer splits some hyphenated names and NER may
    keep only one half; a capitalised part joined by a hyphen with no space is the same name."""

    def joined(left: Token, hyphen: Token, right: Token) -> bool:
        return (
            hyphen.text in HYPHENS
            and not left.whitespace_
            and not hyphen.whitespace_
            and left.text[:1].isupper()
            and (right.text[:1].isupper() or _second_syllable(left, right))
        )

    while end + 1 < len(doc) and joined(doc[end - 1], doc[end], doc[end + 1]):
        end += 2
    while start >= 2 and joined(doc[start - 2], doc[start - 1], doc[start]):
        start -= 2
    return start, end


HYPHENS = {"-", "\u2010", "\u2011"}


def _second_syllable(left: Token, right: Token) -> bool:
    """ "Ji-yeon", "Tae-woo": Korean given names write their second syllable in lower case;
    "Meta-owned", "Google-led", "X-like" are not names."""
    return (
        len(left.text) <= 5
        and 2 <= len(right.text) <= 5
        and right.is_alpha
        and right.is_lower
        and not right.text.endswith(("ed", "ing"))
        and right.text not in _HYPHEN_SUFFIXES
    )


_HYPHEN_SUFFIXES = {"like", "style", "era", "type", "born", "made", "run", "free", "wide", "based"}
_HYPHEN_SUFFIXES |= {"level", "scale", "size", "only", "first", "heavy", "ready", "proof", "class"}


def _people(doc: Doc, text: str, title: str | None = None) -> list[Mention]:
    blocked = not_people()
    named: list[tuple[Span, str]] = []
    for span in _person_spans(doc, text):
        name = clean_person_name(span.text)
        if (
            not name
            or fold(name) in blocked
            or fold(name.split()[0]) in blocked
            or canonical_organization(name)
            or not looks_like_person_name(name)
            or any(tok.ent_type_ == "ORG" and tok.ent_id_ for tok in span)
            or _after_a_product_noun(span)
            or _credited(span)
            or _quoted_title(span)
            or _what_a_post_is_of(span)
        ):
            continue
        named.append((span, name))
    nicknamed = _nickname_forms(text)
    full_names = [name for _, name in named if len(name.split()) >= 2]
    mentions = []
    for span, name in named:
        canonical = name if len(name.split()) >= 2 else _link_short_name(name, full_names)
        if _INITIAL.match(name):  # "S. Marchal" after "Sophie Marchal": the same person
            canonical = _with_initial(name, full_names) or canonical
        if canonical == name and len(name.split()) == 1 and title:
            canonical = _full_name_in_title(name, title, blocked) or name
        canonical = nicknamed.get(fold(canonical), canonical)
        mentions.append(Mention(person(canonical), span))
    return mentions


# Two or three capitalised words: a full name as a headline writes it ("Paul Verdier quitte ...")
_TITLE_NAME = re.compile(r"\b[A-ZÀ-Ý][\w’'-]+(?: [A-ZÀ-Ý][\w’'-]+){1,2}\b")


def _full_name_in_title(surname: str, title: str, blocked) -> str | None:
    """ "M. Verdier" in the text, "Paul Verdier" in the headline: the one full name of the
    headline that ends with the surname, when it looks like a person's."""
    key = fold(surname)
    found = {
        match.group(0)
        for match in _TITLE_NAME.finditer(title)
        if fold(match.group(0).split()[-1]) == key
        and looks_like_person_name(match.group(0))
        and not canonical_organization(match.group(0))
        and fold(match.group(0).split()[0]) not in blocked
    }
    return found.pop() if len(found) == 1 else None


_CREDIT_MARKS = {"©", "(c)", "crédit", "crédits", "credit", "photo", "illustration"}


def _credited(span: Span) -> bool:
    """ "OpenAI subit un nouveau départ © Jane Doe / Agence": a photo credit names no one in
    the story."""
    before = span.doc[max(0, span.start - 2) : span.start]
    return any(t.lower_ in _CREDIT_MARKS for t in before) or _in_a_wire_credit(span)


# "(Reportage A à Dallas; version française B)", "(Reporting by A; Editing by B)"
_WIRE_CREDIT_WORDS = {"reportage", "reporting", "editing", "writing", "rédaction", "version"}
_WIRE_CREDIT_WORDS |= {"édité", "édition", "additional", "compiled"}


def _in_a_wire_credit(span: Span) -> bool:
    """A name inside the parenthesis where a wire agency credits its reporters and editors."""
    doc = span.doc
    for token in reversed(doc[max(0, span.start - 15) : span.start]):
        if token.text == ")":
            return False
        if token.text == "(":
            opening = doc[token.i + 1 : token.i + 4]
            return any(t.lower_ in _WIRE_CREDIT_WORDS for t in opening)
    return False


_POST_WORDS = {"president", "director", "head", "chief", "manager", "lead", "vp", "officer"}
_POST_WORDS |= {"directeur", "directrice", "responsable", "président", "présidente"}


def _what_a_post_is_of(span: Span) -> bool:
    """ "vice president of Cloud Infrastructure", "Director of Autopilot Programs": what the
    post is of, a field or a unit, not a person."""
    doc = span.doc
    return (
        span.start >= 2
        and doc[span.start - 1].lower_ == "of"
        and doc[span.start - 2].lower_ in _POST_WORDS
    )


def _quoted_title(span: Span) -> bool:
    """ "l'IA audio "Julia Speaks"": a name in quotes titles a product or a work, not a
    person."""
    doc = span.doc
    before = doc[span.start - 1].text if span.start > 0 else ""
    after = doc[span.end].text if span.end < len(doc) else ""
    return before in OPENING_QUOTES and after in CLOSING_QUOTES


def _after_a_product_noun(span: Span) -> bool:
    """ "its own smartphone Fire Phone": a product's name, not a person's."""
    return span.start > 0 and span.doc[span.start - 1].lower_ in lexicon("any", "product_nouns")


def _nickname_forms(text: str) -> dict[str, str]:
    """ "Jean-Baptiste « JB » Rolland" is "JB Rolland" in the press; a later "Jean-Baptiste
    Rolland" in the same article is the same person."""
    forms = {}
    for match in _NICKNAME_NAME.finditer(text):
        first, nickname, last = match.groups()
        forms[fold(f"{first} {last}")] = f"{nickname} {last}"
    return forms


_INITIAL = re.compile(r"^[A-ZÀ-Ý]\. [A-ZÀ-Ý][\w’'-]+$")


def _with_initial(short: str, full_names: list[str]) -> str | None:
    """The one full name with this initial and surname."""
    initial, surname = short[0], fold(short.split()[-1])
    matches = {
        full
        for full in full_names
        if not _INITIAL.match(full) and full[0] == initial and fold(full.split()[-1]) == surname
    }
    return matches.pop() if len(matches) == 1 else None


def _link_short_name(short: str, full_names: list[str]) -> str:
    """'Moreau' -> 'Claire Moreau' when the article names exactly one such person, or one it
    names more than twice as often as any other ("Wen Liqiang" over a stray "Cut Wen")."""
    key = fold(short)
    counts = Counter(
        full for full in full_names if key in (fold(full.split()[-1]), fold(full.split()[0]))
    )
    ranked = counts.most_common(2)
    if len(ranked) == 1 or (len(ranked) == 2 and ranked[0][1] > 2 * ranked[1][1]):
        return ranked[0][0]
    return short


def _organizations(
    doc: Doc, people: list[Mention], team_names: set[str] = frozenset()
) -> list[Mention]:
    person_tokens = {i for m in people for i in range(m.span.start, m.span.end)}
    blocked = not_people()
    found = []
    for ent in doc.ents:
        if ent.label_ != "ORG" or any(i in person_tokens for i in range(ent.start, ent.end)):
            continue
        if not ent.ent_id_ and (
            _follows_team_noun(ent)
            or _named_team(ent)
            or fold(ent.text) in team_by_alias()
            or fold(ent.text) in team_names  # "fondatrice de Garde-Corps", a team named before
        ):
            continue  # "l'équipe Model Welfare" names a team, not an organisation
        text = org_cues.without_leading_preposition(ent.text)  # "Selon Bloomberg" taken as one name
        if _is_outlet(text) or _names_a_platform(ent) or _abbreviates_words(ent):
            continue  # "selon Bloomberg News", "a annoncé sur X": where news is told
        if _a_byline(ent):
            continue  # "La Gazette avec AFP": the outlet that signs the story
        if _formerly_named(ent):
            continue  # "written on X (formerly Twitter)": the old name of the platform
        if not ent.ent_id_ and _after_a_product_noun(ent):
            continue  # "the puzzle game Tidy Kites": a product, no company
        if ent.ent_id_:
            found.append(Mention(organization(ent.ent_id_), ent))
            continue
        name = " ".join(text.split()).strip(" ,;:.«»\"'")
        if (
            name
            and _looks_like_organization_name(name)
            and len(name.split()) <= 5
            and len(name) > 1  # "S": a name cut short, not a company
            and fold(name) not in blocked
            and fold(name) not in _TEAM_NOUNS  # "le lancement de Lab": a unit's word, no name
            and fold(name) not in _PLACES  # "MADRID, Espagne - ...": a dateline
            and fold(name) not in role_words()  # "qui était DG adjoint": a post, no company
            and "\n" not in ent.text
        ):
            found.append(Mention(organization(canonical_organization(name) or name), ent))
    return found


def _a_byline(span: Span) -> bool:
    """ "La Gazette avec AFP", "Les Echos with Reuters": a newsroom credited beside a wire
    agency."""
    doc = span.doc
    after = doc[span.end : span.end + 2]
    return (
        len(after) == 2
        and after[0].lower_ in ("avec", "with", "et", "and")
        and _is_outlet(after[1].text)
    )


def _formerly_named(span: Span) -> bool:
    """ "(formerly Twitter)", "(anciennement Twitter)": the old name of what was just named."""
    doc = span.doc
    before = [t.lower_ for t in doc[max(0, span.start - 2) : span.start]]
    return before[-1:] in (["formerly"], ["anciennement"]) and "(" in before


def _short_forms_as_long(found: list[Mention]) -> list[Mention]:
    """ "Google Brain ... un ancien de Brain", "Sanctuary AI ... Sanctuary co-founder X": a
    one-word name that ends a longer known name, or begins one whose other word only says what
    kind of company it is, is that name said short, not another organisation."""
    long_names: dict[str, EntityRef] = {}
    for mention in found:
        words = mention.span.text.split()
        if len(words) > 1 and mention.span[0].ent_id_:
            long_names.setdefault(fold(words[-1]), mention.entity)
            if len(words) == 2 and words[1].lower() in _KIND_WORDS:
                long_names.setdefault(fold(words[0]), mention.entity)
    kept = []
    for mention in found:
        words = mention.span.text.split()
        if len(words) == 1 and not mention.span[0].ent_id_:
            longer = long_names.get(fold(words[0]))
            if longer is not None and longer != mention.entity:
                mention = Mention(longer, mention.span)
        kept.append(mention)
    return kept


_KIND_WORDS = {"ai", "labs", "lab", "robotics", "technologies", "systems", "intelligence"}


def _abbreviates_words(span: Span) -> bool:
    """ "voitures avec chauffeur (VTC)": an acronym in brackets after common words spells them
    out, it names no company."""
    doc = span.doc
    if not (span.start >= 2 and span.end < len(doc) and doc[span.start - 1].text == "("):
        return False
    return doc[span.end].text == ")" and doc[span.start - 2].is_lower and span.text.isupper()


_OUTLET_ENDINGS = {"news", "media", "magazine", "tv", "radio", "journal"}


def _is_outlet(text: str) -> bool:
    """ "Bloomberg", "Bloomberg News", "The Information": a news outlet."""
    words = fold(text).split()
    if not words:
        return False
    return " ".join(words) in outlets() or (
        words[-1] in _OUTLET_ENDINGS and " ".join(words[:-1]) in outlets()
    )


# "sur X", "sur son compte LinkedIn", "dans un post sur Facebook", "on X", "on his Medium blog"
_PLATFORM_PREPOSITIONS = {"sur", "on", "via"}
_PLATFORM_WORDS = {"son", "sa", "ses", "leur", "his", "her", "their", "its", "compte", "page"}
_PLATFORM_WORDS |= {"profil", "blog", "account", "profile", "fil", "réseau", "social", "post"}


def _names_a_platform(span: Span) -> bool:
    """A social platform named as where something was said, not as a company."""
    if fold(span.text) not in platforms():
        return False
    doc, i = span.doc, span.start - 1
    while i >= 0 and doc[i].lower_ in _PLATFORM_WORDS:
        i -= 1
    if i >= 0 and doc[i].lower_ in _PLATFORM_PREPOSITIONS:
        return True
    after = doc[span.end : span.end + 1]  # "un post LinkedIn", "a LinkedIn post"
    if after and after[0].lower_ in _POSTED_ON:
        return True
    # "leaving X, the social network formerly known as Twitter": the website, not the company
    described = " ".join(t.lower_ for t in doc[span.end : span.end + 5])
    return described.startswith(",") and any(w in described for w in _PLATFORM_DESCRIPTIONS)


# "a LinkedIn post", "his X badge", "her X username": what someone has on a platform
_POSTED_ON = {"post", "posts", "message", "thread", "blog", "badge", "username", "handle"}
_POSTED_ON |= {"account", "profile", "bio", "feed", "page"}

_PLATFORM_DESCRIPTIONS = (
    "social network",
    "social media",
    "réseau social",
    "platform",
    "plateforme",
)


def _with_discovered(
    doc: Doc, text: str, found: list[Mention], people: list[Mention], names: set[str]
) -> list[Mention]:
    taken = {i for m in [*found, *people] for i in range(m.span.start, m.span.end)}
    added = []
    for name in sorted(names, key=len, reverse=True):
        # "Arcline" after "Arcline AI" is the same company: the longer name is canonical
        canonical = next((n for n in names if n.startswith(name + " ")), name)
        for start, end in org_cues.occurrences(text, name):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or any(i in taken for i in range(span.start, span.end)):
                continue
            taken.update(range(span.start, span.end))
            added.append(Mention(organization(canonical), span))
    return sorted([*found, *added], key=lambda m: m.span.start)


# The team nouns of both languages: an article in one may quote a unit's name in the other
_TEAM_NOUNS = lexicon("fr", "team_nouns") | lexicon("en", "team_nouns")
_PLACES = frozenset(fold(place) for place in lexicon("any", "places"))
NAMING_WORDS = lexicon("any", "naming_words")


def _team_names(doc: Doc) -> set[str]:
    """Folded names the article gives teams: "l'équipe « Contrepoids »", "l'équipe Boussole",
    "Baptisée « Contrepoids », cette équipe"."""
    names = set()
    for ent in doc.ents:
        if not ent.ent_id_ and (_follows_team_noun(ent) or _named_team(ent)):
            names.add(fold(ent.text))
    for quote in doc[1:-1]:
        if quote.text not in OPENING_QUOTES:
            continue  # a name in quotes after a naming word or a team noun: look from the quote
        token = doc[quote.i - 1]
        named_by = token.lower_ in NAMING_WORDS or token.lemma_.lower() in _TEAM_NOUNS
        if named_by:
            closing = next(
                (t.i for t in doc[token.i + 2 : token.i + 10] if t.text in CLOSING_QUOTES), None
            )
            in_team_sentence = any(t.lemma_.lower() in _TEAM_NOUNS for t in token.sent)
            if closing and in_team_sentence:
                names.add(fold(doc[token.i + 2 : closing].text))
    return names


OPENING_QUOTES = {"«", '"', "“"}
CLOSING_QUOTES = {"»", '"', "”"}


def _named_team(span: Span) -> bool:
    """ "Baptisée « Contrepoids », cette équipe": a name given by a naming participle in a
    sentence about a team."""
    before = [t for t in span.doc[max(0, span.start - 2) : span.start] if t.text not in '«"“']
    return (
        bool(before)
        and before[-1].lower_ in NAMING_WORDS
        and any(t.lemma_.lower() in _TEAM_NOUNS for t in span.sent)
    )


def _follows_team_noun(span: Span) -> bool:
    before = span.doc[max(0, span.start - 3) : span.start]
    words = [t for t in before if not t.is_punct]
    # "le groupe Tilleul", "du groupe Caisse Brune": in French a company group
    return (
        bool(words)
        and words[-1].lemma_.lower() in _TEAM_NOUNS
        and words[-1].lower_ not in ("groupe", "groupes")
    )


_NAME_PARTICLES = {"de", "du", "des", "la", "le", "les", "et", "of", "the", "and", "&", "d", "l"}


def _looks_like_organization_name(name: str) -> bool:
    """ "Arcline AI", "Banque de France" yes; "Nouveau départ de haut" (a headline NER took
    for a name) no: every word capitalised but the particles."""
    words = name.replace("'", " ").replace("’", " ").split()
    return bool(words) and all(w[0].isupper() or w.lower() in _NAME_PARTICLES for w in words)
