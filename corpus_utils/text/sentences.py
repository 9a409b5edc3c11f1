"""Sentence marks: which characters end a sentence, and where a text splits into sentences.

The segmenter asks two questions of a line: does it end a sentence (a mark, then any closing
quotes or brackets, at its end), and does it hold a sentence mark anywhere (a heading that runs
into its text does); the analyses split texts into sentences. All three read the marks from
here, so the segmenter, the quality flags and the sentence spans agree on what a sentence is.
"""

from __future__ import annotations

import re

# Full stops, exclamation and question marks, full- and half-width, and the semicolon, which
# closes the last item of a list; each ends a sentence wherever it stands.
SENTENCE_STOPS = "。！？；!?;"
# An ellipsis ends a sentence where nothing but closers follows it on the line, and it ends a
# sentence span; inside a line it may mark words left out (……), so HOLDS_SENTENCE_STOP skips it.
ELLIPSIS = "…"
SENTENCE_ENDS = SENTENCE_STOPS + ELLIPSIS
# What may follow the mark that ends a sentence: closing quotes and brackets (。” 。） ！」).
CLOSERS = "”’」』）)"

ENDS_SENTENCE = re.compile(f"[{SENTENCE_ENDS}][{CLOSERS}]*$")
HOLDS_SENTENCE_STOP = re.compile(f"[{SENTENCE_STOPS}]")
_SENTENCE_BREAK = re.compile(f"(?<=[{SENTENCE_ENDS}])|\n")
# A token of a tokenizer's cut that ends a sentence: it holds a sentence-ending mark or a line
# break. Tokenizers never join across these, so cutting a text once and ending a sentence after
# each such token gives the sentences ``split_sentences`` gives, cut one by one.
ENDS_SPAN = re.compile(f"[{SENTENCE_ENDS}\n]")


def split_sentences(text: str) -> list[str]:
    """The text cut after every sentence-ending mark (。！？；!?;…) and at every line break.

    Nothing is dropped or stripped: a closing quote after a mark opens the next piece, and
    empty pieces (between two marks, at a line break after a mark, at the ends) are kept.
    """
    return _SENTENCE_BREAK.split(text)
