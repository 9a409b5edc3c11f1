"""The documents the report writes from executed notebooks and saved tables: each notebook's
HTML export, an issue's Excel workbook of its tables and the reader's report (the whole issue
in one HTML page, without code). They are kept apart from running the notebooks so that how
a document is written (where, under which name, when it is rewritten) is decided in one place.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from ..paths import DATA_DIR, figures_dir, replaced, write_text_replacing

ITABLES_INIT = "This is the <code>init_notebook_mode</code> cell from ITables"  # in its 1 MB script's output


def html_export(notebook: Path, target: Path | None = None, *, issue: str = "") -> Path:
    """An executed notebook as HTML (default: beside it, ``<name>.html``), written whole or not
    at all, that fetches nothing when opened (``html_exporter``), titled by the notebook's first
    heading and ``issue`` (its label)."""
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    nb.metadata["title"] = page_title(nb, issue)
    body, _ = _exporter().from_notebook_node(nb)
    return write_text_replacing(target or notebook.with_suffix(".html"), body)


def page_title(nb, issue: str = "") -> str:
    """A page's title: the notebook's first heading (``本期概览 · Issue overview``) and the issue."""
    import re

    heading = next(
        (
            m.group(1)
            for c in nb.cells
            if c.cell_type == "markdown"
            for m in [re.search(r"^# (.+)$", c.source, re.M)]
            if m
        ),
        "",
    )
    return " — ".join(part for part in (heading, issue) if part) or "corpus_utils"


def html_exporter(**options):
    """nbconvert's HTML exporter with the project's offline template: JupyterLab's, without the
    require.js and MathJax it would load from a CDN."""
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="offline", extra_template_basedirs=[str(DATA_DIR / "nbconvert")], **options)


_THREAD = threading.local()


def _exporter(**options):
    """This thread's exporter with these options, made once: a new one compiles its Jinja
    templates again (a third of an export's time). One per thread, since an export registers
    filters on its exporter."""
    cache = _THREAD.__dict__.setdefault("exporters", {})
    key = tuple(sorted(options.items()))
    if key not in cache:
        cache[key] = html_exporter(**options)
    return cache[key]


def documents_exist(issue_id: str, out_dir: Path, html: bool) -> bool:
    """Whether an issue's workbook (if it has tables) and reader's report (with ``html``) are there."""
    tables = any((figures_dir(issue_id) / "tables").glob("*.csv"))
    return (not tables or (out_dir / issue_id / "tables.xlsx").is_file()) and (
        not html or (out_dir / issue_id / "report.html").is_file()
    )


def issue_documents(
    issue_id: str, executed: list[Path], out_dir: Path, html: bool, issue: str = ""
) -> tuple[Path | None, Path | None]:
    """An issue's workbook and (with ``html``) its reader's report, once its notebooks are done
    (``issue``: its label, for the page's title)."""
    book = tables_workbook(issue_id, out_dir / issue_id / "tables.xlsx")
    reader = reader_report(executed, out_dir / issue_id / "report.html", issue=issue) if html else None
    return book, reader


def tables_workbook(issue_id: str, path: Path) -> Path | None:
    """Gather ``figures/<issue_id>/tables/*.csv`` into one Excel workbook, a sheet per table
    (rewritten only when a table is newer than the workbook)."""
    tables = sorted((figures_dir(issue_id) / "tables").glob("*.csv"))
    if not tables:
        return None
    if path.is_file() and path.stat().st_mtime >= max(t.stat().st_mtime for t in tables):
        return path  # no table changed since the workbook was written
    import math

    import xlsxwriter

    path.parent.mkdir(parents=True, exist_ok=True)
    # rows written straight with xlsxwriter (constant memory): pandas' to_excel styles every
    # cell on its way and takes twice as long for the same workbook
    with replaced(path) as tmp:
        book = xlsxwriter.Workbook(str(tmp), {"constant_memory": True, "nan_inf_to_errors": True})
        for csv in tables:
            frame = pd.read_csv(csv, encoding="utf-8-sig")
            sheet = book.add_worksheet(csv.stem[:31])
            sheet.write_row(0, 0, [str(c) for c in frame.columns])
            for r, row in enumerate(frame.itertuples(index=False, name=None), start=1):
                sheet.write_row(r, 0, [None if isinstance(v, float) and math.isnan(v) else v for v in row])
        book.close()
    return path


def reader_report(executed: Sequence[Path], path: Path, *, issue: str = "") -> Path | None:
    """One HTML page of an issue for a colleague who does not read code: the executed
    notebooks' text, charts and tables in order, without code or prompts, under a contents
    list of their headings, titled by ``issue`` (its label). itables' script, which each
    notebook carries, is kept once. None if no executed notebook is there."""
    import re

    import nbformat
    from nbconvert.filters.strings import add_anchor

    notebooks = [nbformat.read(p, as_version=4) for p in executed if Path(p).is_file()]
    if not notebooks:
        return None
    cells = [c for nb in notebooks for c in nb.cells if "injected-parameters" not in c.metadata.get("tags", [])]
    _script_once(cells)
    contents = []
    for cell in cells:
        if cell.cell_type != "markdown":
            continue
        for level, text in re.findall(r"^(#{1,2}) (.+)$", cell.source, flags=re.M):
            anchor = re.search(r'id="([^"]+)"', add_anchor(f"<h{len(level)}>{text}</h{len(level)}>")).group(1)
            indent = "" if len(level) == 1 else "    "
            contents.append(f"{indent}- [{text}](#{anchor})")
    book = nbformat.v4.new_notebook(metadata=notebooks[0].metadata)
    book.metadata["title"] = f"阅读报告 · Report — {issue}" if issue else "阅读报告 · Report"
    book.cells = [nbformat.v4.new_markdown_cell("**目录 · Contents**\n\n" + "\n".join(contents)), *cells]
    exporter = _exporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(book)
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_text_replacing(path, body)


def _script_once(cells: list) -> None:
    """Drop every output of itables' script but the first: one copy serves the whole page."""
    seen = False
    for cell in cells:
        kept = []
        for output in cell.get("outputs", []):
            html = output.get("data", {}).get("text/html", "")
            if ITABLES_INIT in ("".join(html) if isinstance(html, list) else html):
                if seen:
                    continue
                seen = True
            kept.append(output)
        if "outputs" in cell:
            cell.outputs = kept
