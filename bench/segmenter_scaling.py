"""How the segmenter's time grows with the size of an issue: the seed repeated k times in one
file (k = 1, 4, 16, 64 by default), read without the cache. Linear growth keeps the time per
seed-sized part flat; a quadratic step shows as a rising last column.

    python bench/segmenter_scaling.py [--sizes 1 4 16 64]
"""

from __future__ import annotations

import argparse
import tempfile
import time
import warnings
from pathlib import Path

import corpus_utils as cu

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_5e927a446d779796.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 4, 16, 64])
    args = parser.parse_args()
    seed = SEED.read_text(encoding="utf-8")
    print(f"{'copies':>6} {'characters':>11} {'records':>8} {'seconds':>8} {'s per copy':>10}")
    with tempfile.TemporaryDirectory() as folder, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for k in args.sizes:
            path = Path(folder) / f"seed_x{k}.txt"
            path.write_text("\n".join([seed] * k), encoding="utf-8")
            start = time.perf_counter()
            issue = cu.load_issue(path, cache=False)
            took = time.perf_counter() - start
            print(f"{k:>6} {len(seed) * k:>11,} {len(issue.articles):>8} {took:>8.2f} {took / k:>10.3f}")


if __name__ == "__main__":
    main()
