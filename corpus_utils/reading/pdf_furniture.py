"""A PDF issue's page furniture: running heads and feet, printed page numbers, column heads.

Running lines (the magazine's name, the column name, the page number) are the rows that recur
at about the same height across pages, near the top or the bottom, found by repetition rather
than by a fixed margin. Printed page numbers come from them (``12``, ``- 12 -``, ``·12·``,
``第12页``, ``12 / 48``); a digit in the text never counts. The part of a running head that
changes from column to column is the column's name, written at the top of its page as a spaced
header (``城 市 党 建``). It is a room of its own because it reads the whole issue at once
(what recurs across pages), where the reading order reads one page's body at a time; it sees
only each page's ``PageEdges`` (its few rows at the top and bottom edges) and the rows' usual
distance, so the issue is read in two passes with memory flat in the number of pages.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass

from ..text.chars import HANZI
from .pdf_glyphs import Glyph, GlyphPage, row_size, row_text, without_scattered_spaces

RUNNING_ZONE = 0.15  # share of the page height, top and bottom, where running lines may sit
RUNNING_PLAY = 12.0  # pt: a running line recurs within this of the same height
MIN_RUNNING_SHARE = 0.5  # of the pages: a height recurring on this many holds running lines
RUNNING_ROWS = 2  # rows at each end of a page that may be running lines
MAGAZINE_SHARE = 0.6  # of the pages with running lines: a part of them this common is the magazine's name
MAX_HEAD_CHARS = 6  # a column's name in a running head is at most this long

PAGE_NUMBER = re.compile(
    r"^(?:[-—–·•\s]*(\d{1,4})[-—–·•\s]*|第\s*(\d{1,4})\s*[页頁]|(\d{1,4})\s*[/／]\s*\d{1,4}|[Pp](?:age|\.)?\s*(\d{1,4}))$"
)
_SPACED_RUN = re.compile(f"(?<![{HANZI}])[{HANZI}](?: [{HANZI}])+(?![{HANZI}])")
_NUMBER_IN_LINE = re.compile(
    r"[-—–·•]\s*(\d{1,4})\s*[-—–·•]|第\s*(\d{1,4})\s*[页頁]|(?<!\d)(\d{1,4})\s*[/／]\s*\d{1,4}"
    r"|^(\d{1,4})(?=\s)|(?<=\s)(\d{1,4})$"
)


@dataclass(frozen=True)
class EdgeRow:
    """What the running lines are told by of one row: its top, its size (median and most
    common) and its text (``solid``: with an OCR layer's scattered spaces dropped)."""

    top: float
    median_size: float
    size: float
    text: str
    solid: str


@dataclass(frozen=True)
class PageEdges:
    """A page's height, its number of rows and its rows nearest the top and bottom edges
    (``RUNNING_ROWS`` each and the row next to them), by row index: all the running lines are
    looked for in, kept from the first pass over the issue."""

    height: float
    n_rows: int
    rows: dict[int, EdgeRow]

    def tops(self) -> dict[int, float]:
        return {r: row.top for r, row in self.rows.items()}


def page_edges(page: GlyphPage) -> PageEdges:
    """The page's edges (see ``PageEdges``)."""
    n = len(page.rows)
    keep = sorted({*range(min(RUNNING_ROWS + 1, n)), *range(max(0, n - RUNNING_ROWS - 1), n)})
    rows = {}
    for r in keep:
        row = page.rows[r]
        text = row_text(row)
        solid = row_text(without_scattered_spaces([row])[0]) if any(g.spaced for g in row) else text
        rows[r] = EdgeRow(min(g.top for g in row), statistics.median(g.size for g in row), row_size(row), text, solid)
    return PageEdges(page.height, n, rows)


def row_steps(rows: list[list[Glyph]]) -> Counter[tuple[float, float, float]]:
    """(size of a row's first glyph, of the next row's, the distance between their tops) → how
    often, to 0.1 pt: the issue's leading is read from these (``leading``)."""
    return Counter(
        (round(a[0].size, 1), round(b[0].size, 1), round(min(g.top for g in b) - min(g.top for g in a), 1))
        for a, b in itertools.pairwise(rows)
    )


def leading(steps: Counter[tuple[float, float, float]], body: float) -> float:
    """The usual distance between two body rows."""
    kept = sorted(
        (step, n)
        for (a, b, step), n in steps.items()
        if abs(a - body) < 0.5 and abs(b - body) < 0.5 and 0 < step < 4 * body
    )
    total = sum(n for _, n in kept)
    if not total:
        return 1.5 * body
    at, middle = 0, []
    for step, n in kept:  # the median of the counted steps (the mean of the middle two)
        for want in {(total - 1) // 2, total // 2}:
            if at <= want < at + n:
                middle.append(step)
        at += n
    return sum(middle) / len(middle)


def running_rows(pages: list[PageEdges], body: float, pitch: float, *, solid: bool = False) -> set[tuple[int, int]]:
    """(page, row) of the running heads and feet; ``pitch`` is the usual distance between body
    rows, ``solid`` whether the text layer's scattered spaces are dropped.

    Only the first and last ``RUNNING_ROWS`` rows of a page near its top or bottom edge can be
    running lines, and only when set no larger than the body text. Of those, a page number
    in one of its printed forms is one; so is a line whose text recurs on another page (the
    magazine's name) and stands clear of the body; so is a line set apart from the body by a
    wide gap at a height where such lines stand on at least ``MIN_RUNNING_SHARE`` of the pages
    (a column name)."""
    candidates: list[tuple[int, int, float, str]] = []
    for k, page in enumerate(pages):
        n = page.n_rows
        for r in sorted({*range(min(RUNNING_ROWS, n)), *range(max(0, n - RUNNING_ROWS), n)}):
            row = page.rows[r]
            in_zone = row.top < RUNNING_ZONE * page.height or row.top > (1 - RUNNING_ZONE) * page.height
            # nothing but margin lines between it and the page's edge (a byline sits under its title)
            outside = range(r) if row.top < page.height / 2 else range(r + 1, n)
            if not in_zone or len(outside) >= RUNNING_ROWS:
                continue
            if all(page.rows[x].median_size <= body * 1.05 for x in [r, *outside]):
                candidates.append((k, r, row.top, row.solid if solid else row.text))
    running: set[tuple[int, int]] = set()
    edge = {(k, r): _is_edge_row(pages[k], r, pitch) for k, r, _, _ in candidates}
    for k, r, top, text in candidates:
        if PAGE_NUMBER.match(text.strip()) or (page_number_in(text) is not None and edge[k, r]):
            running.add((k, r))
            continue
        if len(pages) == 1:  # nothing recurs: a margin line set smaller than the body, apart from it
            if pages[k].rows[r].size < body * 0.95 and edge[k, r]:
                running.add((k, r))
            continue
        # a text that recurs (the magazine's name) may stand in a head of two rows, but not
        # within a paragraph (an editor's note printed on several pages)
        repeats = any(k2 != k and x == text for k2, _, _, x in candidates) and _clear_of_body(
            pages[k], r, pitch, {r2 for k2, r2, _, _ in candidates if k2 == k}
        )
        # pages with a row set apart at this height (every page's first body row shares one)
        pages_at = {k2 for k2, r2, t2, _ in candidates if abs(t2 - top) <= RUNNING_PLAY and edge[k2, r2]}
        recurs = len(pages_at) >= max(2, MIN_RUNNING_SHARE * len(pages))
        if repeats or (recurs and edge[k, r]):
            running.add((k, r))
    return running


def _clear_of_body(page: PageEdges, r: int, pitch: float, margin: set[int]) -> bool:
    """Whether row r stands more than a ``pitch`` and a half from the nearest row of the body
    (a row that is no margin candidate): below it for a head, above it for a foot."""
    tops = page.tops()
    head = tops[r] < page.height / 2
    body = [t for i, t in tops.items() if i not in margin and (i > r if head else i < r)]
    if not body:
        return True
    gap = min(body) - tops[r] if head else tops[r] - max(body)
    return gap > pitch * 1.5 + 2.0


def _is_edge_row(page: PageEdges, r: int, pitch: float) -> bool:
    """Whether row r is set apart from the body by more than the ``pitch`` of its rows: a head
    from what follows it, a foot from what comes before it."""
    tops = page.tops()
    apart = pitch * 1.5 + 2.0
    above = tops[r] - tops[r - 1] if r >= 1 else float("inf")
    below = tops[r + 1] - tops[r] if r + 1 < page.n_rows else float("inf")
    if tops[r] < page.height / 2:  # a head: nothing but heads above it, the body well below
        # (a page's only text line, with just its foot below, is no head however high it sits)
        body_below = r + 1 < page.n_rows and tops[r + 1] < (1 - RUNNING_ZONE) * page.height
        return body_below and below > apart and (r == 0 or above > apart)
    return r >= 1 and above > apart and (r == page.n_rows - 1 or below > apart)


def page_number(page: PageEdges, running: set[tuple[int, int]], k: int) -> int | None:
    """The printed number that page k's running lines show, if any."""
    for r, row in sorted(page.rows.items()):
        if (k, r) in running:
            number = page_number_in(row.text)
            if number is not None:
                return number
    return None


def page_number_in(text: str) -> int | None:
    """The printed page number a running line shows, alone or beside a name: ``12``,
    ``- 12 -``, ``·12·``, ``第12页``, ``12 / 48``, ``组工通讯 12``; not a year or an issue number."""
    text = text.strip()
    m = PAGE_NUMBER.match(text) or _NUMBER_IN_LINE.search(text)
    return int(next(x for x in m.groups() if x)) if m else None


def column_heads(pages: list[PageEdges], running: set[tuple[int, int]], *, solid: bool = False) -> dict[int, str]:
    """Page → the column name its running heads give, spaced as the text extractor writes a
    header: the part of a running line that is not the same on every page (the magazine's
    name) nor a number or a date. ``solid``: the text layer's scattered spaces are dropped."""
    parts_by_page: dict[int, list[str]] = {}
    spaced: set[str] = set()
    for k, r in sorted(running):
        row = pages[k].rows[r]
        text = _NUMBER_IN_LINE.sub(" ", row.solid if solid else row.text)  # the page number is no name
        spaced |= {m.group().replace(" ", "") for m in _SPACED_RUN.finditer(text)}
        text = _SPACED_RUN.sub(lambda m: m.group().replace(" ", ""), text)  # 部 长 笔 谈 → 部长笔谈
        parts = [p for p in re.split(r"[\s·•|｜/／—\-]+", text) if p]
        parts_by_page.setdefault(k, []).extend(parts)
    counts = Counter(p for parts in parts_by_page.values() for p in set(parts))
    # the magazine's name stands on most pages' running lines; a column's on its own pages only
    # (set solid: a letter-spaced name is a column's even on every page, in a one-column issue)
    everywhere = {
        p for p, n in counts.items() if len(pages) > 1 and n >= MAGAZINE_SHARE * len(parts_by_page) and p not in spaced
    }
    heads = {}
    for k, parts in parts_by_page.items():
        names = [
            p
            for p in parts
            if p not in everywhere
            and re.fullmatch(f"[{HANZI}]{{2,8}}", p)
            and not re.fullmatch(r"第.+[期页卷]|.+[年月日]", p)  # 第三期, 三月: the issue, not a column
        ]
        if len(pages) == 1 and any(n in spaced for n in names):
            names = [n for n in names if n in spaced]  # one page: the letter-spaced name is the column's
        name = "".join(names)  # 主题 教育: a name set in two halves
        if names and len(name) <= MAX_HEAD_CHARS:
            heads[k] = " ".join(name)
    return heads
