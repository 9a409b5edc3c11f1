"""Citations and the documents named in 《》: who is cited with which verb, on which occasion
and date, worked by hand on inline texts; the seed's leaders and documents counted."""

from __future__ import annotations

import pytest
from inline import inline_corpus

import corpus_utils as cu
from corpus_utils.analyses.citations import read_citation_rules

RULES = """
[leaders]
"习近平" = ["总书记", "主席", "同志"]
"李强" = ["总理", "同志"]
"李克强" = ["总理", "同志"]

[verbs]
terms = ["指出", "强调", "要求", "说", "规定", "指示", "批示"]
adverbs = ["多次", "深刻", "明确", "所"]

[titles]
terms = ["省委书记", "书记", "部长"]

[documents]
"党章" = "中国共产党章程"
"""


@pytest.fixture
def rules(tmp_path):
    path = tmp_path / "citations.toml"
    path.write_text(RULES, encoding="utf-8")
    return read_citation_rules(path)


def cited(text: str, rules) -> list[tuple]:
    table = cu.citations(inline_corpus([{"text": text}]), rules)
    return [(r.speaker, r.kind, r.title, r.verb, r.occasion, r.date) for r in table.itertuples()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("习近平总书记强调，要坚持。", [("习近平", "leader", "总书记", "强调", "", "")]),
        ("习近平强调：", [("习近平", "leader", "", "强调", "", "")]),
        (
            "习近平总书记在全国组织工作会议上的讲话中深刻指出，",
            [("习近平", "leader", "总书记", "指出", "在全国组织工作会议上的讲话中", "")],
        ),
        (
            "习近平总书记2019年7月9日在中央和国家机关党的建设工作会议上强调，",
            [("习近平", "leader", "总书记", "强调", "2019年7月9日在中央和国家机关党的建设工作会议上", "2019-07-09")],
        ),
        (
            "习近平总书记在2019年7月9日出席会议时强调，",
            [("习近平", "leader", "总书记", "强调", "在2019年7月9日出席会议时", "2019-07-09")],
        ),
        ("总书记多次强调，", [("习近平", "leader", "总书记", "强调", "", "")]),  # 总书记: only 习近平 has it
        ("总理指出，", []),  # 总理: two leaders have it
        ("李强总理在政府工作报告中提出", []),  # 提出 is not a verb of these rules
        ("正如习近平总书记所说，", [("习近平", "leader", "总书记", "说", "", "")]),
        ("省委书记景俊海在调研时要求，", [("景俊海", "official", "省委书记", "要求", "在调研时", "")]),
        ("《中国共产党章程》明确规定，", [("中国共产党章程", "document", "", "规定", "", "")]),
        # mentions, not citations: a title or a theory after the name, a work about the leader
        ("学习习近平新时代中国特色社会主义思想，要求全体党员", []),
        ("学习习近平总书记关于党的建设的重要论述。", []),
        ("书记负责制要求", []),  # 负 opens no surname: no official
        # the speech as the subject, an instruction given: the verb after it, or 指示 / 批示 itself
        ("习近平总书记的重要讲话深刻指出，", [("习近平", "leader", "总书记", "指出", "", "")]),
        ("习近平总书记对此作出重要指示，", [("习近平", "leader", "总书记", "指示", "", "")]),
        ("习近平总书记在吉林考察时作出了重要批示", [("习近平", "leader", "总书记", "批示", "在吉林考察时", "")]),
        ("贯彻习近平总书记重要讲话和重要指示批示精神，", []),  # named, not cited: no verb follows
        ("习近平总书记作出的部署", []),  # 作出 without 指示 or 批示 introduces nothing
    ],
)
def test_citations_by_hand(text, expected, rules):
    assert cited(text, rules) == expected


def test_an_excerpt_is_one_citation_of_its_author(rules):
    corpus = inline_corpus(
        [
            {
                "text": "要以坚持和加强党的全面领导为统领。",
                "kind": "excerpt",
                "column": "（讲话摘编）",
                "authors": ["习近平"],
                "author_note": "2019年7月5日出席深化党和国家机构改革总结会议时强调",
            }
        ]
    )
    table = cu.citations(corpus, rules)
    assert table[["speaker", "verb", "occasion", "date", "where"]].values.tolist() == [
        ["习近平", "强调", "2019年7月5日出席深化党和国家机构改革总结会议时", "2019-07-05", "excerpt"]
    ]


def test_which_columns_cite_most_by_hand(rules):
    corpus = inline_corpus(
        [
            {"text": "习近平总书记指出，要坚持。习近平总书记强调，要落实。", "column": "组工论坛"},  # 2 leaders
            {
                "text": "省委书记景俊海强调，要抓好。《党章》规定，党员必须。",
                "column": "农村党建",
            },  # 1 official, 1 document
            {"text": "没有引用。", "column": "城市党建"},
        ]
    )
    columns = cu.citing_columns(corpus, rules)
    assert columns[["column", "leaders", "officials", "documents"]].values.tolist() == [
        ["组工论坛", 2, 0, 0],
        ["农村党建", 0, 1, 1],
        ["城市党建", 0, 0, 0],
    ]
    n1 = corpus.records["n_chars"].iat[0]
    assert columns["per_10k"].iat[0] == pytest.approx(2 / n1 * 10_000)
    counts = cu.citation_counts(corpus, rules)
    assert counts[["column", "speaker", "count"]].values.tolist() == [
        ["组工论坛", "习近平", 2],
        ["农村党建", "景俊海", 1],
    ]
    sentence = cu.say_citing_columns(columns, cu.citations(corpus, rules))
    assert sentence.startswith("组工论坛 cites leaders most") and "all of them 习近平" in sentence


def test_documents_under_one_name_by_hand(rules):
    text = (
        "根据《中国共产党章程》（以下简称《党章》），党员必须遵守《党章》。"
        "印发《关于加强基层党建的意见》，《意见》要求；又印发《吉林市工作法（试行）》和《吉林市工作法》。"
    )
    table = cu.named_documents(inline_corpus([{"text": text}]), rules)
    assert table[["title", "document", "rule", "kind"]].values.tolist() == [
        ["中国共产党章程", "中国共产党章程", "as written", "law"],
        ["党章", "中国共产党章程", "declared", "law"],
        ["关于加强基层党建的意见", "关于加强基层党建的意见", "as written", "document"],
        ["意见", "关于加强基层党建的意见", "earlier title", "document"],
        ["吉林市工作法（试行）", "吉林市工作法", "as written", "document"],
        ["吉林市工作法", "吉林市工作法", "as written", "document"],
    ]
    # in another record, 《党章》 is the dictionary's alias
    other = cu.named_documents(inline_corpus([{"text": "学习《党章》。"}]), rules)
    assert other[["document", "rule"]].values.tolist() == [["中国共产党章程", "alias"]]
    counts = cu.document_counts(table)
    assert counts[["document", "count"]].values.tolist()[:2] == [["中国共产党章程", 2], ["关于加强基层党建的意见", 2]]


def test_the_seed_s_citations_and_documents(seed_issue):
    corpus = cu.Corpus.from_issue(seed_issue)
    table = cu.citations(corpus)
    body = table[(table["where"] == "body") & (table["speaker"] == "习近平")]
    # the eight sentences of the seed where 习近平总书记 speaks (指出 ×4, 强调 ×4), read by hand;
    # its other five mentions (重要讲话和重要指示批示精神, 关于…的重要论述, 核心地位…) are no citations
    assert len(body) == 8 and sorted(body["verb"].value_counts().items()) == [("强调", 4), ("指出", 4)]
    excerpts = table[table["where"] == "excerpt"]
    assert excerpts["speaker"].value_counts().to_dict() == {"习近平": 4, "陈希": 3}
    assert excerpts["date"].str.match(r"2019-0[78]-\d\d").all()
    named = cu.named_documents(corpus)
    assert len(named) == len(__import__("re").findall(r"《[^《》\n]{1,80}》", "".join(corpus.records["text"])))
    assert named.loc[named["title"] == "意见", "document"].tolist() == ["关于加强和改进城市基层党的建设工作的意见"]
