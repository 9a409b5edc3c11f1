"""The Corpus: records of one or many issues, read in this process or by workers, the same
either way; subsets, literal counts and groupings across issues."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

import corpus_utils as cu


@pytest.fixture(scope="module")
def three_paths(tmp_path_factory, seed_path):
    from issuegen import generate_issue

    folder = tmp_path_factory.mktemp("corpus")
    return [seed_path, *(generate_issue(k).write(folder / f"{k:03d}_2020-0{k}.txt") for k in (1, 2))]


@pytest.fixture(scope="module")
def three(three_paths):
    return cu.Corpus.from_paths(three_paths, jobs=2)


def test_workers_and_this_process_build_the_same_corpus(three_paths, three):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        here = cu.Corpus.from_issues([cu.load_issue(p) for p in three_paths])
    pd.testing.assert_frame_equal(three.records, here.records)
    pd.testing.assert_frame_equal(three.issues, here.issues)
    a, b = three.dtm(), here.dtm()  # the workers' parts stacked, and a matrix built here
    assert a.features.tolist() == b.features.tolist()
    assert (a.counts != b.counts).nnz == 0
    pd.testing.assert_frame_equal(a.docvars, b.docvars)


def test_records_carry_their_issue_s_label_and_date(three):
    assert three.records.columns.tolist()[:4] == ["issue_id", "label", "date", "article_id"]
    dates = three.records.drop_duplicates("issue_id")["date"].tolist()
    assert pd.isna(dates[0]) and dates[1:] == ["2020-01-01", "2020-02-01"]  # ISO days; the seed: no date
    assert three.doc_keys == ["issue_id", "article_id"]  # article ids repeat across issues
    assert three.issues["n_records"].sum() == len(three.records)
    one = three.subset(issue="000_5e927a446d779796")
    assert len(one) == 26 and one.doc_keys == ["article_id"] and len(one.issues) == 1


def test_a_subset_keeps_its_matrix_and_its_pages(three, seed_issue):
    city = three.subset(column="城市党建")
    assert set(city.records["column"]) == {"城市党建"}
    assert city.dtm().n_docs == len(city) and (city.dtm().docvars["column"] == "城市党建").all()
    seed_rows = city.records.index[city.records["issue_id"] == seed_issue.issue_id]
    k = seed_rows[0]
    article = city.records.at[k, "article_id"]
    text = city.records.at[k, "text"]
    assert city.page_at(k, len(text) - 1) == seed_issue.page_at(article, len(text) - 1)


def test_phrases_are_counted_literally_in_every_record(three):
    phrases = ["党建联盟", "3+1", "担当作为"]
    matrix = three.phrase_matrix(phrases)
    assert matrix.features.tolist() == phrases  # the order asked for, not code-point order
    for j, phrase in enumerate(phrases):
        assert matrix.counts[:, j].sum() == sum(t.count(phrase) for t in three.records["text"])
    by_issue = matrix.group("issue_id")
    assert by_issue.docvars["n_chars"].tolist() == three.issues["n_chars"].tolist()


def test_keyness_of_a_column_across_issues_in_one_call(three):
    dtm = three.dtm()
    per_column = cu.keyness(dtm, by="column")  # every column of every issue against the rest of all
    assert set(per_column["column"]) <= set(three.records["column"])
    row = per_column.iloc[0]
    assert row.count_column + row.count_rest == int(dtm.totals()[list(dtm.features).index(row.term)])
    in_issue = cu.keyness(dtm, by=["issue_id", "column"])
    assert in_issue.columns[0] == "group" and in_issue["group"].str.contains(" · ").all()


def test_an_issue_against_the_others(three):
    dtm = three.dtm()
    latest, previous = cu.latest_against_previous(three, previous=2)
    assert latest == ["002_2020-02"] and previous == ["000_5e927a446d779796", "001_2020-01"]  # undated: by order
    table = cu.keyness(dtm, by="issue_id", target=latest, reference=previous, min_count=5)
    sizes = dtm.group("issue_id").sizes()
    assert table["tokens_target"].iat[0] == sizes[2] and table["tokens_reference"].iat[0] == sizes[:2].sum()
    same = cu.keyness(dtm, by="issue_id", target=latest, min_count=5)  # the reference defaults to the rest
    pd.testing.assert_frame_equal(table, same)
    assert three.period_label(previous) == f"{three.issues['label'].iat[0]}—2020年1月（2 期）"


def test_a_broken_file_is_named_and_a_file_named_twice_is_read_once(three_paths, tmp_path):
    empty = tmp_path / "009_empty.txt"
    empty.write_bytes(b"")
    corpus = cu.Corpus.from_paths([*three_paths, three_paths[1], empty], jobs=1)
    assert corpus.broken == [f"{empty}: empty file"]
    assert corpus.issues["issue_id"].tolist() == [p.stem for p in three_paths]


def test_an_empty_corpus_gives_empty_tables():
    corpus = cu.Corpus.from_paths([], jobs=1)
    assert len(corpus) == 0 and corpus.dtm().n_docs == 0
    assert cu.keyness(corpus.dtm(), by="issue_id", target=[], reference=[]).empty
    assert np.asarray(corpus.dtm().totals()).size == 0
