"""Issues over time → the groups a comparison needs: the latest issue and the ones before it,
the issues before a date and those from it on (or, with no date, the latest year against the
years before: ``default_split``), and a name for each group on a chart.

Each function takes a ``Corpus`` and gives issue ids, which ``keyness(dtm, by="issue_id",
target=…, reference=…)`` compares; given a list of issue files instead, it gives files, as it
always has.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import pandas as pd

from ..corpus.corpus import Corpus
from ..corpus.dates import dated, issue_dates
from .keyness import keyness


def latest_against_previous(x: Corpus | Sequence[str | Path], *, previous: int = 6) -> tuple[list, list]:
    """The latest issue (by date, see ``dates``) and the ``previous`` issues before it."""
    ordered = _date_order(x)
    return ordered[-1:], ordered[-1 - previous : -1]


def split_at(x: Corpus | Sequence[str | Path], date: str) -> tuple[list, list]:
    """The issues dated before ``date`` (``2020`` or ``2020-07``) and those from it on;
    undated issues are left out of both."""
    dates, named = _dates(x)
    key = tuple(int(part) for part in date.split("-"))
    before, after = [], []
    for name, row in zip(named, dates.itertuples(), strict=True):
        if row.year is None or pd.isna(row.year):
            continue
        month = row.month if row.month is not None and not pd.isna(row.month) else (row.number or 0)
        (before if (int(row.year), int(month or 0))[: len(key)] < key else after).append(name)
    return before, after


def default_split(x: Corpus | Sequence[str | Path]) -> tuple[list, list, str]:
    """Two periods to compare when no date is given: the latest year against the years before
    it where the dated issues span several years, else the later half of the dated issues
    against the earlier half; and a sentence saying which, for the chart. Undated issues are in
    neither; with fewer than two dated issues both are empty and the sentence says why."""
    dates, named = _dates(x)
    order = {name: k for k, name in enumerate(_date_order(x))}
    rows = sorted(
        ((row.year, name) for name, row in zip(named, dates.itertuples(), strict=True) if not _missing(row.year)),
        key=lambda r: order[r[1]],
    )
    if len(rows) < 2:
        return [], [], "有日期的期数不足两期，无法分期比较"
    years = sorted({int(y) for y, _ in rows})
    if len(years) > 1:
        latest = years[-1]
        before = [n for y, n in rows if int(y) < latest]
        after = [n for y, n in rows if int(y) == latest]
        return before, after, f"默认分期：最近一年（{latest}年）对此前各年（可用 split_date 指定分界）"
    half = len(rows) // 2
    names = [n for _, n in rows]
    return names[:half], names[half:], "默认分期：日期范围的后一半对前一半（可用 split_date 指定分界）"


def period_label(x: Corpus | Sequence[str | Path], issue_ids: Sequence[str] | None = None) -> str:
    """A group of issues named for a chart: ``2020年第10期``, or ``2020年第4期—2020年第9期（6 期）``
    (the issues ``issue_ids`` of a corpus, or the issue files given)."""
    if isinstance(x, Corpus):
        return x.period_label(issue_ids or [])
    if not x:
        return "（无）"
    labels = dated(pd.DataFrame({"issue_id": [Path(p).stem for p in x]}), issue_dates(x))["label"]
    return labels.iloc[0] if len(labels) == 1 else f"{labels.iloc[0]}—{labels.iloc[-1]}（{len(labels)} 期）"


def period_keyness(
    target: Sequence[str | Path],
    reference: Sequence[str | Path],
    *,
    min_count: int = 5,
    jobs: int | None = None,
    reprints: Literal["keep", "once"] = "keep",
) -> pd.DataFrame:
    """The issue files of ``target`` together against those of ``reference``: ``keyness`` of the
    two groups of a corpus of both (``TARGET_COLUMNS``); ``reprints="once"`` leaves out the
    records that reprint an earlier one (``Corpus.without_reprints``)."""
    corpus = Corpus.from_paths([*target, *reference], jobs=jobs)
    corpus = corpus.without_reprints() if reprints == "once" else corpus
    ids = [Path(p).stem for p in target], [Path(p).stem for p in reference]
    return keyness(corpus.dtm(), by="issue_id", target=ids[0], reference=ids[1], min_count=min_count)


def _missing(value) -> bool:
    return value is None or pd.isna(value)


def _dates(x: Corpus | Sequence[str | Path]) -> tuple[pd.DataFrame, list]:
    """Each issue's dates and what names it (its id in a corpus, else its file)."""
    if isinstance(x, Corpus):
        return x.issues.reset_index(drop=True), list(x.issues["issue_id"])
    return issue_dates(x), [Path(p) for p in x]


def _date_order(x: Corpus | Sequence[str | Path]) -> list:
    dates, named = _dates(x)
    ordered = dated(pd.DataFrame({"issue_id": dates["issue_id"]}), dates)["issue_id"].tolist()
    by_id = dict(zip(dates["issue_id"], named, strict=True))
    return [by_id[i] for i in ordered]
