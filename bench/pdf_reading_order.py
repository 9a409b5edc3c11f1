"""Reading order of the PDF reader on generated magazine PDFs (``tests/pdfgen.py``).

    python bench/pdf_reading_order.py [--n 20] [--seed 0] [--style STYLE] [--whole] [--no-records] [--keep DIR]
    python bench/pdf_reading_order.py --files ISSUE.pdf ...

Builds ``--n`` PDFs (seeds ``--seed`` … ``--seed + n - 1``, every variation drawn from the
seed; ``--style`` forces the layout style, ``--whole`` keeps every page of the issue where a
seed would cut it to one page or a few), reads each with ``pdf_issue_text`` and reports per file:

- ``junct``: share of the truth's line junctions kept (line a's end directly followed by line
  b's start in the text, whitespace and newlines aside, radical code points read as the
  ideographs they stand for, so that a missed repair does not count as a broken junction);
- ``leak``: share of the running heads and feet printed that reach the text;
- ``numbers``: printed page numbers found right / pages that print one (``!k``: k pages given
  a wrong number);
- ``rad``: radical code points (U+2E80–U+2FDF) left in the text / put in the text layer;
- ``s/page``: reading time per page;
- ``layout``, ``plain``: the junction share of poppler's ``pdftotext -layout`` and plain
  ``pdftotext`` on the same file (skipped, with a note, where pdftotext is not installed);
- ``records``: for PDFs that set a generated issue's pages line for line, the records
  ``load_issue`` gives that equal the issue's expected ones (all fields), and, for comparison,
  how many the issue's own text gives; ``same``: records the PDF gives exactly as the text
  does (all fields), ``worse``: records the text gives right and the PDF does not; ``left``:
  the share of the issue's characters that end in leftovers, from the PDF and from the text.
  Averages of ``same`` and ``worse`` are shares of the records.

``--files`` reads given PDFs, which have no truth: only pages, time per page, and the seconds
``load_issue`` takes on the whole file (reading and segmenting, no cache).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from issuegen import RECORD_FIELDS, align, field_diffs, got_records  # noqa: E402
from pdfgen import STYLES, junctions_kept, make_pdf, score  # noqa: E402

from corpus_utils import load_issue  # noqa: E402
from corpus_utils.reading.pdf import pdf_issue_text  # noqa: E402

RADICAL = re.compile("[\u2e80-\u2fdf]")


def pdftotext(path: Path, *flags: str) -> str | None:
    if shutil.which("pdftotext") is None:
        return None
    run = subprocess.run(["pdftotext", *flags, str(path), "-"], capture_output=True, text=True, check=False)
    return run.stdout if run.returncode == 0 else None


def _read(path: Path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_issue(path, cache=False)


def _paired(expected, got: list[dict]) -> dict[int, dict]:
    """Expected record index → the record read for it."""
    return {a: got[b] for a, b in align(expected, got) if a is not None and b is not None}


def _exact(expected, got: dict[int, dict]) -> set[int]:
    return {a for a, rec in got.items() if not [f for f, *_ in field_diffs(expected[a], rec) if f in RECORD_FIELDS]}


def _left_share(issue) -> float:
    """Share of the issue's characters (whitespace aside) that ended in its leftovers."""
    left = sum(len("".join(t.split())) for t in issue.leftovers["text"]) if len(issue.leftovers) else 0
    return left / max(1, len("".join(issue.text.split())))


def records_cell(truth, path: Path, work: Path, row: dict) -> str:
    """Records from the PDF and from the issue's own text (issue-backed PDFs only): exact (all
    fields as the generated issue's), the same as the text's reading, worse (the text's exact,
    the PDF's not), and the share of characters in leftovers."""
    if truth.issue is None:
        return f" {'-':>9} {'-':>6} {'-':>6} {'-':>6} {'-':>6} {'-':>6}"
    want = truth.issue.records
    pdf_issue, text_issue = _read(path), _read(truth.issue.write(work / f"generated_{truth.seed}.txt"))
    from_pdf = _paired(want, got_records(pdf_issue.articles))
    from_text = _paired(want, got_records(text_issue.articles))
    exact_pdf, exact_text = _exact(want, from_pdf), _exact(want, from_text)
    same = sum(a in from_text and from_text[a] == rec for a, rec in from_pdf.items())
    worse = len(exact_text - exact_pdf)
    row["records"], row["records_text"] = len(exact_pdf) / len(want), len(exact_text) / len(want)
    row["same"], row["worse"] = same / len(want), worse / len(want)
    row["left"], row["left_text"] = _left_share(pdf_issue), _left_share(text_issue)
    cells = f" {len(exact_pdf):>4}/{len(want):<4} {len(exact_text):>6} {same:>6} {worse:>6}"
    return cells + f" {row['left']:>6.2%} {row['left_text']:>6.2%}"


def share(kept_all: tuple[int, int]) -> float:
    kept, n = kept_all
    return kept / n if n else 1.0


def run_generated(args) -> None:
    have_poppler = shutil.which("pdftotext") is not None
    head = f"{'seed':>5} {'style':<8}{'pages':>5} {'junct':>6} {'leak':>5} {'numbers':>8} {'rad':>8} {'s/page':>7}"
    head += f" {'layout':>6} {'plain':>6}" if have_poppler else ""
    head += f" {'records':>9} {'(text)':>6} {'same':>6} {'worse':>6} {'left':>6} {'(text)':>6}" if args.records else ""
    print(head)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.keep or tmp)
        work.mkdir(parents=True, exist_ok=True)
        for seed in range(args.seed, args.seed + args.n):
            options = {"style": args.style} if args.style else {}
            options |= {"one_page": False, "max_pages": None} if args.whole else {}
            path = work / f"generated_{seed}.pdf"
            truth = make_pdf(seed, path, work, **options)
            t0 = time.perf_counter()
            try:
                out = pdf_issue_text(path)
            except Exception as err:  # a reader that refuses or crashes: a row that says so
                print(f"{seed:>5} {truth.style:<8}{truth.n_pages:>5}  {type(err).__name__}: {str(err)[:70]}")
                rows.append({"style": truth.style, "junct": 0.0, "leak": 1.0, "numbers": 0.0, "spp": None})
                continue
            spp = (time.perf_counter() - t0) / truth.n_pages
            s = score(truth, out.text, out.printed)
            left = len(RADICAL.findall(out.text))
            row = {"style": truth.style, "junct": s.junction_share, "leak": s.leak_share, "spp": spp}
            row["numbers"] = s.numbers_right / s.numbers if s.numbers else 1.0
            nums = f"{s.numbers_right}/{s.numbers}" + (f"!{s.numbers_wrong}" if s.numbers_wrong else "")
            line = f"{seed:>5} {truth.style:<8}{truth.n_pages:>5} {s.junction_share:>6.1%} {s.leak_share:>5.0%}"
            line += f" {nums:>8} {f'{left}/{truth.radicals}':>8} {spp:>7.3f}"
            if have_poppler:
                for key, flags in (("layout", ("-layout",)), ("plain", ())):
                    text = pdftotext(path, *flags)
                    row[key] = share(junctions_kept(truth, text)) if text is not None else None
                    line += f" {row[key]:>6.1%}" if row[key] is not None else f" {'-':>6}"
            if args.records:
                line += records_cell(truth, path, work, row)
            print(line)
            rows.append(row)
    print()
    print_averages(rows, have_poppler, args.records)
    if not have_poppler:
        print("pdftotext is not installed (poppler-utils): no comparison with poppler.")


def print_averages(rows: list[dict], have_poppler: bool, records: bool) -> None:
    keys = ["junct", "leak", "numbers"] + (["layout", "plain"] if have_poppler else [])
    keys += ["records", "records_text", "same", "worse", "left", "left_text"] if records else []

    def mean(rs, key):
        vals = [r[key] for r in rs if r.get(key) is not None]
        digits = 2 if key.startswith("left") else 1
        return f"{sum(vals) / len(vals):.{digits}%}" if vals else "-"

    print(f"{'averages':<14}" + "".join(f"{k:>13}" for k in keys) + f"{'s/page':>9}")
    for style in [None, *STYLES]:
        rs = [r for r in rows if style is None or r["style"] == style]
        if not rs:
            continue
        spp = [r["spp"] for r in rs if r["spp"] is not None]
        label = f"{style or 'all'} ({len(rs)})"
        line = f"{label:<14}" + "".join(f"{mean(rs, k):>13}" for k in keys)
        print(line + (f"{sum(spp) / len(spp):>9.3f}" if spp else f"{'-':>9}"))


def run_files(files: list[str]) -> None:
    print(f"{'file':<40} {'pages':>5} {'numbers':>7} {'s/page':>7} {'s issue':>8}")
    for name in files:
        t0 = time.perf_counter()
        try:
            out = pdf_issue_text(name)
        except Exception as err:
            print(f"{Path(name).name[:40]:<40}  {type(err).__name__}: {str(err)[:80]}")
            continue
        spp = (time.perf_counter() - t0) / max(out.n_pages, 1)
        t0 = time.perf_counter()
        _read(Path(name))
        whole = time.perf_counter() - t0
        print(f"{Path(name).name[:40]:<40} {out.n_pages:>5} {len(out.printed):>7} {spp:>7.3f} {whole:>8.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=20, help="generated PDFs (default 20)")
    ap.add_argument("--seed", type=int, default=0, help="first seed (default 0)")
    ap.add_argument("--style", choices=STYLES, help="force one layout style")
    ap.add_argument("--whole", action="store_true", help="never cut an issue to one page or a few")
    ap.add_argument("--files", nargs="+", metavar="PDF", help="read these PDFs instead (timing only)")
    ap.add_argument("--no-records", dest="records", action="store_false", help="skip segmenting the PDFs")
    ap.add_argument("--keep", metavar="DIR", help="write the generated PDFs here instead of a temporary folder")
    args = ap.parse_args()
    if args.files:
        run_files(args.files)
    else:
        run_generated(args)


if __name__ == "__main__":
    main()
