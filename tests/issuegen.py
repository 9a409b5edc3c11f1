"""Varied magazine issues in the seed's text shape, with the records a careful reader would give.

``generate_issue(seed)`` lays an issue out as the magazine does (a 卷首语, the leaders'
excerpts, columns of articles, editor's notes, articles cut with ``（下转 N页）`` and finished
on a page that has room) and writes it as the PDF extractor does: hard wraps at the column
or page width with the first line of a paragraph two em shorter, a blank line between
lines, a page break where a line starts with a space, no printed page numbers, each
article's title lines and byline at the end of its first page, spaced column headers.

``.records`` are the records in reading order, in the segmenter's output conventions:

- multi-line titles joined with a space, unless the line ends with one of ``TITLE_RUN_ON``
  (a phrase wrapped there, joined without one); letter-spaced title lines despaced;
- excerpts: kind ``excerpt``, column None, authors ``[name]``, the title after the colon,
  the source line without its dashes as ``author_note``;
- editor's notes: kind ``editor_note``, no title or authors, the body without ``编者按：``,
  the column of the run they open; the 卷首语: column ``卷首语``, a spaced title, no byline;
- authors: names despaced, role words dropped, ``本刊评论员`` alone kept;
- text: paragraphs joined by ``\\n``, without the spaces the extractor puts between numbers or
  Latin words and Hanzi; pages: printed pages in reading order, a continuation page last.

Printed page = page index + the issue's offset; an issue without continuation markers has
nothing that tells its page numbers, and is numbered from 1 (the cover), as the segmenter does.

Everything is drawn from ``random.Random(seed)``; ``.features`` names the variations an
issue uses (see ``FEATURES``), so a test can check that a run of seeds covers them all.
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

# -- the magazine's measures and the extractor's habits ------------------------------------

COLUMN_WIDTHS = (17.0, 18.0, 18.0, 18.0, 19.0)  # em, two-column body text (one per issue)
GUTTER = 1.5  # a full-page line is two columns and the gutter wide
INDENT = 2.0  # a paragraph's first line is this much shorter
NOTE_WIDTHS = (14.0, 18.0)  # author notes are set narrower than the column, then wrap
LINES_PER_PAGE = (10, 40)
PAGE_JITTER = 2  # lines more or fewer than the issue's usual page
# (em, weight): how much a full line's measured width differs from the column's, as in the seed
LINE_JITTER = ((0.5, 4), (0.0, 64), (-0.5, 32))
MIN_FIRST_PAGE_LINES = 2  # body lines above an article's title block
MAX_TAIL_LINES = 8  # a continuation block is at most this long
OFFSETS = (1, 2, 3, 3, 3, 4, 5, 6)  # printed page minus page index, where markers tell it
DEFAULT_OFFSET = 1  # no markers: the cover is page 1
# how often a waiting tail is set inside another article's run, where a page of it has room
# (one value drawn per issue: some magazines never do it, some often)
INTERRUPT_SHARES = (0.0, 0.3, 0.6)

TITLE_RUN_ON = "的之与和及对在为"  # a title line ending so runs on without a space
NO_LINE_START = set("，。、；：？！”’）》」』…")  # closing punctuation hangs instead
NO_LINE_END = set("“‘（《「『")  # opening punctuation moves to the next line
JUANSHOUYU = "卷首语"
HEADING = re.compile(r"^[一二三四五六七八九十]、")

P_JUANSHOUYU = 0.5
P_EXCERPTS = 0.55
COLUMNS_PER_ISSUE = (1, 6)
ARTICLES_PER_COLUMN = (1, 4)
EXCERPTS_PER_ISSUE = (1, 6)

DOWN_MARKERS = (
    "（下转 {n}页）",
    "（下转 {n}页）",
    "(下转 {n}页）",
    "（下转{n}页）",
    "（下转第{n}页）",
    "（转第{n}页）",
)
UP_MARKERS = (
    "（上接 {n}页）",
    "（上接 {n}页）",
    "(上接 {n}页）",
    "（上接 {n} 页）",
    "（上接第{n}页）",
    "（接第{n}页）",
)

# Every variation an issue can use; across a few hundred seeds each should appear.
FEATURES = frozenset(
    {
        *(f"title_{n}_lines" for n in (1, 2, 3)),
        "title_run_on",
        "title_short",
        "title_long",
        "title_spaced_short",
        "title_spaced_line",
        "title_two_phrases_one_line",
        "title_opens_guanyu",
        "title_opens_qiantan",
        "title_quoted",
        *(f"byline_{n}_people" for n in (1, 2, 3)),
        "byline_padded_name",
        "byline_1_org",
        "byline_2_orgs",
        "byline_reporter",
        "byline_writer",
        "byline_commentator",
        "byline_box",
        "byline_wen",
        "note",
        "note_wrapped",
        "note_unit",
        *(f"column_name_{n}" for n in range(2, 7)),
        "columns_many",
        "header_pairs",
        "running_head",
        "running_head_at_end",
        "cut_forward",
        "cut_backward",
        "cut_on_first_page",
        "continued_on_last_page",
        "block_after_article_end",
        "block_then_article",
        "block_note_then_article",
        "block_inside_run",
        "block_at_page_top",
        "block_at_column_foot",
        "block_at_page_foot",
        "interrupted_mid_sentence",
        "interrupted_mid_word",
        "interrupted_at_paragraph_end",
        "resumes_after_header",
        "article_starts_mid_page",
        "one_page_article",
        "long_article",
        "excerpt",
        "excerpt_dash_list",
        "excerpt_head_wrapped",
        "excerpt_source_wrapped",
        "excerpt_ascii_colon",
        "editor_note",
        "juanshouyu",
        "juanshouyu_short_title",
        "no_juanshouyu",
        "pages_short",
        "pages_long",
        "heading_section",
        "heading_sub",
        "heading_wrapped",
        "heading_yishi",
        "dash_list_in_article",
        "dash_opens_wrapped_line",
        "number_spaced",
        "percent_spaced",
        "latin_word",
    }
)

# -- word pools --------------------------------------------------------------------------

PLACES = [
    "舒兰市",
    "蛟河市",
    "磐石市",
    "桦甸市",
    "永吉县",
    "船营区",
    "昌邑区",
    "龙潭区",
    "丰满区",
    "梅河口市",
    "集安市",
    "柳河县",
    "辉南县",
    "东丰县",
    "伊通县",
    "双辽市",
    "公主岭市",
    "榆树市",
    "德惠市",
    "农安县",
    "九台区",
    "敦化市",
    "珲春市",
    "延吉市",
    "和龙市",
    "安图县",
    "汪清县",
    "通化县",
    "抚松县",
    "靖宇县",
]
SLOGANS = [
    "三会一课",
    "两学一做",
    "不忘初心、牢记使命",
    "五个强化",
    "四三一",
    "3+1",
    "一村一策",
    "主题党日",
    "双报到",
    "红色物业",
    "头雁",
    "先锋指数",
    "四议两公开",
    "五星级",
    "双培双带",
    "红色代办",
    "三个区分开来",
    "一肩挑",
    "最多跑一次",
    "党建+",
]
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛")
GIVEN = "伟强军杰磊涛斌明辉鹏华丽娟敏静燕霞红艳芳玲洋宇恒浩博俊峰晓东海波志刚建春雪梅丹婷琳颖鑫佳欣慧君虔壮彬超亮蕾楠帆凯旭昊晨悦璐瑶倩琪莉萍岩松森冰"
DEPARTMENTS = [
    "干部一处",
    "组织二处",
    "研究室",
    "人才工作处",
    "干部教育处",
    "公务员二处",
    "干部监督处",
    "老干部处",
    "组织一处",
    "基层党建办公室",
]
RANKS = ["科员", "副主任科员", "四级主任科员", "工作人员", "副处长", "处长", "副主任"]
LEADERS = ("习近平", "习近平", "习近平", "李克强", "赵乐际", "王沪宁", "陈希", "陈希", "丁薛祥", "胡春华")

COLUMN_NAMES = [
    "部长笔谈",
    "城市党建",
    "农村党建",
    "组工论坛",
    "干部工作",
    "人才工作",
    "调查研究",
    "经验交流",
    "党员风采",
    "理论前沿",
    "经验介绍",
    "基层风采",
    "组织建设",
    "党建研究",
    "工作研究",
    "典型引路",
    "他山之石",
    "机关党建",
    "非公党建",
    "两新党建",
    "学习园地",
    "红色记忆",
    "主题教育",
    "决策参考",
    "专题",
    "视点",
    "观察",
    "声音",
    "大家谈",
    "微党课",
    "新观察",
    "面对面",
    "党建新视野",
    "基层党建谈",
    "书记谈党建",
    "本期关注",
    "党建视窗",
    "案例剖析",
    "城市基层党建",
    "基层组织建设",
    "干部队伍建设",
]

# Sentences of the genre; {p} the article's place, {u} its 市/县/区, {n} {m} {b} numbers,
# {y} a year, {pct} a percentage, {s} a quoted slogan.
SENTENCES = (
    "{y}年以来，{p}坚持把抓基层党建作为最大的政绩，推动各项工作落地见效。",
    "全{u}共排查整顿软弱涣散村党组织{n}个，选派第一书记{m}名。",
    "坚持“{s}”，切实把党的政治优势转化为发展优势。",
    "进一步激发干部担当作为的内生动力，营造了干事创业的浓厚氛围。",
    "组织党员干部开展“主题党日”活动{m}次，覆盖党员{b}余名。",
    "以“3+1”工作法为抓手，推动党建联盟工作持续规范。",
    "充分发挥党组织的战斗堡垒作用和党员的先锋模范作用，把党员凝聚起来、把群众组织起来。",
    "建立健全容错纠错机制，为敢于担当的干部撑腰鼓劲。",
    "把政治标准放在首位，坚决防止“带病提拔”。",
    "深入开展“不忘初心、牢记使命”主题教育，引导党员干部守初心、担使命、找差距、抓落实。",
    "各级党组织认真落实“三会一课”制度，党内政治生活的政治性、时代性、原则性、战斗性不断增强。",
    "全{u}新建村级党群服务中心{n}个，改扩建{m}个，基层阵地建设水平显著提升。",
    "截至目前，全{u}共组建党建联盟{n}个，吸纳成员单位{m}家，解决群众反映的急难愁盼问题{b}余件。",
    "群众满意度达到{pct}%以上，党组织的凝聚力和号召力明显增强。",
    "通过“双报到”机制，{m}名在职党员到社区报到服务。",
    "严格落实“四议两公开”工作法，村级重大事项全部按程序决策。",
    "注重从致富能手、退役军人、返乡大学生中选拔村党组织书记，村“两委”班子结构进一步优化。",
    "坚持“干什么学什么、缺什么补什么”，分类分层开展专业化能力培训。",
    "全年举办各类培训班{n}期，培训干部{b}人次。",
    "推行“网格化+党建”模式，把党小组建在网格上，实现服务群众零距离。",
    "坚持问题导向，对排查出的问题逐一建立台账、明确责任、限期整改。",
    "实行县级领导包保、乡镇党委书记主抓、第一书记驻村的工作机制，确保整顿工作不走过场。",
    "大力实施“头雁”工程，着力打造一支政治过硬、本领高强的村党组织带头人队伍。",
    "积极推动机关党组织与社区党组织结对共建，形成了资源共享、优势互补的工作格局。",
    "聚焦基层减负，全面清理规范各类考核检查事项，精简文件会议{pct}%。",
    "把党建工作与中心工作同谋划、同部署、同考核，推动党建和业务深度融合。",
    "探索建立“红色物业”，推动社区党组织、业主委员会、物业企业“三方联动”。",
    "加大从优秀村干部中考录乡镇公务员力度，{y}年共考录{n}名。",
    "村级集体经济收入全部达到{n}万元以上，其中超过{m}万元的村有{n}个。",
    "坚持严管和厚爱结合、激励和约束并重，树立了“能者上、庸者下”的鲜明导向。",
    "认真贯彻落实《关于进一步激励广大干部新时代新担当新作为的意见》，推动形成能者上、优者奖、庸者下、劣者汰的良好局面。",
    "把“三个区分开来”的要求具体化，让干部放开手脚、大胆干事。",
    "建立干部实绩档案，把考核结果作为干部选拔任用、评先奖优、问责追责的重要依据。",
    "开通“党员e家”线上平台，党员学习教育实现随时随地。",
    "依托“学习强国”APP，组织党员每日学习、每周交流。",
    "推动各类资源向基层倾斜、各类人才向基层流动，基层治理能力和水平不断提升。",
    "坚持党建带群建，把工青妇等群团组织凝聚在党组织周围。",
    "针对非公企业党员流动性大的特点，推行“党员积分制”管理。",
    "全{u}{m}家规模以上非公企业全部建立党组织，党的组织覆盖率达到{pct}%。",
    "实施人才引进“绿色通道”，今年以来共引进各类急需紧缺人才{m}名。",
    "设立人才发展专项资金{b}万元，用于人才引进、培养和奖励。",
    "把培养青年人才作为战略任务，建立优秀年轻干部库，入库{m}人。",
    "坚持事业为上、以事择人、人岗相适，把合适的干部放到合适的岗位上。",
    "对软弱涣散村党组织实行“一村一策”，逐村制定整顿方案。",
    "党员干部深入一线、沉到基层，帮助群众解决实际困难{b}余件。",
    "通过召开座谈会、个别访谈、问卷调查等方式，广泛听取基层党员群众的意见建议。",
    "从调研情况看，一些基层党组织仍存在组织力不强、凝聚力不够等问题。",
    "有的党员干部担当作为意识不强，遇到矛盾绕道走，碰到难题往上推。",
    "有的地方重部署、轻落实，工作停留在会议上、文件里。",
    "有的村党组织书记年龄偏大、文化程度偏低，带领群众致富能力不强。",
    "必须坚持以习近平新时代中国特色社会主义思想为指导，增强“四个意识”、坚定“四个自信”、做到“两个维护”。",
    "要牢固树立抓好党建是最大政绩的理念，压紧压实各级党组织书记抓党建的第一责任。",
    "要坚持把政治建设摆在首位，教育引导党员干部在思想上政治上行动上同党中央保持高度一致。",
    "要坚持严字当头，把纪律和规矩挺在前面，持之以恒正风肃纪。",
    "要健全完善激励机制，让干部工作有奔头、干事有劲头。",
    "要注重在脱贫攻坚、乡村振兴、疫情防控等重大任务一线考察识别干部。",
    "实践证明，只有把基层党组织建强，才能把党的路线方针政策落到实处。",
    "这些做法得到了基层干部群众的普遍认可，取得了良好的政治效果和社会效果。",
    "下一步，我们将继续深化党建联盟建设，推动城市基层党建工作整体提升。",
    "{p}创新开展“党建+扶贫”模式，带动贫困户{m}户增收。",
    "{p}委先后{n}次召开常委会议专题研究基层党建工作。",
    "全面推行村党组织书记通过法定程序担任村委会主任，“一肩挑”比例达到{pct}%。",
    "推动党组织和党的工作全覆盖，实现“应建尽建”。",
    "在全{u}开展“亮身份、亮承诺、亮实绩”活动，党员先锋作用充分彰显。",
    "以“五星级”党组织创建为载体，推动基层党组织全面进步、全面过硬。",
    "建立“周调度、月通报、季评估”工作机制，确保各项任务按时保质完成。",
    "坚持把发展党员工作重点放在生产工作一线和青年群体，{y}年共发展党员{m}名。",
    "持续整治形式主义、官僚主义，切实为基层松绑减负。",
    "真正做到“人岗相适、人尽其才”。",
    "把党的政治优势、组织优势转化为推动高质量发展的强大动力。",
    "组建“红色代办”服务队{n}支，为群众代办事项{b}件。",
    "引导党员在疫情防控、防汛救灾等急难险重任务中冲锋在前、担当作为。",
    "{p}把党建联盟作为破解城市基层治理难题的“金钥匙”，推动“条”“块”深度融合。",
    "坚持教育培训全覆盖，实现党员干部“一年一轮训”。",
    "定期开展党员“先锋指数”评比，激励党员争先创优。",
    "全{u}{y}年共提拔重用乡科级干部{m}人次，其中来自基层一线的占{pct}%。",
    "目前，全{u}党员总数达到{b}名，基层党组织{m}个。",
)
# Clauses for "一是…二是…" paragraphs and dash lists (no final punctuation).
CLAUSES = (
    "健全问责机制，对小问题早发现、早提醒",
    "落实好干部谈心谈话制度，为干部解决思想、工作、生活上的困难",
    "加快促进容错纠错机制的落实，增强容错纠错的针对性和可操作性",
    "提高基层一线干部福利待遇标准，保持基层干部队伍稳定",
    "坚持党的全面领导，确保各项工作始终沿着正确方向前进",
    "坚持以人民为中心，把群众满意作为检验工作的根本标准",
    "坚持问题导向，聚焦群众急难愁盼精准发力",
    "坚持系统观念，统筹推进各领域基层党建工作",
    "坚持从严从实，以钉钉子精神抓好工作落实",
    "强化政治引领，筑牢党员干部的思想根基",
    "优化队伍结构，选优配强村党组织书记",
    "规范组织生活，严格落实“三会一课”制度",
    "加强阵地建设，打造党员群众的“温馨家园”",
    "完善激励机制，让实干者得实惠、有为者有位",
)
SECTION_HEADINGS = (
    "主要做法",
    "基本情况",
    "存在的问题",
    "对策建议",
    "对策与建议",
    "工作成效",
    "几点体会",
    "存在的突出问题及原因分析",
    "激励干部担当作为工作的基本情况",
    "强化政治引领，筑牢思想根基",
    "坚持问题导向，精准施策发力",
    "深化党建联盟，提升城市基层治理效能",
    "聚焦关键环节，推动整顿工作取得实效",
)
SUB_HEADINGS = (
    "坚持党建引领",
    "夯实基层基础",
    "强化组织保障，凝聚各方力量，形成齐抓共管的工作合力",
    "聚焦“关键少数”，发挥示范带动作用",
    "突出精准施策，推动软弱涣散村党组织整顿提升",
    "强化政治引领，筑牢“想干事”的思想根基",
    "坚持问题导向，精准施策发力",
    "健全工作机制，压实工作责任",
    "突出选人用人导向，激发干事活力",
    "加强教育培训，提升能力素质",
    "完善考核评价，激励担当作为",
    "坚持典型引路，营造浓厚氛围",
    "注重资源整合，凝聚工作合力",
    "严格督导检查，确保取得实效",
    "深化党建联盟，提升治理效能",
)
LEADER_SENTENCES = (
    "要以坚持和加强党的全面领导为统领，继续巩固机构改革成果。",
    "要走在理论学习的前列，提高学习教育针对性和实效性，在学懂弄通做实上当好示范。",
    "要持之以恒正风肃纪，带头弘扬党的光荣传统和优良作风，建设风清气正的政治机关。",
    "要处理好党建和业务的关系，坚持党建工作和业务工作一起谋划、一起部署、一起落实、一起检查。",
    "要把学习贯穿始终，不断深化对党的初心和使命的认识。",
    "要以解决实际问题的成效为衡量标准，发现问题立行立改，不能拖延，不能虚与应付。",
    "要深入学习贯彻习近平总书记关于科技创新和人才发展的重要论述，坚持把人才作为支撑发展的第一资源。",
    "要围绕增强抓好整改落实的责任感紧迫感严督实导，提高解决突出问题的政治自觉、思想自觉和行动自觉。",
    "要坚持新时代好干部标准，把忠诚干净担当的高素质干部选出来、用起来。",
    "要推动全面从严治党向纵深发展，把党的组织优势转化为治理效能。",
    "要加强基层党组织建设，把基层党组织建设成为有效实现党的领导的坚强战斗堡垒。",
    "要坚持严字当头，把纪律挺在前面，一体推进不敢腐、不能腐、不想腐。",
    "各级党委（党组）要履行主体责任，主要负责同志要亲自抓、带头干。",
    "党内法规不少，主要问题在于执行不力，要强化法规制度执行，不能打折扣。",
)
DASH_ITEMS = (
    "我们坚持党的全面领导，确保党始终总揽全局、协调各方",
    "我们坚持以人民为中心的发展思想，不断增强人民群众获得感、幸福感、安全感",
    "我们坚持全面从严治党，推动党的建设新的伟大工程取得显著成效",
    "我们坚持新时代党的组织路线，着力建设忠诚干净担当的高素质干部队伍",
    "坚持把政治建设摆在首位，始终同党中央保持高度一致",
    "坚持问题导向，切实解决群众反映强烈的突出问题",
    "坚持守正创新，推动基层党建工作与时俱进",
    "坚持抓基层打基础，推动基层党组织全面进步、全面过硬",
)
EXCERPT_TITLES = (
    "巩固党和国家机构改革成果",
    "推进国家治理体系和治理能力现代化",
    "开展主题教育要注意抓“四个到位”",
    "全面提高中央和国家机关党的建设质量",
    "建设让党中央放心让人民群众满意的模范机关",
    "以更加积极更加开放更加有效的人才政策",
    "聚天下英才而用之",
    "切实增强责任感紧迫感",
    "刀刃向内找问题",
    "有的放矢抓整改",
    "扎实做好督促指导",
    "确保主题教育善始善终善作善成",
    "推动形成优势互补高质量发展的区域经济布局",
    "坚持和完善中国特色社会主义制度",
    "加强新时代党的组织建设",
    "着力培养忠诚干净担当的高素质干部",
    "把基层党组织建设成为坚强战斗堡垒",
    "深入贯彻新时代党的组织路线",
)
OCCASIONS = (
    "出席深化党和国家机构改革总结会议时强调",
    "出席中央和国家机关党的建设工作会议时强调",
    "主持召开中央财经委员会第五次会议时强调",
    "在全国组织工作会议上的讲话中指出",
    "在中共中央政治局第十五次集体学习时强调",
    "到内蒙古自治区自然资源厅调研指导“不忘初心、牢记使命”主题教育时强调",
    "出席部分中央部门单位“不忘初心、牢记使命”主题教育整改落实工作座谈会时指出",
    "在北京中关村调研“不忘初心、牢记使命”主题教育时强调",
    "出席全国组织部长会议时指出",
    "在中央党校（国家行政学院）中青年干部培训班开班式上强调",
)
# Title phrases that may stand anywhere in a title (none ends with a TITLE_RUN_ON character).
TITLE_PHRASES = (
    "激发内力",
    "凝聚合力",
    "坚持“五个强化”",
    "聚力服务真抓实干",
    "党建联盟",
    "探索“联盟”新模式",
    "做大党建“朋友圈”",
    "建强战斗堡垒",
    "锻造过硬队伍",
    "擦亮党建品牌",
    "筑牢红色根基",
    "激活“神经末梢”",
    "下好“先手棋”",
    "念好“人才经”",
    "打造红色引擎",
    "跑出加速度",
    "牢记初心使命",
    "守正创新",
    "聚焦主责主业",
    "压实工作责任",
    "激发干部担当作为内生动力",
    "推动党建联盟引领基层治理实现新提升",
    "全面提升农村基层党组织建设水平",
    "为城市基层党建注入新活力",
    "扎实推进软弱涣散村党组织整顿提升",
    "以高质量党建引领乡村全面振兴",
    "着力建设高素质专业化干部队伍",
    "助推民营企业发展",
    "打造红色孵化平台",
    "围绕“3+1”下好城市治理先手棋",
    "实施“四三一”工作法",
    "从严从实抓好软弱涣散村党组织整顿",
    "加强干部队伍建设",
)
TITLE_LAST_PHRASES = ("激励干部新时代新担当新作为", "让干部敢担当善作为", "为乡村振兴赋能助力")  # end with 为/力…
TOPICS = (
    "建设高素质专业化公务员队伍",
    "干部教育培训工作",
    "培育农村实用人才助力乡村振兴",
    "党建引领城市基层治理",
    "加强新时代村级后备干部队伍建设",
    "激励干部担当作为",
    "提升非公企业党建工作质量",
    "做好新时代老干部工作",
    "发展壮大村级集体经济",
    "基层党组织标准化规范化建设",
)
TOPIC_ENDINGS = ("的几点思考", "的研究与思考", "的调查与思考", "的实践与探索", "的思考")
SHORT_TITLES = (
    "牢记初心使命",
    "担当作为",
    "建强堡垒",
    "党建引领",
    "守正创新",
    "不负韶华",
    "初心如磐",
    "砥砺前行",
    "使命在肩",
)
JUANSHOUYU_TITLES = (
    "善用自我革命武器",
    "牢记初心使命",
    "担当作为",
    "以实干践初心",
    "把牢政治方向",
    "在奋斗中成长",
    "守正创新",
    "永葆为民情怀",
    "做到知行合一",
)
ESSAY_SENTENCES = (
    "自我革命是律己修身的品质境界。",
    "作为新时代的党员干部，更应该学习这种自我革命的精神境界，站在更高的高度审视自己。",
    "解剖自己、否定自己，进而到自我革命，都需要刀刃向内的勇气和魄力。",
    "尤其是取得进步和成绩时，难免会有自满情绪，此时我们更应保持清醒的头脑。",
    "要坚持自我提高，自觉向书本学习、向实践学习、向人民群众学习，把功夫下在平时。",
    "初心易得，始终难守。",
    "奋斗是青春最亮丽的底色，实干是党员最鲜明的标识。",
    "每一名党员干部都要把初心写在行动上，把使命扛在肩膀上。",
    "时代是出卷人，我们是答卷人，人民是阅卷人。",
    "面对新形势新任务，唯有勇于担当、善于作为，才能不负党和人民的重托。",
    "“自我革命”在党的历史中始终闪耀着熠熠光芒。",
    "曾子曰，“吾日三省吾身”，中国古代思想家尚且如是。",
    "功成不必在我，功成必定有我。",
    "干部干部，干字当头。",
    "为官避事平生耻，担当作为是党员干部的应有之义。",
    "越是艰险越向前，越是困难越要迎难而上。",
    "不驰于空想、不骛于虚声，一步一个脚印，踏踏实实干好工作。",
    "守初心，就要始终把人民放在心中最高位置。",
    "担使命，就要勇于直面问题，敢于刀刃向内。",
    "找差距，就要对照党章党规，对照人民群众的新期待。",
    "抓落实，就要把心思用在干事业上，把功夫下在察实情、出实招、办实事、求实效上。",
    "时刻牢记初心使命，用真刀实枪的能力本领积极应对、主动担当。",
)
EDITOR_TOPICS = (
    ("围绕推进全国城市基层党建示范市建设", "市委组织部制定下发了《城市基层党建联盟工作法》，实施党建联盟规范提标行动"),
    ("为扎实推动农村基层党组织建设", "市委组织部实施软弱涣散党组织整顿行动，采取市委常委挂点、县级领导包点的方式"),
    ("为深入贯彻新时代党的组织路线", "各地坚持问题导向，在激励干部担当作为方面进行了积极探索"),
    ("为加强新时代人才工作", "市委人才工作领导小组部署开展了人才政策落实年活动"),
)
EDITOR_EXTRA = (
    "这些做法各有侧重、各具特色，体现了各地在实践中的积极探索，希望对各地有所启发。",
    "本期选登的几篇文章，既有经验做法，也有问题思考，欢迎广大组工干部积极参与讨论。",
    "各地在工作中有何新的经验和体会，欢迎来稿交流。",
)
EDITOR_ENDINGS = ("现予以刊发，供借鉴交流。", "现予以刊发，供相互借鉴、参考交流。", "本刊选登部分文章，以飨读者。")

CN_NUMBERS = "一二三四五六七八九十"


# -- the expected records ----------------------------------------------------------------

RECORD_FIELDS = ("kind", "column", "title", "authors", "author_note", "pages", "text")


@dataclass
class ExpectedRecord:
    """One record as a careful reader of the magazine gives it."""

    kind: str
    column: str | None
    title: str | None
    authors: list[str]
    author_note: str | None
    pages: list[int]
    text: str
    tags: set[str] = field(default_factory=set, compare=False)  # the variations this record carries

    def as_dict(self) -> dict:
        return {f: getattr(self, f) for f in RECORD_FIELDS}


@dataclass
class GeneratedIssue:
    seed: int
    text: str
    records: list[ExpectedRecord]
    features: frozenset[str]
    metadata: list[str]  # every piece of the text that is not body text: headers, titles, markers…
    page_offset: int
    n_pages: int

    def write(self, path: str | Path) -> Path:
        path = Path(path)
        path.write_text(self.text, encoding="utf-8")
        return path


# -- wrapping like the extractor ----------------------------------------------------------

_HANZI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_TOKEN = re.compile(r"[0-9A-Za-z.%+]+|—+|…+|\s|.")  # numbers, words and dashes are never broken


def em(text: str) -> float:
    """Width in em as the segmenter measures it: a Hanzi 1, anything else ½."""
    text = text.strip()
    wide = len(_HANZI.findall(text))
    return wide + 0.5 * (len(text) - wide)


def wrap_spans(
    text: str, width: float, first_width: float | None = None, rng: random.Random | None = None
) -> list[tuple[int, int]]:
    """Greedy line breaks, with the typesetter's rules: closing punctuation hangs at a line's
    end rather than open the next, opening punctuation moves down, numbers stay whole. With
    ``rng`` the measure of every line after the first varies a little (``LINE_JITTER``), as
    justified print does once the extractor counts its characters; a first line (indented, or
    after a marker) keeps its measure, so its indentation shows as in the seed."""

    def jitter() -> float:
        return rng.choices(*zip(*LINE_JITTER, strict=True))[0] if rng is not None else 0.0

    spans: list[tuple[int, int]] = []
    start = 0
    cap = width + jitter() if first_width is None else first_width
    for m in _TOKEN.finditer(text):
        if not text[start : m.start()].strip():
            continue
        if em(text[start : m.end()]) <= cap or m.group()[0] in NO_LINE_START:
            continue
        cut = m.start()
        while cut - 1 > start and text[cut - 1] in NO_LINE_END:
            cut -= 1
        spans.append((start, cut))
        start, cap = cut, width + jitter()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def wrap(text: str, width: float, first_width: float | None = None) -> list[str]:
    return [text[a:b].strip() for a, b in wrap_spans(text, width, first_width)]


def wrap_keeping_spaces(text: str, width: float) -> list[str]:
    """Wrap a head whose inner spaces matter: never break next to a space."""
    spans = wrap_spans(text, width)
    lines, start = [], 0
    for k, (_, b) in enumerate(spans):
        if k == len(spans) - 1:
            break
        while b - 1 > start and (text[b] == " " or text[b - 1] == " "):
            b -= 1
        lines.append(text[start:b])
        start = b
    lines.append(text[start:])
    return [ln.strip() for ln in lines if ln.strip()]


@dataclass
class Wrapped:
    """A body line: its text and where it comes from in its paragraph."""

    text: str
    para: int
    start: int
    first: bool
    last: bool


def wrap_paragraphs(
    paras: Sequence[str],
    width: float,
    *,
    indent: bool = True,
    continued_first: float | None = None,
    rng: random.Random | None = None,
) -> list[Wrapped]:
    """Lines of paragraphs; ``continued_first`` is the first line's width where the first
    paragraph goes on from a cut (not indented, after a marker)."""
    out: list[Wrapped] = []
    for p, text in enumerate(paras):
        first = continued_first if p == 0 and continued_first is not None else width - (INDENT if indent else 0)
        spans = wrap_spans(text, width, first, rng)
        for j, (a, b) in enumerate(spans):
            out.append(Wrapped(text[a:b].strip(), p, a, j == 0, j == len(spans) - 1))
    return out


# -- the extractor's spacing ---------------------------------------------------------------

_NUMBER_RUN = re.compile(r"[0-9A-Za-z][0-9A-Za-z.+]*%?")


def extractor_spacing(text: str, rng: random.Random, habits: Habits) -> str:
    """Spaces between numbers or Latin words and Hanzi, as the extractor writes them (``2015 年``)."""

    def space(m: re.Match) -> str:
        run = m.group()
        if run.endswith("%") and rng.random() < habits.percent_space:
            run = run[:-1] + " %"
        before = m.start() > 0 and _HANZI.match(text[m.start() - 1]) and rng.random() < habits.number_space
        after = m.end() < len(text) and _HANZI.match(text[m.end()]) and rng.random() < habits.number_space
        return (" " if before else "") + run + (" " if after else "")

    return _NUMBER_RUN.sub(space, text)


# -- an issue's habits ---------------------------------------------------------------------


@dataclass
class Habits:
    """What one issue's layout and extraction are like."""

    column_width: float
    lines_per_page: int
    number_space: float
    percent_space: float
    dash: str
    running_head: float
    head_at_end: float
    share_page: float
    cut: float
    backward: float
    host_on_start: float
    host_after_end: float
    pad_names: float
    tight_title: float
    pair_header: float
    editor_note: float

    @property
    def page_width(self) -> float:
        return 2 * self.column_width + GUTTER

    @classmethod
    def draw(cls, rng: random.Random) -> Habits:
        return cls(
            column_width=rng.choice(COLUMN_WIDTHS),
            lines_per_page=rng.randint(*LINES_PER_PAGE),
            number_space=rng.choice((0.0, 0.5, 0.8, 1.0)),
            percent_space=rng.choice((0.0, 0.0, 0.0, 0.3)),
            dash=rng.choice(("——", "———")),
            running_head=rng.choice((0.0, 0.0, 0.3, 0.7, 1.0)),
            head_at_end=rng.choice((0.0, 0.0, 0.0, 1.0)),
            share_page=rng.choice((0.0, 0.0, 0.0, 0.3, 0.6)),
            cut=rng.choice((0.0, 0.3, 0.5, 0.8)),
            backward=rng.choice((0.0, 0.5, 0.8)),
            host_on_start=rng.choice((0.3, 0.7)),
            host_after_end=rng.choice((0.3, 0.7)),
            pad_names=rng.choice((0.0, 0.5, 1.0)),
            tight_title=rng.choice((0.0, 0.5, 1.0)),
            pair_header=rng.choice((0.0, 0.0, 0.5)),
            editor_note=rng.choice((0.0, 0.3, 0.6)),
        )


# -- what the magazine prints -------------------------------------------------------------


@dataclass
class Article:
    """A column article, or the 卷首语: its print form and its expected record fields."""

    title: str
    title_lines: list[str]
    byline: str | None
    authors: list[str]
    note_lines: list[str]
    note: str | None
    paragraphs: list[str]  # as a reader gives them
    raw: list[str]  # as the extractor spaces them
    cuttable: bool = False
    tags: set[str] = field(default_factory=set)


@dataclass
class Excerpt:
    name: str
    title: str
    head_lines: list[str]
    paragraphs: list[str]
    raw: list[str]
    source_lines: list[str]
    source: str
    tags: set[str] = field(default_factory=set)


@dataclass
class EditorNote:
    label: str
    paragraphs: list[str]
    raw: list[str]
    tags: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Bank:
    """The words an issue is written from: the genre's sentences, headings, titles, names of
    places and columns. The default is the phrase bank above; another bank (other prose in the
    same genre) makes issues whose text the segmenter has never met."""

    sentences: Sequence = tuple(SENTENCES)
    clauses: Sequence = tuple(CLAUSES)
    section_headings: Sequence = tuple(SECTION_HEADINGS)
    sub_headings: Sequence = tuple(SUB_HEADINGS)
    dash_items: Sequence = tuple(DASH_ITEMS)
    title_phrases: Sequence = tuple(TITLE_PHRASES)
    title_last_phrases: Sequence = tuple(TITLE_LAST_PHRASES)
    topics: Sequence = tuple(TOPICS)
    topic_endings: Sequence = tuple(TOPIC_ENDINGS)
    short_titles: Sequence = tuple(SHORT_TITLES)
    juanshouyu_titles: Sequence = tuple(JUANSHOUYU_TITLES)
    essay_sentences: Sequence = tuple(ESSAY_SENTENCES)
    leader_sentences: Sequence = tuple(LEADER_SENTENCES)
    excerpt_titles: Sequence = tuple(EXCERPT_TITLES)
    occasions: Sequence = tuple(OCCASIONS)
    editor_topics: Sequence = tuple(EDITOR_TOPICS)
    editor_extra: Sequence = tuple(EDITOR_EXTRA)
    editor_endings: Sequence = tuple(EDITOR_ENDINGS)
    editor_middle: str = "各县（市、区）在推进过程中，形成了一些有特色的经验做法，"
    lessons: str = "我们的主要体会是："  # opens a paragraph that runs a dash list in
    # how a sub-heading opens its paragraph: {n} its number (一), {d} its digit (1), {h} the heading
    sub_heading_forms: Sequence = ("（{n}）{h}。",)
    places: Sequence = tuple(PLACES)
    slogans: Sequence = tuple(SLOGANS)
    departments: Sequence = tuple(DEPARTMENTS)
    ranks: Sequence = tuple(RANKS)
    leaders: Sequence = tuple(LEADERS)
    column_names: Sequence = tuple(COLUMN_NAMES)


class Writer:
    """Draws the content of an issue: sentences, titles, bylines, notes."""

    def __init__(self, rng: random.Random, habits: Habits, features: set[str], bank: Bank | None = None) -> None:
        self.rng, self.habits, self.features = rng, habits, features
        self.bank = bank or Bank()
        self.place = rng.choice(self.bank.places)
        self.tags: set[str] = set()  # the variations of the piece being written

    def tag(self, *names: str) -> None:
        self.tags.update(names)
        self.features.update(names)

    def take_tags(self) -> set[str]:
        tags, self.tags = self.tags, set()
        return tags

    # -- prose

    def sentence(self, pool: Sequence[str] | None = None) -> str:
        r = self.rng
        pool = self.bank.sentences if pool is None else pool
        return r.choice(pool).format(
            p=self.place,
            u=self.place[-1],
            n=r.randint(2, 30),
            m=r.randint(31, 500),
            b=r.randint(100, 9999),
            y=r.randint(2015, 2023),
            pct=r.randint(50, 99),
            s=r.choice(self.bank.slogans),
        )

    def paragraph(self, n: tuple[int, int] = (1, 7), pool: Sequence[str] | None = None) -> str:
        pool = self.bank.sentences if pool is None else pool
        picks = self.rng.sample(range(len(pool)), min(len(pool), self.rng.randint(*n)))
        return "".join(self.sentence([pool[k]]) for k in picks)

    def dash_list(self, pool: Sequence[str] | None = None) -> list[str]:
        pool = self.bank.dash_items if pool is None else pool
        items = self.rng.sample(pool, self.rng.randint(2, 4))
        return [self.habits.dash + it + ("；" if k < len(items) - 1 else "。") for k, it in enumerate(items)]

    def article_paragraphs(self) -> list[str]:
        r = self.rng
        self.place = r.choice(self.bank.places)
        paras = [self.paragraph((2, 7)) for _ in range(r.randint(1, 2))]
        for s in range(r.choice((0, 0, 1, 2, 3, 4))):
            self.tag("heading_section")
            paras.append(f"{CN_NUMBERS[s]}、{r.choice(self.bank.section_headings)}")
            style = r.choice(("plain", "sub", "yishi", "dash"))
            for j in range(r.randint(1, 3)):
                if style == "sub":
                    self.tag("heading_sub")
                    forms = self.bank.sub_heading_forms
                    form = forms[0] if len(forms) == 1 else r.choice(forms)
                    head = form.format(n=CN_NUMBERS[j], d=j + 1, h=r.choice(self.bank.sub_headings))
                    paras.append(head + self.paragraph((1, 4)))
                elif style == "yishi":
                    self.tag("heading_yishi")
                    clauses = r.sample(self.bank.clauses, r.randint(2, 4))
                    paras.append("".join(f"{CN_NUMBERS[k]}是{c}。" for k, c in enumerate(clauses)))
                else:
                    paras.append(self.paragraph())
            if style == "dash":
                self.tag("dash_list_in_article")
                paras[-1:-1] = self.dash_list(self.bank.clauses)
        if r.random() < 0.15:
            self.tag("dash_list_in_article")
            items = r.sample(self.bank.clauses, 3)
            paras.append(self.bank.lessons + "".join(f"{self.habits.dash}{c}；" for c in items)[:-1] + "。")
        if r.random() < 0.5:
            paras.append(self.paragraph((1, 3)))
        return paras

    def spaced(self, paras: list[str]) -> list[str]:
        raw = [extractor_spacing(p, self.rng, self.habits) for p in paras]
        if any(re.search(r"\d [\u4e00-\u9fff]|[\u4e00-\u9fff] \d", p) for p in raw):
            self.tag("number_spaced")
        if any(" %" in p for p in raw):
            self.tag("percent_spaced")
        if any(re.search(r"[A-Za-z]", p) for p in paras):
            self.tag("latin_word")
        return raw

    # -- titles

    def title(self) -> tuple[str, list[str]]:
        """The title as read and its printed lines."""
        r = self.rng
        form = r.choice(("one", "one", "two", "two", "two", "topic", "topic", "three", "spaced", "pair"))
        if form == "spaced":
            t = r.choice(self.bank.short_titles)
            self.tag("title_spaced_short", "title_1_lines")
            return t, [" ".join(t)]
        if form == "topic":
            opener = r.choice(("关于", "关于", "浅谈"))
            topic = r.choice(self.bank.topics)
            if opener == "浅谈":
                self.tag("title_opens_qiantan")
                t = "浅谈" + topic
                lines = [t]
            else:
                self.tag("title_opens_guanyu")
                ending = r.choice(self.bank.topic_endings)
                t = "关于" + topic + ending
                head, tail = t[: t.rindex("的") + 1], t[t.rindex("的") + 1 :]
                if len(t) > 16 or r.random() < 0.5:
                    tail_line = " ".join(tail) if len(tail) <= 6 and r.random() < 0.5 else tail
                    if " " in tail_line:
                        self.tag("title_spaced_line")
                    lines = [head, tail_line]
                    self.tag("title_run_on")
                else:
                    lines = [t]
            self.tag(f"title_{len(lines)}_lines")
            self._title_tags(t)
            return t, lines
        n = {"one": 1, "two": 2, "three": 3, "pair": 2}[form]
        phrases = r.sample(self.bank.title_phrases, n)
        if r.random() < 0.15:
            phrases[-1] = r.choice(self.bank.title_last_phrases)
        while len("".join(phrases)) > 26:
            phrases = r.sample(self.bank.title_phrases, n)
        t = " ".join(phrases)
        if form == "pair":
            lines = [t]
            self.tag("title_two_phrases_one_line")
        elif n == 3 and r.random() < 0.5:
            lines = [f"{phrases[0]} {phrases[1]}", phrases[2]]
            self.tag("title_two_phrases_one_line")
        else:
            lines = list(phrases)
        if len(lines) > 1 and len(lines[-1]) <= 6 and re.fullmatch(r"[\u4e00-\u9fff]+", lines[-1]) and r.random() < 0.3:
            lines[-1] = " ".join(lines[-1])
            self.tag("title_spaced_line")
        self.tag(f"title_{len(lines)}_lines")
        self._title_tags(t)
        return t, lines

    def _title_tags(self, t: str) -> None:
        n = len(t.replace(" ", ""))
        if n <= 6:
            self.tag("title_short")
        if n >= 20:
            self.tag("title_long")
        if "“" in t:
            self.tag("title_quoted")

    # -- bylines and notes

    def person(self) -> str:
        r = self.rng
        if r.random() < 0.04:
            return r.choice(COMPOUND_SURNAMES) + r.choice(GIVEN)
        given = "".join(r.sample(GIVEN, r.choice((1, 1, 2, 2, 2))))
        return r.choice(SURNAMES) + given

    def persons(self, n: int) -> tuple[str, list[str]]:
        names = [self.person() for _ in range(n)]
        shown = []
        for name in names:
            if len(name) == 2 and self.rng.random() < self.habits.pad_names:
                self.tag("byline_padded_name")
                name = " ".join(name)
            shown.append(name)
        return " ".join(shown), names

    def organisation(self) -> str:
        r = self.rng
        place = r.choice(self.bank.places)
        return r.choice(
            (
                f"{place}委组织部",
                f"{place}委组织部",
                f"{place}委组织部",
                f"{place}非公党工委",
                f"{place}机关工委",
                f"市委组织部{r.choice(self.bank.departments)}",
            )
        )

    def byline(self) -> tuple[str, list[str]]:
        r = self.rng
        kind = r.choices(
            ("persons", "org", "orgs", "reporter", "writer", "commentator", "box", "wen"),
            weights=(45, 22, 5, 7, 5, 4, 6, 6),
        )[0]
        if kind == "persons":
            n = r.choice((1, 1, 1, 2, 2, 3))
            self.tag(f"byline_{n}_people")
            return self.persons(n)
        if kind in ("org", "orgs"):
            orgs = [self.organisation() for _ in range(1 if kind == "org" else 2)]
            while len(set(orgs)) < len(orgs):
                orgs = [self.organisation() for _ in orgs]
            self.tag("byline_1_org" if kind == "org" else "byline_2_orgs")
            return " ".join(orgs), orgs
        if kind == "reporter":
            self.tag("byline_reporter")
            shown, names = self.persons(r.choice((1, 1, 2)))
            if r.random() < 0.3:
                extra = self.person()
                return f"本刊记者 {shown} 通讯员 {extra}", [*names, extra]
            return f"本刊记者 {shown}", names
        if kind == "writer":
            self.tag("byline_writer")
            name = self.person()
            return f"执笔：{name}", [name]
        if kind == "commentator":
            self.tag("byline_commentator")
            return "本刊评论员", ["本刊评论员"]
        name = self.person()
        if kind == "box":
            self.tag("byline_box")
            return f"□ {name}", [name]
        self.tag("byline_wen")
        return f"{r.choice(('文/', '文／'))}{name}", [name]

    def note(self) -> tuple[list[str], str | None]:
        r = self.rng
        if r.random() < 0.5:
            return [], None
        place = r.choice(self.bank.places)
        text = r.choice(
            (
                f"作者为{place}委常委、组织部长",
                f"作者为{place}委组织部副部长",
                f"作者为市委组织部{r.choice(self.bank.departments)}{r.choice(self.bank.ranks)}",
                f"作者单位：市委组织部{r.choice(self.bank.departments)}",
                f"作者系{place}委组织部{r.choice(self.bank.ranks)}",
            )
        )
        self.tag("note")
        if text.startswith("作者单位"):
            self.tag("note_unit")
        printed = f"（{text}{' ' if r.random() < 0.1 else ''}）"
        lines = wrap(printed, r.uniform(*NOTE_WIDTHS))
        if len(lines) > 1:
            self.tag("note_wrapped")
        return lines, text

    # -- the pieces of an issue

    def article(self) -> Article:
        self.tags = set()
        title, lines = self.title()
        byline, authors = self.byline()
        note_lines, note = self.note()
        paras = self.article_paragraphs()
        raw = self.spaced(paras)
        return Article(title, lines, byline, authors, note_lines, note, paras, raw, tags=self.take_tags())

    def juanshouyu(self) -> Article:
        self.tags = set()
        r = self.rng
        title = r.choice(self.bank.juanshouyu_titles)
        if len(title) <= 6:
            self.tag("juanshouyu_short_title")
        paras = [self.paragraph((2, 4), self.bank.essay_sentences) for _ in range(r.randint(2, 5))]
        raw = self.spaced(paras)
        return Article(title, [" ".join(title)], None, [], [], None, paras, raw, tags=self.take_tags())

    def excerpt(self) -> Excerpt:
        self.tags = set()
        r = self.rng
        name = r.choice(self.bank.leaders)
        title = " ".join(r.sample(self.bank.excerpt_titles, r.choice((1, 2, 2, 2))))
        colon = "：" if r.random() < 0.85 else ": "
        if colon != "：":
            self.tag("excerpt_ascii_colon")
        head_lines = wrap_keeping_spaces(f"{name}{colon}{title}", self.habits.page_width)
        if len(head_lines) > 1:
            self.tag("excerpt_head_wrapped")
        paras = [self.paragraph((2, 6), self.bank.leader_sentences) for _ in range(r.randint(1, 3))]
        if r.random() < 0.4:
            self.tag("excerpt_dash_list")
            at = r.randint(1, len(paras))
            paras[at:at] = self.dash_list()
        y, mth, d = r.randint(2018, 2023), r.randint(1, 12), r.randint(1, 28)
        source = f"{y}年{mth}月{d}日{r.choice(self.bank.occasions)}"
        source_lines = wrap(self.habits.dash + extractor_spacing(source, r, self.habits), self.habits.page_width)
        if len(source_lines) > 1:
            self.tag("excerpt_source_wrapped")
        raw = self.spaced(paras)
        return Excerpt(name, title, head_lines, paras, raw, source_lines, source, self.take_tags())

    def editor_note(self) -> EditorNote:
        self.tags = set()
        r = self.rng
        why, what = r.choice(self.bank.editor_topics)
        paras = [f"{why}，{what}。{self.bank.editor_middle}{r.choice(self.bank.editor_endings)}"]
        if r.random() < 0.2:
            paras.append(r.choice(self.bank.editor_extra))
        label = "编者按：" if r.random() < 0.85 else "【编者按】"
        raw = self.spaced(paras)
        return EditorNote(label, paras, raw, self.take_tags())

    def column_names(self, n: int) -> list[str]:
        names = self.rng.sample(self.bank.column_names, n)
        for name in names:
            self.features.add(f"column_name_{len(name)}")
        return names


# -- laying out pages ----------------------------------------------------------------------


@dataclass
class Marker:
    kind: str  # down or up
    style: str
    other: Page | None = None  # the page it points to
    space: bool = False  # a space before a down marker

    def render(self, offset: int) -> str:
        assert self.other is not None and self.other.index is not None
        text = self.style.format(n=self.other.index + offset)
        return (" " if self.space else "") + text


@dataclass
class Line:
    text: str
    owner: int | None  # the record it belongs to
    role: str  # body, tail, title, byline, note, tail_note, header, label, head, source
    marker: Marker | None = None
    label: str = ""  # 编者按： before the body text of the line
    tight: bool = False  # printed right under the line before, without a blank line

    @property
    def is_body(self) -> bool:
        return self.role in ("body", "tail")


@dataclass(eq=False)
class Page:
    cap: int
    column: str | None
    lines: list[Line] = field(default_factory=list)
    title_blocks: list[list[Line]] = field(default_factory=list)  # printed after all the page's lines
    running_head: str | None = None
    head_at_end: bool = False
    open_end: bool = False  # an article ends here and nothing follows yet: room for a block
    cut: bool = False
    index: int | None = None

    @property
    def room(self) -> int:
        return self.cap - len(self.all_lines())

    def all_lines(self) -> list[Line]:
        """The page's lines as the extractor writes them: the title blocks come last."""
        return self.lines + [line for block in self.title_blocks for line in block]


@dataclass
class Tail:
    """The end of a cut article, waiting for a page with room."""

    owner: int
    lines: list[Line]
    cut_page: Page
    down: Marker


class Book:
    """Lays the pieces of an issue on pages, in order, and writes the text."""

    def __init__(
        self, rng: random.Random, habits: Habits, features: set[str], irng: random.Random | None = None
    ) -> None:
        self.rng, self.habits, self.features = rng, habits, features
        # tails set inside another article's run draw from a stream of their own, so an issue
        # without them is laid out exactly as before they were added
        self.irng = irng or random.Random(0)
        self.interrupt_share = self.irng.choice(INTERRUPT_SHARES)
        self.pages: list[Page] = []
        self.records: list[ExpectedRecord] = []
        self.pending: list[Tail] = []
        self.hosts: dict[int, Page] = {}  # record → the page its tail went to
        self.current: Page | None = None  # a page an article ended on, with room below

    # -- pages

    def new_page(self, column: str | None, *, header: str | None = None, running: bool = False) -> Page:
        cap = max(8, self.habits.lines_per_page + self.rng.randint(-PAGE_JITTER, PAGE_JITTER))
        page = Page(cap, column)
        if header is not None:
            page.lines.append(Line(header, None, "header"))
        elif running and column is not None and self.rng.random() < self.habits.running_head:
            page.running_head = self.header_text(column)
            page.head_at_end = self.rng.random() < self.habits.head_at_end
            self.features.add("running_head_at_end" if page.head_at_end else "running_head")
        self.pages.append(page)
        return page

    def header_text(self, column: str) -> str:
        if len(column) == 4 and self.rng.random() < self.habits.pair_header:
            self.features.add("header_pairs")
            return f"{column[:2]} {column[2:]}"
        return " ".join(column)

    def body_lines(self, wrapped: list[Wrapped], k: int, role: str = "body", width: float = 0.0) -> list[Line]:
        if any(w.text.startswith("—") and not w.first for w in wrapped):
            self.tag(k, "dash_opens_wrapped_line")
        if width and any(unseen_break(a, b, width) for a, b in itertools.pairwise(wrapped)):
            self.tag(k, "break_unseen_in_text")
        return [Line(w.text, k, role) for w in wrapped]

    def record(self, kind: str, column: str | None, title: str | None, authors, note: str | None, paras, tags):
        self.records.append(ExpectedRecord(kind, column, title, list(authors), note, [], "\n".join(paras), set(tags)))
        self.features.update(tags)
        return len(self.records) - 1

    def tag(self, k: int, *names: str) -> None:
        self.records[k].tags.update(names)
        self.features.update(names)

    # -- the 卷首语 and the excerpts (across the page)

    def lay_juanshouyu(self, art: Article) -> None:
        k = self.record("article", JUANSHOUYU, art.title, [], None, art.paragraphs, art.tags | {"juanshouyu"})
        page = self.new_page(JUANSHOUYU, header=self.header_text(JUANSHOUYU))
        wrapped = wrap_paragraphs(art.raw, self.habits.page_width, rng=self.rng)
        page.lines += self.body_lines(wrapped, k, width=self.habits.page_width)
        page.lines.append(Line(art.title_lines[0], k, "title"))
        page.cap = max(page.cap, len(page.lines))

    def lay_excerpts(self, excerpts: list[Excerpt]) -> None:
        page = self.new_page(None)
        for ex in excerpts:
            k = self.record("excerpt", None, ex.title, [ex.name], tidy(ex.source), ex.paragraphs, ex.tags | {"excerpt"})
            wrapped = wrap_paragraphs(ex.raw, self.habits.page_width, rng=self.rng)
            body = self.body_lines(wrapped, k, width=self.habits.page_width)
            head = [Line(t, k, "head") for t in ex.head_lines]
            if page.room < len(head) + 1 and page.lines:
                page = self.new_page(None)
            page.lines += head
            for line in body:
                if page.room <= 0:
                    page = self.new_page(None)
                page.lines.append(line)
            for t in ex.source_lines:
                if page.room < 0:
                    page = self.new_page(None)
                page.lines.append(Line(t, k, "source"))

    # -- a column

    def lay_column(self, name: str, editor_note: EditorNote | None, articles: list[Article]) -> None:
        self.current = None
        first = self.new_page(name, header=self.header_text(name))
        if editor_note is not None:
            k = self.record("editor_note", name, None, [], None, editor_note.paragraphs, editor_note.tags)
            self.tag(k, "editor_note")
            raw = [editor_note.label + editor_note.raw[0], *editor_note.raw[1:]]
            lines = self.body_lines(wrap_paragraphs(raw, self.habits.page_width, indent=False, rng=self.rng), k)
            lines[0].label, lines[0].text = editor_note.label, lines[0].text[len(editor_note.label) :]
            first.lines += lines
        for i, art in enumerate(articles):
            art.cuttable = self.rng.random() < self.habits.cut
            self.lay_article(name, art, first if i == 0 else None, editor_note is not None)
        self.current = None

    def lay_article(self, column: str, art: Article, opening: Page | None, after_note: bool) -> None:
        k = self.record("article", column, art.title, art.authors, art.note, art.paragraphs, art.tags)
        width = self.habits.column_width
        title_block = [Line(t, k, "title") for t in art.title_lines] + [Line(art.byline or "", k, "byline")]
        tight = self.rng.random() < self.habits.tight_title
        for line in title_block[1:]:
            line.tight = tight
        page = self.first_page(k, column, opening, after_note, len(title_block))
        body = wrap_paragraphs(art.raw, width, rng=self.rng)
        self.body_lines(body, k, width=width)  # for its tags
        if any(HEADING.match(art.raw[w.para]) and "。" not in art.raw[w.para] and not w.first for w in body):
            self.tag(k, "heading_wrapped")
        note = [Line(t, k, "note") for t in art.note_lines]
        i, first = 0, True
        while True:
            room = page.room - (len(title_block) if first else 0)
            if first and room < MIN_FIRST_PAGE_LINES:
                page.cap += MIN_FIRST_PAGE_LINES - room
                room = MIN_FIRST_PAGE_LINES
            rest = len(body) - i
            placed = self.interrupt(k, column, page, body, i, room, first) if self.pending else None
            done = rest <= room if placed is None else i + placed == len(body)
            if placed is not None:
                i += placed
                page.lines += note if done else []
            elif done:
                page.lines += self.body_lines(body[i:], k) + note
            elif (
                art.cuttable and 2 <= rest - room + 1 <= MAX_TAIL_LINES and self.cut(k, art, page, body, i, room, first)
            ):
                if first:
                    self.tag(k, "cut_on_first_page")
                done = True
            else:
                page.lines += self.body_lines(body[i : i + room], k)
                i += room
            if first:
                page.title_blocks.append(title_block)
                first = False
            if done:
                break
            page = self.new_page(column, running=True)
        n_pages = sum(any(ln.owner == k for ln in p.all_lines()) for p in self.pages)
        if n_pages == 1:
            self.tag(k, "one_page_article")
        if n_pages >= 4:
            self.tag(k, "long_article")
        if page.cut:
            self.current = None
            return
        page.open_end = True
        self.current = page
        if self.pending and self.rng.random() < self.habits.host_after_end and self.fits(self.pending[0], page, 0):
            tail = self.pending.pop(0)
            self.host(tail, page, at_top=False)
            self.tag(tail.owner, "block_after_article_end")

    # -- a tail set inside another article's run

    def interrupt(
        self, k: int, column: str, page: Page, body: list[Wrapped], i: int, room: int, first: bool
    ) -> int | None:
        """Set the first waiting tail inside article k's run on this page, where magazines put one
        when a page has room: at the page's top, before the article's lines go on from the page
        before; at a column's foot, the article resuming after it (sometimes under the page's
        running head, which the extractor writes where the next column begins); or at the page's
        foot, the article going on over the page. Returns how many of the article's lines went on
        the page, or None where the tail is not set here."""
        if self.irng.random() >= self.interrupt_share:
            return None
        tail = self.pending[0]
        where = self.irng.choice(("page_top", "column_foot", "page_foot"))
        head = where == "column_foot" and self.irng.random() < 0.5
        rest = len(body) - i
        n = min(room - len(tail.lines) - head, rest)
        if not self.fits(tail, page, 0) or n < (2 if where == "column_foot" else 1):
            return None
        if where == "page_top":
            if first:
                return None  # a tail before an article's first line is block_then_article
            split = 0
        elif where == "page_foot":
            if n == rest:
                return None  # the article has to go on over the page
            split = n
        else:
            points = split_points(body, i, n)
            variant = self.irng.choice(sorted(points))
            split = self.irng.choice(points[variant])
        lines = self.body_lines(body[i : i + n], k)
        block = list(tail.lines)
        if head:
            block.append(Line(self.header_text(column), None, "header"))
            page.running_head = None
            self.tag(k, "resumes_after_header")
        page.lines += lines[:split] + block + lines[split:]
        self.pending.pop(0)
        self.settle(tail, page)
        self.tag(tail.owner, "block_inside_run", f"block_at_{where}")
        self.tag(k, interruption(body[i + split - 1], body[i + split] if i + split < len(body) else None))
        return n

    def first_page(self, k: int, column: str, opening: Page | None, after_note: bool, block: int) -> Page:
        """The page an article starts on: the column's first page, the room under the article
        before, or a new page (which may first finish a cut article)."""
        if opening is not None:
            if not after_note:
                self.maybe_host_on_start(k, opening, block)
            return opening
        page = self.current
        if (
            page is not None
            and page.room >= block + MIN_FIRST_PAGE_LINES + 1
            and self.rng.random() < self.habits.share_page
        ):
            page.open_end = False
            self.tag(k, "article_starts_mid_page")
            return page
        page = self.new_page(column, running=True)
        self.maybe_host_on_start(k, page, block)
        return page

    def maybe_host_on_start(self, k: int, page: Page, block: int) -> None:
        if not self.pending or self.rng.random() >= self.habits.host_on_start:
            return
        tail = self.pending[0]
        if not self.fits(tail, page, block + MIN_FIRST_PAGE_LINES + 1):
            return
        self.pending.pop(0)
        self.host(tail, page, at_top=True)
        has_note = any(ln.role == "tail_note" for ln in tail.lines)
        self.tag(tail.owner, "block_note_then_article" if has_note else "block_then_article")
        self.tag(k, "starts_after_block")

    # -- continuations

    def cut(self, k: int, art: Article, page: Page, body: list[Wrapped], i: int, room: int, first: bool) -> bool:
        """Cut the article on this page after ``room`` of its remaining lines, mid-paragraph;
        its tail waits for a page with room. False where no such cut is possible."""
        width = self.habits.column_width
        for n in (room, room - 1):
            if n < (MIN_FIRST_PAGE_LINES if first else 1):
                continue
            line = body[i + n - 1]
            if line.last:
                continue
            down = Marker("down", self.rng.choice(DOWN_MARKERS), space=self.rng.random() < 0.3)
            up = Marker("up", self.rng.choice(UP_MARKERS))
            down_em = em(down.style.format(n=88)) + (0.5 if down.space else 0)
            para = art.raw[line.para]
            cap = width - (INDENT if line.first else 0) - down_em
            spans = wrap_spans(para[line.start :], width, cap, self.rng)
            end = line.start + spans[0][1]
            head, rest = para[line.start : end].strip(), para[end:].strip()
            if len(head) < 2 or not rest:
                continue
            tail_body = wrap_paragraphs(
                [rest, *art.raw[line.para + 1 :]],
                width,
                continued_first=width - em(up.style.format(n=88)),
                rng=self.rng,
            )
            if len(tail_body) > MAX_TAIL_LINES:
                continue
            page.lines += self.body_lines(body[i : i + n - 1], k)
            cut_line = Line(head, k, "body", marker=down)
            page.lines.append(cut_line)
            page.cut = True
            tail_lines = self.body_lines(tail_body, k, role="tail")
            tail_lines[0].marker = up
            up.other = page
            tail_lines += [Line(t, k, "tail_note") for t in art.note_lines]
            self.place_tail(Tail(k, tail_lines, page, down))
            return True
        return False

    def place_tail(self, tail: Tail) -> None:
        earlier = [
            p
            for p in self.pages
            if p.open_end and p.room >= len(tail.lines) and self.pages.index(tail.cut_page) - self.pages.index(p) >= 2
        ]
        if earlier and self.rng.random() < self.habits.backward:
            self.host(tail, self.rng.choice(earlier), at_top=False)
            self.tag(tail.owner, "cut_backward", "block_after_article_end")
        else:
            self.pending.append(tail)

    def fits(self, tail: Tail, page: Page, keep: int) -> bool:
        """Whether the page has room for the tail (and ``keep`` more lines), far enough from its cut."""
        far = self.pages.index(page) - self.pages.index(tail.cut_page) >= 2
        return far and page.room - len(tail.lines) >= keep

    def host(self, tail: Tail, page: Page, *, at_top: bool) -> None:
        if at_top:
            at = 1 if page.lines and page.lines[0].role == "header" else 0
            page.lines[at:at] = tail.lines
        else:
            page.lines += tail.lines
        self.settle(tail, page)

    def settle(self, tail: Tail, page: Page) -> None:
        """The bookkeeping of a tail set on a page: its cut points there, its record ends there."""
        page.open_end = False
        tail.down.other = page
        self.hosts[tail.owner] = page
        if tail.cut_page in self.pages and self.pages.index(tail.cut_page) < self.pages.index(page):
            self.tag(tail.owner, "cut_forward")

    def finish_tails(self) -> None:
        """Tails no page took go to the issue's last pages, as magazines do."""
        if not self.pending:
            return
        page = self.new_page(None)
        page.cap = max(page.cap, MAX_TAIL_LINES + 2)
        for tail in self.pending:
            if page.room < len(tail.lines) and page.lines:
                page = self.new_page(None)
                page.cap = max(page.cap, MAX_TAIL_LINES + 2)
            self.host(tail, page, at_top=False)
            self.tag(tail.owner, "continued_on_last_page")
        self.pending = []

    # -- the text

    def finish(self, seed: int) -> GeneratedIssue:
        self.finish_tails()
        for n, page in enumerate(self.pages):
            page.index = n
        has_markers = bool(self.hosts)
        offset = self.rng.choice(OFFSETS) if has_markers else DEFAULT_OFFSET
        for k, rec in enumerate(self.records):
            pages: list[int] = []
            for page in self.pages:
                if any(ln.owner == k and ln.role not in ("tail", "tail_note") for ln in page.all_lines()):
                    pages.append(page.index + offset)
            if k in self.hosts:
                pages.append(self.hosts[k].index + offset)
            rec.pages = pages
        if min(p.cap for p in self.pages) <= 14:
            self.features.add("pages_short")
        if max(p.cap for p in self.pages) >= 34:
            self.features.add("pages_long")
        chunks, metadata = [], []
        for page in self.pages:
            lines = page.all_lines()
            if page.running_head is not None:
                head = Line(page.running_head, None, "header")
                lines = [*lines, head] if page.head_at_end else [head, *lines]
            out = []
            for n, line in enumerate(lines):
                text = line.label + line.text
                if line.label:
                    metadata.append(line.label)
                if line.marker is not None:
                    mark = line.marker.render(offset)
                    text = text + mark if line.marker.kind == "down" else mark + text
                    metadata.append(mark)
                if not line.is_body:
                    metadata.append(line.text)
                sep = "" if n == 0 else ("\n" if line.tight else "\n\n")
                out.append(sep + text)
            chunks.append(" " + "".join(out))
        text = "\n".join(chunks) + "\n"
        return GeneratedIssue(seed, text, self.records, frozenset(self.features), metadata, offset, len(self.pages))


_SENTENCE_END = re.compile(r"[。！？；]$")
_WORD_TAIL = re.compile(r"^[\u4e00-\u9fff]{1,2}[。！？；]")


def interruption(before: Wrapped, after: Wrapped | None) -> str:
    """How an article's text stops where a tail interrupts it: at a paragraph's end, inside a
    word (the text resumes with a character or two and a sentence end, 公益岗 | 位。), inside
    a sentence, or between two sentences of a paragraph."""
    if before.last:
        return "interrupted_at_paragraph_end"
    if after is not None and _WORD_TAIL.match(after.text):
        return "interrupted_mid_word"
    return "interrupted_between_sentences" if _SENTENCE_END.search(before.text) else "interrupted_mid_sentence"


def split_points(body: list[Wrapped], i: int, n: int) -> dict[str, list[int]]:
    """Where among lines i … i+n-1 a tail may interrupt the text, by how the text stops there
    (see ``interruption``): each kind with the number of lines above the tail."""
    points: dict[str, list[int]] = {}
    for m in range(1, n):
        points.setdefault(interruption(body[i + m - 1], body[i + m]), []).append(m)
    return points


def unseen_break(last: Wrapped, nxt: Wrapped, width: float) -> bool:
    """A paragraph break only the print shows: the paragraph before ends on a full line and the
    next is a single line too short to show its indentation, and no heading or dash opens it."""
    return (
        last.last
        and nxt.first
        and nxt.last
        and em(last.text) >= width - 1.25
        and em(nxt.text) < width - 3.25
        and not re.match(r"[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|—", nxt.text)
    )


def tidy(text: str) -> str:
    """The reader's form of a line: no spaces between numbers or Latin words and Hanzi."""
    return re.sub(r"(?<=[0-9A-Za-z%])\s+(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])\s+(?=[0-9A-Za-z])", "", text).strip()


# -- the issue -----------------------------------------------------------------------------


def generate_issue(seed: int, *, bank: Bank | None = None, interrupt: float | None = None) -> GeneratedIssue:
    """An issue in the seed's text shape and its expected records, all drawn from ``seed``.

    ``bank`` is the prose it is written from (the phrase bank above by default); ``interrupt``
    sets how often a waiting tail is set inside another article's run (drawn per issue from
    ``INTERRUPT_SHARES`` by default)."""
    rng = random.Random(seed)
    features: set[str] = set()
    habits = Habits.draw(rng)
    writer = Writer(rng, habits, features, bank)
    book = Book(rng, habits, features, random.Random(f"{seed} interrupt"))
    if interrupt is not None:
        book.interrupt_share = interrupt
    if rng.random() < P_JUANSHOUYU:
        features.add("juanshouyu")
        book.lay_juanshouyu(writer.juanshouyu())
    else:
        features.add("no_juanshouyu")
    if rng.random() < P_EXCERPTS:
        book.lay_excerpts([writer.excerpt() for _ in range(rng.randint(*EXCERPTS_PER_ISSUE))])
    names = writer.column_names(rng.randint(*COLUMNS_PER_ISSUE))
    if len(names) >= 5:
        features.add("columns_many")
    for name in names:
        note = writer.editor_note() if rng.random() < habits.editor_note else None
        book.lay_column(name, note, [writer.article() for _ in range(rng.randint(*ARTICLES_PER_COLUMN))])
    return book.finish(seed)


# -- comparing with what the segmenter gives ------------------------------------------------


def got_records(articles) -> list[dict]:
    """The segmenter's records (``Issue.articles``) as plain dicts of ``RECORD_FIELDS``."""
    out = []
    for row in articles.to_dict("records"):
        rec = {f: row[f] for f in RECORD_FIELDS}
        rec["authors"] = list(rec["authors"])
        rec["pages"] = [int(p) for p in rec["pages"]]
        for f in ("column", "title", "author_note"):
            if not isinstance(rec[f], str):
                rec[f] = None  # NaN or None alike
        out.append(rec)
    return out


def field_diffs(expected: ExpectedRecord, got: dict) -> list[tuple[str, object, object]]:
    """(field, expected, got) for every field that differs."""
    want = expected.as_dict()
    return [(f, want[f], got[f]) for f in RECORD_FIELDS if want[f] != got[f]]


def align(expected: Sequence[ExpectedRecord], got: Sequence[dict]) -> list[tuple[int | None, int | None]]:
    """Pair expected and found records in order (an LCS on kind and title or body start), so
    that one record too many or too few does not shift every later one."""

    def same(e: ExpectedRecord, g: dict) -> bool:
        return e.kind == g["kind"] and (
            (e.title is not None and e.title == g["title"]) or e.text[:12] == (g["text"] or "")[:12]
        )

    n, m = len(expected), len(got)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for a in range(n - 1, -1, -1):
        for b in range(m - 1, -1, -1):
            best[a][b] = max(best[a + 1][b], best[a][b + 1], best[a + 1][b + 1] + same(expected[a], got[b]))
    pairs: list[tuple[int | None, int | None]] = []
    a = b = 0
    while a < n and b < m:
        if same(expected[a], got[b]) and best[a][b] == best[a + 1][b + 1] + 1:
            pairs.append((a, b))
            a, b = a + 1, b + 1
        elif best[a + 1][b] >= best[a][b + 1]:
            pairs.append((a, None))
            a += 1
        else:
            pairs.append((None, b))
            b += 1
    pairs += [(x, None) for x in range(a, n)] + [(None, y) for y in range(b, m)]
    # an unmatched expected record next to an unmatched found one: the same record, misread
    merged: list[tuple[int | None, int | None]] = []
    for pair in pairs:
        if merged and merged[-1][1] is None and pair[0] is None and merged[-1][0] is not None:
            merged[-1] = (merged[-1][0], pair[1])
        elif merged and merged[-1][0] is None and pair[1] is None and merged[-1][1] is not None:
            merged[-1] = (pair[0], merged[-1][1])
        else:
            merged.append(pair)
    return merged


def divergence(expected: str, got: str, context: int = 14) -> tuple[int, str, str]:
    """Where two texts first differ, and each around that place (``\n`` shown as ⏎)."""
    k = next((i for i, (x, y) in enumerate(zip(expected, got, strict=False)) if x != y), min(len(expected), len(got)))
    start = max(0, k - context)

    def cut(t: str) -> str:
        piece = t[start : k + context].replace("\n", "⏎")
        return ("…" if start else "") + piece + ("…" if k + context < len(t) else "")

    return k, cut(expected), cut(got)


def describe(field: str, expected: object, got: object) -> str:
    """One line for a field that differs: texts around where they part, other values whole."""
    if field == "text" and isinstance(expected, str) and isinstance(got, str):
        k, e, g = divergence(expected, got)
        return f"text at char {k}: expected {e!r} | got {g!r}"
    return f"{field}: expected {short(expected)} | got {short(got)}"


def short(value: object, limit: int = 60) -> str:
    """A value for a diff line, long texts cut in the middle."""
    s = repr(value)
    return s if len(s) <= limit else s[: limit // 2] + " … " + s[-limit // 2 :]


# -- scoring a reading ----------------------------------------------------------------------


def load_generated(gen: GeneratedIssue):
    """The issue as ``load_issue`` reads it from a file (no cache, its warnings kept quiet)."""
    import tempfile
    import warnings

    from corpus_utils import load_issue

    with tempfile.TemporaryDirectory() as tmp:
        path = gen.write(Path(tmp) / f"generated_{gen.seed}.txt")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return load_issue(path, cache=False)


@dataclass
class RecordScore:
    """One expected record against what the segmenter gave (or a record it gave too many)."""

    expected: int | None  # index into the generated issue's records; None for a record found too many
    found: int | None  # article_id of the record found; None for a record not found
    wrong: list[str]  # the fields that differ (every field for a record not found)
    flags: list[str]  # the flags raised on the record found that are shown by default
    hidden: list[str]  # the flags raised on it that are not shown by default
    tags: set[str]  # the variations of the expected record
    diffs: list[str] = field(default_factory=list)  # one line per field that differs
    rules: list[str] = field(default_factory=list)  # the rule of every flag raised on it, shown or not
    doubts: list[str] = field(default_factory=list)  # the shown flags that are doubts (not problems)


def score_issue(gen: GeneratedIssue, issue) -> list[RecordScore]:
    """Each expected record paired with the one found (``align``), with its wrong fields and its
    flags; a record not found counts as flagged when the issue raised any flag at all."""
    got = got_records(issue.articles)
    try:
        every = issue.flags(every=True)
    except TypeError:  # an Issue from before flags were ranked shows all of them
        every = issue.flags()
    ranked = "shown" in every.columns
    shown: dict[int, list[str]] = {}
    hidden: dict[int, list[str]] = {}
    rules: dict[int, list[str]] = {}
    doubts: dict[int, list[str]] = {}
    issue_wide = []
    for r in every.itertuples():
        if r.article_id is None or pd_isna(r.article_id):
            if not ranked or r.shown:
                issue_wide.append(r.flag)
            continue
        aid = int(r.article_id)
        (shown if not ranked or r.shown else hidden).setdefault(aid, []).append(r.flag)
        rules.setdefault(aid, []).append(r.rule if ranked else r.flag)
        if (not ranked or r.shown) and r.level == "doubt":
            doubts.setdefault(aid, []).append(r.flag)
    out = []
    for a, b in align(gen.records, got):
        if a is None:
            out.append(RecordScore(None, b + 1, [], shown.get(b + 1, []), hidden.get(b + 1, []), set()))
            continue
        want = gen.records[a]
        if b is None:
            flags = issue_wide or [f for fs in shown.values() for f in fs]
            out.append(RecordScore(a, None, list(RECORD_FIELDS), flags[:1], [], want.tags | {want.kind}, ["missing"]))
            continue
        diffs = field_diffs(want, got[b])
        out.append(
            RecordScore(
                a,
                b + 1,
                [f for f, *_ in diffs],
                shown.get(b + 1, []),
                hidden.get(b + 1, []),
                want.tags | {want.kind},
                [describe(*d) for d in diffs],
                rules.get(b + 1, []),
                doubts.get(b + 1, []),
            )
        )
    return out


def flag_precision(scores: Sequence[RecordScore], *, by: str = "flag") -> list[tuple[str, int, int, int]]:
    """Per flag (``by="rule"``: per rule): (name, records raising it, of those wrong, wrong
    records in all): precision is the second over the first, recall the second over the third."""
    n_wrong = sum(bool(s.wrong) for s in scores if s.expected is not None)
    raised: dict[str, list[bool]] = {}
    for s in scores:
        if s.found is None:
            continue
        wrong = bool(s.wrong) or s.expected is None
        for name in set(s.rules if by == "rule" else s.flags + s.hidden):
            raised.setdefault(name, []).append(wrong)
    return sorted(((f, len(v), sum(v), n_wrong) for f, v in raised.items()), key=lambda row: -row[1])


def pd_isna(value) -> bool:
    """Whether a table cell is missing (None, or NaN: the only value not equal to itself)."""
    return value is None or value != value
