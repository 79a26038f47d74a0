"""What the sentences around an event say: the organisation in focus, the date in force, the
person a pronoun points to. Shared by every rule set."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pipeline.extract.affiliations import (
    Affiliation,
    affiliation_of,
    affiliations,
    described_elsewhere,
)
from pipeline.extract.dates import (
    ANAPHORIC_DAY_PHRASES,
    ResolvedDate,
    find_dates,
    is_present_marker,
    period_end,
)
from pipeline.extract.gazetteers import platforms
from pipeline.extract.lexicons import lexicon
from pipeline.extract.mentions import CLOSING_QUOTES, OPENING_QUOTES, DocMentions
from pipeline.extract.names import fold
from pipeline.extract.results import EntityRef
from pipeline.extract.words import Words

LOOKBACK_SENTENCES = 3
QUOTE_SENTENCES = 3  # sentences a French quote may run on before it is attributed


@dataclass(frozen=True)
class EventDate:
    value: datetime.date
    precision: str
    text: str


class ArticleContext:
    def __init__(
        self,
        doc: Doc,
        published: datetime.date | None,
        lang: str,
        text: str | None = None,
        published_precision: str | None = None,
        title: str | None = None,
    ):
        self.doc = doc
        # Doc.text joins every token on each access: read it once, or take the text doc came from
        self.text = doc.text if text is None else text
        self.published = published
        # a source may date the article by month or year only: `published` is then the first
        # day of that period, and nothing in the period is "after publication"
        self.published_precision = published_precision or "day"
        self.lang = lang
        self.words = Words(doc)
        self.mentions = DocMentions(doc, lang, self.text, title)
        self.sentences: list[Span] = list(doc.sents)
        self._sentence_of: list[int] = []
        for index, sentence in enumerate(self.sentences):
            self._sentence_of.extend([index] * (sentence.end - sentence.start))
        self._dates: dict[int, list[ResolvedDate]] = {}
        self._full_days: dict[int, datetime.date | None] = {}
        self._affiliations: dict[str, list[Affiliation]] | None = None
        self._employers: dict[str, EntityRef] = {}

    def affiliation(
        self, person: EntityRef, sentence: Span, *, here: bool, current: bool = False
    ) -> EntityRef | None:
        """The organisation the article ties `person` to ("X, directrice chez Y"): in
        `sentence` itself with `here` (a post held now only, with `current`), else in an
        introduction before it."""
        if self._affiliations is None:
            self._affiliations = affiliations(self.doc, self.mentions)
        return affiliation_of(self._affiliations, person, sentence, here=here, current=current)

    def described_elsewhere(
        self, person: EntityRef, sentence: Span, organization: EntityRef
    ) -> bool:
        return described_elsewhere(self.doc, self.mentions, person, sentence, organization)

    def organization_earlier_in_sentence(
        self, token: Token, exclude: set[str] = frozenset()
    ) -> EntityRef | None:
        """The organisation named last before `token` in its sentence."""
        sentence = self.sentences[self.sentence_index(token)]
        found = [
            m
            for m in self.mentions.organizations_in(sentence.start, token.i)
            if m.entity.key not in exclude
        ]
        return found[-1].entity if found else None

    def sentence_index(self, token: Token) -> int:
        return self._sentence_of[token.i]

    def previous_sentences(
        self, index: int, *, same_paragraph: bool = True, limit: int = LOOKBACK_SENTENCES
    ) -> list[Span]:
        """Up to `limit` sentences before `index`, nearest first."""
        found = []
        for back in range(index - 1, max(-1, index - 1 - limit), -1):
            between = self.text[self.sentences[back].end_char : self.sentences[back + 1].start_char]
            if same_paragraph and "\n\n" in between.replace(" ", ""):
                break
            if not _is_byline(self.sentences[back]):
                found.append(self.sentences[back])
        return found

    # -- dates ---------------------------------------------------------------------------
    def dates_in(self, index: int) -> list[ResolvedDate]:
        if index not in self._dates:
            sentence = self.sentences[index]
            reference, precision = self.published, self.published_precision
            if reference is None:
                reference, precision = self._day_told_by_then(index), "day"
            self._dates[index] = find_dates(sentence.text, reference, self.lang, precision)
        return self._dates[index]

    def _day_told_by_then(self, index: int) -> datetime.date | None:
        """With no publication date, "en janvier" or "jeudi" count back from the latest full
        date the article has given by then ("selon un rapport du 10 février 2026, ... en
        janvier"): in the sentence itself, else in the nearest sentence before that has one."""
        for earlier in range(index, -1, -1):
            if earlier not in self._full_days:
                self._full_days[earlier] = max(
                    (
                        d.value
                        for d in find_dates(self.sentences[earlier].text, None, self.lang)
                        if d.precision == "day" and not d.relative
                    ),
                    default=None,
                )
            if self._full_days[earlier] is not None:
                return self._full_days[earlier]
        return None

    def _past_dates(self, index: int, *, since_ok: bool = False) -> list[ResolvedDate]:
        """Dates that can be when something happened: not after the publication date, and not
        the start of a state ("directrice depuis 2019", "since 2019") unless the event is that
        state's start (`since_ok`: "n'est plus salariée depuis le 1er novembre")."""
        published = self.published or datetime.date.today()
        latest = period_end(published, self.published_precision) + datetime.timedelta(days=1)
        return [
            d
            for d in self.dates_in(index)
            if d.value <= latest
            and (since_ok or not d.text.lower().startswith(("depuis", "since")))
        ]

    def _same_clause(self, date: ResolvedDate, sentence: Span, trigger: Token) -> bool:
        """A date inside a relative clause ("..., dont les responsables avaient démissionné en
        mai") dates that clause, not the trigger, unless the trigger is in it too."""
        span = self.doc.char_span(
            sentence.start_char + date.start,
            sentence.start_char + date.end,
            alignment_mode="expand",
        )
        if span is None:
            return True
        if not self.doc.has_annotation("DEP"):
            return _same_clause_by_words(span, trigger)
        clause = next((a for a in span.root.ancestors if a.dep_ == "acl:relcl"), None)
        if clause is None:
            return True
        return trigger.i == clause.i or any(a.i == clause.i for a in trigger.ancestors)

    def date_for(
        self,
        trigger: Token,
        *,
        reported_as_news: bool = False,
        background: bool = False,
        state: bool = False,
    ) -> EventDate | None:
        """In order: the date nearest the trigger in its own clause; the latest date in the
        sentences just before; the publication day when the sentence says "now"; the publication
        month for news told in the present or a headline, and for any other report the article
        gives no date, as the news it tells, unless told as `background` ("avait quitté", "had
        left"), which stays undated."""
        index = self.sentence_index(trigger)
        sentence = self.sentences[index]
        in_sentence = [
            d
            for d in self._past_dates(index, since_ok=state)
            if not _dates_a_beginning(d, sentence, trigger)
        ]
        same_clause = [d for d in in_sentence if self._same_clause(d, sentence, trigger)]
        if same_clause:
            return self._anchored(self._nearest(same_clause, trigger, sentence), index, trigger)
        for previous in self.previous_sentences(index):
            earlier = [
                d
                for d in self._past_dates(self.sentence_index(previous[0]))
                if not _dates_a_beginning(d, previous, None)
            ]
            if earlier:
                chosen = earlier[-1]
                return EventDate(chosen.value, chosen.precision, chosen.text)
        if background:
            return None  # "qui avait quitté X, dirige désormais": "now" is the main clause's
        if self.published and is_present_marker(sentence.text, self.lang):
            return EventDate(self.published, self.published_precision, "(publication date)")
        if self.published and (reported_as_news or index == 0):
            # "X quitte OpenAI", or a headline: news of the day of publication, but the news
            # present does not say which day, so the month is the honest precision
            if self.published_precision == "year":
                return EventDate(self.published, "year", "(present tense, publication)")
            return EventDate(self.published.replace(day=1), "month", "(present tense, publication)")
        if self.published:
            precision = "year" if self.published_precision == "year" else "month"
            value = self.published if precision == "year" else self.published.replace(day=1)
            return EventDate(value, precision, "(publication)")
        return None

    def _anchored(self, date: EventDate, index: int, trigger: Token) -> EventDate:
        """ "le lendemain", "the next day": a day after the day the text named last before,
        in this sentence or the ones just before; from the publication date only without one."""
        offset = ANAPHORIC_DAY_PHRASES.get(" ".join(date.text.lower().split()))
        if offset is None:
            return date
        sentence = self.sentences[index]
        anchors = [
            d
            for d in self._past_dates(index)
            if d.precision == "day"
            and sentence.start_char + d.end <= trigger.idx
            and d.text.lower() != date.text.lower()
        ]
        for previous in self.previous_sentences(index, same_paragraph=False):
            if anchors:
                break
            earlier = self._past_dates(self.sentence_index(previous[0]))
            anchors = [d for d in earlier if d.precision == "day"]
        if not anchors:
            return date
        anchor = anchors[-1]
        value = anchor.value + datetime.timedelta(days=offset)
        return EventDate(value, "day", date.text)

    @staticmethod
    def _nearest(dates: list[ResolvedDate], trigger: Token, sentence: Span) -> EventDate:
        offset = trigger.idx - sentence.start_char
        best = min(dates, key=lambda d: min(abs(d.start - offset), abs(d.end - offset)))
        return EventDate(best.value, best.precision, best.text)

    # -- organisations and people in focus ----------------------------------------------
    def organization_before(
        self, token: Token, exclude: set[str] = frozenset()
    ) -> EntityRef | None:
        """The organisation mentioned last before `token`: in its sentence, then in the sentences
        before, then the one the article names most."""
        index = self.sentence_index(token)
        sentence = self.sentences[index]
        in_sentence = [
            m
            for m in self.mentions.organizations_in(sentence.start, token.i)
            if m.entity.key not in exclude
            and not _named_as_former(m.span)
            and not _named_as_backer(m.span)
        ]
        if in_sentence:
            return in_sentence[-1].entity
        for previous in self.previous_sentences(index, same_paragraph=False):
            # further away, only organisations the gazetteer knows or the article introduced
            # as companies: a conference or a ministry named two sentences back is rarely the
            # employer
            found = [
                m
                for m in self.mentions.organizations_in(previous.start, previous.end)
                if m.entity.key not in exclude
                and m.entity.key in self.mentions.reliable_organizations
                and not _named_as_former(m.span)
                and not _named_as_backer(m.span)
            ]
            if found:
                # the company the article is about, if that sentence names it among others
                main = self.main_organization(exclude)
                if any(m.entity == main for m in found):
                    return main
                # not one people go to there ("la migration des talents vers Meta")
                found = [m for m in found if not _named_as_destination(m.span)]
            if found:
                return found[-1].entity
        return self.main_organization(exclude)

    def organization_in_focus(
        self, token: Token, exclude: set[str] = frozenset()
    ) -> EntityRef | None:
        """For "quitter l'entreprise": among the organisations named in this sentence and the
        ones before, where the person was said to work ("chez X"), else the one the article
        names most."""
        index = self.sentence_index(token)
        window = [self.sentences[index], *self.previous_sentences(index, same_paragraph=False)]
        mentions = [
            m
            for sentence in window
            for m in self.mentions.organizations_in(sentence.start, min(sentence.end, token.i))
            if m.entity.key not in exclude and not _named_as_medium(m.span)
        ]
        if not mentions:
            return self.main_organization(exclude)
        score: dict[EntityRef, int] = {}
        for mention in mentions:
            before = self.doc[mention.span.start - 1].lower_ if mention.span.start else ""
            employer_cue = 3 if before in ("chez", "at") else 0
            score[mention.entity] = max(score.get(mention.entity, 0), employer_cue)
        for entity in score:
            score[entity] += sum(1 for m in self.mentions.organizations if m.entity == entity)
        return max(score, key=lambda e: (score[e], -self._first_position(e)))

    def main_organization(self, exclude: set[str] = frozenset()) -> EntityRef | None:
        """The organisation the article is about: the one it names most, where a mention as
        the place people go to ("la migration des talents vers Meta") counts for little."""
        counts: dict[EntityRef, float] = {}
        for mention in self.mentions.organizations:
            if mention.entity.key not in exclude:
                weight = 0.25 if _named_as_destination(mention.span) else 1.0
                counts[mention.entity] = counts.get(mention.entity, 0) + weight
        if not counts:
            return None
        return max(counts, key=lambda entity: (counts[entity], -self._first_position(entity)))

    def note_employer(self, person: EntityRef, organization: EntityRef) -> None:
        """Remember the organisation a reported event tied `person` to."""
        self._employers.setdefault(person.key, organization)

    def employer_told(self, person: EntityRef) -> EntityRef | None:
        """The organisation an earlier event of the article tied `person` to."""
        return self._employers.get(person.key)

    def _first_position(self, entity: EntityRef) -> int:
        return min(m.span.start for m in self.mentions.organizations if m.entity == entity)

    def person_before(self, token: Token) -> EntityRef | None:
        """The person a pronoun or a bare role noun ("elle", "le dirigeant") most likely means:
        the last full-named person in the sentence before it, else in the sentences before."""
        index = self.sentence_index(token)
        sentence = self.sentences[index]
        in_sentence = self.mentions.people_in(sentence.start, token.i)
        if in_sentence:
            return in_sentence[-1].entity
        for previous in self.previous_sentences(index, same_paragraph=False)[:2]:
            opening = previous[:3]
            pronoun = next((t for t in opening if t.lower_ in _SUBJECT_PRONOUNS), None)
            if pronoun is not None and not self.mentions.people_in(previous.start, pronoun.i):
                # "He reported to Y. His departure ...": the pronoun goes on with the same person
                chained = self.person_before(pronoun)
                if chained is not None:
                    return chained
            people = self.mentions.people_in(previous.start, previous.end)
            if people:
                # the article's protagonist wins over someone named in passing
                return max(
                    reversed(people),
                    key=lambda m: (
                        self._mention_count(m.entity, token.i),
                        not named_after_preposition(m.span),
                        m.span.root.dep_.startswith("nsubj"),
                    ),
                ).entity
        return None

    def quote_speaker(self, token: Token) -> tuple[EntityRef, Token] | None:
        """Who says a quote `token` is in: « J'ai décidé de quitter X », a annoncé Y / "I've
        decided to leave X," wrote Y / Y a déclaré : « ... »."""
        sentence = self.doc[token.sent.start : token.sent.end]
        opening = self._opening_quote_before(token)
        if opening is None:
            return None
        # a French quote may run on over several sentences before it is attributed; English
        # news attributes a quote after its first sentence ("I'm leaving," she said. "...")
        index = self.sentence_index(token)
        run_on = QUOTE_SENTENCES if self.lang == "fr" else 1
        for following in self.sentences[index : index + run_on]:
            start = token.i if following.start <= token.i else following.start
            closing = next(
                (t for t in self.doc[start : following.end] if _closes_a_quote(t, opening)), None
            )
            if closing is not None:
                attributed = following
                break
            if following.start > token.i and any(t.text in OPENING_QUOTES for t in following):
                return None
        else:
            return None
        after = self.mentions.people_in(closing.i, attributed.end)
        if after:
            return after[0].entity, after[0].span[0]
        before = self.mentions.people_in(sentence.start, max(sentence.start, opening.i))
        return (before[-1].entity, before[-1].span[0]) if before else None

    def _opening_quote_before(self, token: Token) -> Token | None:
        """The quote mark that opens the quote `token` is in: in its sentence, or one of the
        sentences before when the quote runs on ("“Sept ans, c'est long. Je quitte Uber”,
        écrit X"); none when a closing mark comes first."""
        index = self.sentence_index(token)
        start = self.sentences[max(0, index - QUOTE_SENTENCES + 1)].start
        straight = []  # '"' opens and closes: an odd count before the word means inside
        for t in reversed(self.doc[max(0, start - 1) : token.i]):
            if t.text == '"':
                straight.append(t)
            elif t.text in OPENING_QUOTES and t.nbor(1).text == ",":
                return None  # an opening mark typed for a closing one (“Je pars“, a dit X)
            elif t.text in OPENING_QUOTES:
                return t if not straight else None
            elif t.text in CLOSING_QUOTES:
                return None
        return straight[0] if len(straight) % 2 == 1 else None

    def _mention_count(self, entity: EntityRef, before: int) -> int:
        return sum(1 for m in self.mentions.people if m.entity == entity and m.span.start < before)


_RELATIVES = {"who", "which", "whose", "that"}
_SUBJECT_PRONOUNS = {"he", "she", "il", "elle"}


_JOINING = {"joined", "joining", "rejoint", "rejoined", "arrived"}
_BACKGROUND_OPENERS = {"who", "qui", "after", "since", "après", "depuis", "when", "lorsqu'"}


def _joined_long_ago(words: list[str]) -> bool:
    """ "Yan, who joined Alibaba in 2015", "five years after he joined the company in November
    2017": a joining told in a clause of background dates that joining. A plain "quitte X et
    rejoint Y en mars" is the same move as the departure, and keeps its date."""
    words = [w.strip(",;:«»\"'") for w in words]
    joined = [i for i, w in enumerate(words) if w in _JOINING]
    return bool(joined) and any(
        w in _BACKGROUND_OPENERS for w in words[max(0, joined[-1] - 3) : joined[-1]]
    )


def _dates_a_beginning(date: ResolvedDate, sentence: Span, trigger: Token | None) -> bool:
    """ "l'un des premiers ingénieurs recrutés par Facebook en 2005", "achetée en 2014": a date
    a few words after a participle of a beginning dates that start, unless that participle is
    the trigger itself (a hiring's own date)."""
    before = sentence.text[: date.start].lower().split()
    beginnings = lexicon("any", "beginning_words")
    words = [w.strip(",;:«»\"'") for w in before[-4:]]
    if not (any(word in beginnings for word in words) or _joined_long_ago(before[-7:])):
        return False
    if trigger is not None and (trigger.lower_ in beginnings or trigger.lower_ in _JOINING):
        return abs(trigger.idx - sentence.start_char - date.start) > 30
    return True


def _same_clause_by_words(date: Span, trigger: Token) -> bool:
    """Without a parse: "X, Intel's AI leader who came to the company in 2016, has announced he is
    leaving": a date in a "who ..." clause closed by a comma before the trigger is the clause's."""
    if date.end > trigger.i:
        return True
    doc = date.doc
    opened = any(
        t.lower_ in _RELATIVES for t in doc[max(date.sent.start, date.start - 15) : date.start]
    )
    closed = any(t.text == "," for t in doc[date.end : trigger.i])
    return not (opened and closed)


# Words just before an organisation that make it where people go, not where they were:
# "la migration des talents vers Meta", "partis rejoindre Meta", "moved to Meta".
_TOWARDS = {"vers", "rejoindre", "rejoint", "rejoignent", "rejoignant", "to", "join", "joined"}
_TOWARDS |= {"joining", "joins"}


_BYLINE_WORDS = {"par", "by", "de"}


def _is_byline(sentence: Span) -> bool:
    """ "Par Jeanne Dupont", "By Jane Doe, Staff Writer": the author's line, never what a
    pronoun or a possessive in the article refers to."""
    words = [t for t in sentence if not t.is_space and not t.is_punct]
    return (
        bool(words)
        and words[0].lower_ in _BYLINE_WORDS
        and len(words) <= 10
        and not any(t.pos_ in ("VERB", "AUX") for t in words)
    )


_FORMER = {"former", "ex", "ancien", "ancienne", "anciens", "anciennes", "formerly"}
_FORMER_AFTER = {"veteran", "alum", "alumnus", "alumna", "alumni", "vétéran"}


def _named_as_former(span: Span) -> bool:
    """ "Google veteran X", "a former Google researcher", "l'ancien de Google": a past employer
    of someone, not the organisation in focus."""
    doc = span.doc
    before = [t.lower_ for t in doc[max(span.sent.start, span.start - 3) : span.start]]
    after = [t.lower_ for t in doc[span.end : span.end + 2]]
    if after[:1] in (["'s"], ["’s"]):
        after = after[1:]  # "OpenAI's former chief scientist"
    return (
        bool(after)
        and (after[0] in _FORMER_AFTER or after[0] in _FORMER)
        or any(w in _FORMER or w.startswith("ex-") for w in before)
        or _ex_title_before(span)
    )


def _closes_a_quote(token: Token, opening: Token) -> bool:
    """A closing mark, or an opening one typed in its place before the attribution's comma
    (“Je pars“, a dit X)."""
    if token.text in CLOSING_QUOTES:
        return True
    doc = token.doc
    return (
        token.text in OPENING_QUOTES
        and token.i > opening.i
        and token.i + 1 < len(doc)
        and doc[token.i + 1].text == ","
    )


def _ex_title_before(span: Span) -> bool:
    """ "ex-directeur des ventes Est de Capgemini": a past title a few words before, within
    the same phrase (no verb, no comma between)."""
    doc = span.doc
    for token in reversed(doc[max(span.sent.start, span.start - 7) : span.start]):
        if token.is_punct or token.pos_ in ("VERB", "AUX"):
            return False
        if token.lower_.startswith(("ex-", "ex‑")) and token.is_alpha is False:
            return True
    return False


_MEDIUM_CUES = {"via", "on", "sur", "through", "platform", "plateforme", "network", "réseau"}


_BACKING = {"backed", "funded", "owned", "financed", "supported"}


def _named_as_backer(span: Span) -> bool:
    """ "a Microsoft-backed AI business": who funds a company is not who employs its people."""
    after = [t.lower_ for t in span.doc[span.end : span.end + 2]]
    return bool(after) and (
        after[0] in _BACKING or after[:1] == ["-"] and after[1:] and after[1] in _BACKING
    )


def _named_as_medium(span: Span) -> bool:
    """ "posted the news on the social network X", "a écrit sur LinkedIn": a platform named
    as where news is told is not an employer in focus."""
    if fold(span.text) not in platforms():
        return False
    before = span.doc[max(span.sent.start, span.start - 4) : span.start]
    return any(t.lower_ in _MEDIUM_CUES for t in before)


def _named_as_destination(span: Span) -> bool:
    doc = span.doc
    for token in reversed(doc[max(span.sent.start, span.start - 6) : span.start]):
        if token.is_punct and not (token.text == "-" and not token.whitespace_):
            return (
                False  # "moved to food-delivery company Deliveroo": a hyphen inside a word goes on
            )
        if token.lower_ in _TOWARDS:
            return True
        if token.lower_ in ("for", "pour") and token.i > 0 and doc[token.i - 1].lower_ in _LEFT:
            return True  # "left for OpenAI", "est parti pour Google"
        if (
            token.lower_ == "before"
            and token.i + 1 < span.start
            and doc[token.i + 1].lower_.endswith("ing")
        ):
            return True  # "quit in April before setting up shop at Intel": where they went next
    return False


_LEFT = {"left", "leaves", "leaving", "departed", "departs", "bolted", "defected", "decamped"}
_LEFT |= {"parti", "partie", "part", "partir"}


# Prepositions after which a name is a complement, not who acts: "co-founded xAI with Jane
# Doe", "after clashing with chief executive X", "selon X". Not "of"/"de": "the departure of X".
_PREPOSITIONS = {"with", "by", "from", "to", "for", "at", "alongside", "under", "against"}
_PREPOSITIONS |= {"about", "like", "than", "between", "among", "into", "toward", "towards"}
_PREPOSITIONS |= {"avec", "par", "selon", "contre", "pour", "chez", "entre", "auprès", "sans"}


def named_after_preposition(span: Span) -> bool:
    """A preposition before the name, over at most three lower-case words (job titles)."""
    doc, i = span.doc, span.start - 1
    for _ in range(3):
        if i < 0 or not (doc[i].is_alpha and doc[i].is_lower) or doc[i].lower_ in _PREPOSITIONS:
            break
        if doc[i].lower_ in _VERBS_BETWEEN:
            return False  # "the first to leave was X": the preposition is before a verb
        i -= 1
    return i >= 0 and doc[i].lower_ in _PREPOSITIONS


_VERBS_BETWEEN = {"was", "is", "were", "are", "be", "been", "became", "est", "était", "fut"}
