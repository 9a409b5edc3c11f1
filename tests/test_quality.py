"""Quality flags: each rule on hand-made tables, flags read from decisions (never from the wording
of a warning), then the seed as read and as damaged."""

from __future__ import annotations

import copy

import pandas as pd
import pytest

from corpus_utils import CharBalance, load_issue
from corpus_utils.segmenting.decision_flags import P_WRONG, shown
from corpus_utils.segmenting.decisions import RULES
from corpus_utils.segmenting.frames import decisions_frame
from corpus_utils.segmenting.quality import (
    LEFTOVER_SHARE,
    LONG_FACTOR,
    SHORT_CHARS,
    flag_summary,
    issue_flags,
    record_flags,
)
from corpus_utils.segmenting.thresholds import SHOW_DOUBTS_FROM

SENTENCE = "坚持以人民为中心，推动基层治理提质增效。"  # 20 characters, ends a sentence


def body(n: int, end: str = "。") -> str:
    """A body of exactly ``n`` non-whitespace characters ending with ``end``."""
    fill = (SENTENCE * (n // len(SENTENCE) + 1)).replace("。", "，")
    return fill[: n - len(end)] + end


def articles(*records: dict) -> pd.DataFrame:
    """An articles frame: each record a dict of the fields that differ from a sound article."""
    rows = []
    for k, rec in enumerate(records):
        row = {"article_id": k + 1, "kind": "article", "column": "城市党建", "title": f"标题{k + 1}", "pages": [k + 1]}
        row["text"] = body(2000)
        row.update(rec)
        rows.append(row)
    frame = pd.DataFrame(rows, dtype=object)
    frame["article_id"] = frame["article_id"].astype(int)
    return frame


NO_METADATA = pd.DataFrame(columns=["page", "line", "role", "text", "article_id"])


def flags(frame: pd.DataFrame, metadata: pd.DataFrame = NO_METADATA) -> set[tuple[int, str]]:
    return {(r.article_id, r.flag) for r in record_flags(frame, metadata).itertuples()}


def test_the_tables_have_their_columns_even_when_nothing_is_raised():
    out = record_flags(articles({}), NO_METADATA)
    assert list(out.columns) == ["article_id", "level", "flag", "rule", "p_wrong", "detail", "check", "fix"]
    assert out.empty


# empty_body --------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "  \n ", None])
def test_an_empty_body_raises_empty_body_and_nothing_else(text):
    frame = articles({}, {"text": text}, {"kind": "excerpt", "column": None, "text": text})
    assert flags(frame) == {(2, "empty_body"), (3, "empty_body")}


# ends_mid_sentence ----------------------------------------------------------------


@pytest.mark.parametrize(
    "end", ["。", "！", "？", "……", "；", "。”", "？」", "！』", "。’”", "。）", "。)", "。\n", "）。"]
)
def test_a_body_ending_a_sentence_is_not_flagged(end):
    assert flags(articles({"text": body(2000, end)})) == set()


@pytest.mark.parametrize("end", ["机关要", "，", "：", "、", "”", "）", "2019年"])
def test_a_body_ending_mid_sentence_is_flagged(end):
    assert flags(articles({"text": body(2000, end)})) == {(1, "ends_mid_sentence")}


def test_the_detail_quotes_the_last_characters():
    out = record_flags(articles({"text": body(2000, "条条要围着块块转、机关要")}), NO_METADATA)
    assert out.iloc[0]["detail"] == 'body ends "…条条要围着块块转、机关要"'


def test_excerpts_and_editor_notes_are_checked_too():
    frame = articles(
        {"kind": "excerpt", "column": None, "text": body(300, "要")},
        {"kind": "editor_note", "title": None, "text": body(120, "，")},
    )
    assert flags(frame) == {(1, "ends_mid_sentence"), (2, "ends_mid_sentence")}


def test_a_stitched_continuation_ends_the_body_and_is_not_flagged():
    cut = body(1500, "提高考察工作科学化水平。依据")  # the page ends here: （下转 10页）
    continuation = "《党政领导干部考核工作条例》，坚持考用结合。"
    frame = articles({"text": cut + continuation, "pages": [11, 12, 13, 10]})
    assert flags(frame) == set()


def test_an_unstitched_cut_is_flagged_with_its_marker():
    cut = body(1500, "提高考察工作科学化水平。依据")
    metadata = pd.DataFrame(
        [{"page": 13, "line": 1070, "role": "marker", "text": "(下转 10页）", "article_id": None}],
    )
    out = record_flags(articles({"text": cut, "pages": [11, 12, 13]}), metadata)
    assert list(out["flag"]) == ["ends_mid_sentence"]
    assert out.iloc[0]["detail"].startswith(
        'body ends "…考察工作科学化水平。依据"; page 13 carries a (下转 10页) marker'
    )


# no_title ------------------------------------------------------------------------


@pytest.mark.parametrize("title", [None, "", "  ", float("nan")])
def test_an_article_without_a_title_is_flagged(title):
    assert flags(articles({"title": title})) == {(1, "no_title")}


def test_an_editor_note_needs_no_title():
    assert flags(articles({"kind": "editor_note", "title": None, "text": body(120)})) == set()


# long_for_column ------------------------------------------------------------------


def test_exactly_three_times_the_median_is_not_long():
    frame = articles({"text": body(1000)}, {"text": body(1000)}, {"text": body(int(LONG_FACTOR * 1000))})
    assert flags(frame) == set()


def test_more_than_three_times_the_median_of_the_others_is_long():
    frame = articles({"text": body(1000)}, {"text": body(1200)}, {"text": body(800)}, {"text": body(3500)})
    out = record_flags(frame, NO_METADATA)
    assert list(zip(out["article_id"], out["flag"], strict=True)) == [(4, "long_for_column")]
    assert out.iloc[0]["detail"] == "3,500 characters, 3.5× the median 1,000 of the 3 other 城市党建 articles"


def test_one_other_record_is_no_column_norm():
    assert flags(articles({"text": body(1000)}, {"text": body(5000)})) == set()


def test_columns_and_kinds_are_compared_apart():
    frame = articles(
        {"text": body(1000)},
        {"text": body(1000)},
        {"column": "农村党建", "text": body(5000)},  # a different column
        {"kind": "editor_note", "title": None, "text": body(150)},
        {"kind": "editor_note", "title": None, "text": body(150)},
        {"kind": "editor_note", "title": None, "text": body(2000)},  # long for a note, not for an article
    )
    assert flags(frame) == {(6, "long_for_column")}


def test_records_with_no_column_are_grouped_by_kind():
    frame = articles(
        {"kind": "excerpt", "column": None, "text": body(300)},
        {"kind": "excerpt", "column": float("nan"), "text": body(250)},
        {"kind": "excerpt", "column": None, "text": body(1200)},
    )
    out = record_flags(frame, NO_METADATA)
    assert list(out["flag"]) == ["long_for_column"]
    assert out.iloc[0]["detail"].endswith("of the 2 other excerpts with no column")


# short_body ----------------------------------------------------------------------


def test_short_body_is_under_the_threshold():
    frame = articles({"text": body(SHORT_CHARS - 1)}, {"text": body(SHORT_CHARS)})
    out = record_flags(frame, NO_METADATA)
    assert list(zip(out["article_id"], out["flag"], strict=True)) == [(1, "short_body")]
    assert out.iloc[0]["detail"].startswith(f"{SHORT_CHARS - 1} characters (under {SHORT_CHARS}), starts ")


def test_short_excerpts_and_notes_are_fine():
    frame = articles({"kind": "excerpt", "column": None, "text": body(80)}, {"kind": "editor_note", "title": None})
    assert flags(frame.assign(text=[body(80), body(60)])) == set()


# issue_flags ---------------------------------------------------------------------


class FakeIssue:
    """The public face of an Issue that the flags read."""

    def __init__(self, frame: pd.DataFrame, bal: CharBalance, decisions: list[dict] | None = None):
        self.articles, self.metadata, self._bal = frame, NO_METADATA, bal
        self.reading = None  # nothing confirmed
        self.decisions = decisions_frame(decisions or [])

    def balance(self) -> CharBalance:
        return self._bal


def decision(rule: str, article_id: int | None, page: int = 3, line: int = 100, rejected=(), **extra) -> dict:
    """A row of Issue.decisions, as the segmenter writes it."""
    rejected = list(rejected)
    row = {
        "article_id": article_id,
        "other_id": None,
        "rule": rule,
        "flag": RULES[rule].flag,
        "level": RULES[rule].level,
        "page": page,
        "line": line,
        "text": "近年来，我市坚持把抓党建促乡村振兴",
        "rejected": rejected,
        "rejected_text": "今年以来，江南区把物业服务纳入城市" if rejected else None,
    }
    return row | extra


def issue_flag_names(issue) -> list[str]:
    return list(issue_flags(issue)["flag"])


def test_a_sound_issue_raises_nothing():
    issue = FakeIssue(articles({}), CharBalance(input=10_000, body=9_000, metadata=900, leftovers=100))
    out = issue_flags(issue)
    assert list(out.columns) == ["flag", "rule", "detail", "check", "fix"] and out.empty
    assert flag_summary(issue) == ""


def test_leftovers_over_one_percent():
    at = int(LEFTOVER_SHARE * 10_000)
    assert issue_flag_names(FakeIssue(articles({}), CharBalance(10_000, 9_000, 1_000 - at, at))) == []
    issue = FakeIssue(articles({}), CharBalance(10_000, 9_000, 999 - at, at + 1))
    assert issue_flag_names(issue) == ["leftovers_over_1pct"]
    assert issue_flags(issue).iloc[0]["detail"] == "101 leftover characters, 1.0% of the 10,000 in the input"


def test_a_broken_balance_and_no_records():
    issue = FakeIssue(articles({}).iloc[0:0], CharBalance(10_000, 0, 900, 0))
    assert issue_flag_names(issue) == ["no_records", "balance_broken"]
    assert "difference +9,100" in issue_flags(issue).iloc[1]["detail"]


def test_pieces_that_found_no_partner_are_read_from_the_decisions():
    decisions = [
        decision("title_without_text", None, page=17),
        decision("block_without_cut", None, page=16),
        decision("cut_without_block", 1, page=13),
    ]
    issue = FakeIssue(articles({}), CharBalance(10_000, 9_000, 1_000, 0), decisions)
    out = issue_flags(issue)
    assert list(out["flag"]) == ["title_without_text", "unmatched_continuation"]
    assert out.iloc[0]["detail"].startswith("a title block had no article text on its page")
    assert "page 17" in out.iloc[0]["detail"] and out.iloc[0]["check"].startswith("whether ")
    per_record = record_flags(issue.articles, decisions=issue.decisions)
    assert list(zip(per_record["article_id"], per_record["flag"], per_record["level"], strict=True)) == [
        (1, "unmatched_continuation", "problem")
    ]


def test_no_flag_depends_on_the_wording_of_a_warning(seed_path, tmp_path):
    """An issue whose continuation found no article raises the flag from its decisions: the
    warnings can say anything, or nothing."""
    broken = tmp_path / "broken.txt"
    broken.write_text(seed_path.read_text(encoding="utf-8").replace("(下转 10页）", ""), encoding="utf-8")
    with pytest.warns(UserWarning):
        issue = load_issue(broken, cache=False)
    before = issue_flags(issue)
    issue.warnings = ["reworded entirely"]
    assert list(issue_flags(issue)["flag"]) == list(before["flag"])
    assert "unmatched_continuation" in set(before["flag"])


def test_the_summary_has_a_line_per_flag():
    frame = articles({"text": body(2000, "条条要围着块块转、机关要")}, {"title": None})
    issue = FakeIssue(frame, CharBalance(10_000, 9_000, 1_000, 0), [decision("title_without_text", None, page=3)])
    lines = flag_summary(issue).splitlines()
    assert lines[0].startswith("issue title_without_text: a title block had no article text on its page and was")
    assert lines[1:] == [
        '#1 ends_mid_sentence: body ends "…条条要围着块块转、机关要"',
        '#2 no_title: article has no title (pages 2), starts "坚持以人民为中心，推动基…"',
    ]


# doubts from decisions -------------------------------------------------------------


def test_a_decision_raises_one_flag_per_record_and_kind_with_what_to_check_and_the_fix():
    decisions = decisions_frame(
        [
            decision("open_text_runs_to_paragraph_end", 1, page=12, line=400, rejected=[410, 420], other_id=2),
            decision("open_text_runs_to_paragraph_end", 2, page=12, line=400, rejected=[410, 420], other_id=1),
            decision("paragraph_joined", 2, page=12, line=430, rejected=[430], rejected_text=None),
            decision("paragraph_broken", 2, page=13, line=450, rejected=[450], rejected_text=None),
        ]
    )
    out = record_flags(articles({}, {}), NO_METADATA, decisions=decisions)
    assert list(zip(out["article_id"], out["flag"], strict=True)) == [
        (1, "guessed_boundary"),
        (2, "guessed_boundary"),
        (2, "paragraphs_uncertain"),
    ]
    boundary = out.iloc[0]
    assert boundary["level"] == "doubt" and boundary["rule"] == "open_text_runs_to_paragraph_end"
    assert "page 12, at 「近年来，我市坚持把抓党建…」, not 「今年以来，江南区把物业服…」" in boundary["detail"]
    assert boundary["check"] == "whether it runs on to a later paragraph end"
    assert boundary["fix"].startswith('[[start]]\npage = 12\ntext = "今年以来，江南区把物业服"')
    assert '[[confirm]]\nmatch = "标题1"' in boundary["fix"]
    assert out.iloc[2]["detail"].endswith("; page 13, at 「近年来，我市坚持把抓党建…」)")  # the likelier first
    assert out.iloc[2]["p_wrong"] == P_WRONG["paragraph_joined"]


def test_a_confirmed_record_raises_no_doubt():
    decisions = decisions_frame([decision("line_above_title_is_body", 1, rejected=[99])])
    reading = pd.DataFrame([{"article_id": 1, "confirmed": True}, {"article_id": 2, "confirmed": False}])
    assert record_flags(articles({}, {}), NO_METADATA, reading, decisions).empty
    out = record_flags(articles({}, {}), NO_METADATA, None, decisions)
    assert out.iloc[0]["fix"].startswith('[[line]]\npage = 3\ntext = "今年以来，江南区把物业服"\nkind = "title"')


def test_a_doubt_is_shown_when_it_is_likely_wrong():
    likely = max(P_WRONG, key=P_WRONG.get)
    unlikely = min((r for r in P_WRONG if RULES.get(r) and RULES[r].level == "doubt"), key=P_WRONG.get)
    assert shown("doubt", P_WRONG[likely]) and not shown("doubt", P_WRONG[unlikely])
    assert shown("problem", 0.01)  # a problem is always shown
    assert P_WRONG[unlikely] < SHOW_DOUBTS_FROM <= P_WRONG[likely]


# the seed --------------------------------------------------------------------------


def test_the_seed_raises_no_problem_and_one_doubt_not_worth_a_look(seed_issue):
    # every record of the seed matches the hand-read contents (test_articles.py); its unmarked
    # boundaries are confirmed in its .fix.toml; one paragraph break stays a doubt, unlikely to
    # be wrong: 「…干部队伍。」 ends a full line and 「我们的主要做法是：」 is too short to show an indent
    flags = record_flags(seed_issue.articles, seed_issue.metadata, seed_issue.reading, seed_issue.decisions)
    assert flags[["article_id", "flag", "rule"]].values.tolist() == [[10, "paragraphs_uncertain", "paragraph_joined"]]
    assert issue_flags(seed_issue).empty
    assert flag_summary(seed_issue).startswith("#10 paragraphs_uncertain: a sentence ends a full line")
    assert seed_issue.flags().empty  # not worth a look: shown only with every=True
    assert seed_issue.flags(every=True)["shown"].tolist() == [False]


def damaged(seed_issue, **tables):
    """A shallow copy of the seed issue with some tables replaced (and none of its decisions,
    unless given: only the damage raises flags)."""
    issue = copy.copy(seed_issue)
    issue.decisions = decisions_frame([])
    for name, value in tables.items():
        setattr(issue, name, value)
    return issue


def seed_articles(seed_issue) -> pd.DataFrame:
    """The seed's articles as a misread would leave them: none confirmed by the seed's .fix.toml,
    and none of the segmenter's own doubts (guessed boundaries), so only the damage raises flags."""
    frame = seed_issue.articles.copy().assign(confirmed=False)
    return frame.set_index("article_id", drop=False)


def test_a_lost_tail_ends_mid_sentence(seed_issue):
    arts = seed_articles(seed_issue)
    text = arts.at[16, "text"]
    arts.at[16, "text"] = text[:-20]  # "…让人民群众拥有更多的幸福感、获得感。" read as a stray line
    leftovers = pd.concat([seed_issue.leftovers, pd.DataFrame([{"page": 16, "line": 1300, "text": text[-20:]}])])
    issue = damaged(seed_issue, articles=arts.reset_index(drop=True), leftovers=leftovers)
    assert flag_summary(issue) == '#16 ends_mid_sentence: body ends "…送服务到位，居民迎幸福进"'
    # the same characters cut from everything breaks the balance as well
    issue = damaged(seed_issue, articles=arts.reset_index(drop=True))
    assert issue_flag_names(issue) == ["balance_broken"]
    assert issue_flags(issue).iloc[0]["detail"].endswith("(difference +20)")


def test_half_a_body_run_into_the_record_before(seed_issue):
    arts = seed_articles(seed_issue)
    text = arts.at[15, "text"]
    half = len(text) // 2
    arts.at[14, "text"] += text[:half]
    arts.at[15, "text"] = text[half:]
    assert flags(arts.reset_index(drop=True), seed_issue.metadata) == {(14, "ends_mid_sentence")}


def test_a_missed_title_runs_two_articles_together(seed_issue):
    arts = seed_articles(seed_issue)
    text = arts.at[21, "text"]
    arts.at[20, "text"] += "\n" + text[:-100]
    arts.at[21, "text"] = text[-100:]
    assert flags(arts.reset_index(drop=True), seed_issue.metadata) == {
        (20, "ends_mid_sentence"),
        (20, "long_for_column"),
        (21, "short_body"),
    }


def test_a_lost_title(seed_issue):
    arts = seed_articles(seed_issue)
    arts.at[13, "title"] = None
    assert flags(arts.reset_index(drop=True), seed_issue.metadata) == {(13, "no_title")}


def test_a_body_lost_to_the_leftovers(seed_issue):
    arts = seed_articles(seed_issue)
    lost = arts.at[22, "text"]
    arts.at[22, "text"] = ""
    leftovers = pd.concat([seed_issue.leftovers, pd.DataFrame([{"page": 38, "line": 3900, "text": lost}])])
    issue = damaged(seed_issue, articles=arts.reset_index(drop=True), leftovers=leftovers)
    assert issue.balance().holds
    assert issue_flag_names(issue) == ["leftovers_over_1pct"]
    assert flags(issue.articles, issue.metadata) == {(22, "empty_body")}


def test_an_unstitched_continuation(seed_issue):
    # 赵延明's article is cut on page 13 "…依据（下转 10页）" and goes on at "(上接 13页）" on page 10
    arts = seed_articles(seed_issue)
    text = arts.at[10, "text"]
    cut = text.index("提高考察工作科学化水平。依据") + len("提高考察工作科学化水平。依据")
    arts.at[10, "text"], arts.at[10, "pages"] = text[:cut], [11, 12, 13]
    leftovers = pd.concat([seed_issue.leftovers, pd.DataFrame([{"page": 10, "line": 663, "text": text[cut:]}])])
    unmatched = decisions_frame([decision("block_without_cut", None, page=10, line=662)])
    issue = damaged(seed_issue, articles=arts.reset_index(drop=True), leftovers=leftovers, decisions=unmatched)
    assert issue_flag_names(issue) == ["leftovers_over_1pct", "unmatched_continuation"]  # (103 + 446) / 47,265 = 1.2%
    out = record_flags(issue.articles, issue.metadata, issue.reading)
    assert list(zip(out["article_id"], out["flag"], strict=True)) == [(10, "ends_mid_sentence")]
    assert "page 13 carries a (下转 10页) marker" in out.iloc[0]["detail"]
