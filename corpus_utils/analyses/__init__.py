"""Analyses: counts → tables. Each function returns a DataFrame with documented columns:
frequencies, TF-IDF, keyness, recurring phrases and KWIC, collocations, concepts,
co-occurrence networks, topics, the comparison of issues over time, and the archive's vocabulary
(terms to keep whole and empty words, learned with their evidence).
"""
