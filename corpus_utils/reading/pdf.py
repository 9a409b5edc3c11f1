"""A PDF issue → text in the seed's shape, so the same segmentation reads it.

PDFium (pypdfium2) gives every glyph of the text layer with its box and size; pages are read
one at a time and closed, in two passes, so that memory stays flat in the number of pages. The
first keeps what is read across the issue: the body size, the rows' usual distance, each page's
few rows at its top and bottom edges, the gutters seen, the counts of garbled and scattered
glyphs. The second reads each page as a person reads it:

- **Running lines** (the magazine's name, the column name, the page number) are the rows that
  recur at about the same height across pages, near the top or the bottom, set apart from the
  body, found by repetition rather than by a fixed margin. Printed page numbers come from them
  (``12``, ``- 12 -``, ``·12·``, ``第12页``, ``12 / 48``), and the offset from the sequence they
  make; a digit in the text never counts. The part of a running head that changes from column
  to column is written at the top of the page as a spaced header (``城 市 党 建``).
- **Columns** come from the page's geometry (``pdf_blocks``): gutters are strips of white grown
  down the page between the glyph boxes, whatever each column's leading, size or skew; rows cut
  at them stack into blocks, read in Breuel's order. A gutter seen on pages of the same frame
  serves a page whose columns are too short to show theirs.
- **Titles** (lines set larger than the body text) and the byline under them may stand
  anywhere; as in the text extractor's output they go to the end of the page, and the place
  where their article's text begins (``PdfText.starts``) and the lines set as titles
  (``PdfText.titles``) are kept for the segmenter.
- **Garbled glyphs** (no Unicode, private-use code points, a broken font map's Latin soup) are
  counted per page; a file that is mostly garbled is refused (it needs OCR). Runs that hold no
  text (an OCR layer's rules and borders) are dropped and counted.

Pages are written as the seed has them: one line a line, blank lines between, a page's first
line starting with a space.

This module runs the two passes, assembles the issue's text and refuses a garbled file; the
reading itself is shared out: ``pdf_glyphs`` reads the glyphs through PDFium and groups them into
rows, ``pdf_furniture`` finds the running lines, page numbers and column heads, ``pdf_columns``
puts a page's body in reading order (with ``pdf_blocks``) and sets its title blocks apart.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .pdf_columns import column_gutters, is_noise, is_tail, page_lines
from .pdf_furniture import (
    PageEdges,
    column_heads,
    leading,
    page_edges,
    page_number,
    row_steps,
    running_rows,
)
from .pdf_glyphs import (
    SCATTERED_SPACES,
    GlyphPage,
    glyph_pages,
    scattered_spaces,
    size_weights,
    without_scattered_spaces,
)
from .textfile import IssueFormatError

GARBLED_WARN = 0.02  # share of a page's glyphs: warn above
GARBLED_REFUSE = 0.5  # share of the file's glyphs: refuse above


@dataclass
class PdfText:
    """The issue's text in the seed's shape, with what the PDF told besides.

    ``printed``: page index (among pages with text) → the printed number on it; ``starts``:
    (page index, line index on that page) where an article's text begins (after its title);
    ``titles``: the lines set large as titles; ``garbled``: page index → share of glyphs that
    could not be read.
    """

    text: str
    printed: dict[int, int]
    n_pages: int
    starts: list[tuple[int, int]] = field(default_factory=list)
    titles: list[tuple[int, int]] = field(default_factory=list)  # (page index, line index) of lines set as titles
    garbled: dict[int, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    repaired: int = 0  # look-alike glyphs (radicals for ideographs) read as the ideographs
    dropped: dict[int, int] = field(default_factory=dict)  # page index → characters of non-text runs dropped


@dataclass
class _Survey:
    """What the first pass keeps of the issue: counts, each page's edges, the gutters seen. A few
    rows and numbers a page, never the pages themselves."""

    n_glyphs: int = 0
    n_garbled: int = 0
    n_repaired: int = 0
    garbled: dict[int, float] = field(default_factory=dict)
    dropped: dict[int, int] = field(default_factory=dict)
    sizes: Counter[float] = field(default_factory=Counter)
    steps: Counter[tuple[float, float, float]] = field(default_factory=Counter)
    pairs: int = 0  # Hanzi pairs in long rows
    spaced: int = 0  # of them with a space glyph between
    edges: list[PageEdges] = field(default_factory=list)
    gutters: set[tuple[float, float, float, float]] = field(default_factory=set)

    def add(self, k: int, page: GlyphPage) -> None:
        self.n_glyphs += page.n_glyphs
        self.n_garbled += page.n_garbled
        self.n_repaired += page.n_repaired
        if page.n_glyphs and page.n_garbled:
            self.garbled[k] = page.n_garbled / page.n_glyphs
        noise = _drop_noise(page)
        if noise:
            self.dropped[k] = noise
        self.sizes += size_weights(page.rows)
        self.steps += row_steps(page.rows)
        pairs, spaced = scattered_spaces(page.rows)
        self.pairs, self.spaced = self.pairs + pairs, self.spaced + spaced
        self.edges.append(page_edges(page))
        # the page's gutters, in the page's own size (the issue's body size is not known yet;
        # a running line only bounds a strip of white)
        if page.rows:
            size = size_weights(page.rows).most_common(1)[0][0]
            self.gutters |= {tuple(round(x, 1) for x in g) for g in column_gutters(page.rows, size)}

    @property
    def solid(self) -> bool:
        """Whether the space glyphs between Hanzi are an OCR layer's noise (see ``scattered_spaces``)."""
        return self.pairs > 0 and self.spaced > SCATTERED_SPACES * self.pairs


def _drop_noise(page: GlyphPage) -> int:
    """Drop the page's rows that hold no text (a rule read by OCR; a paragraph's last marks are
    judged with their block, see ``page_lines``); how many glyphs they had."""
    kept, dropped = [], 0
    for row in page.rows:
        text = "".join(g.text for g in row)  # (spaces decide neither)
        if is_noise(text) and not is_tail(text):
            dropped += len(row)
        else:
            kept.append(row)
    page.rows = kept
    return dropped


def pdf_issue_text(path: str | Path) -> PdfText:
    """Read a PDF issue into the seed's text shape (see the module docstring).

    Two passes over the file, a page at a time: the first keeps what the running lines, the
    body size and the gutters are read from (a few rows a page); the second reads each page's
    body in order."""
    path = Path(path)
    survey = _Survey()
    for k, page in enumerate(glyph_pages(path)):
        survey.add(k, page)
    n_pages, total = len(survey.edges), survey.n_glyphs
    if not total:
        raise IssueFormatError(path, "the PDF has no text layer (a scan?): run OCR on it first")
    bad = survey.n_garbled
    if bad > GARBLED_REFUSE * total:
        raise IssueFormatError(
            path, f"{bad / total:.0%} of the text layer is unreadable (broken font maps): run OCR on it first"
        )
    warnings = []
    worst = sorted(i for i, share in survey.garbled.items() if share > GARBLED_WARN)
    if worst:
        warnings.append(
            f"{path}: {bad / total:.1%} of the glyphs are unreadable (no Unicode or a broken font map), "
            f"on PDF pages {', '.join(str(i + 1) for i in worst[:12])}{' …' if len(worst) > 12 else ''}"
        )
    body = survey.sizes.most_common(1)[0][0] if survey.sizes else 10.0
    solid = survey.solid
    running = running_rows(survey.edges, body, leading(survey.steps, body), solid=solid)
    heads = column_heads(survey.edges, running, solid=solid)
    dropped = dict(survey.dropped)
    chunks: list[str] = []
    printed: dict[int, int] = {}
    starts: list[tuple[int, int]] = []
    titles: list[tuple[int, int]] = []
    for k, page in enumerate(glyph_pages(path)):
        _drop_noise(page)
        rows = without_scattered_spaces(page.rows) if solid else page.rows
        rows = [row for r, row in enumerate(rows) if (k, r) not in running]
        read = page_lines(rows, body, survey.gutters)
        if read.dropped:
            dropped[k] = dropped.get(k, 0) + read.dropped
        lines = read.lines + page.turned  # a margin's turned line: no line of the columns, at the page's end
        shift = 0
        if heads.get(k):
            lines.insert(0, heads[k])
            shift = 1
        if not lines:
            continue  # a page without text (a picture) is no page of the text
        number = page_number(survey.edges[k], running, k)
        if number is not None:
            printed[len(chunks)] = number
        starts += [(len(chunks), s + shift) for s in read.starts]
        titles += [(len(chunks), s + shift) for s in read.titles]
        chunks.append(" " + "\n\n".join(lines))
    if dropped:
        pages_named = ", ".join(str(k + 1) for k in sorted(dropped)[:12]) + (" …" if len(dropped) > 12 else "")
        warnings.append(
            f"{path}: {sum(dropped.values())} characters of runs that hold no text (rules, borders, specks read "
            f"by OCR) dropped, on PDF pages {pages_named}"
        )
    text = "\n\n".join(chunks) + "\n"
    return PdfText(
        text,
        printed,
        n_pages,
        starts=starts,
        titles=titles,
        garbled=survey.garbled,
        warnings=warnings,
        repaired=survey.n_repaired,
        dropped=dropped,
    )


def printed_page_offset(printed: dict[int, int]) -> tuple[int, int] | None:
    """The offset the page numbers' sequence agrees on, and how many agree; None without at
    least two numbers that agree (one number alone may be a misread, never an offset)."""
    if not printed:
        return None
    votes = Counter(n - i for i, n in printed.items())
    offset, agree = votes.most_common(1)[0]
    if agree < 2 and len(printed) > 1:
        return None
    return offset, agree  # (a one-page file's number is all there is)
