"""Units and places: bylines and author notes classified by level (no gazetteer needed for
most), place names in bodies read with a small gazetteer written here and with cpca's table,
and counties across issues, worked by hand."""

from __future__ import annotations

import pytest
from inline import inline_corpus

import corpus_utils as cu
from corpus_utils.analyses.gazetteer import Gazetteer, Place, short_name
from corpus_utils.analyses.places import unit_of

HOME = (("吉林省",), "吉林市")
SMALL = Gazetteer(
    [
        Place("吉林省", "220000", "province", "吉林省"),
        Place("吉林市", "220200", "city", "吉林省", "吉林市"),
        Place("磐石市", "220284", "county", "吉林省", "吉林市", "磐石市"),
        Place("朝阳区", "220104", "county", "吉林省", "长春市", "朝阳区"),
        Place("长春市", "220100", "city", "吉林省", "长春市"),
        Place("北京市", "110000", "province", "北京市"),
        Place("朝阳区", "110105", "county", "北京市", "", "朝阳区"),
        Place("浙江省", "330000", "province", "浙江省"),
        Place("湖州市", "330500", "city", "浙江省", "湖州市"),
        Place("安吉县", "330523", "county", "浙江省", "湖州市", "安吉县"),
        Place("湖北省", "420000", "province", "湖北省"),
        Place("应城市", "420981", "county", "湖北省", "孝感市", "应城市"),
        Place("延边朝鲜族自治州", "222400", "city", "吉林省", "延边朝鲜族自治州"),
    ]
)


@pytest.mark.parametrize(
    ("authors", "note", "unit", "source"),
    [
        (["抚松县委组织部"], None, "抚松县委组织部", "byline"),
        (["刘秋伟"], "作者为磐石市委常委、组织部长", "磐石市委组织部", "note"),
        (["张君", "于虔"], "作者单位：市委组织部公务员二处", "市委组织部公务员二处", "note"),
        (["邵壮"], "作者为市委组织部干部教育处副主任科员", "市委组织部干部教育处", "note"),
        (["本刊记者"], None, "本刊记者", "byline"),
        (["王 强"], None, "", ""),  # a person and no note: no unit
    ],
)
def test_units_from_bylines_and_notes(authors, note, unit, source):
    assert unit_of(authors, note) == (unit, source)


@pytest.mark.parametrize(
    ("unit", "level"),
    [
        ("本刊记者", "press"),
        ("市委组织部干部一处", "department"),
        ("柳河县委组织部研究室", "department"),
        ("江南乡党委", "township"),
        ("东局子街道党工委", "township"),
        ("和平村党支部", "village"),
        ("新华社区党委", "village"),
        ("抚松县委组织部", "county"),  # no gazetteer needed: 县
        ("高新区非公党工委", "county"),
        ("延边州委组织部", "city"),
        ("省委组织部", "province"),
        ("县委组织部", "county"),
        ("某某集团公司党委", "other"),
    ],
)
def test_unit_levels_without_a_gazetteer(unit, level):
    assert cu.unit_level(unit, Gazetteer([]))[0] == level


def test_a_county_level_city_needs_the_gazetteer():
    assert cu.unit_level("磐石市委组织部", Gazetteer([]))[0] == "city"  # by its last character alone
    level, place = cu.unit_level("磐石市委组织部", SMALL, home=HOME[0], home_city=HOME[1])
    assert (level, place.county, place.city) == ("county", "磐石市", "吉林市")
    level, place = cu.unit_level("市委组织部干部一处", SMALL, home=HOME[0], home_city=HOME[1])
    assert (level, place.name) == ("department", "吉林市")  # the bare 市 is the home prefecture


def test_short_names():
    assert [short_name(p) for p in SMALL.places][:3] == ["吉林", "吉林", ""]
    assert [p.level for p in SMALL.lookup("吉林")] == ["province", "city"]  # the province's and the prefecture's
    assert short_name(Place("延边朝鲜族自治州", "222400", "city", "吉林省")) == "延边"
    assert short_name(Place("内蒙古自治区", "150000", "province", "内蒙古自治区")) == "内蒙古"


def found(text: str, **home) -> list[tuple]:
    return [
        (m.written, m.place.name if m.place else None, m.place.province if m.place else None)
        for m in SMALL.find(text, **home)
    ]


def test_places_in_running_text_by_hand():
    home = {"home": ("吉林省",), "home_city": "吉林市"}
    assert found("磐石市委坚持。", **home) == [("磐石市", "磐石市", "吉林省")]
    # a county outside home: read after its province, before 委, or where its name is unlike a
    # word; not inside a word (适应城市 holds 应城市)
    assert found("赴浙江省安吉县学习。", **home) == [("浙江省", "浙江省", "浙江省"), ("安吉县", "安吉县", "浙江省")]
    assert found("安吉县委书记介绍。", **home) == [("安吉县", "安吉县", "浙江省")]
    assert found("安吉县的经验。", **home) == [("安吉县", "安吉县", "浙江省")]
    assert found("主动适应城市发展。", **home) == []
    assert found("湖北应城市委", **home) == [("湖北", "湖北省", "湖北省"), ("应城市", "应城市", "湖北省")]
    # a shared name: the one named just before, else the home one
    assert found("北京市朝阳区", **home) == [("北京市", "北京市", "北京市"), ("朝阳区", "朝阳区", "北京市")]
    assert found("朝阳区的做法", **home) == [("朝阳区", "朝阳区", "吉林省")]
    assert found("朝阳区的做法") == [("朝阳区", None, None)]  # no home: two 朝阳区, nothing decides
    both = SMALL.find("朝阳区的做法", home=("吉林省", "北京市"))  # two homes, nothing decides
    assert [(m.place, len(m.candidates)) for m in both] == [(None, 2)]
    assert found("数字吉林建设，吉林市的做法，延边的经验", **home) == [
        ("吉林", "吉林市", "吉林省"),  # 吉林: the home prefecture, which shares the province's name
        ("吉林市", "吉林市", "吉林省"),
        ("延边", "延边朝鲜族自治州", "吉林省"),
    ]
    assert found("吉林的经验", home=("吉林省",), home_city="长春市") == [("吉林", "吉林省", "吉林省")]


def test_units_mentions_and_counties_across_issues_by_hand():
    corpus = inline_corpus(
        [
            {"issue_id": "001", "authors": ["磐石市委组织部"], "text": "磐石市坚持党建引领，磐石市委要求。"},
            {
                "issue_id": "001",
                "authors": ["张三"],
                "author_note": "作者单位：市委组织部干部一处",
                "text": "朝阳区经验。",
            },
            {"issue_id": "002", "authors": ["本刊记者"], "text": "记者走进磐石市。"},
        ],
        issues=["001", "002"],
    )
    units = cu.contributing_units(corpus, SMALL, home=HOME)
    assert units[["issue_id", "unit", "level", "county"]].values.tolist() == [
        ["001", "磐石市委组织部", "county", "磐石市"],
        ["001", "市委组织部干部一处", "department", ""],
        ["002", "本刊记者", "press", ""],
    ]
    mentions = cu.place_mentions(corpus, SMALL, home=HOME)
    assert mentions[["article_id", "written", "county"]].values.tolist() == [
        [1, "磐石市", "磐石市"],
        [1, "磐石市", "磐石市"],
        [2, "朝阳区", "朝阳区"],
        [3, "磐石市", "磐石市"],
    ]
    coverage = cu.county_coverage(corpus, units=units, mentions=mentions)
    assert coverage[["issue_id", "county", "records_written", "mentions"]].values.tolist() == [
        ["001", "磐石市", 1, 2],
        ["001", "朝阳区", 0, 1],
        ["002", "磐石市", 0, 1],
    ]
    assert cu.say_coverage(coverage).startswith(
        "Across 2 issues, 2 counties are written from or named; 磐石市 wrote most"
    )


def test_the_seed_with_cpca_s_table(seed_issue):
    corpus = cu.Corpus.from_issue(seed_issue)
    home = cu.home_of(corpus)
    assert home == (("吉林省",), "吉林市")
    units = cu.contributing_units(corpus, home=home)
    # the 16 records with a unit: 11 by a county's 委组织部 (磐石市 and 蛟河市 twice) and one by
    # 高新区非公党工委 (a development zone, county level), 4 by offices of the 市委组织部
    assert units["level"].value_counts().to_dict() == {"county": 12, "department": 4}
    assert units.loc[units["level"] == "county", "county"].value_counts().head(2).to_dict() == {
        "磐石市": 2,
        "蛟河市": 2,
    }
    mentions = cu.place_mentions(corpus, home=home)
    # read by hand: none of the seed's mentions is a word taken for a place (合作市, 海城市, 芒市)
    assert not mentions["place"].isin(["合作市", "海城市", "应城市", "芒市", "扬中市", "东方市", "昌邑市"]).any()
    assert mentions.loc[mentions["written"] == "昌邑区", "city"].unique().tolist() == ["吉林市"]
