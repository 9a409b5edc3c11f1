"""Tables and charts → files under ``figures/<issue_id>/``, with stable names."""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import pandas as pd

from ..charts.fonts import check_glyphs
from ..paths import figures_dir, replaced

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from pandas.io.formats.style import Styler

PNG_DPI = 200
SCREEN_DPI = 100  # a saved PNG shows on screen at this size
TABLE_FLOAT_FORMAT = "%.6g"
OUTPUT_LOG_ENV = "CORPUS_UTILS_OUTPUT_LOG"  # where save_figure and save_table note what they wrote


class SavedFigure(NamedTuple):
    """A chart as written: its PNG and SVG. In a notebook it shows as the PNG written, at screen
    size (``SCREEN_DPI``) in 256 colours, so the chart is not drawn a third time for the screen
    and a page of ten charts stays a few hundred kilobytes (the 200-dpi PNG of a page of word
    clouds alone is 2 MB); the files keep every pixel."""

    png: Path
    svg: Path

    def _repr_png_(self) -> tuple[bytes, dict]:
        from PIL import Image

        shown = _SHOWN.pop(self.png, None)
        if shown is None:
            with Image.open(self.png) as image:
                shown = _screen_png(image)
        return shown


_SHOWN: dict[Path, tuple[bytes, dict]] = {}  # charts just saved, as the notebook will show them


def save_figure(fig: Figure, issue_id: str, name: str) -> SavedFigure:
    """Write a chart as PNG (200 dpi) and SVG, and close it; every text on it is checked against
    the font. Each file is written whole or not at all (``replaced``). Returns the paths, which
    a notebook shows as the PNG.

    The chart is drawn twice, not four times: once at 200 dpi, whose pixels, cut to the chart's
    tight box, are the PNG and the picture the notebook shows, and once as SVG cut to the same
    box. (``bbox_inches="tight"`` lays the chart out again before each file, and the notebook
    read the PNG back.) A chart that reaches beyond its figure is saved as matplotlib cuts it."""
    import matplotlib.pyplot as plt
    from matplotlib.text import Text
    from PIL import Image

    from ..charts.style import report_style_context

    for text in fig.findobj(Text):
        if text.get_visible() and text.get_text():
            check_glyphs(text.get_text(), where=f"{name}")
    folder = figures_dir(issue_id)
    folder.mkdir(parents=True, exist_ok=True)
    saved = SavedFigure(folder / f"{name}.png", folder / f"{name}.svg")
    with warnings.catch_warnings(), report_style_context():
        warnings.filterwarnings("error", message=r"Glyph .* missing from font")
        pixels, box = _drawn(fig, plt.rcParams["savefig.pad_inches"])
        with replaced(saved.png) as tmp:
            if pixels is not None:
                Image.fromarray(pixels).save(tmp, "PNG", dpi=(PNG_DPI, PNG_DPI))
            else:
                fig.savefig(tmp, dpi=PNG_DPI, metadata={"Software": None}, bbox_inches=box)
        with replaced(saved.svg) as tmp:
            fig.savefig(tmp, metadata={"Date": None, "Creator": None}, bbox_inches=box)
    plt.close(fig)  # the inline backend would draw it again at the end of the cell
    if pixels is not None:
        _SHOWN[saved.png] = _screen_png(Image.fromarray(pixels))
    _record(saved.png, saved.svg)
    return saved


def _drawn(fig: Figure, pad: float):
    """The chart drawn once at ``PNG_DPI``: its pixels inside its tight box plus ``pad`` inches
    (white where the pad passes the figure's edge), and that box in inches. The pixels are None
    where the chart itself reaches past the figure, which only a drawing cut to the box shows."""
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    dpi = fig.dpi
    try:
        fig.set_dpi(PNG_DPI)
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        tight = fig.get_tightbbox(canvas.get_renderer())
        rgb = np.asarray(canvas.buffer_rgba())[..., :3]
    finally:
        fig.set_dpi(dpi)
    box = tight.padded(pad)
    height, width = rgb.shape[:2]
    inches = np.array([width, height]) / PNG_DPI
    if tight.x0 < 0 or tight.y0 < 0 or tight.x1 > inches[0] or tight.y1 > inches[1]:
        return None, box
    x0, x1 = round(box.x0 * PNG_DPI), round(box.x1 * PNG_DPI)
    top, bottom = height - round(box.y1 * PNG_DPI), height - round(box.y0 * PNG_DPI)
    out = np.full((bottom - top, x1 - x0, 3), 255, dtype=np.uint8)
    sx, sy = max(x0, 0), max(top, 0)
    ex, ey = min(x1, width), min(bottom, height)
    out[sy - top : ey - top, sx - x0 : ex - x0] = rgb[sy:ey, sx:ex]
    return out, box


def _screen_png(image) -> tuple[bytes, dict]:
    """A chart at screen size in 256 colours, as PNG bytes with the size to show it at."""
    import io

    from PIL import Image

    shown = image.convert("RGB").reduce(max(1, round(PNG_DPI / SCREEN_DPI)))
    shown = shown.quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    out = io.BytesIO()
    shown.save(out, "PNG")
    return out.getvalue(), {"width": shown.width, "height": shown.height}


def save_table(table: pd.DataFrame, issue_id: str, name: str) -> Path:
    """Write a table as CSV (UTF-8 with BOM, so Excel opens it) under ``tables/``, whole or not
    at all (``replaced``).

    Floats are written with six significant digits (``TABLE_FLOAT_FORMAT``): the last digits of
    a float differ between machines and library versions, and a rerun must not change a
    committed table."""
    folder = figures_dir(issue_id) / "tables"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.csv"
    with replaced(path) as tmp:
        _flat(table).to_csv(tmp, index=False, encoding="utf-8-sig", float_format=TABLE_FLOAT_FORMAT)
    _record(path)
    return path


def _record(*paths: Path) -> None:
    """Note what was written in the file ``$CORPUS_UTILS_OUTPUT_LOG`` names, if any: the report
    sets it for each notebook, and keeps the list with the notebook's fingerprint."""
    log = os.environ.get(OUTPUT_LOG_ENV)
    if log:
        with open(log, "a", encoding="utf-8") as f:
            f.writelines(f"{p.resolve()}\n" for p in paths)


class Note(str):
    """A sentence shown in a notebook (and its HTML) where a table would be, saying why there is none."""

    def _repr_html_(self) -> str:
        import html

        return f"<p><em>{html.escape(self)}</em></p>"


def shown(table: pd.DataFrame, n: int | None = None, *, empty: str = "（表为空）") -> Styler | Note:
    """A table as a reader should see it in a notebook or report: the first ``n`` rows, no
    index, empty cells for missing values (not ``None``/``NaN``), numbers rounded to what can
    be read (``53.48``, ``0.574``, ``2.44e-16``), lists joined, text and headings aligned left,
    and an ``issue_id`` that is the same on every row left out (the notebook's title already
    names the issue). Text from the data (titles, columns, phrases) is escaped: it shows as
    written and never runs as HTML. A table without rows shows the sentence ``empty`` instead."""
    if table.empty:
        return Note(empty)
    view = _for_reader(table.head(n) if n is not None else table).reset_index(drop=True)
    floats = [c for c in view.columns if pd.api.types.is_float_dtype(view[c])]
    numbers = [
        c for c in view.columns if pd.api.types.is_numeric_dtype(view[c]) and not pd.api.types.is_bool_dtype(view[c])
    ]
    texts = [c for c in view.columns if c not in numbers]
    return (
        view.style.hide(axis="index")
        .format(_readable_number, subset=floats, na_rep="")
        .format(None, subset=[c for c in view.columns if c not in floats], na_rep="", escape="html")
        .format_index(escape="html", axis=1)
        .set_properties(subset=texts, **{"text-align": "left"})
        .set_table_styles([{"selector": "th", "props": [("text-align", "left")]}])
    )


def interactive(
    table: pd.DataFrame, *, caption: str | None = None, rows: int = 15, empty: str = "（表为空）"
) -> Note | None:
    """Show a table as a sortable, searchable table (itables) in the notebook and in its HTML
    export, numbers shown as ``shown`` rounds them (and sorted as numbers). itables runs in its
    offline mode: its JavaScript is written into the notebook once, so nothing is fetched when a
    report is opened. A table without rows gives the sentence ``empty`` instead."""
    if table.empty:
        return Note(empty)
    import itables

    _itables_offline()
    view = _for_reader(table)
    menu = sorted({10, rows, 25, 50, 100})
    with pd.option_context("display.float_format", _readable_number):
        itables.show(view, caption=caption, pageLength=rows, lengthMenu=menu, showIndex=False, maxBytes=2**21)
    return None


def _itables_offline() -> None:
    """itables' JavaScript, once in each notebook: the first interactive table of a notebook
    writes it into that notebook's output (a kernel the report reuses runs several notebooks,
    each of which needs its own copy; the flag lives in the notebook's namespace, which the
    report empties between notebooks)."""
    import itables

    try:
        from IPython import get_ipython

        namespace = get_ipython().user_ns if get_ipython() is not None else None
    except ImportError:
        namespace = None
    flag = "__corpus_utils_itables__"
    if namespace is not None and namespace.get(flag):
        return
    itables.init_notebook_mode(all_interactive=False, connected=False)
    if namespace is not None:
        namespace[flag] = True


def _flat(table: pd.DataFrame) -> pd.DataFrame:
    """A copy with list cells (pages, authors) joined by 、, as files and readers want them."""
    flat = table.copy()
    for col in flat.columns:
        if flat[col].dtype != object:  # numbers and strings hold no list: no need to look at each cell
            continue
        if flat[col].map(lambda v: isinstance(v, list | tuple)).any():
            flat[col] = flat[col].map(lambda v: "、".join(map(str, v)) if isinstance(v, list | tuple) else v)
    return flat


def _for_reader(table: pd.DataFrame) -> pd.DataFrame:
    """``_flat``, and an ``issue_id`` that is the same on every row left out."""
    if "issue_id" in table.columns and table["issue_id"].nunique() <= 1:
        table = table.drop(columns="issue_id")
    return _flat(table)


def _readable_number(value: float) -> str:
    size = abs(value)
    if size == 0 or size >= 1000:
        return f"{value:,.0f}"
    if size >= 1:
        return f"{value:.2f}"
    if size >= 0.001:
        return f"{value:.3f}"
    return f"{value:.2e}"
