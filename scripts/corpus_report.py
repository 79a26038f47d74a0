"""Per-article comparison of extracted events with tests/corpus/expected.jsonl (a dev aid).

Usage: python scripts/corpus_report.py [ARTICLE_SUBSTRING]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pipeline.commands.batches import publication_date
from pipeline.extract import ArticleText, Extractor
from pipeline.extract.names import fold
from pipeline.inputs.sources import RawArticle, read_sources

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"


def accepted(value) -> set[str]:
    return {fold(v) for v in (value if isinstance(value, list) else [value])}


def main(argv: list[str]) -> None:
    wanted = argv[0] if argv else ""
    expected = [
        json.loads(line)
        for line in (CORPUS / "expected.jsonl").read_text().splitlines()
        if line.strip()
    ]
    articles = [a for a in read_sources([str(CORPUS / "articles")]) if isinstance(a, RawArticle)]
    articles = [a for a in articles if wanted in a.source]
    texts = [ArticleText(a.text, a.lang or "fr", publication_date(a)) for a in articles]
    for article, extraction in zip(articles, Extractor().extract_many(texts), strict=True):
        name = Path(article.source).name
        gold = [g for g in expected if name in g["sources"]]
        found = list(extraction.events)
        lines = []
        for g in gold:
            role = "person" if g["type"] == "departure" else "team"
            hit = [
                e
                for e in found
                if fold(e.subject.name) in accepted(g[role])
                and e.organization
                and fold(e.organization.name) in accepted(g["organization"])
            ]
            mark = "ok " if hit else ("opt" if g.get("optional") else "MISS")
            detail = ""
            if hit:
                e = hit[0]
                d = (
                    e.event_date.isoformat()[: {"day": 10, "month": 7, "year": 4}[e.date_precision]]
                    if e.event_date
                    else None
                )
                detail = f" -> kind={e.kind} date={d}"
            expected_text = f"{g[role]} / {g['organization']} {g.get('kind', '')} {g.get('date')}"
            lines.append(f"  {mark} {expected_text}{detail}")
        for e in found:
            if e.event_type not in ("departure", "dissolution"):
                continue
            matched = any(
                fold(e.subject.name)
                in accepted(g["person" if g["type"] == "departure" else "team"])
                for g in gold
            )
            if not matched:
                found_text = f"{e.event_type} {e.subject.name} / {e.organization.name} {e.kind}"
                lines.append(f"  EXTRA {found_text} | {e.sentence[:150]}")
        if any("MISS" in line or "EXTRA" in line for line in lines) or wanted:
            print(f"{name} ({article.lang}, {texts[articles.index(article)].published})")
            print("\n".join(lines))


if __name__ == "__main__":
    main(sys.argv[1:])
