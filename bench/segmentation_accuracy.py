"""Segmentation on the seed: field accuracy against the hand-read contents, and time per issue.

python bench/segmentation_accuracy.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import time
import warnings
from pathlib import Path

from corpus_utils import load_issue

ROOT = Path(__file__).resolve().parent.parent

GOLDEN = ROOT / "tests" / "golden" / "seed_000_toc.json"
FIELDS = ("kind", "column", "title", "authors", "author_note", "pages")


def accuracy(issue, golden: list[dict]) -> dict[str, str]:
    """Share of hand-read records whose field matches, per field, plus body starts/ends."""
    got = issue.articles.to_dict("records")
    out = {"records": f"{len(got)} found / {len(golden)} expected"}
    n = min(len(got), len(golden))
    for field in FIELDS:
        ok = sum(got[k][field] == golden[k][field] for k in range(n))
        out[field] = f"{ok}/{len(golden)}"
    ok = sum(
        got[k]["text"].startswith(golden[k]["starts"]) and got[k]["text"].endswith(golden[k]["ends"]) for k in range(n)
    )
    out["body start+end"] = f"{ok}/{len(golden)}"
    bal = issue.balance()
    out["character balance"] = (
        f"{bal.input} = {bal.body} + {bal.metadata} + {bal.leftovers} ({'holds' if bal.holds else 'BROKEN'})"
    )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    seed = ROOT / golden["source"]
    times = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            issue = load_issue(seed, cache=False)
        times.append(time.perf_counter() - t0)
    for key, value in accuracy(issue, golden["records"]).items():
        print(f"{key:>18}: {value}")
    print(
        f"{'load+segment':>18}: best {min(times) * 1000:.0f} ms, median {sorted(times)[len(times) // 2] * 1000:.0f} ms "
        f"over {args.repeat} runs ({Path(seed).stat().st_size / 1024:.0f} KiB, {issue.n_pages} pages)"
    )


if __name__ == "__main__":
    main()
