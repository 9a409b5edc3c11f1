"""What counts as a Chinese character, and how wide a line is: one definition for the package.

Every stage that asks "is this Chinese?" (the loader refusing a file with none, the segmenter
measuring a line, the tokenizer keeping content words, phrase discovery) uses these.
"""

from __future__ import annotations

import re

# CJK Unified Ideographs and Extension A. Compatibility ideographs and the radical blocks are
# repaired to these before any stage looks at the text.
HANZI = r"\u3400-\u4dbf\u4e00-\u9fff"
# CJK symbols and punctuation, the full-width forms of ASCII punctuation, curly quotes, dashes.
CJK_PUNCT = r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’—…·"

HANZI_CHAR = re.compile(f"[{HANZI}]")
HANZI_RUN = re.compile(f"[{HANZI}]+")


def is_hanzi(char: str) -> bool:
    """Whether one character is a Chinese ideograph."""
    return bool(HANZI_CHAR.fullmatch(char))


def count_hanzi(text: str) -> int:
    """How many Chinese ideographs ``text`` holds."""
    return len(HANZI_CHAR.findall(text))


def display_width(text: str) -> float:
    """Width in em: Hanzi count 1, CJK punctuation, ASCII and inner spaces ½ (they are set narrow)."""
    text = text.strip()
    wide = count_hanzi(text)
    return wide + 0.5 * (len(text) - wide)
