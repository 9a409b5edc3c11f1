"""The genre's vocabulary as the project writes it down: the canonical formulations (提法) in
``dictionaries/formulations.toml``, grouped, each group with its source, and the terms learned
from the archive in ``dictionaries/learned_terms.tsv``, each with its evidence and a decision a
user may change. The tokenizer keeps every formulation and every accepted learned term whole.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from ..config import ConfigError, ListOf, Schema, Str, Table, checked, text_of, toml_of
from ..paths import project_file
from .chars import HANZI

MAX_TERM = 40  # characters: the genre's longest formulations have about 20
FORMULATIONS_SCHEMA = Schema(
    free=Table({"source": Str(), "terms": ListOf(Str(longest=MAX_TERM), least=1)}, required=("source", "terms"))
)
LEARNED_COLUMNS = ["term", "count", "issues", "records", "genre_ratio", "holds", "auto", "decision", "example"]
EMPTY_COLUMNS = [
    "term",
    "count",
    "record_share",
    "issue_share",
    "dp",
    "general_ratio",
    "pos",
    "auto",
    "decision",
    "reason",
]
DECISIONS = ("accept", "reject", "")  # a learned term: "" is a candidate below the thresholds, not used
EMPTY_DECISIONS = ("empty", "keep")
_ONE_TOKEN = re.compile(rf"[{HANZI}0-9A-Za-z]+")


def is_one_token(term: str) -> bool:
    """Whether a term can be one token: a single run of characters, digits or letters."""
    return bool(_ONE_TOKEN.fullmatch(term))


@dataclass(frozen=True)
class Formulation:
    """One canonical formulation, its group and the source the group names."""

    term: str
    group: str
    source: str


def formulations_file() -> Path | None:
    """``dictionaries/formulations.toml`` of the project (None outside a project)."""
    return project_file("dictionaries", "formulations.toml")


def learned_terms_file() -> Path | None:
    """``dictionaries/learned_terms.tsv`` of the project (None outside a project)."""
    return project_file("dictionaries", "learned_terms.tsv")


def read_formulations(path: str | Path | None = None) -> list[Formulation]:
    """The formulations of ``formulations.toml`` in the order written, each once (its first group);
    a ``ConfigError`` names the group and the term that does not fit (a term is one run of
    characters, digits or letters: a pause mark or a space would never be one token)."""
    path = Path(path) if path is not None else formulations_file()
    if path is None or not path.is_file():
        return []
    data = checked(toml_of(path), FORMULATIONS_SCHEMA, path)
    seen: dict[str, Formulation] = {}
    for group, entry in data.items():
        for k, term in enumerate(entry["terms"]):
            if not _ONE_TOKEN.fullmatch(term):
                raise ConfigError(
                    path, f"{term!r} is not one run of characters (list its parts)", f"[{group}] terms[{k}]"
                )
            seen.setdefault(term, Formulation(term, group, entry["source"]))
    return list(seen.values())


def read_learned_terms(path: str | Path | None = None) -> list[dict]:
    """The rows of ``learned_terms.tsv`` (``LEARNED_COLUMNS``); a ``ConfigError`` names the line
    whose decision is not accept, reject or empty, or whose accepted term is no single token."""
    rows = _table_rows(path if path is not None else learned_terms_file(), DECISIONS)
    for row in rows:
        if row["decision"] == "accept" and not _ONE_TOKEN.fullmatch(row["term"]):
            raise ConfigError(row["_path"], f"{row['term']!r} is not one run of characters", f"line {row['_line']}")
    return rows


def empty_words_file() -> Path | None:
    """``dictionaries/empty_words.tsv`` of the project (None outside a project)."""
    return project_file("dictionaries", "empty_words.tsv")


def read_empty_words(path: str | Path | None = None) -> list[dict]:
    """The rows of ``empty_words.tsv`` (``EMPTY_COLUMNS``); a ``ConfigError`` names the line whose
    decision is not empty or keep."""
    return _table_rows(path if path is not None else empty_words_file(), EMPTY_DECISIONS)


def lexicon_words(path: Path) -> list[str]:
    """The words a tokenizer keeps whole from a lexicon file: every formulation of a ``.toml``,
    every accepted term of ``learned_terms.tsv``."""
    if path.suffix == ".toml":
        return [f.term for f in read_formulations(path)]
    return [row["term"] for row in read_learned_terms(path) if row["decision"] == "accept"]


def empty_word_list(path: Path) -> list[str]:
    """The words ``empty_words.tsv`` decides are empty."""
    return [row["term"] for row in read_empty_words(path) if row["decision"] == "empty"]


def table_inputs_key(path: str | Path | None) -> str | None:
    """The key of the inputs a vocabulary table was learned from, as its first line records it
    (``# inputs <key> …``), or None."""
    if path is None or not Path(path).is_file():
        return None
    with Path(path).open(encoding="utf-8", errors="replace") as f:
        first = f.readline()
    parts = first.split()
    return parts[2] if len(parts) > 2 and parts[:2] == ["#", "inputs"] else None


# internal functions ----------------------------------------------------------


def _table_rows(path: str | Path | None, decisions: tuple[str, ...]) -> list[dict]:
    if path is None or not Path(path).is_file():
        return []
    path = Path(path)
    lines = text_of(path).splitlines(keepends=True)
    skipped = 0
    while skipped < len(lines) and lines[skipped].startswith("#"):  # the header: how it was made
        skipped += 1
    reader = csv.DictReader(io.StringIO("".join(lines[skipped:])), delimiter="\t")
    if not {"term", "decision"} <= set(reader.fieldnames or []):
        raise ConfigError(path, "the first line must name the columns, term and decision among them (tab-separated)")
    rows = []
    for row in reader:
        entry = f"line {reader.line_num + skipped}"
        term, decision = (row.get("term") or "").strip(), (row.get("decision") or "").strip()
        if decision not in decisions:
            raise ConfigError(path, f"decision {decision!r} must be {' or '.join(repr(d) for d in decisions)}", entry)
        if len(term) > MAX_TERM:
            raise ConfigError(path, f"a term of {len(term):,} characters; at most {MAX_TERM}", entry)
        rows.append({**row, "term": term, "decision": decision, "auto": (row.get("auto") or "").strip()})
        rows[-1]["_path"], rows[-1]["_line"] = path, reader.line_num + skipped
    return rows
