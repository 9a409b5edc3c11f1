"""Corpus: records of one or many issues with their document variables, and the one
document-term matrix every statistic counts from.

``dates`` names each issue by its date and number; ``dtm`` turns records into term counts;
``reprints`` finds the records that repeat an earlier record's text (``corpus.without_reprints()``).
"""
