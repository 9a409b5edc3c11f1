"""Build an issue's text in the seed's shape from a plain description, for tests.

Body text is wrapped at 18 em with the first line of each paragraph indented two em, lines
are separated by blank lines, a page starts with a space, the title block closes an
article's first page and a column header opens the page where a column starts.
"""

from __future__ import annotations

from dataclasses import dataclass

from corpus_utils.segmenting.paragraphs import display_width

WIDTH = 18.0


@dataclass
class SynArticle:
    column: str
    title: list[str]
    byline: str
    paragraphs: list[str]
    note: str | None = None
    continued: bool = False  # its last page's tail moves to a （上接…） page at the end of the issue


def wrap(paragraph: str, width: float = WIDTH) -> list[str]:
    """Greedy wrap by display width, the first line two em shorter."""
    lines, cur = [], ""
    for ch in paragraph:
        cap = width - 2 if not lines else width
        if cur and display_width(cur + ch) > cap:
            lines.append(cur)
            cur = ""
        cur += ch
    if cur:
        lines.append(cur)
    return lines


def build_issue(articles: list[SynArticle], *, lines_per_page: int = 12, offset: int = 1) -> str:
    """The issue text; printed page = page index + ``offset``."""
    pages: list[list[str]] = []
    tails: list[tuple[int, list[str], str | None]] = []  # (cut page index, lines, note)
    column = None
    for art in articles:
        header = [" ".join(art.column)] if art.column != column else []
        column = art.column
        body = [line for p in art.paragraphs for line in wrap(p)]
        room = max(1, lines_per_page - len(header) - len(art.title) - 1)
        rest = body[room:]
        last_page = rest[(len(rest) - 1) // lines_per_page * lines_per_page :] if rest else []
        cut = art.continued and len(last_page) > 2
        if art.note and not cut:
            body.append(f"（{art.note}）")  # the note closes the body; the title block still ends page one
        pages.append(header + body[:room] + art.title + [art.byline])
        rest = body[room:]
        while rest:
            pages.append(rest[:lines_per_page])
            rest = rest[lines_per_page:]
        if cut:
            keep = len(pages[-1]) // 2
            tails.append((len(pages) - 1, pages[-1][keep:], art.note))
            pages[-1] = pages[-1][:keep]
    n_main = len(pages)
    for k, (cut_page, tail, note) in enumerate(tails):
        target = n_main + k
        pages[cut_page][-1] += f"（下转 {target + offset}页）"
        pages.append([f"（上接 {cut_page + offset}页）" + tail[0], *tail[1:]] + ([f"（{note}）"] if note else []))
    return "\n\n".join(" " + "\n\n".join(page) for page in pages) + "\n"
