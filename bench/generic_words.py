"""Evidence for the genre's empty words: terms used everywhere, ranked high in every column.

    python bench/generic_words.py [ISSUE ...] [--share 0.55] [--top 30]

For each term of the issues (default: every issue in seeds/): the share of records that use it
and the number of columns whose top ``--top`` terms hold it. A term used by at least
``--share`` of the records and near the top of three or more columns says little about any
one of them; those are the candidates for ``corpus_utils/data/stopwords_domain.txt``, to be
read by a person: substantive words of the genre (干部, 组织, 群众, 党建) stay however common.
Stopwords are switched off here, so words already on the list show as well (marked).
"""

from __future__ import annotations

import argparse
import warnings

import pandas as pd

import corpus_utils as cu
from corpus_utils.text.tokens import stopword_list


def evidence(issues: list[cu.Issue], *, top: int = 30) -> pd.DataFrame:
    """Per term: records using it (share), columns ranking it in their top ``top``, total count."""
    rows = []
    for issue in issues:
        dtm = cu.document_terms(issue, stopwords=frozenset())
        by_col = dtm.groupby(["column", "term"])["count"].sum().reset_index()
        by_col["rank"] = by_col.groupby("column")["count"].rank(ascending=False, method="min")
        high = by_col[by_col["rank"] <= top].groupby("term")["column"].nunique()
        users = dtm.groupby("term")["article_id"].nunique() / max(len(issue.articles), 1)
        counts = dtm.groupby("term")["count"].sum()
        rows.append(pd.DataFrame({"share": users, "top_columns": high, "count": counts}).fillna(0))
    table = pd.concat(rows).groupby(level=0).agg({"share": "mean", "top_columns": "mean", "count": "sum"})
    stop = stopword_list()
    table["on_list"] = table.index.map(lambda t: t in stop)
    return table.sort_values(["share", "count"], ascending=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("issues", nargs="*")
    parser.add_argument("--share", type=float, default=0.55)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        issues = [cu.load_issue(p) for p in (args.issues or cu.seed_paths())]
    table = evidence(issues, top=args.top)
    picked = table[(table["share"] >= args.share) & (table["top_columns"] >= 3)]
    print(
        f"{len(issues)} issue(s); terms used by ≥{args.share:.0%} of records and in the top {args.top} of ≥3 columns:"
    )
    print(picked.round(2).to_string())


if __name__ == "__main__":
    main()
