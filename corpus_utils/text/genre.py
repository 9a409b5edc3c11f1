"""How the magazine writes what is not running text, where both the PDF reader and the
segmenter must recognise it: a leader's speech excerpt opens with the speaker's name, a colon
and the excerpt's title (``习近平：扎实做好督促指导``), set in large type like a title.
"""

from __future__ import annotations

import re

from .chars import HANZI

# The name before the colon of an excerpt head (习近平：…) has 2–4 characters.
EXCERPT_NAME_CHARS = (2, 4)
EXCERPT_HEAD = re.compile(
    rf"^(?P<name>[{HANZI}]{{{EXCERPT_NAME_CHARS[0]},{EXCERPT_NAME_CHARS[1]}}})\s*[：:]\s*(?P<title>\S.*)$"
)
