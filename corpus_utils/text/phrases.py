"""Recurring phrases: discovery of new ones, and a check of how the tokenizer cuts known ones.

A new issue brings new slogans. ``discover_phrases`` mines character n-grams that hold
together (pointwise mutual information between their parts) and stand free in their context
(left and right branching entropy), and adds the quoted slogans (``“…”``) and numbered
formulas (``“五个强化”``, ``“3+1”``, ``“四三一”``) of the text. ``phrase_check`` shows, for each
phrase, how often it occurs in the rebuilt text and how often the tokenizer kept it whole.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache

import pandas as pd

from .chars import HANZI, HANZI_RUN
from .tokens import Tokenizer, genre_stopword_list, get_tokenizer

_FUNCTION_CHARS = set("的了和与及或是在对把将被等从向以于为之而也都就又并且要上中下个")
_QUOTED = re.compile(r"“([^“”\n]{2,16})”")
_NUMERALS = "一二三四五六七八九十百千两双"
# “五个强化”, “四级包保”, “三会一课”, “六个一”, “3个7”, “3+1”, “4+4+1”, “四三一”, “510”
FORMULA = re.compile(
    rf"^(?:[{_NUMERALS}\d]+[个项大级条种类位会张有定联包治健好统上要必心]"
    rf"|[{_NUMERALS}\d]+[{HANZI}]{{1,3}}[{_NUMERALS}\d]+[{HANZI}]{{0,3}}"
    rf"|[{_NUMERALS}]{{2,4}}|\d+(?:[+＋]\d+)+|[\d+＋]{{2,}})"
)
DISCOVERY_COLUMNS = [
    "candidate",
    "source",
    "frequency",
    "pmi",
    "left_entropy",
    "right_entropy",
    "in_dictionary",
    "tokens",
    "genre_ratio",
    "passes",
    "example",
]


def quoted_phrases(texts: Iterable[str]) -> pd.DataFrame:
    """Every ``“…”`` phrase (2–16 characters) with its count and whether it is a numbered formula.

    Columns: ``phrase, count, formula``; most frequent first.
    """
    counts = Counter(m.group(1) for text in texts for m in _QUOTED.finditer(text))
    rows = [{"phrase": p, "count": n, "formula": bool(FORMULA.match(p))} for p, n in counts.items()]
    frame = pd.DataFrame(rows, columns=["phrase", "count", "formula"])
    return frame.sort_values(["count", "phrase"], ascending=[False, True], ignore_index=True)


def discover_phrases(
    texts: Sequence[str],
    *,
    tokenizer: Tokenizer | None = None,
    min_freq: int = 3,
    min_len: int = 2,
    max_len: int = 8,
    min_pmi: float = 4.0,
    min_entropy: float = 1.5,
    min_genre_ratio: float = 10.0,
    stopwords: frozenset[str] | None = None,
) -> pd.DataFrame:
    """Candidate phrases for review, from n-gram statistics and from the text's quotations.

    For an n-gram w seen f(w) times among N characters, cohesion is the weakest split:
    ``pmi = min over splits w = a·b of log2( p(w) / (p(a) p(b)) )`` with ``p(x) = f(x) / N``;
    left (right) entropy is ``−Σ p(c) log2 p(c)`` over the characters c just before (after)
    it, a run boundary counting as a new character each time. An n-gram of three or more
    characters *passes* when ``frequency ≥ min_freq``, ``pmi ≥ min_pmi``, both entropies
    ``≥ min_entropy``, it neither starts nor ends with a lone function word, the tokenizer
    cuts at both its ends in at least 80% of its occurrences (so it is made of whole words,
    not ``基层党`` out of ``基层党建``), and no longer passing n-gram contains it with nearly
    the same frequency. Quoted slogans seen twice and numbered formulas seen once pass too.
    Whatever the tokenizer already keeps whole does not pass: it needs no entry.

    An n-gram must also belong to the genre, not to Chinese at large: its first and last
    words are none of the genre's empty words (``截至/目前``, ``各项/工作``; ``stopwords``,
    default ``genre_stopword_list()``), it is no adverb + verb pair
    (``不断/提高``, ``切实/发挥``, by jieba's own part-of-speech tags), and ``genre_ratio`` —
    its rate in these texts over the general-language rate of its rarest word in jieba's
    dictionary (a 60-million-word reference) — is at least ``min_genre_ratio``: ``发现/问题``
    is made of words common everywhere (ratio 0.2), ``整顿/工作`` is not (``整顿``, 20).

    Columns: ``candidate, source (ngram|quoted|formula), frequency, pmi, left_entropy,
    right_entropy, in_dictionary, tokens (how the tokenizer cuts it now), genre_ratio,
    passes, example``.
    """
    tok = tokenizer or get_tokenizer()
    stop = genre_stopword_list() if stopwords is None else stopwords
    aligned = _Alignment(texts, tok)
    runs = [run for text in texts for run in HANZI_RUN.findall(text)]
    grams: Counter[str] = Counter()
    for run in runs:
        for n in range(1, max_len + 1):
            for i in range(len(run) - n + 1):
                grams[run[i : i + n]] += 1
    total = sum(len(r) for r in runs) or 1
    wanted = {g for g, f in grams.items() if f >= min_freq and min_len <= len(g) <= max_len}
    left, right = _neighbours(runs, wanted)
    rows = []
    for g in wanted:
        pmi = min(math.log2(grams[g] * total / (grams[g[:k]] * grams[g[k:]])) for k in range(1, len(g)))
        row = _row(g, "ngram", grams[g], pmi, _entropy(left[g]), _entropy(right[g]))
        parts = tok.cut(g)
        row["genre_ratio"] = round(genre_ratio(parts, grams[g], total), 2)
        row["passes"] = (
            len(g) >= 3
            and pmi >= min_pmi
            and min(row["left_entropy"], row["right_entropy"]) >= min_entropy
            and not _loose_ends(g, tok)
            and aligned.share(g) >= 0.8
            and parts[0] not in stop
            and parts[-1] not in stop
            and not _adverb_verb(parts)
            and row["genre_ratio"] >= min_genre_ratio
        )
        rows.append(row)
    rows = _drop_contained(rows)
    seen = {r["candidate"] for r in rows}
    for q in quoted_phrases(texts).itertuples():
        if q.phrase in seen or not HANZI_RUN.search(q.phrase) or re.search(r"[，、；。\s]", q.phrase):
            continue
        source = "formula" if q.formula else "quoted"
        passes = q.count >= (1 if q.formula else 2) and aligned.share(q.phrase) >= 0.5
        rows.append(_row(q.phrase, source, q.count, math.nan, math.nan, math.nan) | {"passes": passes})
    frame = pd.DataFrame(
        rows, columns=[c for c in DISCOVERY_COLUMNS if c not in ("in_dictionary", "tokens", "example")]
    )
    frame["in_dictionary"] = frame["candidate"].map(lambda w: w in tok)
    frame["tokens"] = frame["candidate"].map(lambda w: "/".join(tok.cut(w)))
    # a candidate the tokenizer already keeps whole needs no entry
    frame["passes"] &= frame["tokens"].str.contains("/", regex=False)
    frame["example"] = frame["candidate"].map(lambda w: _example(texts, w))
    frame = frame[DISCOVERY_COLUMNS]
    return frame.sort_values(["passes", "frequency", "candidate"], ascending=[False, False, True], ignore_index=True)


def add_phrases(table: pd.DataFrame, tokenizer: Tokenizer, *, new_only: bool = True) -> list[str]:
    """Add the candidates that pass (and are not yet in the dictionary) to ``tokenizer``.

    The tokenizer is named, never the shared one by default: adding to the shared tokenizer
    would change every count of every later call in the kernel. Use ``issue_tokenizer(issue)``
    or a ``Tokenizer()`` of your own, and ``write_terms`` to keep the words for the next run."""
    tok = tokenizer
    chosen = table[table["passes"] & (~table["in_dictionary"] if new_only else True)]
    return tok.add_terms(w for w in chosen["candidate"] if HANZI_RUN.fullmatch(w) or re.fullmatch(r"[\w+]+", w))


def phrase_check(texts: Sequence[str], phrases: Iterable[str], *, tokenizer: Tokenizer | None = None) -> pd.DataFrame:
    """For each phrase: occurrences in the rebuilt text, those that are one token, those inside a
    longer token (乡村振兴 in 乡村振兴战略: kept whole, and counted in ``count_rolled``), and the
    cuts where a token boundary falls inside it (``担当/作为 ×3``: the tokens that covered it,
    joined by ``/``). ``whole_share`` is the share kept whole, one token or inside one.

    Columns: ``phrase, in_text, as_token, in_longer, whole_share, cuts``.
    """
    tok = tokenizer or get_tokenizer()
    phrases = list(dict.fromkeys(phrases))
    in_text, as_token, in_longer = Counter(), Counter(), Counter()
    cuts: dict[str, Counter] = defaultdict(Counter)
    for text in texts:
        tokens = tok.cut(text)
        starts, pos = [], 0
        for t in tokens:
            starts.append(pos)
            pos += len(t)
        for phrase in phrases:
            for m in re.finditer(re.escape(phrase), text):
                in_text[phrase] += 1
                s, e = m.start(), m.end()
                first = bisect_right(starts, s) - 1
                last = bisect_left(starts, e) - 1
                if first == last:
                    (as_token if tokens[first] == phrase else in_longer)[phrase] += 1
                else:
                    cuts[phrase]["/".join(tokens[first : last + 1])] += 1
    rows = []
    for p in phrases:
        n, k, inside = in_text[p], as_token[p], in_longer[p]
        rows.append(
            {
                "phrase": p,
                "in_text": n,
                "as_token": k,
                "in_longer": inside,
                "whole_share": (k + inside) / n if n else math.nan,
                "cuts": "; ".join(f"{c} ×{m}" for c, m in cuts[p].most_common()),
            }
        )
    return pd.DataFrame(rows, columns=["phrase", "in_text", "as_token", "in_longer", "whole_share", "cuts"])


# internal functions ----------------------------------------------------------


def _neighbours(runs: list[str], wanted: set[str]) -> tuple[dict[str, Counter], dict[str, Counter]]:
    left: dict[str, Counter] = defaultdict(Counter)
    right: dict[str, Counter] = defaultdict(Counter)
    lengths = sorted({len(g) for g in wanted})
    edge = 0
    for run in runs:
        for n in lengths:
            for i in range(len(run) - n + 1):
                g = run[i : i + n]
                if g not in wanted:
                    continue
                edge += 1
                left[g][run[i - 1] if i > 0 else f"^{edge}"] += 1
                right[g][run[i + n] if i + n < len(run) else f"${edge}"] += 1
    return left, right


def genre_ratio(parts: Sequence[str], frequency: int, n_chars: int) -> float:
    """How much more often a phrase occurs here than general Chinese would allow: its rate
    (per character) over the rate of its rarest part in jieba's dictionary (per word of a
    60-million-word reference). A part the reference does not know counts as seen once."""
    ref, total = reference_words()
    rarest = min((ref.get(p, (0, ""))[0] for p in parts), default=0)
    return (frequency / max(n_chars, 1)) / (max(rarest, 1) / total)


@lru_cache(maxsize=1)
def reference_words() -> tuple[dict[str, tuple[int, str]], int]:
    """jieba's own dictionary as a general-language reference: word → (frequency, part of
    speech), and the frequencies' total. Read from jieba's file, untouched by any domain entry."""
    from jieba import DEFAULT_DICT_NAME, get_module_res

    words: dict[str, tuple[int, str]] = {}
    with get_module_res(DEFAULT_DICT_NAME) as f:
        for line in f.read().decode("utf-8").splitlines():
            word, freq, *tag = line.split()
            words[word] = (int(freq), tag[0] if tag else "")
    return words, sum(f for f, _ in words.values())


def _adverb_verb(parts: Sequence[str]) -> bool:
    """Two words, an adverb then a verb (不断/提高, 切实/发挥): a way of saying, not a term."""
    if len(parts) != 2:
        return False
    ref, _ = reference_words()
    first, last = (ref.get(p, (0, ""))[1] for p in parts)
    return first in ("d", "ad") and last.startswith("v")


def _loose_ends(phrase: str, tok: Tokenizer) -> bool:
    """A phrase that begins or ends with a lone function word (要坚持, 过程中) or holds 的."""
    parts = tok.cut(phrase)
    return "的" in phrase or any(len(p) == 1 and p in _FUNCTION_CHARS for p in (parts[0], parts[-1]))


class _Alignment:
    """Where the tokenizer puts token boundaries in each text, to test candidates against."""

    def __init__(self, texts: Sequence[str], tok: Tokenizer) -> None:
        self.texts = texts
        self.bounds = []
        for text in texts:
            pos, cuts = 0, {0}
            for t in tok.cut(text):
                pos += len(t)
                cuts.add(pos)
            self.bounds.append(cuts)

    def share(self, phrase: str) -> float:
        """Share of the phrase's occurrences that start and end on token boundaries."""
        hits = ok = 0
        for text, cuts in zip(self.texts, self.bounds, strict=True):
            for m in re.finditer(re.escape(phrase), text):
                hits += 1
                ok += m.start() in cuts and m.end() in cuts
        return ok / hits if hits else 0.0


def _entropy(counts: Counter) -> float:
    total = sum(counts.values())
    return -sum(c / total * math.log2(c / total) for c in counts.values()) if total else 0.0


def _row(candidate: str, source: str, freq: int, pmi: float, le: float, re_: float) -> dict:
    return {
        "candidate": candidate,
        "source": source,
        "frequency": freq,
        "pmi": round(pmi, 3),
        "left_entropy": round(le, 3),
        "right_entropy": round(re_, 3),
    }


def _drop_contained(rows: list[dict]) -> list[dict]:
    """Drop a passing n-gram inside a longer passing one seen (almost) as often: its parts."""
    passing = [r for r in rows if r["passes"]]
    keep = []
    for r in rows:
        longer = [
            o
            for o in passing
            if len(o["candidate"]) > len(r["candidate"])
            and r["candidate"] in o["candidate"]
            and o["frequency"] >= 0.8 * r["frequency"]
        ]
        if r["passes"] and longer:
            continue
        keep.append(r)
    return keep


def _example(texts: Sequence[str], phrase: str, width: int = 12) -> str:
    for text in texts:
        i = text.find(phrase)
        if i >= 0:
            before = text[max(0, i - width) : i].replace("\n", " ")
            after = text[i + len(phrase) : i + len(phrase) + width].replace("\n", " ")
            return f"{before}【{phrase}】{after}"
    return ""
