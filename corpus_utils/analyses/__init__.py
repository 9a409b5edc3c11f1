"""Analyses: counts → tables. Each function returns a DataFrame with documented columns:
frequencies, TF-IDF, keyness, recurring phrases and KWIC, collocations, concepts,
co-occurrence networks, topics, and the comparison of issues over time.
"""
