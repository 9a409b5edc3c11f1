"""Phrase discovery and the segmentation check, on the seed issue."""

from __future__ import annotations

import math

import pytest

from corpus_utils import Tokenizer, add_phrases, discover_phrases, phrase_check, quoted_phrases
from corpus_utils.cache import TextCache


@pytest.fixture(scope="module")
def bare_discovery(seed_texts, bare_tokenizer):
    return discover_phrases(seed_texts, tokenizer=bare_tokenizer)


def test_discovery_finds_the_seed_s_recurring_terms_that_jieba_splits(bare_discovery):
    passing = set(bare_discovery.loc[bare_discovery.passes, "candidate"])
    for term in ("党建联盟", "担当作为", "吹哨报到", "红色孵化器", "三会一课", "四级包保", "主题党日", "村企共建"):
        assert term in passing, term


def test_discovery_flags_quoted_slogans_and_numbered_formulas(bare_discovery):
    rows = bare_discovery.set_index("candidate")
    assert rows.loc["四个到位", "source"] == "formula" and rows.loc["四个到位", "passes"]
    assert rows.loc["五个强化", "source"] == "formula"


def test_discovery_rejects_fragments_of_words(bare_discovery):
    rows = bare_discovery.set_index("candidate")
    for fragment in ("基层党", "委组织部", "区党"):  # cut out of 基层党建, 市委组织部, 区党委
        assert not rows.loc[fragment, "passes"], fragment


def test_discovery_statistics_by_hand(bare_tokenizer):
    # runs 甲乙丙 | 丁甲乙 | 甲乙: N = 8 characters, f(甲乙) = f(甲) = f(乙) = 3
    table = discover_phrases(["甲乙丙，丁甲乙，甲乙"], tokenizer=bare_tokenizer, min_freq=3).set_index("candidate")
    row = table.loc["甲乙"]
    assert row.frequency == 3
    assert row.pmi == pytest.approx(math.log2(3 * 8 / (3 * 3)), abs=5e-4)  # the table rounds to 3 places
    # before: start, 丁, start; after: 丙, end, end; each run boundary counts as a new neighbour
    assert row.left_entropy == pytest.approx(math.log2(3), abs=5e-4)
    assert row.right_entropy == pytest.approx(math.log2(3), abs=5e-4)
    assert not row.passes  # two characters: too short to pass


def test_discovery_statistics_on_the_seed(seed_texts, bare_discovery):
    row = bare_discovery.set_index("candidate").loc["党建联盟"]
    assert row.frequency == sum(t.count("党建联盟") for t in seed_texts)  # every one in the rebuilt text
    assert row.pmi > 4 and row.left_entropy > 1.5 and row.right_entropy > 1.5
    assert row.tokens == "党建/联盟"
    assert "【党建联盟】" in row.example


def test_what_the_domain_tokenizer_keeps_whole_does_not_pass(seed_texts, domain_tokenizer):
    table = discover_phrases(seed_texts, tokenizer=domain_tokenizer)
    rows = table.set_index("candidate")
    assert rows.loc["党建联盟", "in_dictionary"]
    assert not rows.loc["党建联盟", "passes"]


def test_passing_candidates_are_added_in_one_call(seed_texts, bare_discovery):
    tok = Tokenizer([], cache=TextCache(enabled=False))
    added = add_phrases(bare_discovery, tok)
    assert "党建联盟" in added
    assert "党建联盟" in tok.cut("推动党建联盟引领基层治理")


def test_adding_phrases_needs_a_tokenizer_named_so_the_shared_one_never_changes(bare_discovery):
    with pytest.raises(TypeError):
        add_phrases(bare_discovery)


def test_quoted_phrases_count_slogans_and_mark_formulas(seed_texts):
    q = quoted_phrases(seed_texts).set_index("phrase")
    assert q.loc["不忘初心、牢记使命", "count"] == 10
    assert q.loc["红色孵化器", "count"] == 10
    assert q.loc["五个强化", "formula"] and q.loc["3+1", "formula"] and q.loc["四三一", "formula"]
    assert not q.loc["红色孵化器", "formula"]


def test_phrase_check_reports_a_split_phrase_as_split(seed_texts, bare_tokenizer, domain_tokenizer):
    bare = phrase_check(seed_texts, ["担当作为", "党建联盟", "不存在的短语"], tokenizer=bare_tokenizer).set_index(
        "phrase"
    )
    in_text = sum(t.count("担当作为") for t in seed_texts)
    assert bare.loc["担当作为", "in_text"] == in_text > 0
    assert bare.loc["担当作为", "as_token"] == 0
    assert "担当/作为" in bare.loc["担当作为", "cuts"]
    assert math.isnan(bare.loc["不存在的短语", "whole_share"])
    ours = phrase_check(seed_texts, ["担当作为"], tokenizer=domain_tokenizer).set_index("phrase")
    assert ours.loc["担当作为", "as_token"] == in_text and ours.loc["担当作为", "cuts"] == ""


def test_phrase_check_keeps_a_phrase_inside_a_longer_token_whole(tmp_path):
    words = tmp_path / "words.txt"
    words.write_text("乡村振兴\n乡村振兴战略\n", encoding="utf-8")
    tok = Tokenizer([words], cache=TextCache(enabled=False))
    text = "实施乡村振兴战略，全面推进乡村振兴。"
    got = phrase_check([text], ["乡村振兴", "振兴战略"], tokenizer=tok).set_index("phrase")
    assert got.loc["乡村振兴"].to_dict() == {
        "in_text": 2,
        "as_token": 1,
        "in_longer": 1,
        "whole_share": 1.0,
        "cuts": "",
    }
    assert got.loc["振兴战略", "in_longer"] == 1 and got.loc["振兴战略", "whole_share"] == 1.0


def test_phrase_check_counts_across_line_wraps(seed_issue, domain_tokenizer):
    # 担当作 | 为 is split by a wrap in the raw file; the rebuilt text still counts it
    raw_lines_joined = seed_issue.text.count("担当作为")
    rebuilt = phrase_check(list(seed_issue.articles.text), ["担当作为"], tokenizer=domain_tokenizer)
    assert rebuilt.loc[0, "in_text"] > raw_lines_joined


def test_generic_compounds_do_not_pass_and_genre_terms_do(seed_texts, domain_tokenizer):
    rows = discover_phrases(seed_texts, tokenizer=domain_tokenizer).set_index("candidate")
    for generic in ("不断提高", "截至目前", "各领域", "发现问题", "重点工作", "切实发挥"):
        assert generic not in rows.index or not rows.loc[generic, "passes"], generic
    for term in ("软弱涣散村", "街道党工委", "扫黑除恶专项斗争", "市级领导包保"):
        assert rows.loc[term, "passes"], term


def test_genre_ratio_by_hand():
    from corpus_utils.text.phrases import genre_ratio, reference_words

    ref, total = reference_words()
    assert total > 50_000_000 and ref["问题"][0] > ref["整顿"][0] > 0
    # 7 times in 46,000 characters, against 发现 (the rarer of 发现/问题) per word of jieba's reference
    assert genre_ratio(["发现", "问题"], 7, 46_000) == pytest.approx((7 / 46_000) / (ref["发现"][0] / total))
    assert genre_ratio(["没有这个词汇吧"], 1, 1) == pytest.approx(total)  # unknown to the reference: seen once
