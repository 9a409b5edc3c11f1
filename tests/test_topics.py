"""Topics: NMF separates what is separate, reruns give the same topics, coherence by hand."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import corpus_utils as cu
from corpus_utils.analyses.topics import umass_coherence
from corpus_utils.corpus.dtm import DocumentTermMatrix, matrix_from_counts


def _corpus() -> DocumentTermMatrix:
    # six records: three about 党建联盟/街道/社区, three about 软弱涣散/整顿/村
    vocab = np.array(["党建联盟", "整顿", "村", "社区", "街道", "软弱涣散"])
    rows = [
        [3, 0, 0, 2, 2, 0],
        [2, 0, 0, 3, 1, 0],
        [4, 0, 0, 1, 3, 0],
        [0, 3, 2, 0, 0, 4],
        [0, 2, 3, 0, 0, 2],
        [0, 4, 1, 0, 0, 3],
    ]
    records = pd.DataFrame(
        [("000_a", k, "城市党建" if k < 3 else "农村党建") for k in range(1, 7)],
        columns=["issue_id", "article_id", "column"],
    )
    counts = [dict(zip(vocab, row, strict=True)) for row in rows]
    return matrix_from_counts(records, counts, features=vocab)


def test_two_clear_topics_are_found_and_each_record_belongs_to_one():
    topics = cu.fit_topics(_corpus(), 2, top=3)
    sets = [set(g["term"]) for _, g in topics.terms.groupby("topic")]
    assert sorted(map(sorted, sets)) == [["党建联盟", "社区", "街道"], ["整顿", "村", "软弱涣散"]]
    shares = topics.shares[["topic_0", "topic_1"]].to_numpy()
    assert np.allclose(shares.sum(axis=1), 1) and (shares.max(axis=1) > 0.95).all()
    by_column = cu.topic_shares(topics, by="column").set_index("column")
    assert by_column.loc["城市党建"].idxmax() != by_column.loc["农村党建"].idxmax()


def test_a_rerun_with_the_same_seed_gives_the_same_topics(seed_path):
    corpus = cu.topic_corpus([seed_path], min_df=2, jobs=1)
    first, second = cu.fit_topics(corpus, 5, seed=3), cu.fit_topics(corpus, 5, seed=3)
    pd.testing.assert_frame_equal(first.terms, second.terms)
    pd.testing.assert_frame_equal(first.shares, second.shares)
    assert len(first.shares) == 26 and corpus.counts.shape[1] == len(corpus.features)


def test_umass_coherence_by_hand():
    binary = np.array([[1, 1, 0], [1, 1, 1], [0, 0, 1], [1, 0, 0]], dtype=bool)
    # D(w0) = 3, D(w1) = 2, D(w0, w1) = 2: log((2 + 1) / 3) = 0; D(w2) = 2, D(w0, w2) = 1, D(w1, w2) = 1
    # pairs (w1|w0): log(3/3); (w2|w0): log(2/3); (w2|w1): log(2/2)
    assert umass_coherence(binary, [0, 1, 2]) == pytest.approx(math.log(3 / 3) + math.log(2 / 3) + math.log(2 / 2))


def test_choosing_k_reports_error_and_coherence_for_each():
    table = cu.topic_choice(_corpus(), [1, 2, 3], top=3)
    assert table["k"].tolist() == [1, 2, 3]
    errors = table["reconstruction_error"].tolist()
    assert errors[0] > errors[1] >= errors[2] - 1e-9  # more topics never fit worse
    # with two topics, each topic's three terms are in the same three records: every pair scores
    # log((3 + 1) / 3), three pairs a topic
    assert table.set_index("k").loc[2, "coherence"] == pytest.approx(3 * math.log(4 / 3))


def test_k_is_the_most_coherent_in_the_table_the_smaller_on_a_tie():
    table = pd.DataFrame({"k": [4, 6, 8, 10], "reconstruction_error": [4, 3, 2, 1], "coherence": [-30, -26, -27, -26]})
    assert cu.chosen_k(table) == 6
    assert cu.chosen_k(cu.topic_choice(_corpus(), [2, 3], top=3)) == 2  # the two real topics


def test_a_fit_topic_choice_made_is_reused_not_refitted():
    dtm = _corpus()
    cu.topic_choice(dtm, [2], top=3)
    assert cu.fit_topics(dtm, 2, top=3) is cu.fit_topics(dtm, 2, top=3)
    assert cu.fit_topics(dtm, 2, top=3, seed=1) is not cu.fit_topics(dtm, 2, top=3)


def test_editor_notes_are_left_out_of_topics(seed_path):
    # the seed's two editor's notes end in the same furniture: 现予以刊发，供（相互）借鉴交流
    corpus = cu.Corpus.from_paths([seed_path], jobs=1)
    notes = corpus.records[corpus.records["kind"] == "editor_note"]
    assert len(notes) == 2 and all("借鉴" in t for t in notes["text"])
    dtm = cu.topic_matrix(corpus)
    assert dtm.n_docs == len(corpus.records) - 2 and set(dtm.docvars["kind"]) == {"article", "excerpt"}
    whole = corpus.dtm()
    is_note = (whole.docvars["kind"] == "editor_note").to_numpy()
    in_notes = np.asarray((whole.counts[is_note] > 0).sum(axis=0)).ravel()
    elsewhere = np.asarray((whole.counts[~is_note] > 0).sum(axis=0)).ravel()
    furniture = set(whole.features[(in_notes == 2) & (elsewhere == 0)])  # words only the two notes share
    assert furniture and furniture <= set(whole.trim(min_docs=2).features)  # they would be kept...
    assert not furniture & set(dtm.features)  # ...and are not
