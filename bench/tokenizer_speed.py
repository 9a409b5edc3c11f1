"""Tokenizing the seed issue: the domain tokenizer against bare ``jieba.lcut``, and cached reruns.

    python bench/tokenizer_speed.py [--repeat 5]

Warm means both dictionaries are loaded before the clock starts; the ratio is ours / bare on
the same article texts in the same run. Cached reruns read the tokens back from memory and
from the SQLite cache on disk (a fresh cache object, as a new notebook kernel would have).
"""

from __future__ import annotations

import argparse
import logging
import statistics
import tempfile
import time
import warnings
from pathlib import Path

import jieba

from corpus_utils import load_issue
from corpus_utils.cache import TextCache
from corpus_utils.paths import seeds_dir
from corpus_utils.text.tokens import Tokenizer


def _best(fn, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--issue", default=str(seeds_dir() / "000_5e927a446d779796.txt"))
    args = parser.parse_args()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        texts = list(load_issue(args.issue).articles["text"])
    chars = sum(map(len, texts))
    jieba.setLogLevel(logging.WARNING)

    t0 = time.perf_counter()
    jieba.initialize()
    bare_load = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.sqlite"
        t0 = time.perf_counter()
        tok = Tokenizer(cache=TextCache(db))
        ours_load = time.perf_counter() - t0

        bare = _best(lambda: [jieba.lcut(t) for t in texts], args.repeat)
        ours = _best(lambda: [tok.cut_uncached(t) for t in texts], args.repeat)

        def first_run():
            tok.cache = TextCache(Path(tmp) / f"fresh{time.perf_counter_ns()}.sqlite")
            [tok.cut(t) for t in texts]

        first = _best(first_run, args.repeat)
        tok.cache = TextCache(db)
        [tok.cut(t) for t in texts]
        memory = _best(lambda: [tok.cut(t) for t in texts], args.repeat)

        def from_disk():
            tok.cache = TextCache(db)
            [tok.cut(t) for t in texts]

        disk = _best(from_disk, args.repeat)

    print(
        f"seed issue: {len(texts)} articles, {chars} characters; {len(tok.terms)} domain entries; best of {args.repeat}"
    )
    print(
        f"  dictionary load         bare jieba {bare_load * 1000:7.0f} ms   domain tokenizer {ours_load * 1000:7.0f} ms"
    )
    print(
        f"  tokenize, warm          bare jieba {bare[0] * 1000:7.0f} ms   domain tokenizer {ours[0] * 1000:7.0f} ms"
        f"   ratio {ours[0] / bare[0]:.2f}"
    )
    print(
        f"  first run, cache write                            domain tokenizer {first[0] * 1000:7.0f} ms"
        f"   ratio {first[0] / bare[0]:.2f}"
    )
    print(f"  rerun, memory cache                               domain tokenizer {memory[0] * 1000:7.1f} ms")
    print(f"  rerun, disk cache (new kernel)                    domain tokenizer {disk[0] * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
