"""Record texts → recurring phrases: counts per record and group, positions, KWIC lines.

Counts are taken over the rebuilt text (a phrase split by a line wrap in the raw file still
counts once), as non-overlapping occurrences, independent of how the tokenizer cuts: the
corpus's phrase matrix (``corpus.phrase_matrix``), grouped like any other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from ..config import ConfigError
from ..corpus.corpus import Corpus, as_corpus
from ..paths import phrases_file
from ..segmenting.issue import Issue, solid_offset
from ..text.phrases import quoted_phrases
from ..text.tokens import read_dictionary
from .frequencies import feature_frequencies
from .rates import PER_10K, rate

KWIC_COLUMNS = ["title", "column", "page", "left", "keyword", "right"]


def followed_phrases(path: Path | None = None) -> list[str]:
    """The phrases to follow, from ``dictionaries/phrases.txt``: their one home, read by the
    report, by notebooks run by hand and by every function here given no phrases."""
    path = Path(path) if path is not None else phrases_file()
    if not path.is_file():
        raise ConfigError(path, "no list of phrases to follow (one phrase a line, # comments)")
    phrases = [e.word for e in read_dictionary(path)]
    if not phrases:
        raise ConfigError(path, "the list of phrases to follow is empty (one phrase a line, # comments)")
    return list(dict.fromkeys(phrases))


def phrase_counts(x: Issue | Corpus, phrases: Iterable[str] | None = None) -> pd.DataFrame:
    """Occurrences of each phrase in each record that uses it, phrase by phrase.

    ``per_10k = count / n_chars * 10,000`` with ``n_chars`` the record's non-whitespace
    characters. Columns: ``phrase``, the record's keys (``article_id``), ``column, count, per_10k``.
    """
    corpus = as_corpus(x)
    matrix = corpus.phrase_matrix(_phrases(phrases))
    cells = matrix.counts.tocoo()
    order = np.lexsort((cells.row, cells.col))
    rows, cols = cells.row[order], cells.col[order]
    frame = pd.DataFrame({"phrase": matrix.features[cols]})
    for key in [*corpus.doc_keys, "column"]:
        frame[key] = matrix.docvars[key].to_numpy()[rows]
    frame["count"] = cells.data[order].astype(np.int64)
    frame["per_10k"] = rate(frame["count"], pd.Series(matrix.docvars["n_chars"].to_numpy()[rows]), PER_10K)
    return frame


def phrase_counts_by_column(x: Issue | Corpus, phrases: Iterable[str] | None = None, *, by="column") -> pd.DataFrame:
    """Each phrase in each group (default: each column), zeros included, phrase by phrase:
    ``phrase``, the group's keys, ``count, n_chars, per_10k``."""
    grouped = as_corpus(x).phrase_matrix(_phrases(phrases)).group(by)
    table = feature_frequencies(grouped, zeros=True, by_feature=True).rename(columns={"feature": "phrase"})
    return table[["phrase", *grouped.keys, "count", "n_chars", "per_10k"]]


def phrase_positions(x: Issue | Corpus, phrases: Iterable[str] | None = None) -> pd.DataFrame:
    """Every occurrence with its printed page and its place in the reading order.

    ``position`` runs from 0 to 1 over the body text of the records in reading order, so a
    dispersion plot shows where a phrase clusters. Columns: ``phrase``, the record's keys
    (``article_id``), ``column, page, offset, position``.
    """
    corpus = as_corpus(x)
    records = corpus.records
    keys = corpus.doc_keys
    starts = records["n_chars"].cumsum() - records["n_chars"]
    total = max(int(records["n_chars"].sum()), 1)
    rows = []
    for phrase in _phrases(phrases):
        for k, (text, start) in enumerate(zip(records["text"], starts, strict=True)):
            for m in re.finditer(re.escape(phrase), text):
                rows.append(
                    {"phrase": phrase}
                    | {key: records[key].iat[k] for key in keys}
                    | {
                        "column": records["column"].iat[k],
                        "page": corpus.page_at(k, m.start()),
                        "offset": m.start(),
                        "position": (start + solid_offset(text, m.start())) / total,
                    }
                )
    return pd.DataFrame(rows, columns=["phrase", *keys, "column", "page", "offset", "position"])


def kwic(
    x: Issue | Corpus,
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
    right context; default: reading order. Columns: the record's keys (``article_id``), ``title,
    column, page, left, keyword, right``.
    """
    if sort not in (None, "left", "right"):
        raise ValueError(f"sort must be None, 'left' or 'right', not {sort!r}")
    pattern = re.compile(phrase if regex else re.escape(phrase))
    corpus = as_corpus(x)
    records = corpus.records
    keys = corpus.doc_keys
    rows = []
    for k, text in enumerate(records["text"]):
        for m in pattern.finditer(text):
            if m.end() == m.start():
                continue  # an empty match says nothing
            rows.append(
                {key: records[key].iat[k] for key in keys}
                | {
                    "title": records["title"].iat[k],
                    "column": records["column"].iat[k],
                    "page": corpus.page_at(k, m.start()),
                    "left": text[max(0, m.start() - width) : m.start()].replace("\n", " "),
                    "keyword": m.group(0),
                    "right": text[m.end() : m.end() + width].replace("\n", " "),
                }
            )
    frame = pd.DataFrame(rows, columns=[*keys, *KWIC_COLUMNS])
    if sort == "left" and len(frame):
        frame = frame.iloc[frame["left"].str[::-1].argsort(kind="stable")]
    elif sort == "right" and len(frame):
        frame = frame.iloc[frame["right"].argsort(kind="stable")]
    return frame.reset_index(drop=True)


def quoted_phrase_counts(x: Issue | Corpus, *, min_count: int = 2) -> pd.DataFrame:
    """The quoted slogans and numbered formulas: ``phrase, count, formula, n_articles``.

    Slogans seen at least ``min_count`` times and every numbered formula.
    """
    texts = as_corpus(x).records["text"].tolist()
    table = quoted_phrases(texts)
    table["n_articles"] = [sum(f"“{p}”" in t for t in texts) for p in table["phrase"]]
    keep = (table["count"] >= min_count) | table["formula"]
    return table[keep].reset_index(drop=True)


def _phrases(phrases: Iterable[str] | None) -> list[str]:
    return list(dict.fromkeys(followed_phrases() if phrases is None else phrases))
