"""Small two-column Chinese PDFs for the tests, set in the project's font.

The PDF writer (reportlab, through ``pdfcanvas``) embeds TrueType (glyf) fonts only, and
Noto Sans SC is an OpenType (CFF) font: the tests subset it to the characters they use and
convert the outlines to TrueType (fontTools' cu2qu).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable
from pdfcanvas import A4, PdfCanvas

from corpus_utils.charts.fonts import font_path
from corpus_utils.segmenting.paragraphs import WIDE, display_width

BODY = 10.5
LEADING = 16.0
COL_WIDTH = 18  # characters a column line holds
LEFT_X, RIGHT_X = 60.0, 318.0
TOP, BOTTOM = 90.0, 770.0


@dataclass
class PdfPage:
    """What one page shows: a header, full-width lines, two columns of lines, a title block."""

    header: str | None = None
    number: int | None = None
    wide: list[str] = field(default_factory=list)  # full-width lines at the top
    left: list[str] = field(default_factory=list)
    right: list[str] = field(default_factory=list)
    title: list[str] = field(default_factory=list)  # set large above the columns
    byline: str | None = None
    # in order, after the title: ("wide", lines) across the page, ("columns", lines) split
    # between the two columns; used instead of wide/left/right when given
    blocks: list[tuple[str, list[str]]] = field(default_factory=list)


def truetype_font(chars: str, path: Path) -> Path:
    """Noto Sans SC cut down to ``chars`` and converted to TrueType outlines."""
    font = TTFont(font_path())
    options = subset.Options()
    options.desubroutinize = True
    options.notdef_outline = True
    sub = subset.Subsetter(options)
    sub.populate(unicodes={ord(c) for c in set(chars) | set("0123456789 （）：，。“”")})
    sub.subset(font)
    _otf_to_ttf(font)
    font.save(path)
    return path


def build_pdf(pages: list[PdfPage], path: Path, workdir: Path) -> Path:
    """Lay the pages out as the magazine does and write the PDF."""
    chars = "".join(
        "".join([p.header or "", *p.wide, *p.left, *p.right, *p.title, p.byline or ""])
        + "".join(line for _, lines in p.blocks for line in lines)
        for p in pages
    )
    ttf = truetype_font(chars, workdir / "noto_subset.ttf")
    pdf = PdfCanvas(A4)
    pdf.add_font("noto", ttf)
    for page in pages:
        pdf.add_page()
        if page.header:
            pdf.set_font("noto", size=9)
            pdf.set_char_spacing(6)
            pdf.text(LEFT_X, 40, page.header)
            pdf.set_char_spacing(0)
        if page.number is not None:
            pdf.set_font("noto", size=9)
            pdf.text(A4[0] / 2 - 6, 815, str(page.number))
        y = TOP
        if page.title:
            pdf.set_font("noto", size=18)
            for line in page.title:
                pdf.text(LEFT_X, y, line)
                y += 26
            if page.byline:
                pdf.set_font("noto", size=11)
                pdf.text(LEFT_X + 120, y, page.byline)
                y += 24
        blocks = page.blocks or [("wide", page.wide), ("split", [page.left, page.right])]
        rows = sum(len(b) if k == "wide" else max(map(len, _halves(k, b)), default=0) for k, b in blocks)
        leading = min(LEADING, (BOTTOM - y) / max(rows, 1))
        pdf.set_font("noto", size=min(BODY, leading * 0.8))
        for kind, lines in blocks:
            if kind == "wide":
                for line in lines:
                    pdf.text(LEFT_X, y, line)
                    y += leading
                continue
            left, right = _halves(kind, lines)
            for x, column in ((LEFT_X, left), (RIGHT_X, right)):
                for k, line in enumerate(column):
                    pdf.text(x, y + k * leading, line)
            y += max(len(left), len(right)) * leading
    pdf.output(str(path))
    return path


def _halves(kind: str, lines: list) -> tuple[list[str], list[str]]:
    if kind == "split":
        return lines[0], lines[1]
    half = (len(lines) + 1) // 2
    return lines[:half], lines[half:]


def seed_pages(issue) -> list[PdfPage]:
    """The seed's pages as PdfPage layouts (wide lines only where a page starts with them)."""
    roles = {(r.page, r.line): r.role for r in issue.metadata.itertuples()}
    out = []
    for page in issue.pages:
        printed = issue.page_offset.printed(page.index)
        spec = PdfPage(number=printed)
        for ln in page.lines:
            role = roles.get((printed, ln.number))
            if role == "header":
                spec.header = spec.header or "".join(ln.text.split())
            elif role == "title":
                spec.title.append(ln.text)
            elif role == "byline":
                spec.byline = ln.text
            else:
                wide = display_width(ln.text) >= WIDE
                # the short last line of a full-width paragraph stays in its block
                if not wide and spec.blocks and spec.blocks[-1][0] == "wide" and display_width(ln.text) < 12:
                    wide = True
                kind = "wide" if wide else "columns"
                if not spec.blocks or spec.blocks[-1][0] != kind:
                    spec.blocks.append((kind, []))
                spec.blocks[-1][1].append(ln.text)
        out.append(spec)
    return out


def wrap(text: str, width: int = COL_WIDTH, first_indent: int = 2) -> list[str]:
    """Hard-wrap a paragraph as a column holds it, the first line indented."""
    lines, cur, cap = [], "", width - first_indent
    for ch in text:
        if len(cur) >= cap:
            lines.append(cur)
            cur, cap = "", width
        cur += ch
    return [*lines, cur] if cur else lines


def _otf_to_ttf(font: TTFont) -> None:
    """fontTools' otf2ttf snippet: CFF outlines to quadratic glyf outlines."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    for table in ("VORG",):
        if table in font:
            del font[table]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones",):
        setattr(maxp, attr, 1)
    for attr in (
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, attr, 0)
    font["maxp"] = maxp
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font.sfntVersion = "\x00\x01\x00\x00"
