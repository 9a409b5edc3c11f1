"""Normalised text → pages, and the offset between page index and printed page number.

The extractor marks a page break by starting the page's first line with a space, and drops
the printed page number. The continuation markers (`（下转 10页）` on one page, `（上接 13页）`
on the page it points to) name printed pages, so each pair of them tells the offset.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from typing import Literal

# （下转 10页）, (下转10 页), （下转第10页）, （转第10页）; （上接 13页）, （接第13页）
DOWN_MARKER = re.compile(r"[（(]\s*(?:下\s*)?转\s*第?\s*(\d+)\s*[页版]\s*[）)]")
UP_MARKER = re.compile(r"[（(]\s*(?:上\s*)?接\s*第?\s*(\d+)\s*[页版]\s*[）)]")

# Without markers nothing tells the printed numbers; the cover is page 1, so count from there.
DEFAULT_OFFSET = 1


@dataclass(frozen=True)
class Line:
    """One non-blank line of the issue: its 1-based line number in the file and its text."""

    number: int
    text: str


@dataclass(frozen=True)
class Page:
    """The non-blank lines between two page breaks; ``index`` counts from 0 in file order."""

    index: int
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class PageOffset:
    """printed page = page index + ``offset``; ``agreeing`` of ``markers`` markers confirm it
    (for ``source="printed"``, of a PDF's pages that carry a page number, how many agree)."""

    offset: int
    agreeing: int
    markers: int
    source: Literal["markers", "caller", "default", "printed"]

    def printed(self, index: int) -> int:
        return index + self.offset


def split_pages(text: str, *, source: str = "<text>") -> list[Page]:
    """Split normalised text into pages at every line that starts with a space.

    Text with no such line is one page, with a warning: its printed pages are then a guess.
    """
    pages: list[list[Line]] = [[]]
    for number, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        if raw[0] == " " and pages[-1]:
            pages.append([])
        pages[-1].append(Line(number, raw.strip()))
    if len(pages) == 1:
        warnings.warn(f"{source}: no page structure (no line starts with a space); read as one page", stacklevel=2)
    return [Page(i, tuple(lines)) for i, lines in enumerate(pages)]


def infer_page_offset(pages: list[Page], *, offset: int | None = None) -> PageOffset:
    """Find the offset on which most continuation markers agree (or take the caller's).

    A ``（下转 M页）`` on page i and an ``（上接 N页）`` on page j agree on offset d when
    M = j + d and N = i + d; every marker with such a partner counts once.
    """
    downs = [(p.index, int(m.group(1))) for p in pages for ln in p.lines for m in DOWN_MARKER.finditer(ln.text)]
    ups = [(p.index, int(m.group(1))) for p in pages for ln in p.lines for m in UP_MARKER.finditer(ln.text)]
    total = len(downs) + len(ups)
    agreeing = _agreeing(downs, ups)
    if offset is not None:
        return PageOffset(offset, agreeing.get(offset, 0), total, "caller")
    if not agreeing:
        return PageOffset(DEFAULT_OFFSET, 0, total, "default")
    best = max(agreeing, key=lambda d: (agreeing[d], -abs(d - DEFAULT_OFFSET)))
    return PageOffset(best, agreeing[best], total, "markers")


def _agreeing(downs: list[tuple[int, int]], ups: list[tuple[int, int]]) -> dict[int, int]:
    """For each offset d some pair of markers agrees on, how many markers have a partner at d,
    in the order the pairs are first met (down markers in reading order, then their partners).

    A down marker (i, M) and an up marker (j, N) agree when M − j = N − i, that is when
    M + i = N + j; markers are grouped by that sum, so only pairs that can agree are looked at
    (linear in the markers of a real issue, never the cube of their number)."""
    ups_by_sum: dict[int, list[int]] = {}
    for j, n in ups:
        ups_by_sum.setdefault(n + j, []).append(j)
    offsets_of_down: dict[tuple[int, int], list[int]] = {}
    offsets_of_up: dict[tuple[int, int], set[int]] = {}
    count: dict[int, int] = {}
    for i, m in downs:
        key = (i, m)
        if key not in offsets_of_down:
            found = list(dict.fromkeys(m - j for j in ups_by_sum.get(m + i, ())))
            offsets_of_down[key] = found
            for j in ups_by_sum.get(m + i, ()):
                offsets_of_up.setdefault((j, m + i - j), set()).add(m - j)
        for d in offsets_of_down[key]:
            count[d] = count.get(d, 0) + 1
    for j, n in ups:
        for d in offsets_of_up.get((j, n), ()):
            count[d] += 1
    return count
