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
    assert " 10  11,12,13,10     3524  部长笔谈     加强干部队伍建设 激励干部新时代新担当新作为 — 赵延明" in out.stdout
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
