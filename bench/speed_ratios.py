"""The speed targets, measured side by side in one run (ratios, since the machine is shared).

    python bench/speed_ratios.py [--issues 240] [--repeat 5] [--skip-report | --skip-tables]

1. Tokenizing the seed's 26 article texts: the project tokenizer (rjieba engine, cache off)
   against bare ``jieba.lcut``, both dictionaries loaded first; best of ``--repeat``. The
   tokens are compared with the project tokenizer on jieba (the reference): they must be equal.
2. The full report for one issue, cold (fresh project copy, empty caches), median of three,
   against as many bare notebooks as it runs: the floor is one bare notebook (a parameters cell
   and ``x = 1``) run by papermill in-process, median of three, taken right before each report.
   Also the seconds until the first progress line, and a rerun with nothing to do (median of
   three), which must write no file but the project's lock (``reports/.lock``, which names the
   process holding it).
3. The tables-only path (segment, tokenize, frequencies, keyness, phrase counts; tables
   written) on generated issues, cold, in a new process: on one core, then on two.
4. The same path on ``--issues`` generated issues, cold, on two cores; and the parent's peak
   memory at a tenth of that archive and at all of it (flat means the same).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # this checkout's package, and the issue generator
SEED = ROOT / "seeds" / "000_5e927a446d779796.txt"
PHRASES = ["担当作为", "党建联盟", "软弱涣散", "不忘初心", "主题教育"]


def tokenize_ratio(repeat: int) -> dict:
    import logging
    import warnings

    import jieba

    import corpus_utils as cu
    from corpus_utils.cache import TextCache
    from corpus_utils.text.tokens import Tokenizer, dictionary_files

    jieba.setLogLevel(logging.WARNING)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        texts = list(cu.load_issue(SEED).articles["text"])
    jieba.initialize()
    cache = TextCache(enabled=False)
    ours = Tokenizer(dictionary_files(), cache=cache, engine="rjieba")
    reference = Tokenizer(dictionary_files(), cache=cache, engine="jieba")
    ours.cut_uncached(texts[0])  # load the engine before the clock starts

    def best(fn) -> float:
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        return min(times)

    bare = best(lambda: [jieba.lcut(t) for t in texts])
    fast = best(lambda: [ours.cut_uncached(t) for t in texts])
    same = [ours.cut_uncached(t) for t in texts] == [reference.cut_uncached(t) for t in texts]
    return {"bare_jieba_s": bare, "project_s": fast, "ratio": bare / fast, "identical_tokens": same}


def _this_package(env: dict) -> dict:
    """``env`` with this checkout's package first on the path: an installed copy of another
    checkout must not answer for it (in the report's process or in its kernels)."""
    paths = [str(ROOT), *filter(None, env.get("PYTHONPATH", "").split(os.pathsep))]
    return dict(env, PYTHONPATH=os.pathsep.join(dict.fromkeys(paths)))


def _run(code: str, env: dict, cwd: Path | None = None) -> tuple[float, str]:
    t0 = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code], env=_this_package(env), cwd=cwd, check=True, capture_output=True, text=True
    )
    return time.perf_counter() - t0, out.stdout


def _fresh_env(tmp: Path, name: str) -> dict:
    return dict(
        os.environ, CORPUS_UTILS_CACHE=str(tmp / f"cache_{name}"), CORPUS_UTILS_FIGURES=str(tmp / f"fig_{name}")
    )


def tables_only(paths: list[Path], jobs: int, tmp: Path, name: str) -> tuple[float, int]:
    """Seconds for the tables-only path, cold, in a new process; and the parent's peak RSS (KiB)."""
    code = (
        "import json, resource, sys, corpus_utils as cu\n"
        f"paths = {json.dumps([str(p) for p in paths])}\n"
        f"cu.archive_tables(paths, phrases={PHRASES!r}, jobs={jobs}, write=True)\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    seconds, out = _run(code, _fresh_env(tmp, name), cwd=ROOT)
    return seconds, int(out.strip().splitlines()[-1])


def bare_floor(tmp: Path, repeat: int = 3) -> float:
    """The floor every report time is measured against: one bare notebook (a parameters cell and
    ``x = 1``) run by papermill in-process, in a process that has already imported papermill;
    the median of ``repeat`` runs."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    params = nbformat.v4.new_code_cell('issue_path = ""')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell("x = 1")]
    path = tmp / "bare.ipynb"
    nbformat.write(nb, path)
    code = (
        "import statistics, time, papermill\n"
        "times = []\n"
        f"for k in range({repeat}):\n"
        "    t0 = time.perf_counter()\n"
        f"    papermill.execute_notebook({str(path)!r}, {str(tmp / 'bare_out.ipynb')!r},"
        " parameters={'issue_path': 'x'}, progress_bar=False, extra_arguments=['--IPKernelApp.log_level=CRITICAL'])\n"
        "    times.append(time.perf_counter() - t0)\n"
        "print(statistics.median(times))\n"
    )
    _, out = _run(code, dict(os.environ))
    return float(out.strip().splitlines()[-1])


def report_project(tmp: Path, name: str, issues: list[Path]) -> Path:
    """A fresh project: the notebooks, the dictionaries and ``issues`` in ``seeds/``."""
    project = tmp / name
    for folder in ("notebooks", "dictionaries"):
        shutil.copytree(ROOT / folder, project / folder)
    (project / "seeds").mkdir()
    for issue in issues:
        shutil.copy(issue, project / "seeds" / issue.name)
    return project


def timed_report(project: Path, cache: Path) -> tuple[float, float | None]:
    """Seconds for ``python -m corpus_utils report`` in ``project``, and the seconds until its
    first progress line (None if it printed none)."""
    env = _this_package(dict(os.environ, CORPUS_UTILS_CACHE=str(cache)))
    env.pop("CORPUS_UTILS_FIGURES", None)
    env.pop("CORPUS_UTILS_ROOT", None)
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "corpus_utils", "report"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    first, said = None, b""
    while chunk := proc.stderr.read1(4096):
        said = (said + chunk)[-4000:]
        if first is None and b"notebooks:" in chunk:
            first = time.perf_counter() - t0
    if proc.wait():
        raise RuntimeError(f"report failed in {project}: {said.decode(errors='replace')[-1500:]}")
    return time.perf_counter() - t0, first


def files_state(project: Path) -> dict[str, tuple[int, int]]:
    """Every file of a project with its size and modification time."""
    return {str(p): (p.stat().st_size, p.stat().st_mtime_ns) for p in project.rglob("*") if p.is_file()}


def report_speed(tmp: Path, repeat: int) -> dict:
    """The cold report for the seed against the floor, ``repeat`` times, each report right after
    its own floor (the load of a shared machine drifts: a floor taken minutes apart from its
    report says little); the first progress line; and a rerun with nothing to do (median of
    ``repeat``), which must write nothing but the lock that names the running process."""
    n = len(list((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")))
    cold, first, floors, ratios = [], [], [], []
    for k in range(repeat):
        floors.append(bare_floor(tmp))
        # the seed with its corrections and its terms, as seeds/ holds it (without the terms the
        # committed vocabulary tables are out of date and the report learns them again first)
        project = report_project(tmp, f"project{k}", sorted(SEED.parent.glob(f"{SEED.stem}.*")))
        seconds, line = timed_report(project, tmp / f"cache_report{k}")
        cold.append(seconds)
        first.append(line if line is not None else float("nan"))
        ratios.append(seconds / (n * floors[-1]))
    before = files_state(project)
    rerun = [timed_report(project, tmp / f"cache_report{repeat - 1}")[0] for _ in range(repeat)]
    changed = sorted(p for p, s in files_state(project).items() if before.get(p) != s)
    return {
        "cold_s": statistics.median(cold),
        "cold_all": cold,
        "floor_s": statistics.median(floors),
        "floors": floors,
        "ratio": statistics.median(ratios),
        "ratios": ratios,
        "first_line_s": statistics.median(first),
        "rerun_s": statistics.median(rerun),
        "rerun_writes": [p for p in changed if not p.endswith("reports/.lock")],
        "notebooks": n,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--issues", type=int, default=240)
    parser.add_argument("--cores-issues", type=int, default=0, help="issues for the one/two-core ratio (0: all)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip-report", action="store_true")
    parser.add_argument("--skip-tables", action="store_true", help="the report's figures only")
    parser.add_argument("--report-repeat", type=int, default=3, help="cold reports (and reruns) to take the median of")
    args = parser.parse_args()
    from issuegen import generate_issue

    tmp = Path(tempfile.mkdtemp(prefix="corpus_speed_"))
    print(f"machine: {os.cpu_count()} cores")
    tok = tokenize_ratio(args.repeat)
    print(
        f"tokenize the seed (26 texts): bare jieba.lcut {tok['bare_jieba_s'] * 1000:.1f} ms, project tokenizer "
        f"(rjieba) {tok['project_s'] * 1000:.1f} ms: {tok['ratio']:.1f}x faster; tokens identical to jieba's: "
        f"{tok['identical_tokens']}"
    )
    if not args.skip_report:
        rep = report_speed(tmp, args.report_repeat)
        n = rep["notebooks"]
        print(
            f"full report, one issue ({n} notebooks), cold, each run right after its floor (one bare notebook "
            f"run by papermill in-process, median of 3): {', '.join(f'{t:.1f} s' for t in rep['cold_all'])} "
            f"against floors of {', '.join(f'{f:.2f} s' for f in rep['floors'])}: "
            f"{', '.join(f'{r:.2f}x' for r in rep['ratios'])} as many bare notebooks; median {rep['ratio']:.2f}x"
        )
        print(f"first progress line after {rep['first_line_s']:.2f} s (median)")
        print(
            f"rerun with nothing to do: {rep['rerun_s']:.2f} s (median of {args.report_repeat}); "
            f"files written (the lock aside): {len(rep['rerun_writes'])}"
        )
        for path in rep["rerun_writes"]:
            print(f"  rerun wrote {path}")
        if args.skip_tables:
            shutil.rmtree(tmp, ignore_errors=True)
            return
    archive = tmp / "archive"
    archive.mkdir()
    paths = [generate_issue(k).write(archive / f"{k:03d}_generated.txt") for k in range(args.issues)]
    some = paths[: args.cores_issues or None]
    one, _ = tables_only(some, 1, tmp, "one")
    two, _ = tables_only(some, 2, tmp, "two")
    print(f"tables only, {len(some)} issues, cold: one core {one:.1f} s, two cores {two:.1f} s: {one / two:.2f}x")
    _, rss_small = tables_only(paths[: max(1, args.issues // 10)], 2, tmp, "tenth")
    whole, rss_big = tables_only(paths, 2, tmp, "all")
    print(
        f"tables only, {len(paths)} issues, cold, two cores: {whole:.1f} s ({whole / len(paths) * 1000:.0f} ms/issue)"
    )
    print(
        f"parent's peak memory: {rss_small / 1024:.0f} MiB for {max(1, args.issues // 10)} issues, "
        f"{rss_big / 1024:.0f} MiB for {len(paths)}"
    )
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
