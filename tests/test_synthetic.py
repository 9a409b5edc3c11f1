"""A small issue of our own layout, and random issues in the same shape (hypothesis)."""

from __future__ import annotations

import warnings

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from synthetic import SynArticle, build_issue

from corpus_utils import load_issue

ARTICLES = [
    SynArticle(
        column="党建研究",
        title=["以高质量党建", "引领乡村全面振兴"],
        byline="王海涛",
        paragraphs=[
            "今年以来，我县坚持把抓党建促乡村振兴作为重要任务，聚焦组织振兴，推动各项工作落地见效，取得了明显成效。",
            "一、强化政治引领",
            "全县各级党组织认真落实“三会一课”制度，深化“两学一做”学习教育常态化制度化，教育引导党员干部担当作为。",
            "二、夯实基层基础",
            "整顿软弱涣散村党组织12个，选派第一书记35名，新建村级活动场所8处，党建联盟覆盖全部乡镇。",
        ],
        note="作者为某县委常委、组织部长",
        continued=True,
    ),
    SynArticle(
        column="党建研究",
        title=["关于新时代干部教育培训的思考"],
        byline="李明 赵红",
        paragraphs=[
            "干部教育培训是干部队伍建设的先导性、基础性、战略性工程，必须坚持以习近平新时代中国特色社会主义思想为指导。",
            "要坚持“干什么学什么、缺什么补什么”的原则，分类分层开展专业化能力培训，不断提高培训的针对性和实效性。",
        ],
    ),
    SynArticle(
        column="基层风采",
        title=["红色物业让居民更舒心"],
        byline="江南区委组织部",
        paragraphs=[
            "江南区把物业服务纳入城市基层党建工作格局，推动社区党组织、业主委员会、物业企业“三方联动”，破解小区治理难题。",
            "截至目前，全区共组建红色物业党支部26个，解决群众反映的急难愁盼问题300余件，群众满意度达到95%以上。",
        ],
    ),
]


def _load(tmp_path, text: str):
    path = tmp_path / "synthetic_issue.txt"
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_issue(path)


def test_a_synthetic_issue_is_recovered_exactly(tmp_path):
    issue = _load(tmp_path, build_issue(ARTICLES))
    got = issue.articles
    assert got["title"].tolist() == [
        "以高质量党建 引领乡村全面振兴",
        "关于新时代干部教育培训的思考",
        "红色物业让居民更舒心",
    ]
    assert got["authors"].tolist() == [["王海涛"], ["李明", "赵红"], ["江南区委组织部"]]
    assert got["column"].tolist() == ["党建研究", "党建研究", "基层风采"]
    assert got["author_note"].tolist() == ["作者为某县委常委、组织部长", None, None]
    for k, art in enumerate(ARTICLES):
        assert got["text"].iloc[k] == "\n".join(art.paragraphs)
    assert got["pages"].iloc[0][-1] == issue.n_pages  # the continuation page is the last one
    assert issue.page_offset.agreeing == 2
    assert issue.balance().holds
    assert issue.leftovers.empty


_SENTENCES = st.sampled_from(
    [
        "推动党建联盟工作持续规范，",
        "切实提升基层治理水平。",
        "坚持“不忘初心、牢记使命”，",
        "全市共排查整顿软弱涣散村党组织22个；",
        "以“3+1”工作法为抓手，",
        "进一步激发干部担当作为的内生动力。",
        "组织党员干部开展“主题党日”活动424次，",
        "形成了“一村一策”整顿方案。",
    ]
)
_PARAGRAPH = st.lists(_SENTENCES, min_size=1, max_size=8).map(lambda xs: "".join(xs).rstrip("，；") + "。")
_ARTICLE = st.builds(
    SynArticle,
    column=st.sampled_from(["部长笔谈", "城市党建", "农村党建", "组工论坛"]),
    title=st.lists(
        st.sampled_from(["聚焦软弱涣散整顿", "全面提升组织力", "党建联盟 为城市注入新活力"]), min_size=1, max_size=2
    ),
    byline=st.sampled_from(["刘秋伟", "张君 于虔", "舒兰市委组织部", "邵 壮"]),
    paragraphs=st.lists(_PARAGRAPH, min_size=1, max_size=6),
    note=st.none() | st.just("作者为市委组织部干部"),
    continued=st.booleans(),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(articles=st.lists(_ARTICLE, min_size=1, max_size=5), per_page=st.integers(6, 20))
def test_random_issues_never_crash_and_lose_nothing(tmp_path, articles, per_page):
    issue = _load(tmp_path, build_issue(articles, lines_per_page=per_page))
    assert issue.balance().holds, issue.balance()
    assert len(issue.articles) == len(articles)
    assert issue.articles["authors"].map(len).tolist() == [
        len(a.byline.split()) if "张君" in a.byline else 1 for a in articles
    ]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(
        alphabet=st.sampled_from(list("党建联盟工作，。“”（）下转上接页 0123456789\n部长笔谈作者为：—")), min_size=1
    )
)
def test_any_text_with_chinese_segments_without_crashing(tmp_path, text):
    text = "党建" + text
    issue = _load(tmp_path, text)
    assert issue.balance().holds, issue.balance()


def test_a_cut_on_the_first_line_of_a_new_article_s_page_is_kept(tmp_path):
    """Regression: a （下转…） line opening a page whose title block starts an article, with no
    article open before it, once crashed the segmenter."""
    text = (
        " 部 长 笔 谈\n\n推动党建联盟工作持续规范，（下转 2页）\n\n切实提升基层治理水平。\n\n"
        "聚焦软弱涣散整顿\n\n刘秋伟\n\n （上接 1页）推动基层治理。\n"
    )
    issue = _load(tmp_path, text)
    assert issue.balance().holds
    assert issue.articles["title"].tolist() == ["聚焦软弱涣散整顿"]
    assert issue.articles["text"].iloc[0] == "推动党建联盟工作持续规范，推动基层治理。"
    assert issue.leftovers["text"].tolist() == ["切实提升基层治理水平。"]  # after the cut, before nothing


def test_a_continuation_without_note_or_header_ends_where_the_interrupted_sentence_goes_on(tmp_path):
    text = (
        " 城 市 党 建\n\n推动党建联盟工作持续规范，实现了服务\n\n"
        "组织党员干部开展主题党日活动，对外\n\n聚力服务真抓实干\n\n船营区委组织部\n\n"
        " （上接 3页）围着块块转、机关要围着基层转、上级\n\n要围着下级转。\n\n推介企业产品及技术等内容。\n\n"
        " 现代化建设的主战场，条条要 （下转 2页）\n\n"
        "党建联盟 为城市注入新活力\n\n龙潭区委组织部\n"
    )
    issue = _load(tmp_path, text)
    first, second = issue.articles["text"].tolist()
    assert first.endswith("对外推介企业产品及技术等内容。")
    assert second.endswith("条条要围着块块转、机关要围着基层转、上级要围着下级转。")
    assert issue.balance().holds
