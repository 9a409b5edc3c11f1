"""Tables → one sentence each: what a chart of the discourse notebooks shows for this issue (or
these issues), written from the numbers, so that a reader's report reads as a report.

Each ``say_*`` takes the table its chart draws and returns one or two plain sentences, naming
the column, formula, speaker, county or issue that stands out and the number that makes it so;
a table with nothing to say gives a sentence that says so, never an error. Rates are rounded to
one decimal, shares to whole percent.
"""

from __future__ import annotations

import pandas as pd

EXCERPTS = "（讲话摘编）"  # the leaders' own words: not a column that "cites"
MIN_CITATIONS = 3  # a column's citation rate stands out only on this many citations (where one has them)
MIN_CHARS = 1_000  # a column's framing rate stands out only on this many characters (where one has them)


def say_formulas(counts: pd.DataFrame) -> str:
    """From a ``formula_counts`` table (any grouping): how many formulas, how often, the most
    used, and how many of its uses stand without quotation marks."""
    if counts.empty or counts["count"].sum() == 0:
        return "No numbered formula occurs in this text."
    totals = counts.groupby("formula", sort=False)[["count", "quoted"]].sum()
    top = totals["count"].idxmax()
    bare, n = int(totals["count"].sum() - totals["quoted"].sum()), int(totals["count"].sum())
    quoting = (
        f"{bare} of the {n} uses stand without quotation marks, which a count of quoted phrases would miss."
        if bare
        else "Every use stands in quotation marks."
    )
    return (
        f"{_count(len(totals), 'numbered formula')} occur {_count(n, 'time')}; the most used is "
        f"{top} ({_count(totals.at[top, 'count'], 'time')}). {quoting}"
    )


def say_formula_trend(trends: pd.DataFrame, *, previous: int = 6) -> str:
    """From a ``formula_trends`` table: the formula whose rate rose most in the latest issue over
    the mean of the ``previous`` issues before it (with one issue: the most used one)."""
    return say_rise(trends, series="formula", noun="numbered formula", previous=previous)


def say_rise(
    trends: pd.DataFrame,
    *,
    series: str = "phrase",
    value: str = "per_10k",
    noun: str = "phrase",
    previous: int = 6,
) -> str:
    """From any table of one value per ``series`` per issue (``phrase_trends``, ``concept_trends``,
    ``term_trends_by_issue`` with ``value="per_1k"``, ``topic_trends`` with ``value="share"``,
    ``formula_trends``): the ``series`` whose ``value`` rose most in the latest issue over the
    mean of the ``previous`` issues before it (with one issue: the highest)."""
    amount = "count" if "count" in trends.columns else value
    if trends.empty or trends[amount].sum() == 0:
        return f"No {noun} occurs in these issues."
    issues = list(dict.fromkeys(trends["issue_id"]))
    label = dict(zip(trends["issue_id"], trends["label"], strict=False))
    if len(issues) == 1:
        top = trends.loc[trends[value].idxmax()]
        amount = _amount(top[value], value)
        return f"Only one issue so far; its most used {noun} is {_named(top[series], noun)} ({amount})."
    latest, before = issues[-1], issues[-1 - previous : -1]
    now = trends[trends["issue_id"] == latest].set_index(series)[value]
    then = trends[trends["issue_id"].isin(before)].groupby(series)[value].mean().reindex(now.index, fill_value=0)
    rise = (now - then).sort_values(ascending=False, kind="stable")
    top = rise.index[0]
    if rise.iloc[0] <= 0:
        return f"No {noun} is used more in {label[latest]} than in {_before(len(before))}."
    return (
        f"{_named(top, noun)} rose most in {label[latest]}: {_amount(now[top], value)} against "
        f"{_amount(then[top], value, unit=False)} on average in {_before(len(before))}."
    )


def say_most_used(counts: pd.DataFrame, *, item: str = "phrase", noun: str | None = None) -> str:
    """From a table of counts per ``item`` (and per ``column``, if it has one): the item used most
    in the issue and the column that uses it most densely per 10,000 characters (among columns
    of ``MIN_CHARS`` characters where any has them). Fits ``term_frequencies(by="column")``
    (``item="term"``), ``phrase_counts_by_column``, ``concepts_by_column`` (``item="concept"``)
    and ``formula_counts(by="column")`` (``item="formula"``)."""
    noun = noun or item
    if counts.empty or counts["count"].sum() == 0:
        return f"No {noun} occurs in this text."
    totals = counts.groupby(item, sort=False)["count"].sum().sort_values(ascending=False, kind="stable")
    top, n = totals.index[0], int(totals.iloc[0])
    sentence = f"{top} is the most used {noun} ({_count(n, 'time')})"
    if "column" not in counts.columns or counts["column"].nunique() < 2:
        return sentence + "."
    rows = counts[(counts[item] == top) & (counts["count"] > 0)]
    densest, aside = _densest(rows, "per_10k")
    spread = (
        f"no other of the {counts['column'].nunique()} columns uses it"
        if len(rows) == 1
        else f"{len(rows)} of {counts['column'].nunique()} columns use it"
    )
    return (
        f"{sentence}; {densest['column']} uses it most densely ({_rate(densest['per_10k'])} per 10,000 characters, "
        f"{int(densest['count'])} of the {n}{aside}); {spread}."
    )


def say_column_sizes(overview: pd.DataFrame) -> str:
    """From a ``column_overview`` table: the column that writes most, its share of the issue's
    characters, and how many columns and records there are."""
    if overview.empty or overview["n_chars"].sum() == 0:
        return "The issue has no records."
    top = overview.loc[overview["n_chars"].idxmax()]
    total = int(overview["n_chars"].sum())
    n = int(top["n_records"])
    return (
        f"{top['column']} writes most: {int(top['n_chars']):,} of the issue's {total:,} characters "
        f"({_percent(top['n_chars'] / total)}) in {_count(n, 'record')}; "
        f"{len(overview)} columns and {int(overview['n_records'].sum())} records in all."
    )


def say_citing_columns(columns: pd.DataFrame, table: pd.DataFrame) -> str:
    """From ``citing_columns`` and the ``citations`` table: the column that cites leaders most per
    10,000 characters (the leaders' excerpts aside; among columns with ``MIN_CITATIONS`` citations
    where any has them, as a rate of one citation in a short column says little), whom it cites,
    and how many columns cite."""
    cited = columns[(columns["column"] != EXCERPTS) & (columns["leaders"] + columns["officials"] > 0)]
    if cited.empty:
        return "No column outside the leaders' excerpts cites a leader."
    enough = cited[cited["leaders"] + cited["officials"] >= MIN_CITATIONS]
    ranked = enough if len(enough) else cited
    top = ranked.loc[ranked["per_10k"].idxmax()]
    rows = table[(table["column"] == top["column"]) & table["kind"].isin(["leader", "official"])]
    speakers = rows["speaker"].value_counts()
    whom = (
        "all of them " + speakers.index[0] if len(speakers) == 1 else f"{speakers.iloc[0]} of them {speakers.index[0]}"
    )
    n = int(top["leaders"] + top["officials"])
    return (
        f"{top['column']} cites leaders most: {_rate(top['per_10k'])} citations per 10,000 characters "
        f"({_count(n, 'citation')}, {whom}); {len(cited)} of "
        f"{int((columns['column'] != EXCERPTS).sum())} columns cite a leader at all"
        f"{' (the leaders’ own excerpts aside)' if (columns['column'] == EXCERPTS).any() else ''}."
    )


def say_documents(named: pd.DataFrame) -> str:
    """From a ``named_documents`` table: how many documents, how often, the most named."""
    if named.empty:
        return "No document is named in 《》."
    counts = named["document"].value_counts(sort=True)
    laws = named.drop_duplicates("document")["kind"].eq("law").sum()
    return (
        f"{_count(len(counts), 'document')} {'is' if len(counts) == 1 else 'are'} named {_count(len(named), 'time')} "
        f"in 《》 ({laws} of them laws and regulations); the most named is 《{counts.index[0]}》 "
        f"({_count(counts.iloc[0], 'time')})."
    )


def say_units(units: pd.DataFrame) -> str:
    """From a ``contributing_units`` table: the level most records come from and the county that
    wrote most."""
    if units.empty:
        return "No record names the unit it comes from."
    levels = units["level"].value_counts()
    counties = units[units["county"] != ""]["county"].value_counts()
    first = f"Most records with a unit come from {levels.index[0]}-level units ({int(levels.iloc[0])} of {len(units)})"
    if counties.empty:
        return first + "."
    most = counties[counties == counties.iloc[0]].index.tolist()
    names = "、".join(most[:3]) + ("…" if len(most) > 3 else "")
    each = " each" if len(most) > 1 else ""
    return f"{first}; {names} wrote most ({_count(counties.iloc[0], 'record')}{each})."


def say_places(mentions: pd.DataFrame, home: tuple = ()) -> str:
    """From a ``place_mentions`` table: how many places, the county named most, and how many
    places lie outside the home province."""
    resolved = mentions[mentions["place"] != ""] if not mentions.empty else mentions
    if resolved.empty:
        return "The bodies name no place the gazetteer knows."
    counties = resolved[resolved["county"] != ""]["county"].value_counts()
    outside = resolved[~resolved["province"].isin(list(home))]["place"].nunique() if home else 0
    parts = [f"The bodies name {resolved['place'].nunique()} places {len(resolved)} times"]
    if not counties.empty:
        parts.append(f"the county named most is {counties.index[0]} ({int(counties.iloc[0])} times)")
    if home:
        parts.append(f"{outside} of the places lie outside {'、'.join(home)}")
    return "; ".join(parts) + "."


def say_framing(counts: pd.DataFrame, *, problem: str = "问题", directive: str = "指令") -> str:
    """From a ``framing_counts`` table by column: the column that names problems most and the one
    that directs most, per 1,000 characters (among columns of ``MIN_CHARS`` characters where any
    has them), against the issue as a whole."""
    if counts.empty or counts["n_chars"].sum() == 0:
        return "No text to read for framing."
    parts = []
    for frame, what in ((problem, "names problems"), (directive, "gives directives")):
        rows = counts[counts["frame"] == frame]
        if rows.empty or rows["count"].sum() == 0:
            parts.append(f"no column {what}")
            continue
        top, aside = _densest(rows, "per_1k")
        overall = rows["count"].sum() / rows["n_chars"].sum() * 1000
        parts.append(
            f"{top['column']} {what} most ({_rate(top['per_1k'])} per 1,000 characters, {_rate(overall)} overall"
            f"{aside})"
        )
    return parts[0][0].upper() + parts[0][1:] + "; " + parts[1] + "."


def say_reprints(summary: pd.DataFrame, pairs: pd.DataFrame) -> str:
    """From ``reprint_summary`` and ``reprint_pairs``: how many records reprint earlier ones, in
    how many issues, and the issue with the largest reprinted share."""
    if pairs.empty or summary["n_reprints"].sum() == 0:
        quotes = 0 if pairs.empty else int((pairs["kind"] == "quotes").sum())
        extra = f" ({_count(quotes, 'record')} quote most of an earlier one)" if quotes else ""
        return f"No record reprints an earlier one{extra}."
    top = summary.loc[summary["share"].idxmax()]
    n, issues = int(summary["n_reprints"].sum()), int((summary["n_reprints"] > 0).sum())
    return (
        f"{_count(n, 'record')} in {_count(issues, 'issue')} reprint earlier ones; "
        f"{top['label']} reprints most: {_percent(top['share'])} of its text "
        f"({_count(top['n_reprints'], 'record')})."
    )


def say_coverage(coverage: pd.DataFrame) -> str:
    """From a ``county_coverage`` table: the county that wrote most and the one named most."""
    if coverage.empty:
        return "No county is written from or named."
    totals = coverage.groupby("county", sort=False)[["records_written", "mentions"]].sum()
    n = coverage["issue_id"].nunique()
    writer, named = totals["records_written"].idxmax(), totals["mentions"].idxmax()
    parts = [f"Across {_count(n, 'issue')}, {len(totals)} counties are written from or named"]
    if totals.at[writer, "records_written"] > 0:
        parts.append(f"{writer} wrote most ({int(totals.at[writer, 'records_written'])} records)")
    if totals.at[named, "mentions"] > 0:
        parts.append(f"{named} is named most ({int(totals.at[named, 'mentions'])} times)")
    return "; ".join(parts) + "."


# internal functions ----------------------------------------------------------


def _densest(rows: pd.DataFrame, rate: str) -> tuple[pd.Series, str]:
    """The row with the highest ``rate`` among columns of ``MIN_CHARS`` characters (where any
    has them), and a clause naming a shorter column whose rate runs higher (empty if none), so a
    sentence never contradicts the chart it stands under."""
    long = rows[rows["n_chars"] >= MIN_CHARS]
    pool = long if len(long) else rows
    top = pool.loc[pool[rate].idxmax()]
    short = rows[(rows["n_chars"] < MIN_CHARS) & (rows[rate] > top[rate])]
    if short.empty or pool is rows:
        return top, ""
    high = short.loc[short[rate].idxmax()]
    return top, (
        f"; among columns of {MIN_CHARS:,} characters or more, as {high['column']} reaches "
        f"{_rate(high[rate])} on {int(high['n_chars']):,} characters"
    )


def _named(name: object, noun: str) -> str:
    """A series as a sentence names it: a topic's label (``6 党员·合适·代办``) as ``topic 6
    (党员·合适·代办)``, so its number does not read as a count."""
    number, _, words = str(name).partition(" ")
    return f"topic {number} ({words})" if noun == "topic" and number.isdigit() and words else str(name)


def _before(n: int) -> str:
    return "the issue before it" if n == 1 else f"the {n} issues before it"


def _rate(value: float) -> str:
    return f"{float(value):.1f}"


def _amount(value: float, kind: str, *, unit: bool = True) -> str:
    """A value of a trend table in words: a share as a percent, a rate with its unit."""
    if kind == "share":
        return _percent(value) + (" of a record's weight" if unit else "")
    per = {"per_10k": " per 10,000 characters", "per_1k": " per 1,000 terms"}.get(kind, "")
    return _rate(value) + (per if unit else "")


def _count(n: float, word: str) -> str:
    """``3 records``, ``1 record``."""
    return f"{int(n)} {word}{'s' if int(n) != 1 else ''}"


def _percent(value: float) -> str:
    return f"{float(value) * 100:.0f}%"
