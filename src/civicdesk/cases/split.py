"""Split a complaint into its parts: sentences, then clauses opened by a connector ("and also", 另外, 仲有, 同埋).

Parts too short to route on their own are merged into the part before. Splitting never decides anything by
itself: intake routes every part and creates linked cases only when parts confidently belong to different
departments, so a connector inside one matter ("啲垃圾同埋老鼠") leaves a single case.
"""

from __future__ import annotations

import re

MAX_PARTS = 6
_SENTENCE_END = re.compile(r"(?<=[。！？；;!?\n])|(?<=\.)(?=\s)")
_CONNECTOR = re.compile(
    r"(?=\b(?:and also|and another|another (?:problem|issue|thing)|in addition|additionally|besides that|"
    r"apart from that|separately)\b)|(?=另外|此外|還有|还有|仲有|同埋|以及|另一方面)",
    re.IGNORECASE,
)
_CJK = re.compile(r"[\u3400-\u9fff]")


def _long_enough(part: str) -> bool:
    cjk = len(_CJK.findall(part))
    latin_words = len(re.findall(r"[A-Za-z]{2,}", part))
    return cjk >= 6 or latin_words >= 4 or (cjk >= 3 and latin_words >= 2)


def split_issues(text: str) -> list[str]:
    """The parts of a complaint, in order; one part when it cannot be split."""
    pieces: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        for clause in _CONNECTOR.split(sentence):
            clause = clause.strip(" \t\r\n,，、")
            if clause:
                pieces.append(clause)
    parts: list[str] = []
    for piece in pieces:
        if parts and (not _long_enough(piece) or not _long_enough(parts[-1])):
            glue = "" if _CJK.match(piece[:1]) and _CJK.match(parts[-1][-1:]) else " "
            parts[-1] = f"{parts[-1]}{glue}{piece}"
        else:
            parts.append(piece)
    if len(parts) > MAX_PARTS:
        parts = [*parts[: MAX_PARTS - 1], " ".join(parts[MAX_PARTS - 1 :])]
    return parts or [text.strip()]
