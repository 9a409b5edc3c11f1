"""Runs of issues in the seed's text shape that carry what the discourse analyses read, each
with the answers a careful reader would give: formulas (quoted and not, known and new, spelled
out), citations (listed leaders in several forms, officials, mentions that are no citations,
and forms the rules do not read), documents with their short names, bylines of every level,
place names inside and outside the home province, and reprints of earlier articles (whole, in
part, edited, quoted inside a longer article).

``generate_run(seed, n_issues)`` gives the issues; ``write_run(run, folder)`` writes them as
``NNN_YYYY-MM.txt``. Everything is drawn from ``random.Random(seed)``; filler text is built
from slots (a few hundred phrases, numbers, places) so that two articles that are not reprints
share no more than the genre's stock phrases. The answers (``GenArticle``) are what was put in,
not what the package reads.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from synthetic import SynArticle, build_issue

# (county, prefecture, province) of the home province and of elsewhere
HOME = [
    ("磐石市", "吉林市"), ("蛟河市", "吉林市"), ("桦甸市", "吉林市"), ("舒兰市", "吉林市"), ("永吉县", "吉林市"),
    ("昌邑区", "吉林市"), ("船营区", "吉林市"), ("丰满区", "吉林市"), ("龙潭区", "吉林市"), ("抚松县", "白山市"),
    ("靖宇县", "白山市"), ("临江市", "白山市"), ("柳河县", "通化市"), ("辉南县", "通化市"), ("集安市", "通化市"),
    ("梅河口市", "通化市"), ("农安县", "长春市"), ("榆树市", "长春市"), ("德惠市", "长春市"), ("九台区", "长春市"),
    ("敦化市", "延边朝鲜族自治州"), ("珲春市", "延边朝鲜族自治州"), ("汪清县", "延边朝鲜族自治州"),
    ("梨树县", "四平市"), ("双辽市", "四平市"), ("东丰县", "辽源市"), ("镇赉县", "白城市"), ("长岭县", "松原市"),
]  # fmt: skip
ELSEWHERE = [
    ("安吉县", "浙江省"),
    ("三原县", "陕西省"),
    ("兰考县", "河南省"),
    ("正定县", "河北省"),
    ("寻乌县", "江西省"),
]
LEADER_FORMS = [  # (sentence, speaker, verb, read by the rules)
    ("习近平总书记强调，“{q}”", "习近平", "强调", True),
    ("习近平总书记在{occ}时指出，{q}", "习近平", "指出", True),
    ("总书记多次强调，{q}", "习近平", "强调", True),
    ("正如习近平总书记所说，“{q}”", "习近平", "说", True),
    ("习近平同志深刻指出，{q}", "习近平", "指出", True),
    ("李强总理在政府工作报告中提出，{q}", "李强", "提出", True),
    ("陈希同志在{occ}上要求，{q}", "陈希", "要求", True),
    ("省委书记景俊海在{occ}时强调，{q}", "景俊海", "强调", True),
    ("市委书记王海涛在{occ}上指出，{q}", "王海涛", "指出", True),
    ("习近平总书记的重要讲话深刻指出，{q}", "习近平", "指出", True),  # the speech as the subject
    ("习近平总书记对此作出重要指示，{q}", "习近平", "指示", True),  # 作出…指示: the instruction as the verb
]
MENTIONS = [  # leaders named, but nobody is cited
    "深入学习贯彻习近平新时代中国特色社会主义思想，",
    "认真学习习近平总书记关于党的建设的重要思想，",
    "坚决维护习近平总书记党中央的核心、全党的核心地位，",
]
OCCASIONS = ["全国组织工作会议", "中央党校中青年干部培训班开班式", "吉林考察", "基层代表座谈会", "东北振兴座谈会"]
QUOTES = [
    "要把抓基层打基础作为长远之计和固本之举",
    "干部干部，干字当头",
    "要坚持严管和厚爱结合、激励和约束并重",
    "让干部愿干事、敢干事、能干成事",
    "基层强则国家强，基层安则天下安",
]
KNOWN_FORMULAS = ["四个意识", "四个自信", "两个维护", "三大攻坚战", "三会一课", "四个全面", "五位一体", "两学一做"]
NEW_FORMULAS = [  # (formula, members): coined in the issue, spelled out after 即
    ("三个强化", ["强化政治引领", "强化组织保障", "强化作风建设"]),
    ("四个聚焦", ["聚焦问题导向", "聚焦系统观念", "聚焦从严从实", "聚焦守正创新"]),
    ("五个到位", ["认识到位", "责任到位", "措施到位", "督导到位", "保障到位"]),
]
DOCUMENTS = [  # (as written first, the short name used later, the one name)
    ("中国共产党章程", "党章", "中国共产党章程"),
    ("关于加强新时代村级后备干部队伍建设的意见", "意见", "关于加强新时代村级后备干部队伍建设的意见"),
    ("党政领导干部选拔任用工作条例", None, "党政领导干部选拔任用工作条例"),
    ("软弱涣散村党组织整顿工作方案（试行）", None, "软弱涣散村党组织整顿工作方案"),
]
UNITS = [  # (byline or None, note or None, unit level, county from HOME or "")
    ("{c}委组织部", None, "county", True),
    (None, "作者为{c}委常委、组织部长", "county", True),
    (None, "作者单位：市委组织部干部一处", "department", False),
    (None, "作者为市委组织部研究室科员", "department", False),
    ("本刊记者", None, "press", False),
    ("省委组织部组织二处", None, "department", False),
    ("东兴镇党委", None, "township", False),
    ("和平村党支部", None, "village", False),
    ("长春市委组织部", None, "city", False),
]
COLUMNS = ["组工论坛", "农村党建", "城市党建", "干部工作", "人才工作", "调查研究"]
SUBJECTS = [
    "各级党组织",
    "广大党员干部",
    "驻村工作队",
    "乡镇党委",
    "社区党组织",
    "机关党组织",
    "非公企业党组织",
    "村两委班子",
]
OPENERS = ["近年来，", "今年以来，", "{y}年以来，", "围绕中心工作，", "针对薄弱环节，", "在实践中，", "", "", ""]
VERBS = [
    "健全",
    "完善",
    "推行",
    "建立",
    "落实",
    "探索",
    "深化",
    "优化",
    "规范",
    "强化",
    "创新",
    "统筹",
    "压实",
    "细化",
    "拓展",
    "提升",
    "打造",
    "用好",
    "盘活",
    "做实",
    "夯实",
    "延伸",
    "整合",
    "配强",
    "筑牢",
    "激活",
    "严格",
    "改进",
]
PREFIXES = [
    "村级",
    "社区",
    "机关",
    "党员",
    "青年",
    "乡镇",
    "基层",
    "窗口",
    "网格",
    "两新",
    "干部",
    "人才",
    "产业",
    "红色",
    "志愿",
    "楼宇",
    "园区",
    "企业",
]
CORES = [
    "服务机制",
    "议事制度",
    "积分办法",
    "实绩档案",
    "管理体系",
    "引进通道",
    "建设标准",
    "培养计划",
    "帮扶台账",
    "评价指标",
    "服务项目",
    "教育基地",
    "调处流程",
    "发展路子",
    "示范点",
    "储备库",
    "责任清单",
    "活动阵地",
    "联系制度",
    "考核办法",
    "培训课程",
    "激励机制",
    "督导机制",
    "包保制度",
    "服务队伍",
    "宣讲队伍",
    "议事平台",
    "信息平台",
]
OBJECTS = [p + c for p in PREFIXES for c in CORES]
RESULTS = [
    "累计培训党员干部{n}人次",
    "帮助群众解决实际困难{n}件",
    "新建党群服务中心{m}个",
    "选派第一书记{m}名",
    "村级集体经济收入增长{p}%",
    "群众满意度达到{p}%",
    "调整村党组织书记{m}名",
    "吸纳成员单位{m}家",
    "开展主题活动{m}场",
    "排查各类问题{n}个",
    "完成整改事项{n}项",
    "覆盖党员{n}名",
]
PROBLEM_SENTENCES = [
    "调研中发现，一些地方仍存在重部署轻落实的问题，{s}工作力量不足。",
    "从检查情况看，部分{s}基础薄弱，短板依然明显。",
    "个别单位责任压得不实，工作落实不到位。",
]
DIRECTIVE_SENTENCES = [
    "下一步，要{v}{o}，必须{v}{o}，确保各项任务落地见效。",
    "各级党组织一定要坚决扛起责任，务必{v}{o}。",
]


@dataclass
class GenArticle:
    """One generated article and what a careful reader finds in it."""

    column: str
    title: str
    byline: str
    note: str | None
    paragraphs: list[str]
    unit: str = ""
    level: str = ""  # of the unit; '' for a person alone
    county: str = ""  # of the unit
    formulas: Counter = field(default_factory=Counter)  # formula → occurrences in the body
    quoted: Counter = field(default_factory=Counter)
    citations: list[tuple[str, str, bool]] = field(default_factory=list)  # (speaker, verb, read by the rules)
    documents: list[str] = field(default_factory=list)  # the one name of each title in 《》, in order
    places: Counter = field(default_factory=Counter)  # county → mentions, home province
    places_elsewhere: Counter = field(
        default_factory=Counter
    )  # county → mentions, with (True) or without (False) its province
    members: dict[str, list[str]] = field(default_factory=dict)
    reprint_of: tuple[int, int] | None = None  # (issue, article) of the earlier article
    reprint_kind: str = ""  # whole, part, edited, quotes
    kept: list[int] = field(default_factory=list)  # the original's paragraphs this one holds (all, for an original)
    fresh: int = 0  # characters of its own besides them (a quoting article's)


@dataclass
class GenIssue:
    number: int
    articles: list[GenArticle]

    @property
    def issue_id(self) -> str:
        year, month = divmod(self.number, 12)
        return f"{self.number + 1:03d}_{2019 + year}-{month + 1:02d}"

    def text(self) -> str:
        return build_issue(
            [SynArticle(a.column, [a.title], a.byline, a.paragraphs, a.note) for a in self.articles], lines_per_page=30
        )


class Writer:
    """Draws one run's articles from its random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.titles: set[str] = set()

    def number(self, low: int = 3, high: int = 990) -> int:
        return self.rng.randint(low, high)

    def filler(self) -> str:
        r = self.rng
        parts = [f"{r.choice(VERBS)}{r.choice(OBJECTS)}" for _ in range(r.randint(2, 3))]
        result = r.choice(RESULTS).format(n=self.number(), m=self.number(2, 90), p=self.number(20, 99))
        opener = r.choice(OPENERS).format(y=r.randint(2015, 2023))
        return f"{opener}{r.choice(SUBJECTS)}{'，'.join(parts)}，{result}。"

    def article(self, column: str) -> GenArticle:
        r = self.rng
        byline, note, level, named = r.choice(UNITS)
        county, _ = r.choice(HOME)
        art = GenArticle(column, self.title(), "", None, [], level=level)
        if byline is None:
            art.byline = r.choice(["张伟", "李明", "王静", "刘洋", "陈晓东", "赵敏"])
            art.note = note.format(c=county)
        else:
            art.byline = byline.format(c=county)
        art.unit = art.byline if byline else note.format(c=county).split("为", 1)[-1].split("：")[-1]
        art.unit = art.unit.replace("委常委、组织部长", "委组织部").replace("研究室科员", "研究室")
        art.county = county if named else ""
        for _ in range(r.randint(6, 11)):
            art.paragraphs.append(self.paragraph(art, county))
        return art

    def title(self) -> str:
        r = self.rng
        while True:
            title = f"{r.choice(VERBS)}{r.choice(OBJECTS)} {r.choice(['推动', '助力', '服务'])}{r.choice(['基层治理', '乡村振兴', '高质量发展', '干部成长'])}"
            if title not in self.titles:
                self.titles.add(title)
                return title

    def paragraph(self, art: GenArticle, county: str) -> str:
        r = self.rng
        sentences = [self.filler() for _ in range(r.randint(3, 6))]
        for _ in range(r.choice([0, 0, 1, 1, 2])):
            sentences.insert(r.randrange(len(sentences) + 1), self.special(art, county))
        return "".join(sentences)

    def special(self, art: GenArticle, county: str) -> str:
        r = self.rng
        kind = r.choice(["formula", "formula", "citation", "mention", "document", "place", "place", "frame", "new"])
        if kind == "formula":
            f = r.choice(KNOWN_FORMULAS)
            quoted = r.random() < 0.5
            art.formulas[f] += 1
            art.quoted[f] += quoted
            return f"要{r.choice(['增强', '坚持', '落实', '做到'])}{'“' + f + '”' if quoted else f}，{self.filler()}"
        if kind == "new" and not art.members:
            f, members = r.choice(NEW_FORMULAS)
            quoted = r.random() < 0.5
            art.formulas[f] += 1
            art.quoted[f] += quoted
            art.members[f] = members
            return f"坚持{'“' + f + '”' if quoted else f}，即{'、'.join(members)}，{self.filler()}"
        if kind == "citation":
            form, speaker, verb, read = r.choice(LEADER_FORMS)
            art.citations.append((speaker, verb, read))
            return form.format(q=r.choice(QUOTES), occ=r.choice(OCCASIONS)) + "。"
        if kind == "mention":
            return r.choice(MENTIONS) + self.filler()
        if kind == "document":
            first, short, name = r.choice(DOCUMENTS)
            if short == "党章":
                art.documents += [name, name]
                return f"对照《{first}》（以下简称《{short}》）查找差距，以《{short}》为根本遵循。"
            if short:
                art.documents += [name, name]
                return f"认真贯彻《{first}》，把《{short}》的要求落到实处。"
            art.documents.append(name)
            return f"严格执行《{first}》。"
        if kind == "place":
            if r.random() < 0.7:
                place, _ = r.choice(HOME)
                art.places[place] += 1
                return (
                    f"{place}{r.choice(['坚持', '注重', '着力'])}{r.choice(VERBS)}{r.choice(OBJECTS)}，{self.filler()}"
                )
            place, province = r.choice(ELSEWHERE)
            with_province = r.random() < 0.5
            art.places_elsewhere[(place, with_province)] += 1
            return f"组织干部赴{province if with_province else ''}{place}学习考察，{self.filler()}"
        if kind == "frame":
            s = r.choice(PROBLEM_SENTENCES + DIRECTIVE_SENTENCES)
            return s.format(s=r.choice(SUBJECTS), v=r.choice(VERBS), o=r.choice(OBJECTS))
        return self.filler()


def generate_run(seed: int, n_issues: int = 12, *, reprints: float = 0.25) -> list[GenIssue]:
    """``n_issues`` issues, a month apart from 2019-01; each later issue reprints an earlier
    article with probability ``reprints`` per column slot (whole, part, edited or quoted)."""
    rng = random.Random(seed)
    writer = Writer(rng)
    issues: list[GenIssue] = []
    for number in range(n_issues):
        articles = []
        for column in rng.sample(COLUMNS, rng.randint(3, 5)):
            for _ in range(rng.randint(2, 3)):
                if issues and rng.random() < reprints:
                    art = reprint(rng, issues, column)
                    while art.title in {a.title for a in articles}:
                        art.title += "·续"
                else:
                    art = writer.article(column)
                    art.kept = list(range(len(art.paragraphs)))
                articles.append(art)
        issues.append(GenIssue(number, articles))
    return issues


def expected_pairs(run: list[GenIssue], *, min_share: float = 0.5, min_chars: int = 100) -> dict[tuple, float]:
    """The pairs of articles that share text by construction (an original and its reprints, and
    the reprints of one original with each other): ``((issue_id, title), (issue_id, title))``
    earlier first → the later one's share of characters, digits and letters found in the earlier,
    from the paragraphs they hold in common (edits left aside: they cost about 1 in 60)."""
    by_origin: dict[tuple, list[tuple[int, GenArticle]]] = {}
    for issue in run:
        for j, art in enumerate(issue.articles):
            origin = art.reprint_of or (issue.number, j)
            by_origin.setdefault(origin, []).append((issue.number, art))
    pairs = {}
    for (k0, j0), members in by_origin.items():
        lengths = [_solid_len(p) for p in run[k0].articles[j0].paragraphs]
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                (ka, a), (kb, b) = members[x], members[y]
                shared = sum(lengths[i] for i in set(a.kept) & set(b.kept))
                total_a = sum(lengths[i] for i in a.kept) + a.fresh
                total_b = sum(lengths[i] for i in b.kept) + b.fresh
                if shared >= min_chars and max(shared / total_a, shared / total_b) >= min_share:
                    pairs[((run[ka].issue_id, a.title), (run[kb].issue_id, b.title))] = shared / total_b
    return pairs


def reprint(rng: random.Random, issues: list[GenIssue], column: str) -> GenArticle:
    """A reprint of an earlier article: whole (new title), a part (a run of its paragraphs),
    edited (a character in every 60 replaced, a paragraph dropped) or quoted whole inside a new
    article three times its length."""
    k = rng.randrange(len(issues))
    j = rng.randrange(len(issues[k].articles))
    src = issues[k].articles[j]
    while src.reprint_of is not None:  # reprint the original
        k, j = src.reprint_of
        src = issues[k].articles[j]
    kind = rng.choice(["whole", "part", "edited", "quotes"])
    paragraphs = list(src.paragraphs)
    kept, fresh = list(range(len(paragraphs))), 0
    answers = {"formulas": Counter(src.formulas), "quoted": Counter(src.quoted), "citations": list(src.citations)}
    answers |= {
        "documents": list(src.documents),
        "places": Counter(src.places),
        "places_elsewhere": Counter(src.places_elsewhere),
        "members": dict(src.members),
    }
    if kind == "part":
        n = max(2, len(paragraphs) * rng.randint(5, 8) // 10)
        start = rng.randrange(len(paragraphs) - n + 1)
        paragraphs, kept = paragraphs[start : start + n], kept[start : start + n]
        answers = {}  # recounted below from what was kept
    elif kind == "edited":
        paragraphs = [_edited(rng, p) for p in paragraphs]
        dropped = rng.randrange(len(paragraphs))
        paragraphs.pop(dropped)
        kept.pop(dropped)
        answers = {}
    elif kind == "quotes":
        fresh = Writer(rng)
        new = ["".join(fresh.filler() for _ in range(4)) for _ in range(len(paragraphs) * 3)]
        paragraphs, fresh = new + paragraphs, sum(_solid_len(p) for p in new)
        answers = {}
    art = GenArticle(column, f"{src.title}（转载）", src.byline, src.note, paragraphs, src.unit, src.level, src.county)
    art.reprint_of, art.reprint_kind, art.kept, art.fresh = (k, j), kind, kept, fresh
    for name, value in answers.items():
        setattr(art, name, value)
    if not answers:
        _recount(art, src)
    return art


def write_run(run: list[GenIssue], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for issue in run:
        path = folder / f"{issue.issue_id}.txt"
        path.write_text(issue.text(), encoding="utf-8")
        paths.append(path)
    return paths


# -- internal ---------------------------------------------------------------------------

_PROTECTED = set(
    "".join(KNOWN_FORMULAS)
    + "".join(f + "".join(m) for f, m in NEW_FORMULAS)
    + "".join(form for form, *_ in LEADER_FORMS)
    + "".join(MENTIONS)
    + "".join(d[0] + (d[1] or "") for d in DOCUMENTS)
    + "".join(c for c, _ in HOME)
    + "".join(c + p for c, p in ELSEWHERE)
    + "赴学习考察坚持注重着力"
)


def _edited(rng: random.Random, paragraph: str) -> str:
    """A character in about every 60 replaced, none of those the answers are read from (names,
    formulas, titles, citation forms): the next free one within ten is taken instead."""
    chars = list(paragraph)
    for i in range(30, len(chars), 60):
        free = [
            k
            for k in range(i, min(i + 10, len(chars)))
            if "\u4e00" <= chars[k] <= "\u9fff" and chars[k] not in _PROTECTED
        ]
        if free:
            chars[free[0]] = rng.choice("之其该此各")
    return "".join(chars)


def _solid_len(text: str) -> int:
    return sum(ch.isalnum() for ch in text)


def _recount(art: GenArticle, src: GenArticle) -> None:
    """The answers of a partial or edited reprint: what of the original's it kept, counted in
    its text (the original's answers say what each piece is)."""
    body = "".join(art.paragraphs)
    for f in src.formulas:
        n = body.count(f)
        if n:
            art.formulas[f] = n
            art.quoted[f] = body.count(f"“{f}”")
    speakers = {(s, v): read for s, v, read in src.citations}
    for (speaker, verb), read in speakers.items():
        forms = [form for form, s, v, _ in LEADER_FORMS if (s, v) == (speaker, verb)]
        n = sum(body.count(form.split("{")[0]) for form in forms)
        art.citations += [(speaker, verb, read)] * n
    for name in dict.fromkeys(src.documents):
        written = next(d for d in DOCUMENTS if d[2] == name)
        n = body.count(f"《{written[0]}》")
        if written[1]:  # a 简称 declared is counted with the title it shortens
            n += body.count(f"《{written[1]}》") - body.count(f"（以下简称《{written[1]}》）")
        art.documents += [name] * n
    for place in src.places:
        art.places[place] = body.count(place)
    for (place, with_province), _ in src.places_elsewhere.items():
        province = dict(ELSEWHERE)[place]
        n = body.count(province + place) if with_province else body.count("赴" + place)
        if n:
            art.places_elsewhere[(place, with_province)] = n
    art.members = {f: m for f, m in src.members.items() if f in art.formulas}
