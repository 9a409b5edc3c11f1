"""One magazine issue, loaded and segmented: the object every later stage starts from."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..paths import issue_id_of, resolve_issue, shown_path
from ..reading.textfile import IssueFormatError, decode_issue_bytes, is_pdf, normalised_text_and_repairs
from .fixes import fix_path, read_corrections
from .frames import (
    ARTICLE_COLUMNS,
    IssueData,
    articles_frame,
    decisions_frame,
    fragments_frame,
    issue_rows,
    n_chars,
    reading_frame,
    trace_frame,
)
from .issue_cache import cache_key, cached_issue, store_issue
from .line_fixes import locate_lines
from .pages import Page, PageOffset, infer_page_offset, split_pages
from .record_fixes import apply_record_fixes
from .reduce import segment_articles


@dataclass(frozen=True)
class CharBalance:
    """Non-whitespace characters of the input against where they ended up."""

    input: int
    body: int
    metadata: int
    leftovers: int

    @property
    def difference(self) -> int:
        return self.input - (self.body + self.metadata + self.leftovers)

    @property
    def holds(self) -> bool:
        return self.difference == 0


@dataclass
class Issue:
    """A segmented issue.

    ``articles`` has the columns ``article_id, kind, column, title, authors, author_note,
    pages, text`` (``pages`` are printed page numbers in reading order, continuation pages
    included) and ``n_chars`` (non-whitespace characters of the text); ``reading`` says how
    each record was read (``article_id, page_starts, guessed, title_doubt, paragraph_doubts,
    confirmed, corrections``: where in its text each page's part begins, see ``page_at``; what
    was guessed or doubted; what the ``.fix.toml`` confirmed or changed); ``metadata`` and
    ``leftovers`` hold every other piece of text with its page.
    """

    issue_id: str
    source: Path
    text: str
    pages: list[Page]
    page_offset: PageOffset
    articles: pd.DataFrame
    metadata: pd.DataFrame
    leftovers: pd.DataFrame
    warnings: list[str] = field(default_factory=list)
    corrections: list[str] = field(default_factory=list)  # what the issue's .fix.toml changed
    trace: pd.DataFrame | None = None  # every line with its class, rule and what was done with it
    repaired: int = 0  # look-alike characters (CJK radicals for ideographs) repaired in the text
    reading: pd.DataFrame | None = None  # how each record was read (see above)
    decisions: pd.DataFrame | None = None  # the choices the text did not settle (see above)

    @classmethod
    def from_data(cls, data: IssueData) -> Issue:
        """The issue with its tables, from its plain data (a fresh segmentation or the cache's)."""
        rows = data.rows
        return cls(
            issue_id=data.issue_id,
            source=data.source,
            text=data.text,
            pages=data.pages,
            page_offset=data.page_offset,
            articles=articles_frame(rows.records),
            metadata=fragments_frame(rows.metadata),
            leftovers=fragments_frame(rows.leftovers)[["page", "line", "text"]],
            warnings=list(data.warnings),
            corrections=list(data.corrections),
            trace=trace_frame(rows.trace),
            repaired=data.repaired,
            reading=reading_frame(rows.records),
            decisions=decisions_frame(rows.decisions),
        )

    def __repr__(self) -> str:
        return f"Issue {self.issue_id} · {self.n_pages} pages · {len(self.articles)} records"

    def flags(self, *, every: bool = False) -> pd.DataFrame:
        """Signs of a wrong reading (see ``quality``): ``article_id`` (None for the whole issue),
        ``level`` (``problem`` or ``doubt``), ``flag``, ``rule``, ``p_wrong`` (how often a record
        raising it was wrong on generated issues), ``detail``, ``check``, ``fix`` (the
        ``.fix.toml`` entry that corrects it) and ``shown``. By default only the flags worth a
        look: every problem, and the doubts likely wrong; ``every=True`` gives all of them."""
        from .decision_flags import shown
        from .quality import issue_flags, record_flags

        whole = issue_flags(self).assign(article_id=None, level="problem", p_wrong=1.0)
        per_record = record_flags(self.articles, self.metadata, self.reading, self.decisions)
        flags = pd.concat([whole, per_record.astype({"article_id": object})], ignore_index=True)
        flags["shown"] = [shown(level, p) for level, p in zip(flags["level"], flags["p_wrong"], strict=True)]
        columns = ["article_id", "level", "flag", "rule", "p_wrong", "detail", "check", "fix", "shown"]
        flags = flags[columns].astype({"shown": bool})
        return flags if every else flags[flags["shown"]].reset_index(drop=True)

    def explain(self, page: int) -> pd.DataFrame:
        """The lines of a printed page: ``line, kind, rule, action, text`` (see ``segment
        --explain``); a line where the segmenter chose without the text settling it says so in
        ``action``, with the rule and the reading it rejected."""
        if self.trace is None:
            return pd.DataFrame(columns=["line", "kind", "rule", "action", "text"])
        rows = self.trace.loc[self.trace["page"] == page].sort_values("line", kind="stable")
        rows = rows[["line", "kind", "rule", "action", "text"]].reset_index(drop=True)
        if self.decisions is not None and not self.decisions.empty:
            from .decisions import RULES

            here = self.decisions[self.decisions["page"] == page].drop_duplicates(["rule", "line"])
            notes: dict[int, list[str]] = {}
            for d in here.itertuples():
                notes.setdefault(int(d.line), []).append(
                    f"DECIDED ({d.rule}): {RULES[d.rule].chose}; not: {RULES[d.rule].rejected}"
                )
            rows["action"] = [
                "; ".join([a, *notes.get(int(ln), [])]) for a, ln in zip(rows["action"], rows["line"], strict=True)
            ]
        return rows

    @property
    def n_pages(self) -> int:
        return len(self.pages)

    def balance(self) -> CharBalance:
        """Count characters (whitespace aside) in the input, the bodies, the metadata and the leftovers."""
        return CharBalance(
            input=n_chars(self.text),
            body=sum(n_chars(t) for t in self.articles["text"]),
            metadata=sum(n_chars(t) for t in self.metadata["text"]),
            leftovers=sum(n_chars(t) for t in self.leftovers["text"]),
        )

    def contents(self) -> pd.DataFrame:
        """The table of contents: ``article_id, kind, column, title, authors, pages, n_chars``."""
        toc = self.articles[["article_id", "kind", "column", "title", "authors", "pages", "n_chars"]].copy()
        toc["authors"] = toc["authors"].map("、".join)
        toc["pages"] = toc["pages"].map(lambda ps: ",".join(map(str, ps)))
        return toc

    def page_at(self, article_id: int, offset: int) -> int:
        """The printed page of the character at ``offset`` in an article's text."""
        row = self.articles.loc[self.articles["article_id"] == article_id].iloc[0]
        starts = self.reading.loc[self.reading["article_id"] == article_id, "page_starts"].iloc[0]
        return printed_page(row["text"], row["pages"], starts, offset)

    def to_json(self) -> dict:
        """The issue as plain data: ``{"issue": …, "articles": […], "leftovers": […]}``."""
        return {
            "issue": {
                "issue_id": self.issue_id,
                "source": str(self.source),
                "page_offset": self.page_offset.offset,
                "n_pages": self.n_pages,
                "repaired": self.repaired,
            },
            "articles": [
                {**row, "authors": list(row["authors"]), "pages": list(row["pages"])}
                for row in self.articles[ARTICLE_COLUMNS].to_dict("records")
            ],
            "leftovers": [{"page": int(r.page), "text": r.text} for r in self.leftovers.itertuples()],
            "flags": [
                {
                    "article_id": None if r.article_id is None else int(r.article_id),
                    "level": r.level,
                    "flag": r.flag,
                    "rule": r.rule,
                    "p_wrong": float(r.p_wrong),
                    "detail": r.detail,
                    "check": r.check,
                    "fix": r.fix,
                    "shown": bool(r.shown),
                }
                for r in self.flags(every=True).itertuples()
            ],
            "corrections": list(self.corrections),
        }


def printed_page(text: str, pages: list[int], page_starts: list[tuple[int, int]], offset: int) -> int:
    """The printed page of the character at ``offset`` in a record's text, from where each of
    its pages begins (``page_starts``: solid offset, printed page)."""
    solid = solid_offset(text, offset)
    page = pages[0]
    for start, printed in page_starts:
        if start <= solid:
            page = printed
    return page


def solid_offset(text: str, offset: int) -> int:
    """How many non-whitespace characters of ``text`` come before ``offset``: a place in the
    text that does not move when paragraph breaks or spaces do."""
    return offset - sum(c.isspace() for c in text[:offset])


def load_issue(path: str | Path, *, page_offset: int | None = None, cache: bool = True) -> Issue:
    """Read and segment one issue file.

    ``page_offset`` (printed page minus page index) overrides the offset inferred from the
    continuation markers. Raises ``IssueFormatError`` for a file that is not an issue's text.
    The result is cached on disk, keyed by the file's bytes, its path, the offset and the
    segmenter's own code, so a rerun on an unchanged issue skips the segmentation.
    """
    path = resolve_issue(path)
    key = cache_key(path, page_offset) if cache and path.is_file() else None
    data = cached_issue(key) if key is not None else None
    if data is None:
        data = _segment(path, page_offset)
        if key is not None:
            store_issue(key, data)
    for note in data.warnings:
        warnings.warn(note, stacklevel=2)
    return Issue.from_data(data)


def read_issue(path: str | Path) -> tuple[Issue | None, str | None]:
    """The issue loaded without its warnings, or None and why not in one line
    (``seeds/001_x.txt: empty file``): for the report and the archive's workers, which name a
    broken file and go on with the others."""
    path = resolve_issue(path)
    if not path.is_file():
        return None, f"{shown_path(path)}: no such file"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return load_issue(path), None
    except IssueFormatError as err:
        return None, f"{shown_path(err.source)}: {err.problem}"
    except OSError as err:
        return None, f"{shown_path(path)}: {err.strerror or err}"


def _segment(path: Path, page_offset: int | None) -> IssueData:
    if not path.is_file():
        raise IssueFormatError(path, "no such file")
    try:
        issue_id = issue_id_of(path)
    except ValueError as err:
        raise IssueFormatError(path, str(err)) from None
    numbered = None
    pdf = None
    if is_pdf(path):
        from ..reading.pdf import pdf_issue_text, printed_page_offset

        pdf = pdf_issue_text(path)
        raw = pdf.text
        numbered = printed_page_offset(pdf.printed), len(pdf.printed)
        notes = []
    else:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            raw = decode_issue_bytes(path.read_bytes(), source=path)
        notes = [str(w.message) for w in caught]  # stray NUL bytes dropped
    text, repaired = normalised_text_and_repairs(raw)
    repaired += pdf.repaired if pdf is not None else 0
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pages = split_pages(text, source=str(path))
    notes += [str(w.message) for w in caught if pdf is None or len(pages) > 1]  # a one-page PDF is one page
    if pdf is not None:
        notes += pdf.warnings
    fixes = read_corrections(fix_path(path))
    offset = infer_page_offset(pages, offset=page_offset if page_offset is not None else fixes.page_offset)
    if page_offset is None and fixes.page_offset is None and numbered and numbered[0]:
        (printed, agree), total = numbered
        offset = PageOffset(printed, agree, total, "printed")
    kinds, starts, resumes, corrected = locate_lines(fixes, pages, offset)
    if pdf is not None:  # where the PDF shows an article's text begin, under its title; its title lines
        starts = starts | {(k, pages[k].lines[i].number) for k, i in pdf.starts if i < len(pages[k].lines)}
        shown = {(k, pages[k].lines[i].number) for k, i in pdf.titles if i < len(pages[k].lines)}
        kinds = {**dict.fromkeys(shown, "title"), **kinds}  # a .fix.toml has the last word
    seg = segment_articles(pages, offset, source=str(path), overrides=kinds, starts=starts, resumes=resumes)
    corrected += apply_record_fixes(fixes, seg.records)
    if fixes.page_offset is not None and page_offset is None:
        corrected.insert(0, f"page offset set to {fixes.page_offset}")
    notes += seg.warnings
    if offset.source == "default":
        notes.append(f"{path}: no pair of continuation markers; printed pages assumed to start at {offset.offset}")
    return IssueData(issue_id, path, text, pages, offset, issue_rows(seg, offset), notes, corrected, repaired)
