"""Golden cases for joining wrapped lines into paragraphs (ftfy-style: input, expected, why)."""

from __future__ import annotations

import pytest

from corpus_utils.segmenting.paragraphs import BodyLine, display_width, ends_paragraph, join_paragraphs, tidy_spacing

W = 18.0
CASES = [
    # (label, lines, expected paragraphs)
    (
        "wrap inside a sentence joins without a space",
        ["党建引领城市基层治理，要坚持以高", "位推动为前提。"],
        ["党建引领城市基层治理，要坚持以高位推动为前提。"],
    ),
    (
        "short line ending a sentence ends the paragraph",
        ["年初以来，船营区把城市基层党建联盟引", "领。", "一是开展“健心”工程，激发内在活力"],
        ["年初以来，船营区把城市基层党建联盟引领。", "一是开展“健心”工程，激发内在活力"],
    ),
    (
        "a heading starts a paragraph even after an unfinished line",
        ["加大考核力度，推动干部能上能下，让", "（二）树立鲜明导向，为干部成长创造平"],
        ["加大考核力度，推动干部能上能下，让", "（二）树立鲜明导向，为干部成长创造平"],
    ),
    (
        "a heading wrapped onto a one-character line stays whole",
        ["一、激励干部担当作为工作的基本情", "况", "近年来，蛟河市委切实突出事业为上，"],
        ["一、激励干部担当作为工作的基本情况", "近年来，蛟河市委切实突出事业为上，"],
    ),
    (
        "a one-line heading ends where the next line is indented",
        [
            "一、搭建孵化平台，打造“红色孵化器”",
            "吉林高新区党工委本着“因地制宜，共",
            "建共享”的原则，依托吉林高新技术创业服",
        ],
        [
            "一、搭建孵化平台，打造“红色孵化器”",
            "吉林高新区党工委本着“因地制宜，共建共享”的原则，依托吉林高新技术创业服",
        ],
    ),
    (
        "negative: a run-in heading goes on into its text",
        ["（一）强化政治引领，筑牢“想干事”的", "思想根基。思想是一切行动的先导。为真正"],
        ["（一）强化政治引领，筑牢“想干事”的思想根基。思想是一切行动的先导。为真正"],
    ),
    (
        "negative: a full line ending in 。 continues when the next line is not indented",
        ["格资格条件。要坚持把政治标准放在首位。", "选拔的人选必须有坚定的政治立场，积极"],
        ["格资格条件。要坚持把政治标准放在首位。选拔的人选必须有坚定的政治立场，积极"],
    ),
    (
        "negative: a decimal at the start of a line is not a heading",
        ["累计为2万余名社区居民提供个性化服务", "1.5 万余次，解决党员管理、小区停车、物"],
        ["累计为2万余名社区居民提供个性化服务1.5万余次，解决党员管理、小区停车、物"],
    ),
    (
        "a numbered heading 1. starts a paragraph",
        ["的工作机制。", "2.强化了社区党组织的组织力。“吹哨"],
        ["的工作机制。", "2.强化了社区党组织的组织力。“吹哨"],
    ),
    (
        "Latin words split by a wrap keep one space",
        ["各社区联合开展线上线下宣传活动 social", "media 宣传活动。"],
        ["各社区联合开展线上线下宣传活动social media宣传活动。"],
    ),
]


@pytest.mark.parametrize(("label", "lines", "expected"), CASES, ids=[c[0] for c in CASES])
def test_join_paragraphs(label, lines, expected):
    assert join_paragraphs([BodyLine(t, W) for t in lines]) == expected


def test_a_line_cut_by_a_marker_is_measured_with_the_marker():
    # the marker filled the rest of the line, so the sentence end before it is not a paragraph end
    cut = "提升干部专业化配备水平。（下转 39页）"
    text, nxt = "提升干部专业化配备水平。", "《党政领导干部考核工作条例》，"
    assert join_paragraphs([BodyLine(text, W, display_width(cut)), BodyLine(nxt, W)]) == [text + nxt]
    assert join_paragraphs([BodyLine(text, W), BodyLine(nxt, W)]) == [text, nxt]


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("2015 年，市委召开会议 2 次", "2015年，市委召开会议2次"),
        ("组建网上党建联盟，惠民通 app 三大网络工具", "组建网上党建联盟，惠民通app三大网络工具"),
        ("3D 打印、VR、无人机", "3D打印、VR、无人机"),
        ("组织部长 ）", "组织部长）"),
        ("“争星创品 典亮龙潭”", "“争星创品 典亮龙潭”"),  # a space between Hanzi may be the author's: kept
    ],
)
def test_tidy_spacing(raw, clean):
    assert tidy_spacing(raw) == clean


def test_display_width_counts_punctuation_and_ascii_as_half():
    assert display_width("干部、1 名") == 3 + 0.5 * 3
    assert not ends_paragraph("十八大以来，习近平总书记在系列重", "要讲话中多次指出，责任担当是领导干部", W)


def test_a_run_in_heading_that_fills_its_line_goes_on_into_the_next():
    """Seed, 坚持事业为上选人用人思考: the heading's sentence ends on the next line and the
    paragraph goes on there; the next line is not a new paragraph however indented it looks."""
    lines = [
        BodyLine("性和现实针对性。", 18.0),
        BodyLine("一、坚持事业为上、以事择人，强化干", 18.0),
        BodyLine("部素质培养是基础。新时代进行伟大斗", 18.0),
        BodyLine("争，推进伟大事业，实现伟大梦想，人是决", 18.0),
    ]
    assert join_paragraphs(lines)[1].startswith("一、坚持事业为上、以事择人，强化干部素质培养是基础。新时代")
    # a heading standing alone, filling its line, is followed by a new paragraph
    alone = [BodyLine("二、强化政治引领，筑牢思想根基", 17.0), BodyLine("一是加快促进容错纠错机制的落", 17.0)]
    assert len(join_paragraphs(alone)) == 2
