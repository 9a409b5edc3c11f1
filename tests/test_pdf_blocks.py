"""The PDF reader's page geometry on rows of glyphs laid out here, line by line, as magazines
set them: which lines stay in a column, where a band of columns ends, which gutters serve which
pages, which rows are running lines, and where a row's text has spaces. Each case is one a
browser's print of a generated issue got wrong before (``bench/pdf_reading_order.py``)."""

from __future__ import annotations

import itertools
import statistics

from corpus_utils.reading.pdf_columns import page_lines
from corpus_utils.reading.pdf_furniture import leading, page_edges, row_steps, running_rows
from corpus_utils.reading.pdf_glyphs import Glyph, GlyphPage, row_text

BODY = 10.5
LEFT = 80.0  # the left column's edge
WIDTH = 18  # characters a column line holds
GUTTER = 1.2  # em
RIGHT = LEFT + (WIDTH + GUTTER) * BODY  # the right column's edge
PITCH = 1.5 * BODY


def _glyphs(
    text: str, x0: float, top: float, size: float = BODY, step: float = 0.0, height: float = 1.2
) -> list[Glyph]:
    """A line set from x0: Hanzi and full-width marks 1 em, Latin letters and digits 0.55 em, a
    space 0.5 em, ``step`` em more after each glyph (a justified or letter-spaced line); boxes
    ``height`` em tall (PDFium's loose boxes of a browser's print: 1.45)."""
    out, x = [], x0
    for ch in text:
        if ch == " ":
            x += 0.5 * size
            continue
        width = (0.55 if ch.isascii() else 1.0) * size
        out.append(Glyph(ch, x, x + width, top, top + height * size, size))
        x += width + step * size
    return out


def _page(left: list[str], right: list[str], top: float = 100.0, indent: set[int] = frozenset()) -> list[list[Glyph]]:
    """Rows of a two-column band: the left column's lines (those in ``indent`` set 2 em in)
    beside the right column's, sharing baselines."""
    rows = []
    for i in range(max(len(left), len(right))):
        y = top + i * PITCH
        row = _glyphs(left[i], LEFT + (2 * BODY if i in indent else 0), y) if i < len(left) else []
        row += _glyphs(right[i], RIGHT, y) if i < len(right) else []
        rows.append(row)
    return rows


RIGHT_COLUMN = [
    "党员干部深入一线、沉到基层，帮助群众",
    "解决实际困难，全市开展“亮身份、亮承",
    "诺、亮实绩”活动，党员先锋作用充分彰",
    "显。注重从致富能手、返乡大学生中选拔",
    "村党组织书记，村“两委”班子结构进一",
    "步优化，推动各项工作落地见效。",
    "坚持“干什么学什么、缺什么补什么”，",
    "分类分层开展专业化能力培训提升本领。",
]


def test_a_heading_s_one_character_last_line_stays_in_its_column():
    """``能`` under an indented heading overlaps neither it nor the indented line below: it joins
    them by their common left edge, not the column beside it."""
    left = [
        "三、深化党建联盟，提升基层治理效",
        "能",
        "（一）坚持党建引领。对软弱涣散村",
        "党组织实行“一村一策”，逐村制定整顿",
        "方案。做到“人岗相适、人尽其才”，桦",
        "甸市坚持把抓基层党建作为最大的政绩，",
        "推动各项工作落地见效，对排查出的问题",
        "逐一建立台账、明确责任、限期整改。",
    ]
    assert max(map(len, left + RIGHT_COLUMN)) == WIDTH
    read = page_lines(_page(left, RIGHT_COLUMN, indent={0, 2}), BODY)
    assert read.lines == left + RIGHT_COLUMN


def test_a_title_with_its_byline_at_the_other_edge_ends_the_band_above_it():
    """A title set left and its byline set right are one block across the columns: the short band
    above them is read column by column before the band below."""
    upper = _page(RIGHT_COLUMN[:3], RIGHT_COLUMN[3:5])
    title = [_glyphs("牢记初心使命", LEFT, 100 + 4 * PITCH, size=18.0)]
    byline = [_glyphs("郭璐悦", RIGHT + WIDTH * BODY - 3 * 11.0, 100 + 4 * PITCH + 30, size=11.0)]
    lower = _page(RIGHT_COLUMN[5:7], RIGHT_COLUMN[7:], top=100 + 4 * PITCH + 60)
    read = page_lines(upper + title + byline + lower, BODY)
    assert read.lines == [
        *RIGHT_COLUMN[:3],
        *RIGHT_COLUMN[3:5],
        *RIGHT_COLUMN[5:7],
        RIGHT_COLUMN[7],
        "牢记初心使命",
        "郭璐悦",
    ]
    assert read.starts == [5] and read.titles == [8]


def test_a_byline_wider_than_a_column_but_set_off_right_stays_with_its_title():
    title = [_glyphs("为城市基层党建注入新活力", LEFT + BODY, 80.0, size=17.7)]
    byline = [_glyphs("本刊记者 欧阳琪 许琳军 通讯员 段鑫梅", RIGHT - 3 * BODY, 112.0, size=11.0, step=0.25)]
    assert byline[0][-1].x1 - byline[0][0].x0 > 20 * BODY
    body = _page(RIGHT_COLUMN[:4], RIGHT_COLUMN[4:], top=140.0)
    read = page_lines(title + byline + body, BODY)
    assert read.lines == [*RIGHT_COLUMN, "为城市基层党建注入新活力", "本刊记者 欧阳琪 许琳军 通讯员 段鑫梅"]


def test_a_narrow_gutter_between_four_rows_set_solid_is_a_gutter():
    """0.9 em of white through four rows of Chinese (no word spaces to line up by chance)."""
    right = LEFT + (WIDTH + 0.9) * BODY
    rows = [
        _glyphs(a, LEFT, 100 + i * PITCH) + _glyphs(b, right, 100 + i * PITCH)
        for i, (a, b) in enumerate(zip(RIGHT_COLUMN[:4], RIGHT_COLUMN[4:], strict=True))
    ]
    assert page_lines(rows, BODY).lines == RIGHT_COLUMN


def test_word_spaces_that_line_up_are_no_gutter():
    """A monospaced Latin paragraph: its word spaces line up in every row, a river, not a gutter."""
    line = "alpha bravo delta gamma kilos limas metro oscar"
    rows = [_glyphs(line, LEFT, 100 + i * PITCH) for i in range(8)]
    assert page_lines(rows, BODY).lines == [line] * 8


def test_a_gutter_of_other_pages_serves_only_pages_of_the_same_frame():
    """Facing pages alternate their margins: a gutter seen on the other ones must not cut a row
    whose word space happens to fall on it, while one of the same frame serves a one-row band."""
    head = _glyphs("赵乐际：巩固党和国家机构改革成果 深入贯彻新时代党的组织路线", LEFT, 100.0, size=11.0)
    space = next(b.x0 for a, b in itertools.pairwise(head) if b.x0 - a.x1 > 0.3 * BODY)
    other_frame = [(space - 6.0, space + 4.0, LEFT - 28.0, LEFT - 28.0 + (2 * WIDTH + GUTTER) * BODY)]
    assert page_lines([head], BODY, other_frame).lines == [row_text(head)]
    band = _page(RIGHT_COLUMN[:1], RIGHT_COLUMN[1:2])
    gutter = (LEFT + WIDTH * BODY, RIGHT, LEFT, RIGHT + WIDTH * BODY)
    assert page_lines(band, BODY).lines == [f"{RIGHT_COLUMN[0]} {RIGHT_COLUMN[1]}"]  # one row shows no gutter
    assert page_lines(band, BODY, [gutter]).lines == RIGHT_COLUMN[:2]


def _issue_page(first: list[list[Glyph]], number: int) -> GlyphPage:
    head = _glyphs(f"组工通讯 第{number}页", LEFT, 40.0, size=9.0)
    rows = [head, *first]
    return GlyphPage(595.0, 842.0, rows, sum(map(len, rows)), 0)


def test_running_lines_are_set_apart_not_merely_repeated_nor_merely_high():
    """The magazine's name and page number head every page; an editor's note printed at the top
    of two pages, closely followed by its next line, is body; so is a lone line above a title
    standing where other pages' first body rows stand."""
    note = "编者按：围绕推进全国城市基层党建示范市建设，市委组织部"
    body = _page(RIGHT_COLUMN, RIGHT_COLUMN, top=85.0 + PITCH)
    pages = [
        _issue_page([_glyphs(note, LEFT, 85.0), *body], 2),
        _issue_page([_glyphs(note, LEFT, 85.0), *body], 3),
        _issue_page(
            [_glyphs("（上接3页）实惠、有为者有位。", LEFT, 85.0), _glyphs("锻造过硬队伍", LEFT, 127.0, 18.0), *body], 4
        ),
        _issue_page(body, 5),
    ]
    steps = sum((row_steps(p.rows) for p in pages), start=row_steps([]))
    found = running_rows([page_edges(p) for p in pages], BODY, leading(steps, BODY))
    assert found == {(0, 0), (1, 0), (2, 0), (3, 0)}


def test_the_leading_is_the_median_step_between_body_rows():
    rows = _page(RIGHT_COLUMN, [], top=100.0) + _page(RIGHT_COLUMN[:3], [], top=300.0)
    tops = [min(g.top for g in row) for row in rows]
    want = statistics.median(b - a for a, b in itertools.pairwise(tops) if 0 < b - a < 4 * BODY)
    assert leading(row_steps(rows), BODY) == round(want, 1)


def test_a_justified_line_keeps_its_numbers_whole_and_a_spaced_title_its_spaces():
    """A justified line stretches every gap by its letter spacing, between digits too."""
    assert row_text(_glyphs("培训干部6234人次", LEFT, 100.0, step=0.3)) == "培训干部 6234 人次"
    assert row_text(_glyphs("培训干部6234人次", LEFT, 100.0)) == "培训干部6234人次"  # set solid
    assert row_text(_glyphs("牢记初心使命", LEFT, 100.0, step=1.0)) == "牢 记 初 心 使 命"
    assert row_text(_glyphs("in the 2019 report", LEFT, 100.0)) == "in the 2019 report"


def test_a_gutter_of_other_pages_does_not_cut_a_heading_whose_word_space_falls_on_it():
    """A leader's heading whose word space falls on the gutter of the pages around leaves less
    white than a gutter: one line, alone, among full lines, or over its wrapped last word."""
    head = _glyphs("习近平：开展主题教育要注意抓“四个到位” 聚天下英才而用之", LEFT, 100.0 + PITCH, size=11.0)
    space = next(b.x0 for a, b in itertools.pairwise(head) if b.x0 - a.x1 > 0.3 * BODY)
    frame = RIGHT + WIDTH * BODY
    gutter = [(space - GUTTER * BODY + 4.0, space + 4.0, LEFT, frame)]  # a gutter as wide as the others
    above = _glyphs(RIGHT_COLUMN[0] + RIGHT_COLUMN[1], LEFT, 100.0)
    below = _glyphs(RIGHT_COLUMN[2] + RIGHT_COLUMN[3], LEFT, 100.0 + 2 * PITCH)
    assert page_lines([head], BODY, gutter).lines == [row_text(head)]  # its space is narrower than the gutter
    assert page_lines([above, head, below], BODY, gutter).lines == [row_text(r) for r in (above, head, below)]
    assert page_lines([head, below], BODY, gutter).lines == [row_text(r) for r in (head, below)]  # at a page's top
    wrapped = _glyphs("关", LEFT, 100.0 + 2 * PITCH, size=11.0)  # the heading's last word on a line of its own
    rows = [head, wrapped, _glyphs(RIGHT_COLUMN[2] + RIGHT_COLUMN[3], LEFT, 100.0 + 3 * PITCH)]
    assert page_lines(rows, BODY, gutter).lines == [row_text(r) for r in rows]


def test_a_gutter_of_other_pages_serves_a_band_whose_right_column_holds_a_last_word():
    """An author's note run over into the right column for its last two characters: the columns
    are as wide as on the pages that showed the gutter."""
    band = _page(["建立台账、明确责任、限期整改。", "（作者系通化县委组织部副主任科"], ["员）"])
    gutter = (LEFT + WIDTH * BODY, RIGHT, LEFT, RIGHT + WIDTH * BODY)
    assert page_lines(band, BODY, [gutter]).lines == [
        "建立台账、明确责任、限期整改。",
        "（作者系通化县委组织部副主任科",
        "员）",
    ]


def test_an_excerpt_s_source_line_set_right_stays_between_its_excerpt_and_the_next():
    """A leader's excerpt ends with its source line set right, the next excerpt's heading starts
    left one line below: the heading does not join the block above across the source line."""
    full = RIGHT_COLUMN[0] + RIGHT_COLUMN[1]
    lines = [
        (full, LEFT, BODY),
        ("落实、一起检查。", LEFT, BODY),
        ("——2020年3月4日在中共中央政治局第十五次集体学习时强调", LEFT + 11 * BODY, BODY),
        ("赵乐际：刀刃向内找问题", LEFT, 11.0),
        (RIGHT_COLUMN[2] + RIGHT_COLUMN[3], LEFT, BODY),
    ]
    # as a browser prints them: 1.35 em apart, boxes 1.45 em tall
    rows = [
        _glyphs(text, x0, 100 + i * 1.35 * BODY, size=size, height=1.45) for i, (text, x0, size) in enumerate(lines)
    ]
    assert ["".join(line.split()) for line in page_lines(rows, BODY).lines] == [text for text, _, _ in lines]


def test_a_column_s_name_set_right_above_everything_is_read_first():
    """An OCR page without running heads: the column's name stands alone at the top right."""
    name = _glyphs("基层 风采", LEFT + 2 * WIDTH * BODY - 4 * 9.0, 40.0, size=9.0)
    body = _page(RIGHT_COLUMN[:4], RIGHT_COLUMN[4:], top=90.0)
    assert page_lines([name, *body], BODY).lines == ["基层 风采", *RIGHT_COLUMN]


def test_a_paragraph_s_last_marks_on_a_line_of_their_own_are_text_a_rule_is_not():
    left = ["级干部198人次，其中来自基层一线的占55", "%。", "——————————————", *RIGHT_COLUMN[:3]]
    read = page_lines(_page(left, RIGHT_COLUMN[:6]), BODY)
    assert ["".join(line.split()) for line in read.lines] == [*left[:2], *left[3:], *RIGHT_COLUMN[:6]]
    assert read.dropped == len(left[2])


def test_a_letter_spaced_byline_over_the_gutter_grows_no_second_gutter_beside_it():
    """``田 娟 崔建`` centred over the columns: the white between 田 and 娟, led down into the
    gutter's left edge, is a sliver beside the gutter, not a gutter of its own."""
    title = _glyphs("从严从实抓好软弱涣散村党组织整顿", 177.6, 84.6, size=16.0)
    byline = [
        Glyph(c, x, x + 11.0, 112.0, 128.0, 11.0) for c, x in zip("田娟崔建", (272.6, 294.6, 316.6, 327.6), strict=True)
    ]
    left_x, right_x = 293.1 - WIDTH * BODY, 318.2
    rows = [
        _glyphs(a, left_x, 140.0 + i * 14.3) + _glyphs(b, right_x, 140.0 + i * 14.3)
        for i, (a, b) in enumerate(zip(RIGHT_COLUMN[:4], RIGHT_COLUMN[4:], strict=True))
    ]
    read = page_lines([title, byline, *rows], BODY)
    assert read.lines[-2:] == ["从严从实抓好软弱涣散村党组织整顿", "田 娟 崔建"]
    assert ["".join(line.split()) for line in read.lines[:-2]] == RIGHT_COLUMN


def test_a_title_ending_inside_a_wide_gutter_does_not_narrow_it_away():
    """A title wider than the left column ends 4 em into a 6-em gutter: the gutter's strip stops
    under it instead of shrinking to the white the title leaves."""
    right = LEFT + (WIDTH + 6.5) * BODY
    title = _glyphs("激励干部新时代新担当新作为", LEFT, 60.0, size=18.0)
    assert LEFT + WIDTH * BODY + 4 * BODY < title[-1].x1 < right
    rows = [
        _glyphs(a, LEFT, 100 + i * PITCH) + _glyphs(b, right, 100 + i * PITCH)
        for i, (a, b) in enumerate(zip(RIGHT_COLUMN[:4], RIGHT_COLUMN[4:], strict=True))
    ]
    assert page_lines([title, *rows], BODY).lines == [*RIGHT_COLUMN, "激励干部新时代新担当新作为"]


def test_a_gutter_does_not_run_on_across_lines_of_white_into_the_next_region():
    """Under a band of columns and five lines of white, a full-width paragraph begins whose
    first line has a word space where the gutter ran: that line stays whole."""
    upper = _page(RIGHT_COLUMN[:4], RIGHT_COLUMN[4:])
    space_at = LEFT + WIDTH * BODY  # the gutter's left edge
    first = _glyphs("你们生逢其时，科学发现之快前所未有", LEFT, 100 + 9 * PITCH)
    first += _glyphs("正在改变我们的生活与工作方式", space_at + 0.6 * BODY, 100 + 9 * PITCH)
    lower = [first, _glyphs(RIGHT_COLUMN[0] + RIGHT_COLUMN[1], LEFT, 100 + 10 * PITCH)]
    read = page_lines(upper + lower, BODY)
    assert read.lines[:8] == RIGHT_COLUMN
    assert ["".join(line.split()) for line in read.lines[8:]] == ["".join(row_text(r).split()) for r in lower]


def test_a_number_s_space_does_not_hang_on_a_producer_s_rounding():
    """达到24 printed exactly half an em wider than its text counts (digits set 0.725 em wide):
    the half em is the space before the number, whether the positions round to a hair under or
    over it (PDFium sums them in a different order for a line across two font subsets)."""
    from corpus_utils.reading.pdf_glyphs import measured_text

    def row(noise: float) -> list[Glyph]:
        boxes = [("达", 0.0, 10.0), ("到", 10.0, 20.0), ("2", 20.5, 27.75), ("4", 27.75, 35.0 + noise)]
        return [Glyph(t, x0, x1, 0.0, 10.0, 10.0) for t, x0, x1 in boxes]

    assert {measured_text(row(n)) for n in (-1e-5, 0.0, 1e-5)} == {"达到 24"}
    assert measured_text(row(-1.0)) == "达到24"  # a tenth of an em short of the space: none
