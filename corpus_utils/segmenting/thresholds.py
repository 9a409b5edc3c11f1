"""Every number the segmenter decides by, in one place, with the reason for its value.

Widths are in em (a Hanzi is 1, ASCII and CJK punctuation ½, see ``chars.display_width``).
The magazine sets body text in two columns about 18 em wide and full-page pieces (卷首语,
leaders' excerpts, editor's notes) about 37 em wide; the extractor writes one printed line
per text line.
"""

from __future__ import annotations

# -- line widths ---------------------------------------------------------------------------
# Lines at least this wide belong to a full-page block: wider than any column line (18 em)
# with room for ASCII, narrower than the shortest full-page line that is not a paragraph's end.
WIDE = 24.0
# Lines narrower than this say nothing about the column width (titles, paragraph ends).
MIN_MEASURED = 10.0
# A page with fewer lines of a kind than this borrows the width for that kind.
MIN_LINES_TO_MEASURE = 8
# A page's measured width within this of the is the width, measured on more lines.
PAGE_WIDTH_PLAY = 1.0
# The magazine's column and page widths, for an issue too short to measure its own.
DEFAULT_WIDTHS = (18.0, 37.5)
# Justified lines vary by this much (a half-width comma, a number set narrow).
WIDTH_TOLERANCE = 1.25
# A paragraph's first line is indented by two em.
INDENT = 2.0
# A line shorter than this share of the block width ends its paragraph whatever it ends with.
SHORT_LINE = 0.6
# Whether a paragraph ends before a line is judged on this many lines before it (whether the
# line before opens its paragraph, and so is indented, depends on the lines before that).
BREAK_CONTEXT = 6

# -- pages -------------------------------------------------------------------------------
# A full page holds as many lines as this share of the pages reach or pass...
FULL_PAGE_QUANTILE = 0.75
# ...less this many: pages of one issue differ by a line or two (a heading, a wrapped title).
FULL_PAGE_PLAY = 3

# -- title blocks ------------------------------------------------------------------------
# A title line is at most this many characters; the longest of the seed has 21.
MAX_TITLE_CHARS = 26
# A title block holds at most this many title lines above its byline.
MAX_TITLE_LINES = 3
# A third title line this close to the full width is a body line running on.
THIRD_TITLE_MARGIN = 3.0
# A body line running on from the line above fills the column to within this margin.
FULL_LINE_MARGIN = 1.0
# A paragraph's indented first line is between these margins short of the full width.
INDENTED_MARGINS = (1.375, 3.25)
# A spaced line at a page's foot with no byline under it is a title (the 卷首语's) when it has
# at least this many characters and names no column seen before: no column name is that long.
MIN_BARE_SPACED_TITLE = 7

# -- bylines -------------------------------------------------------------------------------
# A byline is at most this many characters (three organisations, or three names with roles).
MAX_BYLINE_CHARS = 30
# A Chinese personal name has 2–4 characters (a compound surname 3–5).
PERSON_NAME_CHARS = (2, 4)
COMPOUND_NAME_CHARS = (3, 5)
# Letter-spaced names: a run of this many single Hanzi is one name (邵 壮, 王 晓 东); a run of
# four or six is two or three padded two-character names (李 强 何 伟).
SPACED_NAME_RUN = (2, 3)

# -- column headers ------------------------------------------------------------------------
# A column header is 2–6 letter-spaced Hanzi (专 题, 部 长 笔 谈) or two spaced pairs (农村 党建).
HEADER_CHARS = (2, 6)

# -- notes, excerpts -----------------------------------------------------------------------
# An author note wraps over at most this many lines before its closing bracket.
MAX_NOTE_LINES = 4
# A line finishing a wrapped excerpt title or source line is at most this long.
MAX_TAIL_CHARS = 15

# -- quality flags (quality.py) -------------------------------------------------------------
# A typical article has 1,500–5,000 characters and the shortest correctly read one in the
# seed has 660 (the 卷首语); under 150 an "article" has almost surely lost its start to the
# record before it, or is a stray caption read as a title.
SHORT_CHARS = 150

# A record more than 3× the median of its column (same kind) is usually two articles run
# together (a missed title). Correct records in the seed stay under 2.4× (the longest
# excerpt against the other excerpts), so 3 leaves room for honest variation.
LONG_FACTOR = 3.0

# The median of fewer than 2 other records is one record's length, not a column norm.
MIN_COLUMN_RECORDS = 2

# A doubt is shown by default when records raising it came back wrong at least this often on
# generated issues (decision_flags.P_WRONG): below it, a reader looking at every doubt would
# mostly find records read right.
SHOW_DOUBTS_FROM = 0.3

# Leftovers are text the segmenter could place nowhere (stray lines, captions). The seed
# leaves 0.2% of its characters; over 1% means whole paragraphs went missing from bodies.
LEFTOVER_SHARE = 0.01
