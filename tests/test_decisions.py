"""The reducer's decisions as data: every rule says what it chose, what it rejected and which
``.fix.toml`` entry sets the other reading; the entries it writes are ones ``load_issue`` reads;
the seed's decisions table has its documented columns."""

from __future__ import annotations

import pytest

from corpus_utils.segmenting.decision_flags import P_WRONG, confirm_entry, fix_entry, p_wrong
from corpus_utils.segmenting.decisions import DECISION_COLUMNS, RULES, Decision
from corpus_utils.segmenting.fixes import read_corrections


@pytest.mark.parametrize("rule", sorted(RULES))
def test_every_rule_says_what_it_chose_and_rejected_and_gives_an_entry_the_fix_file_reads(rule, tmp_path):
    spec = RULES[rule]
    assert spec.level in ("problem", "doubt") and spec.flag and spec.chose and spec.rejected
    decision = {"rule": rule, "page": 27, "text": "围绕“3+1”下好城市治理先手棋", "rejected_text": "今年以来，船营区"}
    entry = fix_entry(decision, {"title": "聚力服务真抓实干", "body": "年初以来"})
    path = tmp_path / "issue.fix.toml"
    path.write_text(entry, encoding="utf-8")
    if spec.fix == "page_offset":
        assert entry.startswith("page_offset = <")  # the user works the number out
        return
    fixes = read_corrections(path)
    entries = {"start": fixes.starts, "resume": fixes.resumes, "line": fixes.lines, "confirm": fixes.confirms}
    assert len(entries[spec.fix]) == 1
    if spec.fix == "line":
        assert fixes.lines[0].kind == spec.kind and fixes.lines[0].text == "今年以来，船营区"


def test_a_decision_names_a_known_rule():
    with pytest.raises(ValueError, match="unknown rule"):
        Decision("first_guess", None, 0, 1)


def test_every_measured_rule_is_a_rule_or_a_problem_flag():
    problems = {"ends_mid_sentence", "long_for_column", "short_body"}
    assert set(P_WRONG) <= set(RULES) | problems
    assert all(0 <= p <= 1 for p in P_WRONG.values())
    assert p_wrong("block_without_cut") == 1.0  # a piece with no partner is wrong by definition


def test_a_confirm_entry_names_the_record_by_title_or_opening():
    assert (
        confirm_entry({"title": "红色物业让居民更舒心", "body": "x"}) == '[[confirm]]\nmatch = "红色物业让居民更舒心"'
    )
    assert confirm_entry({"title": "", "body": "编者按 为推动 年轻干部在基层一线成长"}) == (
        '[[confirm]]\nmatch = "编者按为推动年轻干部在基"'
    )


def test_the_seed_keeps_its_decisions_as_a_table(seed_issue):
    decisions = seed_issue.decisions
    assert list(decisions.columns) == DECISION_COLUMNS
    # one paragraph break the line widths cannot show, and two boundaries nothing marks (each on
    # the two records it separates): the article before ended a sentence at a full page's foot
    assert decisions[["article_id", "rule"]].values.tolist() == [
        [10, "paragraph_joined"],
        [14, "full_page_ended_it"],
        [15, "full_page_ended_it"],
        [21, "full_page_ended_it"],
        [22, "full_page_ended_it"],
    ]
    boundary = decisions.iloc[1]
    assert boundary["other_id"] == 15 and boundary["page"] == 22
    assert boundary["text"] == "自上海城市基层党建工作经验交流座"  # where the next article was begun
    assert len(boundary["rejected"]) == 5 and boundary["rejected_text"] == "一、定目标，让联盟建设工作有方向"
