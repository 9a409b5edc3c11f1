"""corpus_utils: from a raw issue of a 组工 magazine to articles, tokens, tables and charts.

The stages follow the data: ``loading`` (bytes → text), ``pages`` (text → pages),
``paragraphs`` (lines → paragraphs), ``layout`` and ``articles`` (pages → article records),
``issue`` (the loaded, segmented issue), ``tokens`` (text → tokens with the domain
dictionary), ``phrases`` (phrase discovery and the segmentation check), ``dfm``
(document-term counts), ``frequencies``, ``tfidf``, ``keyness``, ``recurring`` (phrase
counts, positions, KWIC) and ``compare`` (tables), ``plots`` and ``output`` (charts, files).
"""

from .archive import (
    ArchiveTables,
    archive_tables,
    latest_against_previous,
    period_keyness,
    period_label,
    split_at,
    term_trends,
    term_trends_by_issue,
)
from .collocations import collocates
from .compare import column_shares, issue_summary, issue_trends
from .concepts import concept_counts, concepts_by_column, read_concepts
from .dates import issue_dates
from .dfm import article_table, column_order, document_terms, issue_tokenizer
from .frequencies import column_overview, term_frequencies
from .issue import CharBalance, Issue, load_issue
from .keyness import keyness
from .loading import IssueFormatError
from .network import cooccurrence_network, network_edges
from .output import interactive, save_figure, save_table, shown
from .paths import resolve_issue, seed_paths
from .phrases import add_phrases, discover_phrases, phrase_check, quoted_phrases
from .recurring import (
    followed_phrases,
    kwic,
    phrase_counts,
    phrase_counts_by_column,
    phrase_positions,
    quoted_phrase_counts,
)
from .tfidf import top_tfidf_terms
from .tokens import Tokenizer, get_tokenizer, stopword_list, terms, tokenize, write_terms
from .topics import fit_topics, topic_choice, topic_corpus, topic_labels, topic_shares, topic_trends

__all__ = [
    "ArchiveTables",
    "CharBalance",
    "Issue",
    "IssueFormatError",
    "Tokenizer",
    "add_phrases",
    "archive_tables",
    "article_table",
    "collocates",
    "column_order",
    "column_overview",
    "column_shares",
    "concept_counts",
    "concepts_by_column",
    "cooccurrence_network",
    "discover_phrases",
    "document_terms",
    "fit_topics",
    "followed_phrases",
    "get_tokenizer",
    "interactive",
    "issue_dates",
    "issue_summary",
    "issue_tokenizer",
    "issue_trends",
    "keyness",
    "kwic",
    "latest_against_previous",
    "load_issue",
    "network_edges",
    "period_keyness",
    "period_label",
    "phrase_check",
    "phrase_counts",
    "phrase_counts_by_column",
    "phrase_positions",
    "quoted_phrase_counts",
    "quoted_phrases",
    "read_concepts",
    "resolve_issue",
    "save_figure",
    "save_table",
    "seed_paths",
    "shown",
    "split_at",
    "stopword_list",
    "term_frequencies",
    "term_trends",
    "term_trends_by_issue",
    "terms",
    "tokenize",
    "top_tfidf_terms",
    "topic_choice",
    "topic_corpus",
    "topic_labels",
    "topic_shares",
    "topic_trends",
    "write_terms",
]
