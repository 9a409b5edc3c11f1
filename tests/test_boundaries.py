"""Continuation blocks set inside another article's run (issue 24): golden cases of each layout,
with the records a careful reader gives, and a case the text cannot settle.

Each case is a small issue in the seed's text shape, its lines written out as the extractor
sets an 18-em column (a paragraph's first line two em short): article 甲 is cut on page 1
with （下转 3页）, article 乙 begins on page 2 and runs on, and 甲's tail (（上接 1页）…) is set
on page 3 inside 乙's run — at the page's top, at a column's foot before the page's running
head, or at the page's foot — where 乙 stopped mid-word, mid-sentence or at a paragraph end.
"""

from __future__ import annotations

import warnings

from issuegen import generate_issue, score_issue

from corpus_utils import load_issue
from corpus_utils.segmenting import boundaries, line_handlers
from corpus_utils.segmenting.boundaries import list_item

JIA = [
    "近年来，我市坚持把抓党建促乡村振兴",
    "作为重要任务，聚焦组织振兴，推动各项工",
    "作落地见效，切实提升基层治理水平，（下转 3页）",
]
JIA_TITLE = "以高质量党建引领乡村振兴"
# 甲's tail: the rest of its paragraph (ending a sentence on a full line), then one more paragraph
TAIL = [
    "（上接 1页）进一步激发了干部担当作为",
    "的内生动力，营造了干事创业的浓厚氛围。",
    "全市上下形成了比学赶超、争先创优",
    "的良好局面，基层党组织的凝聚力和战斗",
    "力明显增强。",
]
NOTE = "（作者为某县委组织部干部）"
JIA_TEXT = (
    "近年来，我市坚持把抓党建促乡村振兴作为重要任务，聚焦组织振兴，推动各项工作落地见效，切实提升基层治理水平，"
    "进一步激发了干部担当作为的内生动力，营造了干事创业的浓厚氛围。\n"
    "全市上下形成了比学赶超、争先创优的良好局面，基层党组织的凝聚力和战斗力明显增强。"
)
YI_TITLE = "红色物业让居民更舒心"
YI_OPENING = [
    "今年以来，江南区把物业服务纳入城市",
    "基层党建工作格局，推动社区党组织、业主",
    "委员会、物业企业三方联动，着力破解小区",
]
YI_TEXT = (
    "今年以来，江南区把物业服务纳入城市基层党建工作格局，推动社区党组织、业主委员会、物业企业三方联动，着力破解小区"
)


def issue_text(yi: list[str], page3: list[str], page4: list[str] | None = None) -> str:
    """甲 cut on page 1; 乙 (its lines ``yi``) opening on page 2; then pages 3 and 4."""
    pages = [[*JIA, JIA_TITLE, "王海涛"], [*yi, YI_TITLE, "江南区委组织部"], page3] + ([page4] if page4 else [])
    return "\n".join(" " + "\n\n".join(lines) for lines in pages) + "\n"


def load(tmp_path, text: str, fix: str | None = None):
    path = tmp_path / "issue.txt"
    path.write_text(text, encoding="utf-8")
    if fix is not None:
        (tmp_path / "issue.fix.toml").write_text(fix, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        issue = load_issue(path, cache=False)
    assert issue.balance().holds and issue.leftovers.empty
    return issue


def texts(issue) -> dict[str, str]:
    return dict(zip(issue.articles["title"], issue.articles["text"], strict=True))


# -- the layouts ------------------------------------------------------------------------------


def test_mid_word_at_a_column_foot_resumes_after_the_running_head(tmp_path):
    """The issue's own example: …提供更多生态公益岗 / （上接）… （作者为…） / 基 层 党 建 / 位。（四）…"""
    yi = [*YI_OPENING, "治理难题，切实为群众提供更多生态公益岗"]
    page3 = [
        *TAIL,
        NOTE,
        "基 层 党 建",
        "位。",
        "（四）增加服务供给。社区党组织牵头",
        "整合驻区单位资源，推动服务下沉到楼栋。",
    ]
    issue = load(tmp_path, issue_text(yi, page3))
    got = texts(issue)
    assert got[YI_TITLE] == (
        YI_TEXT
        + "治理难题，切实为群众提供更多生态公益岗位。\n（四）增加服务供给。社区党组织牵头整合驻区单位资源，推动服务下沉到楼栋。"
    )
    assert got[JIA_TITLE] == JIA_TEXT
    arts = issue.articles.set_index("title")
    assert arts.loc[JIA_TITLE, "author_note"] == "作者为某县委组织部干部"
    assert arts.loc[YI_TITLE, "author_note"] is None
    assert arts["pages"].tolist() == [[1, 3], [2, 3]]
    assert issue.decisions.empty  # nothing here is a guess


def test_mid_word_at_a_page_top_without_a_note(tmp_path):
    """No note ends the tail: its text stops continuing itself where 乙's word goes on (位。)."""
    yi = [*YI_OPENING, "治理难题，切实为群众提供更多生态公益岗"]
    page3 = [*TAIL, "位。社区党组织牵头整合驻区单位资源，推", "动服务下沉到楼栋，基层治理效能和水平", "明显提升。"]
    got = texts(load(tmp_path, issue_text(yi, page3)))
    assert got[YI_TITLE].endswith(
        "生态公益岗位。社区党组织牵头整合驻区单位资源，推动服务下沉到楼栋，基层治理效能和水平明显提升。"
    )
    assert got[JIA_TITLE] == JIA_TEXT


def test_mid_sentence_at_a_page_top_resumes_after_the_tail_s_paragraph_end(tmp_path):
    yi = [*YI_OPENING, "治理难题，为群众提供更多生态公益岗位，"]
    page3 = [*TAIL, "社区党组织牵头整合驻区单位资源，推动服", "务下沉到楼栋。"]
    got = texts(load(tmp_path, issue_text(yi, page3)))
    assert got[YI_TITLE].endswith("生态公益岗位，社区党组织牵头整合驻区单位资源，推动服务下沉到楼栋。")
    assert got[JIA_TITLE] == JIA_TEXT


def test_at_a_paragraph_end_the_next_item_of_the_interrupted_list_resumes_it(tmp_path):
    yi = [
        *YI_OPENING,
        "治理难题，取得了明显成效。",
        "（三）强化阵地建设。新建党群服务中",
        "心十二个，阵地面积全部达标。",
    ]
    page3 = [*TAIL, "（四）增加服务供给。社区党组织牵头", "整合驻区单位资源，推动服务下沉到楼栋。"]
    issue = load(tmp_path, issue_text(yi, page3))
    got = texts(issue)
    assert got[YI_TITLE].endswith(
        "阵地面积全部达标。\n（四）增加服务供给。社区党组织牵头整合驻区单位资源，推动服务下沉到楼栋。"
    )
    assert got[JIA_TITLE] == JIA_TEXT


def test_at_a_paragraph_end_the_next_dash_item_resumes_the_interrupted_list(tmp_path):
    """The issue's other case: 乙 stopped at the end of a dash item, and its list goes on after the tail."""
    yi = [*YI_OPENING, "治理难题，取得了明显成效。", "——坚持问题导向，切实解决群众反映", "强烈的突出问题；"]
    page3 = [*TAIL, "——坚持守正创新，推动基层党建工作", "与时俱进。"]
    got = texts(load(tmp_path, issue_text(yi, page3)))
    assert got[YI_TITLE].endswith(
        "——坚持问题导向，切实解决群众反映强烈的突出问题；\n——坚持守正创新，推动基层党建工作与时俱进。"
    )
    assert got[JIA_TITLE] == JIA_TEXT


def test_at_a_page_foot_the_interrupted_article_goes_on_over_the_page(tmp_path):
    yi = [*YI_OPENING, "治理难题，切实为群众提供更多生态公益岗"]
    page3 = ["位。社区党组织牵头整合驻区单位资源，推", "动服务下沉到楼栋，基层治理效能和水平", *TAIL, NOTE]
    issue = load(tmp_path, issue_text(yi, page3, ["明显提升。"]))
    got = texts(issue)
    assert got[YI_TITLE].endswith(
        "生态公益岗位。社区党组织牵头整合驻区单位资源，推动服务下沉到楼栋，基层治理效能和水平明显提升。"
    )
    assert got[JIA_TITLE] == JIA_TEXT
    assert issue.articles["pages"].tolist() == [[1, 3], [2, 3, 4]]


# -- what the text does not settle ------------------------------------------------------------


def test_after_a_paragraph_end_an_indented_paragraph_stays_the_tail_s_with_a_doubt_and_its_fix(tmp_path):
    """乙 ended a paragraph before the tail, and the tail's paragraphs end where an indented
    paragraph could begin: the tail's own next paragraph, or 乙's? The tail keeps them, both
    records say so at each place, and the entry the flag gives sets the other reading."""
    yi = [*YI_OPENING, "治理难题，取得了明显成效。"]
    resumed = ["社区党组织牵头整合驻区单位资源，推", "动服务下沉到楼栋，居民满意度明显提升。"]
    text = issue_text(yi, [*TAIL, *resumed])
    issue = load(tmp_path, text)
    assert (
        texts(issue)[JIA_TITLE]
        == JIA_TEXT + "\n社区党组织牵头整合驻区单位资源，推动服务下沉到楼栋，居民满意度明显提升。"
    )
    decided = issue.decisions[["article_id", "rule", "text"]].values.tolist()
    assert decided == [
        [1, "block_takes_next_paragraph", TAIL[2]],
        [1, "block_takes_next_paragraph", resumed[0]],
        [2, "block_takes_next_paragraph", TAIL[2]],
        [2, "block_takes_next_paragraph", resumed[0]],
    ]
    flags = issue.flags(every=True)
    flags = flags[flags["level"] == "doubt"]
    assert flags[["article_id", "flag"]].values.tolist() == [[1, "interrupted_run"], [2, "interrupted_run"]]
    fix = flags["fix"].iloc[0]
    assert fix.startswith('[[resume]]\npage = 3\ntext = "全市上下形成了比学赶超、"')
    other = '[[resume]]\npage = 3\ntext = "社区党组织牵头整合驻区单"'
    assert other in fix
    fixed = load(tmp_path, text, other)
    assert texts(fixed)[YI_TITLE] == (
        YI_TEXT + "治理难题，取得了明显成效。\n社区党组织牵头整合驻区单位资源，推动服务下沉到楼栋，居民满意度明显提升。"
    )
    assert texts(fixed)[JIA_TITLE] == JIA_TEXT


def test_explain_names_the_rule_and_the_reading_rejected(tmp_path):
    yi = [*YI_OPENING, "治理难题，取得了明显成效。"]
    rows = load(tmp_path, issue_text(yi, [*TAIL, "社区党组织牵头整合驻区单位资源，推", "动服务下沉到楼栋。"])).explain(
        3
    )
    decided = rows[rows["action"].str.contains("DECIDED")]
    assert decided["text"].tolist() == [TAIL[2], "社区党组织牵头整合驻区单位资源，推"]
    assert all("block_takes_next_paragraph" in a for a in decided["action"])
    assert "not: the article the block interrupted resumes there" in decided["action"].iloc[0]


# -- list items -------------------------------------------------------------------------------


def test_list_items_are_read_in_every_style():
    assert list_item("（四）增加服务供给。") == ("paren", 4)
    assert list_item("十二、对策建议") == ("cn", 12)
    assert list_item("3. 完善制度") == ("digit", 3)
    assert list_item("第二，深化结对共建。") == ("di", 2)
    assert list_item("三是加强阵地建设") == ("shi", 3)
    assert list_item("——坚持问题导向") == ("dash", 0)
    assert list_item("二十三是") == ("shi", 23)
    assert list_item("近年来，我市坚持") is None
    assert list_item("2019年以来") is None


# -- queries set nothing --------------------------------------------------------------------


def _snapshot(state, r) -> tuple:
    """What a query could change: the mode, what is open, the records, every table, the plan."""
    records = [*state.records, *state.blocks]
    return (
        state.mode,
        id(state.open),
        id(state.block),
        [(len(rec.body), rec.author_note, rec.cut, tuple(rec.pages)) for rec in records],
        len(state.metadata),
        len(state.leftovers),
        len(state.decisions),
        len(state.trace),
        r.plan,
        [id(rec) for rec in r.opened],
    )


def test_the_reducer_s_queries_change_no_state(seed_path, tmp_path, monkeypatch):
    """``next_article_start`` and ``block_end`` answer; only the transitions act. Read the seed
    and a generated issue full of interrupted runs with both queries watched."""
    calls = []
    for name in ("next_article_start", "block_end"):
        query = getattr(boundaries, name)

        def watched(state, r, *args, _query=query):
            before = _snapshot(state, r)
            answer = _query(state, r, *args)
            assert _snapshot(state, r) == before, _query.__name__
            calls.append(_query.__name__)
            return answer

        monkeypatch.setattr(line_handlers, name, watched)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        load_issue(seed_path, cache=False)
        load_issue(generate_issue(117, interrupt=1.0).write(tmp_path / "generated.txt"), cache=False)
    assert set(calls) == {"next_article_start", "block_end"}


def test_the_entry_a_guessed_boundary_gives_corrects_the_records(tmp_path):
    """Generated issue 39: an article left mid-sentence at a page's foot runs on into the page
    where the next begins; the first paragraph end there was taken, wrongly. The flag's entry,
    written into the issue's .fix.toml, gives both records back as a careful reader would."""
    gen = generate_issue(39)
    path = gen.write(tmp_path / "issue.txt")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        issue = load_issue(path, cache=False)
    flags = issue.flags()
    guess = flags[flags["rule"] == "open_text_runs_to_paragraph_end"]
    assert guess["article_id"].tolist() == [13, 14]
    wrong = {s.found for s in score_issue(gen, issue) if s.wrong}
    assert {13, 14} <= wrong
    entry = guess["fix"].iloc[0].split("\n# or")[0]
    assert entry == '[[start]]\npage = 30\ntext = "坚持问题导向，对排查出的"'
    (tmp_path / "issue.fix.toml").write_text(entry, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fixed = load_issue(path, cache=False)
    wrong = {s.expected for s in score_issue(gen, fixed) if s.wrong}
    assert not {12, 13} & wrong  # the two records, now exact (expected records count from 0)
