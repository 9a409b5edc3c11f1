"""Every number the segmenter decides by (``segmenting/thresholds.py``) decides something.

For each threshold, a case at its edge: read with the threshold as it is, and with it nudged a
little, the case reads differently. Changing a threshold therefore turns its test red, so the
change is made on purpose, with the case's expectations (and the figures measured with it)
looked at again; a threshold no case can tell from its neighbours would be removed.
"""

from __future__ import annotations

import importlib
import pkgutil
import warnings
from collections.abc import Callable

import pandas as pd
import pytest

import corpus_utils.segmenting as segmenting
from corpus_utils import CharBalance, load_issue
from corpus_utils.segmenting import thresholds
from corpus_utils.segmenting.classify import PageContext, classify_line, find_title_block, is_short_note_paragraph
from corpus_utils.segmenting.decision_flags import shown
from corpus_utils.segmenting.layout import byline_authors, is_column_header, is_continuation_line, is_title_like
from corpus_utils.segmenting.paragraphs import BodyLine, breaks_before, ends_paragraph, line_widths, starts_indented
from corpus_utils.segmenting.quality import issue_flags, record_flags

HAN = "党建引领基层治理推动组织振兴激发干部担当作为凝聚群众力量"  # 30 Hanzi, no punctuation


def han(n: int, end: str = "") -> str:
    """``n`` em of Hanzi (a line's worth), then ``end``."""
    return (HAN * (n // len(HAN) + 1))[:n] + end


@pytest.fixture
def nudge(monkeypatch) -> Callable[[str, object], None]:
    """Set a threshold everywhere the segmenter reads it (each module imports it by name)."""

    def set_to(name: str, value: object) -> None:
        assert hasattr(thresholds, name), name
        monkeypatch.setattr(thresholds, name, value)
        for info in pkgutil.iter_modules(segmenting.__path__):
            module = importlib.import_module(f"{segmenting.__name__}.{info.name}")
            if hasattr(module, name):
                monkeypatch.setattr(module, name, value)

    return set_to


def article_frame(*lengths: int) -> pd.DataFrame:
    rows = [
        {
            "article_id": k + 1,
            "kind": "article",
            "column": "城市党建",
            "title": f"标题{k + 1}",
            "text": han(n - 1, "。"),
        }
        for k, n in enumerate(lengths)
    ]
    return pd.DataFrame(rows, dtype=object).astype({"article_id": int})


def flag_names(frame: pd.DataFrame) -> list[str]:
    return sorted(record_flags(frame)["flag"])


class Balanced:
    """The face of an issue the issue flags read: no records, a balance with leftovers."""

    def __init__(self, leftovers: int):
        self.articles = article_frame(1000)
        self.decisions = None
        self._bal = CharBalance(10_000, 9_000, 1_000 - leftovers, leftovers)

    def balance(self) -> CharBalance:
        return self._bal


def page_full_decided(tmp_path) -> bool:
    """An article with no note ends a sentence at the foot of page 2 (8 lines; the issue's pages
    have 6, 8, 11 and 12); the next article's title block ends page 3: was the start guessed?"""

    def paragraph(lines: int, end: str = "。") -> list[str]:
        return [han(16)] + [han(18) for _ in range(lines - 2)] + [han(17, end)]

    pages = [
        [*paragraph(4, "，"), "以高质量党建引领乡村振兴", "王海涛"],
        [han(18) for _ in range(7)] + [han(17, "。")],
        [*paragraph(3), *paragraph(3), *paragraph(3), "红色物业让居民更舒心", "江南区委组织部"],
        [han(18) for _ in range(11)] + [han(10, "。")],
    ]
    path = tmp_path / "issue.txt"
    path.write_text("\n".join(" " + "\n\n".join(p) for p in pages) + "\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        issue = load_issue(path, cache=False)
    return "full_page_ended_it" in set(issue.decisions["rule"])


def title_lines(texts: list[str], width: float = 18.0) -> int:
    block = find_title_block(texts, width)
    return 0 if block is None else len(block.titles)


CONTEXT = PageContext((18.0, 37.5))
# (threshold, value nudged to, the case, what it reads with the threshold as it is, nudged)
CASES = [
    ("WIDE", 24.5, lambda: line_widths([han(24)] * 10), (0.0, 24.0), (24.0, 0.0)),
    ("MIN_MEASURED", 10.5, lambda: line_widths([han(10)] * 10)[0], 10.0, 0.0),
    ("MIN_LINES_TO_MEASURE", 9, lambda: line_widths([han(20)] * 8, fallback=(18.0, 37.5))[0], 20.0, 18.0),
    ("PAGE_WIDTH_PLAY", 0.9, lambda: line_widths([han(19)] * 9, fallback=(18.0, 37.5))[0], 18.0, 19.0),
    ("DEFAULT_WIDTHS", (17.5, 37.5), lambda: is_short_note_paragraph(["完。", han(20, "。")], 1, (0, 0)), True, False),
    ("WIDTH_TOLERANCE", 1.0, lambda: starts_indented(han(15), 18.0), True, False),
    ("INDENT", 3.0, lambda: starts_indented(han(16), 18.0), True, False),
    ("SHORT_LINE", 0.55, lambda: ends_paragraph(han(10), han(18), 18.0), True, False),
    (
        "BREAK_CONTEXT",
        1,
        lambda: breaks_before([BodyLine(han(18), 18.0), BodyLine(han(16, "。"), 18.0)], BodyLine(han(18), 18.0)),
        True,
        False,
    ),
    ("MAX_TITLE_CHARS", 25, lambda: is_title_like(han(26)), True, False),
    (
        "MAX_TITLE_LINES",
        2,
        lambda: title_lines(["完。", "论新时代", "基层党组织", "建设的", "几点思考", "王海涛"]),
        3,
        2,
    ),
    ("THIRD_TITLE_MARGIN", 2.5, lambda: title_lines(["他们", han(15), "论新时代", "几点思考", "王海涛"]), 2, 3),
    ("FULL_LINE_MARGIN", 0.5, lambda: title_lines([han(18), han(17), "几点思考", "王海涛"]), 1, 2),
    ("INDENTED_MARGINS", (1.6, 3.25), lambda: title_lines(["完。", han(16, "a"), "几点思考", "王海涛"]), 1, 2),
    ("MIN_BARE_SPACED_TITLE", 8, lambda: title_lines(["完。", " ".join(han(7))]), 1, 0),
    (
        "MAX_BYLINE_CHARS",
        31,
        lambda: byline_authors("舒兰市委组织部干部一处 蛟河市委组织部干部二处 磐石市委组织部"),
        None,
        ["舒兰市委组织部干部一处", "蛟河市委组织部干部二处", "磐石市委组织部"],
    ),
    ("PERSON_NAME_CHARS", (2, 3), lambda: byline_authors("王晓东明"), ["王晓东明"], None),
    ("COMPOUND_NAME_CHARS", (3, 4), lambda: byline_authors("欧阳晓东明"), ["欧阳晓东明"], None),
    ("SPACED_NAME_RUN", (2, 2), lambda: byline_authors("王 晓 东"), ["王晓东"], None),
    ("HEADER_CHARS", (2, 5), lambda: is_column_header("部 长 笔 谈 论 坛"), True, False),
    (
        "MAX_NOTE_LINES",
        3,
        lambda: len(classify_line(["（作者为某县", "委组织部", "干部一处", "副处长）"], 0, CONTEXT)),
        4,
        3,
    ),
    ("MAX_TAIL_CHARS", 14, lambda: is_continuation_line(han(15)), True, False),
    ("SHORT_CHARS", 149, lambda: flag_names(article_frame(149)), ["short_body"], []),
    ("LONG_FACTOR", 3.5, lambda: flag_names(article_frame(1000, 1000, 3100)), ["long_for_column"], []),
    ("MIN_COLUMN_RECORDS", 3, lambda: flag_names(article_frame(1000, 1000, 3100)), ["long_for_column"], []),
    ("LEFTOVER_SHARE", 0.0102, lambda: list(issue_flags(Balanced(101))["flag"]), ["leftovers_over_1pct"], []),
    ("SHOW_DOUBTS_FROM", 0.35, lambda: shown("doubt", 0.32), True, False),
]


@pytest.mark.parametrize(("name", "nudged", "case", "as_is", "after"), CASES, ids=[c[0] for c in CASES])
def test_each_threshold_decides_its_case(nudge, name, nudged, case, as_is, after):
    assert case() == as_is
    nudge(name, nudged)
    assert case() == after


@pytest.mark.parametrize(("name", "nudged"), [("FULL_PAGE_PLAY", 4), ("FULL_PAGE_QUANTILE", 0.5)])
def test_how_full_a_page_is_decides_whether_an_article_may_run_on_over_it(tmp_path, nudge, name, nudged):
    assert not page_full_decided(tmp_path)  # 8 lines is short of the fullest pages (12) by more than 3
    nudge(name, nudged)
    assert page_full_decided(tmp_path)


def test_every_threshold_has_a_case():
    named = {name for name in vars(thresholds) if name.isupper()}
    covered = {c[0] for c in CASES} | {"FULL_PAGE_PLAY", "FULL_PAGE_QUANTILE"}
    assert named == covered
