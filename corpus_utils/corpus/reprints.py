"""Records → the text they share: which records of a corpus repeat most of another's text (a
reprint, whole, in part or edited), so that a reprint can be counted once.

Each record's text is reduced to its characters, digits and letters (punctuation, spaces and
line breaks dropped, so a reprint set with other punctuation or line breaks still matches) and
cut into every run of ``SHINGLE`` characters (13, the length at which the genre's shared
formulas stop: 习近平新时代中国特色社会主义思想 is 17). Two records share a character when a
13-character run holding it is in both; a record's ``share`` in a pair is how many of its
characters the other record holds, over its length. A reprint keeps its share through light
edits (an edited character costs about that character, not the 13 runs around it) and a
partial reprint is found from either side: an excerpt has a share near 1 in the article it
comes from, the article a small one.

Finding the pairs is exact on the candidates: every run is hashed (64 bits) and each record is
indexed by its winnowed runs (in every window of ``WINDOW`` consecutive runs, the one of least
hash: Schleimer, Wilkerson and Aiken's winnowing, 2003), so two records that share a passage of
``2 × WINDOW + SHINGLE − 1`` characters (20) share at least two indexed runs; they are compared
run by run when they also share half as large a share of the fingerprints of the one with
fewer as ``min_share`` asks of its text (fingerprints sample a text evenly). A run indexed in
more than ``MAX_POSTINGS`` records is the genre's stock phrasing, not a reprint, and indexes
nothing. Pairs are kept when ``min_share`` of one record is in the other and they share
``min_chars`` characters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import pandas as pd

from ..text.chars import HANZI
from .dates import dated

SHINGLE = 13  # characters in a run
WINDOW = 4  # winnowing: the least hash of every WINDOW consecutive runs indexes its record
MIN_INDEXED = 2  # indexed runs two records must share to be compared
MAX_POSTINGS = 64  # a run indexed in more records than this is stock phrasing
MIN_SHARE = 0.5  # of one record's characters in the other: the pair is a reprint
MIN_SHARED_CHARS = 100  # characters a reprint shares at least
DUPLICATE = 0.8  # both shares at least this: one text printed twice (edits allowed)
PAIR_COLUMNS = ["a", "b", "shared_chars", "chars_a", "chars_b", "share_a", "share_b"]

_BASE = np.uint64(0x100000001B3)
_MIX = (np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB))


def solid_codes(text: str) -> np.ndarray:
    """The code points of a text's characters, digits and letters, in order (uint64)."""
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    return codes[_kept()[codes]].astype(np.uint64)


def shingle_hashes(codes: np.ndarray, k: int = SHINGLE) -> np.ndarray:
    """A 64-bit hash of every run of ``k`` code points (``len(codes) - k + 1`` of them; none
    for a shorter text): a polynomial hash, then mixed so that its low bits are as good as its
    high ones."""
    if len(codes) < k:
        return np.zeros(0, dtype=np.uint64)
    powers = _BASE ** np.arange(k - 1, -1, -1, dtype=np.uint64)
    h = np.lib.stride_tricks.sliding_window_view(codes, k) @ powers
    h ^= h >> np.uint64(30)
    h *= _MIX[0]
    h ^= h >> np.uint64(27)
    h *= _MIX[1]
    return h ^ (h >> np.uint64(31))


def covered(hashes: np.ndarray, other: np.ndarray, k: int = SHINGLE, *, other_sorted: bool = False) -> int:
    """How many characters of a text lie in a run of ``k`` that ``other`` (its run hashes;
    ``other_sorted``: already sorted and unique) has too."""
    other = other if other_sorted else np.unique(other)
    if not len(other) or not len(hashes):
        return 0
    where = np.minimum(np.searchsorted(other, hashes), len(other) - 1)
    shared = np.flatnonzero(other[where] == hashes)
    if not len(shared):
        return 0
    edges = np.zeros(len(hashes) + k, dtype=np.int64)
    np.add.at(edges, shared, 1)
    np.add.at(edges, shared + k, -1)
    return int((np.cumsum(edges) > 0).sum())


def shared_text(
    texts: Sequence[str],
    order: Sequence[int] | None = None,
    *,
    k: int = SHINGLE,
    min_share: float = MIN_SHARE,
    min_chars: int = MIN_SHARED_CHARS,
) -> pd.DataFrame:
    """Pairs of texts where one holds ``min_share`` of the other's characters and they share
    ``min_chars`` of them: ``a, b`` (positions in ``texts``, ``a`` the earlier by ``order``,
    default: the order given), ``shared_chars`` (of ``b`` held by ``a``), ``chars_a, chars_b``
    (characters, digits and letters), ``share_a`` (of ``a`` held by ``b``), ``share_b`` (of
    ``b`` held by ``a``); by ``a``, then ``b``."""
    codes = [solid_codes(t) for t in texts]
    hashes = [shingle_hashes(c, k) for c in codes]
    rank = np.arange(len(texts)) if order is None else np.asarray(order)
    rows, unique = [], {}
    for i, j in candidate_pairs(hashes, min_share=min_share):
        a, b = (i, j) if (rank[i], i) < (rank[j], j) else (j, i)
        for n in (a, b):
            if n not in unique:
                unique[n] = np.unique(hashes[n])
        held_a = covered(hashes[a], unique[b], k, other_sorted=True)
        held_b = covered(hashes[b], unique[a], k, other_sorted=True)
        share_a, share_b = held_a / len(codes[a]), held_b / len(codes[b])
        if max(share_a, share_b) >= min_share and min(held_a, held_b) >= min_chars:
            rows.append((a, b, held_b, len(codes[a]), len(codes[b]), share_a, share_b))
    pairs = pd.DataFrame(rows, columns=PAIR_COLUMNS)
    return pairs.sort_values(["a", "b"], ignore_index=True) if len(pairs) else pairs.astype({"a": int, "b": int})


def candidate_pairs(hashes: Sequence[np.ndarray], *, min_share: float = 0.0) -> list[tuple[int, int]]:
    """Pairs of texts (positions, smaller first) that share ``MIN_INDEXED`` winnowed runs, and
    at least ``min_share / 2`` of the fingerprints of the one with fewer (fingerprints sample a
    text evenly: a pair that shares half of a text shares about half of its fingerprints)."""
    keys = [winnowed(h) for h in hashes]
    if not keys:
        return []
    owners_all = np.concatenate([np.full(len(k), n, dtype=np.int64) for n, k in enumerate(keys)])
    keys_all = np.concatenate(keys)
    order = np.argsort(keys_all, kind="stable")
    keys_all, owners_all = keys_all[order], owners_all[order]
    starts = np.flatnonzero(np.r_[True, keys_all[1:] != keys_all[:-1]]) if len(keys_all) else np.zeros(0, int)
    sizes = np.diff(np.r_[starts, len(keys_all)])
    n = len(hashes)
    codes = []
    for size in np.unique(sizes[(sizes > 1) & (sizes <= MAX_POSTINGS)]):
        first = starts[sizes == size]  # every run of this many records at once
        i, j = np.triu_indices(size, 1)
        codes.append((owners_all[first[:, None] + i] * n + owners_all[first[:, None] + j]).ravel())
    if not codes:
        return []
    pair_codes, counts = np.unique(np.concatenate(codes), return_counts=True)
    fingerprints = np.array([len(k) for k in keys], dtype=np.int64)
    fewer = np.minimum(fingerprints[pair_codes // n], fingerprints[pair_codes % n])
    kept = pair_codes[(counts >= MIN_INDEXED) & (counts >= min_share / 2 * fewer)]
    return [(int(c // n), int(c % n)) for c in kept]


def winnowed(hashes: np.ndarray, window: int = WINDOW) -> np.ndarray:
    """A text's fingerprints: the least hash of every ``window`` consecutive runs, each once."""
    if len(hashes) <= window:
        return hashes[[int(np.argmin(hashes))]] if len(hashes) else hashes
    least = np.lib.stride_tricks.sliding_window_view(hashes, window).argmin(axis=1)
    return np.unique(hashes[np.unique(least + np.arange(len(least)))])


def record_pairs(
    records: pd.DataFrame, issues: pd.DataFrame, *, min_share: float = MIN_SHARE, min_chars: int = MIN_SHARED_CHARS
) -> pd.DataFrame:
    """``shared_text`` of a corpus's records (positions in ``records``), earlier and later by
    ``reading_order``; the last few results are kept, so the tables of one corpus find its
    pairs once."""
    texts = tuple(records["text"])
    order = tuple(reading_order(records, issues).tolist())
    return _pairs_of(texts, order, min_share, min_chars).copy()


def reading_order(records: pd.DataFrame, issues: pd.DataFrame) -> np.ndarray:
    """Each record's rank in time: its issue's place among ``issues`` by date (``dates.dated``),
    then its own place in the issue."""
    by_date = dated(issues[["issue_id"]], issues)["issue_id"]
    place = {issue_id: k for k, issue_id in enumerate(by_date)}
    issue_rank = records["issue_id"].map(place).fillna(len(place)).to_numpy(dtype=np.int64)
    return issue_rank * (len(records) + 1) + np.arange(len(records))


def reprinted_mask(pairs: pd.DataFrame, n_records: int, *, min_share: float = MIN_SHARE) -> np.ndarray:
    """True for each record (position) that is mostly an earlier record's text: the later
    record of a pair whose ``share_b`` is at least ``min_share``."""
    mask = np.zeros(n_records, dtype=bool)
    if len(pairs):
        mask[pairs.loc[pairs["share_b"] >= min_share, "b"].to_numpy(dtype=np.int64)] = True
    return mask


# internal functions ----------------------------------------------------------


@lru_cache(maxsize=4)
def _pairs_of(texts: tuple[str, ...], order: tuple[int, ...], min_share: float, min_chars: int) -> pd.DataFrame:
    return shared_text(list(texts), np.asarray(order, dtype=np.int64), min_share=min_share, min_chars=min_chars)


@lru_cache(maxsize=1)
def _kept() -> np.ndarray:
    """For every code point, whether it is a character (``chars.HANZI``), a digit or a letter."""
    kept = np.zeros(0x110000, dtype=bool)
    pattern = re.compile(f"[{HANZI}0-9A-Za-z]")
    for point in (*range(0x80), *range(0x3400, 0xA000)):
        kept[point] = bool(pattern.match(chr(point)))
    return kept
