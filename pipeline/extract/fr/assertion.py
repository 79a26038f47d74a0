"""Is a French trigger asserted as a fact? Negation, denial, modality, conditional and future
keep "n'a pas quitté", "dément son départ", "pourrait quitter", "quittera" out of the events
(ACE's polarity, modality and tense attributes)."""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.extract.lexicons import lexicon

_GOVERNOR_DEPTH = 3


def _is_negated(token: Token) -> bool:
    negations = lexicon("fr", "negations")
    for child in token.children:
        if child.lower_ in negations and child.dep_ in ("advmod", "det", "fixed", "cc"):
            return True
        if child.lower_ in ("aucun", "aucune", "nul", "nulle") and child.dep_ == "det":
            return True
    has_ne = any(child.lower_ in ("ne", "n'", "n’") for child in token.children)
    return has_ne and any(child.lower_ in negations for child in token.children)


def _is_irrealis(token: Token, *, future_is_news: bool = False) -> bool:
    """Conditional ("quitterait", "serait lié") or future ("aura précipité"), or a clause under
    "si". With `future_is_news`, for the trigger itself, the future announces a departure
    ("quittera ses fonctions le 1er juin"), which news counts when it is announced, and so does
    the past conditional of reported news ("aurait été licenciée en janvier", "aurait quitté")."""
    if _under_si(token):
        return True
    forms = [token, *(child for child in token.children if child.dep_.startswith("aux"))]
    if future_is_news and (_past_conditional(token, forms) or _reported_future(token)):
        return False
    for form in forms:
        moods = form.morph.get("Mood")
        if "Cnd" in moods or _conditional_form(form):
            return True
        near_future = form.lower_ in _ALLER_PRESENT  # "vont quitter": tagged future, announced
        future = "Fut" in form.morph.get("Tense") and "Ind" in moods
        if future and not future_is_news and not near_future:
            return True
    return False


_ALLER_PRESENT = {"vais", "vas", "va", "allons", "allez", "vont"}


def _past_conditional(token: Token, forms: list[Token]) -> bool:
    """ "aurait quitté", "aurait été licenciée", "serait parti": the press's conditional, which
    reports what a source says happened; with a "si" anywhere in the sentence, it is what
    would have happened ("aurait quitté Y si ...")."""
    if any(t.lower_ == "si" and t.pos_ == "SCONJ" for t in token.sent):
        return False
    # said of someone named right there; "le dirigeant aurait été poussé vers la sortie" is
    # more often the rumour the article goes on to deny
    if not any(c.dep_.startswith("nsubj") and c.pos_ == "PROPN" for c in token.children):
        return False
    # the tagger may read "démissionné" after "aurait" as an adjective
    participle = "Part" in token.morph.get("VerbForm") or token.pos_ == "ADJ"
    return participle and any(
        f.pos_ == "AUX"
        and f.lemma_ in ("avoir", "être")
        and ("Cnd" in f.morph.get("Mood") or _conditional_form(f))
        for f in forms[1:]
    )


_REPORTING = {"annoncer", "révéler", "confirmer", "indiquer", "déclarer", "affirmer", "préciser"}
_REPORTING |= {"dire", "écrire", "expliquer", "informer", "prévenir", "faire savoir"}


def _reported_future(token: Token) -> bool:
    """ "X a annoncé qu'il quitterait l'entreprise", "a révélé que l'équipe serait dissoute":
    the conditional of a clause reported in the past is its future, an announcement."""
    governor = _reporting_governor(token)
    if governor is None:
        return False
    if not any(_complementizer(c, token) for c in token.children):
        return False
    if any(_opens_a_condition(t) for t in token.sent if t.i > token.i):
        return False  # "a déclaré qu'il quitterait l'entreprise si ...": a condition
    told_in_past = "Past" in governor.morph.get("Tense") or "Imp" in governor.morph.get("Tense")
    return told_in_past or any(
        c.dep_ == "aux:tense" and c.lemma_ == "avoir" for c in governor.children
    )


def _opens_a_condition(token: Token) -> bool:
    """ "si", or "s'" before "il"/"ils" (the parse may take it for the reflexive pronoun)."""
    if token.lower_ == "si":
        return token.pos_ == "SCONJ"
    following = token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else ""
    return token.lower_ in ("s'", "s’") and following in ("il", "ils")


def _reporting_governor(token: Token) -> Token | None:
    """The verb of saying the clause reports: its head ("a annoncé qu'il quitterait"), or the head
    of the noun the parse hung it on ("a annoncé dans une note qu'il quitterait")."""
    if token.dep_ == "ccomp" and token.head.lemma_.lower() in _REPORTING:
        return token.head
    if token.dep_ == "acl:relcl" and token.head.dep_.startswith("obl"):
        verb = token.head.head
        return verb if verb.lemma_.lower() in _REPORTING else None
    return None


def _complementizer(child: Token, verb: Token) -> bool:
    """ "que" opening the clause; the parse may take it for a relative pronoun object when the
    verb has an object of its own ("qu'il quitterait ses fonctions")."""
    if child.lower_ not in ("que", "qu'", "qu’") or child.i > verb.i:
        return False
    if child.dep_ == "mark":
        return True
    return child.dep_ == "obj" and any(c.dep_ == "obj" and c.i > verb.i for c in verb.children)


def _under_si(token: Token) -> bool:
    """ "si ..., il quittera" / "il quittera si ...": a clause of condition on the verb."""
    clauses = [token, *(c for c in token.children if c.dep_ == "advcl")]
    return any(c.dep_ == "mark" and c.lower_ == "si" for clause in clauses for c in clause.children)


def _conditional_form(token: Token) -> bool:
    """ "quitterait", "partiraient", "aurait": the morphologizer sometimes reads the conditional
    as an imperfect; its form is the infinitive (or the -re verbs' stem) plus -ait/-aient."""
    lemma, form = token.lemma_.lower(), token.lower_
    if token.pos_ not in ("VERB", "AUX") or not lemma.endswith(("er", "ir", "re")):
        return token.pos_ == "AUX" and form in ("aurait", "auraient", "serait", "seraient")
    stems = (lemma, lemma[:-1])
    return any(form in (stem + "ait", stem + "aient") for stem in stems)


def _governors(token: Token):
    current = token
    for _ in range(_GOVERNOR_DEPTH):
        if current.head.i == current.i:
            return
        current = current.head
        yield current


_DENIAL_FORMS = {
    "dément",
    "démentent",
    "démentait",
    "démenti",
    "démentie",
    "nie",
    "nient",
    "niait",
    "nié",
    "dénie",
    "dément-il",
    "dément-elle",
    "denies",
    "denied",
    "deny",
}


RUMOUR_WINDOW = 6


def _hedged_nearby(trigger: Token) -> bool:
    """ "rumeurs de départ", "un départ possible", "serait sur le départ": a hedge within a few
    words of the trigger (not anywhere in a long sentence)."""
    sentence = trigger.sent
    start = max(sentence.start, trigger.i - RUMOUR_WINDOW)
    end = min(sentence.end, trigger.i + 3)
    nearby = " " + trigger.doc[start:end].text.lower() + " "
    return any(f" {word} " in nearby for word in lexicon("fr", "rumour_words"))


def _denied_before(trigger: Token) -> bool:
    """ "Anthropic dément le départ de X": the lemmatizer takes "dément" for an adjective, so
    the forms themselves are looked for before the trigger; "il est faux de dire que X a été
    licencié" calls the claim false."""
    sentence, falsity = trigger.sent, lexicon("fr", "falsity_words")
    return any(
        t.lower_ in _DENIAL_FORMS
        or (t.lower_ in falsity and t.nbor(1).lower_ in ("de", "d'", "d’", "que", "qu'", "qu’"))
        for t in sentence
        if t.i < trigger.i
    )


def is_asserted(trigger: Token, sentence_text: str, *, negation_is_event: bool = False) -> bool:
    """False when the trigger (or the verb governing it) is negated, denied, hedged, hypothetical,
    conditional, future, or in a question. With `negation_is_event` ("n'est plus salarié de"),
    the trigger's own negation is what reports the event."""
    if sentence_text.rstrip().endswith("?"):
        return False
    if (_is_negated(trigger) and not negation_is_event) or _is_irrealis(
        trigger, future_is_news=True
    ):
        return False
    if _hedged_nearby(trigger):
        return False
    if _denied_before(trigger):
        return False
    if trigger.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in NON_SPECIFIC_DETERMINERS for c in trigger.children
    ):
        return False  # "a écarté toute nouvelle démission", "aucun départ": no one in particular
    modal, denial = lexicon("fr", "modal_verbs"), lexicon("fr", "denial_verbs")
    if "Inf" in trigger.morph.get("VerbForm") or trigger.dep_ == "fixed":
        # "envisage de partir", "pourrait quitter": whatever the parse made of the infinitive
        before = trigger.doc[max(trigger.sent.start, trigger.i - 4) : trigger.i]
        if any(t.lemma_ in modal and t.pos_ in ("VERB", "AUX") for t in before):
            return False
    if trigger.dep_ == "acl" and trigger.head.dep_ == "obj":
        # "n'a aucune intention de partir", "n'a pas l'intention de quitter son poste"
        noun, verb = trigger.head, trigger.head.head
        if _is_negated(noun) or _is_negated(verb) or _is_irrealis(verb):
            return False
    if _presupposed(trigger):
        return True
    child = trigger
    for governor in _governors(trigger):
        if child.dep_ not in ARGUMENT_DEPS:
            break  # "Trois mois après le licenciement de X, Google n'en a pas fini": an adjunct
        if governor.lemma_ in denial:
            return False
        if any(
            c.dep_.startswith("nsubj") and c.lemma_.lower() in lexicon("fr", "rumour_words")
            for c in governor.children
        ):
            return False  # "Une rumeur ... prêtait à X un départ": what a rumour said
        if governor.pos_ in ("VERB", "AUX"):
            if governor.lemma_ in modal and trigger.dep_ not in ("conj", "advcl", "acl:relcl"):
                return False
            if _is_negated(governor) or (
                _is_irrealis(governor) and governor.lemma_.lower() not in _CITING
            ):
                return False
        if governor.dep_ in ("ROOT", "acl:relcl", "advcl"):
            break
        child = governor
    return True


# "On citera ceux de X et de Y": the writer's future of listing, about what has happened
_CITING = {"citer", "mentionner", "noter", "signaler", "rappeler", "retenir"}
_DEFINITE = {"le", "la", "l'", "l’", "son", "sa", "ce", "cet", "cette"}
# What a departure that is a sentence's subject may do and still be in doubt: happen, be
# announced, be confirmed ("le départ de X pourrait intervenir en mai")
_HAPPENING = {"intervenir", "survenir", "arriver", "avoir", "être", "devenir", "concrétiser"}
_HAPPENING |= {"annoncer", "officialiser", "confirmer", "acter", "produire", "effectuer"}
_HAPPENING |= {"prendre", "faire", "dater", "remonter"}


def _presupposed(trigger: Token) -> bool:
    """ "Le départ de X pourrait ralentir ces plans": a definite noun of the event as the subject
    of what it may cause is told as a fact; the modal is about the consequence."""
    if trigger.pos_ != "NOUN" or trigger.dep_ not in ("nsubj", "nsubj:pass"):
        return False
    if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in trigger.children):
        return False
    verb = trigger.head
    chain = [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "aux:pass", "cop"))]
    if any(t.lemma_.lower() in _HAPPENING for t in chain):
        return False
    return verb.pos_ in ("VERB", "AUX") and not _under_si(verb)


NON_SPECIFIC_DETERMINERS = {"tout", "toute", "aucun", "aucune", "nul", "nulle"}

# A trigger inherits the polarity and modality of the verb it is an argument of ("n'a pas
# annoncé sa démission", "pourrait quitter"), not of a verb it merely sits next to.
ARGUMENT_DEPS = {"obj", "nsubj", "nsubj:pass", "xcomp", "ccomp", "obl:arg", "iobj", "csubj"}
