"""The package's declared dependencies match what its code imports."""

from __future__ import annotations

import ast
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# import name → distribution name, where they differ
DISTRIBUTIONS = {
    "sklearn": "scikit-learn",
    "pylopdf_fonts_zh_cn": "pylopdf-fonts-zh-cn",
    "PIL": "pillow",
    "IPython": "ipython",
    "ahocorasick": "pyahocorasick",
}
# used by the kernels and pandas' Excel writer, never imported; cpca's table of divisions is read
# as a data file (analyses/gazetteer.py), since importing cpca needs pkg_resources
RUNTIME_ONLY = {"ipykernel", "xlsxwriter", "cpca"}


def _imported_top_level_modules() -> set[str]:
    names = set()
    for path in (ROOT / "corpus_utils").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n != "corpus_utils"}


def test_every_imported_package_is_a_declared_dependency_and_nothing_else_is():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    names = {d.split(">")[0].split("=")[0].split("<")[0].strip().lower() for d in declared}
    imported = {DISTRIBUTIONS.get(m, m).lower() for m in _imported_top_level_modules()}
    assert imported - names == set(), "imported but not declared"
    assert names - imported - RUNTIME_ONLY == set(), "declared but never imported"


def test_importing_the_package_loads_no_heavy_library():
    """Every notebook kernel imports corpus_utils: scipy, scikit-learn, matplotlib and jieba
    load where they are used, not up front."""
    import subprocess

    code = "import sys, corpus_utils; print(' '.join(sorted(m for m in ('scipy', 'sklearn', 'matplotlib', 'jieba', 'wordcloud', 'papermill') if m in sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
