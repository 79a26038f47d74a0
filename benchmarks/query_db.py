"""A large database for query benchmarks, built cheaply but through the library's own storage.

The real extractor runs once on a base set of generated articles. Every further article is a
replica of a base article with other people (names swapped for names of the same length, so the
stored offsets stay right) and other years (shifted by whole years), written with
`pipeline.store.log.append_many` and `pipeline.store.projections.store_extractions`, like
`pipeline ingest`
does.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import pickle
import random
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from make_corpus import FIRST_NAMES, LAST_NAMES, generate
from sqlalchemy import Engine, func, select

import pipeline
from pipeline.extract import EXTRACTOR_VERSION, ArticleText, EntityRef, Extraction, Extractor
from pipeline.extract.names import entity_key
from pipeline.inputs.sources import RawArticle
from pipeline.store import log, schema
from pipeline.store.models import articles
from pipeline.store.projections import finish_run, start_run, store_extractions

YEAR = re.compile(r"\b(19|20)\d\d\b")
NOT_A_YEAR = r"\b(?!(?:19|20)\d\d\b)"
FIGURE = re.compile(  # amounts, head counts, percentages: not days of the month, not years
    rf"{NOT_A_YEAR}\d+(?=\s?(?:%|personnes|millions|milliards))|{NOT_A_YEAR}\d{{3,}}\b"
)
WRITE_CHUNK = 500


@dataclasses.dataclass(frozen=True)
class BaseArticle:
    article: RawArticle
    extraction: Extraction


def base_articles(count: int, seed: int, cache_dir: Path) -> list[BaseArticle]:
    """The first `count` generated articles and their real extractions (cached on disk, keyed by
    the corpus seed and the extractor version)."""
    cache = cache_dir / f"base-{fingerprint(count, count, seed)}.pickle"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    raws = [
        RawArticle(
            source=f"corpus:{index}",
            text=record["text"],
            title=record["title"],
            url=record["url"],
            published=datetime.date.fromisoformat(record["date"]),
            lang="fr",
        )
        for index, record in enumerate(generate(count, seed))
    ]
    texts = [ArticleText(raw.text, "fr", raw.published) for raw in raws]
    extractions = list(Extractor().extract_many(texts))
    bases = [BaseArticle(raw, ex) for raw, ex in zip(raws, extractions, strict=True)]
    cache_dir.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(bases))
    return bases


class Replicator:
    """Replica `r` of a base article: same story, other people, other years."""

    def __init__(self, seed: int):
        self.seed = seed
        self.first_names = _by_length(FIRST_NAMES)
        self.last_names = _by_length(LAST_NAMES)

    def replica(self, base: BaseArticle, number: int, attempt: int = 0) -> BaseArticle:
        if number == 0:
            return base
        rng = random.Random(f"{self.seed}:replica:{number}:{attempt}:{base.article.source}")
        shift = rng.choice([-4, -3, -2, -1, 1])
        swap = self._name_swap(base.extraction, rng)
        figures: dict[str, str] = {}

        def other_figure(match: re.Match) -> str:
            """Another figure of the same length (so the stored offsets stay right)."""
            figure = match.group(0)
            if figure not in figures:
                figures[figure] = str(rng.randrange(10 ** (len(figure) - 1), 10 ** len(figure)))
            return figures[figure]

        def text(value: str) -> str:
            value = FIGURE.sub(other_figure, swap(value))
            return YEAR.sub(lambda m: str(int(m.group(0)) + shift), value)

        raw = base.article
        article = dataclasses.replace(
            raw,
            source=f"{raw.source}:replica-{number}",
            text=text(raw.text),
            title=text(raw.title or ""),
            url=f"{raw.url}-r{number}",
            published=_shift(raw.published, shift),
        )
        extraction = Extraction(
            mentions=tuple(
                dataclasses.replace(
                    m,
                    entity=_renamed(m.entity, swap),
                    surface=swap(m.surface),
                    sentence=text(m.sentence),
                )
                for m in base.extraction.mentions
            ),
            events=tuple(
                dataclasses.replace(
                    e,
                    subject=_renamed(e.subject, swap),
                    event_date=_shift(e.event_date, shift),
                    date_text=text(e.date_text) if e.date_text else e.date_text,
                    sentence=text(e.sentence),
                )
                for e in base.extraction.events
            ),
        )
        return BaseArticle(article, extraction)

    def _name_swap(self, extraction: Extraction, rng: random.Random):
        """Every word of every person name -> another first or last name of the same length."""
        firsts, lasts = set(), set()
        for mention in extraction.mentions:
            if mention.entity.kind == "person":
                first, *rest = re.findall(r"\w+", mention.entity.name)
                firsts.add(first) if rest else lasts.add(first)
                lasts.update(rest)
        mapping = {}
        for word, pools in [
            *((w, self.first_names) for w in sorted(firsts)),
            *((w, self.last_names) for w in sorted(lasts - firsts)),
        ]:
            pool = pools.get(len(word))
            if pool and word[0].isupper():
                mapping[word] = rng.choice(pool)
        if not mapping:
            return lambda value: value
        pattern = re.compile(
            r"\b(" + "|".join(map(re.escape, sorted(mapping, key=len, reverse=True))) + r")\b"
        )
        return lambda value: pattern.sub(lambda m: mapping[m.group(0)], value)


def _by_length(names: list[str]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    for name in sorted(set(names)):
        found[len(name)].append(name)
    return found


def _renamed(ref: EntityRef, swap) -> EntityRef:
    if ref.kind != "person":
        return ref
    name = swap(ref.name)
    return EntityRef(ref.kind, name, entity_key(name))


def _shift(day: datetime.date | None, years: int) -> datetime.date | None:
    if day is None:
        return None
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def replicas(bases: list[BaseArticle], total: int, seed: int) -> Iterator[BaseArticle]:
    """`total` articles with distinct texts: the bases, then replicas of each in turn (a base
    with too little to vary is skipped once its variants run out)."""
    replicator = Replicator(seed)
    seen: set[str] = set()
    index = 0
    while len(seen) < total:
        base, number = bases[index % len(bases)], index // len(bases)
        index += 1
        for attempt in range(20):
            item = replicator.replica(base, number, attempt)
            digest = log.content_hash(item.article.text)
            if digest not in seen:
                seen.add(digest)
                yield item
                break


def article_count(engine: Engine) -> int:
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(articles)).scalar_one()


def build(engine: Engine, bases: list[BaseArticle], total: int, seed: int) -> dict:
    """Write `total` articles (bases, then replicas) with their projections; returns counts."""
    schema.upgrade(engine)
    stored = events = 0
    with engine.begin() as connection:
        run_id = start_run(connection, version=EXTRACTOR_VERSION, command="ingest")
    batch: list[BaseArticle] = []
    for item in replicas(bases, total, seed):
        batch.append(item)
        if len(batch) >= WRITE_CHUNK:
            added = _write(engine, batch, run_id)
            stored, events = stored + added[0], events + added[1]
            batch = []
    if batch:
        added = _write(engine, batch, run_id)
        stored, events = stored + added[0], events + added[1]
    with engine.begin() as connection:
        finish_run(connection, run_id)
    return {"articles": stored, "events": events}


def _write(engine: Engine, batch: list[BaseArticle], run_id: int) -> tuple[int, int]:
    """One transaction and a few bulk statements per chunk, as `pipeline ingest` stores a batch."""
    new = [(item.article, log.content_hash(item.article.text)) for item in batch]
    with engine.begin() as connection:
        ids = log.append_many(connection, new)
        extractions = {
            ids[digest]: item.extraction
            for item, (_, digest) in zip(batch, new, strict=True)
            if digest in ids
        }
        events = store_extractions(
            connection, extractions, run_id=run_id, version=EXTRACTOR_VERSION
        )
    return len(extractions), events


def fingerprint(total: int, base_count: int, seed: int) -> str:
    """Names what a database or cache holds: sizes, seed, and the code and data of the corpus
    generator and of the extractor."""
    digest = hashlib.sha1(f"{total}:{base_count}:{seed}:{EXTRACTOR_VERSION}".encode())
    package = Path(pipeline.__file__).parent
    sources = [Path(__file__).parent / "make_corpus.py", *sorted(package.glob("extract/*.py"))]
    for path in [*sources, *sorted(package.glob("data/*"))]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]
