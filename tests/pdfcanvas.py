"""The few drawing calls the tests' PDF generators use, over reportlab's canvas (BSD).

Coordinates are points with y measured down from the top of the page, as the generators lay
pages out; ``text(x, y, s)`` puts the baseline at ``y``. The font is a TrueType (glyf) file:
reportlab embeds it in subsets of up to 256 characters, each with a ToUnicode map, so a
radical code point that shares its ideograph's glyph still reads back as the radical.

A space is written in the subset of the characters around it (``_SpacedFont``), not in a
text object of its own, which PDFium would take for a copy of an earlier space and drop; a
line whose characters share a subset is then one text object, as with fpdf2.

Every number is written to 2 decimals, and the font descriptor's ascent and descent are the
font's ``hhea`` values (reportlab takes OS/2's typographic ones), as fpdf2 wrote them: PDFium
reads the same characters, sizes and glyph boxes as from fpdf2's PDFs (boxes within 0.001 pt,
where a line spans subsets and its positions add up in another order). pdfminer reads
letter-spaced lines a little narrower where they span subsets (it adds character spacing only
between the characters of one string).
"""

from __future__ import annotations

import io
from pathlib import Path

from fontTools.ttLib import TTFont as FontFile
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

A4 = (595.28, 841.89)


def _r(v: float) -> float:
    return round(v, 2)


class _SpacedFont(TTFont):
    """reportlab's TrueType font, with spaces kept in the subset of the characters around them.

    reportlab gives U+0020 code 32 of subset 0, and code 32 of every later subset, once it has
    that many characters, to the space glyph too."""

    def splitString(self, text: str, doc, encoding: str = "utf-8") -> list[tuple[int, bytes]]:
        runs = super().splitString(text, doc, encoding)
        subsets = self.state[doc].subsets

        def spaced(k: int) -> bool:
            return len(subsets[k]) > 32 and subsets[k][32] == 32

        out: list[list] = []
        for k, (subset, chunk) in enumerate(runs):
            if not chunk.strip(b" "):  # spaces only: into the run before, else the run after
                if out and spaced(out[-1][0]):
                    subset = out[-1][0]
                elif k + 1 < len(runs) and spaced(runs[k + 1][0]):
                    subset = runs[k + 1][0]
            if out and out[-1][0] == subset:
                out[-1][1] += chunk
            else:
                out.append([subset, chunk])
        return [(subset, chunk) for subset, chunk in out]


class PdfCanvas:
    """A PDF being drawn page by page; ``output`` writes it."""

    def __init__(self, size: tuple[float, float] = A4) -> None:
        self.width, self.height = size
        self.buffer = io.BytesIO()
        self.canvas = Canvas(self.buffer, pagesize=size, invariant=1)
        self.page = 0  # pages added so far
        self.fonts: dict[str, TTFont] = {}
        self.font, self.size = "", 0.0
        self.spacing, self.stretch = 0.0, 100.0

    def add_font(self, name: str, ttf: Path) -> None:
        """Embed a TrueType file as ``name``.

        reportlab's font registry is global to the process, and a font whose PostScript name is
        taken (every subset of Noto Sans SC has the same) silently gets the registered one's
        glyphs: the font is registered under a name of this PDF's while it is drawn, and one
        of that PostScript name left by another PDF is dropped first (a PDF still drawing with
        it would then fail loudly: its font's name is gone)."""
        font = _SpacedFont(f"{name}-{id(self)}", str(ttf), shapable=False)  # the name is not written
        hhea, upem = FontFile(ttf)["hhea"], font.face.unitsPerEm
        font.face.ascent = round(hhea.ascent * 1000 / upem)
        font.face.descent = round(hhea.descent * 1000 / upem)
        for other in map(pdfmetrics.getFont, pdfmetrics.getRegisteredFontNames()):
            stale = isinstance(other, TTFont) and font.face.name == other.face.name
            if stale or other.fontName == font.fontName:
                other.unregister()
        pdfmetrics.registerFont(font)
        self.fonts[name] = font

    def add_page(self) -> None:
        if self.page:
            self.canvas.showPage()
        self.page += 1

    def set_font(self, name: str, size: float) -> None:
        self.font, self.size = self.fonts[name].fontName, size

    def set_char_spacing(self, spacing: float) -> None:
        """Extra space after every character (pt, PDF's Tc)."""
        self.spacing = spacing

    def set_stretching(self, percent: float) -> None:
        """Horizontal scaling of the glyphs (PDF's Tz, 100 = none)."""
        self.stretch = percent

    def get_string_width(self, text: str) -> float:
        return pdfmetrics.stringWidth(text, self.font, self.size)

    def text(self, x: float, y: float, text: str) -> None:
        """Set ``text`` with its baseline at ``y``, starting at ``x``."""
        t = self.canvas.beginText(_r(x), _r(self.height - y))
        t.setFont(self.font, _r(self.size))
        t.setCharSpace(_r(self.spacing))
        t.setHorizScale(_r(self.stretch))
        t.textOut(text)
        self.canvas.drawText(t)

    def set_line_width(self, width: float) -> None:
        self.canvas.setLineWidth(width)

    def line(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.canvas.line(x0, self.height - y0, x1, self.height - y1)

    def fill_rect(self, x: float, y: float, w: float, h: float) -> None:
        """A filled rectangle whose top left corner is (x, y)."""
        self.canvas.rect(x, self.height - y - h, w, h, stroke=0, fill=1)

    def output(self, path: Path | str) -> None:
        if self.page:
            self.canvas.showPage()
        self.canvas.save()
        for font in self.fonts.values():
            font.unregister()
        Path(path).write_bytes(self.buffer.getvalue())
