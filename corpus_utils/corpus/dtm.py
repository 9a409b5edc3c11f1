"""Articles → document-term counts: the table every statistic starts from.

One row per (article, term) with its count, terms as ``tokens.terms`` gives them (no
punctuation, numbers or stopwords), so frequencies, TF-IDF and keyness all count the same
words. Records without a column header get a bracketed label that says why: ``（讲话摘编）``
for the leaders' excerpts, ``（无栏目）`` otherwise.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pandas as pd

from ..segmenting.issue import Issue
from ..text.tokens import Tokenizer, get_tokenizer, stopword_list, terms

EXCERPTS_LABEL = "（讲话摘编）"
NO_COLUMN_LABEL = "（无栏目）"
MIN_TERM_LEN = 2


def article_table(issue: Issue) -> pd.DataFrame:
    """The issue's records with a ``column`` label for every one and their size.

    Columns: ``issue_id, article_id, kind, column, title, authors, pages, n_chars, text``.
    """
    frame = issue.articles.copy()
    missing = frame["column"].isna()
    frame.loc[missing, "column"] = frame.loc[missing, "kind"].map(
        lambda k: EXCERPTS_LABEL if k == "excerpt" else NO_COLUMN_LABEL
    )
    frame.insert(0, "issue_id", issue.issue_id)
    return frame[["issue_id", "article_id", "kind", "column", "title", "authors", "pages", "n_chars", "text"]]


def column_order(issue: Issue) -> list[str]:
    """Column labels in the order the issue first prints them."""
    return list(dict.fromkeys(article_table(issue)["column"]))


def issue_tokenizer(issue: Issue) -> Tokenizer:
    """The tokenizer for an issue: domain, project and ``seeds/<issue_id>.terms`` dictionaries."""
    return get_tokenizer(issue.issue_id)


def term_analyzer(
    tokenizer: Tokenizer,
    *,
    stopwords: frozenset[str] | None = None,
    min_len: int = MIN_TERM_LEN,
) -> Callable[[str], list[str]]:
    """The one rule for what every statistic counts: ``tokens.terms`` of at least ``min_len``
    characters. Single characters are mostly particles or fragments (村, 党, 抓) and would
    top every list. Plugs into scikit-learn as an ``analyzer``."""
    stop = stopword_list() if stopwords is None else stopwords
    return lambda text: terms(text, tokenizer=tokenizer, stopwords=stop, min_len=min_len)


def document_terms(
    issue: Issue,
    *,
    tokenizer: Tokenizer | None = None,
    stopwords: frozenset[str] | None = None,
    min_len: int = MIN_TERM_LEN,
) -> pd.DataFrame:
    """Counts of every term in every record, terms as ``term_analyzer`` gives them.

    Columns: ``article_id, column, term, count, article_terms`` (one row per term an article
    uses); ``article_terms`` is the article's total number of terms, the size keyness and
    dispersion divide by (an article without terms has no rows and adds nothing to either).
    """
    analyze = term_analyzer(tokenizer or issue_tokenizer(issue), stopwords=stopwords, min_len=min_len)
    rows, sizes = [], {}
    for art in article_table(issue).itertuples():
        counts = Counter(analyze(art.text))
        sizes[art.article_id] = sum(counts.values())
        rows.extend((art.article_id, art.column, term, n) for term, n in counts.items())
    frame = pd.DataFrame(rows, columns=["article_id", "column", "term", "count"])
    frame["article_terms"] = frame["article_id"].map(sizes).astype("int64")
    return frame
