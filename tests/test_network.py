"""The co-occurrence network: Jaccard links worked by hand, communities, labels that do not overlap."""

from __future__ import annotations

import pytest

import corpus_utils as cu
from corpus_utils import charts
from corpus_utils.analyses.network import cooccurrence_graph

SENTENCES = [["甲", "乙"], ["甲", "乙", "丙"], ["丙", "丁"], ["甲", "乙"], ["丙", "丁"]]


def test_jaccard_links_by_hand():
    # 甲 in {0,1,3}, 乙 {0,1,3}, 丙 {1,2,4}, 丁 {2,4}: 甲–乙 3/3, 丙–丁 2/3, 甲–丙 1/5
    graph = cooccurrence_graph(SENTENCES, top_n=4, max_edges=10, min_cooccur=1)
    edges = cu.network_edges(graph).set_index(["source", "target"])
    assert edges.loc[("乙", "甲"), "jaccard"] == pytest.approx(1.0) and edges.loc[("乙", "甲"), "cooccur"] == 3
    assert edges.loc[("丁", "丙"), "jaccard"] == pytest.approx(2 / 3)
    assert edges.loc[("丙", "甲"), "jaccard"] == pytest.approx(1 / 5)
    assert graph.nodes["甲"]["sentences"] == 3
    # two communities: 甲 乙 and 丙 丁
    assert graph.nodes["甲"]["community"] == graph.nodes["乙"]["community"] != graph.nodes["丙"]["community"]


def test_weak_links_and_lonely_terms_are_left_out():
    graph = cooccurrence_graph(SENTENCES, top_n=4, max_edges=10, min_cooccur=2)
    assert {tuple(sorted(e)) for e in graph.edges} == {("乙", "甲"), ("丁", "丙")}
    assert cooccurrence_graph(SENTENCES, max_edges=1, min_cooccur=1).number_of_edges() == 1
    assert cooccurrence_graph([["甲"], ["乙"]], min_cooccur=1).number_of_nodes() == 0


def test_the_seed_s_network_and_its_labels(seed_issue):
    graph = cu.cooccurrence_network(seed_issue, top_n=40, max_edges=60)
    assert 0 < graph.number_of_edges() <= 60 and graph.number_of_nodes() <= 40
    edges = cu.network_edges(graph)
    assert edges["jaccard"].is_monotonic_decreasing and (edges["cooccur"] >= 2).all()
    assert {"党建联盟", "软弱涣散"} <= set(graph.nodes)
    fig = charts.plot_network(graph)
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in fig.axes[0].texts if t.get_text() in graph.nodes]
    assert len(boxes) == graph.number_of_nodes()
    overlaps = sum(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    assert overlaps == 0
