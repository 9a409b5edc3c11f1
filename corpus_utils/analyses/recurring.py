"""Article texts → recurring phrases: counts per article and column, positions, KWIC lines.

Counts are taken over the rebuilt text (a phrase split by a line wrap in the raw file still
counts once), as non-overlapping occurrences, independent of how the tokenizer cuts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from ..corpus.dtm import article_table
from ..paths import phrases_file
from ..segmenting.issue import Issue, solid_offset
from ..text.phrases import quoted_phrases
from ..text.tokens import read_dictionary


def followed_phrases(path: Path | None = None) -> list[str]:
    """The phrases to follow, from ``dictionaries/phrases.txt``: their one home, read by the
    report, by notebooks run by hand and by every function here given no phrases."""
    path = Path(path) if path is not None else phrases_file()
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no list of phrases to follow (one phrase a line, # comments)")
    phrases = [e.word for e in read_dictionary(path)]
    if not phrases:
        raise ValueError(f"{path}: the list of phrases to follow is empty")
    return list(dict.fromkeys(phrases))


def phrase_counts(issue: Issue, phrases: Iterable[str] | None = None) -> pd.DataFrame:
    """Occurrences of each phrase in each record that uses it.

    ``per_10k = count / n_chars * 10,000`` with ``n_chars`` the record's non-whitespace
    characters. Columns: ``phrase, article_id, column, count, per_10k``.
    """
    arts = article_table(issue)
    rows = [
        {
            "phrase": phrase,
            "article_id": art.article_id,
            "column": art.column,
            "count": n,
            "per_10k": n / art.n_chars * 10_000,
        }
        for phrase in dict.fromkeys(followed_phrases() if phrases is None else phrases)
        for art in arts.itertuples()
        if (n := art.text.count(phrase))
    ]
    return pd.DataFrame(rows, columns=["phrase", "article_id", "column", "count", "per_10k"])


def phrase_counts_by_column(
    issue: Issue, phrases: Iterable[str] | None = None, counts: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Each phrase in each column, zeros included: ``phrase, column, count, n_chars, per_10k``
    (``counts``: the issue's ``phrase_counts`` for these phrases, if at hand)."""
    phrases = list(dict.fromkeys(followed_phrases() if phrases is None else phrases))
    arts = article_table(issue)
    sizes = arts.groupby("column", sort=False)["n_chars"].sum()
    counts = (phrase_counts(issue, phrases) if counts is None else counts).groupby(["phrase", "column"])["count"].sum()
    rows = [
        {"phrase": p, "column": c, "count": int(counts.get((p, c), 0)), "n_chars": int(n)}
        for p in phrases
        for c, n in sizes.items()
    ]
    frame = pd.DataFrame(rows, columns=["phrase", "column", "count", "n_chars"])
    frame["per_10k"] = frame["count"] / frame["n_chars"].where(frame["n_chars"] > 0) * 10_000
    return frame.fillna({"per_10k": 0.0})


def phrase_positions(issue: Issue, phrases: Iterable[str] | None = None) -> pd.DataFrame:
    """Every occurrence with its printed page and its place in the issue's reading order.

    ``position`` runs from 0 to 1 over the issue's body text in reading order, so a
    dispersion plot shows where in the issue a phrase clusters. Columns: ``phrase,
    article_id, column, page, offset, position``.
    """
    arts = article_table(issue)
    starts = arts["n_chars"].cumsum() - arts["n_chars"]
    total = max(int(arts["n_chars"].sum()), 1)
    rows = []
    for phrase in dict.fromkeys(followed_phrases() if phrases is None else phrases):
        for art, start in zip(arts.itertuples(), starts, strict=True):
            for m in re.finditer(re.escape(phrase), art.text):
                solid = solid_offset(art.text, m.start())
                rows.append(
                    {
                        "phrase": phrase,
                        "article_id": art.article_id,
                        "column": art.column,
                        "page": issue.page_at(art.article_id, m.start()),
                        "offset": m.start(),
                        "position": (start + solid) / total,
                    }
                )
    return pd.DataFrame(rows, columns=["phrase", "article_id", "column", "page", "offset", "position"])


def kwic(
    issue: Issue,
    phrase: str,
    *,
    width: int = 20,
    regex: bool = False,
    sort: str | None = None,
) -> pd.DataFrame:
    """Key word in context: each occurrence with ``width`` characters either side, aligned on
    the keyword.

    ``phrase`` is a literal string, or a regular expression with ``regex=True`` (``担当.{0,2}作为``;
    the ``keyword`` column then holds what matched). ``sort="left"`` orders the lines by the
    left context read from the keyword outwards (the nearest character first), ``"right"`` by the
    right context; default: reading order. Columns: ``article_id, title, column, page, left,
    keyword, right``.
    """
    if sort not in (None, "left", "right"):
        raise ValueError(f"sort must be None, 'left' or 'right', not {sort!r}")
    pattern = re.compile(phrase if regex else re.escape(phrase))
    arts = article_table(issue)
    rows = []
    for art in arts.itertuples():
        text = art.text
        for m in pattern.finditer(text):
            if m.end() == m.start():
                continue  # an empty match says nothing
            rows.append(
                {
                    "article_id": art.article_id,
                    "title": art.title,
                    "column": art.column,
                    "page": issue.page_at(art.article_id, m.start()),
                    "left": text[max(0, m.start() - width) : m.start()].replace("\n", " "),
                    "keyword": m.group(0),
                    "right": text[m.end() : m.end() + width].replace("\n", " "),
                }
            )
    frame = pd.DataFrame(rows, columns=["article_id", "title", "column", "page", "left", "keyword", "right"])
    if sort == "left" and len(frame):
        frame = frame.iloc[frame["left"].str[::-1].argsort(kind="stable")]
    elif sort == "right" and len(frame):
        frame = frame.iloc[frame["right"].argsort(kind="stable")]
    return frame.reset_index(drop=True)


def quoted_phrase_counts(issue: Issue, *, min_count: int = 2) -> pd.DataFrame:
    """The issue's quoted slogans and numbered formulas: ``phrase, count, formula, n_articles``.

    Slogans seen at least ``min_count`` times and every numbered formula.
    """
    texts: Sequence[str] = article_table(issue)["text"].tolist()
    table = quoted_phrases(texts)
    table["n_articles"] = [sum(f"“{p}”" in t for t in texts) for p in table["phrase"]]
    keep = (table["count"] >= min_count) | table["formula"]
    return table[keep].reset_index(drop=True)
