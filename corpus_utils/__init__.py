"""corpus_utils: from a raw issue of a 组工 magazine to articles, tokens, tables and charts.

The stages follow the data: ``loading`` (bytes → text), ``pages`` (text → pages),
``paragraphs`` (lines → paragraphs), ``layout`` and ``articles`` (pages → article records),
``issue`` (the loaded, segmented issue).
"""

from .issue import CharBalance, Issue, load_issue
from .loading import IssueFormatError

__all__ = ["CharBalance", "Issue", "IssueFormatError", "load_issue"]
