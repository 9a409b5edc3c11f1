"""Findings in words: each sentence written from a small table whose numbers are read off by
hand, and a sentence for a table with nothing in it."""

from __future__ import annotations

import pandas as pd

import corpus_utils as cu


def test_formulas():
    counts = pd.DataFrame(
        {
            "formula": ["四个意识", "四个意识", "两个维护"],
            "count": [2, 1, 1],
            "quoted": [1, 1, 0],
            "column": ["甲", "乙", "甲"],
        }
    )
    assert cu.say_formulas(counts) == (
        "2 numbered formulas occur 4 times; the most used is 四个意识 (3 times). 2 of the 4 uses stand "
        "without quotation marks, which a count of quoted phrases would miss."
    )
    assert cu.say_formulas(counts.iloc[:0]) == "No numbered formula occurs in this text."


def test_the_formula_that_rose():
    rows = [
        (issue, label, formula, rate)
        for issue, label, a, b in [
            ("1", "2020年第1期", 1.0, 2.0),
            ("2", "2020年第2期", 3.0, 2.0),
            ("3", "2020年第3期", 6.0, 2.5),
        ]
        for formula, rate in (("四个意识", a), ("两个维护", b))
    ]
    trends = pd.DataFrame(rows, columns=["issue_id", "label", "formula", "per_10k"]).assign(count=1)
    # 四个意识: 6.0 against the mean of 1.0 and 3.0 (2.0): +4.0; 两个维护: 2.5 against 2.0: +0.5
    assert cu.say_formula_trend(trends) == (
        "四个意识 rose most in 2020年第3期: 6.0 per 10,000 characters against 2.0 on average in the 2 issues before it."
    )
    assert cu.say_formula_trend(trends, previous=1).endswith("against 3.0 on average in the issue before it.")


def test_citing_columns():
    columns = pd.DataFrame(
        {
            "column": ["（讲话摘编）", "组工论坛", "城市党建"],
            "leaders": [7, 2, 0],
            "officials": [0, 1, 0],
            "documents": [0, 1, 0],
            "n_chars": [2000, 10000, 8000],
            "per_10k": [35.0, 3.0, 0.0],
        }
    )
    table = pd.DataFrame(
        {
            "column": ["组工论坛"] * 3,
            "kind": ["leader", "leader", "official"],
            "speaker": ["习近平", "习近平", "景俊海"],
        }
    )
    assert cu.say_citing_columns(columns, table) == (
        "组工论坛 cites leaders most: 3.0 citations per 10,000 characters (3 citations, 2 of them 习近平); "
        "1 of 2 columns cite a leader at all."
    )


def test_units_places_framing_reprints_and_nothing_to_say():
    units = pd.DataFrame({"level": ["county", "county", "department"], "county": ["磐石市", "蛟河市", ""]})
    assert cu.say_units(units) == (
        "Most records with a unit come from county-level units (2 of 3); 磐石市、蛟河市 wrote most (1 record each)."
    )
    framing = pd.DataFrame(
        {
            "frame": ["问题", "问题", "指令", "指令"],
            "column": ["甲", "乙", "甲", "乙"],
            "count": [2, 8, 10, 0],
            "n_chars": [1000, 2000, 1000, 2000],
            "per_1k": [2.0, 4.0, 10.0, 0.0],
        }
    )
    assert cu.say_framing(framing) == (
        "乙 names problems most (4.0 per 1,000 characters, 3.3 overall); 甲 gives directives most "
        "(10.0 per 1,000 characters, 3.3 overall)."
    )
    summary = pd.DataFrame({"label": ["2020年第1期", "2020年第2期"], "n_reprints": [0, 2], "share": [0.0, 0.25]})
    pairs = pd.DataFrame({"kind": ["reprint", "duplicate"]})
    assert cu.say_reprints(summary, pairs) == (
        "2 records in 1 issue reprint earlier ones; 2020年第2期 reprints most: 25% of its text (2 records)."
    )
    empty = pd.DataFrame(columns=["kind"])
    assert cu.say_reprints(summary.assign(n_reprints=0), empty) == "No record reprints an earlier one."
    assert cu.say_units(units.iloc[:0]) == "No record names the unit it comes from."
    mentions = pd.DataFrame(columns=["place", "county", "province"])
    assert cu.say_places(mentions) == "The bodies name no place the gazetteer knows."
