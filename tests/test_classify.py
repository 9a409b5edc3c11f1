"""The line classifier, on golden pages: each line's kind, including the misreads of new issues.

Negative cases (what must *not* change) sit beside the positive ones: a header stays a header,
a source line stays a source line.
"""

from __future__ import annotations

import warnings

import pytest

from corpus_utils import load_issue
from corpus_utils.segmenting.classify import PageContext, classify_page

COLUMN = (18.0, 37.5)


def kinds(lines: list[str], *, columns: frozenset[str] = frozenset(), widths=COLUMN) -> list[str]:
    return [c.kind for c in classify_page(lines, PageContext(widths, columns))]


BODY = [
    "推动党建联盟工作持续规范，切实提升基",
    "层治理水平，进一步激发干部担当作为的",
    "内生动力，形成了“一村一策”整顿方案。",
]


@pytest.mark.parametrize(
    ("title", "byline"),
    [
        (["牢 记 初 心 使 命"], "王海涛"),  # a letter-spaced title shorter than seven characters
        (["关于建设高素质专业化公务员队伍的", "几 点 思 考"], "张君 于虔"),  # a spaced second line
        (["聚焦软弱涣散整顿"], "孙丽娟 何 伟"),  # a padded two-character name after a three-character one
        (["聚焦软弱涣散整顿"], "李 强 王晓东"),  # and before it
        (["以高质量党建", "引领乡村全面振兴"], "本刊记者 张三"),
    ],
)
def test_a_title_block_at_the_foot_is_titles_then_a_byline(title, byline):
    assert kinds([*BODY, *title, byline]) == ["body"] * 3 + ["title"] * len(title) + ["byline"]


@pytest.mark.parametrize("header", ["部 长 笔 谈", "专 题", "农村 党建", "经 验 介 绍"])
def test_a_spaced_line_outside_the_title_block_is_a_header(header):
    assert kinds([header, *BODY]) == ["header"] + ["body"] * 3  # opening the page
    assert kinds([*BODY[:2], header, BODY[2]]) == ["body", "body", "header", "body"]  # mid-page
    assert kinds([*BODY, "聚焦软弱涣散整顿", "王海涛", header]) == ["body"] * 3 + ["title", "byline", "header"]


def test_a_bare_spaced_last_line_is_a_title_unless_it_names_a_known_column():
    lines = ["卷 首 语", *BODY, "牢 记 初 心 使 命"]
    assert kinds(lines) == ["header", "body", "body", "body", "title"]  # a header already opens the page
    assert kinds([*BODY, "善 用 自 我 革 命 武 器"]) == ["body"] * 3 + ["title"]  # longer than a column name
    assert kinds([*BODY, "部 长 笔 谈"], columns=frozenset({"部长笔谈"})) == ["body"] * 3 + ["header"]
    assert kinds([*BODY, "部 长 笔 谈"]) == ["body"] * 3 + ["header"]  # a column name's length, no header above


EXCERPT = [
    "习近平：全面提高中央和国家机关党的建设质量 建设让党中央放心让人民群众满意的",
    "模范机关",
    "要走在理论学习的前列，提高学习教育针对性和实效性，在学懂弄通做实上当好示范，自觉主动学，",
    "——我们坚持以人民为中心的发展思想，把人民对美好生活的向往作为奋斗目标。",
    "——我们坚持全面从严治党，持之以恒正风肃纪。",
    "———2019 年 7 月 9 日出席中央和国家机关党的建设工作会议时强调",
]


def test_dash_list_lines_are_body_and_the_dated_line_is_the_source():
    assert kinds(EXCERPT, widths=(18.0, 37.5)) == ["excerpt_head", "excerpt_head", "body", "body", "body", "source"]


@pytest.mark.parametrize(
    "source",
    [
        "———2019 年 7 月 5 日出席深化党和国家机构改革总结会议时强调",
        "——在中央和国家机关党的建设工作会议上的讲话",
        "——摘自《求是》2019年第15期",
    ],
)
def test_source_lines(source):
    assert kinds([*EXCERPT[:3], source])[-1] == "source"


def _load(tmp_path, text: str):
    path = tmp_path / "issue.txt"
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_issue(path, cache=False)


def test_an_excerpt_with_a_dash_list_keeps_its_text(tmp_path):
    issue = _load(tmp_path, " " + "\n\n".join(EXCERPT) + "\n")
    (rec,) = issue.articles.to_dict("records")
    assert rec["kind"] == "excerpt"
    assert rec["author_note"] == "2019年7月9日出席中央和国家机关党的建设工作会议时强调"
    assert rec["text"].startswith("要走在理论学习的前列")
    assert "——我们坚持全面从严治党，持之以恒正风肃纪。" in rec["text"]


def test_an_excerpt_s_source_line_wrapped_over_a_page_break_is_the_source(tmp_path):
    """The source line fills the page's last line (…党的建设工作会议时) and ends on the next page
    (强调): the next page's opening short line finishes it, and the excerpt's pages include it."""
    page1 = [*EXCERPT[:-1], "———2019 年 7 月 9 日出席中央和国家机关党的建设工作会议时"]
    page2 = [
        "强调",
        "习近平：刀刃向内找问题 有的放矢抓整改 确保主题教育善始善终善作善成 扎实做好",
        "督促指导",
        "要以解决实际问题的成效为衡量标准，发现问题立行立改，不能拖延，不能虚与应付。",
        "———2019 年 7 月 5 日出席中央和国家机关党的建设工作会议时强调",
    ]
    issue = _load(tmp_path, " " + "\n\n".join(page1) + "\n " + "\n\n".join(page2) + "\n")
    first, second = issue.articles.to_dict("records")
    assert first["author_note"] == "2019年7月9日出席中央和国家机关党的建设工作会议时强调"
    assert first["pages"] == [1, 2]
    assert second["title"] == "刀刃向内找问题 有的放矢抓整改 确保主题教育善始善终善作善成 扎实做好督促指导"
    assert issue.balance().holds and issue.leftovers.empty


def test_a_continuation_block_opening_a_page_does_not_swallow_the_new_article(tmp_path):
    """The page holds the tail of an article cut on page 1, then a new article with its title
    block at the foot; nothing but the paragraph end tells where the tail stops."""
    text = (
        " 部 长 笔 谈\n\n近年来，我市坚持把抓党建促乡村振兴作\n\n为重要任务，聚焦组织振兴，推动各项工\n\n"
        "作落地见效，切实提升基层治理水平，（下转 2页）\n\n以高质量党建引领乡村振兴\n\n王海涛\n\n"
        " （上接 1页）进一步激发干部担当作为的内\n\n生动力。\n\n"
        "今年以来，江南区把物业服务纳入城市\n\n基层党建工作格局，推动社区党组织、业主\n\n委员会、物业企业三方联动。\n\n"
        "红色物业让居民更舒心\n\n江南区委组织部\n"
    )
    issue = _load(tmp_path, text)
    arts = issue.articles
    assert arts["title"].tolist() == ["以高质量党建引领乡村振兴", "红色物业让居民更舒心"]
    assert arts["text"].iloc[0].endswith("切实提升基层治理水平，进一步激发干部担当作为的内生动力。")
    assert (
        arts["text"].iloc[1]
        == "今年以来，江南区把物业服务纳入城市基层党建工作格局，推动社区党组织、业主委员会、物业企业三方联动。"
    )
    assert arts["pages"].tolist() == [[1, 2], [2]]
    assert issue.balance().holds and issue.leftovers.empty
    # the block's only paragraph end is the only place the new article can begin: nothing guessed
    assert issue.decisions.empty


def test_a_block_with_two_paragraph_ends_before_a_new_article_is_a_guess_on_both(tmp_path):
    """The tail could end at either paragraph end: the first is taken, and both the article it is
    stitched to and the new article say so, with the other place and the entry that sets it."""
    text = (
        " 部 长 笔 谈\n\n近年来，我市坚持把抓党建促乡村振兴作\n\n为重要任务，聚焦组织振兴，推动各项工\n\n"
        "作落地见效，切实提升基层治理水平，（下转 2页）\n\n以高质量党建引领乡村振兴\n\n王海涛\n\n"
        " （上接 1页）进一步激发干部担当作为的内\n\n生动力。\n\n"
        "今年以来，江南区把物业服务纳入城市\n\n基层党建工作格局，推动三方联动。\n\n"
        "物业企业主动参与社区治理，居民满意\n\n度明显提升，小区面貌焕然一新。\n\n"
        "红色物业让居民更舒心\n\n江南区委组织部\n"
    )
    issue = _load(tmp_path, text)
    assert issue.articles["text"].iloc[0].endswith("进一步激发干部担当作为的内生动力。")
    decided = issue.decisions[["article_id", "other_id", "rule", "page", "rejected_text"]].values.tolist()
    assert decided == [
        [1, 2, "block_ends_at_paragraph_end", 2, "物业企业主动参与社区治理，居民满意"],
        [2, 1, "block_ends_at_paragraph_end", 2, "物业企业主动参与社区治理，居民满意"],
    ]
    flags = issue.flags()
    boundary = flags[flags["flag"] == "guessed_boundary"]
    assert boundary["article_id"].tolist() == [1, 2]
    fix = boundary["fix"].iloc[0]
    assert fix.startswith('[[start]]\npage = 2\ntext = "物业企业主动参与社区治理"')
    # the entry the flag gives sets the other reading: the block runs on to the second paragraph end
    (tmp_path / "issue.fix.toml").write_text(fix, encoding="utf-8")
    fixed = _load(tmp_path, text)
    assert (
        fixed.articles["text"]
        .iloc[0]
        .endswith("内生动力。\n今年以来，江南区把物业服务纳入城市基层党建工作格局，推动三方联动。")
    )
    assert fixed.articles["text"].iloc[1] == "物业企业主动参与社区治理，居民满意度明显提升，小区面貌焕然一新。"
    assert fixed.decisions.empty and fixed.balance().holds


def test_a_continuation_block_runs_on_to_where_the_page_says_the_new_article_begins(tmp_path):
    """Where the page says where its article begins (a PDF's title block, a [[start]] entry), the
    （上接…） block is not ended at a guess: its second paragraph stays with it, none is left over."""
    text = (
        " 部 长 笔 谈\n\n近年来，我市坚持把抓党建促乡村振兴作\n\n为重要任务，聚焦组织振兴，推动各项工\n\n"
        "作落地见效，切实提升基层治理水平，（下转 2页）\n\n以高质量党建引领乡村振兴\n\n王海涛\n\n"
        " （上接 1页）进一步激发干部担当作为的内\n\n生动力。\n\n"
        "要注重在重大任务一线考察识别干部，引导\n\n党员干部守初心、担使命。\n\n"
        "今年以来，江南区把物业服务纳入城市\n\n基层党建工作格局，推动社区党组织、业主\n\n委员会、物业企业三方联动。\n\n"
        "红色物业让居民更舒心\n\n江南区委组织部\n"
    )
    (tmp_path / "issue.fix.toml").write_text('[[start]]\npage = 2\ntext = "今年以来"\n', encoding="utf-8")
    issue = _load(tmp_path, text)
    arts = issue.articles
    assert arts["text"].iloc[0].endswith("内生动力。\n要注重在重大任务一线考察识别干部，引导党员干部守初心、担使命。")
    assert arts["text"].iloc[1].startswith("今年以来，江南区")
    assert issue.leftovers.empty and issue.balance().holds


def test_two_title_blocks_at_one_page_s_foot_open_two_articles(tmp_path):
    """Two articles begin on one page: the extractor writes both title blocks at its end, the
    upper one first; the note of the first article tells where the second begins."""
    text = (
        " 党 建 研 究\n\n今年以来，我县坚持把抓党建促乡村振兴\n\n作为重要任务，聚焦组织振兴，推动各项\n\n"
        "工作落地见效，取得了明显成效。\n\n（作者为某县委组织部干部）\n\n"
        "江南区把物业服务纳入城市基层党建工\n\n作格局，推动社区党组织、业主委员会、\n\n"
        "以高质量党建引领乡村振兴\n\n文/王海涛\n\n红色物业让居民更舒心\n\n孙丽娟 何 伟\n\n"
        " 物业企业三方联动，破解小区治理难题。\n"
    )
    issue = _load(tmp_path, text)
    arts = issue.articles
    assert arts["title"].tolist() == ["以高质量党建引领乡村振兴", "红色物业让居民更舒心"]
    assert arts["authors"].tolist() == [["王海涛"], ["孙丽娟", "何伟"]]
    assert arts["author_note"].tolist() == ["作者为某县委组织部干部", None]
    assert (
        arts["text"].iloc[1]
        == "江南区把物业服务纳入城市基层党建工作格局，推动社区党组织、业主委员会、物业企业三方联动，破解小区治理难题。"
    )
    assert arts["pages"].tolist() == [[1], [1, 2]]
    assert issue.balance().holds and issue.leftovers.empty
