"""Corrections without code: a misread spot fixed by a .fix.toml alone, and bad entries refused."""

from __future__ import annotations

import shutil
import warnings

import pytest
from synthetic import SynArticle, build_issue

from corpus_utils import load_issue
from corpus_utils.running.cli import main
from corpus_utils.segmenting.fixes import CorrectionError, fix_path

FIRST = "今年以来，我县坚持把抓党建促乡村振兴作为重要任务，聚焦组织振兴，推动各项工作落地见效，取得了明显成效。"
SECOND = "江南区把物业服务纳入城市基层党建工作格局，推动社区党组织、业主委员会、物业企业“三方联动”。"
ARTICLES = [
    SynArticle(column="党建研究", title=["以高质量党建引领乡村振兴"], byline="王海涛", paragraphs=[FIRST] * 3),
    # no byline under the title, and the title not letter-spaced: nothing tells the segmenter it is one
    SynArticle(
        column="党建研究", title=["红色物业让居民更舒心"], byline="", paragraphs=[f"{n}是{SECOND}" for n in "一二三"]
    ),
]


def _issue_file(tmp_path, fix: str | None = None):
    text = build_issue(ARTICLES).replace("\n\n\n", "\n")  # the empty byline line
    path = tmp_path / "001_test.txt"
    path.write_text(text, encoding="utf-8")
    if fix is not None:
        fix_path(path).write_text(fix, encoding="utf-8")
    return path


def _load(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_issue(path, cache=False)


def test_the_misread_spot_without_a_fix(tmp_path):
    issue = _load(_issue_file(tmp_path))
    assert issue.articles["title"].tolist() == ["以高质量党建引领乡村振兴"]  # the second article is swallowed
    assert "红色物业让居民更舒心" in issue.articles["text"].iloc[0]


def test_a_line_fix_and_a_record_fix_recover_the_article(tmp_path):
    fix = """
[[line]]
page = 2
text = "红色物业"
kind = "title"

[[record]]
match = "红色物业让居民更舒心"
authors = ["江南区委组织部"]
"""
    issue = _load(_issue_file(tmp_path, fix))
    arts = issue.articles
    assert arts["title"].tolist() == ["以高质量党建引领乡村振兴", "红色物业让居民更舒心"]
    assert arts["authors"].tolist() == [["王海涛"], ["江南区委组织部"]]
    assert arts["text"].tolist() == ["\n".join([FIRST] * 3), "\n".join(f"{n}是{SECOND}" for n in "一二三")]
    assert arts["column"].tolist() == ["党建研究", "党建研究"]
    assert issue.balance().holds
    assert issue.corrections == [
        "p.2 “红色物业”: read as title",
        "“红色物业让居民更舒心”: authors = ['江南区委组织部']",
    ]
    assert issue.explain(2).set_index("text").loc["红色物业让居民更舒心", "kind"] == "title"


def test_start_and_merge_entries(tmp_path):
    path = tmp_path / "seed.txt"
    shutil.copy(_issue_file(tmp_path), path)
    fix_path(path).write_text(
        '[[start]]\npage = 2\ntext = "一是江南区"\n\n'
        '[[merge]]\nfirst = "以高质量党建引领乡村振兴"\nsecond = "一是江南区"\n',
        encoding="utf-8",
    )
    issue = _load(path)
    # the start splits the page's text off; the merge joins it back: one record, as many characters
    assert len(issue.articles) == 1
    assert issue.articles["text"].iloc[0].startswith(FIRST)
    assert issue.balance().holds
    assert issue.corrections == [
        "p.2 “一是江南区”: a new article starts here",
        "“以高质量党建引领乡村振兴” and “一是江南区” are one record",
    ]


def test_a_record_fix_on_the_seed_reaches_every_table(tmp_path, seed_path):
    path = tmp_path / seed_path.name
    shutil.copy(seed_path, path)
    fix_path(path).write_text('[[record]]\nmatch = "善用自我革命武器"\ncolumn = "卷首"\n', encoding="utf-8")
    issue = _load(path)
    assert issue.articles["column"].iloc[0] == "卷首"
    assert issue.reading["corrections"].iloc[0] == "column = '卷首'"
    assert issue.to_json()["corrections"] == ["“善用自我革命武器”: column = '卷首'"]


@pytest.mark.parametrize(
    ("fix", "problem"),
    [
        ('[[line]]\npage = 2\ntext = "不存在的一行"\nkind = "title"\n', "matches no line on printed page 2"),
        ('[[line]]\npage = 1\ntext = "今年以来"\nkind = "title"\n', "matches 3 lines"),
        ('[[line]]\npage = 2\ntext = "红色物业"\nkind = "headline"\n', "[[line]] 1 kind: must be one of"),
        ('[[record]]\nmatch = "没有这篇文章"\ntitle = "x"\n', "matches no record"),
        ('[[record]]\nmatch = "红色物业"\nsubtitle = "x"\n', "[[record]] 1: unknown key 'subtitle'"),
        ('[[record]]\nmatch = "红色物业"\n', "set one or more of"),
        ("[[line]\npage = 2\n", "not valid TOML"),
        ('page_offset = "3"\n', "page_offset: must be a whole number, not '3'"),
        # issue 20: shapes that used to end in a traceback or pass unnoticed
        ('[line]\npage = 2\ntext = "红色物业"\nkind = "title"\n', "line: must be written [[line]]"),
        ('[[record]]\nmatch = "红色物业"\ntitle = 5\n', "[[record]] 1 title: must be text in quotes, not 5"),
        ("page_offset = 1e20\n", "page_offset: must be a whole number, not 1e+20"),
        ("page_offset = true\n", "page_offset: must be a whole number, not True"),
        ("page_offset = 100000000000000000000\n", "page_offset: must be between -10000 and 10000"),
        ("page_offset = 99999\n", "page_offset: must be between -10000 and 10000"),
        ('[[record]]\nmatch = "红色物业"\nauthors = "张三"\n', "[[record]] 1 authors: must be a list"),
        ('[[confirm]]\nmatch = ""\n', "[[confirm]] 1 match: must not be empty"),
    ],
)
def test_an_entry_that_cannot_apply_is_an_error_naming_the_file_and_the_entry(tmp_path, fix, problem):
    path = _issue_file(tmp_path, fix)
    with pytest.raises(CorrectionError) as err:
        _load(path)
    assert str(fix_path(path)) in str(err.value)
    assert problem in str(err.value)


def test_fix_template_lists_the_suspicious_spots_and_parses(tmp_path, capsys):
    path = _issue_file(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace("取得了明显成效。", "取得了明显", 1), encoding="utf-8")
    assert main(["segment", str(path), "--fix-template"]) == 0
    template = fix_path(path).read_text(encoding="utf-8")
    assert "# page_offset = 1" in template
    assert "[[line]]" in template and "[[merge]]" in template
    _load(path)  # every entry is commented: the template changes nothing until edited
    assert main(["segment", str(path), "--fix-template"]) == 1  # never overwrites a user's file
    assert "not overwritten" in capsys.readouterr().err


def test_the_seed_s_guessed_boundaries_are_doubts_until_confirmed(tmp_path, seed_path):
    bare = tmp_path / seed_path.name
    shutil.copy(seed_path, bare)  # without the seed's .fix.toml
    issue = _load(bare)
    flags = issue.flags(every=True)
    assert set(flags["level"]) == {"doubt"}
    guessed = flags[flags["flag"] == "guessed_boundary"]
    # two articles with no note end a full page, and the next begins on the page after: each
    # boundary was put at the page break, and other paragraph starts on that page would fit
    assert guessed["article_id"].tolist() == [14, 15, 21, 22]
    assert set(guessed["rule"]) == {"full_page_ended_it"}
    assert not guessed["shown"].any()  # right about seven times in eight on generated issues
    assert issue.flags().empty
    confirmed = _load(seed_path)  # with seeds/000_….fix.toml, which confirms them by hand
    assert confirmed.flags(every=True)[["article_id", "flag"]].values.tolist() == [[10, "paragraphs_uncertain"]]
    assert confirmed.reading["confirmed"].sum() == 6
    assert len(confirmed.corrections) == 6 and all(c.endswith("confirmed as read") for c in confirmed.corrections)
