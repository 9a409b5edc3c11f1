"""Generated magazine PDFs that vary what real ones vary, each with its ground truth.

``make_pdf(seed, path, workdir, **options)`` writes a PDF and returns a ``PdfTruth``: every
column flow on every page in reading order (``columns``, lists of printed lines, so two
consecutive lines of one list are a junction a correct reader keeps adjacent), the printed
page numbers, and the running heads and feet that must not reach the body text.

Everything is drawn from the seed (``random.Random(f"pdfgen-{seed}")``, apart from the issue's
own generator); every knob can be forced by an option of the same name (see ``KNOBS``):

``style``
    ``browser`` (print to PDF: magazine name and column name in the top margin, page number in
    the footer, a rule under the head, titles large at the top of an article, two justified
    columns), ``ocr`` (the same pages as an OCR text layer: glyphs placed one by one with
    jitter, a size that wobbles per line, a space glyph after every line and between some
    characters), ``word`` (a main column and a sidebar a third wide, the gutter off centre,
    text flowing from the left column into the right), ``mixed`` (a full-width block, two
    columns, a full-width block again on one page; then full-width blocks and columns as the
    content asks).
``gutter`` (em, 0.8–2.5), ``hanging`` (a closing 。，”） at a justified line's end sticks into the
    gutter: a full em where the gutter is 1.5 em or more, else set half width),
``number_form`` (``NUMBER_FORMS``), ``number_at`` (top, bottom), ``number_align`` (centre, outer:
    alternating left/right, right), ``heads`` / ``feet`` (a running head with the magazine's
    name, a running foot with the issue), ``head_jitter`` (pt, the margin rows move up to this
    much per page), ``skip_opening_numbers`` (no number on a column's opening page),
``radicals`` (share of the characters that have a radical look-alike with the same glyph in
    Noto Sans SC written as the radical in the text layer: ⼈ for 人, ⻚ for 页),
``one_page`` (keep one page, one with a title when there is one), ``max_pages``,
``mid_titles`` (word and mixed: chance that an article starts under the end of the one before),
``sidebar_left`` (word: the narrow column on the left), ``leading`` (line pitch in body sizes,
    1.35–1.8: poppler's pdftotext keeps columns apart at 1.35 and interleaves them at 1.6),
``stream_order`` (``reading``: the content stream has the lines in reading order, margins
    first; ``rows``: top to bottom, left to right across the columns, as some producers write).
``column_leading`` (word, mixed: each column's leading this share more than the one on its left, so
    the columns' rows never line up), ``skew`` (ocr: degrees the scan is turned, the text layer
    following it), ``noise`` (ocr: rules and borders read as text, ``- ——卜 -——+一-—·卜``, in the
    margins), ``charts`` (word: a bar chart with its title and axis labels under the sidebar's
    text, beside the main column's last rows).

Content: ``browser`` and ``ocr`` set the pages of ``issuegen.generate_issue(seed)`` line for
line (the issue's column width, its full-width blocks, its title blocks placed above their
article's first lines, its column headers in the margin), so the PDF should segment into the
issue's records: ``PdfTruth.issue`` is that issue. ``word`` and ``mixed`` re-flow the issue's
records at other measures on pages of their own, and ``one_page``/``max_pages`` cut the issue:
then ``issue`` is None. Column headers (the issue's spaced column names, which the segmenter
needs at the start of a page's text) are printed in the margin and are one-line flows of
``columns``, not running heads.

The text layer (``pdfcanvas``): one glyph per character with its advance width (Noto Sans SC:
Hanzi and full-width punctuation 1 em, digits about 0.55 em, the space 0.224 em). A justified
line is stretched by character spacing (Tc: gaps of up to 0.35 em between glyph boxes); a line
too long for its measure (the issue measures punctuation as half an em, the font sets it full)
has its punctuation scaled narrower (Tz, down to half width: pdfminer's box shrinks, its
``size`` does not), then negative spacing (boxes overlap a little). Letter-spaced heads and
titles are wider gaps, a space between words a 0.5–1 em gap: no space glyph is written except
by the ``ocr`` style. The narrowest white between two columns' glyph boxes is
``PdfTruth.gutter_white`` (at least 0.3 em).
"""

from __future__ import annotations

import hashlib
import itertools
import math
import random
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import issuegen
from pdfcanvas import A4, PdfCanvas
from pdfmaker import truetype_font

STYLES = ("browser", "word", "ocr", "mixed")
NUMBER_FORMS = {
    "plain": "{n}",
    "dashes": "- {n} -",
    "dots": "·{n}·",
    "di_ye": "第{n}页",
    "of_total": "{n} / {total}",
}
MAGAZINES = ("组工通讯", "长白组工", "新长征·党建版", "组工天地", "北疆组工", "松花江组工")
HANG = set("。，、；：？！”’）》」』")  # closing marks that may hang at a line's end
SQUEEZE = set("。，、；：？！“”‘’（）《》「」『』")  # punctuation set narrower where a line is too long

TOP, BOTTOM = 84.0, 772.0  # the text area
HEAD_Y, FOOT_Y = 50.0, 806.0  # margin rows' baselines before jitter
MARGIN_SIZE = 9.0

# option → what make_pdf accepts (documented in the module docstring)
KNOBS = (
    "style",
    "gutter",
    "hanging",
    "number_form",
    "number_at",
    "number_align",
    "heads",
    "feet",
    "head_jitter",
    "skip_opening_numbers",
    "radicals",
    "one_page",
    "max_pages",
    "mid_titles",
    "sidebar_left",
    "leading",
    "stream_order",
    "column_leading",
    "skew",
    "noise",
    "charts",
)


@dataclass
class PdfTruth:
    """What a generated PDF shows, for judging a reader."""

    columns: list[list[str]]  # every flow on every page, in reading order
    page_numbers: list[int | None]  # printed number of each PDF page (None: none printed)
    running: list[str]  # texts of running heads and feet (never body text)
    issue: issuegen.GeneratedIssue | None = None  # the issue the pages set line for line
    seed: int = 0
    style: str = ""
    options: dict = field(default_factory=dict)  # every knob as drawn or forced
    page_flows: list[list[list[str]]] = field(default_factory=list)  # ``columns`` by page
    kinds: list[str] = field(default_factory=list)  # of each flow in ``columns``: header, title, wide, column
    running_pages: list[list[str]] = field(default_factory=list)  # running texts printed per page
    headers: list[list[str]] = field(default_factory=list)  # column headers printed in each page's margin
    radicals: int = 0  # characters written as radical code points in the text layer
    gutter_white: float | None = None  # pt: the narrowest white strip between two columns' glyph boxes

    @property
    def n_pages(self) -> int:
        return len(self.page_numbers)

    def junctions(self) -> list[tuple[str, str]]:
        return [(a, b) for flow in self.columns for a, b in itertools.pairwise(flow)]


# -- scoring a reader's text against the truth ---------------------------------------------


@dataclass
class Score:
    junctions: int
    kept: int
    running_printed: int
    running_found: int
    numbers: int  # pages with a printed number
    numbers_right: int
    numbers_wrong: int  # a number given for a page that differs from the printed one

    @property
    def junction_share(self) -> float:
        return self.kept / self.junctions if self.junctions else 1.0

    @property
    def leak_share(self) -> float:
        return min(self.running_found, self.running_printed) / self.running_printed if self.running_printed else 0.0


def _occurrences(body: str, running: str) -> int:
    """How often a running text stands in the body: whole, or a part of it between ``·``."""
    parts = [solid(p) for p in running.split("·") if len(p) >= 3]
    return max(body.count(p) for p in [solid(running), *parts])


def solid(text: str) -> str:
    """The text without whitespace, radical code points read as the ideographs they stand for."""
    return re.sub(r"\s+", "", text).translate(unradical_table())


def junctions_kept(truth: PdfTruth, text: str) -> tuple[int, int]:
    """(kept, all): junctions whose two lines stand whole and adjacent in ``text``, whitespace
    and newlines aside."""
    body = solid(text)
    pairs = truth.junctions()
    return sum(solid(a) + solid(b) in body for a, b in pairs), len(pairs)


def score(truth: PdfTruth, text: str, printed: dict[int, int] | None = None) -> Score:
    kept, n = junctions_kept(truth, text)
    body = solid(text)
    found = sum(_occurrences(body, r) for r in truth.running)
    numbers = right = wrong = 0
    for i, want in enumerate(truth.page_numbers):
        got = (printed or {}).get(i)
        if want is not None:
            numbers += 1
            right += got == want
            wrong += got is not None and got != want
    return Score(n, kept, sum(map(len, truth.running_pages)), found, numbers, right, wrong)


# -- radicals --------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def radical_pairs() -> dict[str, str]:
    """Unified ideograph → a radical code point (U+2E80–U+2FDF) that Noto Sans SC draws with the
    same glyph and that maps back to it (Unicode's EquivalentUnifiedIdeograph, or NFKC)."""
    from fontTools.ttLib import TTFont

    from corpus_utils.charts.fonts import font_path
    from corpus_utils.reading.textfile import lookalike_table

    cmap = TTFont(font_path(), lazy=True).getBestCmap()
    back: dict[str, str] = dict(lookalike_table())  # the project's table, derived from Unicode's data
    for cp in range(0x2F00, 0x2FD6):  # Kangxi radicals: NFKC knows them
        back.setdefault(chr(cp), unicodedata.normalize("NFKC", chr(cp)))
    pairs: dict[str, str] = {}
    for radical, unified in sorted(back.items(), key=lambda kv: -ord(kv[0])):  # prefer the Kangxi form
        if not 0x2E80 <= ord(radical) <= 0x2FDF or len(unified) != 1:
            continue
        glyph = cmap.get(ord(radical))
        if glyph is not None and glyph == cmap.get(ord(unified)):
            pairs[unified] = radical
    return pairs


@lru_cache(maxsize=1)
def unradical_table() -> dict[int, str]:
    return {ord(r): u for u, r in radical_pairs().items()}


# -- the issue's pages -----------------------------------------------------------------------


def issue_with_pages(seed: int) -> tuple[issuegen.GeneratedIssue, issuegen.Book]:
    """``generate_issue(seed)`` and the Book that laid it out, its body lines marked with
    ``first``/``last`` (a paragraph's first or last line) as the wrapper knew them."""
    captured = {}
    finish, body_lines = issuegen.Book.finish, issuegen.Book.body_lines

    def keep_book(self, s):
        gen = finish(self, s)
        captured["book"] = self
        return gen

    def mark_lines(self, wrapped, k, role="body", width=0.0):
        lines = body_lines(self, wrapped, k, role, width)
        for line, w in zip(lines, wrapped, strict=True):
            line.first, line.last = w.first, w.last
        return lines

    issuegen.Book.finish, issuegen.Book.body_lines = keep_book, mark_lines
    try:
        gen = issuegen.generate_issue(seed)
    finally:
        issuegen.Book.finish, issuegen.Book.body_lines = finish, body_lines
    return gen, captured["book"]


def printed_text(line: issuegen.Line, offset: int) -> str:
    """A line as the issue's text has it: label, text, marker."""
    text = line.label + line.text
    if line.marker is not None:
        mark = line.marker.render(offset)
        text = text + mark if line.marker.kind == "down" else mark + text
    return text


def page_texts(gen: issuegen.GeneratedIssue, book: issuegen.Book) -> list[list[str]]:
    """Each page's lines in the issue text's order (title blocks last, running head where the
    text has it): what ``gen.text`` holds, for checking the capture."""
    out = []
    for page in book.pages:
        lines = [printed_text(ln, gen.page_offset) for ln in page.all_lines()]
        if page.running_head is not None:
            lines = [*lines, page.running_head] if page.head_at_end else [page.running_head, *lines]
        out.append(lines)
    return out


# -- drawing ---------------------------------------------------------------------------------


@dataclass
class Drawn:
    """One printed line: where it stands and how it is set."""

    text: str  # as printed (the truth's form)
    x: float
    y: float  # baseline
    size: float
    width: float | None = None  # justify to this width
    measure: float | None = None  # the width it may take: squeezed (or its last mark hung) beyond that
    letter: float = 0.0  # letter spacing (pt) of a spaced head
    kind: str = "body"  # body, title, byline, head, margin
    band: int = -1  # the band of the page it is set in (title, full width or columns)
    col: int = -1  # its column in a band of columns, left to right


@dataclass
class PageSpec:
    lines: list[Drawn] = field(default_factory=list)
    flows: list[list[str]] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)  # of each flow: header, title, wide, column
    number: int | None = None
    running: list[str] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    has_title: bool = False
    rule: tuple[float, float, float] | None = None  # a rule under the head: x0, x1, y
    bars: list[tuple[float, float, float, float]] = field(default_factory=list)  # a chart's bars: x, y, w, h


class Metrics:
    """Advance widths of the subset font, in em."""

    def __init__(self, ttf: Path) -> None:
        from fontTools.ttLib import TTFont

        font = TTFont(ttf)
        upem = font["head"].unitsPerEm
        hmtx = font["hmtx"]
        self.adv = {chr(cp): hmtx[name][0] / upem for cp, name in font.getBestCmap().items()}

    def width(self, text: str, size: float, letter: float = 0.0) -> float:
        return sum(self.adv.get(c, 1.0) for c in text) * size + letter * max(len(text) - 1, 0)


def _chunks(text: str) -> tuple[list[str], float]:
    """A line's pieces between spaces and the letter spacing (em) of a spaced line: ``部 长 笔 谈``
    is one piece set wide, ``本刊记者 张三`` two pieces with a gap between."""
    parts = text.split()
    if len(parts) > 1 and all(len(p) == 1 for p in parts):
        return ["".join(parts)], 0.8
    return parts, 0.0


def _gap(a: str, b: str) -> float:
    """The gap (em) a space stands for between two pieces."""
    hanzi = re.compile(r"[\u3400-\u9fff]")
    return 1.0 if hanzi.match(a[-1]) and hanzi.match(b[0]) else 0.5


def line_width(m: Metrics, text: str, size: float) -> float:
    parts, letter = _chunks(text)
    w = sum(m.width(p, size, letter * size) for p in parts)
    return w + sum(_gap(a, b) * size for a, b in itertools.pairwise(parts))


class Renderer:
    """Draws PageSpecs; the ocr style places glyphs one by one, as OCR layers do."""

    def __init__(self, ttf: Path, metrics: Metrics, knobs: dict, rng: random.Random) -> None:
        self.m, self.knobs, self.rng = metrics, knobs, rng
        self.ocr = knobs["style"] == "ocr"
        self.pdf = PdfCanvas(A4)
        self.pdf.add_font("noto", ttf)
        self.radicals = 0
        self.extents: dict[tuple[int, int, int], list[float]] = {}  # (page, band, col) → ink x0, x1
        self.lowest = 0.0  # the lowest baseline of the text area's lines
        self.page_no = 0

    def layer(self, text: str) -> str:
        """The text as the text layer writes it: some characters as radical code points."""
        share, pairs = self.knobs["radicals"], radical_pairs()
        if not share:
            return text
        out = []
        for c in text:
            if c in pairs and self.rng.random() < share:
                out.append(pairs[c])
                self.radicals += 1
            else:
                out.append(c)
        return "".join(out)

    def page(self, spec: PageSpec) -> None:
        self.pdf.add_page()
        self.page_no = self.pdf.page
        if spec.rule is not None:
            x0, x1, y = spec.rule
            self.pdf.set_line_width(0.5)
            self.pdf.line(x0, y, x1, y)
        for bar in spec.bars:
            self.pdf.fill_rect(*bar)
        if self.ocr and self.knobs["noise"]:  # the rule and the borders, read as text by OCR
            for k, text in enumerate(self.rng.sample(NOISE, 2)):
                y = HEAD_Y + 14 if k == 0 else FOOT_Y - 16
                x = A4[0] / 2 - 60 + self.rng.uniform(-40, 40)
                for c in text:
                    self.glyph(c, x, y + self.rng.uniform(-0.6, 0.6), MARGIN_SIZE)
                    x += MARGIN_SIZE * (0.6 if c.isascii() else 1.0)
        lines = spec.lines
        if self.knobs["stream_order"] == "rows":
            lines = sorted(lines, key=lambda d: (round(d.y), d.x))
        for d in lines:
            x0, x1 = self.line(d)
            if d.col >= 0:
                ext = self.extents.setdefault((self.page_no, d.band, d.col), [x0, x1])
                ext[:] = [min(ext[0], x0), max(ext[1], x1)]
            if d.kind != "margin":
                self.lowest = max(self.lowest, d.y)

    def gutter_white(self) -> float | None:
        """The narrowest white between two columns of a band anywhere in the document (pt)."""
        gaps = [
            self.extents[(p, b, c + 1)][0] - x1
            for (p, b, c), (_, x1) in self.extents.items()
            if (p, b, c + 1) in self.extents
        ]
        return min(gaps) if gaps else None

    def line(self, d: Drawn) -> tuple[float, float]:
        """Draw a line; the left and right edge of its glyph boxes."""
        size = d.size * (1 + self.rng.uniform(-0.03, 0.03)) if self.ocr and d.kind == "body" else d.size
        parts, letter = _chunks(d.text)
        letter = d.letter or letter * size
        if len(parts) == 1 and len(parts[0]) > 2 and d.measure is not None:
            natural = self.m.width(parts[0], size)
            if d.width is not None or natural > d.measure:
                runs, end = self.set_to(parts[0], d.x, size, d.width or d.measure, d.width is not None)
                self.draw(runs, d.y, size)
                return d.x, end
        x, runs = d.x, []
        for k, part in enumerate(parts):
            if k:
                x += _gap(parts[k - 1], part) * size
            runs.append((part, x, letter, 100.0))
            x += self.m.width(part, size, letter)
        self.draw(runs, d.y, size)
        return d.x, x

    def set_to(self, text: str, x: float, size: float, width: float, stretch: bool) -> tuple[list, float]:
        """Runs (text, x, character spacing, horizontal scaling) that set a line to ``width``: a
        short line justified by spacing (``stretch``), a long one squeezed at its punctuation
        first, as CJK typesetting does (their glyphs scaled down to half width), then by negative
        spacing (the glyph boxes then overlap a little);
        a closing mark that overflows hangs beyond the measure (``hanging``). And the right edge."""
        natural = self.m.width(text, size)
        body, mark = text, ""
        if natural > width + 0.05 * size and text[-1] in HANG and self.knobs["hanging"]:
            body, mark = text[:-1], text[-1]
        need = self.m.width(body, size) - width
        runs: list[tuple[str, float, float, float]] = []
        if need <= 0:
            tc = -need / (len(body) - 1) if stretch else 0.0
            if tc > 0.35 * size:  # a short line: set as it comes
                tc = 0.0
            runs.append((body, x, tc, 100.0))
            end = x + self.m.width(body, size) + tc * (len(body) - 1)
        else:
            squeeze = [i for i, c in enumerate(body) if c in SQUEEZE]
            per = min(0.5 * size, need / len(squeeze)) if squeeze else 0.0  # of each mark's em
            tc = -(need - per * len(squeeze)) / (len(body) - 1)
            start, at = 0, x
            for i in [*squeeze, len(body)]:
                for run, scale in ((body[start:i], 100.0), (body[i : i + 1], 100 * (1 - per / size))):
                    if run:
                        runs.append((run, at, tc, scale))
                        at += self.m.width(run, size) * scale / 100 + tc * len(run)
                start = i + 1
            end = x + width
        if mark:
            hang = 1.0 if self.knobs["gutter"] >= 1.5 else 0.5
            runs.append((mark, x + width, 0.0, 100 * hang))
            end = x + width + hang * self.m.width(mark, size)
        return runs, end

    def draw(self, runs: list[tuple[str, float, float, float]], y: float, size: float) -> None:
        for text, x, tc, scale in runs:
            if self.ocr:
                self.ocr_run(text, x, y, size, tc, scale)
                continue
            self.pdf.set_font("noto", size=size)
            self.pdf.set_char_spacing(tc)
            self.pdf.set_stretching(scale)
            self.pdf.text(x, y, self.layer(text))
            self.pdf.set_char_spacing(0)
            self.pdf.set_stretching(100)
        if self.ocr and runs:  # OCR layers end every line with a space
            text, x, tc, scale = runs[-1]
            self.glyph(" ", x + self.m.width(text, size) * scale / 100 + tc * len(text), y, size)

    def ocr_run(self, text: str, x: float, y: float, size: float, tc: float, scale: float) -> None:
        """Glyph by glyph, a little off where the type stands, words on baselines of their own,
        a space glyph between some characters."""
        r = self.rng
        dy = r.uniform(-0.4, 0.4)
        for k, c in enumerate(text):
            if k and r.random() < 0.15:
                dy = r.uniform(-0.4, 0.4)
            self.glyph(c, x + r.uniform(-0.04, 0.04) * size, y + dy, size, scale)
            x += self.m.width(c, size) * scale / 100 + tc
            if k < len(text) - 1 and r.random() < 0.12:
                self.glyph(" ", x - max(tc, 0) / 2, y + dy, size)

    def glyph(self, c: str, x: float, y: float, size: float, scale: float = 100) -> None:
        y += math.tan(math.radians(self.knobs["skew"])) * (x - A4[0] / 2)  # a scan set a little askew
        self.pdf.set_font("noto", size=size)
        self.pdf.set_stretching(scale)
        self.pdf.text(x, y, self.layer(c))
        self.pdf.set_stretching(100)


# -- knobs -----------------------------------------------------------------------------------


def draw_knobs(seed: int, options: dict) -> dict:
    """Every knob drawn from the seed in a fixed order, then the options forced over them."""
    unknown = set(options) - set(KNOBS)
    if unknown:
        raise TypeError(f"make_pdf: unknown options {sorted(unknown)}; known: {', '.join(KNOBS)}")
    r = random.Random(f"pdfgen-{seed}")
    style = r.choice(STYLES)
    k = {
        "style": style,
        "gutter": round(r.uniform(0.8, 2.5), 1),
        "hanging": r.random() < 0.5,
        "number_form": r.choice(sorted(NUMBER_FORMS)),
        "number_at": "bottom" if r.random() < (0.8 if style == "browser" else 0.5) else "top",
        "number_align": r.choice(("centre", "outer", "outer", "right")),
        "heads": r.random() < 0.85,
        "feet": r.random() < 0.5,
        "head_jitter": 5.0,
        "skip_opening_numbers": r.random() < 0.25,
        "radicals": r.choice((0.0, 0.0, 0.05, 0.15, 0.3)),
        "one_page": r.random() < 0.1,
        "max_pages": None,
        "mid_titles": r.choice((0.3, 0.6, 0.9)),
        "sidebar_left": r.random() < 0.3,
        # not options: the look of one issue
        "magazine": r.choice(MAGAZINES),
        "stamp": r.choice(("{y}年第{n}期", "{y}.{n:02d}", "总第{t}期")).format(
            y=r.randint(2015, 2023), n=r.randint(1, 12), t=r.randint(150, 420)
        ),
        "title_size": r.choice((16.0, 18.0, 20.0, 22.0)),
        "title_align": r.choice(("centre", "left")),
        "byline_align": r.choice(("centre", "right")),
        "binding": r.choice((0.0, 8.0, 14.0)),  # inner margin wider: pages shift left/right
        "word_width": r.randint(42, 46),  # em at the word style's 10 pt
        "total_extra": r.randint(0, 12),
        "leading": round(r.uniform(1.35, 1.8), 2),
        "stream_order": r.choice(("reading", "reading", "rows")),
        # drawn last, so that every knob above stays what it was for a seed
        "column_leading": r.choice((0.0, 0.0, 0.08, 0.15)),
        "skew": r.choice((0.0, 0.3, 0.6, 1.0)) if style == "ocr" else 0.0,
        "noise": style == "ocr" and r.random() < 0.7,
        "charts": style == "word" and r.random() < 0.6,
    }
    k.update(options)
    if k["style"] not in STYLES:
        raise ValueError(f"style must be one of {STYLES}")
    if k["number_form"] not in NUMBER_FORMS:
        raise ValueError(f"number_form must be one of {sorted(NUMBER_FORMS)}")
    return k


# -- the issue's pages set line for line (browser, ocr) ----------------------------------------


@dataclass
class Band:
    kind: str  # title, wide, cols
    lines: list  # issuegen Lines


def _is_wide(gen: issuegen.GeneratedIssue, line: issuegen.Line) -> bool:
    if line.owner is None:
        return True
    rec = gen.records[line.owner]
    return rec.kind in ("excerpt", "editor_note") or rec.column == issuegen.JUANSHOUYU


def _bands(page: issuegen.Page, gen: issuegen.GeneratedIssue) -> tuple[list[Band], list[issuegen.Line]]:
    """The page's lines as bands top to bottom (title blocks above their article's first line
    here), and its column header lines."""
    headers = [ln for ln in page.lines if ln.role == "header"]
    titles: dict[int, list] = {}
    for block in page.title_blocks:
        titles.setdefault(block[0].owner, []).extend(ln for ln in block if ln.text)
    for ln in page.lines:
        if ln.role == "title":
            titles.setdefault(ln.owner, []).append(ln)
    bands: list[Band] = []
    for ln in page.lines:
        if ln.role in ("header", "title"):
            continue
        if ln.owner in titles and ln.role == "body":
            bands.append(Band("title", titles.pop(ln.owner)))
        kind = "wide" if _is_wide(gen, ln) else "cols"
        if not bands or bands[-1].kind != kind:
            bands.append(Band(kind, []))
        bands[-1].lines.append(ln)
    bands += [Band("title", block) for block in titles.values()]
    return bands, headers


def _issue_pages(gen, book, knobs, m: Metrics, rng: random.Random) -> list[PageSpec]:
    size = 10.5
    col, gutter = book.habits.column_width, knobs["gutter"]
    specs = []
    for page in book.pages:
        printed = page.index + gen.page_offset
        bands, headers = _bands(page, gen)
        spec = PageSpec()
        width = (2 * col + gutter) * size
        left = (A4[0] - width) / 2 + (knobs["binding"] if printed % 2 else -knobs["binding"])
        _set_bands(spec, bands, gen, knobs, m, size, col * size, gutter * size, left)
        header = [ln.text for ln in headers] + ([page.running_head] if page.running_head else [])
        at_end = page.running_head is not None and page.head_at_end and not headers
        opening = bool(headers)
        _margins(spec, knobs, m, printed, header, at_end, opening, left, width, rng, _total(gen, knobs))
        specs.append(spec)
    return specs


def _total(gen, knobs) -> int:
    return gen.n_pages + gen.page_offset - 1 + knobs["total_extra"]


def _set_bands(spec, bands, gen, knobs, m, size, colw, gut, left) -> None:
    width = 2 * colw + gut
    ts = knobs["title_size"]
    leading = knobs["leading"] * size

    def title_height(band):
        n_title = sum(ln.role == "title" for ln in band.lines)
        return n_title * ts * 1.45 + (11 * 2.0 if len(band.lines) > n_title else 0) + 0.8 * leading

    def height(lead):
        h = 0.0
        for k, band in enumerate(bands):
            if band.kind == "title":
                h += title_height(band) + (1.0 * lead if k else 0)
            elif band.kind == "wide":
                h += len(band.lines) * lead + 0.5 * lead
            else:
                h += math.ceil(len(band.lines) / 2) * lead + 0.5 * lead
        return h

    room = BOTTOM - TOP
    if height(leading) > room:
        leading = max(1.2 * size, leading * room / height(leading))
    y = TOP
    for k, band in enumerate(bands):
        if band.kind == "title":
            y += 1.0 * leading if k else 0
            spec.has_title = True
            flow = []
            for ln in band.lines:
                text = _tidy(printed_text(ln, gen.page_offset))
                if ln.role == "title":
                    s = min(ts, 0.95 * width / max(line_width(m, text, 1.0), 1.0))
                    y += s * 1.2
                    spec.lines.append(
                        Drawn(text, _align(knobs["title_align"], m, text, s, left, width), y, s, kind="title")
                    )
                    y += s * 0.25
                else:
                    y += 11 * 1.6
                    spec.lines.append(
                        Drawn(text, _align(knobs["byline_align"], m, text, 11, left, width), y, 11, kind="byline")
                    )
                    y += 11 * 0.4
                flow.append(text)
            spec.flows.append(flow)
            spec.kinds.append("title")
            y += 0.8 * leading
            continue
        if band.kind == "wide":
            columns = [(left, width, band.lines)]
            rows = len(band.lines)
        else:
            half = math.ceil(len(band.lines) / 2)
            columns = [(left, colw, band.lines[:half]), (left + colw + gut, colw, band.lines[half:])]
            rows = half
        for c, (x, w, lines) in enumerate(columns):
            flow = []
            for i, ln in enumerate(lines):
                text = _tidy(printed_text(ln, gen.page_offset))
                base = y + (i + 0.8) * leading
                flow.append(text)
                if ln.role == "head":
                    spec.lines.append(Drawn(text, x, base, size * 1.05, measure=w, kind="head", band=k, col=c))
                    continue
                if ln.role == "source":
                    right = max(x, _align("right", m, text, size, x, w))
                    spec.lines.append(Drawn(text, right, base, size, measure=w, band=k, col=c))
                    continue
                indent = (
                    getattr(ln, "first", False)
                    and not (ln.marker is not None and ln.marker.kind == "up")
                    and gen.records[ln.owner].kind != "editor_note"
                )
                justify = ln.role in ("body", "tail") and hasattr(ln, "last") and not ln.last
                dx = 2 * size if indent else 0.0
                full = w - dx
                spec.lines.append(Drawn(text, x + dx, base, size, full if justify else None, full, band=k, col=c))
            if flow:
                spec.flows.append(flow)
                spec.kinds.append(band.kind.replace("cols", "column"))
        y += rows * leading + 0.5 * leading


def _tidy(text: str) -> str:
    """A line as printed: without the spaces the extractor puts around numbers (``2053 余名``,
    ``79 %``)."""
    return re.sub(r"(?<=\d) +(?=%)", "", issuegen.tidy(text))


def _align(how: str, m: Metrics, text: str, size: float, left: float, width: float) -> float:
    w = line_width(m, text, size)
    if how == "centre":
        return left + (width - w) / 2
    if how == "right":
        return left + width - w
    return left


def _margins(spec, knobs, m, printed, header, at_end, opening, left, width, rng, total) -> None:
    """Running head and foot rows: the page number, the magazine's name and issue, the column
    header; each row's height moves by up to ``head_jitter`` pt from page to page."""
    jitter = knobs["head_jitter"]
    rows = {"top": HEAD_Y + rng.uniform(-jitter, jitter), "bottom": FOOT_Y + rng.uniform(-jitter, jitter)}
    slots: dict[str, dict[str, tuple[str, str]]] = {"top": {}, "bottom": {}}
    numbered = not (opening and knobs["skip_opening_numbers"])
    if numbered:
        side = knobs["number_align"]
        if side == "outer":
            side = "right" if printed % 2 else "left"
        number = NUMBER_FORMS[knobs["number_form"]].format(n=printed, total=max(total, printed))
        slots[knobs["number_at"]][side] = (number, "number")
        spec.number = printed
    for text in header:
        row = "bottom" if at_end else "top"
        free = [s for s in ("right", "left", "centre") if s not in slots[row]]
        slots[row][free[0]] = (text, "header")
        spec.headers.append(text)
    for on, row, text in ((knobs["heads"], "top", knobs["magazine"]), (knobs["feet"], "bottom", knobs["stamp"])):
        if not on:
            continue
        free = [s for s in ("left", "right", "centre") if s not in slots[row]]
        if free:
            slots[row][free[0]] = (text, "running")
            spec.running.append(text)
    for row, items in slots.items():
        for side, (text, role) in items.items():
            x = _align(side, m, text, MARGIN_SIZE, left, width)
            spec.lines.insert(0, Drawn(text, x, rows[row], MARGIN_SIZE, kind="margin"))
            if role == "header" and row == "top":
                spec.flows.insert(0, [text])
                spec.kinds.insert(0, "header")
            elif role == "header":
                spec.flows.append([text])
                spec.kinds.append("header")
    if knobs["style"] == "browser" and slots["top"]:
        spec.rule = (left, left + width, rows["top"] + 5)


# -- re-flowed pages (word, mixed) -----------------------------------------------------------

CHART_ROWS = 7  # rows of the sidebar a chart takes
CHART_TITLES = ("图1 近五年发展党员数（名）", "图2 基层党组织数量变化", "表 党员教育培训人次")
CHART_CHARS = "".join(CHART_TITLES) + "0123456789年"
NOISE = ("- ——卜 -——+一-—·卜", "『／ ，、，‘", "—·— —卜—", "丨 ·")  # rules, borders and specks as OCR reads them
NOISE_CHARS = "".join(NOISE)


def _chart(spec: PageSpec, x: float, top: float, width: float, height: float, rng: random.Random) -> None:
    """A bar chart in a sidebar: its title, axis labels (7 pt) and bars (no text), drawn as margin
    lines, which are in no flow: a reader must keep them out of the columns' lines."""
    spec.lines.append(Drawn(rng.choice(CHART_TITLES), x, top + 8, 8.0, kind="margin"))
    base, left = top + height - 10, x + 18
    for k, tick in enumerate(("0", "50", "100", "150")):
        spec.lines.append(Drawn(tick, x, base - k * (height - 24) / 3, 7.0, kind="margin"))
    year = rng.randint(2013, 2018)
    step = (width - 22) / 5
    for k in range(5):
        h = rng.uniform(0.2, 1.0) * (height - 26)
        spec.bars.append((left + k * step + 2, base - h, step * 0.6, h))
        spec.lines.append(Drawn(str(year + k), left + k * step, base + 9, 7.0, kind="margin"))


class Paragraphs:
    """Paragraphs handed out line by line at whatever measure the column asks for."""

    def __init__(self, paras: list[str], indent: bool = True) -> None:
        self.paras = [p.strip() for p in paras if p.strip()]
        self.indent = indent
        self.at = (0, 0)

    @property
    def done(self) -> bool:
        return self.at[0] >= len(self.paras)

    def next(self, width: float, at: tuple[int, int] | None = None) -> tuple[str, bool, bool, tuple[int, int]]:
        """(text, first, last, position after) of the line at ``at`` (default: the current)."""
        p, pos = at or self.at
        text = self.paras[p]
        first = pos == 0
        cap = width - (2 if first and self.indent else 0)
        a, b = issuegen.wrap_spans(text[pos:], width, cap)[0]
        line = text[pos + a : pos + b].strip()
        end = pos + b
        last = not text[end:].strip()
        return line, first, last, ((p + 1, 0) if last else (p, end))

    def take(self, width: float) -> tuple[str, bool, bool]:
        line, first, last, self.at = self.next(width)
        return line, first, last

    def rows_to_finish(self, widths: list[float], rows: int) -> int | None:
        """The fewest rows per column that hold the rest when the columns are balanced."""
        for n in range(1, rows + 1):
            at = self.at
            for w in widths:
                for _ in range(n):
                    if at[0] >= len(self.paras):
                        break
                    *_, at = self.next(w, at)
            if at[0] >= len(self.paras):
                return n
        return None


@dataclass
class Piece:
    kind: str  # wide or cols
    paras: list[str]
    title: list[str] = field(default_factory=list)
    byline: str | None = None
    column: str | None = None
    indent: bool = True


def _pieces(gen: issuegen.GeneratedIssue, style: str) -> list[Piece]:
    out = []
    for rec in gen.records:
        paras = rec.text.split("\n")
        if rec.kind == "article":
            title = (rec.title or "").split(" ")
            if all(len(t) == 1 for t in title):
                title = [rec.title or ""]
            title = [t for t in title if t]
            wide = style == "mixed" and rec.column == issuegen.JUANSHOUYU
            out.append(Piece("wide" if wide else "cols", paras, title, " ".join(rec.authors) or None, rec.column))
        elif rec.kind == "excerpt":
            head = f"{rec.authors[0]}：{rec.title}"
            paras = [*paras, "——" + (rec.author_note or "")]
            out.append(Piece("wide" if style == "mixed" else "cols", paras, [head], None, None))
        else:
            out.append(
                Piece(
                    "wide" if style == "mixed" else "cols",
                    ["编者按：" + paras[0], *paras[1:]],
                    [],
                    None,
                    rec.column,
                    indent=False,
                )
            )
    if style == "mixed":
        # an article's first page: a full-width lead under the title, two columns, a full-width
        # paragraph again; the rest of the article in columns after it
        arts = [(i, p) for i, p in enumerate(out) if p.kind == "cols" and p.title]
        if arts:
            k, art = next(
                ((i, p) for i, p in arts if sum(map(len, p.paras)) >= 400),
                max(arts, key=lambda ip: sum(map(len, ip[1].paras))),
            )
            sentences = re.findall(r"[^。！？]+[。！？]?", "".join(art.paras))

            def take(limit: int, least: int) -> str:
                group = ""
                while sentences and (len(group) < least or len(group) + len(sentences[0]) <= limit):
                    group += sentences.pop(0)
                return group

            lead = take(80, 20)
            left = sum(map(len, sentences))
            room = min(360, left - min(80, left // 3))  # keep a closing paragraph
            middle = take(room, min(150, room))
            closing = take(80, 20)
            rest = ["".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
            col = art.column
            out[k : k + 1] = [
                Piece("wide", [lead], art.title, art.byline, col),
                Piece("cols", [middle], [], None, col),
                Piece("wide", [closing] if closing else [], [], None, col),
                *([Piece("cols", rest, [], None, col)] if rest else []),
            ]
    return out


class FlowLayout:
    """Pieces set one after another on pages of their own."""

    def __init__(self, gen, knobs, m: Metrics, rng: random.Random) -> None:
        self.knobs, self.m, self.rng = knobs, m, rng
        self.word = knobs["style"] == "word"
        self.size = 10.0 if self.word else 10.5
        self.leading = knobs["leading"] * self.size
        g = knobs["gutter"]
        if self.word:
            total = knobs["word_width"]
            side = round((total - g) / 3)
            main = total - g - side
            self.widths = [side, main] if knobs["sidebar_left"] else [main, side]
            self.width_em = total
        else:
            col = rng.choice(issuegen.COLUMN_WIDTHS)
            self.widths = [col, col]
            self.width_em = 2 * col + g
        self.gutter = g
        self.pages: list[PageSpec] = []
        self.columns: list[str | None] = []
        self.start = rng.randint(2, 60)
        self.band = 0
        self.new_page(None)

    @property
    def left(self) -> float:
        width = self.width_em * self.size
        printed = self.start + len(self.pages) - 1
        return (A4[0] - width) / 2 + (self.knobs["binding"] if printed % 2 else -self.knobs["binding"])

    def new_page(self, column: str | None) -> None:
        self.pages.append(PageSpec())
        self.columns.append(column)
        self.y = TOP

    @property
    def deepest(self) -> float:
        """The leading of the column set widest apart (``column_leading``: each column's more)."""
        return self.leading * (1 + self.knobs["column_leading"] * (len(self.widths) - 1))

    def rows_left(self) -> int:
        return int((BOTTOM - self.y) // self.deepest)

    def title(self, piece: Piece) -> None:
        ts = self.knobs["title_size"]
        need = len(piece.title) * ts * 1.45 + (22 if piece.byline else 0) + 4 * self.leading
        mid = self.y > TOP
        if self.y + need > BOTTOM or (mid and self.rng.random() >= self.knobs["mid_titles"]):
            self.new_page(piece.column)
        spec, width = self.pages[-1], self.width_em * self.size
        self.columns[-1] = piece.column or self.columns[-1]
        spec.has_title = True
        self.y += self.leading if self.y > TOP else 0
        flow = []
        for text in piece.title:
            s = min(ts, 0.95 * width / max(line_width(self.m, text, 1.0), 1.0))
            self.y += s * 1.2
            x = _align(self.knobs["title_align"], self.m, text, s, self.left, width)
            spec.lines.append(Drawn(text, x, self.y, s, kind="title"))
            self.y += s * 0.25
            flow.append(text)
        if piece.byline:
            self.y += 11 * 1.6
            x = _align(self.knobs["byline_align"], self.m, piece.byline, 11, self.left, width)
            spec.lines.append(Drawn(piece.byline, x, self.y, 11, kind="byline"))
            flow.append(piece.byline)
        spec.flows.append(flow)
        spec.kinds.append("title")
        self.y += 0.8 * self.leading

    def body(self, piece: Piece) -> None:
        src = Paragraphs(piece.paras, piece.indent)
        widths = [self.width_em] if piece.kind == "wide" else self.widths
        while not src.done:
            rows = self.rows_left()
            if rows < 2:
                self.new_page(piece.column or self.columns[-1])
                continue
            n = src.rows_to_finish(widths, rows) or rows
            spec, x = self.pages[-1], self.left
            self.band += 1
            # a chart under the sidebar's text, beside the main column's last rows
            chart = self.word and self.knobs["charts"] and n == rows and n >= 16 and len(widths) > 1
            side = min(range(len(widths)), key=lambda c: widths[c]) if chart else -1
            for c, w in enumerate(widths):
                flow = []
                leading = self.leading * (1 + self.knobs["column_leading"] * c)
                for i in range(n - CHART_ROWS if c == side else n):
                    if src.done:
                        break
                    text, first, last = src.take(w)
                    dx = 2 * self.size if first and piece.indent else 0.0
                    base = self.y + (i + 0.8) * leading
                    full = w * self.size - dx
                    spec.lines.append(
                        Drawn(text, x + dx, base, self.size, None if last else full, full, band=self.band, col=c)
                    )
                    flow.append(text)
                if flow:
                    spec.flows.append(flow)
                    spec.kinds.append("wide" if piece.kind == "wide" else "column")
                if c == side:
                    top = self.y + (n - CHART_ROWS + 0.5) * leading
                    _chart(spec, x, top, w * self.size, CHART_ROWS * leading, self.rng)
                x += (w + self.gutter) * self.size
            self.y += n * self.deepest + 0.5 * self.leading

    def finish(self, rng: random.Random) -> list[PageSpec]:
        total = self.start + len(self.pages) - 1 + self.knobs["total_extra"]
        width = self.width_em * self.size
        for i, spec in enumerate(self.pages):
            printed = self.start + i
            opening = i == 0 or self.columns[i] != self.columns[i - 1]
            header = [" ".join(self.columns[i])] if self.columns[i] else []
            left = (A4[0] - width) / 2 + (self.knobs["binding"] if printed % 2 else -self.knobs["binding"])
            _margins(spec, self.knobs, self.m, printed, header, False, opening, left, width, rng, total)
        return self.pages


def _flow_pages(gen, knobs, m: Metrics, rng: random.Random) -> list[PageSpec]:
    layout = FlowLayout(gen, knobs, m, rng)
    for piece in _pieces(gen, knobs["style"]):
        if piece.column and piece.column != layout.columns[-1] and layout.y > TOP:
            layout.new_page(piece.column)
        layout.columns[-1] = layout.columns[-1] or piece.column
        if piece.title:
            layout.title(piece)
        layout.body(piece)
    return layout.finish(rng)


# -- the PDF ---------------------------------------------------------------------------------


def _font(chars: set[str], workdir: Path) -> Path:
    key = hashlib.sha1("".join(sorted(chars)).encode()).hexdigest()[:16]
    path = workdir / f"pdfgen_{key}.ttf"
    return path if path.exists() else truetype_font("".join(sorted(chars)), path)


def make_pdf(seed: int, path: Path, workdir: Path, **options) -> PdfTruth:
    """Write the PDF for ``seed`` (see the module docstring) and return its truth."""
    path, workdir = Path(path), Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    knobs = draw_knobs(seed, options)
    rng = random.Random(f"pdfgen-layout-{seed}")
    gen, book = issue_with_pages(seed)
    chars = set(gen.text) | set("".join(MAGAZINES)) | set(knobs["stamp"]) | set("0123456789-·/第页 ")
    chars |= set(radical_pairs().values())  # always: one font per seed, whatever the options
    chars |= set("——：编者按") | set(CHART_CHARS) | set(NOISE_CHARS)
    chars.discard("\n")
    ttf = _font(chars, workdir)
    m = Metrics(ttf)
    issue_pages = knobs["style"] in ("browser", "ocr")
    specs = _issue_pages(gen, book, knobs, m, rng) if issue_pages else _flow_pages(gen, knobs, m, rng)
    cut = False
    if knobs["one_page"]:
        keep = next((k for k, s in enumerate(specs) if s.has_title), 0)
        specs, cut = [specs[keep]], True
    if knobs["max_pages"] is not None and len(specs) > knobs["max_pages"]:
        specs, cut = specs[: knobs["max_pages"]], True
    renderer = Renderer(ttf, m, knobs, random.Random(f"pdfgen-ink-{seed}"))
    for spec in specs:
        renderer.page(spec)
    renderer.pdf.output(str(path))
    flows = [spec.flows for spec in specs]
    truth = PdfTruth(
        columns=[flow for page in flows for flow in page],
        page_numbers=[s.number for s in specs],
        running=sorted({t for s in specs for t in s.running}),
        issue=gen if issue_pages and not cut else None,
        seed=seed,
        style=knobs["style"],
        options=knobs,
        page_flows=flows,
        kinds=[kind for spec in specs for kind in spec.kinds],
        running_pages=[s.running for s in specs],
        headers=[s.headers for s in specs],
        radicals=renderer.radicals,
        gutter_white=renderer.gutter_white(),
    )
    assert renderer.lowest < FOOT_Y - 2 * knobs["head_jitter"] - 10, f"seed {seed}: text runs into the foot"
    body = solid("".join(line for flow in truth.columns for line in flow))
    clash = [r for r in truth.running if solid(r) in body]
    assert not clash, f"running text {clash} also stands in the body of seed {seed}"
    return truth
