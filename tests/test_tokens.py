"""The domain tokenizer: terms kept whole on real text, ordinary words left alone, stopwords,
user dictionaries, the cache and a quiet start-up."""

from __future__ import annotations

import itertools
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from corpus_utils import Tokenizer, get_tokenizer, phrase_check, stopword_list, terms, tokenize
from corpus_utils.cache import TextCache
from corpus_utils.text.tokens import DOMAIN_TERMS, dictionary_files, read_dictionary

GOLDEN_TERMS = [e.word for e in read_dictionary(Path(__file__).parent / "golden" / "domain_terms.txt")]

# Sentences of the seed issue and the terms each must yield as single tokens.
SENTENCES = [
    ("不断激发干部担当作为的内生动力", ["担当作为", "内生动力"]),
    ("以“党建联盟”建设工作为总抓手", ["党建联盟"]),
    ("全力推动软弱涣散村党组织转化提升", ["软弱涣散", "党组织"]),
    ("结合“两学一做”学习教育、干部作风大整顿", ["两学一做"]),
    ("指导督促软弱涣散村党组织落实“三会一课”等党内组织生活制度", ["软弱涣散", "三会一课", "组织生活"]),
    ("结合正在开展的“不忘初心、牢记使命”主题教育", ["不忘初心", "牢记使命", "主题教育"]),
    ("增强“四个意识”、坚定“四个自信”、做到“两个维护”", ["四个意识", "四个自信", "两个维护"]),
    ("学习贯彻习近平新时代中国特色社会主义思想", ["习近平新时代中国特色社会主义思想"]),
    ("开展党建引领“社区吹哨、部门报到”活动", ["党建引领", "社区吹哨", "部门报到"]),
    ("形成了行之有效的“吹哨报到”“四步走”工作法", ["吹哨报到"]),
    ("着力将党群活动服务中心打造成“红色孵化器”", ["党群活动服务中心", "红色孵化器"]),
    ("建立市级领导、乡镇领导、包保部门、第一书记“四级包保”机制", ["包保部门", "第一书记", "四级包保"]),
    ("建立容错纠错机制，推进干部能上能下", ["容错纠错", "能上能下"]),
    ("打赢脱贫攻坚战，实施乡村振兴战略", ["脱贫攻坚", "乡村振兴"]),
    ("城市基层党建联盟工作法", ["城市", "党建联盟"]),  # the followed phrase wins over 城市基层党建
]


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES, ids=[s[0][:10] for s in SENTENCES])
def test_domain_terms_are_whole_in_real_sentences(seed_tokenizer, sentence, expected):
    """Each term is one token or inside one (软弱涣散 in 软弱涣散村党组织): no boundary cuts it."""
    tokens = seed_tokenizer.cut(sentence)
    assert "".join(tokens) == sentence
    ends = set(itertools.accumulate(len(t) for t in tokens))
    for term in expected:
        start = sentence.index(term)
        assert not ends & set(range(start + 1, start + len(term))), tokens


def test_bare_jieba_splits_what_the_dictionary_keeps(bare_tokenizer):
    assert "担当作为" not in bare_tokenizer.cut("激发干部担当作为的内生动力")
    assert "党建联盟" not in bare_tokenizer.cut("城市基层党建联盟工作法")


def test_the_seed_s_hand_read_domain_terms_kept_whole(seed_texts, seed_tokenizer, bare_tokenizer):
    """The list in tests/golden/domain_terms.txt was read from the seed's articles without
    looking at the dictionary (see its header), so this measures the dictionaries on terms they
    were not built from. An occurrence is kept whole when no token boundary falls inside it (one
    token, or inside a longer one: 软弱涣散 in 软弱涣散村党组织). Measured 2026-12-04 on the 192
    terms found in the articles, with the dictionaries the seed is read with (shipped terms,
    formulations.toml, the seed's own .terms): 79.2% of terms kept whole in ≥85% of their
    occurrences, 89.2% of all occurrences (the shipped dictionary alone before issue 19: 71.4% and
    79.0%; bare jieba 13.5% and 21.3%). The misses are local coinages of this issue (双述双评,
    以企带村, 干正事) and slogans. The floors sit just under the measured figures.
    """
    ours = phrase_check(seed_texts, GOLDEN_TERMS, tokenizer=seed_tokenizer)
    bare = phrase_check(seed_texts, GOLDEN_TERMS, tokenizer=bare_tokenizer)
    ours, bare = ours[ours.in_text > 0], bare[bare.in_text > 0]
    # five occur only in titles (国家治理体系, 模范机关, 区域经济布局, 三个五) or the leftovers (三严三实)
    assert len(ours) == len(GOLDEN_TERMS) - 5
    assert (ours.whole_share >= 0.85).mean() >= 0.78
    assert (ours.as_token.sum() + ours.in_longer.sum()) / ours.in_text.sum() >= 0.88
    assert (bare.whole_share >= 0.85).mean() < 0.20


def test_ordinary_words_are_left_as_bare_jieba_cuts_them(seed_texts, domain_tokenizer, bare_tokenizer):
    """Outside the dictionary's own terms, at most 0.1% of bare jieba's words change."""
    changed = total = 0
    for text in seed_texts:
        ours = _spans(domain_tokenizer.cut(text))
        in_term = [False] * len(text)
        for s, e, t in ours:
            if t in domain_tokenizer:
                in_term[s:e] = [True] * (e - s)
        kept = {(s, e) for s, e, _ in ours}
        for s, e, t in _spans(bare_tokenizer.cut(text)):
            if len(t) >= 2 and re.search(r"[\u4e00-\u9fff]", t) and not any(in_term[s:e]):
                total += 1
                changed += (s, e) not in kept
    assert total > 10_000
    assert changed / total <= 0.001


def test_terms_drop_punctuation_numbers_whitespace_and_stopwords(domain_tokenizer):
    text = "2019年，我们要进一步激发干部担当作为的内生动力，切实抓好 3 项工作。"
    got = terms(text, tokenizer=domain_tokenizer)
    assert "担当作为" in got and "干部" in got and "内生动力" in got
    for dropped in ("，", "。", "2019", "3", " ", "我们", "进一步", "切实", "的", "工作"):
        assert dropped not in got


def test_counting_units_after_numbers_are_not_terms(domain_tokenizer):
    got = terms(
        "共提拔147人次，投入30余万元，培训500余名干部，推动多元化发展，促进个人成长", tokenizer=domain_tokenizer
    )
    assert not {"人次", "余万元", "万元", "余名"} & set(got)
    assert "干部" in got and any("多元" in t for t in got) and any("个人" in t for t in got)


def test_custom_stopwords_are_honoured(domain_tokenizer):
    assert "干部" not in terms("激发干部担当作为", tokenizer=domain_tokenizer, stopwords=frozenset({"干部"}))


def test_an_edited_stopword_file_is_read_again(tmp_path):
    mine = tmp_path / "stopwords.txt"
    mine.write_text("# my list\n干部\n", encoding="utf-8")
    assert "干部" in stopword_list([mine]) and "群众" not in stopword_list([mine])
    mine.write_text("# my list\n群众\n", encoding="utf-8")
    os.utime(mine, ns=(mine.stat().st_atime_ns, mine.stat().st_mtime_ns + 10**9))  # a later edit
    assert "群众" in stopword_list([mine]) and "干部" not in stopword_list([mine])


def test_a_user_dictionary_keeps_new_terms_whole(tmp_path):
    sentence = "开展“争星创品 典亮龙潭”载体活动，推行驻村夜话工作法"
    user = tmp_path / "issue.terms"
    user.write_text("# this issue's own programme\n驻村夜话\n", encoding="utf-8")
    before = Tokenizer([DOMAIN_TERMS], cache=TextCache(enabled=False))
    after = Tokenizer([DOMAIN_TERMS, user], cache=TextCache(enabled=False))
    assert "驻村夜话" not in before.cut(sentence)
    assert "驻村夜话" in after.cut(sentence)
    assert before.signature != after.signature


def test_the_issue_dictionary_next_to_the_seed_is_picked_up(tmp_path, monkeypatch):
    import corpus_utils.text.tokens as tokens

    for folder in ("seeds", "notebooks"):
        (tmp_path / folder).mkdir()
    monkeypatch.setenv("CORPUS_UTILS_ROOT", str(tmp_path))  # a project of its own
    (tmp_path / "seeds" / "042_test.terms").write_text("驻村夜话\n", encoding="utf-8")
    assert tmp_path / "seeds" / "042_test.terms" in tokens.dictionary_files("042_test")
    assert "驻村夜话" in tokens.get_tokenizer("042_test").cut("推行驻村夜话工作法")


def test_added_terms_win_and_malformed_lines_are_reported(tmp_path, domain_tokenizer):
    tok = Tokenizer([DOMAIN_TERMS], cache=TextCache(enabled=False))
    assert tok.add_terms(["典亮龙潭"]) == ["典亮龙潭"]
    assert "典亮龙潭" in tok.cut("争星创品典亮龙潭")
    bad = tmp_path / "bad.terms"
    bad.write_text("党建联盟 很多\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.terms: line 1: expected 'word \[freq\] \[tag\]'"):
        read_dictionary(bad)


def test_tokens_are_cached_by_text_and_dictionary(tmp_path):
    db = tmp_path / "cache.sqlite"
    tok = Tokenizer([DOMAIN_TERMS], cache=TextCache(db))
    text = "推动党建联盟引领基层治理实现新提升"
    first = tok.cut(text)
    assert TextCache(db).get(f"tokens:{tok.signature}", _key(text)) is not None  # written to disk
    assert tok.cut(text) == first
    tok2 = Tokenizer([DOMAIN_TERMS], cache=TextCache(db))
    assert tok2.cut(text) == first  # a new process reads it back from disk
    assert tok2._engine is None  # without loading any dictionary


@pytest.mark.parametrize("engine", ["rjieba", "jieba"])
def test_a_named_engine_is_used_and_a_wrong_one_refused(engine):
    tok = Tokenizer([DOMAIN_TERMS], cache=TextCache(enabled=False), engine=engine)
    assert tok.cut_uncached("推动党建联盟引领基层治理") == ["推动", "党建联盟", "引领", "基层治理"]
    assert tok.engine.name == engine
    with pytest.raises(ValueError, match="engine must be one of"):
        Tokenizer([DOMAIN_TERMS], cache=TextCache(enabled=False), engine="spacy")


def test_rjieba_cuts_exactly_as_jieba_on_the_seed_and_on_generated_issues(seed_texts):
    """rjieba is the fast engine, jieba the reference: the same entries and frequencies, the
    same tokens, on the 26 seed texts and on the texts of 20 generated issues."""
    from issuegen import generate_issue

    generated = ["\n".join(r.text for r in generate_issue(seed).records) for seed in range(20)]
    cache = TextCache(enabled=False)
    fast = Tokenizer(dictionary_files(), cache=cache, engine="rjieba")
    slow = Tokenizer(dictionary_files(), cache=cache, engine="jieba")
    assert fast.terms == slow.terms
    for text in [*seed_texts, *generated]:
        assert fast.cut_uncached(text) == slow.cut_uncached(text)


def test_jieba_start_up_logs_never_reach_stderr():
    code = "from corpus_utils import tokenize; print('/'.join(tokenize('推动基层治理')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().replace("/", "") == "推动基层治理"  # it did tokenize
    assert out.stderr == ""


def test_tokenize_uses_the_one_shared_tokenizer(monkeypatch):
    shared = get_tokenizer()
    assert get_tokenizer() is shared  # built once, not per call
    seen = []
    monkeypatch.setattr(shared, "cut", lambda text: seen.append(text) or ["via shared"])
    assert tokenize("担当作为") == ["via shared"] and seen == ["担当作为"]


def _key(text: str) -> str:
    from corpus_utils.cache import text_key

    return text_key(text)


def _spans(tokens: list[str]) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for t in tokens:
        out.append((pos, pos + len(t), t))
        pos += len(t)
    return out


def test_without_rjieba_the_tokenizer_runs_on_jieba_with_a_notice(monkeypatch):
    from corpus_utils.text.tokens import EngineNotice, default_engine

    monkeypatch.setitem(sys.modules, "rjieba", None)  # as if it could not be installed
    default_engine.cache_clear()
    try:
        with pytest.warns(EngineNotice, match="rjieba is not installed"):
            assert default_engine() == "jieba"
        assert Tokenizer([DOMAIN_TERMS], cache=TextCache(enabled=False)).engine_name == "jieba"
    finally:
        default_engine.cache_clear()
