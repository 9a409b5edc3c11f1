"""What a report costs: segmenting, tokenizing and the full report, cold and warm, and how
the cost grows with the number of issues (a synthetic archive made from the seed).

    python bench/report_speed.py [--sizes 1 2 4]

Cold means empty caches (a fresh ``CORPUS_UTILS_CACHE``); warm reruns with the caches the
cold run filled. Each synthetic issue is the seed with its years and place names changed, so
its text, and every cache key, differ. Everything runs in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_5e927a446d779796.txt"
PLACES = ["吉林", "长春", "四平", "辽源", "通化", "白山", "松原", "白城"]


def make_archive(folder: Path, n: int) -> list[Path]:
    """``n`` issues in the seed's shape, each with its own text."""
    text = SEED.read_text(encoding="utf-8")
    paths = []
    for k in range(n):
        variant = text.replace("2019", str(2019 + k)).replace("吉林", PLACES[k % len(PLACES)])
        if k >= len(PLACES):
            variant = variant.replace("党建联盟", "党建联盟" if k % 2 else "党建联合体")
        path = folder / f"{k:03d}_synthetic.txt"
        path.write_text(variant, encoding="utf-8")
        paths.append(path)
    return paths


def _timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _in_fresh_process(code: str, env: dict) -> float:
    """Wall time of a snippet in a new interpreter (so 'cold' includes imports and loads)."""
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--pipeline-sizes", type=int, nargs="+", default=[1, 4, 16])
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="corpus_bench_"))
    env = dict(os.environ, CORPUS_UTILS_CACHE=str(tmp / "cache"), CORPUS_UTILS_FIGURES=str(tmp / "figures"))
    os.environ.update(env)
    import corpus_utils as cu

    print(f"machine: {os.cpu_count()} cores; seed {SEED.stat().st_size / 1024:.0f} KiB")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        seg_cold = _timed(lambda: cu.load_issue(SEED, cache=False))
        cu.load_issue(SEED)
        seg_warm = _timed(lambda: cu.load_issue(SEED))
        issue = cu.load_issue(SEED)
    texts = list(issue.articles["text"])
    tok_cold = _in_fresh_process(
        "import corpus_utils as cu, warnings; warnings.simplefilter('ignore');"
        f"i = cu.load_issue({str(SEED)!r}); t = cu.issue_tokenizer(i); [t.cut(x) for x in i.articles.text]",
        env,
    )
    tok = cu.issue_tokenizer(issue)
    tok_warm = _timed(lambda: [tok.cut(x) for x in texts])
    print(f"segment one issue        cold {seg_cold * 1000:8.0f} ms   warm (cached) {seg_warm * 1000:6.1f} ms")
    print(
        f"tokenize one issue       cold {tok_cold:8.2f} s (new process, imports included)"
        f"   warm {tok_warm * 1000:.1f} ms"
    )

    for n in args.pipeline_sizes:
        folder = tmp / f"pipe{n}"
        folder.mkdir()
        paths = make_archive(folder, n)
        code = (
            "import corpus_utils as cu, warnings, sys; warnings.simplefilter('ignore')\n"
            "for p in sys.argv[1:]:\n"
            "    i = cu.load_issue(p); cu.keyness(i); cu.term_frequencies(i, by='column'); cu.phrase_counts(i)\n"
        )
        cold = time.perf_counter()
        subprocess.run([sys.executable, "-c", code, *map(str, paths)], env=env, check=True)
        cold = time.perf_counter() - cold
        warm = time.perf_counter()
        subprocess.run([sys.executable, "-c", code, *map(str, paths)], env=env, check=True)
        warm = time.perf_counter() - warm
        print(f"tables only, {n:3d} issues  cold {cold:7.1f} s ({cold / n:5.2f} s/issue)   warm {warm:6.1f} s")

    for n in args.sizes:
        folder = tmp / f"archive{n}"
        folder.mkdir()
        paths = make_archive(folder, n)
        shutil.rmtree(tmp / "cache", ignore_errors=True)
        cmd = [sys.executable, "-m", "corpus_utils", "report", *map(str, paths)]
        cold = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, capture_output=True)
        cold = time.perf_counter() - cold
        warm = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, capture_output=True)
        warm = time.perf_counter() - warm
        print(
            f"full report, {n:3d} issues  cold {cold:7.1f} s ({cold / n:5.1f} s/issue)"
            f"   rerun, nothing changed {warm:6.1f} s"
        )
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
