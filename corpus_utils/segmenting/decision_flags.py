"""Flags from the reducer's decisions: what to check, the ``.fix.toml`` entry that sets the other
reading, and how likely the reading is wrong.

A decision (``Issue.decisions``, see ``decisions``) names its rule, the line chosen and the lines
rejected; its flag says, in one sentence each, what was chosen and what to check, and gives the
entry that would correct it, written out for the page and line at hand. How likely a reading by
a rule is wrong was measured on generated issues (``P_WRONG``, the share of records raising it
that were wrong); a doubt is shown by default when that share reaches ``SHOW_DOUBTS_FROM``.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from .decisions import RULES
from .thresholds import SHOW_DOUBTS_FROM

# How often a record raising each flag by each rule came back wrong, on 1,000 generated issues
# (`python bench/segmentation_generalisation.py --n 1000 --p-wrong`; the records it was raised
# on in the comment). A rule raised on fewer than 10 records there is taken from the unseen
# prose (`bench/segmentation_unseen.py --n 300`) where it was raised more, else as even odds.
P_WRONG: dict[str, float] = {
    "open_text_runs_to_paragraph_end": 0.81,  # 258 of 318
    "full_line_above_title_is_title": 0.70,  # 7 of 10
    "last_paragraph_start": 0.67,  # 103 of 153
    "line_above_title_is_body": 0.51,  # 239 of 465
    "block_ends_at_paragraph_end": 0.49,  # 72 of 148
    "block_takes_open_line": 0.38,  # 12 of 32
    "block_takes_next_paragraph": 0.21,  # 28 of 132
    "editor_note_takes_short_line": 0.17,  # 1 of 2; on the unseen prose 13 of 78
    "full_page_ended_it": 0.12,  # 92 of 752
    "paragraph_joined": 0.12,  # 59 of 479
    "paragraph_broken": 0.08,  # 34 of 442
    "ended_before_block": 0.5,  # 2 records: not measured
    # problems, shown whatever their odds
    "ends_mid_sentence": 1.00,  # 57 of 57
    "long_for_column": 0.12,  # 67 of 541
    "short_body": 0.09,  # 46 of 514
}

QUOTE_CHARS = 12
_SPACE = re.compile(r"\s+")


def decision_flags(decisions: pd.DataFrame | None, records: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    """One flag per record and flag kind raised by its decisions (``article_id, level, flag,
    rule, p_wrong, detail, check, fix``), for the records in ``records`` (article_id → a dict
    with ``title`` and ``body``); the likeliest wrong of a record's decisions of one kind names
    the flag's rule."""
    if decisions is None or decisions.empty:
        return []
    rows = []
    for (aid, flag), group in decisions.groupby(["article_id", "flag"], sort=False, dropna=False):
        if _missing(aid):
            continue
        aid = int(aid)
        if aid not in records:
            continue
        ranked = sorted(group.to_dict("records"), key=lambda d: -p_wrong(d["rule"]))
        top = ranked[0]
        rule = RULES[top["rule"]]
        places = "; ".join(_place(d) for d in ranked[:2]) + (f"; {len(ranked) - 2} more" if len(ranked) > 2 else "")
        fixes = list(dict.fromkeys(fix_entry(d, records[aid]) for d in ranked[:2]))  # one per place
        fix = "\n# or, at the other place:\n".join(fixes)
        if rule.fix != "confirm":
            fix += "\n# or, if it was read right:\n" + confirm_entry(records[aid])
        rows.append(
            {
                "article_id": aid,
                "level": rule.level,
                "flag": flag,
                "rule": top["rule"],
                "p_wrong": p_wrong(top["rule"]),
                "detail": f"{rule.chose} ({places})",
                "check": f"whether {rule.rejected}",
                "fix": fix,
            }
        )
    return rows


def issue_decision_flags(decisions: pd.DataFrame | None) -> list[dict[str, Any]]:
    """Flags of decisions about no record (a block no article took, a title with no text)."""
    if decisions is None or decisions.empty:
        return []
    rows = []
    for d in decisions.to_dict("records"):
        if not _missing(d["article_id"]):
            continue
        rule = RULES[d["rule"]]
        rows.append(
            {
                "flag": rule.flag,
                "rule": d["rule"],
                "detail": f"{rule.chose} ({_place(d)})",
                "check": f"whether {rule.rejected}",
                "fix": fix_entry(d, None),
            }
        )
    return rows


def fix_entry(decision: dict[str, Any], record: dict[str, Any] | None) -> str:
    """The ``.fix.toml`` entry that sets the reading a decision rejected (or confirms the record)."""
    rule = RULES[decision["rule"]]
    page = decision["page"]
    other = decision.get("rejected_text") or decision["text"]
    words = _opening(other)
    if rule.fix == "start":
        return f'[[start]]\npage = {page}\ntext = "{words}"'
    if rule.fix == "resume":
        return f'[[resume]]\npage = {page}\ntext = "{words}"'
    if rule.fix == "line":
        return f'[[line]]\npage = {page}\ntext = "{words}"\nkind = "{rule.kind}"'
    if rule.fix == "page_offset":
        return "page_offset = <printed page minus page index>  # if the markers' pages are off"
    return confirm_entry(record) if record is not None else ""


def confirm_entry(record: dict[str, Any]) -> str:
    """``[[confirm]]`` for a record read right: no flag is raised on it after that."""
    name = record.get("title") or _opening(record.get("body") or "")
    return f'[[confirm]]\nmatch = "{name}"'


def p_wrong(rule: str) -> float:
    """How likely a record raising a flag by ``rule`` is wrong (``P_WRONG``); 1 for a problem
    never measured (a piece that found no partner is wrong by definition)."""
    default = 0.5 if rule in RULES and RULES[rule].level == "doubt" else 1.0
    return P_WRONG.get(rule, default)


def shown(level: str, odds: float) -> bool:
    """Whether a flag is worth a look by default: every problem, and the doubts likely wrong."""
    return level == "problem" or odds >= SHOW_DOUBTS_FROM


# internal functions ----------------------------------------------------------


def _place(d: dict[str, Any]) -> str:
    where = f"page {d['page']}, at 「{_quote(d['text'])}」"
    if d.get("rejected_text") and d["rejected_text"] != d["text"]:
        where += f", not 「{_quote(d['rejected_text'])}」"
    return where


def _quote(text: str) -> str:
    text = _SPACE.sub(" ", str(text)).strip()
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS] + "…"


def _opening(text: str) -> str:
    return _SPACE.sub("", str(text))[:QUOTE_CHARS].replace('"', '\\"')


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)
