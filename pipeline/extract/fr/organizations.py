"""French: which organisation an event is about. The one left: the trigger's complement ("quitter
OpenAI", "démission d'Anthropic"), the employer acting ("OpenAI a licencié"), the one the
article is about ("quitter l'entreprise"), or the one named last before; never a destination
("pour rejoindre Anthropic"). The one joined: the first in the trigger's complements."""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.extract.context import ArticleContext
from pipeline.extract.dates import CALENDAR_WORDS
from pipeline.extract.engine import resolver
from pipeline.extract.lexicons import lexicon
from pipeline.extract.names import names_an_academic_institution
from pipeline.extract.results import EntityRef
from pipeline.extract.rulebook import Candidate

_RELATIVE_THAT = {"que", "qu'", "qu’"}
DESTINATION_MARKERS = {"pour", "rejoindre", "vers", "chez", "au profit"}
_VERBS = ("VERB", "AUX")


def is_quitter(token: Token) -> bool:
    """ "quitter", also where the lemmatizer left a form as it is ("quitte" as a noun)."""
    if token.lemma_.lower() == "quitter" and token.pos_ in _VERBS:
        return True
    return token.pos_ in (*_VERBS, "X", "PROPN", "ADJ") and token.lower_.startswith("quitt")


@resolver("fr", "organization", "left")
def organization_left(
    context: ArticleContext, candidate: Candidate, people=None
) -> EntityRef | None:
    token = candidate.head
    if any(_head_of_a_country(anchor) for _, anchor in people or ()):
        return None  # "le président du Portugal, X, a démissionné": a public office
    destination_keys = _destinations(context, token)
    # ("qu'elle quittait Meta": the parser may take "qu'" for the object)
    objects = [
        c
        for c in token.children
        if c.dep_ == "obj" and c.lower_ not in _RELATIVE_THAT and not _a_time(c) and not c.is_punct
    ]
    quitting = is_quitter(token)
    if (
        objects
        and quitting
        and not context.mentions.organization_at(objects[0])
        and objects[0].lemma_.lower() not in lexicon("fr", "employer_nouns")
        and objects[0].lemma_.lower() not in _POSTS
    ):
        return None  # "quitter le secteur", "quitter le salon": not an employer
    acting = _organization_subject(context, token)
    if acting is not None and token.lemma_.lower() == "séparer":
        # "Kairn s'est séparé de son directeur de Lyon, X": the company parts with its staff;
        # what follows "directeur de" is the post
        return acting
    governed = _governed_organization(context, token, destination_keys)
    if governed:
        return governed
    if acting is not None:  # "OpenAI a licencié ...": the employer acts
        return acting
    for _, anchor in people or ():  # "Waymo a déclaré que son responsable, X, démissionnait"
        role = (
            anchor.head if anchor.dep_ in ("appos", "conj") and anchor.head.i < anchor.i else None
        )
        owner = _possessor_in_clause(context, token, role) if role is not None else None
        if owner is not None and owner.key not in destination_keys:
            return owner
    if objects and objects[0].lemma_.lower() in lexicon("fr", "company_nouns"):
        # "il est professeur à Stanford ... il a quitté l'entreprise": a business is meant
        destination_keys |= _academic_keys(context)
    employer_left = token.pos_ == "NOUN" and next(
        (
            c  # "sa démission du conseil d'administration": the board of the company in focus
            for c in token.children
            if c.dep_ == "nmod" and c.lemma_.lower() in _BOARDS
        ),
        None,
    )
    if employer_left:
        owner = _possessor_in_clause(context, token, employer_left)
        if owner is not None and owner.key not in destination_keys:
            return owner
        return context.organization_in_focus(token, exclude=destination_keys)
    post = next((c for c in token.children if c.lemma_.lower() in _POSTS), None)
    owner = _possessor_in_clause(context, token, post) if post is not None else None
    if owner is not None and owner.key not in destination_keys:
        return owner  # "La société a annoncé que X avait démissionné de son poste"
    if (years_at := _years_spent_at(context, token)) is not None:
        return years_at  # "annonce son départ après huit ans chez Meta"
    tied = _tied(context, token, people, destination_keys)
    if tied is not None:
        return tied
    if objects and quitting:  # "quitter l'entreprise": the organisation the article is about
        owner = _possessor_in_clause(context, token, objects[0])
        if owner is not None and owner.key not in destination_keys:
            return owner  # "OpenAI a dit que Durand allait quitter son conseil": OpenAI's board
        return context.organization_in_focus(token, exclude=destination_keys)
    return context.organization_before(token, exclude=destination_keys) or _first_after(
        context, token, destination_keys
    )


@resolver("fr", "organization", "no_longer_with")
def organization_no_longer_with(
    context: ArticleContext, candidate: Candidate, people=None
) -> EntityRef | None:
    """The organisation named in the complement ("chez X", "de X", "pour X"), else the one the
    article is about ("ne fait plus partie de l'entreprise")."""
    token = candidate.head
    for child in token.subtree:
        if child.i > token.i and (organization_ref := context.mentions.organization_at(child)):
            return organization_ref
    return context.organization_in_focus(token)


_TIMES = {"semaine", "mois", "an", "année", "jour", "heure", "trimestre", "week-end", "soir"}


def _a_time(noun: Token) -> bool:
    """ "a quitté Cohere ces dernières semaines": the parse may take the time for the object."""
    return noun.lemma_.lower() in _TIMES or noun.lower_ in CALENDAR_WORDS


def _academic_keys(context: ArticleContext) -> set[str]:
    return {
        m.entity.key
        for m in context.mentions.organizations
        if names_an_academic_institution(m.entity.name)
    }


def _governed_organization(
    context: ArticleContext, token: Token, destination_keys: set[str]
) -> EntityRef | None:
    """ "quitter OpenAI", "démission d'Anthropic", "renvoyé d'OpenAI", "quitter la direction de
    Scale AI": an organisation in the trigger's complements, not a destination."""
    other_clauses = {  # "a quitté son poste, alors que Y, CEO de Benchmark, ...": another story
        t.i
        for c in token.children
        if c.dep_ in ("advcl", "conj", "parataxis", "nsubj") and c.i > token.i
        for t in c.subtree
    }
    other_clauses |= {  # "va quitter l'entreprise et Kestrel a ordonné ...": another clause
        t.i
        for obj in token.children
        if obj.dep_ == "obj" and not context.mentions.organization_at(obj)
        for c in obj.children
        if c.dep_ == "conj"
        for t in c.subtree
    }
    # "sont partis : une ingénieure qui rejoint Cruise, et X": what the colon lists is not
    # the complement
    colon = next((t.i for t in token.doc[token.i : token.sent.end] if t.text == ":"), None)
    for child in token.subtree:
        if child.i <= token.i or child.i in other_clauses or (colon and child.i > colon):
            continue
        organization_ref = context.mentions.organization_at(child)
        if (
            organization_ref
            and organization_ref.key not in destination_keys
            and not _is_destination_token(child, token)
            and (token.pos_ != "NOUN" or _complement_of(child))
        ):
            return organization_ref
    if token.pos_ == "NOUN":
        return None
    for following in token.sent[token.i - token.sent.start + 1 :][:6]:
        if following.lower_ in DESTINATION_MARKERS or following.text in ".;:,":
            break
        if following.pos_ == "CCONJ":
            break  # "va quitter l'entreprise et Kestrel a ordonné ...": another clause
        organization_ref = context.mentions.organization_at(following)
        if organization_ref and organization_ref.key not in destination_keys:
            return organization_ref
    return None


def _complement_of(token: Token) -> bool:
    """ "le départ d'OpenAI", "sa démission de chez Google": a noun's organisation is its
    complement, not a name set beside ("avec le départ de X, Kestrel, un investisseur, ...")."""
    start = token.i
    while start > 0 and token.doc[start - 1].ent_iob_ == "I":
        start -= 1
    return start > 0 and token.doc[start - 1].lower_ in ("de", "d'", "d’", "du", "chez", "des")


def _tied(context: ArticleContext, token: Token, people, exclude: set[str]) -> EntityRef | None:
    """Where the article says the person works: introduced so in this sentence ("X, directrice
    chez Y, a démissionné"); else, when the sentence names no organisation before the trigger,
    in the nearest introduction before ("L'ancienne directrice X a démissionné")."""
    sentence = context.sentences[context.sentence_index(token)]
    for here in (True, False):
        earlier = None if here else context.organization_earlier_in_sentence(token, exclude)
        if earlier is not None and not _someone_elses(context, token, earlier, people):
            return None
        for person, _ in people or ():
            # "X a démissionné de Google ... Chez Apple, X ... Il a annoncé sa démission": the
            # organisation an earlier event said they left beats where they work now
            told = None if here else context.employer_told(person)
            # "X, ancien président de Mozilla Europe, et entré chez Y": a past post is where
            # they were before, not what they leave now
            tied = told or context.affiliation(person, sentence, here=here, current=here)
            if tied is not None and tied.key not in exclude:
                return tied
    return None


def _someone_elses(context: ArticleContext, token: Token, organization: EntityRef, people) -> bool:
    """ "La chercheuse de Kestrel Labs, Jane Doe, a décrit le départ de X": the organisation
    named earlier in the sentence is another person's, not a sign of where X worked."""
    sentence = context.sentences[context.sentence_index(token)]
    ours = {person for person, _ in people or ()}
    return any(
        (tied := context.affiliation(m.entity, sentence, here=True)) is not None
        and tied.key == organization.key
        for m in context.mentions.people_in(sentence.start, token.i)
        if m.entity not in ours
    )


def _possessor_in_clause(context: ArticleContext, verb: Token, obj: Token) -> EntityRef | None:
    """The organisation "son/sa" stands for in "quitter son conseil": the subject of a verb that
    governs the trigger, when it is an organisation."""
    if not any(c.dep_ == "det" and c.lower_ in ("son", "sa", "ses") for c in obj.children):
        return None
    for governor in verb.ancestors:
        for child in governor.children:
            if not child.dep_.startswith("nsubj"):
                continue
            if ref := context.mentions.organization_at(child):
                return ref
            if ref := _company_said_before(context, child):
                return ref
            for token in child.subtree:  # "L'unité autonome Waymo d'Alphabet a déclaré que son"
                if ref := context.mentions.organization_at(token):
                    return ref
    return None


_POSTS = {"poste", "fonction", "rôle", "mandat", "emploi", "job", "travail"}


def _company_said_before(context: ArticleContext, subject: Token) -> EntityRef | None:
    """ "nRobo a annoncé un plan ... La société a également annoncé que X avait démissionné de
    son poste": "la société" is the company the sentences before had as their subject."""
    if subject.lemma_.lower() not in lexicon("fr", "company_nouns") or not any(
        c.dep_ == "det" and c.lower_ in ("la", "le", "l'", "l’") for c in subject.children
    ):
        return None
    index = context.sentence_index(subject)
    for previous in context.sentences[max(0, index - 2) : index][::-1]:
        for mention in context.mentions.organizations_in(previous.start, previous.end):
            if mention.span.root.dep_.startswith("nsubj"):
                return mention.entity
    return None


def _first_after(context: ArticleContext, token: Token, exclude: set[str]) -> EntityRef | None:
    sentence = token.sent
    for mention in context.mentions.organizations_in(token.i, sentence.end):
        if mention.entity.key not in exclude:
            return mention.entity
    return None


def _organization_subject(context: ArticleContext, token) -> EntityRef | None:
    for child in token.children:
        # the parse may leave an unknown word opening the sentence as "dep" ("Capgemini se sépare")
        if child.dep_ == "nsubj" or (child.dep_ == "dep" and child.i < token.i):
            organization_ref = context.mentions.organization_at(child)
            if organization_ref:
                return organization_ref
    return None


def _head_of_a_country(anchor: Token) -> bool:
    """ "le président du Portugal, X": a name right after a public post held in a
    country or a city (word order: the parse often loses such appositions)."""
    doc, i = anchor.doc, anchor.i - 1
    if i > 0 and doc[i].text == ",":
        i -= 1
    place_end = i
    while i >= 0 and doc[i].ent_type_ == "LOC":
        i -= 1
    if i == place_end:
        return False
    while i >= 0 and doc[i].lower_ in ("la", "le", "l'", "l’", "les"):
        i -= 1
    if i < 1 or doc[i].lower_ not in ("de", "du", "d'", "d’", "des"):
        return False
    return doc[i - 1].lemma_.lower() in _PUBLIC_POSTS


_PUBLIC_POSTS = {"président", "présidente", "ministre", "maire", "gouverneur", "chancelier"}
_PUBLIC_POSTS |= {"chancelière", "roi", "reine", "dirigeant", "dirigeante"}


def _destinations(context: ArticleContext, trigger: Token) -> set[str]:
    """Organisations the person went to: "pour rejoindre Anthropic", "au profit de Meta"."""
    keys = set()
    sentence = trigger.sent
    by = next((t for t in trigger.doc[trigger.i + 1 : sentence.end] if t.lower_ == "par"), None)
    if trigger.lemma_.lower() == "remplacer" and by is not None:
        # "Il sera remplacé par Y, passée par Microsoft": the successor's past
        agent_end = next(
            (t.i for t in trigger.doc[by.i + 1 : sentence.end] if t.lower_ in ("à", "au")),
            sentence.end,
        )  # "remplacé par X au poste de PDG de Y": Y is the post's
        keys |= {m.entity.key for m in context.mentions.organizations_in(by.i + 1, agent_end)}
    after = sentence[trigger.i - sentence.start + 1 :]
    in_destination = False
    for token in after:
        lemma = token.lemma_.lower()
        if lemma in ("rejoindre", "pour", "vers", "chez", "profit", "intégrer"):
            in_destination = (
                not _where_they_worked(token, trigger)
                and not _blow_to(token)
                and not _for_something(context, token)
            )
        elif token.pos_ in ("VERB", "AUX") and any(a.i == token.i for a in trigger.ancestors):
            in_destination = False  # "Le départ de X vers Meta a surpris Google": the main verb
        elif token.lower_ in _RELATIVES and token.i and token.doc[token.i - 1].text == ",":
            break  # "pour rejoindre Tesla, où il resta jusqu'à son retour chez OpenAI": later
        organization_ref = context.mentions.organization_at(token)
        if in_destination and organization_ref:
            keys.add(organization_ref.key)
    return keys | _gone_to_before(context, trigger) | _owners_after(context, trigger)


_OWNED = {"détenu", "détenue", "détenus", "détenues", "contrôlé", "contrôlée", "possédé"}
_OWNED |= {"possédée", "racheté", "rachetée", "propriété"}
# "remercié par la maison mère, Vivendi": the owner that acts is not the company left
_OWNED |= {"mère", "maison-mère", "actionnaire", "propriétaire"}


def _owners_after(context: ArticleContext, trigger: Token) -> set[str]:
    """ "démissionner de la société, contrôlée à 60 % par le groupe X", "remercié par la
    maison mère, X": who owns the company left is not the company left."""
    keys = set()
    sentence = trigger.sent
    owned = False
    for token in context.doc[trigger.i + 1 : sentence.end]:
        if token.lower_ in _OWNED:
            owned = True
        elif owned and (found := context.mentions.organization_at(token)) is not None:
            keys.add(found.key)
    return keys


def _gone_to_before(context: ArticleContext, trigger: Token) -> set[str]:
    """ "X, parti chez Kestrel AI, et Y, parti chez Meta": where someone else named earlier
    in the sentence went is not what this person left."""
    keys = set()
    for token in context.doc[trigger.sent.start : trigger.i]:
        if token.lower_ not in ("chez", "vers") or token.i == 0:
            continue
        if token.doc[token.i - 1].lemma_.lower() != "partir":
            continue
        if ref := context.mentions.organization_at(token.doc[token.i + 1]):
            keys.add(ref.key)
    return keys


_RELATIVES = {"où", "qui", "dont", "lequel", "laquelle"}
_IMPACTS = {"coup", "dur", "perte", "revers", "camouflet", "nouvelle", "victoire", "signal"}


def _for_something(context: ArticleContext, preposition: Token) -> bool:
    """ "parti alors que les ventes baissent pour la gamme de Tesla", "un trimestre difficile
    pour Tesla": "pour" before a common noun that is not an employer, or a company qualifying a
    noun that is not a move, names a purpose or a cause, not where the person goes ("pour
    Anthropic", "pour une startup", "son départ pour Meta", "pour rejoindre Meta" do)."""
    if preposition.lower_ != "pour":
        return False
    governed = preposition.head
    if governed.i < preposition.i:
        return False
    if context.mentions.organization_at(governed) is None:
        return governed.pos_ == "NOUN" and governed.lemma_.lower() not in lexicon(
            "fr", "employer_nouns"
        )
    # "un trimestre difficile pour Tesla": the company qualifies a noun that is not a move
    owner = governed.head
    return (
        governed.dep_ == "nmod"
        and owner.pos_ == "NOUN"
        and owner.i < preposition.i
        and owner.lemma_.lower() not in lexicon("fr", "departure_nouns")
    )


def _blow_to(preposition: Token) -> bool:
    """ "dans un coup dur pour Alphabet", "une perte pour Google": whom the news hurts, not
    where the person goes."""
    before = preposition.doc[max(preposition.sent.start, preposition.i - 2) : preposition.i]
    return preposition.lower_ == "pour" and any(t.lower_ in _IMPACTS for t in before)


def _is_destination_token(token: Token, trigger: Token) -> bool:
    for ancestor in token.ancestors:
        if ancestor.i == trigger.i:
            return False
        if ancestor.lemma_.lower() in ("rejoindre", "intégrer", "fonder", "créer", "lancer"):
            return True
    return any(
        child.lower_ in ("pour", "vers", "chez") and not _where_they_worked(child, trigger)
        for child in token.children
    )


# Triggers after which "chez X" is where the person goes ("part chez Meta", "son départ chez
# Meta"); after the others it is where they worked ("quitte ses fonctions chez Meta").
_GOING = {"partir", "aller", "passer", "départ", "filer"}


def _where_they_worked(preposition: Token, trigger: Token) -> bool:
    """ "après dix ans chez Mistral AI", "quitter son poste chez Meta": "chez" names the
    employer, not a destination, after a duration or after a trigger of leaving a post, unless
    "pour" or "rejoindre" comes first ("quitte OpenAI pour rejoindre Meta")."""
    if preposition.lower_ != "chez":
        return False
    if _time_spent_at(preposition):
        return True
    if trigger.lemma_.lower() in _GOING or preposition.i < trigger.i:
        return False
    between = preposition.doc[trigger.i + 1 : preposition.i]
    return not any(t.lemma_.lower() in ("pour", "rejoindre", "vers", "intégrer") for t in between)


_DURATIONS = {"an", "année", "mois", "semaine", "décennie", "passer"}


def _years_spent_at(context: ArticleContext, trigger: Token) -> EntityRef | None:
    """ "X a annoncé son départ après plus de huit ans chez Meta": the years right after the
    trigger name the employer left, over any organisation in the person's title."""
    sentence = trigger.sent
    for token in sentence[trigger.i - sentence.start + 1 :][:10]:
        if token.text in ".;:" or token.lower_ in ("pour", "vers", "rejoindre"):
            return None
        if _time_spent_at(token) and token.i + 1 < sentence.end:
            return context.mentions.organization_at(token.doc[token.i + 1])
    return None


def _years_spent_before(context: ArticleContext, trigger: Token) -> EntityRef | None:
    """ "Après dix ans chez Mistral AI, X rejoint OpenAI": the years that open the sentence."""
    sentence = trigger.sent
    for token in sentence[: trigger.i - sentence.start]:
        if _time_spent_at(token) and token.i + 1 < trigger.i:
            return context.mentions.organization_at(token.doc[token.i + 1])
    return None


def _time_spent_at(preposition: Token) -> bool:
    """ "après dix ans chez Mistral AI", "six années passées chez Meta": where the person
    worked, not where they went."""
    if preposition.lower_ != "chez":
        return False
    before = preposition.doc[max(preposition.sent.start, preposition.i - 3) : preposition.i]
    return any(t.lemma_.lower() in _DURATIONS for t in before)


@resolver("fr", "organization", "joined")
def organization_joined(
    context: ArticleContext, candidate: Candidate, people=None
) -> EntityRef | None:
    token = candidate.head
    for child in token.subtree:
        if child.i > token.i:
            organization_ref = context.mentions.organization_at(child)
            if organization_ref:
                return organization_ref
    return None


@resolver("fr", "organization", "moved_from")
def moved_from(context: ArticleContext, candidate: Candidate, people=None) -> EntityRef | None:
    """ "X est passé du poste de directeur d'Adept à Amazon": the organisation after "de", never
    the one after "à"; when "de" names none ("du géant du logiciel"), where the person was said
    to work."""
    verb = candidate.head
    for child in verb.children:
        if child.i < verb.i or not child.dep_.startswith(("obl", "nmod")):
            continue
        if any(
            c.dep_ == "case" and c.lower_ in ("de", "du", "d'", "d’", "des") for c in child.children
        ):
            for token in child.subtree:
                if (found := context.mentions.organization_at(token)) is not None:
                    return found
    for person, _ in people or ():
        sentence = context.sentences[context.sentence_index(verb)]
        tied = context.affiliation(person, sentence, here=False) or context.employer_told(person)
        if tied is not None:
            return tied
    return None


_BOARDS = {"conseil", "board", "comité"}
# What someone joins that keeps their post: a board, a committee, an advisory role
_SEATS = {"conseil", "comité", "board", "bureau"}


def joins_a_seat(verb: Token) -> bool:
    """ "rejoint le conseil d'administration de Y": a seat many hold alongside their post."""
    return any(c.dep_ == "obj" and c.lemma_.lower() in _SEATS for c in verb.children)


@resolver("fr", "organization", "post_left")
def post_left(context: ArticleContext, candidate: Candidate, people=None) -> EntityRef | None:
    """ "X, cofondateur de Character.AI, rejoint Google": the organisation of the post the
    sentence gives the person as they join another (not a past one: "l'ancien de Google"); none
    when they join a board, which many hold alongside their post."""
    verb = candidate.head
    if any(c.dep_ in ("aux:pass", "obl:agent") for c in verb.children):
        return None  # "fondée par deux anciens de X, rejoints par ...": joined, not joining
    joined = organization_joined(context, candidate)
    if joined is None or joins_a_seat(verb):
        return None
    if verb.lemma_ == "envoler" and not _flies_to(context, verb, joined):
        return None  # "s'envole vers Bruxelles, où il rencontre la Commission": a trip
    for _, anchor in people or ():
        if anchor.i > verb.i:
            continue
        # "Le PDG de Character.AI, X, retourne chez Google": the post may come before the name
        linked = anchor.dep_ in ("appos", "conj") and anchor.head.i < anchor.i
        start = anchor.head.i if linked else anchor.i
        if (
            anchor.pos_ == "PRON"
        ):  # "X, qui a dirigé les efforts d'Intel, a dit qu'il avait rejoint"
            named = context.mentions.people_in(anchor.sent.start, anchor.i)
            start = named[0].span.start if named else start
        posts = []
        for token in context.doc[start : verb.i]:
            organization_ref = context.mentions.organization_at(token)
            if organization_ref is None or organization_ref == joined:
                continue
            before = context.doc[token.i - 1].lower_ if token.i else ""
            said_former = _said_former(token, anchor) or _said_former(token, context.doc[start])
            if before in ("de", "d'", "d’", "du", "chez") and not said_former:
                posts.append((before, organization_ref))
        # "directeur de l'ingénierie de Vigie chez Kairn": "chez" names the employer, "de"
        # may name a product or a unit of it
        employer = next((ref for before, ref in posts if before == "chez"), None)
        if employer or posts:
            return employer or posts[0][1]
    # "a rejoint Meta après onze ans chez Google", "Après onze ans chez Google, X rejoint Meta"
    years_at = _years_spent_at(context, verb) or _years_spent_before(context, verb)
    return years_at if years_at is not None and years_at != joined else None


def _flies_to(context: ArticleContext, verb: Token, joined: EntityRef) -> bool:
    """ "s'envole vers OpenAI", "s'envole chez Meta": the company right after the preposition."""
    doc = verb.doc
    after = doc[verb.i + 1] if verb.i + 2 < len(doc) else None
    return (
        after is not None
        and after.lower_ in ("vers", "chez")
        and context.mentions.organization_at(doc[after.i + 1]) == joined
    )


def _said_former(token: Token, anchor: Token) -> bool:
    between = token.doc[anchor.i : token.i]
    return any(
        t.lower_ in ("ancien", "ancienne", "ex") or t.lower_.startswith("ex-") for t in between
    )
