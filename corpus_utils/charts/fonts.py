"""The one Chinese font every chart uses: Noto Sans SC (SIL Open Font License), from PyPI.

It comes with the ``pylopdf-fonts-zh-cn`` package, so charts render Chinese on a bare
machine; matplotlib and wordcloud both draw with this same file. A character the font lacks
raises ``MissingGlyphError`` instead of printing a box.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

FONT_NAME = "Noto Sans SC"


class MissingGlyphError(ValueError):
    """Text to be drawn holds characters the chart font cannot show."""


@lru_cache(maxsize=1)
def font_path() -> Path:
    """Path of the Noto Sans SC font file."""
    import pylopdf_fonts_zh_cn

    path = Path(pylopdf_fonts_zh_cn.sans_path())
    if not path.is_file():
        raise FileNotFoundError(f"{path}: Noto Sans SC is missing; reinstall pylopdf-fonts-zh-cn")
    return path


@lru_cache(maxsize=1)
def _charmap() -> frozenset[int]:
    from matplotlib.ft2font import FT2Font

    return frozenset(FT2Font(str(font_path())).get_charmap())


def missing_glyphs(text: str) -> list[str]:
    """The characters of ``text`` the font has no glyph for (whitespace aside)."""
    cmap = _charmap()
    return sorted({c for c in text if not c.isspace() and ord(c) not in cmap})


def check_glyphs(text: str, *, where: str = "chart") -> None:
    """Raise ``MissingGlyphError`` if the font cannot draw every character of ``text``."""
    missing = missing_glyphs(text)
    if missing:
        shown = " ".join(f"{c!r} (U+{ord(c):04X})" for c in missing)
        raise MissingGlyphError(f"{where}: {FONT_NAME} has no glyph for {shown} in {text!r}")


@lru_cache(maxsize=1)
def register_font() -> str:
    """Make the font known to matplotlib; return its family name."""
    from matplotlib import font_manager

    font_manager.fontManager.addfont(str(font_path()))
    return font_manager.FontProperties(fname=str(font_path())).get_name()
