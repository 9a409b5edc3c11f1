"""Records → citations: who is cited (习近平总书记 …强调, 省委书记景俊海指出, 《准则》明确规定), with
which verb, on which occasion and date, in which record and column; and how much each column
cites.

A citation is a speaker, then optionally an occasion and adverbs, then a verb of
``dictionaries/citations.toml`` (``[verbs]``), in one sentence:

- a **leader** of ``[leaders]`` by name, with or without a title (习近平总书记, 习近平), or by a
  title only one listed leader has (总书记 → 习近平, where no other name stands before it);
- an **official** not listed: a title of ``[titles]`` before a name that opens with a common
  surname (省委书记景俊海, 部长陈希: a listed name found this way is a leader);
- a **document**: 《…》, optionally with 中 or 第…条 after it (《准则》中明确规定).

The occasion starts with 在, 于, 视察, 出席, 主持, 到… (a date may stand before it) and ends in 时,
上, 中, 间 or 后 right before the adverbs and the verb (在中共中央政治局第十五次集体学习时强调;
在全国组织工作会议上的讲话中指出); a speaker followed by anything else
(习近平新时代中国特色社会主义思想, 习近平总书记关于…的重要论述) is a mention, not a citation.
The speech itself may stand as the subject (习近平总书记的重要讲话深刻指出), and an instruction
given reads as its verb (习近平总书记对此作出重要指示 → 指示).
``date`` is the first ``YYYY年M月D日`` of the occasion. A leaders' excerpt record (``kind ==
"excerpt"``: 习近平：标题 with its source line) is one citation of its author, its source line
the occasion. ``quoted`` says whether a “ follows the verb within three characters.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..config import ConfigError, ListOf, Schema, Str, Table, checked, toml_of
from ..corpus.corpus import Corpus, as_corpus
from ..corpus.dates import dated
from ..corpus.dtm import DocumentTermMatrix, matrix_from_counts
from ..paths import project_file
from ..segmenting.issue import Issue
from .frequencies import feature_frequencies

SCHEMA = Schema(
    fields={
        "leaders": Table({}, free=ListOf(Str(longest=20))),
        "verbs": Table({"terms": ListOf(Str(longest=10), least=1), "adverbs": ListOf(Str(longest=10))}, ("terms",)),
        "titles": Table({"terms": ListOf(Str(longest=20))}, ("terms",)),
        "documents": Table({}, free=Str(longest=200)),
    }
)
KINDS = ("leader", "official", "document")
CITATION_COLUMNS = [
    "column",
    "speaker",
    "kind",
    "title",
    "verb",
    "occasion",
    "date",
    "quoted",
    "where",
    "page",
    "context",
]
OPENERS = (
    "在",
    "于",
    "视察",
    "考察",
    "到",
    "出席",
    "主持",
    "参加",
    "致信",
    "给",
    "同",
    "与",
    "会见",
    "对",
    "就",
    "曾在",
)
OCCASION_END = "时上中间后"
# the speech itself as the subject (习近平总书记的重要讲话深刻指出), or an instruction given
# (习近平总书记对此作出重要指示, 作出了批示: the verb is then 指示 or 批示)
# (an occasion's own 的讲话中 stays the occasion's: 在全国组织工作会议上的讲话中指出)
SPEECH = (
    r"(?:(?(occasion)(?!)|的(?:重要)?(?:讲话|指示|批示|论述)(?:精神)?中?)"
    r"|(?:对[^。！？；\n]{0,30}?)?[作做]出(?:了)?(?:重要)?(?=指示|批示))?"
)
MAX_OCCASION = 60  # characters of an occasion at most
# common surnames (the hundred most frequent, and some compound ones): an unlisted name opens with one
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤景巴"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "巴音")
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DATED = r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*"


@dataclass(frozen=True)
class CitationRules:
    """What ``citations.toml`` says: leaders and their titles, verbs, adverbs, officials' titles
    and document aliases."""

    leaders: dict[str, tuple[str, ...]]
    verbs: tuple[str, ...]
    adverbs: tuple[str, ...]
    titles: tuple[str, ...]
    documents: dict[str, str]


def citations_file() -> Path | None:
    """``dictionaries/citations.toml`` of the project (None outside a project)."""
    return project_file("dictionaries", "citations.toml")


def read_citation_rules(path: str | Path | None = None) -> CitationRules:
    """The rules of ``citations.toml``; a ``ConfigError`` names the file, the entry and the problem."""
    path = Path(path) if path is not None else citations_file()
    if path is None or not path.is_file():
        raise ConfigError(
            path or "dictionaries/citations.toml", "no such file: write [leaders], [verbs] terms = […] there"
        )
    data = checked(toml_of(path), SCHEMA, path)
    if "verbs" not in data:
        raise ConfigError(path, "needs [verbs] with terms = […]")
    return CitationRules(
        leaders={name: tuple(titles) for name, titles in data.get("leaders", {}).items()},
        verbs=tuple(data["verbs"]["terms"]),
        adverbs=tuple(data["verbs"].get("adverbs", ())),
        titles=tuple(data.get("titles", {}).get("terms", ())),
        documents=dict(data.get("documents", {})),
    )


def citation_pattern(rules: CitationRules) -> re.Pattern:
    """One pattern for every citation the rules describe (see the module docstring)."""
    titles = {t: [n for n, ts in rules.leaders.items() if t in ts] for ts in rules.leaders.values() for t in ts}
    bare = [t for t, names in titles.items() if len(names) == 1]
    speaker = "|".join(
        [
            rf"(?P<name>{_alternation(rules.leaders)})(?P<title>{_alternation(titles)})?",
            rf"(?<![\u4e00-\u9fff])(?P<bare>{_alternation(bare)})" if bare else "(?!)",
            rf"(?P<otitle>{_alternation(rules.titles)})(?P<oname>(?:{'|'.join(COMPOUND_SURNAMES)}|[{SURNAMES}])"
            r"[\u4e00-\u9fff]{1,2}?)"
            if rules.titles
            else "(?!)",
            r"《(?P<doc>[^《》\n]{1,60})》(?:中|第[一二三四五六七八九十百零\d]+条)?",
        ]
    )
    opened = rf"(?:{_DATED})?(?:{_alternation(OPENERS)})[^。！？；\n]{{0,{MAX_OCCASION}}}?[{OCCASION_END}]"
    occasion = rf"(?P<occasion>{opened})?"
    adverbs = rf"(?P<adverbs>(?:{_alternation(rules.adverbs)})*)" if rules.adverbs else "(?P<adverbs>)"
    return re.compile(rf"(?:{speaker}){occasion}{SPEECH}{adverbs}(?P<verb>{_alternation(rules.verbs)})")


def citations(x: Issue | Corpus, rules: CitationRules | None = None) -> pd.DataFrame:
    """Every citation in every record, in reading order: the record's keys (``article_id``),
    ``column, speaker`` (the leader's or official's name, or the document's title), ``kind``
    (``leader``, ``official``, ``document``), ``title`` (as written: 总书记, 省委书记), ``verb``,
    ``occasion``, ``date`` (ISO, or empty), ``quoted``, ``where`` (``body``, or ``excerpt`` for
    a leaders' excerpt record), ``page`` and ``context``."""
    corpus = as_corpus(x)
    rules = read_citation_rules() if rules is None else rules
    pattern = citation_pattern(rules)
    bare = {t: n for n, ts in rules.leaders.items() for t in ts}
    keys, records, rows = corpus.doc_keys, corpus.records, []
    for k in range(len(records)):
        record = {key: records[key].iat[k] for key in keys} | {"column": records["column"].iat[k]}
        if records["kind"].iat[k] == "excerpt":
            rows.append(record | _excerpt(records["authors"].iat[k], records["author_note"].iat[k], rules, corpus, k))
        text = records["text"].iat[k]
        for m in pattern.finditer(text):
            speaker, kind, title = _speaker(m, rules, bare)
            occasion = m.group("occasion") or ""
            rows.append(
                record
                | {
                    "speaker": speaker,
                    "kind": kind,
                    "title": title,
                    "verb": m.group("verb"),
                    "occasion": occasion,
                    "date": _date(occasion),
                    "quoted": "“" in text[m.end() : m.end() + 3],
                    "where": "body",
                    "page": corpus.page_at(k, m.start()),
                    "context": text[max(0, m.start() - 10) : m.end() + 30].replace("\n", " "),
                }
            )
    return pd.DataFrame(rows, columns=[*keys, *CITATION_COLUMNS])


def citation_matrix(
    x: Issue | Corpus, rules: CitationRules | None = None, *, kinds=("leader", "official"), table=None
) -> DocumentTermMatrix:
    """Records × speakers of ``kinds``: how often each record cites each (speakers in order of
    their first citation); ``table``: a ``citations`` table already made."""
    corpus = as_corpus(x)
    table = citations(corpus, rules) if table is None else table
    table = table[table["kind"].isin(kinds)]
    speakers = list(dict.fromkeys(table["speaker"]))
    index = {key: n for n, key in enumerate(corpus.records[corpus.doc_keys].itertuples(index=False, name=None))}
    counts = [Counter() for _ in range(len(corpus.records))]
    for key, speaker in zip(table[corpus.doc_keys].itertuples(index=False, name=None), table["speaker"], strict=True):
        counts[index[key]][speaker] += 1
    docvars = corpus.records.drop(columns="text")
    return matrix_from_counts(docvars, counts, features=speakers, keys=corpus.doc_keys)


def citation_counts(
    x: Issue | Corpus, rules: CitationRules | None = None, *, by="column", kinds=("leader", "official"), table=None
) -> pd.DataFrame:
    """How often each group (``by``: a document variable or list of them) cites each speaker of
    ``kinds``: the group's keys, ``speaker, count, n_chars, per_10k, doc_freq`` (the group's
    records that cite the speaker), zeros left out; group by group, most cited first."""
    grouped = citation_matrix(x, rules, kinds=kinds, table=table).group(by)
    frame = feature_frequencies(grouped).rename(columns={"feature": "speaker"})
    return frame[[*grouped.keys, "speaker", "count", "n_chars", "per_10k", "doc_freq"]]


def citation_trends(
    x: Issue | Corpus, rules: CitationRules | None = None, *, kinds=("leader", "official"), table=None
) -> pd.DataFrame:
    """Each speaker of ``kinds`` cited in each issue, zeros included, issues in date order:
    ``issue_id, label, speaker, count, n_chars, per_10k``."""
    corpus = as_corpus(x)
    grouped = citation_matrix(corpus, rules, kinds=kinds, table=table).group("issue_id")
    frame = feature_frequencies(grouped, zeros=True, by_feature=True).rename(columns={"feature": "speaker"})
    return dated(frame[["issue_id", "speaker", "count", "n_chars", "per_10k"]], corpus.issues)


def citing_columns(x: Issue | Corpus, rules: CitationRules | None = None, *, table=None) -> pd.DataFrame:
    """Which columns cite most: per column (every column, in the records' order), ``column,
    leaders`` (citations of listed leaders), ``officials``, ``documents`` (documents cited with a
    verb), ``n_chars`` and ``per_10k`` (leaders and officials per 10,000 characters)."""
    corpus = as_corpus(x)
    table = citations(corpus, rules) if table is None else table
    grouped = citation_matrix(corpus, kinds=KINDS, table=table.assign(speaker=table["kind"])).group("column")
    frame = grouped.docvars[["column", "n_chars"]].copy()
    for kind, name in zip(KINDS, ("leaders", "officials", "documents"), strict=True):
        j = list(grouped.features).index(kind) if kind in grouped.features else -1
        frame[name] = grouped.counts[:, j].toarray().ravel() if j >= 0 else 0
    frame["per_10k"] = (frame["leaders"] + frame["officials"]) / frame["n_chars"].where(frame["n_chars"] > 0) * 10_000
    return frame.fillna({"per_10k": 0.0})[["column", "leaders", "officials", "documents", "n_chars", "per_10k"]]


# internal functions ----------------------------------------------------------


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _speaker(m: re.Match, rules: CitationRules, bare: dict[str, str]) -> tuple[str, str, str]:
    if m.group("name"):
        return m.group("name"), "leader", m.group("title") or ""
    if m.group("bare"):
        return bare[m.group("bare")], "leader", m.group("bare")
    if m.group("oname"):
        name = m.group("oname")
        return name, "leader" if name in rules.leaders else "official", m.group("otitle")
    return m.group("doc"), "document", ""


def _excerpt(authors, note, rules: CitationRules, corpus: Corpus, k: int) -> dict:
    """A leaders' excerpt as one citation of its author, its source line the occasion."""
    speaker = authors[0] if len(authors) else ""
    note = note or ""
    verb = next((v for v in sorted(rules.verbs, key=len, reverse=True) if note.endswith(v)), "")
    return {
        "speaker": speaker,
        "kind": "leader" if speaker in rules.leaders else "official",
        "title": "",
        "verb": verb,
        "occasion": note[: len(note) - len(verb)],
        "date": _date(note),
        "quoted": False,
        "where": "excerpt",
        "page": corpus.page_at(k, 0),
        "context": note,
    }


def _date(text: str) -> str:
    m = _DATE.search(text)
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else ""
