"""A PDF issue's page furniture: running heads and feet, printed page numbers, column heads.

Running lines (the magazine's name, the column name, the page number) are the rows that recur
at about the same height across pages, near the top or the bottom, found by repetition rather
than by a fixed margin. Printed page numbers come from them (``12``, ``- 12 -``, ``·12·``,
``第12页``, ``12 / 48``); a digit in the text never counts. The part of a running head that
changes from column to column is the column's name, written at the top of its page as a spaced
header (``城 市 党 建``). It is a room of its own because it reads the whole issue at once
(what recurs across pages), where the reading order reads one page's body at a time.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter

from ..text.chars import HANZI
from .pdf_glyphs import GlyphPage, row_size, row_text

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


def running_rows(pages: list[GlyphPage], body: float) -> set[tuple[int, int]]:
    """(page, row) of the running heads and feet.

    Only the first and last ``RUNNING_ROWS`` rows of a page near its top or bottom edge can be
    running lines, and only when set no larger than the body text. Of those, a page number
    in one of its printed forms is one; so is a line whose text recurs on another page (the
    magazine's name); so is a line set apart from the body by a wide gap at a height where
    such lines stand on at least ``MIN_RUNNING_SHARE`` of the pages (a column name)."""
    candidates: list[tuple[int, int, float, str]] = []
    for k, page in enumerate(pages):
        n = len(page.rows)
        for r in sorted({*range(min(RUNNING_ROWS, n)), *range(max(0, n - RUNNING_ROWS), n)}):
            row = page.rows[r]
            top = min(g.top for g in row)
            in_zone = top < RUNNING_ZONE * page.height or top > (1 - RUNNING_ZONE) * page.height
            # nothing but margin lines between it and the page's edge (a byline sits under its title)
            outside = page.rows[:r] if top < page.height / 2 else page.rows[r + 1 :]
            small = all(statistics.median(g.size for g in x) <= body * 1.05 for x in [row, *outside])
            if in_zone and small and len(outside) < RUNNING_ROWS:
                candidates.append((k, r, top, row_text(row)))
    running: set[tuple[int, int]] = set()
    leading = _leading(pages, body) if pages else body
    for k, r, top, text in candidates:
        if PAGE_NUMBER.match(text.strip()) or (page_number_in(text) is not None and _is_edge_row(pages[k], r, leading)):
            running.add((k, r))
            continue
        if len(pages) == 1:  # nothing recurs: a margin line set smaller than the body, apart from it
            if row_size(pages[k].rows[r]) < body * 0.95 and _is_edge_row(pages[k], r, leading):
                running.add((k, r))
            continue
        repeats = any(k2 != k and x == text for k2, _, _, x in candidates)
        pages_at = {k2 for k2, _, t2, _ in candidates if abs(t2 - top) <= RUNNING_PLAY}
        recurs = len(pages_at) >= max(2, MIN_RUNNING_SHARE * len(pages))
        if repeats or (recurs and _is_edge_row(pages[k], r, leading)):
            running.add((k, r))
    return running


def _is_edge_row(page: GlyphPage, r: int, leading: float) -> bool:
    """Whether row r is set apart from the body by more than its ``leading``: a head from what
    follows it, a foot from what comes before it."""
    tops = [min(g.top for g in row) for row in page.rows]
    apart = leading * 1.5 + 2.0
    above = tops[r] - tops[r - 1] if r >= 1 else float("inf")
    below = tops[r + 1] - tops[r] if r + 1 < len(tops) else float("inf")
    if tops[r] < page.height / 2:  # a head: nothing but heads above it, the body well below
        # (a page's only text line, with just its foot below, is no head however high it sits)
        body_below = r + 1 < len(tops) and tops[r + 1] < (1 - RUNNING_ZONE) * page.height
        return body_below and below > apart and (r == 0 or above > apart)
    return r >= 1 and above > apart and (r == len(tops) - 1 or below > apart)


def _leading(pages: list[GlyphPage], body: float) -> float:
    """The usual distance between two body rows."""
    steps = [
        min(g.top for g in b) - min(g.top for g in a)
        for page in pages
        for a, b in itertools.pairwise(page.rows)
        if abs(a[0].size - body) < 0.5 and abs(b[0].size - body) < 0.5
    ]
    steps = [x for x in steps if 0 < x < 4 * body]
    return statistics.median(steps) if steps else 1.5 * body


def page_number(page: GlyphPage, running: set[tuple[int, int]], k: int) -> int | None:
    """The printed number that page k's running lines show, if any."""
    for r, row in enumerate(page.rows):
        if (k, r) in running:
            number = page_number_in(row_text(row))
            if number is not None:
                return number
    return None


def page_number_in(text: str) -> int | None:
    """The printed page number a running line shows, alone or beside a name: ``12``,
    ``- 12 -``, ``·12·``, ``第12页``, ``12 / 48``, ``组工通讯 12``; not a year or an issue number."""
    text = text.strip()
    m = PAGE_NUMBER.match(text) or _NUMBER_IN_LINE.search(text)
    return int(next(x for x in m.groups() if x)) if m else None


def column_heads(pages: list[GlyphPage], running: set[tuple[int, int]]) -> dict[int, str]:
    """Page → the column name its running heads give, spaced as the text extractor writes a
    header: the part of a running line that is not the same on every page (the magazine's
    name) nor a number or a date."""
    parts_by_page: dict[int, list[str]] = {}
    spaced: set[str] = set()
    for k, r in running:
        text = _NUMBER_IN_LINE.sub(" ", row_text(pages[k].rows[r]))  # the page number is no name
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
