"""The shapes of the lines that are not body text: headers, title blocks, notes, markers.

Each function looks at one line (or the last lines of a page) and says what it is; the
article segmenter decides from these where records start and end.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .pages import DOWN_MARKER, UP_MARKER
from .paragraphs import HANZI, HEADING, TERMINAL, WIDE, display_width

# The common single and compound surnames (百家姓 by frequency), to tell a byline from a phrase.
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施"
    "文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷"
    "盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷"
    "晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆"
    "乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平"
    "计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公"
    "哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由习"
)
COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "令狐",
    "长孙",
    "宇文",
    "司徒",
    "夏侯",
)
# Column names that look like a two-character "name": never a person.
_NOT_SURNAME_START = ("农村", "党建", "城市", "基层", "组工", "人才", "干部")
ORG_SUFFIXES = (
    "组织部",
    "党工委",
    "工委",
    "党委",
    "党组",
    "委员会",
    "办公室",
    "研究室",
    "研究会",
    "研究中心",
    "课题组",
    "调研组",
    "编辑部",
    "宣传部",
    "党校",
    "学院",
    "大学",
    "中心",
    "支部",
    "总支",
    "联合会",
    "协会",
    "政府",
    "厅",
    "局",
    "处",
    "科",
    "公司",
    "集团",
    "街道",
    "社区",
)
# Words a byline may carry besides the names: 本刊记者 张三, 执笔：李四, 本刊评论员.
BYLINE_ROLES = {"本刊记者", "记者", "通讯员", "执笔", "本刊评论员", "本刊特约评论员", "特约评论员", "本刊编辑部"}
TITLE_OPENERS = ("关于", "论", "浅谈", "浅析", "试论", "谈谈", "对")
_SENTENCE_PUNCT = set("，。；！？、,;!?")

AUTHOR_NOTE = re.compile(r"^[（(]\s*(?:本文)?作\s*者\s*(?:为|系|是|单位|简介)")
EDITOR_NOTE = re.compile(r"^[【\[]?\s*编\s*者\s*按\s*[】\]]?\s*[：:]?")
EXCERPT_HEAD = re.compile(rf"^(?P<name>[{HANZI}]{{2,4}})\s*[：:]\s*(?P<title>\S.*)$")
EXCERPT_SOURCE = re.compile(r"^[—―─－\-]{2,}\s*")


@dataclass(frozen=True)
class TitleBlock:
    """Where an article's title block sits among a page's lines (indices into them)."""

    titles: tuple[int, ...]
    byline: int | None
    trailing_headers: tuple[int, ...]

    @property
    def indices(self) -> set[int]:
        return set(self.titles) | ({self.byline} if self.byline is not None else set())


def is_column_header(text: str) -> bool:
    """A spaced column header: ``部 长 笔 谈`` (3–6 single Hanzi) or ``农村 党建`` (two pairs)."""
    tokens = text.split()
    if len(tokens) < 2 or not all(re.fullmatch(rf"[{HANZI}]+", t) for t in tokens):
        return False
    if all(len(t) == 1 for t in tokens):
        # 专 题 is a header too, 邵 壮 a letter-spaced name
        return 3 <= len(tokens) <= 6 or (len(tokens) == 2 and not _is_person_name("".join(tokens)))
    return len(tokens) == 2 and all(len(t) == 2 for t in tokens)


def is_spaced_title(text: str) -> bool:
    """A title set letter-spaced like a header but longer than any column name (``善 用 自 我 革 命 武 器``)."""
    tokens = text.split()
    return len(tokens) > 6 and all(re.fullmatch(rf"[{HANZI}]", t) for t in tokens)


def despace(text: str) -> str:
    """``几 点 思 考`` → ``几点思考``: drop spaces between single letter-spaced Hanzi."""
    tokens = text.split()
    if len(tokens) > 1 and all(len(t) == 1 for t in tokens):
        return "".join(tokens)
    return " ".join(tokens)


def byline_authors(text: str) -> list[str] | None:
    """The authors if the line is a byline (person names or an organisation), else None."""
    s = re.sub(r"^(?:[□■◎●○◇◆]|文\s*[/／|｜])\s*", "", text.strip())  # □ 张三, 文/张三
    if not s or _SENTENCE_PUNCT & set(s) or len(s) > 24:
        return None
    compact = re.sub(r"\s+", "", s)
    if re.fullmatch(rf"[{HANZI}（）()]{{3,24}}", compact) and compact.endswith(ORG_SUFFIXES):
        parts = s.split()
        if len(parts) > 1 and all(p.endswith(ORG_SUFFIXES) for p in parts):
            return parts  # two organisations: 舒兰市委组织部 蛟河市委组织部
        return [compact]
    tokens = [t for t in re.split(r"[\s、，,：:]+", s) if t]
    if tokens and all(t in BYLINE_ROLES for t in tokens):
        return ["".join(tokens)]  # 本刊评论员
    tokens = [t for t in tokens if t not in BYLINE_ROLES]  # 本刊记者 张三 → 张三
    if not tokens or not all(re.fullmatch(rf"[{HANZI}·]+", t) for t in tokens):
        return None
    if len(tokens) > 1 and all(len(t) == 1 for t in tokens):
        tokens = ["".join(tokens)]  # one name set letter-spaced: 邵 壮
    if all(_is_person_name(t) for t in tokens):
        return tokens
    return None


def is_title_like(text: str) -> bool:
    """Short, no sentence punctuation, not a heading: could be a line of a title."""
    s = text.strip()
    return (
        0 < len(s) <= 26
        and not (_SENTENCE_PUNCT & set(s))
        and not s.endswith(("：", ":"))
        and not HEADING.match(s)
        and not is_structural(s)
    )


def is_structural(text: str) -> bool:
    """Markers, notes and editor's notes: lines the segmenter handles before anything else."""
    return bool(DOWN_MARKER.search(text) or UP_MARKER.match(text) or AUTHOR_NOTE.match(text) or EDITOR_NOTE.match(text))


def is_excerpt_head(text: str, next_text: str | None) -> bool:
    """``习近平：标题`` opening a leader's excerpt, set across the page."""
    m = EXCERPT_HEAD.match(text.strip())
    if not m or EDITOR_NOTE.match(text) or HEADING.match(text) or not _is_person_name(m.group("name")):
        return False
    if re.search(r"[，。；！？]", m.group("title")):
        return False
    return display_width(text) >= WIDE or (next_text is not None and display_width(next_text) >= WIDE)


def is_continuation_line(text: str) -> bool:
    """A short, unpunctuated line that finishes a wrapped title or source line (``模范机关``)."""
    s = text.strip()
    return len(s) <= 15 and not re.search(r"[，。；：！？、]", s) and not is_column_header(s) and not is_structural(s)


def find_title_block(texts: Sequence[str], width: float) -> TitleBlock | None:
    """The title block at the end of an article's first page: 1–3 title lines, then the byline.

    A column header may follow the byline. A page whose last line is a letter-spaced title
    longer than a column name has a title with no byline (the 卷首语).
    """
    end = len(texts) - 1
    trailing: list[int] = []
    while end >= 1 and is_column_header(texts[end]) and not _byline_under_title(texts, end):
        trailing.insert(0, end)
        end -= 1
    if end < 0:
        return None
    if _byline_under_title(texts, end):
        titles = [end - 1]
        for k in range(end - 2, max(end - 4, -1), -1):
            if not _accept_title_line(texts, k, width, n_so_far=len(titles)):
                break
            titles.insert(0, k)
        return TitleBlock(tuple(titles), end, tuple(trailing))
    if is_spaced_title(texts[end]):
        return TitleBlock((end,), None, tuple(trailing))
    return None


def title_from_lines(lines: Sequence[str]) -> str:
    """Join title lines: a line cut after 的/之/与… runs on, two halves are joined by a space."""
    out = ""
    for line in (despace(x) for x in lines):
        if not out:
            out = line
        elif out.endswith(("的", "之", "与", "和", "及", "对", "在", "为")):
            out += line
        else:
            out += " " + line
    return out


# internal functions ----------------------------------------------------------


def _is_person_name(token: str) -> bool:
    if token.startswith(COMPOUND_SURNAMES):
        return 3 <= len(token) <= 5
    return 2 <= len(token) <= 4 and token[0] in SURNAMES and not token.startswith(_NOT_SURNAME_START)


def _byline_under_title(texts: Sequence[str], k: int) -> bool:
    return k >= 1 and byline_authors(texts[k]) is not None and is_title_like(texts[k - 1])


def _accept_title_line(texts: Sequence[str], k: int, width: float, *, n_so_far: int) -> bool:
    """Whether line k, above ``n_so_far`` accepted title lines, is a title line too.

    A body line without punctuation can sit right above a title; it fills the column and
    follows a line that does not end a sentence, where a title line is usually shorter or
    opens like a title (关于…).
    """
    text = texts[k]
    if not is_title_like(text):
        return False
    w = display_width(text)
    if n_so_far >= 2 and w >= width - 3:
        return False
    if text.startswith(TITLE_OPENERS):
        return True
    above_ends = k < 1 or bool(TERMINAL.search(texts[k - 1])) or is_column_header(texts[k - 1])
    full_line = w >= width - 1 and not above_ends  # a body line running on from the one above
    first_line = width - 3.25 < w <= width - 1.375 and above_ends  # a paragraph's indented first line
    return not (full_line or first_line)
