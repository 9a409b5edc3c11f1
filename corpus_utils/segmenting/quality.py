"""Quality flags: signs that a segmentation is probably wrong, per record and per issue.

Problems are read from the public tables of an issue (``articles``, ``metadata``,
``leftovers``) and ``Issue.balance()``: an empty body, a body that stops mid-sentence, a record
far longer or shorter than its column's others. Doubts, and the pieces that found no partner,
come from the segmenter's decisions (``Issue.decisions``, see ``decisions``), never from the
wording of a message, so the checks work on any issue and on small hand-made frames. A flag is
evidence to look at, not a verdict: ``detail`` names what raised it, ``check`` what to look at,
``fix`` the ``.fix.toml`` entry that would correct it; ``p_wrong`` is how often a record raising
it was wrong on generated issues (``decision_flags.P_WRONG``).

``record_flags`` → ``article_id, level, flag, rule, p_wrong, detail, check, fix``;
``issue_flags`` → ``flag, rule, detail, check, fix``; ``flag_summary`` → one line per flag.
"""

from __future__ import annotations

import re
from statistics import median
from typing import Any

import pandas as pd

from ..text.sentences import ENDS_SENTENCE
from .decision_flags import decision_flags, issue_decision_flags, p_wrong
from .thresholds import LEFTOVER_SHARE, LONG_FACTOR, MIN_COLUMN_RECORDS, SHORT_CHARS

# How much of a body to quote in a detail: enough to find the place in the raw text.
QUOTE_CHARS = 12

# A continuation marker that stayed in the metadata, e.g. "（下转 10页）".
_CUT_MARKER = re.compile(r"下\s*转\s*(\d+)\s*页")
_WHITESPACE = re.compile(r"\s+")

RECORD_FLAG_COLUMNS = ["article_id", "level", "flag", "rule", "p_wrong", "detail", "check", "fix"]
ISSUE_FLAG_COLUMNS = ["flag", "rule", "detail", "check", "fix"]

# What to look at for each problem a record's text shows, and the entry that corrects it
# ({name}: the record's title or opening, {page}: its last page, {before}: the record before).
PROBLEM_CHECKS = {
    "empty_body": (
        "where its text is: read as another record's, or as leftovers",
        '[[start]]\npage = {page}\ntext = "<the first words of its text>"',
    ),
    "ends_mid_sentence": (
        "where its text goes on: a page or a （上接…） block read as another record's",
        '[[merge]]\nfirst = "{name}"\nsecond = "<the record holding the rest>"',
    ),
    "no_title": (
        "the title block at the foot of its first page",
        '[[record]]\nmatch = "{name}"\ntitle = "<the title>"',
    ),
    "long_for_column": (
        "whether two articles run together: a title block read as body",
        '[[start]]\npage = <the page>\ntext = "<the first words of the second article>"',
    ),
    "short_body": (
        "whether it lost its start to the record before, or is a caption read as a title",
        '[[merge]]\nfirst = "{before}"\nsecond = "{name}"',
    ),
}


def record_flags(
    articles: pd.DataFrame,
    metadata: pd.DataFrame | None = None,
    reading: pd.DataFrame | None = None,
    decisions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Flags raised by each record (see ``RECORD_FLAG_COLUMNS``), one row per record and flag.

    ``articles`` needs ``article_id, kind, column, title, text`` (``pages`` is used when
    present); lengths are counted on ``text`` (non-whitespace characters, the definition of
    ``n_chars``), so a hand-edited frame cannot disagree with itself. ``metadata`` (``page,
    text``) is only read for a （下转 N页） marker on the last page of a record that ends
    mid-sentence; ``reading`` (``Issue.reading``) for what a ``.fix.toml`` confirmed;
    ``decisions`` (``Issue.decisions``) for what the segmenter guessed. A record with an empty
    body raises ``empty_body`` and no other problem.
    """
    rows: list[dict[str, Any]] = []
    if reading is not None and "confirmed" in reading.columns:
        notes = reading[["article_id", "confirmed"]]
        articles = articles.drop(columns=[c for c in ["confirmed"] if c in articles.columns]).merge(
            notes, on="article_id", how="left"
        )
    records = [_record(r) for r in articles.to_dict("records")]
    groups: dict[tuple[str, str | None], list[int]] = {}
    for rec in records:
        groups.setdefault((rec["kind"], rec["column"]), []).append(rec["n_chars"])

    for k, rec in enumerate(records):
        aid, kind, body, n = rec["article_id"], rec["kind"], rec["body"], rec["n_chars"]
        if rec["confirmed"]:
            continue  # a .fix.toml says it was read right
        name = rec["title"] or _opening(body)
        before = (records[k - 1]["title"] or _opening(records[k - 1]["body"])) if k else "<the record before>"

        last_page = rec["pages"][-1] if rec["pages"] else "<the page>"

        def add(flag: str, detail: str, aid: int = aid, name: str = name, page=last_page, before: str = before) -> None:
            check, fix = PROBLEM_CHECKS[flag]
            rows.append(
                {
                    "article_id": aid,
                    "level": "problem",
                    "flag": flag,
                    "rule": flag,
                    "p_wrong": p_wrong(flag),
                    "detail": detail,
                    "check": check,
                    "fix": fix.format(name=name, page=page, before=before),
                }
            )

        if n == 0:
            add("empty_body", f"{_kind_name(kind)} has no text")
        elif not ENDS_SENTENCE.search(body):
            detail = f"body ends {_quote_end(body)}"
            page = rec["pages"][-1] if rec["pages"] else None
            marker = _cut_marker(metadata, page)
            if marker is not None:
                detail += f"; page {page} carries a (下转 {marker}页) marker, a continuation may be missing"
            add("ends_mid_sentence", detail)
        if kind == "article" and not rec["title"]:
            pages = f" (pages {', '.join(map(str, rec['pages']))})" if rec["pages"] else ""
            add("no_title", f"article has no title{pages}, starts {_quote_start(body)}")
        if n:
            others = list(groups[(kind, rec["column"])])
            others.remove(n)
            if len(others) >= MIN_COLUMN_RECORDS:
                norm = median(others)
                if n > LONG_FACTOR * norm:
                    add(
                        "long_for_column",
                        f"{n:,} characters, {n / norm:.1f}× the median {norm:,.0f} of the "
                        f"{len(others)} other {_group_name(kind, rec['column'])}",
                    )
        if kind == "article" and 0 < n < SHORT_CHARS:
            add("short_body", f"{n} characters (under {SHORT_CHARS}), starts {_quote_start(body)}")

    unconfirmed = {r["article_id"]: r for r in records if not r["confirmed"]}
    rows += decision_flags(decisions, unconfirmed)
    order = {r["article_id"]: k for k, r in enumerate(records)}
    rows.sort(key=lambda row: order[row["article_id"]])
    return pd.DataFrame(rows, columns=RECORD_FLAG_COLUMNS).astype({"article_id": int})


def issue_flags(issue: Any) -> pd.DataFrame:
    """Flags of an issue as a whole (see ``ISSUE_FLAG_COLUMNS``).

    ``issue`` is anything with ``articles``, ``balance()`` and optionally ``decisions`` (an
    ``Issue``). Raised: ``no_records``, ``balance_broken``, ``leftovers_over_1pct``, and one
    ``title_without_text`` / ``unmatched_continuation`` row per such decision about no record.
    """
    rows: list[dict[str, str]] = []

    def add(flag: str, detail: str, check: str, fix: str = "") -> None:
        rows.append({"flag": flag, "rule": flag, "detail": detail, "check": check, "fix": fix})

    if len(issue.articles) == 0:
        add("no_records", "the segmenter found no article in the issue", "that the file is an issue's text")
    bal = issue.balance()
    if bal.difference != 0:
        add(
            "balance_broken",
            f"{bal.input:,} input characters but {bal.body:,} in bodies + {bal.metadata:,} "
            f"metadata + {bal.leftovers:,} leftovers (difference {bal.difference:+,})",
            "the segmenter itself: every character should end somewhere (a bug)",
        )
    if bal.input and bal.leftovers / bal.input > LEFTOVER_SHARE:
        add(
            "leftovers_over_1pct",
            f"{bal.leftovers:,} leftover characters, {bal.leftovers / bal.input:.1%} of the {bal.input:,} in the input",
            "the leftovers (issue.leftovers): text of records that no record took",
            '[[line]]\npage = <its page>\ntext = "<the leftover line>"\nkind = "body"',
        )
    rows += issue_decision_flags(getattr(issue, "decisions", None))
    return pd.DataFrame(rows, columns=ISSUE_FLAG_COLUMNS)


def flag_summary(issue: Any) -> str:
    """Every flag of an issue, one line each (``#12 ends_mid_sentence: body ends "…"``); "" if none."""
    lines = [f"issue {r.flag}: {r.detail}" for r in issue_flags(issue).itertuples()]
    lines += [
        f"#{r.article_id} {r.flag}: {r.detail}"
        for r in record_flags(
            issue.articles, issue.metadata, issue.reading, getattr(issue, "decisions", None)
        ).itertuples()
    ]
    return "\n".join(lines)


# internal functions ----------------------------------------------------------


def _record(row: dict[str, Any]) -> dict[str, Any]:
    """One articles row with missing values made plain: text "", title/column None, pages a list."""
    body = _text(row.get("text")).strip()
    pages = row.get("pages")
    return {
        "article_id": int(row["article_id"]),
        "kind": _text(row.get("kind")),
        "column": _text(row.get("column")) or None,
        "title": _text(row.get("title")).strip(),
        "body": body,
        "n_chars": len(_WHITESPACE.sub("", body)),
        "pages": list(pages) if isinstance(pages, (list, tuple)) else [],
        "confirmed": row.get("confirmed") is True,
    }


def _opening(body: str) -> str:
    return _WHITESPACE.sub("", body)[:QUOTE_CHARS]


def _text(value: Any) -> str:
    """A cell as a string: None and NaN become ""."""
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return ""
    return str(value)


def _one_line(text: str) -> str:
    return _WHITESPACE.sub(" ", text)


def _quote_end(body: str) -> str:
    tail = _one_line(body[-QUOTE_CHARS:])
    return f'"…{tail}"' if len(body) > QUOTE_CHARS else f'"{tail}"'


def _quote_start(body: str) -> str:
    head = _one_line(body[:QUOTE_CHARS])
    return f'"{head}…"' if len(body) > QUOTE_CHARS else f'"{head}"'


def _cut_marker(metadata: pd.DataFrame | None, page: int | None) -> str | None:
    """The target page of a （下转 N页） marker on ``page`` of the metadata, if there is one."""
    if metadata is None or page is None or not {"page", "text"} <= set(metadata.columns):
        return None
    for text in metadata.loc[metadata["page"] == page, "text"]:
        found = _CUT_MARKER.search(_text(text))
        if found:
            return found.group(1)
    return None


_KIND_NAMES = {
    "article": ("article", "articles"),
    "excerpt": ("excerpt", "excerpts"),
    "editor_note": ("editor's note", "editor's notes"),
}


def _kind_name(kind: str) -> str:
    return _KIND_NAMES.get(kind, (kind or "record",))[0]


def _group_name(kind: str, column: str | None) -> str:
    plural = _KIND_NAMES.get(kind, ("", f"{kind or 'untyped'} records"))[1]
    return f"{column} {plural}" if column else f"{plural} with no column"
