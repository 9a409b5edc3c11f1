"""corpus_utils: from a raw issue of a 组工 magazine to articles, tokens, tables and charts.

The stages follow the data: ``loading`` (bytes → text), ``pages`` (text → pages),
``paragraphs`` (lines → paragraphs), ``layout`` and ``articles`` (pages → article records),
``issue`` (the loaded, segmented issue), ``tokens`` (text → tokens with the domain
dictionary), ``phrases`` (phrase discovery and the segmentation check).
"""

from .issue import CharBalance, Issue, load_issue
from .loading import IssueFormatError
from .phrases import add_phrases, discover_phrases, phrase_check, quoted_phrases
from .tokens import Tokenizer, get_tokenizer, stopword_list, terms, tokenize, write_terms

__all__ = [
    "CharBalance",
    "Issue",
    "IssueFormatError",
    "Tokenizer",
    "add_phrases",
    "discover_phrases",
    "get_tokenizer",
    "load_issue",
    "phrase_check",
    "quoted_phrases",
    "stopword_list",
    "terms",
    "tokenize",
    "write_terms",
]
