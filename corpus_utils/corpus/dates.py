"""Issue files → their dates and numbers, so charts name an issue by date, never by its hash.

Each issue's date, volume, number and title come from the first source that has them:

1. ``seeds/issues.csv`` (``issue_id, date, volume, number, title``; every column but
   ``issue_id`` optional; ``date`` as ``2019-10`` or ``2019-10-15``);
2. the file name: ``2019-10``, ``2019.10``, ``201910`` after the sort prefix, or ``2019年第10期``;
3. the issue's own text: ``2019年第10期`` on its first pages;
4. the file's place in ``seeds/`` (no date: the label says so).

``label`` is what charts print, as the magazine names its issues: ``2019年第10期`` where the
number is known, else the date (``2019年10月``, ``2019年10月15日``), else ``001（日期未知）``;
where every issue has a date but some have no number, all are named by date (one style on an
axis).
``date`` is ISO (``2019-10-01``: the first of the month where only the month is known), so a
table read with pandas plots by date. The ``issue_id`` stays the key of every table; every
table that names issues by ``label`` also has ``date``, ``volume`` and ``number``
(``LABEL_COLUMNS``, added by ``dated``).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from ..config import ConfigError, text_of
from ..paths import find_project_root

ISSUES_COLUMNS = ["issue_id", "date", "volume", "number", "title"]  # seeds/issues.csv
DATE_COLUMNS = ["issue_id", "date", "year", "month", "volume", "number", "title", "label", "date_source"]
LABEL_COLUMNS = ["label", "date", "volume", "number"]  # what names an issue in a table, after its issue_id
_YEAR_NUMBER = re.compile(r"((?:19|20)\d\d)\s*年\s*第\s*(\d{1,2})\s*期")
# a date stands apart from letters and digits: a hash (5e9201910a…) holds none
_YEAR_MONTH = re.compile(
    r"(?<![0-9A-Za-z])((?:19|20)\d\d)[-._]?(0[1-9]|1[0-2])(?:[-._]?(0[1-9]|[12]\d|3[01]))?(?![0-9A-Za-z])"
)
_TEXT_PAGES = 3  # where an issue prints its own year and number


def issues_table(path: Path | None = None) -> dict[str, dict]:
    """``seeds/issues.csv`` as issue_id → its row (empty if the project has none). Every row is
    checked: known columns only, one field per column, a real date (``2019-10`` or
    ``2019-10-15``), whole numbers for volume and number, each issue once; what does not fit is
    a ``ConfigError`` naming the line."""
    if path is None:
        root = find_project_root()
        path = root / "seeds" / "issues.csv" if root else None
    if path is None or not path.is_file():
        return {}
    reader = csv.DictReader(io.StringIO(text_of(path), newline=""))
    header = reader.fieldnames or []
    if "issue_id" not in header:
        raise ConfigError(path, "the first line must name the columns, issue_id first")
    unknown = [c for c in header if c not in ISSUES_COLUMNS]
    if unknown:
        raise ConfigError(
            path, f"unknown column(s) {', '.join(unknown)} (known: {', '.join(ISSUES_COLUMNS)})", "line 1"
        )
    table: dict[str, dict] = {}
    for row in reader:
        entry = f"line {reader.line_num}"
        if None in row:
            raise ConfigError(
                path, f"{len(header) + len(row[None])} fields where the first line names {len(header)}", entry
            )
        row = {k: (v or "").strip() for k, v in row.items()}
        if not row["issue_id"]:
            continue
        if row["issue_id"] in table:
            raise ConfigError(path, f"issue {row['issue_id']} is listed twice", entry)
        if row.get("date") and not _valid_date(row["date"]):
            raise ConfigError(path, f"date {row['date']!r} is no date: write 2019-10 or 2019-10-15", entry)
        for name in ("volume", "number"):
            if row.get(name) and not (row[name].isdigit() and 0 < int(row[name]) < 10_000):
                raise ConfigError(path, f"{name} {row[name]!r} must be a whole number", entry)
        table[row["issue_id"]] = row
    return table


def issue_date(path: str | Path, position: int, *, table: dict[str, dict] | None = None) -> dict:
    """One issue's row of ``issue_dates`` (``position``: its place among the issues, from 0)."""
    path = Path(path)
    issue_id = path.stem
    row = {"issue_id": issue_id, "date": None, "year": None, "month": None, "volume": None, "number": None}
    row |= {"title": None, "date_source": "order"}
    given = (table if table is not None else issues_table()).get(issue_id)
    if given:
        year, month = _year_month(given.get("date", ""))
        row |= {
            "year": year,
            "month": month,
            "date": given.get("date") or None,
            "volume": _int(given.get("volume")),
            "number": _int(given.get("number")),
            "title": given.get("title") or None,
            "date_source": "issues.csv",
        }
    else:
        name = issue_id.split("_", 1)[1] if "_" in issue_id else issue_id
        from_name = _from(name)
        found = from_name or _from(_first_pages(path))
        if found:
            row |= found | {"date_source": "file name" if from_name else "text"}
    row["label"] = _label(row, position)
    row["date"] = _iso(row["date"])
    return row


def issue_dates(paths: Sequence[str | Path]) -> pd.DataFrame:
    """One row per issue, in the order given: ``issue_id, date, year, month, volume, number,
    title, label, date_source`` (``issues.csv``, ``file name``, ``text`` or ``order``)."""
    table = issues_table()
    rows = [issue_date(p, k, table=table) for k, p in enumerate(paths)]
    # one style on one axis: where every issue has a date but some lack a number, all are named by date
    if rows and all(r["date"] for r in rows) and not all(r["year"] and r["number"] for r in rows):
        for r in rows:
            r["label"] = _date_label(r["date"], r["date_source"] == "issues.csv" and _has_day(r, table))
    return pd.DataFrame(rows, columns=DATE_COLUMNS)


def issue_label(path: str | Path) -> str:
    """How charts name one issue (``2019年第11期``): as ``issue_dates`` names it among the issues
    of ``seeds/`` where it is one of them, so an issue's pages and the comparison agree."""
    from ..paths import ProjectRootError, seed_paths

    path = Path(path)
    try:
        seeds = [p.resolve() for p in seed_paths()]
    except ProjectRootError:  # no project folder: the issue alone
        seeds = []
    if path.resolve() not in seeds:
        return issue_date(path, 0)["label"]
    return issue_dates(seeds)["label"].iloc[seeds.index(path.resolve())]


def _from(text: str) -> dict | None:
    m = _YEAR_NUMBER.search(text)
    if m:
        return {"year": int(m.group(1)), "number": int(m.group(2))}
    m = _YEAR_MONTH.search(text)
    if m:
        date = f"{m.group(1)}-{m.group(2)}" + (f"-{m.group(3)}" if m.group(3) else "")
        return {"year": int(m.group(1)), "month": int(m.group(2)), "date": date}
    return None


def _first_pages(path: Path) -> str:
    """The start of an issue's text: where it prints ``…年第N期`` (a PDF is not opened here)."""
    if path.suffix.lower() != ".txt" or not path.is_file():
        return ""
    try:
        head = path.read_bytes()[:20_000].decode("utf-8", errors="ignore")
    except OSError:
        return ""
    pages = re.split(r"\n(?= \S)", head)
    return re.sub(r"\s+", "", "".join(pages[:_TEXT_PAGES]))


def _valid_date(text: str) -> bool:
    """``YYYY-MM`` or ``YYYY-MM-DD`` naming a day that exists."""
    import datetime

    m = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", text)
    if not m:
        return False
    try:
        datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))
    except ValueError:
        return False
    return True


def _year_month(date: str) -> tuple[int | None, int | None]:
    m = re.match(r"((?:19|20)\d\d)(?:-(\d{1,2}))?", date or "")
    return (int(m.group(1)), int(m.group(2)) if m.group(2) else None) if m else (None, None)


def _int(value: str | None) -> int | None:
    return int(value) if value and value.strip().isdigit() else None


def _iso(date: str | None) -> str | None:
    """``2019-10`` → ``2019-10-01``; ``2019-10-15`` as it is."""
    if not date:
        return None
    parts = [int(x) for x in date.split("-")]
    return f"{parts[0]:04d}-{parts[1]:02d}-{parts[2] if len(parts) > 2 else 1:02d}"


def _label(row: dict, position: int) -> str:
    if row["year"] and row["number"]:
        return f"{row['year']}年第{row['number']}期"
    if row["date"]:
        return _date_label(row["date"], str(row["date"]).count("-") == 2)
    prefix = row["issue_id"].split("_", 1)[0]
    return f"{prefix if prefix.isdigit() else position + 1:>03}（日期未知）"


def _date_label(date: str, day: bool) -> str:
    """``2019-10-15`` → ``2019年10月15日`` (``day``) or ``2019年10月``."""
    parts = [int(x) for x in str(date).split("-")]
    return f"{parts[0]}年{parts[1]}月" + (f"{parts[2]}日" if day and len(parts) > 2 else "")


def _has_day(row: dict, table: dict[str, dict]) -> bool:
    """Whether ``issues.csv`` gave the issue's day, not just its month."""
    return str(table.get(row["issue_id"], {}).get("date", "")).count("-") == 2


def unlabelled(columns: list[str]) -> list[str]:
    """A table's columns before ``dated`` adds ``LABEL_COLUMNS``."""
    return [c for c in columns if c not in LABEL_COLUMNS]


def dated(table: pd.DataFrame, dates: pd.DataFrame) -> pd.DataFrame:
    """``table`` with each issue's ``label``, ISO ``date``, ``volume`` and ``number`` after its
    ``issue_id`` (``LABEL_COLUMNS``), issues in date order (file order where any issue has no
    year), rows of one issue kept in their order."""
    order = dates.reset_index(drop=True)
    if order["year"].notna().all() and len(order):
        key = order["month"].fillna(order["number"]).fillna(0)
        order = order.assign(_k=key).sort_values(["year", "_k"], kind="stable").drop(columns="_k")
    rank = {issue_id: k for k, issue_id in enumerate(order["issue_id"])}
    out = table.drop(columns=[c for c in LABEL_COLUMNS if c in table.columns])
    by_id = order.set_index("issue_id")
    for k, name in enumerate(LABEL_COLUMNS):
        values = out["issue_id"].map(by_id[name])
        out.insert(1 + k, name, values.astype("Int64") if name in ("volume", "number") else values)
    out = out.iloc[out["issue_id"].map(rank).argsort(kind="stable")]
    return out.reset_index(drop=True)
