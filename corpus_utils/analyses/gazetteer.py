"""Place names → provinces, prefectures and counties: a gazetteer of China's administrative
divisions, and the place names it finds in running text.

The divisions are cpca's table (``cpca`` 0.5.5 on PyPI, MIT; its ``resources/adcodes.csv``: the
National Bureau of Statistics' division codes, 3,512 divisions down to the county level, as of
about 2018: 莱芜市 is still a prefecture and 公主岭市 in 四平市). Only that file is read: importing
cpca builds its own matcher, which needs ``pkg_resources``, and that matcher reads this genre
badly (it drops 市 and 省, so 区域合作 is 合作市 and 光芒 芒市; measured in the README). Any other
table can be given as ``Gazetteer(places)``.

``Gazetteer.find(text, home=…)`` reads place names as this genre writes them, leftmost and
longest first. A name is written in full (磐石市, 船营区, 延边朝鲜族自治州) or, for a province or a
prefecture, short (吉林, 长春, 延边); a short name that is a province's and a prefecture's (吉林) is
the home prefecture where that is the prefecture (吉林高新区, 吉林化工学院 in a 吉林市 magazine;
its 数字吉林, the province's programme, is then misread), else the province. Counties are only
read in full: their short names are words too often (磐石, 丰满, 朝阳). Context decides what a name stands for:

- a province is always read;
- a prefecture in full is always read; short, only in the ``home`` provinces, or after its
  province's name (浙江温州);
- a county is read in the ``home`` provinces, after its province's or prefecture's name
  (浙江省安吉县), before 委, 政府, 人大, 政协 or 组织部 (安吉县委), or where its name is unlike a
  word: three characters or more, not ending in 城市, 城区, 新区 and the like, and not running
  into 场 or 民 (安吉县, 兰考县; not 应城市 in 适应城市, 海城市 in 上海城市, 城区, 新城区);
- a name several divisions share (朝阳区 of 北京 and of 长春) is the one whose province or
  prefecture is named just before it, else the one in the home prefecture, else in the home
  provinces, else the one whose prefecture the text named earlier; else it stays unresolved
  (``place`` None, its ``candidates`` listed).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

LEVELS = ("province", "city", "county")
GOVERNED = re.compile(r"(?:县委|市委|区委|旗委|州委|委|人民政府|政府|人大|政协|组织部|纪委|党委)")
WORD_ENDINGS = ("城市", "城区", "市区", "新区", "郊区", "矿区", "林区", "山区", "景区", "园区", "社区")
ANCESTOR_GAP = 8  # characters between a county and the name of its province or prefecture before it
_ETHNIC_SUFFIX = re.compile(r"^(.{2,}?)(?:[\u4e00-\u9fff]{1,4}族)*自治(?:区|州|县|旗)$")
_PROVINCE_SUFFIX = re.compile(r"(?:省|市|特别行政区|回族自治区|壮族自治区|维吾尔自治区|自治区)$")
_CITY_SUFFIX = re.compile(r"(?:市|地区|盟)$")
_NOT_PLACES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


@dataclass(frozen=True)
class Place:
    """One division: its full name, code, level (``province``, ``city`` for a prefecture,
    ``county``) and the names of the province, prefecture and county it lies in ('' where it
    has none: a municipality's districts have no prefecture)."""

    name: str
    adcode: str
    level: str
    province: str
    city: str = ""
    county: str = ""


@dataclass(frozen=True)
class Mention:
    """A place name found in a text: where, as written, the place it stands for (None when the
    name is shared and nothing decides) and the places it could stand for."""

    start: int
    end: int
    written: str
    place: Place | None
    candidates: tuple[Place, ...] = field(default=())


class Gazetteer:
    """Divisions by full and short name (see the module docstring)."""

    def __init__(self, places: Iterable[Place]) -> None:
        self.places = list(places)
        self.full: dict[str, list[Place]] = {}
        self.short: dict[str, list[Place]] = {}
        for p in self.places:
            self.full.setdefault(p.name, []).append(p)
            short = short_name(p)
            if short and short != p.name:
                self.short.setdefault(short, []).append(p)
        self._automaton = None

    def lookup(self, name: str) -> list[Place]:
        """The divisions a name stands for, written in full or short."""
        return self.full.get(name) or self.short.get(name, [])

    def find(self, text: str, *, home: Sequence[str] = (), home_city: str = "") -> list[Mention]:
        """The place names in ``text``, read as the module docstring says; ``home``: the
        provinces of the magazine (full names), ``home_city`` its prefecture."""
        mentions = []
        for start, end, written in self._matches(text):
            kept = [p for p in self.lookup(written) if self._readable(p, text, start, end, written, home)]
            if len(kept) > 1 and any(p.level == "province" for p in kept):  # 吉林: province or prefecture
                kept = [p for p in kept if p.name == home_city] or [p for p in kept if p.level == "province"]
            if kept:
                mentions.append(Mention(start, end, written, _decided(kept, text, start, home, home_city), tuple(kept)))
        return mentions

    def _readable(self, p: Place, text: str, start: int, end: int, written: str, home: Sequence[str]) -> bool:
        if p.level == "province":
            return True
        near = _named_before(p, text, start)
        if p.level == "city":
            return written == p.name or p.province in home or near
        if written != p.name:
            return False
        return p.province in home or near or bool(GOVERNED.match(text, end)) or _distinct(p.name, text, end)

    def _matches(self, text: str) -> list[tuple[int, int, str]]:
        """Every full or short name, leftmost first, the longest where two overlap."""
        if not self.full and not self.short:
            return []
        if self._automaton is None:
            import ahocorasick

            automaton = ahocorasick.Automaton()
            for name in {*self.full, *self.short}:
                automaton.add_word(name, name)
            automaton.make_automaton()
            self._automaton = automaton
        found = sorted(
            ((end + 1 - len(name), end + 1, name) for end, name in self._automaton.iter(text)),
            key=lambda m: (m[0], -m[1]),
        )
        kept, reach = [], -1
        for start, end, name in found:
            if start >= reach:
                kept.append((start, end, name))
                reach = end
        return kept


def short_name(place: Place) -> str:
    """How a province or prefecture is named short (吉林省 → 吉林, 延边朝鲜族自治州 → 延边,
    内蒙古自治区 → 内蒙古); '' for a county, or where nothing would be left."""
    return "" if place.level == "county" else _short(place.name, place.level)


@lru_cache(maxsize=1)
def cpca_gazetteer() -> Gazetteer:
    """The gazetteer of cpca's division table (see the module docstring)."""
    return Gazetteer(places_from_adcodes(_cpca_table()))


def places_from_adcodes(path: str | Path) -> list[Place]:
    """The divisions of a table of ``adcode, name`` rows (12- or 6-digit codes: two digits for
    the province, two for the prefecture, two for the county)."""
    with Path(path).open(encoding="utf-8") as f:
        rows = {row["adcode"][:6]: row["name"] for row in csv.DictReader(f)}
    places = []
    for code, name in sorted(rows.items()):
        if name in _NOT_PLACES:
            continue
        province = rows.get(code[:2] + "0000", "")
        city = rows.get(code[:4] + "00", "")
        city = "" if city in _NOT_PLACES else city
        if code.endswith("0000"):
            places.append(Place(name, code, "province", name))
        elif code.endswith("00"):
            places.append(Place(name, code, "city", province, name))
        else:
            places.append(Place(name, code, "county", province, city, name))
    return places


# internal functions ----------------------------------------------------------


def _cpca_table() -> Path:
    """cpca's ``adcodes.csv``, found without importing cpca."""
    from importlib.util import find_spec

    spec = find_spec("cpca")
    if spec is None or not spec.origin:
        raise ModuleNotFoundError("the gazetteer needs cpca's table of divisions: python -m pip install cpca==0.5.5")
    return Path(spec.origin).parent / "resources" / "adcodes.csv"


def _distinct(name: str, text: str, end: int) -> bool:
    """Whether a county's full name is unlike a word: three characters or more, not ending in a
    word of its own (城市, 城区, 新区…) and not running into one (…市场)."""
    return len(name) >= 3 and not name.endswith(WORD_ENDINGS) and text[end : end + 1] not in ("场", "民")


def _short(name: str, level: str) -> str:
    m = _ETHNIC_SUFFIX.match(name)
    short = m.group(1) if m else (_PROVINCE_SUFFIX if level == "province" else _CITY_SUFFIX).sub("", name)
    return short if len(short) >= 2 else ""


def _named_before(p: Place, text: str, start: int) -> bool:
    """Whether the place's province or prefecture is named, in full or short, just before it
    (浙江省安吉县, 浙江安吉县)."""
    before = text[max(0, start - ANCESTOR_GAP) : start]
    names = [(p.province, "province"), (p.city, "city")] if p.level == "county" else [(p.province, "province")]
    return any(n and (n in before or (_short(n, level) or n) in before) for n, level in names)


def _decided(places: list[Place], text: str, start: int, home: Sequence[str], home_city: str) -> Place | None:
    if len(places) == 1:
        return places[0]
    for test in (
        lambda p: _named_before(p, text, start),
        lambda p: home_city and p.city == home_city,
        lambda p: p.province in home,
        lambda p: p.city and p.city in text[:start],
    ):
        chosen = [p for p in places if test(p)]
        if len(chosen) == 1:
            return chosen[0]
    return None
