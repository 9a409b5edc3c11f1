"""A small on-disk cache, so rerunning the notebooks does not redo finished work.

Entries live in one SQLite file under ``.cache/`` at the project root (or
``$CORPUS_UTILS_CACHE``), keyed by a namespace (what was computed and with which
dictionaries) and a hash of the input text. Delete the folder to start afresh.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
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
        row = self._conn().execute("SELECT value FROM entries WHERE namespace=? AND key=?", (namespace, key)).fetchone()
        if row is not None:
            self._memory[(namespace, key)] = row[0]
            return row[0]
        return None

    def put(self, namespace: str, key: str, value: str) -> None:
        self._memory[(namespace, key)] = value
        if self.enabled:
            with self._lock:
                conn = self._conn()
                conn.execute("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)", (namespace, key, value))
                conn.commit()

    def clear_memory(self) -> None:
        """Forget what is held in memory (the disk copy stays): to time a cold rerun."""
        self._memory.clear()

    def _conn(self) -> sqlite3.Connection:
        if self._pid != os.getpid():  # a forked worker: never use the parent's connection
            self._db, self._pid = None, os.getpid()
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, check_same_thread=False)
            # a cache may lose its last entries in a power cut; it must not slow every write
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=OFF")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS entries"
                " (namespace TEXT, key TEXT, value TEXT, PRIMARY KEY (namespace, key))"
            )
        return self._db
