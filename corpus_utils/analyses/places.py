"""Records → where they come from and which places they speak of: the units that write
(bylines and author notes: 抚松县委组织部, 市委组织部干部一处, 本刊记者), each with its level,
and the place names of the bodies, resolved to province, prefecture and county with the
gazetteer (``gazetteer``); and both, county by county, across issues.

A unit comes from a byline that names an organisation (its last words an organ: 组织部, 党委,
党工委, 街道, 社区, 村…), else from the author note (作者为磐石市委常委、组织部长 → 磐石市委组织部;
作者单位：市委组织部公务员二处), the person's position dropped. Its ``level``:

- ``press``: 本刊记者, 本刊评论员 and the magazine's other bylines;
- ``department``: an office inside an organ (…组织部公务员二处, …组织部研究室);
- ``village``: a 村 or 社区 (or 嘎查) organ; ``township``: a 镇, 乡, 街道 (or 苏木) organ;
- else the level of the most specific division it names, by the gazetteer (磐石市: a county);
  a division the gazetteer lacks by its last character (…县, …区 and 旗: county; …市: city;
  …省: province; 高新区, 开发区: county); a bare 省委 / 市委 / 县委 by its first character, the
  bare 市 being the magazine's home prefecture;
- ``other`` for organisations with no division (公司, 学校 …), and no row for a person alone.

The magazine's home (``home_of``) is the province that most divisions named in full in its
bylines and bodies lie in, and its prefecture there; the gazetteer reads counties and short
names there that it would not read elsewhere.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import pandas as pd

from ..corpus.corpus import Corpus, as_corpus
from ..corpus.dates import LABEL_COLUMNS, dated
from ..segmenting.issue import Issue
from .gazetteer import Gazetteer, Place, cpca_gazetteer

ORGANS = (
    "组织部|宣传部|统战部|政法委|纪委|监委|党校|党工委|党委|党组|总支|支部|委员会|人民政府|政府|人大|政协|办公室|"
    "办|局|处|科|室|中心|所|站|队|街道|社区|村|镇|乡|委|公司|集团|学校|学院|大学|医院|协会|联合会"
)
POSITIONS = (
    "常务副部长|副部长|组织部长|部长|常委|副书记|书记|一级主任科员|二级主任科员|三级主任科员|四级主任科员|主任科员|"
    "副主任科员|科员|副主任|主任|副处长|处长|副科长|科长|副局长|局长|调研员|干事|工作人员|干部|委员|副县长|县长|"
    "副市长|市长|副区长|区长|助理|秘书|研究员|教授|讲师"
)
PRESS = re.compile(r"^本刊(?:特约)?(?:记者|评论员|编辑部|通讯员|观察员)?")
NOTE = re.compile(r"^(?:作者(?:单位)?(?:为|系|是|：|:)?)\s*")
UNIT = re.compile(rf"^(?P<unit>.*?(?:{ORGANS}))(?P<positions>(?:[、，,]?(?:{POSITIONS}))*)$")
DEPARTMENT = re.compile(r"(?:组织部|宣传部|统战部|委|政府|局)[\u4e00-\u9fff]{1,10}?(?:处|科|室|办公室|中心|股)$")
VILLAGE = re.compile(r"[\u4e00-\u9fff](?:村|社区|嘎查)(?:党支部|党总支|党委|委员会|村委会|居委会|党组织)?$")
TOWNSHIP = re.compile(r"[\u4e00-\u9fff](?:镇|乡|街道|苏木)(?:党委|党工委|人民政府|政府|纪委)?")
DIVISION = re.compile(
    r"([\u4e00-\u9fff]{1,6}?)(省|自治区|市|州|盟|地区|县|旗|区)"
    r"(?=[\u4e00-\u9fff]{0,4}?(?:委|政府|人大|政协|党|组织部|人民))"
)
BARE = {"省": "province", "市": "city", "州": "city", "县": "county", "区": "county", "旗": "county"}
LEVEL_OF_SUFFIX = {
    "省": "province", "自治区": "province", "市": "city", "州": "city", "盟": "city", "地区": "city",
    "县": "county", "旗": "county", "区": "county",
}  # fmt: skip
UNIT_COLUMNS = ["column", "title", "authors", "unit", "source", "level", "province", "city", "county"]
MENTION_COLUMNS = ["column", "written", "place", "level", "province", "city", "county", "candidates", "page", "context"]
COVERAGE_COLUMNS = ["issue_id", *LABEL_COLUMNS, "province", "city", "county", "records_written", "mentions"]


def home_of(x: Issue | Corpus, gazetteer: Gazetteer | None = None) -> tuple[tuple[str, ...], str]:
    """The magazine's home province (as a one-province tuple, empty if nothing is named) and
    prefecture: where most divisions named in full in its bylines, notes and bodies lie."""
    corpus = as_corpus(x)
    gazetteer = gazetteer or cpca_gazetteer()
    provinces, cities = Counter(), Counter()
    texts = [
        *corpus.records["text"],
        *(_byline_text(a, n) for a, n in zip(corpus.records["authors"], corpus.records["author_note"], strict=True)),
    ]
    for text in texts:
        for m in gazetteer.find(text):
            if m.place is not None and m.place.level != "province" and m.written == m.place.name:
                provinces[m.place.province] += 1
                if m.place.city:
                    cities[(m.place.province, m.place.city)] += 1
    if not provinces:
        return (), ""
    province = max(provinces, key=lambda p: (provinces[p], p))
    in_home = {c: n for (p, c), n in cities.items() if p == province}
    return (province,), max(in_home, key=lambda c: (in_home[c], c)) if in_home else ""


def unit_level(
    unit: str, gazetteer: Gazetteer | None = None, *, home: Sequence[str] = (), home_city: str = ""
) -> tuple[str, Place | None]:
    """A unit's level (see the module docstring) and the division it belongs to, if known."""
    gazetteer = gazetteer or cpca_gazetteer()
    named = [m.place for m in gazetteer.find(unit, home=home, home_city=home_city) if m.place is not None]
    place = named[-1] if named else None
    if PRESS.match(unit):
        return "press", None
    if place is None and re.match(r"^(?:市委|市政府|市纪委|市人大|市政协)", unit) and home_city:
        place = next((p for p in gazetteer.lookup(home_city) if p.level == "city"), None)
    if DEPARTMENT.search(unit):
        return "department", place
    if VILLAGE.search(unit):
        return "village", place
    if TOWNSHIP.search(unit):
        return "township", place
    if place is not None:
        return place.level, place
    m = DIVISION.search(unit)
    if m:
        return ("county" if m.group(1).endswith(("高新", "开发", "新")) else LEVEL_OF_SUFFIX[m.group(2)]), None
    bare = re.match(r"^(省|市|州|县|区|旗)(?:委|政府|人大|政协|纪委)", unit)
    return (BARE[bare.group(1)], None) if bare else ("other", None)


def contributing_units(
    x: Issue | Corpus, gazetteer: Gazetteer | None = None, *, home: tuple[Sequence[str], str] | None = None
) -> pd.DataFrame:
    """The unit of every record with one (see the module docstring), in reading order: the
    record's keys (``article_id``), ``column, title, authors`` (joined by 、), ``unit, source``
    (``byline`` or ``note``), ``level``, ``province, city, county`` (of its division, where the
    gazetteer knows it)."""
    corpus = as_corpus(x)
    gazetteer = gazetteer or cpca_gazetteer()
    provinces, home_city = home if home is not None else home_of(corpus, gazetteer)
    keys, records, rows = corpus.doc_keys, corpus.records, []
    for k in range(len(records)):
        if records["kind"].iat[k] == "excerpt":
            continue
        unit, source = unit_of(records["authors"].iat[k], records["author_note"].iat[k])
        if not unit:
            continue
        level, place = unit_level(unit, gazetteer, home=provinces, home_city=home_city)
        rows.append(
            {key: records[key].iat[k] for key in keys}
            | {
                "column": records["column"].iat[k],
                "title": records["title"].iat[k],
                "authors": "、".join(records["authors"].iat[k]),
                "unit": unit,
                "source": source,
                "level": level,
                **_division(place),
            }
        )
    return pd.DataFrame(rows, columns=[*keys, *UNIT_COLUMNS])


def unit_of(authors: Sequence[str], note: str | None) -> tuple[str, str]:
    """A record's unit and where it was read (``byline`` or ``note``), or ('', '')."""
    for author in authors:
        author = author.replace(" ", "")
        if PRESS.match(author) or re.search(rf"(?:{ORGANS})$", author):
            return author, "byline"
    text = NOTE.sub("", (note or "").replace(" ", ""), count=1) if note and note.startswith("作者") else ""
    m = UNIT.match(text)
    if not m:
        return "", ""
    unit = m.group("unit")
    if "组织部长" in m.group("positions") and not unit.endswith("组织部"):
        unit += "组织部"  # 磐石市委常委、组织部长: the head of 磐石市委组织部
    return unit, "note"


def place_mentions(
    x: Issue | Corpus, gazetteer: Gazetteer | None = None, *, home: tuple[Sequence[str], str] | None = None
) -> pd.DataFrame:
    """Every place name in every body, in reading order: the record's keys (``article_id``),
    ``column, written, place`` (the division's full name, '' when shared and undecided),
    ``level, province, city, county, candidates`` (how many divisions the name could be),
    ``page`` and ``context``."""
    corpus = as_corpus(x)
    gazetteer = gazetteer or cpca_gazetteer()
    provinces, home_city = home if home is not None else home_of(corpus, gazetteer)
    keys, records, rows = corpus.doc_keys, corpus.records, []
    for k in range(len(records)):
        text = records["text"].iat[k]
        for m in gazetteer.find(text, home=provinces, home_city=home_city):
            rows.append(
                {key: records[key].iat[k] for key in keys}
                | {"column": records["column"].iat[k], "written": m.written}
                | {"place": m.place.name if m.place else "", "level": m.place.level if m.place else ""}
                | _division(m.place)
                | {
                    "candidates": len(m.candidates),
                    "page": corpus.page_at(k, m.start),
                    "context": text[max(0, m.start - 10) : m.end + 10].replace("\n", " "),
                }
            )
    return pd.DataFrame(rows, columns=[*keys, *MENTION_COLUMNS])


def county_coverage(
    x: Issue | Corpus,
    gazetteer: Gazetteer | None = None,
    *,
    units: pd.DataFrame | None = None,
    mentions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Each county in each issue: how many records its units wrote (``records_written``) and how
    often the bodies name it (``mentions``): ``issue_id, label, date, volume, number, province, city, county,
    records_written, mentions``, issues in date order, then the counties most covered overall
    first. Counties neither written from nor named in an issue have no row there."""
    corpus = as_corpus(x)
    if units is None or mentions is None:
        home = home_of(corpus, gazetteer)
        units = contributing_units(corpus, gazetteer, home=home) if units is None else units
        mentions = place_mentions(corpus, gazetteer, home=home) if mentions is None else mentions
    by = ["issue_id", "province", "city", "county"]
    written = _with_issue(units, corpus)
    written = written[written["county"] != ""].groupby(by, sort=False).size().rename("records_written")
    named = _with_issue(mentions, corpus)
    named = named[named["county"] != ""].groupby(by, sort=False).size().rename("mentions")
    table = pd.concat([written, named], axis=1).fillna(0).astype("int64").reset_index()
    if table.empty:
        return pd.DataFrame(columns=COVERAGE_COLUMNS)
    total = table.groupby("county")[["records_written", "mentions"]].sum().sum(axis=1)
    table["_total"] = -table["county"].map(total)
    table = dated(table, corpus.issues)
    rank = {i: n for n, i in enumerate(dict.fromkeys(table["issue_id"]))}
    table = table.assign(_issue=table["issue_id"].map(rank)).sort_values(["_issue", "_total", "county"], kind="stable")
    return table[COVERAGE_COLUMNS].reset_index(drop=True)


# internal functions ----------------------------------------------------------


def _division(place: Place | None) -> dict:
    if place is None:
        return {"province": "", "city": "", "county": ""}
    return {"province": place.province, "city": place.city, "county": place.county}


def _byline_text(authors: Sequence[str], note: str | None) -> str:
    return "、".join(authors) + "；" + (note or "")


def _with_issue(table: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """A table of records with its ``issue_id`` (a corpus of one issue keys records by article)."""
    if "issue_id" in table.columns:
        return table
    return table.assign(issue_id=corpus.issues["issue_id"].iat[0] if len(corpus.issues) else "")
