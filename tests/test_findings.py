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
        "1 of 2 columns cite a leader at all (the leaders’ own excerpts aside)."
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


def test_the_phrase_term_and_topic_that_rose():
    # 担当作为: 4.0 against the mean of 1.0 and 2.0 (1.5): +2.5; 党建联盟: 3.0 against 3.0: 0
    phrases = pd.DataFrame(
        [
            ("a", "2020年第1期", "担当作为", 1, 1.0),
            ("a", "2020年第1期", "党建联盟", 3, 3.0),
            ("b", "2020年第2期", "担当作为", 2, 2.0),
            ("b", "2020年第2期", "党建联盟", 3, 3.0),
            ("c", "2020年第3期", "担当作为", 4, 4.0),
            ("c", "2020年第3期", "党建联盟", 3, 3.0),
        ],
        columns=["issue_id", "label", "phrase", "count", "per_10k"],
    )
    assert cu.say_rise(phrases) == (
        "担当作为 rose most in 2020年第3期: 4.0 per 10,000 characters against 1.5 on average in the 2 issues before it."
    )
    # terms per 1,000 terms: the same numbers, the other unit
    terms = phrases.rename(columns={"phrase": "term", "per_10k": "per_1k"})
    assert "4.0 per 1,000 terms against 1.5" in cu.say_rise(terms, series="term", value="per_1k", noun="term")
    # topic shares (no counts): 0.5 against the mean of 0.2 and 0.3 (0.25)
    topics = pd.DataFrame(
        {"issue_id": list("abc"), "label": ["1", "2", "3"], "topic": ["主题1"] * 3, "share": [0.2, 0.3, 0.5]}
    )
    assert cu.say_rise(topics, series="topic", value="share", noun="topic") == (
        "主题1 rose most in 3: 50% of a record's weight against 25% on average in the 2 issues before it."
    )
    labelled = topics.assign(topic="6 党员·合适·代办")  # topic_labels' form: its number, then its words
    assert cu.say_rise(labelled, series="topic", value="share", noun="topic").startswith(
        "topic 6 (党员·合适·代办) rose most"
    )
    # nothing rose: 党建联盟 alone stays at 3.0
    flat = phrases[phrases["phrase"] == "党建联盟"]
    assert cu.say_rise(flat) == "No phrase is used more in 2020年第3期 than in the 2 issues before it."
    assert cu.say_rise(phrases[phrases["issue_id"] == "a"]) == (
        "Only one issue so far; its most used phrase is 党建联盟 (3.0 per 10,000 characters)."
    )
    assert cu.say_rise(phrases.assign(count=0)) == "No phrase occurs in these issues."


def test_most_used():
    counts = pd.DataFrame(
        {
            "term": ["自我革命", "自我革命", "自我革命", "党建"],
            "column": ["卷首语", "组工论坛", "城市党建", "组工论坛"],
            "count": [4, 6, 0, 9],
            "n_chars": [500, 10_000, 8_000, 10_000],
            "per_10k": [80.0, 6.0, 0.0, 9.0],
        }
    )
    # 自我革命 10 times, 党建 9; 卷首语's 80 per 10,000 rests on 500 characters, so the densest
    # column of at least 1,000 characters is 组工论坛 (6.0); two of the three columns use it
    assert cu.say_most_used(counts, item="term") == (
        "自我革命 is the most used term (10 times); 组工论坛 uses it most densely (6.0 per 10,000 characters, "
        "6 of the 10; among columns of 1,000 characters or more, as 卷首语 reaches 80.0 on 500 characters); "
        "2 of 3 columns use it."
    )
    alone = counts.assign(count=[0, 0, 0, 9], per_10k=[0.0, 0.0, 0.0, 9.0])  # 党建 in 组工论坛 only
    assert cu.say_most_used(alone, item="term").endswith(
        "(9.0 per 10,000 characters, 9 of the 9); no other of the 3 columns uses it."
    )
    one_column = counts[counts["column"] == "组工论坛"]
    assert cu.say_most_used(one_column, item="term") == "党建 is the most used term (9 times)."
    assert cu.say_most_used(counts.iloc[:0], item="concept") == "No concept occurs in this text."


def test_column_sizes():
    overview = pd.DataFrame(
        {
            "column": ["卷首语", "城市党建", "组工论坛"],
            "n_records": [1, 6, 4],
            "n_articles": [1, 5, 4],
            "n_chars": [660, 12_504, 9_888],
        }
    )
    # 12,504 of 23,052 is 54.2%
    assert cu.say_column_sizes(overview) == (
        "城市党建 writes most: 12,504 of the issue's 23,052 characters (54%) in 6 records; "
        "3 columns and 11 records in all."
    )
    assert cu.say_column_sizes(overview.iloc[:0]) == "The issue has no records."


def test_a_short_column_that_runs_higher_is_named_and_one_of_a_thing_is_singular():
    framing = pd.DataFrame(
        {
            "column": ["（讲话摘编）", "组工论坛", "城市党建"] * 2,
            "frame": ["问题"] * 3 + ["指令"] * 3,
            "count": [5, 30, 10, 24, 40, 20],
            "n_chars": [783, 10_000, 5_000] * 2,
        }
    )
    framing["per_1k"] = framing["count"] / framing["n_chars"] * 1000
    # 问题: （讲话摘编） 5/783 = 6.4 per 1,000, 组工论坛 30/10,000 = 3.0, 城市党建 2.0; 45/15,783 = 2.9 overall
    # 指令: （讲话摘编） 24/783 = 30.7, 组工论坛 and 城市党建 4.0 (the first kept); 84/15,783 = 5.3 overall
    said = cu.say_framing(framing)
    assert said.startswith("组工论坛 names problems most (3.0 per 1,000 characters, 2.9 overall; among columns of ")
    assert "组工论坛 gives directives most (4.0 per 1,000 characters, 5.3 overall; " in said
    assert "as （讲话摘编） reaches 6.4 on 783 characters)" in said
    assert "as （讲话摘编） reaches 30.7 on 783 characters)." in said
    named = pd.DataFrame({"document": ["党章"], "kind": ["party"]})
    assert (
        cu.say_documents(named)
        == "1 document is named 1 time in 《》 (0 of them laws and regulations); the most named is 《党章》 (1 time)."
    )
    units = pd.DataFrame({"level": ["county", "county"], "county": ["延吉市", "延吉市"]})
    assert cu.say_units(units).endswith("; 延吉市 wrote most (2 records).")
    formulas = pd.DataFrame({"formula": ["四个意识"], "count": [3], "quoted": [3]})
    assert cu.say_formulas(formulas).endswith("Every use stands in quotation marks.")
