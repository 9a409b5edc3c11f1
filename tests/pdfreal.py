"""The real PDF pages of ``../shared/pdfs/`` and their hand-written reading order
(``tests/golden/pdf_real_pages.toml``), for judging a reader on pages nobody here made.

A block's true lines are the text lines pdfplumber finds inside the block's hand-drawn boxes (a
line split that is not the reader's own), a line of nothing but sub- or superscripts put back
into the line it hangs from (pdfplumber sets ``max`` of ``H_max`` on a line of its own); a junction is kept when the last word characters of
one line are directly followed by the first of the next in the reader's text (word characters
only, NFKC: ligatures, hyphens, superscripts and spacing do not decide). The order of a page's
``column`` blocks is kept when each one's first words stand after the previous one's last words.
"""

from __future__ import annotations

import itertools
import os
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# ../shared/pdfs beside the project; $CORPUS_SHARED names another shared/ (a worktree elsewhere)
PDFS = Path(os.environ.get("CORPUS_SHARED", ROOT.parent / "shared")) / "pdfs"
GOLDEN = ROOT / "tests" / "golden" / "pdf_real_pages.toml"
EDGE = 6  # word characters of each line's end and start that make a junction
_WORD = re.compile(r"\w")


@dataclass
class Block:
    kind: str  # column, sidebar, table
    first: str
    last: str
    boxes: list[tuple[float, float, float, float]]
    lines: list[str] = field(default_factory=list)


@dataclass
class Page:
    file: str
    page: int  # 1-based
    blocks: list[Block]
    asides: list[str]

    @property
    def path(self) -> Path:
        return PDFS / self.file


def squeeze(text: str) -> str:
    """Word characters only, NFKC, lower case: what a junction is matched on."""
    return "".join(_WORD.findall(unicodedata.normalize("NFKC", text))).lower()


@lru_cache(maxsize=1)
def golden_pages() -> tuple[Page, ...]:
    """The hand-written pages, each block with its true lines (pdfplumber's, inside its boxes)."""
    import pdfplumber

    data = tomllib.loads(GOLDEN.read_text(encoding="utf-8"))
    pages = []
    for entry in data["page"]:
        blocks = [Block(b["kind"], b["first"], b["last"], [tuple(x) for x in b["boxes"]]) for b in entry["block"]]
        page = Page(entry["file"], entry["page"], blocks, entry.get("asides", []))
        if page.path.exists():
            with pdfplumber.open(page.path) as pdf:
                plumb = pdf.pages[page.page - 1]
                for block in blocks:
                    for box in block.boxes:
                        lines = _with_scripts(plumb.within_bbox(box).extract_text_lines(return_chars=True))
                        block.lines += [ln for ln in lines if squeeze(ln)]
        pages.append(page)
    return tuple(pages)


def _with_scripts(lines: list[dict]) -> list[str]:
    """pdfplumber's lines as text, a line of nothing but sub- or superscripts (``max`` under
    ``H``, pdfplumber sets it apart) put back into the line it hangs from: set at most 0.8 of
    that line's size, mostly within its height, each character beside one of its characters."""
    chars = [list(ln["chars"]) for ln in lines]
    out: list[list[dict]] = []
    for k, row in enumerate(chars):
        near = [out[-1]] if out else []
        near += [chars[k + 1]] if k + 1 < len(chars) else []
        base = next((b for b in near if _hangs_from(row, b)), None)
        if base is None:
            out.append(row)
        else:
            base += row
            base.sort(key=lambda c: c["x0"])
    return [_text(row) for row in out]


def _text(row: list[dict]) -> str:
    """The characters left to right, a space where they stand a fifth of their size apart."""
    text = row[0]["text"]
    for a, b in itertools.pairwise(row):
        text += (" " if b["x0"] - a["x1"] > 0.2 * b["size"] else "") + b["text"]
    return text


def _hangs_from(row: list[dict], base: list[dict]) -> bool:
    size, base_size = _median([c["size"] for c in row]), _median([c["size"] for c in base])
    top, bottom = min(c["top"] for c in row), max(c["bottom"] for c in row)
    inside = min(bottom, max(c["bottom"] for c in base)) - max(top, min(c["top"] for c in base))
    beside = all(any(b["x0"] - base_size <= c["x0"] and c["x1"] <= b["x1"] + base_size for b in base) for c in row)
    return size <= 0.8 * base_size and inside >= 0.5 * (bottom - top) and beside


def _median(xs: list[float]) -> float:
    return sorted(xs)[len(xs) // 2]


def junctions(lines: list[str]) -> list[tuple[str, str]]:
    """Each pair of consecutive lines as (end of the first, start of the second), squeezed."""
    return [(squeeze(a)[-EDGE:], squeeze(b)[:EDGE]) for a, b in itertools.pairwise(lines)]


def kept(block: Block, text: str) -> tuple[int, int]:
    """(kept, all) junctions of the block's lines in ``text``."""
    body = squeeze(text)
    pairs = junctions(block.lines)
    return sum(a + b in body for a, b in pairs), len(pairs)


def order_kept(page: Page, text: str) -> list[str]:
    """What is out of order among the page's column blocks: an empty list when each one's first
    words stand after the previous one's last words (and each one's last after its first)."""
    body = squeeze(text)
    wrong, at = [], 0
    for block in (b for b in page.blocks if b.kind == "column"):
        first, last = squeeze(block.first), squeeze(block.last)
        start = body.find(first, at)
        if start < 0:
            wrong.append(f"{block.first!r} not found after the block before it")
            continue
        end = body.find(last, start)
        if end < 0:
            wrong.append(f"{block.last!r} not found after {block.first!r}")
            continue
        at = end + len(last)
    return wrong
