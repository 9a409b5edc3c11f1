"""A starting ``.fix.toml`` for an issue, written from its quality flags and leftovers.

``segment --fix-template`` prints it: every suspicious spot with the entries that would fix
it, commented out, then a summary of every kind of entry. It reads only the loaded issue, so
it is apart from the modules that read and apply the file.
"""

from __future__ import annotations

import re
from typing import Any

from .classify import LINE_KINDS
from .fixes import RECORD_FIELDS, compact

_SPACE = re.compile(r"\s+")


def template_text(issue: Any) -> str:
    """A commented starting ``.fix.toml`` for an issue: its suspicious spots, then every entry."""
    off = issue.page_offset
    arts = issue.articles.set_index("article_id")
    out = [
        f"# Corrections for {issue.issue_id} ({issue.source}), read by load_issue: every notebook and table sees them.",
        "# Name lines by printed page and text (or its beginning), records by title or the start of the body.",
        "# Uncomment what applies. `python -m corpus_utils segment FILE --explain PAGE` shows how a page was read.",
        "",
        f"# page_offset = {off.offset}  # printed page = page index + {off.offset} ({off.source}: "
        f"{off.agreeing} of {off.markers} markers agree)",
        "",
    ]
    flags = issue.flags(every=True)
    out.append(f"# -- suspicious spots: {len(flags)} flag(s), {len(issue.leftovers)} leftover(s) " + "-" * 20)
    for r in flags.itertuples():
        shown = "" if r.shown else f" (unlikely wrong: {r.p_wrong:.0%} of such records were, on generated issues)"
        if r.article_id is None:
            out += [f"# issue {r.flag}: {_one_line(r.detail)}{shown}", f"# check {_one_line(r.check)}"]
            out += [f"# {line}" for line in str(r.fix).splitlines() if line]
            out.append("")
            continue
        row = arts.loc[r.article_id]
        out.append(
            f"# #{r.article_id} {r.flag} (pages {', '.join(map(str, row['pages']))}): {_one_line(r.detail)}{shown}"
        )
        out.append(f"# check {_one_line(r.check)}")
        out += [line if line.startswith("#") else f"# {line}" for line in str(r.fix).splitlines() if line]
        if "[[confirm]]" not in str(r.fix):
            out += ["# [[confirm]]", f'# match = "{row["title"] or _opening(row["text"])}"']
        out.append("")
    for r in issue.leftovers.itertuples():
        first = r.text.split("\n")[0]
        out += [
            f"# leftover p.{r.page}: {_one_line(r.text)}",
            "# [[line]]",
            f"# page = {r.page}",
            f'# text = "{first[:16]}"',
            '# kind = "body"  # or title, byline, header, note …',
            "",
        ]
    out += [
        "# -- the entries " + "-" * 60,
        "# [[line]]      page, text, kind: the line is a "
        + " / ".join(LINE_KINDS[:4])
        + " / "
        + " / ".join(LINE_KINDS[4:]),
        "# [[start]]     page, text: a new article starts at this line",
        "# [[resume]]    page, text: a （上接…） block ends before this line; the article it interrupted goes on",
        "# [[merge]]     first, second: the two records are one (the second goes on the first)",
        "# [[record]]    match, then any of " + ", ".join(RECORD_FIELDS) + ": set the record's fields",
        "# [[confirm]]   match: the record was read right (checked by hand): raise no flag on it",
        "",
    ]
    return "\n".join(out)


# internal functions ----------------------------------------------------------


def _opening(text: str) -> str:
    return compact(text)[:12]


def _one_line(text: str) -> str:
    text = _SPACE.sub(" ", str(text))
    return text if len(text) <= 100 else text[:99] + "…"
