"""Text: characters, sentences, tokens and the vocabulary of the genre.

``chars`` says what a Chinese character is and how wide a line is; ``tokens`` cuts text with
jieba's algorithm (rjieba or jieba) and the domain dictionaries, and gives the terms every
statistic counts; ``phrases`` mines phrase candidates and checks that followed phrases stay
whole. These are used by every later stage and depend on none of them.
"""
