"""Unseen issues: prose the segmenter was never shaped on, laid out with continuation blocks set
inside other articles' runs.

python bench/segmentation_unseen.py [--issues 3] [--n 0] [--jobs 2]

The issues are written from ``tests/unseen_bank.py`` (sentences, headings, titles, places and
columns written apart from the seed and from the generator's phrase bank) and laid out by
``tests/issuegen.py`` with a waiting tail set inside another article's run wherever a page
has room (``interrupt=0.6``). The ``--issues`` issues are the first seeds from 1 whose issue
has at least 20 records (the seed has 26) and at least one such tail: chosen by their layout,
never by how they are read. For each: its records, how many come back exact on every field,
the wrong ones with and without a flag shown by default (each listed), and the doubts shown on
records that are right. ``--n`` adds that many more issues of the same prose (seeds 1000 …) in
aggregate, with the precision and recall of every flag.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from issuegen import flag_precision, load_generated, score_issue  # noqa: E402
from unseen_bank import unseen_issue, unseen_seeds  # noqa: E402

MORE_FROM = 1000


def read(seed: int) -> tuple[int, list, int]:
    """The scores of one unseen issue's records, and how many flags it raised on the issue as a whole."""
    gen = unseen_issue(seed)
    return seed, score_issue(gen, load_generated(gen)), len(gen.records)


def summary(scores: list) -> dict[str, int]:
    expected = [s for s in scores if s.expected is not None]
    wrong = [s for s in expected if s.wrong]
    right = [s for s in expected if not s.wrong]
    return {
        "records": len(expected),
        "exact": len(right),
        "wrong flagged": sum(bool(s.flags) for s in wrong),
        "wrong unflagged": sum(not s.flags for s in wrong),
        "extra": sum(s.expected is None for s in scores),
        "doubts on right records": sum(len(s.doubts) for s in right),
        "problems on right records": sum(len(s.flags) - len(s.doubts) for s in right),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--issues", type=int, default=3, help="unseen issues to show one by one")
    parser.add_argument("--n", type=int, default=0, help="more issues of the same prose, in aggregate")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    args = parser.parse_args()
    total: list = []
    for seed in unseen_seeds(args.issues):
        _, scores, _ = read(seed)
        total += scores
        row = summary(scores)
        print(f"--- unseen issue {seed}: " + ", ".join(f"{k} {v}" for k, v in row.items()))
        for s in scores:
            if s.wrong or s.expected is None:
                mark = "flagged " + ",".join(s.flags) if s.flags else "NOT FLAGGED"
                hidden = f" (hidden: {','.join(s.hidden)})" if s.hidden else ""
                what = f"#{s.expected}" if s.expected is not None else f"extra #{s.found}"
                print(f"  {what} [{mark}{hidden}] {sorted(t for t in s.tags if 'interrupt' in t or 'block' in t)}")
                for line in s.diffs[:3]:
                    print(f"      {line[:160]}")
            elif s.flags:
                print(f"  #{s.expected} right, flagged {','.join(s.flags)}")
    print("three issues: " + ", ".join(f"{k} {v}" for k, v in summary(total).items()))
    if args.n:
        seeds = range(MORE_FROM, MORE_FROM + args.n)
        more: list = []
        issues: list[list] = []
        with multiprocessing.Pool(args.jobs) as pool:
            for _, scores, _ in pool.imap(read, seeds, chunksize=4):
                more += scores
                issues.append(scores)
        print(f"{args.n} more issues: " + ", ".join(f"{k} {v}" for k, v in summary(more).items()))
        per_issue = [sum(len(s.doubts) for s in scores if s.expected is not None and not s.wrong) for scores in issues]
        over = sum(n > 3 for n in per_issue)
        print(f"  doubts on right records per issue: mean {sum(per_issue) / len(per_issue):.2f}, over 3 in {over}")
        for flag, raised, wrong, n_wrong in flag_precision(more):
            print(f"  {flag:<24} raised {raised:>5}  precision {wrong / raised:6.1%}  recall {wrong / n_wrong:6.1%}")


if __name__ == "__main__":
    main()
