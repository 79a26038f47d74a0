"""People the article says still work where they were said to leave: "X quitte ses fonctions
... l'intéressé reste toutefois employé chez Microsoft", "she remains at Google as an adviser",
"il ne quitte pas pour autant l'entreprise", "X passera au poste de directeur scientifique".
A departure or a resignation from that organisation told of the same person is a change of
post, not a departure ("démissionne de son poste de directeur"; "licencié du poste de directeur
... mais reste dans l'entreprise" is a demotion), while "reste chez X jusqu'en mai" tells when
the person goes."""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.extract.context import ArticleContext
from pipeline.extract.results import EntityRef, FoundEvent

_STAYING_VERBS = {"reste", "restera", "restent", "resteront", "demeure", "demeurera"}
_STAYING_VERBS |= {"remains", "remain", "stays", "stay", "staying", "remaining"}
# Words between the verb and the organisation: "reste toutefois employé chez", "remains at"
_BETWEEN = {"toutefois", "cependant", "néanmoins", "pour", "l'instant", "le", "moment"}
_BETWEEN |= {"employé", "employée", "salarié", "salariée", "en", "poste", "however", "employed"}
_BETWEEN |= {"with", "at", "chez", "à", "au", "de", "d'", "d’", "du", "still", "toujours"}
_PRONOUNS = {"il", "elle", "he", "she", "l'intéressé", "l'intéressée"}


def stays_on(context: ArticleContext) -> set[tuple[str, str]]:
    """(person key, organisation key) for each "reste employé chez X" the article tells."""
    found = set()
    for token in context.doc:
        if token.lower_ in _STAYING_VERBS:
            organization = _organization_after(context, token)
            if organization is None or _until(token) or _on_the_board(token):
                continue
        elif _a_new_role(token):  # "X prendra un nouveau rôle de chef technologue chez Google"
            organization = _organization_of_new_role(context, token)
            if organization is None or _advisory(token):
                continue
        elif _denied_leaving(token):
            # "X has not left Tesla", "a démenti l'article selon lequel X aurait quitté
            # l'entreprise": a departure the article denies
            organization = _organization_after(context, token) or context.main_organization()
            if organization is None:
                continue
        elif _does_not_leave(context, token) or _moves_to_a_post(token):
            # "il ne quitte pas pour autant l'entreprise", "X passera au poste de directeur
            # scientifique": the company the article is about keeps them
            organization = _organization_after(context, token) or context.main_organization()
            if organization is None or _advisory(token):
                continue
        else:
            continue
        person = _who_stays(context, token)
        if person is not None:
            found.add((person.key, organization.key))
    return found


_NEW = {"nouveau", "nouvelle", "new"}
_POSTS = {"rôle", "poste", "fonction", "role", "position", "job", "title"}


def _a_new_role(token: Token) -> bool:
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.lower_ in _NEW and following is not None and following.lower_ in _POSTS


def _does_not_leave(context: ArticleContext, verb: Token) -> bool:
    """ "il ne quitte pas pour autant l'entreprise": "quitter" denied, with the employer (a
    noun for it, or its name) as what is not left."""
    if verb.lemma_.lower() != "quitter" or not any(
        c.dep_ == "advmod" and c.lower_ in ("pas", "jamais") for c in verb.children
    ):
        return False
    return any(
        c.dep_ == "obj"
        and (c.lemma_.lower() in _EMPLOYERS or context.mentions.organization_at(c) is not None)
        for c in verb.children
    )


_EMPLOYERS = {"entreprise", "groupe", "société", "firme", "maison", "compagnie", "company"}
_LEAVING = {"left", "leaving", "quit", "quitté", "quitter", "quitterait", "départ"}
_NEGATIONS = {"not", "n't", "never", "hasn't", "isn't", "pas", "jamais"}
_DENYING = {"démentir", "réfuter", "nier", "deny", "denied", "denies", "refute", "refuted"}
_DENYING |= {"false", "faux", "fausse", "mensonger", "mensongère"}


def _denied_leaving(verb: Token) -> bool:
    """A verb of leaving negated right before it ("has not left"), or told as a claim the
    sentence denies ("a réfuté l'affirmation selon laquelle X aurait quitté l'entreprise")."""
    if verb.lower_ not in _LEAVING:
        return False
    doc = verb.doc
    close = [t.lower_ for t in doc[max(verb.sent.start, verb.i - 3) : verb.i]]
    if any(word in _NEGATIONS for word in close):
        return True
    earlier = doc[verb.sent.start : verb.i]
    return any(t.lemma_.lower() in _DENYING or t.lower_ in _DENYING for t in earlier)


def _moves_to_a_post(verb: Token) -> bool:
    """ "X passera au poste de directeur scientifique", "occupera un poste de conseil au sein du
    groupe": a new post told without a new employer."""
    if verb.lemma_.lower() not in ("passer", "occuper"):
        return False
    tense = verb.morph.get("Tense")
    if "Fut" not in tense and not (
        "Pres" in tense and not any(c.dep_.startswith("aux") for c in verb.children)
    ):
        return False  # "elle occupa la présidence", "a occupé le poste de": a past post
    following = [t.lower_ for t in verb.doc[verb.i + 1 : min(verb.i + 4, verb.sent.end)]]
    return any(word in ("poste", "rôle", "fonction") for word in following) and not any(
        t.lower_ in ("chez", "pour") for t in verb.doc[verb.i + 1 : verb.sent.end]
    )


_ADVISERS = {"adviser", "advisor", "conseiller", "conseillère"}


def _advisory(new: Token) -> bool:
    """ "a new job at Uber as special adviser": an outside adviser has left the staff."""
    rest = new.doc[new.i : new.sent.end]
    return any(t.lower_.strip("“”\"'") in _ADVISERS for t in rest)


def _organization_of_new_role(context: ArticleContext, new: Token):
    """The organisation within the phrase of a new post: "un nouveau rôle de chef technologue
    chez Google", "a new role at Google"."""
    for token in new.doc[new.i + 2 : min(new.i + 9, new.sent.end)]:
        if token.is_punct or token.pos_ in ("VERB", "AUX"):
            return None
        found = context.mentions.organization_at(token)
        if found is not None:
            before = new.doc[token.i - 1].lower_
            return found if before in ("chez", "at", "within", "sein", "à", "au") else None
    return None


def drop_departures_of_those_staying(
    events: list[FoundEvent], staying: set[tuple[str, str]]
) -> list[FoundEvent]:
    return [
        e
        for e in events
        if not (
            e.event_type == "departure"
            and e.organization is not None
            and {(e.subject.key, e.organization.key), (e.subject.key, THE_EMPLOYER.key)} & staying
        )
    ]


_BOARD_WORDS = {"conseil", "board", "chair", "chairman", "chairwoman", "présidente", "président"}


def _on_the_board(verb: Token) -> bool:
    """ "elle restera chez IBM en tant que présidente du conseil": who keeps only a board seat
    has left the job the article tells of."""
    following = verb.doc[verb.i + 1 : verb.sent.end]
    return any(t.lower_ in _BOARD_WORDS for t in following)


def _until(verb: Token) -> bool:
    following = verb.doc[verb.i + 1 : min(verb.i + 10, verb.sent.end)]
    return any(t.lower_ in ("jusqu'", "jusqu’", "jusqu", "until", "till") for t in following)


def _organization_after(context: ArticleContext, verb: Token):
    doc = context.doc
    for token in doc[verb.i + 1 : min(verb.i + 6, verb.sent.end)]:
        found = context.mentions.organization_at(token)
        if found is not None:
            return found
        if token.lemma_.lower() in _EMPLOYERS:  # "reste dans l'entreprise": the one they left
            return THE_EMPLOYER
        if token.lower_ not in _BETWEEN | _INSIDE:
            return None
    return None


# "reste dans l'entreprise" names no company: whichever the article says they left
THE_EMPLOYER = EntityRef("organization", "the employer", "*")
_INSIDE = {"dans", "l'", "l’", "la", "sein", "within", "the", "inside"}


def _who_stays(context: ArticleContext, verb: Token):
    """The person named just before the verb in its sentence, else the one a pronoun or
    "l'intéressé" stands for."""
    sentence = verb.sent
    before = context.mentions.people_in(sentence.start, verb.i)
    if before and verb.i - before[-1].span.end <= 3:
        return before[-1].entity
    if before and verb.lower_ in _NEW and before[-1].span.start == sentence.start:
        return before[-1].entity  # "X prendra un nouveau rôle": the sentence's subject
    words = {t.lower_ for t in context.doc[max(sentence.start, verb.i - 3) : verb.i]}
    if words & _PRONOUNS or "intéressé" in words or "intéressée" in words:
        return context.person_before(verb)
    if verb.dep_ == "conj":  # "X a perdu son poste, mais reste dans l'entreprise"
        first = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if first is not None and (person := context.mentions.person_at(first)) is not None:
            return person
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.pos_ == "PROPN":  # a surname NER left alone
        return next(
            (
                m.entity
                for m in context.mentions.people
                if m.entity.name.split()[-1] == subject.text and m.span.start < verb.i
            ),
            None,
        )
    return None
