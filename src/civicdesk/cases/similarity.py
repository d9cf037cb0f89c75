"""Text similarity for duplicate detection: character n-grams of the redacted text.

Both scripts are folded to Simplified Chinese first, so a report in Traditional and one in Simplified compare
equal. Chinese runs give character bigrams; Latin words give character trigrams (padded, so short words count);
privacy placeholders such as `[PHONE]` are dropped. The score is the cosine of the two n-gram sets,
|A ∩ B| / sqrt(|A| · |B|), which a long and a short report of the same problem still score well on.
"""

from __future__ import annotations

import math
import re
import unicodedata

from civicdesk.catalogue import to_simplified

_PLACEHOLDER = re.compile(r"\[[A-Z_]+\]")
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset({"the", "a", "an", "is", "are", "of", "to", "in", "on", "at", "and", "it", "my", "our", "i", "we"})


def shingles(text: str) -> frozenset[str]:
    """The n-gram set of a text (empty for a text with no letters or digits)."""
    folded = unicodedata.normalize("NFKC", _PLACEHOLDER.sub(" ", text)).casefold()
    if any("\u3400" <= char <= "\u9fff" for char in folded):
        folded = to_simplified(folded)
    grams: set[str] = set()
    for run in _CJK_RUN.findall(folded):
        grams.update(run) if len(run) == 1 else grams.update(run[i : i + 2] for i in range(len(run) - 1))
    for word in _WORD.findall(folded):
        if word in _STOP:
            continue
        padded = f"_{word}_"
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return frozenset(grams)


def cosine(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def similarity(a: str, b: str) -> float:
    return cosine(shingles(a), shingles(b))
