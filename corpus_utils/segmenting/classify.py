"""A page's lines → what each line is, with the rule that decided.

The classifier is pure: it sees one page's lines, the page's line widths and the column names
seen on earlier pages, and nothing of the records being built. The article segmenter
(``reduce``) reads the classes in order and decides what they mean for its records.

Title or header is a matter of position, not length. The extractor writes an article's title
block (1–3 title lines and a byline) at the foot of the article's first page; a letter-spaced
line there is a title line. A letter-spaced line anywhere else is a column header: opening its
page, repeating its run's column as a running head, or starting a column mid-page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from ..text.chars import display_width
from ..text.sentences import ENDS_SENTENCE, HOLDS_SENTENCE_STOP
from .layout import (
    AUTHOR_NOTE,
    EDITOR_NOTE,
    EXCERPT_SOURCE,
    TITLE_OPENERS,
    byline_authors,
    despace,
    is_column_header,
    is_continuation_line,
    is_excerpt_head,
    is_letter_spaced,
    is_source_line,
    is_structural,
    is_title_like,
)
from .pages import DOWN_MARKER, UP_MARKER
from .paragraphs import HEADING, block_width, ends_paragraph, starts_indented
from .thresholds import (
    DEFAULT_WIDTHS,
    FULL_LINE_MARGIN,
    INDENT,
    INDENTED_MARGINS,
    MAX_NOTE_LINES,
    MAX_TITLE_LINES,
    MIN_BARE_SPACED_TITLE,
    THIRD_TITLE_MARGIN,
    WIDTH_TOLERANCE,
)

LineKind = Literal[
    "body",  # text of a record (or of a （上接…） block)
    "header",  # a column header
    "title",  # a line of an article's title
    "byline",  # the authors under a title
    "note",  # an author note （作者为…）, with its wrapped lines
    "editor_note",  # an editor's note 编者按：…, label line and paragraph
    "excerpt_head",  # 习近平：标题 opening a leader's excerpt, with its wrapped line
    "source",  # ———2019 年…时强调 closing an excerpt, with its wrapped line
    "continued",  # （上接 N页） opening the tail of an article cut on page N
    "cut",  # a line holding （下转 N页）
]
LINE_KINDS: tuple[LineKind, ...] = LineKind.__args__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class LineClass:
    """What a line is (``kind``) and the rule that said so, for ``segment --explain``."""

    kind: LineKind
    rule: str


@dataclass(frozen=True)
class PageContext:
    """What the classifier may know besides the page's own lines."""

    widths: tuple[float, float]  # full width of the page's column text and of its full-page text
    columns: frozenset[str] = frozenset()  # column names (despaced) seen on earlier pages
    overrides: Mapping[int, LineKind] = field(default_factory=dict)  # line index → kind, from a .fix.toml
    next_first: str | None = None  # the next page's first line (a heading may wrap over the page break)


@dataclass(frozen=True)
class TitleBlock:
    """Where an article's title block sits among a page's lines (indices into them)."""

    titles: tuple[int, ...]
    byline: int | None
    trailing_headers: tuple[int, ...]

    @property
    def indices(self) -> set[int]:
        return set(self.titles) | ({self.byline} if self.byline is not None else set())


def classify_page(texts: Sequence[str], context: PageContext) -> list[LineClass]:
    """Classify every line of a page; the user's overrides win over every rule."""
    width = context.widths[0] or context.widths[1]
    out: list[LineClass | None] = [None] * len(texts)
    for i, kind in context.overrides.items():
        if 0 <= i < len(texts):
            out[i] = LineClass(kind, "fix: set by the .fix.toml")
    for block in find_title_blocks(texts, width, columns=context.columns, fixed=out, next_first=context.next_first):
        for k in block.titles:
            out[k] = out[k] or LineClass("title", _title_rule(texts, block, k))
        if block.byline is not None:
            out[block.byline] = out[block.byline] or LineClass(
                "byline", "byline: names or an organisation under a title"
            )
        for k in block.trailing_headers:
            out[k] = out[k] or LineClass("header", "header: spaced line after the title block")
    i = 0
    while i < len(texts):
        if out[i] is not None:
            i += 1
            continue
        classes = classify_line(texts, i, context)
        for k, cls in enumerate(classes):
            if out[i + k] is None:
                out[i + k] = cls
        i += len(classes)
    return [c for c in out if c is not None]


def classify_line(texts: Sequence[str], i: int, context: PageContext) -> list[LineClass]:
    """Classify line ``i`` (outside any title block) from its text and its neighbours.

    Returns one class per line of the construct it opens: an author note or an editor's note
    may run over several lines, and so may an excerpt's head and source.
    """
    text = texts[i]
    nxt = texts[i + 1] if i + 1 < len(texts) else None
    if is_column_header(text):
        return [LineClass("header", _header_rule(texts, i, context))]
    if EDITOR_NOTE.match(text):
        n = _editor_note_lines(texts, i, context.widths)
        return [LineClass("editor_note", "editor's note: 编者按 label")] + [
            LineClass("editor_note", "editor's note: same paragraph")
        ] * (n - 1)
    if is_excerpt_head(text, nxt):
        out = [LineClass("excerpt_head", "excerpt head: a leader's name, a colon, a title, set across the page")]
        if nxt is not None and is_continuation_line(nxt) and not EXCERPT_SOURCE.match(nxt):
            out.append(LineClass("excerpt_head", "excerpt head: short unpunctuated line finishing it"))
        return out
    if is_source_line(text, texts[i + 1 : i + 3]):
        out = [LineClass("source", "excerpt source: dashes, then a date or an occasion")]
        j = i + 1
        while j < len(texts) and is_continuation_line(texts[j]) and not is_excerpt_head(texts[j], _after(texts, j)):
            out.append(LineClass("source", "excerpt source: short unpunctuated line finishing it"))
            j += 1
        return out
    if UP_MARKER.match(text):
        return [LineClass("continued", "continuation: （上接 N页） opens the tail of a cut article")]
    if AUTHOR_NOTE.match(text):
        j = i
        while not text_closes(texts[j]) and j + 1 < len(texts) and j - i < MAX_NOTE_LINES - 1:
            j += 1
        return [LineClass("note", "author note: （作者为…）")] + [
            LineClass("note", "author note: wrapped, until its closing bracket")
        ] * (j - i)
    if DOWN_MARKER.search(text):
        return [LineClass("cut", "cut: （下转 N页） ends this page's part of an article")]
    return [LineClass("body", "body: none of the other shapes")]


def find_title_blocks(
    texts: Sequence[str],
    width: float,
    *,
    columns: frozenset[str] = frozenset(),
    fixed: Sequence[LineClass | None] = (),
    next_first: str | None = None,
) -> list[TitleBlock]:
    """The title blocks at a page's foot, lowest first: two articles may begin on one page, and
    the extractor writes both title blocks at its end, one right above the other."""
    blocks: list[TitleBlock] = []
    block = find_title_block(texts, width, columns=columns, fixed=fixed, next_first=next_first)
    while block is not None:
        blocks.append(block)
        top = min(block.titles)
        upper = find_title_block(texts[:top], width, columns=columns, fixed=fixed, next_first=next_first)
        if upper is None or upper.byline != top - 1 or upper.trailing_headers:
            break
        block = upper
    return blocks


def find_title_block(
    texts: Sequence[str],
    width: float,
    *,
    columns: frozenset[str] = frozenset(),
    fixed: Sequence[LineClass | None] = (),
    next_first: str | None = None,
) -> TitleBlock | None:
    """The title block at the end of an article's first page: 1–3 title lines, then the byline.

    Column headers may follow the byline. A page whose last line is letter-spaced, with no
    byline, ends with a title (the 卷首语's) when that line names no known column and is longer
    than a column name, or when a header already stands above it on the page. ``fixed`` holds
    the classes a user set: a line fixed as anything but title or byline is never taken.
    """

    def kind(k: int) -> str | None:
        return fixed[k].kind if k < len(fixed) and fixed[k] is not None else None

    def byline_under_title(k: int) -> bool:
        if k < 1:
            return False
        is_byline = kind(k) == "byline" or (kind(k) is None and byline_authors(texts[k]) is not None)
        above = kind(k - 1) == "title" or (kind(k - 1) is None and is_title_like(texts[k - 1]))
        return is_byline and above

    end = len(texts) - 1
    trailing: list[int] = []
    while end >= 1 and kind(end) in (None, "header") and is_column_header(texts[end]) and not byline_under_title(end):
        if kind(end) is None and not byline_under_title(end - 1) and _is_bare_title(texts, end, columns):
            break  # a title standing alone at the foot, not a header after a title block
        trailing.insert(0, end)
        end -= 1
    if end < 0:
        return None
    if byline_under_title(end):
        titles = [end - 1]
        for k in range(end - 2, max(end - 1 - MAX_TITLE_LINES, -1), -1):
            if kind(k) == "title":
                titles.insert(0, k)
                continue
            if kind(k) is not None or not _accept_title_line(
                texts, k, width, n_so_far=len(titles), next_first=next_first
            ):
                break
            titles.insert(0, k)
        return TitleBlock(tuple(titles), end, tuple(trailing))
    if kind(end) == "title" or (kind(end) is None and _is_bare_title(texts, end, columns)):
        return TitleBlock((end,), None, tuple(trailing))
    return None


def text_closes(text: str) -> bool:
    """Whether a line closes a bracket it or a line above opened: ``…组织部长）``."""
    return text.rstrip().endswith(("）", ")"))


# internal functions ----------------------------------------------------------


def _after(texts: Sequence[str], j: int) -> str | None:
    """The line after line j, if there is one."""
    return texts[j + 1] if j + 1 < len(texts) else None


def _is_bare_title(texts: Sequence[str], k: int, columns: frozenset[str]) -> bool:
    """A letter-spaced last line with no byline under it: a title, or a header at the page's end."""
    text = texts[k]
    if not is_letter_spaced(text) or despace(text) in columns or k == 0:
        return False
    header_above = any(is_column_header(t) for t in texts[:k])
    return len(text.split()) >= MIN_BARE_SPACED_TITLE or header_above


def _accept_title_line(
    texts: Sequence[str], k: int, width: float, *, n_so_far: int, next_first: str | None = None
) -> bool:
    """Whether line k, above ``n_so_far`` accepted title lines, is a title line too.

    A body line without punctuation can sit right above a title; it fills the column and
    follows a line that does not end a sentence, where a title line is usually shorter or
    opens like a title (关于…).
    """
    text = texts[k]
    if not is_title_like(text):
        return False
    if k >= 1 and byline_authors(text) is not None and is_title_like(texts[k - 1]):
        return False  # the byline of another title block above this one
    w = display_width(text)
    if n_so_far >= 2 and w >= width - THIRD_TITLE_MARGIN:
        return False
    above = texts[k - 1] if k else ""
    heading_above = bool(HEADING.match(above)) and not HOLDS_SENTENCE_STOP.search(above)
    wrapped = heading_above and display_width(above) >= width - INDENT - WIDTH_TOLERANCE
    if wrapped and not (next_first is not None and is_continuation_line(next_first)):
        return False  # the tail of a heading that filled its line (二、激励干部…基本情 / 况), not a title
    note_end = text_closes(above) and above.count("）") + above.count(")") > above.count("（") + above.count("(")
    if text.startswith(TITLE_OPENERS) or is_letter_spaced(text) or note_end:
        return True  # after an author note, a line right above a title is the title's, not a lone body line
    # a sentence, a header or a heading ends above: a paragraph may begin here
    above_ends = k < 1 or bool(ENDS_SENTENCE.search(above)) or is_column_header(above) or note_end or heading_above
    full_line = w >= width - FULL_LINE_MARGIN and not above_ends  # a body line running on from the one above
    low, high = INDENTED_MARGINS
    first_line = width - high < w <= width - low and above_ends  # a paragraph's indented first line
    return not (full_line or first_line)


def _title_rule(texts: Sequence[str], block: TitleBlock, k: int) -> str:
    if block.byline is None:
        return "title: letter-spaced last line with no byline, not a known column"
    if k == block.titles[-1]:
        return "title: line right above the byline"
    return "title: title-like line above a title line"


def _header_rule(texts: Sequence[str], i: int, context: PageContext) -> str:
    name = despace(texts[i])
    if i == 0:
        return "header: spaced column name opening the page"
    if name in context.columns:
        return "header: spaced name repeating a column seen before (running head)"
    return "header: spaced column name outside a title block"


def _editor_note_lines(texts: Sequence[str], i: int, widths: tuple[float, float]) -> int:
    """How many lines the editor's note opened at line i runs over.

    An editor's note is set across the page: it runs while lines are wide, takes the short last
    line of a paragraph (after a wide line that does not end a sentence), and goes on to another
    paragraph only where a wide line follows. A note on a page too narrow to tell (no wide
    lines) ends at its first paragraph's end.
    """

    def wide(text: str) -> bool:  # wider than any line of a column: set across the page
        return display_width(text) > (widths[0] or DEFAULT_WIDTHS[0]) + 2 * WIDTH_TOLERANCE

    if not wide(texts[i]):
        j = i
        while j + 1 < len(texts) and not (is_column_header(texts[j + 1]) or is_structural(texts[j + 1])):
            if ends_paragraph(texts[j], texts[j + 1], block_width(texts[j], widths)):
                break
            j += 1
        return j - i + 1
    j = i
    while j + 1 < len(texts):
        nxt = texts[j + 1]
        if is_column_header(nxt) or is_structural(nxt):
            break
        if wide(nxt):
            j += 1
            continue
        if is_short_note_paragraph(texts, j + 1, widths):
            return j - i + 2  # a last paragraph of one short line
        if not wide(texts[j]) or ENDS_SENTENCE.search(texts[j]):
            break  # a column's text begins
        j += 1  # the short last line of the note's paragraph
    return j - i + 1


def is_short_note_paragraph(texts: Sequence[str], k: int, widths: tuple[float, float]) -> bool:
    """Whether line k, after an editor's note's sentence end, is the note's own last paragraph of
    one short line: it ends a sentence and is not set as a column paragraph's indented first
    line (an editor's note is not indented; the column text after it is)."""
    if k < 1 or k >= len(texts) or not ENDS_SENTENCE.search(texts[k - 1]) or not ENDS_SENTENCE.search(texts[k]):
        return False
    if is_column_header(texts[k]) or is_structural(texts[k]) or HEADING.match(texts[k]):
        return False
    column = widths[0] or DEFAULT_WIDTHS[0]
    return display_width(texts[k]) <= column + 2 * WIDTH_TOLERANCE and not starts_indented(texts[k], column)
