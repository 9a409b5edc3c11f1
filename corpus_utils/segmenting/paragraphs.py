"""Body lines → paragraphs: undo the extractor's hard wraps and keep the real paragraph breaks.

The magazine sets body text justified in columns (about 18 characters) or across the page
(about 40), and indents the first line of every paragraph by two characters. A paragraph
therefore ends where a line stops short, or where the next line starts indented after a
sentence end, or before a heading (`一、`, `（一）`, `第一步：`, `1.`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from statistics import quantiles

from ..text.chars import CJK_PUNCT, HANZI, display_width
from ..text.sentences import ENDS_SENTENCE, HOLDS_SENTENCE_STOP
from .pages import DOWN_MARKER, UP_MARKER
from .thresholds import (
    BREAK_CONTEXT,
    INDENT,
    MIN_LINES_TO_MEASURE,
    MIN_MEASURED,
    PAGE_WIDTH_PLAY,
    SHORT_LINE,
    WIDE,
    WIDTH_TOLERANCE,
)

HANZI_END = re.compile(f"[{HANZI}]$")
DASH_ITEM = re.compile(r"^[—―]{2,}")
RUN_IN_END = re.compile(r"^[^。！？]{2,}[。！？][^。！？]{2,}")
_WORD = r"[0-9A-Za-z][0-9A-Za-z.,+%]*(?:\s*%)?"
UNBREAKABLE = re.compile(rf"[“‘（(《「『]+(?:{_WORD}|[{HANZI}])|{_WORD}")
HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、"
    r"|[（(][一二三四五六七八九十]{1,3}[）)]"
    r"|第[一二三四五六七八九十]{1,3}[步条部分章节]"
    r"|\d{1,2}(?:、|[.．](?!\d)))"
)
_SPACE_FIX = [
    (re.compile(r"(?<=[0-9])[ \t]+(?=%)"), ""),  # 64 % → 64%
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
    # nor do lines ending in punctuation, which hangs past the measure (…联动”。)
    widths = [
        display_width(t) for t in texts if HANZI_END.search(t) and not (DOWN_MARKER.search(t) or UP_MARKER.search(t))
    ]
    narrow = [w for w in widths if MIN_MEASURED <= w < WIDE]
    wide = [w for w in widths if w >= WIDE]
    if fallback is None:
        return _full(narrow), _full(wide)
    return _page_or_issue(narrow, fallback[0]), _page_or_issue(wide, fallback[1])


def _page_or_issue(widths: list[float], issue: float) -> float:
    """A page's own full width where it has enough lines to tell and differs from the issue's
    by more than a line's play; else the issue's, measured on many more lines."""
    if not issue:
        return _full(widths)
    if len(widths) < MIN_LINES_TO_MEASURE:
        return issue
    page = _full(widths)
    return page if abs(page - issue) > PAGE_WIDTH_PLAY else issue


def block_width(text: str, widths: tuple[float, float]) -> float:
    """The full width of the block a line belongs to."""
    narrow, wide = widths
    w = display_width(UP_MARKER.sub("", DOWN_MARKER.sub("", text)))  # a marker may run past the measure
    # wider than any line of a column (a column line plays a little around its measure)
    across = w >= WIDE or (narrow and w > narrow + 2 * WIDTH_TOLERANCE)
    return wide if across and wide else (narrow or wide)


def ends_paragraph(
    prev: str,
    nxt: str,
    width: float,
    *,
    in_heading: bool = False,
    prev_width: float | None = None,
    next_width: float | None = None,
    prev_first: bool = False,
    after_next: str | None = None,
) -> bool:
    """Whether a paragraph ends between two wrapped lines of a block ``width`` em wide.

    ``prev_width``/``next_width`` override the lines' measured widths (see ``BodyLine.measure``);
    ``prev_first`` says the line before opens its paragraph, so its full measure is two em
    less; ``after_next`` is the line after ``nxt``, whose first word may explain why ``nxt``
    stops short. A line that stops short because the next line's first word (a number, a
    Latin word, an opening quote with what it opens) did not fit is not short.
    """
    if HEADING.match(nxt):
        return True
    terminal = bool(ENDS_SENTENCE.search(prev))
    one_line = (display_width(nxt) if next_width is None else next_width) <= width - INDENT + WIDTH_TOLERANCE / 2
    if DASH_ITEM.match(nxt) and one_line and (terminal or prev.rstrip().endswith(("：", ":"))):
        return True  # ——一项, the list style of party documents: an item on its own line
    w = display_width(prev) if prev_width is None else prev_width
    full = width - (INDENT if prev_first else 0)
    if w < SHORT_LINE * width:
        return True
    stops_short = w + unbreakable_width(nxt) < full - WIDTH_TOLERANCE
    if stops_short and (terminal or (HEADING.match(prev) and not HOLDS_SENTENCE_STOP.search(prev))):
        return True  # a sentence, or a heading, ends before the line is full
    # A full first line, indented two em; a short next line is more likely a paragraph's tail.
    # after a heading that filled its line, a line that ends the heading's sentence and goes on
    # (…部素质培养是基础。新时代…) is the rest of a run-in heading, not a new paragraph
    run_in = in_heading and not terminal and bool(RUN_IN_END.search(nxt))
    return starts_indented(nxt, width, measured=next_width, following=after_next) and (
        terminal or (in_heading and not run_in)
    )


def doubtful_break(
    prev: str,
    nxt: str,
    width: float,
    *,
    prev_width: float | None = None,
    next_width: float | None = None,
    prev_first: bool = False,
    after_next: str | None = None,
) -> bool:
    """Whether the text cannot tell if a paragraph ends between two lines: the line before ends a
    sentence on a full line and the next one is too short to show its indentation, or is a
    dash item set on a full line, or stops short of a number that would fill it either way."""
    if not ENDS_SENTENCE.search(prev) or HEADING.match(nxt):
        return False
    w = display_width(prev) if prev_width is None else prev_width
    full = width - (INDENT if prev_first else 0)
    if w + unbreakable_width(nxt) < full - WIDTH_TOLERANCE or w < SHORT_LINE * width:
        return False  # the line before stops short: a paragraph ends
    nw = display_width(nxt) if next_width is None else next_width
    if nw < width - INDENT - WIDTH_TOLERANCE:
        return True  # a short line: a paragraph's last, or a one-line paragraph
    if DASH_ITEM.match(nxt):
        return True  # a dash item: its own paragraph, or a list run into one
    run = unbreakable_width(after_next) if after_next else 0.0
    in_window = width - INDENT - WIDTH_TOLERANCE < nw <= width - INDENT + WIDTH_TOLERANCE / 2
    return bool(run) and in_window and nw + run > width - WIDTH_TOLERANCE / 2


def starts_indented(text: str, width: float, *, measured: float | None = None, following: str | None = None) -> bool:
    """Whether a line looks like a paragraph's full first line: ``INDENT`` em short of ``width``.

    The first word of the ``following`` line (a number, an opening quote with what it opens)
    may explain a line that stops short: of a first line that would be full with it, and of a
    full line too; where both readings fit, a line is far more often a paragraph's inside.
    """
    w = display_width(text) if measured is None else measured
    run = unbreakable_width(following) if following else 0.0
    first = width - INDENT
    if not (first - WIDTH_TOLERANCE < w or w + run > first) or w > first + WIDTH_TOLERANCE / 2:
        return False
    return not (run and w + run > width - WIDTH_TOLERANCE / 2)


def unbreakable_width(text: str) -> float:
    """Width of what opens a line and could not have ended the line before: a number or a Latin
    word (never split), or opening punctuation with the character it opens (“3+1”, 《条例》)."""
    m = UNBREAKABLE.match(text.strip())
    return display_width(m.group()) if m else 0.0


def join_paragraphs(lines: Sequence[BodyLine]) -> list[str]:
    """Join wrapped lines into paragraphs, without spaces between Hanzi."""
    return paragraphs_and_doubts(lines)[0]


def paragraphs_and_doubts(lines: Sequence[BodyLine]) -> tuple[list[str], list[tuple[int, bool]]]:
    """The paragraphs, and the places where the text cannot tell whether a paragraph ends: the
    index of the line after each such place (among the lines with text) and whether a paragraph
    was ended there."""
    lines = [line for line in lines if line.text.strip()]
    doubts: list[tuple[int, bool]] = []
    paragraphs: list[list[str]] = []
    for i, (ends, shape) in enumerate(_breaks(lines)):
        text = lines[i].text.strip()
        if i and doubtful_break(lines[i - 1].text.strip(), text, lines[i - 1].width, **shape):
            doubts.append((i, ends))
        if ends:
            paragraphs.append([text])
        else:
            paragraphs[-1].append(text)
    return [tidy_spacing(_glue(p)) for p in paragraphs], doubts


def breaks_before(lines: Sequence[BodyLine], line: BodyLine) -> bool:
    """Whether the paragraph joiner would begin a new paragraph at ``line`` after ``lines`` (the
    text so far of a record, of which the last few lines are context enough)."""
    window = [*lines[-BREAK_CONTEXT:], line]
    return [ends for ends, _ in _breaks(window)][-1]


def _breaks(lines: Sequence[BodyLine]) -> Iterator[tuple[bool, dict]]:
    """For each line, whether a paragraph begins at it, and the shape of the line before it that
    decided so (the widths, whether that line opens its paragraph, the line after)."""
    first_of_paragraph, heading = False, False
    for i, line in enumerate(lines):
        text = line.text.strip()
        prev = lines[i - 1] if i else None
        shape = {
            "prev_width": prev.shown if prev else None,
            "next_width": line.shown,
            "prev_first": first_of_paragraph,
            "after_next": lines[i + 1].text.strip() if i + 1 < len(lines) else None,
        }
        ends = prev is None or ends_paragraph(prev.text.strip(), text, prev.width, in_heading=heading, **shape)
        yield ends, shape
        first_of_paragraph = ends
        if ends:
            # a heading standing alone (一、主要做法), not one that runs into its text (（一）…。全市…)
            heading = bool(HEADING.match(text)) and not HOLDS_SENTENCE_STOP.search(text)
        else:
            heading = heading and not HOLDS_SENTENCE_STOP.search(text)


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
