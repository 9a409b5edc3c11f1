"""A PDF page's text blocks from its geometry: gutters as tall strips of white, blocks of
segments, and the blocks' reading order.

Real pages rarely line their columns up: each column has its own leading, a scan is skewed, a
sidebar is set smaller. So columns are not looked for in rows that share a baseline. A gutter
is a strip of white that runs down the page between the glyph boxes, however the rows on its two
sides fall (a whitespace cover, as in Breuel's layout analysis): a gap in one row is grown up
and down for as long as the rows leave it white, and it is a gutter when text stands against
both of its sides in several rows, each side at least a narrow column wide (a table's number
column or a list's symbols are no column). Each row is cut at the gutters that run through it
into segments; a segment joins the block right above it (close, overlapping, the same size),
else starts a block. Blocks are read in Breuel's order: a block before another below it that it
overlaps, and before one to its right unless a block between them spans both (a heading across
the columns). Figure labels and captions, set apart by a gutter or by their size, are blocks of
their own and never come between two lines of a column.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field

from .pdf_glyphs import Glyph

MIN_GUTTER = 0.28  # em: the narrowest strip of white between columns (a hanging mark leaves 0.3 em of a 0.8-em gutter)
NARROWEST = 0.14  # em: a strip grown through many rows keeps at least this much white
GROW_LOSS = 1.5  # em: a row that takes more of a strip's white than this ends it
WHITE_ROWS = 3.0  # em of white between two rows across which no strip grows
SIDE_REACH = 3.0  # em: text ending (or starting) this close to a strip stands against it
MIN_SUPPORT = 3  # rows of text against each side of a gutter
NARROW_SUPPORT = (
    6  # rows beside a gutter narrower than WIDE_GUTTER where rows have word spaces (they line up a few rows)
)
WIDE_GUTTER = 1.2  # em
MIN_COLUMN = 4.0  # em: the narrowest column (a table's number column or a list's symbols are narrower)
REACH_GAP = 1.5  # of a strip's width: a gap this wide beside it ends the text standing against it
JOIN_GAP = 1.2  # sizes of white above a segment within which it joins the block right above it
RIVER = 1.4  # a gutter's white is this many times the median word space of the rows it runs through
INDENT = 2.5  # sizes: a line starting this close to a block's left edge is one of its lines (a 2-em indent)
HANGING = frozenset("。，、；：？！”’）》」』")  # closing marks a justified line lets hang into the margin
OVERLAP = 0.1  # of the narrower block: blocks overlapping less than this stand side by side


@dataclass(frozen=True)
class Gutter:
    """A strip of white between columns: x from ``lo`` to ``hi``, through rows ``first``..``last``."""

    lo: float
    hi: float
    first: int
    last: int


@dataclass
class Block:
    """Segments (a row's glyphs between gutters) stacked into one block of text."""

    segments: list[list[Glyph]] = field(default_factory=list)
    x0: float = float("inf")
    x1: float = float("-inf")
    top: float = float("inf")
    bottom: float = float("-inf")

    last: tuple[float, float, float, float, float] = (0.0,) * 5  # the last segment's x0 x1 top bottom size
    pitch: float = 0.0  # from the segment before the last to the last, top to top

    def add(self, seg: list[Glyph]) -> None:
        self.segments.append(seg)
        if len(self.segments) > 1:
            self.pitch = _top(seg) - self.last[2]
        self.last = (seg[0].x0, max(g.x1 for g in seg), _top(seg), _bottom(seg), _size(seg))
        self.x0, self.x1 = min(self.x0, self.last[0]), max(self.x1, self.last[1])
        self.top, self.bottom = min(self.top, self.last[2]), max(self.bottom, self.last[3])


def _top(seg: list[Glyph]) -> float:
    return min(g.top for g in seg)


def _bottom(seg: list[Glyph]) -> float:
    return max(g.bottom for g in seg)


def _size(seg: list[Glyph]) -> float:
    sizes = sorted(g.size for g in seg)
    return sizes[len(sizes) // 2]


def _ink(row: list[Glyph], size: float) -> list[tuple[float, float]]:
    """The row's ink as x intervals, glyphs closer than ``MIN_GUTTER`` em merged; after a closing
    mark, closer than ``NARROWEST`` (a mark hanging into the gutter leaves it narrower)."""
    out: list[list[float]] = []
    prev = None
    for g in row:
        least = NARROWEST if prev is not None and prev.text in HANGING else MIN_GUTTER
        if out and g.x0 - out[-1][1] < least * min(size, g.size):
            out[-1][1] = max(out[-1][1], g.x1)
        else:
            out.append([g.x0, g.x1])
        prev = g
    return [(a, b) for a, b in out]


class _Page:
    """The rows' ink intervals, for growing strips of white through them."""

    def __init__(self, rows: list[list[Glyph]], body: float) -> None:
        self.rows = rows
        self.body = body
        self.sizes = [_size(row) for row in rows]
        self.ink = [_ink(row, body) for row in rows]
        self.starts = [[a for a, _ in ink] for ink in self.ink]
        self.tops = [_top(row) for row in rows]
        self.bottoms = [_bottom(row) for row in rows]

    def white(self, r: int, lo: float, hi: float) -> tuple[float, float] | None:
        """The widest white part of [lo, hi] in row r (None: none left)."""
        ink, starts = self.ink[r], self.starts[r]
        i = max(0, bisect.bisect_left(starts, lo) - 1)
        best, at = None, lo
        while i < len(ink) and ink[i][0] < hi:
            a, b = ink[i]
            if b > at:
                if a > at and (best is None or a - at > best[1] - best[0]):
                    best = (at, min(a, hi))
                at = max(at, b)
            i += 1
        if at < hi and (best is None or hi - at > best[1] - best[0]):
            best = (at, hi)
        return best

    def wider(self, r: int, lo: float, hi: float) -> float | None:
        """How many times wider than the row's median gap between words its white around the
        strip is (None: the row has text on one side only; inf: fewer than two other gaps, no
        word spaces: a hanging mark's or a number's gap is no measure)."""
        ink = self.ink[r]
        i = bisect.bisect_right(self.starts[r], lo) - 1
        if i < 0 or i + 1 >= len(ink):
            return None
        here = ink[i + 1][0] - ink[i][1]
        others = sorted(b[0] - a[1] for k, (a, b) in enumerate(itertools.pairwise(ink)) if k != i)
        return here / others[len(others) // 2] if len(others) >= 2 else float("inf")

    def clears(self, r: int, lo: float, hi: float) -> bool:
        """Whether row r leaves [lo, hi] white (within ``NARROWEST`` em), but for a closing mark
        hanging into it from the left."""
        tol = NARROWEST * self.body
        mid = (lo + hi) / 2
        left = [g for g in self.rows[r] if (g.x0 + g.x1) / 2 < mid]
        if left and left[-1].text in HANGING:
            left = left[:-1]
        right = [g for g in self.rows[r] if (g.x0 + g.x1) / 2 >= mid]
        return (not left or left[-1].x1 <= lo + tol) and (not right or right[0].x0 >= hi - tol)

    def reach(self, r: int, lo: float, hi: float, width: float) -> tuple[float, float]:
        """How far the row's text runs from the strip on its left and on its right (0: none
        within ``SIDE_REACH`` em), up to a gap half as wide again as the white the row leaves
        around the strip (another gutter)."""
        ink, em = self.ink[r], self.sizes[r]
        left = right = 0.0
        i = bisect.bisect_right(self.starts[r], lo) - 1
        k = bisect.bisect_left(self.starts[r], hi - 0.01)
        # the white this row leaves around the strip: a gap half as wide again is another gutter
        here = (ink[k][0] if k < len(ink) else hi) - (ink[i][1] if i >= 0 else lo)
        wide = max(REACH_GAP * max(here, width), MIN_GUTTER * em)
        if i >= 0 and ink[i][1] <= lo + 0.01 and lo - ink[i][1] <= SIDE_REACH * em:
            j = i
            while j > 0 and ink[j][0] - ink[j - 1][1] < wide:
                j -= 1
            left = ink[i][1] - ink[j][0]
        if k < len(ink) and ink[k][0] - hi <= SIDE_REACH * em:
            j = k
            while j + 1 < len(ink) and ink[j + 1][0] - ink[j][1] < wide:
                j += 1
            right = ink[j][1] - ink[k][0]
        return left / em, right / em


def gutters(rows: list[list[Glyph]], body: float, known: list[tuple[float, float]] = ()) -> list[Gutter]:
    """The page's gutters: strips of white grown from the gaps of its rows (see the module
    docstring). ``known`` are gutters found on other pages: a strip where one of them runs
    needs a single row of text against each side."""
    page = _Page(rows, body)
    found: list[Gutter] = []
    for r, ink in enumerate(page.ink):
        for (_, a), (b, _) in itertools.pairwise(ink):
            if any(g.first <= r <= g.last and a <= g.lo and g.hi <= b for g in found):
                continue
            strip = _grow(page, r, a, b)
            if strip is not None and _is_gutter(page, strip, known):
                found.append(strip)
    # a gutter running within the rows of a longer one, less than a column from it, is no other
    # gutter (a letter-spaced byline's gap led into the gutter's edge grows a sliver beside it)
    kept: list[Gutter] = []
    near = MIN_COLUMN * body
    for g in sorted(found, key=lambda g: (g.first - g.last, g.lo - g.hi)):
        if not any(k.first <= g.first and g.last <= k.last and g.lo < k.hi + near and k.lo < g.hi + near for k in kept):
            kept.append(g)
    return sorted(kept, key=lambda g: (g.first, g.lo))


def _grow(page: _Page, r: int, lo: float, hi: float) -> Gutter | None:
    """The strip of white through row r's gap [lo, hi], grown up and down row by row, for as
    long as a row leaves it ``NARROWEST`` em and takes no more than ``GROW_LOSS`` em of it (a
    hanging mark takes an em at most; a title wider than the column ends the strip), and no
    more than ``WHITE_ROWS`` em of white stand between two rows."""
    narrowest = NARROWEST * page.body
    first = last = r
    for step in (-1, 1):
        j = r + step
        while 0 <= j < len(page.rows):
            near = j - step  # the row the strip has reached
            if max(page.tops[j] - page.bottoms[near], page.tops[near] - page.bottoms[j]) > WHITE_ROWS * page.body:
                break  # lines of white across the page: another region, with gutters of its own
            white = page.white(j, lo, hi)
            if white is None or white[1] - white[0] < narrowest:
                break
            if (white[0] - lo) + (hi - white[1]) > GROW_LOSS * page.body:
                break
            lo, hi = white
            first, last = min(first, j), max(last, j)
            j += step
    return Gutter(lo, hi, first, last)


def _is_gutter(page: _Page, strip: Gutter, known: list[tuple[float, float]]) -> bool:
    width = strip.hi - strip.lo
    lefts, rights = [], []
    righted = []  # rows with text against the strip's right side
    for r in range(strip.first, strip.last + 1):
        left, right = page.reach(r, strip.lo, strip.hi, width)
        if left:
            lefts.append(left)
        if right:
            rights.append(right)
            righted.append(r)
    # word spaces that happen to line up (a river) are no wider than the row's other spaces
    ratios = [page.wider(r, strip.lo, strip.hi) for r in range(strip.first, strip.last + 1)]
    ratios = [x for x in ratios if x is not None]
    if ratios and _median(ratios) < RIVER:
        return False
    # a narrow strip needs more rows, unless its rows are set solid (no word spaces to line up)
    solid = bool(ratios) and _median(ratios) == float("inf")
    need = MIN_SUPPORT if width >= WIDE_GUTTER * page.body or solid else NARROW_SUPPORT
    support = min(len(lefts), len(rights))
    if support < need:
        # a gutter of other pages shows in a row or two, where the rows with text right of it
        # leave its whole width white (as wide as on any of those pages), a hanging mark aside:
        # a heading's word space that falls on it is narrower (a row ending by it may be a title)
        near = [(a, b) for a, b in known if min(b, strip.hi) - max(a, strip.lo) >= NARROWEST * page.body]
        if not near or not support:
            return False
        a, b = min(x for x, _ in near), max(y for _, y in near)
        if not all(page.clears(r, a, b) for r in righted):
            return False
        # the columns are as wide as on those pages: one side may hold a paragraph's last word
        return max(_median(lefts), _median(rights)) >= MIN_COLUMN
    return _median(lefts) >= MIN_COLUMN and _median(rights) >= MIN_COLUMN


def _median(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[len(xs) // 2]


def segments(rows: list[list[Glyph]], found: list[Gutter]) -> list[list[list[Glyph]]]:
    """Each row's glyphs cut at the gutters that run through it, left to right."""
    out = []
    for r, row in enumerate(rows):
        cuts = sorted((g.lo + g.hi) / 2 for g in found if g.first <= r <= g.last)
        pieces: list[list[Glyph]] = [[] for _ in range(len(cuts) + 1)]
        for g in row:
            pieces[bisect.bisect_right(cuts, (g.x0 + g.x1) / 2)].append(g)
        out.append([p for p in pieces if p])
    return out


def blocks(rows: list[list[list[Glyph]]]) -> list[Block]:
    """Segments stacked into blocks: a segment joins the one block whose last segment stands
    right above it (no other block's between), overlapping it or starting at the block's left
    edge (give or take an indent), set in about its size; else it starts a block."""
    done: list[Block] = []
    open_: list[Block] = []
    for row in rows:
        for seg in row:
            top, size = _top(seg), _size(seg)
            x0, x1 = seg[0].x0, max(g.x1 for g in seg)
            fits = []
            for block in open_:
                lx0, lx1, _, lbottom, lsize = block.last
                over = min(x1, lx1) - max(x0, lx0) > 0.3 * min(x1 - x0, lx1 - lx0)
                # a paragraph's short last line (``能``) under or over an indented line: one left edge
                aligned = abs(x0 - block.x0) <= INDENT * size or abs(x0 - lx0) <= INDENT * size
                close = top - lbottom <= JOIN_GAP * size
                alike = abs(lsize - size) <= 0.2 * max(size, lsize)
                if (over or aligned) and close and alike and not _between(block, (top + _bottom(seg)) / 2, open_):
                    fits.append(block)
            if len(fits) == 1:
                fits[0].add(seg)
            else:
                block = Block()
                block.add(seg)
                open_.append(block)
        still = []
        nxt = min((_top(s) for s in row), default=None)
        for block in open_:
            _, _, _, bottom, size = block.last
            (still if nxt is None or nxt - bottom <= 4 * size else done).append(block)
        open_ = still
    return done + open_


def _between(block: Block, mid: float, others: list[Block]) -> bool:
    """Whether another block's last segment stands between the block's last one and a segment
    whose middle is at ``mid``, a line or more below it, across the block (an excerpt's source
    line set right under its last line): the segment below starts a block of its own. (A caption
    beside a column's narrow lines stands between two of them, but no line apart.)"""
    low = (block.last[2] + block.last[3]) / 2
    pitch = block.pitch or 1.6 * block.last[4]
    return mid - low > 1.5 * pitch and any(
        other is not block
        and low < (other.last[2] + other.last[3]) / 2 < mid
        and min(other.last[1], block.x1) > max(other.last[0], block.x0)
        for other in others
    )


def merge_units(found: list[Block], units: list[set[int]]) -> list[Block]:
    """The blocks with those made wholly of one unit's glyphs (ids) merged into one: a title and
    the byline under it at the other edge of the page are one block across the columns."""
    merged: dict[int, Block] = {}
    out: list[Block] = []
    for block in found:
        ids = {id(g) for seg in block.segments for g in seg}
        unit = next((u for u, members in enumerate(units) if ids <= members), None)
        if unit is None:
            out.append(block)
        elif unit in merged:
            for seg in block.segments:
                merged[unit].add(seg)
        else:
            merged[unit] = block
            out.append(block)
    return out


def reading_order(found: list[Block]) -> list[Block]:
    """Breuel's order of blocks: a before b when they overlap across and a stands above, or when
    a stands left of b and no block between them (below the one, above the other) spans both;
    a block with none beside it spans the page, and one above all the others comes first."""
    n = len(found)
    # a block with no other beside it (a title and its byline between two bands of columns) reads
    # as set across the page, however short its lines
    left_edge, right_edge = min((b.x0 for b in found), default=0.0), max((b.x1 for b in found), default=0.0)
    across = {
        id(a): (left_edge, right_edge)
        for a in found
        if not any(b is not a and b.top < a.bottom - 1 and a.top < b.bottom - 1 for b in found)
    }

    def overlap(a: Block, b: Block) -> bool:
        (a0, a1), (b0, b1) = across.get(id(a), (a.x0, a.x1)), across.get(id(b), (b.x0, b.x1))
        return min(a1, b1) - max(a0, b0) > OVERLAP * min(a1 - a0, b1 - b0)

    above: list[set[int]] = [set() for _ in range(n)]  # above[j]: blocks over j, which come first
    left_of: list[set[int]] = [set() for _ in range(n)]  # left_of[j]: blocks left of j, which come first
    for i, a in enumerate(found):
        for j, b in enumerate(found):
            if i == j:
                continue
            if overlap(a, b):
                if (a.top, a.x0) < (b.top, b.x0):
                    above[j].add(i)
            elif a.x1 <= b.x0 + OVERLAP * min(a.x1 - a.x0, b.x1 - b.x0):
                low, high = min(a.bottom, b.bottom) - 1, max(a.top, b.top) + 1  # c between: below one, above the other
                if not any(
                    k not in (i, j) and c.top >= low and c.bottom <= high and overlap(c, a) and overlap(c, b)
                    for k, c in enumerate(found)
                ):
                    left_of[j].add(i)
    # a line above every other block (a column's name in the top margin, set right) comes first
    for i, a in enumerate(found):
        if n > 1 and all(a.bottom <= b.top + 1 for j, b in enumerate(found) if j != i):
            left_of[i].clear()
            for j in set(range(n)) - {i}:
                above[j].add(i)
    order: list[int] = []
    left = set(range(n))
    while left:
        free = [j for j in left if not (above[j] | left_of[j]) & left]
        if not free:  # a cycle (fragments of a formula): what is over a block still comes first
            free = [j for j in left if not above[j] & left] or list(left)
            j = min(free, key=lambda k: (len(left_of[k] & left), found[k].top, found[k].x0))
        else:
            j = min(free, key=lambda k: (found[k].top, found[k].x0))
        order.append(j)
        left.discard(j)
    return [found[j] for j in order]
