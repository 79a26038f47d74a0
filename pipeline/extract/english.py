"""English: no English spaCy model is published on PyPI by its authors, so English articles go
through a blank English tokenizer, the same gazetteers, capitalised-name spotting for people,
and word-order rules ("X left OpenAI", "OpenAI fired X", "X was ousted", "X's departure")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import spacy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from pipeline.extract.context import ArticleContext, named_after_preposition
from pipeline.extract.dates import CALENDAR_WORDS
from pipeline.extract.lexicon import team_by_alias, triggers
from pipeline.extract.mentions import HYPHENS, NAMING_WORDS
from pipeline.extract.names import entity_key, fold
from pipeline.extract.nlp import (  # noqa: F401 (registers the component)
    add_name_special_cases,
    gazetteer_patterns,
    line_breaks_end_sentences,
)
from pipeline.extract.org_cues import news_words
from pipeline.extract.results import EntityRef, FoundEvent
from pipeline.extract.roles import role_near

_NOT_NAME_WORDS = (
    STOP_WORDS
    | CALENDAR_WORDS
    | {
        "former",
        "chief",
        "executive",
        "officer",
        "ceo",
        "cto",
        "cfo",
        "president",
        "vice",
        "head",
        "director",
        "senior",
        "researcher",
        "scientist",
        "co-founder",
        "cofounder",
        "founder",
        "the",
        "meanwhile",
        "however",
        "according",
        "ai",
        "board",
        "team",
        "inc",
        "corp",
        "said",
        "mr",
        "ms",
        "mrs",
        "dr",
        "sir",
        "lab",
        "labs",
        "research",
        "technology",
        "officers",
    }
)
_DISSOLUTION_WORDS = {"dissolved", "disbanded", "eliminated", "scrapped", "dismantled", "axed"}
PRONOUNS = {"he", "she", "they", "him", "her"}
PASSIVE_AUX = {"was", "were", "been", "is", "be", "being", "got", "get", "gets"}
DESTINATIONS = {"to", "for", "join", "joined", "joining", "joins", "and"}
_NAME_TOKEN = re.compile(r"^[A-Z][a-zà-ÿ]*(?:[A-Z'’-][a-zà-ÿ]+)*$|^[A-Z]\.$")


def _is_name_word(token: Token | None) -> bool:
    return (
        token is not None
        and bool(_NAME_TOKEN.match(token.text))
        and not token.ent_type_
        and token.lower_ not in _NOT_NAME_WORDS
    )


@Language.component("english_people")
def english_people(doc: Doc) -> Doc:
    """Runs of two to four capitalised words that are not common words become PER entities; in a
    title-case headline ("OpenAI Fires Two Researchers for Allegedly Leaking Information") only
    the names the running text also gives."""
    headline_tokens = _title_case_line_tokens(doc)
    doc.user_data[HEADLINE_TOKENS] = headline_tokens
    spans, headline_runs, run = [], [], []
    for token in [*doc, None]:
        if _is_name_word(token):
            run.append(token)
            continue
        if run and _given_as_a_name(run[0]):
            pass  # "known internally as Societal Impacts", "dubbed Project Falcon"
        elif len(run) >= 2 and run[0].i in headline_tokens:
            headline_runs.append(Span(doc, run[0].i, run[-1].i + 1, label="PER"))
        elif 2 <= len(run) <= 4:
            spans.append(Span(doc, run[0].i, run[-1].i + 1, label="PER"))
        run = []
    teams = _team_names(doc, spans)
    spans = [span for span in spans if span.text not in teams]
    in_text = {span.text for span in spans}
    alone = {t.text for t in doc if t.i not in headline_tokens and _capitalised_alone(t)}
    spans += [named for run in headline_runs if (named := _named_in(run, in_text, alone))]
    surnames = {span[-1].text for span in spans}
    in_spans = {i for span in spans for i in range(span.start, span.end)}
    for token in doc:  # "McGrew said" once "Bob McGrew" has been named
        if token.text in surnames and token.i not in in_spans and not token.ent_type_:
            spans.append(Span(doc, token.i, token.i + 1, label="PER"))
    doc.ents = filter_spans([*doc.ents, *spans])
    return doc


HEADLINE_TOKENS = "title_case_tokens"


def _title_case_line_tokens(doc: Doc) -> set[int]:
    """Tokens of lines where nearly every word that is not a short function word is
    capitalised: headlines, whose capitals say nothing about names."""
    found: set[int] = set()
    line: list[Token] = []
    for token in [*doc, None]:
        if token is not None and "\n" not in token.text:
            line.append(token)
            if "\n" not in token.whitespace_:
                continue
        words = [t for t in line if t.is_alpha and t.lower_ not in _FUNCTION_WORDS]
        capitalised = sum(1 for t in words if t.text[:1].isupper())
        if len(words) >= 4 and capitalised >= 0.8 * len(words):
            found.update(t.i for t in line)
        line = []
    return found


_LINKS = {"of", "at", "in", "for", "on", "with", "from", "who", "which", "that", "and"}


def _team_names(doc: Doc, runs: list[Span]) -> set[str]:
    """Runs the article calls a team: "Plumb Line, the in-house group", "the Plumb Line team";
    then "who founded Plumb Line" does not make a person of it."""
    team_nouns = set(_lexicon()["team_nouns"])
    names = set()
    for run in runs:
        after = doc[run.end : min(run.end + 9, len(doc))]
        if after and after[0].lower_ in team_nouns:
            names.add(run.text)
        elif len(after) > 2 and after[0].text == "," and after[1].lower_ in _DETERMINERS:
            for token in after[2:]:
                in_house = token.lower_ == "in" and doc[token.i + 1 : token.i + 2].text == "-"
                if (
                    token.is_punct
                    and token.text not in HYPHENS
                    or (token.lower_ in _LINKS and not in_house)
                ):
                    break  # "X, another member of the founding team" is a person
                if token.lower_ in team_nouns:
                    possessive = doc[token.i + 1 : token.i + 2].text in ("'s", "’s", "'", "’")
                    if not possessive:  # "X, the group's founding director"
                        names.add(run.text)
                    break
    return names


def _given_as_a_name(first: Token) -> bool:
    doc = first.doc
    before = doc[first.i - 1].lower_ if first.i > 0 else ""
    before_that = doc[first.i - 2].lower_ if first.i > 1 else ""
    return before in ("dubbed", "codenamed") or (
        before == "as" and before_that in ("known", "internally", "publicly")
    )


def _capitalised_alone(token: Token) -> bool:
    """ "Raman said": a capitalised word between two that are not, as a surname is used."""
    doc = token.doc
    before = doc[token.i - 1].text if token.i > 0 else ""
    after = doc[token.i + 1].text if token.i + 1 < len(doc) else ""
    return token.text[:1].isupper() and not before[:1].isupper() and not after[:1].isupper()


def _named_in(span: Span, names: set[str], surnames: set[str]) -> Span | None:
    """The longest part of a headline run that the running text names in full, or whose last
    word it uses alone: "Jane Doe" of "Jane Doe Leaves", "Priya Raman" of "Priya Raman Quits
    Lumen Robotics" when the text says "Raman said"."""
    for size in range(min(len(span), 4), 1, -1):
        for start in range(span.start, span.end - size + 1):
            part = span.doc[start : start + size]
            if part.text in names or part[-1].text in surnames:
                return Span(span.doc, start, start + size, label="PER")
    return None


# Words a title-case headline leaves in lower case ("Fires Two Researchers for Leaking").
_FUNCTION_WORDS = {"a", "an", "the", "and", "or", "but", "for", "nor", "of", "on", "in", "at"}
_FUNCTION_WORDS |= {"to", "by", "as", "from", "with", "into", "over", "up", "off", "its", "is"}


@cache
def load() -> Language:
    nlp = spacy.blank("en")
    add_name_special_cases(nlp)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("line_breaks_end_sentences")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(gazetteer_patterns())
    nlp.add_pipe("english_people")
    return nlp


def _lexicon() -> dict:
    return triggers()["en"]


def _phrase_at(words: list[str], i: int, phrases: dict[str, str] | list[str]) -> tuple[str, int]:
    for phrase in phrases:
        parts = phrase.split()
        if words[i : i + len(parts)] == parts:
            return phrase, len(parts)
    return "", 0


def _asserted(sentence: Span, index: int) -> bool:
    lexicon = _lexicon()
    if sentence.text.rstrip().endswith("?"):
        return False
    before = [t.lower_ for t in sentence[max(0, index - 5) : index]]
    blocked = set(lexicon["negations"]) | set(lexicon["modal_words"])
    if any(word in blocked for word in before):
        return False
    lowered = sentence.text.lower()
    return not any(word in lowered for word in ("denied", "denies", "rumor", "rumour", "speculat"))


def extract(context: ArticleContext) -> Iterator[FoundEvent]:
    lexicon = _lexicon()
    seen = set()
    reported: set[tuple[str, str]] = set()
    for sentence in context.sentences:
        words = [t.lower_ for t in sentence]
        for i in range(len(sentence)):
            event_type, kind, size = _trigger_at(words, i, lexicon)
            if not event_type or not _asserted(sentence, i):
                continue
            trigger = sentence[i : i + size]
            if _steps_down_from_a_thing(trigger) or _merged_into(trigger):
                continue
            if event_type == "dissolution":
                event = _dissolution(context, sentence, trigger)
                events = [event] if event else []
            else:
                events = list(
                    _person_events(context, sentence, trigger, event_type, kind, reported)
                )
            for event in events:
                key = (event.event_type, event.subject.key, event.organization.key)
                if key not in seen:
                    seen.add(key)
                    reported.add((event.event_type, event.subject.key))
                    yield event


# What one steps down from when it is a job: "stepped down from the board", not "from the stage".
_POSTS = {"board", "company", "role", "position", "post", "job", "helm", "team", "lab", "firm"}
_POSTS |= {"startup", "group", "presidency", "leadership", "chairmanship", "chair", "council"}


def _merged_into(trigger: Span) -> bool:
    """ "The team was folded into product": merged, not dissolved."""
    following = trigger.doc[trigger.end : trigger.end + 1]
    return trigger.text.lower() == "folded" and bool(following) and following[0].lower_ == "into"


def _steps_down_from_a_thing(trigger: Span) -> bool:
    if not trigger.text.lower().startswith("step"):
        return False
    after = [t.lower_ for t in trigger.doc[trigger.end : trigger.end + 3]]
    return after[:2] == ["from", "the"] and len(after) == 3 and after[2] not in _POSTS


def _trigger_at(words: list[str], i: int, lexicon: dict) -> tuple[str | None, str | None, int]:
    phrase, size = _phrase_at(words, i, lexicon["dissolution_words"])
    if size:  # before departures: "laid off the entire team" is not "laid off"
        return "dissolution", None, size
    phrase, size = _phrase_at(words, i, lexicon["departure_phrases"])
    if size:
        return "departure", lexicon["departure_phrases"][phrase], size
    phrase, size = _phrase_at(words, i, lexicon["hiring_words"])
    if size:
        return lexicon["hiring_words"][phrase], None, size
    if words[i] in lexicon["departure_words"] and not _describes_a_noun(words, i):
        return "departure", lexicon["departure_words"][words[i]], 1
    return None, None, 0


# "a retired engineer", "the departing CEO", "retirement savings": a word of leaving used to
# describe someone or something, not to tell that anyone left.
_ARTICLES = {"a", "an", "the"}
_RETIREMENT_THINGS = {"plan", "plans", "savings", "age", "fund", "funds", "account", "accounts"}
_RETIREMENT_THINGS |= {"benefits", "home", "homes", "community", "package"}


def _describes_a_noun(words: list[str], i: int) -> bool:
    word = words[i]
    if word in ("retired", "retiring") and i > 0 and words[i - 1] in _ARTICLES:
        return True
    following = words[i + 1] if i + 1 < len(words) else ""
    return word == "retirement" and following in _RETIREMENT_THINGS


def _person_events(context, sentence, trigger: Span, event_type, kind, reported=frozenset()):
    people = _subjects(context, sentence, trigger, kind)
    if not people:
        return
    if event_type == "departure":
        organization = _organization_left(context, sentence, trigger, kind)
    else:
        organization = _organization_after(context, sentence, trigger)
    if organization is None:
        return
    date = context.date_for(trigger[0], reported_as_news=_news_present(trigger))
    for person_ref, anchor in people:
        if len(person_ref.name.split()) < 2:
            continue
        if (event_type, person_ref.key) in reported and not context.mentions.person_at(anchor):
            continue  # "His departure" after the departure was told: the same event again
        yield FoundEvent(
            event_type=event_type,
            subject=person_ref,
            organization=organization,
            kind=kind,
            role=role_near(anchor, sentence),
            event_date=date.value if date else None,
            date_precision=date.precision if date else None,
            date_text=date.text if date else None,
            sentence=sentence.text.strip(),
            sentence_start=sentence.start_char,
            sentence_end=sentence.end_char,
        )


NEWS_PRESENT = {
    "leaves",
    "quits",
    "resigns",
    "departs",
    "exits",
    "steps",
    "stepping",
    "leaving",
    "disbands",
    "dissolves",
    "shuts",
    "scraps",
    "eliminates",
    "axes",
    "dismantles",
}


def _news_present(trigger: Span) -> bool:
    """ "X leaves OpenAI", "X is stepping down", "X has left": news of now."""
    previous = trigger.doc[trigger.start - 1].lower_ if trigger.start > 0 else ""
    return trigger[0].lower_ in NEWS_PRESENT or previous in ("has", "have")


def _subjects(context, sentence: Span, trigger: Span, kind: str | None):
    mentions = context.mentions
    start = trigger.start
    before = mentions.people_in(sentence.start, start)
    after = mentions.people_in(trigger.end, sentence.end)
    is_passive = start > 0 and context.doc[start - 1].lower_ in PASSIVE_AUX
    if kind == "dismissal" and not is_passive and after:
        gap = context.doc[trigger.end : after[0].span.start]
        if gap and gap[-1].text == ",":  # "fired its research chief, Jane Doe"
            gap = gap[:-1]
        if len(gap) <= 6 and not any(t.is_punct and t.text != "-" for t in gap):
            return [(after[0].entity, after[0].span[0])]  # "OpenAI fired its CTO Jane Doe"
    if listed := _dash_list(context, sentence, trigger):
        return listed
    first_person = {"i", "i've", "i'm", "i'd"}
    if any(t.lower_ in first_person for t in context.doc[max(start - 4, sentence.start) : start]):
        speaker = context.quote_speaker(trigger[0])  # "I've decided to leave X," wrote Y
        if speaker:
            return [speaker]
    before = [m for m in before if not _is_possessive(m) and not named_after_preposition(m.span)]
    if is_passive and (included := _people_included(context, sentence, trigger)):
        return included  # "were laid off that Friday, including its director, Jane Doe"
    if trigger[0].lower_ in _EVENT_NOUNS:
        following = context.doc[trigger.end : trigger.end + 2]
        if following and following[0].lower_ == "of" and after:
            return [(after[0].entity, after[0].span[0])]
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


def _people_included(context, sentence: Span, trigger: Span):
    after = context.doc[trigger.end : sentence.end]
    including = next((t for t in after if t.lower_ == "including"), None)
    if including is None:
        return []
    people = context.mentions.people_in(including.i, sentence.end)
    return [(m.entity, m.span[0]) for m in people]


# ", head of trust and safety" / "and principal research scientist": a list goes on with the
# next person's job title (lower-case words, no clause: "who", "said"... stop it).
_ROLE_BETWEEN_NAMES = re.compile(
    r"(?:,|(?:, )?and)(?: (?!who\b|which\b|that\b|said\b|says\b|told\b)[a-z][a-z&-]*){1,6}"
)


def _is_possessive(mention) -> bool:
    """ "Jane Doe's company": a possessor, not the subject."""
    following = mention.span.doc[mention.span.end : mention.span.end + 1]
    return bool(following) and following[0].lower_ in ("'s", "’s", "'", "’")


def _organization_left(context, sentence: Span, trigger: Span, kind: str | None):
    if _leaves_a_place(context, trigger):
        return None
    after = context.doc[trigger.end : sentence.end]
    for token in after:
        if token.lower_ in DESTINATIONS or token.text in ".;":
            break
        organization_ref = context.mentions.organization_at(token)
        if organization_ref:
            return organization_ref
    destinations = {  # "left for rival Anthropic": the organisation joined, not left
        m.entity.key for m in context.mentions.organizations_in(trigger.end, sentence.end)
    }
    return context.organization_before(trigger[0], exclude=destinations)


_LEAVING_WORDS = {"left", "leaves", "leaving", "leave", "quit", "quits", "quitting", "exited"}


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
        or left.lower_ in CALENDAR_WORDS
        or context.mentions.organization_at(left)
        or context.mentions.person_at(left)
    ):
        return False
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


def _dissolution(context, sentence: Span, trigger: Span) -> FoundEvent | None:
    team = _team_near(sentence, trigger)
    if team is None:
        return None
    name, known_org = team
    organization = None
    in_sentence = context.mentions.organizations_in(sentence.start, sentence.end)
    if in_sentence:
        organization = in_sentence[0].entity
    if organization is None and known_org:
        organization = EntityRef("organization", known_org, entity_key(known_org))
    organization = organization or context.organization_before(trigger[0])
    if organization is None:
        return None
    date = context.date_for(trigger[0], reported_as_news=_news_present(trigger))
    return FoundEvent(
        event_type="dissolution",
        subject=EntityRef("team", name, f"{organization.key}/{entity_key(name)}"),
        organization=organization,
        kind=None,
        role=None,
        event_date=date.value if date else None,
        date_precision=date.precision if date else None,
        date_text=date.text if date else None,
        sentence=sentence.text.strip(),
        sentence_start=sentence.start_char,
        sentence_end=sentence.end_char,
    )


def _team_near(sentence: Span, trigger: Span) -> tuple[str, str | None] | None:
    """A team named within a few words of the trigger: a gazetteer team, or "<Name> team"."""
    window = sentence.doc[
        max(sentence.start, trigger.start - 10) : min(sentence.end, trigger.end + 10)
    ]
    for ent in window.ents:
        if ent.label_ == "TEAM":
            following = sentence.doc[ent.end : ent.end + 1]
            if following and following[0].text in _NAMED_UNIT_NOUNS:
                return f"{ent.text} {following[0].text}", None  # "Responsible AI Office"
            team = team_by_alias().get(fold(ent.text))
            if team:
                return team.name, team.organization
    team_nouns = set(_lexicon()["team_nouns"])
    headline = sentence.doc.user_data.get(HEADLINE_TOKENS, set())
    for token in window:
        # a title-case headline capitalises every word: no telling the team's name there
        is_team_noun = token.lower_ in team_nouns or token.text in _NAMED_UNIT_NOUNS
        if is_team_noun and token.i not in headline:
            name = (
                _name_in_apposition(token)
                or _words_before_team_noun(token)
                or _name_known_as(token)
            )
            if name:
                folded = fold(name)
                for alias, team in team_by_alias().items():
                    if alias and f" {alias} " in f" {folded} ":
                        return team.name, team.organization
                return name, None
    return None


# Nouns that end a unit's proper name only when capitalised: "the Responsible AI Office", not
# "its Paris office".
_NAMED_UNIT_NOUNS = {"Office", "Initiative", "Program", "Programme"}
_DETERMINERS = {"its", "the", "a", "an", "their", "entire", "whole", "his", "her", "this", "that"}
_DETERMINERS |= {"another", "other", "one", "some", "each", "every", "no", "our", "your", "my"}
# Words that describe a team without naming it: "the small internal group" has no name.
_GENERIC_TEAM_WORDS = {"small", "internal", "new", "dedicated", "former", "remaining", "own"}
_GENERIC_TEAM_WORDS |= {"whole", "entire", "tiny", "separate", "standalone", "core", "existing"}
_GENERIC_TEAM_WORDS |= {"research"}
_GENERIC_TEAM_WORDS |= _DISSOLUTION_WORDS | {"closed", "shuttered", "defunct", "same", "other"}


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
        if token.lower_.endswith("'s") or (token.is_punct and not capitalised_list):
            break
        if len(words) >= 5 and not token.text[:1].isupper():
            break
        words.insert(0, token)
        i -= 1
    while words and words[0].text == ",":
        words.pop(0)
    if all(w.lower_ in _GENERIC_TEAM_WORDS for w in words):
        return _name_in_apposition(noun)
    if noun.text[:1].isupper() and not noun.is_sent_start:
        words.append(noun)
    return _joined(words)


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


def _name_known_as(noun: Token) -> str | None:
    """ "The group, known internally as Societal Impacts, was dismantled": the capitalised words
    after "known (internally) as", "dubbed" or "called", just after the team noun."""
    doc = noun.doc
    for i in range(noun.i + 1, min(noun.i + 5, noun.sent.end)):
        if doc[i].lower_ in NAMING_WORDS or (
            doc[i].lower_ == "as" and doc[i - 1].lower_ in ("known", "internally", "publicly")
        ):
            words = []
            for token in doc[i + 1 : min(i + 6, noun.sent.end)]:
                if not token.text[:1].isupper():
                    break
                words.append(token)
            return _joined(words)
    return None


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
    words: list[Token] = []
    for token in reversed(doc[max(noun.sent.start, i - 4) : i]):
        if not token.text[:1].isupper() or token.ent_type_ == "ORG":
            break
        words.insert(0, token)
    return _joined(words) if words and not words[0].is_sent_start else None


def _joined(words: list[Token]) -> str | None:
    text = "".join(t.text_with_ws for t in words).strip()
    return text or None
