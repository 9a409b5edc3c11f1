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

from importlib import import_module

# every public name and the module it lives in: loaded on first use, so that ``python -m
# corpus_utils report`` with nothing to do starts without pandas, numpy and the rest (0.7 s)
_HOMES = {
    "ArchiveTables": "running.tables",
    "CharBalance": "segmenting.issue",
    "Corpus": "corpus.corpus",
    "DocumentTermMatrix": "corpus.dtm",
    "Issue": "segmenting.issue",
    "IssueFormatError": "reading.textfile",
    "Tokenizer": "text.tokens",
    "add_phrases": "text.phrases",
    "archive_tables": "running.tables",
    "article_table": "corpus.aliases",
    "chosen_k": "analyses.topics",
    "collocates": "analyses.collocations",
    "column_order": "corpus.aliases",
    "column_overview": "analyses.frequencies",
    "column_shares": "analyses.compare",
    "concept_counts": "analyses.concepts",
    "concept_matrix": "analyses.concepts",
    "concept_trends": "analyses.concepts",
    "concepts_by_column": "analyses.concepts",
    "cooccurrence_network": "analyses.network",
    "default_split": "analyses.periods",
    "discover_phrases": "text.phrases",
    "document_terms": "corpus.aliases",
    "feature_frequencies": "analyses.frequencies",
    "fit_topics": "analyses.topics",
    "followed_phrases": "analyses.recurring",
    "get_tokenizer": "text.tokens",
    "interactive": "running.output",
    "issue_dates": "corpus.dates",
    "issue_label": "corpus.dates",
    "issue_summary": "analyses.compare",
    "issue_tokenizer": "corpus.aliases",
    "issue_trends": "analyses.compare",
    "keyness": "analyses.keyness",
    "kwic": "analyses.recurring",
    "latest_against_previous": "analyses.periods",
    "load_issue": "segmenting.issue",
    "network_edges": "analyses.network",
    "period_keyness": "analyses.periods",
    "period_label": "analyses.periods",
    "phrase_check": "text.phrases",
    "phrase_counts": "analyses.recurring",
    "phrase_counts_by_column": "analyses.recurring",
    "phrase_positions": "analyses.recurring",
    "phrase_trends": "analyses.compare",
    "phrase_trends_by_column": "analyses.compare",
    "quoted_phrase_counts": "analyses.recurring",
    "quoted_phrases": "text.phrases",
    "read_concepts": "analyses.concepts",
    "resolve_issue": "paths",
    "save_figure": "running.output",
    "save_table": "running.output",
    "seed_paths": "paths",
    "shown": "running.output",
    "split_at": "analyses.periods",
    "stopword_list": "text.tokens",
    "term_frequencies": "analyses.frequencies",
    "term_trends": "analyses.compare",
    "term_trends_by_issue": "analyses.compare",
    "terms": "text.tokens",
    "tokenize": "text.tokens",
    "top_tfidf_terms": "analyses.tfidf",
    "topic_choice": "analyses.topics",
    "topic_corpus": "analyses.topics",
    "topic_labels": "analyses.topics",
    "topic_matrix": "analyses.topics",
    "topic_shares": "analyses.topics",
    "topic_trends": "analyses.topics",
    "write_terms": "text.tokens",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str):
    if name in _HOMES:
        value = getattr(import_module(f".{_HOMES[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOMES))
