"""French: which team is dissolved and by whom. The trigger's object, subject or complement that is
a team ("l'équipe Superalignment", "son équipe d'éthique et société", "ce groupe", "l'"), named as
the article gives it (or with the gazetteer's name for a known team), and the organisation."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from pipeline.extract.context import ArticleContext
from pipeline.extract.dates import CALENDAR_WORDS
from pipeline.extract.engine import resolver
from pipeline.extract.gazetteers import team_by_alias
from pipeline.extract.lexicons import lexicon
from pipeline.extract.mentions import CLOSING_QUOTES, NAMING_WORDS, OPENING_QUOTES, organization
from pipeline.extract.named_units import (
    bulleted_units,
    closed_unit,
    owner_as_introduced,
    proper_name_ending_at,
    with_units_listed_after,
)
from pipeline.extract.names import fold
from pipeline.extract.results import EntityRef
from pipeline.extract.rulebook import Candidate
from pipeline.extract.team_mention import TeamMention
from pipeline.extract.units_by_place import units_by_place

OBJECT_PRONOUNS = {"l'", "l’", "le", "la", "les"}
DEMONSTRATIVES = {"ce", "cette", "cet", "ces"}
_SKIP_IN_NAME = {"det", "punct", "acl:relcl", "acl", "appos", "nsubj", "cc:preconj"}


@resolver("fr", "team", "object_team")
def team_dissolved(context: ArticleContext, candidate: Candidate) -> TeamMention | None:
    if any(c.dep_ == "nmod" and c.lemma_.lower() in _JOBS for c in candidate.head.children):
        return None  # "les suppressions d'emplois dans sa division": jobs cut, the unit goes on
    team_nouns = lexicon("fr", "team_nouns")
    known = _named_teams(context, team_nouns)
    team = _team_for(context, candidate.head, team_nouns, known)
    if team is None:  # the parse lost the object ("Amazon ferme son laboratoire" as a title)
        following = _team_noun_after(candidate.head, team_nouns)
        if following is not None:
            team = _team_from(context, following, team_nouns, known)
    if team is None and (subject := _passive_subject_before(candidate.head, team_nouns)):
        team = _team_from(context, subject, team_nouns, known)
    if team is None and (subject := _subject_under_way(candidate.head, team_nouns)):
        team = _team_from(context, subject, team_nouns, known)
    if team is None:
        team = _sites_closed_by_town(context, candidate.head, team_nouns)
    if team is None:
        team = units_by_place(context, candidate.head)
    return with_units_listed_after(
        context,
        team
        or closed_unit(context, candidate.head)
        or _english_unit_name(candidate.head)
        or _english_unit_subject(candidate.head)
        or bulleted_units(candidate.head),
    )


_SITE_WORDS = {"site", "centre", "studio", "laboratoire", "antenne", "bureau"}


def _sites_closed_by_town(context, trigger: Token, team_nouns) -> TeamMention | None:
    """ "les fermetures de Rennes et de Nantes", in an article about a company's
    sites: each town stands for the site the company closes there."""
    if trigger.lemma_.lower() != "fermeture" or not any(
        t.lemma_.lower() in _SITE_WORDS for t in context.doc
    ):
        return None
    doc, towns, i = trigger.doc, [], trigger.i + 1
    while i + 1 < trigger.sent.end and doc[i].lower_ in ("de", "d'", "d’", "et", ","):
        i += 1
        if doc[i].lower_ in ("de", "d'", "d’"):
            i += 1
        town = next((e for e in doc.ents if e.start == i and e.label_ == "LOC"), None)
        if town is None:
            break
        towns.append(town.text)
        i = town.end
    if not towns:
        return None
    return TeamMention(towns[0], None, trigger, towns[0], also=tuple(towns[1:]))


_UNDER_WAY = {"cours", "voie", "passe", "train"}


def _subject_under_way(trigger: Token, team_nouns) -> Token | None:
    """ "Le studio X est en cours de fermeture", "ce laboratoire, ..., est en voie de
    disparition": what closes is the team noun that opens the sentence."""
    doc = trigger.doc
    if (
        trigger.i < 3
        or doc[trigger.i - 1].lower_ != "de"
        or doc[trigger.i - 2].lower_ not in _UNDER_WAY
    ):
        return None
    opening = [t for t in trigger.sent if t.i < trigger.i and not t.is_punct][:3]
    found = next((t for t in opening if t.lemma_.lower() in team_nouns), None)
    return found or _subject_of_the_clause(trigger, team_nouns)


_CLAUSE_OPENERS = {"que", "qu'", "qu’", ",", ";", ":", "dont", "où"}


def _subject_of_the_clause(trigger: Token, team_nouns) -> Token | None:
    """ "Le journal annonce que l'unité chargée des X est en cours de dissolution": the team noun
    that opens the clause the trigger ends."""
    doc, i = trigger.doc, trigger.i - 4
    while i > trigger.sent.start and doc[i - 1].lower_ not in _CLAUSE_OPENERS:
        i -= 1
    return next((t for t in doc[i : trigger.i - 3][:3] if t.lemma_.lower() in team_nouns), None)


# "Intel va fermer son New Devices Group", "Google ferme Google Labs": a unit's English name
_EN_UNIT_ENDS = {"Group", "Lab", "Labs", "Division", "Unit", "Team", "Studio", "Studios"}
_EN_UNIT_ENDS |= {"Council", "Board", "Institute", "Center", "Centre"}


def _english_unit_name(trigger: Token) -> TeamMention | None:
    doc, end = trigger.doc, trigger.sent.end
    i = trigger.i + 1
    # "la fermeture progressive du Japan Studio", "la fermeture totale et définitive de X"
    while i < min(end, trigger.i + 6) and (
        doc[i].lower_ in ("son", "sa", "ses", "le", "la", "l'", "l’", "les", "de", "du", "d'", "d’")
        or (doc[i].is_lower and doc[i].pos_ in ("ADJ", "CCONJ") and trigger.pos_ == "NOUN")
    ):
        i += 1
    words = []
    while i < end and len(words) < 5 and doc[i].text[:1].isupper():
        words.append(doc[i])
        i += 1
    if words and words[-1].text == "Studio" and len(words) == 1:
        return None
    if len(words) < 2 or words[-1].text not in _EN_UNIT_ENDS:
        return None
    name = doc[words[0].i : words[-1].i + 1].text
    return TeamMention(name, None, trigger, name)


# between a unit and its closing verb: "les X Studios allaient tout simplement être fermés"
_BEFORE_THE_VERB = {"être", "été", "est", "sont", "sera", "seront", "va", "vont", "allait"}
_BEFORE_THE_VERB |= {"allaient", "doit", "doivent", "devrait", "devraient", "a", "ont", "tout"}
_BEFORE_THE_VERB |= {"bien", "donc", "aussi", "déjà", "bientôt", "également", "se", "s'", "s’"}


def _english_unit_subject(trigger: Token) -> TeamMention | None:
    """ "les Xbox Entertainment Studios vont être fermés": a unit's English name as the subject
    of the closing verb, with only auxiliaries and adverbs between."""
    doc, i = trigger.doc, trigger.i - 1
    while i > trigger.sent.start and (
        doc[i].lower_ in _BEFORE_THE_VERB or (doc[i].is_lower and doc[i].text.endswith("ment"))
    ):
        i -= 1
    if i == trigger.i - 1:
        return None
    start = proper_name_ending_at(doc, i, trigger.sent.start, _EN_UNIT_ENDS)
    if start is None or doc[start].is_sent_start:
        return None
    name = doc[start : i + 1].text
    return TeamMention(name, None, trigger, name)


@resolver("fr", "team", "existing_subject")
def team_no_more(context: ArticleContext, candidate: Candidate) -> TeamMention | None:
    """ "Le groupe Vigie n'existe plus": the team is the subject, nothing else in the sentence."""
    subject = next((c for c in candidate.head.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    team_nouns = lexicon("fr", "team_nouns")
    return _team_from(context, subject, team_nouns, _named_teams(context, team_nouns))


@resolver("fr", "team", "team_let_go")
def team_let_go(context: ArticleContext, candidate: Candidate) -> TeamMention | None:
    """ "a licencié toute son équipe", "l'équipe a été licenciée": the team is who is let go,
    never where ("a licencié dans sa division": jobs cut inside a unit that goes on)."""
    trigger = candidate.head
    let_go = [c for c in trigger.children if c.dep_ in ("obj", "nsubj:pass")]
    if trigger.dep_ in ("acl", "amod") and trigger.head.pos_ in ("NOUN", "PROPN"):
        let_go.append(trigger.head)  # "la division, licenciée mardi, ..."
    if trigger.pos_ == "NOUN":  # an infinitive the tagger took for a noun: what follows it
        following = trigger.doc[trigger.i + 1 : min(trigger.i + 5, trigger.sent.end)]
        let_go += [t for t in following if t.pos_ == "NOUN"][:1]
    let_go += [
        c for t in let_go if t.lemma_.lower() in _WHOLE_OF for c in t.children if c.dep_ == "nmod"
    ]
    team_nouns = lexicon("fr", "team_nouns")
    known = _named_teams(context, team_nouns)
    for token in let_go:
        team = _team_from(context, token, team_nouns, known)
        if team is not None:
            return _of_the_project(team) if team.name == token.text else team
    return None


def _of_the_project(team: TeamMention) -> TeamMention:
    """ "ferme le projet Lumen et licencie son équipe": the bare team is the project's."""
    sentence = team.token.sent
    for token in sentence:
        following = token.nbor(1) if token.i + 1 < sentence.end else None
        if token.lower_ == "projet" and following is not None and following.text[:1].isupper():
            project = _ent_text(following).removeprefix("projet ")
            name = f"{team.token.text} du projet {project}"
            return TeamMention(name, None, team.token, name)
    return team


_JOBS = {"emploi", "poste", "effectif", "job"}
# "fermer les portes de son laboratoire", "fermer la totalité de son entité": the unit closed
# is the complement of these
# "met fin aux activités (aux travaux) de son labo", "acte la fin de son équipe"
# "a tiré un trait sur son labo", "tire le rideau sur son studio"
_WHOLE_OF = {"porte", "totalité", "ensemble", "activité", "travail", "fin", "trait", "rideau"}
_DETERMINERS = {"son", "sa", "ses", "leur", "leurs", "le", "la", "l'", "l’", "les", "un", "une"}


def _passive_subject_before(trigger: Token, team_nouns) -> Token | None:
    """ "Le conseil ... mis en place par Google a été dissous": a passive verb the parse cut from
    its subject; the team noun that opens the sentence is what was dissolved."""
    if not any(c.dep_ == "aux:pass" for c in trigger.children):
        return None
    if any(c.dep_ in ("nsubj", "nsubj:pass") for c in trigger.children):
        return None
    opening = [t for t in trigger.sent if t.i < trigger.i and not t.is_punct][:3]
    return next((t for t in opening if t.lemma_.lower() in team_nouns), None)


def _team_noun_after(trigger: Token, team_nouns) -> Token | None:
    """A team noun right after the trigger, behind a determiner: "ferme son laboratoire", or
    after an aside: "la fermeture, dès 2027, de son laboratoire"."""
    doc = trigger.doc
    start = trigger.i + 1
    if start < len(doc) and doc[start].text == ",":
        closing = next((t for t in doc[start + 1 : start + 7] if t.text == ","), None)
        if (
            closing is not None
            and closing.i + 1 < len(doc)
            and doc[closing.i + 1].lower_ in ("de", "du", "des", "d'", "d’")
        ):
            start = closing.i + 2
    window = list(doc[start : min(start + 3, len(doc))])
    for first, second in zip(window, window[1:], strict=False):
        if first.lower_ in _DETERMINERS and second.lemma_.lower() in team_nouns:
            return second
    return None


def _team_for(context, trigger: Token, team_nouns: frozenset[str], known: list[TeamMention]):
    # "mettre la clé sous la porte de son laboratoire": the key is no object
    objects = [c for c in trigger.children if c.dep_ == "obj" and c.lemma_.lower() != "clé"]
    if any(_own_doors(o) for o in objects):  # "le laboratoire de X fermera ses portes"
        subjects = [c for c in trigger.children if c.dep_ == "nsubj"]
        if not subjects and trigger.dep_ == "xcomp":  # "le laboratoire ... va fermer ses portes"
            subjects = [c for c in trigger.head.children if c.dep_ == "nsubj"]
        return next((t for s in subjects if (t := _team_from(context, s, team_nouns, known))), None)
    objects += [c for o in objects for c in _coordinated_units(o, team_nouns)]  # "X et son labo"
    if objects and not any(_may_be_a_team(o, team_nouns) for o in objects):
        return None  # "a supprimé 600 postes au sein de FAIR": jobs cut, not a team dissolved
    if any(o.lemma_.lower() in _JOBS for o in objects):
        return None  # the same, when the parse takes the unit's name for a second object
    candidates = []
    for child in trigger.children:
        if child.dep_ in ("obj", "nsubj:pass", "nmod", "obl:arg", "obl", "obl:mod", "nsubj"):
            candidates.append(child)
    # "le groupe X met fin à sa branche jeux": the active subject is who closes, the team is the
    # complement; a subject is the team only when nothing else is ("l'équipe a cessé d'exister")
    candidates.sort(key=lambda child: child.dep_ == "nsubj")
    if trigger.dep_ in ("acl", "amod") and trigger.head.pos_ in ("NOUN", "PROPN"):
        candidates.append(trigger.head)  # "l'équipe, dissoute en mai, ..."
    for candidate in list(candidates):  # "fermer les portes de son laboratoire"
        if candidate.lemma_.lower() in _WHOLE_OF:  # "fermer la totalité de son entité X"
            candidates += [c for c in candidate.children if c.dep_ == "nmod"]
        candidates += [c for c in candidate.children if c.dep_ == "appos"]  # "Vigie, une équipe"
        if candidate.dep_ == "obj":  # "a fermé son Internet des objets et son laboratoire d'IA"
            candidates += _coordinated_units(candidate, team_nouns)
    for candidate in candidates:
        team = _team_from(context, candidate, team_nouns, known)
        if team:
            return team
    return None


def _own_doors(thing: Token) -> bool:
    return thing.lemma_.lower() == "porte" and any(
        d.lower_ in ("ses", "leurs") for d in thing.children
    )


def _coordinated_units(thing: Token, team_nouns) -> list[Token]:
    """What is coordinated with the object: "son X et son laboratoire", also when the parse
    hangs the unit on the object's complement ("son Internet des objets et son laboratoire")."""
    direct = [c for c in thing.children if c.dep_ == "conj"]
    deeper = [
        c
        for child in thing.children
        if child.dep_ == "nmod"
        for c in child.children
        if c.dep_ == "conj" and c.lemma_.lower() in team_nouns
    ]
    return direct + deeper


def _may_be_a_team(token: Token, team_nouns) -> bool:
    return (
        token.lemma_.lower() in team_nouns
        or token.lemma_.lower()
        in _WHOLE_OF | {"fin", "terme"}  # "fermer les portes de", "mettre fin à"
        or token.ent_type_ in ("TEAM", "ORG", "MISC", "PER")
        or token.pos_ in ("PROPN", "PRON")
    )


def _team_from(context, token: Token, team_nouns: set[str], known: list[TeamMention]):
    if token.lemma_.lower() in team_nouns and (named_before := _name_before_apposition(token)):
        return TeamMention(named_before, None, token, named_before)  # "Vigie, une équipe"
    if _named_unit(token, team_nouns):  # "fermer Nimbus, sa filiale chargée de ..."
        words = _ent_text(token).split()
        while len(words) > 1 and words[0].islower():
            words.pop(0)  # NER may glue the verb on: "fermer Nimbus"
        name = " ".join(words)
        return TeamMention(name, None, token, name)
    named = _name_team(token, team_nouns)
    if named:
        return TeamMention(*named[:2], token, named[2])
    if (led := _the_team_they_lead(token, team_nouns)) is not None:
        return led
    is_pronoun = token.lower_ in OBJECT_PRONOUNS and token.pos_ == "PRON"
    is_team_noun = token.lemma_.lower() in team_nouns and "Plur" not in token.morph.get("Number")
    is_demonstrative = is_team_noun and any(
        c.lower_ in DEMONSTRATIVES or c.lower_ in ("son", "sa", "leur") for c in token.children
    )
    if is_pronoun or is_demonstrative or (is_team_noun and _definite(token)):
        earlier = [team for team in known if team.token.i < token.i]
        near = earlier and (
            context.sentence_index(token) - context.sentence_index(earlier[-1].token) <= 3
        )
        if near or (earlier and is_team_noun and not is_demonstrative):
            return earlier[-1]  # "l'équipe", however far from where the article named it
    if is_team_noun and any(c.dep_ == "case" and c.lower_ == "du" for c in token.children):
        # "la fermeture du petit studio" after "le studio Playdots": the same noun, just before
        same = [t for t in known if t.token.i < token.i and t.token.lemma_ == token.lemma_]
        if same and context.sentence_index(token) - context.sentence_index(same[-1].token) <= 3:
            return same[-1]
    bare = token.lemma_.lower() in lexicon("fr", "team_nouns_alone") and token.dep_ != "nsubj"
    if is_team_noun and bare and _definite(token) and not _not_a_team(token):
        # "a finalement dissous l'équipe": the article names it no better
        return TeamMention(token.text, None, token, token.text)
    return None


_LEADING = {"diriger", "mener", "piloter", "superviser", "codiriger", "animer"}


def _the_team_they_lead(token: Token, team_nouns) -> TeamMention | None:
    """ "X, chef de l'équipe de préparation, ... a révélé que l'équipe qu'il dirige serait
    dissoute": the team a person leads is the one their title named earlier in the sentence."""
    if token.lemma_.lower() not in team_nouns or not any(
        c.dep_ == "acl:relcl" and c.lemma_.lower() in _LEADING for c in token.children
    ):
        return None
    for earlier in reversed(token.sent[: token.i - token.sent.start]):
        if earlier.lemma_.lower() in team_nouns and (named := _name_team(earlier, team_nouns)):
            return TeamMention(*named[:2], earlier, named[2])
    return None


def _named_unit(token: Token, team_nouns) -> bool:
    """A proper name the apposition right after it calls a unit: "Nimbus, sa filiale"."""
    doc = token.doc
    following = doc[token.i + 1 : min(token.i + 4, token.sent.end)]
    return (
        token.pos_ in ("PROPN", "NOUN", "X")
        and token.text[:1].isupper()
        and not token.is_sent_start
        and not token.ent_id_  # a company the gazetteer knows is no unit of another
        and len(following) == 3
        and following[0].text == ","
        and following[1].lower_ in ("sa", "son", "leur", "une", "un")  # not "Selon X, l'équipe"
        and following[2].lemma_.lower() in team_nouns
    )


def _name_team(token: Token, team_nouns: set[str]) -> tuple[str, str | None, str] | None:
    """(name, organisation from the gazetteer, the article's words) for a token that heads a
    team mention."""
    if token.ent_type_ == "TEAM":
        team = team_by_alias().get(fold(_ent_text(token)))
        if team:
            return team.name, team.organization, _ent_text(token)
    if token.lemma_.lower() not in team_nouns or _plural_and_vague(token):
        return None
    if _not_a_team(token):
        return None
    inside = _quoted_around(token)
    if inside:
        return _known_or(inside)
    quoted = _quoted_name_after(token)
    if quoted:
        return _known_or(quoted)
    entity = entity_after_team_noun(token)
    if entity is not None:
        return _known_or(entity.text.strip("«» "))
    given = name_given_in_sentence(token)
    if given:
        return _known_or(given)
    proper = [
        child  # "l'équipe Vigie", not "le laboratoire de la Silicon Valley" (a complement)
        for child in token.children
        if child.i > token.i
        # "sa branche jeux vidéo": a lower-case word the tagger calls a proper noun is none
        and ((child.pos_ == "PROPN" and not child.text.islower()) or child.ent_type_ == "TEAM")
        and child.dep_ in ("flat:name", "appos", "nmod", "amod", "compound", "nummod")
        and not any(c.dep_ == "case" for c in child.children)
        and all(t.is_punct for t in token.doc[token.i + 1 : child.i])  # right after the noun
    ]
    if proper:
        words = []
        for child in proper:
            words.extend(t.text for t in child.subtree if not t.is_punct and t.dep_ != "case")
        return _known_or(" ".join(words))
    descriptor = _descriptor(token)
    if descriptor is None:
        for other in _coordinated_nouns(token, team_nouns):  # "un laboratoire et une équipe d'X"
            if (shared := _descriptor(other)) is not None:
                descriptor = f"{token.text}{shared[len(other.text) :]}"
                break
        else:
            descriptor = _located(token)
            if descriptor is None:
                return None
    folded = fold(descriptor)
    for alias, team in team_by_alias().items():
        if alias and f" {alias} " in f" {folded} ":
            return team.name, team.organization, descriptor
    return descriptor, None, descriptor


# Units a company closes several of at once, each kind told apart by what follows ("ses studios
# de développement à l'étranger", "ses centres de recherche en Chine"); "ses équipes" and "ses
# bureaux" are its staff and its premises
_PLURAL_UNITS = {"studio", "laboratoire", "labo", "centre", "division", "filiale", "unité"}


def _plural_and_vague(noun: Token) -> bool:
    if "Plur" not in noun.morph.get("Number"):
        return False
    if noun.lemma_.lower() not in _PLURAL_UNITS or not noun.lower_.endswith(("s", "x")):
        return True
    # told apart by a plain description ("de recherche", "américains"), not by towns: "ses
    # studios de Lille et de Gand" is one unit per town, for units_by_place
    doc, after = noun.doc, noun.i + 1
    if after + 1 >= noun.sent.end:
        return True
    described = doc[after].is_lower and doc[after].is_alpha and doc[after].pos_ == "ADJ"
    of_what = doc[after].lower_ in ("de", "d'", "d’") and doc[after + 1].is_lower
    return not (described or of_what)


# "conseil d'administration", "conseil des ministres": a board or a government, not a team
_NOT_TEAMS_AFTER = {"conseil": {"administration", "surveillance", "ministres", "ministre", "état"}}
_NOT_TEAMS_AFTER["centre"] = lexicon("any", "facility_words")  # "son centre de données"
# "son site web", "le site officiel": a website, not a research site
_NOT_TEAMS_AFTER["site"] = {"web", "internet", "officiel", "marchand", "vitrine", "e-commerce"}
_NOT_TEAMS_AFTER["site"] |= {"ligne", "commerce", "vente"}  # "de vente en ligne", "de commerce"


def _not_a_team(noun: Token) -> bool:
    words = _NOT_TEAMS_AFTER.get(noun.lemma_.lower())
    if not words:
        return False
    following = noun.doc[noun.i + 1 : noun.i + 3]
    return any(t.lemma_.lower() in words for t in following)


def _quoted_around(noun: Token) -> str | None:
    """ "le « conseil de confiance et de sécurité »": a name in quotes that starts with the
    team noun."""
    doc = noun.doc
    if noun.i == 0 or doc[noun.i - 1].text not in OPENING_QUOTES:
        return None
    for j in range(noun.i + 1, min(noun.i + 12, noun.sent.end)):
        if doc[j].text in CLOSING_QUOTES:
            return doc[noun.i : j].text.strip() or None
    return None


_BECOMING = {"devenir", "rester", "redevenir"}


def _subject_it_describes(noun: Token) -> str | None:
    """ "Née chez Google, Vigie est devenue une filiale d'Alphabet": the unit a predicate noun
    describes is the proper name that is the subject, and "cette filiale" later stands for it."""
    if noun.dep_ == "obj" and noun.head.lemma_.lower() in _BECOMING:
        verb = noun.head
    elif any(c.dep_ == "cop" for c in noun.children):
        verb = noun
    else:
        return None
    for _ in range(3):  # up from "devenir" to the verb whose subject it shares
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        if subject is not None or verb.dep_ not in ("advcl", "xcomp"):
            break
        verb = verb.head
    if (
        subject is None
        or subject.i > noun.i
        or not subject.text[:1].isupper()
        or subject.pos_ not in ("PROPN", "X", "NOUN")
        or subject.ent_id_  # a company the gazetteer knows is no unit
        or subject.ent_type_ == "PER"
    ):
        return None
    name = _ent_text(subject)
    return name if name[:1].isupper() and len(name) > 1 else None


def _name_before_apposition(noun: Token) -> str | None:
    """ "Meta Connectivity, une division de R&D": the capitalised words before ", un(e) NOUN"."""
    doc = noun.doc
    determiner = noun.i - 1
    if (
        determiner < 2
        or doc[determiner].lower_ not in ("un", "une")
        or doc[determiner - 1].text != ","
    ):
        return None
    words: list[Token] = []
    i = determiner - 2
    while i >= noun.sent.start and len(words) < 4 and doc[i].text[:1].isupper():
        words.insert(0, doc[i])
        i -= 1
    if not words or (i >= 0 and doc[i].text[:1].isupper()):
        return None
    return doc[words[0].i : words[-1].i + 1].text


def _coordinated_nouns(noun: Token, team_nouns) -> list[Token]:
    """ "un laboratoire et une équipe d'informatique quantique": the team noun after "et"."""
    doc = noun.doc
    window = doc[noun.i + 1 : min(noun.i + 4, noun.sent.end)]
    if not window or window[0].lower_ != "et":
        return []
    return [t for t in window[1:] if t.lemma_.lower() in team_nouns][:1]


def _definite(noun: Token) -> bool:
    """ "l'équipe", "son laboratoire": a team the reader knows, not "une équipe"."""
    return any(
        c.dep_ == "det" and c.lower_ in ("l'", "l’", "le", "la", "son", "sa", "leur")
        for c in noun.children
    )


def _known_or(surface: str) -> tuple[str, str | None, str]:
    team = team_by_alias().get(fold(surface))
    return (team.name, team.organization, surface) if team else (surface, None, surface)


def _quoted_name_after(noun: Token) -> str | None:
    """ "l'équipe « IA responsable »", "son équipe d'« Alignement et sûreté »": the words in
    quotes right after the team noun (or after its "de") are the team's name."""
    doc, end = noun.doc, noun.sent.end
    i = noun.i + 1
    if i < end and doc[i].lower_ in ("d'", "d’", "de", "du"):
        i += 1
    if i >= end or doc[i].text not in OPENING_QUOTES:
        return None
    for j in range(i + 1, min(i + 10, end)):
        if doc[j].text in CLOSING_QUOTES:
            name = doc[i + 1 : j].text.strip()
            return name or None
    return None


def name_given_in_sentence(noun: Token) -> str | None:
    """The quoted name a naming participle gives in the team noun's sentence, a few words from
    the noun: "Baptisée « Contrepoids », cette équipe a été dissoute"."""
    doc, sentence = noun.doc, noun.sent
    start, end = max(sentence.start, noun.i - 12), min(sentence.end, noun.i + 5)
    for i in range(start, end - 2):
        if doc[i].lower_ in NAMING_WORDS and doc[i + 1].text in OPENING_QUOTES:
            for j in range(i + 2, min(i + 10, sentence.end)):
                if doc[j].text in CLOSING_QUOTES:
                    return doc[i + 2 : j].text.strip() or None
    return None


def entity_after_team_noun(noun: Token) -> Span | None:
    """ "l'équipe Model Welfare", "son équipe centrale « Responsible Innovation »", "son équipe
    éthique et société": a named entity within a few words after the team noun."""
    window_end = min(noun.i + 4, noun.sent.end)
    for ent in noun.doc.ents:
        # "l'équipe FAIR": a lab the gazetteer files under its company is the team here
        lab_of_a_company = (
            ent.start == noun.i + 1 and ent.text.isupper() and ent.text != ent.ent_id_
        )
        if noun.i < ent.start < window_end and (
            ent.label_ == "TEAM" or not ent.ent_id_ or lab_of_a_company
        ):
            between = noun.doc[noun.i + 1 : ent.start]
            plain_words = all(
                t.is_punct or t.pos_ == "ADJ" or t.ent_type_ == "TEAM" for t in between
            )
            if plain_words and ent.label_ in ("TEAM", "ORG", "MISC", "PER"):
                return _with_coordinated_name(_with_capitalised_words_after(_undated(ent)))
    return None


_TIME_WORDS = CALENDAR_WORDS | {"printemps", "été", "automne", "hiver", "début", "fin", "mi"}


def _undated(ent: Span) -> Span:
    """ "l'équipe Vigie au printemps": NER may take the time after a name into it."""
    for token in ent[1:]:
        following = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if (
            token.lower_ in ("au", "en", "à", "début", "fin", "dès", "depuis")
            and following is not None
            and (following.lower_ in _TIME_WORDS or token.lower_ in ("début", "fin"))
        ):
            return ent.doc[ent.start : token.i]
    return ent


def _with_capitalised_words_after(ent: Span) -> Span:
    """ "son équipe Industrial Metaverse Core": NER may cut a name of several capitalised
    words into entities of different kinds; the name goes on while the words are capitalised."""
    doc, end = ent.doc, ent.end
    while (
        end < min(ent.sent.end, ent.start + 5)
        and doc[end].text[:1].isupper()
        and doc[end].is_alpha
        and doc[end - 1].whitespace_
        and not doc[end].ent_id_  # "l'équipe Health Google": the company
    ):
        end += 1
    return doc[ent.start : end]


def _with_coordinated_name(ent: Span) -> Span:
    """ "son laboratoire IoT et IA": fields told by acronyms, coordinated, name the unit with
    its noun."""
    doc, end = ent.doc, ent.end
    acronyms = (
        len(ent) == 1
        and end + 1 < ent.sent.end
        and doc[end].lower_ in ("et", "&")
        and doc[end + 1].ent_type_ != "PER"
        and all(_acronym(t) for t in (ent[0], doc[end + 1]))
    )
    return doc[ent.start - 1 : end + 2] if acronyms and ent.start > 0 else ent


def _acronym(token: Token) -> bool:
    """ "IA", "IoT", "ML": a short word of capitals (a small letter inside allowed)."""
    capitals = sum(1 for c in token.text if c.isupper())
    return 2 <= len(token.text) <= 4 and capitals >= len(token.text) - 1


_VAGUE = {"spécifique", "particulier", "certain", "interne", "entier", "restreint", "dernier"}


def _descriptor(noun: Token) -> str | None:
    """ "équipe d'éthique et société" from "son équipe d'éthique et société, qui ..."."""
    keep, clauses = [noun], set()
    for child in noun.children:
        if _names_its_owner(child):
            continue  # "de sa branche recherche": whose team, not its name
        if child.i < noun.i or child.ent_type_ == "ORG":
            continue
        if child.dep_ == "amod" and child.lemma_.lower() in _VAGUE:
            continue  # "une équipe spécifique chargée de ...": says nothing of which team
        if child.dep_ in ("amod", "nmod", "flat:name"):
            clauses |= {  # "de 500 salariés dirigée par X": who leads it is not its name
                t.i for c in child.subtree if c.dep_.startswith("acl") for t in c.subtree
            }
            keep.extend(
                t
                for t in child.subtree
                if (t.dep_ not in _SKIP_IN_NAME or t.i == child.i) and t.i not in clauses
            )
    if clauses:  # the parse may hang the leader's name on the noun: the name ends at the clause
        keep = [t for t in keep if t.i < min(clauses)]
    if len(keep) == 1:
        return _charged_with(noun) or _complement_by_order(noun) or _juxtaposed(noun)
    keep = sorted(set(keep), key=lambda t: t.i)
    dated = next((t for t in keep if t.lower_ in CALENDAR_WORDS or _a_year(t)), None)
    if dated is not None:  # "son équipe d'éthique en mars": when, not part of the name
        keep = [t for t in keep if t.i < dated.i]
        while len(keep) > 1 and keep[-1].pos_ in ("ADP", "DET"):
            keep.pop()
        if len(keep) == 1:
            return _charged_with(noun) or _complement_by_order(noun)
    words = noun.doc[keep[0].i : keep[-1].i + 1]
    aside = next((t for t in words if t.text == "," and not t.nbor(1).text[:1].isupper()), None)
    if aside is not None:  # "son studio de Liverpool, à l'origine de ...": an aside, not the name
        words = noun.doc[words.start : aside.i]
    named_last = words[-1].ent_type_ == "ORG" and not words[-1].ent_id_ and words[-2].pos_ == "NOUN"
    if any(t.ent_type_ == "ORG" for t in words) and not named_last:
        if (described := _described_before_owner(words)) is not None:
            return described  # "le groupe de recherche sur l'alignement de Google"
        return (
            None  # "l'équipe de Google" is whose team; "l'équipe de superordinateurs Dojo" is named
        )
    return _with_trailing_modifiers(_with_name_after(words)).text.strip()


def _with_trailing_modifiers(words: Span) -> Span:
    """ "sa division réalité augmentée": the parse may hang the last adjective elsewhere; lower
    case adjectives and participles right after the name, ending the phrase, belong to it."""
    doc, end = words.doc, words.end
    while end < words.sent.end and doc[end].ent_iob_ == "I" and words[-1].ent_type_:
        end += 1  # "le studio danois Press Play": the name NER read goes on past the parse's
    while end < min(words.end + 2, words.sent.end) and _modifier_at_end(doc[end]):
        end += 1
    return doc[words.start : end]


def _modifier_at_end(token: Token) -> bool:
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    ends_phrase = following is None or following.is_punct or following.pos_ in ("ADJ", "CCONJ")
    return (
        token.is_lower
        and token.is_alpha
        and token.lower_ not in CALENDAR_WORDS
        and (token.pos_ == "ADJ" or "Part" in token.morph.get("VerbForm"))
        and ends_phrase
    )


def _juxtaposed(noun: Token) -> str | None:
    """ "son pôle données ouvertes": a noun and its adjectives set right after the team noun,
    with no "de", name it."""
    doc, start = noun.doc, noun.i + 1
    if start >= noun.sent.end or doc[start].pos_ != "NOUN" or not doc[start].is_lower:
        return None
    if doc[start].lower_ in CALENDAR_WORDS or doc[start].lemma_.lower() in _JOBS:
        return None
    words = _with_trailing_modifiers(doc[noun.i : start + 1])
    following = doc[words.end] if words.end < len(doc) else None
    if following is not None and not (following.is_punct or following.pos_ in ("CCONJ", "ADP")):
        return None  # "son équipe semaine après semaine": no name, a phrase going on
    return words.text


_BASED = {"basé", "basée", "basés", "basées", "installé", "installée", "implanté", "implantée"}


def _located(noun: Token) -> str | None:
    """ "son studio à Manchester", "son studio installé dans le centre de Porto": a unit with
    no name of its own goes by where it is."""
    doc, after = noun.doc, noun.i + 1
    if after < noun.sent.end and doc[after].lower_ in _BASED:
        # "basé à X", "installé dans le centre de X": the place is the first capitalised word
        # within a few words
        place = next(
            (t for t in doc[after + 1 : min(after + 7, noun.sent.end)] if t.text[:1].isupper()),
            None,
        )
        if place is None or place.ent_id_ or place.ent_type_ == "ORG":
            return None
        end = place.i + 1
        while end < noun.sent.end and doc[end].text[:1].isupper() and not doc[end].ent_id_:
            end += 1
        return doc[noun.i : end].text
    if after + 1 >= noun.sent.end or doc[after].lower_ not in ("à", "en"):
        return None
    place = doc[after + 1]
    if not place.text[:1].isupper() or place.ent_id_ or place.ent_type_ == "ORG":
        return None
    end = after + 2
    while end < noun.sent.end and doc[end].text[:1].isupper() and not doc[end].ent_id_:
        end += 1
    return doc[noun.i : end].text


def _described_before_owner(words: Span) -> str | None:
    """ "le laboratoire d'intelligence artificielle de Google": the words before "de" and the
    company are the unit's name, the company whose it is; none when the company comes right
    after the team noun ("l'équipe de Google" is only whose team)."""
    owner = next(t for t in words if t.ent_type_ == "ORG")
    before = [t for t in words if t.i < owner.i]
    if len(before) < 3 or before[-1].lower_ not in ("de", "d'", "d’", "du"):
        return None
    before.pop()
    while before and before[-1].pos_ in ("ADP", "DET", "CCONJ", "PUNCT"):
        before.pop()
    return words.doc[before[0].i : before[-1].i + 1].text if len(before) >= 2 else None


_PLACE_WORDS = {"à", "au", "aux", "en", "dans", "chez", "pour", "par", "sur", "avec", "depuis"}


def _a_year(token: Token) -> bool:
    return token.like_num and len(token.text) == 4 and token.text[:2] in ("19", "20")


def _with_name_after(words: Span) -> Span:
    """ "l'équipe derrière le framework open source MRTK": the parse may cut the description
    before the proper name that ends it; a capitalised name within three words, with no
    punctuation, verb or company between, belongs to it."""
    doc = words.doc
    for end in range(words.end, min(words.end + 3, words.sent.end)):
        token = doc[end]
        if token.is_punct or token.pos_ in ("VERB", "AUX") or token.ent_id_:
            return words
        if token.lower_ in CALENDAR_WORDS or token.like_num or token.lower_ in _PLACE_WORDS:
            return words  # "son laboratoire d'IA à Shanghai": where, told apart
        if token.text[:1].isupper():
            return doc[words.start : end + 1]
    return words


# "son équipe consacrée à l'IA responsable", "l'équipe en charge de l'innovation responsable"
_CHARGED = {"chargé", "chargée", "consacré", "consacrée", "dédié", "dédiée", "spécialisé"}
_CHARGED |= {"spécialisée"}


def _complement_by_order(noun: Token) -> str | None:
    """ "son laboratoire d'initié AI à Shanghai" when the parse hangs the complement elsewhere:
    "de" and the nouns, names and adjectives right after the team noun, up to a preposition,
    punctuation or a verb; none when they name a company or a person ("l'équipe de Google")."""
    doc = noun.doc
    start = noun.i + 1
    if start >= noun.sent.end or doc[start].lower_ not in ("de", "d'", "d’", "du"):
        return None
    end = start + 1
    while end < min(start + 5, noun.sent.end) and doc[end].pos_ in ("NOUN", "PROPN", "ADJ"):
        if doc[end].ent_type_ in ("ORG", "PER") or doc[end].lower_ in CALENDAR_WORDS:
            return None
        end += 1
    return doc[noun.i : end].text if end > start + 1 else None


def _charged_with(noun: Token) -> str | None:
    """A team described by what it is in charge of, when no other word names it: the words up
    to the end of that phrase (a comma, a verb, a relative pronoun or the sentence's end)."""
    doc = noun.doc
    following = doc[noun.i + 1 : min(noun.i + 3, noun.sent.end)]
    starts = [t.lower_ for t in following]
    if not starts or not (starts[0] in _CHARGED or starts[:2] == ["en", "charge"]):
        return None
    end = noun.i + 1
    while end < min(noun.i + 16, noun.sent.end):
        token = doc[end]
        following = doc[end + 1].lower_ if end + 1 < len(doc) else ""
        dated = following in CALENDAR_WORDS or following[:1].isdigit()  # "en mars", "en 2023"
        if (
            token.is_punct
            or token.lower_ in ("qui", "que", "dont", "selon", "depuis", "après", "avant", "lors")
            or token.lower_ == "chez"  # "chargée de la modération chez Twitter": whose team
            or "Neg" in token.morph.get("Polarity")  # "... dans l'IA n'existe plus"
            or (end > noun.i + 2 and (_finite_verb(token) or dated))
        ):
            break
        end += 1
    return doc[noun.i : end].text.strip() if end > noun.i + 2 else None


def _finite_verb(token: Token) -> bool:
    """ "chargée de superviser ses efforts": an infinitive after "de" is the task, part of the
    description; a finite verb ends it."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    after_de = token.i > 0 and token.doc[token.i - 1].lower_ in ("de", "d'", "d’")
    return not ("Inf" in token.morph.get("VerbForm") and after_de)


def _names_its_owner(child: Token) -> bool:
    return child.dep_ == "nmod" and any(
        c.dep_ == "det" and c.lower_ in ("son", "sa", "ses", "leur", "leurs")
        for c in child.children
    )


def _ent_text(token: Token) -> str:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent.text
    return token.text


@lru_cache(maxsize=2)  # per article: every trigger of the article asks for the same list
def _named_teams(context: ArticleContext, team_nouns: frozenset[str]) -> list[TeamMention]:
    teams = []
    words = context.words
    for i in sorted(words.teams.union(words.indexes_of(team_nouns, 0, len(context.doc)))):
        token = context.doc[i]
        if token.lemma_.lower() in team_nouns and (described := _subject_it_describes(token)):
            teams.append(TeamMention(described, None, token, described))  # "X est une filiale"
            continue
        named = _name_team(token, team_nouns)
        if named:
            name, organization, surface = named
            teams.append(TeamMention(name, organization, token, surface))
    return teams


@resolver("fr", "organization", "dissolver")
def dissolver(context: ArticleContext, candidate: Candidate, team: TeamMention) -> EntityRef | None:
    trigger = candidate.head
    # "Meta vient de fermer", "Meta a décidé de dissoudre": the subject of the governing verb
    deciders = [trigger.head] if trigger.dep_ == "xcomp" else []
    if trigger.pos_ == "NOUN":  # "X prévoit de licencier", the infinitive read as a noun
        deciders = [trigger.head, trigger.head.head]
    for child in [*trigger.children, *(c for d in deciders for c in d.children)]:
        if child.dep_ in ("nsubj", "obl:agent"):
            organization_ref = context.mentions.organization_at(child)
            if organization_ref:
                return organization_ref
    proper_name = not team.surface.startswith(team.token.text)  # "NDG", not "équipe de X"
    own_name = set(team.surface.split()) if proper_name else set()
    for token in team.token.subtree:
        if token.text in own_name:
            continue  # "son entité NDX (New Devices X)": the unit's own name, no company
        organization_ref = context.mentions.organization_at(token)
        if organization_ref:
            return organization_ref
    if trigger.lemma_.lower() in _END_NOUNS:  # "la fin de la division santé de Google"
        for token in trigger.subtree:
            if (organization_ref := context.mentions.organization_at(token)) is not None:
                return organization_ref
    if _owned_by_a_company_noun_subject(team.token):
        # "L'entreprise de X annonce la fin d'Aquila et la fermeture de son centre": whose
        # centre the subject tells, the company the article is about
        return context.organization_in_focus(trigger)
    named = {m.entity.key for m in context.mentions.organizations}
    if team.organization and organization(team.organization).key in named:
        return organization(team.organization)  # the gazetteer's, when the article names it
    if proper_name and (owner := owner_as_introduced(context, team.surface)) is not None:
        return owner  # "Alphabet ... Nimbus, son unité de robots": then "fermer Nimbus"
    own = {organization(team.surface).key} if proper_name else set()
    return context.organization_before(trigger, exclude=own) or _first_in_sentence(context, trigger)


def _owned_by_a_company_noun_subject(noun: Token) -> bool:
    """ "L'entreprise ... annonce la fermeture de son centre": the unit is "son", and the
    sentence's subject is a noun for a company, not a name."""
    if not any(c.lower_ in ("son", "sa", "ses") for c in noun.children):
        return False
    root = noun.sent.root
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lemma_.lower() in lexicon("fr", "company_nouns")


_END_NOUNS = {"fin", "dissolution", "démantèlement", "suppression", "fermeture", "disparition"}


def _first_in_sentence(context: ArticleContext, trigger: Token) -> EntityRef | None:
    sentence = trigger.sent
    found = context.mentions.organizations_in(sentence.start, sentence.end)
    return found[0].entity if found else None
