"""corpus_utils: from a raw issue of a 组工 magazine to articles, tokens, tables and charts.

The stages follow the data: ``loading`` (bytes → text), ``pages`` (text → pages),
``paragraphs`` (lines → paragraphs), ``layout`` and ``articles`` (pages → article records),
``issue`` (the loaded, segmented issue), ``tokens`` (text → tokens with the domain
dictionary), ``phrases`` (phrase discovery and the segmentation check), ``dfm``
(document-term counts), ``frequencies``, ``tfidf``, ``keyness``, ``recurring`` (phrase
counts, positions, KWIC) and ``compare`` (tables), ``plots`` and ``output`` (charts, files).
"""

from .analyses.archive import (
    ArchiveTables,
    archive_tables,
    latest_against_previous,
    period_keyness,
    period_label,
    split_at,
    term_trends,
    term_trends_by_issue,
)
from .analyses.collocations import collocates
from .analyses.compare import column_shares, issue_summary, issue_trends
from .analyses.concepts import concept_counts, concepts_by_column, read_concepts
from .analyses.frequencies import column_overview, term_frequencies
from .analyses.keyness import keyness
from .analyses.network import cooccurrence_network, network_edges
from .analyses.recurring import (
    followed_phrases,
    kwic,
    phrase_counts,
    phrase_counts_by_column,
    phrase_positions,
    quoted_phrase_counts,
)
from .analyses.tfidf import top_tfidf_terms
from .analyses.topics import fit_topics, topic_choice, topic_corpus, topic_labels, topic_shares, topic_trends
from .corpus.dates import issue_dates
from .corpus.dtm import article_table, column_order, document_terms, issue_tokenizer
from .paths import resolve_issue, seed_paths
from .reading.textfile import IssueFormatError
from .running.output import interactive, save_figure, save_table, shown
from .segmenting.issue import CharBalance, Issue, load_issue
from .text.phrases import add_phrases, discover_phrases, phrase_check, quoted_phrases
from .text.tokens import Tokenizer, get_tokenizer, stopword_list, terms, tokenize, write_terms

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
