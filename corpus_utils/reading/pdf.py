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
"""

from __future__ import annotations

import itertools
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..segmenting.layout import EXCERPT_HEAD
from .pdf_furniture import column_heads, page_number, running_rows
from .pdf_glyphs import (
    Glyph,
    body_size,
    drop_scattered_spaces,
    glyph_pages,
    measured_text,
    row_size,
    row_text,
)
from .textfile import IssueFormatError

TITLE_RATIO = 1.2  # a line this much larger than the body text is a title
MIN_GUTTER = 0.28  # em: the narrowest strip of white between columns (a hanging mark leaves 0.3 em of a 0.8-em gutter)
GARBLED_WARN = 0.02  # share of a page's glyphs: warn above
GARBLED_REFUSE = 0.5  # share of the file's glyphs: refuse above
MIN_GUTTER_ROWS = 3  # rows that must leave a strip open on both sides for it to be a gutter
BLOCK_GAP = 2.0  # body sizes of white between two rows that set them in separate blocks
PROBE = 0.2  # em each side of a gutter's middle: a glyph there crosses it


@dataclass(frozen=True)
class TextRun:
    """A row's run of glyphs within one column (or across the page)."""

    glyph_ids: frozenset[int]
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


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
    body = body_size(pages)
    running = running_rows(pages, body)
    heads = column_heads(pages, running)
    chunks: list[str] = []
    printed: dict[int, int] = {}
    starts: list[tuple[int, int]] = []
    bodies = [[row for r, row in enumerate(page.rows) if (k, r) not in running] for k, page in enumerate(pages)]
    # gutters seen on other pages serve a page with too few two-column rows to show its own
    known = [g for rows in bodies for g in _gutters(rows, body)]
    for k, page in enumerate(pages):
        rows = bodies[k]
        lines, page_starts = _page_lines(rows, body, known)
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
    return PdfText("\n\n".join(chunks) + "\n", printed, len(pages), starts, garbled, warnings, repaired)


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


# internal functions ----------------------------------------------------------


def _page_lines(
    rows: list[list[Glyph]], body: float, known: list[tuple[float, float]] = ()
) -> tuple[list[str], list[int]]:
    """The page's lines in reading order, title blocks moved to the end, and the line indices
    where an article's text begins."""
    if not rows:
        return [], []
    titles = _title_rows(rows, body)
    blocks = _title_blocks(rows, titles, body)  # adds each byline row to ``titles``
    # title rows stay in while the page is put in order: a title across the columns ends the band
    # of columns above it; then they leave the flow for the end of the page
    title_glyphs = {id(g) for i in titles for g in rows[i]}
    ordered = [ln for ln in _reading_order(rows, body, known) if not ln.glyph_ids & title_glyphs]
    # a title block belongs to the article whose text follows it in reading order
    text_lines = [ln.text for ln in ordered]
    starts = []
    for block in blocks:
        below = min(block, key=lambda ln: -ln.bottom)
        after = [
            i
            for i, ln in enumerate(ordered)
            if ln.top >= below.bottom - 0.5 * body and ln.x1 > block[0].x0 - body and ln.x0 < block[0].x1 + body
        ]
        if after:
            starts.append(after[0])
    tail = [ln.text for block in blocks for ln in block]
    return text_lines + tail, sorted(set(starts))


def _title_rows(rows: list[list[Glyph]], body: float) -> set[int]:
    """Rows set larger than the body text (an excerpt's 姓名：标题 is not a title)."""
    out = set()
    for i, row in enumerate(rows):
        if row_size(row) >= TITLE_RATIO * body and not EXCERPT_HEAD.match(row_text(row)):
            out.add(i)
    return out


def _title_blocks(rows: list[list[Glyph]], titles: set[int], body: float) -> list[list[TextRun]]:
    """Runs of title rows, each with the byline right under it (a short row standing alone)."""
    blocks: list[list[TextRun]] = []
    for i in sorted(titles):
        run = _text_run(rows[i])
        if blocks and i - 1 in titles:
            blocks[-1].append(run)
        else:
            blocks.append([run])
        nxt = i + 1
        if nxt < len(rows) and nxt not in titles:
            cand = _text_run(rows[nxt])
            gap = cand.top - run.bottom
            if gap < 2.5 * body and len(cand.text) <= 30 and cand.x1 - cand.x0 < 20 * body:
                blocks[-1].append(cand)
                titles.add(nxt)  # no longer body text
    return blocks


def _text_run(glyphs: list[Glyph]) -> TextRun:
    return TextRun(
        glyph_ids=frozenset(id(g) for g in glyphs),
        text=measured_text(glyphs),
        x0=min(g.x0 for g in glyphs),
        x1=max(g.x1 for g in glyphs),
        top=min(g.top for g in glyphs),
        bottom=max(g.bottom for g in glyphs),
        size=row_size(glyphs),
    )


def _reading_order(rows: list[list[Glyph]], body: float, known: list[tuple[float, float]] = ()) -> list[TextRun]:
    """Band by band, column by column: see ``_gutters`` and ``_bands``. ``known`` are gutters
    found on other pages: one that a row here leaves open with text on both sides serves
    where the page has too few such rows to show it."""
    if not rows:
        return []
    gutters = _gutters(rows, body)
    if not gutters:  # too few two-column rows to show a gutter: one seen elsewhere that a row here leaves open
        cleared = [g for g in known if any(_gap_spans(row, g) for row in rows)]
        if cleared:
            gutters = [Counter(cleared).most_common(1)[0][0]]
    out: list[TextRun] = []
    bands = [band for block in _blocks(rows, body) for band in _bands(block, gutters)]
    for band_rows, band_gutters in bands:
        edges = sorted(band_gutters)
        columns: list[list[TextRun]] = [[] for _ in range(len(edges) + 1)]
        for row in band_rows:
            pieces: list[list[Glyph]] = [[] for _ in columns]
            for g in row:
                mid = (g.x0 + g.x1) / 2
                pieces[sum(mid > (a + b) / 2 for a, b in edges)].append(g)
            for col, piece in zip(columns, pieces, strict=True):
                if piece:
                    col.append(_text_run(piece))
        for col in columns:
            out.extend(col)
    return out


def _blocks(rows: list[list[Glyph]], body: float) -> list[list[list[Glyph]]]:
    """Rows split where the white between two of them is wider than two lines: a header or a
    title set apart above the text is a block of its own, read before the text below."""
    blocks: list[list[list[Glyph]]] = []
    for row in rows:
        top = min(g.top for g in row)
        if blocks and top - max(g.bottom for g in blocks[-1][-1]) <= BLOCK_GAP * body:
            blocks[-1].append(row)
        else:
            blocks.append([row])
    return blocks


def _gap_spans(row: list[Glyph], gutter: tuple[float, float]) -> bool:
    """Whether a row has text on both sides of a gutter and none inside it."""
    a, b = gutter
    return (
        any(g.x1 <= a + 1 for g in row)
        and any(g.x0 >= b - 1 for g in row)
        and not any(g.x0 < b - 1 and g.x1 > a + 1 for g in row)
    )


def _gaps(row: list[Glyph], body: float) -> list[tuple[float, float]]:
    """White strips inside a row, between glyphs, at least ``MIN_GUTTER`` em wide."""
    return [(a.x1, b.x0) for a, b in itertools.pairwise(row) if b.x0 - a.x1 >= MIN_GUTTER * min(a.size, b.size)]


def _gutters(rows: list[list[Glyph]], body: float) -> list[tuple[float, float]]:
    """Strips of white that several rows leave open with text on both sides: the gutters.

    The inner gaps of rows set in the body size (a letter-spaced title's gaps say nothing),
    narrowest first, gather where they overlap the strip a gathering already has; a gathering
    of at least ``MIN_GUTTER_ROWS`` rows (and a tenth of the rows with gaps) is a gutter, the
    strip all of them leave open."""
    body_rows = [row for row in rows if abs(statistics.median(g.size for g in row) - body) <= 0.15 * body]
    row_gaps = [_gaps(row, body) for row in body_rows]
    gaps = sorted((g for found in row_gaps for g in found), key=lambda g: g[1] - g[0])
    narrowest = MIN_GUTTER * body * 0.5
    strips: list[list[float]] = []  # [left, right, rows]
    for a, b in gaps:
        for strip in strips:
            left, right = max(strip[0], a), min(strip[1], b)
            if right - left >= narrowest:
                strip[0], strip[1], strip[2] = left, right, strip[2] + 1
                break
        else:
            strips.append([a, b, 1])
    with_gaps = sum(1 for found in row_gaps if found)
    needed = max(MIN_GUTTER_ROWS, 0.1 * with_gaps)
    return sorted((left, right) for left, right, n in strips if n >= needed)


def _bands(
    rows: list[list[Glyph]], gutters: list[tuple[float, float]]
) -> list[tuple[list[list[Glyph]], list[tuple[float, float]]]]:
    """Consecutive rows that use the same gutters.

    A row uses a gutter when it leaves it open; a row that crosses it (a full-width line)
    does not. A row with text on one side only follows its neighbours: right after full-width
    rows and before any two-sided row it ends the full-width block (a paragraph's last line)."""

    def relation(row: list[Glyph], gutter: tuple[float, float]) -> str:
        a, b = gutter
        size = statistics.median(g.size for g in row)
        mid, reach = (a + b) / 2, min((b - a) / 2, PROBE * size)  # justified gaps cannot hide a probe this wide
        if any(g.x0 < mid + reach and g.x1 > mid - reach for g in row):
            return "cross"
        left = any(g.x1 <= mid for g in row)
        right = any(g.x0 >= mid for g in row)
        return "both" if left and right else "one"

    uses: list[set[int]] = [set() for _ in rows]
    for k, gutter in enumerate(gutters):
        rel = [relation(row, gutter) for row in rows]
        for i, r in enumerate(rel):
            if r == "both":
                uses[i].add(k)
            elif r == "one":
                before = next((rel[j] for j in range(i - 1, -1, -1) if rel[j] != "one"), None)
                after = next((rel[j] for j in range(i + 1, len(rel)) if rel[j] != "one"), None)
                if before == "both" or (after == "both" and before != "cross"):
                    uses[i].add(k)
    bands: list[tuple[list[list[Glyph]], list[tuple[float, float]]]] = []
    for row, used in zip(rows, uses, strict=True):
        gs = [gutters[k] for k in sorted(used)]
        if bands and bands[-1][1] == gs:
            bands[-1][0].append(row)
        else:
            bands.append(([row], gs))
    return bands
