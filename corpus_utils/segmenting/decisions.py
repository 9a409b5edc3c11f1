"""The reducer's decisions it was unsure of, as data: what was chosen, by which rule, against what.

Where the text does not mark something (where an article ends when the next begins on its page,
where a （上接…） block ends, whether a line above a title is the title's, whether a paragraph
ends between two lines), the reducer takes the likelier reading and records a ``Decision``: the
record it shaped, the page and line it chose, the lines it could have chosen instead, and the
rule. Pieces that found no partner (a block no cut points to, a cut no block answers, a title
block with no text) are recorded the same way. ``Issue.decisions`` keeps them as a table; the
quality flags (``quality``), ``segment --explain`` and the tests read that table, never a
message's wording.

``RULES`` names every rule once: the flag it raises, its level, what it chose and what it
rejected (for the flag's text) and the ``.fix.toml`` entry that corrects it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from .record import Record

Fix = Literal["start", "resume", "line", "page_offset", "confirm"]


@dataclass(frozen=True)
class Rule:
    """A rule the reducer decides by where the text does not settle it."""

    flag: str  # the quality flag a decision by this rule raises
    level: Literal["problem", "doubt"]
    chose: str  # what was chosen, said of the record the flag is on
    rejected: str  # the reading it rejected
    fix: Fix  # the .fix.toml entry that sets the other reading
    kind: str = ""  # for a [[line]] fix: the class the rejected line gets


RULES: dict[str, Rule] = {
    # where an article ends when the next one begins on the same page
    "open_text_runs_to_paragraph_end": Rule(
        "guessed_boundary",
        "doubt",
        "the article before stopped mid-sentence on the page before; it was ended at the first paragraph end here",
        "it runs on to a later paragraph end",
        "start",
    ),
    "full_page_ended_it": Rule(
        "guessed_boundary",
        "doubt",
        "the article before ended a sentence at the foot of a full page; the new one was begun at this page's top",
        "the article before runs on to a paragraph end on this page",
        "start",
    ),
    "ended_before_block": Rule(
        "guessed_boundary",
        "doubt",
        "the article before ended a paragraph before a （上接…） block; the new one was begun after the block",
        "the article before resumes after the block",
        "start",
    ),
    "last_paragraph_start": Rule(
        "guessed_boundary",
        "doubt",
        "two articles begin on this page with no note between them; the second was begun at the last paragraph start",
        "it begins at an earlier paragraph start",
        "start",
    ),
    # where a （上接…） block ends
    "block_ends_at_paragraph_end": Rule(
        "guessed_boundary",
        "doubt",
        "a （上接…） block with no note was ended at its first paragraph end, where the page's new article was begun",
        "the block runs on to a later paragraph end",
        "start",
    ),
    "block_takes_next_paragraph": Rule(
        "interrupted_run",
        "doubt",
        "after a paragraph end in a （上接…） block, the next paragraph was read as the block's",
        "the article the block interrupted resumes there",
        "resume",
    ),
    "block_takes_open_line": Rule(
        "interrupted_run",
        "doubt",
        "a （上接…） block ended a sentence on a full line and the next line was read as the block's",
        "the article the block interrupted (left mid-sentence) resumes there",
        "resume",
    ),
    # titles and paragraphs
    "line_above_title_is_body": Rule(
        "title_uncertain",
        "doubt",
        "the unpunctuated line right above the title was read as body text",
        "it is the title's first line",
        "line",
        "title",
    ),
    "full_line_above_title_is_title": Rule(
        "title_uncertain",
        "doubt",
        "a line as wide as the column's lines, right above a title line, was read as the title's first line",
        "it is the last body line of the text above",
        "line",
        "body",
    ),
    "editor_note_takes_short_line": Rule(
        "guessed_boundary",
        "doubt",
        "an editor's note set across the page took the short, unindented line after it as its last paragraph",
        "that line opens the column's first article",
        "start",
    ),
    "paragraph_joined": Rule(
        "paragraphs_uncertain",
        "doubt",
        "a sentence ends a full line and the next line is too short to show an indent: one paragraph was read",
        "a paragraph ends there",
        "confirm",
    ),
    "paragraph_broken": Rule(
        "paragraphs_uncertain",
        "doubt",
        "a sentence ends a full line and the next line is too short to show an indent: a new paragraph was read",
        "the paragraph goes on",
        "confirm",
    ),
    # pieces that found no partner
    "block_without_cut": Rule(
        "unmatched_continuation",
        "problem",
        "a （上接…） block that no （下转…） cut points to was kept as leftovers",
        "it continues an article whose cut the page offset or the extraction lost",
        "page_offset",
    ),
    "cut_without_block": Rule(
        "unmatched_continuation",
        "problem",
        "the article says it goes on at another page, but no （上接…） block was found there",
        "its continuation is on that page without a marker",
        "page_offset",
    ),
    "title_without_text": Rule(
        "title_without_text",
        "problem",
        "a title block had no article text on its page and was kept as leftovers",
        "its article's text is on the page, read as another record's",
        "start",
    ),
}


@dataclass(frozen=True)
class Decision:
    """One choice the reducer was unsure of, or a piece that found no partner."""

    rule: str  # a key of RULES
    record: Record | None  # the record whose text the choice shaped (None: the leftovers)
    page: int  # page index of the place chosen
    line: int  # line number of the place chosen
    other: Record | None = None  # the record on the other side of a boundary
    rejected: tuple[int, ...] = ()  # line numbers of the other places that fit, nearest first

    def __post_init__(self) -> None:
        if self.rule not in RULES:
            raise ValueError(f"unknown rule {self.rule!r}")


DECISION_COLUMNS = [
    "article_id",
    "other_id",
    "rule",
    "flag",
    "level",
    "page",
    "line",
    "text",
    "rejected",
    "rejected_text",
]
