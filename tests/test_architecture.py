"""The package's layout: stages that depend only on earlier stages, small modules, no private
names borrowed across modules, a docstring for every room."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "corpus_utils"
FOUNDATION = {"paths", "cache", "workers"}  # serve every stage
# each stage may import from the stages before it (and the foundation), never from one after
STAGES = ["text", "reading", "segmenting", "corpus", "analyses", "charts", "running"]
MAX_LINES = 400


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _name(path: Path) -> list[str]:
    return list(path.relative_to(PACKAGE).with_suffix("").parts)


def _relative_imports(path: Path) -> list[tuple[list[str], list[str]]]:
    """(the module imported, the names taken) for every relative import, lazy ones included."""
    here = _name(path)[:-1]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = here[: len(here) - (node.level - 1)]
            out.append((base + (node.module.split(".") if node.module else []), [a.name for a in node.names]))
    return out


def _stage(parts: list[str]) -> str:
    return parts[0] if parts and parts[0] in STAGES else "/".join(parts)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: "/".join(_name(p)))
def test_a_stage_imports_only_earlier_stages(path):
    mine = _stage(_name(path))
    if mine not in STAGES:
        return  # the package's face (__init__, __main__) and the foundation
    for target, _ in _relative_imports(path):
        theirs = _stage(target)
        if theirs in FOUNDATION or theirs == mine or theirs not in STAGES:
            assert theirs != "__init__" or target != [], f"{path.name} imports the package's face"
            continue
        assert STAGES.index(theirs) < STAGES.index(mine), f"{'/'.join(_name(path))} imports {'.'.join(target)}"


def test_the_foundation_imports_no_stage():
    for name in FOUNDATION:
        for target, _ in _relative_imports(PACKAGE / f"{name}.py"):
            assert _stage(target) not in STAGES, f"{name} imports {'.'.join(target)}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: "/".join(_name(p)))
def test_modules_are_small_and_say_what_they_hold(path):
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= MAX_LINES
    if path.name != "__main__.py":
        assert ast.get_docstring(ast.parse(text)), f"{path} has no docstring"


def test_no_private_name_is_borrowed_from_another_module():
    borrowed = [
        (f"{'/'.join(_name(path))}", ".".join(target), name)
        for path in _modules()
        for target, names in _relative_imports(path)
        for name in names
        if name.startswith("_")
    ]
    assert borrowed == []


def test_every_stage_is_a_folder_with_its_own_docstring():
    for stage in STAGES:
        init = PACKAGE / stage / "__init__.py"
        assert init.is_file() and ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
