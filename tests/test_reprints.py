"""Reprints: records that repeat an earlier record's text, shares worked by hand on texts of
distinct characters (so that every 13-character run is unique), and the real seed, which
reprints nothing."""

from __future__ import annotations

import pytest
from inline import inline_corpus

import corpus_utils as cu
from corpus_utils.corpus.reprints import candidate_pairs, covered, shared_text, shingle_hashes, solid_codes


def distinct(n: int, start: int = 0) -> str:
    """``n`` Chinese characters, all different (from U+4E00 + ``start``)."""
    return "".join(chr(0x4E00 + start + k) for k in range(n))


A = distinct(30)


def test_a_shared_passage_by_hand():
    # B: the first 20 characters of A, then 10 of its own. Runs of 13: B's first 8 runs are A's,
    # covering B's characters 0–19; A's first 8 runs are B's, covering A's characters 0–19.
    b = A[:20] + distinct(10, start=100)
    pairs = shared_text([A, b], min_chars=10)
    assert pairs.to_dict("records") == [
        {"a": 0, "b": 1, "shared_chars": 20, "chars_a": 30, "chars_b": 30, "share_a": 20 / 30, "share_b": 20 / 30}
    ]


def test_punctuation_spaces_and_line_breaks_do_not_count():
    spaced = "，".join([A[:10], A[10:20]]) + "。\n  " + A[20:]
    assert solid_codes(spaced).tolist() == solid_codes(A).tolist()
    pairs = shared_text([A, spaced], min_chars=10)
    assert pairs[["share_a", "share_b"]].values.tolist() == [[1.0, 1.0]]


def test_an_edited_character_costs_about_itself():
    text = distinct(60)
    edited = text[:30] + distinct(1, start=500) + text[31:]
    # every run holding character 30 differs; the others cover everything but character 30
    assert covered(shingle_hashes(solid_codes(edited)), shingle_hashes(solid_codes(text))) == 59
    assert shared_text([text, edited], min_chars=10)["share_b"].tolist() == [59 / 60]


def test_an_excerpt_is_found_from_either_side():
    article = distinct(80)
    excerpt = article[10:40]
    pairs = shared_text([article, excerpt], min_chars=10)
    assert pairs[["shared_chars", "share_a", "share_b"]].values.tolist() == [[30, 30 / 80, 1.0]]
    # in the other order the excerpt is the earlier record and the article holds all of it
    pairs = shared_text([excerpt, article], min_chars=10)
    assert pairs[["share_a", "share_b"]].values.tolist() == [[1.0, 30 / 80]]


def test_texts_that_share_little_make_no_pair():
    other = A[:15] + distinct(45, start=200)  # 15 shared characters: 3 runs, a quotation
    assert shared_text([A, other], min_chars=10, min_share=0.5).empty
    assert candidate_pairs([shingle_hashes(solid_codes(t)) for t in (distinct(40), distinct(40, start=50))]) == []


def test_pairs_table_kinds_and_order_by_date():
    later_copy = {"issue_id": "002", "text": A + distinct(2, start=300), "title": "转载"}
    excerpt = {"issue_id": "002", "text": A[:20], "title": "摘要"}
    quoting = {"issue_id": "002", "text": distinct(60, start=400) + A, "title": "引用"}
    # the earlier issue's record is listed last: earlier is by date, not by place in the table
    corpus = inline_corpus(
        [later_copy, excerpt, quoting, {"issue_id": "001", "text": A, "title": "原文"}], issues=["001", "002"]
    )
    pairs = cu.reprint_pairs(corpus, min_chars=10)
    # the latest record first (引用, the third of 002), each with the records before it in order
    assert pairs[["title", "earlier_title", "kind"]].values.tolist() == [
        ["引用", "转载", "quotes"],
        ["引用", "摘要", "quotes"],
        ["引用", "原文", "quotes"],
        ["摘要", "转载", "reprint"],
        ["摘要", "原文", "reprint"],
        ["转载", "原文", "duplicate"],
    ]
    got = {(r.title, r.earlier_title): (r.share, r.share_of_earlier) for r in pairs.itertuples()}
    assert got[("转载", "原文")] == (30 / 32, 1.0)
    assert got[("摘要", "原文")] == (1.0, 20 / 30)
    assert got[("引用", "原文")] == (30 / 90, 1.0)
    assert pairs.loc[pairs["title"] == "转载", ["issue_id", "earlier_issue_id", "earlier_label"]].values.tolist() == [
        ["002", "001", "2020年第1期"]
    ]


def test_a_reprint_is_counted_once_and_the_summary_says_how_much():
    # long enough to pass MIN_SHARED_CHARS (100)
    original = {"issue_id": "001", "text": distinct(120, start=600), "title": "原文"}
    reprint = {"issue_id": "002", "text": distinct(120, start=600), "title": "转载"}
    new = {"issue_id": "002", "text": distinct(60, start=800), "title": "新文"}
    corpus = inline_corpus([original, reprint, new], issues=["001", "002"])
    kept = corpus.without_reprints()
    assert kept.records["title"].tolist() == ["原文", "新文"]
    assert cu.reprinted_records(corpus).tolist() == ["", "2020年第1期 #1", ""]
    summary = cu.reprint_summary(corpus)
    assert summary[["issue_id", "n_records", "n_reprints", "solid_chars", "reprinted_chars"]].values.tolist() == [
        ["001", 1, 0, 120, 0],
        ["002", 2, 1, 180, 120],
    ]
    assert summary["share"].tolist() == [0.0, 120 / 180]


def test_the_matrix_of_a_corpus_without_reprints_loses_the_reprint_s_rows():
    corpus = inline_corpus(
        [
            {"issue_id": "001", "text": "党建联盟" + distinct(120)},
            {"issue_id": "002", "text": "党建联盟" + distinct(120)},
        ],
        issues=["001", "002"],
    )
    counts = corpus.without_reprints().phrase_matrix(["党建联盟"]).group("issue_id")
    assert counts.counts.toarray().ravel().tolist() == [1]
    assert cu.phrase_trends(corpus.without_reprints(), ["党建联盟"])["count"].tolist() == [1]


def test_the_seed_reprints_nothing(seed_issue):
    corpus = cu.Corpus.from_issue(seed_issue)
    assert cu.reprint_pairs(corpus).empty
    # its most shared pair of records shares under 10% of either text
    closest = shared_text(corpus.records["text"].tolist(), min_share=0.0, min_chars=20)
    assert closest[["share_a", "share_b"]].max().max() < 0.10


@pytest.mark.parametrize("share", [0.0, 1.0])
def test_thresholds_are_the_caller_s(share):
    b = A[:20] + distinct(10, start=100)
    assert len(shared_text([A, b], min_chars=10, min_share=share)) == (1 if share < 0.67 else 0)
