"""A small on-disk cache, so rerunning the notebooks does not redo finished work.

Entries live in one SQLite file under ``.cache/`` at the project root (or
``$CORPUS_UTILS_CACHE``), keyed by a namespace (what was computed and with which
dictionaries) and a hash of the input text. Delete the folder to start afresh.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import threading
import warnings
from pathlib import Path

from .paths import find_project_root


def cache_dir() -> Path:
    """The cache folder: ``$CORPUS_UTILS_CACHE``, ``<project>/.cache``, or outside any project
    the user's cache folder."""
    if os.environ.get("CORPUS_UTILS_CACHE"):
        return Path(os.environ["CORPUS_UTILS_CACHE"])
    root = find_project_root()
    return root / ".cache" if root else Path.home() / ".cache" / "corpus_utils"


def text_key(*parts: str) -> str:
    """A stable key for some text (SHA-1 of its UTF-8 bytes)."""
    h = hashlib.sha1()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


def file_key(path: Path) -> str:
    """A stable key for a file's bytes (SHA-1)."""
    return hashlib.sha1(Path(path).read_bytes()).hexdigest()


class TextCache:
    """Strings by (namespace, key), in memory and in SQLite; ``enabled=False`` keeps memory only."""

    def __init__(self, path: Path | None = None, *, enabled: bool = True) -> None:
        self.path = path or cache_dir() / "corpus_utils.sqlite"
        self.enabled = enabled
        self._memory: dict[tuple[str, str], str] = {}
        self._db: sqlite3.Connection | None = None
        self._pid = os.getpid()
        self._lock = threading.Lock()

    def get(self, namespace: str, key: str) -> str | None:
        hit = self._memory.get((namespace, key))
        if hit is not None or not self.enabled:
            return hit
        row = self._disk("SELECT value FROM entries WHERE namespace=? AND key=?", (namespace, key))
        if row is not None:
            self._memory[(namespace, key)] = row[0]
            return row[0]
        return None

    def put(self, namespace: str, key: str, value: str) -> None:
        self._memory[(namespace, key)] = value
        if self.enabled:
            self._disk("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)", (namespace, key, value), write=True)

    def clear_memory(self) -> None:
        """Forget what is held in memory (the disk copy stays): to time a cold rerun."""
        self._memory.clear()

    def _disk(self, sql: str, args: tuple, *, write: bool = False):
        """Run one statement on the SQLite file; a file that is no database is set aside (renamed
        ``.corrupt``) and started afresh, and a cache that cannot be written (a read-only project,
        a full disk) is kept in memory only, each with a warning that says so."""
        for attempt in (1, 2):
            try:
                with self._lock:
                    conn = self._conn()
                    cursor = conn.execute(sql, args)
                    if write:
                        conn.commit()
                        return None
                    return cursor.fetchone()
            except sqlite3.DatabaseError as err:
                if attempt == 1 and "not a database" in str(err) and self.path.is_file():
                    self._db = None
                    aside = self.path.with_name(self.path.name + ".corrupt")
                    with contextlib.suppress(OSError):
                        os.replace(self.path, aside)
                    warnings.warn(
                        f"{self.path}: not a database; set aside as {aside.name}, started afresh", stacklevel=3
                    )
                    continue
                self.enabled = False
                warnings.warn(
                    f"{self.path}: cannot use the cache ({err}); results are kept in memory only", stacklevel=3
                )
                return None
        return None

    def _conn(self) -> sqlite3.Connection:
        if self._pid != os.getpid():  # a forked worker: never use the parent's connection
            self._db, self._pid = None, os.getpid()
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, check_same_thread=False)
            # a cache may lose its last entries in a power cut; it must not slow every write
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=OFF")
            db.execute(
                "CREATE TABLE IF NOT EXISTS entries"
                " (namespace TEXT, key TEXT, value TEXT, PRIMARY KEY (namespace, key))"
            )
            self._db = db
        return self._db
