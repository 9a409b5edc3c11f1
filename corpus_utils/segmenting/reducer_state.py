"""The reducer's state: its mode, what it carries from page to page and what it knows of a page.

The reducer is always in one of four modes (``Mode``): between records, in an article, in an
excerpt, or in a （上接…） continuation block (which keeps the record it interrupted, to resume
once the block ends). ``IssueState`` carries the mode and the records from page to page;
``PageReading`` is what it knows of the page at hand; ``TraceLine`` is one line as it was read.
The transitions (``transitions``) change the mode and the records, and only through the writes
here (a record, a metadata fragment, a leftover, a trace line, a decision), so every line ends
up in exactly one place and in the trace.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from .classify import LineClass, LineKind
from .decisions import Decision
from .pages import Page, PageOffset
from .record import Fragment, Kind, Record


class Mode(Enum):
    """Where the reducer is: what a body line it meets belongs to."""

    BETWEEN = "between records"  # no record open: text opens the page's new article, or is left over
    ARTICLE = "in an article"  # text goes on the open article
    EXCERPT = "in an excerpt"  # text goes on the open excerpt, until its source line
    BLOCK = "in a continuation block"  # text goes on the （上接…） block, until it ends


@dataclass
class IssueState:
    """What the reducer carries from page to page."""

    offset: PageOffset
    source: str
    issue_widths: tuple[float, float]  # for pages with too few lines to measure their own
    records: list[Record] = field(default_factory=list)
    blocks: list[Record] = field(default_factory=list)  # （上接…） blocks waiting for their article
    metadata: list[Fragment] = field(default_factory=list)
    leftovers: list[Fragment] = field(default_factory=list)
    headers: list[tuple[int, int, str]] = field(default_factory=list)  # (page, line, column)
    warnings: list[str] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    mode: Mode = Mode.BETWEEN
    open: Record | None = None  # the record text flows into; in a block, the one the block interrupted
    block: Record | None = None  # the （上接…） block being read (Mode.BLOCK)
    source_open: Record | None = None  # an excerpt whose source line the last page left unfinished
    page_sizes: dict[int, int] = field(default_factory=dict)  # lines per page index
    full_page: int = 0  # lines on a full page of this issue
    trace: list[TraceLine] = field(default_factory=list)
    numbers: dict[int, int] = field(default_factory=dict)  # id(record) → its place, for record_label

    @property
    def columns(self) -> frozenset[str]:
        return frozenset(name for _, _, name in self.headers)

    @property
    def column(self) -> str | None:
        """The last column header read."""
        return self.headers[-1][2] if self.headers else None

    @property
    def header_page(self) -> int | None:
        """The page index of the last column header read."""
        return self.headers[-1][0] if self.headers else None


@dataclass(frozen=True)
class Start:
    """Where the next article of a page's title blocks begins, and by which rule.

    ``line`` is None where nothing is decided yet: a note, a cut or a block further down the
    page comes first, and the article begins after it. ``rejected`` are the other lines it
    could begin at, nearest first: with none, nothing was guessed.
    """

    line: int | None
    rule: str
    rejected: tuple[int, ...] = ()


@dataclass
class PageReading:
    """What the reducer knows about the page it is reading."""

    page: Page
    texts: list[str]
    classes: list[LineClass]
    widths: tuple[float, float]
    blocks: list[list[int]]  # the title blocks at the page's foot (line indices), each opens an article
    first_header: int | None  # index of the column header that opens the page (only body text above it)
    starts: frozenset[int] = frozenset()  # lines where a new article begins (a .fix.toml, or the PDF, says so)
    resumes: frozenset[int] = frozenset()  # lines where an interrupted article resumes (a .fix.toml says so)
    opened: list[Record] = field(default_factory=list)  # the articles opened on this page
    force_open: bool = False  # the next text line opens an article (it starts at a line named in ``starts``)
    plan: Start | None = None  # where the next of the page's new articles begins, once looked for
    # decisions about the record that will begin at a line: (rule, the record on the other side, its line)
    doubts_at: dict[int, list[tuple[str, Record, int]]] = field(default_factory=dict)
    closed_at_header: Record | None = None  # the article a new column's header opening the page closed

    @property
    def pending(self) -> bool:
        """Whether an article of this page's title blocks is still to be opened."""
        return len(self.opened) < len(self.blocks)

    @property
    def explicit(self) -> bool:
        """Whether the page's article starts are given: the rules guess none of them."""
        return bool(self.starts)

    @property
    def foot(self) -> int:
        """Index of the first line of the page's title blocks (the page's length without any)."""
        return self.blocks[0][0] if self.blocks else len(self.texts)

    def line(self, i: int) -> int:
        """The line number in the file of the page's line i."""
        return self.page.lines[i].number


@dataclass(frozen=True)
class TraceLine:
    """One line as the segmenter read it: its class, the rule, and what was done with it."""

    page: int
    line: int
    text: str
    kind: LineKind
    rule: str
    action: str


def new_record(state: IssueState, r: PageReading, kind: Kind, i: int) -> Record:
    """A new record of ``kind`` beginning at line i of the page, appended to the issue's records."""
    rec = Record(kind, (r.page.index, r.line(i)))
    rec.headed = state.header_page == r.page.index
    rec.touch(r.page.index)
    state.records.append(rec)
    return rec


def add_metadata(
    state: IssueState, r: PageReading, i: int, role: str, text: str, rec: Record | None = None, *, trace: bool = True
) -> None:
    """Keep line i (or ``text``, a part of it) as metadata of ``rec`` in ``role``, and trace it."""
    state.metadata.append(Fragment(r.page.index, r.line(i), role, text, rec))
    if trace:
        add_trace(state, r, i, f"{role}" + (f" of record {record_label(state, rec)}" if rec is not None else ""))


def add_leftover(state: IssueState, r: PageReading, i: int, text: str, why: str) -> None:
    """Keep ``text`` of line i as a leftover, and trace why no record took it."""
    state.leftovers.append(Fragment(r.page.index, r.line(i), "leftover", text))
    add_trace(state, r, i, f"LEFTOVER: {why}")


def add_trace(state: IssueState, r: PageReading, i: int, action: str) -> None:
    """Write line i, its class and rule, and what was done with it to the trace."""
    cls = r.classes[i]
    state.trace.append(TraceLine(r.page.index, r.line(i), r.texts[i], cls.kind, cls.rule, action))


def add_decision(
    state: IssueState,
    r: PageReading,
    rule: str,
    record: Record | None,
    i: int,
    *,
    other: Record | None = None,
    rejected: tuple[int, ...] = (),
) -> None:
    """Record a choice made at line i of the page (``rejected``: the other lines that fit)."""
    lines = tuple(r.line(k) for k in rejected)
    state.decisions.append(Decision(rule, record, r.page.index, r.line(i), other, lines))


def record_label(state: IssueState, rec: Record | None) -> str:
    """How the trace names a record: ``#3``, ``（上接12页） block``, or ``—`` for none."""
    if rec is None:
        return "—"
    k = state.numbers.get(id(rec))
    moved = k is not None and (k >= len(state.records) or state.records[k] is not rec)
    if moved or len(state.numbers) != len(state.records):  # records added or taken since
        state.numbers = {id(x): j for j, x in enumerate(state.records)}
        k = state.numbers.get(id(rec))
    if k is None:  # not a record: a （上接…） block waiting for its article
        return f"（上接{rec.continued_from}页） block"
    return f"#{k + 1}"
