"""The PDF reader on the real pages of ``../shared/pdfs/`` against their hand-written reading order
(``tests/golden/pdf_real_pages.toml``, scored by ``tests/pdfreal.py``).

    python bench/pdf_real_pages.py [--blocks]

Per page: the share of line junctions kept in its column and sidebar blocks (``columns``), in its
worst column block (``worst``), in its tables (``tables``, read by rows or by columns: reported,
not held to anything), whether its column blocks come in order, and the same shares for poppler's
plain ``pdftotext`` and ``pdftotext -layout`` where installed. ``--blocks`` prints every block.
``$CORPUS_SHARED`` names the shared folder when it is not ``../shared`` beside the project.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from pdfreal import PDFS, golden_pages, kept, order_kept  # noqa: E402

from corpus_utils.reading.pdf import pdf_issue_text  # noqa: E402


def poppler(path: Path, page: int, *flags: str) -> str | None:
    if shutil.which("pdftotext") is None:
        return None
    args = ["pdftotext", *flags, "-f", str(page), "-l", str(page), str(path), "-"]
    run = subprocess.run(args, capture_output=True, text=True, check=False)
    return run.stdout if run.returncode == 0 else None


def shares(page, text: str) -> tuple[float, float, float | None, int]:
    """(junctions kept in column and sidebar blocks, in the worst column block, in tables,
    column blocks out of order)."""
    body = [kept(b, text) for b in page.blocks if b.kind != "table"]
    cols = [kept(b, text) for b in page.blocks if b.kind == "column"]
    tables = [kept(b, text) for b in page.blocks if b.kind == "table"]
    total = sum(k for k, _ in body) / max(1, sum(n for _, n in body))
    worst = min((k / n for k, n in cols if n), default=1.0)
    table = sum(k for k, _ in tables) / sum(n for _, n in tables) if tables and sum(n for _, n in tables) else None
    return total, worst, table, len(order_kept(page, text))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--blocks", action="store_true", help="print every block's junctions")
    args = ap.parse_args()
    if not PDFS.exists():
        sys.exit(f"{PDFS} is missing: nothing to measure")
    have_poppler = shutil.which("pdftotext") is not None
    head = f"{'page':<34}{'columns':>8}{'worst':>7}{'tables':>7}{'order':>6}{'s':>7}"
    head += f"{'plain':>8}{'worst':>7}{'layout':>8}{'worst':>7}" if have_poppler else ""
    print(head)
    texts: dict[str, tuple[str, float]] = {}
    all_kept = all_n = 0
    for page in golden_pages():
        if page.file not in texts:
            t0 = time.perf_counter()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                out = pdf_issue_text(page.path)
            texts[page.file] = (out.text, (time.perf_counter() - t0) / out.n_pages)
        text, spp = texts[page.file]
        total, worst, table, wrong = shares(page, text)
        for block in page.blocks:
            if block.kind != "table":
                k, n = kept(block, text)
                all_kept, all_n = all_kept + k, all_n + n
        cell = f"{table:>7.0%}" if table is not None else f"{'-':>7}"
        line = f"{page.file[:-4][:30] + ' p' + str(page.page):<34}{total:>8.1%}{worst:>7.0%}{cell}"
        line += f"{'ok' if not wrong else f'{wrong} bad':>6}{spp:>7.3f}"
        if have_poppler:
            for flags in ((), ("-layout",)):
                other = poppler(page.path, page.page, *flags) or ""
                p_total, p_worst, *_ = shares(page, other)
                line += f"{p_total:>8.1%}{p_worst:>7.0%}"
        print(line)
        if args.blocks:
            for block in page.blocks:
                k, n = kept(block, text)
                print(f"    {block.kind:<8}{k:>4}/{n:<4} {block.first[:40]}")
            for problem in order_kept(page, text):
                print(f"    order: {problem}")
    print(f"\nall column and sidebar blocks: {all_kept}/{all_n} junctions kept ({all_kept / max(all_n, 1):.1%})")
    if not have_poppler:
        print("pdftotext is not installed (poppler-utils): no comparison with poppler.")


if __name__ == "__main__":
    main()
