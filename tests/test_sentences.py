"""Sentence marks: a line that ends a sentence, a line that holds a stop, and sentence spans."""

from __future__ import annotations

import pytest

from corpus_utils.text.sentences import ENDS_SENTENCE, HOLDS_SENTENCE_STOP, split_sentences


@pytest.mark.parametrize("line", ["推动发展。", "好吗？", "是！”", "等等……", "一是；", "ok!", "说：“好。”）"])
def test_a_line_ending_with_a_mark_and_closers_ends_a_sentence(line):
    assert ENDS_SENTENCE.search(line)


@pytest.mark.parametrize("line", ["推动发展", "推动发展，", "。推动发展", "“好”", "第一："])
def test_a_line_without_a_final_mark_does_not(line):
    assert not ENDS_SENTENCE.search(line)


def test_an_ellipsis_is_no_stop_inside_a_line():
    assert HOLDS_SENTENCE_STOP.search("（一）坚持。全市") and not HOLDS_SENTENCE_STOP.search("一、加强……建设")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", [""]),
        ("甲。乙", ["甲。", "乙"]),
        ("甲。”乙！", ["甲。", "”乙！", ""]),
        ("甲……乙", ["甲…", "…", "乙"]),
        ("甲；乙\n丙?", ["甲；", "乙", "丙?", ""]),
        ("甲。\n乙", ["甲。", "", "乙"]),
    ],
)
def test_split_sentences_cuts_after_every_mark_and_at_line_breaks(text, expected):
    assert split_sentences(text) == expected
