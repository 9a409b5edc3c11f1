"""Raw bytes → normalised text: the first stage of the pipeline.

An issue arrives as whatever a PDF extractor wrote: UTF-8 (with or without BOM), GB18030/GBK
or UTF-16. This module decodes it, refuses what is not an issue's text with an error that
names the file, and normalises line endings and full-width ASCII so later stages see one form.

It also repairs look-alike characters. Many Chinese PDFs (browsers, Word, WPS) label ordinary
characters with CJK radical code points in their text layer (``⼈`` U+2F08 for 人, ``⺠`` for 民,
``⻚`` for 页), or with CJK compatibility ideographs; a text extracted from such a file carries
them too. ``data/radicals.tsv`` (derived from Unicode's EquivalentUnifiedIdeograph data, see
``scripts/build_radical_table.py``) maps each radical and stroke to the ideograph it looks like.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from functools import lru_cache
from pathlib import Path

from ..paths import DATA_DIR
from ..text.chars import HANZI_CHAR, count_hanzi

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Full-width digits and Latin letters (U+FF10–FF19, FF21–FF3A, FF41–FF5A) only:
# full-width punctuation is part of Chinese typography and stays as it is.
_FULLWIDTH_ALNUM = {
    c: c - 0xFEE0 for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A)) for c in range(r[0], r[1] + 1)
}


class IssueFormatError(ValueError):
    """The file is not an issue's text; the message names the file and what is wrong."""

    def __init__(self, source: str | Path, problem: str) -> None:
        self.source = str(source)
        self.problem = problem
        super().__init__(f"{source}: {problem}")


def is_pdf(path: str | Path) -> bool:
    """Whether the file is a PDF (by its first bytes, whatever its name)."""
    with Path(path).open("rb") as f:
        return f.read(1024).lstrip()[:5] == b"%PDF-"


def read_issue_text(path: str | Path) -> str:
    """Read one issue file and return its normalised text."""
    path = Path(path)
    if not path.is_file():
        raise IssueFormatError(path, "no such file")
    return normalise_text(decode_issue_bytes(path.read_bytes(), source=path))


def decode_issue_bytes(data: bytes, *, source: str | Path = "<bytes>") -> str:
    """Decode an issue's bytes, trying the encodings extractors write; raise on anything else."""
    if not data.strip():
        raise IssueFormatError(source, "empty file")
    if data.lstrip()[:5] == b"%PDF-":
        raise IssueFormatError(source, "this is a PDF, not text: load it with load_issue, or extract its text first")
    text = _decode(data, source)
    if _CONTROL.search(text) and len(_CONTROL.findall(text)) > max(3, len(text) // 1000):
        raise IssueFormatError(source, "binary data, not text")
    if not text.strip():
        raise IssueFormatError(source, "empty file")
    if not HANZI_CHAR.search(text):
        raise IssueFormatError(source, "no Chinese text in it (is this the right file?)")
    return text


def normalise_text(text: str) -> str:
    """Unify line endings, drop a BOM, turn full-width digits and letters into ASCII and
    radical or compatibility look-alikes into the ideographs they stand for."""
    return normalised_text_and_repairs(text)[0]


def normalised_text_and_repairs(text: str) -> tuple[str, int]:
    """``normalise_text``'s text, and how many look-alike characters it repaired."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return repair_lookalikes(text.translate(_FULLWIDTH_ALNUM))


def repair_lookalikes(text: str) -> tuple[str, int]:
    """The text with CJK radicals, strokes and compatibility ideographs replaced by the unified
    ideographs they look like, and how many characters were replaced."""
    table = lookalike_table()
    found = _LOOKALIKE.findall(text)
    if not found:
        return text, 0
    return _LOOKALIKE.sub(lambda m: table.get(m.group(), m.group()), text), sum(ch in table for ch in found)


_LOOKALIKE = re.compile("[\u2e80-\u2fdf\u31c0-\u31ef\uf900-\ufaff\U0002f800-\U0002fa1f]")


@lru_cache(maxsize=1)
def lookalike_table() -> dict[str, str]:
    """Look-alike character → the ideograph it stands for (radicals, strokes, compatibility ideographs)."""
    table = {}
    for line in (DATA_DIR / "radicals.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            source, target = line.split("\t")
            table[chr(int(source, 16))] = chr(int(target, 16))
    for cp in [*range(0xF900, 0xFB00), *range(0x2F800, 0x2FA20)]:  # compatibility ideographs
        ch = chr(cp)
        nfkc = unicodedata.normalize("NFKC", ch)
        if nfkc != ch and len(nfkc) == 1:
            table[ch] = nfkc
    return table


def _decode(data: bytes, source: str | Path) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", source)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", source)
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise IssueFormatError(source, "binary data, not text") from None
        if data.count(b"\x00") > max(3, len(data) // 1000):
            raise IssueFormatError(source, "binary data, not text")
        # a few stray NUL bytes in a text file: no character of text, dropped with a warning
        nul = data.count(b"\x00")
        warnings.warn(f"{source}: {nul} NUL byte(s) dropped", stacklevel=3)
        data = data.replace(b"\x00", b"")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        utf8_error = err
    if _mostly_utf8(data, utf8_error):
        raise IssueFormatError(source, _undecodable(data, utf8_error))
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as err:
        raise IssueFormatError(source, _undecodable(data, utf8_error, err)) from None
    # GB18030 maps almost any byte pair to something; real Chinese text is mostly common Hanzi.
    non_ascii = [c for c in text if ord(c) > 0x7F]
    if non_ascii and count_hanzi(text) < 0.6 * len(non_ascii):
        raise IssueFormatError(source, "binary data or an unknown encoding, not Chinese text")
    return text


def _mostly_utf8(data: bytes, err: UnicodeDecodeError) -> bool:
    """Whether the bytes before the first bad one are UTF-8 Chinese text: a file that changes
    encoding part way, which GB18030 would turn into nonsense without a word."""
    head = data[: err.start]
    return len(head) >= 64 and count_hanzi(head.decode("utf-8", errors="ignore")) >= 10


def _undecodable(data: bytes, utf8: UnicodeDecodeError, gb: UnicodeDecodeError | None = None) -> str:
    """Where the text stops being readable: for a file that is UTF-8 up to some byte, that byte
    and its line; else the byte GB18030/GBK could not read."""
    if gb is None:
        line = data[: utf8.start].count(b"\n") + 1
        return (
            f"mixed encoding: UTF-8 up to byte {utf8.start} (line {line}), then not; "
            "save the whole file in one encoding (UTF-8)"
        )
    line = data[: gb.start].count(b"\n") + 1
    return f"not UTF-8, GB18030/GBK or UTF-16 text (undecodable byte at offset {gb.start}, line {line})"


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without BOM has NULs in every other byte for ASCII; say which order, or None."""
    even, odd = data[0::2].count(0), data[1::2].count(0)
    enough = len(data) // 2 // 20  # ASCII (newlines, spaces, digits) is well over 5% of an issue
    if odd > max(3 * even, enough):
        return "utf-16-le"
    if even > max(3 * odd, enough):
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str, source: str | Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise IssueFormatError(source, f"not valid {encoding} text (bad byte at offset {err.start})") from None
