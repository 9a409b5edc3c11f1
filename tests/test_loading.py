"""Loading: the encodings extractors write are read alike; anything else is refused by name."""

from __future__ import annotations

import pytest

from corpus_utils import IssueFormatError, load_issue
from corpus_utils.reading.textfile import decode_issue_bytes, normalise_text, read_issue_text, repair_lookalikes

SAMPLE = "制度，2015 年，市委召开会议\n\n 部 长 笔 谈\n\n党建联盟“3+1”工作法。\n"


@pytest.mark.parametrize(
    "encoded",
    [
        SAMPLE.encode("utf-8"),
        b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"),
        SAMPLE.encode("gb18030"),
        SAMPLE.encode("gbk"),
        SAMPLE.encode("utf-16"),  # with BOM
        SAMPLE.encode("utf-16-le"),
        SAMPLE.encode("utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "utf16-bom", "utf16le", "utf16be"],
)
def test_every_supported_encoding_gives_the_same_text(tmp_path, encoded):
    path = tmp_path / "issue.txt"
    path.write_bytes(encoded)
    assert read_issue_text(path) == SAMPLE


def test_crlf_and_cr_line_endings_become_newlines():
    assert normalise_text("甲\r\n乙\r丙") == "甲\n乙\n丙"


def test_fullwidth_digits_and_letters_become_ascii_but_punctuation_stays():
    assert normalise_text("２０１９年ＡＰＰ，“３＋１”（下转１０页）") == "2019年APP，“3＋1”（下转10页）"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty file"),
        (b"  \n\n \r\n", "empty file"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "not a readable PDF"),
        (bytes(range(256)) * 8, "binary"),
        (b"\x00\x01\x02\x03" * 100, "binary"),
        (b"Just an English text file.\nNothing else.\n", "no Chinese"),
        (b"\x81\x20\xff\xfe\x80" * 3 + "中文".encode() + b"\xff", "not UTF-8"),
    ],
    ids=["empty", "whitespace", "pdf", "binary", "nul-binary", "no-chinese", "bad-bytes"],
)
def test_bad_input_names_the_file_and_the_problem(tmp_path, content, problem):
    path = tmp_path / "bad_issue.txt"
    path.write_bytes(content)
    with pytest.raises(IssueFormatError) as err:
        load_issue(path)
    assert str(path) in str(err.value)
    assert problem in str(err.value)


def test_pdf_bytes_read_as_text_are_refused(tmp_path):
    with pytest.raises(IssueFormatError, match="this is a PDF, not text"):
        decode_issue_bytes(b"%PDF-1.7\n1 0 obj", source="issue.txt")


def test_missing_file_is_reported(tmp_path):
    with pytest.raises(IssueFormatError, match="no such file"):
        load_issue(tmp_path / "nowhere.txt")


def test_gb18030_noise_is_not_taken_for_chinese():
    noise = bytes([0x81, 0x30, 0x81, 0x30]) * 50 + "中".encode("gb18030")
    with pytest.raises(IssueFormatError):
        decode_issue_bytes(noise, source="noise.txt")


def test_text_without_page_breaks_is_one_page_with_a_warning(tmp_path):
    path = tmp_path / "flat.txt"
    path.write_text("党建联盟工作法。\n\n推动基层治理。\n", encoding="utf-8")
    with pytest.warns(UserWarning) as caught:
        issue = load_issue(path)
    messages = [str(w.message) for w in caught]
    assert any("no page structure" in m for m in messages)
    assert any("printed pages assumed to start at 1" in m for m in messages)
    assert issue.n_pages == 1
    assert issue.balance().holds


def test_radical_look_alikes_are_repaired_and_counted(tmp_path, seed_path):
    """Browsers, Word and WPS label ordinary characters with radical code points (⼈ U+2F08 for
    人, ⺠ U+2EA0 for 民, ⻚ U+2EDA for 页); NFKC repairs only the first block."""
    assert repair_lookalikes("（上接 33 ⻚）⼈⺠群众") == ("（上接 33 页）人民群众", 3)
    assert repair_lookalikes("人民群众（上接 33 页）") == ("人民群众（上接 33 页）", 0)
    assert repair_lookalikes("\uf9dc") == ("隆", 1)  # a compatibility ideograph
    lookalikes = {"人": "⼈", "民": "⺠", "页": "⻚", "大": "⼤", "工": "⼯", "长": "⻓"}
    text = seed_path.read_text(encoding="utf-8")
    damaged = text.translate(str.maketrans(lookalikes))
    path = tmp_path / "radicals.txt"
    path.write_text(damaged, encoding="utf-8")
    issue = load_issue(path, cache=False)
    assert issue.repaired == sum(text.count(c) for c in lookalikes) > 500
    assert issue.page_offset.agreeing == 10  # the （下转 10页） markers read again
    seed = load_issue(seed_path)
    assert issue.articles["text"].tolist() == seed.articles["text"].tolist()
    assert issue.articles["title"].tolist() == seed.articles["title"].tolist()


def test_a_few_stray_nul_bytes_are_dropped_with_a_warning(tmp_path, seed_path):
    data = seed_path.read_bytes()
    path = tmp_path / "001_nul.txt"
    path.write_bytes(data[:5000] + b"\x00" + data[5000:])
    with pytest.warns(UserWarning, match=r"001_nul\.txt: 1 NUL byte\(s\) dropped"):
        issue = load_issue(path, cache=False)
    assert issue.text == load_issue(seed_path).text
    assert any("NUL" in note for note in issue.warnings)


def test_a_file_that_changes_encoding_says_where(tmp_path, seed_path):
    text = seed_path.read_text(encoding="utf-8")
    path = tmp_path / "001_mixed.txt"
    head = text[:3000].encode("utf-8")
    path.write_bytes(head + text[3000:6000].encode("gbk", errors="replace"))
    line = head.count(b"\n") + 1
    with pytest.raises(IssueFormatError, match=rf"mixed encoding: UTF-8 up to byte {len(head)} \(line {line}\)"):
        load_issue(path, cache=False)


def test_a_pdf_without_pages_says_so(tmp_path):
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out, offsets = b"%PDF-1.4\n", []
    for k, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{k} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 3\n0000000000 65535 f \n{offsets[0]:010d} 00000 n \n{offsets[1]:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path = tmp_path / "empty.pdf"
    path.write_bytes(out)
    with pytest.raises(IssueFormatError, match=r"empty\.pdf: not a readable PDF") as err:
        load_issue(path, cache=False)
    assert "Success" not in str(err.value)
