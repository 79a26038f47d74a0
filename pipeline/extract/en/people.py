"""English: who an event is about, from word order: the names before the trigger (with the lists
journalists write: "X and Y", "COO X, head of safety Y and chief scientist Z", dash lists), the
name after a dismissal verb or "the departure of", "including X" after a layoff, the speaker of a
first-person quote, or a pronoun's antecedent."""

from __future__ import annotations

import re

from spacy.tokens import Span

from pipeline.extract.context import ArticleContext, named_after_preposition
from pipeline.extract.engine import resolver
from pipeline.extract.gazetteers import role_words
from pipeline.extract.lexicons import lexicon
from pipeline.extract.rulebook import Candidate

PRONOUNS = {"he", "she", "they", "him", "her"}
PASSIVE_AUX = {"was", "were", "been", "is", "be", "being", "got", "get", "gets"}


@resolver("en", "person", "subject")
def subjects(context: ArticleContext, candidate: Candidate):
    sentence = context.sentences[context.sentence_index(candidate.head)]
    return _subjects(context, sentence, candidate.span, candidate.rule.kind)


def _subjects(context, sentence: Span, trigger: Span, kind: str | None):
    mentions = context.mentions
    start = trigger.start
    before = mentions.people_in(sentence.start, start)
    after = mentions.people_in(trigger.end, sentence.end)
    is_passive = start > 0 and context.doc[start - 1].lower_ in PASSIVE_AUX
    if (
        trigger[0].lower_ in _EVENT_NOUNS
        and start > 1
        and context.doc[start - 1].lower_
        in (
            "'s",
            "’s",
        )
    ):
        owner = mentions.person_at(context.doc[start - 2])  # "X CEO Jane Doe's departure"
        if owner:
            return [(owner, context.doc[start - 2])]
    following = context.doc[trigger.end : trigger.end + 1]
    if (
        kind == "dismissal"
        and not is_passive
        and following
        and following[0].lower_ in ("him", "her")
    ):
        antecedent = context.person_before(trigger[0])  # "Uber fired him in May 2017"
        return [(antecedent, following[0])] if antecedent else []
    if kind == "dismissal" and not is_passive and after and not after[0].is_possessive:
        gap = context.doc[trigger.end : after[0].span.start]
        if gap and gap[-1].text == ",":  # "fired its research chief, Jane Doe"
            gap = gap[:-1]
        if len(gap) <= 6 and not any(t.is_punct and t.text != "-" for t in gap):
            return [(after[0].entity, after[0].span[0])]  # "OpenAI fired its CTO Jane Doe"
    if kind == "dismissal" and not is_passive and _fires_someone(context, before, trigger):
        return []  # "Jane Doe immediately fired teams responsible for ...": who fires, not who goes
    if listed := _dash_list(context, sentence, trigger):
        return listed
    if among := _among_those(context, sentence, trigger):
        return among
    first_person = {"i", "i've", "i'm", "i'd"}
    if any(t.lower_ in first_person for t in context.doc[max(start - 4, sentence.start) : start]):
        speaker = context.quote_speaker(trigger[0])  # "I've decided to leave X," wrote Y
        if speaker:
            return [speaker]
    before = [
        m  # "with team leader X departing the company": X is who departs, preposition or not
        for m in before
        if not m.is_possessive
        and (not named_after_preposition(m.span) or _right_before(context.doc, m.span, start))
        and not _in_relative_clause(context, m.span, start)
    ]
    if (is_passive or (not before and _counted_people_before(sentence, start))) and (
        included := _people_included(context, sentence, trigger)
    ):
        # "were laid off that Friday, including its director, Jane Doe", "Other key staffers
        # left this year, including its press manager Jane Doe"
        return included
    if trigger[0].lower_ in _EVENT_NOUNS:
        following = context.doc[trigger.end : trigger.end + 2]
        if following and following[0].lower_ == "of" and after:
            gap = context.doc[trigger.end + 1 : after[0].span.start]
            if len(gap) <= 8 and not any(t.lower_ in _CLAUSE_WORDS for t in gap):
                return [(after[0].entity, after[0].span[0])]
            return []  # "the departure of its co-founders is tempered by the appointment of X"
    if before and _a_group_told_after(context, sentence, before[-1].span, start):
        return []  # "after CEO X spoke on a podcast and two executives left"
    if before and (antecedent := _relative_antecedent(context, sentence, start)):
        return [antecedent]
    if before and (main := _main_subject_resumed(context, sentence, start, before)):
        return main
    if before:
        nearest = before[-1]
        group = [nearest]
        for other in reversed(before[:-1]):
            between = context.doc[other.span.end : group[0].span.start].text.strip().lower()
            # "X and Y left", "X, its CTO, and Y, its CFO, are leaving", "COO X, head of
            # safety Y and chief scientist Z all left"
            if (
                between in ("and", ",", ", and")
                or (between.startswith(",") and between.endswith(", and") and len(between) < 90)
                or _ROLE_BETWEEN_NAMES.fullmatch(between)
            ):
                group.insert(0, other)
        return [(m.entity, m.span[0]) for m in group]
    for token in sentence[: start - sentence.start]:
        if token.lower_ in PRONOUNS or token.lower_ in ("his", "their"):
            antecedent = context.person_before(token)
            if antecedent:
                return [(antecedent, token)]
    return []


def _among_those(context, sentence: Span, trigger: Span):
    """ "Among those let go at Pandemic were its former CEO, X": who is among the leavers comes
    after the verb that follows them."""
    doc = context.doc
    opening = [t.lower_ for t in doc[max(sentence.start, trigger.start - 2) : trigger.start]]
    if opening != ["among", "those"]:
        return []
    verb = next((t for t in doc[trigger.end : sentence.end] if t.lower_ in _AMONG_VERBS), None)
    if verb is None:
        return []
    people = context.mentions.people_in(verb.i + 1, sentence.end)
    return [(m.entity, m.span[0]) for m in people if not m.is_possessive]


_AMONG_VERBS = {"were", "was", "are", "is"}


_RELATIVE_OPENERS = {"who", "whose", "which"}


def _a_group_told_after(context, sentence: Span, name: Span, start: int) -> bool:
    """A plural noun for people just before the verb, in a clause of its own after the last name
    ("X spoke on a podcast and two executives left"), not joined to it ("X and two engineers
    left")."""
    if not _counted_people_before(sentence, start):
        return False
    if name.end < len(context.doc) and context.doc[name.end].text == ",":
        return False  # "X, its head of sales, and two engineers left": an apposition, a list
    between = [t for t in context.doc[name.end : max(name.end, start - 3)] if not t.is_punct]
    return len(between) > 2


def _relative_antecedent(context, sentence: Span, start: int):
    """ "Y takes over from X, who is retiring": the verb of a relative clause is about the name
    just before ", who", not about the sentence's subject."""
    doc = context.doc
    for token in reversed(doc[sentence.start : start]):
        if token.text == ",":
            return None  # "X, who joined in 2010, is retiring": the clause closed before the verb
        if token.lower_ == "who" and token.i > 1 and doc[token.i - 1].text == ",":
            person = context.mentions.person_at(doc[token.i - 2])
            return (person, doc[token.i - 2]) if person is not None else None
    return None


def _in_relative_clause(context, name: Span, start: int) -> bool:
    """ "X, who founded Kairn with CEO Y, was removed": Y is inside a clause about X, set off by
    commas, and is not who the verb is about."""
    doc = context.doc
    sentence_start = name.sent.start
    opener = next(
        (
            t
            for t in reversed(doc[sentence_start : name.start])
            if t.lower_ in _RELATIVE_OPENERS and t.i > 0 and doc[t.i - 1].text == ","
        ),
        None,
    )
    if opener is None or not context.mentions.people_in(sentence_start, opener.i):
        return False
    return any(t.text == "," for t in doc[name.end : start])


_CLAUSE_WORDS = {"is", "was", "are", "were", "has", "have", "had", "by", "that", "which", "who"}
_CLAUSE_WORDS |= {"will", "would", "after", "before", "as", "while", "when"}

# What an active dismissal verb's object starts with: "fired teams", "ousted the board"
_OBJECT_OPENINGS = {"the", "its", "his", "her", "their", "all", "some", "several", "more", "most"}
_OBJECT_OPENINGS |= {"teams", "team", "staff", "employees", "workers", "people", "executives"}


def _fires_someone(context, before, trigger: Span) -> bool:
    """The person right before an active dismissal verb, with an object after it, is the one
    who dismisses."""
    doc = context.doc
    if not before or trigger.end >= len(doc):
        return False
    between = doc[before[-1].span.end : trigger.start]
    if any(not t.lower_.endswith("ly") for t in between) or len(between) > 2:
        return False
    following = doc[trigger.end]
    return following.lower_ in _OBJECT_OPENINGS or following.text[:1].isdigit()


_RESUMING = {"but", "and"}
_AUXILIARIES = {"is", "was", "has", "had", "will", "would", "also"}


def _main_subject_resumed(context, sentence: Span, start: int, before):
    """ "Cole took over after Park left, but is leaving Vireo as well": a verb after ", but"
    with no subject of its own takes the main clause's, the person opening the sentence."""
    doc = context.doc
    i = start - 1
    while i > sentence.start and doc[i].lower_ in _AUXILIARIES:
        i -= 1
    if i <= sentence.start or doc[i].lower_ not in _RESUMING or doc[i - 1].text != ",":
        return []
    first = before[0]
    if first.span.start - sentence.start > 2 or first is before[-1]:
        return []
    return [(first.entity, first.span[0])]


def _right_before(doc, name: Span, start: int) -> bool:
    """ "with X departing", "with X being the latest to leave": the name opens the clause."""
    return all(t.lower_ in ("being", "the", "is", "was", "a") for t in doc[name.end : start])


_EVENT_NOUNS = {"departure", "resignation", "ouster", "exit", "dismissal", "firing", "retirement"}


_DASHES = {"—", "–", "--"}


def _dash_list(context, sentence: Span, trigger: Span):
    """ "Three researchers — A, a speech scientist; B, who ...; and C, its engineer — left": the
    people that open each item of a list set off by dashes just before the verb."""
    doc = context.doc
    closing = next(
        (
            t
            for t in reversed(doc[max(sentence.start, trigger.start - 3) : trigger.start])
            if t.text in _DASHES
        ),
        None,
    )
    if closing is None:
        return []
    opening = next(
        (t for t in reversed(doc[sentence.start : closing.i]) if t.text in _DASHES), None
    )
    if opening is None:
        return []
    found = []
    for mention in context.mentions.people_in(opening.i + 1, closing.i):
        before = doc[mention.span.start - 1]
        after_semicolon = before.lower_ == "and" and doc[mention.span.start - 2].text == ";"
        if before.i == opening.i or before.text == ";" or after_semicolon:
            found.append((mention.entity, mention.span[0]))
    return found if len(found) >= 2 else []


def _counted_people_before(sentence: Span, start: int) -> bool:
    """ "Other key staffers left", "two senior researchers departed": a plural noun for people
    just before the trigger."""
    roles, groups = role_words(), lexicon("en", "group_nouns")
    for token in sentence.doc[max(sentence.start, start - 5) : start]:  # "hires on the team had"
        word = token.lower_
        if word in groups or (word.endswith("s") and word[:-1] in roles):
            return True
    return False


def _people_included(context, sentence: Span, trigger: Span):
    after = context.doc[trigger.end : sentence.end]
    # "including X and Y", "Five key engineers have left Tesla: X, Y and Z"
    including = next((t for t in after if t.lower_ == "including" or t.text == ":"), None)
    if including is None:
        # "three hires had left the company. This included studio lead X, ... and Y."
        following = [
            t
            for t in context.doc[sentence.end : min(len(context.doc), sentence.end + 4)]
            if not t.is_space
        ]
        if len(following) < 2:
            return []
        opening = " ".join(t.lower_ for t in following[:2])
        if opening not in _INCLUDED_NEXT:
            return _listed_again(context, sentence)
        next_sentence = context.sentences[context.sentence_index(following[0])]
        including, sentence = following[1], next_sentence
    people = context.mentions.people_in(including.i, sentence.end)
    return [
        (m.entity, m.span[0])
        for m in people
        if not m.is_possessive and context.doc[m.span.start - 1].lower_ not in _OWNED_BY
    ]


def _listed_again(context, sentence: Span):
    """ "Nine board members resigned. ... The nine members resigning are X, Y and Z": the group
    counted in the trigger's sentence, named by a sentence that restates it just after."""
    index = context.sentence_index(sentence[0])
    told = [s for s in context.sentences[index + 1 : index + 6] if s.text.strip()]
    for later in told[:2]:
        words = [t for t in later if not t.is_space][:8]
        for k, verb in enumerate(words):
            if verb.lower_ not in _RESTATING_VERBS:
                continue
            restated = " ".join(t.lower_ for t in words[: k + 1])
            leaving = any(t.lower_ in _LEAVING_PARTICIPLES for t in words[:k])
            if leaving and _RESTATED.fullmatch(restated):
                people = context.mentions.people_in(verb.i + 1, later.end)
                return [(m.entity, m.span[0]) for m in people if not m.is_possessive]
            break
    return []


_RESTATING_VERBS = {"are", "were", "include", "included"}
_LEAVING_PARTICIPLES = {"resigning", "leaving", "departing", "quitting", "exiting", "outgoing"}
# "The nine members resigning are", "Those leaving are", "The departing researchers were"
_RESTATED = re.compile(r"(?:the|those|these)(?: [\w-]+){1,4} (?:are|were|include|included)")


_OWNED_BY = {"of", "at", "by", "with", "under", "from"}  # whose team, not who left
_INCLUDED_NEXT = {"this included", "these included", "they included", "they include"}
_INCLUDED_NEXT |= {"those included", "they are", "they were", "among them", "these include"}


# ", head of trust and safety" / "and principal research scientist": a list goes on with the
# next person's job title (lower-case words, no clause: "who", "said"... stop it).
_ROLE_BETWEEN_NAMES = re.compile(
    r"(?:,|(?:, )?and)(?: (?!who\b|which\b|that\b|said\b|says\b|told\b)[a-z][\w.&’'-]*){1,6}"
)
