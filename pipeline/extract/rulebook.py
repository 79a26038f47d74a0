"""The extraction rules of one language, read from `rules/LANG/*.jsonl` and compiled into spaCy
matchers. A rule says which words start an event (a phrase, token patterns or a dependency
pattern), which event and kind it yields, which named resolvers fill its slots, and the sentences
that show it working (`examples`) and not firing (`counter_examples`); tests run both.

One rule per line:

    {"id": "fr.dismissal.verb", "event": "departure", "kind": "dismissal",
     "patterns": [[{"LEMMA": {"IN": ["licencier", "limoger"]}, "POS": {"IN": ["VERB", "AUX"]}}]],
     "slots": {"person": "subject", "organization": "left", "date": "near_trigger"},
     "examples": [{"text": "OpenAI a licencié Jeanne Martin.", "person": "Jeanne Martin",
                   "organization": "OpenAI"}],
     "counter_examples": ["OpenAI n'a pas licencié Jeanne Martin."]}

How a rule names its words, one of:
- `phrase`: lemmas separated by spaces ("claquer le porte"); `*` marks the word that carries the
  event (the first by default); auxiliaries and quotes may stand between the words.
- `words`: the same, matched on lower-case forms (English has no lemmatizer here).
- `patterns`: spaCy `Matcher` token patterns; `head` is the index of the event's word (default 0).
- `dependency`: one spaCy `DependencyMatcher` pattern; `head` names its node (default the first).
In patterns, a value "@name" is the list of the language's lexicon `lexicons/LANG/name.txt`.

`when` and `unless` list named guards (`guards.py`) that must hold / must not hold;
`negation_is_event` says that the trigger's own negation is the news ("n'est plus salarié");
`overlaps` lets a rule fire beside the others on the same words ("Meta a embauché X d'Apple" is a
hiring and a departure), where otherwise the longest match, then the earlier rule, wins.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from importlib.abc import Traversable

from spacy.language import Language
from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc, Span, Token

from pipeline.extract.lexicons import lexicon

LANGUAGES = ("fr", "en")
EVENTS = {"departure", "hiring", "return", "dissolution"}
KINDS = {"resignation", "dismissal", "departure"}
SLOTS = {
    "departure": ("person", "organization", "date"),
    "hiring": ("person", "organization", "date"),
    "return": ("person", "organization", "date"),
    "dissolution": ("team", "organization", "date"),
}
KEYS = {
    "id",
    "event",
    "kind",
    "phrase",
    "words",
    "patterns",
    "dependency",
    "head",
    "when",
    "unless",
    "negation_is_event",
    "overlaps",
    "slots",
    "examples",
    "counter_examples",
    "note",
}
# Between the words of a `phrase`: "s'est séparé de", "s'était « séparé » de", "s'est ainsi
# séparé de", "a finalement claqué la porte".
_SKIPPED_IN_PHRASES = [
    {"LEMMA": {"IN": ["être", "avoir"]}, "OP": "*"},
    {
        "LOWER": {"IN": ["ainsi", "finalement", "donc", "également", "aussi", "déjà", "enfin"]},
        "OP": "*",
    },
    {
        "LOWER": {"IN": ["officiellement", "définitivement", "discrètement", "brutalement"]},
        "OP": "*",
    },
    {"ORTH": {"IN": ["«", "»", '"', "“", "”"]}, "OP": "*"},
]
# Between the words of a `words` phrase: a quote the writer put around part of it
_QUOTE_IN_WORDS = {"ORTH": {"IN": ["«", "»", '"', "“", "”", "‘", "’"]}, "OP": "?"}


class RuleError(ValueError):
    """A rule file that cannot be used, with the file, the line and the reason."""


@dataclass(frozen=True)
class Guard:
    name: str
    args: tuple = ()


@dataclass(frozen=True)
class Rule:
    id: str
    lang: str
    event: str
    kind: str | None
    slots: dict[str, str]
    when: tuple[Guard, ...] = ()
    unless: tuple[Guard, ...] = ()
    negation_is_event: bool = False
    overlaps: bool = False  # fires beside other rules on the same words, taking none of them
    examples: tuple[dict, ...] = ()
    counter_examples: tuple[str, ...] = ()
    order: int = 0  # position in the rule book: the earlier rule wins a tie
    token_patterns: tuple[tuple[list[dict], int], ...] = ()  # (pattern, index of its head)
    dependency_pattern: tuple[dict, ...] = ()
    head: str | None = None  # the dependency node that carries the event
    source: str = field(default="", compare=False)


@dataclass(frozen=True)
class Candidate:
    """A place where a rule's words occur: the rule, the word that carries the event, the words
    matched, and for a dependency rule its named nodes."""

    rule: Rule
    head: Token
    span: Span
    nodes: dict[str, Token] = field(default_factory=dict)


class RuleBook:
    def __init__(self, lang: str, rules: list[Rule], vocab) -> None:
        self.lang = lang
        self.rules = {rule.id: rule for rule in rules}
        # patterns a word of theirs announces run only on the sentences holding such a word
        # (most sentences hold none: the matcher's list and regex tests cost per token); the
        # few that no word announces run on the whole text
        self.matcher = Matcher(vocab, validate=True)
        self.unannounced_matcher = Matcher(vocab, validate=True)
        self.announcers = _Announcers()
        self.single_words = _SingleWords()  # one-word patterns: a dictionary lookup per word
        self.dependency_matcher = DependencyMatcher(vocab, validate=True)
        # the lemmas one of which a text needs for a dependency pattern to match (None: any text)
        self._dependency_lemmas: set[str] | None = set()
        # each token pattern under its own key, as patterns of one rule have their heads at
        # different places: key -> (rule, index of the head element)
        self._patterns: dict[str, tuple[Rule, int]] = {}
        for rule in rules:
            for n, (pattern, head) in enumerate(rule.token_patterns):
                key = f"{rule.id}#{n}"
                self._patterns[key] = (rule, head)
                if self.single_words.add(key, pattern):
                    continue
                if self.announcers.add(pattern):
                    self.matcher.add(key, [pattern])
                else:
                    self.unannounced_matcher.add(key, [pattern])
            if rule.dependency_pattern:
                self.dependency_matcher.add(rule.id, [list(rule.dependency_pattern)])
                self._dependency_lemmas = _first_node_lemmas(
                    rule.dependency_pattern, self._dependency_lemmas
                )
        self.announcers.compile()

    def candidates(self, doc: Doc, accept=None) -> list[Candidate]:
        """Every place a rule matches and `accept(candidate)` agrees, in text order. Where
        matches overlap, the longest wins ("forced to step down" over "step down"), then the
        rule that comes first in the book."""
        found: list[Candidate] = []
        strings = doc.vocab.strings
        matches = [
            (sentence.start, match)
            for sentence in self.announcers.sentences(doc)
            for match in self.matcher(sentence, with_alignments=True)
        ]
        if len(self.unannounced_matcher):
            matches += [(0, m) for m in self.unannounced_matcher(doc, with_alignments=True)]
        for key, i in self.single_words.matches(doc):
            matches.append((0, (strings.add(key), i, i + 1, [0])))
        for base, (match_id, start, end, aligned) in matches:
            rule, head = self._patterns[strings[match_id]]
            start, end = base + start, base + end
            # the token the head element matched (elements with "OP" may match no token)
            offset = aligned.index(head) if head in aligned else 0
            found.append(Candidate(rule, doc[start + offset], doc[start:end]))
        lemmas = self._dependency_lemmas
        if len(self.dependency_matcher) and (
            lemmas is None or any(token.lemma_ in lemmas for token in doc)
        ):
            for match_id, token_ids in self.dependency_matcher(doc):
                rule = self.rules[strings[match_id]]
                names = [node["RIGHT_ID"] for node in rule.dependency_pattern]
                nodes = {name: doc[i] for name, i in zip(names, token_ids, strict=True)}
                head = nodes[rule.head or names[0]]
                found.append(Candidate(rule, head, doc[head.i : head.i + 1], nodes))
        if accept is not None:
            found = [candidate for candidate in found if accept(candidate)]
        return _without_overlaps(found)


def _first_node_lemmas(pattern: tuple[dict, ...], lemmas: set[str] | None) -> set[str] | None:
    """Add the lemmas the pattern's first node accepts; None when it accepts any word."""
    value = pattern[0].get("RIGHT_ATTRS", {}).get("LEMMA")
    if lemmas is None or value is None:
        return None
    if isinstance(value, str):
        return lemmas | {value}
    if isinstance(value, dict) and set(value) == {"IN"}:
        return lemmas | set(value["IN"])
    return None


_WORD_ATTRIBUTES = {"LOWER": "lower_", "LEMMA": "lemma_", "ORTH": "text", "TEXT": "text"}


class _Announcers:
    """For each pattern, the words its first required element accepts (a form, a lemma, or a
    regular expression on one): a sentence without any of them cannot match it."""

    def __init__(self) -> None:
        self.words: dict[str, set[str]] = {attribute: set() for attribute in _WORD_ATTRIBUTES}
        self.regexes: dict[str, list[str]] = {attribute: [] for attribute in _WORD_ATTRIBUTES}
        self.compiled: list[tuple[str, re.Pattern]] = []

    def add(self, pattern: list[dict]) -> bool:
        """Note the words that announce `pattern`; False when none does."""
        for element in pattern:
            if element.get("OP") in ("?", "*", "!"):
                continue
            for attribute in _WORD_ATTRIBUTES:
                value = element.get(attribute)
                if isinstance(value, str):
                    self.words[attribute].add(value)
                    return True
                if isinstance(value, dict) and set(value) == {"IN"}:
                    self.words[attribute].update(value["IN"])
                    return True
                if isinstance(value, dict) and set(value) == {"REGEX"}:
                    self.regexes[attribute].append(value["REGEX"])
                    return True
            return False  # the first required element names no word
        return False

    def compile(self) -> None:
        self.compiled = [
            (_WORD_ATTRIBUTES[attribute], re.compile("|".join(f"(?:{r})" for r in regexes)))
            for attribute, regexes in self.regexes.items()
            if regexes
        ]
        self.lookups = [
            (_WORD_ATTRIBUTES[attribute], frozenset(words))
            for attribute, words in self.words.items()
            if words
        ]

    def sentences(self, doc: Doc) -> Iterator[Span]:
        lookups, compiled = self.lookups, self.compiled
        for sentence in doc.sents:
            for token in sentence:
                if any(getattr(token, name) in words for name, words in lookups) or any(
                    regex.search(getattr(token, name)) for name, regex in compiled
                ):
                    yield sentence
                    break


_TOKEN_VALUES = {
    "LOWER": lambda t: t.lower_,
    "LEMMA": lambda t: t.lemma_,
    "ORTH": lambda t: t.text,
    "TEXT": lambda t: t.text,
    "POS": lambda t: t.pos_,
}


class _SingleWords:
    """One-word patterns, checked in Python from a dictionary of the words they accept: the
    same answers as spaCy's Matcher, without testing every pattern on every word."""

    def __init__(self) -> None:
        self.by_word: dict[str, dict[str, list[tuple[str, dict]]]] = {}
        self.by_regex: list[tuple[str, dict]] = []
        self.gate: re.Pattern | None = None

    def add(self, key: str, pattern: list[dict]) -> bool:
        """Take `pattern` when it is one word with constraints this class reads."""
        if len(pattern) != 1 or not _plain(pattern[0]):
            return False
        element = pattern[0]
        for attribute in ("LOWER", "LEMMA", "ORTH", "TEXT"):
            value = element.get(attribute)
            if value is None:
                continue
            index = self.by_word.setdefault(attribute, {})
            if isinstance(value, str):
                index.setdefault(value, []).append((key, element))
                return True
            if "IN" in value:
                for word in value["IN"]:
                    index.setdefault(word, []).append((key, element))
                return True
            self.by_regex.append((key, element))
            regexes = [e[a]["REGEX"] for _, e in self.by_regex for a in e if _is_regex(e[a])]
            self.gate = re.compile("|".join(f"(?:{r})" for r in regexes))
            return True
        return False

    def matches(self, doc: Doc) -> list[tuple[str, int]]:
        found = []
        lookups = [(_WORD_ATTRIBUTES[a], index) for a, index in self.by_word.items()]
        gate = self.gate
        for token in doc:
            for name, index in lookups:
                hits = index.get(getattr(token, name))
                if hits:
                    found += [(key, token.i) for key, element in hits if _holds(token, element)]
            if gate is not None and (gate.search(token.lower_) or gate.search(token.text)):
                found += [(key, token.i) for key, e in self.by_regex if _holds(token, e)]
        return found


def _is_regex(value) -> bool:
    return isinstance(value, dict) and set(value) == {"REGEX"}


def _plain(element: dict) -> bool:
    """Only word, part-of-speech and morphology tests, as strings, lists or regexes."""
    for attribute, value in element.items():
        if attribute == "MORPH":
            if not (isinstance(value, dict) and set(value) == {"IS_SUPERSET"}):
                return False
        elif attribute not in _TOKEN_VALUES or not _string_list_or_regex(value):
            return False
    return True


def _string_list_or_regex(value) -> bool:
    return isinstance(value, str) or (
        isinstance(value, dict) and len(value) == 1 and set(value) <= {"IN", "REGEX"}
    )


def _holds(token: Token, element: dict) -> bool:
    for attribute, value in element.items():
        if attribute == "MORPH":
            if not set(value["IS_SUPERSET"]) <= set(str(token.morph).split("|")):
                return False
            continue
        actual = _TOKEN_VALUES[attribute](token)
        if isinstance(value, str):
            if actual != value:
                return False
        elif "IN" in value:
            if actual not in value["IN"]:
                return False
        elif not re.search(value["REGEX"], actual):
            return False
    return True


def _without_overlaps(found: list[Candidate]) -> list[Candidate]:
    kept: list[Candidate] = []
    for candidate in found:  # "Meta a embauché X d'Apple": a hiring and a departure
        if candidate.rule.overlaps and all(
            (c.rule.id, c.head.i) != (candidate.rule.id, candidate.head.i) for c in kept
        ):
            kept.append(candidate)
    taken: set[int] = set()
    exclusive = [c for c in found if not c.rule.overlaps]
    for candidate in sorted(exclusive, key=lambda c: (-len(c.span), c.rule.order, c.span.start)):
        words = range(candidate.span.start, candidate.span.end)
        if any(i in taken for i in words) or candidate.head.i in taken:
            continue
        taken.update(words)
        kept.append(candidate)
    return sorted(kept, key=lambda c: (c.head.i, c.rule.order))


# -- reading the files ---------------------------------------------------------------------


def rule_files(lang: str, folder: Traversable | None = None) -> list[Traversable]:
    """The language's rule files in book order (by name)."""
    folder = folder or resources.files("pipeline.extract") / "rules" / lang
    return sorted((f for f in folder.iterdir() if f.name.endswith(".jsonl")), key=lambda f: f.name)


def read_rules(lang: str, folder: Traversable | None = None) -> list[Rule]:
    """Every rule of `rules/LANG/*.jsonl` (or of `folder`), checked: RuleError names the file,
    the line and what is wrong."""
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path in rule_files(lang, folder):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.lstrip().startswith("//"):
                continue
            where = f"rules/{lang}/{path.name}:{number}"
            try:
                data = json.loads(line)
            except json.JSONDecodeError as error:
                raise RuleError(f"{where}: not JSON ({error.msg})") from None
            rule = _rule(data, lang, len(rules), where)
            if rule.id in seen:
                raise RuleError(f"{where}: rule id {rule.id!r} is also at {seen[rule.id]}")
            seen[rule.id] = where
            rules.append(rule)
    return rules


def _rule(data: dict, lang: str, order: int, where: str) -> Rule:
    unknown = set(data) - KEYS
    if unknown:
        raise RuleError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    for key in ("id", "event", "slots"):
        if key not in data:
            raise RuleError(f"{where}: no {key!r}")
    rule_id, event = data["id"], data["event"]
    if not rule_id.startswith(f"{lang}."):
        raise RuleError(f"{where}: rule id {rule_id!r} must start with {lang!r}.")
    if event not in EVENTS:
        raise RuleError(f"{where}: event {event!r} is not one of {', '.join(sorted(EVENTS))}")
    kind = data.get("kind")
    if (event == "departure") != (kind is not None) or (kind and kind not in KINDS):
        raise RuleError(f"{where}: a departure needs a kind among {sorted(KINDS)}, others none")
    slots = data["slots"]
    if set(slots) != set(SLOTS[event]):
        raise RuleError(f"{where}: a {event} rule fills the slots {', '.join(SLOTS[event])}")
    given = [k for k in ("phrase", "words", "patterns", "dependency") if k in data]
    if len(given) != 1:
        raise RuleError(f"{where}: one of phrase, words, patterns or dependency, not {given}")
    token_patterns: tuple[tuple[list[dict], int], ...] = ()
    dependency: tuple[dict, ...] = ()
    head = data.get("head")
    if "phrase" in data or "words" in data:
        phrases = data.get("phrase") or data["words"]
        phrases = [phrases] if isinstance(phrases, str) else phrases
        token_patterns = tuple(_phrase_pattern(p, "phrase" in data) for p in phrases)
    elif "patterns" in data:
        token_patterns = tuple(
            (_cased_lemmas(_with_lexicons(p, lang, where)), head or 0) for p in data["patterns"]
        )
    else:
        dependency = tuple(_cased_lemmas(_with_lexicons(data["dependency"], lang, where)))
    if not data.get("examples"):
        raise RuleError(f"{where}: a rule needs at least one example")
    return Rule(
        id=rule_id,
        lang=lang,
        event=event,
        kind=kind,
        slots=dict(slots),
        when=tuple(_guard(g, where) for g in data.get("when", ())),
        unless=tuple(_guard(g, where) for g in data.get("unless", ())),
        negation_is_event=bool(data.get("negation_is_event", False)),
        overlaps=bool(data.get("overlaps", False)),
        examples=tuple(data["examples"]),
        counter_examples=tuple(data.get("counter_examples", ())),
        order=order,
        token_patterns=token_patterns,
        dependency_pattern=dependency,
        head=head if dependency else None,
        source=where,
    )


def _phrase_pattern(phrase: str, on_lemmas: bool) -> tuple[list[dict], int]:
    """ "se *séparer de" -> a Matcher pattern and the index of the starred word in it."""
    attribute = "LEMMA" if on_lemmas else "LOWER"
    pattern: list[dict] = []
    head = 0
    for n, word in enumerate(phrase.split()):
        if n and on_lemmas:
            pattern.extend(_SKIPPED_IN_PHRASES)
        elif n:
            pattern.append(_QUOTE_IN_WORDS)  # he had ‘parted ways’ with X
        if word.startswith("*"):
            head = len(pattern)
            word = word[1:]
        pattern.append({attribute: {"IN": _case_variants(word)} if on_lemmas else word})
    return pattern, head


def _case_variants(word: str) -> list[str]:
    """The lemmatizer keeps the capital of a sentence's first word ("Fermeture" -> "Fermeture")."""
    return sorted({word, word[:1].upper() + word[1:]})


def _cased_lemmas(value):
    """Every LEMMA value of a pattern, also with a capital first letter."""
    if isinstance(value, list):
        return [_cased_lemmas(v) for v in value]
    if not isinstance(value, dict):
        return value
    found = {}
    for key, spec in value.items():
        if key == "LEMMA" and isinstance(spec, str):
            spec = {"IN": _case_variants(spec)}
        elif key == "LEMMA" and isinstance(spec, dict) and isinstance(spec.get("IN"), list):
            spec = {**spec, "IN": sorted({v for w in spec["IN"] for v in _case_variants(w)})}
        found[key] = _cased_lemmas(spec) if key in ("RIGHT_ATTRS",) else spec
    return found


def _with_lexicons(value, lang: str, where: str):
    """Every "@name" in a pattern becomes the list of that lexicon."""
    if isinstance(value, str) and value.startswith("@"):
        try:
            return sorted(lexicon(lang, value[1:]))
        except FileNotFoundError:
            raise RuleError(f"{where}: no lexicon {value[1:]!r} for {lang!r}") from None
    if isinstance(value, dict):
        return {k: _with_lexicons(v, lang, where) for k, v in value.items()}
    if isinstance(value, list):
        return [_with_lexicons(v, lang, where) for v in value]
    return value


def _guard(spec, where: str) -> Guard:
    if isinstance(spec, str):
        return Guard(spec)
    if isinstance(spec, dict) and len(spec) == 1:
        ((name, args),) = spec.items()
        return Guard(name, tuple(args if isinstance(args, list) else [args]))
    raise RuleError(f"{where}: a guard is a name or {{name: arguments}}, not {spec!r}")


@cache
def rulebook(lang: str, nlp: Language) -> RuleBook:
    return RuleBook(lang, read_rules(lang), nlp.vocab)


@cache
def first_words(lang: str) -> frozenset[str]:
    """The lower-case words that can start a match of the language's rules ("left", "stepped",
    "laid"): words that tell the news, never part of a name."""
    words: set[str] = set()
    for rule in read_rules(lang):
        for pattern, _ in rule.token_patterns:
            for attribute in ("LOWER", "LEMMA"):
                value = pattern[0].get(attribute)
                if isinstance(value, str):
                    words.add(value.lower())
                elif isinstance(value, dict) and isinstance(value.get("IN"), list):
                    words.update(v.lower() for v in value["IN"])
    return frozenset(words)


def all_rules() -> Iterator[Rule]:
    for lang in LANGUAGES:
        yield from read_rules(lang)
