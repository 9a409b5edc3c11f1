"""Tokens → tokens in which the project's own units are never cut.

The dictionaries are added to jieba in order, and jieba's choice between two entries that
overlap without one holding the other is a matter of frequencies: in 城市基层党建联盟 the
formulation 城市基层党建 takes 党建 from the followed phrase 党建联盟 (城市基层党建/联盟). The
words a person wrote down for this project — the phrases every report follows
(``dictionaries/phrases.txt``), the project's terms (``terms.txt``) and the issue's
(``seeds/<issue_id>.terms``) — are the units of its analysis, so they win such a contest: the
text around an occurrence that a token boundary cuts is cut again, with the word as one token
(城市/基层/党建联盟). An occurrence inside a longer token (软弱涣散 in 软弱涣散村党组织) is
kept whole already and is left alone; term tables count it in ``count_rolled``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from pathlib import Path

OWN_LISTS = ("phrases.txt", "terms.txt")  # besides seeds/<issue_id>.terms


def is_own_list(path: Path) -> bool:
    """Whether a word list is one a person keeps for this project or issue."""
    return path.name in OWN_LISTS or path.suffix == ".terms"


def with_words_whole(text: str, tokens: list[str], words: Sequence[str], cut: Callable[[str], list[str]]) -> list[str]:
    """``tokens`` of ``text`` in which no boundary falls inside an occurrence of ``words``
    (longest first: a word a longer one has made whole stays so); ``cut`` tokenizes the text
    around an occurrence that must be cut again."""
    if not words:
        return tokens
    locked: list[tuple[int, int]] = []
    starts = _starts(tokens)
    for word in words:
        start = text.find(word)
        while start != -1:
            end = start + len(word)
            first = bisect_right(starts, start) - 1
            last = bisect_left(starts, end) - 1
            if first != last and not any(s < end and start < e for s, e in locked):
                left, right = starts[first], starts[last] + len(tokens[last])
                tokens[first : last + 1] = [*_cut(cut, text[left:start]), word, *_cut(cut, text[end:right])]
                locked.append((start, end))
                starts = _starts(tokens)
            start = text.find(word, start + 1)
    return tokens


def _starts(tokens: list[str]) -> list[int]:
    starts, at = [], 0
    for token in tokens:
        starts.append(at)
        at += len(token)
    return starts


def _cut(cut: Callable[[str], list[str]], text: str) -> list[str]:
    return cut(text) if text else []
