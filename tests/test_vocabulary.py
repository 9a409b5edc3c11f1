"""The genre's vocabulary (issue 19): formulations kept whole and rolled up, terms learned from
the archive with their evidence, empty words chosen by one rule, decisions a person changed
kept across reruns."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import corpus_utils as cu
from corpus_utils.analyses.vocabulary import _decided, empty_words, learned_terms
from corpus_utils.cache import TextCache
from corpus_utils.config import ConfigError
from corpus_utils.corpus.dtm import matrix_from_counts
from corpus_utils.paths import project_root
from corpus_utils.text.lexicon import read_formulations, read_learned_terms
from corpus_utils.text.tokens import Tokenizer, dictionary_files

FORMULATIONS = read_formulations(project_root() / "dictionaries" / "formulations.toml")
# placements a formulation meets in running text: after verbs, before nouns, in quotes, in lists
PLACEMENTS = [
    "要坚持{f}，推动工作落实。",
    "深入推进{f}工作",
    "以{f}为指导",
    "全面落实{f}的各项要求",
    "各级党组织把{f}作为重要任务",
    "“{f}”",
    "推动{f}取得新成效",
    "我们在{f}中发挥作用",
]


def test_the_formulations_have_a_source_for_every_group_and_one_token_each():
    groups = {f.group: f.source for f in FORMULATIONS}
    assert len(FORMULATIONS) >= 400 and len(groups) >= 8
    assert all(len(source) > 10 for source in groups.values())
    assert len({f.term for f in FORMULATIONS}) == len(FORMULATIONS)


def test_formulations_are_kept_whole_wherever_they_stand():
    tok = Tokenizer(dictionary_files(), cache=TextCache(enabled=False))
    terms = [f.term for f in FORMULATIONS]
    longer = {t: [u for u in terms if t in u and u != t] for t in terms}
    kept = split = 0
    for term in terms:
        for placement in PLACEMENTS:
            tokens = tok.cut(placement.format(f=term))
            # a formulation held by a longer one in the same sentence gives way to it
            if term in tokens or any(u in tokens for u in longer[term]):
                kept += 1
            else:
                split += 1
    assert kept / (kept + split) >= 0.995, split


def test_a_formulation_that_is_not_one_token_is_named(tmp_path):
    path = tmp_path / "formulations.toml"
    path.write_text('["口号"]\nsource = "某文件（2020）"\nterms = ["不忘初心、牢记使命"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[口号\] terms\[0\]: '不忘初心、牢记使命' is not one run of characters"):
        read_formulations(path)
    path.write_text('["口号"]\nterms = ["不忘初心"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[口号\]: needs source"):
        read_formulations(path)


def test_nested_terms_roll_up_into_the_shorter_one():
    docvars = pd.DataFrame({"issue_id": ["a", "a"], "article_id": [1, 2], "column": ["x", "y"], "n_chars": [50, 40]})
    # record 1: 乡村振兴战略 ×2, 乡村振兴 ×1; record 2: 乡村振兴战略 ×1, 振兴 ×3
    dtm = matrix_from_counts(
        docvars, [{"乡村振兴战略": 2, "乡村振兴": 1}, {"乡村振兴战略": 1, "振兴": 3}], keys=["article_id"]
    )
    rolled = dtm.rolled_up(["乡村"])
    assert rolled.features.tolist() == ["乡村", "乡村振兴", "乡村振兴战略", "振兴"]  # 乡村 added: held, listed
    assert rolled.counts.toarray().tolist() == [[3, 3, 2, 3], [1, 1, 1, 4]]
    freq = cu.feature_frequencies(dtm.group("issue_id"), rolled=rolled.group("issue_id")).set_index("feature")
    assert freq.loc["乡村振兴", ["count", "count_rolled"]].tolist() == [1, 4]
    assert freq.loc["乡村", ["count", "count_rolled"]].tolist() == [0, 4]
    assert freq.loc["振兴", "per_10k"] == pytest.approx(3 / 90 * 10_000)  # rates stay on whole tokens


def test_term_tables_show_both_counts(seed_issue):
    freq = cu.term_frequencies(seed_issue, by="issue").set_index("term")
    assert (freq["count_rolled"] >= freq["count"]).all()
    assert freq.loc["党建联盟", "count"] == freq.loc["党建联盟", "count_rolled"]  # nothing longer holds it


# learned terms ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def small_archive(tmp_path_factory):
    """Three issues in which 网格党建站 recurs (a term no dictionary has) and 严格落实 (a way of saying)."""
    from synthetic import SynArticle, build_issue

    folder = tmp_path_factory.mktemp("learn")
    paths = []
    for k in range(3):
        body = [
            f"各社区依托网格党建站开展服务，网格党建站每周接待群众{k + 2}次。",
            "严格落实责任制度，严格落实包保责任，街道社区积极参与。",
            "网格党建站把服务送到家门口，群众满意度明显提升。",
        ]
        text = build_issue([SynArticle("城市党建", [f"网格党建站的第{k + 1}年"], "张三", body)] * 2)
        path = folder / f"00{k}_2020-0{k + 1}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return cu.Corpus.from_paths(paths, jobs=1)


def test_terms_are_learned_from_every_issue_with_their_evidence(small_archive):
    table = learned_terms(small_archive, jobs=1).set_index("term")
    row = table.loc["网格党建站"]
    texts = small_archive.records["text"]
    assert row["count"] == sum(t.count("网格党建站") for t in texts)
    assert row["records"] == sum("网格党建站" in t for t in texts) and row["issues"] == 3
    assert row["auto"] == row["decision"] == "accept"
    if "严格落实" in table.index:  # a way of saying, never accepted by the rule
        assert table.loc["严格落实", "auto"] == ""


def test_a_decision_a_person_changed_survives_a_rerun():
    table = pd.DataFrame({"term": ["甲乙", "丙丁", "戊己"], "auto": ["accept", "accept", ""]})
    previous = [
        {"term": "甲乙", "auto": "accept", "decision": "reject"},  # a person rejected it
        {"term": "丙丁", "auto": "accept", "decision": "accept"},  # as the rule said: renewed
        {"term": "戊己", "auto": "", "decision": "accept"},  # a person accepted it
    ]
    assert _decided(table, previous, key="term")["decision"].tolist() == ["reject", "accept", "accept"]


def test_learned_terms_reach_the_tokenizer_only_through_the_file(tmp_path):
    path = tmp_path / "learned_terms.tsv"
    path.write_text(
        "term\tcount\tissues\trecords\tgenre_ratio\tauto\tdecision\texample\n"
        "网格党建站\t9\t3\t6\t120.5\taccept\taccept\t…\n严格落实\t6\t3\t6\t1.2\t\treject\t…\n",
        encoding="utf-8",
    )
    tok = Tokenizer([path], cache=TextCache(enabled=False))
    assert "网格党建站" in tok.cut("依托网格党建站开展服务") and "严格落实" not in tok
    path.write_text(path.read_text(encoding="utf-8").replace("\taccept\taccept", "\taccept\tmaybe"), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"learned_terms\.tsv: line 2: decision 'maybe' must be"):
        read_learned_terms(path)


# empty words -----------------------------------------------------------------------------


def test_one_rule_decides_every_empty_word_by_hand(monkeypatch):
    """Four words over six records of two issues: 推进 (a verb) in every record evenly → empty;
    干部 (a noun) in every record evenly → kept, it names a subject; 研究 (a verb) in one record
    only → kept, uneven; 网格党建站 (unknown to jieba) everywhere → kept, the genre's own."""
    docvars = pd.DataFrame(
        {
            "issue_id": ["a", "a", "a", "b", "b", "b"],
            "article_id": [1, 2, 3, 1, 2, 3],
            "column": "x",
            "n_chars": 100,
        }
    )
    counts = [{"推进": 2, "干部": 2, "网格党建站": 1, "其他": 5} for _ in range(6)]
    counts[0]["研究"] = 6
    counts[0]["更加"] = counts[3]["更加"] = 1  # an adverb in one record of each issue
    counts[1]["二要"] = counts[4]["二要"] = 1  # a list marker jieba does not know
    dtm = matrix_from_counts(docvars, counts, keys=["issue_id", "article_id"])

    class FakeCorpus:
        def dtm(self, **_):
            return dtm

    monkeypatch.setattr("corpus_utils.analyses.vocabulary._followed_and_concept_terms", lambda: set())
    table = empty_words(FakeCorpus()).set_index("term")
    # records 1 holds 17 terms, 2, 4 and 5 hold 11, the others 10 (70 in all); 推进 is 1/6 in each
    dp = 0.5 * (abs(1 / 6 - 17 / 70) + 3 * abs(1 / 6 - 11 / 70) + 2 * abs(1 / 6 - 10 / 70))
    assert table.loc["推进", "decision"] == "empty" and table.loc["推进", "dp"] == pytest.approx(dp, abs=5e-4)
    assert table.loc["干部", "decision"] == "keep" and "names a subject" in table.loc["干部", "reason"]
    assert table.loc["研究", "decision"] == "keep" and "used by 17% of records" in table.loc["研究", "reason"]
    assert table.loc["网格党建站", "decision"] == "keep" and "the genre's own" in table.loc["网格党建站", "reason"]
    assert np.isclose(table.loc["推进", "record_share"], 1.0) and table.loc["推进", "issue_share"] == 1.0
    # grammar is empty however unevenly it falls: 更加 (jieba: d) and 二要 in a third of the records
    assert table.loc["更加", "decision"] == "empty" and "carries grammar (jieba: d)" in table.loc["更加", "reason"]
    assert table.loc["二要", "decision"] == "empty" and "list marker" in table.loc["二要", "reason"]


def test_no_word_is_charted_in_one_table_and_dropped_from_another(seed_issue):
    stop = cu.stopword_list()
    corpus = cu.Corpus.from_issue(seed_issue)
    charted = set(cu.term_frequencies(corpus, by="column")["term"])
    charted |= set(cu.keyness(corpus.dtm())["term"]) | set(cu.top_tfidf_terms(corpus, by="column")["term"])
    charted |= set(cu.network_edges(cu.cooccurrence_network(corpus))[["source", "target"]].stack())
    charted |= {c for p in cu.followed_phrases() for c in cu.collocates(corpus, p)["collocate"]}
    assert not (charted & stop)
    assert not (set(cu.followed_phrases()) & stop)  # followed phrases are counted, never dropped


def test_a_candidate_that_holds_a_unit_is_left_to_a_person(seed_issue):
    """On the seed, 干部担当作为 (13 times) is 干部 + the followed 担当作为: as one token it would take
    担当作为's occurrences, so the rule does not accept it and says what it holds."""
    table = learned_terms(cu.Corpus.from_issue(seed_issue), jobs=1).set_index("term")
    row = table.loc["干部担当作为"]
    assert row["count"] >= 5 and row["holds"] == "担当作为" and row["auto"] == row["decision"] == ""
    accepted = table[table["decision"] == "accept"]
    assert (accepted["holds"] == "").all() and len(accepted) >= 1


def test_the_vocabulary_is_learned_again_only_when_its_inputs_change(tmp_path, small_archive):
    from corpus_utils.analyses.vocabulary import refresh_vocabulary, vocabulary_key
    from corpus_utils.text.lexicon import table_inputs_key

    paths = []
    for source in small_archive.issues["source"]:  # the archive's issue files, copied
        paths.append(tmp_path / Path(source).name)
        paths[-1].write_bytes(Path(source).read_bytes())
    folder = tmp_path / "dictionaries"
    folder.mkdir()
    first = refresh_vocabulary(paths[:2], folder, jobs=1)
    assert first is not None and table_inputs_key(folder / "learned_terms.tsv") == vocabulary_key(paths[:2])
    assert refresh_vocabulary(paths[:2], folder, jobs=1) is None  # nothing changed: nothing learned
    before = (folder / "empty_words.tsv").read_bytes()
    assert refresh_vocabulary(paths, folder, jobs=1) is not None  # an issue more: learned again
    assert table_inputs_key(folder / "empty_words.tsv") == vocabulary_key(paths) != vocabulary_key(paths[:2])
    assert (folder / "empty_words.tsv").read_bytes() != before
    # the header is no row: the tables read as they were written
    assert all(
        row["term"] and not row["term"].startswith("#") for row in read_learned_terms(folder / "learned_terms.tsv")
    )


# the project's own words -----------------------------------------------------------------


def test_the_project_s_own_words_win_where_entries_overlap(tmp_path):
    formulations = tmp_path / "formulations.toml"
    formulations.write_text(
        '["党建"]\nsource = "某文件（2019）"\nterms = ["城市基层党建", "软弱涣散村党组织"]\n', "utf-8"
    )
    own = tmp_path / "terms.txt"
    own.write_text("党建联盟\n软弱涣散\n", encoding="utf-8")
    sentence = "城市基层党建联盟工作法，整顿软弱涣散村党组织"
    without = Tokenizer([formulations], cache=TextCache(enabled=False)).cut(sentence)
    assert without[:2] == ["城市基层党建", "联盟"]  # jieba's choice: the longer entry takes 党建
    got = Tokenizer([formulations, own], cache=TextCache(enabled=False)).cut(sentence)
    assert "".join(got) == sentence
    assert got[:3] == ["城市", "基层", "党建联盟"]  # the project's own word is never cut
    assert "软弱涣散村党组织" in got  # inside a longer token it is whole already: left alone
