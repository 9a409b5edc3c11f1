"""The segmenter's products: records (articles, excerpts, editor's notes) and fragments.

A ``Record`` is built up page by page, so it is mutable; it has identity (two records with the
same text are still two records), which is why it is compared by ``is``, never by value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from ..text.chars import display_width
from ..text.sentences import ENDS_SENTENCE
from .layout import despace, title_from_lines
from .paragraphs import BodyLine, join_paragraphs, paragraphs_and_doubts
from .thresholds import WIDE

Kind = Literal["article", "excerpt", "editor_note"]
KINDS: tuple[Kind, ...] = ("article", "excerpt", "editor_note")


@dataclass(frozen=True)
class Fragment:
    """A piece of the issue that is not body text, or that fits no article."""

    page: int  # page index
    line: int  # line number in the file
    role: str  # header, title, byline, note, marker, label, excerpt_head, source, leftover
    text: str
    record: Record | None = None  # the record it belongs to, where it belongs to one


@dataclass(eq=False)
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
    corrections: list[str] = field(default_factory=list)  # what a .fix.toml changed
    merged_into: Record | None = None  # a .fix.toml said this record goes on another
    headed: bool = False  # a column header stood on one of its pages while it was open
    confirmed: bool = False  # a .fix.toml says it was read right: no flag is raised on it

    def add(self, page: int, line: int, text: str, width: float, *, measure: float | None = None) -> None:
        if not text.strip():
            return
        last = self.body[-1] if self.body else None
        across = last is not None and last.width >= WIDE and display_width(text) < WIDE
        # the short last line of a paragraph set across the page, here or over the page break
        if across and (self.pages[-1] == page or not ENDS_SENTENCE.search(last.text)):
            width = last.width
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

    def paragraph_doubts(self) -> list[tuple[int, int, bool]]:
        """Where its text cannot tell whether a paragraph ends: (page, line number, whether a
        paragraph was ended there) of the line after each such place."""
        return [(*self.body_at[k], ends) for k, ends in paragraphs_and_doubts(self.body)[1]]

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
    trace: list = field(default_factory=list)  # reducer_state.TraceLine per line, for segment --explain
    decisions: list = field(default_factory=list)  # decisions.Decision: the choices the text did not settle

    @property
    def merged(self) -> list[Record]:
        """Records a correction merged into others (their fragments belong to those)."""
        out = []
        for f in self.metadata:
            rec = f.record
            if rec is not None and rec.merged_into is not None and rec not in out:
                out.append(rec)
        return out
