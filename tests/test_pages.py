"""Pages and the printed-page offset."""

from __future__ import annotations

import pytest

from corpus_utils.segmenting.pages import DOWN_MARKER, UP_MARKER, infer_page_offset, split_pages


def test_seed_has_46_pages_and_offset_3_on_all_ten_markers(seed_issue):
    assert seed_issue.n_pages == 46
    off = seed_issue.page_offset
    assert (off.offset, off.agreeing, off.markers, off.source) == (3, 10, 10, "markers")


def test_a_page_starts_at_a_line_beginning_with_a_space():
    pages = split_pages("甲\n\n乙\n\n 丙\n\n丁\n\n 戊\n")
    assert [[ln.text for ln in p.lines] for p in pages] == [["甲", "乙"], ["丙", "丁"], ["戊"]]
    assert pages[1].lines[0].number == 5


@pytest.mark.parametrize(
    ("text", "page"),
    [
        ("（下转 10页）", 10),
        ("(下转 10页）", 10),
        ("（下转10 页)", 10),
        ("（ 下转 44 页 ）", 44),
        ("（下转第12页）", 12),
        ("（转第 8 版）", 8),
    ],
)
def test_down_markers_in_every_bracket_and_spacing(text, page):
    assert int(DOWN_MARKER.search(text).group(1)) == page


@pytest.mark.parametrize(
    "text", ["（上接 26 页）围着", "(上接 13页）《党政", "（上接46页）班子", "（接第9页）推动", "（上接第 9 页）推动"]
)
def test_up_markers_in_every_bracket_and_spacing(text):
    assert UP_MARKER.match(text)


def _issue(pages: list[str]) -> list:
    return split_pages("\n\n".join(" " + p for p in pages))


def test_offset_from_a_single_marker_pair():
    # index 1 says 下转 7页 and index 5 says 上接 3页: both hold only if printed = index + 2
    off = infer_page_offset(_issue(["甲", "乙（下转 7页）", "丙", "丁", "戊", "（上接 3页）己"]))
    assert (off.offset, off.agreeing, off.markers, off.source) == (2, 2, 2, "markers")


def test_the_caller_can_set_the_offset_and_sees_how_many_markers_agree():
    pages = _issue(["甲", "乙（下转 7页）", "丙", "丁", "戊", "（上接 3页）己"])
    off = infer_page_offset(pages, offset=2)
    assert (off.offset, off.agreeing, off.source) == (2, 2, "caller")
    off = infer_page_offset(pages, offset=5)
    assert (off.offset, off.agreeing, off.source) == (5, 0, "caller")


def test_markers_that_do_not_pair_give_no_offset():
    off = infer_page_offset(_issue(["甲", "乙（下转 8页）", "丙", "丁", "戊", "（上接 3页）己"]))
    assert (off.offset, off.agreeing, off.markers, off.source) == (1, 0, 2, "default")


def test_no_markers_fall_back_to_the_default():
    off = infer_page_offset(_issue(["甲", "乙"]))
    assert (off.offset, off.agreeing, off.source) == (1, 0, "default")
