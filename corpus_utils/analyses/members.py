"""A numbered formula → its members where the text spells them out: 四个意识 → 政治意识、大局意识、
核心意识、看齐意识; “五个强化”，即强化政治引领、… ; 抓“四个到位”：一是抓思想认识到位，二是….

A formula of a numeral and a counter (``formulas.numbered``: 四个意识 names 4 members sharing
意识) has its members spelled out, in one record, where the text shows exactly that many items
in one of four shapes:

- ``after``: the formula, then 即 / ： / 就是 / 包括 and a list (items split at 、, the last at
  和 / 与 / 及), up to the end of the clause;
- ``before``: a list that ends right at the formula (定期调查、情况专报和月通报三项制度);
- ``enumerated``: the formula, then within ``ENUMERATION_GAP`` characters an enumeration
  一是…二是… (or 一要, （一）, 一、, 第一，) of exactly that many items, each item the words up to
  its first punctuation;
- ``same head``: anywhere in the record, a list of that many items that all end with the
  formula's word (政治意识、大局意识、核心意识、看齐意识 for 四个意识), the word two characters
  or more.

A list's first item runs back to the previous punctuation and may carry the verb that governs
the whole list (牢固树立政治意识); it is cut, at a word boundary of the domain tokenizer, to the
median length of the other items (政治意识).
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence

import pandas as pd

from ..corpus.corpus import Corpus, as_corpus
from ..segmenting.issue import Issue
from ..text.tokens import get_tokenizer
from .formulas import numbered

MEMBER_COLUMNS = ["formula", "members", "n", "shape", "issue_id", "label", "date", "article_id", "column", "context"]
SHAPES = ("after", "before", "enumerated", "same head")
ENUMERATION_GAP = 200  # characters between a formula and the first item of its enumeration
CLAUSE_END = "，。；：！？\n,;:!?"
_AFTER = re.compile(r"^[”’]?[，,]?\s*(?:（?即|：|:|就是|包括|分别是)\s*")
_LAST = re.compile(r"(?:以及|和|与|及)")
_MARKERS = (
    lambda k: f"{k}是",
    lambda k: f"{k}要",
    lambda k: f"（{k}）",
    lambda k: f"\n{k}、",
    lambda k: f"第{k}，",
)
_CN = "一二三四五六七八九十"
_PUNCT = re.escape(CLAUSE_END)
ITEM_GAP = 1500  # characters between two items of one enumeration at most


def formula_members(x: Issue | Corpus, formulas: Sequence[str], *, shapes: Sequence[str] = SHAPES) -> pd.DataFrame:
    """Where the text spells out each formula's members in one of ``shapes`` (see the module
    docstring): ``formula, members`` (joined by 、), ``n``, ``shape``, the record (``issue_id,
    label, article_id, column``) and ``context``; one row per record, formula and list of
    members."""
    corpus = as_corpus(x)
    wanted = {f: numbered(f) for f in formulas}
    wanted = {f: v for f, v in wanted.items() if v is not None}
    rows, seen = [], set()
    records = corpus.records
    for row in range(len(records)):
        text, issue_id = records["text"].iat[row], records["issue_id"].iat[row]
        for formula, (n, head) in wanted.items():
            for shape, start, items in _found(text, formula, n, head, issue_id):
                key = (row, formula, tuple(items))
                if key in seen or shape not in shapes:
                    continue
                seen.add(key)
                rows.append(
                    {
                        "formula": formula,
                        "members": "、".join(items),
                        "n": n,
                        "shape": shape,
                        **{k: records[k].iat[row] for k in ("issue_id", "label", "date", "article_id", "column")},
                        "context": text[max(0, start - 10) : start + 60].replace("\n", " "),
                    }
                )
    return pd.DataFrame(rows, columns=MEMBER_COLUMNS)


# internal functions ----------------------------------------------------------


def _found(text: str, formula: str, n: int, head: str, issue_id: str):
    """(shape, where, items) for every spelling-out of ``formula`` in ``text``."""
    for m in re.finditer(re.escape(formula), text):
        after = text[m.end() : m.end() + 400]
        lead = _AFTER.match(after)
        if lead:
            items = _split(_clause(after[lead.end() :]), n)
            if items:
                yield "after", m.start(), items
        before = _clause_before(text[max(0, m.start() - 400) : m.start()].rstrip("“‘"))
        items = _split(before, n)
        if items and not any(q in before for q in "“”‘’"):
            yield "before", m.start(), _first_cut(items, issue_id)
        items = _enumerated(text[m.end() : m.end() + 4000], n)
        if items:
            yield "enumerated", m.start(), items
    if len(head) >= 2:
        item = rf"[^{_PUNCT}、]+?{re.escape(head)}"
        joined = "(?:、|和|与|及)"
        for m in re.finditer(rf"(?<!、){item}(?:{joined}{item}){{{n - 1}}}(?!{joined})", text):
            items = _split(m.group(0), n)
            if items and all(item.endswith(head) for item in items):
                yield "same head", m.start(), _first_cut(items, issue_id)


def _clause(text: str) -> str:
    """The text up to the end of its clause (a comma, stop, semicolon, colon or line end)."""
    end = next((i for i, c in enumerate(text) if c in CLAUSE_END or c == "）"), len(text))
    return text[:end]


def _clause_before(text: str) -> str:
    """The text back to the start of its clause."""
    start = max((text.rfind(c) for c in CLAUSE_END + "（“"), default=-1)
    return text[start + 1 :]


def _split(clause: str, n: int) -> list[str] | None:
    """A clause's ``n`` list items (split at 、, the last at 和/与/及), or None."""
    items = [i.strip("“”‘’ ") for i in clause.split("、")]
    if len(items) == n - 1 and len(items) >= 1:
        last = _LAST.split(items[-1])
        if len(last) == 2:
            items = [*items[:-1], *last]
    if len(items) != n or n < 2 or any(not i for i in items):
        return None
    return items


def _first_cut(items: list[str], issue_id: str) -> list[str]:
    """The list with its first item cut, at a word boundary, to the median length of the others."""
    cap = -(-statistics.median(len(i) for i in items[1:]) // 1)
    first = items[0]
    if len(first) <= cap:
        return items
    kept = ""
    for token in reversed(get_tokenizer(issue_id).cut(first)):
        if kept and len(token) + len(kept) > cap:
            break
        kept = token + kept
    return [kept, *items[1:]]


def _enumerated(text: str, n: int) -> list[str] | None:
    """The ``n`` items of an enumeration 一是…二是… (or another marker style) that starts within
    ``ENUMERATION_GAP`` characters, with at most ``ITEM_GAP`` between items and no item after
    the ``n``-th, or None."""
    if n > len(_CN):
        return None
    for marker in _MARKERS:
        first = text.find(marker(_CN[0]))
        if first < 0 or first > ENUMERATION_GAP:
            continue
        items, at = [], first
        for k in range(n):
            found = text.find(marker(_CN[k]), at, at + ITEM_GAP)
            if found < 0:
                break
            items.append(_clause(text[found + len(marker(_CN[k])) :]).strip())
            at = found + 1
        more = n < len(_CN) and text.find(marker(_CN[n]), at, at + ITEM_GAP) >= 0
        if len(items) == n and all(items) and not more:
            return items
    return None
