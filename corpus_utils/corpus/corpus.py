"""Issues → a Corpus: the records of one or many issues with their document variables, their
terms sentence by sentence, and one document-term matrix built once.

``Corpus.from_issue(issue)`` is a corpus of one issue; ``Corpus.from_paths(paths)`` (or
``from_folder()``, every issue in ``seeds/``) reads many, one worker process per issue, each
sending back its records and its part of the matrix, never the ``Issue`` itself. Either way the
same API follows: ``corpus.records`` (one row per record: ``issue_id, label, date, article_id,
kind, column, title, authors, author_note, pages, n_chars, text``), ``corpus.issues`` (one row
per issue), ``corpus.subset(column="城市党建")``, ``corpus.dtm()`` and ``dtm.group(by)``.

Records without a column header get a bracketed label that says why: ``（讲话摘编）`` for the
leaders' excerpts, ``（无栏目）`` otherwise. Terms are ``tokens.terms`` of at least two characters
(single characters are mostly particles or fragments: 村, 党, 抓), each issue cut with its own
tokenizer (domain, project and ``seeds/<issue_id>.terms`` dictionaries). A record is keyed by
``article_id`` in a corpus of one issue and by ``issue_id, article_id`` in a corpus of several.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..paths import resolve_issue, seed_paths, seeds_dir
from ..segmenting.issue import Issue, printed_page, read_issue
from ..text.sentences import ENDS_SPAN
from ..text.tokens import Tokenizer, get_tokenizer, is_term, stopword_list
from ..workers import mapped
from .dates import DATE_COLUMNS, dated, issue_dates
from .dtm import DocumentTermMatrix, matrix_from_counts, stacked
from .reprints import MIN_SHARE, record_pairs, reprinted_mask

if TYPE_CHECKING:
    from collections.abc import Iterable

EXCERPTS_LABEL = "（讲话摘编）"
NO_COLUMN_LABEL = "（无栏目）"
MIN_TERM_LEN = 2
PATTERN_TIMEOUT = 2.0  # seconds a user's pattern may run on one record's text
RECORD_COLUMNS = [
    "issue_id",
    "label",
    "date",
    "article_id",
    "kind",
    "column",
    "title",
    "authors",
    "author_note",
    "pages",
    "n_chars",
    "text",
]
ISSUE_COLUMNS = [
    *DATE_COLUMNS,
    "source",
    "n_pages",
    "n_records",
    "n_articles",
    "n_chars",
    "page_offset",
    "leftover_chars",
]


@dataclass
class IssuePart:
    """What one issue brings to a corpus: its row of ``issues``, its records, where each
    record's pages begin, and (from a worker) its rows of the document-term matrix."""

    issue: dict
    records: pd.DataFrame
    page_starts: list
    dtm: DocumentTermMatrix | None = None


class Corpus:
    """The records of one or many issues (see the module docstring)."""

    def __init__(
        self,
        records: pd.DataFrame,
        issues: pd.DataFrame,
        page_starts: Sequence,
        *,
        broken: Sequence[str] = (),
        dtm: DocumentTermMatrix | None = None,
    ) -> None:
        self.records = records.reset_index(drop=True)
        self.issues = issues.reset_index(drop=True)
        self.broken = list(broken)  # files that could not be read, one line each
        self._page_starts = list(page_starts)
        self._dtms: dict[tuple, DocumentTermMatrix] = {} if dtm is None else {_DEFAULT: dtm}
        self._sentences: dict[tuple, list[list[list[str]]]] = {}

    def __repr__(self) -> str:
        return f"Corpus · {len(self.issues)} issue(s) · {len(self.records)} records"

    def __len__(self) -> int:
        return len(self.records)

    @classmethod
    def from_issue(cls, issue: Issue) -> Corpus:
        """A corpus of one issue."""
        return cls.from_issues([issue])

    @classmethod
    def from_issues(cls, issues: Sequence[Issue]) -> Corpus:
        """A corpus of issues already loaded, in the order given."""
        return _joined([issue_part(issue) for issue in issues], [i.source for i in issues], [])

    @classmethod
    def from_paths(
        cls,
        paths: Iterable[str | Path],
        *,
        jobs: int | None = None,
        each: Callable[[Issue, Corpus], object] | None = None,
    ) -> Corpus:
        """The issues in ``paths``, in that order, read by ``jobs`` worker processes (default:
        one per core). A file that cannot be read is named in ``broken`` and left out; a file
        named twice is read once. ``each`` (a module-level function) is called in the worker
        with every issue and its corpus of one, to write the issue's own tables for instance."""
        paths = list(dict.fromkeys(resolve_issue(p).resolve() for p in paths))
        parts, read, broken = [], [], []
        for path, got in zip(paths, mapped(part_from_path, paths, each, jobs=jobs, warm_up=_warm_up), strict=True):
            if isinstance(got, str):
                broken.append(got)
            else:
                parts.append(got)
                read.append(path)
        return _joined(parts, read, broken)

    @classmethod
    def from_folder(cls, folder: str | Path | None = None, *, jobs: int | None = None) -> Corpus:
        """Every issue in ``folder`` (default: the project's ``seeds/``), by file name."""
        if folder is None or Path(folder).resolve() == seeds_dir().resolve():
            return cls.from_paths(seed_paths(), jobs=jobs)
        folder = Path(folder)
        texts = {p.stem: p for p in folder.glob("*.txt")}
        pdfs = {p.stem: p for p in folder.glob("*.pdf") if p.stem not in texts}
        return cls.from_paths(sorted({**texts, **pdfs}.values()), jobs=jobs)

    @property
    def doc_keys(self) -> list[str]:
        """What names a record: ``article_id`` in one issue, ``issue_id, article_id`` across issues."""
        return ["article_id"] if self.records["issue_id"].nunique() <= 1 else ["issue_id", "article_id"]

    def columns(self) -> list[str]:
        """Column labels in the order the records first print them."""
        return list(dict.fromkeys(self.records["column"]))

    def subset(self, mask=None, **equals) -> Corpus:
        """The records where ``mask`` is true and every ``docvar=value`` holds (``issue=`` for
        ``issue_id``; a value may be a list of accepted values)."""
        keep = np.ones(len(self.records), dtype=bool) if mask is None else np.asarray(mask, dtype=bool)
        for name, value in equals.items():
            accepted = value if isinstance(value, list | tuple | set) else [value]
            keep &= self.records[{"issue": "issue_id"}.get(name, name)].isin(list(accepted)).to_numpy()
        rows = np.flatnonzero(keep)
        issues = self.issues[self.issues["issue_id"].isin(self.records.loc[keep, "issue_id"])]
        sub = Corpus(self.records.iloc[rows], issues, [self._page_starts[i] for i in rows], broken=self.broken)
        sub._dtms = {k: m.subset(keep) for k, m in self._dtms.items()}
        sub._sentences = {k: [s[i] for i in rows] for k, s in self._sentences.items()}
        return sub

    def without_reprints(self, *, min_share: float = MIN_SHARE) -> Corpus:
        """Each reprinted text counted once: the records of which ``min_share`` or more is an
        earlier record's text (``reprints``: issues by date) are left out, with their matrix rows."""
        pairs = record_pairs(self.records, self.issues, min_share=min_share)
        return self.subset(~reprinted_mask(pairs, len(self.records), min_share=min_share))

    def recounted(self) -> Corpus:
        """The same records without their tokens and matrices: tokenized again on first use, with
        the dictionaries as they are now."""
        return Corpus(self.records, self.issues, self._page_starts, broken=self.broken)

    def sentences(
        self,
        *,
        tokenizer: Tokenizer | None = None,
        stopwords: frozenset[str] | None = None,
        min_len: int = MIN_TERM_LEN,
    ) -> list[list[list[str]]]:
        """Each record's sentences, each as its terms (sentences without terms left out); the
        tokens collocations and networks count, and the matrix's counts. Built once per option."""
        key = _options(tokenizer, stopwords, min_len)
        if key not in self._sentences:
            stop = stopword_list() if stopwords is None else stopwords
            self._sentences[key] = [
                sentence_terms(text, tokenizer=tokenizer or get_tokenizer(issue_id), stopwords=stop, min_len=min_len)
                for issue_id, text in zip(self.records["issue_id"], self.records["text"], strict=True)
            ]
        return self._sentences[key]

    def dtm(
        self,
        *,
        tokenizer: Tokenizer | None = None,
        stopwords: frozenset[str] | None = None,
        min_len: int = MIN_TERM_LEN,
    ) -> DocumentTermMatrix:
        """The records × terms matrix, built once per option (from the workers' parts where
        they sent them). Document variables: ``records`` without the text, plus ``n_terms``."""
        key = _options(tokenizer, stopwords, min_len)
        if key not in self._dtms:
            sentences = self.sentences(tokenizer=tokenizer, stopwords=stopwords, min_len=min_len)
            counts = [Counter(t for s in record for t in s) for record in sentences]
            self._dtms[key] = matrix_from_counts(_docvars(self.records, counts), counts, keys=self.doc_keys)
        return self._dtms[key]

    def phrase_matrix(self, phrases: Iterable[str]) -> DocumentTermMatrix:
        """Records × phrases: non-overlapping occurrences of each phrase in the rebuilt text (so
        one split by a line wrap counts), phrases in the order given."""
        phrases = list(dict.fromkeys(phrases))
        counts = [{p: text.count(p) for p in phrases} for text in self.records["text"]]
        return matrix_from_counts(_docvars(self.records), counts, features=phrases, keys=self.doc_keys)

    def pattern_matrix(
        self, patterns: dict[str, re.Pattern], *, joined_by: re.Pattern | None = None
    ) -> DocumentTermMatrix:
        """Records × named patterns: the matches (or mentions, see ``matches``) of each pattern in
        the rebuilt text. A pattern of the ``regex`` module that runs longer than
        ``PATTERN_TIMEOUT`` on one record raises ``PatternTimeout``."""
        counts = [
            {name: matches(p, text, name, joined_by=joined_by) for name, p in patterns.items()}
            for text in self.records["text"]
        ]
        return matrix_from_counts(_docvars(self.records), counts, features=list(patterns), keys=self.doc_keys)

    def page_at(self, row: int, offset: int) -> int:
        """The printed page of the character at ``offset`` in the text of record ``row`` (its
        position in ``records``)."""
        return printed_page(
            self.records["text"].iat[row], self.records["pages"].iat[row], self._page_starts[row], offset
        )

    @property
    def label(self) -> str:
        """How charts name this corpus's issues: its one issue's label (``2019年第11期``), or
        the first and last with their number."""
        return self.period_label(list(self.issues["issue_id"]))

    def period_label(self, issue_ids: Sequence[str]) -> str:
        """A group of issues named for a chart: ``2020年第10期``, or ``2020年第4期—2020年第9期（6 期）``."""
        labels = dated(pd.DataFrame({"issue_id": list(dict.fromkeys(issue_ids))}), self.issues)["label"]
        if labels.empty:
            return "（无）"
        return labels.iloc[0] if len(labels) == 1 else f"{labels.iloc[0]}—{labels.iloc[-1]}（{len(labels)} 期）"


class PatternTimeout(TimeoutError):
    """A user's pattern ran longer than ``PATTERN_TIMEOUT`` on one text."""

    def __init__(self, name: str, seconds: float) -> None:
        self.name, self.seconds = name, seconds
        super().__init__(f"{name}: over {seconds:g} s on one text")


def matches(pattern, text: str, name: str = "pattern", *, joined_by: re.Pattern | None = None) -> int:
    """How many non-overlapping matches ``pattern`` has in ``text``; with ``joined_by``, matches
    separated only by text it matches whole (a pause mark, 和, nothing) count as one mention:
    ``不忘初心、牢记使命`` is one. A pattern of the ``regex`` module is stopped after
    ``PATTERN_TIMEOUT`` seconds (``PatternTimeout``)."""
    timed = type(pattern).__module__.lstrip("_") == "regex"
    try:
        found = pattern.finditer(text, timeout=PATTERN_TIMEOUT) if timed else pattern.finditer(text)
        spans = [m.span() for m in found if m.end() > m.start()]
    except TimeoutError:
        raise PatternTimeout(name, PATTERN_TIMEOUT) from None
    if joined_by is None:
        return len(spans)
    mentions, end = 0, None
    for start, stop in spans:
        if end is None or not joined_by.fullmatch(text, end, start):
            mentions += 1
        end = stop
    return mentions


def issue_part(issue: Issue) -> IssuePart:
    """One loaded issue's part of a corpus (its records labelled, its row of ``issues``)."""
    records = issue.articles.copy()
    missing = records["column"].isna()
    records.loc[missing, "column"] = records.loc[missing, "kind"].map(
        lambda k: EXCERPTS_LABEL if k == "excerpt" else NO_COLUMN_LABEL
    )
    records.insert(0, "issue_id", issue.issue_id)
    records["label"], records["date"] = None, None
    row = {
        "issue_id": issue.issue_id,
        "source": str(issue.source),
        "n_pages": issue.n_pages,
        "n_records": len(records),
        "n_articles": int((records["kind"] == "article").sum()),
        "n_chars": int(records["n_chars"].sum()),
        "page_offset": issue.page_offset.offset,
        "leftover_chars": issue.balance().leftovers,
    }
    return IssuePart(row, records[RECORD_COLUMNS], list(issue.reading["page_starts"]))


def part_from_path(path: Path, each: Callable[[Issue, Corpus], object] | None = None) -> IssuePart | str:
    """One issue file's part of a corpus with its rows of the matrix (in a worker process), or
    why the file cannot be read, in one line."""
    issue, error = read_issue(path)
    if issue is None:
        return error
    part = issue_part(issue)
    one = Corpus(part.records, pd.DataFrame([part.issue]), part.page_starts)
    part.dtm = one.dtm()
    if each is not None:
        each(issue, one)
    return part


def sentence_terms(
    text: str, *, tokenizer: Tokenizer, stopwords: frozenset[str], min_len: int = MIN_TERM_LEN
) -> list[list[str]]:
    """A text's sentences (split after 。！？；!?;… and at line breaks), each as its analysis
    terms, from one cut of the whole text (sentences without terms left out)."""
    out, sentence = [], []
    for token in tokenizer.cut(text):
        if ENDS_SPAN.search(token):
            if sentence:
                out.append(sentence)
            sentence = []
        elif is_term(token, stopwords, min_len):
            sentence.append(token)
    if sentence:
        out.append(sentence)
    return out


def as_corpus(x: Issue | Corpus | Sequence[Issue] | Sequence[str | Path], *, jobs: int | None = None) -> Corpus:
    """A corpus as given; the corpus of one issue, of issues already loaded, or of issue files
    (read by ``jobs`` worker processes)."""
    if isinstance(x, Corpus):
        return x
    if isinstance(x, Issue):
        return Corpus.from_issue(x)
    items = list(x)
    if items and all(isinstance(i, Issue) for i in items):
        return Corpus.from_issues(items)
    return Corpus.from_paths(items, jobs=jobs)


def as_matrix(x: Issue | Corpus | DocumentTermMatrix, *, tokenizer: Tokenizer | None = None) -> DocumentTermMatrix:
    """A matrix as given, or the records × terms matrix of a corpus or an issue."""
    if isinstance(x, DocumentTermMatrix):
        return x
    return as_corpus(x).dtm(tokenizer=tokenizer)


# internal functions ----------------------------------------------------------

_DEFAULT = (None, None, MIN_TERM_LEN)


def _options(tokenizer, stopwords, min_len) -> tuple:
    return (None if tokenizer is None else tokenizer.signature, None if stopwords is None else stopwords, min_len)


def _docvars(records: pd.DataFrame, counts: Sequence[Counter] | None = None) -> pd.DataFrame:
    docvars = records.drop(columns="text")
    if counts is not None:
        docvars["n_terms"] = np.array([sum(c.values()) for c in counts], dtype=np.int64)
    return docvars


def _joined(parts: list[IssuePart], paths: list[Path], broken: list[str]) -> Corpus:
    dates = issue_dates(paths).set_index("issue_id")
    issue_rows = [dates.loc[p.issue["issue_id"]].to_dict() | p.issue for p in parts]
    issues = pd.DataFrame(issue_rows, columns=[c for c in ISSUE_COLUMNS if c != "issue_id"])
    issues.insert(0, "issue_id", [p.issue["issue_id"] for p in parts])
    issues = issues[ISSUE_COLUMNS]
    records = (
        pd.concat([p.records for p in parts], ignore_index=True) if parts else pd.DataFrame(columns=RECORD_COLUMNS)
    )
    records["label"] = records["issue_id"].map(dates["label"])
    records["date"] = records["issue_id"].map(dates["date"])
    starts = [s for p in parts for s in p.page_starts]
    corpus = Corpus(records, issues, starts, broken=broken)
    if parts and all(p.dtm is not None for p in parts):
        whole = stacked([p.dtm for p in parts])
        docvars = _docvars(corpus.records)
        docvars["n_terms"] = whole.docvars["n_terms"].to_numpy()
        corpus._dtms[_DEFAULT] = DocumentTermMatrix(whole.counts, whole.features, docvars, tuple(corpus.doc_keys))
    return corpus


def _warm_up() -> None:
    """Load the shared tokenizer's engine once, before the workers are forked from this process."""
    _ = get_tokenizer().engine
