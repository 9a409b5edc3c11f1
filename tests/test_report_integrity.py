"""The report never lies (issue 20), each case run as a user would: killing it, pressing Ctrl-C,
starting two at once, editing configuration, feeding it hostile and broken files."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from corpus_utils.paths import replaced

SMALL_ISSUE = " 组 工 论 坛\n\n党建联盟引领基层治理，推动发展。\n\n加强党建联盟建设\n\n张三\n"
# a notebook that notes its kernel's pid, writes a table, and sleeps while the file "slow" is in the project
SLOW = (
    "import os, time, pathlib\nimport corpus_utils as cu, pandas as pd\n"
    "root = pathlib.Path(os.environ['CORPUS_UTILS_ROOT'])\n"
    "(root / 'kernel.pid').write_text(str(os.getpid()))\n"
    "issue = cu.load_issue(issue_path)\n"
    "cu.save_table(pd.DataFrame({'records': [len(issue.articles)]}), issue.issue_id, 'size')\n"
    "while (root / 'slow').exists():\n    time.sleep(0.2)"
)
SHOW = (
    "import corpus_utils as cu\nfrom IPython.display import display\n"
    "issue = cu.load_issue(issue_path)\n"
    "display(cu.shown(issue.contents()))\ncu.interactive(issue.contents())\n"
    "display(issue.contents())\nprint(issue.articles['title'].tolist())\n"
    "display(cu.shown(cu.kwic(issue, 'script', width=12)))\ndisplay(cu.shown(issue.leftovers))"
)


def _notebook(path: Path, source: str, params: str = 'issue_path = ""') -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    cell = nbformat.v4.new_code_cell(params)
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [cell, nbformat.v4.new_code_cell(source)]
    nbformat.write(nb, path)
    return path


@pytest.fixture
def project(tmp_path, monkeypatch):
    root = tmp_path / "proj"
    for folder in ("seeds", "notebooks", "dictionaries"):
        (root / folder).mkdir(parents=True)
    (root / "seeds" / "001_small.txt").write_text(SMALL_ISSUE, encoding="utf-8")
    (root / "dictionaries" / "phrases.txt").write_text("党建联盟\n", encoding="utf-8")
    _notebook(root / "notebooks" / "01_slow.ipynb", SLOW)
    for name in ("CORPUS_UTILS_ROOT", "CORPUS_UTILS_FIGURES"):
        monkeypatch.delenv(name, raising=False)
    return root


def _command(root: Path, *args: str, cwd: Path | None = None) -> list[str]:
    return [sys.executable, "-m", "corpus_utils", *args]


def _run(root: Path, *args: str, cwd: Path | None = None, timeout: float = 240) -> subprocess.CompletedProcess:
    return subprocess.run(
        _command(root, *args), capture_output=True, text=True, check=False, cwd=cwd or root, timeout=timeout
    )


def _start(root: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        _command(root, *args),
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal gives a command
        # Ctrl-C as in a terminal: a test run in the background inherits SIGINT ignored
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def _wait_for(path: Path, seconds: float = 120) -> None:
    end = time.time() + seconds
    while not path.exists():
        assert time.time() < end, f"{path} never appeared"
        time.sleep(0.2)


def _gone(pid: int, seconds: float = 20) -> bool:
    end = time.time() + seconds
    while time.time() < end:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.2)
    return False


def _counts(out: subprocess.CompletedProcess) -> tuple[int, int]:
    line = next(x for x in out.stdout.splitlines() if " notebooks run, " in x)  # after the vocabulary's line
    run, _, rest = line.partition(" notebooks run, ")
    return int(run), int(rest.split(" up to date")[0])


# 1. a killed run ------------------------------------------------------------------------


def test_a_killed_run_leaves_nothing_that_counts_as_done(project):
    (project / "slow").touch()
    proc = _start(project, "report", "--no-html")
    _wait_for(project / "figures" / "001_small" / "tables" / "size.csv")
    kernel = int((project / "kernel.pid").read_text())
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert _gone(kernel), "the kernel outlived the report that was killed"
    assert not (project / "reports" / "001_small" / "01_slow.fingerprint").exists()
    (project / "slow").unlink()
    out = _run(project, "report", "--no-html")
    assert out.returncode == 0, out.stderr
    assert _counts(out) == (1, 0)  # the killed notebook runs again, nothing passes for done
    assert not list(project.rglob(".*.tmp*"))  # what the killed run was writing is cleared away
    again = _run(project, "report", "--no-html")
    assert _counts(again) == (0, 1)


def test_an_output_deleted_by_hand_makes_its_notebook_run_again(project):
    assert _run(project, "report", "--no-html").returncode == 0
    (project / "figures" / "001_small" / "tables" / "size.csv").unlink()
    out = _run(project, "report", "--no-html")
    assert _counts(out) == (1, 0) and (project / "figures" / "001_small" / "tables" / "size.csv").is_file()


# 8 and 9. Ctrl-C, and two runs at once ---------------------------------------------------


def test_ctrl_c_stops_every_notebook_and_a_second_run_waits_its_turn(project):
    (project / "slow").touch()
    proc = _start(project, "report", "--no-html")
    _wait_for(project / "kernel.pid")
    kernel = int((project / "kernel.pid").read_text())
    second = _run(project, "report", "--no-html", timeout=60)
    assert second.returncode == 2
    assert "is working in this project; wait for it to finish" in second.stderr
    assert "Traceback" not in second.stderr
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C in the terminal reaches the whole group
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "interrupted" in err and "Traceback" not in err
    assert _gone(kernel)
    assert not (project / "reports" / "001_small" / "01_slow.fingerprint").exists()


# 2. configuration edits ------------------------------------------------------------------


def test_editing_any_configuration_file_reruns_what_reads_it(project):
    (project / "notebooks" / "01_slow.ipynb").unlink()
    _notebook(
        project / "notebooks" / "01_titles.ipynb",
        "import corpus_utils as cu, pandas as pd\nissue = cu.load_issue(issue_path)\n"
        "cu.save_table(issue.contents(), issue.issue_id, 'contents')",
    )
    _notebook(
        project / "notebooks" / "05_compare.ipynb",
        "import corpus_utils as cu\ncorpus = cu.Corpus.from_paths(issue_paths)\n"
        "cu.save_table(cu.issue_summary(corpus), 'compare', 'summary')",
        params="issue_paths = []",
    )
    first = _run(project, "report", "--no-html")
    assert first.returncode == 0 and first.stdout.startswith("vocabulary learned again from 1 issue(s)")
    assert "learning the vocabulary again from 1 issue(s)" in first.stderr  # said before the wait, not after
    again = _run(project, "report", "--no-html")
    assert "vocabulary" not in again.stdout and _counts(again) == (0, 2)  # nothing changed, nothing learned
    edits = {
        "seeds/001_small.fix.toml": '[[record]]\nmatch = "党建联盟引领"\ncolumn = "卷首语"\n',
        "seeds/issues.csv": "issue_id,date,volume,number,title\n001_small,2020-05,,5,\n",
        "dictionaries/concepts.toml": '["党建"]\nterms = ["党建联盟"]\n',
        "seeds/001_small.terms": "党建联盟\n",
    }
    for name, text in edits.items():
        (project / name).write_text(text, encoding="utf-8")
        out = _run(project, "report", "--no-html")
        assert out.returncode == 0, (name, out.stderr)
        assert _counts(out) == (2, 0), name
        # the vocabulary is learned from the records and the words of the archive, not its dates
        assert ("vocabulary learned again" in out.stdout) == (name != "seeds/issues.csv"), name
    contents = pd.read_csv(project / "figures" / "001_small" / "tables" / "contents.csv", encoding="utf-8-sig")
    assert contents["column"].tolist() == ["卷首语"]  # the correction reached the output
    summary = pd.read_csv(project / "figures" / "compare" / "tables" / "summary.csv", encoding="utf-8-sig")
    assert summary["label"].tolist() == ["2020年第5期"]  # and so did the date


# 3. a named issue, written relative to the project ---------------------------------------


def test_an_issue_named_relative_to_the_project_is_compared_once(project):
    (project / "notebooks" / "01_slow.ipynb").unlink()
    (project / "seeds" / "002_other.txt").write_text(SMALL_ISSUE.replace("张三", "李四"), encoding="utf-8")
    _notebook(
        project / "notebooks" / "05_compare.ipynb",
        "import corpus_utils as cu\ncorpus = cu.Corpus.from_paths(issue_paths)\n"
        "cu.save_table(cu.issue_summary(corpus), 'compare', 'summary')",
        params="issue_paths = []",
    )
    out = _run(project, "report", "--no-html", "seeds/002_other.txt")  # from the project root, as documented
    assert out.returncode == 0, out.stderr
    summary = pd.read_csv(project / "figures" / "compare" / "tables" / "summary.csv", encoding="utf-8-sig")
    assert summary["issue_id"].tolist() == ["001_small", "002_other"]


# 4 and 11. HTML pages: data never runs, nothing is fetched --------------------------------


def test_html_pages_escape_the_data_and_fetch_nothing(project):
    (project / "notebooks" / "01_slow.ipynb").unlink()
    from synthetic import SynArticle, build_issue

    hostile = build_issue(
        [
            SynArticle(
                "组工论坛",
                ["党建<b>联盟</b>新路径"],
                "张三",
                ["党建联盟引领基层治理，推动发展。", "<script>alert(1)</script>", "<img src=x onerror=alert(2)>"],
            )
        ]
    )
    (project / "seeds" / "001_small.txt").write_text(hostile, encoding="utf-8")
    _notebook(project / "notebooks" / "01_show.ipynb", SHOW)
    out = _run(project, "report")
    assert out.returncode == 0, out.stderr
    pages = list((project / "reports").rglob("*.html"))
    assert {p.name for p in pages} >= {"01_show.html", "report.html"}
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html and "<img src=x" not in html, page.name
        assert "alert(1)" in html  # it is there, as text
        assert 'src="http' not in html and "require.min.js" not in html and "MathJax.js" not in html, page.name
    executed = (project / "reports" / "001_small" / "01_show.ipynb").read_text(encoding="utf-8")
    assert "Session/line number was not unique" not in executed


# 5. a pattern that backtracks without end ------------------------------------------------


def test_a_runaway_concept_pattern_is_named_and_nothing_hangs(project):
    (project / "seeds" / "001_small.txt").write_text(SMALL_ISSUE.replace("推动发展", "党" * 60), encoding="utf-8")
    (project / "dictionaries" / "concepts.toml").write_text('["坏"]\nterms = ["re:(党|党党)+建"]\n', encoding="utf-8")
    started = time.time()
    out = _run(project, "tables", timeout=120)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert out.stderr.strip().splitlines() == [
        "error: dictionaries/concepts.toml: [坏]: took over 2 s on one record: "
        "the pattern backtracks without end, rewrite it"
    ]
    assert time.time() - started < 100


# 6. broken configuration: one line, the other issues go on --------------------------------


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "seeds/001_small.fix.toml",
            '[line]\npage = 1\ntext = "张三"\nkind = "byline"\n',
            "line: must be written [[line]]",
        ),
        (
            "seeds/001_small.fix.toml",
            '[[record]]\nmatch = "党建联盟"\ntitle = 5\n',
            "title: must be text in quotes, not 5",
        ),
        ("seeds/001_small.fix.toml", "page_offset = 1e20\n", "page_offset: must be a whole number, not 1e+20"),
        ("seeds/001_small.fix.toml", "page_offset = true\n", "page_offset: must be a whole number, not True"),
        ("seeds/001_small.terms", "党建联盟".encode("gbk"), "not UTF-8 (byte 0, line 1)"),
        ("seeds/001_small.terms", b"\x00\x01\x02binary", "binary data, not text"),
        ("seeds/001_small.terms", "长" * 100_000 + "\n", "a word of 100,000 characters; a term is at most 40"),
        ("seeds/....txt", SMALL_ISSUE, "cannot name a folder"),
    ],
    ids=["fix-table", "fix-title", "fix-float", "fix-bool", "terms-gbk", "terms-binary", "terms-long", "dots"],
)
def test_a_broken_issue_file_is_skipped_in_one_line_and_the_rest_runs(project, name, content, expected):
    (project / "notebooks" / "01_slow.ipynb").unlink()
    _notebook(project / "notebooks" / "01_show.ipynb", "x = 1")
    (project / "seeds" / "002_fine.txt").write_text(SMALL_ISSUE, encoding="utf-8")
    path = project / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    out = _run(project, "report", "--no-html")
    assert out.returncode == 1 and "Traceback" not in out.stderr
    skipped = [line for line in out.stderr.splitlines() if line.startswith("SKIPPED")]
    assert len(skipped) == 1 and expected in skipped[0], out.stderr
    assert (project / "reports" / "002_fine" / "01_show.ipynb").is_file()  # the others ran


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("seeds/issues.csv", "issue_id,date\n001_small,2019-10,extra\n", "seeds/issues.csv: line 2: 3 fields where"),
        ("seeds/issues.csv", "issue_id,date\n001_small,2019-13-45\n", "date '2019-13-45' is no date"),
        ("seeds/issues.csv", "issue_id,date\n001_small,2019-10\n001_small,2019-11\n", "listed twice"),
        ("seeds/issues.csv", "issue_id,date\n001,二〇一九年\n".encode("gbk"), "not UTF-8"),
        ("dictionaries/concepts.toml", '["党建"]\nterms = "notalist"\n', "[党建] terms: must be a list"),
        ("dictionaries/concepts.toml", "", "defines no concept"),
        ("dictionaries/concepts.toml", "[x\n", "not valid TOML"),
        ("dictionaries/phrases.txt", "# nothing\n", "the list of phrases to follow is empty"),
    ],
    ids=[
        "csv-extra",
        "csv-date",
        "csv-twice",
        "csv-gbk",
        "concepts-string",
        "concepts-empty",
        "concepts-toml",
        "phrases",
    ],
)
def test_a_broken_project_file_stops_the_run_before_it_starts_in_one_line(project, name, content, expected):
    (project / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    for command in (("report", "--no-html"), ("tables",)):
        out = _run(project, *command)
        assert out.returncode == 2, (command, out.stderr)
        lines = out.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ") and expected in lines[0], (command, out.stderr)
    assert not (project / "reports" / "001_small" / "01_slow.ipynb").exists()  # nothing ran half-way


def test_a_corrupt_cache_is_set_aside_and_the_run_goes_on(project, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "corpus_utils.sqlite").write_bytes(b"this is no database" * 100)
    env = dict(os.environ, CORPUS_UTILS_CACHE=str(cache))
    out = subprocess.run(
        [sys.executable, "-m", "corpus_utils", "tables"], cwd=project, capture_output=True, text=True, env=env
    )
    assert out.returncode == 0, out.stderr
    assert (cache / "corpus_utils.sqlite.corrupt").is_file()


def test_a_file_that_cannot_be_written_whole_leaves_the_old_one(tmp_path, monkeypatch):
    target = tmp_path / "chart.svg"
    target.write_text("<svg>the committed chart</svg>", encoding="utf-8")
    with pytest.raises(OSError, match="No space left"), replaced(target) as tmp:
        tmp.write_text("<svg>half a ch", encoding="utf-8")
        raise OSError(28, "No space left on device")
    assert target.read_text(encoding="utf-8") == "<svg>the committed chart</svg>"
    assert list(tmp_path.iterdir()) == [target]


# 7. extract never destroys a file --------------------------------------------------------


def test_extract_never_overwrites_the_pdf_or_a_text_file(tmp_path):
    from pdfmaker import PdfPage, build_pdf, wrap

    body = wrap("党建联盟引领基层治理，推动发展。基层治理见实效，群众满意度明显提升。" * 3)
    pdf = build_pdf([PdfPage(number=3, left=body[:4], right=body[4:])], tmp_path / "issue.pdf", tmp_path)
    disguised = tmp_path / "disguised.txt"
    disguised.write_bytes(pdf.read_bytes())
    out = _run(tmp_path, "extract", str(disguised))
    assert out.returncode == 2 and "would overwrite the PDF itself" in out.stderr
    assert disguised.read_bytes()[:5] == b"%PDF-"
    corrected = tmp_path / "issue.txt"
    corrected.write_text("hand-corrected", encoding="utf-8")
    out = _run(tmp_path, "extract", str(pdf))
    assert out.returncode == 2 and "exists and may hold corrections" in out.stderr
    assert corrected.read_text(encoding="utf-8") == "hand-corrected"
    out = _run(tmp_path, "extract", str(pdf), "-o", str(tmp_path / "missing" / "dir" / "x.txt"))
    assert out.returncode == 2 and out.stderr.strip().endswith("missing/dir: no such folder")
    assert _run(tmp_path, "extract", str(pdf), "--force").returncode == 0
    assert corrected.read_text(encoding="utf-8") != "hand-corrected"


# 10. unbounded work ----------------------------------------------------------------------


def test_stamps_list_what_each_notebook_wrote(project):
    assert _run(project, "report", "--no-html").returncode == 0
    stamp = json.loads((project / "reports" / "001_small" / "01_slow.fingerprint").read_text(encoding="utf-8"))
    assert [Path(p).name for p, _, _ in stamp["outputs"]] == ["size.csv"]


def test_an_unwritable_project_is_one_line(project):
    (project / "figures").write_text("a file where the folder of charts should be", encoding="utf-8")
    out = _run(project, "tables")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert out.stderr.strip().startswith("error: cannot write") and "Not a directory" in out.stderr


def test_what_a_kernel_says_on_its_own_goes_to_the_run_s_log_not_over_the_report(tmp_path, capfd):
    """A kernel's log line (tornado's traceback when a request is cut off, printed over the
    report's one-line messages in a full-suite run) reaches neither the report's stdout nor its
    stderr, whether the kernel writes it to its own stderr or forwards it as the setup's output."""
    from corpus_utils.running.kernels import KernelPool

    log = tmp_path / "reports" / "kernels.log"
    pool = KernelPool(log=log)
    try:
        km = pool.fresh()
        pool._run(km, "import logging\nlogging.getLogger('tornado.general').error('Uncaught exception in a callback')")
    finally:
        pool.close()
    out, err = capfd.readouterr()
    assert "Uncaught exception" not in out + err
    assert "ERROR:tornado.general:Uncaught exception in a callback" in log.read_text(encoding="utf-8")
