"""French: who an event is about. From the dependency parse (subject, object, apposition,
coordination), a relative clause, a possessive, a pronoun's antecedent, a list after a colon or
a plural verb, or a person opening the sentence."""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.extract.context import ArticleContext, named_after_preposition
from pipeline.extract.engine import resolver
from pipeline.extract.fr.counted import (
    People,
    counted_before,
    counts_people,
    listed_people,
    named_after_colon,
    named_after_comma,
    named_before_apposition,
    named_by_next_sentence,
    named_by_previous_sentence,
    named_namely,
)
from pipeline.extract.gazetteers import role_words
from pipeline.extract.lexicons import lexicon
from pipeline.extract.results import EntityRef
from pipeline.extract.rulebook import Candidate

PRONOUN_SUBJECTS = {"il", "elle", "ils", "elles", "celui-ci", "celle-ci", "lui"}
ROLE_SUBJECTS = role_words()
NAME_LINKS = ("appos", "flat:name", "nmod", "acl")
POSSESSIVES = {"son", "sa", "ses", "leur", "leurs"}
_FIRST_PERSON = {"mon", "ma", "mes"}


@resolver("fr", "person", "subject")
def subjects(context: ArticleContext, candidate: Candidate) -> People:
    token = candidate.head
    is_noun = (
        token.pos_ == "NOUN"
        and not candidate.rule.negation_is_event
        # "trois ingénieurs sont partis": a participle the tagger took for a noun after "être"
        # is the predicate, read as a verb ("est sur le départ" stays a noun of leaving)
        and not (
            any(c.dep_ == "cop" for c in token.children)
            and token.lemma_.lower() not in lexicon("fr", "departure_nouns")
        )
    )
    found = _noun_subjects(context, token) if is_noun else _verb_subjects(context, candidate)
    found = [f for f in found if not _owner_of_organization(context, f[1])]
    if found and not is_noun:
        found = _named_after_colon(context, token) or found
    if found:
        found += [f for f in companions(context, token) if all(f[0] != g for g, _ in found)]
    if found and not is_noun:
        found += [
            f
            for f in _coordinated_before_plural_verb(context, token, found[0][1])
            if all(f[0] != g for g, _ in found)
        ]
    return found


def _named_after_colon(context: ArticleContext, verb: Token) -> People:
    """ "X s'est chargé de l'annoncer : Y, jusqu'ici patron d'AWS, a quitté son poste": after a
    colon a new clause opens, whose subject is named after it."""
    sentence = verb.sent
    colon = next((t for t in reversed(context.doc[sentence.start : verb.i]) if t.text == ":"), None)
    if colon is None:
        return []
    return listed_people(context, context.mentions.people_in(colon.i + 1, verb.i))


def _owner_of_organization(context: ArticleContext, token: Token) -> bool:
    """ "Kestrel d'Anne Roy licencie 300 employés": a name right after a company and "de" is
    whose company it is, not who leaves it."""
    mention = next(
        (m for m in context.mentions.people if m.span.start <= token.i < m.span.end), None
    )
    if mention is None or mention.span.start < 2:
        return False
    doc = context.doc
    before = doc[mention.span.start - 1].lower_
    return (
        before in ("de", "d'", "d’")
        and context.mentions.organization_at(doc[mention.span.start - 2]) is not None
    )


COMPANION_MARKERS = ("tout comme", "ainsi que", "de même que", "comme l'a fait", "à l'instar de")
# "X est accompagné vers la sortie par deux chercheurs, à savoir Y et Z"
COMPANION_MARKERS += ("en compagnie de", "aux côtés de", "la sortie par")
# "a perdu son CTO X au profit d'OpenAI, suivi du cofondateur Y et de Z"
COMPANION_MARKERS += ("suivi de", "suivi du", "suivi des", "suivie de", "suivie du", "suivis de")


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
        # "Selon le WSJ, A, B et C ont quitté": A leads the list that ends at the subject
        leads = i + 1 < len(people) and _same_list(
            context.doc[mention.span.end : people[i + 1].span.start]
        )
        new = mention.entity != known and all(mention.entity != f for f, _ in found)
        if (opens or after_and or listed or leads) and new:
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


def companions(context: ArticleContext, trigger: Token) -> list[tuple[EntityRef, Token]]:
    """ "X a quitté l'entreprise, tout comme Y et Z": Y and Z left too."""
    sentence = trigger.sent
    rest = context.doc[trigger.i + 1 : sentence.end]
    lowered = rest.text.lower()
    for marker in COMPANION_MARKERS:
        position = lowered.find(marker)
        if position < 0:
            continue
        if _time_spent_before(lowered[:position]):
            continue  # "après 13 ans passés aux côtés de X": who they worked with, not left with
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
                or _same_list(context.doc[people[0].span.end : m.span.start])
            ]
    return []


_TIME_SPENT = ("passé", "passés", "passée", "passées", "travaillé", "ans", "années")


def _time_spent_before(text_before: str) -> bool:
    words = text_before.split()[-3:]
    return any(word in _TIME_SPENT for word in words)


def _named_before_relative(context: ArticleContext, relative: Token) -> People:
    """ "X, qui ...": the person named right before the comma that opens the clause."""
    doc = context.doc
    if relative.i < 2 or doc[relative.i - 1].text != ",":
        return []
    if context.mentions.person_at(doc[relative.i - 2]) is None:
        return []
    return _people_from(context, doc[relative.i - 2])


def _verb_subjects(context: ArticleContext, candidate: Candidate) -> People:
    verb = candidate.head
    # "claquer la porte": the phrase head is the verb; "de quitter": subject of the governor
    candidates = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")]
    opening = [c for c in verb.children if c.dep_ == "dep" and c.i < verb.i]  # "Capgemini se"
    parting = (
        candidates
        or opening
        or (  # "a décidé de se séparer de": the subject of "décider"
            [c for c in verb.head.children if c.dep_.startswith("nsubj")]
            if verb.dep_ == "xcomp"
            else []
        )
    )
    if verb.lemma_.lower() == "séparer" and any(
        context.mentions.organization_at(c) or c.lemma_.lower() in lexicon("fr", "company_nouns")
        for c in parting
    ):
        # "Meta se sépare de X", "l'entreprise de Paul Roy se sépare de 500 employés": the
        # organisation parts with the person named after "de"
        return [
            found
            for child in verb.children
            if child.dep_ in ("obl:arg", "obl", "obj", "obl:mod")
            for found in _people_from(context, child)
        ]
    active_dismissal = candidate.rule.kind == "dismissal" and "Pass" not in verb.morph.get("Voice")
    has_passive_aux = any(c.dep_ == "aux:pass" for c in verb.children)
    # "Licencié le lendemain, X a continué ...": a past participle with no auxiliary is passive
    bare_participle = (
        "Part" in verb.morph.get("VerbForm")
        and "Past" in verb.morph.get("Tense")
        and not any(c.dep_.startswith(("aux", "nsubj")) for c in verb.children)
    )
    if active_dismissal and not has_passive_aux and not bare_participle:
        objects = [c for c in verb.children if c.dep_ in ("obj", "iobj")]
        for obj in objects:  # "a renvoyé mercredi X": the parser may make the day an object too
            found = _people_from(context, obj)
            if found:
                return found
        if objects and (found := _listed_after_colon(context, verb)):
            return found
        for role in (t for t in verb.subtree if t.i > verb.i and t.dep_ != "obl:mod"):
            # "a démis de ses fonctions son directeur financier, X": the parse may hang the
            # object on the complement; the name after a job title is who was let go
            if found := _named_after_role(context, role):
                return found
        if verb.dep_ == "acl" and context.mentions.person_at(verb.head):
            # headline participle: "Jane Doe limogée par ..."
            return _people_from(context, verb.head)
        if any(o.lemma_.lower() in lexicon("fr", "team_nouns") for o in objects):
            return []  # "après qu'il a licencié l'équipe": the subject let a team go
        if objects and any(context.mentions.person_at(c) for c in candidates):
            return []  # "X a licencié plus de 10 % de l'entreprise": X let others go
    if not candidates and verb.dep_ == "acl" and context.mentions.person_at(verb.head):
        return _people_from(context, verb.head)  # "Jane Doe, renvoyée d'OpenAI, ..."
    if not candidates and bare_participle and (fronted := _after_fronted_participle(context, verb)):
        return fronted
    if not candidates and (among := _among_those(context, verb)):
        return among  # "X et Y figuraient parmi les personnes licenciées"
    if listed := _group_then_names(context, verb, candidates):
        return listed  # "plusieurs cadres ont été écartés, parmi lesquels le PDG X, ..."
    if not candidates and (doer := _subject_of_gerund(context, verb)):
        return doer
    if not candidates and (reported := _subject_after_que(context, verb)):
        return reported  # "Il a annoncé que X, le responsable de ..., quitte son poste"
    if not candidates and (listed := _listed_after_que(context, verb)):
        return listed  # "confirme que X (responsable ...) et Y (responsable ...) « quittent X »"
    if not candidates and (described := _participle_after_name(context, verb)):
        return described
    if (
        not candidates
        and verb.dep_ in ("xcomp", "conj", "advcl")
        and verb.head.pos_ in ("VERB", "AUX")
    ):
        candidates = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if not candidates and verb.dep_ == "acl" and verb.head.dep_ == "obj":
        governor = verb.head.head  # "X a déclaré son intention de prendre sa retraite"
        candidates = [c for c in governor.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if not candidates and verb.dep_ == "acl:relcl":
        return _people_from(context, verb.head)
    for candidate in candidates:
        if candidate.lower_ in ("qui", "que", "lequel", "laquelle") and verb.dep_ == "acl:relcl":
            return _people_from(context, verb.head)
        if candidate.lower_ == "qui" and (named := _named_before_relative(context, candidate)):
            return named  # "Y succède à X, qui prend sa retraite": the parse may lose the clause
        relative = candidate.head  # "c'est X, l'un des responsables, qui a décidé de partir"
        if candidate.lower_ in ("qui", "lequel", "laquelle") and relative.dep_ == "acl:relcl":
            antecedent = relative.head
            for _ in range(3):  # up from "responsables" to "l'un" to X
                if context.mentions.person_at(antecedent) or antecedent.dep_ not in (
                    "nmod",
                    "dep",
                    "appos",
                ):
                    break
                antecedent = antecedent.head
            return _people_from(context, antecedent)
        if candidate.lower_ in ("je", "j'", "j’") and (speaker := context.quote_speaker(verb)):
            return [speaker]  # « J'ai décidé de quitter X », a annoncé Y
        found = _people_from(context, candidate)
        if found:
            return found
    for candidate in candidates:  # "Les cofondateurs de Kairn vont quitter Cohere"
        if found := named_namely(context, candidate):
            return found  # "Deux dirigeants, à savoir X et Y, quittent l'entreprise"
        if found := named_by_previous_sentence(context, candidate):
            return found
        if found := named_before_apposition(context, candidate):
            return found  # "X et Y, deux cadres de Kestrel, ont démissionné"
    counted = None if candidates else counted_before(verb)
    if counted is not None and (found := named_by_next_sentence(context, counted)):
        return found
    for counted in [c for c in candidates if counts_people(c)] or [counted_before(verb)]:
        if counted is not None and (found := named_after_colon(context, counted)):
            return found  # "Cinq ingénieurs sont partis : X, Y et Z"
        if counted is not None and (found := named_after_comma(context, counted, verb)):
            return found  # "Deux membres ont démissionné, X et Y."
    return _sentence_opening_person(context, verb)


def _after_fronted_participle(context: ArticleContext, verb: Token) -> People:
    """ "Licencié le lendemain, X aurait continué ...": a participle opening the sentence
    describes the person who opens the main clause after the comma."""
    if verb.i - verb.sent.start > 1:
        return []
    comma = next((t for t in verb.doc[verb.i + 1 : verb.sent.end] if t.text == ","), None)
    if comma is None or comma.i + 1 >= verb.sent.end:
        return []
    person = context.mentions.person_at(verb.doc[comma.i + 1])
    return [(person, verb.doc[comma.i + 1])] if person else []


def _among_those(context: ArticleContext, verb: Token) -> People:
    """ "X et Y figuraient parmi les personnes licenciées": the participle describes a group
    introduced by "parmi"; the subject of the verb that governs the group is in it."""
    group = verb.head
    if verb.dep_ not in ("acl", "amod") or not any(c.lower_ == "parmi" for c in group.children):
        return []
    governor = group.head
    subjects = [c for c in governor.children if c.dep_.startswith("nsubj")]
    return [found for subject in subjects for found in _people_from(context, subject)]


_NAMING_A_GROUP = ("parmi lesquels", "parmi lesquelles", "dont", "notamment", "à savoir")


def _group_then_names(context: ArticleContext, verb: Token, subjects: list[Token]) -> People:
    """ "Plusieurs cadres ont été écartés, parmi lesquels le PDG X et la directrice financière
    Y": a group as the subject, its members named after the verb."""
    if subjects and not all(
        "Plur" in s.morph.get("Number") or s.lemma_.lower() in ("partie", "plupart")
        for s in subjects
    ):
        return []
    if any(context.mentions.person_at(s) for s in subjects):
        return []
    sentence = verb.sent
    rest = context.doc[verb.i + 1 : sentence.end]
    lowered = " " + rest.text.lower() + " "
    marker = next((m for m in _NAMING_A_GROUP if f" {m} " in lowered), None)
    if marker is None:
        return []
    start = rest.start_char + lowered.index(f" {marker} ") + len(marker)
    people = context.mentions.people_in(verb.i + 1, sentence.end)
    return [(m.entity, m.span.root) for m in people if m.span.start_char >= start]


def _subject_of_gerund(context: ArticleContext, verb: Token) -> People:
    """ "X vient d'en faire les frais, en étant débarqué de son poste": a gerund's subject is the
    one of the clause it hangs on; by word order, the last person before it who is a subject."""
    before = [t.lower_ for t in verb.doc[max(verb.sent.start, verb.i - 2) : verb.i]]
    if "en" not in before or any(c.dep_ == "obj" for c in verb.children):
        return []  # "en licenciant le PDG": the subject acts on someone else
    people = context.mentions.people_in(verb.sent.start, verb.i)
    subjects = [m for m in people if m.span.root.dep_.startswith("nsubj")]
    return [(subjects[-1].entity, subjects[-1].span.root)] if subjects else []


def _subject_after_que(context: ArticleContext, verb: Token) -> People:
    """ "Il a annoncé que X, le plus haut responsable de ..., quitte son poste": the parse may
    hang the verb on "annoncé" and lose its subject; the person opening the clause after "que"
    is who leaves, not the one who announces."""
    if verb.dep_ != "advcl" or verb.head.i > verb.i:
        return []
    que = next((t for t in verb.doc[verb.head.i + 1 : verb.i] if t.lower_ in _QUE), None)
    people = _opening_after(context, que, verb)
    if not people:
        return []
    if any(t.pos_ in ("VERB", "AUX") for t in verb.doc[people[0].span.end : verb.i]):
        return []
    return [(people[0].entity, people[0].span.root)]


_QUE = {"que", "qu'", "qu’"}


def _opening_after(context: ArticleContext, que: Token | None, verb: Token) -> list:
    """The people named between "que" and the verb, when the first opens that clause."""
    if que is None:
        return []
    people = context.mentions.people_in(que.i + 1, verb.i)
    return people if people and people[0].span.start == que.i + 1 else []


_LIST_GLUE = {"et", ",", "«", "»", '"', "“", "”"}


def _listed_after_que(context: ArticleContext, verb: Token) -> People:
    """People listed right after "que", each with a bracketed title, then the verb: the parse
    may hang the verb on the last name and give it no subject."""
    sentence = verb.sent
    que = next((t for t in reversed(verb.doc[sentence.start : verb.i]) if t.lower_ in _QUE), None)
    people = _opening_after(context, que, verb)
    if not people:
        return []
    depth, covered = 0, {i for m in people for i in range(m.span.start, m.span.end)}
    for token in verb.doc[que.i + 1 : verb.i]:
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth -= 1
        elif depth == 0 and token.i not in covered and token.lower_ not in _LIST_GLUE:
            return []  # another word outside the brackets: not a bare list of names
    return [(m.entity, m.span.root) for m in people if _outside_brackets(verb.doc, m.span, que.i)]


def _outside_brackets(doc, span, start: int) -> bool:
    depth = sum(1 if t.text == "(" else -1 if t.text == ")" else 0 for t in doc[start : span.start])
    return depth == 0


def _sentence_opening_person(context: ArticleContext, verb: Token) -> list[tuple[EntityRef, Token]]:
    """ "X, cofondatrice de Y, start-up qui ..., a démissionné": when the parse loses the subject
    in long appositions, a person opening the sentence, or its main clause after an opening
    phrase ("Selon nos sources, X, ..., a été remerciée"), with nobody else before the verb."""
    sentence = verb.sent
    # "X traverse une période agitée : Y, le directeur financier, quitte le navire": the clause
    # after a colon opens anew
    colon = next(
        (t for t in reversed(context.doc[sentence.start : verb.i]) if t.text in ":;"), None
    )
    opening = colon.i + 1 if colon is not None else sentence.start
    opening = _after_attribution(context, opening, verb)
    people = context.mentions.people_in(opening, verb.i)
    if len(people) != 1:
        return []
    start = people[0].span.start
    after_opening_phrase = start > opening and context.doc[start - 1].text == ","
    # "D'autres anciens employés, comme X, chercheur, ont quitté": an example of the subject
    example = start > opening and context.doc[start - 1].lower_ in ("comme", "notamment")
    if start - opening > 2 and not (after_opening_phrase or example):
        return []
    clause = any(
        t.lower_ in ("qui", "que", "dont") for t in context.doc[people[0].span.end : verb.i]
    )
    if clause and not (_main_verb_without_subject(verb) or _resumes_after_comma(verb)):
        return []
    return [(people[0].entity, people[0].span.root)]


_ATTRIBUTIONS = ("selon", "d'après", "d’après")


def _after_attribution(context: ArticleContext, opening: int, verb: Token) -> int:
    """ "Selon Jane Doe de Bloomberg, X, chercheur, quitte ...": who reports the news, in a
    leading phrase closed by a comma, is not who the clause is about."""
    if context.doc[opening].lower_ not in _ATTRIBUTIONS:
        return opening
    comma = next((t for t in context.doc[opening : verb.i] if t.text == ","), None)
    return comma.i + 1 if comma is not None else opening


def _participle_after_name(context: ArticleContext, verb: Token) -> People:
    """ "X, l'un des plus anciens chercheurs, parti chez Meta": a bare past participle (no
    auxiliary, no subject) describes the person named just before it, however the parser hung
    it in a list of names and titles."""
    if "Part" not in verb.morph.get("VerbForm") or "Past" not in verb.morph.get("Tense"):
        return []
    if any(c.dep_.startswith(("aux", "nsubj")) for c in verb.children):
        return []
    people = context.mentions.people_in(verb.sent.start, verb.i)
    if not people:
        return []
    between = context.doc[people[-1].span.end : verb.i]
    if len(between) > 15 or any(
        "Fin" in t.morph.get("VerbForm") or t.lower_ in _CLAUSE_WORDS for t in between
    ):
        return []
    return [(people[-1].entity, people[-1].span.root)]


def _resumes_after_comma(verb: Token) -> bool:
    """ "X, qui a dirigé ... un marché prometteur, a démissionné": after the relative clause, a
    comma then the verb (or its auxiliary) takes the sentence's subject back, however the parser
    attached it."""
    first = min([verb, *(c for c in verb.children if c.dep_.startswith("aux"))], key=lambda t: t.i)
    return first.i > 0 and verb.doc[first.i - 1].text == ","


def _main_verb_without_subject(verb: Token) -> bool:
    """ "X, chercheur dont le travail a ..., a quitté Y": the parser gave X to the relative
    clause, and the main verb has no subject left; a verb that has one, or that sits in a
    relative clause itself, is not about X."""
    if verb.dep_ not in ("ROOT", "parataxis", "conj") or "Inf" in verb.morph.get("VerbForm"):
        return False  # "aucune intention de partir": not a main verb
    in_relative = any(a.dep_ == "acl:relcl" for a in verb.ancestors)
    # a subject after the verb is the parser's error ("a quitté Anthropic" read as inverted)
    has_subject = any(c.dep_.startswith("nsubj") and c.i < verb.i for c in verb.children)
    return not in_relative and not has_subject


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
        if child.dep_ == "nmod" and counts_people(child):
            # "après le départ des fondateurs, X a pris la tête": a group is not the one name
            # after it, which is the main clause's subject
            named = _people_from(context, child)
            after_comma = (
                any(t.text == "," for t in context.doc[child.i : named[0][1].i]) if named else True
            )
            if len(named) > 1 or not after_comma:
                return named
            return named_by_previous_sentence(context, child)
    for child in noun.children:
        if child.dep_ == "appos" or context.mentions.person_at(child):
            found = _people_from(context, child)
            if found:
                return found
    if (named := _celui_de(context, noun)) is not None:
        return [named]
    if (owner := _dont_antecedent(context, noun)) is not None:
        return [owner]  # "X, dont la démission d'Apple avait été médiatisée"
    if any(child.lower_ in _FIRST_PERSON for child in noun.children):
        speaker = context.quote_speaker(noun)  # « Mon parcours chez X est terminé », écrit Y
        return [speaker] if speaker else []
    possessives = [child.lower_ for child in noun.children if child.lower_ in POSSESSIVES]
    if not possessives:
        for token in noun.subtree:
            if token.i > noun.i and context.mentions.person_at(token):
                return _people_from(context, token)  # "le départ, lundi, de X"
        return []
    governor = noun.head
    while governor.pos_ == "NOUN" and governor.dep_ in ("nmod", "obj"):
        if governor.head == governor:
            break
        governor = governor.head  # "X demande la requalification de son départ"
    if possessives[0] in ("leur", "leurs", "ses"):
        while governor.pos_ == "PROPN" and governor.head != governor and governor.i != noun.i:
            governor = governor.head  # "informée par X et Y de leur démission", hung on Y
        # "leur départ": a group; named only as the subject of the verb ("X et Y ont
        # officialisé leur départ")
        # "informée par X et Y de leur démission": the agent of a passive says who too
        subjects = [
            c for c in governor.children if c.dep_.startswith("nsubj") or c.dep_ == "obl:agent"
        ]
        named = [f for s in subjects for f in _people_from(context, s)]
        if not named and governor.i != noun.i:  # "Deux membres ont donné leur démission, X et Y"
            named = next(
                (f for s in subjects if (f := named_after_comma(context, s, governor))), []
            )
            named = named or next((f for s in subjects if (f := named_after_colon(context, s))), [])
        return named if governor.i != noun.i and len(named) > 1 else []
    if governor.i != noun.i and governor.pos_ in ("VERB", "AUX"):
        for subject in governor.children:
            if subject.dep_.startswith("nsubj"):
                found = _people_from(context, subject)
                if found:
                    return found
                if _unnamed_relative_antecedent(subject):
                    return []  # "une ingénieure, qui conteste son départ": she is not named
    if (relative := _relative_clause_antecedent(context, noun)) is not None:
        return [relative]  # "X, qui a parlé d'émotions mêlées concernant son départ, ..."
    if (ahead := _main_subject_after(context, noun)) is not None:
        return [(ahead, noun)]
    antecedent = context.person_before(noun)
    return [(antecedent, noun)] if antecedent else []


def _relative_clause_antecedent(context: ArticleContext, noun: Token):
    for ancestor in noun.ancestors:
        if ancestor.dep_ == "acl:relcl":
            person = context.mentions.person_at(ancestor.head)
            return (person, ancestor.head) if person is not None else None
    return None


_CLAUSE_OPENERS = {"si", "s'", "s’", "lorsqu'", "lorsqu’", "quand", "après", "avant", "bien"}
_PHRASE_OPENERS = {"malgré", "après", "avant", "depuis", "dès", "suite", "outre"}


def _main_subject_after(context: ArticleContext, noun: Token) -> EntityRef | None:
    """ "S'il a dit que son départ n'était pas une fin, X a annoncé ...": a possessive in a
    clause that opens the sentence points ahead, to the person the main clause is about."""
    root = noun.sent.root
    opening = noun.sent[0]
    if opening.lower_ in _PHRASE_OPENERS and noun.i - opening.i <= 3:
        # "Malgré son départ de ses fonctions, il est indiqué que X continuera": the phrase
        # before the comma is about the first person the rest of the sentence names
        comma = next((t for t in noun.sent if t.i > noun.i and t.text == ","), None)
        if comma is not None and not context.mentions.people_in(noun.i, comma.i):
            following = context.mentions.people_in(comma.i + 1, noun.sent.end)
            if following and following[0].span.root.dep_.startswith("nsubj"):
                return following[0].entity  # not "la société a nommé Y": Y is no subject
    if opening.pos_ == "SCONJ" or opening.lower_ in _CLAUSE_OPENERS:
        # "S'il a dit que son départ ..., X, patron de Y, a annoncé": word order, since the
        # parse of such sentences varies; the first name set off by a comma after the noun
        for mention in context.mentions.people_in(noun.i + 1, noun.sent.end):
            if noun.doc[mention.span.start - 1].text == ",":
                return mention.entity
        return None
    if root.i <= noun.i:
        return None
    subjects = [c for c in root.children if c.dep_.startswith("nsubj")]
    for subject in (c for c in subjects if c.i > noun.i):
        if (person := context.mentions.person_at(subject)) is not None:
            return person
    if subjects:
        return None
    # the parse may hang the main clause's subject on the clause before: the last name set off
    # by a comma before the main verb
    people = context.mentions.people_in(noun.i + 1, root.i)
    if people and people[-1].span.start > 0 and noun.doc[people[-1].span.start - 1].text == ",":
        return people[-1].entity
    return None


_CELUI = {"celui", "celle"}


def _dont_antecedent(context: ArticleContext, noun: Token) -> tuple[EntityRef, Token] | None:
    """ "X, dont la démission": the person "dont" stands for, named just before it."""
    doc = noun.doc
    i = noun.i - 1
    while i > noun.sent.start and doc[i].pos_ == "DET":
        i -= 1
    if doc[i].lower_ != "dont" or i < 1:
        return None
    before = doc[i - 1] if doc[i - 1].text != "," else doc[i - 2]
    person = context.mentions.person_at(before)
    return (person, before) if person is not None else None


def _celui_de(context: ArticleContext, noun: Token) -> tuple[EntityRef, Token] | None:
    """ "Le départ le plus spectaculaire est celui de X": the departure is X's, named after
    "celui de" a few words on, with no other verb in between."""
    doc = noun.doc
    for token in doc[noun.i + 1 : min(noun.i + 10, noun.sent.end - 1)]:
        if token.lower_ in _CELUI and doc[token.i + 1].lower_ in ("de", "d'", "d’", "du"):
            people = context.mentions.people_in(token.i + 2, min(token.i + 10, noun.sent.end))
            if people and not any(
                t.pos_ == "VERB" for t in doc[token.i + 2 : people[0].span.start]
            ):
                return people[0].entity, people[0].span.root
            return None
        if token.pos_ == "VERB" or token.text in ".;:":
            return None
    return None


def _unnamed_relative_antecedent(subject: Token) -> bool:
    """ "qui" after a person described but not named ("une ancienne ingénieure de l'entreprise,
    qui ..."): read by word order, back to the punctuation before that noun phrase, as the
    parser hangs such clauses on any noun nearby."""
    if subject.lower_ != "qui" or not subject.head.dep_.startswith("acl"):
        return False
    doc = subject.doc
    end = subject.i - 1 if subject.i and doc[subject.i - 1].is_punct else subject.i
    start = end
    while start > max(subject.sent.start, end - 8) and not doc[start - 1].is_punct:
        start -= 1
    phrase = doc[start:end]
    return not any(t.ent_type_ == "PER" for t in phrase) and any(
        t.pos_ == "NOUN"
        and (t.lemma_.lower() in ROLE_SUBJECTS or t.lemma_.lower() in _PERSON_NOUNS)
        for t in phrase
    )


def _whose(name: Token) -> bool:
    """ "de X" after a noun: whose it is, not who it is."""
    return any(c.dep_ == "case" and c.lower_ in ("de", "d'", "d’", "du") for c in name.children)


def _people_from(context: ArticleContext, token: Token) -> list[tuple[EntityRef, Token]]:
    """The person(s) a subject or object token stands for, following coordination ("X et Y"),
    apposition ("un cofondateur, X,"), and pronouns or role nouns to their antecedent."""
    direct = context.mentions.person_at(token)
    if direct:
        found = [(direct, token)]
        # "A, B et C": the parse may make B an apposition of A
        listed = [c for c in token.children if c.dep_ == "appos" and c.i > token.i]
        for other in [*_coordinated(token), *listed]:
            person_ref = context.mentions.person_at(other)
            if person_ref and all(person_ref != f for f, _ in found):
                found.append((person_ref, other))
        return found
    for child in token.children:
        if child.dep_ in NAME_LINKS and context.mentions.person_at(child):
            if child.dep_ == "nmod" and _whose(child):
                continue  # "l'associé de Léo Marchal a quitté X": Léo Marchal's partner left
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
    if token.pos_ == "PRON" and token.dep_ == "obj" and token.lower_ in _OBJECT_PRONOUNS:
        antecedent = context.person_before(token)  # "Meta a décidé de le mettre à la porte"
        return [(antecedent, token)] if antecedent else []
    if _refers_back(token):
        if token.lower_ not in PRONOUN_SUBJECTS and _in_heading(token):
            named_below = _named_below(context, token)  # "Le responsable de l'IA s'en va"
            if named_below is not None:
                return [named_below]
            # a heading inside the article (often a link to another story) announces what
            # follows; the person the paragraph above named is not who it is about
            return []
        # "X, qui a rejoint ... jusqu'à l'arrivée de Y, va elle aussi quitter": the person the
        # sentence opens on, not the last one its clauses named
        antecedent = _opening_person(context, token) or context.person_before(token)
        if antecedent in _named_within(context, token) | _subjects_above(context, token):
            # "la CEO du réseau acheté par X" is not X; "X a déclaré que ... en licenciant le
            # PDG": who speaks is not the one the object stands for
            antecedent = None
        if antecedent:
            found = [(antecedent, token)]
            for other in _coordinated(token):  # "lui et Daniel De Freitas avaient quitté"
                person_ref = context.mentions.person_at(other)
                if person_ref and person_ref != antecedent:
                    found.append((person_ref, other))
            return found
        named_next = _named_next(context, token)
        if named_next is not None:
            return [named_next]
    if token.lower_ in ("ils", "elles"):
        return _named_subjects_above(context, token)
    if counts_people(token):
        return named_after_colon(context, token) or named_by_next_sentence(context, token)
    return []


def _named_subjects_above(context: ArticleContext, pronoun: Token) -> People:
    """ "X et Y ont reçu des messages les informant qu'elles étaient licenciées": a plural pronoun
    in a clause stands for the two or more people who are the subject of a verb above it."""
    for governor in pronoun.ancestors:
        for subject in (c for c in governor.children if c.dep_.startswith("nsubj")):
            if subject.i < pronoun.i and context.mentions.person_at(subject):
                start = min(t.i for t in subject.subtree)
                named = listed_people(context, context.mentions.people_in(start, governor.i))
                return named if len(named) > 1 else []
    return []


def _subjects_above(context: ArticleContext, token: Token) -> set[EntityRef]:
    """People who are the subject of a verb that governs `token` in its sentence."""
    if token.dep_.startswith("nsubj"):
        return set()
    return {
        person
        for governor in token.ancestors
        for child in governor.children
        if child.dep_.startswith("nsubj") and (person := context.mentions.person_at(child))
    }


def _named_within(context: ArticleContext, noun: Token) -> set[EntityRef]:
    """People named inside a noun's own phrase ("la CEO du réseau acheté par X")."""
    return {
        person
        for t in noun.subtree
        if t.i != noun.i and (person := context.mentions.person_at(t)) is not None
    }


LEAD_SENTENCES = 2


def _named_next(context: ArticleContext, token: Token) -> tuple[EntityRef, Token] | None:
    """ "Google a limogé l'ingénieur qui ... . L'homme en question, X, ...": an article's lead
    may describe a person before it names them, in the next sentence. Only a role noun (not a
    pronoun), in the first sentences, with nobody named before it."""
    index = context.sentence_index(token)
    if token.lower_ in PRONOUN_SUBJECTS or index >= LEAD_SENTENCES:
        return None
    if context.mentions.people_in(0, token.i):
        return None
    for following in context.sentences[index + 1 : index + 3]:
        people = [
            m  # "la firme fondée par X" names someone else
            for m in context.mentions.people_in(following.start, following.end)
            if not named_after_preposition(m.span)
        ]
        if people:
            introduction = context.doc[
                max(following.start, people[0].span.start - 8) : people[0].span.start
            ]
            if any(t.lower_ in _SOMEONE_NEW for t in introduction):
                return None  # "l'interim CEO de X, Y": who took over, not the one described
            return people[0].entity, token
    return None


_SOMEONE_NEW = {"intérim", "interim", "intérimaire", "nouveau", "nouvelle", "successeur"}
_SOMEONE_NEW |= {"remplaçant", "remplaçante", "remplacé", "remplacée"}
_OBJECT_PRONOUNS = {"le", "la", "l'", "l’"}


def _in_heading(token: Token) -> bool:
    """A line with no closing punctuation: a heading, which announces what follows."""
    text = token.sent.text.rstrip()
    return bool(text) and text[-1] not in '.!?»"”…:;'


def _named_below(context: ArticleContext, token: Token) -> tuple[EntityRef, Token] | None:
    """The first person the paragraph under a heading names, not after a preposition."""
    index = context.sentence_index(token)
    for following in context.sentences[index + 1 : index + 2]:
        for mention in context.mentions.people_in(following.start, following.end):
            if not named_after_preposition(mention.span):
                return mention.entity, token
    return None


def _opening_person(context: ArticleContext, pronoun: Token) -> EntityRef | None:
    if pronoun.lower_ not in PRONOUN_SUBJECTS:
        return None
    sentence = pronoun.sent
    opening = context.mentions.people_in(sentence.start, pronoun.i)[:1]
    if not opening or opening[0].span.start != sentence.start:
        return None
    end = opening[0].span.end
    return opening[0].entity if end < pronoun.i and pronoun.doc[end].text == "," else None


def _refers_back(token: Token) -> bool:
    """ "elle", "il", "la chercheuse", "le dirigeant": a singular pronoun or a definite singular
    role noun, which points to a person named before. "un cofondateur" introduces someone new."""
    singular_article = any(
        child.dep_ == "det" and child.lower_ in ("le", "la", "l'", "l’") for child in token.children
    )
    if "Plur" in token.morph.get("Number") and not singular_article:
        return False  # ("le Français" is sometimes tagged plural: its article is not)
    if token.lower_ in PRONOUN_SUBJECTS:
        return token.lower_ not in ("ils", "elles")
    if token.lower_ in ("dernier", "dernière") and any(
        c.lower_ in ("ce", "cette") for c in token.children
    ):
        return True  # "Ce dernier vient de démissionner": the person named last
    if token.lemma_.lower() not in ROLE_SUBJECTS and token.lemma_.lower() not in _PERSON_NOUNS:
        return False
    return any(
        child.dep_ == "det" and child.lower_ in ("le", "la", "l'", "l’") for child in token.children
    )


# Nouns that stand for a person as a role does: "l'homme en question", "le Français qui ..."
_PERSON_NOUNS = {"homme", "femme", "français", "française", "américain", "américaine", "ingénieur"}


def _coordinated(token: Token) -> list[Token]:
    head = token
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    group = [head, *[t for t in head.subtree if t.dep_ == "conj" and t.head == head]]
    return [t for t in group if t.i != token.i]
