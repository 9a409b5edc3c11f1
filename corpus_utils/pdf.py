"""A PDF issue → text in the seed's shape, so the same segmentation reads it.

pdfplumber gives each character with its position and size. Characters are grouped into
line segments (same baseline, no wide gap), and each page is read the way the magazine is
laid out: full-width blocks (卷首语, excerpts, editor's notes) where they stand, two columns
between them, left column first. Lines set larger than the body text are the article's
title block; as in the text extractor's output they go to the end of the page, with the
byline under them. A number alone in the top or bottom margin is the printed page number;
other margin text (the column header) opens the page. Pages are written as the seed has
them: one line a line, blank lines between, a page's first line starting with a space.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .layout import EXCERPT_HEAD
from .loading import IssueFormatError

MARGIN = 0.07  # top and bottom share of the page where headers and page numbers sit
TITLE_RATIO = 1.2  # a line this much larger than the body text is a title


@dataclass(frozen=True)
class Segment:
    """A run of characters on one baseline: a line of one column, or of the full width."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


@dataclass
class PdfText:
    """The issue's text in the seed's shape, and the printed page numbers found (index among
    the pages with text → number)."""

    text: str
    printed: dict[int, int]
    n_pages: int


def pdf_issue_text(path: str | Path) -> PdfText:
    """Read a PDF issue into the seed's text shape (see the module docstring)."""
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    path = Path(path)
    try:
        pdf = pdfplumber.open(path)
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as err:
        raise IssueFormatError(path, f"not a readable PDF ({type(err).__name__})") from None
    except Exception as err:  # pdfminer raises a zoo of errors on broken or encrypted files
        raise IssueFormatError(path, f"not a readable PDF ({type(err).__name__}: {err})") from None
    with pdf:
        pages = [_segments(page) for page in pdf.pages]
        sizes = [(page.width, page.height) for page in pdf.pages]
    if not any(pages):
        raise IssueFormatError(path, "the PDF has no text layer (a scan?): run OCR on it first")
    body = _body_size(pages)
    blocks, printed = [], {}
    for segs, (width, height) in zip(pages, sizes, strict=True):
        lines, number = _page_lines(segs, width, height, body)
        if not lines:
            continue  # a page without text (a picture) is no page of the text
        if number is not None:
            printed[len(blocks)] = number
        blocks.append(" " + "\n\n".join(lines))
    return PdfText("\n\n".join(blocks) + "\n", printed, len(pages))


def printed_page_offset(printed: dict[int, int]) -> tuple[int, int] | None:
    """The offset most page numbers agree on, and how many agree (None without numbers)."""
    if not printed:
        return None
    votes = Counter(n - i for i, n in printed.items())
    offset, agree = votes.most_common(1)[0]
    return offset, agree


# internal functions ----------------------------------------------------------


def _segments(page) -> list[Segment]:
    chars = [c for c in page.chars if c["text"].strip() or c["text"] == " "]
    if not any(c["text"].strip() for c in chars):
        return []
    chars.sort(key=lambda c: (round(c["top"]), c["x0"]))
    rows: list[list[dict]] = []
    for c in chars:
        if rows and abs(c["top"] - rows[-1][0]["top"]) <= 0.4 * c["size"]:
            rows[-1].append(c)
        else:
            rows.append([c])
    segments = []
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        run = [row[0]]
        for c in row[1:]:
            if c["x0"] - run[-1]["x1"] > 1.6 * c["size"]:  # the gutter between columns
                segments.append(_segment(run))
                run = []
            run.append(c)
        segments.append(_segment(run))
    return [s for s in segments if s.text]


def _segment(chars: list[dict]) -> Segment:
    text = chars[0]["text"]
    for prev, c in itertools.pairwise(chars):
        gap = c["x0"] - prev["x1"]
        text += (" " if gap > 0.25 * c["size"] else "") + c["text"]
    text = re.sub(r" {2,}", " ", text).strip()
    size = Counter(round(c["size"], 1) for c in chars).most_common(1)[0][0]
    return Segment(
        text=text,
        x0=min(c["x0"] for c in chars),
        x1=max(c["x1"] for c in chars),
        top=min(c["top"] for c in chars),
        bottom=max(c["bottom"] for c in chars),
        size=size,
    )


def _body_size(pages: list[list[Segment]]) -> float:
    weights = Counter()
    for segs in pages:
        for s in segs:
            weights[s.size] += len(s.text)
    return weights.most_common(1)[0][0]


def _page_lines(segs: list[Segment], width: float, height: float, body: float) -> tuple[list[str], int | None]:
    margin = [s for s in segs if s.bottom < MARGIN * height or s.top > (1 - MARGIN) * height]
    inner = [s for s in segs if s not in margin]
    number = None
    head = []
    for s in sorted(margin, key=lambda s: (s.top, s.x0)):
        if re.fullmatch(r"\d{1,3}", s.text.replace(" ", "")):
            number = int(s.text.replace(" ", ""))
        else:
            head.append(s.text)
    titles = _title_block(inner, body)
    flow = _reading_order([s for s in inner if s not in titles], width)
    return head + [s.text for s in flow] + [s.text for s in titles], number


def _title_block(segs: list[Segment], body: float) -> list[Segment]:
    """Title lines (set larger than the body, not an excerpt's 姓名：标题) and the byline under them."""
    big = [s for s in segs if s.size >= TITLE_RATIO * body and not EXCERPT_HEAD.match(s.text.strip())]
    if not big:
        return []
    big.sort(key=lambda s: s.top)
    lowest = big[-1]
    below = sorted((s for s in segs if s.top > lowest.top and s not in big), key=lambda s: s.top)
    byline = [below[0]] if below and below[0].top - lowest.bottom < 2.5 * body and len(below[0].text) <= 24 else []
    # the byline is set apart from the text, not in a column's flow: it stands alone on its row
    if byline and any(abs(s.top - byline[0].top) < 0.4 * body and s is not byline[0] for s in segs):
        byline = []
    return big + byline


def _reading_order(segs: list[Segment], width: float) -> list[Segment]:
    """Full-width segments where they stand; between them, the left column, then the right."""
    mid = width / 2
    out: list[Segment] = []
    band: list[Segment] = []

    def flush() -> None:
        left = sorted((s for s in band if (s.x0 + s.x1) / 2 < mid), key=lambda s: s.top)
        right = sorted((s for s in band if (s.x0 + s.x1) / 2 >= mid), key=lambda s: s.top)
        out.extend(left + right)
        band.clear()

    for s in sorted(segs, key=lambda s: (s.top, s.x0)):
        if s.x0 < mid - 0.05 * width and s.x1 > mid + 0.05 * width:
            flush()
            out.append(s)
        else:
            band.append(s)
    flush()
    return out
