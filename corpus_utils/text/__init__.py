"""Text: characters, sentences, tokens and the vocabulary of the genre.

``chars`` says what a Chinese character is and how wide a line is; ``lexicon`` reads the genre's
formulations and the vocabulary tables learned from the archive; ``tokens`` cuts text with
jieba's algorithm (rjieba or jieba) and the dictionaries, and gives the terms every statistic
counts; ``protected`` keeps the project's own words whole where entries overlap; ``phrases``
mines phrase candidates and checks that followed phrases stay whole. These are used by every
later stage and depend on none of them.
"""
