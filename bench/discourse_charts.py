"""The discourse charts on generated archives of any size, to look at: notebook 09's charts
(reprint shares, formula, citation and framing trends, county coverage) and notebook 08's for
the latest issue, drawn from ``--issues`` issues of ``tests/discoursegen.py``.

python bench/discourse_charts.py [--issues 2 240] [--seed 0] [--out /tmp/discourse_charts]

Writes ``<out>/<n>_issues/*.png`` (the same calls and arguments as the notebooks) at 100 dpi (the
report writes 200). Whether a chart is legible is for a person to judge: open them.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("CORPUS_UTILS_CACHE", tempfile.mkdtemp(prefix="discourse_charts_cache_"))

from discoursegen import generate_run, write_run  # noqa: E402

import corpus_utils as cu  # noqa: E402
from corpus_utils import charts  # noqa: E402
from corpus_utils.charts.style import report_style_context  # noqa: E402

TOP_N = 8  # formulas and speakers drawn, as notebook 09's parameter


def across_issues(corpus: cu.Corpus) -> dict:
    """Notebook 09's charts, reprinted records counted once."""
    counted = corpus.without_reprints()
    summary = cu.reprint_summary(corpus)
    shares = summary.assign(what="转载文字", percent=summary["share"] * 100)
    inventory = cu.formula_inventory(counted)
    trends = cu.formula_trends(counted, list(inventory["formula"]))
    top = list(inventory.sort_values("count", ascending=False, kind="stable")["formula"][:TOP_N])
    speakers = cu.citation_trends(counted)
    totals = speakers.groupby("speaker", sort=False)["count"].sum()
    cited = list(totals.sort_values(ascending=False, kind="stable").index[:TOP_N])
    return {
        "09_reprint_shares": charts.plot_issue_trends(
            shares, value="percent", series="what", what="转载", unit="转载文字占全期文字的百分比", ncols=1
        ),
        "09_formula_trends": charts.plot_issue_trends(
            trends[trends["formula"].isin(top)], series="formula", what="编号提法"
        ),
        "09_citation_trends": charts.plot_issue_trends(
            speakers[speakers["speaker"].isin(cited)], series="speaker", what="被引用的领导人"
        ),
        "09_framing_trends": charts.plot_issue_trends(
            cu.framing_trends(counted), value="per_1k", series="frame", what="框架", unit="每千字次数"
        ),
        "09_county_coverage": charts.plot_county_coverage(cu.county_coverage(counted)),
    }


def latest_issue(corpus: cu.Corpus) -> dict:
    """Notebook 08's charts for the latest issue of the archive."""
    latest = corpus.issues["issue_id"].iloc[-1]
    one = corpus.subset(issue=latest)
    formulas = list(cu.formula_inventory(one)["formula"])
    by_column = cu.formula_counts(one, formulas, by="column", zeros=True)
    home = cu.home_of(one)
    units = cu.contributing_units(one, home=home)
    mentions = cu.place_mentions(one, home=home)
    return {
        "08_formulas_by_column": charts.plot_phrase_counts(
            by_column, rows="formula", issue=one.label, title="编号提法在各栏目的出现次数"
        ),
        "08_citations_by_column": charts.plot_citing_columns(cu.citing_columns(one), issue=one.label),
        "08_units": charts.plot_units(units, issue=one.label),
        "08_county_coverage": charts.plot_county_coverage(cu.county_coverage(one, units=units, mentions=mentions)),
        "08_framing_by_column": charts.plot_framing(cu.framing_counts(one, by="column"), issue=one.label),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--issues", type=int, nargs="+", default=[2, 240])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "discourse_charts")
    args = parser.parse_args()
    import matplotlib.pyplot as plt

    for n in args.issues:
        folder = args.out / f"{n}_issues"
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            corpus = cu.Corpus.from_paths(write_run(generate_run(args.seed, n), Path(tmp)))
            figures = {**across_issues(corpus), **latest_issue(corpus)}
        for name, fig in figures.items():
            with report_style_context():  # as save_figure writes them
                fig.savefig(folder / f"{name}.png", dpi=100)
            print(f"{n:>4} issues  {name:<24} {folder / name}.png")
            plt.close(fig)


if __name__ == "__main__":
    main()
