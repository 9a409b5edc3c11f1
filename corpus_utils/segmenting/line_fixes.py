"""Line fixes: the ``[[line]]``, ``[[start]]`` and ``[[resume]]`` entries of a ``.fix.toml``, found on the pages.

They act before segmenting: a ``[[line]]`` entry sets a line's class, a ``[[start]]`` entry
says an article begins at a line, a ``[[resume]]`` entry that the article a （上接…） block
interrupted goes on at a line, and the reducer takes them as given. Finding the lines is
its own step because it needs the pages and their printed numbers, and nothing of the records.
"""

from __future__ import annotations

from .classify import LineKind
from .fixes import CorrectionError, Corrections, compact
from .pages import Page, PageOffset


def locate_lines(
    fixes: Corrections, pages: list[Page], offset: PageOffset
) -> tuple[dict[tuple[int, int], LineKind], frozenset[tuple[int, int]], frozenset[tuple[int, int]], list[str]]:
    """Find the lines the entries name: (page index, line number) → kind, the starts, the
    resumptions, and what was done."""
    kinds: dict[tuple[int, int], LineKind] = {}
    starts: set[tuple[int, int]] = set()
    resumes: set[tuple[int, int]] = set()
    done: list[str] = []
    for fix in [*fixes.lines, *fixes.starts, *fixes.resumes]:
        index = fix.page - offset.offset
        page = pages[index] if 0 <= index < len(pages) else None
        want = compact(fix.text)
        hits = [ln for ln in (page.lines if page else ()) if compact(ln.text).startswith(want)]
        if len(hits) != 1:
            problem = "matches no line" if not hits else f"matches {len(hits)} lines: give more of the text"
            raise CorrectionError(fixes.path, f"{fix.entry}: {problem} on printed page {fix.page}")
        key = (index, hits[0].number)
        if fix in fixes.resumes:
            resumes.add(key)
            done.append(f"p.{fix.page} “{fix.text}”: the interrupted article resumes here")
        elif fix.kind is None:
            starts.add(key)
            done.append(f"p.{fix.page} “{fix.text}”: a new article starts here")
        else:
            kinds[key] = fix.kind
            done.append(f"p.{fix.page} “{fix.text}”: read as {fix.kind}")
    return kinds, frozenset(starts), frozenset(resumes), done
