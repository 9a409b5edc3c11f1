"""The reducer's state, its trace, and the writes every line handler makes to them.

``IssueState`` is what the reducer carries from page to page, ``PageReading`` what it knows
about the page at hand, ``TraceLine`` one line as it was read. A handler changes the state only
through the functions here (a new record, a metadata fragment, a leftover, a trace line), so
every line ends up in exactly one place and in the trace. The types are their own room because
the reducer's steps (``reduce``, ``line_handlers``, ``boundaries``, ``stitch``) all share them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .classify import LineClass, LineKind
from .pages import Page, PageOffset
from .record import Fragment, Kind, Record


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
    open: Record | None = None  # the record body text flows into
    page_sizes: dict[int, int] = field(default_factory=dict)  # lines per page index
    full_page: int = 0  # lines on a full page of this issue
    trace: list[TraceLine] = field(default_factory=list)

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


@dataclass
class PageReading:
    """What the reducer knows about the page it is reading."""

    page: Page
    texts: list[str]
    classes: list[LineClass]
    widths: tuple[float, float]
    blocks: list[list[int]]  # the title blocks at the page's foot (line indices), each opens an article
    first_header: int | None  # index of the page's first column header
    start_at: int | None = None  # where the first new article's text begins
    next_start: int | None = None  # where a later one begins, when nothing closes the one before
    block_open: Record | None = None  # a （上接…） block never runs past its page
    opened: list[Record] = field(default_factory=list)  # the articles opened on this page
    forced: bool = False  # an article starts at the next body line (a .fix.toml, or the PDF, says so)
    explicit: bool = False  # the page's article starts are given: the rules do not guess them
    closed_at_header: Record | None = None  # the article a new column's header opening the page closed
    start_guessed: Record | None = None  # the open article, when nothing marks where it ends on this page

    @property
    def new_here(self) -> bool:
        """Whether an article of this page's title blocks is still to be opened."""
        return self.forced or len(self.opened) < len(self.blocks)

    @property
    def started(self) -> Record | None:
        return self.opened[0] if self.opened else None


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
    rec = Record(kind, (r.page.index, r.page.lines[i].number))
    rec.headed = state.header_page == r.page.index
    rec.touch(r.page.index)
    state.records.append(rec)
    return rec


def add_metadata(
    state: IssueState, r: PageReading, i: int, role: str, text: str, rec: Record | None = None, *, trace: bool = True
) -> None:
    """Keep line i (or ``text``, a part of it) as metadata of ``rec`` in ``role``, and trace it."""
    state.metadata.append(Fragment(r.page.index, r.page.lines[i].number, role, text, rec))
    if trace:
        add_trace(state, r, i, f"{role}" + (f" of record {record_label(state, rec)}" if rec is not None else ""))


def add_leftover(state: IssueState, r: PageReading, i: int, text: str, why: str) -> None:
    """Keep ``text`` of line i as a leftover, and trace why no record took it."""
    state.leftovers.append(Fragment(r.page.index, r.page.lines[i].number, "leftover", text))
    add_trace(state, r, i, f"LEFTOVER: {why}")


def add_trace(state: IssueState, r: PageReading, i: int, action: str) -> None:
    """Write line i, its class and rule, and what was done with it to the trace."""
    cls = r.classes[i]
    state.trace.append(TraceLine(r.page.index, r.page.lines[i].number, r.texts[i], cls.kind, cls.rule, action))


def record_label(state: IssueState, rec: Record | None) -> str:
    """How the trace names a record: ``#3``, ``（上接12页） block``, or ``—`` for none."""
    if rec is None:
        return "—"
    if rec in state.blocks:
        return f"（上接{rec.continued_from}页） block"
    return f"#{next(k for k, x in enumerate(state.records, start=1) if x is rec)}"
