"""The text under analysis, prepared once per call and shared by every recognizer.

Everything here keeps string length, so a span found in a prepared form is the same span in the original text:
full-width ASCII (Ｋ５２６０１８) is folded to half-width, the ideographic space and odd dashes to ASCII, and the
Traditional → Simplified conversion used for segmentation is character for character (checked; otherwise skipped).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from civicdesk.privacy.chinese import ChineseResources

_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FOLD.update({0x3000: 0x20, 0x00A0: 0x20, 0x2009: 0x20, 0x202F: 0x20, 0x2212: 0x2D, 0xFE63: 0x2D, 0xFF0D: 0x2D})
_FOLD.update({code: 0x2D for code in range(0x2010, 0x2016)})

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
_HAS_CJK = re.compile(f"[{CJK}]")
_HAS_LATIN = re.compile(r"[A-Za-z]")
_HAS_DIGIT = re.compile(r"\d")
_DIGIT_RUN = re.compile(r"\d+")
LANGUAGES = ("en", "zh-Hant", "yue", "zh-Hans")


def fold(text: str) -> str:
    """Full-width ASCII to half-width, unusual spaces and dashes to ASCII; never changes the length."""
    return text.translate(_FOLD)


def _safe_lower(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


@dataclass(frozen=True, slots=True)
class Token:
    word: str
    tag: str
    start: int
    end: int


class Document:
    """One text and its prepared forms; expensive forms (segmentation) are computed on first use only."""

    __slots__ = (
        "_max_digit_run",
        "_simplified",
        "_starts",
        "_token_index",
        "_tokens",
        "folded",
        "has_cjk",
        "has_digit",
        "has_latin",
        "language",
        "lower",
        "resources",
        "text",
    )

    def __init__(self, text: str, language: str | None, resources: ChineseResources | None) -> None:
        self.text = text
        self.language = language
        self.resources = resources
        ascii_only = text.isascii()
        self.folded = text if ascii_only else fold(text)
        self.lower = self.folded.lower() if ascii_only else _safe_lower(self.folded)
        self.has_cjk = not ascii_only and _HAS_CJK.search(text) is not None
        self.has_latin = _HAS_LATIN.search(self.folded) is not None
        self.has_digit = _HAS_DIGIT.search(self.folded) is not None
        self._simplified: str | None = None
        self._max_digit_run: int | None = None
        self._tokens: list[tuple[str, str]] | None = None
        self._token_index: dict[int, int] | None = None
        self._starts: list[int] = []

    @property
    def max_digit_run(self) -> int:
        """Length of the longest run of consecutive digits (a cheap gate for the number recognizers)."""
        if self._max_digit_run is None:
            runs = _DIGIT_RUN.findall(self.folded) if self.has_digit else []
            self._max_digit_run = max(map(len, runs), default=0)
        return self._max_digit_run

    @property
    def simplified(self) -> str:
        """The folded text in Simplified characters, same length (the segmenter's dictionary is Simplified)."""
        if self._simplified is None:
            converted = self.resources.to_simplified(self.folded) if self.resources else self.folded
            self._simplified = converted if len(converted) == len(self.folded) else self.folded
        return self._simplified

    def _segment(self) -> None:
        """Tag the Simplified form once; keep words, tags and start offsets (Token objects only on demand)."""
        tags: list[tuple[str, str]] = []
        starts: list[int] = []
        if self.resources is not None and self.has_cjk:
            tags = self.resources.tag(self.simplified)
            starts = list(accumulate((len(w) for w, _ in tags), initial=0))
            if starts[-1] != len(self.text):  # the segmenter changed the text; do without it
                tags, starts = [], [0]
            starts.pop()
        self._tokens = tags
        self._token_index = {start: i for i, start in enumerate(starts)}
        self._starts = starts

    def _token(self, index: int) -> Token:
        assert self._tokens is not None
        word, tag = self._tokens[index]
        return Token(word, tag, self._starts[index], self._starts[index] + len(word))

    @property
    def tokens(self) -> list[Token]:
        """Segmented, part-of-speech tagged tokens of the Simplified form, with offsets into the text."""
        if self._tokens is None:
            self._segment()
        return [self._token(i) for i in range(len(self._starts))]

    def token_starting_at(self, start: int) -> Token | None:
        if self._tokens is None:
            self._segment()
        assert self._token_index is not None
        index = self._token_index.get(start)
        return self._token(index) if index is not None else None

    def token_covering(self, position: int) -> Token | None:
        if self._tokens is None:
            self._segment()
        index = bisect_right(self._starts, position) - 1
        if index < 0:
            return None
        token = self._token(index)
        return token if token.start <= position < token.end else None

    def before(self, start: int, width: int) -> str:
        """The lower-cased folded text just before `start`."""
        return self.lower[max(0, start - width) : start]

    def after(self, end: int, width: int) -> str:
        return self.lower[end : end + width]
