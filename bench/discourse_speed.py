"""How long the discourse analyses take on an archive: ``--issues`` generated issues (with
reprints, ``tests/discoursegen.py``), each table of notebook 09 timed on the corpus read once.

python bench/discourse_speed.py [--issues 240] [--seed 0] [--jobs N]

Reading the archive (``Corpus.from_paths``, one worker per issue, token cache cold) is timed
apart; then the reprint pairs, the corpus without reprints, the formula inventory and trends,
citations and their trends, documents named, units, place mentions and county coverage, and
framing trends. The machine is shared: read the numbers as a scale, not a promise.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("CORPUS_UTILS_CACHE", tempfile.mkdtemp(prefix="discourse_speed_cache_"))

from discoursegen import generate_run, write_run  # noqa: E402

import corpus_utils as cu  # noqa: E402


def timed(name: str, call, results: dict):
    t = time.perf_counter()
    value = call()
    results[name] = time.perf_counter() - t
    print(f"{name:<34} {results[name]:7.2f} s", flush=True)
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--issues", type=int, default=240)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        run = timed("generate and write", lambda: write_run(generate_run(args.seed, args.issues), Path(tmp)), results)
        corpus = timed("read (Corpus.from_paths)", lambda: cu.Corpus.from_paths(run, jobs=args.jobs), results)
    print(f"{corpus}, {int(corpus.records['n_chars'].sum()):,} characters")
    start = time.perf_counter()
    pairs = timed("reprint pairs", lambda: cu.reprint_pairs(corpus), results)
    timed("reprint summary", lambda: cu.reprint_summary(corpus), results)
    counted = timed("without reprints", corpus.without_reprints, results)
    print(f"  {len(pairs)} pairs; {len(corpus) - len(counted)} records left out")
    inventory = timed("formula inventory", lambda: cu.formula_inventory(counted), results)
    timed("formula trends", lambda: cu.formula_trends(counted, list(inventory["formula"])), results)
    cited = timed("citations", lambda: cu.citations(counted), results)
    timed("citation trends", lambda: cu.citation_trends(counted, table=cited), results)
    timed("documents named", lambda: cu.named_documents(counted), results)
    timed("units, places, county coverage", lambda: cu.county_coverage(counted), results)
    timed("framing trends", lambda: cu.framing_trends(counted), results)
    print(f"{'all tables of notebook 09':<34} {time.perf_counter() - start:7.2f} s")


if __name__ == "__main__":
    main()
