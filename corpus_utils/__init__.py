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

from importlib import import_module

# every public name and the module it lives in: loaded on first use, so that ``python -m
# corpus_utils report`` with nothing to do starts without pandas, numpy and the rest (0.7 s)
_HOMES = {
    "ArchiveTables": "running.tables",
    "CharBalance": "segmenting.issue",
    "Corpus": "corpus.corpus",
    "DocumentTermMatrix": "corpus.dtm",
    "Gazetteer": "analyses.gazetteer",
    "Issue": "segmenting.issue",
    "IssueFormatError": "reading.textfile",
    "Tokenizer": "text.tokens",
    "add_phrases": "text.phrases",
    "archive_tables": "running.tables",
    "article_table": "corpus.aliases",
    "chosen_k": "analyses.topics",
    "citation_counts": "analyses.citations",
    "citation_trends": "analyses.citations",
    "citations": "analyses.citations",
    "citing_columns": "analyses.citations",
    "collocates": "analyses.collocations",
    "column_order": "corpus.aliases",
    "column_overview": "analyses.frequencies",
    "column_shares": "analyses.compare",
    "concept_counts": "analyses.concepts",
    "concept_matrix": "analyses.concepts",
    "concept_trends": "analyses.concepts",
    "concepts_by_column": "analyses.concepts",
    "contributing_units": "analyses.places",
    "cooccurrence_network": "analyses.network",
    "county_coverage": "analyses.places",
    "cpca_gazetteer": "analyses.gazetteer",
    "default_split": "analyses.periods",
    "discover_phrases": "text.phrases",
    "document_counts": "analyses.named_documents",
    "document_terms": "corpus.aliases",
    "feature_frequencies": "analyses.frequencies",
    "fit_topics": "analyses.topics",
    "followed_phrases": "analyses.recurring",
    "formula_candidates": "analyses.formulas",
    "formula_counts": "analyses.formulas",
    "formula_inventory": "analyses.formulas",
    "formula_members": "analyses.members",
    "formula_trends": "analyses.formulas",
    "framing_counts": "analyses.framing",
    "framing_kwic": "analyses.framing",
    "framing_trends": "analyses.framing",
    "framing_words": "analyses.framing",
    "get_tokenizer": "text.tokens",
    "home_of": "analyses.places",
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
    "named_documents": "analyses.named_documents",
    "network_edges": "analyses.network",
    "period_keyness": "analyses.periods",
    "period_label": "analyses.periods",
    "phrase_check": "text.phrases",
    "phrase_counts": "analyses.recurring",
    "phrase_counts_by_column": "analyses.recurring",
    "phrase_positions": "analyses.recurring",
    "phrase_trends": "analyses.compare",
    "phrase_trends_by_column": "analyses.compare",
    "place_mentions": "analyses.places",
    "quoted_phrase_counts": "analyses.recurring",
    "quoted_phrases": "text.phrases",
    "read_citation_rules": "analyses.citations",
    "read_concepts": "analyses.concepts",
    "read_frames": "analyses.framing",
    "reprint_pairs": "analyses.reprints",
    "reprint_summary": "analyses.reprints",
    "reprinted_records": "analyses.reprints",
    "resolve_issue": "paths",
    "save_figure": "running.output",
    "save_table": "running.output",
    "say_citing_columns": "analyses.findings",
    "say_column_sizes": "analyses.findings",
    "say_coverage": "analyses.findings",
    "say_documents": "analyses.findings",
    "say_formula_trend": "analyses.findings",
    "say_formulas": "analyses.findings",
    "say_framing": "analyses.findings",
    "say_most_used": "analyses.findings",
    "say_places": "analyses.findings",
    "say_reprints": "analyses.findings",
    "say_rise": "analyses.findings",
    "say_units": "analyses.findings",
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
    "unit_level": "analyses.places",
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
