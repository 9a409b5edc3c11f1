"""Sentences → a co-occurrence network of an issue's (or a column's) top terms.

KH Coder's standard figure: the ``top_n`` terms found in the most sentences are the nodes;
two terms are linked by the Jaccard coefficient of the sentences they appear in,
``|S_a ∩ S_b| / |S_a ∪ S_b|``, and only the ``max_edges`` strongest links that rest on at least
``min_cooccur`` shared sentences are kept, so the figure shows structure, not a hairball.
Communities are networkx's greedy modularity communities (deterministic for a given graph).
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import TYPE_CHECKING

import pandas as pd

from ..corpus.corpus import Corpus, as_corpus
from ..segmenting.issue import Issue
from ..text.tokens import Tokenizer

if TYPE_CHECKING:
    import networkx as nx

EDGE_COLUMNS = ["source", "target", "cooccur", "jaccard", "community"]


def cooccurrence_graph(
    sentences: list[list[str]], *, top_n: int = 40, max_edges: int = 60, min_cooccur: int = 2
) -> nx.Graph:
    """The network of ``sentences`` (each a list of terms): nodes carry ``sentences`` (how many
    hold the term) and ``community``; edges carry ``cooccur`` and ``jaccard``."""
    import networkx as nx

    where: dict[str, set[int]] = defaultdict(set)
    for k, sentence in enumerate(sentences):
        for term in set(sentence):
            where[term].add(k)
    nodes = sorted(where, key=lambda t: (-len(where[t]), t))[:top_n]
    edges = []
    for a, b in combinations(sorted(nodes), 2):
        shared = len(where[a] & where[b])
        if shared >= min_cooccur:
            edges.append((a, b, shared, shared / len(where[a] | where[b])))
    edges = sorted(edges, key=lambda e: (-e[3], -e[2], e[0], e[1]))[:max_edges]
    graph = nx.Graph()
    graph.add_nodes_from((t, {"sentences": len(where[t])}) for t in nodes)
    graph.add_edges_from((a, b, {"cooccur": n, "jaccard": j}) for a, b, n, j in edges)
    graph.remove_nodes_from([t for t in nodes if graph.degree(t) == 0])
    if graph.number_of_edges():
        groups = nx.community.greedy_modularity_communities(graph, weight="jaccard")
        ordered = sorted(groups, key=lambda g: (-len(g), min(g)))
        for k, group in enumerate(ordered):
            for term in group:
                graph.nodes[term]["community"] = k
    return graph


def cooccurrence_network(
    x: Issue | Corpus,
    *,
    column: str | None = None,
    top_n: int = 40,
    max_edges: int = 60,
    min_cooccur: int = 2,
    tokenizer: Tokenizer | None = None,
) -> nx.Graph:
    """The co-occurrence network of the records of an issue or a corpus (or one ``column``'s),
    by sentence (the corpus's ``sentences()``)."""
    corpus = as_corpus(x)
    if column is not None:
        corpus = corpus.subset(column=column)
    sentences = [s for record in corpus.sentences(tokenizer=tokenizer) for s in record]
    return cooccurrence_graph(sentences, top_n=top_n, max_edges=max_edges, min_cooccur=min_cooccur)


def network_edges(graph: nx.Graph) -> pd.DataFrame:
    """The graph's links as a table, strongest first: ``source, target`` (in code-point order),
    ``cooccur, jaccard, community`` (the community both ends share, empty where they differ)."""
    rows = []
    for a, b, data in graph.edges(data=True):
        a, b = sorted((a, b))
        ca, cb = graph.nodes[a].get("community"), graph.nodes[b].get("community")
        rows.append(
            {"source": a, "target": b, "cooccur": data["cooccur"], "jaccard": data["jaccard"]}
            | {"community": ca if ca == cb else None}
        )
    frame = pd.DataFrame(rows, columns=EDGE_COLUMNS).astype({"community": "Int64"})
    return frame.sort_values(["jaccard", "source", "target"], ascending=[False, True, True], ignore_index=True)
