"""Corrections without code: what a user says the segmenter got wrong, in ``<issue>.fix.toml``.

The file sits beside the issue (``seeds/000_x.txt`` → ``seeds/000_x.fix.toml``) and is read
inside ``load_issue``, so every notebook and table sees the corrected issue. Lines are named
by their printed page and their text (or its beginning), records by their title or the
beginning of their body, never by line number or position, so a fix survives a new
extraction of the same issue. An entry that matches nothing, or more than one thing, is an
error naming the file and the entry::

    page_offset = 2                       # printed page = page index + 2

    [[line]]                              # this line is a title / header / byline / body …
    page = 27
    text = "围绕“3+1”下好城市治理先手棋"
    kind = "title"

    [[start]]                             # a new article starts at this line
    page = 12
    text = "近年来，吉林高新区坚持"

    [[merge]]                             # these two records are one (the second goes on the first)
    first = "加强干部队伍建设 激励干部新时代新担当"
    second = "年初以来，船营区"

    [[record]]                            # set a record's fields
    match = "聚力服务真抓实干"             # its title, or the beginning of its body
    column = "城市党建"
    title = "聚力服务 真抓实干"
    authors = ["船营区委组织部"]
    kind = "article"

    [[confirm]]                           # read right: checked by hand, raise no flag on it
    match = "党建联盟 为城市基层党建注入新活力"
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..reading.textfile import IssueFormatError
from .classify import LINE_KINDS, LineKind
from .pages import Page, PageOffset
from .record import KINDS, Record

RECORD_FIELDS = ("column", "title", "authors", "kind", "author_note")
_SPACE = re.compile(r"\s+")


class CorrectionError(IssueFormatError):
    """A ``.fix.toml`` that cannot be read or applied; the message names the file and the entry."""


@dataclass(frozen=True)
class LineFix:
    page: int  # printed page
    text: str
    kind: LineKind | None  # None for a [[start]] entry
    entry: str  # how the entry reads, for messages


@dataclass(frozen=True)
class RecordFix:
    match: str
    values: dict[str, Any]
    entry: str


@dataclass(frozen=True)
class MergeFix:
    first: str
    second: str
    entry: str


@dataclass
class Corrections:
    """The entries of one ``.fix.toml``, checked for shape but not yet matched to the issue."""

    path: Path
    page_offset: int | None = None
    lines: list[LineFix] = field(default_factory=list)
    starts: list[LineFix] = field(default_factory=list)
    merges: list[MergeFix] = field(default_factory=list)
    records: list[RecordFix] = field(default_factory=list)
    confirms: list[RecordFix] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(
            self.page_offset is not None or self.lines or self.starts or self.merges or self.records or self.confirms
        )


def fix_path(issue_path: str | Path) -> Path:
    """Where the corrections of an issue live: beside it, ``<stem>.fix.toml``."""
    path = Path(issue_path)
    return path.with_name(f"{path.stem}.fix.toml")


def read_corrections(path: str | Path) -> Corrections:
    """Read and check a ``.fix.toml``; an empty Corrections when there is no such file."""
    path = Path(path)
    if not path.is_file():
        return Corrections(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise CorrectionError(path, f"not a valid TOML file ({err})") from None
    unknown = set(data) - {"page_offset", "line", "start", "merge", "record", "confirm"}
    if unknown:
        raise CorrectionError(
            path, f"unknown section(s) {sorted(unknown)}: use page_offset, line, start, merge, record, confirm"
        )
    fixes = Corrections(path)
    if "page_offset" in data:
        if not isinstance(data["page_offset"], int):
            raise CorrectionError(path, f"page_offset must be a whole number, not {data['page_offset']!r}")
        fixes.page_offset = data["page_offset"]
    for entry in data.get("line", []):
        page, text = _page_and_text(path, "line", entry)
        kind = entry.get("kind")
        if kind not in LINE_KINDS:
            raise CorrectionError(path, f"[[line]] {_show(entry)}: kind must be one of {', '.join(LINE_KINDS)}")
        fixes.lines.append(LineFix(page, text, kind, f"[[line]] {_show(entry)}"))
    for entry in data.get("start", []):
        page, text = _page_and_text(path, "start", entry)
        fixes.starts.append(LineFix(page, text, None, f"[[start]] {_show(entry)}"))
    for entry in data.get("merge", []):
        if not isinstance(entry.get("first"), str) or not isinstance(entry.get("second"), str):
            raise CorrectionError(
                path, f"[[merge]] {_show(entry)}: needs first = … and second = … (titles or openings)"
            )
        fixes.merges.append(MergeFix(entry["first"], entry["second"], f"[[merge]] {_show(entry)}"))
    for entry in data.get("record", []):
        if not isinstance(entry.get("match"), str):
            raise CorrectionError(path, f"[[record]] {_show(entry)}: needs match = its title or the start of its body")
        values = {k: v for k, v in entry.items() if k != "match"}
        bad = set(values) - set(RECORD_FIELDS)
        if bad or not values:
            raise CorrectionError(
                path, f"[[record]] {_show(entry)}: set one or more of {', '.join(RECORD_FIELDS)} (not {sorted(bad)})"
            )
        if "kind" in values and values["kind"] not in KINDS:
            raise CorrectionError(path, f"[[record]] {_show(entry)}: kind must be one of {', '.join(KINDS)}")
        if "authors" in values and not (
            isinstance(values["authors"], list) and all(isinstance(a, str) for a in values["authors"])
        ):
            raise CorrectionError(path, f"[[record]] {_show(entry)}: authors must be a list of names")
        fixes.records.append(RecordFix(entry["match"], values, f"[[record]] {_show(entry)}"))
    for entry in data.get("confirm", []):
        if not isinstance(entry.get("match"), str) or set(entry) - {"match", "note"}:
            raise CorrectionError(path, f"[[confirm]] {_show(entry)}: needs match = its title or the start of its body")
        fixes.confirms.append(RecordFix(entry["match"], {}, f"[[confirm]] {_show(entry)}"))
    return fixes


def locate_lines(
    fixes: Corrections, pages: list[Page], offset: PageOffset
) -> tuple[dict[tuple[int, int], LineKind], frozenset[tuple[int, int]], list[str]]:
    """Find the lines the entries name: (page index, line number) → kind, the starts, and what was done."""
    kinds: dict[tuple[int, int], LineKind] = {}
    starts: set[tuple[int, int]] = set()
    done: list[str] = []
    for fix in [*fixes.lines, *fixes.starts]:
        index = fix.page - offset.offset
        page = pages[index] if 0 <= index < len(pages) else None
        want = _compact(fix.text)
        hits = [ln for ln in (page.lines if page else ()) if _compact(ln.text).startswith(want)]
        if len(hits) != 1:
            problem = "matches no line" if not hits else f"matches {len(hits)} lines: give more of the text"
            raise CorrectionError(fixes.path, f"{fix.entry}: {problem} on printed page {fix.page}")
        key = (index, hits[0].number)
        if fix.kind is None:
            starts.add(key)
            done.append(f"p.{fix.page} “{fix.text}”: a new article starts here")
        else:
            kinds[key] = fix.kind
            done.append(f"p.{fix.page} “{fix.text}”: read as {fix.kind}")
    return kinds, frozenset(starts), done


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


def _page_and_text(path: Path, section: str, entry: dict) -> tuple[int, str]:
    page, text = entry.get("page"), entry.get("text")
    if not isinstance(page, int) or not isinstance(text, str) or not text.strip():
        raise CorrectionError(path, f"[[{section}]] {_show(entry)}: needs page = <printed page> and text = <the line>")
    return page, text


def _find_record(path: Path, entry: str, match: str, records: list[Record]) -> Record:
    want = _compact(match)
    by_title = [r for r in records if r.title and _compact(r.title) == want]
    hits = by_title or [r for r in records if _compact(r.text()).startswith(want)]
    if len(hits) != 1:
        problem = "matches no record" if not hits else f"matches {len(hits)} records: give more of the text"
        raise CorrectionError(path, f"{entry}: “{match}” {problem} (by title, or the start of the body)")
    return hits[0]


def _compact(text: str) -> str:
    return _SPACE.sub("", text)


def _show(entry: dict) -> str:
    return "{" + ", ".join(f"{k} = {v!r}" for k, v in entry.items()) + "}"


def template_text(issue: Any) -> str:
    """A commented starting ``.fix.toml`` for an issue: its suspicious spots, then every entry."""
    off = issue.page_offset
    arts = issue.articles.set_index("article_id")
    out = [
        f"# Corrections for {issue.issue_id} ({issue.source}), read by load_issue: every notebook and table sees them.",
        "# Name lines by printed page and text (or its beginning), records by title or the start of the body.",
        "# Uncomment what applies. `python -m corpus_utils segment FILE --explain PAGE` shows how a page was read.",
        "",
        f"# page_offset = {off.offset}  # printed page = page index + {off.offset} ({off.source}: "
        f"{off.agreeing} of {off.markers} markers agree)",
        "",
    ]
    flags = issue.flags()
    out.append(f"# -- suspicious spots: {len(flags)} flag(s), {len(issue.leftovers)} leftover(s) " + "-" * 20)
    for r in flags.itertuples():
        if r.article_id is None:
            out += [f"# issue {r.flag}: {_one_line(r.detail)}", ""]
            continue
        row = arts.loc[r.article_id]
        name = row["title"] or _opening(row["text"])
        out.append(f"# #{r.article_id} {r.flag} (pages {', '.join(map(str, row['pages']))}): {_one_line(r.detail)}")
        nxt = arts.loc[r.article_id + 1] if r.article_id + 1 in arts.index else None
        if r.flag in ("ends_mid_sentence", "long_for_column", "guessed_boundary") and nxt is not None:
            out += ["# [[merge]]", f'# first = "{name}"', f'# second = "{nxt["title"] or _opening(nxt["text"])}"']
        if r.flag in ("long_for_column", "guessed_boundary", "short_body"):
            out += ["# [[start]]", f"# page = {row['pages'][-1]}", '# text = "<the first words of the line>"']
        if r.flag == "no_title":
            out += ["# [[record]]", f'# match = "{name}"', '# title = "<the title>"']
        out += ["# [[confirm]]", f'# match = "{name}"']
        out.append("")
    for r in issue.leftovers.itertuples():
        first = r.text.split("\n")[0]
        out += [
            f"# leftover p.{r.page}: {_one_line(r.text)}",
            "# [[line]]",
            f"# page = {r.page}",
            f'# text = "{first[:16]}"',
            '# kind = "body"  # or title, byline, header, note …',
            "",
        ]
    out += [
        "# -- the entries " + "-" * 60,
        "# [[line]]      page, text, kind: the line is a "
        + " / ".join(LINE_KINDS[:4])
        + " / "
        + " / ".join(LINE_KINDS[4:]),
        "# [[start]]     page, text: a new article starts at this line",
        "# [[merge]]     first, second: the two records are one (the second goes on the first)",
        "# [[record]]    match, then any of " + ", ".join(RECORD_FIELDS) + ": set the record's fields",
        "# [[confirm]]   match: the record was read right (checked by hand): raise no flag on it",
        "",
    ]
    return "\n".join(out)


def _opening(text: str) -> str:
    return _compact(text)[:12]


def _one_line(text: str) -> str:
    text = _SPACE.sub(" ", str(text))
    return text if len(text) <= 100 else text[:99] + "…"
