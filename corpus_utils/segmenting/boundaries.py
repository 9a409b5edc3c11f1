"""Where an article ends, and where a （上接…） block ends, when nothing on the page marks it.

These are the reducer's queries: each looks at the state and the page and answers, and none
changes either (the transitions act on the answers). A title block at a page's foot says an
article begins on that page but not where; ``next_article_start`` says where, by which rule,
and which other lines would fit. A （上接…） block ends at a note, a cut or a header; without
them ``block_end`` says where: where the article it interrupted goes on (a sentence or a word
left open, the next item of the same list), or where the page's new article begins. Every
guess names the lines it rejected, so a record whose boundary was guessed says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.sentences import ENDS_SENTENCE
from .paragraphs import DASH_ITEM, HEADING, BodyLine, block_width, breaks_before, ends_paragraph, starts_indented
from .record import Record
from .reducer_state import IssueState, PageReading, Start
from .thresholds import FULL_PAGE_PLAY

# Lines that close the open record: a new article's text can only begin after them.
CLOSERS = frozenset({"note", "cut", "editor_note", "excerpt_head"})
# The tail of a word a line break cut (公益岗 | 位。): a character or two, then a sentence end.
# No sentence of the genre is that short, so after a sentence end this goes on an open text.
WORD_TAIL = re.compile(r"^[\u3400-\u9fff]{1,2}[。；！？]")
# A list item opening a line: 一、 （一） 1. 第一， 一是 (its number), or a dash item.
_CN_DIGITS = "一二三四五六七八九十"
LIST_ITEM = re.compile(
    rf"^(?:(?P<cn>[{_CN_DIGITS}]{{1,3}})、|[（(](?P<paren>[{_CN_DIGITS}]{{1,3}})[）)]|(?P<digit>\d{{1,2}})[.．、](?!\d)"
    rf"|第(?P<di>[{_CN_DIGITS}]{{1,3}})[，,、：:步条]|(?P<shi>[{_CN_DIGITS}]{{1,3}})是|(?P<dash>[—―]{{2,}}))"
)


@dataclass(frozen=True)
class BlockEnd:
    """Whether a （上接…） block ends before a line, and what the line is then.

    ``ends`` False: the line is the block's. ``resume``: the record the block interrupted goes
    on at the line (else a new article begins there, or nothing is open). ``rule`` names a
    guess (a key of ``decisions.RULES``), with the lines it rejected.
    """

    ends: bool
    resume: bool = False
    why: str = ""
    rule: str | None = None
    rejected: tuple[int, ...] = ()


GOES_ON = BlockEnd(False)


def next_article_start(state: IssueState, r: PageReading, i: int) -> Start:
    """Where the next article of this page's title blocks begins, asked at body line i of the
    open record's text (the first line since the page began, or since a block ended).

    A note or a cut further down with text after it ends the open record, and the next article
    begins after it (a note with nothing after it is the new article's own) — unless the open
    article ended a sentence at the foot of an earlier page and more articles begin here than
    such notes leave room for: then the next begins at line i. Otherwise the open article ends
    at a paragraph end: the first one if it stopped mid-sentence, none (the new article begins
    at line i) if it ended a sentence at the foot of a page or before a block; a second article
    opened on the page gives the next its last paragraph start.
    """
    rec, foot = state.open, r.foot
    if rec is None or rec.kind != "article" or not rec.body:
        return Start(i, "nothing_runs_on")
    last = rec.body[-1]
    opens = bool(ENDS_SENTENCE.search(last.text)) and breaks_before(rec.body, _line(r, i))
    at_top = opens and rec not in r.opened and rec.body_at[-1][0] != r.page.index
    closers = [k for k in range(i + 1, foot) if r.classes[k].kind in CLOSERS]
    # each closer with text after it ends a record, and the next article begins after it
    slots = [k for n, k in enumerate(closers) if _text_between(r, k, closers[n + 1] if n + 1 < len(closers) else foot)]
    if slots and (len(slots) >= len(r.blocks) - len(r.opened) or not at_top):
        return Start(None, "closed_further_down")
    if slots:
        foot = closers[0]  # the next article begins above the first closer
    block_ahead = any(r.classes[k].kind == "continued" for k in range(i + 1, foot))
    later = paragraph_starts(r, i, foot)
    if rec in r.opened:
        fits = ([i] if opens else []) + later
        if not fits:
            return Start(None, "after_the_block" if block_ahead else "no_paragraph_start")
        return Start(fits[-1], "last_paragraph_start", tuple(reversed(fits[:-1])))
    if not opens:
        if not later:
            if block_ahead:
                return Start(None, "after_the_block")  # the open text goes on up to the block
            return Start(i, "no_paragraph_end")  # the article before is cut short: ends_mid_sentence says so
        return Start(later[0], "open_text_runs_to_paragraph_end", tuple(later[1:]))
    if at_top:
        if page_full(state, rec.body_at[-1][0]):
            return Start(i, "full_page_ended_it", tuple(later))
        return Start(i, "short_page_ended_it")
    return Start(i, "ended_before_block", tuple(later))


def block_end(state: IssueState, r: PageReading, i: int, text: str) -> BlockEnd:
    """Whether the （上接…） block being read ends before body line i (``text``), and why.

    A .fix.toml may say so. Else the block ends where its paragraph has ended and the line
    goes on with the record it interrupted (``resumes``); or, on a page where a new article
    begins and no note, cut or header ends the block further down, at its first paragraph end
    (a guess). Where the line could go on with the interrupted record but the block's reading
    was kept, the answer says so with the rule of that doubt.
    """
    blk, rec = state.block, state.open
    if i in r.resumes:
        return BlockEnd(True, True, "fix: the interrupted article resumes here")
    if i in r.starts:
        return BlockEnd(True, False, "fix: a new article begins here")
    if blk is None or not blk.body:
        return GOES_ON
    last = blk.body[-1]
    ended = breaks_before(blk.body, _line(r, i, text))
    live = rec is not None and rec.kind == "article" and bool(rec.body)
    if not ended:
        could_resume = live and ENDS_SENTENCE.search(last.text) and _left_open(rec)
        if could_resume and WORD_TAIL.match(text):
            return BlockEnd(True, True, "the interrupted article's word, left open, ends after the block")
        if could_resume and not _opens_paragraph(text, last.width) and not _note_ahead(r, i):
            return BlockEnd(False, rule="block_takes_open_line", rejected=(i,))
        return GOES_ON
    how = resumes(rec, blk, text) if live else None
    if how is not None:
        return BlockEnd(True, True, how)
    foot = r.foot
    closers = [k for k in range(i, foot) if r.classes[k].kind in ("note", "cut", "header", "continued")]
    body_after = closers and any(r.classes[k].kind == "body" for k in range(closers[0] + 1, foot))
    if closers and (not r.pending or body_after):
        return GOES_ON  # a note, cut or header further down ends the block (and leaves the new article text)
    if r.pending and not r.opened and not r.explicit and ENDS_SENTENCE.search(last.text):
        why = "the （上接…） block's paragraph has ended and a new article begins on this page"
        return BlockEnd(True, False, why, "block_ends_at_paragraph_end", tuple(paragraph_starts(r, i, foot)))
    if live and not _left_open(rec) and not _note_ahead(r, i):
        return BlockEnd(False, rule="block_takes_next_paragraph", rejected=(i,))
    return GOES_ON


def resumes(rec: Record, blk: Record, text: str) -> str | None:
    """Whether ``text``, after a （上接…） block's paragraph end, goes on with the record the block
    interrupted, and why (None: it does not).

    It does where that record's text was left open (a sentence or a word, or a paragraph whose
    last line ran full) and the line opens no paragraph; or where that record ended a paragraph
    and the line is the next item of the list it was in (（三） → （四）, 二是 → 三是, a dash
    item after a dash item) that the block's own text does not continue.
    """
    last = rec.body[-1]
    if _left_open(rec) or not breaks_before(rec.body, BodyLine(text, last.width)):
        if not _opens_paragraph(text, last.width):
            return "the interrupted article's text, left open, goes on after the （上接…） block"
        return None
    item = list_item(text)
    if item is None:
        return None
    theirs, ours = last_item(rec), last_item(blk)
    if theirs is None or theirs[0] != item[0] or (ours is not None and ours[0] == item[0]):
        return None
    if item[0] == "dash" or item[1] == theirs[1] + 1:
        return "the interrupted article's list goes on with its next item after the （上接…） block"
    return None


def paragraph_starts(r: PageReading, i: int, foot: int) -> list[int]:
    """The body lines after line i and above ``foot`` that begin a paragraph, up to the next
    （上接…） block (headers between two lines of text aside)."""
    out = []
    prev = i if r.classes[i].kind == "body" else None
    for k in range(i + 1, foot):
        kind = r.classes[k].kind
        if kind == "continued":
            break
        if kind == "header":
            continue
        if kind != "body":
            prev = None
            continue
        if prev is not None and ends_paragraph(r.texts[prev], r.texts[k], block_width(r.texts[prev], r.widths)):
            out.append(k)
        prev = k
    return out


def list_item(text: str) -> tuple[str, int] | None:
    """The style and number of a list item opening ``text`` (``（四）增加…`` → ("paren", 4)); a
    dash item is ("dash", 0)."""
    m = LIST_ITEM.match(text.strip())
    if m is None:
        return None
    style = m.lastgroup
    value = m.group(style)
    if style == "dash":
        return style, 0
    return style, int(value) if style == "digit" else _cn_number(value)


def last_item(rec: Record) -> tuple[str, int] | None:
    """The last list item that opens a line of a record's body, if any."""
    for line in reversed(rec.body):
        item = list_item(line.text)
        if item is not None:
            return item
    return None


def page_full(state: IssueState, index: int) -> bool:
    """Whether page ``index`` holds about as many lines as the issue's fullest pages: an article
    that ends a full page may run on over it; one that ends a short page ended there."""
    return state.page_sizes[index] >= state.full_page - FULL_PAGE_PLAY


# internal functions ----------------------------------------------------------


def _line(r: PageReading, i: int, text: str | None = None) -> BodyLine:
    """Line i of the page (or ``text``, the part of it a marker left) as a body line."""
    return BodyLine(r.texts[i] if text is None else text, block_width(r.texts[i], r.widths))


def _note_ahead(r: PageReading, i: int) -> bool:
    """Whether the first line after line i that is not body text is a note or a cut: the text up
    to it is the （上接…） block's, which the note or cut ends."""
    kinds = (r.classes[k].kind for k in range(i + 1, len(r.texts)))
    return next((kind for kind in kinds if kind != "body"), None) in ("note", "cut")


def _text_between(r: PageReading, a: int, b: int) -> bool:
    """Whether a body line stands between lines a and b (exclusive)."""
    return any(r.classes[k].kind == "body" for k in range(a + 1, b))


def _left_open(rec: Record) -> bool:
    """Whether a record's text stops inside a sentence."""
    return not ENDS_SENTENCE.search(rec.body[-1].text)


def _opens_paragraph(text: str, width: float) -> bool:
    """Whether a line has the shape of a paragraph's first line: a heading, a dash item, indented."""
    return bool(HEADING.match(text) or DASH_ITEM.match(text)) or starts_indented(text, width)


def _cn_number(text: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 二十三 → 23."""
    digits = [_CN_DIGITS.index(ch) + 1 for ch in text]
    if len(digits) == 1:
        return digits[0]
    if digits[0] == 10:
        return 10 + digits[1]
    return digits[0] * 10 + (digits[2] if len(digits) == 3 else 0)
