"""The reference point: spaCy alone, with the model and components the extractor loads
(`pipeline.extract.fr.pipeline.load()`), over the texts of a JSONL corpus. Prints one JSON object.

    python benchmarks/bare_spacy.py benchmarks/out/corpus-1000.jsonl [--batch-size 16]
"""

from __future__ import annotations

import argparse
import json
import sys
import time


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--batch-size", type=int, default=None, help="default: spaCy's own")
    args = parser.parse_args()
    started = time.perf_counter()
    from pipeline.extract.fr.pipeline import load

    nlp = load()
    loaded = time.perf_counter()
    with open(args.corpus, encoding="utf-8") as corpus:
        texts = [json.loads(line)["text"] for line in corpus if line.strip()]
    wall, cpu = time.perf_counter(), time.process_time()
    tokens = 0
    for doc in nlp.pipe(texts, batch_size=args.batch_size):
        tokens += len(doc)
    pipe_wall, pipe_cpu = time.perf_counter() - wall, time.process_time() - cpu
    result = {
        "articles": len(texts),
        "tokens": tokens,
        "components": nlp.pipe_names,
        "batch_size": args.batch_size or nlp.batch_size,
        "load_s": round(loaded - started, 3),
        "pipe_wall_s": round(pipe_wall, 3),
        "pipe_cpu_s": round(pipe_cpu, 3),
    }
    json.dump(result, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
