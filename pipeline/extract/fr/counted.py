"""French: people an article counts before it names them. "Quatre chercheurs ont quitté Apple. Il
s'agit de X, Y et Z", "« au moins quatre chercheurs » ont claqué la porte": a plural noun for people
(a job title or a word of the `group_nouns` lexicon), and the colon or the sentence after it that
lists them, or the names the counted noun is set after ("X et Y, deux responsables de ...")."""

from __future__ import annotations

import re

from spacy.tokens import Token

from pipeline.extract.context import ArticleContext
from pipeline.extract.gazetteers import role_words
from pipeline.extract.lexicons import lexicon
from pipeline.extract.results import EntityRef

People = list[tuple[EntityRef, Token]]  # each person, and the word that stands for them
ROLE_SUBJECTS = role_words()


# Openings of a sentence that names the people the one before counted ("Il s'agit de X et Y")
NAMING_OPENING = re.compile(
    r"(cela|ceci) concerne|il s['’]agit( ici| notamment| en l['’]occurrence)? d|parmi (eux|elles)"
    r"|ce sont|on y trouve"
)
_LIST_GAP = {",", "et", "ainsi", "que", "-", "–"}


def counts_people(token: Token) -> bool:
    """ "quatre chercheurs", "plusieurs cadres", "deux d'entre eux": a plural noun for people,
    or a number of those just told, not yet named."""
    lemma = token.lemma_.lower()
    return (
        token.pos_ == "NOUN"
        and "Plur" in token.morph.get("Number")
        and (lemma in ROLE_SUBJECTS or lemma in lexicon("fr", "group_nouns"))
    ) or _some_of_them(token)


def _some_of_them(token: Token) -> bool:
    """ "deux d'entre eux", "trois d'entre elles"."""
    doc = token.doc
    following = [t.lower_ for t in doc[token.i + 1 : token.i + 3]]
    return token.pos_ in ("NUM", "PRON", "DET") and following in (
        ["d'", "entre"],
        ["d’", "entre"],
    )


def named_by_next_sentence(context: ArticleContext, token: Token) -> People:
    """ "Quatre chercheurs ont quitté Apple. Il s'agit de X, Y et Z.": the next sentence names
    the people this one counted."""
    index = context.sentence_index(token) + 1
    if index >= len(context.sentences):
        return []
    following = context.sentences[index]
    if not NAMING_OPENING.match(following.text.lower()):
        return []
    return listed_people(context, context.mentions.people_in(following.start, following.end))


def named_after_colon(context: ArticleContext, token: Token) -> People:
    """ "Quatre chercheurs sont partis : deux spécialistes des capteurs, une ingénieure, et X":
    the people a colon lists after the clause that counted them, whatever descriptions of
    unnamed ones stand between; not the people named with "de", "chez" or "par" (whose team,
    whose company)."""
    sentence = token.sent
    colon = next((t for t in token.doc[token.i + 1 : sentence.end] if t.text == ":"), None)
    if colon is None or any(t.text in ".;" for t in token.doc[token.i : colon.i]):
        return []
    found = []
    for mention in context.mentions.people_in(colon.i + 1, sentence.end):
        before = token.doc[mention.span.start - 1]
        if before.lower_ in _OWNERS or mention.is_possessive:
            continue
        found.append((mention.entity, mention.span.root))
    return found


_OWNERS = {"de", "d'", "d’", "du", "chez", "par", "avec", "à"}


def named_before_apposition(context: ArticleContext, token: Token) -> People:
    """ "X et Y, deux cadres de Kestrel, ont démissionné": the parse may make the
    counted noun set off by commas the subject; the people named right before it are meant."""
    start = min(t.i for t in token.subtree)
    if not counts_people(token) or start < 1 or token.doc[start - 1].text != ",":
        return []
    people = [
        m for m in context.mentions.people_in(token.sent.start, start - 1) if not m.is_possessive
    ]
    if not people or people[-1].span.end != start - 1:
        return []
    listed = []
    for mention in reversed(people):  # back from the comma: "X et Y", "X, Y et Z"
        if listed:
            between = token.doc[mention.span.end : listed[0].span.start]
            if not between or not all(t.lower_ in _LIST_GAP for t in between):
                break
        listed.insert(0, mention)
    opening = token.doc[listed[0].span.start - 1] if listed[0].span.start else None
    if opening is not None and opening.i >= token.sent.start and opening.pos_ == "ADP":
        return []  # "Selon X, deux responsables ont démissionné": who says, not who leaves
    return [(m.entity, m.span.root) for m in listed]


def named_after_comma(context: ArticleContext, token: Token, verb: Token) -> People:
    """ "Deux membres du conseil ont donné leur démission, X, chargé de ..., et Y.": the people
    a counted subject announced, listed after a comma once the clause is over."""
    if not counts_people(token) or token.i > verb.i:
        return []
    sentence = token.sent
    comma = next((t for t in token.doc[verb.i + 1 : sentence.end] if t.text == ","), None)
    if comma is None:
        return []
    people = context.mentions.people_in(comma.i + 1, sentence.end)
    if not people or people[0].span.start != comma.i + 1:
        return []  # the list starts right after the comma
    listed = listed_people(context, people)
    return listed if len(listed) >= 2 else []


def named_namely(context: ArticleContext, token: Token) -> People:
    """ "Deux membres de la direction d'Uber, à savoir X et Y, quittent l'entreprise": the
    people "à savoir" (or "soit", "c'est-à-dire") names after the counted noun."""
    if not counts_people(token):
        return []
    end = token.sent.end
    following = [t.lower_ for t in token.doc[token.i + 1 : end]]
    for marker in (["à", "savoir"], ["soit"], ["c'est-à-dire"], ["c’est-à-dire"]):
        for start in range(min(len(following), 12)):
            if following[start : start + len(marker)] == marker:
                named_from = token.i + 1 + start + len(marker)
                comma = next(
                    (t.i for t in token.doc[named_from:end] if t.text in (",", ";", ":")), end
                )
                people = context.mentions.people_in(named_from, comma)
                return listed_people(context, people) if people else []
    return []


def named_by_previous_sentence(context: ArticleContext, token: Token) -> People:
    """ "... du changement pour X et Y. Les cofondateurs de Kairn vont quitter Cohere": a
    definite plural noun for people stands for the two or more people the sentence before
    lists, and for nobody when it names none or one."""
    index = context.sentence_index(token) - 1
    is_definite = any(c.dep_ == "det" and c.lower_ in ("les", "ces") for c in token.children)
    if index < 0 or not is_definite or not counts_people(token):
        return []
    previous = context.sentences[index]
    people = context.mentions.people_in(previous.start, previous.end)
    listed = listed_people(context, people)
    return listed if len(listed) >= 2 and len(listed) == len(people) else []


def listed_people(context: ArticleContext, people) -> People:
    """The first name and the ones listed right after it."""
    if not people:
        return []
    found = [people[0]]
    for mention in people[1:]:
        between = context.doc[found[-1].span.end : mention.span.start]
        if _goes_on_after_apposition(between):
            found.append(mention)  # "X et Y, deux chercheurs qui ..., ainsi que Z"
            continue
        if len(between) > 12 or not any(t.lower_ in _LIST_GAP for t in between):
            break
        if any(t.pos_ in ("VERB", "AUX") for t in between):
            break
        found.append(mention)
    return [(m.entity, m.span.root) for m in found]


def _goes_on_after_apposition(between) -> bool:
    """ ", deux développeurs de l'outil, qui ..., ainsi que ": a list goes on after a description
    set off by commas, however long, when "ainsi que" takes it up again."""
    words = [t.lower_ for t in between]
    return (
        len(words) <= 30
        and words[:1] == [","]
        and words[-3:] == [",", "ainsi", "que"]
        and not any(t.text in (".", ";", ":") for t in between)
    )


def counted_before(verb: Token) -> Token | None:
    """ "« au moins quatre chercheurs ... » ont claqué la porte": the parse may lose a plural
    subject; the last plural noun for people before a plural verb, with no verb in between."""
    auxiliaries = [c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop"]
    if not any("Plur" in t.morph.get("Number") for t in [verb, *auxiliaries]):
        return None
    first = min([verb, *auxiliaries], key=lambda t: t.i)
    for token in reversed(verb.doc[verb.sent.start : first.i]):
        if token.pos_ in ("VERB", "AUX"):
            return None
        if counts_people(token):
            return token
    return None
