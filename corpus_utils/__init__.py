"""corpus_utils: from a raw issue of a 组工 magazine to records, a document-term matrix,
tables and charts.

The subpackages follow the data, one stage each: ``reading`` (a text file or a PDF → the
issue's text), ``segmenting`` (text → pages → lines → records: ``load_issue``), ``text``
(characters, sentences, tokens, phrases), ``corpus`` (records of one or many issues with their
document variables, and the one document-term matrix, grouped by any of them), ``analyses``
(frequencies, TF-IDF, keyness, phrases, collocations, concepts, networks, topics, comparisons
over time), ``charts`` (tables → figures) and ``running`` (outputs, the report, the command
line). ``paths``, ``cache`` and ``workers`` serve every stage.

    import corpus_utils as cu
    corpus = cu.Corpus.from_folder()          # every issue in seeds/, one worker per issue
    dtm = corpus.dtm()                          # records × terms, built once
    cu.keyness(dtm, by="column")                # each column against the rest
    cu.term_frequencies(dtm.group(["issue_id", "column"]), by=None)
"""

from .analyses.collocations import collocates
from .analyses.compare import (
    column_shares,
    issue_summary,
    issue_trends,
    phrase_trends,
    phrase_trends_by_column,
    term_trends,
    term_trends_by_issue,
)
from .analyses.concepts import concept_counts, concept_matrix, concept_trends, concepts_by_column, read_concepts
from .analyses.frequencies import column_overview, feature_frequencies, term_frequencies
from .analyses.keyness import keyness
from .analyses.network import cooccurrence_network, network_edges
from .analyses.periods import default_split, latest_against_previous, period_keyness, period_label, split_at
from .analyses.recurring import (
    followed_phrases,
    kwic,
    phrase_counts,
    phrase_counts_by_column,
    phrase_positions,
    quoted_phrase_counts,
)
from .analyses.tfidf import top_tfidf_terms
from .analyses.topics import (
    chosen_k,
    fit_topics,
    topic_choice,
    topic_corpus,
    topic_labels,
    topic_matrix,
    topic_shares,
    topic_trends,
)
from .corpus.aliases import article_table, column_order, document_terms, issue_tokenizer
from .corpus.corpus import Corpus
from .corpus.dates import issue_dates, issue_label
from .corpus.dtm import DocumentTermMatrix
from .paths import resolve_issue, seed_paths
from .reading.textfile import IssueFormatError
from .running.output import interactive, save_figure, save_table, shown
from .running.tables import ArchiveTables, archive_tables
from .segmenting.issue import CharBalance, Issue, load_issue
from .text.phrases import add_phrases, discover_phrases, phrase_check, quoted_phrases
from .text.tokens import Tokenizer, get_tokenizer, stopword_list, terms, tokenize, write_terms

__all__ = [
    "ArchiveTables",
    "CharBalance",
    "Corpus",
    "DocumentTermMatrix",
    "Issue",
    "IssueFormatError",
    "Tokenizer",
    "add_phrases",
    "archive_tables",
    "article_table",
    "chosen_k",
    "collocates",
    "column_order",
    "column_overview",
    "column_shares",
    "concept_counts",
    "concept_matrix",
    "concept_trends",
    "concepts_by_column",
    "cooccurrence_network",
    "default_split",
    "discover_phrases",
    "document_terms",
    "feature_frequencies",
    "fit_topics",
    "followed_phrases",
    "get_tokenizer",
    "interactive",
    "issue_dates",
    "issue_label",
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
    "phrase_trends",
    "phrase_trends_by_column",
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
    "topic_matrix",
    "topic_shares",
    "topic_trends",
    "write_terms",
]
