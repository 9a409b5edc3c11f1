"""Reading an issue from its PDF: small two-column Chinese PDFs built here, in the project's
font, must give the same kind of articles as text does."""

from __future__ import annotations

import subprocess
import sys
import warnings

import pytest
from pdfmaker import PdfPage, build_pdf
from synthetic import wrap

from corpus_utils import IssueFormatError, load_issue
from corpus_utils.reading.pdf import pdf_issue_text
from corpus_utils.reading.pdf_glyphs import REOPEN_EVERY, glyph_pages

A_PARAS = [
    "十八大以来，习近平总书记在系列重要讲话中多次指出，责任担当是领导干部必备的基本素质，有多大担当才能干多大事业。",
    "一、主要做法",
    "（一）强化政治引领，筑牢“想干事”的思想根基。结合“两学一做”学习教育，组织广大党员开展红色主题党日活动，激发干部担当作为的内生动力。",
    "（二）强化正向激励，提振“敢干事”的精气神。完善考核机制，对在重点领域做出突出成绩的班子和干部给予鼓励和肯定，营造担当作为的良好氛围。",
]
NOTE = "为扎实推动城市基层党组织建设，市委组织部实施党建联盟规范提标行动，现将各地的经验做法予以刊发，供借鉴交流。"
B_PARAS = [
    "年初以来，船营区把城市基层党建联盟引领基层治理作为重点工作来抓，推动党建联盟工作持续规范，实现了服务群众工作有序开展。",
    "联盟每两个月召开一次联席会议，将事先搜集汇总的群众需求全部摆到台面逐一研究，依托联盟单位行业优势和功能资源，选题认领，解题破难，真正打通了服务群众的“最后一公里”。",
]


def _columns(paragraphs: list[str], split: int) -> tuple[list[str], list[str]]:
    lines = [ln for p in paragraphs for ln in wrap(p)]
    return lines[:split], lines[split:]


@pytest.fixture(scope="module")
def issue_pdf(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("pdf")
    a1l, a1r = _columns(A_PARAS[:3], 6)
    a2l, a2r = _columns(A_PARAS[3:], 4)
    b_lines = [ln for p in B_PARAS for ln in wrap(p)]
    pages = [
        PdfPage(
            header="部长笔谈",
            number=7,
            title=["坚持“五个强化”", "激发干部担当作为内生动力"],
            byline="刘秋伟",
            left=a1l,
            right=a1r,
        ),
        PdfPage(number=8, left=a2l, right=[*a2r, "（作者为磐石市委常委、组织部长）"]),
        PdfPage(
            header="城市党建",
            number=9,
            wide=["编者按：" + NOTE[:34], NOTE[34:]],
            title=["聚力服务真抓实干"],
            byline="船营区委组织部",
            left=b_lines[:4],
            right=[*b_lines[4:6], b_lines[6] + "（下转 10页）"],
        ),
        PdfPage(number=10, left=["（上接 9页）" + b_lines[7], *b_lines[8:]]),
    ]
    return build_pdf(pages, tmp / "issue.pdf", tmp)


@pytest.fixture(scope="module")
def pdf_issue(issue_pdf):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_issue(issue_pdf, cache=False)


def test_the_pdf_gives_the_articles_with_titles_bylines_columns_and_pages(pdf_issue):
    arts = pdf_issue.articles
    assert arts["kind"].tolist() == ["article", "editor_note", "article"]
    assert arts["title"].tolist() == ["坚持“五个强化” 激发干部担当作为内生动力", None, "聚力服务真抓实干"]
    assert arts["authors"].tolist() == [["刘秋伟"], [], ["船营区委组织部"]]
    assert arts["column"].tolist() == ["部长笔谈", "城市党建", "城市党建"]
    assert arts["pages"].tolist() == [[7, 8], [9], [9, 10]]
    assert arts["author_note"].iloc[0] == "作者为磐石市委常委、组织部长"


def test_bodies_are_read_left_column_first_and_stitched(pdf_issue):
    texts = pdf_issue.articles["text"].tolist()
    assert texts[0].replace("\n", "") == "".join(A_PARAS)
    assert texts[0].split("\n")[1] == "一、主要做法"
    assert texts[1] == NOTE
    assert texts[2].replace("\n", "") == "".join(B_PARAS)  # across the 下转/上接 cut


def test_printed_page_numbers_set_the_offset(pdf_issue):
    off = pdf_issue.page_offset
    assert (off.offset, off.agreeing, off.markers, off.source) == (7, 4, 4, "printed")
    assert pdf_issue.balance().holds
    assert pdf_issue.leftovers.empty


def test_extract_writes_the_seed_shape_and_reads_back_the_same(issue_pdf, pdf_issue, tmp_path):
    out = tmp_path / "issue.txt"
    run = subprocess.run(
        [sys.executable, "-m", "corpus_utils", "extract", str(issue_pdf), "-o", str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "4 pages of text, printed page numbers on 4" in run.stdout
    text = out.read_text(encoding="utf-8")
    assert text.startswith(" 部 长 笔 谈\n\n") and "\n\n 同时" not in text
    assert sum(line.startswith(" ") for line in text.split("\n")) == 4
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from_text = load_issue(out, page_offset=7, cache=False)
    cols = ["kind", "column", "title", "authors", "pages", "text"]
    assert from_text.articles[cols].equals(pdf_issue.articles[cols])


def test_a_scan_without_text_layer_is_refused(tmp_path):
    from pdfcanvas import PdfCanvas

    pdf = PdfCanvas()
    pdf.add_page()
    pdf.fill_rect(57, 57, 283, 283)  # a picture, no text
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(IssueFormatError, match="no text layer"):
        pdf_issue_text(path)


def test_a_broken_pdf_is_refused_by_name(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    with pytest.raises(IssueFormatError, match=r"broken\.pdf: .*PDF"):
        load_issue(path, cache=False)


@pytest.fixture(scope="module")
def seed_from_pdf(seed_issue, tmp_path_factory):
    """The seed laid out as a magazine PDF (headers in the margin, titles set large on top,
    two columns), read back."""
    from pdfmaker import seed_pages

    folder = tmp_path_factory.mktemp("seed_pdf")
    pdf = build_pdf(seed_pages(seed_issue), folder / "seed.pdf", folder)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_issue(pdf, cache=False)


def test_the_seed_laid_out_as_a_magazine_pdf_reads_back_as_from_its_text(seed_issue, seed_from_pdf):
    """Every record's fields, and every body but the 卷首语's (see the xfail below). The
    continuation on page 16 does not end at a header: it ends where the interrupted article's
    sentence goes on."""
    a, b = seed_issue.articles, seed_from_pdf.articles
    assert len(b) == len(a)
    for field in ("kind", "column", "title", "authors", "author_note", "pages"):
        assert b[field].tolist() == a[field].tolist(), field
    differ = [k for k, (x, y) in enumerate(zip(a["text"], b["text"], strict=True)) if x != y]
    assert differ in ([], [0])
    assert (seed_from_pdf.page_offset.offset, seed_from_pdf.page_offset.source) == (3, "printed")


@pytest.mark.xfail(
    strict=True,
    reason="the stray fragment on page 3 sits under the 卷首语 header in the PDF layout, so the "
    "PDF reading gives it to the 卷首语 where the text reading leaves it over",
)
def test_the_seed_s_first_body_reads_back_from_its_pdf_too(seed_issue, seed_from_pdf):
    assert seed_from_pdf.articles["text"].iloc[0] == seed_issue.articles["text"].iloc[0]


def _one_column_pdf(tmp_path, lines: list[str], name: str = "x.pdf", pages: int = 1):
    return build_pdf([PdfPage(left=lines, number=None) for _ in range(pages)], tmp_path / name, tmp_path)


def test_a_mostly_garbled_text_layer_is_refused_with_one_line(tmp_path):
    """A broken font map gives Latin soup for Hanzi: no reading of it is worth passing on."""
    soup = ["ÃÂ¤Ã¥Ã¦Ð¾ÐµÑÃ¨Ã©Ã¤Ã¥Ã¦Ð¾ÐµÑ"] * 12
    pdf = _one_column_pdf(tmp_path, soup)
    with pytest.raises(IssueFormatError, match=r"of the text layer is unreadable .*: run OCR on it first"):
        pdf_issue_text(pdf)


def test_a_little_garbled_text_is_named_with_its_share_and_pages(tmp_path):
    lines = [ln for p in A_PARAS for ln in wrap(p)]
    pdf = build_pdf([PdfPage(left=lines), PdfPage(left=[*lines[:6], "ÃÂ¤Ã¥Ã¦Ð¾ÐµÑ"])], tmp_path / "some.pdf", tmp_path)
    text = pdf_issue_text(pdf)
    assert set(text.garbled) == {1}
    assert "Ã" not in text.text  # never passed on
    (warning,) = text.warnings
    assert "of the glyphs are unreadable" in warning and warning.endswith("on PDF pages 2")


def test_a_one_page_pdf_gets_no_page_structure_warning(tmp_path):
    pdf = _one_column_pdf(tmp_path, [ln for p in A_PARAS[:1] for ln in wrap(p)], "one.pdf")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        issue = load_issue(pdf, cache=False)
    assert issue.n_pages == 1
    assert not [w for w in caught if "no page structure" in str(w.message)]


def test_radicals_in_the_text_layer_are_repaired(tmp_path):
    """Browsers and Word label 人 as ⼈ (U+2F08), 页 as ⻚: the text and its markers read again."""
    lines = [ln for p in A_PARAS for ln in wrap(p)]
    damaged = [ln.translate(str.maketrans({"人": "⼈", "大": "⼤", "长": "⻓", "工": "⼯"})) for ln in lines]
    pdf = _one_column_pdf(tmp_path, damaged, "radicals.pdf")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # one page, no markers: printed pages assumed
        issue = load_issue(pdf, cache=False)
    assert issue.repaired == sum(ln.count(c) for ln in lines for c in "人大长工") == 4
    assert "⼈" not in issue.text and "领导干部必备" in issue.text.replace("\n", "")


def test_extract_prints_no_library_noise(issue_pdf, tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "corpus_utils", "extract", str(issue_pdf), "-o", str(tmp_path / "x.txt")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0 and out.stderr == ""


def test_sub_and_superscripts_stay_in_the_line_they_hang_from(tmp_path):
    """A definition list's ``H_max =`` and a footnote mark ``意见①``-style ``2``: set smaller,
    lowered or raised, they are read in their line, not as lines of their own."""
    from pdfcanvas import PdfCanvas
    from pdfmaker import truetype_font

    lines = [("H", "max", 3.0, "= 最大发车间隔，单位为分钟；"), ("D", "prior", 3.0, "= 此前最后一班的发车时刻；")]
    note = ("根据中央有关意见", "2", -4.0, "，全面推行党建联盟工作法。")
    ttf = truetype_font("".join(a + b + c for a, b, _, c in [*lines, note]) + "HDmaxprio", tmp_path / "f.ttf")
    pdf = PdfCanvas((595, 842))
    pdf.add_font("noto", ttf)
    pdf.add_page()
    for k, (base, script, shift, rest) in enumerate([*lines, note]):
        y = 100 + 20 * k
        pdf.set_font("noto", size=10.5)
        pdf.text(80, y, base)
        x = 80 + pdf.get_string_width(base)
        pdf.set_font("noto", size=6.5)
        pdf.text(x, y + shift, script)
        x += pdf.get_string_width(script) + 1
        pdf.set_font("noto", size=10.5)
        pdf.text(x, y, rest)
    pdf.output(str(tmp_path / "scripts.pdf"))
    text = pdf_issue_text(tmp_path / "scripts.pdf").text
    read = ["".join(line.split()) for line in text.split("\n") if line.strip()]  # spacing aside
    assert read == [
        "Hmax=最大发车间隔，单位为分钟；",
        "Dprior=此前最后一班的发车时刻；",
        "根据中央有关意见2，全面推行党建联盟工作法。",
    ]


def test_a_file_longer_than_one_opening_is_read_page_by_page_in_order(tmp_path):
    """The file is opened again every ``REOPEN_EVERY`` pages (PDFium keeps what it parsed of the
    pages read): every page comes once, in order, with its own text."""
    n = 2 * REOPEN_EVERY + 3
    texts = [A_PARAS[0][k % 40 : k % 40 + 12] + str(k) for k in range(n)]
    pdf = build_pdf([PdfPage(left=[t], number=None) for t in texts], tmp_path / "long.pdf", tmp_path)
    read = ["".join(g.text for row in page.rows for g in row) for page in glyph_pages(pdf)]
    assert read == texts
