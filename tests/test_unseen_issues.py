"""Three issues in the seed's text shape, written from prose the segmenter was never shaped on
(``unseen_bank``), with continuation blocks set inside other articles' runs: every record comes
back exact on every field or carries a flag worth a look, and no more than three doubts are
shown on records read right."""

from __future__ import annotations

import hashlib

import pytest
from issuegen import load_generated, score_issue
from unseen_bank import unseen_issue, unseen_seeds

# The issues' text, so they stay the issues they were when first measured (a change to the
# generator or the prose that alters them shows here, and their figures must be measured anew).
DIGESTS = {30: "c3a4cd050bdba119", 67: "d202d458d0e9ad00", 71: "3d010c3a41955c3f"}
MAX_DOUBTS_ON_RIGHT_RECORDS = 3


@pytest.fixture(scope="module")
def unseen() -> list[tuple[int, list]]:
    out = []
    for seed in unseen_seeds(3):
        gen = unseen_issue(seed)
        issue = load_generated(gen)
        assert issue.balance().holds
        out.append((seed, gen, score_issue(gen, issue)))
    return out


def test_the_unseen_issues_are_the_ones_measured(unseen):
    digests = {seed: hashlib.sha256(gen.text.encode()).hexdigest()[:16] for seed, gen, _ in unseen}
    assert digests == DIGESTS
    tags = {t for _, gen, _ in unseen for rec in gen.records for t in rec.tags}
    assert {"block_inside_run", "interrupted_mid_sentence"} <= tags


def test_every_record_is_exact_or_flagged(unseen):
    for seed, gen, scores in unseen:
        assert not [s for s in scores if s.expected is None], f"issue {seed}: a record found too many"
        unflagged = [f"#{s.expected}: {s.diffs[:1]}" for s in scores if s.wrong and not s.flags]
        assert unflagged == [], f"issue {seed}"
        assert sum(not s.wrong for s in scores) >= len(gen.records) - 3, f"issue {seed}"


def test_at_most_three_doubts_on_records_read_right(unseen):
    for seed, _, scores in unseen:
        doubts = [f"#{s.expected} {s.doubts}" for s in scores if not s.wrong and s.doubts]
        assert len(doubts) <= MAX_DOUBTS_ON_RIGHT_RECORDS, f"issue {seed}: {doubts}"
