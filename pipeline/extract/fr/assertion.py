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


def _is_irrealis(token: Token) -> bool:
    """Conditional ("quitterait", "aurait quitté") or future ("quittera", "aura quitté")."""
    forms = [token, *(child for child in token.children if child.dep_.startswith("aux"))]
    for form in forms:
        moods = form.morph.get("Mood")
        tenses = form.morph.get("Tense")
        if "Cnd" in moods or ("Fut" in tenses and "Ind" in moods):
            return True
    return False


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
    the forms themselves are looked for before the trigger."""
    sentence = trigger.sent
    return any(t.lower_ in _DENIAL_FORMS for t in sentence if t.i < trigger.i)


def is_asserted(trigger: Token, sentence_text: str, *, negation_is_event: bool = False) -> bool:
    """False when the trigger (or the verb governing it) is negated, denied, hedged, hypothetical,
    conditional, future, or in a question. With `negation_is_event` ("n'est plus salarié de"),
    the trigger's own negation is what reports the event."""
    if sentence_text.rstrip().endswith("?"):
        return False
    if (_is_negated(trigger) and not negation_is_event) or _is_irrealis(trigger):
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
    child = trigger
    for governor in _governors(trigger):
        if child.dep_ not in ARGUMENT_DEPS:
            break  # "Trois mois après le licenciement de X, Google n'en a pas fini": an adjunct
        if governor.lemma_ in denial:
            return False
        if governor.pos_ in ("VERB", "AUX"):
            if governor.lemma_ in modal and trigger.dep_ not in ("conj", "advcl", "acl:relcl"):
                return False
            if _is_negated(governor) or _is_irrealis(governor):
                return False
        if governor.dep_ in ("ROOT", "acl:relcl", "advcl"):
            break
        child = governor
    return True


NON_SPECIFIC_DETERMINERS = {"tout", "toute", "aucun", "aucune", "nul", "nulle"}

# A trigger inherits the polarity and modality of the verb it is an argument of ("n'a pas
# annoncé sa démission", "pourrait quitter"), not of a verb it merely sits next to.
ARGUMENT_DEPS = {"obj", "nsubj", "nsubj:pass", "xcomp", "ccomp", "obl:arg", "iobj", "csubj"}
