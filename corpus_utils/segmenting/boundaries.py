"""Where an article begins, and where a （上接…） block ends, when nothing on the page marks it.

A title block at a page's foot says an article begins on that page but not where: after an
author note or a cut if one stands above it, else at the page's top, unless the article running
on from the page before stopped mid-sentence. A （上接…） block ends at a note, a cut or a header,
or else where the interrupted article's sentence resumes or a new article's text begins. These
are the reducer's guesses, kept apart from the line handlers that act on them so each rule can
be read, and tuned, on its own; a record whose boundary was guessed says so.
"""

from __future__ import annotations

import itertools

from ..text.sentences import ENDS_SENTENCE
from .layout import EXCERPT_SOURCE, is_structural
from .paragraphs import HEADING, block_width, ends_paragraph, starts_indented
from .reducer_state import IssueState, PageReading
from .thresholds import FULL_PAGE_PLAY


def new_article_start(state: IssueState, r: PageReading) -> int | None:
    """Where the article whose title block ends this page begins.

    Articles start at the top of a page unless one ends mid-page: so at the page's first
    plain line, unless the open article stopped mid-sentence on the page before; then at
    the first paragraph after its end, or at the first line if none ends before the title.
    """
    plain = [
        i
        for i, c in enumerate(r.classes)
        if c.kind not in ("title", "byline", "header")
        and not is_structural(r.texts[i])
        and not EXCERPT_SOURCE.match(r.texts[i])
    ]
    rec = state.open
    titles = [i for i, c in enumerate(r.classes) if c.kind == "title"]
    closers = [i for i, c in enumerate(r.classes) if c.kind in ("note", "cut") and titles and i < titles[0]]
    if closers:
        # a note or a cut above the title block closes what ran on from before (the open
        # article, or a （上接…） block): the new article starts after it
        after = [i for i in plain if i > closers[-1]]
        block_above = any(c.kind == "continued" for c in r.classes[: closers[-1]])
        open_article = rec is not None and rec.kind == "article" and rec.author_note is None
        if after and (block_above or open_article):
            return after[0]
    if not plain or rec is None or rec.kind != "article" or not rec.body:
        return plain[0] if plain else None
    if ENDS_SENTENCE.search(rec.body[-1].text):
        # it ended a sentence where its last page ended: it ran on here only if that page was full
        if _page_full(state, rec.body_at[-1][0]):
            r.start_guessed = rec
        return plain[0]
    r.start_guessed = rec  # it stopped mid-sentence: where it ends here is a guess
    for a, b in itertools.pairwise(plain):
        if b == a + 1 and ends_paragraph(r.texts[a], r.texts[b], block_width(r.texts[a], r.widths)):
            return b
    return plain[0]


def next_article_start(r: PageReading, after: int) -> int | None:
    """Where the next of several articles starting on this page begins, when no note closes the
    one before: at the last paragraph start above the title blocks (a guess)."""
    foot = r.blocks[0][0] if r.blocks else len(r.texts)
    if any(r.classes[i].kind in ("note", "cut") for i in range(after + 1, foot)):
        return None  # a note or a cut will close the one before; the next begins after it
    plain = [i for i in range(after + 1, foot) if r.classes[i].kind == "body"]
    starts = [
        b
        for a, b in itertools.pairwise(plain)
        if b == a + 1 and ends_paragraph(r.texts[a], r.texts[b], block_width(r.texts[a], r.widths))
    ]
    return starts[-1] if starts else None


def block_end_reason(state: IssueState, r: PageReading, i: int, text: str) -> str | None:
    """Whether a （上接…） block ends before this line, and why (None: it goes on).

    A block usually ends at an author note or a header. Without them it ends where the
    interrupted article's sentence goes on (see ``_resumes_interrupted``), or, on a page where a
    new article begins, at the block's first paragraph end: the new article's text follows it.
    The latter is a guess, and the block's record says so; where the page says where its
    articles begin (a .fix.toml, a PDF's title block), the block runs on to that line.
    """
    if _resumes_interrupted(state, r, text):
        return "the interrupted article's sentence goes on after the （上接…） block"
    blk = r.block_open
    foot = r.blocks[0][0] if r.blocks else len(r.texts)
    closers = [k for k in range(i, foot) if r.classes[k].kind in ("note", "cut", "header")]
    if closers and (not r.new_here or any(r.classes[k].kind == "body" for k in range(closers[0] + 1, foot))):
        return None  # a note, cut or header further down ends the block (and leaves the new article text)
    if r.new_here and not r.opened and not r.explicit and blk is not None and blk.body:
        last = blk.body[-1]
        if ends_paragraph(last.text, text, last.width, prev_width=last.shown) and ENDS_SENTENCE.search(last.text):
            blk.guessed_end = True
            return "the （上接…） block's paragraph has ended and a new article begins on this page"
    return None


# internal functions ----------------------------------------------------------


def _resumes_interrupted(state: IssueState, r: PageReading, text: str) -> bool:
    """Whether a （上接…） block has ended and this line goes on with the article it interrupted.

    Without a note or header to end the block: the interrupted article stopped mid-sentence,
    the block's paragraph has just ended, and this line is not a new paragraph's indented
    first line nor a heading, so it cannot open one.
    """
    rec, blk = state.open, r.block_open
    if rec is None or blk is None or rec.kind != "article" or not rec.body or not blk.body:
        return False
    if ENDS_SENTENCE.search(rec.body[-1].text) or HEADING.match(text):
        return False
    last = blk.body[-1]
    if not ends_paragraph(last.text, text, last.width, prev_width=last.shown):
        return False
    return not starts_indented(text, last.width)


def _page_full(state: IssueState, index: int) -> bool:
    """Whether page ``index`` holds about as many lines as the issue's fullest pages: an article
    that ends a full page may run on over it; one that ends a short page ended there."""
    return state.page_sizes[index] >= state.full_page - FULL_PAGE_PLAY
