"""The user's configuration files, checked one way: each file's shape is written down as a
small schema, and whatever does not fit it raises one ``ConfigError`` that names the file,
the entry and the problem, in one line.

The files are ``seeds/<id>.fix.toml``, ``seeds/issues.csv``, ``dictionaries/concepts.toml``
and the word lists (``phrases.txt``, ``terms.txt``, ``stopwords.txt``, ``seeds/<id>.terms``).
A schema is built from ``Int``, ``Str``, ``Choice``, ``ListOf``, ``Table`` and ``Tables`` (an
array of tables, TOML's ``[[name]]``); ``checked(value, schema, path)`` returns the value when
it fits. Text files are read with ``text_of``, which says where a file is not UTF-8.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MAX_TEXT = 10_000  # characters in one configuration value: more is a mistake, not a term


class ConfigError(ValueError):
    """A configuration file that does not fit its shape: ``<file>: <entry>: <problem>``."""

    def __init__(self, path: str | Path, problem: str, entry: str = "") -> None:
        self.path, self.entry, self.problem = Path(path), entry, problem
        super().__init__(f"{_shown(self.path)}: {entry + ': ' if entry else ''}{problem}")


@dataclass(frozen=True)
class Int:
    """A whole number (not a boolean), optionally within ``low``–``high``."""

    low: int | None = None
    high: int | None = None

    def check(self, value: Any, path: Path, entry: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(path, f"must be a whole number, not {_brief(value)}", entry)
        if (self.low is not None and value < self.low) or (self.high is not None and value > self.high):
            raise ConfigError(path, f"must be between {self.low} and {self.high}, not {value}", entry)
        return value


@dataclass(frozen=True)
class Str:
    """A string, non-empty unless ``empty``, at most ``longest`` characters."""

    empty: bool = False
    longest: int = MAX_TEXT

    def check(self, value: Any, path: Path, entry: str) -> str:
        if not isinstance(value, str):
            raise ConfigError(path, f"must be text in quotes, not {_brief(value)}", entry)
        if not self.empty and not value.strip():
            raise ConfigError(path, "must not be empty", entry)
        if len(value) > self.longest:
            raise ConfigError(path, f"is {len(value):,} characters long; at most {self.longest:,}", entry)
        return value


@dataclass(frozen=True)
class Choice:
    """One of a few strings."""

    options: Sequence[str]

    def check(self, value: Any, path: Path, entry: str) -> str:
        if value not in self.options:
            raise ConfigError(path, f"must be one of {', '.join(self.options)}, not {_brief(value)}", entry)
        return value


@dataclass(frozen=True)
class ListOf:
    """A list (TOML's ``[…]``) of items of one shape, at least ``least`` of them."""

    item: Any
    least: int = 0

    def check(self, value: Any, path: Path, entry: str) -> list:
        if not isinstance(value, list):
            raise ConfigError(path, f'must be a list in brackets, ["…", …], not {_brief(value)}', entry)
        if len(value) < self.least:
            raise ConfigError(path, f"must list at least {self.least}", entry)
        return [self.item.check(v, path, f"{entry}[{k}]") for k, v in enumerate(value)]


@dataclass(frozen=True)
class Table:
    """A table of known keys: ``fields`` (name → shape), those in ``required`` must be there."""

    fields: dict[str, Any]
    required: Sequence[str] = ()
    free: Any = None  # the shape of any key not in ``fields`` (None: unknown keys are errors)

    def check(self, value: Any, path: Path, entry: str) -> dict:
        if not isinstance(value, dict):
            raise ConfigError(path, f"must be a table of keys and values, not {_brief(value)}", entry)
        missing = [k for k in self.required if k not in value]
        if missing:
            raise ConfigError(path, f"needs {', '.join(missing)}", entry)
        out = {}
        for key, v in value.items():
            shape = self.fields.get(key, self.free)
            if shape is None:
                known = ", ".join(self.fields) or "none"
                raise ConfigError(path, f"unknown key {key!r} (known: {known})", entry)
            out[key] = shape.check(
                v, path, f"{entry} {key}" if entry.startswith("[") else f"{entry}.{key}" if entry else key
            )
        return out


@dataclass(frozen=True)
class Tables:
    """An array of tables (TOML's ``[[name]]`` sections), each of one shape."""

    item: Table
    name: str = ""

    def check(self, value: Any, path: Path, entry: str) -> list[dict]:
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise ConfigError(
                path, f"must be written [[{self.name or entry}]] (a list of sections), not [{entry}]", entry
            )
        return [self.item.check(v, path, f"[[{self.name or entry}]] {k + 1}") for k, v in enumerate(value)]


@dataclass
class Schema:
    """A file's whole shape: its top-level keys (``fields``), and the shape of any other key
    (``free``: a TOML file of ``[name]`` sections, such as the concepts). A section's entries
    are named ``[name] key``."""

    fields: dict[str, Any] = field(default_factory=dict)
    free: Any = None

    def check(self, value: Any, path: Path, entry: str) -> dict:
        out = {}
        for key, v in value.items():
            shape = self.fields.get(key, self.free)
            if shape is None:
                raise ConfigError(path, f"unknown key {key!r} (known: {', '.join(self.fields) or 'none'})")
            out[key] = shape.check(v, path, f"[{key}]" if isinstance(shape, Table) else str(key))
        return out


def checked(value: Any, schema: Any, path: str | Path) -> Any:
    """``value`` when it fits ``schema``; else a ``ConfigError`` naming ``path``, the entry and the problem."""
    return schema.check(value, Path(path), "")


def text_of(path: str | Path) -> str:
    """A configuration file's text (UTF-8, with or without BOM); a ``ConfigError`` that says where
    it is not, or that it holds binary data."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ConfigError(path, err.strerror or str(err)) from None
    if b"\x00" in data:
        raise ConfigError(path, "binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise ConfigError(
            path, f"not UTF-8 (byte {err.start}, line {line}): save it as UTF-8 (GBK/GB18030 is not read here)"
        ) from None


def toml_of(path: str | Path) -> dict:
    """A TOML configuration file's data; a ``ConfigError`` where it is no valid TOML."""
    import tomllib

    path = Path(path)
    try:
        return tomllib.loads(text_of(path))
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(path, f"not valid TOML ({err})") from None


# internal functions ----------------------------------------------------------


def _brief(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _shown(path: Path) -> str:
    from .paths import shown_path

    return shown_path(path)
