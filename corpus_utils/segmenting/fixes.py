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

    [[resume]]                            # a （上接…） block ends before this line: the article
    page = 16                             # it interrupted goes on here
    text = "推介企业产品及技术等内容。"

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

This module reads the file and checks each entry's shape; the entries are applied at three
stages, each in its own module: ``line_fixes`` before segmenting, ``record_fixes`` after, and
``fix_template`` writes a starting file from an issue's quality flags.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Choice, ConfigError, Int, ListOf, Schema, Str, Table, Tables, checked, toml_of
from ..reading.textfile import IssueFormatError
from .classify import LINE_KINDS, LineKind
from .record import KINDS

RECORD_FIELDS = ("column", "title", "authors", "kind", "author_note")
MAX_PAGE = 10_000  # a printed page number, or an offset, beyond this is a typing mistake
_SPACE = re.compile(r"\s+")
_LINE = {"page": Int(1, MAX_PAGE), "text": Str()}
_MATCH = {"match": Str()}
FIX_SCHEMA = Schema(
    {
        "page_offset": Int(-MAX_PAGE, MAX_PAGE),
        "line": Tables(Table({**_LINE, "kind": Choice(LINE_KINDS)}, required=("page", "text", "kind")), "line"),
        "start": Tables(Table(_LINE, required=("page", "text")), "start"),
        "resume": Tables(Table(_LINE, required=("page", "text")), "resume"),
        "merge": Tables(Table({"first": Str(), "second": Str()}, required=("first", "second")), "merge"),
        "record": Tables(
            Table(
                {
                    **_MATCH,
                    "column": Str(),
                    "title": Str(),
                    "authors": ListOf(Str()),
                    "kind": Choice(KINDS),
                    "author_note": Str(),
                },
                required=("match",),
            ),
            "record",
        ),
        "confirm": Tables(Table({**_MATCH, "note": Str(empty=True)}, required=("match",)), "confirm"),
    }
)


class CorrectionError(IssueFormatError):
    """A ``.fix.toml`` that cannot be read or applied; the message names the file and the entry."""


@dataclass(frozen=True)
class LineFix:
    page: int  # printed page
    text: str
    kind: LineKind | None  # None for a [[start]] or [[resume]] entry
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
    resumes: list[LineFix] = field(default_factory=list)
    merges: list[MergeFix] = field(default_factory=list)
    records: list[RecordFix] = field(default_factory=list)
    confirms: list[RecordFix] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(
            self.page_offset is not None
            or self.lines
            or self.starts
            or self.resumes
            or self.merges
            or self.records
            or self.confirms
        )


def fix_path(issue_path: str | Path) -> Path:
    """Where the corrections of an issue live: beside it, ``<stem>.fix.toml``."""
    path = Path(issue_path)
    return path.with_name(f"{path.stem}.fix.toml")


def read_corrections(path: str | Path) -> Corrections:
    """Read and check a ``.fix.toml`` (``FIX_SCHEMA``); an empty Corrections when there is no
    such file. Whatever does not fit raises a ``CorrectionError`` naming the entry."""
    path = Path(path)
    if not path.is_file():
        return Corrections(path)
    try:
        data = checked(toml_of(path), FIX_SCHEMA, path)
    except ConfigError as err:
        raise CorrectionError(path, f"{err.entry + ': ' if err.entry else ''}{err.problem}") from None
    fixes = Corrections(path, page_offset=data.get("page_offset"))
    for entry in data.get("line", []):
        fixes.lines.append(LineFix(entry["page"], entry["text"], entry["kind"], f"[[line]] {_show(entry)}"))
    for entry in data.get("start", []):
        fixes.starts.append(LineFix(entry["page"], entry["text"], None, f"[[start]] {_show(entry)}"))
    for entry in data.get("resume", []):
        fixes.resumes.append(LineFix(entry["page"], entry["text"], None, f"[[resume]] {_show(entry)}"))
    for entry in data.get("merge", []):
        fixes.merges.append(MergeFix(entry["first"], entry["second"], f"[[merge]] {_show(entry)}"))
    for entry in data.get("record", []):
        values = {k: v for k, v in entry.items() if k != "match"}
        if not values:
            raise CorrectionError(path, f"[[record]] {_show(entry)}: set one or more of {', '.join(RECORD_FIELDS)}")
        fixes.records.append(RecordFix(entry["match"], values, f"[[record]] {_show(entry)}"))
    for entry in data.get("confirm", []):
        fixes.confirms.append(RecordFix(entry["match"], {}, f"[[confirm]] {_show(entry)}"))
    return fixes


def compact(text: str) -> str:
    """The text without whitespace: how entries are matched to lines and records."""
    return _SPACE.sub("", text)


# internal functions ----------------------------------------------------------


def _show(entry: dict) -> str:
    return "{" + ", ".join(f"{k} = {v!r}" for k, v in entry.items()) + "}"
