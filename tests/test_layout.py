"""Golden cases for the line shapes that are not body text."""

from __future__ import annotations

import pytest

from corpus_utils.segmenting.classify import find_title_block
from corpus_utils.segmenting.layout import byline_authors, is_column_header, is_excerpt_head, title_from_lines


@pytest.mark.parametrize("text", ["部 长 笔 谈", "卷 首 语", "城 市 党 建", "农村 党建", "组 工 论 坛", "专 题"])
def test_column_headers(text):
    assert is_column_header(text)


@pytest.mark.parametrize(
    "text", ["邵 壮", "善 用 自 我 革 命 武 器", "党建联盟 为城市基层党建注入新活力", "工作成效", "2 名"]
)
def test_not_column_headers(text):
    assert not is_column_header(text)


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("刘秋伟", ["刘秋伟"]),
        ("张君 于虔", ["张君", "于虔"]),
        ("邵 壮", ["邵壮"]),
        ("欧阳明", ["欧阳明"]),
        ("舒兰市委组织部", ["舒兰市委组织部"]),
        ("高新区非公党工委", ["高新区非公党工委"]),
        ("本刊记者 张三 李四", ["张三", "李四"]),
        ("执笔：王海涛", ["王海涛"]),
        ("本刊评论员", ["本刊评论员"]),
        ("□ 张宇恒", ["张宇恒"]),
        ("文/王海涛", ["王海涛"]),
        ("舒兰市委组织部 蛟河市委组织部", ["舒兰市委组织部", "蛟河市委组织部"]),
        ("农村 党建", None),
        ("面评估和检查验收。", None),
        ("工作成效", None),
    ],
)
def test_bylines(text, authors):
    assert byline_authors(text) == authors


def test_title_block_with_two_title_lines():
    lines = ["干部、1 名脱贫攻坚干部和 2 名招商领域", "坚持“五个强化”", "激发干部担当作为内生动力", "刘秋伟"]
    block = find_title_block(lines, 18)
    assert (block.titles, block.byline) == ((1, 2), 3)


def test_title_block_with_a_wrapped_spaced_title_and_two_authors():
    lines = ["“缺什么补什么”的原则，根据公务员分类", "关于建设高素质专业化公务员队伍的", "几 点 思 考", "张君 于虔"]
    block = find_title_block(lines, 18)
    assert (block.titles, block.byline) == ((1, 2), 3)
    assert title_from_lines([lines[i] for i in block.titles]) == "关于建设高素质专业化公务员队伍的几点思考"


def test_title_block_followed_by_a_column_header():
    lines = ["格员走访日志，设计制作党建联盟会议问", "围绕“3+1”下好城市治理先手棋", "丰满区委组织部", "城 市 党 建"]
    block = find_title_block(lines, 18)
    assert (block.titles, block.byline, block.trailing_headers) == ((1,), 2, (3,))


def test_a_full_unpunctuated_body_line_is_not_taken_into_the_title():
    lines = [
        "大力选拔使用敢于担当作为的干部。为激",
        "发干部担当作为的内生动力提供了有力",
        "聚力服务真抓实干",
        "船营区委组织部",
    ]
    block = find_title_block(lines, 18)
    assert block.titles == (2,)


def test_a_letter_spaced_title_without_byline():
    block = find_title_block(["用真刀实枪的能力本领积极应对、主动担当。", "善 用 自 我 革 命 武 器"], 37)
    assert (block.titles, block.byline) == ((1,), None)


@pytest.mark.parametrize(
    "lines",
    [
        ["组织部门将对整顿工作进行全", "面评估和检查验收。", "农村 党建"],  # a header at page end, no title
        ["第一步：建立专线联络机制，让专员共", "气同声。打造城市基层治理工作新模式"],
    ],
)
def test_pages_without_title_block(lines):
    assert find_title_block(lines, 18) is None


def test_excerpt_heads():
    wide = "要深入学习贯彻习近平新时代中国特色社会主义经济思想，深入学习贯彻习近平总"
    assert is_excerpt_head("陈希：以更加积极更加开放更加有效的人才政策 聚天下英才而用之", wide)
    assert is_excerpt_head("习近平: 推动形成优势互补高质量发展的区域经济布局 发挥优势提升产业基础能力和", "产业链水平")
    assert not is_excerpt_head("第一步：建立专线联络机制，让专员共", "气同声。")
    assert not is_excerpt_head("编者按：围绕推进全国城市基层党建示范市建设，市委组织部制定下发了《吉林", wide)
