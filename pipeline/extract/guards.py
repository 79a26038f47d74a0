"""Named conditions a rule puts on its match (`when`: must hold, `unless`: must not): the
checks its words alone cannot express ("remercier" dismisses only in the passive, "à partir de"
is not a departure). Each takes the candidate and the arguments the rule gives."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Token

from pipeline.extract.gazetteers import role_words
from pipeline.extract.lexicons import lexicon
from pipeline.extract.rulebook import Candidate

Check = Callable[..., bool]
GUARDS: dict[str, Check] = {}


def guard(name: str) -> Callable[[Check], Check]:
    def register(function: Check) -> Check:
        GUARDS[name] = function
        return function

    return register


def guards_hold(candidate: Candidate) -> bool:
    rule = candidate.rule
    return all(GUARDS[g.name](candidate, *g.args) for g in rule.when) and not any(
        GUARDS[g.name](candidate, *g.args) for g in rule.unless
    )


# -- any language --------------------------------------------------------------------------


@guard("word_before")
def word_before(candidate: Candidate, *words: str) -> bool:
    """The word just before the match is one of `words` ("à partir de")."""
    start = candidate.span.start
    return start > candidate.head.sent.start and candidate.head.doc[start - 1].lower_ in words


@guard("word_after")
def word_after(candidate: Candidate, *words: str) -> bool:
    """The word just after the match is one of `words` ("folded into")."""
    doc, end = candidate.head.doc, candidate.span.end
    return end < len(doc) and doc[end].lower_ in words


_LEAVING_WORDS = {"left", "departed", "quit", "resigned", "exited", "leaves", "leaving", "exits"}
_LEAVING_WORDS |= {"departure", "departures", "resignation"}
_LEAVING_WORDS |= {"quitté", "parti", "partie", "démissionné", "départ", "quitte"}
_BACK = 80  # words: a quoted farewell post may stand between the two


@guard("word_soon_after")
def word_soon_after(candidate: Candidate, *words: str) -> bool:
    """One of `words` within the next few words of the sentence ("folded its team into")."""
    doc, end = candidate.head.doc, candidate.span.end
    return any(t.lower_ in words for t in doc[end : min(end + 6, candidate.head.sent.end)])


@guard("after_a_departure")
def after_a_departure(candidate: Candidate) -> bool:
    """One of the sentences just before tells someone leaving ("X left for OpenAI. Y followed in
    May"), the one before or the ones within a few lines ("Goodbye, team! ... Y had done the
    same")."""
    doc, sentence = candidate.head.doc, candidate.head.sent
    if sentence.start == 0:
        return False
    previous = doc[sentence.start - 1].sent
    start = previous.start
    while start > 0 and sentence.start - doc[start - 1].sent.start <= _BACK:
        start = doc[start - 1].sent.start
    return any(t.lower_ in _LEAVING_WORDS for t in doc[start : sentence.start])


@guard("words_earlier_in_sentence")
def words_earlier_in_sentence(candidate: Candidate, *words: str) -> bool:
    """One of `words` comes before the match in its sentence ("laid off its head of AI, along
    with his entire team")."""
    sentence = candidate.head.sent
    return any(t.lower_ in words for t in candidate.head.doc[sentence.start : candidate.span.start])


@guard("plural")
def plural(candidate: Candidate) -> bool:
    return "Plur" in candidate.head.morph.get("Number")


@guard("passive_voice")
def passive_voice(candidate: Candidate) -> bool:
    """ "a été remercié": the verb's own voice (the parser marks the participle)."""
    return "Pass" in candidate.head.morph.get("Voice")


# -- French --------------------------------------------------------------------------------


@guard("rules_something_out")
def rules_something_out(candidate: Candidate) -> bool:
    """ "a écarté toute démission", "a écarté toute idée de quitter": the verb's object is a
    departure or an idea, which the verb rules out rather than anyone leaving."""
    ruled_out = lexicon("fr", "departure_nouns") | lexicon("fr", "ruled_out_things")
    return any(c.dep_ == "obj" and c.lemma_.lower() in ruled_out for c in candidate.head.children)


@guard("company_lets_a_person_go")
def company_lets_a_person_go(candidate: Candidate) -> bool:
    """ "Meta a remercié X": a company as the subject and a person as the object, not thanked
    for something ("a remercié X pour son travail") nor a person thanking."""
    verb = candidate.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    thing = next((c for c in verb.children if c.dep_ == "obj"), None)
    thanked_for = any(
        c.dep_.startswith("obl") and any(g.lower_ == "pour" for g in c.children)
        for c in verb.children
    )
    return (
        subject is not None
        and subject.ent_type_ == "ORG"
        and thing is not None
        and (thing.ent_type_ == "PER" or _own_staff_then_named(thing))
        and not thanked_for
    )


def _own_staff_then_named(noun: Token) -> bool:
    """ "a remercié son directeur financier, X": its own post holder, named after a comma."""
    doc = noun.doc
    after = doc[noun.i + 1 : min(len(doc), noun.i + 5)]
    comma = next((t for t in after if t.text == ","), None)
    return (
        noun.lower_ in role_words()
        and any(c.lower_ in ("son", "sa") for c in noun.children)
        and comma is not None
        and comma.i + 1 < len(doc)
        and doc[comma.i + 1].ent_type_ == "PER"
    )


@guard("addressed_to_us")
def addressed_to_us(candidate: Candidate) -> bool:
    """ "il nous a quittés vendredi": a death, not a departure."""
    head = candidate.head
    return any(c.lower_ in ("nous", "vous") and c.i < head.i for c in head.children)


# Where someone works: "ne fait plus partie de", "n'est plus chez", "ne travaille plus pour".
_NO_LONGER_COMPLEMENTS = {
    "faire": {"partie"},
    "être": {"chez"},
    "appartenir": {"à"},
    "travailler": {"pour", "chez"},  # not "ne travaille plus sur ce projet"
}


# "n'est plus le seul cofondateur à diriger": still one of them
_ONLY = {"seul", "unique"}
# words the rule matches by themselves ("n'est plus salarié de"): their verb is no second report
_SAID_BY_ITSELF = {"salarié", "salariée", "employé", "employée", "membre"}


@guard("no_longer")
def no_longer(candidate: Candidate) -> bool:
    """ "n'est plus salarié d'Ondine AI", "ne fait plus partie de l'entreprise", "n'est plus
    chez Mistral AI": "ne ... plus" on a word saying where someone works."""
    token = candidate.head
    children = list(token.children)
    post = token.head.lemma_.lower().removeprefix("co-")
    only = any(c.lemma_.lower() in _ONLY for c in token.head.children)
    if token.dep_ == "cop" and post in role_words() - _SAID_BY_ITSELF and not only:
        # "n'est plus (le) directeur scientifique de Kairn", "n'est plus co-PDG chez Kairn"
        token = token.head
        children += list(token.children)
    if not (
        any(c.lower_ == "plus" and c.dep_ == "advmod" for c in children)
        and any(c.lower_ in ("ne", "n'", "n’") for c in children)
    ):
        return False
    lemma = token.lemma_.lower()
    words = _NO_LONGER_COMPLEMENTS.get(lemma)
    if words is None:
        return True  # "salarié", "employée", "membre": the word itself says where
    if lemma == "faire":
        return any(c.lemma_.lower() in words and c.dep_ == "obj" for c in children)
    return any(
        c.i > token.i and c.dep_.startswith("obl") and any(g.lower_ in words for g in c.children)
        for c in children
    )


# "a démissionné en tant que directeur du groupe, mais reste le principal scientifique de Meta":
# a role given up inside the company. Staying on as an adviser is still leaving.
_STAYS = ("mais reste", "mais restera", "tout en restant", "reste toutefois", "but remains")
_STAYS += ("but will remain", "while remaining", "but will stay", "but stays")
# "leaves the post for another job at the company": another post in the same company
_STAYS += ("job at the company", "role at the company", "role within the company")
_STAYS += ("poste au sein de l'entreprise", "poste au sein du groupe", "restera dans le groupe")
# "steps down as CEO to become executive chairman": another post in the same company
_BECOMES = ("to become chair", "to become executive chair", "pour devenir président")
_BECOMES += ("et devient président", "pour prendre la présidence du")
_ADVISER = ("conseill", "advis", "consult")
# "to become chairman of Blue Origin": a post somewhere else
_ELSEWHERE = re.compile(r"^[\w ]*?\b(?:of|at|chez|de|d'|d’|du)\s+(?!its\b|the company)[A-Z]")


@guard("stays_on")
def stays_on(candidate: Candidate) -> bool:
    doc = candidate.head.doc
    told = doc.text[doc[candidate.span.end - 1].idx : doc[candidate.span.end - 1].idx + 200]
    told = told.split(".")[0]  # the parser may cut the sentence before "mais"
    after = told.lower()
    for marker in _STAYS + _BECOMES:
        position = after.find(marker)
        if position >= 0:
            rest = after[position : position + 80]
            if marker in _BECOMES:
                return not _ELSEWHERE.match(told[position + len(marker) :])
            return not any(word in rest for word in _ADVISER)
    return False


# "X est passé de Google à Apple", "passe de la recherche chez Google à son concurrent": a move,
# from the organisation after "de" to the one after "à"
@guard("moves_from_to")
def moves_from_to(candidate: Candidate) -> bool:
    verb = candidate.head
    cases = [
        grand.lower_
        for child in verb.children
        if child.dep_.startswith(("obl", "nmod")) and child.i > verb.i
        for grand in child.children
        if grand.dep_ == "case"
    ]
    return any(c in ("de", "du", "d'", "d’", "des") for c in cases) and any(
        c in ("à", "au", "aux", "chez") for c in cases
    )


_NOT_ANTECEDENTS = {"an", "ans", "année", "années", "mois", "semaine", "semaines", "jour", "jours"}
_NOT_ANTECEDENTS |= {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août"}
_NOT_ANTECEDENTS |= {"septembre", "octobre", "novembre", "décembre", "fin", "début"}


@guard("stands_for")
def stands_for(candidate: Candidate, *nouns: str) -> bool:
    """ "Après le départ de X, celui de Y": "celui" stands for the nearest noun of its gender
    before it that was said of someone ("le départ de X"), in its sentence or the one before;
    "Son salaire dépasse celui de Y" stands for no leaving. Holds when that noun is one of
    `nouns`."""
    pronoun = candidate.span[0]
    gender = "Fem" if pronoun.lower_.startswith("cell") else "Masc"
    doc, sentence = pronoun.doc, pronoun.sent
    start = doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
    for token in reversed(doc[start : pronoun.i]):
        if token.pos_ != "NOUN" or token.lower_ in _NOT_ANTECEDENTS:
            continue
        if token.morph.get("Gender") and gender not in token.morph.get("Gender"):
            continue
        if token.lemma_.lower() in nouns or token.lower_ in nouns:
            return True
        if _said_of_someone(token):
            return False
    return False


def _said_of_someone(noun: Token) -> bool:
    """ "le salaire de X": a noun followed by "de" and a name."""
    doc = noun.doc
    following = doc[noun.i + 1 : noun.i + 3]
    return (
        len(following) == 2
        and following[0].lower_ in ("de", "d'", "d’")
        and following[1].pos_ == "PROPN"
    )


# -- English -------------------------------------------------------------------------------


@guard("describes_a_noun")
def describes_a_noun(candidate: Candidate) -> bool:
    """ "a retired engineer", "retirement savings": a word of leaving that describes someone or
    something rather than telling that anyone left."""
    head = candidate.head
    word = head.lower_
    before = _word(head, -1)
    if word in ("retired", "retiring", "departing", "outgoing") and before in ("a", "an", "the"):
        return True
    return word == "retirement" and _word(head, 1) in lexicon("en", "retirement_things")


@guard("steps_down_from_a_thing")
def steps_down_from_a_thing(candidate: Candidate) -> bool:
    """ "stepped down from the stage": what one steps down from is not a job."""
    doc, end = candidate.head.doc, candidate.span.end
    after = [t.lower_ for t in doc[end : end + 3]]
    return (
        after[:2] == ["from", "the"] and len(after) == 3 and after[2] not in lexicon("en", "posts")
    )


@guard("exited_to")
def exited_to(candidate: Candidate) -> bool:
    """ "Kitebird, a maps app that exited to the Cloud unit": a product moved to another unit."""
    doc, end = candidate.head.doc, candidate.span.end
    return candidate.span[0].lower_ in ("exited", "exits", "exit") and (
        end < len(doc) and doc[end].lower_ == "to"
    )


@guard("leaves_office")
def leaves_office(candidate: Candidate) -> bool:
    """ "before he leaves office": a public office left at the end of a term, not an employer."""
    doc, end = candidate.head.doc, candidate.span.end
    return end < len(doc) and doc[end].lower_ == "office"


@guard("in_a_caption")
def in_a_caption(candidate: Candidate) -> bool:
    """ "Jensen Huang (pictured, left)", "from left": where someone stands in a photo."""
    doc, start = candidate.head.doc, candidate.span.start
    before = [t.lower_ for t in doc[max(0, start - 2) : start]]
    return "pictured" in before or before[-1:] == ["from"] or before[-1:] == ["("]


@guard("dismisses_an_idea")
def dismisses_an_idea(candidate: Candidate) -> bool:
    """ "Erik Lund dismissed the possibility of a merger", "dismissed reports that": an idea set
    aside, nobody dismissed."""
    doc, end = candidate.head.doc, candidate.span.end
    following = [t.lower_ for t in doc[end : end + 3]]
    things = lexicon("en", "ruled_out_things")
    return any(word in things for word in following[:3] if word not in ("the", "a", "an", "as"))


_ENDING = {"terminer", "achever", "arrêter", "finir", "clore", "clôturer", "fin"}


@guard("told_as_ended")
def told_as_ended(candidate: Candidate) -> bool:
    """ "mon parcours chez X s'est terminé", "la fin de son aventure chez X", "met fin à son
    aventure": a time at a company told as over."""
    noun = candidate.head
    if noun.head.lemma_.lower() in _ENDING:
        return True  # "la fin de son aventure", "son parcours s'achève"
    # the parse may hang the noun elsewhere: the first verb after it
    following = noun.doc[noun.i + 1 : min(noun.sent.end, noun.i + 7)]
    verb = next((t for t in following if t.pos_ in ("VERB", "AUX") and t.dep_ != "aux:tense"), None)
    if verb is not None and verb.lemma_.lower() in _ENDING:
        between = noun.doc[noun.i + 1 : verb.i]
        # "son parcours chez X et termine par un conseil": another subject's verb
        return not any(t.lower_ in ("et", ",", "qui", "que", "puis", "mais") for t in between)
    before = noun.doc[max(noun.sent.start, noun.i - 3) : noun.i]
    return any(t.lower_ == "fin" for t in before)


def _word(token: Token, offset: int) -> str:
    i = token.i + offset
    return token.doc[i].lower_ if 0 <= i < len(token.doc) else ""
