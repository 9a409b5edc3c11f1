"""The command line, run as a user would: ``python -m corpus_utils segment …``."""

from __future__ import annotations

import json
import subprocess
import sys


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "corpus_utils", *args], capture_output=True, text=True, check=False)


def test_segment_prints_the_table_of_contents_and_the_balance(seed_path):
    out = _run("segment", str(seed_path))
    assert out.returncode == 0, out.stderr
    assert "printed page = index + 3, markers: 10 of 10 continuation markers agree" in out.stdout
    # no "!": its one doubt (a paragraph break its line widths cannot show) is not worth a look
    assert " 10  11,12,13,10     3524  部长笔谈     加强干部队伍建设 激励干部新时代新担当新作为 — 赵延明" in out.stdout
    assert "DOUBT" not in out.stdout and "FLAG" not in out.stdout
    assert "input 47265 = body 46040 + metadata 1122 + leftovers 103" in out.stdout
    assert out.stderr == ""  # no jieba or other log lines


def test_segment_json_has_the_documented_shape(seed_path):
    out = _run("segment", "--json", str(seed_path))
    data = json.loads(out.stdout)
    assert data["issue"] == {
        "issue_id": "000_5e927a446d779796",
        "source": str(seed_path),
        "page_offset": 3,
        "n_pages": 46,
        "repaired": 0,
    }
    assert list(data["articles"][0]) == [
        "article_id",
        "kind",
        "column",
        "title",
        "authors",
        "author_note",
        "pages",
        "text",
    ]
    assert data["articles"][11]["title"] is None and data["articles"][11]["kind"] == "editor_note"
    assert data["leftovers"][0]["page"] == 3
    assert "下转" not in out.stdout and "\\u" not in out.stdout  # ensure_ascii=False


def test_bad_input_is_one_line_on_stderr_and_a_non_zero_exit(tmp_path):
    pdf = tmp_path / "issue.txt"  # a broken PDF under a text file's name
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj\n")
    out = _run("segment", str(pdf))
    assert out.returncode != 0
    assert out.stderr.startswith(f"error: {pdf}: not a readable PDF")
    assert len(out.stderr.strip().splitlines()) == 1
    assert "Traceback" not in out.stderr


def test_the_page_offset_can_be_set(seed_path):
    out = _run("segment", "--page-offset", "5", str(seed_path))
    assert "printed page = index + 5, caller: 0 of 10 continuation markers agree" in out.stdout


def test_explain_shows_each_line_of_a_page_with_its_class_and_rule(seed_path):
    out = _run("segment", str(seed_path), "--explain", "27")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith("000_5e927a446d779796, printed page 27 (page index 24)")
    title = lines.index(next(x for x in lines if "围绕“3+1”下好城市治理先手棋" in x))
    assert lines[title].split()[:2] == ["2639", "title"]
    assert "title: line right above the byline; → title of record #17" in lines[title + 1]
    assert lines[title + 2].split()[1:] == ["byline", "丰满区委组织部"]
    assert lines[-2].split()[1] == "header" and "after the title block" in lines[-1]


def test_explain_names_the_pages_there_are_and_fails(seed_path):
    out = _run("segment", str(seed_path), "--explain", "999")
    assert out.returncode == 1
    assert out.stderr.startswith("error: 000_5e927a446d779796: no page 999 (printed pages 3–48)")
    assert out.stdout == ""


def test_help_names_every_command_in_plain_text():
    out = _run("--help")
    assert out.returncode == 0
    for command in (
        "segment FILE",
        "extract ISSUE.pdf",
        "report [ISSUE ...]",
        "tables [ISSUE ...]",
        "learn [ISSUE ...]",
    ):
        assert command in out.stdout
    assert "``" not in out.stdout
    report = _run("report", "--help").stdout
    assert "(default: " in report.split("--jobs")[1]
    extract = _run("extract", "--help").stdout
    assert "the issue's PDF file" in extract


def test_strict_exits_non_zero_only_when_a_flag_is_raised(seed_path, tmp_path):
    assert _run("segment", "--strict", str(seed_path)).returncode == 0  # the seed raises no flag
    broken = tmp_path / "broken.txt"
    text = seed_path.read_text(encoding="utf-8")
    broken.write_text(text.replace("(下转 10页）", ""), encoding="utf-8")  # an article loses its continuation
    out = _run("segment", "--strict", str(broken))
    assert out.returncode == 3
    assert "quality flag(s) raised (--strict)" in out.stderr
    assert "FLAG issue unmatched_continuation" in out.stdout and "FLAG issue leftovers_over_1pct" in out.stdout


def test_strict_doubts_counts_the_doubts_worth_a_look(seed_path, tmp_path):
    bare = tmp_path / seed_path.name  # the seed without its .fix.toml: four boundaries are guesses
    bare.write_bytes(seed_path.read_bytes())
    assert _run("segment", "--strict", str(bare)).returncode == 0  # doubts are not problems
    # the four are right seven times in eight on generated issues: not worth a look
    assert _run("segment", "--strict-doubts", str(bare)).returncode == 0
    # a tail (上接) block whose end nothing marks, on a page where a new article begins
    text = seed_path.read_text(encoding="utf-8")
    doubtful = tmp_path / "doubtful.txt"
    doubtful.write_text(text.replace("（作者为市委组织部研究室科员）", ""), encoding="utf-8")
    out = _run("segment", "--strict-doubts", str(doubtful))
    assert out.returncode == 3, out.stdout
    assert "quality flag(s) raised (--strict-doubts)" in out.stderr
    assert "DOUBT #25 interrupted_run" in out.stdout
