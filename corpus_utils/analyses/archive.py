"""Many issues → the cross-issue tables, one worker process per issue, memory flat.

Each worker loads one issue, builds its document-term table once, derives the issue's own
tables from it (term frequencies by column, keyness, phrase counts; written to
``figures/<issue_id>/tables/`` when ``write`` is set) and sends back only the small rows the
comparison needs: one summary row, a row per followed phrase, a row per column. The parent
never holds an ``Issue``, so memory does not grow with the archive beyond those rows, and the
two cores of the machine work on two issues at once.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..corpus.dates import dated, issue_dates, unlabelled
from ..paths import find_project_root
from .compare import SHARE_COLUMNS, SUMMARY_COLUMNS, TREND_COLUMNS, share_rows, summary_row, trend_rows

CONCEPT_TREND_COLUMNS = ["issue_id", "label", "concept", "count", "n_chars", "per_10k"]
PHRASE_COLUMN_COLUMNS = ["issue_id", "label", "phrase", "column", "count", "n_chars", "per_10k"]


@dataclass
class ArchiveTables:
    """The cross-issue tables, one row per issue (``summary``), per issue and phrase
    (``trends``), per issue and column (``shares``); issues in the order given."""

    summary: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=SUMMARY_COLUMNS))
    trends: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=TREND_COLUMNS))
    shares: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=SHARE_COLUMNS))
    broken: list[str] = field(default_factory=list)  # files that could not be read, one line each
    concepts: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=CONCEPT_TREND_COLUMNS))
    phrase_columns: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=PHRASE_COLUMN_COLUMNS))


def issue_rows(
    path: str | Path, phrases: Sequence[str], write: bool = False, concepts: dict | None = None
) -> dict[str, list[dict]]:
    """One issue's rows of the cross-issue tables (and, with ``write``, its own tables on disk)."""
    from ..corpus.dtm import document_terms
    from ..running.output import save_table
    from ..segmenting.issue import read_issue
    from .concepts import concept_counts
    from .frequencies import term_frequencies
    from .keyness import keyness
    from .recurring import phrase_counts, phrase_counts_by_column

    issue, error = read_issue(path)
    if issue is None:
        return {"broken": [error]}
    counts = phrase_counts(issue, phrases)
    if write:
        dtm = document_terms(issue)  # one document-term table for the issue's frequencies and keyness
        save_table(term_frequencies(issue, by="column", dtm=dtm), issue.issue_id, "term_frequencies_column")
        save_table(keyness(issue, dtm=dtm), issue.issue_id, "keyness")
        save_table(counts, issue.issue_id, "phrase_counts")
    summary = summary_row(issue)
    n_chars = summary["n_chars"]
    in_issue = concept_counts(issue, concepts or {}).groupby("concept", sort=False)["count"].sum()
    concept_rows = [
        {"issue_id": issue.issue_id, "concept": name, "count": n, "n_chars": n_chars}
        | {"per_10k": n / n_chars * 10_000 if n_chars else 0.0}
        for name, n in ((name, int(in_issue.get(name, 0))) for name in concepts or {})
    ]
    by_column = phrase_counts_by_column(issue, phrases, counts).assign(issue_id=issue.issue_id)
    return {
        "phrase_columns": by_column[unlabelled(PHRASE_COLUMN_COLUMNS)].to_dict("records"),
        "concepts": concept_rows,
        "summary": [summary],
        "trends": trend_rows(issue, phrases, counts),
        "shares": share_rows(issue),
    }


def archive_tables(
    paths: Iterable[str | Path],
    *,
    phrases: Sequence[str] | None = None,
    jobs: int | None = None,
    write: bool = False,
    concepts: dict | None = None,
) -> ArchiveTables:
    """The cross-issue tables of every issue in ``paths``, ``jobs`` issues at a time in worker
    processes (default: one per core; ``jobs=1`` runs in this process). A file that cannot be
    read is named in ``broken`` and left out. ``concepts`` (name → pattern, as ``read_concepts``
    gives; default: the project's ``dictionaries/concepts.toml`` if there is one) are counted
    per issue into ``concepts``."""
    from .concepts import concepts_file, read_concepts
    from .recurring import followed_phrases

    if concepts is None:
        found = find_project_root() and concepts_file()
        concepts = read_concepts(found) if found and found.is_file() else {}

    paths = [Path(p) for p in paths]
    phrases = list(dict.fromkeys(followed_phrases() if phrases is None else phrases))
    jobs = jobs or os.cpu_count() or 1
    rows: dict[str, list] = {
        "summary": [],
        "trends": [],
        "shares": [],
        "broken": [],
        "concepts": [],
        "phrase_columns": [],
    }

    def gather(parts: dict[str, list[dict]]) -> None:
        for key, part in parts.items():
            rows[key].extend(part)

    for parts in _mapped(issue_rows, paths, jobs, phrases, write, concepts):
        gather(parts)
    ids = {r["issue_id"] for r in rows["summary"]}
    read = [p for p in paths if p.stem in ids]
    dates = issue_dates(read)
    return ArchiveTables(
        summary=dated(pd.DataFrame(rows["summary"]), dates)[SUMMARY_COLUMNS] if read else ArchiveTables().summary,
        trends=dated(pd.DataFrame(rows["trends"], columns=unlabelled(TREND_COLUMNS)), dates),
        shares=dated(pd.DataFrame(rows["shares"], columns=unlabelled(SHARE_COLUMNS)), dates),
        broken=rows["broken"],
        concepts=dated(pd.DataFrame(rows["concepts"], columns=unlabelled(CONCEPT_TREND_COLUMNS)), dates),
        phrase_columns=dated(pd.DataFrame(rows["phrase_columns"], columns=unlabelled(PHRASE_COLUMN_COLUMNS)), dates),
    )


def issue_term_counts(path: str | Path) -> dict[str, int]:
    """One issue's analysis terms with their counts (empty for a file that cannot be read)."""
    from ..corpus.dtm import document_terms
    from ..segmenting.issue import read_issue

    issue, _ = read_issue(path)
    if issue is None:
        return {}
    dtm = document_terms(issue)
    return {t: int(n) for t, n in dtm.groupby("term")["count"].sum().items()}


def period_keyness(
    target: Sequence[str | Path],
    reference: Sequence[str | Path],
    *,
    min_count: int = 5,
    jobs: int | None = None,
) -> pd.DataFrame:
    """The issues of ``target`` together against those of ``reference`` (see
    ``keyness.keyness_of_counts``): term counts are summed as the workers send them, so memory
    holds two vocabularies, never the issues."""
    from .keyness import keyness_of_counts

    paths = [Path(p) for p in [*target, *reference]]
    sides = ["target"] * len(target) + ["reference"] * len(reference)
    totals: dict[str, Counter] = {"target": Counter(), "reference": Counter()}
    for side, counts in zip(sides, _mapped(issue_term_counts, paths, jobs or os.cpu_count() or 1), strict=True):
        totals[side].update(counts)
    return keyness_of_counts(totals["target"], totals["reference"], min_count=min_count)


def issue_column_term_counts(path: str | Path, terms: Sequence[str]) -> list[dict]:
    """One issue's counts of ``terms`` in each of its columns, with the column's size in terms."""
    from ..corpus.dtm import document_terms
    from ..segmenting.issue import read_issue

    issue, _ = read_issue(path)
    if issue is None:
        return []
    dtm = document_terms(issue)
    sizes = dtm.drop_duplicates("article_id").groupby("column", sort=False)["article_terms"].sum()
    counts = dtm[dtm["term"].isin(terms)].groupby(["term", "column"])["count"].sum()
    return [
        {
            "issue_id": issue.issue_id,
            "term": t,
            "column": c,
            "count": int(counts.get((t, c), 0)),
            "column_terms": int(n),
        }
        for t in terms
        for c, n in sizes.items()
    ]


def term_trends(
    paths: Sequence[str | Path], terms: Sequence[str] | None = None, *, n: int = 6, jobs: int | None = None
) -> pd.DataFrame:
    """``terms`` (default: the ``n`` most frequent analysis terms of all the issues together)
    issue by issue and column by column: ``issue_id, label, term, column, count, column_terms,
    per_1k`` (per 1,000 terms of the column), issues in date order. Two streaming passes over
    the issues (totals, then the chosen terms), so memory holds no issue."""
    paths = [Path(p) for p in paths]
    jobs = jobs or os.cpu_count() or 1
    if terms is None:
        totals: Counter = Counter()
        for counts in _mapped(issue_term_counts, paths, jobs):
            totals.update(counts)
        terms = [t for t, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]
    rows = [row for part in _mapped(issue_column_term_counts, paths, jobs, list(terms)) for row in part]
    frame = pd.DataFrame(rows, columns=["issue_id", "term", "column", "count", "column_terms"])
    frame["per_1k"] = frame["count"] / frame["column_terms"].where(frame["column_terms"] > 0) * 1000
    ids = set(frame["issue_id"])
    return dated(frame.fillna({"per_1k": 0.0}), issue_dates([p for p in paths if p.stem in ids]))


def term_trends_by_issue(trends: pd.DataFrame) -> pd.DataFrame:
    """A ``term_trends`` table summed over the columns: ``issue_id, label, term, count,
    issue_terms, per_1k``, in the same issue order."""
    keys = ["issue_id", "label", "term"]
    out = trends.groupby(keys, sort=False)[["count", "column_terms"]].sum().reset_index()
    out = out.rename(columns={"column_terms": "issue_terms"})
    out["per_1k"] = out["count"] / out["issue_terms"].where(out["issue_terms"] > 0) * 1000
    return out.fillna({"per_1k": 0.0})


def _mapped(fn, paths: list[Path], jobs: int, *extra):
    """``fn(path, *extra)`` for every path, in order: in worker processes where ``jobs > 1``
    (forked warm from this one, see ``_warm_up``). Every pass over the archive goes through it."""
    if jobs == 1 or len(paths) <= 1:
        yield from (fn(p, *extra) for p in paths)
        return
    _warm_up()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(fn, paths, *([e] * len(paths) for e in extra), chunksize=1)


def latest_against_previous(paths: Sequence[str | Path], *, previous: int = 6) -> tuple[list[Path], list[Path]]:
    """The latest issue (by date, see ``dates``) and the ``previous`` issues before it."""
    ordered = [Path(p) for p in _date_order(paths)]
    return ordered[-1:], ordered[-1 - previous : -1]


def split_at(paths: Sequence[str | Path], date: str) -> tuple[list[Path], list[Path]]:
    """The issues dated before ``date`` (``2020`` or ``2020-07``) and those from it on;
    undated issues are left out of both."""
    dates = issue_dates(paths)
    key = tuple(int(x) for x in date.split("-"))
    before, after = [], []
    for path, row in zip(paths, dates.itertuples(), strict=True):
        if row.year is None or pd.isna(row.year):
            continue
        month = row.month if row.month is not None and not pd.isna(row.month) else (row.number or 0)
        (before if (int(row.year), int(month or 0))[: len(key)] < key else after).append(Path(path))
    return before, after


def period_label(paths: Sequence[str | Path]) -> str:
    """A group of issues named for a chart: ``2020年第10期``, or ``2020年第4期—2020年第9期``."""
    if not paths:
        return "（无）"
    labels = dated(pd.DataFrame({"issue_id": [Path(p).stem for p in paths]}), issue_dates(paths))["label"]
    return labels.iloc[0] if len(labels) == 1 else f"{labels.iloc[0]}—{labels.iloc[-1]}（{len(labels)} 期）"


def _date_order(paths: Sequence[str | Path]) -> list[str]:
    dates = issue_dates(paths)
    ordered = dated(pd.DataFrame({"issue_id": dates["issue_id"]}), dates)["issue_id"].tolist()
    by_id = {Path(p).stem: p for p in paths}
    return [by_id[i] for i in ordered]


def _warm_up() -> None:
    """Load once in the parent what every worker needs: the stages' modules and the shared
    tokenizer with its engine (on Linux the workers are forked, and start with all of it)."""
    from ..corpus import dtm  # noqa: F401
    from ..running import output  # noqa: F401
    from ..text.tokens import get_tokenizer
    from . import frequencies, keyness, recurring  # noqa: F401

    _ = get_tokenizer().engine
