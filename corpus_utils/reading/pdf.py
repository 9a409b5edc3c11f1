"""A PDF issue → text in the seed's shape, so the same segmentation reads it.

PDFium (pypdfium2) gives every glyph of the text layer with its box and size; pages are read
one at a time and closed. Each page is then read as a person reads it:

- **Running lines** (the magazine's name, the column name, the page number) are the rows that
  recur at about the same height across pages, near the top or the bottom, found by
  repetition rather than by a fixed margin. Printed page numbers come from them (``12``,
  ``- 12 -``, ``·12·``, ``第12页``, ``12 / 48``), and the offset from the sequence they make;
  a digit in the text never counts. The part of a running head that changes from column to
  column is written at the top of the page as a spaced header (``城 市 党 建``).
- **Columns** are found from the page: a gutter is a vertical strip of white that the rows on
  both sides of it leave open (whitespace glyphs aside), however wide the columns and wherever
  the strip lies; rows that cross it (a full-width block) end the band of rows that uses it.
  A page is read band by band, each band column by column.
- **Titles** (lines set larger than the body text) and the byline under them may stand
  anywhere; as in the text extractor's output they go to the end of the page, and the place
  where their article's text begins is kept (``PdfText.starts``) so the segmenter starts the
  article there.
- **Garbled glyphs** (no Unicode, private-use code points, a broken font map's Latin soup) are
  counted per page; a file that is mostly garbled is refused (it needs OCR).

Pages are written as the seed has them: one line a line, blank lines between, a page's first
line starting with a space.

This module assembles the issue's text and refuses a garbled file; the reading itself is shared
out: ``pdf_glyphs`` reads the glyphs through PDFium and groups them into rows, ``pdf_furniture``
finds the running lines, page numbers and column heads, ``pdf_columns`` puts a page's body in
reading order and sets its title blocks apart.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .pdf_columns import column_gutters, is_noise, page_lines
from .pdf_furniture import column_heads, page_number, running_rows
from .pdf_glyphs import body_size, drop_scattered_spaces, glyph_pages, row_text
from .textfile import IssueFormatError

GARBLED_WARN = 0.02  # share of a page's glyphs: warn above
GARBLED_REFUSE = 0.5  # share of the file's glyphs: refuse above


@dataclass
class PdfText:
    """The issue's text in the seed's shape, with what the PDF told besides.

    ``printed``: page index (among pages with text) → the printed number on it; ``starts``:
    (page index, line index on that page) where an article's text begins (after its title);
    ``garbled``: page index → share of glyphs that could not be read.
    """

    text: str
    printed: dict[int, int]
    n_pages: int
    starts: list[tuple[int, int]] = field(default_factory=list)
    garbled: dict[int, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    repaired: int = 0  # look-alike glyphs (radicals for ideographs) read as the ideographs
    dropped: dict[int, int] = field(default_factory=dict)  # page index → characters of non-text runs dropped


def pdf_issue_text(path: str | Path) -> PdfText:
    """Read a PDF issue into the seed's text shape (see the module docstring)."""
    path = Path(path)
    pages = list(glyph_pages(path))
    drop_scattered_spaces(pages)
    total = sum(p.n_glyphs for p in pages)
    if not total:
        raise IssueFormatError(path, "the PDF has no text layer (a scan?): run OCR on it first")
    garbled = {i: p.n_garbled / p.n_glyphs for i, p in enumerate(pages) if p.n_glyphs and p.n_garbled}
    bad = sum(p.n_garbled for p in pages)
    if bad > GARBLED_REFUSE * total:
        raise IssueFormatError(
            path, f"{bad / total:.0%} of the text layer is unreadable (broken font maps): run OCR on it first"
        )
    warnings = []
    worst = sorted(i for i, share in garbled.items() if share > GARBLED_WARN)
    if worst:
        warnings.append(
            f"{path}: {bad / total:.1%} of the glyphs are unreadable (no Unicode or a broken font map), "
            f"on PDF pages {', '.join(str(i + 1) for i in worst[:12])}{' …' if len(worst) > 12 else ''}"
        )
    dropped: dict[int, int] = {}
    for k, page in enumerate(pages):  # a rule read as text is no running line, nor a row of the body
        noise = [row for row in page.rows if is_noise(row_text(row))]
        if noise:
            page.rows = [row for row in page.rows if not is_noise(row_text(row))]
            dropped[k] = sum(len(row) for row in noise)
    body = body_size(pages)
    running = running_rows(pages, body)
    heads = column_heads(pages, running)
    chunks: list[str] = []
    printed: dict[int, int] = {}
    starts: list[tuple[int, int]] = []
    bodies = [[row for r, row in enumerate(page.rows) if (k, r) not in running] for k, page in enumerate(pages)]
    # gutters seen on other pages serve a page with too few two-column rows to show its own
    known = [g for rows in bodies for g in column_gutters(rows, body)]
    for k, page in enumerate(pages):
        rows = bodies[k]
        lines, page_starts, page_dropped = page_lines(rows, body, known)
        if page_dropped:
            dropped[k] = dropped.get(k, 0) + page_dropped
        lines += page.turned  # a margin's turned line: no line of the columns, kept at the page's end
        if heads.get(k):
            lines.insert(0, heads[k])
            page_starts = [s + 1 for s in page_starts]
        if not lines:
            continue  # a page without text (a picture) is no page of the text
        number = page_number(page, running, k)
        if number is not None:
            printed[len(chunks)] = number
        starts += [(len(chunks), s) for s in page_starts]
        chunks.append(" " + "\n\n".join(lines))
    repaired = sum(p.n_repaired for p in pages)
    if dropped:
        pages_named = ", ".join(str(k + 1) for k in sorted(dropped)[:12]) + (" …" if len(dropped) > 12 else "")
        warnings.append(
            f"{path}: {sum(dropped.values())} characters of runs that hold no text (rules, borders, specks read "
            f"by OCR) dropped, on PDF pages {pages_named}"
        )
    return PdfText("\n\n".join(chunks) + "\n", printed, len(pages), starts, garbled, warnings, repaired, dropped)


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
