"""Pages → articles on the seed issue: the hand-read table of contents is the specification."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

GOLDEN = json.loads((Path(__file__).parent / "golden" / "seed_000_toc.json").read_text(encoding="utf-8"))["records"]


def test_the_seed_has_every_record_of_the_hand_read_contents(seed_issue):
    assert len(seed_issue.articles) == len(GOLDEN) == 26
    assert seed_issue.articles["kind"].value_counts().to_dict() == {"article": 17, "excerpt": 7, "editor_note": 2}


@pytest.mark.parametrize("k", range(len(GOLDEN)), ids=[g["title"] or g["kind"] for g in GOLDEN])
def test_record_matches_the_hand_read_contents(seed_issue, k):
    got, want = seed_issue.articles.iloc[k], GOLDEN[k]
    for field in ("kind", "column", "title", "authors", "author_note", "pages"):
        assert got[field] == want[field], field
    assert got["text"].startswith(want["starts"])
    assert got["text"].endswith(want["ends"])


def test_a_continued_article_is_stitched_at_its_cut(seed_issue):
    art = seed_issue.articles.set_index("title").loc["加强干部队伍建设 激励干部新时代新担当新作为"]
    # "…依据 (下转 10页）" on page 13 and "(上接 13页）《党政领导干部考核工作条例》…" on page 10
    assert "提高考察工作科学化水平。依据《党政领导干部考核工作条例》，坚持考用结合" in art["text"]
    assert art["pages"] == [11, 12, 13, 10]
    assert art["author_note"] == "作者为蛟河市委常委、组织部长"


def test_a_continuation_sharing_a_page_with_another_article_goes_to_its_own(seed_issue):
    arts = seed_issue.articles.set_index("title")
    longtan = arts.loc["党建联盟 为城市基层党建注入新活力", "text"]
    gaoxin = arts.loc["打造红色孵化平台 助推民营企业发展", "text"]
    assert "条条要围着块块转、机关要围着基层转" in longtan
    assert longtan.endswith("让人民群众拥有更多的幸福感、获得感。")
    # page 16 also carries the end of the 高新区 article, after the 经 验 介 绍 header
    assert "各类通知，对外推介企业产品及技术等内容。" in gaoxin
    assert "围着块块转" not in gaoxin


def test_a_paragraph_runs_across_a_title_block_and_a_page_break(seed_issue):
    text = seed_issue.articles.set_index("title").loc["关于党建引领城市基层治理的研究与思考", "text"]
    assert "第一步：建立专线联络机制，让专员共气同声。" in text
    longtan = seed_issue.articles.set_index("title").loc["党建联盟 为城市基层党建注入新活力", "text"]
    assert "\n二、强化方法指引，提升城市党建联盟工作成效\n" in longtan


def test_a_phrase_split_by_a_line_wrap_is_whole_in_the_text(seed_issue):
    raw = seed_issue.text
    assert "激励干部担当作\n\n为。" in raw  # 担当作 | 为 across a wrap on page 9
    bodies = "\n".join(seed_issue.articles["text"])
    assert "（四）坚持严管厚爱，激励干部担当作为。" in bodies
    # nothing lost to wraps: every occurrence in the raw text, wraps undone, is in a body or in
    # the metadata and leftovers
    outside = "".join(seed_issue.metadata.text) + "".join(seed_issue.leftovers.text)
    assert bodies.count("担当作为") == re.sub(r"\s", "", raw).count("担当作为") - re.sub(r"\s", "", outside).count(
        "担当作为"
    )


def test_paragraph_breaks_are_kept_and_wraps_are_joined(seed_issue):
    text = seed_issue.articles.iloc[8]["text"]  # 坚持“五个强化”
    paragraphs = text.split("\n")
    assert paragraphs[1] == "一、主要做法"  # a heading is a paragraph of its own
    assert paragraphs[0].startswith("十八大以来") and paragraphs[0].endswith("不断激发干部担当作为的内生动力。")
    assert paragraphs[2].startswith("（一）强化政治引领，筑牢“想干事”的思想根基。")
    assert "\n一、激励干部担当作为工作的基本情况\n" in seed_issue.articles.iloc[9]["text"]


def test_extractor_spaces_between_numbers_and_hanzi_are_removed(seed_issue):
    text = seed_issue.articles.iloc[8]["text"]
    assert "共提拔乡科级领导干部147人次（正科38人次，副科73人次，主任科员32人次，副主任科员4人次）" in text


def test_nothing_is_lost_the_character_balance_holds(seed_issue):
    bal = seed_issue.balance()
    assert bal.holds, bal
    assert bal.leftovers == 103  # the stray fragment before 卷 首 语
    assert seed_issue.leftovers["page"].tolist() == [3]
    assert seed_issue.leftovers["text"].iloc[0].startswith("制度，2015年，市委召开定期综合议党会议2次")


def test_markers_headers_and_bylines_are_metadata_not_body(seed_issue):
    bodies = "\n".join(seed_issue.articles["text"])
    for noise in ("下转", "上接", "部 长 笔 谈", "组工论坛", "作者为", "编者按", "———2019", "刘秋伟"):
        assert noise not in bodies, noise
    roles = seed_issue.metadata["role"].value_counts().to_dict()
    assert roles["marker"] == 10
    assert roles["byline"] == 16
    assert roles["header"] == 10


def test_issue_reports_no_warnings_on_the_seed(seed_issue):
    assert seed_issue.warnings == []
