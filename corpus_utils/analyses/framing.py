"""Records → framing: how often each record, column and issue names problems (存在…问题, 不足,
短板, 薄弱) and gives directives (要, 必须, 确保, 坚决), per 1,000 characters, with the lines in
context behind every number.

The frames and their words are ``dictionaries/framing.toml`` (each frame a ``source`` saying
where its words come from and ``terms``), editable. A one-character term is matched as a whole
token of the issue's domain tokenizer (要, not 重要 or 要求); a longer one literally; ``re:…`` as
a pattern. Where matches of one frame overlap the longest counts, once. ``per_1k`` is per
1,000 non-whitespace characters of the record or group.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..config import ConfigError, ListOf, Schema, Str, Table, checked, toml_of
from ..corpus.corpus import Corpus, as_corpus
from ..corpus.dates import dated
from ..corpus.dtm import DocumentTermMatrix, matrix_from_counts
from ..paths import project_file
from ..segmenting.issue import Issue
from ..text.tokens import get_tokenizer
from .frequencies import feature_frequencies
from .rates import PER_1K, rate

FRAMING_SCHEMA = Schema(
    free=Table({"source": Str(), "terms": ListOf(Str(longest=200), least=1)}, required=("source", "terms"))
)
COUNT_COLUMNS = ["frame", "count", "n_chars", "per_1k"]
KWIC_COLUMNS = ["title", "column", "page", "frame", "left", "keyword", "right"]


@dataclass(frozen=True)
class Frame:
    """One frame: its name, where its words come from, its words (one character: a token;
    longer: literal) and its patterns."""

    name: str
    source: str
    tokens: frozenset[str]
    literals: tuple[str, ...]
    patterns: tuple[re.Pattern, ...]


def framing_file() -> Path | None:
    """``dictionaries/framing.toml`` of the project (None outside a project)."""
    return project_file("dictionaries", "framing.toml")


def read_frames(path: str | Path | None = None) -> list[Frame]:
    """The frames of ``framing.toml`` in the order written; a ``ConfigError`` names the file, the
    frame and the problem."""
    path = Path(path) if path is not None else framing_file()
    if path is None or not path.is_file():
        raise ConfigError(
            path or "dictionaries/framing.toml", "no such file: write the frames there, [name] source = … terms = […]"
        )
    frames = []
    for name, entry in checked(toml_of(path), FRAMING_SCHEMA, path).items():
        tokens, literals, patterns = set(), [], []
        for term in entry["terms"]:
            if term.startswith("re:"):
                try:
                    patterns.append(re.compile(term[3:]))
                except re.error as err:
                    raise ConfigError(path, f"{term!r}: {err}", f"[{name}]") from None
            elif len(term) == 1:
                tokens.add(term)
            else:
                literals.append(term)
        frames.append(Frame(name, entry["source"], frozenset(tokens), tuple(literals), tuple(patterns)))
    if not frames:
        raise ConfigError(path, "defines no frame: write [name], source = … and terms = […] under it")
    return frames


def frame_matches(text: str, frame: Frame, tokens: Sequence[str]) -> list[tuple[int, int]]:
    """The spans of ``frame``'s words in ``text`` (cut into ``tokens``), overlaps resolved to the
    longest, in reading order."""
    spans = []
    start = 0
    for token in tokens:
        if token in frame.tokens:
            spans.append((start, start + len(token)))
        start += len(token)
    for literal in frame.literals:
        spans += [(m.start(), m.end()) for m in re.finditer(re.escape(literal), text)]
    for pattern in frame.patterns:
        spans += [m.span() for m in pattern.finditer(text) if m.end() > m.start()]
    kept, end = [], -1
    for s, e in sorted(spans, key=lambda span: (span[0], -span[1])):
        if s >= end:
            kept.append((s, e))
            end = e
    return kept


def framing_matrix(x: Issue | Corpus, frames: Sequence[Frame] | None = None) -> DocumentTermMatrix:
    """Records × frames: each frame's matches in each record's rebuilt text."""
    corpus = as_corpus(x)
    frames = read_frames() if frames is None else list(frames)
    counts = [{f.name: len(frame_matches(text, f, tokens)) for f in frames} for text, tokens in _cut(corpus)]
    docvars = corpus.records.drop(columns="text")
    return matrix_from_counts(docvars, counts, features=[f.name for f in frames], keys=corpus.doc_keys)


def framing_counts(x: Issue | Corpus, frames: Sequence[Frame] | None = None, *, by=None) -> pd.DataFrame:
    """Each frame in each record (or group, ``by``: any document variable or list of them),
    zeros included, frame by frame: ``frame``, the record's keys and ``column`` (or the group's
    keys), ``count, n_chars, per_1k`` (per 1,000 non-whitespace characters)."""
    matrix = framing_matrix(x, frames)
    grouped = matrix.group(by if by is not None else [*matrix.keys, "column"])
    table = feature_frequencies(grouped, zeros=True, by_feature=True).rename(columns={"feature": "frame"})
    table["per_1k"] = rate(table["count"], table["n_chars"], PER_1K)
    return table[["frame", *grouped.keys, "count", "n_chars", "per_1k"]]


def framing_trends(x: Issue | Corpus, frames: Sequence[Frame] | None = None) -> pd.DataFrame:
    """Each frame in each issue, issues in date order: ``issue_id, label, frame, count, n_chars,
    per_1k``."""
    corpus = as_corpus(x)
    table = framing_counts(corpus, frames, by="issue_id")
    return dated(table[["issue_id", "frame", "count", "n_chars", "per_1k"]], corpus.issues)


def framing_kwic(
    x: Issue | Corpus, frames: Sequence[Frame] | None = None, *, frame: str | None = None, width: int = 20
) -> pd.DataFrame:
    """Every match of every frame (or of ``frame``) with ``width`` characters either side: the
    record's keys (``article_id``), ``title, column, page, frame, left, keyword, right``, in
    reading order, frame by frame. Its rows are the counts of ``framing_counts``, one a match."""
    corpus = as_corpus(x)
    frames = [f for f in (read_frames() if frames is None else frames) if frame is None or f.name == frame]
    records, keys, rows = corpus.records, corpus.doc_keys, []
    cut = list(_cut(corpus))
    for f in frames:
        for k, (text, tokens) in enumerate(cut):
            for start, end in frame_matches(text, f, tokens):
                rows.append(
                    {key: records[key].iat[k] for key in keys}
                    | {
                        "title": records["title"].iat[k],
                        "column": records["column"].iat[k],
                        "page": corpus.page_at(k, start),
                        "frame": f.name,
                        "left": text[max(0, start - width) : start].replace("\n", " "),
                        "keyword": text[start:end],
                        "right": text[end : end + width].replace("\n", " "),
                    }
                )
    return pd.DataFrame(rows, columns=[*keys, *KWIC_COLUMNS])


def framing_words(x: Issue | Corpus, frames: Sequence[Frame] | None = None, *, by="column") -> pd.DataFrame:
    """Which words make each frame's count in each group: ``frame``, the group (``by``: a
    document variable), ``word, count``; most frequent first."""
    lines = framing_kwic(x, frames, width=0)
    if lines.empty:
        return pd.DataFrame(columns=["frame", by, "word", "count"])
    table = lines.groupby(["frame", by, "keyword"], sort=False).size().reset_index(name="count")
    table = table.rename(columns={"keyword": "word"})
    return table.sort_values(["frame", by, "count", "word"], ascending=[True, True, False, True], ignore_index=True)


# internal functions ----------------------------------------------------------


def _cut(corpus: Corpus):
    """Each record's text with its tokens (the issue's domain tokenizer)."""
    for issue_id, text in zip(corpus.records["issue_id"], corpus.records["text"], strict=True):
        yield text, get_tokenizer(issue_id).cut(text)
