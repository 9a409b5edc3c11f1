"""The seed issue laid out as a magazine PDF, read back: how many records match the text's.

    python bench/pdf_roundtrip.py

Each seed page becomes a PDF page: its column header in the top margin, its printed page
number in the bottom margin, its title block set large at the top, and its other lines in
order, full-width lines across the page and column lines split between two columns. The
PDF is read with ``load_issue`` and its records compared field by field with the text's.
"""

from __future__ import annotations

import sys
import tempfile
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from pdfmaker import build_pdf, seed_pages  # noqa: E402

from corpus_utils import load_issue  # noqa: E402

SEED = HERE.parent / "seeds" / "000_5e927a446d779796.txt"
FIELDS = ("kind", "column", "title", "authors", "author_note", "pages", "text")


def main() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        text_issue = load_issue(SEED)
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            pdf = build_pdf(seed_pages(text_issue), Path(tmp) / "seed.pdf", Path(tmp))
            built = time.perf_counter() - t0
            t0 = time.perf_counter()
            pdf_issue = load_issue(pdf, cache=False)
            read = time.perf_counter() - t0
    a, b = text_issue.articles, pdf_issue.articles
    print(f"built a {len(text_issue.pages)}-page PDF in {built:.1f} s; read and segmented it in {read:.1f} s")
    print(f"records: text {len(a)}, PDF {len(b)}; page offset from the PDF: {pdf_issue.page_offset}")
    n = min(len(a), len(b))
    for field in FIELDS:
        same = sum(a[field].iloc[k] == b[field].iloc[k] for k in range(n))
        print(f"  {field:>12}: {same}/{len(a)} records equal")
    same_text = sum(a["text"].iloc[k].replace("\n", "") == b["text"].iloc[k].replace("\n", "") for k in range(n))
    print(f"  {'text (breaks aside)':>12}: {same_text}/{len(a)}")
    for k in range(n):
        diffs = [f for f in FIELDS if a[f].iloc[k] != b[f].iloc[k]]
        if diffs:
            print(f"  record {k + 1} ({a['title'].iloc[k]}): differs in {', '.join(diffs)}")


if __name__ == "__main__":
    main()
