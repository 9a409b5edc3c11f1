"""A PDF page's reading order: gutters, bands and blocks of rows, and title blocks.

A gutter is a vertical strip of white that the rows on both sides of it leave open (whitespace
glyphs aside), however wide the columns and wherever the strip lies; rows that cross it (a
full-width block) end the band of rows that uses it. A page is read block by block, band by
band, each band column by column, into ``TextRun``s. Titles (rows set larger than the body
text) and the byline under them leave the flow for the end of the page, and the place where
their article's text begins is kept. It is a room of its own because it works on one page's
body rows, with the running lines already taken out, and knows nothing of PDFium.
"""

from __future__ import annotations

import itertools
import statistics
from collections import Counter
from dataclasses import dataclass

from ..text.genre import EXCERPT_HEAD
from .pdf_glyphs import Glyph, measured_text, row_size, row_text

TITLE_RATIO = 1.2  # a line this much larger than the body text is a title
MIN_GUTTER = 0.28  # em: the narrowest strip of white between columns (a hanging mark leaves 0.3 em of a 0.8-em gutter)
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


def page_lines(
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
    """The glyphs as one run: their text, box and size."""
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
    """Band by band, column by column: see ``column_gutters`` and ``_bands``. ``known`` are gutters
    found on other pages: one that a row here leaves open with text on both sides serves
    where the page has too few such rows to show it."""
    if not rows:
        return []
    gutters = column_gutters(rows, body)
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


def column_gutters(rows: list[list[Glyph]], body: float) -> list[tuple[float, float]]:
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
