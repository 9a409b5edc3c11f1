"""Article text → tokens: jieba with the domain dictionary, and the terms an analysis counts.

Bare jieba cuts most party-building terms in two (``担当/作为``, ``党建/联盟``), so their
counts vanish from every table. The ``Tokenizer`` here is a ``jieba.Tokenizer`` of its own
(the global ``jieba.dt`` is never touched) loaded with ``data/userdict.txt``, the project's
``dictionaries/terms.txt`` and, for one issue, ``seeds/<issue_id>.terms``. Every entry gets a
frequency high enough that jieba keeps it whole in running text.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jieba

from .cache import TextCache, text_key
from .chars import HANZI
from .paths import DATA_DIR, project_file

DOMAIN_TERMS = DATA_DIR / "userdict.txt"
DOMAIN_STOPWORDS = DATA_DIR / "stopwords_domain.txt"

# An entry's frequency is this many times what jieba needs to keep the bare word whole, so it
# also wins against neighbouring words in running text (tested on the seed).
BOOST = 50
MIN_FREQ = 2000
_SEP = "\x1f"
_CONTENT = re.compile(f"[{HANZI}A-Za-z]")
_NUMBER = re.compile(r"^(?:[\d.,:%％+\-/]+|[一二三四五六七八九十百千万亿两零〇]+)$")
# counting units after a number (147人次, 30余名, 5万元): they say "how many", never "what"
_UNIT = re.compile(r"^(?:[余多]?(?:万元|亿元|人次|户次|场次|批次)|[余多][人名个次项家户场批])$")


@dataclass(frozen=True)
class DictEntry:
    """One line of a dictionary file: ``word [freq] [tag]``."""

    word: str
    freq: int | None = None
    tag: str | None = None


def read_dictionary(path: str | Path) -> list[DictEntry]:
    """Entries of a jieba-style dictionary file; ``#`` starts a comment, blank lines are skipped."""
    entries = []
    for lineno, raw in enumerate(Path(path).read_text(encoding="utf-8-sig").splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        if len(parts) > 3 or (len(parts) >= 2 and not parts[1].isdigit()):
            raise ValueError(f"{path}:{lineno}: expected 'word [freq] [tag]', got {raw!r}")
        entries.append(
            DictEntry(parts[0], int(parts[1]) if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None)
        )
    return entries


def dictionary_files(issue_id: str | None = None) -> list[Path]:
    """The dictionaries that apply: the shipped domain terms, the project's, and the issue's own."""
    files = [DOMAIN_TERMS, project_file("dictionaries", "terms.txt")]
    if issue_id:
        files.append(project_file("seeds", f"{issue_id}.terms"))
    return [f for f in files if f is not None and f.is_file()]


class Tokenizer:
    """A jieba tokenizer with the domain dictionary, whose results are cached by text."""

    def __init__(self, files: Sequence[str | Path] | None = None, *, cache: TextCache | None = None) -> None:
        self.files = [Path(f) for f in (dictionary_files() if files is None else files)]
        self.terms: dict[str, int] = {}
        self.cache = cache if cache is not None else _shared_cache()
        with _quiet_jieba():
            self._jieba = jieba.Tokenizer()
            self._jieba.initialize()
        for path in self.files:
            self.add_terms((e.word, e.freq) for e in read_dictionary(path))

    def add_terms(self, terms: Iterable[str | tuple[str, int | None]]) -> list[str]:
        """Add words (or ``(word, freq)`` pairs) so that they are kept whole; return the new ones."""
        added = []
        for item in terms:
            word, freq = (item, None) if isinstance(item, str) else item
            word = word.strip()
            if not word or re.search(r"\s", word):
                continue
            if freq is None:
                freq = max(self._jieba.suggest_freq(word) * BOOST, MIN_FREQ, self._jieba.FREQ.get(word, 0))
            if self.terms.get(word) != freq:
                added.append(word)
            self._jieba.add_word(word, freq)
            self.terms[word] = freq
        self.__dict__.pop("_signature", None)
        return added

    @property
    def signature(self) -> str:
        """Identifies the dictionary: the same text and signature always give the same tokens."""
        if "_signature" not in self.__dict__:
            entries = "\n".join(f"{w} {f}" for w, f in sorted(self.terms.items()))
            self.__dict__["_signature"] = text_key(jieba.__version__, entries)
        return self.__dict__["_signature"]

    def cut(self, text: str) -> list[str]:
        """All tokens of the text, whitespace and punctuation included (they join back to the text)."""
        key = text_key(text)
        namespace = f"tokens:{self.signature}"
        hit = self.cache.get(namespace, key)
        if hit is not None:
            return hit.split(_SEP) if hit else []
        tokens = self._jieba.lcut(text)
        if _SEP not in text:
            self.cache.put(namespace, key, _SEP.join(tokens))
        return tokens

    def cut_uncached(self, text: str) -> list[str]:
        """Tokens straight from jieba, bypassing the cache (for benchmarks)."""
        return self._jieba.lcut(text)

    def __contains__(self, word: str) -> bool:
        return word in self.terms


_lock = threading.Lock()


def get_tokenizer(issue_id: str | None = None) -> Tokenizer:
    """The shared tokenizer for an issue (domain, project and issue dictionaries), built once."""
    files = tuple(dictionary_files(issue_id))
    with _lock:
        return _tokenizer_for(files, tuple(f.stat().st_mtime_ns for f in files))


def tokenize(text: str, *, tokenizer: Tokenizer | None = None) -> list[str]:
    """Segment text into tokens with the domain dictionary; they join back to the text."""
    return (tokenizer or get_tokenizer()).cut(text)


def terms(
    text: str,
    *,
    tokenizer: Tokenizer | None = None,
    stopwords: frozenset[str] | None = None,
    min_len: int = 1,
) -> list[str]:
    """The tokens an analysis counts: no whitespace, punctuation, numbers, counting units
    (人次, 余名, 万元) or stopwords."""
    stop = stopword_list() if stopwords is None else stopwords
    return [
        t
        for t in tokenize(text, tokenizer=tokenizer)
        if len(t) >= min_len and _CONTENT.search(t) and not _NUMBER.match(t) and not _UNIT.match(t) and t not in stop
    ]


def stopword_files() -> list[Path]:
    """The stopword lists that apply: the genre's (shipped) and the project's own, if any."""
    mine = project_file("dictionaries", "stopwords.txt")
    return [DOMAIN_STOPWORDS, *([mine] if mine else [])]


def genre_stopword_list() -> frozenset[str]:
    """The genre's and the project's empty words only (no general Chinese stopwords): what a
    phrase of the genre should not begin or end with (截至/目前, 各项/工作)."""
    present = tuple(p for p in stopword_files() if p.is_file())
    return frozenset(e.word for p in present for e in read_dictionary(p))


def stopword_list(files: Sequence[str | Path] | None = None) -> frozenset[str]:
    """stopwords-iso's Chinese list plus the genre's empty words (``data/stopwords_domain.txt``)
    and the project's own (``dictionaries/stopwords.txt``); one word a line, ``#`` comments.

    Read again whenever one of the files changes (cached by path and modification time)."""
    paths = tuple(Path(p) for p in (files if files is not None else stopword_files()))
    present = tuple(p for p in paths if p.is_file())
    return _stopwords_for(present, tuple(p.stat().st_mtime_ns for p in present))


def write_terms(path: str | Path, words: Iterable[str], *, comment: str | None = None) -> Path:
    """Append words to a dictionary file (e.g. ``seeds/<issue_id>.terms``), skipping known ones."""
    path = Path(path)
    known = {e.word for e in read_dictionary(path)} if path.is_file() else set()
    new = [w for w in dict.fromkeys(words) if w not in known]
    with path.open("a", encoding="utf-8") as f:
        if comment and new:
            f.write(f"# {comment}\n")
        f.writelines(f"{w}\n" for w in new)
    return path


# internal functions ----------------------------------------------------------


@lru_cache(maxsize=8)
def _tokenizer_for(files: tuple[Path, ...], _mtimes: tuple[int, ...]) -> Tokenizer:
    return Tokenizer(files)


@lru_cache(maxsize=8)
def _stopwords_for(files: tuple[Path, ...], _mtimes: tuple[int, ...]) -> frozenset[str]:
    import stopwordsiso

    words = set(stopwordsiso.stopwords("zh"))
    for path in files:
        words |= {e.word for e in read_dictionary(path)}
    return frozenset(words)


@lru_cache(maxsize=1)
def _shared_cache() -> TextCache:
    return TextCache()


@contextmanager
def _quiet_jieba():
    """jieba logs its start-up at DEBUG to stderr; keep it out of notebooks and command output."""
    logger = jieba.default_logger
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)
