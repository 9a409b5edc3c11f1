"""How many occurrences of the genre's formulations the tokenizer keeps whole, on texts and a
list read by hand by someone who had not seen the dictionaries.

    python bench/formulations_kept_whole.py --texts DIR [--list DIR/formulations.tsv]
        [--before OLD_USERDICT] [--show 30]

``DIR`` holds plain-text documents (``<name>.txt``) and ``formulations.tsv`` with the columns
``formulation, group, document, count`` (one row per formulation and document). An occurrence
is kept whole when no token boundary falls inside it (乡村振兴 inside the one token 乡村振兴战略
is kept whole; 乡村/振兴 is not). Three tokenizers are compared on the same texts: bare jieba,
the domain dictionary given with ``--before`` (the one before a change), and the project's
dictionaries now (``dictionary_files()``: the shipped domain terms, ``formulations.toml``, the
accepted learned terms and ``terms.txt``). The figures go in the README and the closing notes.
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import defaultdict
from pathlib import Path

from corpus_utils.cache import TextCache
from corpus_utils.text.tokens import Tokenizer, dictionary_files


def kept_whole(text: str, tokens: list[str], formulation: str) -> tuple[int, int]:
    """(occurrences of ``formulation`` in ``text``, those with no token boundary inside). A
    formulation written with pause marks (不敢腐、不能腐、不想腐) is kept whole when each of its
    members is: a pause mark is a token of its own, so no tokenizer keeps such a string whole."""
    bounds, at = set(), 0
    for token in tokens:
        at += len(token)
        bounds.add(at)
    spans, at = [], 0
    for member in formulation.split("、"):
        spans.append((at, at + len(member)))
        at += len(member) + 1
    found = [m.start() for m in re.finditer(re.escape(formulation), text)]
    whole = sum(not any(b in bounds for s, e in spans for b in range(start + s + 1, start + e)) for start in found)
    return len(found), whole


def measure(texts: dict[str, str], listed: dict[str, set[str]], tok: Tokenizer) -> tuple[int, int, dict]:
    total = whole = 0
    misses: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for name, text in texts.items():
        tokens = tok.cut(text)
        assert "".join(tokens) == text
        for formulation in listed.get(name, ()):
            n, k = kept_whole(text, tokens, formulation)
            total, whole = total + n, whole + k
            misses[formulation][0] += n
            misses[formulation][1] += k
    return total, whole, misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, required=True)
    parser.add_argument("--list", type=Path)
    parser.add_argument("--before", type=Path, help="the domain dictionary before a change")
    parser.add_argument("--show", type=int, default=30)
    args = parser.parse_args()
    listing = args.list or args.texts / "formulations.tsv"
    listed: dict[str, set[str]] = defaultdict(set)
    groups = {}
    with listing.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            listed[row["document"]].add(row["formulation"])
            groups[row["formulation"]] = row["group"]
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(args.texts.glob("*.txt"))}
    cache = TextCache(enabled=False)
    tokenizers = {"bare jieba": Tokenizer([], cache=cache)}
    if args.before:
        tokenizers["domain dictionary before"] = Tokenizer([args.before], cache=cache)
    tokenizers["project dictionaries now"] = Tokenizer(dictionary_files(), cache=cache)
    n_chars = sum(len(t) for t in texts.values())
    print(f"{len(texts)} documents, {n_chars:,} characters; {len(groups)} formulations listed by hand")
    results = {}
    for name, tok in tokenizers.items():
        total, whole, misses = measure(texts, listed, tok)
        kinds = sum(1 for n, k in misses.values() if n and k / n >= 0.9)
        print(
            f"{name:>26}: {whole:,} of {total:,} occurrences kept whole ({whole / total:.1%}); "
            f"{kinds} of {len(misses)} formulations kept whole in ≥90% of their occurrences"
        )
        results[name] = misses
    misses = results["project dictionaries now"]
    worst = sorted(((n - k, f, n, k) for f, (n, k) in misses.items() if k < n), reverse=True)[: args.show]
    print("\nmost occurrences cut now (formulation, group, kept/occurrences, a cut):")
    tok = tokenizers["project dictionaries now"]
    for _, formulation, n, k in worst:
        print(f"  {formulation} ({groups[formulation]}): {k}/{n}  {'/'.join(tok.cut(formulation))}")


if __name__ == "__main__":
    main()
