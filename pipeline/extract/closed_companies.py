"""A company that closes altogether: "Kairn ferme ses portes", "la start-up a cessé ses
activités", "Lumen Robotics has shut down", "ceased operations". The whole company is the unit
dissolved and its own organisation: readers who follow teams closed inside the labs follow the
start-ups that close too, in the same view.

The company is the verb's subject ("Kairn, la jeune pousse de robots, ferme ses portes"), the
one a noun belongs to ("la faillite de Kairn", "annonce sa fermeture"), or, for "the company",
"l'entreprise" or "elle", the one the article is about (the nearest company named may be a
partner or a rival)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.extract.context import ArticleContext
from pipeline.extract.engine import resolver
from pipeline.extract.lexicons import lexicon
from pipeline.extract.results import EntityRef
from pipeline.extract.rulebook import Candidate
from pipeline.extract.team_mention import TeamMention

# "the company", "la jeune pousse", "le fabricant": the company the article is about
_COMPANY_WORDS = {"company", "firm", "startup", "start-up", "business", "venture", "maker"}
_COMPANY_WORDS |= {"pousse", "entreprise", "société", "startup", "start-up", "firme", "fabricant"}
_COMPANY_WORDS |= {"constructeur", "compagnie", "éditeur"}
_PRONOUNS = {"elle", "il", "it", "they"}
_UNIT_NOUNS = lexicon("fr", "team_nouns") | lexicon("en", "team_nouns")
# what closes its doors without being a company
_NOT_COMPANIES = {"salon", "magasin", "boutique", "musée", "usine", "bureau", "conférence"}
_NOT_COMPANIES |= {"festival", "exposition", "école", "restaurant", "événement", "site", "show"}
_NOT_COMPANIES |= {"store", "shop", "museum", "factory", "office", "plant", "conference", "fair"}
_NOT_COMPANIES |= {"exhibition", "school", "event", "campus", "centre", "center"}
_OF = {"de", "d'", "d’", "du"}
# between the company and its verb: "Kairn has now shut down", "Kairn a finalement fait faillite"
_BETWEEN = {"has", "had", "have", "is", "was", "were", "are", "will", "also", "now", "finally"}
_BETWEEN |= {"officially", "quietly", "abruptly", "effectively", "formally", "reportedly"}
_BETWEEN |= {"a", "ont", "est", "sont", "va", "vont", "été", "finalement", "officiellement"}
_BETWEEN |= {"définitivement", "donc", "aussi", "déjà", "bel", "et", "bien", "ainsi"}
_BETWEEN |= {"été", "se", "s'", "s’", "placé", "placée", "mis", "mise", "désormais"}
# after an intransitive "shut down" ("Lumen has shut down in May"): anything else is its object
_AFTER_INTRANSITIVE = {"in", "on", "at", "after", "as", "last", "this", "earlier", "today"}
_AFTER_INTRANSITIVE |= {"yesterday", "recently", "for", "and", "amid", "following", "due"}
_AFTER_INTRANSITIVE |= {"because", "completely", "entirely", "permanently", "altogether"}
_AFTER_INTRANSITIVE |= {"effective", "without", "earlier", "late", "early", "just", "with"}
# "the news that Kairn had shut down came as a surprise": the next clause's verb
_NEXT_VERBS = {"came", "comes", "was", "is", "has", "had", "means", "marks", "leaves", "left"}
_DETERMINERS = {"the", "a", "an", "la", "le", "l'", "l’", "une", "un"}
_RELATIVES = {"qui", "dont", "which", "that", "who"}


@resolver("any", "team", "closed_company")
def company_closed(context: ArticleContext, candidate: Candidate) -> TeamMention | None:
    if candidate.rule.id.endswith(".company_shuts_down") and not _intransitive(candidate.span):
        return None  # "Lumen shut down its robotics lab": a unit, for the team rules
    company = _company(context, candidate)
    if company is None:
        return None
    if _introduced_as_a_unit(context, company):
        # "X, le studio de l'éditeur à Lille, a annoncé sa fermeture": a unit
        # of the company the article is about
        owner = context.organization_in_focus(candidate.head, exclude={company.key})
        if owner is None:
            return None
        return TeamMention(company.name, owner.name, candidate.head, company.name)
    return TeamMention(company.name, company.name, candidate.head, company.name)


_UNIT_INTRODUCERS = {"le", "la", "l'", "l’", "un", "une", "son", "sa", "the", "a", "its"}


def _introduced_as_a_unit(context: ArticleContext, company: EntityRef) -> bool:
    """ "X, le studio ...", "X, a subsidiary of ...": an apposition calls it a unit."""
    doc = context.doc
    for mention in context.mentions.organizations:
        if mention.entity != company or mention.span.end + 2 >= len(doc):
            continue
        before = doc[max(0, mention.span.start - 3) : mention.span.start]
        if any(t.lemma_.lower() in _UNIT_NOUNS or t.lower_ in _UNIT_NOUNS for t in before):
            return True  # "ses trois studios de création X fermer"
        after = doc[mention.span.end : mention.span.end + 4]
        if after[0].text != "," or after[1].lower_ not in _UNIT_INTRODUCERS:
            continue
        if any(t.lemma_.lower() in _UNIT_NOUNS or t.lower_ in _UNIT_NOUNS for t in after[2:]):
            return True
    return False


@resolver("any", "organization", "closed_company")
def company_itself(
    context: ArticleContext, candidate: Candidate, team: TeamMention
) -> EntityRef | None:
    """The company the team resolver found: it is named among the article's organisations."""
    return next(
        (m.entity for m in context.mentions.organizations if m.entity.name == team.organization),
        None,
    )


def _intransitive(span: Span) -> bool:
    sentence = span[0].sent
    if span.end >= sentence.end:
        return True
    following = span.doc[span.end]
    return (
        following.is_punct
        or following.is_space
        or following.lower_ in _AFTER_INTRANSITIVE | _NEXT_VERBS
        # "the news that Kairn had shut down surprised ...": the next clause's verb
        or (following.lower_.endswith("ed") and following.text.islower())
    )


def _company(context: ArticleContext, candidate: Candidate) -> EntityRef | None:
    company = _company_named(context, candidate)
    if company is None or _introduced_as_something_else(context, company):
        return None
    return company


def _introduced_as_something_else(context: ArticleContext, company: EntityRef) -> bool:
    """ "le salon VivaTech a fermé ses portes": a show, a shop or a site closes its doors too."""
    for mention in context.mentions.organizations:
        if mention.entity == company and mention.span.start > 0:
            before = context.doc[mention.span.start - 1]
            if before.lemma_.lower() in _NOT_COMPANIES or before.lower_ in _NOT_COMPANIES:
                return True
    return False


def _company_named(context: ArticleContext, candidate: Candidate) -> EntityRef | None:
    head = candidate.head
    if candidate.span[-1].lower_ in _OF:  # "la faillite de": of what follows, or of nothing
        return _owner_after(context, candidate.span)
    for word in (head, head.head, head.head.head):  # "annonce sa fermeture": who announces
        subjects = [c for c in word.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if subjects and subjects[0].lemma_.lower() in _UNIT_NOUNS | _NOT_COMPANIES:
            return None  # "le laboratoire de Kairn a fermé ses portes": a unit, for the team rules
        if subjects:
            return _named_by(context, subjects[0]) or _just_before(context, candidate.span)
        if word.dep_ == "ROOT":
            break
    return _just_before(context, candidate.span)


def _owner_after(context: ArticleContext, span: Span) -> EntityRef | None:
    """ "la faillite de Kairn", "la fermeture de l'entreprise", "la faillite de son fabricant
    Kairn"."""
    doc, end = span.doc, span.end
    for token in doc[end : min(end + 4, span[0].sent.end)]:
        company = context.mentions.organization_at(token)
        if company is not None:
            return company
        if token.lemma_.lower() in _COMPANY_WORDS or token.lower_ in _COMPANY_WORDS:
            following = doc[token.i + 1] if token.i + 1 < len(doc) else None
            named = context.mentions.organization_at(following) if following else None
            return named or context.main_organization()
        if token.is_punct:
            break
    return None


def _named_by(context: ArticleContext, subject: Token) -> EntityRef | None:
    company = context.mentions.organization_at(subject)
    if company is not None:
        return company
    word = subject.lemma_.lower()
    if word in _COMPANY_WORDS or subject.lower_ in _COMPANY_WORDS | _PRONOUNS:
        return context.main_organization()
    return None


def _just_before(context: ArticleContext, span: Span) -> EntityRef | None:
    """ "Kairn has shut down", "Kairn, the robotics firm behind Mola, had shut down", "the
    startup has shut down": the words right before the verb, past the small ones."""
    doc, sentence = span.doc, span[0].sent
    i = span.start - 1
    while i >= sentence.start and doc[i].lower_ in _BETWEEN:
        i -= 1
    if i < sentence.start:
        return None
    company = context.mentions.organization_at(doc[i])
    if company is not None:
        start = next(m.span.start for m in context.mentions.organizations if m.span.end == i + 1)
        owned = start > sentence.start and doc[start - 1].lower_ in _OF | {"of", "à", "at", "chez"}
        return None if owned else company  # "le labo de Kairn a fermé": Kairn is no subject
    if doc[i].lower_ in _COMPANY_WORDS and i > sentence.start and doc[i - 1].lower_ in _DETERMINERS:
        return context.main_organization()
    if doc[i].text in _APPOSITION_MARKS:
        return _before_apposition(context, doc[sentence.start : i])
    return None


# "Kairn, the robotics firm behind Mola," and "Kairn – which built robots –"
_APPOSITION_MARKS = {",", "–", "—"}


def _before_apposition(context: ArticleContext, before: Span) -> EntityRef | None:
    """ "Kairn, the robotics firm behind Mola," / "Kairn, qui concevait des robots,": the
    company named just before the comma that opens a description."""
    for mention in reversed(context.mentions.organizations_in(before.start, before.end)):
        after = mention.span.end
        if (
            after + 1 < before.end
            and before.doc[after].text in _APPOSITION_MARKS
            and before.doc[after + 1].lower_ in _DETERMINERS | _RELATIVES
        ):
            return mention.entity
    return None
