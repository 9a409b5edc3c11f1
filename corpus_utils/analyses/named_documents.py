"""Records → the documents they name in 《》, each under one name: 《中国共产党章程》 and 《党章》
are one document where the text says so, and 《意见》 is the 《…意见》 named just before it.

A title as written becomes its ``document`` by the first rule that applies:

1. ``declared``: the record declares the short name: 《中国共产党章程》（以下简称《党章》）, （简称“党章”）;
2. ``alias``: ``[documents]`` of ``dictionaries/citations.toml`` lists it (党章 → 中国共产党章程);
3. ``earlier title``: an earlier title of the same record ends with it (《意见》 after
   《关于加强和改进城市基层党的建设工作的意见》; 《考核工作条例》 after 《党政领导干部考核工作条例》);
4. ``as written``.

A trial or interim edition is the same document: （试行） and （暂行） at the end of a title are
dropped from ``document`` (《吉林市城市基层党建联盟工作法（试行）》 = 《吉林市城市基层党建联盟工作法》).
``kind`` is read from the title's last words: ``law`` (…法, 章程, 条例, 准则, 规定, 办法, 细则, 规则),
``document`` (意见, 决定, 通知, 方案, 规划, 纲要, 报告, 决议, 计划, 清单, 制度, 工作法), else ``other``
(books, periodicals, programmes).
"""

from __future__ import annotations

import re

import pandas as pd

from ..corpus.corpus import Corpus, as_corpus
from ..segmenting.issue import Issue
from .citations import CitationRules, read_citation_rules

TITLE = re.compile(r"《([^《》\n]{1,80})》")
DECLARED = re.compile(r"[（(]\s*(?:以下)?(?:简称|称)\s*[《“\"]([^》”\"）)]{1,30})[》”\"]\s*[）)]")
EDITION = re.compile(r"[（(](?:试行|暂行)[）)]$")
LAW = ("法", "章程", "条例", "准则", "规定", "办法", "细则", "规则")
DOCUMENT = ("意见", "决定", "通知", "方案", "规划", "纲要", "报告", "决议", "计划", "清单", "制度", "工作法")
NAMED_COLUMNS = ["column", "title", "document", "kind", "rule", "page", "context"]


def named_documents(x: Issue | Corpus, rules: CitationRules | None = None) -> pd.DataFrame:
    """Every title in 《》 in every record, in reading order: the record's keys (``article_id``),
    ``column, title`` (as written), ``document`` (its one name, see the module docstring),
    ``kind`` (``law``, ``document``, ``other``), ``rule`` (``declared``, ``alias``, ``earlier
    title``, ``as written``), ``page`` and ``context``."""
    corpus = as_corpus(x)
    aliases = (read_citation_rules() if rules is None else rules).documents
    keys, records, rows = corpus.doc_keys, corpus.records, []
    for k in range(len(records)):
        text = records["text"].iat[k]
        declared = {m.group(1): None for m in DECLARED.finditer(text)}
        earlier: list[str] = []
        for m in TITLE.finditer(text):
            title = m.group(1)
            document, rule = _document(title, declared, aliases, earlier)
            after = DECLARED.match(text, m.end())
            if after:  # 《X》（以下简称《Y》）: Y is X from here on
                declared[after.group(1)] = document
            if not _inside_declaration(text, m.start()):
                rows.append(
                    {key: records[key].iat[k] for key in keys}
                    | {
                        "column": records["column"].iat[k],
                        "title": title,
                        "document": document,
                        "kind": document_kind(document),
                        "rule": rule,
                        "page": corpus.page_at(k, m.start()),
                        "context": text[max(0, m.start() - 10) : m.end() + 10].replace("\n", " "),
                    }
                )
            earlier.append(document)
    return pd.DataFrame(rows, columns=[*keys, *NAMED_COLUMNS])


def document_counts(x: Issue | Corpus | pd.DataFrame, *, by="column") -> pd.DataFrame:
    """How often each document is named in each group (``by``: a column of the records, such as
    ``column`` or ``issue_id``): the group, ``document, kind, count``, most named first in each
    group. ``x`` may be a ``named_documents`` table."""
    table = x if isinstance(x, pd.DataFrame) else named_documents(x)
    keys = [by] if isinstance(by, str) else list(by)
    counts = table.groupby([*keys, "document", "kind"], sort=False).size().reset_index(name="count")
    order = counts.groupby(keys, sort=False).ngroup()
    counts = counts.assign(_group=order).sort_values(["_group", "count", "document"], ascending=[True, False, True])
    return counts.drop(columns="_group").reset_index(drop=True)


def document_kind(title: str) -> str:
    """``law``, ``document`` or ``other``, from the title's last words."""
    title = EDITION.sub("", title)
    ends = [
        (len(s), kind)
        for kind, suffixes in (("law", LAW), ("document", DOCUMENT))
        for s in suffixes
        if title.endswith(s)
    ]
    return max(ends)[1] if ends else "other"  # the longest ending decides: 工作法 is no law


# internal functions ----------------------------------------------------------


def _document(title: str, declared: dict, aliases: dict[str, str], earlier: list[str]) -> tuple[str, str]:
    bare = EDITION.sub("", title)
    if declared.get(title):
        return declared[title], "declared"
    if title in aliases or bare in aliases:
        return EDITION.sub("", aliases.get(title) or aliases[bare]), "alias"
    for before in reversed(earlier):
        if before != bare and before.endswith(bare):
            return before, "earlier title"
    return bare, "as written"


def _inside_declaration(text: str, start: int) -> bool:
    """Whether the title at ``start`` is the short name of a 简称 declaration (counted once, with
    the title it shortens)."""
    head = text[max(0, start - 8) : start]
    return bool(re.search(r"[（(]\s*(?:以下)?(?:简称|称)\s*$", head))
