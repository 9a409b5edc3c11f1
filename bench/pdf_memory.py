"""Peak memory of the PDF reader against the number of pages: flat, or growing with them?

    python bench/pdf_memory.py [--pages 50 100 200] [--seed 5001] [--style browser]

Builds a generated magazine PDF (``tests/pdfgen.py``), repeats its pages up to each page count
(pypdfium2 copies them into a new file), and reads each file with ``pdf_issue_text`` in a fresh
process. It prints the peak resident memory after the imports (the peak reset to the memory in
use, through ``/proc/self/clear_refs``) and after the reading, and their difference (``MB
read``); the peak of Python's own objects during a second reading (``MB python``, from
``tracemalloc``: PDFium's memory is its own), of which the text read takes ``MB text`` (the
result, which grows with the pages whatever the reader keeps); and the time of the first reading.

The peak is the kernel's ``VmHWM``. ``resource.getrusage`` reports the same as ``ru_maxrss``
for a process started from a small one, but started from this script it keeps this script's
own peak (and cannot be reset), so it is read only where ``/proc`` is missing. Memory flat in
the number of pages shows as about the same difference for 50 and 200 pages.
"""

from __future__ import annotations

import argparse
import contextlib
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))


def _peak_mb() -> float:
    """The process's peak resident memory: the kernel's VmHWM where there is one (getrusage's
    ``ru_maxrss`` keeps the peak of the parent that forked this process, and cannot be reset),
    else ``ru_maxrss``."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def measure(path: str) -> None:
    """In a fresh process: the peak before and after reading ``path``."""
    import warnings

    from corpus_utils.reading.pdf import pdf_issue_text

    # the imports' own peak (pandas, the tokenizer) would hide the reading's: reset the peak to
    # the memory in use now (Linux 4.0+; elsewhere the peak includes the imports)
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")
    before = _peak_mb()
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = pdf_issue_text(path)
        seconds, peak = time.perf_counter() - t0, _peak_mb()
        tracemalloc.start()  # again, counting Python's own objects only (PDFium's memory is not traced)
        pdf_issue_text(path)
        python = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    text = sys.getsizeof(out.text) / 2**20
    print(f"{out.n_pages} {before:.1f} {peak:.1f} {python:.2f} {text:.2f} {seconds:.2f}")


def repeated(source: Path, n: int, path: Path) -> Path:
    """A PDF of ``n`` pages: the source's pages over and over."""
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(source)
    out = pdfium.PdfDocument.new()
    while len(out) < n:
        take = min(len(src), n - len(out))
        out.import_pages(src, list(range(take)))
    out.save(path)
    out.close()
    src.close()
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, nargs="+", default=[50, 100, 200])
    ap.add_argument("--seed", type=int, default=5001, help="generated issue (default 5001, 36 pages)")
    ap.add_argument("--style", default="browser")
    ap.add_argument("--measure", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        measure(args.measure)
        return
    from pdfgen import make_pdf

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        base = work / "base.pdf"
        make_pdf(args.seed, base, work, style=args.style)
        head = f"{'pages':>5} {'MB at start':>12} {'MB peak':>8} {'MB read':>8} {'MB python':>10} {'MB text':>8}"
        print(f"{head} {'s':>6}")
        for n in args.pages:
            path = repeated(base, n, work / f"pages_{n}.pdf")
            run = subprocess.run(
                [sys.executable, __file__, "--measure", str(path)], capture_output=True, text=True, check=True
            )
            pages, before, after, python, text, seconds = (float(x) for x in run.stdout.split())
            cells = f"{pages:>5.0f} {before:>12.1f} {after:>8.1f} {after - before:>8.1f} {python:>10.2f} {text:>8.2f}"
            print(f"{cells} {seconds:>6.2f}")


if __name__ == "__main__":
    main()
