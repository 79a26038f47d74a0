"""How right the database's answers are: the `departures` and `dissolutions` views scored against
a gold file, with the matching the project's evaluation uses (unique person/organisation and
team/organisation pairs, accents, case and punctuation folded; a gold value may be a list of
accepted values; an `optional` gold row is neither rewarded nor punished). Per rule: how many
pairs each rule's evidence supports, how many of those are right and wrong (Snorkel's labelling
function summary, for extraction rules), and the gold rows nothing found.

A gold file has one JSON object per line:
    {"type": "departure", "person": "Jane Doe", "organization": ["Meta", "Facebook"],
     "kind": "resignation", "date": "2024-05", "optional": false}
    {"type": "dissolution", "team": "Superalignment", "organization": "OpenAI", "date": "2024-05"}
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, text

from pipeline.outputs.query import run_view

ROLES = {"departure": "person", "dissolution": "team"}
VIEWS = {"departure": "departures", "dissolution": "dissolutions"}


class GoldError(ValueError):
    """A gold file that cannot be read, with the line and the reason."""


def norm(value) -> str:
    """The folded form names are compared in."""
    if value is None:
        return ""
    decomposed = unicodedata.normalize("NFKD", str(value))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", stripped.casefold()).split())


def accepted(value) -> set[str]:
    return {norm(v) for v in (value if isinstance(value, list) else [value])}


Key = tuple[str, str]  # (folded person or team, folded organisation)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    date_strict: float = 0.0
    date_lenient: float = 0.0
    kind_accuracy: float | None = None
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    # the found pairs judged right, judged wrong, and matched to an optional gold row
    right: set[Key] = field(default_factory=set)
    wrong: set[Key] = field(default_factory=set)
    optional: set[Key] = field(default_factory=set)


def read_gold(path: str | Path) -> list[dict]:
    rows = []
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise GoldError(f"{path}:{number}: not JSON ({error.msg})") from None
        kind = row.get("type") if isinstance(row, dict) else None
        if kind not in ROLES:
            raise GoldError(f'{path}:{number}: "type" must be departure or dissolution')
        for key in (ROLES[kind], "organization"):
            if key not in row:
                raise GoldError(f"{path}:{number}: a {kind} row needs {key!r}")
        rows.append(row)
    return rows


def score(gold: list[dict], found: list[dict], role: str) -> Score:
    """Each gold row takes the first unused found pair it accepts; what no gold row takes is a
    false positive, a non-optional gold row that takes nothing a false negative."""
    by_key: dict[Key, dict] = {}
    for row in found:
        by_key.setdefault((norm(row.get(role)), norm(row.get("organization"))), row)
    result = Score()
    matched: list[tuple[dict, dict]] = []
    used: set[Key] = set()
    for g in gold:
        names, organizations = accepted(g[role]), accepted(g["organization"])
        hit = next(
            (k for k in by_key if k[0] in names and k[1] in organizations and k not in used), None
        )
        if hit is None:
            if not g.get("optional"):
                result.missed.append(f"{_shown(g[role])} / {_shown(g['organization'])}")
            continue
        used.add(hit)
        if g.get("optional"):
            result.optional.add(hit)
        else:
            result.right.add(hit)
            matched.append((g, by_key[hit]))
    result.wrong = set(by_key) - used
    result.extra = [f"{k[0]} / {k[1]}" for k in by_key if k not in used]
    result.tp, result.fp, result.fn = len(matched), len(result.wrong), len(result.missed)
    precision = result.tp / (result.tp + result.fp) if result.tp + result.fp else 0.0
    recall = result.tp / (result.tp + result.fn) if result.tp + result.fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    result.precision, result.recall, result.f1 = round(precision, 3), round(recall, 3), round(f1, 3)
    strict = sum(1 for g, row in matched if _date(g) == _date(row))
    lenient = sum(1 for g, row in matched if _dates_agree(_date(g), _date(row)))
    result.date_strict, result.date_lenient = _ratio(strict, result.tp), _ratio(lenient, result.tp)
    if role == "person":
        kinds = sum(1 for g, row in matched if norm(row.get("kind")) in accepted(g.get("kind")))
        result.kind_accuracy = _ratio(kinds, result.tp)
    return result


def _shown(value) -> str:
    return value[0] if isinstance(value, list) else str(value)


def _date(row: dict) -> str:
    return str(row.get("date") or "")


def _dates_agree(gold: str, found: str) -> bool:
    return gold == found or bool(
        gold and found and (gold.startswith(found) or found.startswith(gold))
    )


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


@dataclass
class RuleScore:
    rule: str
    fired: int  # distinct pairs the rule's evidence supports
    right: int
    wrong: int
    alone: int  # right pairs no other rule supports

    @property
    def precision(self) -> float:
        return _ratio(self.right, self.right + self.wrong)


@dataclass
class Evaluation:
    departures: Score
    dissolutions: Score
    rules: list[RuleScore]


def evaluate(engine: Engine, gold: list[dict]) -> Evaluation:
    """Score the database's views against `gold`; nothing is ingested or changed."""
    scores = {
        event: score(
            [g for g in gold if g["type"] == event], run_view(engine, VIEWS[event]), ROLES[event]
        )
        for event in ROLES
    }
    return Evaluation(scores["departure"], scores["dissolution"], rule_scores(engine, scores))


def rule_scores(engine: Engine, scores: dict[str, Score]) -> list[RuleScore]:
    """Per rule, the pairs its evidence sentences support, judged as the pairs were."""
    statement = text(
        "select distinct event_type, subject, organization, rule from event_sources "
        "where event_type in ('departure', 'dissolution')"
    )
    with engine.connect() as connection:
        rows = connection.execute(statement).all()
    pairs_of: dict[str, set[tuple[str, Key]]] = defaultdict(set)
    rules_of: dict[tuple[str, Key], set[str]] = defaultdict(set)
    for event_type, subject, organization, rule in rows:
        pair = (event_type, (norm(subject), norm(organization)))
        pairs_of[rule or "(no rule)"].add(pair)
        rules_of[pair].add(rule or "(no rule)")
    found = []
    for rule, pairs in pairs_of.items():
        right = [p for p in pairs if p[1] in scores[p[0]].right]
        wrong = [p for p in pairs if p[1] in scores[p[0]].wrong]
        alone = sum(1 for p in right if rules_of[p] == {rule})
        found.append(RuleScore(rule, len(pairs), len(right), len(wrong), alone))
    return sorted(found, key=lambda r: r.rule)


def report(evaluation: Evaluation, *, by_rule: bool) -> str:
    """The evaluation as text: one line per set (as the project's scorer prints it), the misses
    and extras, and with `by_rule` the table of rules."""
    lines = []
    for name, result in (
        ("departures", evaluation.departures),
        ("dissolutions", evaluation.dissolutions),
    ):
        line = (
            f"{name}: P={result.precision:.3f} R={result.recall:.3f} F1={result.f1:.3f} "
            f"(tp={result.tp} fp={result.fp} fn={result.fn}) date strict="
            f"{result.date_strict:.2f} lenient={result.date_lenient:.2f}"
        )
        if result.kind_accuracy is not None:
            line += f" kind={result.kind_accuracy:.2f}"
        lines.append(line)
        lines += [f"  missed: {m}" for m in result.missed]
        lines += [f"  extra:  {e}" for e in result.extra]
    if by_rule:
        lines += ["", _rule_table(evaluation.rules)]
    return "\n".join(lines)


def _precision_cell(rule: RuleScore) -> str:
    """ "-" when nothing the rule found is scored (only optional background rows)."""
    return f"{rule.precision:.2f}" if rule.right + rule.wrong else "-"


def _rule_table(rules: list[RuleScore]) -> str:
    header = ("rule", "fired", "right", "wrong", "precision", "alone")
    rows = [
        (r.rule, str(r.fired), str(r.right), str(r.wrong), _precision_cell(r), str(r.alone))
        for r in rules
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    out = []
    for row in [header, *rows]:
        numbers = zip(row[1:], widths[1:], strict=True)
        cells = [row[0].ljust(widths[0])] + [cell.rjust(width) for cell, width in numbers]
        out.append("  ".join(cells).rstrip())
    return "\n".join(out)


def as_json(evaluation: Evaluation) -> str:
    def plain(result: Score) -> dict:
        data = {k: v for k, v in vars(result).items() if k not in ("right", "wrong", "optional")}
        if data["kind_accuracy"] is None:
            del data["kind_accuracy"]
        return data

    return json.dumps(
        {
            "departures": plain(evaluation.departures),
            "dissolutions": plain(evaluation.dissolutions),
            "rules": [{**vars(r), "precision": r.precision} for r in evaluation.rules],
        },
        ensure_ascii=False,
        indent=2,
    )
