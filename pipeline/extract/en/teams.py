"""English: which team is dissolved: a team the gazetteer knows within a few words of the
trigger, or the name the article gives one ("its Responsible Innovation team", "Tripwire, the
small internal group", "the group, known internally as X", "the Harm Review Council")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.extract.context import ArticleContext
from pipeline.extract.dates import CALENDAR_WORDS
from pipeline.extract.en.pipeline import _DETERMINERS, HEADLINE_TOKENS
from pipeline.extract.engine import resolver
from pipeline.extract.gazetteers import organizations, team_by_alias
from pipeline.extract.lexicons import lexicon
from pipeline.extract.mentions import HYPHENS, NAMING_WORDS
from pipeline.extract.named_units import (
    article_unit_names,
    bulleted_units,
    closed_unit,
    proper_name_ending_at,
    split_listed,
    unit_after,
)
from pipeline.extract.names import fold
from pipeline.extract.org_cues import news_words
from pipeline.extract.rulebook import Candidate
from pipeline.extract.team_mention import TeamMention
from pipeline.extract.units_by_place import units_by_place

_DISSOLUTION_WORDS = {"dissolved", "disbanded", "eliminated", "scrapped", "dismantled", "axed"}


@resolver("en", "team", "near_trigger")
def team_near_trigger(context: ArticleContext, candidate: Candidate) -> TeamMention | None:
    sentence = context.sentences[context.sentence_index(candidate.head)]
    names = article_unit_names(context)
    if names and unit_after(candidate.span[-1], names):
        # "has decided to shut down Lumen Forge": a unit the article introduced, named as the
        # object, before any team noun around the verb
        return closed_unit(context, candidate.span[-1])
    found = _team_near(sentence, candidate.span)
    if found is None:
        return (
            closed_unit(context, candidate.head)
            or units_by_place(context, candidate.head)
            or bulleted_units(candidate.head)
            or _named_before(context, candidate.span)
            or _proper_units_after(candidate.span)
            or _proper_unit_subject(candidate.span)
        )
    name, known_organization = found
    acronyms = lexicon("any", "topic_acronyms")
    if not any(w[:1].isupper() and w.lower() not in acronyms for w in name.split()):
        # "shut down its video game studio ... The studio was known as Team Blue"
        name = _named_in_next_sentences(context, candidate.span, name) or name
    parts = split_listed(name, article_unit_names(context))
    if len(parts) > 1:  # "closed its studios Lumen Forge and Tallow": two units, each closed
        return TeamMention(parts[0], None, candidate.head, parts[0], also=parts[1:])
    return TeamMention(name, known_organization, candidate.head)


_ANAPHORIC = {"the", "this", "that"}
_BACK = 3  # sentences


def _named_before(context: ArticleContext, trigger: Span) -> TeamMention | None:
    """ "Meta's Responsible Innovation team is no more. ... the team was recently disbanded":
    "the team" next to the verb is the one a sentence just before named."""
    doc = trigger.doc
    team_nouns = lexicon("en", "team_nouns")
    around = doc[max(trigger.sent.start, trigger.start - 6) : trigger.start]
    nouns = [
        t
        for t in around
        if t.lower_ in team_nouns and t.i > 0 and doc[t.i - 1].lower_ in _ANAPHORIC
    ]
    if not nouns:
        return None
    index = context.sentence_index(trigger[0])
    headline = doc.user_data.get(HEADLINE_TOKENS, set())
    for previous in context.previous_sentences(index, same_paragraph=False, limit=_BACK):
        for token in reversed(previous):
            if token.i in headline or token.lower_ not in team_nouns:
                continue
            name = _words_before_team_noun(token) or _name_in_apposition(token)
            if name and any(w[:1].isupper() for w in name.split()):
                return TeamMention(name, None, trigger[0], name)
    return None


def _named_in_next_sentences(context: ArticleContext, trigger: Span, described: str) -> str | None:
    """ "Netflix has shut down its video game studio. The studio was known as Team Blue": the
    unit the next sentences name, by the same noun, with "known as", "called" or "dubbed"."""
    noun = described.split()[-1].lower()
    index = context.sentence_index(trigger[0])
    for sentence in context.sentences[index + 1 : index + 3]:
        opening = [t.lower_ for t in sentence[:2]]
        if opening != ["the", noun]:
            continue
        name = _name_known_as(sentence[1])
        if name:
            return name
    return None


def _team_near(sentence: Span, trigger: Span) -> tuple[str, str | None] | None:
    """A team named within a few words of the trigger: a gazetteer team, or "<Name> team"."""
    doc = sentence.doc
    has_object = (
        trigger.end < sentence.end
        and doc[trigger.end].lower_ in _OBJECT_DETERMINERS
        and not _its_doors(trigger)
    )
    # "Kairn Group has decided to shut down its home-lending business": what is shut down comes
    # after the verb, not the company before it
    start = trigger.start if has_object else max(sentence.start, trigger.start - 10)
    window = doc[start : min(sentence.end, trigger.end + 10)]
    for ent in window.ents:
        if ent.label_ == "TEAM":
            following = sentence.doc[ent.end : ent.end + 1]
            if following and following[0].text in _NAMED_UNIT_NOUNS:
                return f"{ent.text} {following[0].text}", None  # "Responsible AI Office"
            team = team_by_alias().get(fold(ent.text))
            if team:
                return team.name, team.organization
    team_nouns = lexicon("en", "team_nouns")
    headline = sentence.doc.user_data.get(HEADLINE_TOKENS, set())
    for token in window:
        # a title-case headline capitalises every word: no telling the team's name there
        is_team_noun = (
            token.lower_ in team_nouns
            or token.text in _NAMED_UNIT_NOUNS
            or _advisory_board(token)
            or _research_facility(token)
        )
        if (
            is_team_noun
            and token.i not in headline
            and not _a_facility(token)
            and not _in_a_job_title(token, trigger)
        ):
            name = (
                _facility_name(token)
                or _name_after_unit_noun(token)
                or _led_by(token)
                or _name_in_apposition(token)
                or _name_known_as(token)  # "its game studio known as X": the name it gives
                or _words_before_team_noun(token)
                or _working_on(token)
                or _team_of(token)
            )
            if name and name.endswith(token.text) and fold(name) in organizations():
                continue  # "parent company Embracer Group": a company the gazetteer knows
            if name:
                folded = fold(name)
                for alias, team in team_by_alias().items():
                    if alias and f" {alias} " in f" {folded} ":
                        return team.name, team.organization
                return name, None
    opening = _named_in_opening_apposition(sentence, trigger, team_nouns) or _unit_then_its_name(
        sentence, trigger, team_nouns
    )
    if opening:
        return opening, None
    return _described_in_headline(window, headline, team_nouns)


_TITLE_WORDS = {"president", "head", "chief", "director", "manager", "lead", "leader", "vp"}


def _in_a_job_title(noun: Token, trigger: Span) -> bool:
    """ "Paul Reed, a vice president at Nokia's phone unit, called the planned
    closure": the unit someone works in, told before the trigger, is not what closes."""
    if noun.i >= trigger.start or trigger[0].lower_ not in ("closure", "closing", "shutdown"):
        return False  # only a closure told before, by a noun ("the planned closure")
    before = noun.doc[max(noun.sent.start, noun.i - 8) : noun.i]
    return any(
        token.lower_ in ("at", "of")
        and token.i > 0
        and noun.doc[token.i - 1].lower_ in _TITLE_WORDS
        for token in before
    )


def _facility_name(noun: Token) -> str | None:
    """ "its research and development facility in Turin": all the words since the determiner."""
    if not _research_facility(noun):
        return None
    doc, i = noun.doc, noun.i - 1
    while i > noun.sent.start and doc[i - 1].lower_ not in _DETERMINERS and doc[i - 1].is_lower:
        i -= 1
    words = list(doc[i : noun.i])
    return _located(noun, words, keep=True) or _joined([*words, noun])


def _research_facility(noun: Token) -> bool:
    """ "its research and development facility in Turin": a facility where research is done is a
    lab; a manufacturing facility is a plant."""
    if noun.lower_ != "facility":
        return False
    before = {t.lower_ for t in noun.doc[max(noun.sent.start, noun.i - 3) : noun.i]}
    return bool(before & {"research", "r&d", "development"})


def _a_facility(noun: Token) -> bool:
    """ "its data center", "a call centre": a building or a service, not a team."""
    return (
        noun.lower_ in ("center", "centre", "centers", "centres")
        and noun.i > 0
        and noun.doc[noun.i - 1].lower_ in lexicon("any", "facility_words")
    )


# "its AI ethics board", "an external advisory board": a council, not the company's board
_BOARD_KINDS = {"ethics", "advisory", "review", "safety", "oversight", "ethical", "governance"}


def _advisory_board(token: Token) -> bool:
    return (
        token.lower_ in ("board", "boards")
        and token.i > 0
        and token.doc[token.i - 1].lower_ in _BOARD_KINDS
    )


_HEADLINE_STOPS = {"entire", "whole", "its", "the", "their", "his", "her", "a", "an", "all"}


def _described_in_headline(window: Span, headline: set[int], team_nouns) -> tuple[str, None] | None:
    """ "Entire Accessibility Team Let Go": a title-case headline names no team, but the words
    before the team noun, in lower case, describe it."""
    for token in window:
        if token.i not in headline or token.lower_ not in team_nouns:
            continue
        words = []
        for before in reversed(window.doc[max(window.start, token.i - 3) : token.i]):
            if (
                before.lower_ in _HEADLINE_STOPS | news_words()
                or not before.is_alpha
                or before.ent_type_
            ):
                break
            words.insert(0, before.lower_)
        if words:
            return " ".join([*words, token.lower_]), None
    return None


_OBJECT_DETERMINERS = {"its", "their", "his", "her"}


def _its_doors(trigger: Span) -> bool:
    """ "X's London Studio has closed its doors": the idiom has no object, its subject closes."""
    following = trigger.doc[trigger.end : trigger.end + 2]
    return len(following) == 2 and following[1].lower_ == "doors"


_PASSIVE_MARKERS = {"is", "are", "was", "were", "be", "been", "being"}


def _named_in_opening_apposition(sentence: Span, trigger: Span, team_nouns) -> str | None:
    """ "One of X's departments, Everyday Robots, which had ..., is being shuttered" / "Lantern, a
    unit of X, was disbanded": the subject of a passive trigger, set off by commas and next to
    a team noun, however far the sentence's clauses keep it from the trigger."""
    doc = sentence.doc
    before = [t.lower_ for t in doc[max(sentence.start, trigger.start - 3) : trigger.start]]
    if not any(word in _PASSIVE_MARKERS for word in before):
        return None
    segments, current = [], []
    for token in doc[sentence.start : trigger.start]:
        if token.text == ",":
            segments.append(current)
            current = []
        else:
            current.append(token)
    for index, segment in enumerate(segments):
        is_name = 1 <= len(segment) <= 4 and all(
            t.text[:1].isupper() and t.lower_ not in _DETERMINERS for t in segment
        )
        if not is_name or (index == 0 and len(segments) == 1):
            continue
        previous = segments[index - 1] if index else []
        following = segments[index + 1] if index + 1 < len(segments) else []
        unit_before = bool(previous) and _singular(previous[-1].lower_) in team_nouns
        unit_after = (
            bool(following)
            and following[0].lower_ in _DETERMINERS
            and any(_singular(t.lower_) in team_nouns for t in following[:5])
        )
        if unit_before or unit_after:
            return _joined(segment)
    return None


_POSSESSIVES = {"her", "his", "its", "their", "our", "my"}


def _unit_then_its_name(sentence: Span, trigger: Span, team_nouns) -> str | None:
    """ "her department, civic integrity — a small division that ... — was being disbanded":
    the subject of a passive trigger is a unit, its name set off by a comma after it."""
    doc = sentence.doc
    before = [t.lower_ for t in doc[max(sentence.start, trigger.start - 3) : trigger.start]]
    if not any(word in _PASSIVE_MARKERS for word in before):
        return None
    for token in doc[sentence.start + 1 : trigger.start]:
        if not (
            token.lower_ in team_nouns
            and doc[token.i - 1].lower_ in _POSSESSIVES
            and token.i + 2 < trigger.start
            and doc[token.i + 1].text == ","
        ):
            continue
        words = []
        for word in doc[token.i + 2 : min(token.i + 7, trigger.start)]:
            if not word.is_alpha:
                break
            words.append(word)
        closing = doc[token.i + 2 + len(words)] if words else None
        if 1 <= len(words) <= 4 and closing is not None and closing.text in ("—", "–", ",", "("):
            return _joined(words)
    return None


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") else word


# Nouns that end a unit's proper name only when capitalised: "the Responsible AI Office", not
# "its Paris office".

_NAMED_UNIT_NOUNS = {"Office", "Initiative", "Program", "Programme"}
# Words that describe a team without naming it: "the small internal group" has no name.
_GENERIC_TEAM_WORDS = {"small", "internal", "new", "dedicated", "former", "remaining", "own"}
_GENERIC_TEAM_WORDS |= {"whole", "entire", "tiny", "separate", "standalone", "core", "existing"}
_GENERIC_TEAM_WORDS |= {"research"}
_GENERIC_TEAM_WORDS |= _DISSOLUTION_WORDS | {"closed", "shuttered", "defunct", "same", "other"}


_DESCRIBED_UNIT_NOUNS = {"laboratory", "lab", "center", "centre", "institute"}
_PLACE_UNIT_NOUNS = {"office", "site", "outpost"}
_LOCATED_UNIT_NOUNS = _DESCRIBED_UNIT_NOUNS | _PLACE_UNIT_NOUNS | {"studio", "team", "department"}
_LOCATED_UNIT_NOUNS |= {"facility"}
_PLACES = {"GPE", "LOC"}


def _words_before_team_noun(noun: Token) -> str | None:
    """ "its Responsible Innovation team" -> "Responsible Innovation"; a capitalised noun is part
    of the name ("the Harm Review Council"); "Tripwire, the small internal group" -> "Tripwire";
    "the Machine Learning Ethics, Transparency and Accountability team" keeps its commas."""
    words: list[Token] = []
    doc = noun.doc
    i = noun.i - 1
    if i >= 0 and doc[i].lower_ == "red":  # "the Tripwire red team": a kind of team, not its name
        i -= 1
    while i >= max(noun.sent.start, noun.i - 9):
        token = doc[i]
        capitalised_list = (
            token.text == ","
            and words
            and words[0].text[:1].isupper()
            and i > 0
            and doc[i - 1].text[:1].isupper()
            and doc[i - 1].ent_type_ != "ORG"
        )
        if token.lower_ in _DETERMINERS or token.ent_type_ == "ORG" or _ends_a_name(token, words):
            break
        joined = token.text in HYPHENS and not token.whitespace_ and not doc[i - 1].whitespace_
        if joined and words:  # "a 121-member team"
            words.insert(0, token)
            i -= 1
            continue
        ampersand = token.text == "&"  # "the R&D Lab", checked by _ends_a_name above
        if token.lower_.endswith("'s") or (
            token.is_punct and not capitalised_list and not ampersand
        ):
            break
        spoken = [w for w in words if w.text not in HYPHENS]  # "long-term" is one word
        if len(spoken) >= 5 and not token.text[:1].isupper():
            break
        words.insert(0, token)
        i -= 1
    while words and words[0].text == ",":
        words.pop(0)
    if noun.text[:1].isupper() and not noun.is_sent_start and _owner_opens_the_name(doc, i, words):
        # "the Kodak Research Centre in Leeds": a proper name made of the owner's and plain
        # words is said whole
        start = i
        while (
            start > noun.sent.start
            and doc[start - 1].ent_type_ == "ORG"
            and doc[start].ent_iob_ != "B"
        ):
            start -= 1
        owner = list(doc[start : i + 1])
        return _located(noun, [*owner, *words], keep=True) or _joined([*owner, *words, noun])
    if all(w.lower_ in _GENERIC_TEAM_WORDS for w in words):
        return _name_in_apposition(noun) or _located(noun, words)
    described = list(words)
    while words and words[0].lower_ in _GENERIC_TEAM_WORDS and not _opens_a_place(words):
        words.pop(0)  # "its own internal Band unit": the name is "Band"
    if words and words[0].lower_ in ("and", "&", "of"):
        words = described  # "its research and development lab": one description, kept whole
    if noun.text[:1].isupper() and not noun.is_sent_start:
        while words and words[0].is_lower:
            words.pop(0)  # "confirmed Lumen Studio will close": the name is capitalised
        words.append(noun)
    elif words and all(w.lower_ in lexicon("any", "topic_acronyms") for w in words):
        # "its AI team": a field and the noun, not a team called "AI"; "its R&D department in
        # Manila" goes by where it is too
        located = _located(noun, words, keep=True) if noun.lower_ != "team" else None
        return located or _joined([*words, noun])
    elif words and (noun.lower_ in _PLACE_UNIT_NOUNS or _a_place(words)):
        words.append(noun)  # "its Edmonton site", "the San Diego team": where, not a name
    elif (capitalised := [w for w in words if w.text[:1].isupper()]) and (
        _a_place(capitalised) and words[-1].is_lower
    ):
        words.append(noun)  # "its Lisbon design studio": where, then what kind of unit
    elif words and words[0].text[:1].isupper() and noun.lower_ in _DESCRIBED_UNIT_NOUNS:
        words.append(noun)  # "its DAMO quantum research laboratory": a lab goes by all of it
    elif (
        words
        and words[0].text[:1].isupper()
        and words[0].lower_ not in lexicon("any", "topic_acronyms")
    ):
        # "its Dojo supercomputer team": the name is the capitalised words, not what follows
        described = len(words)
        while len(words) > 1 and (words[-1].is_lower or words[-1].text in HYPHENS):
            words.pop()
        acronyms = lexicon("any", "topic_acronyms")
        while len(words) < described and len(words) > 1 and words[-1].lower_ in acronyms:
            words.pop()  # "its Lumen AI supercomputer team": the field is part of what follows
    elif words and not any(
        w.text[:1].isupper() and w.lower_ not in lexicon("any", "topic_acronyms") for w in words
    ):
        # "its ethics advisory council", "its long-term AI risk research team": plain words
        # (and a field's acronym) name it with the noun; "its research and development lab in
        # India" goes by where it is too
        located = _located(noun, words, keep=True) if noun.lower_ != "team" else None
        if located:
            return located
        words.append(noun)
    return _joined(words)


def _opens_a_place(words: list[Token]) -> bool:
    """ "New York studio": "New" opens a capitalised name mid-sentence, it is no description."""
    return (
        len(words) > 1
        and words[0].text[:1].isupper()
        and not words[0].is_sent_start
        and words[1].text[:1].isupper()
    )


_PLAIN_NAME_WORDS = {"research", "r&d", "ai", "technology", "innovation", "development"}


def _owner_opens_the_name(doc, i: int, words: list[Token]) -> bool:
    """The capitalised words between the owner and the noun are all plain ones ("Research")."""
    return (
        i >= 0
        and doc[i].ent_type_ == "ORG"
        and doc[i].i + 1 + len(words) < len(doc)
        and all(w.text[:1].isupper() and w.lower_ in _PLAIN_NAME_WORDS for w in words)
    )


def _located(noun: Token, words: list[Token], keep: bool = False) -> str | None:
    """ "its research lab in Toronto": a lab with no name of its own goes by where it is."""
    doc, after = noun.doc, noun.i + 1
    if noun.lower_ not in _LOCATED_UNIT_NOUNS or after + 1 >= noun.sent.end:
        return None
    first = after + 1
    if doc[first].lower_ == "the" and first + 1 < noun.sent.end:
        first += 1  # "in the Philippines"
    if doc[after].lower_ not in ("in", "at") or not doc[first].text[:1].isupper():
        return None
    place = [*doc[after + 1 : first + 1]]
    while place[-1].i + 1 < noun.sent.end and doc[place[-1].i + 1].text[:1].isupper():
        place.append(doc[place[-1].i + 1])
    kept = (
        words if keep else [w for w in words if w.lower_ not in _GENERIC_TEAM_WORDS - {"research"}]
    )
    return _joined([*kept, noun, doc[after], *place])


def _a_place(words: list[Token]) -> bool:
    """ "San Diego" in "the San Diego team": NER calls it a place, or the article says something
    is "in San Diego" (NER may take a city for a person)."""
    if all(w.ent_type_ in _PLACES for w in words):
        return True
    text = _joined(words)
    if text in lexicon("any", "places"):
        return True
    return any(f"{preposition} {text}" in words[0].doc.text for preposition in ("in", "at"))


def _ends_a_name(token: Token, words: list[Token]) -> bool:
    """A verb of the rules ("closes", "resigns") or a function word ("after", "is") is not part of
    a team's name, except "and"/"of" between capitalised words ("Office of Responsible AI") and
    "and" between two plain words ("ethics and society")."""
    lower = token.lower_
    if lower in news_words():
        return True
    if lower in ("and", "of", "&"):
        before = token.doc[token.i - 1] if token.i > 0 else None
        if not (words and before is not None and before.is_alpha):
            return True
        capitalised = words[0].text[:1].isupper() and before.text[:1].isupper()
        plain_words = lower != "of" and not words[0].is_stop and not before.is_stop
        return not (capitalised or plain_words)
    return token.is_stop and not token.text[:1].isupper()


def _led_by(noun: Token) -> str | None:
    """ "Wen Liqiang's team was disbanded": a team the article knows by its leader's name."""
    doc = noun.doc
    if noun.lower_ != "team" or noun.i < 2 or doc[noun.i - 1].lower_ not in ("'s", "’s"):
        return None
    leader = doc[noun.i - 2]
    if leader.ent_type_ != "PER":
        return None
    start = leader.i
    while (
        start > noun.sent.start and doc[start - 1].ent_type_ == "PER" and doc[start].ent_iob_ != "B"
    ):
        start -= 1
    return doc[start : noun.i + 1].text


_TASK_WORDS = {"working", "focused", "dedicated", "devoted", "responsible", "tasked"}
_WORKED = {"worked", "works", "work"}
# "the team that developed its routers": a team told by what it made or ran
_WORKED |= {"developed", "built", "made", "created", "designed", "ran", "oversaw", "handled"}
_WORKED |= {"studied", "managed", "produced", "researched", "develops", "builds", "makes"}
_TASK_ENDS = {"even", "though", "although", "because", "which", "who", "that", "after", "while"}
_TASK_ENDS |= {"when", "as", "since", "but", "and", "in", "last", "this", "earlier", "at"}


def _working_on(noun: Token) -> str | None:
    """ "disbanded a team working on the next Pixelbook": a team told by its task, up to the
    end of that phrase (punctuation, a clause or a date)."""
    doc = noun.doc
    task = noun.i + 1
    if (  # "the team that worked for ASIMO"
        task + 2 < noun.sent.end
        and doc[task].lower_ in ("that", "which", "who")
        and doc[task + 1].lower_ in _WORKED
    ):
        task += 1
    if task + 1 >= noun.sent.end or doc[task].lower_ not in _TASK_WORDS | _WORKED:
        return None
    if doc[task].lower_ in _WORKED and doc[task - 1].lower_ not in ("that", "which", "who"):
        return None  # "the team developed a model": a sentence about it, not its name
    end = task + 2  # "working on", "dedicated to", "responsible for", "that worked for"
    while end < min(task + 11, noun.sent.end):
        token = doc[end]
        hyphen = token.text in HYPHENS and not token.whitespace_  # "long-term risks"
        if (token.is_punct and not hyphen) or token.lower_ in _TASK_ENDS:
            break
        if token.lower_ in CALENDAR_WORDS and doc[end - 1].text not in HYPHENS:
            break
        end += 1
    return doc[noun.i : end].text if end > task + 2 else None


_NAMED_AFTER = {"studio", "subsidiary"}


def _name_after_unit_noun(noun: Token) -> str | None:
    """ "Canadian studio Alpha Wolf Games": a studio's or a subsidiary's name follows the noun."""
    if noun.text not in _NAMED_AFTER:
        return None
    words = []
    for token in noun.doc[noun.i + 1 : min(noun.i + 6, noun.sent.end)]:
        if not (token.text[:1].isupper() or (words and token.lower_ in ("at", "of", "&"))):
            break
        words.append(token)
    while words and not words[-1].text[:1].isupper():
        words.pop()
    return _joined(words) if words else None


def _team_of(noun: Token) -> str | None:
    """ "its entire team of content reviewers in Lisbon": a team told by who is in it, and
    where."""
    doc = noun.doc
    if noun.lower_ != "team" or noun.i + 2 >= noun.sent.end or doc[noun.i + 1].lower_ != "of":
        return None
    end = noun.i + 2
    while end < min(noun.i + 10, noun.sent.end):
        token = doc[end]
        place = token.lower_ in ("in", "at") and doc[end + 1 : end + 2].text[:1].isupper()
        if place:
            end += 2
            continue
        if not token.is_lower or token.lower_ in _TASK_ENDS or token.lower_ in _DETERMINERS:
            break
        end += 1
    return doc[noun.i : end].text if end > noun.i + 2 else None


def _name_known_as(noun: Token) -> str | None:
    """ "The group, known internally as Societal Impacts, was dismantled": the capitalised words
    after "known (internally) as", "dubbed" or "called", just after the team noun."""
    doc = noun.doc
    for i in range(noun.i + 1, min(noun.i + 5, noun.sent.end)):
        if doc[i].lower_ in NAMING_WORDS or (
            doc[i].lower_ == "as"
            and doc[i - 1].lower_ in ("known", "internally", "publicly", "formerly")
        ):
            words = []
            for token in doc[i + 1 : min(i + 6, noun.sent.end)]:
                if not token.text[:1].isupper():
                    break
                words.append(token)
            return _joined(words)
    return None


_CLAUSE_VERBS = _PASSIVE_MARKERS | {"has", "have", "had", "will", "would", "said", "says"}


def _name_in_apposition(noun: Token) -> str | None:
    """ "wound down Tripwire, the small internal group that ...", "shut down Lantern, its
    five-person responsible-AI unit": the capitalised words just before ", the/its ... unit"."""
    doc = noun.doc
    i = noun.i - 1
    while i > noun.sent.start and doc[i].text != ",":
        if doc[i].is_punct and doc[i].text not in HYPHENS or noun.i - i > 9:
            return None
        i -= 1
    if i + 1 >= noun.i or doc[i + 1].lower_ not in _DETERMINERS:
        return None
    if any(t.lower_ in _CLAUSE_VERBS for t in doc[i + 1 : noun.i]):
        return None  # "by X, the company has shut down the entire Y team": a clause, no apposition
    words: list[Token] = []
    for token in reversed(doc[max(noun.sent.start, i - 4) : i]):
        if not token.text[:1].isupper() or token.ent_type_ == "ORG":
            break
        words.insert(0, token)
    return _joined(words) if words and not words[0].is_sent_start else None


def _joined(words: list[Token]) -> str | None:
    text = "".join(t.text_with_ws for t in words).strip()
    return text or None


# The last word of a unit's proper name: "Kaos Studios", "Lumen Labs", "Alpha Wolf Games"
_PROPER_UNIT_ENDS = {"Studios", "Studio", "Labs", "Lab", "Games", "Division", "Unit", "Team"}
_LIST_OPENERS = {"both", "its", "the", "down", "two", "three", "studios", "of"}
_BEFORE_PASSIVE = _PASSIVE_MARKERS | {"will", "would", "to", "has", "have", "had", "set", "now"}
_BEFORE_PASSIVE |= {"also", "officially", "quietly", "being"}


def _proper_units_after(trigger: Span) -> TeamMention | None:
    """ "will close down both Lumen Digital Leeds and Kaos Studios": the proper names listed
    right after the verb, one of them ending as a unit's name does."""
    doc, end = trigger.doc, trigger.sent.end
    i = trigger.end
    while i < end and doc[i].lower_ in _LIST_OPENERS:
        i += 1
    names, run = [], []
    while i < end:
        token = doc[i]
        if token.text[:1].isupper() and (token.is_alpha or token.like_num or "-" in token.text):
            run.append(token)
        elif run and token.text in (",", "and") and len(run) <= 5:
            names.append(run)
            run = []
        else:
            break
        i += 1
    if run:
        names.append(run)
    if not names or not any(n[-1].text in _PROPER_UNIT_ENDS and len(n) > 1 for n in names):
        return None
    texts = [_joined(n) for n in names if len(n) <= 5]
    return TeamMention(texts[0], None, trigger[0], texts[0], also=tuple(texts[1:]))


def _proper_unit_subject(trigger: Span) -> TeamMention | None:
    """ "Following its release, Ensemble Studios will be shut down": a unit's proper name as the
    subject of a passive or intransitive closing verb."""
    doc = trigger.doc
    following = doc[trigger.end] if trigger.end < trigger.sent.end else None
    if following is not None and following.text[:1].isupper():
        return None  # what follows is the object
    i = trigger.start - 1
    while i > trigger.sent.start and doc[i].lower_ in _BEFORE_PASSIVE:
        i -= 1
    if i == trigger.start - 1:
        return None
    start = proper_name_ending_at(doc, i, trigger.sent.start, _PROPER_UNIT_ENDS)
    if start is None:
        return None
    name = _joined(list(doc[start : i + 1]))
    return TeamMention(name, None, trigger[0], name)
