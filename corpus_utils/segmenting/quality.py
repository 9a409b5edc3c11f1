"""Quality flags: signs that a segmentation is probably wrong, per record and per issue.

Everything here reads only the public tables of an issue (``articles``, ``metadata``,
``leftovers``), ``Issue.warnings`` and ``Issue.balance()``, never the segmenter's internals,
so the checks work on any issue and on small hand-made frames. A flag is evidence to look
at, not a verdict: ``detail`` names what raised it (the end of the body, a ratio and the
column median, …) in one short sentence.

``record_flags`` → ``article_id, flag, detail``; ``issue_flags`` → ``flag, detail``;
``flag_summary`` → one line per flag, for a CLI or a notebook.
"""

from __future__ import annotations

import re
from statistics import median
from typing import Any

import pandas as pd

from ..text.sentences import ENDS_SENTENCE
from .thresholds import LEFTOVER_SHARE, LONG_FACTOR, MIN_COLUMN_RECORDS, SHORT_CHARS

# How much of a body to quote in a detail: enough to find the place in the raw text.
QUOTE_CHARS = 12


# Issue warnings (``Issue.warnings``) that mean a piece of the reading order is unmatched.
# Matched loosely (half- or full-width brackets, spacing) as the wording may change.
WARNING_FLAGS: list[tuple[str, re.Pattern[str]]] = [
    ("title_without_text", re.compile(r"a title with no article text")),
    ("unmatched_continuation", re.compile(r"no article continues here|no\s*[（(]\s*上接")),
]

# A continuation marker that stayed in the metadata, e.g. "（下转 10页）".
_CUT_MARKER = re.compile(r"下\s*转\s*(\d+)\s*页")
_WHITESPACE = re.compile(r"\s+")

RECORD_FLAG_COLUMNS = ["article_id", "flag", "detail"]
ISSUE_FLAG_COLUMNS = ["flag", "detail"]

# A problem is a sign the reading went wrong; a doubt marks a place where the text itself does
# not decide (no note between two articles, a line above a title that could be the title's, a
# paragraph break the line widths cannot show) and the segmenter chose the likelier reading.
DOUBTS = frozenset({"guessed_boundary", "title_uncertain", "paragraphs_uncertain"})


def flag_level(flag: str) -> str:
    """``problem`` or ``doubt`` (see ``DOUBTS``)."""
    return "doubt" if flag in DOUBTS else "problem"


def record_flags(
    articles: pd.DataFrame, metadata: pd.DataFrame | None = None, reading: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Flags raised by each record: ``article_id, flag, detail``, one row per flag.

    ``articles`` needs ``article_id, kind, column, title, text`` (``pages`` is used when
    present); lengths are counted on ``text`` (non-whitespace characters, the definition of
    ``n_chars``), so a hand-edited frame cannot disagree with itself. ``metadata`` (``page,
    text``) is only read for a （下转 N页） marker on the last page of a record that ends
    mid-sentence; ``reading`` (``Issue.reading``) for what the segmenter guessed or doubted and
    what a ``.fix.toml`` confirmed. A record with an empty body raises ``empty_body`` and
    nothing else.
    """
    rows: list[dict[str, Any]] = []
    if reading is not None:
        notes = reading.drop(columns=[c for c in reading.columns if c in articles.columns and c != "article_id"])
        articles = articles.merge(notes, on="article_id", how="left")
    records = [_record(r) for r in articles.to_dict("records")]
    groups: dict[tuple[str, str | None], list[int]] = {}
    for rec in records:
        groups.setdefault((rec["kind"], rec["column"]), []).append(rec["n_chars"])

    for rec in records:
        aid, kind, body, n = rec["article_id"], rec["kind"], rec["body"], rec["n_chars"]
        if rec["confirmed"]:
            continue  # a .fix.toml says it was read right

        def add(flag: str, detail: str, aid: int = aid) -> None:
            rows.append({"article_id": aid, "flag": flag, "detail": detail})

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
        if rec["title_doubt"]:
            add(
                "title_uncertain",
                f"the line above the title, “{rec['title_doubt']}”, has no punctuation: it may be the title's",
            )
        if rec["paragraph_doubts"]:
            n_doubts = rec["paragraph_doubts"]
            add(
                "paragraphs_uncertain",
                f"{n_doubts} paragraph break{'s' if n_doubts > 1 else ''} the text cannot tell "
                "(a sentence ends a full line and the next is too short to show its indent)",
            )
        if rec["guessed"]:
            add("guessed_boundary", f"nothing in the text marks {rec['guessed']}: the boundary was guessed")
        if kind == "article" and 0 < n < SHORT_CHARS:
            add("short_body", f"{n} characters (under {SHORT_CHARS}), starts {_quote_start(body)}")

    return pd.DataFrame(rows, columns=RECORD_FLAG_COLUMNS).astype({"article_id": int})


def issue_flags(issue: Any) -> pd.DataFrame:
    """Flags of an issue as a whole: ``flag, detail``.

    ``issue`` is anything with ``articles``, ``balance()`` and optionally ``warnings``
    (an ``Issue``). Raised: ``no_records``, ``balance_broken``, ``leftovers_over_1pct``
    and one ``title_without_text`` / ``unmatched_continuation`` row per such warning.
    """
    rows: list[dict[str, str]] = []
    if len(issue.articles) == 0:
        rows.append({"flag": "no_records", "detail": "the segmenter found no article in the issue"})
    bal = issue.balance()
    if bal.difference != 0:
        rows.append(
            {
                "flag": "balance_broken",
                "detail": f"{bal.input:,} input characters but {bal.body:,} in bodies + {bal.metadata:,} "
                f"metadata + {bal.leftovers:,} leftovers (difference {bal.difference:+,})",
            }
        )
    if bal.input and bal.leftovers / bal.input > LEFTOVER_SHARE:
        rows.append(
            {
                "flag": "leftovers_over_1pct",
                "detail": f"{bal.leftovers:,} leftover characters, {bal.leftovers / bal.input:.1%} "
                f"of the {bal.input:,} in the input",
            }
        )
    for note in getattr(issue, "warnings", None) or []:
        for flag, pattern in WARNING_FLAGS:
            if pattern.search(note):
                rows.append({"flag": flag, "detail": note})
                break
    return pd.DataFrame(rows, columns=ISSUE_FLAG_COLUMNS)


def flag_summary(issue: Any) -> str:
    """Every flag of an issue, one line each (``#12 ends_mid_sentence: body ends "…"``); "" if none."""
    lines = [f"issue {r.flag}: {r.detail}" for r in issue_flags(issue).itertuples()]
    lines += [
        f"#{r.article_id} {r.flag}: {r.detail}"
        for r in record_flags(issue.articles, issue.metadata, issue.reading).itertuples()
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
        "guessed": row.get("guessed") if isinstance(row.get("guessed"), str) else "",
        "title_doubt": row.get("title_doubt") if isinstance(row.get("title_doubt"), str) else "",
        "confirmed": row.get("confirmed") is True,
        "paragraph_doubts": int(row.get("paragraph_doubts") or 0),
    }


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
