"""The archive → its vocabulary, written down with the evidence: the terms the tokenizer should
keep whole (``learned_terms``) and the genre's empty words (``empty_words``), each a table a
person can read, and change, before it changes a count.

**Learned terms.** Phrase discovery (``text.phrases.discover_phrases``: cohesion, free context,
made of whole words, of the genre rather than of Chinese at large) runs on each issue; what
passes in any issue is counted over every record of every issue, literally. A candidate is
accepted when it passes and is seen ``MIN_COUNT`` times in ``MIN_RECORDS`` records of
``MIN_ISSUES`` issues (one issue where the archive has one), with a ``genre_ratio`` of
``MIN_GENRE_RATIO``, names a thing (``_named``: 村级集体经济, not 严格落实), and ``holds`` none
of the project's units (a formulation or a followed phrase: 干部担当作为 is
干部 + 担当作为, and as one token it would take its occurrences from 担当作为's counts); the
others stay candidates a person may accept. Discovery uses the dictionaries without the learned terms, so
a term accepted before is found again and stays.

**Empty words.** One rule, the same for every word: a word is empty when it names no subject
and either carries grammar or is spread evenly over the archive. It names no subject when
jieba's dictionary knows it (a word it lacks is the genre's own) as no noun (``n…``) or
abbreviation (``j``: 党建) — verbal nouns such as 发展, 工作 count as verbs — and it is no
formulation of ``formulations.toml``, no followed phrase and no concept term. It carries grammar
when jieba tags it an adverb, pronoun, conjunction, preposition, numeral, measure or time word
(更加, 坚决, 一系列, 今年) or it is a list marker (一是, 二要). It is spread evenly when it is
used by ``MIN_RECORD_SHARE`` of the records, with Gries' DP over the records at most
``MAX_DP`` (推进, 加强, 发展). Either way it must be in ``MIN_ISSUE_SHARE`` of the issues. Words
of stopwords-iso's Chinese list are left out of the evidence: they are empty already. The words
analysts study for framing (问题, 不足, 短板, 必须, 要, 确保) stay in every literal count (phrase
counts, KWIC, concepts) and in ``Corpus.dtm(stopwords=stopword_list(files=[]))``, whatever the
frequency charts leave out.

In both tables ``auto`` is what the rule decides and ``decision`` what counts; a rerun keeps a
decision a person changed (one that differs from the ``auto`` beside it) and renews the others.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import re
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from ..corpus.corpus import Corpus
from ..paths import write_text_replacing
from ..text.lexicon import (
    EMPTY_COLUMNS,
    LEARNED_COLUMNS,
    is_one_token,
    read_empty_words,
    read_formulations,
    read_learned_terms,
    table_inputs_key,
)
from ..text.phrases import discover_phrases, genre_ratio, reference_words
from ..text.tokens import Tokenizer, dictionary_files, stopword_list
from ..workers import mapped
from .significance import gries_dp

MIN_COUNT = 5
MIN_RECORDS = 3
MIN_ISSUES = 2
MIN_GENRE_RATIO = 10.0
MIN_RECORD_SHARE = 0.3
MIN_ISSUE_SHARE = 0.8
MAX_DP = 0.5
NAMING_TAGS = ("vn", "j", "b", "t", "s", "f")  # besides nouns (n…): parts of speech a term's words may have
SUBJECT_TAGS = ("j",)  # besides nouns: an abbreviation (党建) names a subject too
GRAMMAR_TAGS = ("d", "ad", "vd", "c", "p", "r", "m", "mq", "q", "t", "u", "y", "e", "o")
LIST_MARKER = re.compile(r"[一二三四五六七八九十]+(?:是|要|抓|看|来|则|方面)")
EVIDENCE_SHARE = 0.15  # words used by at least this share of records are written with their evidence
RULES = (MIN_COUNT, MIN_RECORDS, MIN_ISSUES, MIN_GENRE_RATIO, MIN_RECORD_SHARE, MIN_ISSUE_SHARE, MAX_DP, "grammar")


def learned_terms(corpus: Corpus, *, previous: Sequence[dict] = (), jobs: int | None = None) -> pd.DataFrame:
    """Candidate terms of the archive with their evidence and decision: ``LEARNED_COLUMNS``,
    accepted first, most frequent first."""
    issues = list(corpus.issues["issue_id"])
    texts = [list(corpus.records.loc[corpus.records["issue_id"] == i, "text"]) for i in issues]
    found: dict[str, dict] = {}
    for table in mapped(_issue_candidates, list(zip(issues, texts, strict=True)), jobs=jobs):
        for row in table:
            found.setdefault(row["candidate"], row)
    columns = LEARNED_COLUMNS
    if not found:
        return pd.DataFrame(columns=columns)
    terms = sorted(found)
    matrix = corpus.phrase_matrix(terms)
    by_issue = matrix.group("issue_id")
    n_chars = int(corpus.records["n_chars"].sum())
    need_issues = MIN_ISSUES if len(issues) >= MIN_ISSUES else 1
    units = {f.term for f in read_formulations()} | _followed()
    rows = []
    for j, term in enumerate(matrix.features):
        count = int(matrix.counts[:, j].sum())
        records = int((matrix.counts[:, j] > 0).sum())
        in_issues = int((by_issue.counts[:, j] > 0).sum())
        ratio = round(genre_ratio(found[term]["tokens"].split("/"), count, n_chars), 2)
        holds = sorted((u for u in units if u != term and u in term), key=len, reverse=True)
        accept = (
            not holds
            and is_one_token(term)
            and _named(found[term])
            and count >= MIN_COUNT
            and records >= MIN_RECORDS
            and in_issues >= need_issues
            and ratio >= MIN_GENRE_RATIO
        )
        rows.append(
            {"term": term, "count": count, "issues": in_issues, "records": records, "genre_ratio": ratio}
            | {"holds": "、".join(holds), "auto": "accept" if accept else "", "example": found[term]["example"]}
        )
    table = _decided(pd.DataFrame(rows), previous, key="term")
    order = table.assign(_a=table["decision"] != "accept").sort_values(
        ["_a", "count", "term"], ascending=[True, False, True]
    )
    return order[columns].reset_index(drop=True)


def empty_words(corpus: Corpus, *, previous: Sequence[dict] = ()) -> pd.DataFrame:
    """The evidence for every word used by ``EVIDENCE_SHARE`` of the records, and whether it is
    empty: ``EMPTY_COLUMNS``, empty ones first, most widely used first."""
    general = stopword_list(files=[])
    dtm = corpus.dtm(stopwords=general)
    if dtm.n_docs == 0 or dtm.n_features == 0:
        return pd.DataFrame(columns=EMPTY_COLUMNS)
    users = dtm.doc_freq()
    shares = users / dtm.n_docs
    keep = np.flatnonzero(shares >= EVIDENCE_SHARE)
    by_issue = dtm.group("issue_id")
    issue_shares = (by_issue.counts[:, keep] > 0).sum(axis=0).A1 / by_issue.n_docs
    sizes = dtm.sizes()
    dp = gries_dp(dtm.counts[:, keep].toarray().T, sizes) if sizes.sum() else np.full(len(keep), np.nan)
    totals = dtm.totals()
    ref, ref_total = reference_words()
    named = {f.term for f in read_formulations()} | _followed_and_concept_terms()
    rows = []
    for k, j in enumerate(keep):
        word = dtm.features[j]
        freq, pos = ref.get(word, (0, ""))
        ratio = (totals[j] / max(int(sizes.sum()), 1)) / (freq / ref_total) if freq else float("inf")
        grammar = _carries_grammar(word, pos)
        reasons = []
        if issue_shares[k] < MIN_ISSUE_SHARE:
            reasons.append(f"in {issue_shares[k]:.0%} of issues")
        if not grammar:
            if shares[j] < MIN_RECORD_SHARE:
                reasons.append(f"used by {shares[j]:.0%} of records")
            if not dp[k] <= MAX_DP:
                reasons.append(f"uneven (DP {dp[k]:.2f})")
        if not freq and not grammar:
            reasons.append("the genre's own word (not in jieba's dictionary)")
        elif pos.startswith("n") or pos in SUBJECT_TAGS:
            reasons.append(f"names a subject (jieba: {pos})")
        if word in named:
            reasons.append("a formulation, followed phrase or concept term")
        rows.append(
            {
                "term": word,
                "count": int(totals[j]),
                "record_share": round(float(shares[j]), 3),
                "issue_share": round(float(issue_shares[k]), 3),
                "dp": round(float(dp[k]), 3),
                "general_ratio": round(ratio, 1) if freq else None,
                "pos": pos,
                "auto": "keep" if reasons else "empty",
                "reason": "; ".join(reasons)
                or (
                    f"carries grammar (jieba: {pos or 'list marker'})" if grammar else "spread evenly, names no subject"
                ),
            }
        )
    table = _decided(pd.DataFrame(rows), previous, key="term")
    order = table.assign(_e=table["decision"] != "empty").sort_values(
        ["_e", "record_share", "term"], ascending=[True, False, True]
    )
    return order[EMPTY_COLUMNS].reset_index(drop=True)


def vocabulary_files(
    corpus: Corpus, folder: Path, *, jobs: int | None = None, key: str | None = None
) -> dict[str, pd.DataFrame]:
    """Learn both tables from ``corpus`` and write them to ``folder`` (``learned_terms.tsv``, then
    ``empty_words.tsv``, counted with the tokenizer that has the learned terms), keeping the
    decisions a person changed in the files already there; ``key`` (``vocabulary_key``) is
    recorded in each file's first line, so that a rerun on the same inputs can be skipped."""
    learned_path, empty_path = folder / "learned_terms.tsv", folder / "empty_words.tsv"
    learned = learned_terms(corpus, previous=read_learned_terms(learned_path), jobs=jobs)
    write_table(learned, learned_path, key=key)
    empty = empty_words(corpus.recounted(), previous=read_empty_words(empty_path))
    write_table(empty, empty_path, key=key)
    return {"learned_terms": learned, "empty_words": empty}


def vocabulary_key(issue_paths: Sequence[Path]) -> str:
    """What the vocabulary tables are learned from: the issue files with their ``.fix.toml`` and
    ``.terms``, the shipped and project dictionaries the learning reads (formulations, followed
    phrases, concepts, terms) and the rules' thresholds. The tables' decisions are not part of it:
    a person's edit to them is read as it is, and needs no relearning."""
    from ..paths import project_file
    from ..segmenting.fixes import fix_path
    from ..text.tokens import DOMAIN_TERMS

    files = [DOMAIN_TERMS]
    files += [
        project_file("dictionaries", n) for n in ("formulations.toml", "phrases.txt", "concepts.toml", "terms.txt")
    ]
    for path in sorted(Path(p).resolve() for p in issue_paths):
        files += [path, fix_path(path), path.with_suffix(".terms")]
    digest = hashlib.sha256(repr(RULES).encode())
    for f in files:
        if f is not None and f.is_file():
            digest.update(f"\0{f.name}\0".encode() + f.read_bytes())
    return digest.hexdigest()[:20]


def refresh_vocabulary(
    issue_paths: Sequence[Path],
    folder: Path,
    *,
    jobs: int | None = None,
    announce: Callable[[str], None] | None = None,
) -> dict[str, pd.DataFrame] | None:
    """Learn the vocabulary tables again where the archive or a dictionary has changed since they
    were written (their recorded ``vocabulary_key``); None when both are up to date.
    ``announce`` is told, before the learning starts, what is about to happen (it takes a while)."""
    key = vocabulary_key(issue_paths)
    if all(table_inputs_key(folder / n) == key for n in ("learned_terms.tsv", "empty_words.tsv")):
        return None
    if announce is not None:
        announce(f"learning the vocabulary again from {len(issue_paths)} issue(s): the archive or a dictionary changed")
    corpus = Corpus.from_paths(issue_paths, jobs=jobs)
    return vocabulary_files(corpus, folder, jobs=jobs, key=key)


def write_table(table: pd.DataFrame, path: Path, *, key: str | None = None) -> Path:
    """A vocabulary table as tab-separated UTF-8, the way a person edits it, after a first line
    that records what it was learned from (``key``) and how to change it."""
    out = io.StringIO()
    if key is not None:
        out.write(
            f"# inputs {key} · learned by python -m corpus_utils learn (and report, when the archive or a "
            "dictionary changes); edit the decision column: a decision that differs from auto is kept\n"
        )
    table.to_csv(out, sep="\t", index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    return write_text_replacing(path, out.getvalue())


# internal functions ----------------------------------------------------------


def _issue_candidates(item: tuple[str, list[str]]) -> list[dict]:
    """The candidates that pass in one issue's records, found with the dictionaries it has
    without the learned terms (a worker's job)."""
    issue_id, texts = item
    files = [f for f in dictionary_files(issue_id) if f.name != "learned_terms.tsv"]
    table = discover_phrases(texts, tokenizer=Tokenizer(files))
    return table[table["passes"]].to_dict("records")


def _named(candidate: dict) -> bool:
    """Whether a candidate names a thing rather than says what to do: a numbered formula, or
    made only of parts jieba knows as nouns, verbal nouns, abbreviations, distinguishing words,
    times, places and directions, or does not know (the genre's own words), a one-character
    ending aside (a suffix: 网格党建站). 严格落实, 健全问责机制 and 干什么学什么 are ways of
    saying; 村级集体经济 and 疫情防控 are terms."""
    if candidate["source"] == "formula":
        return True
    ref, _ = reference_words()
    parts = candidate["tokens"].split("/")
    if len(parts) > 1 and len(parts[-1]) == 1:  # a one-character ending is a suffix (…站, …制, …队)
        parts = parts[:-1]
    tags = [ref.get(part, (0, ""))[1] for part in parts]
    return all(tag == "" or tag.startswith("n") or tag in NAMING_TAGS for tag in tags)


def _carries_grammar(word: str, pos: str) -> bool:
    """An adverb, pronoun, conjunction, preposition, numeral, measure or time word by jieba's tag
    (更加, 坚决, 一系列, 今年), or a list marker (一是, 二要): empty wherever it stands."""
    return pos in GRAMMAR_TAGS or bool(LIST_MARKER.fullmatch(word))


def _why_empty(pos: str, grammar: bool) -> str:
    return f"carries grammar (jieba: {pos or 'list marker'})" if grammar else "spread evenly, names no subject"


def _followed() -> set[str]:
    """The phrases the project follows (``phrases.txt``), if it lists any."""
    from .recurring import followed_phrases

    with contextlib.suppress(ValueError):  # no list of phrases in this project
        return set(followed_phrases())
    return set()


def _followed_and_concept_terms() -> set[str]:
    """The literal terms the project follows (``phrases.txt``) and groups into concepts: never
    empty, so no word is charted in one table and dropped from another."""
    from .concepts import concepts_file

    terms = _followed()
    path = concepts_file()
    if path.is_file():
        from ..config import toml_of

        terms |= {t for entry in toml_of(path).values() for t in entry.get("terms", []) if not t.startswith("re:")}
    return terms


def _decided(table: pd.DataFrame, previous: Sequence[dict], *, key: str) -> pd.DataFrame:
    """``decision``: a person's earlier one where it differs from the ``auto`` beside it, else ``auto``."""
    kept = {row[key]: row["decision"] for row in previous if row.get("decision", "") != row.get("auto", "")}
    table["decision"] = [kept.get(term, auto) for term, auto in zip(table[key], table["auto"], strict=True)]
    return table
