"""The units the charts count, before and after the genre's vocabulary (issue 19): the top terms
of each column and the concept counts, on the issues in ``seeds/`` and on plain-text documents
nobody on the project has read (each document standing as one column).

    git show 681b93f:corpus_utils/data/userdict.txt > /tmp/userdict_before.txt
    git show 681b93f:corpus_utils/data/stopwords_domain.txt > /tmp/stopwords_before.txt
    python bench/vocabulary_before_after.py --before-dict /tmp/userdict_before.txt \\
        --before-stopwords /tmp/stopwords_before.txt [--texts DIR] [--top 30]

*Before* is the shipped dictionary and empty-word list of commit 681b93f, with concepts counted
match by match; *after* is the project's dictionaries now (``dictionary_files``: shipped terms,
formulations, learned terms, followed phrases, terms, the issue's ``.terms``), its empty words
(``stopword_list``) and concepts counted mention by mention (``JOINED``). For each column the
script prints the top terms of both, the terms that left and came in, how many of the top are
formulations of ``formulations.toml``, and how many are words the issue named as empty but
charted (推进, 推动, 加快 …).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import stopwordsiso

import corpus_utils as cu
from corpus_utils.analyses.concepts import JOINED, read_concepts
from corpus_utils.cache import TextCache
from corpus_utils.corpus.corpus import matches
from corpus_utils.text.lexicon import read_formulations
from corpus_utils.text.tokens import Tokenizer, dictionary_files, read_dictionary, stopword_list, terms

NAMED_EMPTY = ["推进", "推动", "加快", "实施", "完善", "健全", "必须", "我国", "重大", "一系列", "不少", "今年"]


def columns_of(args) -> dict[str, tuple[str | None, list[str]]]:
    """Column label → (issue id, its texts): the seeds' columns, then one per plain-text document."""
    out: dict[str, tuple[str | None, list[str]]] = {}
    for path in cu.paths.seed_paths():
        records = cu.Corpus.from_paths([path], jobs=1).records  # columns labelled (（讲话摘编）)
        issue_id = records["issue_id"].iat[0]
        for column, texts in records.groupby("column", sort=False)["text"]:
            out[f"{issue_id[:3]} {column}"] = (issue_id, list(texts))
    if args.texts:
        for p in sorted(args.texts.glob("*.txt")):
            out[p.stem] = (None, [p.read_text(encoding="utf-8")])
    return out


def top(texts: list[str], tok: Tokenizer, stop: frozenset[str], n: int) -> list[tuple[str, int]]:
    counts = Counter(t for text in texts for t in terms(text, tokenizer=tok, stopwords=stop, min_len=2))
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before-dict", type=Path, required=True)
    parser.add_argument("--before-stopwords", type=Path, required=True)
    parser.add_argument("--texts", type=Path)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    cache = TextCache(enabled=False)
    before_tok = Tokenizer([args.before_dict], cache=cache)
    before_stop = frozenset(stopwordsiso.stopwords("zh")) | {e.word for e in read_dictionary(args.before_stopwords)}
    after_stop = stopword_list()
    formulations = {f.term for f in read_formulations()}
    concepts = read_concepts()
    tokenizers: dict[str | None, Tokenizer] = {}
    totals = Counter()
    concept_rows = Counter()
    for label, (issue_id, texts) in columns_of(args).items():
        if issue_id not in tokenizers:
            tokenizers[issue_id] = Tokenizer(dictionary_files(issue_id), cache=cache)
        b = top(texts, before_tok, before_stop, args.top)
        a = top(texts, tokenizers[issue_id], after_stop, args.top)
        bw, aw = [w for w, _ in b], [w for w, _ in a]
        fb, fa = sum(w in formulations for w in bw), sum(w in formulations for w in aw)
        eb, ea = sum(w in NAMED_EMPTY for w in bw), sum(w in NAMED_EMPTY for w in aw)
        totals.update({"columns": 1, "formulations before": fb, "formulations after": fa})
        totals.update({"named empty before": eb, "named empty after": ea})
        print(f"\n## {label} ({sum(len(t) for t in texts):,} characters)")
        print(f"before ({fb} formulations, {eb} named-empty): " + " ".join(f"{w}{n}" for w, n in b))
        print(f"after  ({fa} formulations, {ea} named-empty): " + " ".join(f"{w}{n}" for w, n in a))
        print("left:", " ".join(w for w in bw if w not in aw) or "-")
        print("came:", " ".join(w for w in aw if w not in bw) or "-")
        for name, pattern in concepts.items():
            concept_rows[(name, "before")] += sum(matches(pattern, t) for t in texts)
            concept_rows[(name, "after")] += sum(matches(pattern, t, joined_by=JOINED) for t in texts)
    n = totals["columns"]
    print(
        f"\n{n} columns, top {args.top}: formulations {totals['formulations before']} → "
        f"{totals['formulations after']}; words named empty in issue 19 {totals['named empty before']} → "
        f"{totals['named empty after']}"
    )
    print("\nconcept: matches before → mentions after")
    for name in concepts:
        print(f"  {name}: {concept_rows[(name, 'before')]} → {concept_rows[(name, 'after')]}")


if __name__ == "__main__":
    main()
