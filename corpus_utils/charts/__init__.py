"""Tables → charts: each ``plot_*`` takes a table a statistic returned and gives a matplotlib
Figure, drawn in the project's Chinese font (``fonts``) with the report's style.

The ``plot_*`` functions load matplotlib on first use, so importing the package (or its font
check) stays light.
"""

from importlib import import_module

_HOMES = {
    "plot_citing_columns": "discourse",
    "plot_column_sizes": "terms",
    "plot_county_coverage": "discourse",
    "plot_framing": "discourse",
    "plot_issue_trends": "trends",
    "plot_keyness_heatmap": "keyness",
    "plot_network": "network",
    "plot_period_keyness": "keyness",
    "plot_phrase_by_column": "trends",
    "plot_phrase_counts": "phrases",
    "plot_phrase_dispersion": "phrases",
    "plot_tfidf_terms": "terms",
    "plot_top_terms": "terms",
    "plot_topic_shares": "topics",
    "plot_topic_terms": "topics",
    "plot_units": "discourse",
    "plot_wordclouds": "terms",
    "report_style": "style",
    "report_style_context": "style",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str):
    if name in _HOMES:
        return getattr(import_module(f".{_HOMES[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
