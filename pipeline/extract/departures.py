"""French departures, hirings and returns: a trigger (verb, noun or phrase), the person it is
about (from the dependency parse, a relative clause, a possessive, or a pronoun's antecedent),
the organisation left (the trigger's object, a "de ORG" complement, the person's affiliation, or
the organisation in focus) and the date."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.tokens import Span, Token

from pipeline.extract.assertion import is_asserted
from pipeline.extract.context import ArticleContext, news_present
from pipeline.extract.lexicon import role_words, triggers
from pipeline.extract.mentions import CLOSING_QUOTES, OPENING_QUOTES
from pipeline.extract.results import EntityRef, FoundEvent
from pipeline.extract.roles import role_near
from pipeline.extract.words import Words

# Objects of "quitter" that stand for the employer: the organisation in focus is meant.
EMPLOYER_NOUNS = {
    "entreprise",
    "société",
    "startup",
    "start-up",
    "start",
    "laboratoire",
    "labo",
    "groupe",
    "firme",
    "compagnie",
    "organisation",
    "navire",
    "maison",
    "structure",
    "conseil",
    "poste",
    "fonction",
    "direction",
    "équipe",
    "rang",
    "giron",
    "géant",
    "entité",
    "filiale",
    "board",
    "aventure",
    "pépite",
    "licorne",
    "bateau",
    "équipage",
    "état-major",
    "comité",
    "présidence",
    "tête",
    "projet",
}
PRONOUN_SUBJECTS = {"il", "elle", "ils", "elles", "celui-ci", "celle-ci", "lui"}
ROLE_SUBJECTS = role_words()
NAME_LINKS = ("appos", "flat:name", "nmod", "acl")
POSSESSIVES = {"son", "sa", "ses", "leur", "leurs"}
DESTINATION_MARKERS = {"pour", "rejoindre", "vers", "chez", "au profit"}


@dataclass(frozen=True)
class Trigger:
    token: Token  # the head word: the verb or noun that carries the event
    event_type: str
    kind: str | None
    no_longer: bool = False  # "n'est plus salarié de X": the negation is the event


# Words that say where someone works; "ne ... plus" on them says they left.
NO_LONGER_HEADS = {"salarié", "salariée", "employé", "employée", "employer", "membre"}
NO_LONGER_VERBS = {  # with one of these words before their complement
    "faire": {"partie"},  # "ne fait plus partie de"
    "être": {"chez"},
    "appartenir": {"à"},
    "travailler": {"pour", "chez"},  # not "ne travaille plus sur ce projet"
}


# What "écarter" rules out rather than dismisses: "a écarté toute idée de quitter la région".
_IDEAS = {"idée", "hypothèse", "possibilité", "perspective", "option", "question", "piste"}

ParsedPhrase = tuple[tuple[str, ...], int, str]  # (words, index of the head word, kind)


def find_triggers(sentence: Span, words: Words) -> Iterator[Trigger]:
    lexicon = triggers()["fr"]
    verbs, nouns = lexicon["departure_verbs"], lexicon["departure_nouns"]
    hiring = lexicon["hiring_verbs"]
    phrase_heads = _phrase_heads(sentence, words, lexicon["departure_phrases"])
    stems = _verb_stems(tuple(verbs))
    doc = sentence.doc
    for i in range(sentence.start, sentence.end):
        lemma = words.lemma[i]
        if not (
            i in phrase_heads
            or lemma in verbs
            or lemma in nouns
            or lemma in hiring
            or lemma in NO_LONGER_HEADS
            or lemma in NO_LONGER_VERBS
            or _stem_verb(words.lower[i], stems)
        ):
            continue  # no rule below can fire: skip building the Token
        token = doc[i]
        if (lemma in NO_LONGER_HEADS or lemma in NO_LONGER_VERBS) and _no_longer(token, lemma):
            yield Trigger(token, "departure", "departure", no_longer=True)
        elif i in phrase_heads:
            yield Trigger(token, "departure", phrase_heads[i])
        elif token.pos_ != "NOUN" and (verb := _departure_verb(token, verbs, stems)):
            if verb == "remercier" and "Pass" not in token.morph.get("Voice"):
                continue  # "remercier" means "to thank" unless it is "a été remercié"
            if verb == "partir" and i > sentence.start and words.lower[i - 1] == "à":
                continue  # "à partir de 2026": from a date on, nobody leaves
            if any(
                c.dep_ == "obj" and (c.lemma_.lower() in nouns or c.lemma_.lower() in _IDEAS)
                for c in token.children
            ):
                continue  # "a écarté toute démission / toute idée de": ruling something out
            if verb == "quitter" and any(
                c.lower_ in ("nous", "vous") and c.i < token.i for c in token.children
            ):
                continue  # "il nous a quittés vendredi": a death, not a departure
            yield Trigger(token, "departure", verbs[verb])
        elif token.pos_ == "NOUN" and lemma in nouns and "Plur" not in token.morph.get("Number"):
            yield Trigger(token, "departure", nouns[lemma])
        elif token.pos_ == "VERB" and lemma in hiring:
            yield Trigger(token, hiring[lemma], None)


def _no_longer(token: Token, lemma: str) -> bool:
    """ "n'est plus salarié d'Ondine AI", "ne fait plus partie de l'entreprise", "n'est plus
    chez Mistral AI", "ne travaille plus pour X": "ne ... plus" on where someone works."""
    children = list(token.children)
    if not (
        any(c.lower_ == "plus" and c.dep_ == "advmod" for c in children)
        and any(c.lower_ in ("ne", "n'", "n’") for c in children)
    ):
        return False
    if lemma in NO_LONGER_HEADS:
        return True
    words = NO_LONGER_VERBS[lemma]
    if lemma == "faire":
        return any(c.lemma_.lower() in words and c.dep_ == "obj" for c in children)
    return any(
        c.i > token.i and c.dep_.startswith("obl") and any(g.lower_ in words for g in c.children)
        for c in children
    )


def _departure_verb(token: Token, verbs: dict[str, str], stems: tuple | None = None) -> str | None:
    """The trigger verb's lemma; when the lemmatizer misses a form ("quitte" left as is), a
    long enough stem ("quitt-", "limog-") still recognises it."""
    lemma = token.lemma_.lower()
    if lemma in verbs and token.pos_ in ("VERB", "AUX"):
        return lemma
    if token.pos_ not in ("VERB", "AUX", "X", "PROPN", "ADJ"):
        return None
    return _stem_verb(token.lower_, stems or _verb_stems(tuple(verbs)))


@lru_cache(maxsize=100_000)
def _stem_verb(form: str, stems: tuple[tuple[str, str], ...]) -> str | None:
    for verb, stem in stems:
        if form.startswith(stem):
            return verb
    return None


@cache
def _verb_stems(verbs: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    stems = []
    for verb in verbs:
        stem = verb[:-2]
        if len(stem) >= 5:
            stems.append((verb, stem))
    return tuple(stems)


def _phrase_heads(sentence: Span, words: Words, phrases: dict[str, str]) -> dict[int, str]:
    """Token index of the first word of each phrase found (matched on lemmas), with its kind."""
    parsed = _parsed_phrases(tuple(phrases.items()))
    first_words = _first_words(parsed)
    start, end = sentence.start, sentence.end
    if not any(
        words.lower[i] in first_words or words.lemma[i] in first_words for i in range(start, end)
    ):
        return {}
    # "s'est séparé de", "s'était « séparé » de": auxiliaries and quotes inside a phrase
    kept = [
        i
        for i in range(start, end)
        if words.lower[i] not in _QUOTES and words.lemma[i] not in ("être", "avoir")
    ]
    forms = [(words.lower[i], words.lemma[i]) for i in kept]
    starts: dict[str, list[int]] = {}  # word -> where it is the form or the lemma (in order)
    for i, pair in enumerate(forms):
        for word in dict.fromkeys(pair):
            starts.setdefault(word, []).append(i)
    heads = {}
    for phrase_words, head, kind in parsed:
        for i in starts.get(phrase_words[0], ()):
            if i + len(phrase_words) <= len(forms) and all(
                word in forms[i + j] for j, word in enumerate(phrase_words)
            ):
                heads[kept[i + head]] = kind
    return heads


_QUOTES = OPENING_QUOTES | CLOSING_QUOTES


@cache
def _first_words(parsed: tuple[ParsedPhrase, ...]) -> frozenset[str]:
    return frozenset(words[0] for words, _, _ in parsed)


@cache
def _parsed_phrases(phrases: tuple[tuple[str, str], ...]) -> tuple[ParsedPhrase, ...]:
    """(words, index of the head word, kind) of each phrase: the word marked with * carries the
    event ("s' en *aller"); by default the first."""
    parsed = []
    for phrase, kind in phrases:
        words = phrase.split()
        head = next((j for j, word in enumerate(words) if word.startswith("*")), 0)
        parsed.append((tuple(word.lstrip("*") for word in words), head, kind))
    return tuple(parsed)


def extract(context: ArticleContext) -> Iterator[FoundEvent]:
    reported: set[tuple[str, str]] = set()  # (event type, person) already found in the article
    for sentence in context.sentences:
        seen: set[tuple] = set()  # one event per subject and organisation in a sentence
        for trigger in find_triggers(sentence, context.words):
            if not is_asserted(trigger.token, sentence.text, negation_is_event=trigger.no_longer):
                continue
            for event in _events_for(context, sentence, trigger, reported):
                key = (
                    event.event_type,
                    event.subject.key,
                    event.organization and event.organization.key,
                )
                if key not in seen:
                    seen.add(key)
                    reported.add((event.event_type, event.subject.key))
                    yield event


def _events_for(
    context: ArticleContext, sentence: Span, trigger: Trigger, reported: set[tuple[str, str]]
) -> Iterator[FoundEvent]:
    people = _subjects(context, trigger)
    if not people:
        return
    if trigger.no_longer:
        organization = _organization_no_longer_with(context, trigger.token)
    elif trigger.event_type == "departure":
        organization = _organization_left(context, trigger, people)
    else:
        organization = _organization_joined(context, trigger)
    if organization is None:
        return
    date = context.date_for(trigger.token, reported_as_news=news_present(trigger.token))
    for person_ref, anchor in people:
        if len(person_ref.name.split()) < 2:
            continue  # a lone surname never linked to a full name is too weak to report
        if (trigger.event_type, person_ref.key) in reported and not context.mentions.person_at(
            anchor
        ):
            continue  # "son départ" after the departure was told: the same event again
        yield FoundEvent(
            event_type=trigger.event_type,
            subject=person_ref,
            organization=organization,
            kind=trigger.kind,
            role=role_near(anchor, sentence),
            event_date=date.value if date else None,
            date_precision=date.precision if date else None,
            date_text=date.text if date else None,
            sentence=sentence.text.strip(),
            sentence_start=sentence.start_char,
            sentence_end=sentence.end_char,
        )


# -- who ----------------------------------------------------------------------------------


COMPANION_MARKERS = ("tout comme", "ainsi que", "de même que", "comme l'a fait", "à l'instar de")


def _subjects(context: ArticleContext, trigger: Trigger) -> list[tuple[EntityRef, Token]]:
    token = trigger.token
    if token.pos_ == "NOUN" and not trigger.no_longer:
        return _noun_subjects(context, token)
    found = _verb_subjects(context, trigger)
    if found:
        found += [f for f in _companions(context, token) if all(f[0] != g for g, _ in found)]
    if found:
        found += [
            f
            for f in _coordinated_before_plural_verb(context, token, found[0][1])
            if all(f[0] != g for g, _ in found)
        ]
    return found


def _coordinated_before_plural_verb(
    context: ArticleContext, verb: Token, subject: Token
) -> list[tuple[EntityRef, Token]]:
    """ "X, qui dirigeait l'équipe, et Y, spécialiste de ..., ont claqué la porte": the parse
    loses one of two subjects in long appositions; a plural verb says there are two. The other
    one opens the sentence, or follows "et" before the verb."""
    if not any("Plur" in t.morph.get("Number") for t in [verb, *verb.children] if t.i <= verb.i):
        return []
    sentence = verb.sent
    people = context.mentions.people_in(sentence.start, verb.i)
    known = context.mentions.person_at(subject)
    found = []
    for i, mention in enumerate(people):
        before = context.doc[mention.span.start - 1] if mention.span.start > 0 else None
        opens = i == 0 and mention.span.start - sentence.start <= 1
        after_and = before is not None and before.lower_ == "et"
        listed = i > 0 and _same_list(context.doc[people[i - 1].span.end : mention.span.start])
        new = mention.entity != known and all(mention.entity != f for f, _ in found)
        if (opens or after_and or listed) and new:
            found.append((mention.entity, mention.span.root))
    return found


_CLAUSE_WORDS = {"qui", "que", "dont", "où"}


def _same_list(between: Span) -> bool:
    """ ", le responsable de l'alignement des modèles " between two names: a list of people
    with their job titles, no verb and no clause in between."""
    return (
        0 < len(between) <= 12
        and between[0].text in (",", "et")
        and not any(t.pos_ in ("VERB", "AUX") or t.lower_ in _CLAUSE_WORDS for t in between)
    )


def _companions(context: ArticleContext, trigger: Token) -> list[tuple[EntityRef, Token]]:
    """ "X a quitté l'entreprise, tout comme Y et Z": Y and Z left too."""
    sentence = trigger.sent
    rest = context.doc[trigger.i + 1 : sentence.end]
    lowered = rest.text.lower()
    for marker in COMPANION_MARKERS:
        position = lowered.find(marker)
        if position < 0:
            continue
        start_char = rest.start_char + position + len(marker)
        people = [
            m
            for m in context.mentions.people_in(trigger.i, sentence.end)
            if m.span.start_char >= start_char
        ]
        if people:
            return [(people[0].entity, people[0].span.root)] + [
                (m.entity, m.span.root)
                for m in people[1:]
                if context.doc[people[0].span.end : m.span.start].text.strip(" ,") in ("et", "")
            ]
    return []


def _verb_subjects(context: ArticleContext, trigger: Trigger) -> list[tuple[EntityRef, Token]]:
    token = trigger.token
    verb = token
    # "claquer la porte": the phrase head is the verb; "de quitter": subject of the governor
    candidates = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if verb.lemma_.lower() == "séparer" and any(
        context.mentions.organization_at(c) for c in candidates
    ):
        # "Meta se sépare de X": the organisation parts with the person named after "de"
        return [
            found
            for child in verb.children
            if child.dep_ in ("obl:arg", "obl", "obj", "obl:mod")
            for found in _people_from(context, child)
        ]
    active_dismissal = trigger.kind == "dismissal" and "Pass" not in verb.morph.get("Voice")
    has_passive_aux = any(c.dep_ == "aux:pass" for c in verb.children)
    if active_dismissal and not has_passive_aux:
        objects = [c for c in verb.children if c.dep_ in ("obj", "iobj")]
        for obj in objects:  # "a renvoyé mercredi X": the parser may make the day an object too
            found = _people_from(context, obj)
            if found:
                return found
        if objects and (found := _listed_after_colon(context, verb)):
            return found
        if verb.dep_ == "acl" and context.mentions.person_at(verb.head):
            # headline participle: "Jane Doe limogée par ..."
            return _people_from(context, verb.head)
    if not candidates and verb.dep_ == "acl" and context.mentions.person_at(verb.head):
        return _people_from(context, verb.head)  # "Jane Doe, renvoyée d'OpenAI, ..."
    if (
        not candidates
        and verb.dep_ in ("xcomp", "conj", "advcl")
        and verb.head.pos_ in ("VERB", "AUX")
    ):
        candidates = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if not candidates and verb.dep_ == "acl:relcl":
        return _people_from(context, verb.head)
    for candidate in candidates:
        if candidate.lower_ in ("qui", "que", "lequel", "laquelle") and verb.dep_ == "acl:relcl":
            return _people_from(context, verb.head)
        if candidate.lower_ in ("je", "j'", "j’") and (speaker := context.quote_speaker(verb)):
            return [speaker]  # « J'ai décidé de quitter X », a annoncé Y
        found = _people_from(context, candidate)
        if found:
            return found
    return _sentence_opening_person(context, verb)


def _sentence_opening_person(context: ArticleContext, verb: Token) -> list[tuple[EntityRef, Token]]:
    """ "X, cofondatrice de Y, start-up qui ..., a démissionné": when the parse loses the subject
    in long appositions, a person opening the sentence, or its main clause after an opening
    phrase ("Selon nos sources, X, ..., a été remerciée"), with nobody else before the verb."""
    sentence = verb.sent
    people = context.mentions.people_in(sentence.start, verb.i)
    if len(people) != 1:
        return []
    start = people[0].span.start
    after_opening_phrase = start > sentence.start and context.doc[start - 1].text == ","
    if start - sentence.start > 2 and not after_opening_phrase:
        return []
    if any(t.lower_ in ("qui", "que", "dont") for t in context.doc[people[0].span.end : verb.i]):
        return []
    return [(people[0].entity, people[0].span.root)]


def _listed_after_colon(context: ArticleContext, verb: Token) -> list[tuple[EntityRef, Token]]:
    """ "... a licencié deux chercheurs : X, ..., et Y." """
    sentence = verb.sent
    colon = next((t for t in sentence if t.i > verb.i and t.text == ":"), None)
    if colon is None:
        return []
    return [(m.entity, m.span.root) for m in context.mentions.people_in(colon.i, sentence.end)]


def _named_after_role(context: ArticleContext, role: Token) -> list[tuple[EntityRef, Token]]:
    """ "le licenciement de son cofondateur et directeur général, X": the name a few words after
    the role noun, with no verb in between, even when the parse attaches it elsewhere."""
    if role.lemma_.lower() not in ROLE_SUBJECTS:
        return []
    for token in role.doc[role.i + 1 : min(role.i + 9, role.sent.end)]:
        if token.pos_ in ("VERB", "AUX"):
            return []
        person_ref = context.mentions.person_at(token)
        if person_ref:
            return [(person_ref, token)]
    return []


def _noun_subjects(context: ArticleContext, noun: Token) -> list[tuple[EntityRef, Token]]:
    """Whose departure: "la démission de X", "sa démission", "le départ de la chercheuse X"."""
    for child in noun.children:
        if child.dep_ in ("nmod", "appos") and any(
            grand.lower_ in ("de", "d'", "d’", "du") for grand in child.children
        ):
            found = _people_from(context, child) or _named_after_role(context, child)
            if found:
                return found
    for child in noun.children:
        if child.dep_ == "appos" or context.mentions.person_at(child):
            found = _people_from(context, child)
            if found:
                return found
    possessives = [child.lower_ for child in noun.children if child.lower_ in POSSESSIVES]
    if not possessives:
        for token in noun.subtree:
            if token.i > noun.i and context.mentions.person_at(token):
                return _people_from(context, token)  # "le départ, lundi, de X"
        return []
    if possessives[0] in ("leur", "leurs", "ses"):
        return []  # "leur départ": a group, not a person we can name
    governor = noun.head
    if governor.i != noun.i and governor.pos_ in ("VERB", "AUX"):
        for subject in governor.children:
            if subject.dep_.startswith("nsubj"):
                found = _people_from(context, subject)
                if found:
                    return found
    antecedent = context.person_before(noun)
    return [(antecedent, noun)] if antecedent else []


def _people_from(context: ArticleContext, token: Token) -> list[tuple[EntityRef, Token]]:
    """The person(s) a subject or object token stands for, following coordination ("X et Y"),
    apposition ("un cofondateur, X,"), and pronouns or role nouns to their antecedent."""
    direct = context.mentions.person_at(token)
    if direct:
        found = [(direct, token)]
        for other in _coordinated(token):
            person_ref = context.mentions.person_at(other)
            if person_ref and all(person_ref != f for f, _ in found):
                found.append((person_ref, other))
        return found
    for child in token.children:
        if child.dep_ in NAME_LINKS and context.mentions.person_at(child):
            found = _people_from(context, child)
            for other in _coordinated(token):  # "le directeur X et le vice-président Y"
                for named in [other, *other.children]:
                    person_ref = context.mentions.person_at(named)
                    if person_ref and all(person_ref != f for f, _ in found):
                        found.append((person_ref, named))
                        break
            return found
    if token.dep_ == "appos" and context.mentions.person_at(token.head):
        return _people_from(context, token.head)
    named = _named_after_role(context, token)  # "un autre cofondateur d'OpenAI, X, annonçait"
    if named:
        return named
    if _refers_back(token):
        antecedent = context.person_before(token)
        if antecedent:
            found = [(antecedent, token)]
            for other in _coordinated(token):  # "lui et Daniel De Freitas avaient quitté"
                person_ref = context.mentions.person_at(other)
                if person_ref and person_ref != antecedent:
                    found.append((person_ref, other))
            return found
    return []


def _refers_back(token: Token) -> bool:
    """ "elle", "il", "la chercheuse", "le dirigeant": a singular pronoun or a definite singular
    role noun, which points to a person named before. "un cofondateur" introduces someone new."""
    if "Plur" in token.morph.get("Number"):
        return False
    if token.lower_ in PRONOUN_SUBJECTS:
        return token.lower_ not in ("ils", "elles")
    if token.lemma_.lower() not in ROLE_SUBJECTS:
        return False
    return any(
        child.dep_ == "det" and child.lower_ in ("le", "la", "l'", "l’") for child in token.children
    )


def _coordinated(token: Token) -> list[Token]:
    head = token
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    group = [head, *[t for t in head.subtree if t.dep_ == "conj" and t.head == head]]
    return [t for t in group if t.i != token.i]


# -- which organisation -------------------------------------------------------------------


def _organization_left(
    context: ArticleContext, trigger: Trigger, people: list[tuple[EntityRef, Token]]
) -> EntityRef | None:
    token = trigger.token
    destination_keys = _destinations(context, token)
    objects = [c for c in token.children if c.dep_ == "obj"]
    is_quitter = _departure_verb(token, triggers()["fr"]["departure_verbs"]) == "quitter"
    if (
        objects
        and is_quitter
        and not context.mentions.organization_at(objects[0])
        and objects[0].lemma_.lower() not in EMPLOYER_NOUNS
    ):
        return None  # "quitter le secteur", "quitter le salon": not an employer
    governed = _governed_organization(context, token, destination_keys)
    if governed:
        return governed
    for child in token.children:  # "OpenAI a licencié ...": the employer acts
        if child.dep_ == "nsubj":
            organization_ref = context.mentions.organization_at(child)
            if organization_ref:
                return organization_ref
    if objects and is_quitter:  # "quitter l'entreprise": the organisation the article is about
        return context.organization_in_focus(token, exclude=destination_keys)
    return context.organization_before(token, exclude=destination_keys) or _first_after(
        context, token, destination_keys
    )


def _organization_no_longer_with(context: ArticleContext, token: Token) -> EntityRef | None:
    """The organisation named in the complement ("chez X", "de X", "pour X"), else the one the
    article is about ("ne fait plus partie de l'entreprise")."""
    for child in token.subtree:
        if child.i > token.i and (organization_ref := context.mentions.organization_at(child)):
            return organization_ref
    return context.organization_in_focus(token)


def _governed_organization(
    context: ArticleContext, token: Token, destination_keys: set[str]
) -> EntityRef | None:
    """ "quitter OpenAI", "démission d'Anthropic", "renvoyé d'OpenAI", "quitter la direction de
    Scale AI": an organisation in the trigger's complements, not a destination."""
    for child in token.subtree:
        if child.i <= token.i:
            continue
        organization_ref = context.mentions.organization_at(child)
        if (
            organization_ref
            and organization_ref.key not in destination_keys
            and not _is_destination_token(child, token)
        ):
            return organization_ref
    if token.pos_ == "NOUN":
        return None
    for following in token.sent[token.i - token.sent.start + 1 :][:6]:
        if following.lower_ in DESTINATION_MARKERS or following.text in ".;:,":
            break
        organization_ref = context.mentions.organization_at(following)
        if organization_ref:
            return organization_ref
    return None


def _first_after(context: ArticleContext, token: Token, exclude: set[str]) -> EntityRef | None:
    sentence = token.sent
    for mention in context.mentions.organizations_in(token.i, sentence.end):
        if mention.entity.key not in exclude:
            return mention.entity
    return None


def _destinations(context: ArticleContext, trigger: Token) -> set[str]:
    """Organisations the person went to: "pour rejoindre Anthropic", "au profit de Meta"."""
    keys = set()
    sentence = trigger.sent
    after = sentence[trigger.i - sentence.start + 1 :]
    in_destination = False
    for token in after:
        lemma = token.lemma_.lower()
        if lemma in ("rejoindre", "pour", "vers", "chez", "profit", "intégrer"):
            in_destination = not _time_spent_at(token)
        organization_ref = context.mentions.organization_at(token)
        if in_destination and organization_ref:
            keys.add(organization_ref.key)
    return keys


def _is_destination_token(token: Token, trigger: Token) -> bool:
    for ancestor in token.ancestors:
        if ancestor.i == trigger.i:
            return False
        if ancestor.lemma_.lower() in ("rejoindre", "intégrer", "fonder", "créer", "lancer"):
            return True
    return any(
        child.lower_ in ("pour", "vers", "chez") and not _time_spent_at(child)
        for child in token.children
    )


_DURATIONS = {"an", "année", "mois", "semaine", "décennie", "passer"}


def _time_spent_at(preposition: Token) -> bool:
    """ "après dix ans chez Mistral AI", "six années passées chez Meta": where the person
    worked, not where they went."""
    if preposition.lower_ != "chez":
        return False
    before = preposition.doc[max(preposition.sent.start, preposition.i - 3) : preposition.i]
    return any(t.lemma_.lower() in _DURATIONS for t in before)


def _organization_joined(context: ArticleContext, trigger: Trigger) -> EntityRef | None:
    token = trigger.token
    for child in token.subtree:
        if child.i > token.i:
            organization_ref = context.mentions.organization_at(child)
            if organization_ref:
                return organization_ref
    return None
