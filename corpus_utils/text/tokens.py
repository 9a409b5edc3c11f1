"""Article text → tokens: jieba with the domain dictionary, and the terms an analysis counts.

Bare jieba cuts most party-building terms in two (``担当/作为``, ``党建/联盟``), so their
counts vanish from every table. The ``Tokenizer`` here loads ``data/userdict.txt``, the genre's
formulations (``dictionaries/formulations.toml``), the terms learned from the archive and
accepted (``learned_terms.tsv``), the phrases the project follows (``phrases.txt``), its
``terms.txt`` and, for one issue, ``seeds/<issue_id>.terms``; every entry gets a frequency high
enough that jieba keeps it whole in running text, and the project's own words win where two
entries overlap (``protected``).

Two engines run the same algorithm on the same entries: ``rjieba`` (jieba-rs, MIT; about 18×
faster) and ``jieba`` itself, the reference. The entries' frequencies are jieba's own
(``suggest_freq``), worked out once per dictionary and cached, and both engines get them in the
same order, so both cut alike (tested). Where rjieba is not installed, jieba is used, with a
notice. The global ``jieba.dt`` is never touched.
"""

from __future__ import annotations

import logging
import re
import threading
import warnings
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..cache import TextCache, text_key
from ..config import ConfigError, text_of
from ..paths import DATA_DIR, project_file
from .chars import HANZI
from .lexicon import empty_word_list, empty_words_file, formulations_file, learned_terms_file, lexicon_words
from .protected import is_own_list, with_words_whole

DOMAIN_TERMS = DATA_DIR / "userdict.txt"
DOMAIN_STOPWORDS = DATA_DIR / "stopwords_domain.txt"

# An entry's frequency is this many times what jieba needs to keep the bare word whole, so it
# also wins against neighbouring words in running text (tested on the seed).
BOOST = 50
MIN_FREQ = 2000
MAX_WORD = 40  # characters in one word of a word list (the genre's longest formulations have about 20)
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
    """Entries of a jieba-style word list (``word [freq] [tag]`` a line; ``#`` starts a comment,
    blank lines are skipped); a ``ConfigError`` names the file and the line that does not fit,
    or says where the file is not UTF-8."""
    path = Path(path)
    entries = []
    for lineno, raw in enumerate(text_of(path).splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        if len(parts) > 3 or (len(parts) >= 2 and not parts[1].isdigit()):
            raise ConfigError(path, f"expected 'word [freq] [tag]', got {raw[:60]!r}", f"line {lineno}")
        if len(parts[0]) > MAX_WORD:
            raise ConfigError(
                path, f"a word of {len(parts[0]):,} characters; a term is at most {MAX_WORD}", f"line {lineno}"
            )
        entries.append(
            DictEntry(parts[0], int(parts[1]) if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None)
        )
    return entries


def dictionary_files(issue_id: str | None = None) -> list[Path]:
    """The dictionaries that apply, in the order their words are added: the shipped domain
    terms, the project's canonical formulations (``formulations.toml``), the terms learned from
    the archive and accepted (``learned_terms.tsv``), the project's own ``terms.txt``, and the
    issue's ``seeds/<issue_id>.terms``."""
    files = [
        DOMAIN_TERMS,
        formulations_file(),
        learned_terms_file(),
        project_file("dictionaries", "phrases.txt"),
        project_file("dictionaries", "terms.txt"),
    ]
    if issue_id:
        files.append(project_file("seeds", f"{issue_id}.terms"))
    return [f for f in files if f is not None and f.is_file()]


def dictionary_words(path: Path) -> list[DictEntry]:
    """The entries a dictionary file gives: its lines (``word [freq] [tag]``), or the words of a
    lexicon (``formulations.toml``, the accepted rows of ``learned_terms.tsv``)."""
    if path.suffix in (".toml", ".tsv"):
        return [DictEntry(word) for word in lexicon_words(path)]
    return read_dictionary(path)


class Tokenizer:
    """A tokenizer with the domain dictionary, whose results are cached by text.

    ``engine`` is ``"rjieba"`` or ``"jieba"`` (default: rjieba where installed). The engine
    and its dictionary are loaded on the first text the cache does not hold, so a rerun on
    unchanged text loads no dictionary at all."""

    def __init__(
        self,
        files: Sequence[str | Path] | None = None,
        *,
        cache: TextCache | None = None,
        engine: str | None = None,
    ) -> None:
        self.files = [Path(f) for f in (dictionary_files() if files is None else files)]
        self.cache = cache if cache is not None else _shared_cache()
        self.engine_name = engine or default_engine()
        if self.engine_name not in ENGINES:
            raise ValueError(f"engine must be one of {ENGINES}, not {self.engine_name!r}")
        self._added: list[tuple[str, int]] = dictionary_entries(self.files, cache=self.cache)
        self.terms: dict[str, int] = dict(self._added)
        own = {e.word.strip() for f in self.files if is_own_list(f) for e in dictionary_words(f)}
        self.own_words = sorted((w for w in own if len(w) > 1), key=lambda w: (-len(w), w))
        self._engine: _Engine | None = None

    @property
    def engine(self) -> _Engine:
        """The segmenting engine, loaded with every entry in order (built on first use)."""
        if self._engine is None:
            self._engine = _Engine(self.engine_name)
            for word, freq in self._added:
                self._engine.add_word(word, freq)
        return self._engine

    def add_terms(self, terms: Iterable[str | tuple[str, int | None]]) -> list[str]:
        """Add words (or ``(word, freq)`` pairs) so that they are kept whole; return the new ones.

        A word without a frequency gets ``max(suggest_freq × BOOST, MIN_FREQ)`` from the engine."""
        added = []
        for item in terms:
            word, freq = (item, None) if isinstance(item, str) else item
            word = word.strip()
            if not word or re.search(r"\s", word):
                continue
            if freq is None:
                freq = max(self.engine.suggest_freq(word) * BOOST, MIN_FREQ)
            if self.terms.get(word) != freq:
                added.append(word)
            self.engine.add_word(word, freq)
            self._added.append((word, freq))
            self.terms[word] = freq
        self.__dict__.pop("_signature", None)
        return added

    @property
    def signature(self) -> str:
        """Identifies the dictionary and engine: the same text and signature give the same tokens."""
        if "_signature" not in self.__dict__:
            entries = "\n".join(f"{w} {f}" for w, f in sorted(self.terms.items()))
            own = "\n".join(self.own_words)
            self.__dict__["_signature"] = text_key(self.engine_name, _jieba_version(), entries, "own words", own)
        return self.__dict__["_signature"]

    def cut(self, text: str) -> list[str]:
        """All tokens of the text, whitespace and punctuation included (they join back to the text)."""
        key = text_key(text)
        namespace = f"tokens:{self.signature}"
        hit = self.cache.get(namespace, key)
        if hit is not None:
            return hit.split(_SEP) if hit else []
        tokens = self.cut_uncached(text)
        if _SEP not in text:
            self.cache.put(namespace, key, _SEP.join(tokens))
        return tokens

    def cut_uncached(self, text: str) -> list[str]:
        """Tokens from the engine, the project's own words kept whole, bypassing the cache."""
        return with_words_whole(text, self.engine.cut(text), self.own_words, self.engine.cut)

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
    return [t for t in tokenize(text, tokenizer=tokenizer) if is_term(t, stop, min_len)]


def is_term(token: str, stopwords: frozenset[str], min_len: int = 1) -> bool:
    """Whether an analysis counts this token (see ``terms``)."""
    return (
        len(token) >= min_len
        and _CONTENT.search(token) is not None
        and not _NUMBER.match(token)
        and not _UNIT.match(token)
        and token not in stopwords
    )


def stopword_files() -> list[Path]:
    """The stopword lists that apply: the genre's empty words — the project's
    ``dictionaries/empty_words.tsv``, learned from its archive with the evidence (``python -m
    corpus_utils learn``), or before there is one the shipped ``data/stopwords_domain.txt`` — and
    the project's own ``dictionaries/stopwords.txt``."""
    learned = empty_words_file()
    genre = learned if learned is not None and learned.is_file() else DOMAIN_STOPWORDS
    mine = project_file("dictionaries", "stopwords.txt")
    return [genre, *([mine] if mine else [])]


def stopwords_in(path: Path) -> list[str]:
    """The words a stopword file lists (for ``empty_words.tsv``: those decided empty)."""
    return empty_word_list(path) if path.suffix == ".tsv" else [e.word for e in read_dictionary(path)]


def genre_stopword_list() -> frozenset[str]:
    """The genre's and the project's empty words only (no general Chinese stopwords): what a
    phrase of the genre should not begin or end with (截至/目前, 各项/工作)."""
    present = tuple(p for p in stopword_files() if p.is_file())
    return frozenset(w for p in present for w in stopwords_in(p))


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


ENGINES = ("rjieba", "jieba")


class EngineNotice(UserWarning):
    """rjieba is not installed: the tokenizer runs on jieba (same tokens, slower)."""


@lru_cache(maxsize=1)
def default_engine() -> str:
    """``"rjieba"`` where it is installed, else ``"jieba"`` (said once, as an ``EngineNotice``)."""
    try:
        import rjieba  # noqa: F401
    except ImportError:
        warnings.warn(
            "rjieba is not installed: tokenizing with jieba (the same tokens, about 18x slower)",
            EngineNotice,
            stacklevel=2,
        )
        return "jieba"
    return "rjieba"


def dictionary_entries(files: Sequence[Path], *, cache: TextCache | None = None) -> list[tuple[str, int]]:
    """Every dictionary entry as ``(word, freq)``, in the order the engines must add them.

    A frequency a file leaves out is jieba's ``suggest_freq × BOOST`` (at least ``MIN_FREQ``),
    worked out by jieba itself once per dictionary content and kept in the cache: so both
    engines get exactly the same entries, and rjieba's users never load jieba's dictionary."""
    cache = cache if cache is not None else _shared_cache()
    key = text_key(_jieba_version(), str(BOOST), str(MIN_FREQ), *(Path(f).read_text("utf-8") for f in files))
    hit = cache.get("entries", key)
    if hit is not None:
        return [(w, int(f)) for w, f in (line.split(_SEP) for line in hit.splitlines())] if hit else []
    engine = _Engine("jieba")
    entries = []
    for path in files:
        for e in dictionary_words(Path(path)):
            word = e.word.strip()
            if not word or re.search(r"\s", word):
                continue
            freq = e.freq
            if freq is None:
                freq = max(engine.suggest_freq(word) * BOOST, MIN_FREQ, engine.freq(word))
            engine.add_word(word, freq)
            entries.append((word, freq))
    cache.put("entries", key, "\n".join(f"{w}{_SEP}{f}" for w, f in entries))
    return entries


class _Engine:
    """rjieba or jieba behind one face: add a word with its frequency, suggest one, cut."""

    def __init__(self, name: str) -> None:
        self.name = name
        if name == "rjieba":
            import rjieba

            self._seg = rjieba.Jieba()
        else:
            import jieba

            with _quiet_jieba():
                self._seg = jieba.Tokenizer()
                self._seg.initialize()

    def add_word(self, word: str, freq: int) -> None:
        if self.name == "rjieba":
            self._seg.add_word(word, freq, None)
        else:
            self._seg.add_word(word, freq)

    def suggest_freq(self, word: str) -> int:
        return int(self._seg.suggest_freq(word))

    def freq(self, word: str) -> int:
        """The word's frequency in jieba's dictionary (0 if absent; jieba engine only)."""
        return self._seg.FREQ.get(word, 0) if self.name == "jieba" else 0

    def cut(self, text: str) -> list[str]:
        return self._seg.cut(text) if self.name == "rjieba" else self._seg.lcut(text)


# internal functions ----------------------------------------------------------


@lru_cache(maxsize=1)
def _jieba_version() -> str:
    """jieba's version, without importing jieba (its import loads the HMM tables: 0.1 s)."""
    from importlib.metadata import version

    return version("jieba")


@lru_cache(maxsize=8)
def _tokenizer_for(files: tuple[Path, ...], _mtimes: tuple[int, ...]) -> Tokenizer:
    return Tokenizer(files)


@lru_cache(maxsize=8)
def _stopwords_for(files: tuple[Path, ...], _mtimes: tuple[int, ...]) -> frozenset[str]:
    import stopwordsiso

    words = set(stopwordsiso.stopwords("zh"))
    for path in files:
        words |= set(stopwords_in(path))
    return frozenset(words)


@lru_cache(maxsize=1)
def _shared_cache() -> TextCache:
    return TextCache()


@contextmanager
def _quiet_jieba():
    """jieba logs its start-up at DEBUG to stderr; keep it out of notebooks and command output."""
    import jieba

    logger = jieba.default_logger
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)
