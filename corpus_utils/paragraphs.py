"""Body lines → paragraphs: undo the extractor's hard wraps and keep the real paragraph breaks.

The magazine sets body text justified in columns (about 18 characters) or across the page
(about 40), and indents the first line of every paragraph by two characters. A paragraph
therefore ends where a line stops short, or where the next line starts indented after a
sentence end, or before a heading (`一、`, `（一）`, `第一步：`, `1.`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import quantiles

from .chars import CJK_PUNCT, HANZI, display_width
from .pages import DOWN_MARKER, UP_MARKER
from .thresholds import (
    INDENT,
    MIN_LINES_TO_MEASURE,
    MIN_MEASURED,
    SHORT_LINE,
    WIDE,
    WIDTH_TOLERANCE,
)

TERMINAL = re.compile(r"[。！？!?…；;][”’」』）)]*$")
HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、"
    r"|[（(][一二三四五六七八九十]{1,3}[）)]"
    r"|第[一二三四五六七八九十]{1,3}[步条部分章节]"
    r"|\d{1,2}(?:、|[.．](?!\d)))"
)
_SPACE_FIX = [
    (re.compile(rf"(?<=[{HANZI}{CJK_PUNCT}])[ \t]+(?=[0-9A-Za-z%])"), ""),
    (re.compile(rf"(?<=[0-9A-Za-z%.])[ \t]+(?=[{HANZI}{CJK_PUNCT}])"), ""),
    (re.compile(rf"[ \t]+(?=[{CJK_PUNCT}])"), ""),
    (re.compile(rf"(?<=[{CJK_PUNCT}])[ \t]+"), ""),
    (re.compile(r"[ \t]{2,}"), " "),
]


@dataclass(frozen=True)
class BodyLine:
    """A line of body text and the full line width of its block.

    ``measure`` is the width of the printed line where a marker was cut out of it
    (``依据 (下转 10页）``): the marker filled the line, so its text did not stop short.
    """

    text: str
    width: float
    measure: float | None = None

    @property
    def shown(self) -> float:
        return display_width(self.text) if self.measure is None else self.measure


def line_widths(texts: Sequence[str], *, fallback: tuple[float, float] | None = None) -> tuple[float, float]:
    """Full line width of a page's column text and of its full-page text (0 where there is none).

    Fewer than eight lines of a kind measure nothing reliably; ``fallback`` (the whole
    issue's widths) is used for them instead.
    """
    # short lines (paragraph ends, titles, bylines) say nothing about the full width, nor do
    # lines with a continuation marker, which the extractor may set wider than the column
    widths = [display_width(t) for t in texts if not (DOWN_MARKER.search(t) or UP_MARKER.search(t))]
    narrow = [w for w in widths if MIN_MEASURED <= w < WIDE]
    wide = [w for w in widths if w >= WIDE]
    if fallback is None:
        return _full(narrow), _full(wide)
    return (
        _full(narrow) if len(narrow) >= MIN_LINES_TO_MEASURE else fallback[0] or _full(narrow),
        _full(wide) if len(wide) >= MIN_LINES_TO_MEASURE else fallback[1] or _full(wide),
    )


def block_width(text: str, widths: tuple[float, float]) -> float:
    """The full width of the block a line belongs to."""
    narrow, wide = widths
    return wide if display_width(text) >= WIDE and wide else (narrow or wide)


def ends_paragraph(
    prev: str,
    nxt: str,
    width: float,
    *,
    in_heading: bool = False,
    prev_width: float | None = None,
    next_width: float | None = None,
) -> bool:
    """Whether a paragraph ends between two wrapped lines of a block ``width`` em wide.

    ``prev_width``/``next_width`` override the lines' measured widths (see ``BodyLine.measure``).
    """
    if HEADING.match(nxt):
        return True
    w = display_width(prev) if prev_width is None else prev_width
    terminal = bool(TERMINAL.search(prev))
    if w < SHORT_LINE * width or (terminal and w < width - WIDTH_TOLERANCE):
        return True
    # A full first line, indented two em; a short next line is more likely a paragraph's tail.
    return starts_indented(nxt, width, measured=next_width) and (terminal or in_heading)


def starts_indented(text: str, width: float, *, measured: float | None = None) -> bool:
    """Whether a line looks like a paragraph's full first line: ``INDENT`` em short of ``width``."""
    w = display_width(text) if measured is None else measured
    return width - INDENT - WIDTH_TOLERANCE < w <= width - INDENT + WIDTH_TOLERANCE / 2


def join_paragraphs(lines: Sequence[BodyLine]) -> list[str]:
    """Join wrapped lines into paragraphs, without spaces between Hanzi."""
    paragraphs: list[list[str]] = []
    heading = False
    for i, line in enumerate(lines):
        text = line.text.strip()
        if not text:
            continue
        prev = lines[i - 1] if i else None
        if prev is None or ends_paragraph(
            prev.text.strip(), text, prev.width, in_heading=heading, prev_width=prev.shown, next_width=line.shown
        ):
            paragraphs.append([text])
            heading = bool(HEADING.match(text)) and not TERMINAL.search(text)
        else:
            paragraphs[-1].append(text)
            heading = heading and not re.search(r"[。！？；]", text)
    return [tidy_spacing(_glue(p)) for p in paragraphs]


def tidy_spacing(text: str) -> str:
    """Remove the spaces the extractor put between numbers or Latin words and Chinese text."""
    for pattern, repl in _SPACE_FIX:
        text = pattern.sub(repl, text)
    return text.strip()


def _glue(parts: list[str]) -> str:
    out = parts[0]
    for part in parts[1:]:
        # Only two Latin words need a space back where a line wrapped between them.
        sep = " " if re.search(r"[A-Za-z]$", out) and re.match(r"[A-Za-z]", part) else ""
        out += sep + part
    return out


def _full(widths) -> float:
    ws = sorted(widths)
    if not ws:
        return 0.0
    if len(ws) < 5:
        return ws[-1]
    return quantiles(ws, n=10)[-1]
