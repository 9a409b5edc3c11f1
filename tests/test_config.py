"""Configuration files checked one way: the schema's messages by hand, then a fuzz over every
kind of file a user edits, which must either load or raise one ``ConfigError`` (never another
exception, never a silent wrong value)."""

from __future__ import annotations

import json
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus_utils.analyses.concepts import read_concepts
from corpus_utils.config import Choice, ConfigError, Int, ListOf, Schema, Str, Table, Tables, checked
from corpus_utils.corpus.dates import issues_table
from corpus_utils.segmenting.fixes import CorrectionError, read_corrections
from corpus_utils.text.tokens import read_dictionary

SCHEMA = Schema(
    {
        "n": Int(0, 10),
        "name": Str(longest=5),
        "kind": Choice(["a", "b"]),
        "words": ListOf(Str(), least=1),
        "item": Tables(Table({"page": Int(1, 9), "text": Str()}, required=("page",)), "item"),
    }
)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"n": True}, "n: must be a whole number, not True"),
        ({"n": 11}, "n: must be between 0 and 10, not 11"),
        ({"n": 2.0}, "n: must be a whole number, not 2.0"),
        ({"name": "abcdef"}, "name: is 6 characters long; at most 5"),
        ({"name": "  "}, "name: must not be empty"),
        ({"kind": "c"}, "kind: must be one of a, b, not 'c'"),
        ({"words": "one"}, "words: must be a list in brackets"),
        ({"words": []}, "words: must list at least 1"),
        ({"words": ["x", 3]}, "words[1]: must be text in quotes, not 3"),
        ({"item": {"page": 1}}, "item: must be written [[item]] (a list of sections), not [item]"),
        ({"item": [{"text": "x"}]}, "[[item]] 1: needs page"),
        ({"item": [{"page": 1}, {"page": 1, "txt": "x"}]}, "[[item]] 2: unknown key 'txt' (known: page, text)"),
        ({"colour": 1}, "unknown key 'colour'"),
    ],
)
def test_each_problem_names_the_file_the_entry_and_what_is_wrong(data, message, tmp_path):
    with pytest.raises(ConfigError) as err:
        checked(data, SCHEMA, tmp_path / "my.toml")
    assert str(err.value) == f"{tmp_path / 'my.toml'}: {message}" or message in str(err.value)
    assert "\n" not in str(err.value)


def test_what_fits_comes_back_as_it_was(tmp_path):
    data = {"n": 3, "name": "ok", "kind": "a", "words": ["x"], "item": [{"page": 2, "text": "t"}]}
    assert checked(data, SCHEMA, tmp_path / "my.toml") == data


# the fuzz: random shapes written as each file would be -------------------------------------

_scalars = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.text(alphabet=string.ascii_letters + "党建联盟 \"\\'[]=#\n", max_size=12),
)
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=3), max_leaves=6)
_keys = st.sampled_from(["page_offset", "line", "start", "merge", "record", "confirm", "page", "text", "kind", "match",
                         "title", "authors", "terms", "x"])  # fmt: skip
_tables = st.dictionaries(_keys, _values, max_size=4)
_documents = st.dictionaries(_keys, st.one_of(_values, _tables, st.lists(_tables, min_size=1, max_size=3)), max_size=4)


def _toml(data: dict) -> str:
    """A TOML text for the fuzz (plain values inline, tables and arrays of tables as sections)."""
    plain = {k: v for k, v in data.items() if not isinstance(v, dict) and not _tables_list(v)}
    lines = [f"{json.dumps(k, ensure_ascii=False)} = {_value(v)}" for k, v in plain.items()]
    for key, value in data.items():
        if isinstance(value, dict):
            lines += [
                f"[{json.dumps(key, ensure_ascii=False)}]",
                *(f"{json.dumps(k)} = {_value(v)}" for k, v in value.items()),
            ]
        elif _tables_list(value):
            for table in value:
                lines += [f"[[{json.dumps(key, ensure_ascii=False)}]]"]
                lines += [f"{json.dumps(k)} = {_value(v)}" for k, v in table.items()]
    return "\n".join(lines) + "\n"


def _tables_list(value) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    if isinstance(v, float):
        return repr(v) if "e" not in repr(v) and "." in repr(v) else f"{v:.6e}"
    return json.dumps(v, ensure_ascii=False) if isinstance(v, str) else str(v)


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(data=_documents)
def test_any_fix_file_loads_or_says_what_is_wrong(tmp_path, data):
    path = tmp_path / "001_x.fix.toml"
    path.write_text(_toml(data), encoding="utf-8")
    try:
        fixes = read_corrections(path)
    except CorrectionError as err:
        assert str(path) in str(err) and "\n" not in str(err)
        return
    assert fixes.page_offset is None or (isinstance(fixes.page_offset, int) and not isinstance(fixes.page_offset, bool))
    assert all(isinstance(f.text, str) and isinstance(f.page, int) for f in fixes.lines + fixes.starts)


@FUZZ
@given(
    data=st.dictionaries(
        st.text(alphabet="党建治理abc", min_size=1, max_size=4), st.one_of(_values, _tables), max_size=3
    )
)
def test_any_concepts_file_loads_or_says_what_is_wrong(tmp_path, data):
    path = tmp_path / "concepts.toml"
    path.write_text(_toml({k: v for k, v in data.items()}), encoding="utf-8")
    try:
        concepts = read_concepts(path)
    except ConfigError as err:
        assert str(path) in str(err) and "\n" not in str(err)
        return
    assert concepts and all(hasattr(p, "findall") for p in concepts.values())


_csv_field = st.text(alphabet=string.digits + '-_,"\n 年期x', max_size=10)


@FUZZ
@given(
    header=st.lists(
        st.sampled_from(["issue_id", "date", "volume", "number", "title", "notes"]), min_size=1, max_size=5
    ),
    rows=st.lists(st.lists(_csv_field, max_size=6), max_size=4),
)
def test_any_issues_csv_loads_or_says_what_is_wrong(tmp_path, header, rows):
    path = tmp_path / "issues.csv"
    path.write_text("\n".join([",".join(header), *(",".join(r) for r in rows)]) + "\n", encoding="utf-8")
    try:
        table = issues_table(path)
    except ConfigError as err:
        assert str(path) in str(err) and "\n" not in str(err)
        return
    for row in table.values():
        assert set(row) <= {"issue_id", "date", "volume", "number", "title"}


@FUZZ
@given(content=st.binary(max_size=200) | st.text(max_size=200).map(lambda s: s.encode("utf-8")))
def test_any_word_list_loads_or_says_what_is_wrong(tmp_path, content):
    path = tmp_path / "x.terms"
    path.write_bytes(content)
    try:
        entries = read_dictionary(path)
    except ConfigError as err:
        assert str(path) in str(err) and "\n" not in str(err)
        return
    assert all(0 < len(e.word) <= 40 and not any(c.isspace() for c in e.word) for e in entries)


def test_a_word_list_in_gbk_says_where_it_stops_being_utf8(tmp_path):
    path = tmp_path / "x.terms"
    path.write_bytes("党建联盟\n".encode() + "基层治理\n".encode("gbk"))
    with pytest.raises(ConfigError, match=r"not UTF-8 \(byte 13, line 2\)"):
        read_dictionary(path)


def test_missing_file_is_named(tmp_path):
    with pytest.raises(ConfigError, match="no such file"):
        read_concepts(Path(tmp_path / "none.toml"))
