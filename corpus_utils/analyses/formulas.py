"""Records → numbered formulas (数字化提法: 四个意识, 两个维护, 三大攻坚战, 五个强化): which the
corpus uses, how often, quoted or not, per record, column and issue, and across issues.

A formula is counted wherever it stands, in quotation marks or not: the quoted-phrase table of
``recurring`` only sees ``“四个意识”``. What counts as a formula (``formula_inventory``):

- **known**: the group 编号提法 of ``dictionaries/formulations.toml`` and every numbered entry
  (a numeral and a counter: ``FORMULA`` of ``text.phrases``) of the dictionaries the issue is
  read with (the shipped terms, ``formulations.toml``, the accepted ``learned_terms.tsv``,
  ``terms.txt``, ``seeds/<issue_id>.terms``);
- **quoted**: a numbered phrase the corpus itself puts in quotation marks somewhere (“四个到位”,
  “3+1”, “四三一”), counted everywhere after that, quoted or not;
- **spelled out**: a numeral (二 to 十四, 两) with 个/大/项/条/种 and a word after it whose
  members the text spells out (``members.formula_members``).

A formula that is a shorter one with words around it is counted as the shorter one
(三个代表重要思想 as 三个代表, 中央八项规定精神 as 八项规定). Party congresses (十九大) are not
formulas. Counts are of the rebuilt text, read left to right, the longest formula first where
two start at one place, so each stretch of text counts once (三会一课 is one 三会一课, not also a
三会): a formula's ``count`` is ``text.count(formula)`` less its occurrences inside a longer
formula the corpus uses; ``quoted`` is the part of it between “ and ” (or ‘ and ’). Numbered
phrases of the pattern with no such evidence (两个月, 八个方面, 五项措施: mostly quantities) are
listed for review by ``formula_candidates``; add one to ``formulations.toml`` [编号提法] to
count it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import pandas as pd

from ..corpus.corpus import Corpus, as_corpus
from ..corpus.dates import dated
from ..corpus.dtm import DocumentTermMatrix, matrix_from_counts
from ..segmenting.issue import Issue
from ..text.chars import HANZI
from ..text.lexicon import read_formulations
from ..text.phrases import FORMULA, quoted_phrases
from ..text.tokens import dictionary_files, dictionary_words, get_tokenizer
from .frequencies import feature_frequencies

KNOWN_GROUP = "编号提法"  # the group of formulations.toml that holds the numbered formulations
NUMBER = "(?:十[一二三四]|[二三四五六七八九十两])"  # 2 to 14: 一个, 一项 count, they do not number
COUNTERS = "个大项条种"
NUMBERED = re.compile(rf"^({NUMBER})([{COUNTERS}])([{HANZI}]{{1,6}})$")
CONGRESS = re.compile(r"^(?:十[一二三四五六七八九]|二十[一二三四五六七八九]?)大")  # 十九大 is no formula
INVENTORY_COLUMNS = ["formula", "source", "group", "count", "n", "head"]
COUNT_COLUMNS = ["formula", "count", "quoted", "n_chars", "per_10k"]
TREND_COLUMNS = ["issue_id", "label", "formula", "count", "quoted", "n_chars", "per_10k", "n_articles"]
CANDIDATE_COLUMNS = ["candidate", "count", "n_records", "example"]
_DIGITS = {"两": 2, "双": 2, **{c: k for k, c in enumerate("一二三四五六七八九十", start=1)}}
_TOKEN = re.compile(rf"^({NUMBER})([{COUNTERS}])$")
_HEAD = re.compile(rf"^[{HANZI}]{{2,4}}$")
_NUMERAL = re.compile(r"[一二三四五六七八九十两双百千0-9]")


def numbered(phrase: str) -> tuple[int, str] | None:
    """How many members a numeral-and-counter formula names and the word they share:
    ``四个意识`` → ``(4, "意识")``, ``十四个坚持`` → ``(14, "坚持")``; None for other phrases."""
    m = NUMBERED.match(phrase)
    if not m:
        return None
    number = m.group(1)
    value = 10 + _DIGITS[number[1]] if len(number) == 2 else _DIGITS[number]
    return value, m.group(3)


def formula_inventory(x: Issue | Corpus) -> pd.DataFrame:
    """The formulas this corpus uses (see the module docstring), in the order found: ``formula,
    source`` (``formulations.toml``, the dictionary file, ``quoted in the text`` or ``members
    spelled out``), ``group`` (of ``formulations.toml``, where it is one), ``count`` (in all
    the records), ``n`` (members a numeral-and-counter formula names) and ``head`` (the word
    after the counter)."""
    from .members import formula_members

    corpus = as_corpus(x)
    found: dict[str, tuple[str, str]] = {}
    for f in read_formulations():
        if f.group == KNOWN_GROUP or _is_formula(f.term):
            found.setdefault(f.term, ("formulations.toml", f.group))
    for issue_id in dict.fromkeys(corpus.records["issue_id"]):
        for path in dictionary_files(issue_id):
            if path.suffix != ".toml":
                for entry in dictionary_words(path):
                    if _is_formula(entry.word):
                        found.setdefault(entry.word, (path.name, ""))
    for phrase in quoted_phrases(corpus.records["text"]).query("formula")["phrase"]:
        if _is_formula(phrase):
            found.setdefault(phrase, ("quoted in the text", ""))
    candidates = formula_candidates(corpus, known=found)["candidate"]
    spelled = formula_members(corpus, candidates, shapes=("after", "enumerated", "same head"))
    for candidate in dict.fromkeys(spelled["formula"]):
        found.setdefault(candidate, ("members spelled out", ""))
    cores = _cores(list(found))
    counts = formula_matrix(corpus, cores).totals()
    rows = [
        {"formula": f, "source": found[f][0], "group": found[f][1], "count": int(c)}
        for f, c in zip(cores, counts, strict=True)
        if c > 0
    ]
    table = pd.DataFrame(rows, columns=["formula", "source", "group", "count"])
    table["n"] = [(numbered(f) or (0, ""))[0] for f in table["formula"]]
    table["head"] = [(numbered(f) or (0, ""))[1] for f in table["formula"]]
    return table[INVENTORY_COLUMNS]


def formula_matrix(x: Issue | Corpus, formulas: Sequence[str] | None = None, *, quoted: bool = False):
    """Records × formulas: each formula's occurrences in each record, read left to right with
    the longest formula first where two overlap (三会一课 is not also a 三会), formulas in the
    order given (default: the inventory's); ``quoted=True``: only those between “ and ” or ‘
    and ’."""
    corpus = as_corpus(x)
    formulas = list(formula_inventory(corpus)["formula"]) if formulas is None else list(dict.fromkeys(formulas))
    counts = [formula_occurrences(text, formulas, quoted=quoted) for text in corpus.records["text"]]
    docvars = corpus.records.drop(columns="text")
    return matrix_from_counts(docvars, counts, features=formulas, keys=corpus.doc_keys)


def formula_occurrences(text: str, formulas: Sequence[str], *, quoted: bool = False) -> Counter:
    """How often each formula occurs in ``text``, read left to right, the longest first where
    two overlap; ``quoted``: only the occurrences between “ and ” (or ‘ and ’)."""
    if not formulas:
        return Counter()
    found: Counter = Counter()
    for m in _alternation(tuple(formulas)).finditer(text):
        if not quoted or _quoted(text, m.start(), m.end()):
            found[m.group(0)] += 1
    return found


def formula_counts(
    x: Issue | Corpus, formulas: Sequence[str] | None = None, *, by=None, zeros: bool = False
) -> pd.DataFrame:
    """Each formula in each record (or group, ``by``: any document variable or list of them):
    ``formula``, the record's keys and ``column`` (or the group's keys), ``count, quoted,
    n_chars, per_10k`` (per 10,000 non-whitespace characters); formula by formula, in the
    inventory's order, groups without the formula left out unless ``zeros``."""
    corpus = as_corpus(x)
    formulas = list(formula_inventory(corpus)["formula"]) if formulas is None else list(formulas)
    counts, quoted = formula_matrix(corpus, formulas), formula_matrix(corpus, formulas, quoted=True)
    by = by if by is not None else [*counts.keys, "column"]
    table = _frequencies(counts.group(by), quoted.group(by))
    keys = [k for k in counts.group(by).keys]
    table = table if zeros else table[table["count"] > 0]
    return table[["formula", *keys, "count", "quoted", "n_chars", "per_10k"]].reset_index(drop=True)


def formula_trends(x: Issue | Corpus, formulas: Sequence[str] | None = None) -> pd.DataFrame:
    """Each formula in each issue, zeros included, issues in date order: ``issue_id, label,
    formula, count, quoted, n_chars, per_10k, n_articles`` (the issue's records that use it)."""
    corpus = as_corpus(x)
    formulas = list(formula_inventory(corpus)["formula"]) if formulas is None else list(formulas)
    counts = formula_matrix(corpus, formulas).group("issue_id")
    quoted = formula_matrix(corpus, formulas, quoted=True).group("issue_id")
    table = _frequencies(counts, quoted).rename(columns={"doc_freq": "n_articles"})
    return dated(table[[c for c in TREND_COLUMNS if c != "label"]], corpus.issues)


def formula_candidates(x: Issue | Corpus, *, known=None) -> pd.DataFrame:
    """Numbered phrases of the pattern (a numeral 二–十四 or 两, 个/大/项/条/种, and the word the
    tokenizer cuts after it) that are not counted as formulas: ``candidate, count, n_records,
    example``, most frequent first. Most are quantities (两个月); the others are for
    ``formulations.toml`` [编号提法]."""
    corpus = as_corpus(x)
    known = set(formula_inventory(corpus)["formula"]) if known is None else set(known)
    counts: Counter = Counter()
    records: dict[str, set] = {}
    example: dict[str, str] = {}
    for row, (issue_id, text) in enumerate(zip(corpus.records["issue_id"], corpus.records["text"], strict=True)):
        tokens = get_tokenizer(issue_id).cut(text)
        start = 0
        for k, token in enumerate(tokens):
            phrase = _candidate(token, tokens[k + 1] if k + 1 < len(tokens) else "")
            if phrase and not any(f in phrase or phrase in f for f in known):
                counts[phrase] += 1
                records.setdefault(phrase, set()).add(row)
                example.setdefault(phrase, text[max(0, start - 12) : start + len(phrase) + 12].replace("\n", " "))
            start += len(token)
    rows = [
        {"candidate": p, "count": n, "n_records": len(records[p]), "example": example[p]} for p, n in counts.items()
    ]
    table = pd.DataFrame(rows, columns=CANDIDATE_COLUMNS)
    return table.sort_values(["count", "candidate"], ascending=[False, True], ignore_index=True)


# internal functions ----------------------------------------------------------


@lru_cache(maxsize=64)
def _alternation(formulas: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(re.escape(f) for f in sorted(formulas, key=len, reverse=True)))


def _quoted(text: str, start: int, end: int) -> bool:
    return start > 0 and end < len(text) and text[start - 1] in "“‘" and text[end] in "”’"


def _is_formula(term: str) -> bool:
    """A numbered entry: a numeral with a counter or a numbered pattern (``FORMULA``), no congress."""
    return bool(FORMULA.match(term)) and not CONGRESS.match(term) and not term.startswith("一个")


def _candidate(token: str, following: str) -> str:
    """The numbered phrase a token opens (``五个`` + ``强化``; ``四项清单`` whole), or ''."""
    if _TOKEN.match(token) and _HEAD.match(following):
        return token + following
    return token if NUMBERED.match(token) and not CONGRESS.match(token) else ""


def _cores(formulas: list[str]) -> list[str]:
    """The formulas, each in the order found, without those that are a shorter one with words
    around it that hold no numeral (三个代表重要思想 is 三个代表; 三会一课 stays beside 三会)."""
    return [
        f for f in formulas if not any(g != f and g in f and not _NUMERAL.search(f.replace(g, "", 1)) for g in formulas)
    ]


def _frequencies(counts: DocumentTermMatrix, quoted: DocumentTermMatrix) -> pd.DataFrame:
    """``feature_frequencies`` of a grouped formula matrix with the quoted counts beside."""
    table = feature_frequencies(counts, zeros=True, by_feature=True).rename(columns={"feature": "formula"})
    table["quoted"] = feature_frequencies(quoted, zeros=True, by_feature=True)["count"].to_numpy()
    return table
