"""The rule book keeps its data honest: every rule's examples are found by that rule and its
counter-examples are not; every slot resolver, guard and lexicon a rule names exists; every
lexicon file is read by something; a rule file with a duplicate id, an unknown key or a missing
slot is refused with its file and line."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest

from pipeline.extract import ArticleText, Extractor
from pipeline.extract.engine import find_resolver
from pipeline.extract.guards import GUARDS
from pipeline.extract.languages import READERS
from pipeline.extract.lexicons import lexicon_names
from pipeline.extract.names import fold
from pipeline.extract.rulebook import SLOTS, RuleError, all_rules, read_rules

RULES = list(all_rules())
EXTRACT = Path(__file__).resolve().parent.parent / "pipeline" / "extract"
PUBLISHED = datetime.date(2025, 6, 13)


@pytest.fixture(scope="module")
def found_by_text() -> dict[tuple[str, str], list]:
    """Every example and counter-example sentence, extracted once (one spaCy batch per
    language)."""
    texts = sorted(
        {
            (rule.lang, text)
            for rule in RULES
            for text in [e["text"] for e in rule.examples] + list(rule.counter_examples)
        }
    )
    extractions = Extractor().extract_many(ArticleText(t, lang, PUBLISHED) for lang, t in texts)
    return {key: list(x.events) for key, x in zip(texts, extractions, strict=True)}


def _examples():
    for rule in RULES:
        for n, example in enumerate(rule.examples):
            yield pytest.param(rule, example, id=f"{rule.id}-{n}")


def _counter_examples():
    for rule in RULES:
        for n, text in enumerate(rule.counter_examples):
            yield pytest.param(rule, text, id=f"{rule.id}-{n}")


@pytest.mark.parametrize(("rule", "example"), list(_examples()))
def test_each_example_is_found_by_its_rule(found_by_text, rule, example):
    role = "team" if rule.event == "dissolution" else "person"
    found = [
        (e.subject.name, e.organization.name if e.organization else None, e.kind)
        for e in found_by_text[(rule.lang, example["text"])]
        if e.rule == rule.id
    ]
    expected = (fold(example[role]), fold(example["organization"]))
    assert any((fold(name), fold(org or "")) == expected for name, org, _ in found), found
    assert all(kind == rule.kind for _, _, kind in found)


@pytest.mark.parametrize(("rule", "text"), list(_counter_examples()))
def test_no_counter_example_is_found_by_its_rule(found_by_text, rule, text):
    assert [e for e in found_by_text[(rule.lang, text)] if e.rule == rule.id] == []


def test_every_rule_id_names_its_language_event_and_construction():
    for rule in RULES:
        assert re.fullmatch(r"(fr|en)\.[a-z_]+\.[a-z_]+", rule.id), rule.id
    assert len({rule.id for rule in RULES}) == len(RULES)


def test_every_slot_resolver_and_guard_a_rule_names_exists():
    for rule in RULES:
        for slot in SLOTS[rule.event]:
            assert find_resolver(rule.lang, slot, rule.slots[slot]), (rule.id, slot)
        for guard in (*rule.when, *rule.unless):
            assert guard.name in GUARDS, (rule.id, guard.name)


def test_every_rule_book_compiles_with_spacy():
    for reader in READERS.values():
        book = reader.rules()
        assert set(book.rules) == {rule.id for rule in RULES if rule.lang == reader.lang}


def test_every_lexicon_file_is_read_by_a_rule_or_the_code():
    code = "\n".join(p.read_text("utf-8") for p in EXTRACT.rglob("*.py"))
    rules = "\n".join(p.read_text("utf-8") for p in (EXTRACT / "rules").rglob("*.jsonl"))
    read_in_code = set(re.findall(r'lexicon\("(\w+)", "(\w+)"\)', code))
    for lang, name in lexicon_names():
        assert (lang, name) in read_in_code or f'"@{name}"' in rules, f"{lang}/{name}.txt"
    assert read_in_code <= set(lexicon_names()), read_in_code - set(lexicon_names())


# --- files that cannot be used are refused with their place


def write_rules(folder: Path, *rules: dict) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "rules.jsonl").write_text("\n".join(json.dumps(r) for r in rules) + "\n", "utf-8")
    return folder


GOOD = {
    "id": "fr.departure.test",
    "event": "departure",
    "kind": "departure",
    "phrase": "quitter",
    "slots": {"person": "subject", "organization": "left", "date": "near_trigger"},
    "examples": [{"text": "X", "person": "A B", "organization": "C"}],
}


def test_a_good_rule_file_is_read(tmp_path):
    (rule,) = read_rules("fr", write_rules(tmp_path / "fr", GOOD))
    assert rule.id == "fr.departure.test" and rule.kind == "departure"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"colour": "red"}, "unknown key"),
        ({"kind": None}, "needs a kind"),
        ({"slots": {"person": "subject"}}, "fills the slots"),
        ({"examples": []}, "at least one example"),
        ({"id": "en.departure.test"}, "must start with 'fr'"),
        ({"patterns": [[{"LEMMA": "quitter"}]]}, "one of phrase, words"),
        ({"event": "promotion"}, "event 'promotion'"),
    ],
)
def test_a_bad_rule_is_refused_with_its_file_and_line(tmp_path, change, message):
    rule = {**GOOD, **change}
    with pytest.raises(RuleError, match=rf"rules\.jsonl:1: .*{message}"):
        read_rules("fr", write_rules(tmp_path / "fr", rule))


def test_a_duplicate_rule_id_is_refused(tmp_path):
    with pytest.raises(RuleError, match=r"rules\.jsonl:2: rule id 'fr.departure.test' is also"):
        read_rules("fr", write_rules(tmp_path / "fr", GOOD, GOOD))


def test_a_pattern_naming_a_missing_lexicon_is_refused(tmp_path):
    rule = {k: v for k, v in GOOD.items() if k != "phrase"}
    rule["patterns"] = [[{"LEMMA": {"IN": "@no_such_list"}}]]
    with pytest.raises(RuleError, match="no lexicon 'no_such_list'"):
        read_rules("fr", write_rules(tmp_path / "fr", rule))
