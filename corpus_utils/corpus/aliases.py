"""Names from before the Corpus, kept so that code written against them still runs.

Each is a thin layer over ``Corpus.from_issue(issue)``: new code uses the corpus and its
matrix directly (``corpus.records``, ``corpus.columns()``, ``corpus.dtm()``).
"""

from __future__ import annotations

import warnings

import pandas as pd

from ..segmenting.issue import Issue
from ..text.tokens import Tokenizer, get_tokenizer
from .corpus import MIN_TERM_LEN, Corpus, as_corpus

ARTICLE_TABLE_COLUMNS = ["issue_id", "article_id", "kind", "column", "title", "authors", "pages", "n_chars", "text"]
DOCUMENT_TERM_COLUMNS = ["article_id", "column", "term", "count", "article_terms"]


def article_table(issue: Issue | Corpus) -> pd.DataFrame:
    """The records with a ``column`` label for every one and their size: ``issue_id,
    article_id, kind, column, title, authors, pages, n_chars, text`` (``corpus.records`` has
    these and the issue's date and label)."""
    return as_corpus(issue).records[ARTICLE_TABLE_COLUMNS]


def column_order(issue: Issue | Corpus) -> list[str]:
    """Column labels in the order the issue first prints them (``corpus.columns()``)."""
    return as_corpus(issue).columns()


def issue_tokenizer(issue: Issue) -> Tokenizer:
    """The tokenizer for an issue: domain, project and ``seeds/<issue_id>.terms`` dictionaries."""
    return get_tokenizer(issue.issue_id)


def document_terms(
    issue: Issue,
    *,
    tokenizer: Tokenizer | None = None,
    stopwords: frozenset[str] | None = None,
    min_len: int = MIN_TERM_LEN,
) -> pd.DataFrame:
    """Deprecated: use ``Corpus.from_issue(issue).dtm()``, a sparse matrix that every statistic
    takes. The long table ``article_id, column, term, count, article_terms`` of its non-zero
    cells (``article_terms``: the record's size in terms)."""
    warnings.warn("document_terms is deprecated: use Corpus.from_issue(issue).dtm()", DeprecationWarning, stacklevel=2)
    dtm = Corpus.from_issue(issue).dtm(tokenizer=tokenizer, stopwords=stopwords, min_len=min_len)
    cells = dtm.to_frame().rename(columns={"feature": "term"})
    sizes = dict(zip(dtm.docvars["article_id"], dtm.sizes(), strict=True))
    cells["column"] = cells["article_id"].map(dict(zip(dtm.docvars["article_id"], dtm.docvars["column"], strict=True)))
    cells["article_terms"] = cells["article_id"].map(sizes).astype("int64")
    return cells[DOCUMENT_TERM_COLUMNS]
