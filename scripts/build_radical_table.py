"""Build ``corpus_utils/data/radicals.tsv`` from Unicode's EquivalentUnifiedIdeograph.txt.

python scripts/build_radical_table.py [path/to/EquivalentUnifiedIdeograph.txt]

The table maps each CJK radical and stroke (U+2E80–U+2FDF, U+31C0–U+31EF) to the unified
ideograph it looks like, one ``code point<TAB>ideograph code point`` per line. It is derived
from Unicode data: the file keeps Unicode's copyright notice, and LICENSE-Unicode.txt sits
beside it. Rerun this when a new Unicode version adds mappings.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "unicode" / "EquivalentUnifiedIdeograph.txt"
TARGET = ROOT / "corpus_utils" / "data" / "radicals.tsv"
LINE = re.compile(r"^([0-9A-F]{4,6})(?:\.\.([0-9A-F]{4,6}))?\s*;\s*([0-9A-F]{4,6})")


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    text = source.read_text(encoding="utf-8")
    header = [ln for ln in text.splitlines()[:5] if ln.startswith("#")]
    pairs = []
    for line in text.splitlines():
        m = LINE.match(line)
        if not m:
            continue
        first, last, target = int(m[1], 16), int(m[2] or m[1], 16), int(m[3], 16)
        pairs += [(cp, target) for cp in range(first, last + 1)]
    out = [
        "# Derived from Unicode's EquivalentUnifiedIdeograph.txt by scripts/build_radical_table.py:",
        "# CJK radical or stroke<TAB>the unified ideograph it looks like (hexadecimal code points).",
        "# The source file's notice follows; its licence is LICENSE-Unicode.txt beside this file.",
        *header,
        *(f"{cp:04X}\t{target:04X}" for cp, target in pairs),
    ]
    TARGET.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{TARGET}: {len(pairs)} mappings from {source.name}")


if __name__ == "__main__":
    main()
