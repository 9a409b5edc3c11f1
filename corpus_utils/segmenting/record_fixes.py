"""Record fixes: the ``[[merge]]``, ``[[record]]`` and ``[[confirm]]`` entries of a ``.fix.toml``.

They act after segmenting, on the records the reducer built: two records become one, a
record's fields are set, or a record is marked as read right so no flag is raised on it.
Records are found by title or by the beginning of the body, never by position.
"""

from __future__ import annotations

from pathlib import Path

from .fixes import CorrectionError, Corrections, compact
from .record import Record


def apply_record_fixes(fixes: Corrections, records: list[Record]) -> list[str]:
    """Merge and edit records in place, as the entries say; return what was done."""
    done: list[str] = []
    for fix in fixes.merges:
        first = _find_record(fixes.path, fix.entry, fix.first, records)
        second = _find_record(fixes.path, fix.entry, fix.second, records)
        if first is second:
            raise CorrectionError(fixes.path, f"{fix.entry}: first and second name the same record")
        for body, (page, line) in zip(second.body, second.body_at, strict=True):
            first.add(page, line, body.text, body.width, measure=body.measure)
        for page in second.pages:
            first.touch(page)
        first.authors = first.authors or second.authors
        first.author_note = first.author_note or second.author_note
        second.merged_into = first
        records.remove(second)
        first.corrections.append(f"merged with “{fix.second}”")
        done.append(f"“{fix.first}” and “{fix.second}” are one record")
    for fix in fixes.records:
        rec = _find_record(fixes.path, fix.entry, fix.match, records)
        for key, value in fix.values.items():
            if key == "title":
                rec.title_lines, rec.title_joined = [value], True
            elif key == "authors":
                rec.authors = list(value)
            else:
                setattr(rec, key, value)
        changed = ", ".join(f"{k} = {v!r}" for k, v in fix.values.items())
        rec.corrections.append(changed)
        done.append(f"“{fix.match}”: {changed}")
    for fix in fixes.confirms:
        rec = _find_record(fixes.path, fix.entry, fix.match, records)
        rec.confirmed = True
        done.append(f"“{fix.match}”: confirmed as read")
    return done


# internal functions ----------------------------------------------------------


def _find_record(path: Path, entry: str, match: str, records: list[Record]) -> Record:
    want = compact(match)
    by_title = [r for r in records if r.title and compact(r.title) == want]
    hits = by_title or [r for r in records if compact(r.text()).startswith(want)]
    if len(hits) != 1:
        problem = "matches no record" if not hits else f"matches {len(hits)} records: give more of the text"
        raise CorrectionError(path, f"{entry}: “{match}” {problem} (by title, or the start of the body)")
    return hits[0]
