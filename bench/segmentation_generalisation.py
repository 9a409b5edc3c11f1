"""Segmentation on generated issues: how well the segmenter reads issues it was not tuned on.

python bench/segmentation_generalisation.py [--n 1000] [--seed 0] [--show 5] [--jobs 2]

Generates ``--n`` issues (seeds ``--seed`` … ``--seed + n - 1``) with ``tests/issuegen.py``,
loads each from a temporary file with ``load_issue(path, cache=False)`` (``load_generated``) and compares the
records with the expected ones, paired in order (a record found too many or too few does
not shift every later one). A record is exact when kind, column, title, authors,
author_note, pages and text all match. Reports the exact-record rate, per-field accuracy,
the issues with every record exact, the share of characters left over, crashes, the
variations (record tags) with the lowest exact rate, and a compact diff of the first
``--show`` failing issues.

Flags: how many wrong records carry a flag shown by default (``Issue.flags()``) and how many
right ones do, per issue too; and for every flag kind and every rule of the segmenter's
decisions, the records raising it (shown or not), its precision (the share of them that were
wrong) and its recall (the share of all wrong records it is raised on). The rules' precisions
are what ``decision_flags.P_WRONG`` holds; ``--p-wrong`` prints them in its form.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from issuegen import RECORD_FIELDS, flag_precision, generate_issue, load_generated, score_issue, short  # noqa: E402

DIFF_LINES_PER_ISSUE = 8


def run_one(seed: int) -> dict:
    """Generate, segment and compare one issue; a plain dict, so it crosses processes."""
    gen = generate_issue(seed)
    out = {"seed": seed, "n_expected": len(gen.records), "crash": None}
    t0 = time.perf_counter()
    try:
        issue = load_generated(gen)
        scores = score_issue(gen, issue)
        balance = issue.balance()
    except Exception:
        out["crash"] = traceback.format_exc(limit=4)
        return out
    out["seconds"] = time.perf_counter() - t0
    field_ok, tag_total, tag_exact, tag_example = Counter(), Counter(), Counter(), {}
    diffs: list[str] = []
    for s in scores:
        if s.expected is None:
            diffs.append(f"extra record #{s.found}")
            continue
        for f in RECORD_FIELDS:
            field_ok[f] += f not in s.wrong
        for tag in s.tags:
            tag_total[tag] += 1
            tag_exact[tag] += not s.wrong
            if s.wrong:
                tag_example.setdefault(tag, f"{seed}#{s.expected}")
        title = short(gen.records[s.expected].title, 30)
        diffs += [f"#{s.expected} {title}: {line}" for line in s.diffs]
    expected = [s for s in scores if s.expected is not None]
    out.update(
        scores=scores,
        exact=sum(not s.wrong for s in expected),
        extra=sum(s.expected is None for s in scores),
        wrong_flagged=sum(bool(s.wrong) and bool(s.flags) for s in expected),
        wrong_any=sum(bool(s.wrong) and bool(s.flags or s.hidden) for s in expected),
        exact_flagged=sum(not s.wrong and bool(s.flags) for s in expected),
        doubts_on_right=sum(len(s.doubts) for s in expected if not s.wrong),
        problems_on_right=sum(len(s.flags) - len(s.doubts) for s in expected if not s.wrong),
        field_ok=field_ok,
        tag_total=tag_total,
        tag_exact=tag_exact,
        tag_example=tag_example,
        diffs=diffs,
        input_chars=balance.input,
        leftover_chars=balance.leftovers,
        balance_holds=balance.holds,
    )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="issues to generate")
    parser.add_argument("--seed", type=int, default=0, help="first seed")
    parser.add_argument("--show", type=int, default=5, help="failing issues to show a diff of")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    parser.add_argument("--p-wrong", action="store_true", help="print the rules' precisions as P_WRONG")
    args = parser.parse_args()
    seeds = range(args.seed, args.seed + args.n)
    t0 = time.perf_counter()
    if args.jobs > 1:
        with multiprocessing.Pool(args.jobs) as pool:
            results = list(pool.imap(run_one, seeds, chunksize=4))
    else:
        results = [run_one(s) for s in seeds]
    wall = time.perf_counter() - t0

    crashed = [r for r in results if r["crash"]]
    done = [r for r in results if not r["crash"]]
    n_records = sum(r["n_expected"] for r in done)
    field_ok, tag_total, tag_exact, tag_example = Counter(), Counter(), Counter(), {}
    for r in done:
        field_ok.update(r["field_ok"])
        tag_total.update(r["tag_total"])
        tag_exact.update(r["tag_exact"])
        for tag, where in r["tag_example"].items():
            tag_example.setdefault(tag, where)
    exact = sum(r["exact"] for r in done)
    wrong_flagged = sum(r["wrong_flagged"] for r in done)
    wrong_any = sum(r["wrong_any"] for r in done)
    exact_flagged = sum(r["exact_flagged"] for r in done)
    perfect = sum(r["exact"] == r["n_expected"] and r["extra"] == 0 for r in done)
    doubts = sum(r["doubts_on_right"] for r in done)
    problems = sum(r["problems_on_right"] for r in done)
    most_doubts = max((r["doubts_on_right"] for r in done), default=0)
    over_three = sum(r["doubts_on_right"] > 3 for r in done)
    scores = [s for r in done for s in r["scores"]]
    leftover = sum(r["leftover_chars"] for r in done)
    chars = sum(r["input_chars"] for r in done)

    failing = [r for r in results if r["crash"] or r["exact"] < r["n_expected"] or r["extra"]]
    for r in failing[: args.show]:
        print(f"--- seed {r['seed']}")
        if r["crash"]:
            print("  crash: " + r["crash"].strip().splitlines()[-1])
            continue
        for line in r["diffs"][:DIFF_LINES_PER_ISSUE]:
            print("  " + line)
        if len(r["diffs"]) > DIFF_LINES_PER_ISSUE:
            print(f"  … {len(r['diffs']) - DIFF_LINES_PER_ISSUE} more")
    for r in crashed[:3]:
        print(f"--- crash, seed {r['seed']}\n{r['crash']}")

    print("\nvariations with the lowest exact rate (records carrying the tag; an example seed#record)")
    worst = sorted(tag_total, key=lambda t: (tag_exact[t] / tag_total[t], -tag_total[t]))
    for tag in worst[:15]:
        rate = tag_exact[tag] / tag_total[tag]
        print(f"  {tag:<26} {tag_exact[tag]:>5}/{tag_total[tag]:<5} {rate:6.1%}  {tag_example.get(tag, '')}")

    def pct(a: int, b: int) -> str:
        return f"{a / b:.1%}" if b else "n/a"

    rows = [
        ("issues", f"{len(results)} ({len(crashed)} crashed)"),
        ("records expected", str(n_records)),
        ("extra records found", str(sum(r["extra"] for r in done))),
        ("exact records", f"{exact} ({pct(exact, n_records)})"),
        *((f"  {f}", pct(field_ok[f], n_records)) for f in RECORD_FIELDS),
        ("wrong records flagged", f"{wrong_flagged} of {n_records - exact} ({pct(wrong_flagged, n_records - exact)})"),
        ("  with any flag, shown or not", f"{wrong_any} ({pct(wrong_any, n_records - exact)})"),
        ("exact records flagged", f"{exact_flagged} of {exact} ({pct(exact_flagged, exact)})"),
        ("doubts shown on exact records, per issue", f"mean {doubts / len(done):.2f}, most {most_doubts}"),
        ("issues with over 3 doubts on exact records", f"{over_three} ({pct(over_three, len(done))})"),
        ("problems on exact records, per issue", f"mean {problems / len(done):.2f}"),
        ("issues all exact", f"{perfect} ({pct(perfect, len(results))})"),
        ("characters left over", f"{leftover} of {chars} ({pct(leftover, chars)})"),
        ("balance broken", str(sum(not r["balance_holds"] for r in done))),
        ("time", f"{wall:.1f} s wall, {args.jobs} jobs"),
    ]
    print()
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")
    for by in ("flag", "rule"):
        print(f"\nper {by} (raised shown or not): records raising it, precision, recall")
        for name, raised, wrong, n_wrong in flag_precision(scores, by=by):
            print(f"  {name:<34} {raised:>6}  {pct(wrong, raised):>6}  {pct(wrong, n_wrong):>6}")
    if args.p_wrong:
        print("\nP_WRONG = {")
        for name, raised, wrong, _ in sorted(flag_precision(scores, by="rule")):
            print(f'    "{name}": {wrong / raised:.2f},  # {wrong} of {raised}')
        print("}")


if __name__ == "__main__":
    main()
