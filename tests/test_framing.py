"""Framing: problem and directive words per 1,000 characters, worked by hand on inline texts,
with the KWIC lines behind every count, and the project's list read on the seed."""

from __future__ import annotations

import pytest
from inline import inline_corpus

import corpus_utils as cu
from corpus_utils.analyses.framing import Frame, frame_matches, read_frames

FRAMES = """
["问题"]
source = "test"
terms = ["re:存在[^。]{0,10}?问题", "短板", "不足", "薄弱"]

["指令"]
source = "test"
terms = ["要", "必须", "一定要", "确保"]
"""


@pytest.fixture
def frames(tmp_path):
    path = tmp_path / "framing.toml"
    path.write_text(FRAMES, encoding="utf-8")
    return read_frames(path)


@pytest.fixture
def corpus():
    return inline_corpus(
        [
            # 问题: 存在…问题 1, 短板 1, 不足 1 = 3; 指令: 要 1 (not 重要, 需要), 必须 1 = 2
            {
                "text": "工作中存在一些突出问题，短板明显，力量不足。重要的是要补齐，必须需要时间。",
                "column": "农村党建",
            },
            # 问题: 薄弱 1; 指令: 一定要 1 (one match, not also 要), 确保 1 = 2
            {"text": "基础薄弱。一定要确保落实。", "column": "城市党建"},
        ]
    )


def test_matches_by_hand(frames):
    problem, directive = frames
    text = "一定要抓，要求很高，务必要做。"
    tokens = cu.tokenize(text)
    # 一定要 (longest, literal) and 要 in 务必要 if it is a token of its own; never 要 in 要求
    spans = frame_matches(text, directive, tokens)
    assert (0, 3) in spans and all(text[s:e] != "要" or text[s : s + 2] != "要求" for s, e in spans)
    assert frame_matches("存在问题", problem, ["存在", "问题"]) == [(0, 4)]


def test_counts_by_hand(corpus, frames):
    table = cu.framing_counts(corpus, frames)
    got = {(r.frame, r.article_id): (r.count, r.n_chars) for r in table.itertuples()}
    n1, n2 = (sum(not c.isspace() for c in t) for t in corpus.records["text"])
    assert got == {("问题", 1): (3, n1), ("问题", 2): (1, n2), ("指令", 1): (2, n1), ("指令", 2): (2, n2)}
    assert table.loc[0, "per_1k"] == pytest.approx(3 / n1 * 1000)
    by_column = cu.framing_counts(corpus, frames, by="column")
    assert by_column[["frame", "column", "count"]].values.tolist() == [
        ["问题", "农村党建", 3],
        ["问题", "城市党建", 1],
        ["指令", "农村党建", 2],
        ["指令", "城市党建", 2],
    ]


def test_every_count_has_its_lines_in_context(corpus, frames):
    lines = cu.framing_kwic(corpus, frames, width=4)
    counts = cu.framing_counts(corpus, frames)
    assert len(lines) == counts["count"].sum()
    assert lines[lines["frame"] == "指令"]["keyword"].tolist() == ["要", "必须", "一定要", "确保"]
    first = lines.iloc[0]
    assert (first["left"], first["keyword"], first["right"]) == ("工作中", "存在一些突出问题", "，短板明")
    words = cu.framing_words(corpus, frames)
    # column by column (in code-point order: 农 before 城), then the most frequent word first
    assert words[words["frame"] == "问题"][["column", "word"]].values.tolist() == [
        ["农村党建", "不足"],
        ["农村党建", "存在一些突出问题"],
        ["农村党建", "短板"],
        ["城市党建", "薄弱"],
    ]


def test_trends_by_issue(frames):
    corpus = inline_corpus(
        [{"issue_id": "001", "text": "必须落实。"}, {"issue_id": "002", "text": "存在问题，短板突出。"}],
        issues=["001", "002"],
    )
    trends = cu.framing_trends(corpus, frames)
    assert trends[["issue_id", "label", "frame", "count", "n_chars"]].values.tolist() == [
        ["001", "2020年第1期", "问题", 0, 5],
        ["001", "2020年第1期", "指令", 1, 5],
        ["002", "2020年第2期", "问题", 2, 10],
        ["002", "2020年第2期", "指令", 0, 10],
    ]


def test_a_bad_frames_file_is_one_line(tmp_path):
    bad = tmp_path / "f.toml"
    bad.write_text('["问题"]\nterms = ["不足"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"f\.toml: \[问题\]: needs source"):
        read_frames(bad)
    bad.write_text('["问题"]\nsource = "x"\nterms = ["re:(未闭合"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"f\.toml: \[问题\]: 're:\(未闭合'"):
        read_frames(bad)


def test_the_project_s_frames_on_the_seed(seed_issue):
    frames = read_frames()
    assert [f.name for f in frames] == ["问题", "指令"] and all(f.source for f in frames)
    assert isinstance(frames[1], Frame) and "要" in frames[1].tokens
    corpus = cu.Corpus.from_issue(seed_issue)
    by_column = cu.framing_counts(corpus, by="column").set_index(["frame", "column"])
    # the leaders' excerpts direct most: over 15 directives per 1,000 characters
    directives = by_column.loc["指令", "per_1k"]
    assert directives.idxmax() == "（讲话摘编）" and directives.max() > 15
    lines = cu.framing_kwic(corpus, frame="指令")
    assert not lines["keyword"].isin(["重要", "需要", "要求", "主要"]).any()
    assert len(lines) == by_column.loc["指令", "count"].sum()
