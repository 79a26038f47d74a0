"""English: which organisation an event is about. The one left: the first named after the
trigger before a destination word ("left OpenAI for Anthropic"), else the one named last before
it (never one the sentence goes to); what is left may be a place ("left Nigeria"). The one joined:
the first named after the trigger. The one that dissolved a team: the first in its sentence, the
gazetteer's, or the one named last before."""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.extract.context import ArticleContext
from pipeline.extract.dates import CALENDAR_WORDS
from pipeline.extract.engine import resolver
from pipeline.extract.gazetteers import platforms, role_words
from pipeline.extract.lexicons import lexicon
from pipeline.extract.names import entity_key, fold
from pipeline.extract.results import EntityRef
from pipeline.extract.rulebook import Candidate

DESTINATIONS = {"to", "for", "join", "joined", "joining", "joins", "and"}
# "left this month, following X CEO Y's departure": what comes after these is another story
# "left for X ... and then returned to Y": Y is where they came from, not a destination
_RETURNS = {"returned", "returns", "returning", "return", "back"}
_CLAUSE_BREAKS = {"following", "after", "amid", "as", "when", "while", "since", "because"}
_CLAUSE_BREAKS |= {"before"}  # "quit the company in April before setting up shop at Intel"


@resolver("en", "organization", "left")
def organization_left(context: ArticleContext, candidate: Candidate, people=None):
    sentence = context.sentences[context.sentence_index(candidate.head)]
    return _organization_left(context, sentence, candidate.span, people or [])


@resolver("en", "organization", "joined")
def organization_joined(context: ArticleContext, candidate: Candidate, people=None):
    sentence = context.sentences[context.sentence_index(candidate.head)]
    return _organization_after(context, sentence, candidate.span)


@resolver("en", "organization", "echoed")
def organization_echoed(context: ArticleContext, candidate: Candidate, people=None):
    """ "X left Google in 2021. The same path was followed by Y, who co-founded Adept": the
    organisation the departure just told was from, not one the echo names."""
    index = context.sentence_index(candidate.head)
    for sentence in context.previous_sentences(index, same_paragraph=False):
        for token in sentence:
            if token.lower_ not in ECHOED_LEAVING:
                continue
            for after in context.doc[token.i + 1 : min(token.i + 4, sentence.end)]:
                if (found := context.mentions.organization_at(after)) is not None:
                    return found
    return None


ECHOED_LEAVING = {"left", "quit", "departed", "exited", "leaving", "leaves", "departure", "exit"}


@resolver("en", "organization", "dissolver")
def dissolver(context: ArticleContext, candidate: Candidate, team) -> EntityRef | None:
    sentence = context.sentences[context.sentence_index(candidate.head)]
    roles = role_words()
    mentioned = context.mentions.organizations_in(sentence.start, sentence.end)
    own_names = {entity_key(n) for n in (team.name, team.surface, *team.also) if n}
    in_sentence = [
        m  # "The SpaceX CEO has sacked the team": whose CEO, not whose team
        for m in mentioned
        if (m.span.end >= len(context.doc) or context.doc[m.span.end].lower_ not in roles)
        and m.entity.key not in own_names  # "THQ will close Kaos Studios": not Kaos Studios
    ]
    if in_sentence:
        return in_sentence[0].entity
    named = {m.entity.name for m in context.mentions.organizations}
    if team.organization and (team.organization in named or not named):
        return EntityRef("organization", team.organization, entity_key(team.organization))
    # "sacked the entire Ethical AI team" in a story about Twitter: many companies have a team
    # of that name; the one the gazetteer knows is meant only when the article names it
    # "The SpaceX CEO has sacked the entire Ethical AI team": whose boss tells no whose team;
    # the company the article is about does
    return context.organization_in_focus(candidate.head) or (
        EntityRef("organization", team.organization, entity_key(team.organization))
        if team.organization
        else None
    )


def _organization_left(context, sentence: Span, trigger: Span, people):
    if (
        _leaves_a_place(context, trigger)
        or _leaves_a_thing(context, trigger)
        or _from_something_else(context, trigger)
    ):
        return None
    after = context.doc[trigger.end : sentence.end]
    replaced = trigger[-1].lower_ == "by"  # "was replaced by Y, who came from Microsoft"
    for token in after:
        if _as_a_role(token):
            continue  # "step down as group CEO of Vodafone": the post, then whose it is
        if token.lower_ == "and" and _joins_two_names(token):
            continue  # "left Halo Forge Studios and Microsoft": both were left
        if token.lower_ in DESTINATIONS | _CLAUSE_BREAKS or token.text in ".;" or replaced:
            break
        if token.lower_ in _BACKING and token.i + 1 < sentence.end and token.nbor(1).lower_ == "by":
            break  # "from the AI startup backed by Microsoft": the startup, not its backer
        organization_ref = context.mentions.organization_at(token)
        if organization_ref:
            return organization_ref
    # "left for rival Anthropic", "to join Meta": the organisation joined, here or by someone
    # listed before ("X left to join Anthropic, Y departed")
    destinations = (
        {
            m.entity.key
            for m in context.mentions.organizations_in(trigger.end, sentence.end)
            if (before := _words_before(context.doc, m.span.start, trigger.end))
            and any(t.lower_ in DESTINATIONS - {"and"} for t in before)
            and not any(t.lower_ in _RETURNS for t in before)
        }
        | {
            m.entity.key  # not "who had joined Tesla in January": that one is an employer
            for m in context.mentions.organizations_in(sentence.start, trigger.start)
            if _left_for(context.doc[max(sentence.start, m.span.start - 4) : m.span.start])
        }
    )
    destinations |= _stakeholders(context, sentence)
    later = next((t for t in after if t.lower_ == "before"), None)
    if later is not None:  # "... before setting up shop at Intel": where they went next
        destinations |= {
            m.entity.key for m in context.mentions.organizations_in(later.i, sentence.end)
        }
    if _the_company_after(context, trigger):  # "confirmed that he has left the company"
        # "X, who once headed Cohere's robotics unit, quit the company": the company whose post the
        # sentence gives them
        return _possessor_earlier(context, sentence, trigger, destinations) or (
            context.organization_in_focus(trigger[0], exclude=destinations)
        )
    for person, _ in people:  # "X is leaving xAI ... X's departure comes at a time for xAI"
        told = context.employer_told(person)
        if told is not None and not context.organization_earlier_in_sentence(trigger[0]):
            return told
    for here in (True, False):  # "Y's legal chief, X, left": where the article says X works
        if not here and context.organization_earlier_in_sentence(trigger[0], destinations):
            break
        for person, _ in people:
            tied = context.affiliation(person, sentence, here=here)
            if not here and tied is None:
                tied = context.employer_told(person)
            if tied is not None and tied.key not in destinations:
                return tied
    return context.organization_before(trigger[0], exclude=destinations)


def _as_a_role(token) -> bool:
    """ "as CEO", "as its chief executive", "as group head": the post left, not a new clause
    ("as he said")."""
    if token.lower_ != "as":
        return False
    roles = role_words()
    following = token.doc[token.i + 1 : min(token.i + 4, token.sent.end)]
    return any(t.lower_ in roles for t in following) and not any(
        t.lower_ in ("he", "she", "they", "it", "we", "i") for t in following
    )


def _left_for(words) -> bool:
    """ "left to join", "departed for": the words before where someone else went."""
    lowered = [t.lower_ for t in words]
    return any(w in ECHOED_LEAVING for w in lowered) and any(
        w in ("to", "for", "join") for w in lowered
    )


def _words_before(doc, start: int, limit: int) -> list:
    """Up to three words before `start`, in its clause: "after joining, Uber was quick to ...":
    a comma ends what "joining" governs."""
    words = list(doc[max(limit, start - 3) : start])
    commas = [i for i, t in enumerate(words) if t.text == ","]
    return words[commas[-1] + 1 :] if commas else words


_BACKING = {"backed", "supported", "funded", "owned", "bankrolled", "financed"}
_NOT_EMPLOYERS_AFTER = {"independent", "academia", "research", "public", "politics", "retirement"}


def _from_something_else(context, trigger: Span) -> bool:
    """ "X's departure from independent research to Anthropic": what they left is no employer."""
    doc = trigger.doc
    if trigger.end + 1 >= len(doc) or doc[trigger.end].lower_ != "from":
        return False
    following = doc[trigger.end + 1]
    return following.lower_ in _NOT_EMPLOYERS_AFTER and not context.mentions.organization_at(
        following
    )


def _possessor_earlier(context, sentence: Span, trigger: Span, destinations) -> EntityRef | None:
    for mention in context.mentions.organizations_in(sentence.start, trigger.start):
        if mention.is_possessive and mention.entity.key not in destinations:
            return mention.entity
    return None


_EMPLOYER_NOUNS = {"company", "firm", "startup", "start-up", "group", "lab", "business", "team"}
_EMPLOYER_NOUNS |= {"publication", "newspaper", "magazine", "newsroom"}


def _the_company_after(context, trigger: Span) -> bool:
    """ "left the company", "leaving the AI startup": a noun for the employer, after words that
    describe it, and no organisation named there."""
    doc = context.doc
    if doc[trigger.end : trigger.end + 1].text.lower() not in ("the", "its"):
        return False
    for token in doc[trigger.end + 1 : min(trigger.end + 5, trigger.sent.end)]:
        if context.mentions.organization_at(token):
            return False
        if token.lower_ in _EMPLOYER_NOUNS:
            return True
        if not (token.is_alpha or token.text == "-") or (token.is_stop and token.is_lower):
            return False
    return False


_LEAVING_WORDS = {"left", "leaves", "leaving", "leave", "quit", "quits", "quitting", "exited"}


_THE = {"the", "a", "an", "this", "that"}
# Wider than _EMPLOYER_NOUNS (the nouns that send "left the ..." to the company in focus): any
# word after "left the ..." that says an employer or a job was left, not a stage or a room
_EMPLOYER_WORDS = lexicon("en", "employer_nouns")  # "left the ChatGPT maker", "left his role"
_TIME_NOUNS = {"day", "days", "week", "weeks", "month", "months", "year", "years", "morning"}
_TIME_NOUNS |= {"afternoon", "evening", "night", "weekend", "time", "following"}


_STAKE_NOUNS = {"stakeholder", "shareholder", "investor", "backer", "owner", "parent"}


def _stakeholders(context, sentence: Span) -> set[str]:
    """ "under fire from TIM's largest shareholder Vivendi": who owns a stake in the company is
    not the company left."""
    doc = context.doc
    return {
        m.entity.key
        for m in context.mentions.organizations_in(sentence.start, sentence.end)
        if any(
            t.lower_ in _STAKE_NOUNS
            for t in doc[max(sentence.start, m.span.start - 2) : m.span.start]
        )
    }


def _joins_two_names(token) -> bool:
    """ "343 Studios and Microsoft": "and" between two capitalised names, which the parse may not
    have taken for organisations."""
    doc = token.doc
    return (
        0 < token.i < len(doc) - 1
        and doc[token.i - 1].text[:1].isupper()
        and doc[token.i + 1].text[:1].isupper()
    )


def _leaves_a_thing(context, trigger: Span) -> bool:
    """ "left the stage after her talk", "left the room": what the verb's object names is
    no employer (unlike "left the ChatGPT maker", "left the search giant")."""
    doc = context.doc
    following = doc[trigger.end : min(trigger.end + 4, trigger.sent.end)]
    return (
        trigger.text.lower() in _LEAVING_WORDS
        and following[:1].text in _THE
        # "quit the next day": a time, the employer is told elsewhere
        and not any(t.lower_ in CALENDAR_WORDS or t.lower_ in _TIME_NOUNS for t in following)
        and not _employer_named_after(context, trigger)
    )


def _employer_named_after(context, trigger: Span) -> bool:
    """The words right after the verb name an employer: an organisation, or a noun for one
    after its description ("the San Francisco-based startup", "the ChatGPT maker")."""
    doc = context.doc
    start = trigger.end + (1 if doc[trigger.end : trigger.end + 1].text in _THE else 0)
    for token in doc[start : min(start + 5, trigger.sent.end)]:
        if context.mentions.organization_at(token) or token.lower_ in _EMPLOYER_WORDS:
            return True
        if not (token.is_alpha or token.text == "-") or (token.is_stop and token.is_lower):
            return False
    return False


def _leaves_a_place(context, trigger: Span) -> bool:
    """ "left Nigeria for Canada", "is leaving San Francisco": what is left is named right after
    the verb, capitalised, and is no organisation the article names anywhere: a place."""
    doc = context.doc
    i = trigger.end + (1 if doc[trigger.end : trigger.end + 1].text == "the" else 0)
    if trigger.text.lower() not in _LEAVING_WORDS or i >= len(doc):
        return False
    left = doc[i]
    if (
        not left.text[:1].isupper()
        or _employer_named_after(context, trigger)  # "left the ChatGPT maker"
        or left.lower_ in CALENDAR_WORDS
        or context.mentions.organization_at(left)
        or context.mentions.person_at(left)
    ):
        return False
    if fold(left.text) in platforms():
        return True  # "leaving X, the social network": a website, told as one
    organization_words = {
        fold(word) for m in context.mentions.organizations for word in m.span.text.split()
    }
    return fold(left.text) not in organization_words


def _organization_after(context, sentence: Span, trigger: Span):
    for token in context.doc[trigger.end : sentence.end]:
        organization_ref = context.mentions.organization_at(token)
        if organization_ref:
            return organization_ref
    return None


_SPANS_OF_TIME = {"years", "year", "months", "decade", "decades", "stint", "tenure"}


@resolver("en", "organization", "years_spent_at")
def years_spent_at(context: ArticleContext, candidate: Candidate, people=None):
    """ "joined Meta after 11 years at Google": the employer of the years told, not the one
    joined."""
    sentence = context.sentences[context.sentence_index(candidate.head)]
    joined = _organization_after(context, sentence, candidate.span)
    doc = context.doc
    # "joined Meta after 11 years at Google", "After 11 years at Google, X is joining Meta"
    span = candidate.span
    for token in [*doc[span.end : sentence.end], *doc[sentence.start : span.start]]:
        if token.text in ".;" or token.lower_ != "after":
            continue
        window = doc[token.i + 1 : min(sentence.end, token.i + 6)]
        time = next((t for t in window if t.lower_ in _SPANS_OF_TIME), None)
        if time is None:
            continue
        # "after 11 years at Google", "after two years running the AI startup Brindle"
        rest = doc[time.i + 1 : min(sentence.end, time.i + 5)]
        spent = next((t for t in rest if t.lower_ in _SPENT_AT), None)
        if spent is None or any(t.text in ",.;" for t in doc[time.i : spent.i]):
            continue
        for place in doc[spent.i + 1 : min(sentence.end, spent.i + 6)]:
            if place.text in ",.;":
                break
            if (found := context.mentions.organization_at(place)) is not None:
                return found if found != joined else None
    return None


_SPENT_AT = {"at", "with", "leading", "running", "heading", "helming", "building", "inside"}
