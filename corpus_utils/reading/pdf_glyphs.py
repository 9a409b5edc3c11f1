"""A PDF's glyphs page by page, grouped into rows: what the text layer says, before any layout.

PDFium (pypdfium2, partly through its raw ctypes calls) gives every glyph of the text layer with
its box and size; pages are read one at a time and closed. Glyphs that cannot be read (no
Unicode, private-use code points, a broken font map's Latin soup) are counted, not kept; the
text layer's look-alike radicals are read as the ideographs they label. A row's text has a
space where the text layer has one and where glyphs stand apart. This is the one module that
talks to PDFium: the layout modules (``pdf_furniture``, ``pdf_columns``) see only rows of
``Glyph``.
"""

from __future__ import annotations

import ctypes
import itertools
import math
import re
import statistics
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..text.chars import HANZI, display_width
from ..text.chars import HANZI_CHAR as _HANZI_CHAR
from .textfile import IssueFormatError, lookalike_table

SPACE_GAP = 0.45  # em: glyphs this far apart have a space between them (justified lines stretch up to 0.35 em)
LATIN_GAP = 0.12  # em: a number or Latin word set this far from Chinese has a space, as extractors write it
WIDTH_SLACK = 0.01  # em: a producer's rounding of glyph positions, not a difference of width
SHORT_ROW = 12  # glyphs: a row this short may be letter-spaced (部 长 笔 谈, 邵 壮, a title)
SCATTERED_SPACES = 0.05  # share of Hanzi pairs with a space between them, past which spaces are OCR noise
ROW_PLAY = 0.4  # em: glyphs whose middles lie this close vertically share a row
SCRIPT_SIZE = 0.8  # of a row's size: a row this small within its height holds its sub- and superscripts
SKEW_SAMPLES = 20  # neighbouring glyph pairs needed to measure a page's skew
MIN_SKEW = 0.002  # slope below which a page is taken as level (0.1°)
# pages read before the file is opened again: PDFium's document keeps what it parsed of every
# page read (an OCR layer's: about 0.1 MB a page) after the page is closed
REOPEN_EVERY = 25

_EXPECTED = re.compile(
    rf"[{HANZI}\u2e80-\u2fdf\u31c0-\u31ef\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2000-\u206f"
    r"\u0020-\u007e\u00b7\u00d7\u2010-\u2027\u2030-\u205e\u2460-\u24ff\u25a0-\u25ff]"
)
_LATIN_BOUNDARY = re.compile(f"(?<=[{HANZI}])(?=[0-9A-Za-z])|(?<=[0-9A-Za-z%])(?=[{HANZI}])")


@dataclass(frozen=True)
class Glyph:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    spaced: bool = False  # a space glyph came right before it in the text layer


@dataclass
class GlyphPage:
    """A page's size and its glyphs in rows, with how many glyphs it has, garbled and repaired."""

    width: float
    height: float
    rows: list[list[Glyph]]
    n_glyphs: int
    n_garbled: int
    n_repaired: int = 0
    turned: list[str] = field(default_factory=list)  # lines set turned across the page, in stream order


def glyph_pages(path: Path) -> Iterator[GlyphPage]:
    """Every page's glyphs, grouped into rows; each page is closed once read, and the file is
    opened again every ``REOPEN_EVERY`` pages, so that memory stays flat in the pages."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        pdf = pdfium.PdfDocument(path)
    except Exception as err:  # PdfiumError, or OSError for an unreadable file
        # PDFium refuses a PDF without pages but may report "Success" (its last error code): say
        # what can be said instead of passing that on
        reason = "no page it could read" if "PDFium: Success" in str(err) else str(err)
        raise IssueFormatError(path, f"not a readable PDF ({reason})") from None
    if len(pdf) == 0:
        pdf.close()
        raise IssueFormatError(path, "a PDF without pages")
    rect = raw.FS_RECTF()
    matrix = raw.FS_MATRIX()
    lookalikes = lookalike_table()
    try:
        for index in range(len(pdf)):
            if index and index % REOPEN_EVERY == 0:
                pdf.close()
                pdf = pdfium.PdfDocument(path)
            page = pdf[index]
            width, height = page.get_size()
            textpage = page.get_textpage()
            tp = textpage.raw
            glyphs: list[Glyph] = []
            turned: list[Glyph] = []
            n_garbled = n_repaired = 0
            spaced = False
            for i in range(raw.FPDFText_CountChars(tp)):
                if raw.FPDFText_IsGenerated(tp, i):
                    continue  # a space or line break PDFium made up
                code = raw.FPDFText_GetUnicode(tp, i)
                char = chr(code) if code else "\ufffd"
                if char.isspace():
                    spaced = True  # kept as a mark on the next glyph: OCR puts one at every line end
                    continue
                raw.FPDFText_GetLooseCharBox(tp, i, ctypes.byref(rect))
                raw.FPDFText_GetMatrix(tp, i, ctypes.byref(matrix))
                # the font size times the text matrix's scale (many producers set 1 pt and scale)
                size = raw.FPDFText_GetFontSize(tp, i) * (math.hypot(matrix.c, matrix.d) or 1.0)
                if not _EXPECTED.match(char):
                    n_garbled += 1
                    continue
                fixed = lookalikes.get(char)
                if fixed is not None:  # ⼈ (U+2F08) labelling 人: the text layer's look-alike
                    char, n_repaired = fixed, n_repaired + 1
                glyph = Glyph(char, rect.left, rect.right, height - rect.top, height - rect.bottom, size, spaced)
                # text set across the line (a margin's vertical line) is no row of the page's text
                (turned if abs(matrix.b) > abs(matrix.a) else glyphs).append(glyph)
                spaced = False
            textpage.close()
            page.close()
            yield GlyphPage(
                width,
                height,
                _rows(deskew(glyphs)),
                len(glyphs) + len(turned) + n_garbled,
                n_garbled,
                n_repaired,
                turned=_turned_text(turned),
            )
    finally:
        pdf.close()


def deskew(glyphs: list[Glyph]) -> list[Glyph]:
    """The glyphs with a scan's skew taken out: the slope most neighbouring glyphs of the text
    layer's lines share (an OCR layer follows the scan's tilt), levelled about the page's middle."""
    slopes = sorted(
        (b.top + b.bottom - a.top - a.bottom) / 2 / (b.x0 - a.x0)
        for a, b in itertools.pairwise(glyphs)
        if 0.3 * a.size < b.x0 - a.x0 < 2 * a.size and abs(b.size - a.size) < 0.1 * a.size
    )
    if len(slopes) < SKEW_SAMPLES:
        return glyphs
    slope = slopes[len(slopes) // 2]
    if abs(slope) < MIN_SKEW:
        return glyphs
    mid = statistics.median(g.x0 for g in glyphs)
    return [replace(g, top=g.top - slope * (g.x0 - mid), bottom=g.bottom - slope * (g.x0 - mid)) for g in glyphs]


def _turned_text(glyphs: list[Glyph]) -> list[str]:
    """Turned glyphs as lines, in the text layer's order, broken where the text layer jumps."""
    lines: list[str] = []
    prev = None
    for g in glyphs:
        near = prev is not None and abs(g.x0 - prev.x0) < prev.size and abs(g.top - prev.top) < 3 * prev.size
        if near and lines:
            lines[-1] += (" " if g.spaced else "") + g.text
        else:
            lines.append(g.text)
        prev = g
    return lines


def _rows(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs whose vertical middles lie close together, left to right, top to bottom."""
    rows: list[list[Glyph]] = []
    mids: list[float] = []
    for g in sorted(glyphs, key=lambda g: ((g.top + g.bottom) / 2, g.x0)):
        mid = (g.top + g.bottom) / 2
        if rows and abs(mid - mids[-1]) <= ROW_PLAY * g.size:
            rows[-1].append(g)
        else:
            rows.append([g])
            mids.append(mid)
    return _attach_scripts([sorted(row, key=lambda g: g.x0) for row in rows])


def _attach_scripts(rows: list[list[Glyph]]) -> list[list[Glyph]]:
    """Rows of sub- and superscripts (``H`` with ``max`` under it, a footnote's ``①`` or ``2``)
    put back into the row they hang from: a row set at most ``SCRIPT_SIZE`` of a neighbour's
    size, lying mostly within that row's height, each glyph beside one of its glyphs."""
    out: list[list[Glyph]] = []
    for k, row in enumerate(rows):
        base = next(
            (
                b
                for b in (out[-1] if out else None, rows[k + 1] if k + 1 < len(rows) else None)
                if b and _hangs_from(row, b)
            ),
            None,
        )
        if base is None:
            out.append(row)
        else:
            base.extend(row)
            base.sort(key=lambda g: g.x0)
    return out


def _hangs_from(row: list[Glyph], base: list[Glyph]) -> bool:
    if min(g.size for g in row) > SCRIPT_SIZE * max(g.size for g in base):
        return False  # (most rows: as large as the one beside them)
    size, base_size = statistics.median(g.size for g in row), statistics.median(g.size for g in base)
    if size > SCRIPT_SIZE * base_size:
        return False
    top, bottom = min(g.top for g in row), max(g.bottom for g in row)
    inside = min(bottom, max(g.bottom for g in base)) - max(top, min(g.top for g in base))
    if inside < 0.5 * (bottom - top):
        return False
    return all(any(b.x0 - base_size <= g.x0 and g.x1 <= b.x1 + base_size for b in base) for g in row)


def row_text(glyphs: list[Glyph]) -> str:
    """The row's text: a space where the text layer has one, and where glyphs stand apart (two
    Latin letters or digits by more than the row's letter spacing: a justified line stretches
    every gap, the digits of ``6234`` too)."""
    gaps = sorted(max(0.0, b.x0 - a.x1) for a, b in itertools.pairwise(glyphs))
    tracking = gaps[len(gaps) // 2] if len(gaps) >= 3 else 0.0
    text = glyphs[0].text
    for prev, g in itertools.pairwise(glyphs):
        gap = g.x0 - prev.x1
        latin = prev.text.isascii() != g.text.isascii()  # a number or a Latin word beside Chinese
        words = prev.text.isascii() and g.text.isascii()  # Latin text: a word space is a quarter em
        if words:
            space = g.spaced or gap - tracking > LATIN_GAP * g.size
        else:
            space = g.spaced or gap > (LATIN_GAP if latin else SPACE_GAP) * g.size
        text += (" " if space else "") + g.text
    return text


def measured_text(glyphs: list[Glyph]) -> str:
    """The row's text, with a space put where a number or a Latin word meets Chinese for as long
    as the printed line is wider than its text counts (the segmenter reads widths from the text:
    a Hanzi 1 em, a digit or a space ½; print sets digits a little wider, as text extractors
    show with a space beside them)."""
    text = row_text(glyphs)
    size = statistics.median(g.size for g in glyphs)
    printed = (glyphs[-1].x1 - glyphs[0].x0) / size
    short = printed - display_width(text)
    for m in list(_LATIN_BOUNDARY.finditer(text))[::-1]:
        if short < 0.5 - WIDTH_SLACK:  # a line exactly half an em wider holds its space, whatever the rounding
            break
        text = text[: m.start()] + " " + text[m.start() :]
        short -= 0.5
    return text


def scattered_spaces(rows: list[list[Glyph]]) -> tuple[int, int]:
    """(Hanzi pairs in long rows, how many of them have a space glyph between them): an OCR text
    layer scatters space glyphs between Hanzi; where more than ``SCATTERED_SPACES`` of the pairs
    have one, they are noise, not the letter spacing of a title (see ``without_scattered_spaces``)."""
    pairs = spaced = 0
    for row in rows:
        if len(row) > SHORT_ROW:
            for a, b in itertools.pairwise(row):
                if _HANZI_CHAR.match(a.text) and _HANZI_CHAR.match(b.text):
                    pairs += 1
                    spaced += b.spaced
    return pairs, spaced


def without_scattered_spaces(rows: list[list[Glyph]]) -> list[list[Glyph]]:
    """The rows with the space glyphs between Hanzi of long rows dropped (short rows keep theirs)."""
    return [
        row
        if len(row) <= SHORT_ROW
        else [row[0]]
        + [
            replace(b, spaced=False) if _HANZI_CHAR.match(a.text) and _HANZI_CHAR.match(b.text) else b
            for a, b in itertools.pairwise(row)
        ]
        for row in rows
    ]


def size_weights(rows: list[list[Glyph]]) -> Counter[float]:
    """How many glyphs are set in each size (to 0.1 pt): the most common is the body size."""
    return Counter(round(g.size, 1) for row in rows for g in row)


def row_size(glyphs: list[Glyph]) -> float:
    """The size most of a row's glyphs are set in."""
    return Counter(round(g.size, 1) for g in glyphs).most_common(1)[0][0]
