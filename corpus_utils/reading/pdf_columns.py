"""A PDF page's reading order and its title blocks.

The page's body rows are cut at its gutters into segments, stacked into blocks and put in
reading order (``pdf_blocks``), into ``TextRun``s. Titles (rows set larger than the body text)
and the byline under them are one block while the page is ordered (a title with its byline
across the columns ends the band of columns above it), then leave the flow for the end of the
page; the place where their article's text begins is kept. It is a room of its own because it
works on one page's body rows, with the running lines already taken out, and knows nothing of
PDFium.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..text.genre import EXCERPT_HEAD
from .pdf_blocks import MIN_SUPPORT, blocks, gutters, merge_units, reading_order, segments
from .pdf_glyphs import Glyph, measured_text, row_size, row_text

TITLE_RATIO = 1.2  # a line this much larger than the body text is a title
FRAME_PLAY = 1.5  # em: pages whose text fills the same frame within this share their gutters
_TEXT_CHAR = re.compile(r"[^\W_一卜十丨]")  # a letter, a digit or an ideograph that is no stroke
_TAIL = re.compile(r"[%‰）)\]】》〉」』”’。，、；：？！.,;:?!…]{1,4}")  # a paragraph's closing marks


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
    noise: bool = False  # holds no text (see ``is_noise``), and is no paragraph's last marks


@dataclass(frozen=True)
class PageLines:
    """A page's lines in reading order, title blocks at the end; the indices of the lines where
    an article's text begins and of the lines set large as a title (their bylines aside); how
    many characters of runs that hold no text were dropped."""

    lines: list[str]
    starts: list[int]
    titles: list[int]
    dropped: int


def page_lines(
    rows: list[list[Glyph]], body: float, known: Iterable[tuple[float, float, float, float]] = ()
) -> PageLines:
    """The page's lines (see ``PageLines``). ``known``: gutters of other pages
    (``column_gutters``), which serve a page of the same frame."""
    if not rows:
        return PageLines([], [], [], 0)
    known = _in_frame(rows, known, body)
    titles = _title_rows(rows, body)
    blocks = _title_blocks(rows, titles, body)  # adds each byline row to ``titles``
    # title rows stay in while the page is put in order: a title across the columns ends the band
    # of columns above it; then they leave the flow for the end of the page
    title_glyphs = {id(g) for i in titles for g in rows[i]}
    units = [set().union(*(ln.glyph_ids for ln in block)) for block in blocks]
    runs = [ln for ln in _reading_order(rows, body, known, units) if not ln.glyph_ids & title_glyphs]
    ordered = [ln for ln in runs if not ln.noise]
    dropped = sum(len(ln.text.replace(" ", "")) for ln in runs if ln.noise)
    # a title block belongs to the article whose text follows it in reading order
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
    tail = [ln for block in blocks for ln in block]
    large = [len(ordered) + i for i, ln in enumerate(tail) if ln.size >= TITLE_RATIO * body]
    return PageLines([ln.text for ln in ordered + tail], sorted(set(starts)), large, dropped)


def is_noise(text: str) -> bool:
    """Whether a run holds no text: only punctuation, dashes and strokes, as an OCR layer reads a
    rule, a border or a speck (``- ——卜 -——+一-—·卜``, ``『／ ，、，‘``). A run with one letter,
    digit or ideograph other than a stroke-like one (一 卜 十 丨) is text."""
    return not _TEXT_CHAR.search(text)


def is_tail(text: str) -> bool:
    """Whether a run holds nothing but closing marks (``%。``, ``）。``, ``”``): the last marks of
    a paragraph run over to a line of their own, text where they stand in a block of text."""
    return bool(_TAIL.fullmatch("".join(text.split())))


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
            # short, and narrower than a page's line or set off to the right (a body line starts left)
            aside = cand.x1 - cand.x0 < 20 * body or cand.x0 > run.x0 + 4 * body
            if gap < 2.5 * body and len(cand.text) <= 30 and aside:
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


def _reading_order(
    rows: list[list[Glyph]], body: float, known: list[tuple[float, float]] = (), units: list[set[int]] = ()
) -> list[TextRun]:
    """Block by block in reading order, each block's segments top to bottom (see ``pdf_blocks``).
    ``known`` are gutters found on other pages: where one runs, a single row of text against
    each side shows it. ``units`` are glyphs (ids) read as one block: a title with its byline."""
    if not rows:
        return []
    cut = segments(rows, gutters(rows, body, known))
    out = []
    for block in reading_order(merge_units(blocks(cut), units)):
        runs = [_text_run(seg) for seg in block.segments]
        text = any(not is_noise(run.text) for run in runs)
        # a run with no text is noise, but for a paragraph's last marks in a block of text (``%。``)
        out += [replace(run, noise=is_noise(run.text) and not (text and is_tail(run.text))) for run in runs]
    return out


def column_gutters(rows: list[list[Glyph]], body: float) -> list[tuple[float, float, float, float]]:
    """The page's gutters, for other pages whose columns are too short to show them: each as its
    x range and the left and right edges of the rows it runs through (the frame its columns fill,
    which alternates on facing pages)."""
    out = []
    for g in gutters(rows, body):
        if g.last - g.first + 1 >= MIN_SUPPORT:
            span = rows[g.first : g.last + 1]
            out.append((g.lo, g.hi, min(r[0].x0 for r in span), max(x.x1 for r in span for x in r)))
    return out


def _in_frame(
    rows: list[list[Glyph]], known: Iterable[tuple[float, float, float, float]], body: float
) -> list[tuple[float, float]]:
    """The gutters of other pages whose frame these rows fit: starting at its left edge, ending
    within its right one (short rows may end before it), give or take a hanging mark."""
    if not rows:
        return []
    x0, x1 = min(r[0].x0 for r in rows), max(g.x1 for r in rows for g in r)
    play = FRAME_PLAY * body
    return [(lo, hi) for lo, hi, a, b in known if abs(a - x0) <= play and x1 <= b + play]
    x0, x1 = min(r[0].x0 for r in rows), max(g.x1 for r in rows for g in r)
    return [(lo, hi) for lo, hi, a, b in known if abs(a - x0) <= FRAME_PLAY * body and abs(b - x1) <= FRAME_PLAY * body]
