"""corpus_utils: from a raw issue of a 组工 magazine to records, a document-term matrix,
tables and charts.

The subpackages follow the data, one stage each: ``reading`` (a text file or a PDF → the
issue's text), ``segmenting`` (text → pages → lines → records: ``load_issue``), ``text``
(characters, sentences, tokens, phrases), ``corpus`` (records of one or many issues with their
document variables, and the one document-term matrix, grouped by any of them), ``analyses``
(frequencies, TF-IDF, keyness, phrases, collocations, concepts, networks, topics, comparisons
over time, and what researchers of the genre look for: numbered formulas, citations, documents,
units and places, reprints, framing, and the findings in words), ``charts`` (tables →
figures) and ``running`` (outputs, the report, the command line). ``paths``, ``cache`` and
``workers`` serve every stage.

    import corpus_utils as cu
    corpus = cu.Corpus.from_folder()          # every issue in seeds/, one worker per issue
    dtm = corpus.dtm()                          # records × terms, built once
    cu.keyness(dtm, by="column")                # each column against the rest
    cu.term_frequencies(dtm.group(["issue_id", "column"]), by=None)
"""

from .analyses.citations import citation_counts, citation_trends, citations, citing_columns, read_citation_rules
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
from .analyses.findings import (
    say_citing_columns,
    say_column_sizes,
    say_coverage,
    say_documents,
    say_formula_trend,
    say_formulas,
    say_framing,
    say_most_used,
    say_places,
    say_reprints,
    say_rise,
    say_units,
)
from .analyses.formulas import formula_candidates, formula_counts, formula_inventory, formula_trends
from .analyses.framing import framing_counts, framing_kwic, framing_trends, framing_words, read_frames
from .analyses.frequencies import column_overview, feature_frequencies, term_frequencies
from .analyses.gazetteer import Gazetteer, cpca_gazetteer
from .analyses.keyness import keyness
from .analyses.members import formula_members
from .analyses.named_documents import document_counts, named_documents
from .analyses.network import cooccurrence_network, network_edges
from .analyses.periods import latest_against_previous, period_keyness, period_label, split_at
from .analyses.places import contributing_units, county_coverage, home_of, place_mentions, unit_level
from .analyses.recurring import (
    followed_phrases,
    kwic,
    phrase_counts,
    phrase_counts_by_column,
    phrase_positions,
    quoted_phrase_counts,
)
from .analyses.reprints import reprint_pairs, reprint_summary, reprinted_records
from .analyses.tfidf import top_tfidf_terms
from .analyses.topics import fit_topics, topic_choice, topic_corpus, topic_labels, topic_shares, topic_trends
from .corpus.aliases import article_table, column_order, document_terms, issue_tokenizer
from .corpus.corpus import Corpus
from .corpus.dates import issue_dates
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
    "Gazetteer",
    "Issue",
    "IssueFormatError",
    "Tokenizer",
    "add_phrases",
    "archive_tables",
    "article_table",
    "citation_counts",
    "citation_trends",
    "citations",
    "citing_columns",
    "collocates",
    "column_order",
    "column_overview",
    "column_shares",
    "concept_counts",
    "concept_matrix",
    "concept_trends",
    "concepts_by_column",
    "contributing_units",
    "cooccurrence_network",
    "county_coverage",
    "cpca_gazetteer",
    "discover_phrases",
    "document_counts",
    "document_terms",
    "feature_frequencies",
    "fit_topics",
    "followed_phrases",
    "formula_candidates",
    "formula_counts",
    "formula_inventory",
    "formula_members",
    "formula_trends",
    "framing_counts",
    "framing_kwic",
    "framing_trends",
    "framing_words",
    "get_tokenizer",
    "home_of",
    "interactive",
    "issue_dates",
    "issue_summary",
    "issue_tokenizer",
    "issue_trends",
    "keyness",
    "kwic",
    "latest_against_previous",
    "load_issue",
    "named_documents",
    "network_edges",
    "period_keyness",
    "period_label",
    "phrase_check",
    "phrase_counts",
    "phrase_counts_by_column",
    "phrase_positions",
    "phrase_trends",
    "phrase_trends_by_column",
    "place_mentions",
    "quoted_phrase_counts",
    "quoted_phrases",
    "read_citation_rules",
    "read_concepts",
    "read_frames",
    "reprint_pairs",
    "reprint_summary",
    "reprinted_records",
    "resolve_issue",
    "save_figure",
    "save_table",
    "say_citing_columns",
    "say_column_sizes",
    "say_coverage",
    "say_documents",
    "say_formula_trend",
    "say_formulas",
    "say_framing",
    "say_most_used",
    "say_places",
    "say_reprints",
    "say_rise",
    "say_units",
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
    "unit_level",
    "write_terms",
]
