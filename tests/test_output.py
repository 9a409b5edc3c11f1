"""Tables and charts written to files: stable bytes, so a rerun changes no committed output."""

from __future__ import annotations

import io
import re

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from PIL import Image

import corpus_utils as cu
from corpus_utils import charts

pytestmark = pytest.mark.usefixtures("figures_in_tmp")


def test_tables_are_csv_with_bom_lists_joined_and_floats_at_six_significant_digits(tmp_path):
    table = pd.DataFrame(
        {"term": ["党建联盟"], "pages": [[11, 12, 13, 10]], "g2": [123.456789012], "p": [2.4384412e-16]}
    )
    path = cu.save_table(table, "x", "t")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8-sig").splitlines() == ["term,pages,g2,p", "党建联盟,11、12、13、10,123.457,2.43844e-16"]


def test_a_float_s_last_digits_do_not_reach_the_file(tmp_path):
    a = cu.save_table(pd.DataFrame({"x": [0.1 + 0.2]}), "x", "a").read_bytes()
    b = cu.save_table(pd.DataFrame({"x": [0.3]}), "x", "b").read_bytes()
    assert a == b  # 0.30000000000000004 and 0.3 are the same table


def test_charts_are_byte_identical_when_drawn_again(seed_issue):
    overview = cu.column_overview(seed_issue)
    first = [p.read_bytes() for p in cu.save_figure(charts.plot_column_sizes(overview), "x", "c")]
    second = [p.read_bytes() for p in cu.save_figure(charts.plot_column_sizes(overview), "x", "c")]
    assert first == second


def test_shown_tables_hide_missing_values_round_numbers_and_drop_a_constant_issue_id():
    table = pd.DataFrame(
        {
            "issue_id": ["000_x", "000_x"],
            "title": [None, "党建联盟"],
            "per_10k": [53.475935828877, float("nan")],
            "p": [2.4384412e-16, 0.5],
            "pages": [[11, 12], [3]],
        }
    )
    html = cu.shown(table).to_html()
    cells = re.findall(r"<td [^>]*>([^<]*)</td>", html)
    assert cells == ["", "53.48", "2.44e-16", "11、12", "党建联盟", "", "0.500", "3"]
    assert "issue_id" not in html and "None" not in html and "nan" not in html
    two = pd.concat([table, table.assign(issue_id="001_y")])
    assert "issue_id" in cu.shown(two).to_html()  # it varies: it stays
    assert len(re.findall(r"<tr>", cu.shown(two, 1).to_html())) == 2  # header and one row


def test_a_saved_chart_shows_as_its_png_at_screen_size_and_is_closed(seed_issue):
    fig = charts.plot_column_sizes(cu.column_overview(seed_issue))
    saved = cu.save_figure(fig, "x", "c")
    png, svg = saved  # still the two paths
    data, size = saved._repr_png_()
    assert svg.suffix == ".svg"
    width, height = Image.open(png).size
    shown = Image.open(io.BytesIO(data))
    half = {"width": -(-width // 2), "height": -(-height // 2)}  # 200 dpi shown at 100
    assert size == half == {"width": shown.width, "height": shown.height}
    assert shown.mode == "P" and len(data) < png.stat().st_size / 2  # 256 colours at 100 dpi: a page stays small
    assert not plt.fignum_exists(fig.number)  # nothing left for the inline backend to draw again
