"""The shapes of the lines that are not body text: headers, titles, bylines, notes, markers.

Each function looks at one line's text (and at most the line after it) and says whether it has
a shape: these are the words the line classifier (``classify``) decides with. Whether a line
of that shape *is* a title or a header depends on where it stands; that is the classifier's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text.chars import HANZI, display_width
from ..text.genre import EXCERPT_HEAD
from .pages import DOWN_MARKER, UP_MARKER
from .paragraphs import HEADING
from .thresholds import (
    COMPOUND_NAME_CHARS,
    HEADER_CHARS,
    MAX_BYLINE_CHARS,
    MAX_TAIL_CHARS,
    MAX_TITLE_CHARS,
    PERSON_NAME_CHARS,
    SPACED_NAME_RUN,
    WIDE,
)

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
_BYLINE_MARK = re.compile(r"^(?:[□■◎●○◇◆]|文\s*[/／|｜])\s*")  # □ 张三, 文/张三

AUTHOR_NOTE = re.compile(r"^[（(]\s*(?:本文)?作\s*者\s*(?:为|系|是|单位|简介)")
EDITOR_NOTE = re.compile(r"^[【\[]?\s*编\s*者\s*按\s*[】\]]?\s*[：:]?")
# A leader excerpt's source line: dashes, then a date or the occasion (——2019 年 7 月 5 日出席…时强调).
# Dashes alone open a list item in party prose (——我们坚持…): that is body text.
EXCERPT_SOURCE = re.compile(r"^[—―─－\-]{2,}\s*")
_SOURCE_DATE = re.compile(r"^(?:\d{4}\s*年|\d{1,2}\s*月\s*\d{1,2}\s*日|[一二〇○零]{4}年)")
_SOURCE_OCCASION = re.compile(
    r"(?:强调|指出|表示|讲话|谈话|要求|批示|指示|回信|贺信|致信|发言|说|的讲话|摘要|节选|》)[。]?\s*$|^摘自|^选自|^这是"
)


def is_column_header(text: str) -> bool:
    """The shape of a column header: ``部 长 笔 谈``, ``专 题`` (2–6 spaced Hanzi) or ``农村 党建``.

    Two spaced Hanzi that make a person's name (``邵 壮``) are a byline, not a header. Whether
    a line of this shape is a header or a letter-spaced title depends on where it stands.
    """
    tokens = text.split()
    if len(tokens) < 2 or not all(re.fullmatch(rf"[{HANZI}]+", t) for t in tokens):
        return False
    if all(len(t) == 1 for t in tokens):
        low, high = HEADER_CHARS
        if len(tokens) == 2:
            return not _is_person_name("".join(tokens))
        return low <= len(tokens) <= high
    return len(tokens) == 2 and all(len(t) == 2 for t in tokens)


def is_letter_spaced(text: str) -> bool:
    """Every character a Hanzi set apart from the next: ``善 用 自 我 革 命 武 器``, ``几 点 思 考``."""
    tokens = text.split()
    return len(tokens) > 1 and all(re.fullmatch(rf"[{HANZI}]", t) for t in tokens)


def despace(text: str) -> str:
    """``几 点 思 考`` → ``几点思考``: drop spaces between single letter-spaced Hanzi."""
    tokens = text.split()
    if len(tokens) > 1 and all(len(t) == 1 for t in tokens):
        return "".join(tokens)
    return " ".join(tokens)


def byline_authors(text: str) -> list[str] | None:
    """The authors if the line is a byline (person names, organisations, a role), else None.

    Names may be letter-spaced or padded to three em (``孙丽娟 何 伟``, ``李 强 王晓东``): runs of
    single Hanzi are regrouped into names before each is checked.
    """
    s = _BYLINE_MARK.sub("", text.strip())
    if not s or _SENTENCE_PUNCT & set(s) or len(s) > MAX_BYLINE_CHARS:
        return None
    tokens = [t for t in re.split(r"[\s、，,：:]+", s) if t]
    if tokens and all(t in BYLINE_ROLES for t in tokens):
        return ["".join(tokens)]  # 本刊评论员
    tokens = [t for t in tokens if t not in BYLINE_ROLES]  # 本刊记者 张三 → 张三
    if not tokens or not all(re.fullmatch(rf"[{HANZI}·（）()]+", t) for t in tokens):
        return None
    names = _regroup_spaced(tokens)
    if names and all(_is_person_name(t) or is_organisation(t) for t in names):
        return names
    compact = "".join(tokens)
    return [compact] if is_organisation(compact) else None  # one organisation, spaced: 中共舒兰市委 组织部


def is_organisation(text: str) -> bool:
    """An organisation's name: Hanzi (brackets allowed) ending in 组织部, 党委, 课题组…"""
    return bool(re.fullmatch(rf"[{HANZI}（）()]{{3,24}}", text)) and text.endswith(ORG_SUFFIXES)


def is_title_like(text: str) -> bool:
    """Short, no sentence punctuation, not a heading: could be a line of a title."""
    s = text.strip()
    return (
        0 < len(s) <= MAX_TITLE_CHARS
        and not (_SENTENCE_PUNCT & set(s))
        and _balanced(s)
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


def is_source_line(text: str, following: Sequence[str] = ()) -> bool:
    """``———2019 年 7 月 5 日出席…时强调``: dashes, then a date, or an occasion that ends the line
    (or the short lines that finish it, ``following``). ``——我们坚持…`` is a list item."""
    m = EXCERPT_SOURCE.match(text)
    if not m:
        return False
    rest = text[m.end() :]
    if _SOURCE_DATE.match(rest):
        return True
    tail = [rest]
    for nxt in following:
        if not is_continuation_line(nxt):
            break
        tail.append(nxt)
    return not re.search(r"[，。；！？]", "".join(tail)[:-1]) and bool(_SOURCE_OCCASION.search("".join(tail)))


def source_is_whole(text: str) -> bool:
    """Whether an excerpt's source line (its dashes and wrapped lines joined) ends as a source
    does, with its occasion (…时强调, …的讲话) or a date: one that does not goes on."""
    rest = EXCERPT_SOURCE.sub("", text).strip()
    return bool(_SOURCE_OCCASION.search(rest)) or bool(re.fullmatch(r"[\d\s年月日]+", rest))


def is_continuation_line(text: str) -> bool:
    """A short, unpunctuated line that finishes a wrapped title or source line (``模范机关``)."""
    s = text.strip()
    return (
        len(s) <= MAX_TAIL_CHARS
        and not re.search(r"[，。；：！？、]", s)
        and not is_column_header(s)
        and not is_structural(s)
    )


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
        return COMPOUND_NAME_CHARS[0] <= len(token) <= COMPOUND_NAME_CHARS[1]
    low, high = PERSON_NAME_CHARS
    return low <= len(token) <= high and token[0] in SURNAMES and not token.startswith(_NOT_SURNAME_START)


def _balanced(text: str) -> bool:
    """Whether the brackets of a line close what it opens: ``员）`` ends a note begun above."""
    depth = 0
    for ch in text:
        depth += ch in "（(《“"
        depth -= ch in "）)》”"
        if depth < 0:
            return False
    return depth == 0


def _regroup_spaced(tokens: list[str]) -> list[str] | None:
    """Join runs of single Hanzi into names: ``李 强 王晓东`` → 李强, 王晓东; ``邵 壮`` → 邵壮.

    A run of two or three is one name; a longer even run is padded two-character names.
    A lone single Hanzi is no name: None.
    """
    out: list[str] = []
    run: list[str] = []
    for token in [*tokens, ""]:
        if len(token) == 1:
            run.append(token)
            continue
        if run:
            if SPACED_NAME_RUN[0] <= len(run) <= SPACED_NAME_RUN[1]:
                out.append("".join(run))
            elif len(run) % 2 == 0:
                out += ["".join(run[k : k + 2]) for k in range(0, len(run), 2)]
            else:
                return None
            run = []
        if token:
            out.append(token)
    return out
