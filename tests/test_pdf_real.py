"""The PDF reader on real pages nobody here made (``../shared/pdfs/``, provenance in its README),
against the reading order written by hand in ``tests/golden/pdf_real_pages.toml``: each column
block keeps at least 85% of its line junctions, column blocks come in order, titles, captions and
figure labels reach the text, and a scan without a text layer is refused. Skipped where the PDFs
are missing."""

from __future__ import annotations

import warnings

import pytest
from pdfreal import PDFS, golden_pages, kept, order_kept, squeeze

from corpus_utils import IssueFormatError
from corpus_utils.reading.pdf import pdf_issue_text

pytestmark = pytest.mark.skipif(not PDFS.exists(), reason=f"{PDFS} is missing")
FLOOR = 0.85
# column blocks the reader does not yet keep (known failures: a fix turns them red)
KNOWN = {
    # a display formula is two-dimensional (a fraction, a root): its pdfplumber lines are no reading order
    ("en_two_column_report_a.pdf", 1, "One characterization of passenger incidence"): "display formulas",
}
ORDER_KNOWN: dict[tuple[str, int], str] = {}


def _text(file: str) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _cache.setdefault(file, pdf_issue_text(PDFS / file).text)


_cache: dict[str, str] = {}
PAGES = golden_pages() if PDFS.exists() else ()
COLUMNS = [
    pytest.param(
        page,
        block,
        id=f"{page.file[:-4]}-p{page.page}-{block.first[:24]}",
        marks=pytest.mark.xfail(strict=True, reason=KNOWN[key]) if key in KNOWN else (),
    )
    for page in PAGES
    for block in page.blocks
    if block.kind in ("column", "sidebar")
    for key in [(page.file, page.page, block.first)]
]


@pytest.mark.parametrize(("page", "block"), COLUMNS)
def test_each_column_keeps_its_line_junctions(page, block):
    k, n = kept(block, _text(page.file))
    assert n == 0 or k / n >= FLOOR, f"{k}/{n} junctions kept"


def _pages(known: dict[tuple[str, int], str]) -> list:
    """Each page as a test parameter, those in ``known`` marked as known failures."""
    return [
        pytest.param(
            p,
            id=f"{p.file[:-4]}-p{p.page}",
            marks=pytest.mark.xfail(strict=True, reason=known[(p.file, p.page)]) if (p.file, p.page) in known else (),
        )
        for p in PAGES
    ]


@pytest.mark.parametrize("page", _pages(ORDER_KNOWN))
def test_column_blocks_come_in_reading_order(page):
    assert order_kept(page, _text(page.file)) == []


ASIDES_KNOWN = {("en_magazine_images.pdf", 2): "a caption that crosses a gutter is cut in two at it"}


@pytest.mark.parametrize("page", _pages(ASIDES_KNOWN))
def test_titles_captions_and_labels_reach_the_text(page):
    body = squeeze(_text(page.file))
    missing = [a for a in page.asides if squeeze(a) not in body]
    assert not missing


def test_the_golden_lines_are_the_pages_own():
    """The hand-drawn boxes hold the blocks they name (the truth is the page's, not the reader's)."""
    for page in PAGES:
        for block in page.blocks:
            text = squeeze(" ".join(block.lines))
            assert squeeze(block.first)[:12] in text and squeeze(block.last)[-12:] in text, (page.file, block.first)


def test_a_scan_without_a_text_layer_is_refused():
    with pytest.raises(IssueFormatError, match="no text layer"):
        pdf_issue_text(PDFS / "scanned_no_text_layer.pdf")
