"""Pages → article records: titles, bylines, columns, printed pages and stitched bodies.

One pass over the pages in file order, line by line, keeps an open record that body text
flows into. A title block at the end of a page opens a new article on that page; an author
note, a ``（下转 N页）`` cut, an editor's note or an excerpt closes one. A ``（上接 N页）``
block is collected apart and stitched to the article cut on page N once all pages are read.
Every line goes to a record's body, to the metadata list or to the leftovers.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Literal

from .columns import assign_columns
from .layout import (
    AUTHOR_NOTE,
    EDITOR_NOTE,
    EXCERPT_HEAD,
    EXCERPT_SOURCE,
    byline_authors,
    despace,
    find_title_block,
    is_column_header,
    is_continuation_line,
    is_excerpt_head,
    is_structural,
    title_from_lines,
)
from .pages import DOWN_MARKER, UP_MARKER, Page, PageOffset
from .paragraphs import (
    DEFAULT_WIDTHS,
    HEADING,
    TERMINAL,
    WIDE,
    BodyLine,
    block_width,
    display_width,
    ends_paragraph,
    join_paragraphs,
    line_widths,
    starts_indented,
    tidy_spacing,
)

Kind = Literal["article", "excerpt", "editor_note"]


@dataclass(frozen=True)
class Fragment:
    """A piece of the issue that is not body text, or that fits no article."""

    page: int  # page index
    line: int  # line number in the file
    role: str  # header, title, byline, note, marker, label, excerpt_head, source, leftover
    text: str
    article: int | None = None  # index into the records, where it belongs to one


@dataclass
class Record:
    """One article, excerpt or editor's note as the segmenter builds it."""

    kind: Kind
    start: tuple[int, int]  # (page index, line number) where it begins
    title_lines: list[str] = field(default_factory=list)
    title_joined: bool = False  # wrapped title lines are joined without a space
    authors: list[str] = field(default_factory=list)
    author_note: str | None = None
    column: str | None = None
    body: list[BodyLine] = field(default_factory=list)
    body_at: list[tuple[int, int]] = field(default_factory=list)  # (page, line) of each body line
    pages: list[int] = field(default_factory=list)  # page indices in reading order
    cut: tuple[int, int] | None = None  # (page index of the cut, printed page it continues on)
    continued_from: int | None = None  # for a （上接 N页） block: N
    cut_taken: bool = False  # a （上接…） block has been stitched to the cut

    def add(self, page: int, line: int, text: str, width: float, *, measure: float | None = None) -> None:
        if not text.strip():
            return
        if self.body and self.body[-1].width >= WIDE and display_width(text) < WIDE and self.pages[-1] == page:
            width = self.body[-1].width  # the short last line of a paragraph set across the page
        self.body.append(BodyLine(text, width, measure))
        self.body_at.append((page, line))
        self.touch(page)

    def touch(self, page: int) -> None:
        if not self.pages or self.pages[-1] != page:
            self.pages.append(page)

    @property
    def title(self) -> str | None:
        if not self.title_lines:
            return None
        if self.title_joined:
            return "".join(despace(t) for t in self.title_lines)
        return title_from_lines(self.title_lines)

    def text(self) -> str:
        return "\n".join(join_paragraphs(self.body))

    def page_starts(self) -> list[tuple[int, int]]:
        """(offset among the text's non-whitespace characters, page index) where each page's
        part of the body begins, in reading order: tells the page of any place in the text."""
        out: list[tuple[int, int]] = []
        pos = 0
        for body, (page, _) in zip(self.body, self.body_at, strict=True):
            if not out or out[-1][1] != page:
                out.append((pos, page))
            pos += len(re.sub(r"\s", "", body.text))
        return out


@dataclass
class Segmentation:
    """What the segmenter found: records in reading order, metadata, leftovers and warnings."""

    records: list[Record]
    metadata: list[Fragment]
    leftovers: list[Fragment]
    warnings: list[str]


def segment_articles(pages: list[Page], offset: PageOffset, *, source: str = "<issue>") -> Segmentation:
    """Rebuild the issue's records from its pages (see the module docstring for the rules)."""
    widths = line_widths([ln.text for p in pages for ln in p.lines], fallback=DEFAULT_WIDTHS)
    seg = _Segmenter(offset, source, widths)
    for page in pages:
        seg.read_page(page)
    return seg.finish()


# internal functions ----------------------------------------------------------


class _Segmenter:
    def __init__(self, offset: PageOffset, source: str, widths: tuple[float, float]) -> None:
        self.offset = offset
        self.issue_widths = widths  # for pages with too few lines to measure their own
        self.source = source
        self.records: list[Record] = []
        self.blocks: list[Record] = []  # （上接…） blocks waiting for their article
        self.metadata: list[Fragment] = []
        self.leftovers: list[Fragment] = []
        self.headers: list[tuple[int, int, str]] = []  # (page, line, column)
        self.warnings: list[str] = []
        self.open: Record | None = None

    # -- one page -------------------------------------------------------------

    def read_page(self, page: Page) -> None:
        texts = [ln.text for ln in page.lines]
        widths = line_widths(texts, fallback=self.issue_widths)
        block = find_title_block(texts, widths[0] or widths[1])
        in_block = block.indices if block else set()
        trailing = set(block.trailing_headers) if block else set()
        headers_at = [i for i, t in enumerate(texts) if is_column_header(t) and i not in in_block | trailing]
        self.block_open: Record | None = None  # a （上接…） block never runs past its page
        self.started: Record | None = None
        self.page, self.texts, self.widths = page, texts, widths
        self.new_here = block is not None
        self.first_header = headers_at[0] if headers_at else None
        self.start_at = self._new_article_start(in_block | trailing) if block is not None else None
        i = 0
        while i < len(texts):
            i = self._read_line(i, in_block)
        if block is not None:
            self._title_block(block)

    def _read_line(self, i: int, in_block: set[int]) -> int:
        text, line = self.texts[i], self.page.lines[i].number
        nxt = self.texts[i + 1] if i + 1 < len(self.texts) else None
        if i in in_block:
            return i + 1  # stored with its article once the page is read
        if is_column_header(text):
            self._meta(line, "header", text)
            self.headers.append((self.page.index, line, "".join(text.split())))
            self.block_open = None
            return i + 1
        if EDITOR_NOTE.match(text):
            return self._editor_note(i)
        if is_excerpt_head(text, nxt):
            return self._excerpt_head(i)
        if EXCERPT_SOURCE.match(text) and self.open is not None and self.open.kind == "excerpt":
            return self._excerpt_source(i)
        m = UP_MARKER.match(text)
        if m:
            self._meta(line, "marker", m.group(0))
            self.block_open = Record("article", (self.page.index, line), continued_from=int(m.group(1)))
            self.blocks.append(self.block_open)
            self._body(i, text[m.end() :])
            return i + 1
        if AUTHOR_NOTE.match(text):
            return self._author_note(i)
        m = DOWN_MARKER.search(text)
        if m is None:
            self._body(i, text)
            return i + 1
        self._body(i, text[: m.start()])
        self._meta(line, "marker", m.group(0))
        target = self.block_open or self.open
        if target is not None:
            target.cut = (self.page.index, int(m.group(1)))
        self._body(i, text[m.end() :])
        self.block_open, self.open = None, (None if target is self.open else self.open)
        return i + 1

    def _body(self, i: int, text: str) -> None:
        if not text.strip():
            return
        line = self.page.lines[i].number
        whole = self.texts[i]
        width = block_width(whole, self.widths)
        measure = None if text == whole else display_width(whole)  # a marker filled the rest
        if self.block_open is not None:
            if not self._resumes_interrupted(text):
                self.block_open.add(self.page.index, line, text, width, measure=measure)
                return
            self.block_open = None
        if self.new_here and self.started is None:
            if self.open is None and self.first_header is not None and i < self.first_header:
                self._leftover(line, text)  # stray text before the column header that opens the page
                return
            if self.open is None or self.start_at is None or i >= self.start_at:
                self.open = self.started = self._new("article", line)
        elif self.open is None:
            self._leftover(line, text)
            return
        self.open.add(self.page.index, line, text, width, measure=measure)

    def _resumes_interrupted(self, text: str) -> bool:
        """Whether a （上接…） block has ended and this line goes on with the article it interrupted.

        A block usually ends at an author note or a header. Without them: the interrupted
        article stopped mid-sentence, the block's paragraph has just ended, and this line is
        not a new paragraph's indented first line nor a heading, so it cannot open one.
        """
        rec, blk = self.open, self.block_open
        if rec is None or blk is None or rec.kind != "article" or not rec.body or not blk.body:
            return False
        if TERMINAL.search(rec.body[-1].text) or HEADING.match(text):
            return False
        last = blk.body[-1]
        if not ends_paragraph(last.text, text, last.width, prev_width=last.shown):
            return False
        return not starts_indented(text, last.width)

    def _new_article_start(self, skip: set[int]) -> int | None:
        """Where the article whose title block ends this page begins.

        Articles start at the top of a page unless one ends mid-page: so at the page's first
        plain line, unless the open article stopped mid-sentence on the page before; then at
        the first paragraph after its end, or at the first line if none ends before the title.
        """
        plain = [
            i
            for i, t in enumerate(self.texts)
            if i not in skip and not is_column_header(t) and not is_structural(t) and not EXCERPT_SOURCE.match(t)
        ]
        rec = self.open
        if not plain or rec is None or rec.kind != "article" or not rec.body:
            return plain[0] if plain else None
        if TERMINAL.search(rec.body[-1].text):
            return plain[0]
        for a, b in itertools.pairwise(plain):
            if b == a + 1 and ends_paragraph(self.texts[a], self.texts[b], block_width(self.texts[a], self.widths)):
                return b
        return plain[0]

    # -- structural lines -----------------------------------------------------

    def _title_block(self, block) -> None:
        rec = self.started
        lines = [self.page.lines[k] for k in block.titles]
        if rec is None:
            self.warnings.append(f"{self.source}: page {self._printed(self.page.index)}: a title with no article text")
            for ln in lines:
                self._leftover(ln.number, ln.text)
            if block.byline is not None:
                self._leftover(self.page.lines[block.byline].number, self.page.lines[block.byline].text)
            return
        aid = self.records.index(rec)
        rec.title_lines = [ln.text for ln in lines]
        for ln in lines:
            self.metadata.append(Fragment(self.page.index, ln.number, "title", ln.text, aid))
        if block.byline is not None:
            ln = self.page.lines[block.byline]
            rec.authors = byline_authors(ln.text) or []
            self.metadata.append(Fragment(self.page.index, ln.number, "byline", ln.text, aid))

    def _editor_note(self, i: int) -> int:
        j = i
        while j + 1 < len(self.texts):
            cur, nxt = self.texts[j], self.texts[j + 1]
            if is_column_header(nxt) or is_structural(nxt):
                break
            if ends_paragraph(cur, nxt, block_width(cur, self.widths)) and display_width(nxt) < WIDE:
                break
            j += 1
        self.open = None
        rec = self._new("editor_note", self.page.lines[i].number)
        label = EDITOR_NOTE.match(self.texts[i])
        self._meta(self.page.lines[i].number, "label", label.group(0), rec)
        rec.add(
            self.page.index,
            self.page.lines[i].number,
            self.texts[i][label.end() :],
            block_width(self.texts[i], self.widths),
        )
        for k in range(i + 1, j + 1):
            rec.add(self.page.index, self.page.lines[k].number, self.texts[k], block_width(self.texts[k], self.widths))
        self.open = None
        return j + 1

    def _excerpt_head(self, i: int) -> int:
        m = EXCERPT_HEAD.match(self.texts[i])
        rec = self._new("excerpt", self.page.lines[i].number)
        rec.authors, rec.title_lines, rec.title_joined = [m.group("name")], [m.group("title").strip()], True
        self._meta(self.page.lines[i].number, "excerpt_head", self.texts[i], rec)
        j = i + 1
        if j < len(self.texts) and is_continuation_line(self.texts[j]) and not EXCERPT_SOURCE.match(self.texts[j]):
            rec.title_lines.append(self.texts[j])
            self._meta(self.page.lines[j].number, "excerpt_head", self.texts[j], rec)
            j += 1
        self.open = rec
        return j

    def _excerpt_source(self, i: int) -> int:
        rec = self.open
        parts = [EXCERPT_SOURCE.sub("", self.texts[i])]
        self._meta(self.page.lines[i].number, "source", self.texts[i], rec)
        j = i + 1
        while j < len(self.texts) and is_continuation_line(self.texts[j]) and not is_excerpt_head(self.texts[j], None):
            parts.append(self.texts[j])
            self._meta(self.page.lines[j].number, "source", self.texts[j], rec)
            j += 1
        rec.author_note = tidy_spacing("".join(parts))
        self.open = None
        return j

    def _author_note(self, i: int) -> int:
        j = i
        while not re.search(r"[）)]\s*$", self.texts[j]) and j + 1 < len(self.texts) and j - i < 3:
            j += 1
        target = self.block_open or self.open
        for k in range(i, j + 1):
            self._meta(self.page.lines[k].number, "note", self.texts[k], target)
        note = re.sub(r"^[（(]|[）)]$", "", tidy_spacing("".join(self.texts[i : j + 1])))
        if target is not None:
            target.author_note = note
            target.touch(self.page.index)
        if target is self.block_open:
            self.block_open = None
        else:
            self.open = None
        return j + 1

    # -- bookkeeping ----------------------------------------------------------

    def _new(self, kind: Kind, line: int) -> Record:
        rec = Record(kind, (self.page.index, line))
        rec.touch(self.page.index)
        self.records.append(rec)
        return rec

    def _meta(self, line: int, role: str, text: str, rec: Record | None = None) -> None:
        aid = self._aid(rec)
        self.metadata.append(Fragment(self.page.index, line, role, text, aid))

    def _aid(self, rec: Record | None) -> int | None:
        if rec is None:
            return None
        if rec in self.blocks:
            return -1 - self.blocks.index(rec)  # resolved to the article once blocks are stitched
        return self.records.index(rec)

    def _leftover(self, line: int, text: str) -> None:
        self.leftovers.append(Fragment(self.page.index, line, "leftover", text))

    def _printed(self, index: int) -> int:
        return self.offset.printed(index)

    # -- after the last page --------------------------------------------------

    def finish(self) -> Segmentation:
        owners = self._stitch()
        self.metadata = [
            Fragment(f.page, f.line, f.role, f.text, owners.get(f.article, f.article)) for f in self.metadata
        ]
        assign_columns(self.records, self.headers, self.blocks)
        return Segmentation(self.records, self.metadata, self.leftovers, self.warnings)

    def _stitch(self) -> dict[int | None, int | None]:
        """Append every （上接 N页） block to the article cut on page N; return block id → article id."""
        owners: dict[int | None, int | None] = {}
        for b, blk in enumerate(self.blocks):
            here = self._printed(blk.start[0])
            cut_page = blk.continued_from - self.offset.offset
            targets = [r for r in self.records if r.cut == (cut_page, here)]
            if len(targets) != 1:
                # the caller's offset may disagree with the markers: match on the printed page alone
                targets = [r for r in self.records if r.cut and r.cut[1] == here and not r.cut_taken]
            if len(targets) != 1:
                self.warnings.append(
                    f"{self.source}: page {here}: no article continues here from page {blk.continued_from}; "
                    "its text is kept as leftovers"
                )
                for (page, line), body in zip(blk.body_at, blk.body, strict=True):
                    self.leftovers.append(Fragment(page, line, "leftover", body.text))
                owners[-1 - b] = None
                continue
            rec = targets[0]
            rec.cut_taken = True
            for body, (page, line) in zip(blk.body, blk.body_at, strict=True):
                rec.add(page, line, body.text, body.width, measure=body.measure)
            for page in blk.pages:
                rec.touch(page)
            rec.author_note = blk.author_note or rec.author_note
            owners[-1 - b] = self.records.index(rec)
        for rec in self.records:
            if rec.cut and not rec.cut_taken:
                self.warnings.append(
                    f"{self.source}: {rec.title or 'an article'} says it goes on at page {rec.cut[1]}, "
                    "but no （上接…） block was found there"
                )
        return owners
